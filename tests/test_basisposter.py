"""The basisposter through its real widgets and on paper: questions typed with Enter, people
invited from the atlas, a rename seen on the poster and its PDF, undo back to the same file, and
the poster exported A3 and A0 with every question on it, hidden names absent, no text outside
its frame and no ink in the margins."""

from __future__ import annotations

import base64
import io as bytes_io
import re
import subprocess

import pypdfium2 as pdfium
import pytest
from PIL import Image
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication
from tests.export_atlas import names_in
from tests.pdf_tools import MM, need, page_sizes_mm, reader
from tests.undo_checks import assert_undo_all_and_redo_all

from netwerkatlas import io
from netwerkatlas.app.basisposter_view import BasisposterView
from netwerkatlas.commands import RemoveItem, UndoStack, UpdateItem
from netwerkatlas.export.options import ExportOptions, Privacy, page_size_pt
from netwerkatlas.export.pdf_output import poster_pdf
from netwerkatlas.export.poster import TitleBlock
from netwerkatlas.model import NODES, PLANS
from netwerkatlas.model.plan_bodies import BasisPosterBody, PersonRef
from netwerkatlas.resources import example_path
from netwerkatlas.tools.basisposter.drawing import BasisPosterDrawing
from netwerkatlas.tools.basisposter.layout import inside
from netwerkatlas.tools.basisposter.summary import summary_part
from netwerkatlas.tools.meeting.store import body_of, plan_of, set_body

QUESTIONS = [
    "Hoe kan ik weer naar mijn werk fietsen zonder bang te zijn dat ik val als het donker is?",
    "Wie wil er op zaterdag met me mee naar de markt?",
    "Hoe houd ik contact met Fleur nu ze in Groningen woont?",
]


def export_pdf(atlas, paper: str, hide_names: bool = False) -> bytes:
    from netwerkatlas.export.run import render

    options = ExportOptions(view="basisposter", paper=paper, privacy=Privacy(hide_names=hide_names))
    return render(atlas, options).data


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "poster.pdf"
    path.write_bytes(data)
    done = subprocess.run(
        [need("pdftotext"), "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(done.stdout.split())


def person(atlas, label: str):
    return next(n for n in atlas.nodes() if n.shown_label == label)


@pytest.fixture
def poster(qtbot):
    """The Basisposter tab on the example atlas, with its own undo history."""
    atlas, _ = io.load(example_path())
    for plan in [p for p in atlas.items(PLANS) if p.kind == "basisposter"]:
        atlas.remove(PLANS, plan.id)  # from an empty basisposter
    stack = UndoStack(atlas)
    view = BasisposterView(atlas, stack.push)
    qtbot.addWidget(view)
    view.resize(1200, 820)
    view.show()
    qtbot.waitExposed(view)
    view.stack, view.original = stack, io.dumps(atlas)
    return view


def focused():
    return QApplication.activePopupWidget() or QApplication.focusWidget()


def type_questions(qtbot, view, questions) -> None:
    view.questions.new_line.setFocus()
    qtbot.waitUntil(lambda: focused() is view.questions.new_line, timeout=10_000)
    for question in questions:
        qtbot.keyClicks(focused(), question)
        qtbot.keyClick(focused(), Qt.Key.Key_Return)


def invite(qtbot, view, name: str, role: str) -> None:
    view.pick.setFocus()
    qtbot.waitUntil(lambda: focused() in (view.pick, view.pick.lineEdit()), timeout=10_000)
    qtbot.keyClicks(focused(), name)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: focused() is view.pick_role, timeout=10_000)
    qtbot.keyClicks(focused(), role)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


# --- the tab ------------------------------------------------------------------------------------


def test_an_empty_basisposter_says_what_it_is_for_and_adds_nothing_to_the_file(poster):
    assert poster.empty.isVisible()
    assert poster.empty.text().count(".") == 1 and "vraag" in poster.empty.text()
    assert plan_of(poster.atlas, "basisposter") is None
    # the seven steps of the meedenkbijeenkomst are ready, on screen and on the preview
    assert poster.agenda.texts()[0] == "Opening en welkom" and len(poster.agenda.texts()) == 7
    assert "Samenstellen basisteam" in poster.preview.drawing.texts()
    assert io.dumps(poster.atlas) == poster.original


def test_questions_are_typed_one_after_another_with_enter(poster, qtbot):
    type_questions(qtbot, poster, QUESTIONS)
    assert body_of(poster.atlas, "basisposter").questions == QUESTIONS
    assert len(poster.stack) == len(QUESTIONS)  # one undo step each
    assert focused() is poster.questions.new_line  # ready for the next one
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # on down the form: whom to invite
    assert focused() in (poster.pick, poster.pick.lineEdit())
    poster.questions.rows[1].field.setFocus()
    qtbot.waitUntil(poster.questions.rows[1].field.hasFocus, timeout=10_000)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is poster.questions.rows[2].field
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is poster.questions.new_line
    assert not poster.empty.isVisible()
    assert poster.questions.texts() == QUESTIONS
    for question in QUESTIONS:
        assert question in poster.preview.drawing.texts()
    # the last one moves up with its button, a question emptied is taken out
    qtbot.mouseClick(poster.questions.rows[2].up, Qt.MouseButton.LeftButton)
    assert body_of(poster.atlas, "basisposter").questions == [
        QUESTIONS[0],
        QUESTIONS[2],
        QUESTIONS[1],
    ]
    # Alt+Down moves the line with the cursor in it, and the cursor goes along
    first = poster.questions.rows[0].field
    first.setFocus()
    qtbot.waitUntil(first.hasFocus, timeout=10_000)
    qtbot.keyClick(first, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    moved = [QUESTIONS[2], QUESTIONS[0], QUESTIONS[1]]
    assert body_of(poster.atlas, "basisposter").questions == moved
    assert poster.questions.rows[1].field.hasFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    moved = [QUESTIONS[0], QUESTIONS[2], QUESTIONS[1]]
    assert body_of(poster.atlas, "basisposter").questions == moved
    field = poster.questions.rows[0].field
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=10_000)
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert body_of(poster.atlas, "basisposter").questions == [QUESTIONS[2], QUESTIONS[1]]
    assert poster.questions.texts() == [QUESTIONS[2], QUESTIONS[1]]
    # typing in one line and taking out another keeps what was typed, in its own line
    second = poster.questions.rows[1].field
    second.setFocus()
    qtbot.waitUntil(second.hasFocus, timeout=10_000)
    second.end(False)
    qtbot.keyClicks(second, " En op zondag?")
    qtbot.mouseClick(poster.questions.rows[0].remove, Qt.MouseButton.LeftButton)
    assert body_of(poster.atlas, "basisposter").questions == [QUESTIONS[1] + " En op zondag?"]
    assert poster.questions.texts() == [QUESTIONS[1] + " En op zondag?"]


def test_invited_people_are_picked_from_the_atlas_and_a_rename_shows_on_paper(
    poster, qtbot, tmp_path
):
    atlas = poster.atlas
    type_questions(qtbot, poster, QUESTIONS[:1])
    invite(qtbot, poster, "Moeder", "moeder")
    invite(qtbot, poster, "Tante Els", "tante")
    invited = body_of(atlas, "basisposter").invited
    mother = person(atlas, "Moeder")
    assert invited == [
        PersonRef(person_id=mother.id, role="moeder"),
        PersonRef(name="Tante Els", role="tante"),
    ]
    assert [row.name.text() for row in poster.invited_rows] == ["Moeder", "Tante Els"]
    # renamed in the groslijst (the model): the tab, the drawing and the PDF follow
    poster.stack.push(UpdateItem(NODES, mother.id, {"label": "Mama Joke"}))
    qtbot.waitUntil(lambda: poster.invited_rows[0].name.text() == "Mama Joke", timeout=10_000)
    assert "Mama Joke (moeder)" in poster.preview.drawing.texts()
    assert "Mama Joke (moeder)" in BasisPosterDrawing(atlas).texts()
    text = pdf_text(export_pdf(atlas, "A3"), tmp_path)
    assert "Mama Joke (moeder)" in text and "Tante Els (tante)" in text
    # everyone scored ++ or + joins in one step, nobody twice
    before = len(poster.stack)
    qtbot.mouseClick(poster.invite_positive_button, Qt.MouseButton.LeftButton)
    assert len(poster.stack) == before + 1
    ids = [ref.person_id for ref in body_of(atlas, "basisposter").invited if ref.person_id]
    assert len(ids) == len(set(ids)) > 1
    # taken off the list again
    qtbot.mouseClick(poster.invited_rows[1].remove, Qt.MouseButton.LeftButton)
    names = [r.name for r in body_of(atlas, "basisposter").invited]
    assert "Tante Els" not in names


def test_agenda_date_place_drawing_and_photo_then_undo_all_gives_the_same_file(poster, qtbot):
    atlas = poster.atlas
    type_questions(qtbot, poster, QUESTIONS[:2])
    # the agenda: one more line with Enter, one taken out, then the standard agenda back
    poster.agenda.new_line.setFocus()
    qtbot.keyClicks(poster.agenda.new_line, "Koffie en afsluiting")
    qtbot.keyClick(poster.agenda.new_line, Qt.Key.Key_Return)
    assert body_of(atlas, "basisposter").agenda[-1].text == "Koffie en afsluiting"
    qtbot.mouseClick(poster.agenda.rows[0].remove, Qt.MouseButton.LeftButton)
    assert len(body_of(atlas, "basisposter").agenda) == 7
    qtbot.mouseClick(poster.default_agenda_button, Qt.MouseButton.LeftButton)
    assert body_of(atlas, "basisposter").agenda[0].text == "Opening en welkom"
    # date and place of the meeting
    poster.date.setFocus()
    poster.date.setDate(QDate(2026, 3, 14))
    poster.date.editingFinished.emit()
    poster.place.setFocus()
    qtbot.keyClicks(poster.place, "Buurthuis De Linde")
    qtbot.keyClick(poster.place, Qt.Key.Key_Return)
    body = body_of(atlas, "basisposter")
    assert (body.meeting_date, body.place) == ("2026-03-14", "Buurthuis De Linde")
    assert "Meedenkbijeenkomst · 14-03-2026 · Buurthuis De Linde" in poster.preview.drawing.texts()
    # the network drawn from the circle instead
    poster.drawing_choice.setCurrentIndex(1)
    poster.drawing_choice.activated.emit(1)
    assert body_of(atlas, "basisposter").drawing == "netwerkcirkel"
    assert type(poster.preview.drawing.network).__name__ == "CircleDrawing"
    # the client's photo: only offered when there is one
    assert not poster.show_photo.isEnabled()
    poster.stack.push(UpdateItem(NODES, atlas.client.id, {"photo": png_base64()}))
    qtbot.waitUntil(poster.show_photo.isEnabled, timeout=10_000)
    box = poster.show_photo
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(12, box.height() // 2))
    assert body_of(atlas, "basisposter").show_photo
    assert poster.preview.drawing.photo is not None
    poster.grab()  # the preview paints the photo too
    assert summary_part(atlas, True).entries[0].text == "Basisposter met 2 vragen voor het plan"
    assert_undo_all_and_redo_all(poster.stack, poster.original)


def test_the_tab_in_the_window_follows_a_rename_and_a_deletion(window, qtbot):
    window.view_actions["basisposter"].trigger()
    view = window.views.tab("basisposter").widget
    qtbot.waitUntil(view.isVisible, timeout=10_000)
    atlas = window.document.atlas
    # the example's basisposter: Sanne's three questions, whom she invites
    assert not view.empty.isVisible() and len(view.questions.texts()) == 3
    names = [row.name.text() for row in view.invited_rows]
    assert names == ["Fleur", "Moeder", "Trainer Kim", "Jeroen"]
    mother = person(atlas, "Moeder")
    stack = window.document.undo_stack
    stack.push(UpdateItem(NODES, mother.id, {"label": "Mama Anita"}))
    qtbot.waitUntil(lambda: view.invited_rows[1].name.text() == "Mama Anita", timeout=10_000)
    assert "Mama Anita (moeder)" in view.preview.drawing.texts()
    # deleted from the atlas: she stays invited by the name she had
    stack.push(RemoveItem(NODES, mother.id))
    qtbot.waitUntil(lambda: view.invited_rows[1].name.text() == "Mama Anita", timeout=10_000)
    assert body_of(atlas, "basisposter").invited[1].person_id is None
    assert "Mama Anita (moeder)" in view.preview.drawing.texts()
    stack.undo()
    qtbot.waitUntil(
        lambda: body_of(atlas, "basisposter").invited[1].person_id == mother.id, timeout=10_000
    )


def png_base64(width: int = 60, height: int = 80) -> str:
    buffer = bytes_io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


# --- on paper -----------------------------------------------------------------------------------

LONG = (
    "Hoe zorgen we er samen voor dat ik elke week iemand heb om mee te praten, ook als het "
    "slecht gaat, en wie kan er bellen als ik zelf niet meer opneem of niet naar buiten durf?"
)


def filled_atlas(questions=QUESTIONS, photo: bool = False, crowd: int = 0):
    atlas, _ = io.load(example_path())
    mother = person(atlas, "Moeder")
    if photo:
        UpdateItem(NODES, atlas.client.id, {"photo": png_base64()}).redo(atlas)
    body = body_of(atlas, "basisposter").model_copy(
        update={
            "questions": list(questions),
            "invited": [
                PersonRef(person_id=mother.id, role="moeder"),
                PersonRef(name="Tante Els Vermeulen", role="tante"),
                *(
                    PersonRef(name=f"Buurvrouw Wilhelmina van Oldenbarnevelt {n}", role="buren")
                    for n in range(crowd)
                ),
            ],
            "meeting_date": "2026-03-14",
            "place": "Buurthuis De Linde",
            "show_photo": photo,
        }
    )
    set_body(atlas, "basisposter", BasisPosterBody.model_validate(body.model_dump())).redo(atlas)
    return atlas


@pytest.mark.parametrize("paper", ["A3", "A0"])
def test_exported_poster_has_its_size_every_question_and_hides_names(paper, tmp_path):
    atlas = filled_atlas(photo=True)
    data = export_pdf(atlas, paper)
    assert len(reader(data).pages[0].images) == 1
    width, height = page_size_pt(paper, False)
    assert page_sizes_mm(data) == [(round(width / MM), round(height / MM))]
    text = pdf_text(data, tmp_path)
    for question in QUESTIONS:
        assert question in text
    assert "Sanne" in text and "Opening en welkom" in text and "Tante Els Vermeulen" in text
    hidden_pdf = export_pdf(atlas, paper, hide_names=True)
    assert len(reader(hidden_pdf).pages[0].images) == 0  # a face is a name too
    hidden = pdf_text(hidden_pdf, tmp_path)
    for question in QUESTIONS[:2]:
        assert question in hidden
    for name in [*names_in(atlas), "Tante", "Els", "Vermeulen"]:
        assert name not in re.findall(r"\w+", hidden), name


def test_the_poster_tiles_like_every_poster():
    from netwerkatlas.export.run import render

    atlas = filled_atlas()
    options = ExportOptions(view="basisposter", paper="A1", tiles="A4")
    assert len(reader(render(atlas, options).data).pages) > 2


def frames_on_page(drawing: BasisPosterDrawing, geometry) -> list[tuple[float, ...]]:
    ox, oy, _, _ = geometry.drawing_rect
    s = geometry.scale
    frames = [drawing.name_rect, drawing.subline_rect, drawing.heading_rect, drawing.network_frame]
    frames += [panel.frame for panel in drawing.panels()]
    return [(ox + x * s, oy + y * s, w * s, h * s) for x, y, w, h in frames]


def char_boxes(pdf: bytes) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Every character printed on the page with its box, top-down in points."""
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        height = page.get_height()
        text = page.get_textpage()
        found = []
        for index in range(text.count_chars()):
            char = text.get_text_range(index, 1)
            if not char.strip():
                continue
            left, bottom, right, top = text.get_charbox(index)
            found.append((char, (left, height - top, right - left, top - bottom)))
        return found
    finally:
        document.close()


def ink_outside(pdf: bytes, margin_pt: float, dpi: int = 40) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    try:
        bitmap = document[0].render(scale=dpi / 72, grayscale=True)
        width, height, stride = bitmap.width, bitmap.height, bitmap.stride
        pixels = bytes(bitmap.buffer)
    finally:
        document.close()
    edge = int(margin_pt * dpi / 72) - 1
    found = []
    for y in range(height):
        row = pixels[y * stride : y * stride + width]
        if (y < edge or y >= height - edge) and min(row) < 230:
            found.append(f"row {y}")
        elif min(row[:edge]) < 230 or min(row[width - edge :]) < 230:
            found.append(f"side of row {y}")
    return found


@pytest.mark.parametrize(
    ("questions", "photo", "crowd"),
    [(QUESTIONS, True, 0), ([LONG] * 8, False, 30), (["Één", "Twee?"], False, 0)],
)
def test_no_text_leaves_its_frame_and_no_ink_in_the_margins(questions, photo, crowd):
    atlas = filled_atlas(questions, photo, crowd)
    drawing = BasisPosterDrawing(atlas)
    for frame, line in drawing.text_boxes():
        assert inside(line.extent, frame), (line.text, frame)
    margin_mm = 12.0
    pdf, geometry = poster_pdf(
        drawing, TitleBlock("Basisposter — Sanne", "14-03-2026"), "A3", False, margin_mm, "t"
    )
    frames = frames_on_page(drawing, geometry)
    below_title = geometry.drawing_rect[1]
    for char, box in char_boxes(pdf):
        if box[1] + box[3] < below_title:
            continue  # the export's own title block
        assert any(inside(box, frame, slack=1.0) for frame in frames), (char, box)
    assert ink_outside(pdf, margin_mm * MM) == []
    if photo:
        assert len(reader(pdf).pages[0].images) == 1
