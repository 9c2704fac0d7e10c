"""The steungroep plan through its real widgets: members picked from the atlas (and one typed),
chair, minute-taker, agreements, a meeting with its agenda from the Plan; a rename shows in the
tab and on paper; undo gives the same file back; the A4 pages keep to A4, show every text,
hide names and phone numbers when asked and keep their margins clean."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from tests.document_tabs import export_a4, shown
from tests.page_ink import ink_in_margins
from tests.pdf_tools import all_text, page_sizes_mm

from netwerkatlas import i18n, io
from netwerkatlas.app.steungroep_view import SteungroepView
from netwerkatlas.commands import RemoveItem, UndoStack, UpdateItem
from netwerkatlas.commands.edits import notices_of
from netwerkatlas.export import Privacy
from netwerkatlas.model import NODES, PLANS
from netwerkatlas.resources import example_path
from netwerkatlas.tools.meeting.store import plan_of
from netwerkatlas.tools.plan.order import active_goals
from netwerkatlas.tools.steungroep import edits
from netwerkatlas.tools.steungroep.summary import summary_part

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def stack():
    """The example without its steungroep plan: each test makes its own."""
    atlas, _ = io.load(example_path())
    atlas.remove(PLANS, plan_of(atlas, "steungroep").id)
    return UndoStack(atlas)


@pytest.fixture
def view(qtbot, stack):
    return shown(qtbot, SteungroepView(stack.atlas, stack.push), 1100, 900)


def person_id(atlas, shown: str) -> str:
    return next(n.id for n in atlas.nodes() if n.shown_label == shown)


def export(atlas, privacy: Privacy | None = None) -> bytes:
    """`netwerkatlas export --view steungroep` with these privacy choices."""
    return export_a4(atlas, "steungroep", privacy)


def type_in(qtbot, widget, text: str) -> None:
    """Click into a field, type, press Enter (as a user does)."""
    line = widget.lineEdit() if hasattr(widget, "lineEdit") else widget
    line.setFocus(Qt.FocusReason.MouseFocusReason)
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def type_note(qtbot, view, note, text: str) -> None:
    """Type in a note and leave it (the note is stored on leaving)."""
    note.setFocus(Qt.FocusReason.MouseFocusReason)
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(note, Qt.Key.Key_Return)
        qtbot.keyClicks(note, line)
    view.frequency.setFocus(Qt.FocusReason.MouseFocusReason)
    QApplication.processEvents()


def fill(qtbot, view, stack) -> None:
    atlas = stack.atlas
    type_in(qtbot, view.new_member, "Moeder")
    assert view.few.isVisible()
    type_in(qtbot, view.new_member, "Buurvrouw Els")
    assert not view.few.isVisible()
    type_in(qtbot, view.member_rows[0].role, "steun thuis")
    type_in(qtbot, view.member_rows[1].role, "buurvrouw")
    type_in(qtbot, view.chair, "Sanne")
    type_in(qtbot, view.minute_taker, "Fleur")
    type_in(qtbot, view.frequency, "elke zes weken")
    type_in(qtbot, view.time_and_place, "dinsdag 19.30 bij moeder thuis")
    qtbot.mouseClick(view.channels["whatsapp"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.channels["phone"], Qt.MouseButton.LeftButton)
    type_note(qtbot, view, view.confidentiality, "Wat hier besproken wordt blijft in de groep.")
    qtbot.mouseClick(view.add_meeting_button, Qt.MouseButton.LeftButton)
    card = view.cards_in_order()[0]
    card.date.setFocus()
    card.date.setDate(QDate(2026, 3, 12))
    card.date.editingFinished.emit()
    type_note(qtbot, view, card.how_are_members, "Moeder is moe van de verbouwing.")
    type_note(qtbot, view, card.minutes, "Sanne slaapt beter sinds de telefoon weg is.")
    type_note(qtbot, view, card.decisions, "Els belt op zondag.\nVolgende keer bij Fleur.")
    assert len(edits.body(atlas).meetings) == 1


def test_an_empty_plan_says_what_it_is_for(view, stack):
    assert view.empty.isVisible()
    assert "steungroepplan" in view.empty.text() and "Lid toevoegen" in view.empty.text()
    assert view.few.isVisible()
    text = all_text(export(stack.atlas))
    assert "Lid toevoegen" in text


def test_filling_the_plan_through_its_fields(qtbot, view, stack):
    atlas = stack.atlas
    before = io.dumps(atlas)
    fill(qtbot, view, stack)
    plan = edits.body(atlas)
    moeder, sanne, fleur = (person_id(atlas, n) for n in ("Moeder", "Sanne", "Fleur"))
    assert [(m.person_id, m.name, m.role) for m in plan.members] == [
        (moeder, "", "steun thuis"),
        (None, "Buurvrouw Els", "buurvrouw"),
    ]
    assert plan.chair.person_id == sanne and plan.minute_taker.person_id == fleur
    assert plan.frequency == "elke zes weken"
    assert plan.time_and_place == "dinsdag 19.30 bij moeder thuis"
    assert sorted(plan.channels) == ["phone", "whatsapp"]
    assert plan.confidentiality == "Wat hier besproken wordt blijft in de groep."
    meeting = plan.meetings[0]
    assert meeting.date == "2026-03-12"
    assert meeting.goal_ids == [g.id for g in active_goals(atlas)]
    assert meeting.decisions == ["Els belt op zondag.", "Volgende keer bij Fleur."]
    assert not view.empty.isVisible()
    # 2 members, 2 roles, chair, minute-taker, 2 lines, 2 channels, confidentiality,
    # the meeting, its date and its three notes: one undo step each
    assert len(stack) == 16
    # the agenda: the client's active goals, each with the method's three questions
    card = view.cards_in_order()[0]
    goals = active_goals(atlas)
    assert any(goals[0].text in line for line in card.agenda_texts)
    questions = [
        "Wat kan Sanne zelf?",
        "Wat kunnen naasten doen?",
        "Wat kunnen zorgverleners doen?",
    ]
    assert [line for line in card.agenda_texts if line in questions] == questions * len(goals)
    assert any("Oordopjes kopen" in line for line in card.agenda_texts)
    while stack.can_undo():
        stack.undo()
    assert io.dumps(atlas) == before
    view.flush()
    assert view.empty.isVisible() and not view.member_rows and not view.meeting_cards


def test_a_rename_shows_in_the_tab_and_on_paper(qtbot, view, stack):
    atlas = stack.atlas
    fill(qtbot, view, stack)
    moeder = person_id(atlas, "Moeder")
    stack.push(UpdateItem(NODES, moeder, {"label": "Mama Anita"}))  # as the groslijst does
    view.flush()
    assert view.member_rows[0].person.currentText() == "Mama Anita"
    text = all_text(export(atlas))
    assert "Mama Anita" in text


def test_a_deleted_member_stays_as_a_typed_name(qtbot, view, stack):
    atlas = stack.atlas
    fill(qtbot, view, stack)
    before = io.dumps(atlas)
    removal = RemoveItem(NODES, person_id(atlas, "Moeder"))
    stack.push(removal)
    assert any("steungroep" in notice.casefold() for notice in notices_of(removal))
    view.flush()
    member = edits.body(atlas).members[0]
    assert member.person_id is None and member.name == "Moeder" and member.role == "steun thuis"
    assert view.member_rows[0].person.currentText() == "Moeder"
    stack.undo()
    assert io.dumps(atlas) == before


def test_the_pages_show_every_text_on_a4_with_clean_margins(qtbot, view, stack):
    atlas = stack.atlas
    fill(qtbot, view, stack)
    stack.push(UpdateItem(NODES, person_id(atlas, "Moeder"), {"phone": "06-12345678"}))
    pdf = export(atlas)
    assert set(page_sizes_mm(pdf)) == {(210, 297)}
    assert len(page_sizes_mm(pdf)) >= 2  # the plan, then the meeting's agenda on its own
    text = " ".join(all_text(pdf).split())
    for typed in (
        "Moeder",
        "steun thuis",
        "Buurvrouw Els",
        "Fleur",
        "elke zes weken",
        "dinsdag 19.30 bij moeder thuis",
        "bellen, WhatsApp",
        "Wat hier besproken wordt blijft in de groep.",
        "06-12345678",
        "12-03-2026",
        "Hoe gaat het met de leden?",
        "Moeder is moe van de verbouwing.",
        "Sanne slaapt beter sinds de telefoon weg is.",
        "Els belt op zondag.",
        "Wat kan Sanne zelf?",
        "Oordopjes kopen",
    ):
        assert typed in text, typed
    assert ink_in_margins(pdf) == []


def test_hidden_names_hide_members_and_phone_numbers(qtbot, view, stack):
    atlas = stack.atlas
    fill(qtbot, view, stack)
    stack.push(UpdateItem(NODES, person_id(atlas, "Moeder"), {"phone": "06-12345678"}))
    text = all_text(export(atlas, Privacy(hide_names=True)))
    for name in ("Anita", "Fleur", "Els", "Sanne", "06-12345678"):
        assert name not in text, name
    assert "F." in text  # initials instead


def test_one_meetings_agenda_prints_on_its_own(qtbot, view, stack):
    fill(qtbot, view, stack)
    card = view.cards_in_order()[0]
    pdf = view.agenda_pdf(card.meeting_id)
    assert page_sizes_mm(pdf) == [(210, 297)]
    text = all_text(pdf)
    assert "Agenda steungroep, 12 maart 2026" in text and "Hoe gaat het met de leden?" in text
    assert "Leden" not in text.split("Hoe gaat")[0]  # not the plan's page
    assert ink_in_margins(pdf) == []


def test_the_summary_names_the_members_and_the_next_meeting(qtbot, view, stack):
    atlas = stack.atlas
    assert summary_part(atlas, True) is None
    fill(qtbot, view, stack)
    section = summary_part(atlas, True, today=dt.date(2026, 3, 1))
    lines = [entry.text for entry in section.entries]
    assert lines == [
        "Leden: Moeder (steun thuis), Buurvrouw Els (buurvrouw)",
        "Volgende bijeenkomst: 12-03-2026",
    ]


def test_a_private_member_is_left_out_of_a_shared_export(qtbot, view, stack):
    atlas = stack.atlas
    fill(qtbot, view, stack)
    stack.push(UpdateItem(NODES, person_id(atlas, "Fleur"), {"private": True}))
    text = all_text(export(atlas, Privacy(hide_private=True)))
    plan = text.split("Bijeenkomsten")[0]  # members and agreements; the notes are free text
    assert "Fleur" not in plan  # neither as the minute-taker
    assert "Moeder" in plan  # the others are still there


def test_the_pages_follow_the_language(qtbot, view, stack, monkeypatch):
    fill(qtbot, view, stack)
    monkeypatch.setattr(i18n, "_language", "en")
    text = " ".join(all_text(export(stack.atlas)).split())
    assert "Support group of Sanne" in text and "What can Sanne do?" in text
    assert "Support group agenda, 12 March 2026" in text and "phone, WhatsApp" in text


def test_the_goals_on_a_meetings_agenda_can_be_chosen(qtbot, view, stack):
    atlas = stack.atlas
    fill(qtbot, view, stack)
    card = view.cards_in_order()[0]
    second = active_goals(atlas)[1]
    steps = len(stack)
    action = next(a for a in card.goals_menu.actions() if a.data() == second.id)
    assert action.isChecked()
    action.trigger()  # as a click in the menu does
    qtbot.waitUntil(lambda: len(stack) == steps + 1, timeout=10_000)
    view.flush()
    assert second.id not in edits.body(atlas).meetings[0].goal_ids
    assert not any(second.text in line for line in card.agenda_texts)
    assert second.text not in " ".join(all_text(view.agenda_pdf(card.meeting_id)).split())


def test_the_tab_in_the_window(window, qtbot):
    window.view_actions["steungroep"].trigger()
    tab = window.views.tab("steungroep").widget
    qtbot.waitUntil(tab.isVisible, timeout=10_000)
    assert window.views.tabText(window.views.currentIndex()) == "Steungroep"
    assert window.view_actions["steungroep"].shortcut().toString() == "Ctrl+Shift+8"
    before = io.dumps(window.document.atlas)
    assert len(tab.member_rows) == 2  # the example's: her mother and Fleur
    type_in(qtbot, tab.new_member, "Trainer Kim")
    members = edits.body(window.document.atlas).members
    assert [m.person_id for m in members][-1] == person_id(window.document.atlas, "Trainer Kim")
    assert len(tab.member_rows) == 3
    window.document.undo_stack.undo()
    tab.flush()
    assert io.dumps(window.document.atlas) == before and len(tab.member_rows) == 2


def test_the_bundled_example_has_sannes_steungroep():
    atlas, _ = io.load(example_path())
    plan = edits.body(atlas)
    assert [m.person_id for m in plan.members] == [
        person_id(atlas, "Moeder"),
        person_id(atlas, "Fleur"),
    ]
    assert plan.chair.person_id == atlas.client.id and len(plan.meetings) == 1
    assert plan.meetings[0].goal_ids == [g.id for g in active_goals(atlas)]
    pdf = export(atlas)
    assert len(page_sizes_mm(pdf)) == 2 and ink_in_margins(pdf) == []
    assert "Volgende bijeenkomst op dinsdag 13 oktober, bij Fleur." in " ".join(
        all_text(pdf).split()
    )
