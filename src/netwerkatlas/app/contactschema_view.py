"""The Contactschema tab: the client's contacts in one table, from the atlas's people.

Relation and how often are the person's own fields, shared with the groslijst: editing them here
changes the person (one undo step). How, who takes the initiative and what the contact brings
belong to the schema. A click on the Wie, Relatie or Hoe vaak header sorts by it, and the
sort is kept in the file. The tab follows the atlas's events: a rename elsewhere shows here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from netwerkatlas.app.document_tab import DocumentTab
from netwerkatlas.app.steungroep_fields import ROW_HEIGHT, PersonPicker, ref_from
from netwerkatlas.commands import Command
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.model.records import MAX_NOTE, MAX_SHORT
from netwerkatlas.tools.contactschema import rows as schema
from netwerkatlas.tools.contactschema.document import COLUMN_KEYS
from netwerkatlas.tools.meeting.people import person_of

WHO, RELATION, FREQUENCY, HOW, INITIATIVE, BRINGS, REMOVE = range(7)
SORT_COLUMNS = {WHO: "name", RELATION: "relation", FREQUENCY: "frequency"}
PERSON_FIELDS = {RELATION: "relation", FREQUENCY: "contact_frequency"}
TABLE_ROW_HEIGHT = 44
CHOSEN_STYLE = (
    "QToolButton { padding: 2px 6px; }"
    "QToolButton:checked { background: #d6e6fb; border: 1px solid #4a7fc4; font-weight: bold; }"
)


class HowButtons(QWidget):
    """How the contact goes: a toggle per way (zien, bellen, app, video, post)."""

    def __init__(self, chosen: list[str], changed: Callable[[list[str]], None]) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        self.setStyleSheet(CHOSEN_STYLE)
        self.buttons: dict[str, QToolButton] = {}
        for how in schema.HOW:
            button = QToolButton()
            button.setText(schema.how_word(how))
            button.setCheckable(True)
            button.setChecked(how in chosen)
            button.setMinimumHeight(ROW_HEIGHT - 4)
            button.clicked.connect(
                lambda: changed([h for h, b in self.buttons.items() if b.isChecked()])
            )
            self.buttons[how] = button
            layout.addWidget(button)


class ContactschemaView(DocumentTab):
    def __init__(self, atlas: Atlas, push: Callable[[Command], None], parent=None) -> None:
        super().__init__(atlas, push, parent)
        self.setObjectName("contactschema_view")
        self.row_indices: list[int] = []  # the body's row shown on each table row
        self._shown: list | None = None
        self._build()
        self.set_atlas(atlas)

    def _build(self) -> None:
        self.title = self.heading("", 1.5)
        self.empty_label(t("contactschema.empty"), 1.2)
        self.picker = PersonPicker(t("contactschema.pick_person"))
        self.picker.committed.connect(self._picked)
        self.add_all_button = QPushButton(t("contactschema.add_all"))
        self.add_all_button.setMinimumHeight(ROW_HEIGHT)
        self.add_all_button.clicked.connect(
            lambda: self.push_edit(schema.add_all_people(self.atlas))
        )
        adding = QHBoxLayout()
        adding.addWidget(self.picker, 2)
        adding.addWidget(self.add_all_button)
        adding.addStretch(3)

        self.table = QTableWidget(0, 7)
        headers = [t(f"contactschema.col.{key}") for key in COLUMN_KEYS] + [""]
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setMinimumSectionSize(ROW_HEIGHT)
        self.table.verticalHeader().setDefaultSectionSize(TABLE_ROW_HEIGHT)
        self.table.setWordWrap(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(HOW, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BRINGS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(REMOVE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(WHO, 170)
        header.resizeSection(RELATION, 150)
        header.resizeSection(FREQUENCY, 140)
        header.resizeSection(INITIATIVE, 120)
        header.resizeSection(REMOVE, ROW_HEIGHT + 8)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._header_clicked)
        self.table.itemChanged.connect(self._item_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 24)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        layout.addLayout(adding)
        layout.addWidget(self.table, 1)

    # --- the registry's tab protocol (the rest in DocumentTab) -----------------------------

    def set_atlas(self, atlas: Atlas) -> None:
        self._shown = None  # another atlas: its table is filled anew
        super().set_atlas(atlas)

    def zoom_by(self, factor: float) -> None:
        super().zoom_by(factor)
        for r in range(self.table.rowCount()):
            self.table.setRowHeight(r, self._row_height())

    # --- following the model ---------------------------------------------------------------

    def flush(self) -> None:
        """Not while a cell is being edited: again on the next turn of the event loop."""
        if self._stale and self.table.state() == QAbstractItemView.State.EditingState:
            self._soon.start()
            return
        super().flush()

    def refresh(self) -> None:
        """Show the schema as it is now; the table is filled again only when its content
        changed."""
        atlas = self.atlas
        client = atlas.client.shown_label
        self.title.setText(
            t("contactschema.title", client=client) if client else t("contactschema.title_plain")
        )
        self.picker.show_ref(atlas, None)
        schedule = schema.body(atlas)
        shown = schema.shown_rows(atlas, schedule)
        self.empty.setVisible(not shown)
        column = next(c for c, s in SORT_COLUMNS.items() if s == schedule.sort)
        self.table.horizontalHeader().setSortIndicator(column, Qt.SortOrder.AscendingOrder)
        signature = [(s.index, s.row, s.name, s.relation, s.frequency) for s in shown]
        if signature == self._shown:
            return
        self._shown = signature
        self._fill(atlas, shown)

    def _fill(self, atlas: Atlas, shown: list) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(shown))
        self.row_indices = [s.index for s in shown]
        for r, row in enumerate(shown):
            linked = person_of(atlas, row.row.person) is not None
            who = QTableWidgetItem(row.name)
            who.setFlags(who.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, WHO, who)
            for column, text in ((RELATION, row.relation), (FREQUENCY, row.frequency)):
                item = QTableWidgetItem(text)
                if not linked:  # a typed name has no person whose fields these are
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r, column, item)
            brings = QTableWidgetItem(row.row.brings)
            brings.setToolTip(row.row.brings)
            self.table.setItem(r, BRINGS, brings)
            index = row.index
            self.table.setCellWidget(
                r, HOW, HowButtons(list(row.row.how), lambda how, i=index: self._edit(i, how=how))
            )
            self.table.setCellWidget(r, INITIATIVE, self._initiative_box(index, row.row.initiative))
            remove = QToolButton()
            remove.setText("×")
            remove.setToolTip(t("contactschema.remove"))
            remove.setMinimumSize(ROW_HEIGHT, ROW_HEIGHT)
            remove.clicked.connect(
                lambda _=False, i=index: self.push_edit(schema.remove_row(self.atlas, i))
            )
            self.table.setCellWidget(r, REMOVE, remove)
        self.table.blockSignals(False)
        for r in range(len(shown)):
            self.table.setRowHeight(r, self._row_height())

    def _row_height(self) -> int:
        """Touch-sized, and growing with the type when zoomed."""
        return max(TABLE_ROW_HEIGHT, self.fontMetrics().height() + 20)

    def _initiative_box(self, index: int, initiative: str) -> QComboBox:
        box = QComboBox()
        for value in schema.INITIATIVES:
            box.addItem(schema.initiative_word(value), value)
        box.setCurrentIndex(schema.INITIATIVES.index(initiative))
        box.setMinimumHeight(ROW_HEIGHT - 4)
        box.activated.connect(lambda i: self._edit(index, initiative=schema.INITIATIVES[i]))
        return box

    # --- edits -----------------------------------------------------------------------------

    def _edit(self, index: int, **changes) -> None:
        QTimer.singleShot(
            0, lambda: self.push_edit(schema.change_row(self.atlas, index, **changes))
        )

    def _picked(self, person_id, name: str) -> None:
        ref = ref_from(person_id, name)
        if ref is None:
            return
        self.push_edit(schema.add_people(self.atlas, [ref]))
        self.picker.setEditText("")

    def _header_clicked(self, column: int) -> None:
        if column in SORT_COLUMNS:
            self.push_edit(schema.set_sort(self.atlas, SORT_COLUMNS[column]))
        else:  # the other columns do not sort: keep the indicator where the sort is
            self.redraw()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        index = self.row_indices[item.row()]
        text = item.text().strip()
        if item.column() in PERSON_FIELDS:
            command = schema.change_person(
                self.atlas, index, PERSON_FIELDS[item.column()], text[:MAX_SHORT]
            )
        elif item.column() == BRINGS:
            command = schema.change_row(self.atlas, index, brings=text[:MAX_NOTE])
        else:
            return
        QTimer.singleShot(0, lambda: self.push_edit(command))

    def cell_text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""


def make_contactschema_tab(atlas: Atlas, push: Callable[[Command], None], parent: QWidget):
    """The registry's tab factory: no scene, the widget follows the atlas."""
    return None, ContactschemaView(atlas, push, parent)
