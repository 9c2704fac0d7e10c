"""The netwerkintake as a list: themes, people and events with their scores and notes.

For when the drawing confronts too much, or for going through the themes one by one. It is a
view of the same atlas as the canvas: it follows the model's events row by row, and every edit
made here is the same command the canvas would push. A QTreeWidget is enough: rows only show
values, grouped by kind, and the id of each node rides along in the row.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMenu,
    QPlainTextEdit,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
)

from netwerkatlas.canvas.menu_keys import show_keys
from netwerkatlas.commands import Command
from netwerkatlas.i18n import t
from netwerkatlas.model import (
    NODES,
    Atlas,
    AtlasEvent,
    AtlasReset,
    ItemAdded,
    ItemChanged,
    ItemRemoved,
    NodeBase,
    NodeKind,
)
from netwerkatlas.model.events import Following
from netwerkatlas.render.style import SCORE_FILL, score_symbol
from netwerkatlas.tools.netwerkintake import edits

NAME, SCORE, EMPHASIS, PRIVATE, NOTE = range(5)
ID_ROLE = Qt.ItemDataRole.UserRole
GROUPS = (NodeKind.THEME, NodeKind.PERSON, NodeKind.EVENT)


def _check(on: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked


class _Row(QTreeWidgetItem):
    """A row that sorts the score column by value (−− before ++), the rest by text."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        column = self.treeWidget().sortColumn() if self.treeWidget() else NAME
        if column == SCORE:
            mine, theirs = self.data(SCORE, ID_ROLE + 1), other.data(SCORE, ID_ROLE + 1)
            return (mine if mine is not None else 9) < (theirs if theirs is not None else 9)
        return self.text(column).lower() < other.text(column).lower()


class _NoEditor(QStyledItemDelegate):
    """Score and check-box columns change by key, menu or click, never by typing text."""

    def createEditor(self, parent, option, index):
        return None


class _NoteEditor(QStyledItemDelegate):
    """A note is edited whole, line breaks and all, in a small text box: the row shows it on
    one line, but what the user wrote stays as written."""

    def __init__(self, view: NetwerkintakeList) -> None:
        super().__init__(view)
        self.view = view

    def createEditor(self, parent, option, index):
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        return editor

    def setEditorData(self, editor: QPlainTextEdit, index) -> None:
        node_id = index.siblingAtColumn(NAME).data(ID_ROLE)
        if node_id is not None and self.view.atlas.has(NODES, node_id):
            editor.setPlainText(self.view.atlas.node(node_id).note)

    def setModelData(self, editor: QPlainTextEdit, model, index) -> None:
        node_id = index.siblingAtColumn(NAME).data(ID_ROLE)
        if node_id is None or not self.view.atlas.has(NODES, node_id):
            return
        command = edits.set_note(self.view.atlas, node_id, editor.toPlainText())
        if command is not None:
            self.view.push(command)

    def updateEditorGeometry(self, editor, option, index) -> None:
        rect = option.rect
        rect.setHeight(max(4 * rect.height(), 90))
        editor.setGeometry(rect)


class NetwerkintakeList(QTreeWidget):
    """Emits `selection_changed(ids)` when the user selects rows."""

    selection_changed = Signal(list)

    def __init__(
        self,
        atlas: Atlas,
        push: Callable[[Command], None],
        parent=None,
        fill_when_shown: bool = False,
    ) -> None:
        super().__init__(parent)
        self.push = push
        self.atlas: Atlas | None = None
        self._groups: dict[NodeKind, QTreeWidgetItem] = {}
        # Behind another panel the rows wait until the list is shown or read: a thousand rows
        # took a quarter of opening a large atlas, for a panel most never open.
        self.fill_when_shown = fill_when_shown
        self._stale = False
        self._following = Following(self._on_event)
        self._updating = False
        self.setColumnCount(5)
        self.setHeaderLabels(
            [t(f"list.{c}") for c in ("name", "score", "emphasis", "private", "note")]
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSortingEnabled(True)
        self.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        self._no_editor = _NoEditor(self)
        for column in (SCORE, EMPHASIS, PRIVATE):
            self.setItemDelegateForColumn(column, self._no_editor)
        self._note_editor = _NoteEditor(self)
        self.setItemDelegateForColumn(NOTE, self._note_editor)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.itemChanged.connect(self._edited)
        self.itemSelectionChanged.connect(
            lambda: None if self._updating else self.selection_changed.emit(self.selected_ids())
        )
        self.set_atlas(atlas)

    @property
    def groups(self) -> dict[NodeKind, QTreeWidgetItem]:
        self.refresh()
        return self._groups

    @property
    def rows(self) -> dict[str, QTreeWidgetItem]:
        """The rows by node id, read from the tree each time. Qt owns the rows; a dict of
        Python handles to them could outlive a row that Qt has let go of."""
        found: dict[str, QTreeWidgetItem] = {}
        for group in self.groups.values():
            for i in range(group.childCount()):
                row = group.child(i)
                found[row.data(NAME, ID_ROLE)] = row
        return found

    # --- following the model ------------------------------------------------------------------

    def set_atlas(self, atlas: Atlas) -> None:
        self.detach()
        self.atlas = atlas
        self._following.follow(atlas.events)
        if self.fill_when_shown and not self.isVisible():
            self.clear()
            self._groups = {}
            self._stale = True
        else:
            self.rebuild()

    def detach(self) -> None:
        self._following.stop()

    def refresh(self) -> None:
        """Fill the rows now if they were left for later."""
        if self._stale:
            self.rebuild()

    def showEvent(self, event) -> None:
        # A list in a tabbed panel is shown with the window even behind another tab: filling it
        # then would cost the start its rows (a tenth of a second for a thousand bollen). Its
        # panel calls `refresh` when its tab comes to the front.
        if not self.visibleRegion().isEmpty():
            self.refresh()
        super().showEvent(event)

    def rebuild(self) -> None:
        self._stale = False
        self._updating = True
        self.clear()
        self._groups = {}
        for kind in GROUPS:
            group = QTreeWidgetItem([t(f"list.group.{kind.value}")])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addTopLevelItem(group)
            group.setExpanded(True)
            self._groups[kind] = group
        self._updating = False
        for node in self.atlas.nodes():
            self._add_row(node)
        for column in (NAME, SCORE, EMPHASIS, PRIVATE):
            self.resizeColumnToContents(column)

    def _on_event(self, event: AtlasEvent) -> None:
        if self._stale:
            return  # filled from the atlas as it is then
        if isinstance(event, AtlasReset):
            self.rebuild()
        elif getattr(event, "collection", None) != NODES:
            return
        elif isinstance(event, ItemAdded):
            self._add_row(self.atlas.node(event.item_id))
        elif isinstance(event, ItemRemoved):
            row = self.rows.get(event.item_id)
            if row is not None:
                row.parent().removeChild(row)
        elif isinstance(event, ItemChanged) and (row := self.rows.get(event.item_id)):
            self._fill(row, self.atlas.node(event.item_id))

    def _add_row(self, node: NodeBase) -> None:
        if node.kind not in self._groups:
            return  # the client is the centre of the list, not a row in it
        row = _Row()
        row.setData(NAME, ID_ROLE, node.id)
        row.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
        )  # fmt: skip
        self._fill(row, node)
        self._updating = True
        self._groups[node.kind].addChild(row)
        self._updating = False

    def _fill(self, row: _Row, node: NodeBase) -> None:
        """Show a node's values; changes made here by the model are not edits."""
        self._updating = True
        row.setText(NAME, node.label)
        row.setText(SCORE, score_symbol(node.score))
        row.setData(SCORE, ID_ROLE + 1, node.score)
        colour = SCORE_FILL[node.score] if node.score is not None else None
        row.setBackground(SCORE, QBrush(QColor(colour)) if colour else QBrush())
        row.setForeground(SCORE, QBrush(QColor("#ffffff" if node.score in (2, -2) else "#1a1a1a")))
        row.setToolTip(SCORE, t(f"score.{node.score}") if node.score is not None else "")
        row.setCheckState(
            EMPHASIS, Qt.CheckState.Checked if node.emphasis else Qt.CheckState.Unchecked
        )
        row.setCheckState(
            PRIVATE, Qt.CheckState.Checked if node.private else Qt.CheckState.Unchecked
        )
        row.setText(NOTE, node.note.replace("\n", " "))
        row.setToolTip(NOTE, node.note)
        self._updating = False

    # --- edits made in the list ---------------------------------------------------------------

    def _edited(self, row: QTreeWidgetItem, column: int) -> None:
        node_id = row.data(NAME, ID_ROLE)
        if self._updating or node_id is None:
            return
        node = self.atlas.node(node_id)
        command: Command | None = None
        if column == NAME:
            command = edits.relabel(self.atlas, node_id, row.text(NAME))
        elif column == NOTE and row.text(NOTE) != node.note.replace("\n", " "):
            command = edits.set_note(self.atlas, node_id, row.text(NOTE))
        elif column in (EMPHASIS, PRIVATE):
            flag = "emphasis" if column == EMPHASIS else "private"
            if (row.checkState(column) == Qt.CheckState.Checked) != getattr(node, flag):
                command = edits.toggle_flag(self.atlas, [node_id], flag)
        if command is not None:
            self.push(command)
        else:
            self._fill(self.rows[node_id], node)  # a refused edit shows the model's value again

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The same keys as on the canvas (`edits.for_score_key`); Del removes."""
        ids = self.selected_ids()
        text = event.text()
        command: Command | None = None
        if not ids or self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        if text and text in edits.SCORE_KEYS:
            command = edits.for_score_key(self.atlas, ids, text)
        elif event.key() == Qt.Key.Key_Delete:
            command = edits.remove(self.atlas, ids)
        else:
            super().keyPressEvent(event)
            return
        if command is not None:
            self.push(command)
        event.accept()

    def _context_menu(self, position) -> None:
        ids = self.selected_ids()
        if ids:
            show_keys(self.score_menu(ids)).exec(self.viewport().mapToGlobal(position))

    def score_menu(self, ids: list[str]) -> QMenu:
        menu = QMenu(self)
        for score in edits.SCORES:
            menu.addAction(
                f"{score_symbol(score)}   {t(f'score.{score}')}",
                lambda s=score: self._push(edits.set_score(self.atlas, ids, s)),
            )
        menu.addAction(t("score.none"), lambda: self._push(edits.set_score(self.atlas, ids, None)))
        menu.addSeparator()
        menu.addAction(t("canvas.delete"), lambda: self._push(edits.remove(self.atlas, ids)))
        return menu

    def _push(self, command: Command | None) -> None:
        if command is not None:
            self.push(command)

    # --- selection and display ----------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        return [i.data(NAME, ID_ROLE) for i in self.selectedItems() if i.data(NAME, ID_ROLE)]

    def select_ids(self, ids: list[str]) -> None:
        """Follow a selection made elsewhere (the canvas) without echoing it back."""
        self._updating = True
        self.clearSelection()
        rows = self.rows
        for node_id in ids:
            if node_id in rows:
                rows[node_id].setSelected(True)
        if ids and ids[0] in rows:
            self.scrollToItem(rows[ids[0]])
        self._updating = False

    def set_show_scores(self, show: bool) -> None:
        """Hide the score column (visuals can confront); the data stays as it is."""
        self.setColumnHidden(SCORE, not show)
