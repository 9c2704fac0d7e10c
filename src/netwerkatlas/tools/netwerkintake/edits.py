"""The edits of the netwerkintake drawing, as commands: pure Python, shared by mouse, touch,
keyboard, context menu and list view so they all do exactly the same thing."""

from __future__ import annotations

from collections.abc import Iterable

from netwerkatlas.commands import AddItem, Command, Macro, RemoveItem, SetPositions, UpdateItem
from netwerkatlas.i18n import t
from netwerkatlas.model import (
    EDGES,
    NODE_CLASSES,
    NODES,
    Atlas,
    Direction,
    EdgeKind,
    InfluenceLink,
    NodeKind,
    Point,
)
from netwerkatlas.tools.netwerkintake import VIEW
from netwerkatlas.tools.netwerkintake.layout import arrange_around_client

SCORES = (2, 1, 0, -1, -2)
DIRECTIONS = (Direction.NONE, Direction.FORWARD, Direction.BACKWARD, Direction.BOTH)
# Digits on the keyboard, from most negative to most positive, as the scale is read aloud.
DIGIT_SCORES = {"1": -2, "2": -1, "3": 0, "4": 1, "5": 2}


SCORE_KEYS = (*DIGIT_SCORES, "+", "-", "=", "0", "!")


def for_score_key(atlas: Atlas, node_ids: list[str], text: str) -> Command | None:
    """What a score key does to the selected bollen, the same on the canvas and in the list:
    1-5 set −− .. ++, + and − step, = is neutral, 0 clears, ! toggles emphasis."""
    if text in DIGIT_SCORES:
        return set_score(atlas, node_ids, DIGIT_SCORES[text])
    if text in ("+", "-"):
        return step_score(atlas, node_ids, 1 if text == "+" else -1)
    if text in ("=", "0"):
        return set_score(atlas, node_ids, 0 if text == "=" else None)
    if text == "!":
        return toggle_flag(atlas, node_ids, "emphasis")
    return None


def add_bol(label: str, point: Point, kind: NodeKind = NodeKind.THEME) -> Command:
    """A new bol (a theme unless said otherwise) with its label, placed at `point`: one undo
    step."""
    record = NODE_CLASSES[NodeKind(kind)](label=label.strip())
    return AddItem(NODES, record, positions={VIEW: point})


def add_link(atlas: Atlas, source: str, target: str) -> Command | None:
    """A link between two different bollen; None when it would join a bol to itself."""
    if source == target or not (atlas.has(NODES, source) and atlas.has(NODES, target)):
        return None
    return AddItem("edges", InfluenceLink(source=source, target=target))


def _for_each(text: str, commands: list[Command]) -> Command | None:
    if not commands:
        return None
    return commands[0] if len(commands) == 1 else Macro(text, commands)


def set_score(atlas: Atlas, node_ids: Iterable[str], score: int | None) -> Command | None:
    ids = [n for n in node_ids if n != atlas.client_id]
    changes = [UpdateItem(NODES, n, {"score": score}) for n in ids]
    return _for_each(t("command.score"), changes)


def step_score(atlas: Atlas, node_ids: Iterable[str], step: int) -> Command | None:
    """Raise (+1) or lower (−1) each score one step; an unscored bol starts at =."""
    commands = []
    for node_id in node_ids:
        if node_id == atlas.client_id:
            continue
        current = atlas.node(node_id).score
        new = 0 if current is None else max(-2, min(2, current + step))
        if new != current:
            commands.append(UpdateItem(NODES, node_id, {"score": new}))
    return _for_each(t("command.score"), commands)


def toggle_flag(atlas: Atlas, node_ids: Iterable[str], flag: str) -> Command | None:
    """Toggle `emphasis` or `private`: all on unless all are on already, then all off."""
    ids = [n for n in node_ids if n != atlas.client_id]
    if not ids:
        return None
    value = not all(getattr(atlas.node(n), flag) for n in ids)
    return _for_each(t(f"command.{flag}"), [UpdateItem(NODES, n, {flag: value}) for n in ids])


def relabel(atlas: Atlas, node_id: str, label: str) -> Command | None:
    label = label.strip()
    if not label or label == atlas.node(node_id).label:
        return None
    return UpdateItem(NODES, node_id, {"label": label}, text=t("command.relabel"))


def remove(atlas: Atlas, node_ids: Iterable[str]) -> Command | None:
    """Remove bollen with their links; the client stays."""
    ids = [n for n in node_ids if n != atlas.client_id]
    return _for_each(t("command.remove_many"), [RemoveItem(NODES, n) for n in ids])


def arrange(atlas: Atlas, shown: dict[str, Point]) -> Command | None:
    """Pack every bol around the client, as one undo step. `shown` holds where each bol is
    drawn now (stored or computed), so unplaced bollen are arranged as seen."""
    links = [(edge.source, edge.target) for edge in atlas.edges(EdgeKind.INFLUENCE)]
    target = arrange_around_client(shown, atlas.client_id, links)
    changed = {n: p for n, p in target.items() if atlas.position(VIEW, n) != p}
    if not changed:
        return None
    return SetPositions(VIEW, changed, text=t("command.arrange"))


def set_direction(edge_id: str, direction: Direction) -> Command:
    return UpdateItem(EDGES, edge_id, {"direction": direction}, text=t("command.direction"))


def set_link_note(atlas: Atlas, edge_id: str, note: str) -> Command | None:
    if note == atlas.edge(edge_id).note:
        return None
    return UpdateItem(EDGES, edge_id, {"note": note}, text=t("command.note"))


def set_note(atlas: Atlas, node_id: str, note: str) -> Command | None:
    if note == atlas.node(node_id).note:
        return None
    return UpdateItem(NODES, node_id, {"note": note}, text=t("command.note"))


def remove_links(edge_ids: Iterable[str]) -> Command | None:
    return _for_each(t("command.remove_links"), [RemoveItem(EDGES, e) for e in edge_ids])
