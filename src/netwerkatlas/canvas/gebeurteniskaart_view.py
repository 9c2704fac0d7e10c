"""The gebeurteniskaart on screen: the client's life events on a time axis.

A click on the axis makes an event at that year (its label typed in place); dragging an event
sideways changes its date (whole years), up or down its score, as one undo step on release (Esc
puts it back). Tab walks the events in time order, the arrows move one a year, +/− score it.
Every edit is a command from `tools.gebeurteniskaart.edits` or the netwerkintake's edits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QMenu, QWidget

from netwerkatlas.canvas.drawing_scene import DrawingScene
from netwerkatlas.canvas.drawing_view import DRAG_START, DrawingView
from netwerkatlas.canvas.empty_hint import EmptyHint, draws_only_client
from netwerkatlas.canvas.gebeurteniskaart_menus import ask_event, event_menu, paper_menu
from netwerkatlas.canvas.label_editor import LabelEditor
from netwerkatlas.canvas.refit import refit
from netwerkatlas.commands import Command
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.tools.gebeurteniskaart import VIEW, dates, edits
from netwerkatlas.tools.gebeurteniskaart.drawing import TimelineDrawing
from netwerkatlas.tools.netwerkintake import edits as node_edits

YEAR_KEYS = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}
SCORE_STEP_KEYS = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}
CLIENT_MENU_SCALE = 1.4


def at_time(unit: str, value: int) -> dict[str, Any]:
    """The date changes that put an event at whole year `value` of the axis' `unit`."""
    when: dict[str, Any] = dict.fromkeys(("date", "year", "age", "end_year", "end_age"))
    when["approximate"] = False
    when["age" if unit == "age" else "year"] = value
    return when


def whole_years(drawing, old_x: float, x: float) -> int:
    """How many whole years (or years of age) a drag from `old_x` to `x` moves an event."""
    return round(drawing.time_at(x) - drawing.time_at(old_x))


class TimelineScene(DrawingScene):
    """The drawing of the events with one selectable handle per event."""

    show_scores = True
    client_mode = False

    def __init__(self, atlas: Atlas, parent=None) -> None:
        super().__init__(atlas, VIEW, self._draw, parent)

    def _draw(self, atlas: Atlas) -> TimelineDrawing:
        return TimelineDrawing(atlas, self.show_scores, client=self.client_mode)

    def set_show_scores(self, show: bool) -> None:
        self.show_scores = show
        self.rebuild()

    def set_client_mode(self, on: bool) -> None:
        """Client mode draws with its larger type (for its wider view); the notes stay out of
        the drawing in either mode."""
        if on == self.client_mode:
            return
        self.client_mode = on
        self.rebuild()
        for view in self.views():
            if isinstance(view, TimelineView):
                refit(view)

    def rebuild(self) -> None:
        """Each handle covers the mark and the label beside it, not a square centred on it."""
        super().rebuild()
        drawing = self._drawing
        for event_id, handle in self._handles.items():
            x, y, width, height = drawing.handle_rect(event_id)
            wanted = QRectF(x, y, width, height)
            if handle.rect() != wanted:
                handle.setRect(wanted)

    def move_live(self, positions: dict[str, tuple[float, float]]) -> None:
        """Show dragged events at whole years, where they will land; undated ones follow freely."""
        drawing = self.drawing
        snapped = {}
        for event_id, (x, y) in positions.items():
            old_x = drawing.positions[event_id][0]
            if event_id not in drawing.undated_ids:
                x = drawing.x_of(drawing.time_at(old_x) + whole_years(drawing, old_x, x))
            snapped[event_id] = (x, y)
        super().move_live(snapped)

    def event_ids(self) -> list[str]:
        """The events shown, in time order."""
        return [e.id for e in dates.in_time_order(self.atlas) if e.id in self.handles]


class TimelineView(DrawingView):
    def __init__(self, scene: TimelineScene, push: Callable[[Command], None], parent=None):
        super().__init__(scene, push, parent)
        self.labels = LabelEditor(self)
        self._axis_click: tuple[QPointF, QPointF] | None = None

    # --- pointer --------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.labels.commit()
        super().mousePressEvent(event)

    def _begin(self, position: QPointF, additive: bool = False) -> None:
        point = self.mapToScene(position.toPoint())
        self._axis_click = None
        if self.drawn.person_at(point) is None and self.drawn.drawing.on_axis(point.x(), point.y()):
            self._axis_click = (position, point)  # a tap on the axis, unless it becomes a pan
        super()._begin(position, additive)

    def _follow(self, position: QPointF) -> None:
        if self._axis_click is not None:
            delta = position - self._axis_click[0]
            if abs(delta.x()) + abs(delta.y()) >= DRAG_START:
                self._axis_click = None
        super()._follow(position)

    def _finish(self) -> None:
        click, self._axis_click = self._axis_click, None
        super()._finish()
        if click is not None:
            self.start_new_event(click[1])

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        found = self.drawn.person_at(self.mapToScene(event.position().toPoint()))
        if found is not None:
            self.edit_label(found)

    def dropped(self, moved: dict[str, tuple[float, float]]) -> None:
        """Events let go elsewhere: sideways is a new date in whole years, up or down a new
        score; all of it one undo step."""
        drawing, atlas = self.drawn.drawing, self.drawn.atlas
        moves: dict[str, tuple[float | None, int | None]] = {}
        for event_id, (x, y) in moved.items():
            old_x, old_y = drawing.positions[event_id]
            span = dates.span(atlas.node(event_id), drawing.unit, drawing.birth_year)
            start = None
            if span is not None:
                shift = whole_years(drawing, old_x, x)
                if shift:
                    start = span.start + shift
            elif abs(x - old_x) >= DRAG_START and drawing.on_axis(x, drawing.axis_y):
                start = drawing.time_at(x)  # an undated event dragged onto the axis
            score = drawing.score_at(y)
            score = score if score != drawing.score_at(old_y) else None
            if start is not None or score is not None:
                moves[event_id] = (start, score)
        command = edits.move(atlas, moves, drawing.unit) if moves else None
        if command is None:
            self.drawn.cancel_move()
        else:
            self.push(command)

    # --- keys -----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ids = self.drawn.selected_ids()
        key, text = event.key(), event.text()
        atlas = self.drawn.atlas
        if ids and key in YEAR_KEYS and not event.modifiers():
            self.shift_years(ids, YEAR_KEYS[key])
        elif ids and key in SCORE_STEP_KEYS:
            self.push_command(node_edits.step_score(atlas, ids, SCORE_STEP_KEYS[key]))
        elif ids and text and text in node_edits.SCORE_KEYS:
            self.push_command(node_edits.for_score_key(atlas, ids, text))
        elif len(ids) == 1 and key in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_label(ids[0])
        elif ids and key == Qt.Key.Key_Backspace:
            self.remove_selected(ids)
        elif key == Qt.Key.Key_Escape and self._moving is None:
            self.drawn.clearSelection()
        else:
            super().keyPressEvent(event)

    def shift_years(self, ids: list[str], step: int) -> None:
        """Move the events one year (or year of age, on an age axis) earlier or later."""
        drawing, atlas = self.drawn.drawing, self.drawn.atlas
        moves: dict[str, tuple[float | None, int | None]] = {}
        for event_id in ids:
            span = dates.span(atlas.node(event_id), drawing.unit, drawing.birth_year)
            if span is not None:
                moves[event_id] = (span.start + step, None)
        if moves:
            self.push_command(edits.move(atlas, moves, drawing.unit))

    def select_next(self, step: int) -> None:
        """Tab and Shift+Tab walk through the events in time order."""
        order = self.drawn.event_ids()
        if not order:
            return
        current = self.drawn.selected_ids()
        index = (order.index(current[0]) + step) % len(order) if current else 0
        self.drawn.select_only([order[index]])
        self.ensureVisible(self.drawn.handles[order[index]])

    def remove_selected(self, ids: list[str]) -> None:
        self.push_command(node_edits.remove(self.drawn.atlas, ids))

    # --- new events and labels ------------------------------------------------------------

    def start_new_event(self, point: QPointF) -> None:
        """Type a label on the axis at the year under `point`; Enter makes the event there
        (one undo step), Esc or an empty label makes nothing."""
        drawing = self.drawn.drawing
        value = round(drawing.time_at(point.x()))
        where = QPointF(drawing.x_of(value), drawing.axis_y)

        def create(label: str) -> None:
            if not label.strip():
                return
            before = set(self.drawn.handles)
            self.push(
                edits.add_event(self.drawn.atlas, label.strip(), at_time(drawing.unit, value))
            )
            # selected once the Enter that typed it has been handled, or it would rename it
            QTimer.singleShot(0, self, lambda: self._select_new(before))

        self.labels.open(where, "", create)

    def add_event_with(self, person_id: str) -> None:
        """Ask a label (and a date) and add the event with this person involved."""
        name = self.drawn.atlas.node(person_id).shown_label
        answer = ask_event(self, t("timeline.menu.event_with", name=name))
        if answer is not None:
            label, when = answer
            self._add_and_select(edits.add_event(self.drawn.atlas, label, when, people=[person_id]))

    def _add_and_select(self, command: Command) -> None:
        before = set(self.drawn.handles)
        self.push(command)
        self._select_new(before)

    def _select_new(self, before: set[str]) -> None:
        new = [e for e in self.drawn.handles if e not in before]
        if new:
            self.drawn.select_only(new[-1:])

    def edit_label(self, event_id: str) -> None:
        handle = self.drawn.handles.get(event_id)
        if handle is None:
            return

        def rename(label: str) -> None:
            self.push_command(node_edits.relabel(self.drawn.atlas, event_id, label))

        self.labels.open(handle.pos(), self.drawn.atlas.node(event_id).label, rename)

    def ask_date(self, event_id: str) -> None:
        """The date as one line of text; an unreadable date is said in the dialog."""
        atlas = self.drawn.atlas
        node = atlas.node(event_id)
        current = dates.describe(node, self.drawn.drawing.birth_year)
        answer = ask_event(self, t("timeline.date_title"), ask_label=False, date=current)
        if answer is not None:
            self.push_command(edits.set_when(atlas, event_id, answer[1]))

    # --- menus ----------------------------------------------------------------------------

    def context_menu(self, point: QPointF) -> QMenu:
        menu = QMenu(self)
        if self.drawn.client_mode:
            font = menu.font()
            font.setPointSizeF(font.pointSizeF() * CLIENT_MENU_SCALE)
            menu.setFont(font)
        event_id = self.drawn.person_at(point)
        if event_id is None:
            paper_menu(self, menu, point)
            return menu
        if event_id not in self.drawn.selected_ids():
            self.drawn.select_only([event_id])
        event_menu(self, menu, event_id)
        return menu

    def push_command(self, command: Command | None) -> None:
        if command is not None:
            self.push(command)


def make_timeline_tab(
    atlas: Atlas, push: Callable[[Command], None], parent: QWidget
) -> tuple[TimelineScene, TimelineView]:
    """The gebeurteniskaart's tab, as the instrument registry asks for it."""
    scene = TimelineScene(atlas, parent=parent)
    view = TimelineView(scene, push=push, parent=parent)
    hint = draws_only_client(scene)
    view.empty_hint = EmptyHint(view, scene, "empty_hint.gebeurteniskaart", hint)
    return scene, view
