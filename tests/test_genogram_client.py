"""The genogram in client mode: the client sits further away, so its type grows to the client's
minimum when fitted (people move further apart so that the names keep their lines), and
shrinks back when the professional takes over; a person moved by the client stays where they
were let go."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtWidgets import QApplication
from tests.genogram_families import FamilyBuilder, random_family
from tests.readable_probe import open_example, read
from tests.test_canvas_editing import drag
from tests.windows import person

from netwerkatlas import io
from netwerkatlas.commands import UndoStack, UpdateItem
from netwerkatlas.model import NODES, Gender
from netwerkatlas.render.fonts import ASCENT, text_width
from netwerkatlas.render.readable import (
    CLIENT_MIN_PT,
    CLIENT_VIEW_PX,
    FIT_MARGIN_PX,
    SCREEN_MIN_PT,
    measure,
    points_on_screen,
)
from netwerkatlas.resources import example_path
from netwerkatlas.tools.genogram import VIEW, routing
from netwerkatlas.tools.genogram.drawing import GenogramDrawing

EXAMPLE = "genogram-familie-de-boer"


@pytest.fixture
def opened(qtbot, qsettings, request):
    window = open_example(EXAMPLE, qsettings, request.param)
    qtbot.waitExposed(window)
    yield window
    window.document.undo_stack.set_clean()
    window.close()


def smallest_size(window) -> float:
    """The genogram's smallest text in drawing units, whatever the zoom."""
    return measure(window.genogram_scene.drawing).smallest[0]


def genogram_pt(window) -> float:
    return read(window.current_view(), "genogram").smallest_pt


@pytest.mark.parametrize("opened", [(1366, 768), (1920, 1080)], indirect=True)
def test_client_mode_grows_the_genogram_type_and_leaving_it_shrinks_it_back(qtbot, opened):
    window = opened
    window.views.show_instrument("genogram")
    window.current_view().fit_all()
    normal_size, normal_pt = smallest_size(window), genogram_pt(window)
    assert normal_pt >= SCREEN_MIN_PT

    window.set_client_mode(True)
    qtbot.waitUntil(lambda: genogram_pt(window) >= CLIENT_MIN_PT, timeout=10000)
    assert smallest_size(window) > normal_size * 1.1
    assert read(window.current_view(), "genogram").fill >= 0.8

    window.set_client_mode(False)
    qtbot.waitUntil(lambda: smallest_size(window) == normal_size, timeout=10000)
    qtbot.waitUntil(lambda: abs(genogram_pt(window) - normal_pt) < 0.1, timeout=10000)


@pytest.mark.parametrize("opened", [(1366, 768)], indirect=True)
def test_a_genogram_behind_another_tab_is_fitted_for_client_mode_when_shown(qtbot, opened):
    window = opened
    window.views.show_instrument("genogram")
    window.current_view().fit_all()
    window.views.show_instrument("netwerkintake")
    QApplication.processEvents()
    window.set_client_mode(True)
    window.views.show_instrument("genogram")
    qtbot.waitUntil(lambda: genogram_pt(window) >= CLIENT_MIN_PT, timeout=10000)


@pytest.mark.parametrize("opened", [(1366, 768)], indirect=True)
def test_a_person_the_client_moves_stays_where_let_go_and_keeps_that_place(qtbot, opened):
    window = opened
    window.views.show_instrument("genogram")
    window.set_client_mode(True)
    view = window.current_view()
    view.fit_all()
    liesbeth, klaas = person(window, "Liesbeth").id, person(window, "Klaas").id
    drawing = window.genogram_scene.drawing
    start, klaas_then = drawing.positions[liesbeth], drawing.positions[klaas]
    drop = (start[0] + 150, start[1] + 30)
    drag(view, start, drop)
    drawing = window.genogram_scene.drawing
    assert drawing.positions[liesbeth] == pytest.approx(drop, abs=3)  # under the finger
    assert drawing.positions[klaas] == klaas_then  # and nobody else moved
    scale = drawing.scale
    window.set_client_mode(False)
    # the professional's drawing has her where the client put her, among the same people
    normal = window.genogram_scene.drawing.positions
    assert normal[liesbeth] == window.document.atlas.position(VIEW, liesbeth)
    offset = (normal[liesbeth][0] - normal[klaas][0], normal[liesbeth][1] - normal[klaas][1])
    moved = ((drop[0] - klaas_then[0]) / scale, drop[1] - klaas_then[1])
    assert offset == pytest.approx(moved, abs=3)


def _fitted_pt(drawing: GenogramDrawing) -> float:
    """The smallest text of a drawing fitted into client mode's view on a laptop."""
    size, _ = measure(drawing).smallest
    _, _, width, height = measure(drawing).bounds
    room_w, room_h = (side - 2 * FIT_MARGIN_PX for side in CLIENT_VIEW_PX)
    return points_on_screen(size, min(room_w / width, room_h / height, 4.0))


def _five_generations():
    f = FamilyBuilder("Client", 2000)
    parents = None
    for generation in range(4):
        father = f.person(f"Vader{generation}", Gender.MALE, 1880 + 30 * generation)
        mother = f.person(f"Moeder{generation}", Gender.FEMALE, 1882 + 30 * generation)
        names = {v: k for k, v in f.ids.items()}
        f.couple(names[father], names[mother])
        if parents:
            f.child(parents, names[father])
        parents = (names[father], names[mother])
    f.child(parents, "Client")
    return f.atlas


def test_a_tall_family_grows_its_type_for_client_mode_and_a_wide_one_cannot():
    tall = _five_generations()
    assert _fitted_pt(GenogramDrawing(tall)) < CLIENT_MIN_PT
    client = GenogramDrawing(tall, client=True)
    assert client.scale > 1 and _fitted_pt(client) >= CLIENT_MIN_PT
    wide = random_family(120, 3)  # far wider than the view: larger type would only zoom out
    assert GenogramDrawing(wide, client=True).scale == 1.0


def test_paper_and_the_professional_keep_the_base_sizes():
    atlas, _ = io.load(example_path(EXAMPLE))
    assert GenogramDrawing(atlas).scale == 1.0
    assert GenogramDrawing(atlas, client=True).scale > 1.0


class TextBoxes:
    """The box of every text a drawing writes: what its ink covers."""

    def __init__(self) -> None:
        self.boxes: list[tuple[str, tuple[float, float, float, float]]] = []

    def text(self, x, y, text, *, size, colour, bold=False, align="left"):
        width = text_width(text, size, bold)
        left = {"left": x, "centre": x - width / 2, "right": x - width}[align]
        descent = size * 0.24 if set(text) & set("gjpqy,;") else 0.0
        self.boxes.append((text, (left, y - size * ASCENT, left + width, y + descent)))

    def __getattr__(self, name):
        return lambda *a, **k: None


def _long_names_above_children():
    atlas = _five_generations()
    stack = UndoStack(atlas)
    for label, name, relation in [
        ("Moeder2", "Wilhelmina Theodora", "overgrootmoeder van moederskant"),
        ("Vader1", "Vader1", "betovergrootvader"),
    ]:
        node = next(n for n in atlas.nodes() if n.shown_label == label)
        stack.push(UpdateItem(NODES, node.id, {"label": name, "name": name, "relation": relation}))
    return atlas


def _de_boer():
    return io.load(example_path(EXAMPLE))[0]


@pytest.mark.parametrize(
    ("make", "client"),
    [
        (_five_generations, True),
        (_long_names_above_children, True),
        (_de_boer, True),
        (_de_boer, False),
    ],
)
def test_grown_type_never_runs_into_the_next_row_or_a_line_down(make, client):
    """Larger type in client mode grows only as far as the rows leave room: no text on
    another, and no line down to the children through a name or a relation."""
    drawing = GenogramDrawing(make(), client=client)
    boxes = TextBoxes()
    drawing.draw(boxes)
    on_each_other = [
        (a, b)
        for (a, p), (b, q) in itertools.combinations(boxes.boxes, 2)
        if p[0] + 1 < q[2] and q[0] + 1 < p[2] and p[1] + 1 < q[3] and q[1] + 1 < p[3]
    ]
    assert on_each_other == []
    names = {
        line
        for person in drawing.family.persons.values()
        for line in (*drawing.name_lines(person), *drawing.relation_lines(person.relation))
    }
    segments = routing.family_segments(
        drawing.couple_routes(), drawing.sibling_bars(), drawing.positions, drawing.scale
    )
    struck = [
        text
        for text, (left, top, right, bottom) in boxes.boxes
        if text in names
        for (x1, y1), (x2, y2) in segments
        if min(x1, x2) < right and left < max(x1, x2) and min(y1, y2) < bottom and top < max(y1, y2)
    ]
    assert struck == []


def test_another_atlas_opened_in_client_mode_gets_its_own_type_size(qtbot):
    from netwerkatlas.canvas.genogram_view import ClientGenogramScene

    scene = ClientGenogramScene(_five_generations())
    scene.set_client_mode(True)
    tall = scene.drawing.scale
    scene.set_atlas(_de_boer())
    assert tall > 1.4 and scene.drawing.scale == GenogramDrawing(_de_boer(), client=True).scale
