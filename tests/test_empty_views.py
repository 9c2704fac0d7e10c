"""Every view says in one line how to start while it is empty, and says nothing once it is not.

The rule holds for every instrument in the registry: a new instrument without an empty hint
fails here."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtTest import QTest
from tests.windows import example_window, shown_window

from netwerkatlas.canvas.empty_hint import hint_of
from netwerkatlas.render.readable import Measure
from netwerkatlas.tools import registry

NAMES = [instrument.name for instrument in registry.INSTRUMENTS]
# The examples together draw something in every view.
EXAMPLE_FOR = {"genogram": "genogram-familie-de-boer", "ecogram": "ecogram-freek"}


@pytest.fixture
def new_window(qtbot, qsettings):
    """The window of a start without a file: a new atlas with only the client."""
    with shown_window(qtbot, None, qsettings) as win:
        yield win


def shown_hint(win, name: str):
    win.views.show_instrument(name)
    return hint_of(win.views.tab(name).widget)


@pytest.mark.parametrize("name", NAMES)
def test_an_empty_view_says_how_to_start(qtbot, new_window, name):
    hint = shown_hint(new_window, name)
    qtbot.waitUntil(hint.isVisible, timeout=10000)
    text = hint.text()
    assert text and "." in text and not text.startswith(("empty_hint.", name)), text
    assert "\n" not in text.strip()


@pytest.mark.parametrize("name", NAMES)
def test_a_view_with_something_in_it_shows_no_hint(qtbot, qsettings, tmp_path, name):
    with example_window(qtbot, qsettings, tmp_path, EXAMPLE_FOR.get(name, "")) as win:
        hint = shown_hint(win, name)
        view = win.views.currentWidget()
        qtbot.waitUntil(view.isVisible, timeout=10000)
        if name == "contactschema":  # the example has none yet: start one as a user would
            qtbot.waitUntil(hint.isVisible, timeout=10000)
            QTest.mouseClick(view.add_all_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not hint.isVisible(), timeout=10000)


def test_the_netwerkintake_hint_goes_with_the_first_bol(qtbot, new_window):
    view = new_window.view
    hint = shown_hint(new_window, "netwerkintake")
    qtbot.waitUntil(hint.isVisible, timeout=10000)
    assert "Klik op een lege plek" in hint.text()
    spot = view.mapFromScene(-300.0, -200.0)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), spot)
    assert view.labels.is_open
    QTest.keyClicks(view.labels.field, "School")
    QTest.keyClick(view.labels.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not hint.isVisible(), timeout=10000)
    new_window.undo_action.trigger()  # back to only the client: the hint is back
    qtbot.waitUntil(hint.isVisible, timeout=10000)


def test_the_hint_lets_clicks_through_to_the_drawing(qtbot, new_window):
    hint = shown_hint(new_window, "netwerkintake")
    qtbot.waitUntil(hint.isVisible, timeout=10000)
    assert hint.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    view = new_window.view
    assert view.rect().contains(hint.geometry().center() + QPoint(0, 0))


def test_the_hint_speaks_english_with_lang_en(qtbot, qsettings):
    from netwerkatlas import i18n

    i18n.set_language("en")
    with shown_window(qtbot, None, qsettings) as win:
        hint = shown_hint(win, "genogram")
        qtbot.waitUntil(hint.isVisible, timeout=10000)
        assert "press O (parent), P (partner), K (child) or B (sibling)" in hint.text()


def test_a_new_atlas_has_years_on_its_timeline_to_click_at(qtbot, new_window):
    """The hint says "click at a year": the six years up to now are numbered (a narrow axis
    numbered every ten years showed none), and a click at one makes an event in it."""
    import datetime as dt

    from tests.test_canvas_editing import click

    from netwerkatlas.model import NodeKind
    from netwerkatlas.tools.gebeurteniskaart import dates

    new_window.views.show_instrument("gebeurteniskaart")
    view = new_window.views.currentWidget()
    qtbot.waitUntil(view.isVisible, timeout=10000)
    view.fit_all()
    drawing = view.scene().drawing
    this_year = dt.date.today().year
    numbered = {int(text) for text in drawing.texts() if text.isdigit()}
    assert len(numbered & set(range(this_year - 5, this_year + 1))) >= 2, numbered
    year = max(numbered & set(range(this_year - 5, this_year + 1)))
    click(view, (drawing.x_of(year), drawing.axis_y))
    QTest.keyClicks(view.labels.field, "Verhuisd")
    QTest.keyClick(view.labels.field, Qt.Key.Key_Return)
    made = next(n for n in new_window.document.atlas.nodes(NodeKind.EVENT) if n.label == "Verhuisd")
    assert dates.year_span(made, None).start == year


class _TextBoxes(Measure):
    """Every text the drawing draws, with the box `Measure` gives it, in drawing units."""

    def __init__(self) -> None:
        super().__init__()
        self.boxes: list[tuple[str, QRectF]] = []
        self._drawing_text: str | None = None

    def text(self, x, y, text, **style) -> None:
        self._drawing_text = text
        try:
            super().text(x, y, text, **style)
        finally:
            self._drawing_text = None

    def _cover(self, x1: float, y1: float, x2: float, y2: float) -> None:
        super()._cover(x1, y1, x2, y2)
        if self._drawing_text is not None:
            dx, dy, k = self._stack[-1]
            box = QRectF(dx + x1 * k, dy + y1 * k, (x2 - x1) * k, (y2 - y1) * k)
            self.boxes.append((self._drawing_text, box))


@pytest.mark.parametrize("name", ["netwerkcirkel", "ecogram"])
def test_the_hint_over_a_drawing_that_fills_its_view_covers_none_of_its_words(
    qtbot, new_window, name
):
    """The empty circle's rings and the ecogram's sectors fill the view, with their words at
    the top (ring names, sectors): the hint is at the foot, over the outer ring only."""
    new_window.resize(1366, 768)  # a laptop: the drawing's height is what limits it
    hint = shown_hint(new_window, name)
    view = new_window.views.currentWidget()
    qtbot.waitUntil(hint.isVisible, timeout=10000)
    view.fit_all()
    qtbot.wait(10)
    found = _TextBoxes()
    view.drawn.drawing.draw(found)
    assert len(found.boxes) >= 5
    for text, box in found.boxes:
        shown = view.mapFromScene(box).boundingRect().translated(view.viewport().pos())
        assert not shown.intersects(hint.geometry()), f"the hint covers {text!r}"


@pytest.mark.parametrize("name", ["netwerkcirkel", "ecogram"])
def test_in_client_mode_no_hint_sends_the_client_to_the_hidden_groslijst(qtbot, new_window, name):
    hint = shown_hint(new_window, name)
    qtbot.waitUntil(hint.isVisible, timeout=10000)
    assert "Groslijst" in hint.text()
    new_window.set_client_mode(True)
    qtbot.waitUntil(lambda: not hint.isVisible(), timeout=10000)
    new_window.set_client_mode(False)
    qtbot.waitUntil(hint.isVisible, timeout=10000)
