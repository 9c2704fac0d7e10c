"""The groslijst on screen: type a name, Enter, the next one; sort, filter, and drag a name
onto the circle or the ecogram to place it there.

It shows every person of the atlas (the client is the centre, not a name on the list). The rows
are read from the tree each time they are needed, never kept as Python handles, so they stay
right whatever the model does.
"""

from __future__ import annotations

import base64
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QIODevice, QMimeData, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netwerkatlas.commands import Command, UpdateItem
from netwerkatlas.i18n import t
from netwerkatlas.model import NODES, Atlas, AtlasEvent, NodeKind
from netwerkatlas.model.events import Following
from netwerkatlas.tools.circle.variants import cells
from netwerkatlas.tools.ecogram.domains import domain_of
from netwerkatlas.tools.groslijst import MIME_PERSON, edits

COLUMNS = ("label", "relation", "life_domain", "suggested_by", "note", "unplaced")
NAME, RELATION, DOMAIN, SUGGESTED, NOTE, UNPLACED = range(len(COLUMNS))
ID_ROLE = Qt.ItemDataRole.UserRole


ICON = 32
NOTE_WIDTH = 320  # px: the note column's width at most; the whole note is its tooltip
THUMBNAIL = 128


def thumbnail(path: str) -> str | None:
    """A small square PNG of an image file, base64: kept in the atlas, so nothing refers to a
    file elsewhere on the machine. None when the file is not an image Qt can read."""
    image = QImage(path)
    if image.isNull():
        return None
    side = min(image.width(), image.height())
    square = image.copy((image.width() - side) // 2, (image.height() - side) // 2, side, side)
    small = square.scaled(
        THUMBNAIL,
        THUMBNAIL,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    small.save(buffer, "PNG")
    return base64.b64encode(bytes(buffer.data())).decode("ascii")


def photo_icon(data: str) -> QIcon:
    if not data:
        return QIcon()
    image = QImage.fromData(base64.b64decode(data), "PNG")
    return QIcon(QPixmap.fromImage(image)) if not image.isNull() else QIcon()


def placed_in_ecogram_of(atlas: Atlas) -> set[str]:
    """People the ecogram draws: those whose life domain is one of its sectors."""
    return set(domain_of(atlas))


class _Names(QTreeWidget):
    """The table itself; a dragged row carries the person's id."""

    def mimeData(self, items) -> QMimeData:
        data = QMimeData()
        ids = [item.data(NAME, ID_ROLE) for item in items]
        data.setData(MIME_PERSON, "\n".join(ids).encode())
        data.setText(", ".join(item.text(NAME) for item in items))
        return data

    def mimeTypes(self) -> list[str]:
        return [MIME_PERSON]


class Groslijst(QWidget):
    def __init__(self, atlas: Atlas, push: Callable[[Command], None], parent=None) -> None:
        super().__init__(parent)
        self.push = push
        self.atlas: Atlas | None = None
        self._filling = False
        self.entry = QLineEdit()
        self.entry.setPlaceholderText(t("groslijst.entry_placeholder"))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(t("groslijst.filter_placeholder"))
        self.only_unplaced = QCheckBox(t("groslijst.only_unplaced"))
        self.table = _Names()
        self.table.setColumnCount(len(COLUMNS))
        self.table.setHeaderLabels([t(f"groslijst.column.{c}") for c in COLUMNS])
        self.table.setRootIsDecorated(False)
        self.table.header().setStretchLastSection(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        filters = QHBoxLayout()
        filters.addWidget(self.filter, 1)
        filters.addWidget(self.only_unplaced)
        layout = QVBoxLayout(self)
        layout.addWidget(self.entry)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.entry.returnPressed.connect(self._add_typed)
        self.filter.textChanged.connect(self._apply_filter)
        self.only_unplaced.toggled.connect(self._apply_filter)
        self.table.itemChanged.connect(self._edited)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(
            lambda pos: self.row_menu(self.table.itemAt(pos)).popup(
                self.table.viewport().mapToGlobal(pos)
            )
        )
        self.table.setIconSize(QSize(ICON, ICON))
        self._following = Following(self._on_event)
        self.set_atlas(atlas)

    # --- following the model --------------------------------------------------------------

    def set_client_mode(self, on: bool) -> None:
        """In client mode the Notitie column is out of sight (and so is the dock holding the list):
        the notes are the professional's."""
        self.table.setColumnHidden(NOTE, on)

    def set_atlas(self, atlas: Atlas) -> None:
        self.atlas = atlas
        self._following.follow(atlas.events)
        self.rebuild()

    def detach(self) -> None:
        self._following.stop()

    @property
    def rows(self) -> dict[str, QTreeWidgetItem]:
        table = self.table
        items = (table.topLevelItem(i) for i in range(table.topLevelItemCount()))
        return {item.data(NAME, ID_ROLE): item for item in items}

    def rebuild(self) -> None:
        """Bring every row up to date, in place: rows are updated, added and taken away, never
        all thrown away, because an edit in a row is still running when the model answers it."""
        self._filling = True
        sorting = self.table.isSortingEnabled()
        self.table.setSortingEnabled(False)
        people = {node.id: node for node in self.atlas.nodes(NodeKind.PERSON)}
        rows = self.rows
        for person_id, row in rows.items():
            if person_id not in people:
                self.table.takeTopLevelItem(self.table.indexOfTopLevelItem(row))
        placed = (set(cells(self.atlas)), placed_in_ecogram_of(self.atlas))
        for person_id, node in people.items():
            row = rows.get(person_id)
            if row is None:
                row = QTreeWidgetItem()
                row.setData(NAME, ID_ROLE, person_id)
                row.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsEditable
                    | Qt.ItemFlag.ItemIsDragEnabled
                )
                self.table.addTopLevelItem(row)
            self._fill(row, node, placed)
        self.table.setSortingEnabled(sorting)
        self._filling = False
        self._apply_filter()
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Every column as wide as its header and its longest entry, so nothing is cut off; the
        note, which can be long, gets a readable width and its whole text as a tooltip. The
        table scrolls sideways in a narrow panel rather than cutting words."""
        for column in range(len(COLUMNS)):
            if column != NOTE:
                self.table.resizeColumnToContents(column)
        widest_note = self.table.sizeHintForColumn(NOTE)
        header = self.table.header().sectionSizeHint(NOTE)
        self.table.setColumnWidth(NOTE, max(header, min(widest_note, NOTE_WIDTH)))

    def _fill(self, row: QTreeWidgetItem, node, placed: tuple[set[str], set[str]]) -> None:
        texts = {
            NAME: node.shown_label,
            RELATION: node.relation,
            DOMAIN: node.life_domain,
            SUGGESTED: node.suggested_by,
            NOTE: node.note.replace("\n", " "),
            UNPLACED: ", ".join(
                t(f"groslijst.view.{view}")
                for view, done in zip(("circle", "ecogram"), placed, strict=True)
                if node.id not in done
            ),
        }
        for column, text in texts.items():
            if row.text(column) != text:
                row.setText(column, text)
        row.setToolTip(NOTE, node.note)
        row.setIcon(NAME, photo_icon(node.photo))

    def _on_event(self, event: AtlasEvent) -> None:
        self.rebuild()

    # --- edits ----------------------------------------------------------------------------

    def _add_typed(self) -> None:
        command = edits.add_name(self.entry.text())
        if command is not None:
            self.push(command)
        self.entry.clear()
        self.entry.setFocus()

    def _edited(self, row: QTreeWidgetItem, column: int) -> None:
        if self._filling or column == UNPLACED:
            return
        person = row.data(NAME, ID_ROLE)
        node = self.atlas.node(person)
        if column == NOTE and row.text(NOTE) == node.note.replace("\n", " "):
            return  # an unchanged note keeps its line breaks
        command = edits.set_field(self.atlas, person, COLUMNS[column], row.text(column))
        if command is not None:
            self.push(command)
        else:
            self.rebuild()  # a refused edit shows the model's value again

    # --- filter ---------------------------------------------------------------------------

    def _apply_filter(self) -> None:
        needle = self.filter.text().casefold().strip()
        for row in self.rows.values():
            text = " ".join(row.text(c) for c in range(len(COLUMNS) - 1)).casefold()
            hidden = bool(needle) and needle not in text
            if self.only_unplaced.isChecked() and not row.text(UNPLACED):
                hidden = True
            row.setHidden(hidden)

    # --- photos ---------------------------------------------------------------------------

    def row_menu(self, row: QTreeWidgetItem | None) -> QMenu:
        menu = QMenu(self)
        if row is None:
            return menu
        person = row.data(NAME, ID_ROLE)
        menu.addAction(t("groslijst.photo_choose"), lambda: self.choose_photo(person))
        if self.atlas.node(person).photo:
            menu.addAction(t("groslijst.photo_remove"), lambda: self._set_photo(person, ""))
        return menu

    def choose_photo(self, person_id: str) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, t("groslijst.photo_title"), "", t("groslijst.photo_filter")
        )
        if not path:
            return
        data = thumbnail(path)
        if data is None:
            QMessageBox.warning(
                self, t("groslijst.photo_title"), t("groslijst.photo_unreadable", path=path)
            )
            return
        self._set_photo(person_id, data)

    def _set_photo(self, person_id: str, data: str) -> None:
        if self.atlas.node(person_id).photo != data:
            self.push(UpdateItem(NODES, person_id, {"photo": data}, t("groslijst.command.photo")))

    def selected_ids(self) -> list[str]:
        return [item.data(NAME, ID_ROLE) for item in self.table.selectedItems()]
