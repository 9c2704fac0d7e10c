"""Bestand: new, open, save, save as, export, print and GEDCOM import, for the main window.

A mixin of `MainWindow`: these need its document, its views and its prompts, but not its menus
or panels, so they live apart from how the window is built.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from netwerkatlas import collector, io
from netwerkatlas.app.encryption_dialogs import OpenCancelled, open_document
from netwerkatlas.app.lock_dialog import (
    Choice,
    ask_save_as_instead,
    lock_for_opening,
    lock_for_saving,
    taken_over_warning,
)
from netwerkatlas.document import Document
from netwerkatlas.i18n import t, tn
from netwerkatlas.model import NODES

if TYPE_CHECKING:
    from netwerkatlas.app.export_dialog import ExportDialog


class FileCommands:
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
        if self.file_lock is not None and self.file_lock.covers(path):
            outcome = None  # reopening our own file: we hold it already
        else:
            outcome = lock_for_opening(self, path)
            if outcome.choice is Choice.CANCEL:
                return False
        try:
            document, report = open_document(self, path)
        except (io.AtlasFileError, OpenCancelled) as error:
            if outcome is not None and outcome.lock is not None:
                outcome.lock.release()
            if isinstance(error, io.AtlasFileError):
                self.show_error(t("dialog.open_error_title"), error.render())
            return False
        document.read_only = outcome is not None and outcome.choice is Choice.READ_ONLY
        with collector.paused():
            self.set_document(document, self.file_lock if outcome is None else outcome.lock)
        self.statusBar().showMessage(
            outcome.note if outcome and outcome.note else t("status.opened", path=path), 4000
        )
        if report.notices:
            QMessageBox.information(self, t("dialog.notices_title"), "\n".join(report.render()))
        return True

    def save(self) -> bool:
        self.details.commit_note()
        if self.document.read_only:
            return ask_save_as_instead(self, self.document.display_name) and self.save_as()
        if self.document.path is None or self.document.recovered:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        folder = self.document.path.parent if self.document.path else Path.home()
        start = str(folder / self.document.suggested_file_name())
        path, _ = QFileDialog.getSaveFileName(
            self, t("dialog.save_title"), start, t("dialog.file_filter")
        )
        return self._save_to(Path(path)) if path else False

    def adopt_lock(self, lock) -> None:
        """Hold `lock` (or none) from now on; the lock held until now is released."""
        if self.file_lock is not None and self.file_lock is not lock:
            self.file_lock.release()
        self.file_lock = lock

    def _save_to(self, path: Path) -> bool:
        """Save, never over a file someone else holds: take its lock first if it is not ours."""
        target = io.with_extension(path)
        lock = self.file_lock
        if lock is not None and lock.covers(target):
            if not lock.is_ours():
                taken_over_warning(self, lock)
                return False
        else:
            lock = lock_for_saving(self, target)
            if lock is False:
                return False
        try:
            saved = self.document.save(target, self.views.current_tab().instrument.name)
        except io.AtlasFileError as error:
            if lock is not None and lock is not self.file_lock:
                lock.release()
            self.show_error(t("dialog.save_error_title"), error.render())
            return False
        self.adopt_lock(lock)
        self.recent.add(saved)
        self.statusBar().showMessage(t("status.saved", path=saved), 4000)
        return True

    def export_dialog(self, for_print: bool = False) -> ExportDialog:
        """Open the export and print dialog on the current atlas (also Bestand → Afdrukken).
        The export (reportlab, pypdfium2) is imported here, on first use, not at the start."""
        from netwerkatlas.app.export_dialog import ExportDialog

        self.details.commit_note()
        base = self.document.path or Path.home() / f"{self.document.display_name}.netwerkatlas"
        shown = self.sessions.shown_atlas  # looking back: export the session on screen
        dialog = ExportDialog(shown or self.document.atlas, self.settings, base, self)
        dialog.other_views = self.perspectives.action.isChecked()  # the poster as on screen
        (dialog.print_button if for_print else dialog.export_button).setDefault(True)
        dialog.finished.connect(lambda _result: self._exported(dialog))
        dialog.open()
        return dialog

    def import_gedcom(self) -> None:
        """Bestand → Importeren uit GEDCOM: a family tree file into this atlas, one undo step.
        The GEDCOM reader (ged4py) is imported on first use, not at the start."""
        from netwerkatlas.app.gedcom_dialog import GedcomImportDialog
        from netwerkatlas.app.gedcom_reading import read_with_progress
        from netwerkatlas.io.gedcom import GedcomError
        from netwerkatlas.tools.genogram.importing import import_family

        folder = str(self.document.path.parent) if self.document.path else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, t("dialog.gedcom_title"), folder, t("dialog.gedcom_filter")
        )
        if not path:
            return
        try:
            tree = read_with_progress(self, path)
        except GedcomError as error:
            self.show_error(t("dialog.gedcom_error_title"), str(error))
            return
        if tree is None:  # cancelled: nothing read, nothing changed
            self.statusBar().showMessage(t("status.gedcom_cancelled"), 6000)
            return
        atlas = self.document.atlas
        dialog = GedcomImportDialog(tree, atlas.client.shown_label or t("privacy.client"), self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.root_xref() is None:
            return
        command = import_family(
            atlas,
            tree,
            dialog.root_xref(),
            dialog.generations.value(),
            dialog.is_client.isChecked(),
        )
        self.push(command)
        self.views.setCurrentWidget(self.genogram_view)
        self.genogram_view.fit_all()
        count = sum(1 for c in command.children if getattr(c, "collection", "") == NODES)
        self.statusBar().showMessage(tn("status.imported", count, path=Path(path).name), 6000)

    def _exported(self, dialog: ExportDialog) -> None:
        if dialog.last_written is not None:
            self.statusBar().showMessage(t("status.exported", path=dialog.last_written), 6000)

    # --- the unsaved-changes prompt -----------------------------------------------------

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
