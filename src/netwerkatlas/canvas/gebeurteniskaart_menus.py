"""The gebeurteniskaart's menus and its small event dialog.

The dialog asks for a date as people say it ("ca. 1998", "jaren 90", "12-14 jaar") and, when an
event is made, its label; what cannot be read is said under the field and the dialog stays open,
so a wrong date never changes the atlas. The netwerkintake uses the same dialog for
"Gebeurtenis met …" on a person.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)

from netwerkatlas.canvas.choices import choice, one_of
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas, NodeKind
from netwerkatlas.render.style import score_symbol
from netwerkatlas.tools.gebeurteniskaart import dates, edits, people
from netwerkatlas.tools.netwerkintake import edits as node_edits

ERROR_STYLE = "color: #b71c1c;"


class EventDialog(QDialog):
    """A date field (and a label field when `ask_label`); `when` holds the parsed date after
    OK, `label` the label."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        *,
        ask_label: bool,
        label: str = "",
        date: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.label_field: QLineEdit | None = None
        self.date_field = QLineEdit(date)
        self.date_field.setPlaceholderText(t("timeline.date_placeholder"))
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout(self)
        if ask_label:
            self.label_field = QLineEdit(label)
            form.addRow(t("timeline.label"), self.label_field)
        form.addRow(t("timeline.date"), self.date_field)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.when: dict[str, Any] | None = None
        self.label = label

    def accept(self) -> None:
        """Close only when the date can be read and, for a new event, it has a label."""
        if self.label_field is not None:
            self.label = self.label_field.text().strip()
            if not self.label:
                self._say(t("timeline.label_missing"))
                return
        try:
            self.when = dates.parse(self.date_field.text())
        except dates.DateError as error:
            self._say(str(error))
            return
        super().accept()

    def _say(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


def ask_event(
    parent: QWidget, title: str, *, ask_label: bool = True, label: str = "", date: str = ""
):
    """(label, when) from the event dialog, or None when it was cancelled."""
    dialog = EventDialog(parent, title, ask_label=ask_label, label=label, date=date)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.label, dialog.when


def people_choices(atlas: Atlas) -> list[tuple[str, str]]:
    """(id, name) of everyone who can be involved in an event: the client, then the persons."""
    chosen = [atlas.client, *sorted(atlas.nodes(NodeKind.PERSON), key=lambda n: n.shown_label)]
    return [(node.id, node.shown_label or t("app.untitled")) for node in chosen]


def event_menu(view, menu: QMenu, event_id: str) -> None:
    """People involved, date, score, emphasis, private, rename and remove for one event."""
    atlas = view.drawn.atlas
    node = atlas.node(event_id)
    involved = set(people.involved(atlas, event_id))
    who = menu.addMenu(t("timeline.menu.people"))
    for person_id, name in people_choices(atlas):
        on = person_id in involved
        action = who.addAction(
            name,
            lambda p=person_id, on=on: view.push_command(
                edits.uninvolve(atlas, event_id, p) if on else edits.involve(atlas, event_id, p)
            ),
        )
        action.setCheckable(True)
        action.setChecked(on)
    menu.addAction(t("timeline.menu.date"), lambda: view.ask_date(event_id))
    scores = menu.addMenu(t("canvas.score"))
    group = one_of(scores)
    for score in (*node_edits.SCORES, None):
        text = f"{score_symbol(score)}   {t(f'score.{score}')}" if score is not None else None
        choice(
            scores,
            group,
            text or t("score.none"),
            lambda s=score: view.push_command(edits.set_score(atlas, event_id, s)),
            node.score == score,
        )
    for flag in ("emphasis", "private"):
        action = menu.addAction(
            t(f"canvas.{flag}"),
            lambda f=flag: view.push_command(node_edits.toggle_flag(atlas, [event_id], f)),
        )
        action.setCheckable(True)
        action.setChecked(getattr(node, flag))
    menu.addAction(t("canvas.rename"), lambda: view.edit_label(event_id))
    menu.addSeparator()
    menu.addAction(
        t("canvas.delete"), lambda: view.push_command(node_edits.remove(atlas, [event_id]))
    )


def paper_menu(view, menu: QMenu, point) -> None:
    """A new event, the axis (years or age), lanes, the family layer and fit, on the paper;
    on a person's lane also a new event with that person."""
    atlas = view.drawn.atlas
    drawing = view.drawn.drawing
    lane = drawing.lane_at(point.y())
    if lane is not None and atlas.has("nodes", lane):
        name = atlas.node(lane).shown_label
        menu.addAction(t("timeline.menu.event_with", name=name), lambda: view.add_event_with(lane))
    menu.addAction(t("timeline.menu.new_here"), lambda: view.start_new_event(point))
    menu.addSeparator()
    group = one_of(menu)
    for unit in ("year", "age"):
        choice(
            menu,
            group,
            t(f"timeline.menu.axis_{unit}"),
            lambda u=unit: view.push_command(edits.set_setting(atlas, "axis", u)),
            drawing.unit == unit,
        )
    menu.addSeparator()
    for key in ("lanes", "family"):
        on = bool(atlas.view_setting(view.drawn.view_name, key))
        action = menu.addAction(
            t(f"timeline.menu.{key}"),
            lambda k=key, on=on: view.push_command(edits.set_setting(atlas, k, not on)),
        )
        action.setCheckable(True)
        action.setChecked(on)
    menu.addSeparator()
    menu.addAction(t("action.fit"), view.fit_all)
