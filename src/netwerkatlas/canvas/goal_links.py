"""Bollen to goals from the netwerkintake canvas: dragged out of the canvas onto a goal card, or
through the context menu's "Aan doel toevoegen ▸".

A bol dragged past the canvas's edge stops moving (it goes back, no undo step) and is carried as
drag data instead: its id, one a line, which goal cards accept. Hovering over the Plan tab brings
the Plan to the front, so the bol can be dropped on a card.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QDrag, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QMenu, QWidget

from netwerkatlas.commands import Command
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.tools.plan import edits as plan_edits
from netwerkatlas.tools.plan.order import goals_in_order

MIME_NODES = "application/x-netwerkatlas-nodes"  # bollen dragged from the drawing: ids, one a line
GOAL_TEXT_MAX = 48  # characters of a goal's words in the menu


def nodes_mime(node_ids: list[str]) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_NODES, "\n".join(node_ids).encode("utf-8"))
    return mime


def drag_pixmap(widget: QWidget, labels: list[str]) -> QPixmap:
    """What the pointer carries: the bollen's names on a small rounded label."""
    text = ", ".join(labels[:3]) + (" …" if len(labels) > 3 else "")
    metrics = widget.fontMetrics()
    width, height = metrics.horizontalAdvance(text) + 24, metrics.height() + 12
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(QColor("#1565c0"), 1.5))
    painter.setBrush(QColor("#e8eef7"))
    rect = QRectF(0.75, 0.75, width - 1.5, height - 1.5)
    painter.drawRoundedRect(rect, height / 2, height / 2)
    painter.setPen(QColor("#1b1b1b"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap


def node_drag(widget: QWidget, atlas: Atlas, node_ids: list[str]) -> QDrag:
    """The drag of `node_ids` that a goal card accepts."""
    drag = QDrag(widget)
    drag.setMimeData(nodes_mime(node_ids))
    labels = [atlas.node(n).shown_label or "…" for n in node_ids if atlas.has("nodes", n)]
    pixmap = drag_pixmap(widget, labels)
    drag.setPixmap(pixmap)
    drag.setHotSpot(QPoint(pixmap.width() // 2, pixmap.height() // 2))
    return drag


def add_to_goal_menu(
    menu: QMenu, atlas: Atlas, node_ids: list[str], push: Callable[[Command], None]
) -> QMenu | None:
    """ "Aan doel toevoegen ▸" with the goals in the client's order; a goal that is already
    about all of `node_ids` is greyed out. None when there are no goals yet."""
    found = goals_in_order(atlas)
    if not found:
        return None
    submenu = menu.addMenu(t("canvas.add_to_goal"))
    for number, goal in enumerate(found, start=1):
        words = goal.text or t("plan.goal.untitled")
        if len(words) > GOAL_TEXT_MAX:
            words = words[: GOAL_TEXT_MAX - 1].rstrip() + "…"
        action = submenu.addAction(
            f"{number}. {words}",
            lambda g=goal.id: push(plan_edits.add_nodes_to_goal(atlas, g, node_ids)),
        )
        action.setEnabled(not set(node_ids) <= set(goal.node_ids))
    return submenu
