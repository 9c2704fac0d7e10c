"""The genogram view: select, drag, and add relatives from the context menu or the keyboard.

Dragging moves people live and pushes one command on release (Esc puts them back). Every edit
is a command from `tools.genogram.edits` or the shared commands, so it is undoable. In client
mode the drawing sizes its type for the client's larger minimum (`tools.genogram.sizing`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QWidget

from netwerkatlas.canvas.drawing_scene import GenogramScene
from netwerkatlas.canvas.drawing_view import DrawingView
from netwerkatlas.canvas.empty_hint import EmptyHint, draws_only_client
from netwerkatlas.canvas.genogram_menus import add_relation_menus
from netwerkatlas.canvas.refit import refit
from netwerkatlas.commands import Command, UpdateItem
from netwerkatlas.i18n import t
from netwerkatlas.model import NODES, Atlas
from netwerkatlas.model.records import Gender
from netwerkatlas.tools.genogram import edits
from netwerkatlas.tools.genogram.drawing import GenogramDrawing
from netwerkatlas.tools.netwerkintake import edits as node_edits

RELATIVE_KEYS = {
    Qt.Key.Key_P: "partner",
    Qt.Key.Key_K: "child",
    Qt.Key.Key_C: "child",
    Qt.Key.Key_O: "parent",
    Qt.Key.Key_B: "sibling",
}


class ClientGenogramScene(GenogramScene):
    """The genogram's scene, drawn for client mode (larger type, people further apart) or
    for the professional. In client mode the type keeps its size while people are added and
    moved, so that a person let go stays under the finger; "Passend" sizes it again."""

    client_mode = False
    kept_scale: float | None = None

    def __init__(self, atlas: Atlas, parent=None) -> None:
        super().__init__(atlas, parent)
        self.make_drawing = self._draw

    def _draw(self, atlas: Atlas) -> GenogramDrawing:
        if not self.client_mode:
            return GenogramDrawing(atlas)
        drawing = GenogramDrawing(atlas, client=True, scale=self.kept_scale)
        self.kept_scale = drawing.scale
        return drawing

    def set_atlas(self, atlas: Atlas) -> None:
        self.kept_scale = None  # another family: its own size
        super().set_atlas(atlas)

    def set_client_mode(self, on: bool) -> None:
        if on != self.client_mode:
            self.client_mode, self.kept_scale = on, None
            self.rebuild()

    def size_type_again(self) -> None:
        """In client mode, size the type for the drawing as it is now."""
        if self.client_mode:
            scale = GenogramDrawing(self.atlas, client=True).scale
            if scale != self.kept_scale:
                self.kept_scale = scale
                self.rebuild()


class GenogramView(DrawingView):
    """The genogram: add relatives from the context menu or the keyboard, rename, remove."""

    def set_client_mode(self, on: bool) -> None:
        """Draw the type for the mode and, as "Passend" left the view, fit it again: now, or
        when the tab is next shown."""
        self.drawn.set_client_mode(on)
        refit(self)

    def fit_all(self) -> None:
        self.drawn.size_type_again()
        super().fit_all()

    def dropped(self, moved: dict[str, tuple[float, float]]) -> None:
        """People let go: kept where they are in the atlas, whatever the drawing's spread."""
        drawing = self.drawn.drawing
        super().dropped({p: drawing.stored_place(point) for p, point in moved.items()})

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        person = self.drawn.person_at(self.mapToScene(event.position().toPoint()))
        if person is not None:
            self.rename(person)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ids = self.drawn.selected_ids()
        key = event.key()
        if ids and key in RELATIVE_KEYS and not event.modifiers():
            self.add_relative(ids[0], RELATIVE_KEYS[key])
        elif ids and key == Qt.Key.Key_Delete:
            self._push(node_edits.remove(self.drawn.atlas, ids))
        elif ids and key == Qt.Key.Key_F2:
            self.rename(ids[0])
        else:
            super().keyPressEvent(event)

    # --- menus and dialogs --------------------------------------------------------------------

    def context_menu(self, point: QPointF) -> QMenu:
        menu = QMenu(self)
        person = self.drawn.person_at(point)
        if person is None:
            menu.addAction(t("genogram.menu.rearrange"), self.rearrange)
            return menu
        if person not in self.drawn.selected_ids():
            self.drawn.select_only([person])
        for relative in edits.RELATIVES:
            menu.addAction(
                t(f"genogram.menu.add_{relative}"), lambda r=relative: self.add_relative(person, r)
            )
        menu.addSeparator()
        add_relation_menus(menu, self, person)
        menu.addSeparator()
        genders = menu.addMenu(t("genogram.menu.gender"))
        current = getattr(self.drawn.atlas.node(person), "gender", Gender.UNKNOWN)
        for gender in Gender:
            action = genders.addAction(
                t(f"gender.{gender}"), lambda g=gender: self.set_gender(person, g)
            )
            action.setCheckable(True)
            action.setChecked(gender == current)
        index = menu.addAction(
            t("genogram.menu.index"),
            lambda: self._push(edits.set_index(self.drawn.atlas, person)),
        )
        index.setCheckable(True)
        index.setChecked(person == self.drawn.drawing.family.index_id)
        menu.addAction(t("genogram.menu.rename"), lambda: self.rename(person))
        menu.addAction(
            t("genogram.menu.remove"),
            lambda: self._push(node_edits.remove(self.drawn.atlas, [person])),
        )
        return menu

    def ask_name(self, relative: str) -> str | None:
        text, ok = QInputDialog.getText(
            self,
            t("genogram.ask_name_title"),
            t("genogram.ask_name", relative=t(f"genogram.relative.{relative}")),
        )
        return text.strip() if ok and text.strip() else None

    def add_relative(self, person_id: str, relative: str) -> None:
        name = self.ask_name(relative)
        if name is None:
            return
        before = set(self.drawn.handles)
        self._push(edits.add_relative(self.drawn.atlas, person_id, relative, name))
        new = [p for p in self.drawn.handles if p not in before]
        if new:
            self.drawn.select_only(new[-1:])

    def rename(self, person_id: str) -> None:
        person = self.drawn.atlas.node(person_id)
        text, ok = QInputDialog.getText(
            self,
            t("genogram.ask_name_title"),
            t("genogram.ask_name_title"),
            text=person.shown_label,
        )
        if ok and text.strip():
            self._push(node_edits.relabel(self.drawn.atlas, person_id, text.strip()))

    def set_gender(self, person_id: str, gender: Gender) -> None:
        if getattr(self.drawn.atlas.node(person_id), "gender", None) != gender:
            self.push(UpdateItem(NODES, person_id, {"gender": gender}))

    def rearrange(self) -> None:
        self._push(edits.rearrange(self.drawn.atlas))

    def push_command(self, command: Command | None) -> None:
        self._push(command)

    def show_message(self, text: str) -> None:
        QMessageBox.information(self, t("genogram.ask_name_title"), text)

    def _push(self, command: Command | None) -> None:
        if command is not None:
            self.push(command)


def make_genogram_tab(
    atlas: Atlas, push: Callable[[Command], None], parent: QWidget
) -> tuple[ClientGenogramScene, GenogramView]:
    """The genogram's tab, as the instrument registry asks for it."""
    scene = ClientGenogramScene(atlas, parent=parent)
    view = GenogramView(scene, push=push, parent=parent)
    view.empty_hint = EmptyHint(view, scene, "empty_hint.genogram", draws_only_client(scene))
    return scene, view
