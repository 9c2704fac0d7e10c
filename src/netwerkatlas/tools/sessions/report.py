"""The change report: what changed between two sessions, in plain sentences grouped by view.

As text for the EPD (`report_lines`, lines of at most 100 characters) and as an A4 page
(`report_story`, through the export's A4 helpers). Within a view, what got better comes first,
then what got worse, what is new and what is gone. Privacy options are applied by comparing the
two states each redacted with the same name masks (`private_changes`), so a report never names
what the user chose to hide.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import replace
from itertools import chain

from netwerkatlas.export.options import ExportOptions, Privacy
from netwerkatlas.export.privacy import NameMasker, _people, redact
from netwerkatlas.i18n import t
from netwerkatlas.model.atlas import Atlas
from netwerkatlas.model.records import EventNode, Session
from netwerkatlas.render.style import score_symbol
from netwerkatlas.tools.circle import VIEW as CIRCLE
from netwerkatlas.tools.circle.drawing import ring_label
from netwerkatlas.tools.ecogram.domains import domain_label
from netwerkatlas.tools.gebeurteniskaart.dates import FIELDS, describe
from netwerkatlas.tools.sessions.changes import (
    ActionDone,
    Changes,
    EventDated,
    FamilyEvent,
    GoalAdded,
    GoalEvaluated,
    GoalReached,
    GoalRemoved,
    GoalStopped,
    Item,
    LinkAdded,
    LinkRemoved,
    Moved,
    NodeAdded,
    NodeRemoved,
    Place,
    RingCounts,
    ScoreChanged,
    compare,
)
from netwerkatlas.tools.sessions.history import atlas_at, find_session, sessions_in_order

WIDTH = 100
VIEW_KEYS = {
    "netwerkintake": "view.netwerkintake",
    "genogram": "view.genogram",
    "ecogram": "view.ecogram",
    "netwerkcirkel": "view.netwerkcirkel",
    "plan": "view.plan",
    "gebeurteniskaart": "view.gebeurteniskaart",
}


def private_changes(before: Atlas, after: Atlas, privacy: Privacy) -> Changes:
    """`compare` of the two states as they may leave the room: the same masks for the same
    people in both, and nothing about what is private now or was private then."""
    if not privacy.changes_atlas:
        return compare(before, after)
    masker = None
    if privacy.hide_names:
        masker = NameMasker(chain(_people(after), _people(before)), privacy.name_style)
    changes = compare(redact(before, privacy, masker), redact(after, privacy, masker))
    if masker is not None:  # whose view a score is from may be a name too
        changes = Changes(
            tuple(
                replace(i, perspective=masker.scrub(i.perspective))
                if isinstance(i, ScoreChanged | GoalEvaluated)
                else i
                for i in changes.items
            )
        )
    if privacy.hide_scores:  # also the scores from other perspectives
        changes = Changes(tuple(i for i in changes.items if not isinstance(i, ScoreChanged)))
    if not privacy.hide_private:
        return changes
    hidden = {
        r.id
        for atlas in (before, after)
        for r in chain(atlas.nodes(), atlas.edges(), atlas.items("goals"))
        if r.private
    }
    for atlas in (before, after):
        hidden |= {a.id for a in atlas.items("actions") if a.goal_id in hidden}
    kept = [item for item in changes.items if not (_ids(item) & hidden)]
    return Changes(tuple(kept))


def _ids(item: Item) -> set[str]:
    found = {getattr(item, name, "") for name in ("node_id", "edge_id", "goal_id", "action_id")}
    found |= set(getattr(item, "node_ids", ()))
    return found - {""}


def _score(score: int | None) -> str:
    return score_symbol(score) if score is not None else t("report.no_score")


def _perspective(item: ScoreChanged) -> str:
    return t("report.from_perspective", name=item.perspective) if item.perspective else ""


def _place(view: str, place: Place) -> str:
    if view == CIRCLE:
        ring, sector = place
        return t("report.cell", ring=ring_label(ring), sector=ring_label(sector))
    return domain_label(place[0])


def _moved(item: Moved) -> str:
    where = "circle" if item.view == CIRCLE else "ecogram"
    if item.old_place is None:
        return t(f"report.{where}.new", label=item.label, place=_place(item.view, item.new_place))
    if item.new_place is None:
        return t(f"report.{where}.gone", label=item.label, place=_place(item.view, item.old_place))
    old, new = item.old_place, item.new_place
    if item.view == CIRCLE and old[1] == new[1]:
        old_text, new_text = ring_label(old[0]), ring_label(new[0])
    else:
        old_text, new_text = _place(item.view, old), _place(item.view, new)
    return t("report.moved", label=item.label, old=old_text, new=new_text)


def _dated(item: EventDated) -> str:
    """ "Verhuizing: 2023 → ca. maart 2023.": the event's time as people say it."""
    old, new = (
        describe(EventNode(label="", **dict(zip(FIELDS, when, strict=True))))
        for when in (item.old, item.new)
    )
    if not old:
        return t("report.event.dated", label=item.label, new=new)
    if not new:
        return t("report.event.undated", label=item.label, old=old)
    return t("report.moved", label=item.label, old=old, new=new)


def _counts(item: RingCounts) -> str:
    names = list(dict.fromkeys([*item.before, *item.after]))
    label = ring_label if item.view == CIRCLE else domain_label
    parts = [
        f"{label(name)} {item.before.get(name, 0)} → {item.after.get(name, 0)}"
        for name in names
        if item.before.get(name, 0) != item.after.get(name, 0)
    ]
    key = "report.counts.circle" if item.view == CIRCLE else "report.counts.ecogram"
    return t(key, counts=", ".join(parts))


def _bare(text: str) -> str:
    """A sentence quoted inside another loses its full stop: „Weer werken” rather than „...”."""
    return text.strip().rstrip(".").strip()


def _evaluated(item: GoalEvaluated) -> str:
    who = t("report.from_perspective", name=item.perspective) if item.perspective else ""
    item = replace(item, text=_bare(item.text))
    if item.old_score is None:
        return t("report.goal.first", text=item.text, new=item.new_score or "?", who=who)
    if item.new_score is None or item.old_score == item.new_score:
        key = "report.goal.same"
    else:
        key = "report.goal.up" if item.new_score > item.old_score else "report.goal.down"
    return t(key, text=item.text, old=item.old_score, new=item.new_score or "?", who=who)


def sentence(item: Item) -> str:
    """One change in words, as a sentence (capital first)."""
    text = _words(item)
    if text.endswith(".."):  # a name masked to initials ends the sentence
        text = text[:-1]
    return text[:1].upper() + text[1:]


def _words(item: Item) -> str:
    if isinstance(item, ScoreChanged):
        if item.old is None or item.new is None:
            key = "report.score.set" if item.old is None else "report.score.unset"
        else:
            key = "report.score.better" if item.new > item.old else "report.score.worse"
        return t(
            key,
            label=item.label,
            old=_score(item.old),
            new=_score(item.new),
            who=_perspective(item),
        )
    if isinstance(item, NodeAdded | NodeRemoved):
        key = "report.node.added" if isinstance(item, NodeAdded) else "report.node.removed"
        return t(key, label=item.label, kind=t(f"kind.{item.kind}"))
    if isinstance(item, LinkRemoved | LinkAdded) and item.kind == "involved":
        key = (
            "report.involved.removed" if isinstance(item, LinkRemoved) else "report.involved.added"
        )
        return t(key, event=item.source_label, person=item.target_label)
    if isinstance(item, EventDated):
        return _dated(item)
    if isinstance(item, LinkRemoved | LinkAdded):
        key = "report.link.removed" if isinstance(item, LinkRemoved) else "report.link.added"
        return t(key, a=item.source_label, b=item.target_label, kind=t(f"kind.{item.kind}"))
    if isinstance(item, Moved):
        return _moved(item)
    if isinstance(item, RingCounts):
        return _counts(item)
    if isinstance(item, FamilyEvent):
        year = f" ({item.year})" if item.year else ""
        return t(f"report.family.{item.kind}", names=t("report.and").join(item.labels), year=year)
    if isinstance(item, GoalEvaluated):
        return _evaluated(item)
    if isinstance(item, ActionDone):
        return t("report.action_done", what=_bare(item.what), goal=_bare(item.goal_text))
    for kind, key in (
        (GoalReached, "report.goal.reached"),
        (GoalStopped, "report.goal.stopped"),
        (GoalRemoved, "report.goal.removed"),
        (GoalAdded, "report.goal.added"),
    ):
        if isinstance(item, kind):
            return t(key, text=_bare(item.text))
    raise TypeError(f"no sentence for {type(item).__name__}")


def _rank(item: Item) -> int:
    """Better first, then worse, new, gone, moved, counts; the plan in its own order."""
    if isinstance(item, ScoreChanged):
        better = item.old is not None and item.new is not None and item.new > item.old
        return 0 if better or item.old is None else 1
    if isinstance(item, GoalEvaluated):
        return 0
    if isinstance(item, NodeAdded | GoalAdded | GoalReached | FamilyEvent):
        return 2
    if isinstance(item, LinkRemoved):
        return 4
    if isinstance(item, LinkAdded):
        return 2
    if isinstance(item, NodeRemoved | GoalRemoved | GoalStopped):
        return 3
    if isinstance(item, ActionDone):
        return 1
    return 5 if isinstance(item, Moved) else 6


def sections(changes: Changes) -> list[tuple[str, list[str]]]:
    """(view title, sentences) per view with changes, in tab order."""
    return [
        (t(VIEW_KEYS.get(view, view)), [sentence(i) for i in sorted(items, key=_rank)])
        for view, items in changes.by_view().items()
    ]


def title(before_label: str, after_label: str) -> str:
    return t("report.title", before=before_label, after=after_label)


def report_lines(changes: Changes, before_label: str, after_label: str) -> list[str]:
    """The report as text for the EPD: a title, then per view a heading and its sentences,
    each line at most 100 characters."""
    lines = textwrap.wrap(title(before_label, after_label), WIDTH)
    if not changes:
        return [*lines, "", t("report.nothing")]
    for heading, sentences in sections(changes):
        lines += ["", heading]
        for text in sentences:
            lines += textwrap.wrap(
                text, WIDTH, initial_indent="- ", subsequent_indent="  ", break_on_hyphens=False
            )
    return lines


def report_story(changes: Changes, before_label: str, after_label: str, facts: list) -> list:
    """The report as reportlab flowables for one A4 page (more when it is long)."""
    from netwerkatlas.export.a4 import paragraph, styles

    style = styles()
    story = [paragraph(title(before_label, after_label), style["title"])]
    shown = [f"{name}: {value}" for name, value in facts if value]
    if shown:
        story.append(paragraph(" · ".join(shown), style["muted"]))
    if not changes:
        story.append(paragraph(t("report.nothing"), style["body"]))
    for heading, sentences in sections(changes):
        story.append(paragraph(heading, style["h2"]))
        story += [paragraph(f"• {text}", style["body"]) for text in sentences]
    return story


def changes_pages(before: Atlas, after: Atlas, options: ExportOptions, labels: tuple) -> list:
    """The report page for the export: the two states redacted under the options' privacy."""
    from netwerkatlas.export.a4 import facts

    changes = private_changes(before, after, options.privacy)
    shared_after = redact(after, options.privacy)
    return report_story(changes, *labels, facts(shared_after, options))


def session_label(session: Session | None) -> str:
    """ "Vervolggesprek 1, 05-04-2026"; "nu" for now."""
    if session is None:
        return t("history.now")
    try:
        day = dt.date.fromisoformat(session.date).strftime("%d-%m-%Y")
    except ValueError:
        day = ""
    return ", ".join(part for part in (session.label, day) if part) or session.id


def between(
    atlas: Atlas, start: str | None = None, end: str | None = None
) -> tuple[Atlas, Atlas, tuple[str, str]]:
    """The two states to compare and their names: `start` and `end` name sessions as
    `find_session` reads them (default: the last closed session, and now). Raises
    `SessionNotFound` for a name no session has."""
    ordered = sessions_in_order(atlas)
    last = find_session(atlas, end) if end is not None else None
    if start is None:
        upto = ordered if last is None else ordered[: ordered.index(last) + 1]
        first = upto[-2] if len(upto) > 1 else (upto[-1] if upto else None)
    else:
        first = find_session(atlas, start)
    before = atlas_at(atlas, first.id if first else None)
    after = atlas_at(atlas, last.id) if last is not None else atlas
    return before, after, (session_label(first), session_label(last))


def export_pages(atlas: Atlas, options: ExportOptions) -> list:
    """`--view changes`: the report of the last session → the atlas given (which is the atlas
    as it was at a session, with `--session`); privacy applied here, see the registry."""
    before, after, labels = between(atlas)
    return changes_pages(before, after, options, labels)


def export_text(atlas: Atlas, options: ExportOptions) -> str:
    before, after, labels = between(atlas)
    changes = private_changes(before, after, options.privacy)
    return "\n".join(report_lines(changes, *labels)) + "\n"
