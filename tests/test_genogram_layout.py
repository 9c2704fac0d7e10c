"""The genogram layout on families a family therapist meets: rows, order, no overlaps."""

from __future__ import annotations

import itertools

import pytest
from tests.genogram_families import blended_family, random_family

from netwerkatlas.commands import SetPositions, UndoStack
from netwerkatlas.tools.genogram import VIEW
from netwerkatlas.tools.genogram.family import read_family
from netwerkatlas.tools.genogram.layout import ROW, SLOT, SYMBOL, compute_layout, genogram_positions


def layout_of(atlas):
    family = read_family(atlas)
    return family, compute_layout(family)


def assert_no_overlaps(positions):
    rows: dict[float, list[float]] = {}
    for x, y in positions.values():
        rows.setdefault(y, []).append(x)
    for xs in rows.values():
        xs.sort()
        for left, right in itertools.pairwise(xs):
            assert right - left >= SLOT - 0.01, (left, right)


def test_generations_are_rows_with_the_oldest_on_top():
    f = blended_family()
    _family, pos = layout_of(f.atlas)
    y = {name: pos[pid][1] for name, pid in f.ids.items()}
    assert y["Sjaak"] == y["Betsy"] == 0
    assert y["Jan"] == y["Marie"] == y["Els"] == y["Klaas"] == ROW
    assert y["Thijs"] == y["Greet"] == y["Bram"] == y["Mila"] == 2 * ROW
    assert_no_overlaps(pos)


def test_couples_stand_together_and_a_remarried_man_between_his_wives():
    f = blended_family()
    _, pos = layout_of(f.atlas)
    x = {name: pos[pid][0] for name, pid in f.ids.items()}
    assert abs(x["Sjaak"] - x["Betsy"]) == SLOT and x["Sjaak"] < x["Betsy"]  # male left
    # Jan's first wife on one side, his second on the other, each next to him.
    assert abs(x["Jan"] - x["Marie"]) == SLOT and abs(x["Jan"] - x["Els"]) == SLOT
    assert (x["Marie"] < x["Jan"] < x["Els"]) or (x["Els"] < x["Jan"] < x["Marie"])


def test_children_are_ordered_oldest_left_and_hang_under_their_parents():
    f = blended_family()
    _family, pos = layout_of(f.atlas)
    x = {name: pos[pid][0] for name, pid in f.ids.items()}
    assert x["Greet"] < x["Thijs"]  # 2001 before 2003
    assert x["Mila"] < x["Bram"] and x["Mila"] < x["Fien"]  # 2008 before the 2010 twins
    # Half-siblings stay under their own parents: Marie's children on Marie's side.
    marie_side = x["Marie"] < x["Els"]
    assert (max(x["Greet"], x["Thijs"]) < min(x["Mila"], x["Bram"], x["Fien"])) == marie_side
    # A couple's children are centred under the couple where the space allows.
    middle = (x["Sjaak"] + x["Betsy"]) / 2
    kids = (x["Klaas"] + x["Jan"]) / 2
    assert abs(kids - middle) <= SLOT


@pytest.mark.parametrize("people", [5, 30, 200])
def test_no_two_symbols_overlap_in_families_of_any_size(people):
    atlas = random_family(people)
    family, pos = layout_of(atlas)
    assert len(pos) == len(family.persons) >= min(people, 5)
    assert_no_overlaps(pos)
    for child, parents in family.parents_of.items():
        for parent in parents:
            assert pos[child][1] == pos[parent][1] + ROW


def test_a_person_placed_by_hand_keeps_the_place_when_others_are_laid_out_again():
    f = blended_family()
    stack = UndoStack(f.atlas)
    moved = f.ids["Klaas"]
    stack.push(SetPositions(VIEW, {moved: (900.0, ROW)}))
    assert genogram_positions(f.atlas)[moved] == (900.0, ROW)
    stack.push(SetPositions(VIEW, {f.ids["Greet"]: (-500.0, 2 * ROW)}))
    assert genogram_positions(f.atlas)[moved] == (900.0, ROW)
    stack.undo()
    stack.undo()
    assert genogram_positions(f.atlas)[moved] == compute_layout(read_family(f.atlas))[moved]


def test_symbols_fit_between_neighbours():
    assert SLOT - SYMBOL >= 40  # room for the couple line and the year labels


def test_a_third_partner_is_joined_over_the_heads_not_through_them():
    from tests.genogram_families import FamilyBuilder

    from netwerkatlas.model import Gender, PartnerStatus
    from netwerkatlas.tools.genogram.drawing import GenogramDrawing

    f = FamilyBuilder("Kees", 1950)
    for name, year in (("Anna", 1952), ("Bea", 1955), ("Cor", 1960)):
        f.person(name, Gender.FEMALE, year)
    f.couple("Kees", "Anna", PartnerStatus.DIVORCED, 1972, 1980)
    f.couple("Kees", "Bea", PartnerStatus.DIVORCED, 1981, 1990)
    f.couple("Kees", "Cor", PartnerStatus.MARRIED, 1995)
    drawing = GenogramDrawing(f.atlas)
    segments = []

    class Recorder:
        def line(self, x1, y1, x2, y2, **_):
            segments.append(((x1, y1), (x2, y2)))

        def __getattr__(self, name):
            return lambda *a, **k: None

    drawing.draw(Recorder())
    pos = {name: drawing.positions[pid] for name, pid in f.ids.items()}
    half = SYMBOL / 2
    for name, (x, y) in pos.items():
        for (x1, y1), (x2, y2) in segments:
            if y1 == y2 and abs(y1 - y) < half:  # a horizontal line at the height of a symbol
                assert not (min(x1, x2) < x < max(x1, x2)), f"a couple line runs through {name}"
