"""Bestand → Afdrukken: the export's pages through the system print dialog."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from netwerkatlas.app.pdf_pages import page_count, page_image, page_size_pt

MAX_PRINT_DPI = 300  # finer than any poster needs; keeps an A0 page within memory
PT_PER_MM = 72 / 25.4


def printer_for(width_pt: float, height_pt: float) -> QPrinter:
    """A printer set up for pages of this size, either way round."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    short, long = sorted((width_pt / PT_PER_MM, height_pt / PT_PER_MM))
    size = QPageSize(
        QSizeF(short, long), QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.FuzzyMatch
    )
    printer.setPageSize(size)
    landscape = width_pt > height_pt
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    return printer


def print_pages(pdf: bytes, printer: QPrinter) -> int:
    """Paint every page of `pdf` onto `printer`, each fitted to the paper; returns the count."""
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    count = page_count(pdf)
    try:
        for index in range(count):
            if index:
                printer.newPage()
            image = page_image(pdf, index, dpi)
            paper = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            width, height = page_size_pt(pdf, index)
            scale = min(paper.width() / width, paper.height() / height)
            target = QRectF(0, 0, width * scale, height * scale)
            target.moveCenter(paper.center())
            painter.drawImage(target, image)
    finally:
        painter.end()
    return count


def ask_and_print(parent: QWidget, pdf: bytes) -> bool:
    """Open the system print dialog for `pdf`; print if the user agrees."""
    printer = printer_for(*page_size_pt(pdf, min(1, page_count(pdf) - 1)))
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return print_pages(pdf, dialog.printer()) > 0
