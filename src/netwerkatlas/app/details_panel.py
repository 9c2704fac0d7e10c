"""The details of the selected bol or link: its note, emphasis, private flag or direction,
a bol's score from other perspectives than the client's, and an event's date and people.

A professional's panel (hidden in client mode). The note is committed as one undo step when the
field loses focus or another item is selected, not on every keystroke.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from netwerkatlas.app.event_fields import EventFields
from netwerkatlas.app.person_fields import PersonFields
from netwerkatlas.app.perspective_fields import PerspectiveFields
from netwerkatlas.commands import Command
from netwerkatlas.i18n import t
from netwerkatlas.model import (
    EDGES,
    NODES,
    Atlas,
    AtlasEvent,
    AtlasReset,
    ItemAdded,
    ItemChanged,
    ItemRemoved,
    NodeKind,
)
from netwerkatlas.model.events import Following
from netwerkatlas.render.style import score_symbol
from netwerkatlas.tools.netwerkintake import edits


class DetailsPanel(QWidget):
    def __init__(self, push: Callable[[Command], None], parent=None) -> None:
        super().__init__(parent)
        self.push = push
        self.atlas: Atlas | None = None
        self.target: tuple[str, str] | None = None
        self._following = Following(self._on_event)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.summary = QLabel()
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(t("details.note_placeholder"))
        self.note.installEventFilter(self)
        self.emphasis = QCheckBox(t("canvas.emphasis"))
        self.private = QCheckBox(t("canvas.private"))
        self.direction = QComboBox()
        for direction in edits.DIRECTIONS:
            self.direction.addItem(t(f"direction.{direction.value}"), direction)
        self.form = form = QFormLayout()
        form.addRow(self.emphasis)
        form.addRow(self.private)
        form.addRow(t("canvas.direction"), self.direction)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        self.person = PersonFields(push, self)
        layout.addWidget(self.person)
        self.event = EventFields(push, self)
        layout.addWidget(self.event)
        self.perspectives = PerspectiveFields(push, self)
        layout.addWidget(self.perspectives)
        layout.addWidget(QLabel(t("details.note")))
        layout.addWidget(self.note, stretch=1)
        layout.addLayout(form)
        self.emphasis.clicked.connect(lambda: self._toggle("emphasis"))
        self.private.clicked.connect(lambda: self._toggle("private"))
        self.direction.activated.connect(self._direction_chosen)
        self.set_atlas(None)

    # --- what is shown ------------------------------------------------------------------------

    def set_atlas(self, atlas: Atlas | None) -> None:
        self._following.stop()
        self.atlas = atlas
        if atlas is not None:
            self._following.follow(atlas.events)
        self.show_item(None, None)

    def show_item(self, collection: str | None, item_id: str | None) -> None:
        """Show a node or an edge (or nothing); a note being typed is committed first."""
        self.commit_note()
        self.target = (collection, item_id) if collection and item_id else None
        self._refresh()

    def _refresh(self) -> None:
        record = self._record()
        self.setEnabled(record is not None)
        is_node = self.target is not None and self.target[0] == NODES
        is_edge = self.target is not None and self.target[0] == EDGES
        for widget in (self.emphasis, self.private):
            self.form.setRowVisible(widget, is_node)
        is_person = is_node and record is not None and hasattr(record, "gender")
        self.person.setVisible(is_person)
        if is_person:
            self.person.show_person(self.atlas, record)
        is_event = is_node and record is not None and record.kind == NodeKind.EVENT
        self.event.setVisible(is_event)
        if is_event:
            self.event.show_event(self.atlas, record)
        self.form.setRowVisible(self.direction, is_edge)
        scored = is_node and record is not None and record.id != self.atlas.client_id
        self.perspectives.setVisible(scored)
        if scored:
            self.perspectives.show_node(self.atlas, record)
        if record is None:
            self.title.setText(t("details.nothing"))
            self.summary.setText("")
            self.note.setPlainText("")
            return
        if is_node:
            self.title.setText(record.shown_label or t("app.untitled"))
            symbol = score_symbol(record.score)
            kind = t(f"kind.{record.kind.value}")
            self.summary.setText(f"{kind}  {symbol}" if symbol else kind)
            self.emphasis.setChecked(record.emphasis)
            self.private.setChecked(record.private)
        else:
            ends = [self.atlas.node(n).label for n in (record.source, record.target)]
            self.title.setText(" — ".join(ends))
            self.summary.setText(t("kind.influence"))
            self.direction.setCurrentIndex(edits.DIRECTIONS.index(record.direction))
        if not self.note.hasFocus():
            self.note.setPlainText(record.note)

    def _record(self):
        if self.atlas is None or self.target is None:
            return None
        collection, item_id = self.target
        if not self.atlas.has(collection, item_id):
            return None
        return self.atlas.get(collection, item_id)

    def _on_event(self, event: AtlasEvent) -> None:
        if isinstance(event, AtlasReset):
            self.target = None
            self._refresh()
        elif isinstance(event, ItemChanged | ItemRemoved | ItemAdded) and self.target is not None:
            self._refresh()  # the item itself, a node a link's title names, who is involved

    # --- edits ----------------------------------------------------------------------------

    def commit_note(self) -> None:
        record = self._record()
        if record is None:
            return
        collection, item_id = self.target
        text = self.note.toPlainText()
        if collection == NODES:
            command = edits.set_note(self.atlas, item_id, text)
        else:
            command = edits.set_link_note(self.atlas, item_id, text)
        if command is not None:
            self.push(command)

    def _toggle(self, flag: str) -> None:
        if self._record() is not None and self.target[0] == NODES:
            command = edits.toggle_flag(self.atlas, [self.target[1]], flag)
            if command is not None:
                self.push(command)

    def _direction_chosen(self, index: int) -> None:
        if self._record() is not None and self.target[0] == EDGES:
            direction = edits.DIRECTIONS[index]
            if self._record().direction != direction:
                self.push(edits.set_direction(self.target[1], direction))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note and event.type() == QEvent.Type.FocusOut:
            self.commit_note()
        return False
