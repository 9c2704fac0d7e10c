"""The netwerkintake view: where presses, drags, keys and the context menu become edits.

A press is handed to an interaction object (move bollen, draw a link, rubber band or tap to add);
keys score, emphasise, rename and delete the selected bollen. Every edit is a command pushed
through `push`, so it is undoable; the view never writes to the model itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QMenu, QWidget

from netwerkatlas.canvas.choices import choice, one_of
from netwerkatlas.canvas.empty_hint import EmptyHint, bollen_only_client
from netwerkatlas.canvas.fitting import FittedWithoutScrollBars, fit_rect
from netwerkatlas.canvas.gebeurteniskaart_menus import ask_event
from netwerkatlas.canvas.goal_links import add_to_goal_menu, node_drag
from netwerkatlas.canvas.interactions import (
    DrawLink,
    Interaction,
    MoveBollen,
    PressOnEmpty,
    TapBadge,
)
from netwerkatlas.canvas.label_editor import LabelEditor
from netwerkatlas.canvas.menu_keys import show_keys
from netwerkatlas.canvas.netwerkintake_scene import AtlasScene
from netwerkatlas.canvas.touch import TouchGestures
from netwerkatlas.commands import Command
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas, NodeKind
from netwerkatlas.render.style import score_symbol
from netwerkatlas.tools.gebeurteniskaart import edits as event_edits
from netwerkatlas.tools.netwerkintake import edits
from netwerkatlas.tools.netwerkintake.layout import place_unplaced
from netwerkatlas.tools.netwerkintake.suggestions import MIME_TYPE

MIN_SCALE, MAX_SCALE = 0.05, 8.0
MAX_FIT = 1.6  # a small atlas should not fill the screen with giant bollen
SCORE_KEYS = {Qt.Key.Key_Plus: 1, Qt.Key.Key_Minus: -1}


class AtlasView(FittedWithoutScrollBars, QGraphicsView):
    def __init__(
        self, scene: AtlasScene, push: Callable[[Command], None] | None = None, parent=None
    ) -> None:
        super().__init__(scene, parent)
        self.push: Callable[[Command], None] = push or (lambda command: None)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.touch = TouchGestures(self)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.labels = LabelEditor(self)
        self.link_mode = False
        self.space_held = False  # Space + drag pans with a mouse, as in drawing programs
        self.last_touch_menu: QMenu | None = None
        self.last_score_picker: QMenu | None = None
        self._interaction: Interaction | None = None
        self._pan_from: QPointF | None = None
        self._fitted_once = False
        self.fitted = False  # shown as "Passend" left it: a resize fits again
        self._fitted_size = self.size()
        self.make_goal: Callable[[list[str]], None] | None = None  # "Doel maken van…"

    @property
    def atlas_scene(self) -> AtlasScene:
        return self.scene()

    # --- zoom and fit -----------------------------------------------------------------------

    def fit_all(self) -> None:
        """Show every bol as large as the window allows, with a small margin."""
        self.fitted, self._fitted_size = True, self.size()  # first: the bars' room is the drawing's
        fit_rect(self, self.scene().itemsBoundingRect(), MAX_FIT)
        self._fitted_once = True

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        busy = self._interaction is not None or self._pan_from is not None
        if self.fitted and not busy and self.isVisible() and self.size() != self._fitted_size:
            self.fit_all()  # still as "Passend" left it: fit the new size too

    def zoom_by(self, factor: float) -> None:
        current = self.transform().m11()
        target = min(MAX_SCALE, max(MIN_SCALE, current * factor))
        self.scale(target / current, target / current)
        self.fitted = False

    def wheelEvent(self, event: QWheelEvent) -> None:
        """The wheel zooms around the pointer; with Shift it scrolls."""
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)
            return
        self.zoom_by(1.15 ** (event.angleDelta().y() / 120))
        event.accept()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._fitted_once:
            self._fitted_once = True
            self.fit_all()

    # --- pointer ----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.labels.commit()
        point = self.mapToScene(event.position().toPoint())
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._interaction = self._interaction_for(point, event.modifiers())
        event.accept()

    def _interaction_for(self, point: QPointF, modifiers, touch: bool = False) -> Interaction:
        scene = self.atlas_scene
        extend = bool(
            modifiers & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)
        )
        for item in scene.selectedItems():
            if getattr(item, "handle_hit", None) and item.handle_hit(point):
                return DrawLink(self, point, item.node_id)
        bol = scene.bol_at(point)
        link = scene.link_at(point) if bol is None else None
        if link is not None:
            if not extend:
                scene.clearSelection()
            link.setSelected(True)
            return Interaction(self, point)
        if bol is None:
            if not extend:
                scene.clearSelection()
            return PressOnEmpty(self, point, extend, pan=touch or self.space_held)
        if self.link_mode:
            return DrawLink(self, point, bol.node_id)
        if bol.badge_hit(point) and not extend:
            return TapBadge(self, point, bol.node_id)
        if extend:
            bol.setSelected(not bol.isSelected())
        elif not bol.isSelected():
            scene.clearSelection()
            bol.setSelected(True)
        return MoveBollen(self, point, scene.selected_ids() or [bol.node_id])

    def begin_touch(self, point: QPointF) -> None:
        """One finger down: the same as a mouse press, except that dragging empty canvas pans."""
        self.labels.commit()
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._interaction = self._interaction_for(point, Qt.KeyboardModifier.NoModifier, touch=True)

    def move_touch(self, point: QPointF) -> None:
        if self._interaction is not None:
            self._interaction.move(point)

    def end_touch(self, point: QPointF) -> None:
        interaction, self._interaction = self._interaction, None
        if interaction is not None:
            interaction.release(point)

    def cancel_touch(self) -> None:
        self._cancel_interaction()

    def pan_by(self, dx: float, dy: float) -> None:
        """Scroll the canvas by screen pixels (a finger or two fingers dragging)."""
        self.fitted = False
        self.horizontalScrollBar().setValue(round(self.horizontalScrollBar().value() - dx))
        self.verticalScrollBar().setValue(round(self.verticalScrollBar().value() - dy))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.pan_by(delta.x(), delta.y())
            return
        if self._interaction is not None:
            outside = not self.viewport().rect().contains(event.position().toPoint())
            if outside and self.drag_out():
                return
            self._interaction.move(self.mapToScene(event.position().toPoint()))
            return
        super().mouseMoveEvent(event)

    def drag_out(self) -> bool:
        """Bollen dragged past the canvas's edge: the move is undone (no step) and they go on
        as a drag that a goal card accepts (hover over the Plan tab to get there)."""
        ids = self._interaction.carried_ids() if self._interaction is not None else []
        if not ids:
            return False
        self._cancel_interaction()
        self.exec_drag(node_drag(self, self.atlas_scene.atlas, ids))
        return True

    def exec_drag(self, drag) -> None:
        drag.exec(Qt.DropAction.CopyAction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._pan_from = None
        interaction, self._interaction = self._interaction, None
        if interaction is not None:
            interaction.release(self.mapToScene(event.position().toPoint()))
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        bol = self.atlas_scene.bol_at(self.mapToScene(event.position().toPoint()))
        if bol is not None:
            self.edit_label(bol.node_id)
        event.accept()

    # --- suggestions dropped from the palette --------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(MIME_TYPE):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(MIME_TYPE):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        """A theme from the palette becomes a bol where it is dropped; a blank person or
        event asks for its name there first."""
        if not event.mimeData().hasFormat(MIME_TYPE):
            super().dropEvent(event)
            return
        data = json.loads(bytes(event.mimeData().data(MIME_TYPE)).decode("utf-8"))
        point = self.mapToScene(event.position().toPoint())
        self.add_suggestion(NodeKind(data["kind"]), data.get("label", ""), point)
        event.acceptProposedAction()

    def add_suggestion(self, kind: NodeKind, label: str, point: QPointF) -> None:
        if label:
            self.push(edits.add_bol(label, (point.x(), point.y()), kind))
        else:
            self.start_new_bol(point, kind)

    # --- labels -----------------------------------------------------------------------------

    def start_new_bol(self, point: QPointF, kind: NodeKind = NodeKind.THEME) -> None:
        """Open the label field where the user tapped; Enter makes the bol, Esc makes nothing."""

        def create(label: str) -> None:
            if label.strip():
                self.push(edits.add_bol(label, (point.x(), point.y()), kind))

        self.labels.open(point, "", create)

    def edit_label(self, node_id: str) -> None:
        scene = self.atlas_scene
        item = scene.bol_items[node_id]
        record = scene.atlas.node(node_id)

        def rename(label: str) -> None:
            command = edits.relabel(scene.atlas, node_id, label)
            if command is not None:
                self.push(command)

        self.labels.open(item.pos(), record.label, rename)

    # --- keyboard ---------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        scene = self.atlas_scene
        ids = scene.selected_ids()
        links = scene.selected_link_ids()
        key, text = event.key(), event.text()
        command: Command | None = None
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.space_held = True
        elif key == Qt.Key.Key_Insert or (key == Qt.Key.Key_N and not ids):
            self.start_new_bol(self.free_spot())
        elif key == Qt.Key.Key_Escape:
            self._cancel_interaction() or scene.clearSelection()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (ids or links):
            command = edits.remove(scene.atlas, ids) if ids else edits.remove_links(links)
        elif key in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter) and len(ids) == 1:
            self.edit_label(ids[0])
        elif text in edits.SCORE_KEYS and text and ids:
            command = edits.for_score_key(scene.atlas, ids, text)
        elif key == Qt.Key.Key_Tab or key == Qt.Key.Key_Backtab:
            self.select_next(-1 if key == Qt.Key.Key_Backtab else 1)
        else:
            super().keyPressEvent(event)
            return
        if command is not None:
            self.push(command)
        event.accept()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.space_held = False
        super().keyReleaseEvent(event)

    def free_spot(self) -> QPointF:
        """A place around the client where a new bol overlaps nothing."""
        scene = self.atlas_scene
        shown = {n: (p.x(), p.y()) for n, p in scene.positions().items()}
        return QPointF(*place_unplaced(["new"], shown, scene.atlas.client_id)["new"])

    def focusNextPrevChild(self, next: bool) -> bool:
        return False  # Tab moves between bollen, not out of the canvas

    def select_next(self, step: int) -> None:
        """Select the next bol clockwise around the client (Tab) or back (Shift+Tab)."""
        scene = self.atlas_scene
        ordered = scene.clockwise_ids()
        if not ordered:
            return
        current = scene.selected_ids()
        index = ordered.index(current[0]) + step if current else 0
        scene.clearSelection()
        item = scene.bol_items[ordered[index % len(ordered)]]
        item.setSelected(True)
        self.ensureVisible(item)

    def _cancel_interaction(self) -> bool:
        interaction, self._interaction = self._interaction, None
        if interaction is None:
            return False
        interaction.cancel()
        return True

    # --- context menu -----------------------------------------------------------------------

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        point = self.mapToScene(event.pos())
        show_keys(self.context_menu(point)).exec(event.globalPos())

    def context_menu(self, point: QPointF) -> QMenu:
        """The menu for a bol (score, emphasis, private, rename, delete) or for empty canvas."""
        scene = self.atlas_scene
        atlas = scene.atlas
        menu = QMenu(self)
        bol = scene.bol_at(point)
        link = scene.link_at(point) if bol is None else None
        if link is not None:
            return self._link_menu(menu, link)
        if bol is None:
            menu.addAction(t("canvas.new_bol_here"), lambda: self.start_new_bol(point))
            menu.addAction(t("action.arrange"), self.arrange)
            menu.addAction(t("action.fit"), self.fit_all)
            return menu
        if not bol.isSelected():
            scene.clearSelection()
            bol.setSelected(True)
        ids = scene.selected_ids()
        if bol.node_id != atlas.client_id:
            scores = menu.addMenu(t("canvas.score"))
            self._add_score_actions(scores, atlas, ids, atlas.node(bol.node_id).score)
            for flag in ("emphasis", "private"):
                action = menu.addAction(
                    t(f"canvas.{flag}"),
                    lambda f=flag: self._push(edits.toggle_flag(atlas, ids, f)),
                )
                action.setCheckable(True)
                action.setChecked(all(getattr(atlas.node(n), flag) for n in ids))
        menu.addAction(t("canvas.rename"), lambda: self.edit_label(bol.node_id))
        if atlas.node(bol.node_id).kind in (NodeKind.PERSON, NodeKind.CLIENT):
            name = atlas.node(bol.node_id).shown_label
            menu.addAction(
                t("timeline.menu.event_with", name=name),
                lambda: self.add_event_with(bol.node_id),
            )
        if self.make_goal is not None:
            menu.addAction(t("canvas.make_goal"), lambda: self.make_goal(ids))
            add_to_goal_menu(menu, atlas, ids, self._push)
        if bol.node_id != atlas.client_id:
            menu.addSeparator()
            menu.addAction(t("canvas.delete"), lambda: self._push(edits.remove(atlas, ids)))
        return menu

    def add_event_with(self, person_id: str) -> None:
        """Ask an event's label (and date) and add it with this person involved: it appears
        here and on the gebeurteniskaart."""
        atlas = self.atlas_scene.atlas
        title = t("timeline.menu.event_with", name=atlas.node(person_id).shown_label)
        answer = ask_event(self, title)
        if answer is not None:
            label, when = answer
            self.push(event_edits.add_event(atlas, label, when, people=[person_id]))

    def score_picker(self, node_id: str) -> QMenu:
        """The five scores (and none) as one big menu: one tap on the badge, one to choose."""
        atlas = self.atlas_scene.atlas
        menu = QMenu(self)
        font = menu.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        menu.setFont(font)
        self._add_score_actions(menu, atlas, [node_id], atlas.node(node_id).score)
        return menu

    def open_score_picker(self, node_id: str) -> None:
        item = self.atlas_scene.bol_items[node_id]
        where = self.mapFromScene(item.mapToScene(item.badge_centre()))
        self.last_score_picker = self.score_picker(node_id)
        self.last_score_picker.popup(self.viewport().mapToGlobal(where))

    def _add_score_actions(self, menu: QMenu, atlas, ids: list[str], current) -> None:
        group = one_of(menu)
        for score in edits.SCORES:
            choice(
                menu,
                group,
                f"{score_symbol(score)}   {t(f'score.{score}')}",
                lambda s=score: self._push(edits.set_score(atlas, ids, s)),
                current == score,
            )
        set_none = lambda: self._push(edits.set_score(atlas, ids, None))  # noqa: E731
        choice(menu, group, t("score.none"), set_none, current is None)

    def _link_menu(self, menu: QMenu, link) -> QMenu:
        """Direction and removal of a link; its note is edited in the details panel."""
        scene = self.atlas_scene
        scene.clearSelection()
        link.setSelected(True)
        record = scene.atlas.edge(link.edge_id)
        directions = menu.addMenu(t("canvas.direction"))
        group = one_of(directions)
        for direction in edits.DIRECTIONS:
            choice(
                directions,
                group,
                t(f"direction.{direction.value}"),
                lambda d=direction: self._push(edits.set_direction(link.edge_id, d)),
                record.direction == direction,
            )
        menu.addSeparator()
        menu.addAction(
            t("canvas.delete_link"), lambda: self._push(edits.remove_links([link.edge_id]))
        )
        return menu

    def arrange(self) -> None:
        """Even rings around the client (one undo step), then show them all."""
        shown = {n: (p.x(), p.y()) for n, p in self.atlas_scene.positions().items()}
        self._push(edits.arrange(self.atlas_scene.atlas, shown))
        self.fit_all()

    def _push(self, command: Command | None) -> None:
        if command is not None:
            self.push(command)


def make_netwerkintake_tab(
    atlas: Atlas, push: Callable[[Command], None], parent: QWidget
) -> tuple[AtlasScene, AtlasView]:
    """The netwerkintake's tab, as the instrument registry asks for it."""
    scene = AtlasScene(atlas, parent=parent)
    view = AtlasView(scene, push=push, parent=parent)
    view.empty_hint = EmptyHint(view, scene, "empty_hint.netwerkintake", bollen_only_client(scene))
    return scene, view
