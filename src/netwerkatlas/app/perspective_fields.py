"""A bol's score seen from several sides: the client's own and other views, side by side.

Part of the details panel (a professional's panel, hidden in client mode). The client's score is
the one drawn; a naaste's or a professional's view is added by name, changed or removed here,
each change one undo step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netwerkatlas.commands import Command
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.model.records import AtlasMeta, NodeBase
from netwerkatlas.render.style import score_symbol
from netwerkatlas.tools.netwerkintake import edits
from netwerkatlas.tools.netwerkintake.perspectives import (
    PerspectiveError,
    clean_name,
    perspective_names,
    set_perspective_score,
)

SCORES = (2, 1, 0, -1, -2)


def score_box(with_none: bool) -> QComboBox:
    """The five scores with symbol and words (and "no score" for the client's own)."""
    box = QComboBox()
    if with_none:
        box.addItem(t("score.none"), None)
    for score in SCORES:
        box.addItem(f"{score_symbol(score)}  {t(f'score.{score}')}", score)
    return box


class PerspectiveFields(QWidget):
    def __init__(self, push: Callable[[Command], None], parent=None) -> None:
        super().__init__(parent)
        self.push = push
        self.atlas: Atlas | None = None
        self.node_id: str | None = None
        self._filling = False
        self.title = QLabel(t("details.perspectives"))
        self.title.setStyleSheet("font-weight: 600;")
        self.rows = QGridLayout()
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows_widget = QWidget()
        self.rows_widget.setLayout(self.rows)
        self.new_name = QLineEdit()
        self.new_name.setObjectName("perspective_name")
        self.new_name.setPlaceholderText(t("details.perspective_name_placeholder"))
        self.new_name.returnPressed.connect(self.add_from_fields)
        self.new_score = score_box(with_none=False)
        self.new_score.setObjectName("perspective_score")
        self.new_score.setCurrentIndex(self.new_score.findData(0))
        self.add_button = QPushButton(t("details.perspective_add"))
        self.add_button.clicked.connect(self.add_from_fields)
        adding = QHBoxLayout()
        adding.addWidget(self.new_name, 2)
        adding.addWidget(self.new_score, 1)
        adding.addWidget(self.add_button)
        self.problem = QLabel()  # why a view could not be added, beside where it was typed
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.rows_widget)
        layout.addLayout(adding)
        layout.addWidget(self.problem)
        self.score_boxes: dict[str, QComboBox] = {}  # "" is the client's own

    def show_node(self, atlas: Atlas, node: NodeBase) -> None:
        """The client's score first, then every other view by name."""
        self.atlas, self.node_id = atlas, node.id
        self._filling = True
        self.problem.hide()
        while self.rows.count():
            widget = self.rows.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.score_boxes = {}
        own = t("details.perspective_own", client=client_word(atlas))
        self._add_row(0, own.capitalize(), "", node.score)
        for row, (name, score) in enumerate(sorted(node.perspectives.items()), 1):
            self._add_row(row, name, name, score)
        completer = QCompleter(perspective_names(atlas), self.new_name)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.new_name.setCompleter(completer)
        self._filling = False

    def _add_row(self, row: int, shown: str, name: str, score: int | None) -> None:
        label = QLabel(shown)
        label.setWordWrap(True)
        box = score_box(with_none=not name)
        box.setObjectName(f"perspective_{name or 'own'}")
        box.setCurrentIndex(max(0, box.findData(score)))
        box.activated.connect(lambda _=0, n=name, b=box: self._chosen(n, b.currentData()))
        self.score_boxes[name] = box
        self.rows.addWidget(label, row, 0)
        self.rows.addWidget(box, row, 1)
        if name:
            remove = QPushButton("×")
            remove.setObjectName(f"remove_{name}")
            remove.setToolTip(t("details.perspective_remove"))
            remove.setAccessibleName(t("details.perspective_remove"))
            remove.setMaximumWidth(36)
            remove.clicked.connect(lambda _=False, n=name: self.set_score(n, None))
            self.rows.addWidget(remove, row, 2)

    def _chosen(self, name: str, score: int | None) -> None:
        if self._filling or self.atlas is None:
            return
        if name:
            self.set_score(name, score)
        else:
            command = edits.set_score(self.atlas, [self.node_id], score)
            if command is not None:
                self.push(command)

    def set_score(self, name: str, score: int | None) -> None:
        """Give, change or (None) remove the view `name`: one undo step."""
        if self.atlas is None or self.node_id is None:
            return
        try:
            command = set_perspective_score(self.atlas, self.node_id, name, score)
        except PerspectiveError as error:
            self.problem.setText(str(error))
            self.problem.show()
            return
        if command is not None:
            self.push(command)

    def add_from_fields(self) -> None:
        """Visie toevoegen: the name typed and the score chosen."""
        name = clean_name(self.new_name.text())
        self.set_score(name, self.new_score.currentData())
        if name:
            self.new_name.clear()


def client_word(atlas: Atlas) -> str:
    """The organisation's word for the client, or the program's own in the user's language
    when the atlas keeps the default."""
    term = atlas.meta.client_term
    default = AtlasMeta.model_fields["client_term"].default
    return t("kind.client") if not term or term == default else term
