"""The signaleringsplan through its tab's real widgets, and on A4: fill a phase, pick a naaste,
rename them in the groslijst and see the new name in the tab and the export; undo everything
and the file is as it was; the export is A4 with every text on it, nothing in the margins, and
no names or phone numbers when names are hidden."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from tests.page_ink import ink_in_margins
from tests.pdf_tools import page_sizes_mm

from netwerkatlas import io
from netwerkatlas.app.signaleringsplan_view import SignaleringsplanView
from netwerkatlas.commands import UndoStack
from netwerkatlas.export.a4 import a4_pdf
from netwerkatlas.export.options import ExportOptions, Privacy
from netwerkatlas.export.privacy import redact
from netwerkatlas.i18n import set_language
from netwerkatlas.model import NODES, PLANS, Atlas, ClientNode, PersonNode
from netwerkatlas.tools.groslijst.edits import set_field
from netwerkatlas.tools.meeting.people import ref_name
from netwerkatlas.tools.meeting.store import body_of
from netwerkatlas.tools.signaleringsplan.document import story
from netwerkatlas.tools.signaleringsplan.summary import summary_part

SIGNALS = ["Ik slaap slecht", "Ik zeg afspraken af", "Ik trek me terug"]


@pytest.fixture
def plan(qtbot, tmp_path):
    atlas = Atlas(ClientNode(id="sanne", name="Sanne de Vries"))
    atlas.add(NODES, PersonNode(id="fleur", name="Fleur", phone="06-11112222"))
    atlas.add(NODES, PersonNode(id="anita", name="Anita Bakker", phone="06-33334444"))
    atlas.add(NODES, PersonNode(id="huisarts", name="Dokter Jansen", relation="huisarts"))
    stack = UndoStack(atlas)
    view = SignaleringsplanView(atlas, stack.push)
    qtbot.addWidget(view)
    view.resize(1000, 900)
    view.show()
    qtbot.waitExposed(view)
    start = tmp_path / "start.netwerkatlas"
    io.save(atlas, start)
    return view, atlas, stack, start


def type_line(field, text: str) -> None:
    field.setFocus()
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)


def pick(picker, name: str) -> None:
    """Choose `name` from the who-list, as a click in the open list does."""
    picker.setFocus()
    picker.fill()
    index = picker.findText(name)
    assert index >= 0, name
    picker.setCurrentIndex(index)
    picker.activated.emit(index)


def fill_first_phase(view: SignaleringsplanView) -> None:
    card = view.cards[1]
    signals = card.lists["signals"]
    signals.add_button.click()
    for text in SIGNALS:  # Enter opens the next line, with the cursor in it
        line = signals.lines[-1]
        assert line.fields[0].hasFocus()
        type_line(line.fields[0], text)
    naasten = card.lists["close_ones_do"]
    naasten.add_button.click()
    row = naasten.lines[-1]
    pick(row.who, "Fleur")
    type_line(row.second, "Fleur belt mij elke avond")
    pros = card.lists["professionals_do"]
    pros.add_button.click()
    row = pros.lines[-1]
    row.who.setFocus()
    QTest.keyClicks(row.who.lineEdit(), "Wijkteam Noord")  # typed: not in the atlas
    QTest.keyClick(row.who.lineEdit(), Qt.Key.Key_Return)  # on to "what"
    assert row.second.hasFocus()
    type_line(row.second, "plant binnen een week een gesprek")
    view.contacts.add_button.click()
    row = view.contacts.lines[-1]
    pick(row.who, "Dokter Jansen")
    type_line(row.second, "huisarts")


def test_filling_a_phase_is_one_undo_step_per_line_and_all_undone_gives_the_file(
    qtbot, plan, tmp_path
):
    view, atlas, stack, start = plan
    assert view.empty.isVisible() and len(view.cards) == 4
    fill_first_phase(view)
    phase = body_of(atlas, "signaleringsplan").phases[1]
    assert phase.signals == SIGNALS
    assert len(view.cards[1].lists["signals"].lines) == len(SIGNALS) + 1  # the next, open line
    assert phase.close_ones_do[0].who.person_id == "fleur"
    assert phase.close_ones_do[0].what == "Fleur belt mij elke avond"
    typed = phase.professionals_do[0].who
    assert (typed.person_id, typed.name) == (None, "Wijkteam Noord")
    contact = body_of(atlas, "signaleringsplan").crisis_contacts[0]
    assert (contact.person_id, contact.role) == ("huisarts", "huisarts")
    assert not view.empty.isVisible()
    assert view.cards[1].lists["close_ones_do"].lines[0].phone.text() == "06-11112222"
    assert stack.index == len(SIGNALS) + 1 + 2 + 2 + 2 - 1  # who and what, per person line

    while stack.can_undo():
        stack.undo()
    assert atlas.items(PLANS) == []
    io.save(atlas, tmp_path / "undone.netwerkatlas")
    assert (tmp_path / "undone.netwerkatlas").read_bytes() == start.read_bytes()
    qtbot.waitUntil(lambda: view.cards[1].lists["signals"].current() == [], timeout=10_000)
    assert view.empty.isVisible()


def test_a_renamed_naaste_shows_in_the_tab_and_the_export(plan):
    view, atlas, stack, _ = plan
    fill_first_phase(view)
    stack.push(set_field(atlas, "fleur", "label", "Fleur van Dijk"))  # as the groslijst does
    view.flush()
    row = view.cards[1].lists["close_ones_do"].lines[0]
    assert row.who.currentText() == "Fleur van Dijk"
    assert ref_name(atlas, body_of(atlas, "signaleringsplan").phases[1].close_ones_do[0].who)
    text = pdf_text(a4_pdf(story(atlas, ExportOptions()), "t"))
    assert "Fleur van Dijk" in text


def test_phases_are_added_and_removed_one_step_each(plan):
    view, atlas, stack, _ = plan
    card = view.add_phase()
    assert len(view.cards) == 5 and card is view.cards[3] and card.title.hasFocus()
    assert [p.colour for p in body_of(atlas, "signaleringsplan").phases][-2:] == ["orange", "red"]
    type_line(card.title, "Ik merk dat het bijna misgaat")
    assert body_of(atlas, "signaleringsplan").phases[3].title == "Ik merk dat het bijna misgaat"
    assert view.cards[4].number.text() == "Fase 4"
    view.cards[0].remove.click()
    assert len(view.cards) == 4 and view.cards[0].title.text() == "Het gaat minder goed"
    stack.undo()
    view.flush()  # the tab redraws on its next turn of the event loop; here at once
    assert len(view.cards) == 5 and view.cards[0].title.text() == "Zo gaat het goed"


def test_agreed_by_and_on(plan):
    view, atlas, _, _ = plan
    view.agreed_by.add_button.click()
    pick(view.agreed_by.lines[0].who, "Sanne de Vries")
    view.agreed_on.setDate(QDate(2026, 5, 12))
    view.agreed_on.editingFinished.emit()
    body = body_of(atlas, "signaleringsplan")
    assert body.agreed_on == "2026-05-12" and body.agreed_by[0].person_id == "sanne"
    section = summary_part(atlas, True)
    assert "Sanne de Vries op 12-05-2026" in section.entries[0].text


def pdf_text(data: bytes) -> str:
    import subprocess

    from tests.pdf_tools import need

    out = subprocess.run(
        [need("pdftotext"), "-", "-"], input=data, capture_output=True, check=True
    ).stdout
    return " ".join(out.decode("utf-8").split())


def export(atlas: Atlas, privacy: Privacy) -> bytes:
    options = ExportOptions(view="signaleringsplan", privacy=privacy)
    return a4_pdf(story(redact(atlas, privacy), options), "t")


def test_the_export_is_a4_with_every_text_and_clean_margins(plan):
    view, atlas, _, _ = plan
    fill_first_phase(view)
    data = export(atlas, Privacy())
    assert set(page_sizes_mm(data)) == {(210, 297)}
    text = pdf_text(data)
    for expected in (
        *SIGNALS,
        "Fleur belt mij elke avond",
        "06-11112222",
        "Wijkteam Noord",
        "plant binnen een week een gesprek",
        "Dokter Jansen",
        "Fase 0 · Zo gaat het goed",
        "Fase 3 · Crisis",
        "oranje",
        "Crisiscontacten",
    ):
        assert expected in text, expected
    assert ink_in_margins(data) == []


def test_hidden_names_leave_out_names_and_phone_numbers(plan):
    view, atlas, _, _ = plan
    fill_first_phase(view)
    text = pdf_text(export(atlas, Privacy(hide_names=True)))
    for secret in ("Fleur", "Jansen", "Sanne", "06-11112222", "Wijkteam"):
        assert secret not in text, secret
    assert "Ik slaap slecht" in text and "huisarts" in text


def test_the_tab_opens_with_its_shortcut_and_exports_through_the_export(window):
    from PySide6.QtGui import QKeySequence

    from netwerkatlas.export import render

    action = next(a for a in window.view_menu.actions() if a.shortcut() == QKeySequence("Ctrl+9"))
    action.trigger()
    view = window.views.currentWidget()
    assert isinstance(view, SignaleringsplanView)
    atlas = window.document.atlas
    signals = view.cards[0].lists["signals"]
    signals.add_button.click()
    type_line(signals.lines[-1].fields[0], "Ik werk en ik slaap goed")
    data = render(atlas, ExportOptions(view="signaleringsplan")).data
    assert "Ik werk en ik slaap goed" in pdf_text(data)
    summary = render(atlas, ExportOptions(format="txt")).data.decode("utf-8")
    assert "Signaleringsplan" in summary and "Ik werk en ik slaap goed" in summary


def test_a_long_plan_stays_inside_the_margins_over_several_pages():
    from netwerkatlas.tools.signaleringsplan import edits

    atlas = Atlas(ClientNode(id="sanne", name="Sanne de Vries"))
    body = edits.current(atlas)
    for _ in range(4):
        body, _ = edits.add_phase(body)
    long_word = "slaapproblemenbijhouderslijstje" * 6  # one word wider than the page
    for index in range(len(body.phases)):
        texts = [f"Signaal {index}.{n}: " + "ik merk dat het minder gaat " * 8 for n in range(5)]
        body = edits.with_phase(body, index, signals=[*texts, long_word], i_do=texts[:2])
    edits.store(atlas, body, "").redo(atlas)
    data = export(atlas, Privacy())
    assert len(page_sizes_mm(data)) > 2 and set(page_sizes_mm(data)) == {(210, 297)}
    assert ink_in_margins(data) == []
    assert "Fase 7 · Crisis" in pdf_text(data)


def test_the_document_speaks_english(plan):
    view, atlas, _, _ = plan
    fill_first_phase(view)
    set_language("en")
    text = pdf_text(export(atlas, Privacy()))
    for expected in ("Signals: what I and others notice", "What my close ones do", "Phase 3"):
        assert expected in text, expected
    assert "Crisis contacts" in text and "orange" in text
