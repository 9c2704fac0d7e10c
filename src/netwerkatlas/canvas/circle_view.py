"""The netwerkcirkel on screen: drag a name into a cell to set its ring and sector, out of the
circle to take it out; the variant and the counts from the context menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QWidget

from netwerkatlas.canvas.choices import choice, one_of
from netwerkatlas.canvas.drawing_scene import DrawingScene, PersonHandle
from netwerkatlas.canvas.drawing_view import DrawingView
from netwerkatlas.canvas.empty_hint import EmptyHint, draws_only_client
from netwerkatlas.canvas.refit import refit
from netwerkatlas.commands import Command
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.tools.circle import VIEW, edits
from netwerkatlas.tools.circle.drawing import CircleDrawing
from netwerkatlas.tools.circle.variants import BUILT_IN, CUSTOM, Variant, current_variant


class CircleScene(DrawingScene):
    """The circle; in client mode its type is sized for the client's larger minimum."""

    client_mode = False

    def __init__(self, atlas: Atlas, parent=None) -> None:
        super().__init__(atlas, VIEW, self._draw, parent)

    def _draw(self, atlas: Atlas) -> CircleDrawing:
        return CircleDrawing(atlas, client=self.client_mode)

    def set_client_mode(self, on: bool) -> None:
        self.client_mode = on
        self.rebuild()

    def person_at(self, point: QPointF) -> str | None:
        """The name tapped: names side by side in one cell overlap, so where handles overlap
        the one whose name sits nearest the point wins, whichever handle lies on top."""
        self.refresh()
        handles = [item for item in self.items(point) if isinstance(item, PersonHandle)]
        if not handles:
            return None
        return min(handles, key=lambda handle: (handle.pos() - point).manhattanLength()).person_id


class CircleView(DrawingView):
    def set_client_mode(self, on: bool) -> None:
        """The scene has drawn itself with the other sizes: fit it again (see DrawingView)."""
        refit(self)

    def dropped(self, moved: dict[str, tuple[float, float]]) -> None:
        geometry = self.drawn.drawing.geometry
        self._push(
            edits.place(self.drawn.atlas, {p: geometry.cell_at(xy) for p, xy in moved.items()})
        )

    def remove_selected(self, ids: list[str]) -> None:
        self._push(edits.place(self.drawn.atlas, dict.fromkeys(ids)))

    def place_at(self, person_id: str, point: QPointF) -> None:
        """Put a person (dropped from the groslijst) in the cell under `point`."""
        cell = self.drawn.drawing.geometry.cell_at((point.x(), point.y()))
        if cell is not None:
            self._push(edits.place(self.drawn.atlas, {person_id: cell}))

    def context_menu(self, point: QPointF) -> QMenu:
        menu = QMenu(self)
        atlas = self.drawn.atlas
        person = self.drawn.person_at(point)
        if person is not None:
            menu.addAction(
                t("circle.menu.take_out"), lambda: self._push(edits.place(atlas, {person: None}))
            )
            menu.addSeparator()
        counts = menu.addAction(
            t("circle.menu.counts"), lambda: self._push(edits.toggle_counts(atlas))
        )
        counts.setCheckable(True)
        counts.setChecked(self.drawn.drawing.show_counts)
        variants = menu.addMenu(t("circle.menu.variant"))
        current = current_variant(atlas).key
        group = one_of(variants)
        for key, variant in BUILT_IN.items():
            switch = lambda v=variant: self.switch(v)  # noqa: E731
            choice(variants, group, t(f"circle.variant.{key}"), switch, current == key)
        choice(variants, group, t("circle.variant.custom"), self.ask_custom, current == CUSTOM)
        return menu

    def switch(self, variant: Variant) -> list[str]:
        """Use another set of rings and sectors; tells who has no cell there."""
        atlas = self.drawn.atlas
        command, lost = edits.switch_variant(atlas, variant)
        self._push(command)
        if lost:
            names = "\n".join(f"• {atlas.node(p).shown_label}" for p in lost)
            QMessageBox.information(self, t("circle.lost_title"), t("circle.lost", names=names))
        return lost

    def ask_custom(self) -> None:
        current = current_variant(self.drawn.atlas)
        rings, ok = QInputDialog.getText(
            self, t("circle.custom_title"), t("circle.custom_rings"), text=", ".join(current.rings)
        )
        if not ok:
            return
        sectors, ok = QInputDialog.getText(
            self,
            t("circle.custom_title"),
            t("circle.custom_sectors"),
            text=", ".join(current.sectors),
        )
        ring_names = tuple(n.strip() for n in rings.split(",") if n.strip())
        sector_names = tuple(n.strip() for n in sectors.split(",") if n.strip())
        if ok and ring_names and len(sector_names) >= 2:
            self.switch(Variant(CUSTOM, ring_names, sector_names))

    def _push(self, command) -> None:
        if command is not None:
            self.push(command)


def make_circle_tab(
    atlas: Atlas, push: Callable[[Command], None], parent: QWidget
) -> tuple[CircleScene, CircleView]:
    """The netwerkcirkel's tab, as the instrument registry asks for it."""
    scene = CircleScene(atlas, parent=parent)
    view = CircleView(scene, push=push, parent=parent)
    view.empty_hint = EmptyHint(
        view,
        scene,
        "empty_hint.netwerkcirkel",
        draws_only_client(scene),
        at_foot=True,
        in_client_mode=False,
    )
    return scene, view
