"""The main window: menus, the canvas, the file round trip and the unsaved-changes prompt."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStyle,
    QToolBar,
    QToolButton,
    QWidget,
)

from netwerkatlas import __version__, io
from netwerkatlas.app.recent import RecentFiles
from netwerkatlas.canvas.scene import AtlasScene
from netwerkatlas.canvas.view import AtlasView
from netwerkatlas.document import Document
from netwerkatlas.i18n import t
from netwerkatlas.model import AtlasError


class MainWindow(QMainWindow):
    def __init__(self, document: Document, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.recent = RecentFiles(settings)
        self.scene = AtlasScene(document.atlas, parent=self)
        self.view = AtlasView(self.scene, push=self.push, parent=self)
        self.setCentralWidget(self.view)
        self.resize(1280, 860)
        self._make_actions()
        self._make_menus()
        self._watch(document)
        if document.path is not None:
            self.recent.add(document.path)
        self._refresh()

    # --- actions and menus ------------------------------------------------------------------

    def _action(self, key: str, slot, shortcut=None) -> QAction:
        action = QAction(t(key), self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action("action.new", self.new_document, keys.New)
        self.open_action = self._action("action.open", self.open_dialog, keys.Open)
        self.save_action = self._action("action.save", self.save, keys.Save)
        self.save_as_action = self._action("action.save_as", self.save_as, keys.SaveAs)
        self.quit_action = self._action("action.quit", self.close, keys.Quit)
        self.undo_action = self._action("action.undo", self.undo, keys.Undo)
        self.redo_action = self._action("action.redo", self.redo, keys.Redo)
        self.redo_action.setShortcuts([QKeySequence(keys.Redo), QKeySequence("Ctrl+Y")])
        self.fit_action = self._action("action.fit", self.view.fit_all, "Ctrl+0")
        self.zoom_in_action = self._action(
            "action.zoom_in", lambda: self.view.zoom_by(1.25), keys.ZoomIn
        )
        self.zoom_out_action = self._action(
            "action.zoom_out", lambda: self.view.zoom_by(0.8), keys.ZoomOut
        )
        self.about_action = self._action("action.about", self.about)
        self.link_mode_action = self._action("action.link_mode", self._set_link_mode, "L")
        self.link_mode_action.setCheckable(True)
        self.link_mode_action.setToolTip(t("action.link_mode_tip"))
        self.hide_scores_action = self._action(
            "action.hide_scores", lambda on: self.scene.set_show_scores(not on), "Ctrl+H"
        )
        self.hide_scores_action.setCheckable(True)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(t("menu.file"))
        self.file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = QMenu(t("action.recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.save_action, self.save_as_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu(t("menu.edit"))
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.view_menu = bar.addMenu(t("menu.view"))
        self.view_menu.addActions([self.fit_action, self.zoom_in_action, self.zoom_out_action])
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.link_mode_action, self.hide_scores_action])
        self._make_toolbar()
        self.help_menu = bar.addMenu(t("menu.help"))
        self.help_menu.addAction(self.about_action)
        self._fill_recent_menu()

    def _make_toolbar(self) -> None:
        """Big buttons, for a finger on a touchscreen as much as for a mouse."""
        bar = QToolBar(t("toolbar.main"), self)
        bar.setObjectName("main_toolbar")
        bar.setMovable(False)
        bar.setIconSize(QSize(32, 32))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        icons = {
            self.undo_action: QStyle.StandardPixmap.SP_ArrowBack,
            self.redo_action: QStyle.StandardPixmap.SP_ArrowForward,
            self.save_action: QStyle.StandardPixmap.SP_DialogSaveButton,
            self.fit_action: QStyle.StandardPixmap.SP_TitleBarMaxButton,
            self.link_mode_action: QStyle.StandardPixmap.SP_CommandLink,
            self.hide_scores_action: QStyle.StandardPixmap.SP_DialogNoButton,
        }
        for action, icon in icons.items():
            action.setIcon(self.style().standardIcon(icon))
            bar.addAction(action)
        for button in bar.findChildren(QToolButton):
            button.setMinimumSize(QSize(64, 56))
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar

    def _set_link_mode(self, on: bool) -> None:
        self.view.link_mode = on

    def push(self, command) -> None:
        """Do an edit from the canvas; a refused edit is said in the status bar, not a crash."""
        try:
            self.document.push(command)
        except AtlasError as error:
            self.statusBar().showMessage(t("status.command_failed", detail=error), 6000)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.recent.paths()
        for index, path in enumerate(paths, start=1):
            action = self.recent_menu.addAction(f"&{index} {path.name}")
            action.setToolTip(str(path))
            action.setData(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not paths:
            self.recent_menu.addAction(t("action.recent_empty")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(t("action.recent_clear"), self._clear_recent)

    def _clear_recent(self) -> None:
        self.recent.clear()
        self._fill_recent_menu()

    # --- document state ---------------------------------------------------------------------

    def _watch(self, document: Document) -> None:
        document.subscribe(self._refresh)

    def _refresh(self) -> None:
        """Title with the file name and the unsaved-changes mark; undo/redo texts."""
        self.setWindowTitle(f"{self.document.display_name}[*] — {t('app.name')}")
        self.setWindowModified(self.document.is_modified)
        stack = self.document.undo_stack
        self.undo_action.setEnabled(stack.can_undo())
        self.redo_action.setEnabled(stack.can_redo())
        self.undo_action.setText(
            t("action.undo_named", name=stack.undo_text()) if stack.can_undo() else t("action.undo")
        )
        self.redo_action.setText(
            t("action.redo_named", name=stack.redo_text()) if stack.can_redo() else t("action.redo")
        )

    def set_document(self, document: Document) -> None:
        """Show another document in this window (after New or Open)."""
        self.document = document
        self._watch(document)
        self.scene.set_atlas(document.atlas)
        self.view.fit_all()
        if document.path is not None:
            self.recent.add(document.path)
        self._refresh()

    # --- file commands ----------------------------------------------------------------------

    def new_document(self) -> None:
        if self.maybe_save():
            self.set_document(Document.new())
            self.statusBar().showMessage(t("status.new"), 4000)

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        folder = str(self.document.path.parent) if self.document.path else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, t("dialog.open_title"), folder, t("dialog.file_filter")
        )
        if path:
            self.open_path(Path(path), ask=False)

    def open_path(self, path: Path, ask: bool = True) -> bool:
        """Open `path`; on a bad file, explain it and keep the current atlas as it is."""
        if ask and not self.maybe_save():
            return False
        try:
            document, report = Document.open(path)
        except io.AtlasFileError as error:
            self.show_error(t("dialog.open_error_title"), error.render())
            return False
        self.set_document(document)
        self.statusBar().showMessage(t("status.opened", path=path), 4000)
        if report.notices:
            QMessageBox.information(self, t("dialog.notices_title"), "\n".join(report.render()))
        return True

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        start = str(self.document.path or Path.home() / self.document.display_name)
        path, _ = QFileDialog.getSaveFileName(
            self, t("dialog.save_title"), start, t("dialog.file_filter")
        )
        return self._save_to(Path(path)) if path else False

    def _save_to(self, path: Path) -> bool:
        try:
            saved = self.document.save(path)
        except io.AtlasFileError as error:
            self.show_error(t("dialog.save_error_title"), error.render())
            return False
        self.recent.add(saved)
        self.statusBar().showMessage(t("status.saved", path=saved), 4000)
        return True

    def undo(self) -> None:
        self.document.undo_stack.undo()

    def redo(self) -> None:
        self.document.undo_stack.redo()

    # --- prompts ----------------------------------------------------------------------------

    def show_error(self, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()

    def maybe_save(self) -> bool:
        """Ask what to do with unsaved changes; False means the user cancelled."""
        if not self.document.is_modified:
            return True
        buttons = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Question,
            t("dialog.unsaved_title"),
            t("dialog.unsaved_text", name=self.document.display_name),
            buttons.Save | buttons.Discard | buttons.Cancel,
            self,
        )
        box.setInformativeText(t("dialog.unsaved_question"))
        box.setDefaultButton(buttons.Save)
        box.exec()
        answer = box.standardButton(box.clickedButton()) if box.clickedButton() else buttons.Cancel
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.maybe_save():
            self.scene.detach()
            event.accept()
        else:
            event.ignore()

    def about(self) -> None:
        QMessageBox.about(self, t("app.name"), t("about.text", version=__version__))
