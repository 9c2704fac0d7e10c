"""The Basisposter tab: a form beside a live preview of the poster the client takes along.

The preview is the poster's own drawing (`tools/basisposter/drawing.py`) through the Qt painter,
so the screen shows what the paper will. The form follows the atlas's events like the other
views: a rename in the groslijst shows in the list of invited people and on the preview, an undo
puts the form back. Every edit is one undo step through `set_body`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from netwerkatlas.app.basisposter_lines import ROW_HEIGHT, LineList, row_button
from netwerkatlas.app.document_tab import (
    DocumentTab,
    date_field,
    fill_people,
    iso_of,
    scrolled,
    show_date,
)
from netwerkatlas.canvas.qt_painter import QtPainter
from netwerkatlas.commands import Command
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas, AtlasEvent, NodeKind, PositionsChanged
from netwerkatlas.model.plan_bodies import AgendaItem, BasisPosterBody, PersonRef
from netwerkatlas.tools.basisposter import VIEW
from netwerkatlas.tools.basisposter.drawing import BasisPosterDrawing, photo_png
from netwerkatlas.tools.meeting.defaults import default_agenda
from netwerkatlas.tools.meeting.people import pickable, ref_name, ref_of, typed_ref
from netwerkatlas.tools.meeting.store import body_of, plan_of, set_body

DRAWINGS = ("netwerkintake", "netwerkcirkel", "ecogram")
PAGE = QColor("#ffffff")
DESK = QColor("#e6e9ed")


class PosterPreview(QWidget):
    """The poster drawn to fit the widget, on a white page."""

    def __init__(self) -> None:
        super().__init__()
        self.drawing: BasisPosterDrawing | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(260, 320)

    def sizeHint(self) -> QSize:
        return QSize(520, 680)

    def show_drawing(self, drawing: BasisPosterDrawing) -> None:
        self.drawing = drawing
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(self.rect(), DESK)
        if self.drawing is None:
            return
        bx, by, bw, bh = self.drawing.bounds()
        room, edge = 16, 24  # around the page; the page's own white edge, in poster units
        scale = min(
            (self.width() - 2 * room) / (bw + 2 * edge),
            (self.height() - 2 * room) / (bh + 2 * edge),
        )
        if scale <= 0:
            return
        left = (self.width() - bw * scale) / 2
        top = (self.height() - bh * scale) / 2
        page = edge * scale
        width, height = bw * scale + 2 * page, bh * scale + 2 * page
        painter.fillRect(int(left - page), int(top - page), int(width), int(height), PAGE)
        painter.translate(left - bx * scale, top - by * scale)
        painter.scale(scale, scale)
        self.drawing.draw(QtPainter(painter))


class InvitedRow(QWidget):
    """An invited person: their name as the atlas has it now, their role, a button to uninvite."""

    def __init__(self, view: BasisposterView, index: int) -> None:
        super().__init__()
        self.view, self.index = view, index
        self.name = QLabel()
        self.name.setMinimumHeight(ROW_HEIGHT)
        self.role = QLineEdit()
        self.role.setMinimumHeight(ROW_HEIGHT)
        self.role.setPlaceholderText(t("basisposter.form.role_placeholder"))
        self.role.editingFinished.connect(lambda: view.set_role(self.index, self.role.text()))
        self.remove = row_button(
            "✕", t("basisposter.form.remove"), lambda: view.uninvite(self.index)
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name, 1)
        layout.addWidget(self.role, 1)
        layout.addWidget(self.remove)


class BasisposterView(DocumentTab):
    def __init__(self, atlas: Atlas, push: Callable[[Command], None], parent=None) -> None:
        super().__init__(atlas, push, parent)
        self.setObjectName("basisposter_view")
        self.show_scores = True
        self.invited_rows: list[InvitedRow] = []
        self.preview = PosterPreview()
        form = self._make_form()
        scroll = scrolled(form)
        scroll.setMinimumWidth(460)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 5)
        layout.addWidget(self.preview, 6)
        self.set_atlas(atlas)

    # --- the form -------------------------------------------------------------------------

    def _make_form(self) -> QWidget:
        form = QWidget()
        column = QVBoxLayout(form)
        column.setContentsMargins(24, 14, 18, 24)
        column.setSpacing(8)
        self.empty_label(t("basisposter.empty"), 1.15)
        column.addWidget(self.empty)
        column.addWidget(self.heading(t("basisposter.form.questions"), 1.2))
        self.questions = LineList(t("basisposter.form.question_placeholder"), self.set_questions)
        column.addWidget(self.questions)
        column.addSpacing(10)
        column.addWidget(self.heading(t("basisposter.form.invited"), 1.2))
        self.invited_column = QVBoxLayout()
        self.invited_column.setSpacing(4)
        column.addLayout(self.invited_column)
        self.pick = QComboBox()
        self.pick.setEditable(True)
        self.pick.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.pick.setMinimumHeight(ROW_HEIGHT)
        self.pick.lineEdit().setPlaceholderText(t("basisposter.form.invite_placeholder"))
        self.pick.lineEdit().returnPressed.connect(self._role_or_invite)
        self.pick_role = QLineEdit()
        self.pick_role.setMinimumHeight(ROW_HEIGHT)
        self.pick_role.setPlaceholderText(t("basisposter.form.role_placeholder"))
        self.pick_role.returnPressed.connect(self.invite_typed)
        self.invite_button = QPushButton(t("basisposter.form.invite"))
        self.invite_button.setMinimumHeight(ROW_HEIGHT)
        self.invite_button.clicked.connect(self.invite_typed)
        adding = QHBoxLayout()
        adding.addWidget(self.pick, 1)
        adding.addWidget(self.pick_role, 1)
        adding.addWidget(self.invite_button)
        column.addLayout(adding)
        self.invite_positive_button = QPushButton(t("basisposter.form.invite_positive"))
        self.invite_positive_button.setMinimumHeight(ROW_HEIGHT)
        self.invite_positive_button.clicked.connect(self.invite_positive)
        column.addWidget(self.invite_positive_button)
        column.addSpacing(10)
        column.addWidget(self.heading(t("basisposter.form.agenda"), 1.2))
        self.agenda = LineList(t("basisposter.form.agenda_placeholder"), self.set_agenda)
        column.addWidget(self.agenda)
        self.default_agenda_button = QPushButton(t("basisposter.form.default_agenda"))
        self.default_agenda_button.setMinimumHeight(ROW_HEIGHT)
        self.default_agenda_button.clicked.connect(self.use_default_agenda)
        column.addWidget(self.default_agenda_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addSpacing(10)
        column.addLayout(self._make_meeting_fields())
        column.addStretch(1)
        return form

    def _make_meeting_fields(self) -> QFormLayout:
        self.date = date_field(t("basisposter.form.no_date"), ROW_HEIGHT)
        self.date.editingFinished.connect(self._date_edited)
        self.place = QLineEdit()
        self.place.setMinimumHeight(ROW_HEIGHT)
        self.place.setPlaceholderText(t("basisposter.form.place_placeholder"))
        self.place.editingFinished.connect(self._place_edited)
        self.drawing_choice = QComboBox()
        self.drawing_choice.setMinimumHeight(ROW_HEIGHT)
        for name in DRAWINGS:
            self.drawing_choice.addItem(t(f"view.{name}"), name)
        self.drawing_choice.activated.connect(self._drawing_chosen)
        self.show_photo = QCheckBox(t("basisposter.form.show_photo"))
        self.show_photo.setMinimumHeight(ROW_HEIGHT)
        self.show_photo.toggled.connect(self._photo_toggled)
        fields = QFormLayout()
        fields.addRow(t("basisposter.form.date"), self.date)
        fields.addRow(t("basisposter.form.place"), self.place)
        fields.addRow(t("basisposter.form.drawing"), self.drawing_choice)
        fields.addRow(self.show_photo)
        return fields

    # --- the registry's tab protocol (the rest in DocumentTab) ------------------------------

    def set_show_scores(self, show: bool) -> None:
        self.show_scores = show
        self.redraw()

    def concerns(self, event: AtlasEvent) -> bool:
        """A bol moved on the drawing the poster shows small moves there too."""
        return not isinstance(event, PositionsChanged) or event.view in DRAWINGS

    def body(self) -> BasisPosterBody:
        body = body_of(self.atlas, VIEW)
        assert isinstance(body, BasisPosterBody)
        return body

    def refresh(self) -> None:
        body = self.body()
        self.empty.setVisible(plan_of(self.atlas, VIEW) is None or not body.questions)
        self.questions.set_lines(list(body.questions))
        self.agenda.set_lines([item.text for item in body.agenda])
        self._show_invited(body.invited)
        self._fill_pick()
        show_date(self.date, body.meeting_date)
        if not (self.place.hasFocus() and self.place.isModified()):
            self.place.setText(body.place)
        self.drawing_choice.setCurrentIndex(max(0, DRAWINGS.index(body.drawing)))
        has_photo = photo_png(self.atlas) is not None
        self.show_photo.blockSignals(True)
        self.show_photo.setChecked(body.show_photo)
        self.show_photo.blockSignals(False)
        self.show_photo.setEnabled(has_photo or body.show_photo)
        self.show_photo.setToolTip("" if has_photo else t("basisposter.form.no_photo"))
        self.preview.show_drawing(BasisPosterDrawing(self.atlas, self.show_scores))
        self._tab_order()

    def _tab_order(self) -> None:
        """Tab goes down the form as it reads, also through rows added since it was made."""
        chain: list[QWidget] = [row.field for row in self.questions.rows]
        chain += [self.questions.new_line, *(row.role for row in self.invited_rows)]
        chain += [self.pick, self.pick_role, self.invite_button, self.invite_positive_button]
        chain += [row.field for row in self.agenda.rows]
        chain += [self.agenda.new_line, self.default_agenda_button]
        chain += [self.date, self.place, self.drawing_choice, self.show_photo]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _show_invited(self, invited: list[PersonRef]) -> None:
        while len(self.invited_rows) < len(invited):
            row = InvitedRow(self, len(self.invited_rows))
            self.invited_column.addWidget(row)
            row.show()
            self.invited_rows.append(row)
        while len(self.invited_rows) > len(invited):
            row = self.invited_rows.pop()
            self.invited_column.removeWidget(row)
            row.hide()
            row.deleteLater()
        for row, ref in zip(self.invited_rows, invited, strict=True):
            row.name.setText(ref_name(self.atlas, ref))
            if not (row.role.hasFocus() and row.role.isModified()) and row.role.text() != ref.role:
                row.role.setText(ref.role)

    def _fill_pick(self) -> None:
        people = pickable(self.atlas)
        current = [(self.pick.itemData(i), self.pick.itemText(i)) for i in range(self.pick.count())]
        if current != people:
            fill_people(self.pick, people)

    # --- edits ----------------------------------------------------------------------------

    def _store(self, body: BasisPosterBody, key: str) -> None:
        command = set_body(self.atlas, VIEW, body, t(f"basisposter.command.{key}"))
        if command is not None:
            self.push(command)
        self.redraw()

    def _update(self, key: str, **changes) -> None:
        body = self.body()
        self._store(BasisPosterBody.model_validate({**body.model_dump(), **changes}), key)

    def set_questions(self, lines: list[str]) -> None:
        self._update("questions", questions=lines)

    def set_agenda(self, lines: list[str]) -> None:
        done = {item.text: item.done for item in self.body().agenda}
        items = [AgendaItem(text=text, done=done.get(text, False)) for text in lines]
        self._update("agenda", agenda=[item.model_dump() for item in items])

    def use_default_agenda(self) -> None:
        self._update("agenda", agenda=[item.model_dump() for item in default_agenda()])

    def _refs(self) -> list[dict]:
        return [ref.model_dump() for ref in self.body().invited]

    def invite(self, ref: PersonRef) -> None:
        refs = self._refs()
        if ref.person_id is not None and any(r["person_id"] == ref.person_id for r in refs):
            return  # already invited
        self._update("invited", invited=[*refs, ref.model_dump()])

    def _role_or_invite(self) -> None:
        """Enter on a name: on to its role (Enter there invites)."""
        if self.pick.currentText().strip():
            self.pick_role.setFocus(Qt.FocusReason.TabFocusReason)

    def invite_typed(self) -> None:
        """Invite the name in the picker: the atlas's person when it is one of theirs (by its
        shown name), else a typed name."""
        text = self.pick.currentText().strip()
        if not text:
            return
        role = self.pick_role.text().strip()
        match = [pid for pid, name in pickable(self.atlas) if name.casefold() == text.casefold()]
        self.invite(ref_of(self.atlas, match[0], role) if match else typed_ref(text, role))
        self.pick.setEditText("")
        self.pick_role.clear()
        self.pick.setFocus(Qt.FocusReason.OtherFocusReason)

    def invite_positive(self) -> None:
        """Everyone the client scored ++ or + in the netwerkintake, in one step."""
        refs = self._refs()
        invited = {r["person_id"] for r in refs}
        names = dict(pickable(self.atlas))
        new = [
            ref_of(self.atlas, node.id).model_dump()
            for node in self.atlas.nodes(NodeKind.PERSON)
            if node.score is not None and node.score > 0 and node.id not in invited
        ]
        new.sort(key=lambda r: names.get(r["person_id"], "").casefold())
        if new:
            self._update("invited", invited=[*refs, *new])

    def uninvite(self, index: int) -> None:
        for row in self.invited_rows:  # a role being typed is kept first
            if row.role.isModified():
                row.role.setModified(False)
                self.set_role(row.index, row.role.text())
        refs = self._refs()
        if 0 <= index < len(refs):
            self._update("invited", invited=refs[:index] + refs[index + 1 :])

    def set_role(self, index: int, role: str) -> None:
        refs = self._refs()
        if 0 <= index < len(refs) and refs[index]["role"] != role.strip():
            refs[index] = {**refs[index], "role": role.strip()}
            self._update("invited", invited=refs)

    def _date_edited(self) -> None:
        self._update("meeting", meeting_date=iso_of(self.date))

    def _place_edited(self) -> None:
        self.place.setModified(False)
        self._update("meeting", place=self.place.text().strip())

    def _drawing_chosen(self, index: int) -> None:
        self._update("drawing", drawing=DRAWINGS[index])

    def _photo_toggled(self, on: bool) -> None:
        self._update("photo", show_photo=on)


def make_basisposter_tab(atlas: Atlas, push: Callable[[Command], None], parent: QWidget):
    """The registry's tab factory: no scene; the widget follows the atlas."""
    return None, BasisposterView(atlas, push, parent)
