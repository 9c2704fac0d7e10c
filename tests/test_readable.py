"""Readable from across the table: after "Passend" every text of every drawn view is at least
the minimum in points, and the drawing fills the view; labels wrap rather than shrink; a poster
too small for its drawing says so."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from tests.readable_probe import DRAWN_VIEWS, SCREENS, open_example, read, readings

from netwerkatlas import io
from netwerkatlas.render.fonts import text_width
from netwerkatlas.render.readable import (
    CLIENT_MIN_PT,
    MAX_FIT_TEXT,
    MAX_FIT_ZOOM,
    PAPER_MIN_PT,
    SCREEN_MIN_PT,
)
from netwerkatlas.render.style import METRICS
from netwerkatlas.render.text_fit import WHOLE_WORD_SHRINK, fit_text
from netwerkatlas.resources import example_path, examples

EXAMPLES = [path.stem for path in examples()]
# Where the minimum is not reached yet (view, screen width), and why. A gap no example shows
# any more makes `test_every_known_gap_is_still_a_gap` fail: take it out.
GAPS: dict[tuple[str, int], str] = {}
# The same in client mode, where the minimum is CLIENT_MIN_PT.
CLIENT_GAPS: dict[tuple[str, int], str] = {}


def _open_and_read(qtbot, qsettings, name, size, client):
    window = open_example(name, qsettings, size, client)
    qtbot.waitExposed(window)
    try:
        return {r.view: r for r in readings(window, QApplication.instance())}
    finally:
        window.document.undo_stack.set_clean()
        window.close()


@pytest.fixture
def shown(qtbot, qsettings, request):
    """The readings of every drawn view of one example at one screen size (and mode)."""
    name, size, *client = request.param
    return _open_and_read(qtbot, qsettings, name, size, bool(client and client[0]))


def _cases(client: bool = False):
    return [
        pytest.param((name, size, client), id=f"{name}-{size[0]}x{size[1]}")
        for name in EXAMPLES
        for size in SCREENS
    ]


def _zoomed_in_fully(reading, minimum=SCREEN_MIN_PT) -> bool:
    """A fit that filled less than the view because it may zoom in no further: to its largest
    zoom, or to where the smallest text is as large as a fit makes it."""
    at_largest_text = reading.smallest_pt >= MAX_FIT_TEXT * minimum - 0.2
    return reading.zoom >= MAX_FIT_ZOOM - 1e-6 or at_largest_text


def _too_small(shown, gaps, minimum):
    width = next(iter(shown.values())).screen[0]
    problems = []
    for view, reading in shown.items():
        if (view, width) not in gaps and reading.smallest_pt < minimum:
            problems.append(str(reading))
    return problems


@pytest.mark.parametrize("shown", _cases(), indirect=True)
def test_every_text_is_readable_and_the_drawing_fills_the_view_after_fit(shown):
    problems = _too_small(shown, GAPS, SCREEN_MIN_PT)
    for view, reading in shown.items():
        if reading.fill < 0.8 and not _zoomed_in_fully(reading):
            problems.append(f"{view} fills only {reading.fill:.0%} of the view")
        if reading.smallest_pt > MAX_FIT_TEXT * SCREEN_MIN_PT + 0.2:
            problems.append(f"{view} is blown up: {reading}")
    assert not problems, problems


@pytest.mark.parametrize("shown", _cases(client=True), indirect=True)
def test_in_client_mode_every_text_is_larger_still_after_fit(shown):
    assert not _too_small(shown, CLIENT_GAPS, CLIENT_MIN_PT)
    blown_up = [r for r in shown.values() if r.smallest_pt > MAX_FIT_TEXT * CLIENT_MIN_PT + 0.2]
    assert not blown_up, blown_up


@pytest.mark.parametrize("shown", _cases(), indirect=True)
def test_every_drawn_view_fills_the_view_after_fit(shown):
    """Even where the type is still small, "Passend" leaves no empty half of the view."""
    for view, reading in shown.items():
        assert reading.fill >= 0.8 or _zoomed_in_fully(reading), (view, reading)


def _gap_modes():
    return [
        pytest.param(size, client, id=f"{size[0]}{'-client' if client else ''}")
        for client, gaps in ((False, GAPS), (True, CLIENT_GAPS))
        for size in SCREENS
        if any(width == size[0] for _, width in gaps)
    ]


@pytest.mark.parametrize(("size", "client"), _gap_modes())
def test_every_known_gap_is_still_a_gap(qtbot, qsettings, size, client):
    """When a view in GAPS (or CLIENT_GAPS) reads well in every example, this fails: take
    it out, so that the test above holds it to the minimum from then on."""
    gaps, minimum = (CLIENT_GAPS, CLIENT_MIN_PT) if client else (GAPS, SCREEN_MIN_PT)
    views = {view for view, width in gaps if width == size[0]}
    smallest = dict.fromkeys(views, float("inf"))
    for name in EXAMPLES:
        shown = _open_and_read(qtbot, qsettings, name, size, client)
        for view in views:
            smallest[view] = min(smallest[view], shown[view].smallest_pt)
    closed = sorted(view for view, points in smallest.items() if points >= minimum)
    assert not closed, f"readable now at {size[0]} px: take {closed} out of the gaps"


def test_a_view_first_shown_is_fitted_at_its_real_size(qtbot, qsettings):
    """A tab opened for the first time fills the view without pressing Passend."""
    window = open_example("genogram-familie-de-boer", qsettings, (1366, 768))
    qtbot.waitExposed(window)
    try:
        for name in ("netwerkcirkel", "genogram"):
            window.views.show_instrument(name)
            view = window.current_view()
            qtbot.waitUntil(lambda v=view, n=name: read(v, n).fill >= 0.8, timeout=10000)
        window.resize(1920, 1080)  # still as Passend left it: fitted again
        qtbot.waitUntil(lambda: read(window.current_view(), "genogram").fill >= 0.8, timeout=10000)
    finally:
        window.document.undo_stack.set_clean()
        window.close()


@pytest.mark.parametrize(
    "label",
    ["Vriendschappen", "Ouderschapsbemiddelingsgesprekken", "Jeugdgezondheidszorgverpleegkundige"],
)
def test_a_long_word_wraps_with_a_hyphen_and_keeps_its_size(label):
    width = METRICS.radius * 1.62
    fitted = fit_text(label, METRICS.label_size, width, text_width)
    assert fitted.size == METRICS.label_size  # too long to stay whole: broken, not shrunk
    assert len(fitted.lines) >= 2 and fitted.lines[0].endswith("-")
    assert all(text_width(line, fitted.size) <= width for line in fitted.lines)


def test_a_bol_on_the_canvas_never_sets_a_long_word_smaller(qtbot):
    from netwerkatlas.canvas.items import TEXT_SCALE, BolItem

    atlas = io.load(example_path("netwerkintake-sanne"))
    atlas = atlas[0] if isinstance(atlas, tuple) else atlas
    record = next(n for n in atlas.nodes() if n.shown_label == "Vriendschappen")
    for label in ("Vriendschappen", "Ouderschapsbemiddelingsgesprekken"):
        item = BolItem(record.id, record.model_copy(update={"label": label}))
        least = METRICS.label_size * min(WHOLE_WORD_SHRINK)
        assert item._font.pixelSize() / TEXT_SCALE >= least - 0.1
        assert len(item.label_lines) >= 2


def _drawing(example: str, view: str):
    from netwerkatlas.tools.registry import instrument

    atlas = io.load(example_path(example))
    atlas = atlas[0] if isinstance(atlas, tuple) else atlas
    return instrument(view).make_drawing(atlas, True)


def test_a_large_network_on_a4_says_its_text_gets_too_small_and_on_a3_it_does_not():
    from netwerkatlas.export.poster import readability_note, smallest_text_on_paper

    drawing = _drawing("netwerkintake-sanne", "netwerkintake")
    note = readability_note(drawing, "A4", False, 12.0)
    assert note is not None and "A4" in note and f"{PAPER_MIN_PT:g} pt" in note
    assert readability_note(drawing, "A3", False, 12.0) is None
    assert smallest_text_on_paper(drawing, "A3", False, 12.0) >= PAPER_MIN_PT


@pytest.mark.parametrize("view", ["genogram", "netwerkcirkel"])
def test_the_genogram_and_the_circle_read_on_a4(view):
    from netwerkatlas.export.poster import readability_note

    assert readability_note(_drawing("genogram-familie-de-boer", view), "A4", False, 12.0) is None


def test_the_probe_knows_every_drawn_view():
    from netwerkatlas.tools.registry import INSTRUMENTS

    names = {i.name for i in INSTRUMENTS}
    assert set(DRAWN_VIEWS) <= names
