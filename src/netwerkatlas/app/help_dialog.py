"""The manual in a window of its own beside the atlas (F1, Help → Handleiding).

A list of pages on the left, the page on the right in a QTextBrowser. It does not block the
window: the professional can read a page and try it out at once. F1 opens it on the page of
the view in front.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QListWidget, QListWidgetItem, QTextBrowser

from netwerkatlas.app import help as manual
from netwerkatlas.i18n import t

PAGE_ROLE = Qt.ItemDataRole.UserRole


class HelpWindow(QDialog):
    """The manual's pages, one shown at a time."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("help_window")
        self.setWindowTitle(t("help.window_title"))
        self.setModal(False)
        self.pages = QListWidget()
        self.pages.setMaximumWidth(230)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        font = self.browser.font()
        font.setPointSizeF(max(font.pointSizeF(), 11.0))
        self.browser.setFont(font)
        layout = QHBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.browser, 1)
        self.fill()
        self.pages.currentItemChanged.connect(self._page_chosen)
        self.resize(900, 640)

    def fill(self) -> None:
        """The list of pages in the language of the moment."""
        self.pages.blockSignals(True)
        self.pages.clear()
        for page in manual.page_names():
            item = QListWidgetItem(manual.page_title(page))
            item.setData(PAGE_ROLE, page)
            self.pages.addItem(item)
        self.pages.blockSignals(False)

    @property
    def page(self) -> str:
        item = self.pages.currentItem()
        return item.data(PAGE_ROLE) if item is not None else manual.START

    def show_page(self, page: str) -> None:
        """Show `page` (the start page when there is no such page)."""
        names = manual.page_names()
        row = names.index(page) if page in names else 0
        self.pages.setCurrentRow(row)
        self._show(names[row])

    def _page_chosen(self, item: QListWidgetItem | None, _before) -> None:
        if item is not None:
            self._show(item.data(PAGE_ROLE))

    def _show(self, page: str) -> None:
        self.browser.setMarkdown(manual.page_markdown(page))


def open_help(window, page: str) -> HelpWindow:
    """The manual over `window` on `page`, made once and raised again on later presses."""
    dialog = getattr(window, "help_window", None)
    if dialog is None:
        dialog = HelpWindow(window)
        window.help_window = dialog
    else:
        dialog.fill()  # the language may have changed since
    dialog.show_page(page)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
