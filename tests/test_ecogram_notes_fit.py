"""Freek's ecogram on a laptop: fitted into a view where the notes on the cards would read below
the screen's minimum, the cards show the names only (readable) and a line says the notes are in
the Details panel; on a large screen the notes are on the cards. The poster prints them always."""

from __future__ import annotations

import subprocess

import pytest
from tests.pdf_tools import need
from tests.readable_probe import read
from tests.windows import example_window, person, show_view

from netwerkatlas.export import ExportOptions, render
from netwerkatlas.i18n import t
from netwerkatlas.render.readable import SCREEN_MIN_PT, measure
from netwerkatlas.tools.ecogram import VIEW
from netwerkatlas.tools.ecogram.drawing import EcogramDrawing

LAPTOP = (1366, 768)
LARGE = (1920, 1080)


@pytest.fixture
def freek(qtbot, qsettings, tmp_path):
    with example_window(qtbot, qsettings, tmp_path, "ecogram-freek") as win:
        show_view(win, win.view_ecogram_action, win.ecogram_view)
        yield win


def note_lines(atlas) -> set[str]:
    """The lines of notes a card carries when the notes are drawn (as on the poster)."""
    drawing = EcogramDrawing(atlas)
    return {text for size, text in measure(drawing).texts if size == drawing.sizes.note}


def shown_texts(win) -> set[str]:
    return {text for _, text in measure(win.ecogram_scene.drawing).texts}


def at_size(qtbot, win, size: tuple[int, int]) -> None:
    """The window at `size`, the ecogram fitted ("Passend") into its view there."""
    win.resize(*size)
    qtbot.waitUntil(lambda: (win.width(), win.height()) == size, timeout=10_000)
    win.ecogram_view.fit_all()


def notes_on_cards(win) -> bool:
    return bool(note_lines(win.document.atlas) & shown_texts(win))


def test_on_a_laptop_the_cards_show_names_only_readably_and_say_where_the_notes_are(qtbot, freek):
    notes = note_lines(freek.document.atlas)
    assert any(line.startswith("Begeleidt het gezin") for line in notes)
    at_size(qtbot, freek, LAPTOP)
    view = freek.ecogram_view
    qtbot.waitUntil(lambda: view.notes_notice.isVisible(), timeout=10_000)
    assert not notes & shown_texts(freek)
    assert "Jeugdconsulent" in shown_texts(freek)  # the names are still there
    assert view.notes_notice.text() == t("ecogram.notes_in_panel")
    assert "Details" in view.notes_notice.text()
    reading = read(view, VIEW)
    assert reading.smallest_pt >= SCREEN_MIN_PT, reading
    # the notice has a strip of its own: it covers none of the drawing
    drawing_rect = view.mapFromScene(view.drawn_bounds()).boundingRect()
    assert view.notes_notice.geometry().top() >= view.viewport().geometry().bottom()
    assert view.viewport().rect().contains(drawing_rect)


def test_on_a_large_screen_the_notes_are_on_the_cards_without_a_notice(qtbot, freek):
    at_size(qtbot, freek, LARGE)
    view = freek.ecogram_view
    qtbot.waitUntil(lambda: notes_on_cards(freek), timeout=10_000)
    assert not view.notes_notice.isVisible()
    assert read(view, VIEW).smallest_pt >= SCREEN_MIN_PT


def test_resizing_the_window_takes_the_notes_off_and_brings_them_back(qtbot, freek):
    view = freek.ecogram_view
    at_size(qtbot, freek, LARGE)
    qtbot.waitUntil(lambda: notes_on_cards(freek), timeout=10_000)
    for size, notes in ((LAPTOP, False), (LARGE, True), (LAPTOP, False)):
        freek.resize(*size)  # a view shown "Passend" fits again by itself on a resize
        qtbot.waitUntil(lambda notes=notes: notes_on_cards(freek) == notes, timeout=10_000)
        assert view.fitted
        assert view.notes_notice.isVisible() != notes
        assert read(view, VIEW).smallest_pt >= SCREEN_MIN_PT


def test_a_zoom_the_user_chose_is_kept_and_decides_nothing(qtbot, freek):
    view = freek.ecogram_view
    at_size(qtbot, freek, LARGE)
    qtbot.waitUntil(lambda: notes_on_cards(freek), timeout=10_000)
    view.zoom_by(0.8)
    zoom = view.transform().m11()
    freek.resize(*LAPTOP)
    qtbot.waitUntil(lambda: (freek.width(), freek.height()) == LAPTOP, timeout=10_000)
    assert view.transform().m11() == pytest.approx(zoom)
    assert notes_on_cards(freek) and not view.notes_notice.isVisible()


def test_selecting_a_card_shows_its_whole_note_in_the_details_panel(qtbot, freek):
    at_size(qtbot, freek, LAPTOP)
    qtbot.waitUntil(lambda: freek.ecogram_view.notes_notice.isVisible(), timeout=10_000)
    consulent = person(freek, "Jeugdconsulent")
    assert consulent.note
    freek.ecogram_scene.select_only([consulent.id])
    qtbot.waitUntil(lambda: freek.details.note.toPlainText() == consulent.note, timeout=5_000)


def test_client_mode_shows_names_only_and_no_notice(qtbot, freek):
    at_size(qtbot, freek, LAPTOP)
    freek.set_client_mode(True)
    view = freek.ecogram_view
    qtbot.waitUntil(lambda: freek.ecogram_scene.client_mode, timeout=10_000)
    view.fit_all()
    assert not view.notes_notice.isVisible()
    assert not notes_on_cards(freek)
    freek.set_client_mode(False)
    view.fit_all()
    assert view.notes_notice.isVisible()  # back on the laptop's view: the notes still do not fit


def test_the_a3_poster_still_prints_the_notes(qtbot, freek, tmp_path):
    at_size(qtbot, freek, LAPTOP)
    qtbot.waitUntil(lambda: freek.ecogram_view.notes_notice.isVisible(), timeout=10_000)
    atlas = freek.document.atlas
    data = render(atlas, ExportOptions(view=VIEW, paper="A3", landscape=True)).data
    path = tmp_path / "ecogram.pdf"
    path.write_bytes(data)
    text = subprocess.run(
        [need("pdftotext"), str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    printed = [line for line in note_lines(atlas) if line in flat]
    assert any(line.startswith("Begeleidt het gezin") for line in printed), flat
    assert len(printed) >= len(note_lines(atlas)) // 2, (printed, flat)
