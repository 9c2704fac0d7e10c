"""Nothing the loader accepts may save into something it refuses, and the model refuses what
the file cannot hold.

On reading: a number that overflows to infinity (1e400) anywhere in the file, also in free-form
places, is refused with its line and column, as saved it would become `Infinity`, which no JSON
reader accepts. Values are strict: `"score": true` or `"2"`, `"private": "yes"` are errors with
a Dutch message, not silently 1, 2 or true; kinds and statuses are still given as text.
In the model: positions must be finite and within the limits, free-form values JSON (no sets,
tuples, NaN, keys that are not text), and only fields a record has can change."""

import json
import math
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from tests.strategies import atlases

from netwerkatlas import i18n, io
from netwerkatlas.commands import UndoStack, UpdateItem
from netwerkatlas.io.errors import AtlasFileError
from netwerkatlas.model import (
    EDGES,
    NODES,
    PLANS,
    SESSIONS,
    Atlas,
    AtlasError,
    InfluenceLink,
    PersonNode,
    Plan,
    Session,
    ThemeNode,
)
from netwerkatlas.model.snapshot import Snapshot, ViewSnapshot


def small_atlas():
    atlas = Atlas()
    atlas.add(NODES, PersonNode(id="moeder", label="Moeder", score=1))
    atlas.add(NODES, ThemeNode(id="werk", label="Werk"))
    atlas.add(EDGES, InfluenceLink(id="e-1", source="werk", target="moeder"))
    atlas.add(PLANS, Plan(id="plan", kind="signaleringsplan", body={"fase": "groen"}))
    then = Snapshot(views={"netwerkintake": ViewSnapshot(settings={"aantal": 2})})
    atlas.add(SESSIONS, Session(id="s-1", snapshot=then))
    atlas.set_positions("netwerkintake", {"moeder": (10, 20)})
    atlas.set_view_setting("netwerkintake", "zoom", 1.5)
    return atlas


def written(tmp_path, spoil, indent=2):
    doc = json.loads(io.dumps(small_atlas()))
    spoil(doc)
    text = json.dumps(doc, indent=indent, ensure_ascii=False)
    path = tmp_path / "atlas.netwerkatlas"
    path.write_text(text, encoding="utf-8")
    return path, text


def refused(path):
    before = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(AtlasFileError) as caught:
        io.load(path)
    assert sorted(p.name for p in path.parent.iterdir()) == before
    return caught.value


# --- reading: numbers that would not survive a save -----------------------------------------

PLACES = {
    "an unknown field": lambda d, v: d.update(toekomst=v),
    "an unknown field of a record": lambda d, v: d["nodes"][0].update(stemming=[1, v]),
    "a view setting": lambda d, v: d["views"]["netwerkintake"]["settings"].update(zoom=v),
    "a plan body": lambda d, v: d["plans"][0]["body"].update(drempel={"x": v}),
    "a session snapshot": lambda d, v: d["sessions"][0]["snapshot"]["views"]["netwerkintake"][
        "settings"
    ].update(aantal=v),
    "a position": lambda d, v: d["views"]["netwerkintake"]["positions"].update(moeder=[v, 1]),
}
NUMBER = 12345.678  # written, then replaced in the text by the number under test


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize("literal", ["1e400", "-1E+999", "1" + "0" * 400 + ".5", "9" * 5000])
def test_a_number_that_cannot_be_saved_again_is_refused_with_its_place(tmp_path, place, literal):
    path, text = written(tmp_path, lambda d: PLACES[place](d, NUMBER))
    line = next(i for i, s in enumerate(text.split("\n"), 1) if str(NUMBER) in s)
    column = text.split("\n")[line - 1].index(str(NUMBER)) + 1
    path.write_text(text.replace(str(NUMBER), literal), encoding="utf-8")
    error = refused(path)
    (problem,) = error.problems
    assert (problem.key, problem.line, problem.values["column"]) == (
        "number_too_large",
        line,
        column,
    )
    message = error.render()
    assert literal[:20] in message and "te groot is om te bewaren" in message
    assert "?" not in problem.render() and len(message) < 1500


def test_ordinary_big_and_small_numbers_still_load(tmp_path):
    path, _ = written(tmp_path, lambda d: d.update(x=[1e300, -1e-300, 2**70, 0.1]))
    atlas, _ = io.load(path)
    assert atlas.extra["x"] == [1e300, -1e-300, 2**70, 0.1]
    io.save(atlas, path)
    assert io.load(path)[0].extra == atlas.extra


# --- reading: strict types ----------------------------------------------------------------------

STRICT = [
    (lambda d: d["nodes"][1].update(score=True), "schema.not_whole_number", "score"),
    (lambda d: d["nodes"][1].update(score="2"), "schema.not_whole_number", "score"),
    (lambda d: d["nodes"][1].update(score=1.0), "schema.not_whole_number", "score"),
    (lambda d: d["nodes"][1].update(private="yes"), "schema.not_bool", "private"),
    (lambda d: d["nodes"][1].update(emphasis=1), "schema.not_bool", "emphasis"),
    (lambda d: d["nodes"][1].update(label=5), "schema.not_text", "label"),
    (lambda d: d["nodes"][1].update(birth_year="1960"), "schema.not_whole_number", "birth_year"),
    (lambda d: d["edges"][0].update(private=0), "schema.not_bool", "private"),
    (lambda d: d["sessions"][0].update(label=["a"]), "schema.not_text", "label"),
    (lambda d: d["meta"].update(title=1), "schema.not_text", "title"),
    (
        lambda d: d["views"]["netwerkintake"]["positions"].update(moeder=[True, 1]),
        "schema.not_number",
        "moeder[0]",
    ),
]


@pytest.mark.parametrize(("spoil", "key", "field"), STRICT)
def test_values_of_the_wrong_type_are_errors_not_converted(tmp_path, spoil, key, field):
    path, _ = written(tmp_path, spoil)
    error = refused(path)
    (problem,) = error.problems
    assert problem.key == key and problem.where.endswith(field)
    assert problem.line is not None
    for language in ("nl", "en"):
        i18n.set_language(language)
        try:
            text = error.render()
        finally:
            i18n._language = "nl"
        assert "Input should" not in text and "valid" not in text and "?" not in problem.render()


def test_kinds_and_statuses_are_still_given_as_text(tmp_path):
    def spoil(doc):
        doc["nodes"][1].update(gender="female")
        doc["edges"][0].update(direction="both")

    path, _ = written(tmp_path, spoil)
    atlas, _ = io.load(path)
    assert atlas.node("moeder").gender == "female"
    assert atlas.edge("e-1").direction == "both"


def test_a_list_of_the_wrong_length_says_how_long_in_dutch(tmp_path):
    path, _ = written(
        tmp_path, lambda d: d["views"]["netwerkintake"]["positions"].update(moeder=[1, 2, 3])
    )
    (problem,) = refused(path).problems
    assert problem.what() == "de lijst heeft 3 onderdelen; hier horen er hoogstens 2."


# --- the model refuses what the file cannot hold ------------------------------------------------


@pytest.mark.parametrize(
    "point",
    [(math.nan, 0), (0, math.inf), (-math.inf, 1), (2e6, 0), (0, -1e6 - 1), (True, 0), ("1", 2)],
)
def test_positions_the_file_cannot_hold_are_refused(point):
    atlas = small_atlas()
    before = io.dumps(atlas)
    with pytest.raises(AtlasError):
        atlas.set_positions("netwerkintake", {"werk": point})
    with pytest.raises(AtlasError):
        atlas.add(NODES, ThemeNode(id="nieuw"), positions={"netwerkintake": point})
    assert io.dumps(atlas) == before


NOT_JSON = [
    math.nan,
    math.inf,
    {1, 2},
    (1, 2),
    {1: "a"},
    {"a": [math.nan]},
    "los \ud800",
    b"bytes",
    object(),
    10**5000,
]
NESTED = [1]
for _ in range(80):
    NESTED = [NESTED]
NOT_JSON.append(NESTED)


@pytest.mark.parametrize("value", NOT_JSON, ids=lambda v: type(v).__name__)
def test_free_form_values_must_be_json(value):
    atlas = small_atlas()
    before = io.dumps(atlas)
    with pytest.raises(AtlasError):
        atlas.set_view_setting("netwerkintake", "zoom", value)
    with pytest.raises(AtlasError):
        atlas.update(PLANS, "plan", {"body": {"x": value}})
    with pytest.raises(AtlasError):
        atlas.update(SESSIONS, "s-1", {"snapshot": {"views": {"v": {"settings": {"x": value}}}}})
    with pytest.raises(ValueError):
        Plan(kind="crisisplan", body={"x": value})
    with pytest.raises(ValueError):
        ThemeNode(label="x", stemming=value)
    assert io.dumps(atlas) == before


@pytest.mark.parametrize(
    "changes",
    [{"score": True}, {"score": "2"}, {"private": "yes"}, {"label": 5}, {"score": 1.0}],
)
def test_the_model_holds_the_program_to_the_same_types(changes):
    atlas = small_atlas()
    with pytest.raises(AtlasError):
        atlas.update(NODES, "moeder", changes)
    with pytest.raises(ValueError):
        PersonNode(**changes)


def test_saving_never_writes_nan_even_if_it_got_in_by_the_back_door(tmp_path):
    atlas = small_atlas()
    atlas.extra["x"] = math.inf  # not through an operation: the save must still refuse it
    with pytest.raises(ValueError):
        io.dumps(atlas)


# --- only fields a record has can change --------------------------------------------------------


def test_an_update_of_a_field_no_record_has_is_a_mistake_found_at_once():
    with pytest.raises(ValueError, match="kleur"):
        UpdateItem(NODES, "werk", {"kleur": "rood"})
    with pytest.raises(ValueError):
        UpdateItem("dingen", "werk", {"label": "x"})


def test_an_update_of_a_field_this_kind_lacks_is_refused_and_undo_has_nothing_to_leave():
    atlas = small_atlas()
    before = io.dumps(atlas)
    stack = UndoStack(atlas)
    with pytest.raises(AtlasError, match="name"):
        stack.push(UpdateItem(NODES, "werk", {"name": "Werk"}))  # a theme has no name
    assert not stack.can_undo()
    stack.push(UpdateItem(NODES, "moeder", {"name": "Ans"}))
    stack.undo()
    assert io.dumps(atlas) == before


@settings(max_examples=40, deadline=None)
@given(atlases(max_nodes=8, max_edges=8))
def test_whatever_the_model_holds_saves_and_loads_back_to_the_same_bytes(atlas):
    data = io.dumps(atlas)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "atlas.netwerkatlas"
        path.write_bytes(data)
        assert io.dumps(io.load(path)[0]) == data
