"""The ecogram on screen: drag a contact into a leefgebied (or out, to take it off), drop names
from the groslijst; the line to the client from the context menu.

A card's note is shown on screen only where it reads at `SCREEN_MIN_PT`: fourteen cards with
two-line notes do not fit a laptop's view readably. Fitted into a view too small for them, the
cards show the names only (larger) and a quiet line says the notes are in the Details panel;
in a larger view the notes come back. The poster prints them always.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF
from PySide6.QtWidgets import QGraphicsView, QInputDialog, QLabel, QMenu, QMessageBox, QWidget

from netwerkatlas.canvas.choices import choice, one_of
from netwerkatlas.canvas.drawing_scene import DrawingScene
from netwerkatlas.canvas.drawing_view import DrawingView
from netwerkatlas.canvas.empty_hint import (
    EmptyHint,
    draws_only_client,
    quiet_line,
)
from netwerkatlas.canvas.fitting import fit_zoom
from netwerkatlas.canvas.refit import refit
from netwerkatlas.commands import Command, Macro
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.model.records import Direction, SupportKind, SupportStrength
from netwerkatlas.render.readable import (
    SCREEN_MIN_PT,
    measure,
    points_on_screen,
)
from netwerkatlas.tools.ecogram import VIEW, centre, edits
from netwerkatlas.tools.ecogram.domains import domains, support_edge
from netwerkatlas.tools.ecogram.drawing import EcogramDrawing

GAP = 6  # px around the notice in its strip at the foot of the view


class EcogramScene(DrawingScene):
    """The ecogram; in client mode its cards show the names without the notes, larger, and
    without `notes_fit` (a view too small to read them) the names without the notes."""

    client_mode = False
    notes_fit = True

    def __init__(self, atlas: Atlas, parent=None) -> None:
        super().__init__(atlas, VIEW, self._draw, parent)

    def _draw(self, atlas: Atlas) -> EcogramDrawing:
        if self.client_mode:
            return EcogramDrawing(atlas, show_notes=False, client=True)
        if not self.notes_fit:  # names only: room for the larger type, on a laptop's shape
            return EcogramDrawing(atlas, show_notes=False, large_type=True)
        return EcogramDrawing(atlas)

    def set_client_mode(self, on: bool) -> None:
        self.client_mode = on
        self.rebuild()

    def set_notes_fit(self, on: bool) -> None:
        if on != self.notes_fit:
            self.notes_fit = on
            self.rebuild()

    def with_notes(self) -> EcogramDrawing:
        """The drawing as it is with the notes on the cards (the one shown, when it is)."""
        if self.notes_fit and not self.client_mode:
            return self.drawing
        return EcogramDrawing(self.atlas, show_notes=True)


class NotesNotice(QLabel):
    """A quiet line at the foot of the view while its cards leave their notes out. It has a
    strip of its own below the drawing (the view's bottom margin), so it covers nothing."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(t("ecogram.notes_in_panel"), view)
        self.view = view
        quiet_line(self, "notes_notice")
        self.hide()
        view.installEventFilter(self)

    def show_while(self, on: bool) -> None:
        """Show the line (and make room for it) or take it away (and give the room back)."""
        self._keep_strip(self._place() if on else 0)
        if on:
            self.raise_()
        self.setVisible(on)

    def _place(self) -> int:
        """Lay the line out across the foot of the view; the height of its strip."""
        width = max(200, self.view.width() - 2 * GAP)
        height = max(self.heightForWidth(width), 0)
        self.setGeometry(
            (self.view.width() - width) // 2, self.view.height() - height - GAP, width, height
        )
        return height + 2 * GAP

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize and self.isVisible():
            self._keep_strip(self._place())
        return False

    def _keep_strip(self, height: int) -> None:
        """The view's bottom margin is the line's strip (none while the line is hidden)."""
        if self.view.viewportMargins().bottom() != height:
            self.view.setViewportMargins(0, 0, 0, height)


class EcogramView(DrawingView):
    def __init__(self, scene: EcogramScene, push: Callable[[Command], None], parent=None):
        self.notes_notice: NotesNotice | None = None
        self._notes_read: tuple[object, float, tuple[float, float]] | None = None
        super().__init__(scene, push, parent)
        self.notes_notice = NotesNotice(self)

    def set_client_mode(self, on: bool) -> None:
        """The scene has drawn its cards without notes (or with them again): fit again."""
        refit(self)
        if self.notes_notice is not None and on:
            self.notes_notice.show_while(False)

    def fit_all(self) -> None:
        """Fit, with the notes on the cards when they read at the screen's minimum there.

        Decided with the notes-on drawing only, so a size gives one answer whichever way the
        window was changed: no switching back and forth at the edge."""
        self.fitted = True  # the room without scroll bars, as the fit will have it
        scene = self.drawn
        if not scene.client_mode and self.notes_notice is not None:
            fit = self._notes_read_pt()
            if fit is not None:
                scene.set_notes_fit(fit >= SCREEN_MIN_PT)
            self.notes_notice.show_while(not scene.notes_fit)
        super().fit_all()

    def _notes_read_pt(self) -> float | None:
        """The smallest text of the drawing with notes, in points, fitted into this view."""
        port = self.viewport().rect().adjusted(0, 0, 0, self.viewportMargins().bottom())
        scene = self.drawn
        current = scene.drawing
        if self._notes_read is None or self._notes_read[0] is not current:
            found = measure(scene.with_notes())
            smallest = min((size for size, _ in found.texts), default=float("inf"))
            _, _, w, h = found.bounds or current.bounds()
            self._notes_read = (scene.drawing, smallest, (w, h))
        _, smallest, (w, h) = self._notes_read
        zoom = fit_zoom(port, w, h)
        return None if zoom is None else points_on_screen(smallest, zoom, self.logicalDpiY())

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
    view.empty_hint = EmptyHint(
        view,
        scene,
        "empty_hint.ecogram",
        draws_only_client(scene),
        at_foot=True,
        in_client_mode=False,
    )
    return scene, view
