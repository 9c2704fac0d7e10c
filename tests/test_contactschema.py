"""The contactschema through its real table: people added from the atlas, relation and how often
edited here change the person (one undo step), how / initiative / what it brings stored in the
schema, sorting by a header click kept in the file; a rename shows in the table and on paper;
undo gives the same file back; the A4 page keeps its margins and hides names when asked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from tests.document_tabs import export_a4, shown
from tests.page_ink import ink_in_margins
from tests.pdf_tools import all_text, page_sizes_mm

from netwerkatlas import i18n, io
from netwerkatlas.app.contactschema_view import (
    BRINGS,
    FREQUENCY,
    HOW,
    INITIATIVE,
    RELATION,
    TABLE_ROW_HEIGHT,
    WHO,
    ContactschemaView,
)
from netwerkatlas.commands import UndoStack, UpdateItem
from netwerkatlas.export import Privacy
from netwerkatlas.model import NODES
from netwerkatlas.resources import example_path
from netwerkatlas.tools.contactschema import rows as schema
from netwerkatlas.tools.contactschema.summary import summary_part

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

PEOPLE = ["Fleur", "Huisarts", "Moeder", "Trainer Kim"]  # the example's people, by name


@pytest.fixture
def stack():
    atlas, _ = io.load(example_path())
    return UndoStack(atlas)


@pytest.fixture
def view(qtbot, stack):
    return shown(qtbot, ContactschemaView(stack.atlas, stack.push), 1300, 800)


def export(atlas, privacy: Privacy | None = None) -> bytes:
    """`netwerkatlas export --view contactschema` with these privacy choices."""
    return export_a4(atlas, "contactschema", privacy)


def names(view) -> list[str]:
    view.flush()
    return [view.cell_text(r, WHO) for r in range(view.table.rowCount())]


def row_of(view, name: str) -> int:
    return names(view).index(name)


def edit_cell(qtbot, view, stack, name: str, column: int, text: str) -> None:
    """Double-click a cell, type, Enter: the edit lands as one step."""
    steps = len(stack)
    row = row_of(view, name)
    table = view.table
    table.scrollToItem(table.item(row, column))
    rect = table.visualItemRect(table.item(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = QApplication.focusWidget()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not table, timeout=10_000)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(stack) == steps + 1, timeout=10_000)


def click_header(qtbot, view, column: int) -> None:
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 8))


def fill(qtbot, view, stack) -> None:
    qtbot.mouseClick(view.add_all_button, Qt.MouseButton.LeftButton)
    assert names(view) == PEOPLE
    line = view.picker.lineEdit()
    line.setFocus()
    qtbot.keyClicks(line, "Buurman Henk")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert names(view) == ["Buurman Henk", *PEOPLE]
    edit_cell(qtbot, view, stack, "Moeder", FREQUENCY, "elke zondag")
    edit_cell(qtbot, view, stack, "Fleur", FREQUENCY, "dagelijks")
    edit_cell(qtbot, view, stack, "Trainer Kim", RELATION, "trainer voetbal")
    edit_cell(
        qtbot, view, stack, "Fleur", BRINGS, "Iemand om alles mee te delen, ook het moeilijke."
    )
    steps = len(stack)
    how = view.table.cellWidget(row_of(view, "Fleur"), HOW)
    qtbot.mouseClick(how.buttons["app"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(stack) == steps + 1, timeout=10_000)
    box = view.table.cellWidget(row_of(view, "Moeder"), INITIATIVE)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)  # from "—" to "cliënt"
    qtbot.waitUntil(lambda: len(stack) == steps + 2, timeout=10_000)


def person(atlas, shown: str):
    return next(n for n in atlas.nodes() if n.shown_label == shown)


def test_an_empty_schema_says_what_it_is_for(view, stack):
    assert view.empty.isVisible() and "Alle personen toevoegen" in view.empty.text()
    assert view.table.rowCount() == 0
    assert "Alle personen toevoegen" in " ".join(all_text(export(stack.atlas)).split())


def test_filling_the_table_shares_the_persons_fields(qtbot, view, stack):
    atlas = stack.atlas
    before = io.dumps(atlas)
    fill(qtbot, view, stack)
    assert len(stack) == 8  # all people, one typed, 4 cells, one way, one initiative
    assert person(atlas, "Moeder").contact_frequency == "elke zondag"
    assert person(atlas, "Trainer Kim").relation == "trainer voetbal"
    rows = {schema.shown_rows(atlas)[i].name: s.row for i, s in enumerate(schema.shown_rows(atlas))}
    assert rows["Fleur"].how == ["app"] and rows["Moeder"].initiative == "client"
    assert rows["Fleur"].brings == "Iemand om alles mee te delen, ook het moeilijke."
    assert rows["Buurman Henk"].person.person_id is None
    fleur = row_of(view, "Fleur")
    assert view.cell_text(fleur, FREQUENCY) == "dagelijks"
    assert all(view.table.rowHeight(r) >= 40 for r in range(view.table.rowCount()))
    assert TABLE_ROW_HEIGHT >= 40
    # a change in the groslijst's field shows here
    stack.push(UpdateItem(NODES, person(atlas, "Fleur").id, {"contact_frequency": "om de dag"}))
    assert view.cell_text(row_of(view, "Fleur"), FREQUENCY) == "om de dag"
    while stack.can_undo():
        stack.undo()
    assert io.dumps(atlas) == before
    assert names(view) == [] and view.empty.isVisible()


def test_a_header_click_sorts_and_the_sort_is_kept(qtbot, view, stack, tmp_path):
    fill(qtbot, view, stack)
    steps = len(stack)
    click_header(qtbot, view, FREQUENCY)
    qtbot.waitUntil(lambda: len(stack) == steps + 1, timeout=10_000)
    assert schema.body(stack.atlas).sort == "frequency"
    # filled in first, by text; the empty ones last, by name
    assert names(view) == ["Fleur", "Moeder", "Buurman Henk", "Huisarts", "Trainer Kim"]
    click_header(qtbot, view, BRINGS)  # not a sort column: nothing changes
    assert len(stack) == steps + 1
    path = tmp_path / "sanne.netwerkatlas"
    io.save(stack.atlas, path)
    reopened, _ = io.load(path)
    assert schema.body(reopened).sort == "frequency"


def test_a_rename_shows_in_the_table_and_on_paper(qtbot, view, stack):
    atlas = stack.atlas
    fill(qtbot, view, stack)
    stack.push(UpdateItem(NODES, person(atlas, "Moeder").id, {"label": "Mama Anita"}))
    assert "Mama Anita" in names(view)
    assert "Mama Anita" in all_text(export(atlas))


def test_the_page_shows_every_text_on_a4_with_clean_margins(qtbot, view, stack):
    atlas = stack.atlas
    fill(qtbot, view, stack)
    long = "Een heel lang verhaal over wat dit contact brengt " * 6
    index = schema.shown_rows(atlas)[row_of(view, "Huisarts")].index
    stack.push(schema.change_row(atlas, index, brings=long.strip()))
    pdf = export(atlas)
    assert set(page_sizes_mm(pdf)) == {(210, 297)}
    text = " ".join(all_text(pdf).split())
    for typed in (
        *PEOPLE,
        "Buurman Henk",
        "elke zondag",
        "dagelijks",
        "trainer voetbal",
        "Iemand om alles mee te delen, ook het moeilijke.",
        "app",
        "cliënt",
        "Wat het contact brengt",
    ):
        assert typed in text, typed
    assert ink_in_margins(pdf) == []


def test_hidden_names_leave_no_name_on_the_page(qtbot, view, stack):
    fill(qtbot, view, stack)
    text = all_text(export(stack.atlas, Privacy(hide_names=True)))
    for name in ("Fleur", "Anita", "Kim", "Henk", "Sanne"):
        assert name not in text, name


def test_the_summary_lists_the_contacts(qtbot, view, stack):
    assert summary_part(stack.atlas, True) is None
    fill(qtbot, view, stack)
    lines = [e.text for e in summary_part(stack.atlas, True).entries]
    assert "Moeder (moeder, elke zondag)" in lines and "Buurman Henk" in lines


def test_a_private_contact_is_left_out_of_a_shared_export(qtbot, view, stack):
    fill(qtbot, view, stack)
    stack.push(UpdateItem(NODES, person(stack.atlas, "Fleur").id, {"private": True}))
    text = all_text(export(stack.atlas, Privacy(hide_private=True)))
    assert "Fleur" not in text and "Moeder" in text


def test_the_page_follows_the_language(qtbot, view, stack, monkeypatch):
    fill(qtbot, view, stack)
    monkeypatch.setattr(i18n, "_language", "en")
    text = " ".join(all_text(export(stack.atlas)).split())
    assert "Contact schedule of Sanne" in text and "What the contact brings" in text


def test_the_tab_in_the_window(window, qtbot):
    window.view_actions["contactschema"].trigger()
    tab = window.views.tab("contactschema").widget
    qtbot.waitUntil(tab.isVisible, timeout=10_000)
    assert window.views.tabText(window.views.currentIndex()) == "Contactschema"
    assert window.view_actions["contactschema"].shortcut().toString() == "Ctrl+Shift+9"
    qtbot.mouseClick(tab.add_all_button, Qt.MouseButton.LeftButton)
    assert names(tab) == PEOPLE
    window.document.undo_stack.undo()
    assert names(tab) == []
