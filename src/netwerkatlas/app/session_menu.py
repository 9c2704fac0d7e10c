"""The window's Sessie menu, session bar and looking back: follow-ups, earlier sessions, compare.

Looking back gives every view, panel and marker the atlas as it was (`atlas_at`) and refuses
every edit until the user goes back to now: the document itself is never touched, so looking
back changes neither the file nor the undo history. Comparing shows the later of two sessions
with what changed since the earlier one drawn on top (`compare`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from netwerkatlas.app.plan_common import shown_date
from netwerkatlas.app.session_bar import NOW, LookBackBanner, SessionBar, session_text
from netwerkatlas.app.session_dialog import FollowUpDialog
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas


class SessionActions:
    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.shown: str = NOW
        self.compared: str | None = None
        self.shown_atlas: Atlas | None = None  # the atlas the views show while looking back
        self.changes = None  # what the comparison found, while comparing
        self.new_action = self._action("action.session_new", self.new_follow_up)
        self.compare_action = self._action("action.session_compare", self.compare_last)
        self.back_action = self._action("action.session_back", self.back_to_now)
        self.menu = QMenu(t("menu.session"), window)
        window.menuBar().insertMenu(window.help_menu.menuAction(), self.menu)
        self.menu.addActions([self.new_action, self.compare_action, self.back_action])
        self.bar = SessionBar(window)
        self.bar.chosen.connect(self.show)
        window.toolbar.addWidget(self.bar)
        self.banner = LookBackBanner(window)
        self.banner.back.connect(self.back_to_now)
        self._put_banner_above(window)
        self.session_label = QLabel(window)
        self.session_label.setObjectName("current_session_label")
        window.statusBar().addPermanentWidget(self.session_label)
        self._overlays = None
        self.changes_list = QListWidget(window)
        self.changes_list.setObjectName("changes_list")
        self.changes_list.setWordWrap(True)
        self.changes_dock = QDockWidget(t("compare.panel"), window)
        self.changes_dock.setObjectName("changes_dock")
        self.changes_dock.setWidget(self.changes_list)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.changes_dock)
        window.tabifyDockWidget(window.details_dock, self.changes_dock)
        self.changes_dock.hide()
        window.details_dock.raise_()  # Details stays the panel in front when the window opens

    def _put_banner_above(self, window: QMainWindow) -> None:
        """The banner goes right above the views, across the whole width of the window."""
        views = window.takeCentralWidget()
        holder = QWidget(window)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(views)
        window.setCentralWidget(holder)

    def _action(self, key: str, slot) -> QAction:
        action = QAction(t(key), self.window)
        action.setObjectName(key.removeprefix("action."))
        action.triggered.connect(lambda _=False: slot())
        return action

    # --- state ------------------------------------------------------------------------------

    @property
    def atlas(self) -> Atlas:
        return self.window.document.atlas

    @property
    def looking_back(self) -> bool:
        """True while the views show anything but the editable present."""
        return self.shown != NOW or self.compared is not None

    def refresh(self) -> None:
        """After every change of the document: the sessions in the bar, the current session in
        the status bar, and the editing actions off while looking back."""
        from netwerkatlas.tools.sessions.history import current_session, sessions_in_order

        current = current_session(self.atlas)
        earlier = [
            s for s in sessions_in_order(self.atlas) if current is None or s.id != current.id
        ]
        self.bar.set_sessions(earlier, current)
        self.session_label.setText(
            t("session.status", session=session_text(current)) if current else ""
        )
        self.compare_action.setEnabled(bool(earlier))
        self.back_action.setEnabled(self.looking_back)
        if self.looking_back:
            for action in self.edit_actions():
                action.setEnabled(False)

    def edit_actions(self) -> list[QAction]:
        """The window's actions that change the atlas: off while looking back."""
        window = self.window
        return [
            window.undo_action,
            window.redo_action,
            window.arrange_action,
            window.rearrange_genogram_action,
            window.import_gedcom_action,
            window.link_mode_action,
            window.plan.new_goal_action,
            window.plan.goal_from_selection_action,
            window.plan.evaluate_action,
            self.new_action,
        ]

    def refuse(self) -> bool:
        """Called for every edit: while looking back it is refused, said once in the status
        bar, and the views are drawn again so a drag let go shows the old place again."""
        if not self.looking_back:
            return False
        self.window.statusBar().showMessage(t("session.refused"), 6000)
        self._give_views(self.shown_atlas or self.atlas)
        self._draw_compare()
        return True

    # --- starting a follow-up ---------------------------------------------------------------

    def new_follow_up(self) -> FollowUpDialog | None:
        """Sessie → Nieuw vervolggesprek…: the dialog, then one undo step."""
        if self.looking_back:
            self.back_to_now()
        self.window.details.commit_note()
        dialog = FollowUpDialog(self.atlas, self.window)
        dialog.finished.connect(lambda result: self._start(dialog, result))
        dialog.open()
        return dialog

    def _start(self, dialog: FollowUpDialog, result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            return
        from netwerkatlas.tools.sessions.edits import SessionError, start_follow_up

        answer = dialog.answer()
        try:
            command = start_follow_up(self.atlas, answer.date, answer.label, answer.present)
        except SessionError as error:
            self.window.show_error(t("session.new_title"), str(error))
            return
        self.window.push(command)
        self.window.statusBar().showMessage(t("session.started", label=answer.label), 6000)

    # --- looking back and comparing ---------------------------------------------------------

    def compare_last(self) -> None:
        """Sessie → Vergelijken…: the last session with now (the bar can choose others)."""
        if self.bar.compare_with.count():
            last = self.bar.compare_with.itemData(self.bar.compare_with.count() - 1)
            self.bar.choose(NOW, last)

    def back_to_now(self) -> None:
        self.bar.choose(NOW, None)

    def show(self, shown: str, compared: str | None) -> None:
        """Show session `shown` (NOW: the present), compared with `compared` if not None."""
        from netwerkatlas.tools.sessions.history import atlas_at

        if compared == shown:
            compared = None
        self.shown, self.compared = shown, compared
        self.shown_atlas = atlas_at(self.atlas, shown) if shown != NOW else None
        self._give_views(self.shown_atlas or self.atlas)
        self._set_editable(not self.looking_back)
        if not self.looking_back:
            for action in self.edit_actions():
                action.setEnabled(True)  # undo and redo follow the stack in the window's refresh
        self._draw_compare()
        if self.looking_back:
            self.banner.show_text(self._banner_text())
        else:
            self.banner.hide()
        self.window._refresh()

    def _banner_text(self) -> str:
        if self.compared is not None:
            return t(
                "session.banner_compare",
                before=self._name(self.compared),
                after=self._name(self.shown),
            )
        session = self._session(self.shown)
        return t("session.banner", date=shown_date(session.date) or session.label)

    def _session(self, session_id: str):
        from netwerkatlas.model.atlas import SESSIONS

        return self.atlas.get(SESSIONS, session_id)

    def _name(self, session_id: str) -> str:
        return t("session.now") if session_id == NOW else session_text(self._session(session_id))

    def _give_views(self, atlas: Atlas) -> None:
        window = self.window
        window.views.set_atlas(atlas)
        window.plan.set_atlas(atlas)
        window.details.set_atlas(atlas)
        window.list.set_atlas(atlas)
        window.groslijst.set_atlas(atlas)

    def _set_editable(self, on: bool) -> None:
        """The panels that only edit go grey; the drawings stay, for looking and selecting."""
        window = self.window
        for dock in (window.palette_dock, window.groslijst_dock, window.details_dock):
            dock.setEnabled(on)  # the dock, not the panel: the panels switch themselves too
        if not on and window.link_mode_action.isChecked():
            window.link_mode_action.trigger()

    def _draw_compare(self) -> None:
        from netwerkatlas.canvas.compare_overlay import CompareOverlays

        if self._overlays is None:
            self._overlays = CompareOverlays(self.window.views)
        if self.compared is None:
            self.changes = None
            self._overlays.clear()
            self.window.plan.view.set_comparison(None)
            self.changes_dock.hide()
            return
        from netwerkatlas.tools.sessions.changes import compare
        from netwerkatlas.tools.sessions.history import atlas_at

        before = atlas_at(self.atlas, self.compared)
        after = self.shown_atlas or self.atlas
        self.changes = compare(before, after)
        self._overlays.show(self.changes, before, after)
        self.window.plan.view.set_comparison(self.changes, self._name(self.compared))
        self._list_changes()

    def _list_changes(self) -> None:
        """The side list "Wat is er veranderd": the change report's sentences, for every view
        (the genogram and the Plan view have only this)."""
        from netwerkatlas.tools.sessions.report import report_lines

        lines = report_lines(self.changes, self._name(self.compared), self._name(self.shown))
        self.changes_list.clear()
        self.changes_list.addItems(lines if self.changes else [t("compare.nothing")])
        self.changes_dock.show()
        self.changes_dock.raise_()

    def set_document(self) -> None:
        """Another document in the window: it opens in the present."""
        self.shown, self.compared, self.shown_atlas, self.changes = NOW, None, None, None
        self._set_editable(True)
        for action in self.edit_actions():
            action.setEnabled(True)
        if self._overlays is not None:
            self._overlays.clear()
        self.banner.hide()
        self.changes_dock.hide()
        self.bar.set_sessions([], None)
