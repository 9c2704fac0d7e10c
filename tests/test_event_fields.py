"""An event's date and people in the Details panel, here from the netwerkintake: typed as people
say it, or field by field; what cannot be read is said and changes nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from netwerkatlas.canvas.gebeurteniskaart_menus import EventDialog
from netwerkatlas.model import NodeKind
from netwerkatlas.tools.gebeurteniskaart import dates, edits, people


@pytest.fixture
def fields(window):
    """The Details panel's event fields, showing a new event "Verhuizing" selected in the
    netwerkintake."""
    atlas = window.document.atlas
    window.push(edits.add_event(atlas, "Verhuizing", dates.parse("2010")))
    made = next(n for n in atlas.nodes(NodeKind.EVENT) if n.label == "Verhuizing")
    window.scene.clearSelection()
    window.scene.bol_items[made.id].setSelected(True)
    shown = window.details.event
    assert not shown.isHidden() and shown.node_id == made.id
    return shown


def node(window, fields):
    return window.document.atlas.node(fields.node_id)


def type_into(field, text):
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)


def test_the_date_typed_as_people_say_it_is_one_undo_step(window, fields):
    stack = window.document.undo_stack
    depth = len(stack)
    assert fields.date.text() == "2010"
    type_into(fields.date, "jaren 90")
    event = node(window, fields)
    assert (event.year, event.end_year, event.approximate) == (1990, 1999, True)
    assert len(stack) == depth + 1
    assert fields.year.text() == "1990" and fields.end_year.text() == "1999"
    assert fields.approximate.isChecked()
    type_into(fields.date, "12-14 jaar")
    event = node(window, fields)
    assert (event.year, event.age, event.end_age) == (None, 12, 14)
    stack.undo()
    assert node(window, fields).end_year == 1999


def test_a_date_that_cannot_be_read_is_said_in_red_and_changes_nothing(window, fields):
    stack = window.document.undo_stack
    depth = len(stack)
    type_into(fields.date, "gisteren ergens")
    assert not fields.error.isHidden()
    assert "gisteren ergens" in fields.error.text()
    assert node(window, fields).year == 2010
    assert len(stack) == depth
    type_into(fields.date, "maart 2014")
    assert fields.error.isHidden()
    assert node(window, fields).date == "2014-03"


def test_the_separate_fields_write_the_same_date(window, fields):
    type_into(fields.year, "2001")
    assert node(window, fields).year == 2001
    fields.month.setCurrentIndex(fields.month.findData(3))
    fields.month.activated.emit(fields.month.currentIndex())
    event = node(window, fields)
    assert (event.date, event.year) == ("2001-03", None)
    assert fields.date.text() == dates.describe(event)
    fields.approximate.click()
    assert node(window, fields).approximate
    fields.day.setCurrentIndex(fields.day.findData(31))
    fields.day.activated.emit(fields.day.currentIndex())
    fields.month.setCurrentIndex(fields.month.findData(2))
    fields.month.activated.emit(fields.month.currentIndex())
    assert not fields.error.isHidden()  # no 31 February: said, not stored
    assert node(window, fields).date == "2001-03-31"


def test_people_are_added_and_removed_from_the_list(window, fields):
    atlas = window.document.atlas
    someone = next(atlas.nodes(NodeKind.PERSON))
    fields.add_person.setCurrentIndex(fields.add_person.findData(someone.id))
    fields.add_button.click()
    assert people.involved(atlas, fields.node_id) == [someone.id]
    assert fields.people.count() == 1
    assert fields.add_person.findData(someone.id) == -1
    fields.people.setCurrentRow(0)
    fields.remove_button.click()
    assert people.involved(atlas, fields.node_id) == []
    window.document.undo_stack.undo()
    assert people.involved(atlas, fields.node_id) == [someone.id]


def test_the_event_dialog_stays_open_on_a_date_it_cannot_read(qtbot):
    dialog = EventDialog(None, "Gebeurtenis", ask_label=True)
    qtbot.addWidget(dialog)
    dialog.label_field.setText("Verhuizing")
    dialog.date_field.setText("ooit")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "ooit" in dialog.error.text()
    dialog.date_field.setText("ca. 1998")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.when["year"] == 1998 and dialog.when["approximate"]
