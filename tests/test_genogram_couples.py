"""A couple's line says what a family therapist reads there: married, separated or divorced,
with the years; and the years dialog keeps start and end apart."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog
from tests.genogram_families import FamilyBuilder
from tests.test_genogram_canvas import action, genogram, menu_for, submenu  # noqa: F401
from tests.windows import person

from netwerkatlas.canvas import genogram_menus
from netwerkatlas.i18n import t
from netwerkatlas.model import EdgeKind, Gender, PartnerStatus
from netwerkatlas.tools.genogram.drawing import GenogramDrawing


class Recorder:
    """Every text and line a drawing paints."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.lines: list[tuple[float, float, float, float]] = []

    def text(self, x, y, text, **_):
        self.texts.append(text)

    def line(self, x1, y1, x2, y2, **_):
        self.lines.append((x1, y1, x2, y2))

    def __getattr__(self, name):
        return lambda *a, **k: None


def couple(status, start, end) -> GenogramDrawing:
    f = FamilyBuilder("Kees", 1970)
    f.person("Anna", Gender.FEMALE, 1972)
    f.couple("Kees", "Anna", status, start, end)
    return GenogramDrawing(f.atlas)


def slashes(recorder: Recorder) -> int:
    """Short steep strokes: the slashes across a couple line."""
    return sum(
        1
        for x1, y1, x2, y2 in recorder.lines
        if 0 < abs(x2 - x1) <= 10 and 10 <= abs(y2 - y1) <= 16
    )


def test_a_separated_couple_is_not_labelled_divorced():
    recorder = Recorder()
    couple(PartnerStatus.SEPARATED, 2005, 2020).draw(recorder)
    said = " ".join(recorder.texts)
    assert "h '05" in said
    assert t("genogram.year.separated", year="'20") in said
    assert "g '20" not in said  # gescheiden is a different thing
    assert slashes(recorder) == 1


def test_a_divorced_couple_has_two_slashes_and_the_divorce_year():
    recorder = Recorder()
    couple(PartnerStatus.DIVORCED, 2005, 2020).draw(recorder)
    # On one line where the couple line is long enough, else above and below it.
    assert "h '05 g '20" in recorder.texts or {"h '05", "g '20"} <= set(recorder.texts)
    assert slashes(recorder) == 2


def test_the_legend_explains_separated_and_divorced_apart():
    labels = [e.label for e in couple(PartnerStatus.SEPARATED, 2005, 2020).legend()]
    assert t("genogram.legend.separated") in labels
    assert t("genogram.legend.divorced") not in labels
    assert t("genogram.legend.separated") != t("genogram.legend.divorced")


def answer_years(monkeypatch, seen: list, start: str | None = None, end: str | None = None):
    """Answer the years dialog: note what it shows, optionally type, then press OK."""

    def exec_(dialog):
        seen.append((dialog.start_edit.text(), dialog.end_edit.text()))
        if start is not None:
            dialog.start_edit.setText(start)
        if end is not None:
            dialog.end_edit.setText(end)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(genogram_menus.YearsDialog, "exec", exec_)


def test_a_couple_with_only_an_end_year_keeps_it_as_the_end(genogram, monkeypatch):  # noqa: F811
    atlas, stack = genogram.document.atlas, genogram.document.undo_stack
    henk = person(genogram, "Henk").id
    relation = next(e for e in atlas.edges(EdgeKind.PARTNER) if henk in (e.source, e.target))
    seen: list = []
    answer_years(monkeypatch, seen, start="", end="2008")
    action(submenu(menu_for(genogram, "Henk"), "Relatie met Truus"), "Jaren…").trigger()
    assert (atlas.edge(relation.id).start_year, atlas.edge(relation.id).end_year) == (None, 2008)
    undo_depth = len(stack)
    answer_years(monkeypatch, seen)  # open again and press OK unchanged
    action(submenu(menu_for(genogram, "Henk"), "Relatie met Truus"), "Jaren…").trigger()
    assert seen[-1] == ("", "2008")
    assert (atlas.edge(relation.id).start_year, atlas.edge(relation.id).end_year) == (None, 2008)
    assert len(stack) == undo_depth  # nothing changed, nothing to undo


def test_the_years_dialog_refuses_what_are_not_years(genogram, monkeypatch):  # noqa: F811
    atlas = genogram.document.atlas
    henk = person(genogram, "Henk").id
    relation = next(e for e in atlas.edges(EdgeKind.PARTNER) if henk in (e.source, e.target))
    messages: list[str] = []
    monkeypatch.setattr(genogram.genogram_view, "show_message", messages.append)
    answer_years(monkeypatch, [], start="zeventig", end="")
    action(submenu(menu_for(genogram, "Henk"), "Relatie met Truus"), "Jaren…").trigger()
    assert atlas.edge(relation.id) == relation
    assert messages and "zeventig" in messages[0]


class OrderRecorder:
    """What a drawing paints, in order: ("line", x1, y1, x2, y2), ("rect", x, y, w, h, fill)
    and ("text", x, y, text)."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def line(self, x1, y1, x2, y2, **_):
        self.calls.append(("line", x1, y1, x2, y2))

    def rect(self, x, y, w, h, fill=None, **_):
        self.calls.append(("rect", x, y, w, h, fill))

    def text(self, x, y, text, **_):
        self.calls.append(("text", x, y, text))

    def __getattr__(self, name):
        return lambda *a, **k: None


def test_the_line_down_to_the_children_does_not_cross_out_the_divorce_year():
    """The divorce year stands under the middle of the couple line, where the line down to the
    children starts: it lies on a patch of paper over that line, never struck through."""
    f = FamilyBuilder("Kees", 1970)
    f.person("Anna", Gender.FEMALE, 1972)
    f.person("Sem", Gender.MALE, 2001)
    f.couple("Kees", "Anna", PartnerStatus.DIVORCED, 1995, 2009)
    f.child(("Kees", "Anna"), "Sem")
    recorder = OrderRecorder()
    GenogramDrawing(f.atlas).draw(recorder)
    calls = recorder.calls
    year = t("genogram.year.divorced", year="'09")
    at = next(i for i, c in enumerate(calls) if c[0] == "text" and c[3] == year)
    _, tx, ty, _ = calls[at]
    down = [
        i
        for i, c in enumerate(calls)
        if c[0] == "line" and abs(c[1] - c[3]) < 0.01 and abs(c[1] - tx) < 1 and c[4] > ty
    ]
    assert down and max(down) < at  # the line down is painted before the year
    patch = calls[at - 1]
    assert patch[0] == "rect" and patch[5] is not None
    assert patch[1] <= tx - 10 and patch[1] + patch[3] >= tx + 10  # and the year on a patch
    assert patch[2] <= ty - 5 <= patch[2] + patch[4]
