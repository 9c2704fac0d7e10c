"""What changed between two states of an atlas, as typed items a view or a report can show.

`compare(before, after)` looks at what a professional and a client talk about at a follow-up:
scores (the client's and each other perspective's, kept apart), bollen added and removed,
links, who moved ring or leefgebied, the family's events, a life event's new date and who is
newly involved in it, and the plan's goals, evaluations and actions. Other edits (a renamed
bol, a note) are not changes in this sense.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Union

from netwerkatlas.model.atlas import ACTIONS, EVALUATIONS, GOALS, Atlas
from netwerkatlas.model.records import (
    EdgeKind,
    Evaluation,
    GoalStatus,
    NodeKind,
    PartnerStatus,
)
from netwerkatlas.tools.circle import VIEW as CIRCLE
from netwerkatlas.tools.circle.variants import cells
from netwerkatlas.tools.ecogram import VIEW as ECOGRAM
from netwerkatlas.tools.ecogram.domains import domain_of
from netwerkatlas.tools.gebeurteniskaart import VIEW as GEBEURTENISKAART
from netwerkatlas.tools.gebeurteniskaart.dates import current
from netwerkatlas.tools.sessions.history import current_session

NETWERKINTAKE = "netwerkintake"
GENOGRAM = "genogram"
PLAN = "plan"
VIEW_ORDER = (NETWERKINTAKE, GENOGRAM, ECOGRAM, CIRCLE, PLAN, GEBEURTENISKAART)
LINK_VIEWS = {
    EdgeKind.INFLUENCE: NETWERKINTAKE,
    EdgeKind.SUPPORT: ECOGRAM,
    EdgeKind.EMOTIONAL: GENOGRAM,
    EdgeKind.INVOLVED: GEBEURTENISKAART,  # source: the event, target: the person
}
Place = tuple[str, ...]  # ecogram: (leefgebied,); netwerkcirkel: (ring, sector)


@dataclass(frozen=True)
class ScoreChanged:
    node_id: str
    label: str
    old: int | None
    new: int | None
    perspective: str = ""  # "" is the client's own score
    view = NETWERKINTAKE


@dataclass(frozen=True)
class NodeAdded:
    node_id: str
    label: str
    kind: str
    view = NETWERKINTAKE


@dataclass(frozen=True)
class NodeRemoved:
    node_id: str
    label: str
    kind: str
    view = NETWERKINTAKE


@dataclass(frozen=True)
class LinkAdded:
    source_label: str
    target_label: str
    kind: str
    edge_id: str = field(default="", compare=True)

    @property
    def view(self) -> str:
        return LINK_VIEWS.get(EdgeKind(self.kind), NETWERKINTAKE)


@dataclass(frozen=True)
class LinkRemoved(LinkAdded):
    pass


@dataclass(frozen=True)
class Moved:
    """A person placed elsewhere in the ecogram or the circle; None: not placed (new or lost)."""

    view: str
    node_id: str
    label: str
    old_place: Place | None
    new_place: Place | None


@dataclass(frozen=True)
class RingCounts:
    """How many people each ring (circle) or leefgebied (ecogram) held, then and now."""

    view: str
    before: dict[str, int]
    after: dict[str, int]

    def __hash__(self) -> int:
        return hash(
            (self.view, tuple(sorted(self.before.items())), tuple(sorted(self.after.items())))
        )


@dataclass(frozen=True)
class FamilyEvent:
    kind: str  # birth, death, partner, separation
    labels: tuple[str, ...]
    year: int | None
    node_ids: tuple[str, ...] = ()
    view = GENOGRAM


@dataclass(frozen=True)
class EventDated:
    """A life event given another time: the six time fields then and now (`dates.FIELDS`)."""

    node_id: str
    label: str
    old: tuple
    new: tuple
    view = GEBEURTENISKAART


@dataclass(frozen=True)
class GoalEvaluated:
    goal_id: str
    text: str
    old_score: int | None
    new_score: int | None
    perspective: str = ""
    view = PLAN


@dataclass(frozen=True)
class GoalAdded:
    goal_id: str
    text: str
    view = PLAN


@dataclass(frozen=True)
class GoalRemoved(GoalAdded):
    pass


@dataclass(frozen=True)
class GoalReached(GoalAdded):
    pass


@dataclass(frozen=True)
class GoalStopped(GoalAdded):
    pass


@dataclass(frozen=True)
class ActionDone:
    action_id: str
    goal_text: str
    what: str
    view = PLAN


Item = Union[  # noqa: UP007  (a union of classes, used in isinstance checks too)
    ScoreChanged,
    NodeAdded,
    NodeRemoved,
    LinkAdded,
    LinkRemoved,
    Moved,
    RingCounts,
    FamilyEvent,
    EventDated,
    GoalEvaluated,
    GoalAdded,
    GoalRemoved,
    GoalReached,
    GoalStopped,
    ActionDone,
]


@dataclass(frozen=True)
class Changes:
    items: tuple[Item, ...] = ()

    def by_view(self) -> dict[str, list[Item]]:
        """The items per view, in tab order; views without changes left out."""
        grouped: dict[str, list[Item]] = {}
        for item in self.items:
            grouped.setdefault(item.view, []).append(item)
        order = {name: i for i, name in enumerate(VIEW_ORDER)}
        return dict(sorted(grouped.items(), key=lambda kv: order.get(kv[0], len(order))))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)


def _label(atlas: Atlas, node_id: str) -> str:
    return atlas.node(node_id).shown_label if atlas.has("nodes", node_id) else ""


def _nodes(before: Atlas, after: Atlas) -> list[Item]:
    items: list[Item] = []
    old = {n.id: n for n in before.nodes()}
    new = {n.id: n for n in after.nodes()}
    for node_id, node in new.items():
        if node_id not in old:
            if node.kind != NodeKind.CLIENT:
                items.append(NodeAdded(node_id, node.shown_label, node.kind.value))
            continue
        was = old[node_id]
        if node.kind == NodeKind.EVENT and was.kind == NodeKind.EVENT:
            then_when, now_when = tuple(current(was).values()), tuple(current(node).values())
            if then_when != now_when:
                items.append(EventDated(node_id, node.shown_label, then_when, now_when))
        if was.score != node.score:
            items.append(ScoreChanged(node_id, node.shown_label, was.score, node.score))
        then = getattr(was, "perspectives", {}) or {}
        now = getattr(node, "perspectives", {}) or {}
        for name in sorted(set(then) | set(now)):
            if then.get(name) != now.get(name):
                items.append(
                    ScoreChanged(node_id, node.shown_label, then.get(name), now.get(name), name)
                )
    for node_id, node in old.items():
        if node_id not in new and node.kind != NodeKind.CLIENT:
            items.append(NodeRemoved(node_id, node.shown_label, node.kind.value))
    return items


def _links(before: Atlas, after: Atlas) -> list[Item]:
    items: list[Item] = []
    old = {e.id: e for e in before.edges() if e.kind in LINK_VIEWS}
    new = {e.id: e for e in after.edges() if e.kind in LINK_VIEWS}
    for edge_id in new.keys() - old.keys():
        e = new[edge_id]
        items.append(
            LinkAdded(_label(after, e.source), _label(after, e.target), e.kind.value, edge_id)
        )
    for edge_id in old.keys() - new.keys():
        e = old[edge_id]
        items.append(
            LinkRemoved(_label(before, e.source), _label(before, e.target), e.kind.value, edge_id)
        )
    return items


def _places(atlas: Atlas, view: str) -> dict[str, Place]:
    if view == CIRCLE:
        return {k: tuple(v) for k, v in cells(atlas).items() if k != atlas.client_id}
    return {k: (v,) for k, v in domain_of(atlas).items()}


def _moves(before: Atlas, after: Atlas) -> list[Item]:
    items: list[Item] = []
    for view in (ECOGRAM, CIRCLE):
        old, new = _places(before, view), _places(after, view)
        for node_id in sorted(old.keys() | new.keys()):
            if old.get(node_id) != new.get(node_id):
                label = _label(after, node_id) or _label(before, node_id)
                items.append(Moved(view, node_id, label, old.get(node_id), new.get(node_id)))
        counted_then = Counter(place[0] for place in old.values())
        counted_now = Counter(place[0] for place in new.values())
        if counted_then != counted_now:
            items.append(RingCounts(view, dict(counted_then), dict(counted_now)))
    return items


def _year(date: str) -> int | None:
    try:
        return dt.date.fromisoformat(date).year
    except ValueError:
        return None


def _family(before: Atlas, after: Atlas, since: int | None) -> list[Item]:
    items: list[Item] = []
    people = {n.id: n for n in after.nodes() if n.kind in (NodeKind.PERSON, NodeKind.CLIENT)}
    children = {e.target for e in after.edges(EdgeKind.PARENT_CHILD)}
    for node_id, person in people.items():
        if not before.has("nodes", node_id):
            born = getattr(person, "birth_year", None)
            if node_id in children and born is not None and since is not None and born >= since:
                items.append(FamilyEvent("birth", (person.shown_label,), born, (node_id,)))
            continue
        was = before.node(node_id)
        died_now = person.deceased or person.death_year is not None
        died_then = getattr(was, "deceased", False) or getattr(was, "death_year", None)
        if died_now and not died_then:
            items.append(FamilyEvent("death", (person.shown_label,), person.death_year, (node_id,)))
    apart = (PartnerStatus.SEPARATED, PartnerStatus.DIVORCED)
    old = {e.id: e for e in before.edges(EdgeKind.PARTNER)}
    for edge in after.edges(EdgeKind.PARTNER):
        ends = (edge.source, edge.target)
        labels = tuple(_label(after, n) for n in ends)
        was = old.get(edge.id)
        if was is None:
            if edge.status not in apart and edge.end_year is None:
                items.append(FamilyEvent("partner", labels, edge.start_year, ends))
        elif (edge.status in apart or edge.end_year is not None) and not (
            was.status in apart or was.end_year is not None
        ):
            items.append(FamilyEvent("separation", labels, edge.end_year, ends))
    return items


def _latest(evaluations: list[Evaluation]) -> dict[tuple[str, str], Evaluation]:
    latest: dict[tuple[str, str], Evaluation] = {}
    for e in sorted(evaluations, key=lambda e: (e.date, e.id)):
        latest[(e.goal_id, getattr(e, "perspective", ""))] = e
    return latest


def _plan(before: Atlas, after: Atlas) -> list[Item]:
    items: list[Item] = []
    old = {g.id: g for g in before.items(GOALS)}
    new = {g.id: g for g in after.items(GOALS)}
    for goal_id, goal in new.items():
        was = old.get(goal_id)
        if was is None:
            items.append(GoalAdded(goal_id, goal.text))
        elif goal.status != was.status and goal.status == GoalStatus.REACHED:
            items.append(GoalReached(goal_id, goal.text))
        elif goal.status != was.status and goal.status == GoalStatus.STOPPED:
            items.append(GoalStopped(goal_id, goal.text))
    for goal_id, goal in old.items():
        if goal_id not in new:
            items.append(GoalRemoved(goal_id, goal.text))
    then = _latest(before.items(EVALUATIONS))
    for (goal_id, perspective), evaluation in _latest(after.items(EVALUATIONS)).items():
        earlier = then.get((goal_id, perspective))
        if earlier is None or earlier.id != evaluation.id:
            old_score = earlier.score if earlier is not None else None
            items.append(
                GoalEvaluated(goal_id, new[goal_id].text, old_score, evaluation.score, perspective)
            )
    done_then = {a.id for a in before.items(ACTIONS) if a.done}
    for action in after.items(ACTIONS):
        if action.done and action.id not in done_then:
            items.append(ActionDone(action.id, new[action.goal_id].text, action.what))
    return items


def _session_year(atlas: Atlas) -> int | None:
    session = current_session(atlas)
    return _year(session.date) if session else _year(atlas.meta.created)


def compare(before: Atlas, after: Atlas) -> Changes:
    """Everything that changed from `before` to `after`, in a stable order."""
    items = [
        *_nodes(before, after),
        *_links(before, after),
        *_family(before, after, _session_year(before)),
        *_moves(before, after),
        *_plan(before, after),
    ]
    order = {name: i for i, name in enumerate(VIEW_ORDER)}
    items.sort(key=lambda item: (order.get(item.view, len(order)), type(item).__name__, _key(item)))
    return Changes(tuple(items))


def _key(item: Item) -> str:
    for name in ("label", "text", "source_label", "goal_text"):
        value = getattr(item, name, None)
        if isinstance(value, str):
            return value.casefold()
    return ""
