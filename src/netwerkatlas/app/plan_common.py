"""What the Plan view's widgets share: reading the plan from the atlas, dates, fonts, drag data.

The plan model decides the order of goals and actions; these helpers only read it, so the
cards, the markers on the drawing and the dialogs all number and group the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from netwerkatlas.canvas.goal_links import MIME_NODES  # bollen dragged from the drawing
from netwerkatlas.i18n import language
from netwerkatlas.model import Atlas
from netwerkatlas.model.records import Action, Actor, Goal, GoalStatus
from netwerkatlas.tools.groslijst import MIME_PERSON
from netwerkatlas.tools.plan.order import (
    actions_by_group,
    evaluations_in_order,
    goals_in_order,
    who_label,
)

MIME_GOAL = "application/x-netwerkatlas-goal"  # a goal card dragged to another place
NODE_FORMATS = (MIME_NODES, MIME_PERSON)
SUGGESTED_ACTIVE = 3  # the method works with two or three goals at a time


def goals(atlas: Atlas) -> list[Goal]:
    return list(goals_in_order(atlas))


def goal_numbers(atlas: Atlas) -> dict[str, int]:
    """Goal id -> the number shown on its card and on the bollen it is about (1 = first)."""
    return {goal.id: index for index, goal in enumerate(goals(atlas), start=1)}


def active_count(atlas: Atlas) -> int:
    return sum(goal.status == GoalStatus.ACTIVE for goal in goals(atlas))


def actions_of(atlas: Atlas, goal_id: str, actor: Actor) -> list[Action]:
    """A goal's actions of one group (I, II or III), in their order."""
    return actions_by_group(atlas, goal_id)[actor]


def evaluations_of(atlas: Atlas, goal_id: str) -> list:
    return list(evaluations_in_order(atlas, goal_id))


def shown_who(atlas: Atlas, action: Action) -> str:
    """The person's current name when the action is linked to one, else the typed name."""
    return who_label(atlas, action)


def locale() -> QLocale:
    """The program's language for dates, whatever the computer's own setting."""
    return QLocale(QLocale.Language.Dutch if language() == "nl" else QLocale.Language.English)


def _looks_iso(text: str) -> bool:
    """Cheaply: could `text` be a date like 2025-03-12 (most "when"s are words)."""
    return len(text) == 10 and text[4] == "-" and text[7] == "-"


def shown_date(iso: str) -> str:
    """An ISO date as people write it ("12 maart 2025"); other text as it is."""
    if not _looks_iso(iso):
        return iso
    date = QDate.fromString(iso, "yyyy-MM-dd")
    if not date.isValid():
        return iso
    return locale().toString(date, "d MMMM yyyy")


def short_date(iso: str) -> str:
    """A compact date for a chart axis: "12-3-25" in Dutch, "3/12/25" in English."""
    date = QDate.fromString(iso, "yyyy-MM-dd")
    if not date.isValid():
        return iso
    return date.toString("d-M-yy" if language() == "nl" else "M/d/yy")


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(max(6.0, font.pointSizeF() * factor))
    font.setBold(bold)
    return font


def node_ids_from(mime) -> list[str]:
    """The ids a drag carries: bollen from the drawing or names from the groslijst."""
    for fmt in NODE_FORMATS:
        if mime.hasFormat(fmt):
            text = bytes(mime.data(fmt)).decode("utf-8")
            return [line for line in text.splitlines() if line]
    return []
