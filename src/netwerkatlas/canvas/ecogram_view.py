"""The ecogram on screen: drag a contact into a leefgebied (or out, to take it off), drop names
from the groslijst; the line to the client from the context menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QWidget

from netwerkatlas.canvas.choices import choice, one_of
from netwerkatlas.canvas.drawing_scene import DrawingScene
from netwerkatlas.canvas.drawing_view import DrawingView
from netwerkatlas.canvas.empty_hint import EmptyHint, draws_only_client
from netwerkatlas.canvas.refit import refit
from netwerkatlas.commands import Command, Macro
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.model.records import Direction, SupportKind, SupportStrength
from netwerkatlas.tools.ecogram import VIEW, centre, edits
from netwerkatlas.tools.ecogram.domains import domains, support_edge
from netwerkatlas.tools.ecogram.drawing import EcogramDrawing


class EcogramScene(DrawingScene):
    """The ecogram; in client mode its cards show the names without the notes, larger."""

    client_mode = False

    def __init__(self, atlas: Atlas, parent=None) -> None:
        super().__init__(atlas, VIEW, self._draw, parent)

    def _draw(self, atlas: Atlas) -> EcogramDrawing:
        return EcogramDrawing(atlas, show_notes=not self.client_mode, client=self.client_mode)

    def set_client_mode(self, on: bool) -> None:
        self.client_mode = on
        self.rebuild()


class EcogramView(DrawingView):
    def set_client_mode(self, on: bool) -> None:
        """The scene has drawn its cards without notes (or with them again): fit again."""
        refit(self)

    def dropped(self, moved: dict[str, tuple[float, float]]) -> None:
        atlas, drawing = self.drawn.atlas, self.drawn.drawing
        steps: list[Command] = []
        for person, point in moved.items():
            domain = drawing.domain_at(point)
            step = (
                edits.place(atlas, person, domain, point)
                if domain
                else edits.unplace(atlas, person)
            )
            if step is not None:
                steps.append(step)
        if steps:
            self.push(steps[0] if len(steps) == 1 else Macro(t("ecogram.command.place"), steps))

    def remove_selected(self, ids: list[str]) -> None:
        steps = [c for c in (edits.unplace(self.drawn.atlas, p) for p in ids) if c is not None]
        if steps:
            self.push(steps[0] if len(steps) == 1 else Macro(t("ecogram.command.unplace"), steps))

    def place_at(self, person_id: str, point: QPointF) -> None:
        xy = (point.x(), point.y())
        domain = self.drawn.drawing.domain_at(xy)
        if domain is not None:
            self._push(edits.place(self.drawn.atlas, person_id, domain, xy))

    def context_menu(self, point: QPointF) -> QMenu:
        menu = QMenu(self)
        atlas = self.drawn.atlas
        person = self.drawn.person_at(point)
        if person is not None:
            edge = support_edge(atlas, person)
            strength = menu.addMenu(t("ecogram.menu.strength"))
            group = one_of(strength)
            for value in SupportStrength:
                choice(
                    strength,
                    group,
                    t(f"ecogram.strength.{value}"),
                    lambda v=value: self._support(person, strength=v),
                    edge is not None and edge.strength == value,
                )
            flow = menu.addMenu(t("ecogram.menu.direction"))
            group = one_of(flow)
            for value in Direction:
                choice(
                    flow,
                    group,
                    t(f"ecogram.direction.{value}"),
                    lambda v=value: self._support(person, direction=v),
                    edge is not None and edge.direction == value,
                )
            kinds = menu.addMenu(t("ecogram.menu.support"))
            current = set(edge.support) if edge else set()
            for kind in SupportKind:
                action = kinds.addAction(
                    t(f"ecogram.support.{kind}"),
                    lambda k=kind, on=kind not in current: self._support(
                        person, support=tuple(sorted((current | {k}) if on else (current - {k})))
                    ),
                )
                action.setCheckable(True)
                action.setChecked(kind in current)
            menu.addSeparator()
            menu.addAction(
                t("ecogram.menu.unplace"), lambda: self._push(edits.unplace(atlas, person))
            )
            menu.addSeparator()
        menu.addAction(t("ecogram.menu.domains"), self.ask_domains)
        self._add_household_action(menu)
        return menu

    def _add_household_action(self, menu: QMenu) -> None:
        """A tick for the household in the middle; off (with the reason) when no leefgebied
        stands for the household."""
        atlas = self.drawn.atlas
        names = domains(atlas)
        action = menu.addAction(t("ecogram.menu.household_centre"))
        action.setCheckable(True)
        action.setChecked(centre.centre_domain(atlas, names) is not None)
        if centre.household_domain(names) is None:
            action.setEnabled(False)
            action.setToolTip(t("ecogram.household_missing"))
            menu.setToolTipsVisible(True)
        action.toggled.connect(
            lambda on: self._push(edits.set_household_centre(self.drawn.atlas, on))
        )

    def _support(self, person: str, **changes) -> None:
        self._push(edits.set_support(self.drawn.atlas, person, **changes))

    def ask_domains(self) -> None:
        current = ", ".join(domains(self.drawn.atlas))
        text, ok = QInputDialog.getText(
            self, t("ecogram.domains_title"), t("ecogram.domains_prompt"), text=current
        )
        if not ok:
            return
        command, hidden = edits.set_domains(self.drawn.atlas, [n for n in text.split(",")])
        self._push(command)
        if hidden:
            names = "\n".join(f"• {self.drawn.atlas.node(p).shown_label}" for p in hidden)
            QMessageBox.information(
                self, t("ecogram.domains_title"), t("ecogram.domains_hidden", names=names)
            )

    def _push(self, command) -> None:
        if command is not None:
            self.push(command)


def make_ecogram_tab(
    atlas: Atlas, push: Callable[[Command], None], parent: QWidget
) -> tuple[EcogramScene, EcogramView]:
    """The ecogram's tab, as the instrument registry asks for it."""
    scene = EcogramScene(atlas, parent=parent)
    view = EcogramView(scene, push=push, parent=parent)
    view.empty_hint = EmptyHint(view, scene, "empty_hint.ecogram", draws_only_client(scene))
    return scene, view
