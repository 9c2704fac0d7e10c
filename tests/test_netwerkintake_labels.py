"""Bol labels read across the table: nothing on a bol's rim covers a letter, on screen (both
modes) and on the poster; long words break only between syllables; bollen never overlap, in
the examples, after "Rangschikken", and in a file laid out before the honeycomb."""

from __future__ import annotations

import itertools
import math

import pytest
from PySide6.QtWidgets import QApplication
from tests.readable_probe import open_example

from netwerkatlas import io
from netwerkatlas.model import Atlas
from netwerkatlas.model.records import AtlasMeta, ClientNode, PersonNode, ThemeNode
from netwerkatlas.render.fonts import text_width
from netwerkatlas.render.geometry import badge_offset
from netwerkatlas.render.readable import Measure
from netwerkatlas.render.style import METRICS, SCORE_FILL
from netwerkatlas.render.text_fit import HYPHEN, SHORTEST_HEAD, fit_shaped, syllable_breaks
from netwerkatlas.resources import example_path, examples
from netwerkatlas.tools.netwerkintake.bol_label import INK_ABOVE, INK_BELOW, obstacles, place_label
from netwerkatlas.tools.netwerkintake.drawing import NetwerkintakeDrawing

EXAMPLES = [path.stem for path in examples()]


def _load(name: str) -> Atlas:
    atlas = io.load(example_path(name))
    return atlas[0] if isinstance(atlas, tuple) else atlas


def _disc_meets_box(cx: float, cy: float, r: float, box) -> bool:
    left, top, right, bottom = box
    nearest = (min(max(cx, left), right), min(max(cy, top), bottom))
    return math.dist(nearest, (cx, cy)) < r


# --- syllables ---------------------------------------------------------------------------------


def _hyphenated(word: str) -> str:
    cuts = [0, *syllable_breaks(word), len(word)]
    return "-".join(word[a:b] for a, b in itertools.pairwise(cuts))


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("Verhuizing", "Ver-hui-zing"),
        ("Verhuizen", "Ver-hui-zen"),
        ("Gepest", "Ge-pest"),
        ("basisschool", "ba-sis-school"),
        ("Vriendschappen", "Vriend-schap-pen"),
        ("kinderopvang", "kin-der-op-vang"),
        ("Huisarts", "Huis-arts"),
        ("Diploma", "Di-plo-ma"),
        ("Ouderschapsbemiddelingsgesprekken", "Ou-der-schaps-be-mid-de-lings-ge-sprek-ken"),
        ("Jeugdgezondheidszorgverpleegkundige", "Jeugd-ge-zond-heids-zorg-ver-pleeg-kun-di-ge"),
        ("Friendships", "Friend-ships"),
    ],
)
def test_a_word_breaks_only_between_its_syllables(word, syllables):
    """The Dutch rule: one consonant between vowels begins the next syllable, of more the last
    (or a cluster that begins words: "sch", "spr", "pl"); vowel sounds ("ui", "ij") stay whole;
    a compound's vowel-initial part ("opvang", "arts") keeps its consonant before it."""
    assert _hyphenated(word) == syllables


def test_a_label_too_wide_for_its_bol_is_hyphenated_at_a_syllable_never_inside_one():
    """ "Verhuizen" in client mode once read "Verhu zen": the badge hid the "i-"."""
    for text in ("Verhuizen naar een rustiger woning", "Gepest op de basisschool", "Diploma mbo"):
        for size in (METRICS.label_size, METRICS.label_size * 1.14):
            marks = obstacles(METRICS.radius, badge=True)
            label = place_label(text, size, METRICS.radius, text_width, marks)
            assert label.size == size  # wrapped, never set smaller
            for line, following in itertools.pairwise(label.lines):
                if line.endswith(HYPHEN) and not following.startswith("…"):
                    head = line.split()[-1][:-1]
                    word = head + following.split()[0].rstrip("…")
                    assert len(head) in syllable_breaks(word), (line, following)


def test_a_word_is_not_started_with_a_scrap_at_the_end_of_a_line():
    """ "op de ba- / sisschool" reads worse than "op de / basis- / school"."""
    for size in (METRICS.label_size, METRICS.label_size * 1.14):
        marks = obstacles(METRICS.radius, badge=True)
        label = place_label("Gepest op de basisschool", size, METRICS.radius, text_width, marks)
        for line in label.lines:
            words = line.split()
            if len(words) > 1 and line.endswith(HYPHEN):
                assert len(words[-1]) > SHORTEST_HEAD, label.lines


def test_a_word_with_no_syllable_point_that_fits_is_cut_short_not_broken_anywhere():
    fitted = fit_shaped("Xxxxxxxxxxxxxxxxxxxx", 15, lambda n: [60.0] * n, text_width)
    assert all(not line.endswith(HYPHEN) for line in fitted.lines)
    assert fitted.lines[-1].endswith("…") and fitted.size == 15


# --- nothing covers a label ---------------------------------------------------------------------


@pytest.mark.parametrize("client", [False, True], ids=["normal", "client"])
@pytest.mark.parametrize("name", EXAMPLES)
def test_no_badge_or_mark_covers_a_label_on_screen_and_no_bollen_overlap(
    qtbot, qsettings, name, client
):
    window = open_example(name, qsettings, (1366, 768), client)
    qtbot.waitExposed(window)
    try:
        window.views.show_instrument("netwerkintake")
        QApplication.processEvents()
        scene = window.current_view().scene()
        assert scene.client_mode == client
        items = list(scene.bol_items.values())
        for item in items:
            assert item.label_lines, item.node_id
            boxes = item.label_boxes()
            assert len(boxes) == len(item.label_lines)
            if item.show_score and not item.is_client:
                centre = item.badge_centre()
                for box, line in zip(boxes, item.label_lines, strict=True):
                    hit = _disc_meets_box(centre.x(), centre.y(), METRICS.badge_radius, box)
                    assert not hit, f"the badge covers {line!r} of {item.label!r}"
            for box in boxes:  # and every line stays inside its circle
                far = max(math.dist((x, y), (0, 0)) for x in box[::2] for y in box[1::2])
                assert far <= item.radius + 1, item.label
        for a, b in itertools.combinations(items, 2):
            distance = math.dist(a.pos().toTuple(), b.pos().toTuple())
            assert distance >= a.radius + b.radius, f"{a.label!r} overlaps {b.label!r}"
    finally:
        window.document.undo_stack.set_clean()
        window.close()


class _Recorder(Measure):
    """Every text drawn, with its place, and every badge disc (a score colour's fill)."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[tuple[float, float, str, float, bool]] = []
        self.badges: list[tuple[float, float, float]] = []

    def text(self, x, y, text, *, size, colour, bold=False, align="left") -> None:
        super().text(x, y, text, size=size, colour=colour, bold=bold, align=align)
        self.lines.append((x, y, text, size, bold))

    def circle(self, cx, cy, r, *, fill=None, stroke=None, width=1.0, dash=None) -> None:
        super().circle(cx, cy, r, fill=fill, stroke=stroke, width=width, dash=dash)
        if fill in SCORE_FILL.values() and r <= METRICS.badge_radius:
            self.badges.append((cx, cy, r))


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_badge_covers_a_label_on_the_poster(name):
    drawing = NetwerkintakeDrawing(_load(name), show_other_views=True)
    recorder = _Recorder()
    drawing.draw(recorder)
    symbols = {"++", "+", "=", "\u2212", "\u2212\u2212"}
    labels = [line for line in recorder.lines if line[2] not in symbols]
    assert len(labels) >= sum(len(bol.lines) for bol in drawing.bollen)
    assert recorder.badges
    for x, y, text, size, bold in labels:
        width = text_width(text, size, bold)
        centre = y - size * 0.38  # the line's middle, above its baseline
        box = (x - width / 2, centre - INK_ABOVE * size, x + width / 2, centre + INK_BELOW * size)
        for bx, by, r in recorder.badges:
            assert not _disc_meets_box(bx, by, r, box), f"a badge covers {text!r}"


# --- files laid out before the honeycomb ---------------------------------------------------------


def _old_atlas(tmp_path):
    """Twenty bollen on the old ring, 116 apart (and one pair 110 apart, the old minimum), with
    long labels and scores, as a file from before this version has them."""
    client = ClientNode(id="client", label="Robin", name="Robin")
    atlas = Atlas(client=client, meta=AtlasMeta(id="meta", title="Robin"))
    radius = 20 * 116 / (2 * math.pi)
    labels = ["Verhuizen naar een rustiger woning", "Jeugdgezondheidszorg", "Buurvrouw Els"]
    for i in range(20):
        angle = 2 * math.pi * i / 20
        point = (round(radius * math.sin(angle), 2), round(-radius * math.cos(angle), 2))
        kind = PersonNode if i % 3 == 2 else ThemeNode
        node = kind(id=f"n{i}", label=labels[i % 3], score=(i % 5) - 2)
        atlas.add("nodes", node, {"netwerkintake": point})
    atlas.add("nodes", ThemeNode(id="close", label="Werk", score=1), {"netwerkintake": (0, 480)})
    atlas.add(
        "nodes", ThemeNode(id="closer", label="Geld", score=-1), {"netwerkintake": (110, 480)}
    )
    path = tmp_path / "robin.netwerkatlas"
    io.save(atlas, path, keep_backup=False)
    return path


@pytest.mark.parametrize("client", [False, True], ids=["normal", "client"])
def test_a_file_laid_out_on_the_old_rings_opens_without_overlapping_bollen(
    qtbot, qsettings, tmp_path, client
):
    from netwerkatlas.app.main import open_window

    window = open_window(str(_old_atlas(tmp_path)), qsettings)
    window.showNormal()
    window.resize(1366, 768)
    if client:
        window.set_client_mode(True)
    qtbot.waitExposed(window)
    try:
        items = list(window.scene.bol_items.values())
        assert len(items) == 23
        for a, b in itertools.combinations(items, 2):
            distance = math.dist(a.pos().toTuple(), b.pos().toTuple())
            assert distance >= a.radius + b.radius - 0.01, f"{a.node_id} overlaps {b.node_id}"
        for item in items:  # and every label still whole-sized, clear of the badge
            assert item._font.pixelSize() >= round(METRICS.label_size * 8) - 1
            if not item.is_client:
                x, y = badge_offset(item.radius)
                for box in item.label_boxes():
                    assert not _disc_meets_box(x, y, METRICS.badge_radius, box)
    finally:
        window.document.undo_stack.set_clean()
        window.close()
