"""Bestand → Exporteren / Afdrukken, used as a professional would: choose, look, save, print."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from tests.dialogs import DialogAnswerer
from tests.pdf_tools import all_text, metadata_text, page_sizes_mm, reader


def open_dialog(window, qtbot, action="export_action"):
    getattr(window, action).trigger()
    dialog = window.findChild(QDialog)
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def settle(dialog, qtbot):
    """Wait for the preview to follow the last change, as the user would."""
    qtbot.waitUntil(lambda: not dialog._preview_timer.isActive(), timeout=30000)


def test_the_preview_shows_the_real_pages_and_follows_the_choices(window, qtbot):
    dialog = open_dialog(window, qtbot)
    assert dialog.windowTitle() == "Exporteren en afdrukken"
    assert not dialog.preview.pixmap().isNull()
    assert dialog.page_label.text() == "pagina 1 van 1"
    dialog.tiles.setCurrentIndex(dialog.tiles.findData("A4"))
    settle(dialog, qtbot)
    total = dialog.page_total()
    assert total > 2
    assert dialog.page_label.text() == f"pagina 1 van {total}"
    click(qtbot, dialog.next_page)
    assert dialog.page_label.text() == f"pagina 2 van {total}"
    assert dialog.overlap.isEnabled() and not dialog.dpi.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData("png"))
    assert not dialog.tiles.isEnabled() and dialog.dpi.isEnabled()
    click(qtbot, dialog.close_button)


def test_export_with_hidden_names_writes_a_file_that_names_no_one(
    window, qtbot, tmp_path, monkeypatch
):
    dialog = open_dialog(window, qtbot)
    dialog.paper.setCurrentIndex(dialog.paper.findData("A3"))
    click(qtbot, dialog.hide_names)
    assert dialog.name_style.isEnabled() and not dialog.name_in_metadata.isEnabled()
    offered = []
    target = tmp_path / "voor-de-bijeenkomst.pdf"

    def save_as(parent, title, start, pattern):
        offered.append(start)
        return str(target), pattern

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    click(qtbot, dialog.export_button)
    assert not dialog.isVisible()
    assert "sanne" not in Path(offered[0]).name.lower()
    data = target.read_bytes()
    assert page_sizes_mm(data) == [(297, 420)]
    assert "Sanne" not in all_text(data) + metadata_text(data)
    assert "Voetbal" in all_text(data)
    assert "voor-de-bijeenkomst.pdf" in window.statusBar().currentMessage()
    # The choices are there again next time.
    again = open_dialog(window, qtbot)
    assert again.hide_names.isChecked() and again.paper.currentData() == "A3"
    assert again.session_label.text() == ""
    click(qtbot, again.close_button)


def test_print_sends_every_page_to_the_printer(window, qtbot, tmp_path, monkeypatch):
    printed = tmp_path / "printer.pdf"

    def accept(self):
        self.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer().setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    dialog = open_dialog(window, qtbot, "print_action")
    assert dialog.print_button.isDefault()
    dialog.tiles.setCurrentIndex(dialog.tiles.findData("A4"))
    settle(dialog, qtbot)
    expected = dialog.page_total()
    click(qtbot, dialog.print_button)
    assert not dialog.isVisible()
    assert len(reader(printed.read_bytes()).pages) == expected


def test_an_export_that_cannot_be_written_is_explained_and_the_dialog_stays(
    window, qtbot, tmp_path, monkeypatch
):
    dialog = open_dialog(window, qtbot)
    missing = tmp_path / "bestaat-niet" / "poster.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(missing), ""))
    answerer = DialogAnswerer(QMessageBox.StandardButton.Ok)
    click(qtbot, dialog.export_button)
    answerer.stop()
    assert answerer.seen and "bestaat niet" in answerer.seen[0]
    assert dialog.isVisible() and not missing.parent.exists()
    click(qtbot, dialog.close_button)


def test_a_summary_is_exported_as_plain_text_for_the_patient_record(
    window, qtbot, tmp_path, monkeypatch
):
    dialog = open_dialog(window, qtbot)
    dialog.kind.setCurrentIndex(dialog.kind.findData("summary"))
    assert not dialog.paper.isEnabled() and not dialog.tiles.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData("txt"))
    settle(dialog, qtbot)
    assert "Netwerkintake — samenvatting" in all_text(dialog.pdf)  # the preview shows it
    target = tmp_path / "epd"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    click(qtbot, dialog.export_button)
    text = (tmp_path / "epd.txt").read_text()
    assert text.startswith("Netwerkintake — samenvatting") and "Voetbal" in text


def test_a_poster_on_paper_too_small_to_read_says_so_before_printing(window, qtbot):
    """Sanne's netwerkintake on A4 prints its smallest text below 9 pt; on A2 it does not."""
    dialog = open_dialog(window, qtbot)
    dialog.paper.setCurrentIndex(dialog.paper.findData("A4"))
    settle(dialog, qtbot)
    assert dialog.note_label.isVisibleTo(dialog)
    assert "A4" in dialog.note_label.text() and "9 pt" in dialog.note_label.text()
    dialog.paper.setCurrentIndex(dialog.paper.findData("A2"))
    settle(dialog, qtbot)
    assert not dialog.note_label.isVisibleTo(dialog)
    click(qtbot, dialog.close_button)
