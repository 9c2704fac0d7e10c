"""Scores from other perspectives than the client's: a naaste's or a professional's view.

The client's score (`score`) is the one drawn; the others are kept by name in `perspectives`
so the details panel can show them side by side and a view option can mark where they differ.
"""

from __future__ import annotations

import math

from netwerkatlas.commands import Command, UpdateItem
from netwerkatlas.i18n import t, tn
from netwerkatlas.model import NODES, Atlas
from netwerkatlas.model.records import MAX_PERSPECTIVES, NodeBase
from netwerkatlas.render.geometry import BADGE_ANGLE

SECOND_BADGE_SCALE = 0.7  # the other view's badge is smaller than the client's
_SECOND_BADGE_ANGLE = BADGE_ANGLE + math.pi / 4  # further round the rim: on its right


class PerspectiveError(ValueError):
    """A perspective that cannot be kept: no name, or too many."""


def clean_name(name: str) -> str:
    """A perspective's name as it is kept: one line, no spaces around it."""
    return " ".join(name.split())


def set_perspective_score(
    atlas: Atlas, node_id: str, name: str, score: int | None
) -> Command | None:
    """Give (or with None take away) the score of `node_id` seen from perspective `name`:
    one undo step; None when nothing would change."""
    name = clean_name(name)
    if not name:
        raise PerspectiveError(t("perspective.error.no_name"))
    current = dict(atlas.node(node_id).perspectives)
    if current.get(name) == score:
        return None
    if score is None:
        if name not in current:
            return None
        del current[name]
        text = t("command.perspective_remove", name=name)
    else:
        if name not in current and len(current) >= MAX_PERSPECTIVES:
            raise PerspectiveError(tn("perspective.error.too_many", MAX_PERSPECTIVES))
        current[name] = score
        text = t("command.perspective_score", name=name)
    return UpdateItem(NODES, node_id, {"perspectives": dict(sorted(current.items()))}, text=text)


def differing(record: NodeBase) -> list[tuple[str, int]]:
    """The other perspectives whose score is not the client's, by name."""
    return sorted((n, s) for n, s in record.perspectives.items() if s != record.score)


def second_badge_score(record: NodeBase) -> int | None:
    """The score the second badge shows: of the differing views, the one furthest from the
    client's (an unscored client counts as =); None when every view agrees."""
    others = differing(record)
    if not others:
        return None
    own = record.score or 0
    return max(others, key=lambda item: (abs(item[1] - own), -others.index(item)))[1]


def second_badge_offset(radius: float) -> tuple[float, float]:
    """Where the second badge sits on a bol of `radius`, from its centre."""
    return radius * math.cos(_SECOND_BADGE_ANGLE), radius * math.sin(_SECOND_BADGE_ANGLE)


def perspective_names(atlas: Atlas) -> list[str]:
    """Every perspective named in the atlas, to offer again when adding one."""
    names = {name for node in atlas.nodes() for name in node.perspectives}
    return sorted(names, key=str.casefold)
