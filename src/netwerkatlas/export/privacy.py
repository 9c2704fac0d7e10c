"""A copy of the atlas fit to leave the room: names masked, private items and scores left out.

Every export draws from this copy, never from the original, so no backend can leak what the
user chose to hide. Names are masked wherever they occur: on the person, in labels, in every
note and goal, in the title. A person without a name counts its label as its name, because a
label like "Oma Truus" is a name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from enum import Enum
from itertools import count
from typing import Any

from netwerkatlas.export.options import NameStyle, Privacy
from netwerkatlas.i18n import t
from netwerkatlas.model import (
    ACTIONS,
    EVALUATIONS,
    GOALS,
    PLANS,
    SESSIONS,
    Atlas,
    AtlasMeta,
    NodeBase,
    NodeKind,
    Record,
    ViewState,
)
from netwerkatlas.model.plan_bodies import person_ids_in, typed_names_in, without_person

PARTICLES = frozenset(
    [
        "van",
        "de",
        "der",
        "den",
        "het",
        "'t",
        "ten",
        "ter",
        "te",
        "op",
        "in",
        "la",
        "le",
        "du",
        "von",
        "zu",
        "da",
        "di",
        "del",
        "el",
        "al",
        "bin",
        "y",
    ]
)
_WORD_SPLIT = re.compile(r"[\s\-]+")
# whose view a score is from: "Fleur (moeder)", "naaste: Fleur" -> "Fleur"; a role ("behandelaar")
# is written in lower case, a name with a capital
_VIEW_PERSON = re.compile(r"^(?:[^:()]*:\s*)?(?P<who>[^():]*?)\s*(?:\(.*)?$")
PEOPLE = (NodeKind.CLIENT, NodeKind.PERSON)


def initials(name: str) -> str:
    """ "Sanne de Vries" -> "S.d.V.": tussenvoegsels stay lower case, as Dutch writes them."""
    parts = [p for p in _WORD_SPLIT.split(name.strip()) if p]
    marks = [(p[0].lower() if p.lower() in PARTICLES else p[0].upper()) + "." for p in parts]
    return "".join(marks) or "?"


def _pseudonym(number: int) -> str:
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return t("privacy.person", letter=letters)


def name_tokens(name: str) -> list[str]:
    """The words of a name that identify someone (no tussenvoegsels, no single letters)."""
    return [
        word
        for word in _WORD_SPLIT.split(name.strip())
        if len(word) >= 2 and word.lower() not in PARTICLES
    ]


# Dutch endings a name takes in running text: the possessive (Fleurs, Sanne's, Sanne’s) and
# the diminutives (Pietje, Sannetje, Sanneke, Kimmetje, Anitaatje, Bobbie), also plural.
_DIMINUTIVES = "etjes|tjes|pjes|kjes|jes|kes|etje|tje|pje|kje|je|ke|ie"
# A diminutive may double the name's last letter first (Anita-atje, Kim-metje, Bob-bie).
_ENDING = rf"(?:(?P<double>\w)??(?:{_DIMINUTIVES})(?:s|'s|’s)?|s|'s|’s)"


def fold(text: str) -> str:
    """Case and accents folded away: "Zoë" and "ZOE" are the same name."""
    # upper() first, so that letters that share a capital fold alike (dotless ı and i: "I")
    decomposed = unicodedata.normalize("NFKD", text.upper().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _folded_with_positions(text: str) -> tuple[str, list[int]]:
    """`fold(text)` and, for each of its characters, the index of the character it came from,
    so a match in the folded text replaces the right word of the original."""
    out: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        folded = fold(ch)
        out.append(folded)
        origin.extend([index] * len(folded))
    return "".join(out), origin


class NameMasker:
    """Replaces each known name, and every word of it, by initials or a pseudonym: as a whole
    word, also with a Dutch possessive or diminutive ending, whatever its case and accents."""

    def __init__(self, names: Iterable[tuple[str, str]], style: NameStyle) -> None:
        """`names` are (key, full name) pairs; the client's key is "client"."""
        self.replacement: dict[str, str] = {}
        self.names: list[str] = []
        phrases: dict[str, str] = {}
        token_owners: dict[str, set[str]] = {}
        used: set[str] = set()
        numbers = count()
        for key, name in names:
            if not name.strip() or key in self.replacement:
                continue
            self.names.append(name)
            if key == "client" and style == NameStyle.PSEUDONYMS:
                mask = t("privacy.client")
            elif style == NameStyle.PSEUDONYMS:
                mask = _pseudonym(next(numbers))
            else:
                mask = initials(name)
                for n in count(2):
                    if mask not in used:
                        break
                    mask = f"{initials(name)} ({n})"
            used.add(mask)
            self.replacement[key] = mask
            if fold(name.strip()):
                phrases[fold(name.strip())] = mask
            for token in name_tokens(name):
                if fold(token):
                    token_owners.setdefault(fold(token), set()).add(mask)
        for token, owners in token_owners.items():
            if token in phrases:
                continue
            # A surname shared by a family masks to its own initial, not to one person.
            phrases[token] = owners.pop() if len(owners) == 1 else token[0].upper() + "."
        self._phrases = phrases
        alternatives = sorted(phrases, key=len, reverse=True)
        self._pattern = (
            re.compile(
                r"(?<!\w)(" + "|".join(re.escape(p) for p in alternatives) + rf"){_ENDING}?(?!\w)"
            )
            if alternatives
            else None
        )

    def scrub(self, text: str) -> str:
        if not text or self._pattern is None:
            return text
        folded, origin = _folded_with_positions(text)
        pieces: list[str] = []
        done = 0
        for match in self._pattern.finditer(folded):
            start = origin[match.start()]
            end = origin[match.end() - 1] + 1
            double = match.group("double")
            if start < done or (double and double != match.group(1)[-1]):
                continue
            pieces.append(text[done:start])
            pieces.append(self._phrases.get(match.group(1), "?"))
            done = end
        pieces.append(text[done:])
        return "".join(pieces)

    def scrub_any(self, value: Any) -> Any:
        """Scrub strings inside lists and dicts too (plan bodies are free-form)."""
        if isinstance(value, str):
            return self.scrub(value)
        if isinstance(value, dict):
            return {k: self.scrub_any(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return type(value)(self.scrub_any(v) for v in value)
        return value


def _people(atlas: Atlas) -> list[tuple[str, str]]:
    client = atlas.client
    names = [("client", client.name or client.label)]
    for node in atlas.nodes(NodeKind.PERSON):
        names.append((node.id, node.name or node.label))
    for action in atlas.items(ACTIONS):
        if action.who and action.who_id is None:
            names.append((f"who:{action.who.casefold()}", action.who))
    for plan in atlas.items(PLANS):  # names typed in the meeting documents
        names += [(f"who:{name.casefold()}", name) for name in typed_names_in(plan.body)]
    views = {p for node in atlas.nodes() for p in node.perspectives}
    views |= {e.perspective for e in atlas.items(EVALUATIONS) if e.perspective}
    for name in sorted(views):
        who = view_person(name)
        if who:
            names.append((f"view:{fold(who)}", who))
    return names


def view_person(perspective: str) -> str:
    """The person a perspective's name names, if it names one: "Fleur (moeder)" -> "Fleur";
    a role in lower case ("behandelaar") names no one."""
    match = _VIEW_PERSON.match(perspective)
    words = match.group("who").split() if match else []
    named = [i for i, word in enumerate(words) if word[:1].isupper()]
    return " ".join(words[named[0] :]) if named else ""  # "tante Els" -> "Els"


def masker_for(atlas: Atlas, style: NameStyle) -> NameMasker:
    return NameMasker(_people(atlas), style)


def _scrubbed(record: Record, masker: NameMasker, changes: dict[str, Any]) -> Record:
    """A copy with every text field scrubbed (`changes` win)."""
    update: dict[str, Any] = {}
    for field, value in record:
        if field in ("id", "kind", "source", "target") or field.endswith(("_id", "_ids")):
            continue
        if isinstance(value, str | dict | list | tuple) and value and not isinstance(value, Enum):
            update[field] = masker.scrub_any(value)
    update.update(changes)
    return record.model_copy(update=update)


def _kept_settings(state: ViewState, kept: set[str]) -> dict[str, Any]:
    """A view's settings without the people left out (the gebeurteniskaart's lanes name them)."""
    settings = dict(state.settings)
    lanes = settings.get("lane_people")
    if isinstance(lanes, list):
        settings["lane_people"] = [i for i in lanes if i in kept]
    return settings


def _body_without(body: dict[str, Any], kept: set[str], someone: str) -> dict[str, Any]:
    """A plan body whose refs to people left out (private) name no one."""
    for person_id in sorted(person_ids_in(body) - kept):
        body = without_person(body, person_id, someone)
    return body


def redact(atlas: Atlas, privacy: Privacy, masker: NameMasker | None = None) -> Atlas:
    """The atlas as it may leave the room under `privacy`; the original is not touched. A
    given `masker` masks the names (with hide_names), so two sessions of one atlas that are
    compared give each person the same mask."""
    if not privacy.changes_atlas:
        return atlas
    keep_node = lambda n: not (privacy.hide_private and n.private and n.kind != NodeKind.CLIENT)  # noqa: E731
    nodes = [n for n in atlas.nodes() if keep_node(n)]
    kept = {n.id for n in nodes}
    edges = [
        e
        for e in atlas.edges()
        if e.source in kept and e.target in kept and not (privacy.hide_private and e.private)
    ]
    goals = [g for g in atlas.items(GOALS) if not (privacy.hide_private and g.private)]
    goal_ids = {g.id for g in goals}
    actions = [a for a in atlas.items(ACTIONS) if a.goal_id in goal_ids]
    evaluations = [e for e in atlas.items(EVALUATIONS) if e.goal_id in goal_ids]
    masker = (masker or masker_for(atlas, privacy.name_style)) if privacy.hide_names else None

    def node_copy(node: NodeBase) -> NodeBase:
        changes: dict[str, Any] = {}
        if privacy.hide_scores:
            changes["score"] = None
            changes["perspectives"] = {}  # other views' scores are scores too
        elif masker is not None and node.perspectives:
            masked: dict[str, int] = {}
            for name, score in sorted(node.perspectives.items()):
                masked.setdefault(masker.scrub(name), score)
            changes["perspectives"] = masked
        if masker is None:
            return node.model_copy(update=changes)
        if node.kind in PEOPLE:
            changes["photo"] = ""  # a face is a name too
            changes["phone"] = changes["email"] = ""  # and so is a number to call
            key = "client" if node.kind == NodeKind.CLIENT else node.id
            mask = masker.replacement.get(key, "")
            changes["name"] = mask if node.name else ""
            changes["label"] = masker.scrub(node.label) if node.name else mask
        return _scrubbed(node, masker, changes)

    def record_copy(record: Record, **changes: Any) -> Record:
        if masker is None:
            return record.model_copy(update=changes)
        return _scrubbed(record, masker, changes)

    someone = t("privacy.someone")
    lists = {
        GOALS: [record_copy(g, node_ids=tuple(i for i in g.node_ids if i in kept)) for g in goals],
        ACTIONS: [
            record_copy(a)
            if a.who_id is None or a.who_id in kept
            else record_copy(a, who=someone, who_id=None)
            for a in actions
        ],
        EVALUATIONS: [record_copy(e) for e in evaluations],
        SESSIONS: [record_copy(s, snapshot=None) for s in atlas.items(SESSIONS)],
        PLANS: [
            record_copy(p.model_copy(update={"body": _body_without(p.body, kept, someone)}))
            for p in atlas.items(PLANS)
        ],
    }
    views = {
        name: ViewState(
            {k: v for k, v in state.positions.items() if k in kept}, _kept_settings(state, kept)
        )
        for name, state in atlas.views.items()
    }
    meta: AtlasMeta = record_copy(atlas.meta)
    return Atlas.from_records(
        meta, [node_copy(n) for n in nodes], [record_copy(e) for e in edges], lists, views
    )
