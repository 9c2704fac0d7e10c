"""The actions of one goal, in the method's three fixed groups, with fast entry.

A row is who / what / when / done. Tab moves across who, what and when (and on to the next row);
Enter keeps what was typed and adds the next action in the same group, with the cursor in its
"who". "Who" suggests people of the atlas (naasten with a positive score or a strong line first,
professionals from the circle's quadrant); a name typed that is not yet a person of the atlas
gets a button that makes it one. Each change is one command; rows never write to the model.

A row is painted until it is first clicked or typed in; only then does it get its fields. A long
plan has over a hundred actions, and a real text field costs about a millisecond to make and show:
painted, the Plan opens at once, and the row being typed in is as quick to type in as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, QStringListModel, Qt
from PySide6.QtGui import (
    QFocusEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QCompleter,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QStyleOptionFrame,
    QToolButton,
    QWidget,
)

from netwerkatlas.app.plan_common import shown_date, shown_who
from netwerkatlas.i18n import t
from netwerkatlas.model.records import Action
from netwerkatlas.tools.plan import edits as plan_edits
from netwerkatlas.tools.plan.suggest import who_suggestions

if TYPE_CHECKING:
    from netwerkatlas.app.plan_action_group import ActionGroup

FIELDS = ("who", "what", "when")
STRETCH = {"who": 3, "what": 6, "when": 3}  # how the row's width is shared by its text fields
GAP = 6  # pixels between the columns of a row
ROW_SPACING = 4
TEXT_INSET = 4  # where a QLineEdit starts its text: its frame and its margin


class WhoField(QLineEdit):
    """ "Who": the completer's people are read from the atlas when the field gets the cursor,
    so a long plan opens without asking for suggestions it may never need."""

    def __init__(self, row: ActionRow) -> None:
        super().__init__(row)
        self.row = row
        self.people: dict[str, str] = {}  # shown name -> node id, for the completer's choices
        self.model: QStringListModel | None = None

    def _make_completer(self) -> None:
        """Made when the field first gets the cursor: most rows of a long plan never do."""
        self.model = QStringListModel(self)
        completer = QCompleter(self.model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setModelSorting(QCompleter.ModelSorting.UnsortedModel)
        completer.activated[str].connect(self.row.picked)
        self.setCompleter(completer)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.load_people()
        super().focusInEvent(event)

    def load_people(self) -> None:
        if self.model is None:
            self._make_completer()
        atlas = self.row.group.atlas
        people = who_suggestions(atlas, self.row.group.actor)
        self.people = {}
        for node in people:
            self.people.setdefault(node.shown_label, node.id)
        self.model.setStringList(list(self.people))


class ActionRow(QWidget):
    """One action. Painted (the fields' frames and texts, the check box, the buttons) until it
    is clicked or reached with Tab; then its real fields, placed exactly where they were painted.
    """

    # The fields, made by `open_editor` (`live` says whether they exist).
    who: WhoField
    make_person: QToolButton
    what: QLineEdit
    when: QLineEdit
    done: QCheckBox
    remove: QToolButton

    def __init__(self, group: ActionGroup, action: Action) -> None:
        super().__init__()
        self.group = group
        self.action_id = action.id
        self.who_id: str | None = action.who_id
        self.live = False
        self.texts = dict.fromkeys(FIELDS, "")  # what a painted row shows
        self.is_done = False
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab into a painted row opens it
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._fit_height()
        self.show_action(action)

    # --- geometry: one source for the painted row and the real fields ----------------------

    def _field_height(self) -> int:
        """The height a QLineEdit of this font asks for (as QLineEdit::sizeHint computes it)."""
        style = self.style()
        height = max(self.fontMetrics().height(), 14) + 2
        option = QStyleOptionFrame()
        option.initFrom(self)
        option.lineWidth = style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, self)
        return style.sizeFromContents(
            QStyle.ContentsType.CT_LineEdit, option, QSize(100, height), self
        ).height()

    def _fit_height(self) -> None:
        self.setFixedHeight(self._field_height())

    def _button_width(self, text: str) -> int:
        return (
            self.fontMetrics().horizontalAdvance(text)
            + 2 * self.fontMetrics().horizontalAdvance(" ")
            + 8
        )

    def _check_spacing(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, self)

    def _check_width(self) -> int:
        indicator = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self)
        text = self.fontMetrics().horizontalAdvance(t("plan.action.done"))
        return indicator + self._check_spacing() + text + 4

    def columns(self) -> dict[str, QRect]:
        """Where each part of the row is: who, make_person, what, when, done, remove."""
        height = self.height()
        fixed = {
            "make_person": self._button_width(t("plan.action.make_person")),
            "done": self._check_width(),
            "remove": self._button_width("×"),
        }
        free = max(0, self.width() - sum(fixed.values()) - GAP * 5)
        total = sum(STRETCH.values())
        widths = {name: free * STRETCH[name] // total for name in FIELDS} | fixed
        rects: dict[str, QRect] = {}
        x = 0
        for name in ("who", "make_person", "what", "when", "done", "remove"):
            rects[name] = QRect(x, 0, widths[name], height)
            x += widths[name] + GAP
        return rects

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.live:
            self._place()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()
            if self.live:
                self._place()

    def _place(self) -> None:
        rects = self.columns()
        for name in ("who", "make_person", "what", "when", "remove"):
            getattr(self, name).setGeometry(rects[name])
        self.done.setGeometry(rects["done"])

    # --- painted ---------------------------------------------------------------------------

    def _shows_make_person(self) -> bool:
        return bool(self.texts["who"].strip()) and self.who_id is None

    def paintEvent(self, event) -> None:
        """The fields' frames and texts, the check box and the buttons, drawn plainly: through
        QStyle each row took most of a millisecond to paint."""
        if self.live:
            return
        painter = QPainter(self)  # square corners without antialiasing: crisp and quick
        rects = self.columns()
        palette = self.palette()
        edge = palette.color(QPalette.ColorRole.Window).darker(140)
        metrics = self.fontMetrics()
        painter.setPen(QPen(edge, 1.0))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        for name in FIELDS:
            painter.drawRect(rects[name].adjusted(0, 0, -1, -1))
        middle = Qt.AlignmentFlag.AlignVCenter
        for name in FIELDS:
            text = self.texts[name]
            role = QPalette.ColorRole.Text if text else QPalette.ColorRole.PlaceholderText
            painter.setPen(palette.color(role))
            inner = rects[name].adjusted(TEXT_INSET, 0, -TEXT_INSET, 0)
            shown = metrics.elidedText(
                text or t(f"plan.action.{name}"), Qt.TextElideMode.ElideRight, inner.width()
            )
            painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | middle, shown)
        if self._shows_make_person():
            button = rects["make_person"].adjusted(0, 2, -1, -3)
            painter.setPen(QPen(edge, 1.0))
            painter.setBrush(palette.color(QPalette.ColorRole.Button))
            painter.drawRect(button)
            painter.setPen(palette.color(QPalette.ColorRole.ButtonText))
            painter.drawText(button, Qt.AlignmentFlag.AlignCenter, t("plan.action.make_person"))
        painter.setPen(palette.color(QPalette.ColorRole.ButtonText))
        painter.drawText(rects["remove"], Qt.AlignmentFlag.AlignCenter, "×")
        done = rects["done"]
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self)
        box = QRectF(done.left() + 1, done.center().y() - size // 2, size - 1, size - 1)
        painter.setPen(QPen(edge, 1.0))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRect(box)
        if self.is_done:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1.8))
            corner = box.topLeft()
            painter.drawPolyline(
                [
                    corner + QPointF(box.width() * 0.22, box.height() * 0.52),
                    corner + QPointF(box.width() * 0.42, box.height() * 0.74),
                    corner + QPointF(box.width() * 0.78, box.height() * 0.28),
                ]
            )
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        label = done.adjusted(size + self._check_spacing(), 0, 0, 0)
        painter.drawText(label, Qt.AlignmentFlag.AlignLeft | middle, t("plan.action.done"))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click on the painted row does what it would do on the real one."""
        if self.live or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        point = event.position().toPoint()
        hit = next((name for name, rect in self.columns().items() if rect.contains(point)), None)
        event.accept()
        if hit == "done":
            self._done_toggled(not self.is_done)
        elif hit == "remove":
            self.group.push(plan_edits.remove_action(self.group.atlas, self.action_id))
        elif hit == "make_person" and self._shows_make_person():
            self._make_person()
        elif hit in FIELDS:
            field = self.edit(hit, Qt.FocusReason.MouseFocusReason)
            field.setCursorPosition(field.cursorPositionAt(field.mapFrom(self, point)))

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Reached with Tab (or Shift+Tab): open the row, the cursor in its first (last) field."""
        super().focusInEvent(event)
        if not self.live:
            back = event.reason() == Qt.FocusReason.BacktabFocusReason
            self.edit("when" if back else "who", event.reason())

    # --- the real fields, for the row being typed in -----------------------------------------

    def open_editor(self) -> None:
        """Give the row its fields (once): it keeps them, so what is typed stays where it is."""
        if self.live:
            return
        self.live = True
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.who = WhoField(self)
        self.who.setPlaceholderText(t("plan.action.who"))
        self.make_person = QToolButton(self)
        self.make_person.setText(t("plan.action.make_person"))
        self.make_person.setToolTip(t("plan.action.make_person_tip"))
        self.make_person.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.make_person.clicked.connect(self._make_person)
        self.what = QLineEdit(self)
        self.what.setPlaceholderText(t("plan.action.what"))
        self.when = QLineEdit(self)
        self.when.setPlaceholderText(t("plan.action.when"))
        self.done = QCheckBox(t("plan.action.done"), self)
        self.done.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.done.setChecked(self.is_done)
        self.done.toggled.connect(self._done_toggled)
        self.remove = QToolButton(self)
        self.remove.setText("×")
        self.remove.setAutoRaise(True)
        self.remove.setToolTip(t("plan.action.remove"))
        self.remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remove.clicked.connect(
            lambda: self.group.push(plan_edits.remove_action(self.group.atlas, self.action_id))
        )
        for name in FIELDS:
            field: QLineEdit = getattr(self, name)
            field.setText(self.texts[name])
            field.setCursorPosition(0)
            field.editingFinished.connect(self.commit)
            field.returnPressed.connect(self._enter)
        self.who.textEdited.connect(self._who_typed)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self._escape)
        self._place()
        for name in ("who", "what", "when", "done", "remove"):
            getattr(self, name).show()
        self._show_make_person()
        self.update()

    def edit(self, name: str, reason=Qt.FocusReason.OtherFocusReason) -> QLineEdit:
        """Put the cursor in the field `name` (who, what or when), opening the row if needed."""
        self.open_editor()
        field: QLineEdit = getattr(self, name)
        field.setFocus(reason)
        return field

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab: who → what → when → the next row's who (Shift+Tab back), in the order shown."""
        current = QApplication.focusWidget()
        fields = [getattr(self, name) for name in FIELDS] if self.live else []
        if current in fields:
            index = fields.index(current) + (1 if next else -1)
            reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
            if 0 <= index < len(fields):
                fields[index].setFocus(reason)
                return True
            neighbour = self.group.neighbour(self, 1 if next else -1)
            if neighbour is not None:
                neighbour.edit("who" if next else "when", reason)
                return True
        return super().focusNextPrevChild(next)

    # --- from the model -------------------------------------------------------------------

    def show_action(self, action: Action) -> None:
        """Show the model's values; a field being typed in keeps what the user typed."""
        atlas = self.group.atlas
        self.who_id = action.who_id
        values = {
            "who": shown_who(atlas, action),
            "what": action.what,
            "when": shown_date(action.when),
        }
        changed = values != self.texts or action.done != self.is_done
        self.texts = values
        self.is_done = action.done
        if not self.live:
            if changed:
                self.update()
            return
        for name, value in values.items():
            field: QLineEdit = getattr(self, name)
            if field.text() != value and not field.hasFocus():
                field.setText(value)
                field.setCursorPosition(0)
        if self.done.isChecked() != action.done:
            self.done.blockSignals(True)
            self.done.setChecked(action.done)
            self.done.blockSignals(False)
        self._show_make_person()

    def shown(self, name: str) -> str:
        """What the row shows in `name` (who, what or when), painted or typed in."""
        return getattr(self, name).text() if self.live else self.texts[name]

    def _show_make_person(self) -> None:
        typed = self.who.text().strip()
        self.make_person.setVisible(bool(typed) and self.who_id is None)

    # --- to the model ---------------------------------------------------------------------

    def _who_typed(self, text: str) -> None:
        self.who_id = None  # a changed name no longer is the person picked before
        self._show_make_person()

    def picked(self, name: str) -> None:
        """A person chosen in the completer: the action is linked to that person, and the
        cursor goes on to "what"."""
        self.who_id = self.who.people.get(name)
        self.commit()
        self.what.setFocus(Qt.FocusReason.TabFocusReason)

    def changes(self) -> dict:
        atlas = self.group.atlas
        if not self.live or not atlas.has("actions", self.action_id):
            return {}
        action = atlas.get("actions", self.action_id)
        when = self.when.text().strip()
        if when == shown_date(action.when):
            when = action.when  # a date shown in words is still the date it was
        wanted = {"what": self.what.text().strip(), "when": when}
        name = self.who.text().strip()
        if self.who_id is not None and atlas.has("nodes", self.who_id):
            wanted |= {"who_id": self.who_id, "who": atlas.node(self.who_id).shown_label}
            if name != shown_who(atlas, action) and name != wanted["who"]:
                wanted |= {"who_id": None, "who": name}
        else:
            wanted |= {"who_id": None, "who": name}
        return {key: value for key, value in wanted.items() if getattr(action, key) != value}

    def commit(self) -> None:
        changes = self.changes()
        if changes:
            self.group.push(plan_edits.edit_action(self.group.atlas, self.action_id, **changes))

    def _enter(self) -> None:
        """Enter: keep this row and start the next action of the same group."""
        completer = self.who.completer()
        if self.sender() is self.who and completer is not None and completer.popup().isVisible():
            return  # Enter chose a name in the completer's list: that is not "next action"
        self.commit()
        self.group.add_after(self.action_id)

    def is_empty(self) -> bool:
        if self.live:
            return not any(getattr(self, name).text().strip() for name in FIELDS)
        return not any(text.strip() for text in self.texts.values())

    def _escape(self) -> None:
        """Esc in a row left empty (Enter made one too many) takes it away again."""
        if self.is_empty():
            self.group.remove_row(self)

    def _done_toggled(self, on: bool) -> None:
        self.group.push(plan_edits.edit_action(self.group.atlas, self.action_id, done=on))

    def _make_person(self) -> None:
        self.commit()
        self.group.push(plan_edits.person_from_typed_who(self.group.atlas, self.action_id))
