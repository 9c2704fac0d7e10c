"""The main window: menus, the canvas, the file round trip and the unsaved-changes prompt."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStyle,
    QToolBar,
    QToolButton,
    QWidget,
)

from netwerkatlas import __version__
from netwerkatlas.app import window_place
from netwerkatlas.app.autosave import Autosaver
from netwerkatlas.app.client_mode import ClientModeSwitch
from netwerkatlas.app.client_name_dialog import ask_client_name
from netwerkatlas.app.details_panel import DetailsPanel
from netwerkatlas.app.encryption_dialogs import EncryptionActions
from netwerkatlas.app.file_commands import FileCommands
from netwerkatlas.app.language_menu import LanguageActions
from netwerkatlas.app.lock_dialog import read_only_label
from netwerkatlas.app.palette import SuggestionPalette
from netwerkatlas.app.perspective_menu import PerspectiveActions
from netwerkatlas.app.plan_menu import PlanActions
from netwerkatlas.app.recent import RecentFiles
from netwerkatlas.app.selection_follow import SelectionFollower
from netwerkatlas.app.session_menu import SessionActions
from netwerkatlas.app.side_panel import SidePanel
from netwerkatlas.app.view_tabs import ViewTabs
from netwerkatlas.commands.edits import notices_of
from netwerkatlas.document import Document
from netwerkatlas.i18n import t
from netwerkatlas.model import AtlasError, NodeKind
from netwerkatlas.tools import registry
from netwerkatlas.tools.groslijst.list_view import Groslijst
from netwerkatlas.tools.netwerkintake.list_view import NetwerkintakeList

TARGET_MM = 12.0
CLIENT_TARGET_MM = 16.0


class MainWindow(FileCommands, QMainWindow):
    def __init__(self, document: Document, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.settings = settings
        self.recent = RecentFiles(settings)
        self.views = ViewTabs(document.atlas, self.push, self)
        self.views.instrument_changed.connect(self._view_switched)
        self.setCentralWidget(self.views)
        self.resize(1280, 860)
        self.client_mode = False
        self._make_actions()
        self._make_docks()
        self._make_menus()
        self.file_lock = None  # our io.locking.AtlasLock on the file shown, if any
        self.read_only_label = read_only_label(self)
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.autosave = Autosaver(self)
        self.autosave.failed.connect(
            lambda text: self.statusBar().showMessage(t("status.autosave_failed", detail=text))
        )
        self._watch(document)
        if document.path is not None:
            self.recent.add(document.path)
        self._show_saved_view()
        self._refresh()

    # --- the instruments' tabs, by the names the rest of the window and the tests use ------

    scene = property(lambda self: self.views.tab("netwerkintake").scene)
    view = property(lambda self: self.views.tab("netwerkintake").widget)
    genogram_scene = property(lambda self: self.views.tab("genogram").scene)
    genogram_view = property(lambda self: self.views.tab("genogram").widget)
    ecogram_scene = property(lambda self: self.views.tab("ecogram").scene)
    ecogram_view = property(lambda self: self.views.tab("ecogram").widget)
    circle_scene = property(lambda self: self.views.tab("netwerkcirkel").scene)
    circle_view = property(lambda self: self.views.tab("netwerkcirkel").widget)
    view_netwerkintake_action = property(lambda self: self.view_actions["netwerkintake"])
    view_genogram_action = property(lambda self: self.view_actions["genogram"])
    view_ecogram_action = property(lambda self: self.view_actions["ecogram"])
    view_circle_action = property(lambda self: self.view_actions["netwerkcirkel"])

    # --- actions and menus ------------------------------------------------------------------

    def _action(self, key: str, slot, shortcut=None) -> QAction:
        action = QAction(t(key), self)
        action.setObjectName(key.removeprefix("action."))
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
        self.export_action = self._action("action.export", self.export_dialog, "Ctrl+E")
        self.import_gedcom_action = self._action("action.import_gedcom", self.import_gedcom)
        self.print_action = self._action(
            "action.print", lambda: self.export_dialog(for_print=True), keys.Print
        )
        self.undo_action = self._action("action.undo", self.undo, keys.Undo)
        self.redo_action = self._action("action.redo", self.redo, keys.Redo)
        self.redo_action.setShortcuts([QKeySequence(keys.Redo), QKeySequence("Ctrl+Y")])
        self.fit_action = self._action(
            "action.fit", lambda: self.current_view().fit_all(), "Ctrl+0"
        )
        self.zoom_in_action = self._action(
            "action.zoom_in", lambda: self.current_view().zoom_by(1.25), keys.ZoomIn
        )
        self.zoom_out_action = self._action(
            "action.zoom_out", lambda: self.current_view().zoom_by(0.8), keys.ZoomOut
        )
        self.view_actions: dict[str, QAction] = {
            instrument.name: self._action(
                instrument.action_key,
                lambda _=False, name=instrument.name: self.views.show_instrument(name),
                instrument.shortcut,
            )
            for instrument in registry.INSTRUMENTS
        }
        self.groslijst_action = self._action("action.groslijst", self.show_groslijst, "Ctrl+5")
        self.rearrange_genogram_action = self._action(
            "action.rearrange_genogram", lambda: self.genogram_view.rearrange()
        )
        self.about_action = self._action("action.about", self.about)
        self.help_action = self._action("action.help", self.show_help, "F1")
        self.link_mode_action = self._action("action.link_mode", self._set_link_mode, "L")
        self.link_mode_action.setCheckable(True)
        self.link_mode_action.setToolTip(t("action.link_mode_tip"))
        self.hide_scores_action = self._action("action.hide_scores", self._hide_scores, "Ctrl+H")
        self.hide_scores_action.setCheckable(True)
        self.arrange_action = self._action("action.arrange", self.view.arrange, "Ctrl+R")
        # Entering is one tap; leaving a long press or Ctrl+Shift+K (app/client_mode.py).
        self.client_mode_action = self._action("action.client_mode", lambda _=False: None, "F11")
        self.client_mode_action.setCheckable(True)
        self.client_mode_action.setToolTip(t("action.client_mode_tip"))

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(t("menu.file"))
        self.file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = QMenu(t("action.recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.save_action, self.save_as_action])
        self.encryption = EncryptionActions(self)
        self.file_menu.addActions(self.encryption.actions())
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.import_gedcom_action])
        self.file_menu.addActions([self.export_action, self.print_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu(t("menu.edit"))
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.view_menu = bar.addMenu(t("menu.view"))
        self.view_menu.addActions(list(self.view_actions.values()))
        self.view_menu.addAction(self.groslijst_action)
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.fit_action, self.zoom_in_action, self.zoom_out_action])
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.link_mode_action, self.hide_scores_action])
        self.view_menu.addAction(self.arrange_action)
        self.view_menu.addAction(self.rearrange_genogram_action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.client_mode_action)
        self.panels_menu = self.view_menu.addMenu(t("menu.panels"))
        for dock in (self.palette_dock, self.details_dock, self.list_dock):
            self.panels_menu.addAction(dock.toggleViewAction())
        self.languages = LanguageActions(self, self.view_menu, self.settings)
        self._make_toolbar()
        self.plan = PlanActions(self)
        self.perspectives = PerspectiveActions(self, after=self.plan.hide_goals_action)
        self.help_menu = bar.addMenu(t("menu.help"))
        self.help_menu.addActions([self.help_action, self.about_action])
        self.sessions = SessionActions(self)
        self.client_switch = ClientModeSwitch(self, keep=[self.palette_dock])
        self.client_switch.watch_button(self.toolbar.widgetForAction(self.client_mode_action))
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
            self.arrange_action: QStyle.StandardPixmap.SP_BrowserReload,
            self.hide_scores_action: QStyle.StandardPixmap.SP_DialogNoButton,
            self.client_mode_action: QStyle.StandardPixmap.SP_DesktopIcon,
        }
        for action, icon in icons.items():
            action.setIcon(self.style().standardIcon(icon))
            short = t(f"toolbar.{action.objectName()}")
            if action.objectName() and short:
                action.setIconText(short)
            tip = t(f"action.{action.objectName()}_tip")  # what it does, not its name again
            if tip != f"action.{action.objectName()}_tip":
                action.setToolTip(tip)
            bar.addAction(action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar
        self._size_toolbar()

    def _size_toolbar(self) -> None:
        """Touch targets of at least 9 mm; in client mode larger still, with larger text."""
        millimetre = self.logicalDpiX() / 25.4
        size = (CLIENT_TARGET_MM if self.client_mode else TARGET_MM) * millimetre
        self.toolbar.setIconSize(QSize(round(size * 0.5), round(size * 0.5)))
        font = QFont(self.font())
        if self.client_mode:
            font.setPointSizeF(font.pointSizeF() * 1.35)
        for button in self.toolbar.findChildren(QToolButton):
            button.setMinimumSize(QSize(round(size * 1.15), round(size)))
            button.setFont(font)

    def _make_docks(self) -> None:
        self.palette = SuggestionPalette(self)
        self.palette.chosen.connect(self._add_suggestion)
        self.side_panel = SidePanel(self.palette, self)
        self.palette_dock = self._dock("palette", t("panel.palette"), self.side_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.palette_dock)
        self.details = DetailsPanel(self.push, self)
        self.details.set_atlas(self.document.atlas)
        self.details_dock = self._dock("details", t("panel.details"), self.details)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.details_dock)
        self.list = NetwerkintakeList(self.document.atlas, self.push, self, fill_when_shown=True)
        self.list_dock = self._dock("list", t("panel.list"), self.list)
        self.list_dock.visibilityChanged.connect(lambda shown: shown and self.list.refresh())
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.list_dock)
        self.tabifyDockWidget(self.details_dock, self.list_dock)
        self.groslijst = Groslijst(self.document.atlas, self.push, self)
        self.groslijst_dock = self._dock("groslijst", t("panel.groslijst"), self.groslijst)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.groslijst_dock)
        self.tabifyDockWidget(self.list_dock, self.groslijst_dock)
        self.details_dock.raise_()
        self.selection = SelectionFollower(self)

    def _dock(self, name: str, title: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{name}_dock")
        dock.setWidget(widget)
        return dock

    def _add_suggestion(self, kind: str, label: str) -> None:
        """A suggestion chosen without dragging goes to a free place around the client."""
        self.view.add_suggestion(NodeKind(kind), label, self.view.free_spot())

    def set_client_mode(self, on: bool) -> None:
        """One switch for the client holding the pen: large type and targets, professional
        panels and notes out of sight."""
        if on == self.client_mode:
            self.client_mode_action.setChecked(on)
            return
        self.client_mode = on
        self.client_mode_action.setChecked(on)
        if on:
            self.client_switch.hide_professional([self.groslijst_action])
        else:
            self.client_switch.show_professional()
        self.statusBar().setVisible(not on)  # the drawing keeps its height for larger buttons
        self.palette.set_large(on)
        # The suggestions in large type, uncut: wider than normal, but the right-hand panels
        # are gone, so the drawing keeps at least its normal width.
        palette = self.palette
        wide = palette.sizeHintForColumn(0) + palette.verticalScrollBar().sizeHint().width() + 24
        self.palette_dock.setMinimumWidth(wide if on else 0)
        self.groslijst.set_client_mode(on)
        self.views.set_client_mode(on)
        self.side_panel.set_client_mode(on)
        self._fill_side_panel()
        self._size_toolbar()
        self.current_view().fit_all()

    def _hide_scores(self, hidden: bool) -> None:
        self.views.set_show_scores(not hidden)
        self.list.set_show_scores(not hidden)

    def _set_link_mode(self, on: bool) -> None:
        self.view.link_mode = on

    def push(self, command) -> None:
        """Do an edit from the canvas; a refused edit is said in the status bar, not a crash.
        While an earlier session is shown, every edit is refused."""
        if self.sessions.refuse():
            return
        try:
            self.document.push(command)
        except AtlasError as error:
            self.statusBar().showMessage(t("status.command_failed", detail=error), 6000)
            return
        notices = notices_of(command)  # a removed person kept as a typed name in a document
        if notices:
            self.statusBar().showMessage(" ".join(notices), 10000)

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
        self.autosave.watch(document)

    def _refresh(self) -> None:
        """Title with the file name and the unsaved-changes mark; undo/redo texts."""
        marks = [("app.recovered_suffix", self.document.recovered)]
        marks.append(("app.read_only_suffix", self.document.read_only))
        marks.append(("app.encrypted_suffix", self.document.is_encrypted))
        self.encryption.refresh()
        suffix = "".join(f" {t(key)}" for key, on in marks if on)
        self.setWindowTitle(f"{self.document.display_name}{suffix}[*] — {t('app.name')}")
        self.read_only_label.setVisible(self.document.read_only)
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
        self.sessions.refresh()

    def set_document(self, document: Document, lock=None) -> None:
        """Show another document in this window (after New or Open), with its file's lock."""
        self.adopt_lock(lock)
        self.sessions.set_document()
        self.document = document
        self._watch(document)
        self.views.set_atlas(document.atlas)
        self.plan.set_atlas(document.atlas)
        self.perspectives.set_atlas(document.atlas)
        self.details.set_atlas(document.atlas)
        self.list.set_atlas(document.atlas)
        self.groslijst.set_atlas(document.atlas)
        self.view.fit_all()
        if document.path is not None:
            self.recent.add(document.path)
        self._show_saved_view()
        self._refresh()

    def _show_saved_view(self) -> None:
        """An atlas opens on the view it was saved in (a genogram on the genogram)."""
        name = self.document.atlas.meta.shown_view
        if name in self.views.tabs:
            self.views.show_instrument(name)

    def show_groslijst(self) -> None:
        """The groslijst panel in front, with the cursor in its entry field: type names. Not in
        client mode: the groslijst holds the professional's notes."""
        if self.client_mode:
            return
        self.groslijst_dock.show()
        self.groslijst_dock.raise_()
        self.groslijst.entry.setFocus()

    def current_view(self):
        return self.views.currentWidget()

    def _fill_side_panel(self):
        """The left panel for the view in front (suggestions, or how to work the view), and
        its title; gives that view's instrument."""
        instrument = self.views.current_tab().instrument
        self.palette_dock.setWindowTitle(
            self.side_panel.show_for(instrument.name, instrument.shows_palette)
        )
        return instrument

    def _view_switched(self) -> None:
        # The suggestions are netwerkintake themes; beside the other views the same panel says
        # how to work them. It never hides on a switch, so the tabs stay under the pointer.
        instrument = self._fill_side_panel()
        if not instrument.shows_palette:
            self.views.currentWidget().fit_all()
        self.views.currentWidget().setFocus()

    def new_document(self) -> None:
        """A new atlas, then the client's name for it (skippable)."""
        before = self.document
        super().new_document()
        if self.document is not before:
            ask_client_name(self)

    def show_help(self) -> None:
        """The manual, on the page of the view in front (F1); made when first asked for."""
        from netwerkatlas.app.help_dialog import open_help

        open_help(self, self.views.current_tab().instrument.name)

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

    def closeEvent(self, event: QCloseEvent) -> None:
        self.details.commit_note()
        if self.maybe_save():
            if self.client_mode:  # the layout to come back to is the professional's own
                self.set_client_mode(False)
            window_place.remember(self, self.settings)
            self.views.detach()
            self.plan.detach()
            self.perspectives.detach()
            self.autosave.close()
            self.adopt_lock(None)
            event.accept()
        else:
            event.ignore()

    def about(self) -> None:
        QMessageBox.about(self, t("app.name"), t("about.text", version=__version__))
