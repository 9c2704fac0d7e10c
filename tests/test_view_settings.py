"""View settings are part of the schema. A setting of the wrong type (the netwerkcirkel's
`variant` as a list, `custom_rings` as numbers) opens with a notice that names its place; the
view uses its default, every export still works, and the value stays in the file as it was.
The model refuses to store such a value, and undo puts back exactly what was there."""

import contextlib
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.strategies import atlases, json_values

from netwerkatlas import io
from netwerkatlas.commands import SetViewSetting, UndoStack, UpdateItem
from netwerkatlas.export.options import ExportOptions, Format
from netwerkatlas.export.run import render
from netwerkatlas.export.views import view_names
from netwerkatlas.model import AtlasError
from netwerkatlas.model.view_settings import VIEW_SETTINGS
from netwerkatlas.resources import example_path
from netwerkatlas.tools.circle.variants import LENSINK, cells, current_variant
from netwerkatlas.tools.ecogram.centre import centre_domain
from netwerkatlas.tools.ecogram.domains import DEFAULT_DOMAINS, domains
from netwerkatlas.tools.genogram.family import read_family
from netwerkatlas.validate import validate_files

FREEK = example_path("ecogram-freek")

# (view, setting, a value of the wrong type): every setting a view reads, several ways wrong
BAD_SETTINGS = [
    ("netwerkcirkel", "variant", ["lensink"]),
    ("netwerkcirkel", "variant", 5),
    ("netwerkcirkel", "custom_rings", [1, 2]),
    ("netwerkcirkel", "custom_rings", "intimi"),
    ("netwerkcirkel", "custom_sectors", [None, {"a": 1}]),
    ("netwerkcirkel", "cells", {"x": [1, 2]}),
    ("netwerkcirkel", "cells", {"x": "intimi"}),
    ("netwerkcirkel", "cells", [["intimi", "familie"]]),
    ("netwerkcirkel", "cells", {"x": [["intimi"], "familie"]}),
    ("netwerkcirkel", "show_counts", "ja"),
    ("netwerkcirkel", "show_counts", 1),
    ("ecogram", "domains", "familie"),
    ("ecogram", "domains", [1, "werk"]),
    ("ecogram", "domains", {"familie": 1}),
    ("ecogram", "centre", ["gezin of huishouden"]),
    ("ecogram", "centre", 3),
    ("genogram", "index_id", ["a"]),
    ("genogram", "index_id", {"id": "x"}),
    ("genogram", "index_id", 7),
]


def spoiled(tmp_path, view, key, value, **more):
    doc = json.loads(FREEK.read_bytes())
    view_doc = doc["views"].setdefault(view, {})
    view_doc.setdefault("settings", {}).update({key: value, **more})
    text = json.dumps(doc, indent=2, ensure_ascii=False)
    path = tmp_path / "freek.netwerkatlas"
    path.write_text(text, encoding="utf-8")
    return path, text


def test_every_setting_a_view_reads_has_a_schema():
    read = {
        ("netwerkcirkel", "variant"),
        ("netwerkcirkel", "custom_rings"),
        ("netwerkcirkel", "custom_sectors"),
        ("netwerkcirkel", "cells"),
        ("netwerkcirkel", "show_counts"),
        ("ecogram", "domains"),
        ("ecogram", "centre"),
        ("genogram", "index_id"),
    }
    known = {(view, key) for view, model in VIEW_SETTINGS.items() for key in model.model_fields}
    assert read <= known


@pytest.mark.parametrize(("view", "key", "value"), BAD_SETTINGS)
def test_a_bad_setting_opens_with_a_notice_and_every_view_exports(tmp_path, view, key, value):
    more = {"variant": "custom"} if key in ("custom_rings", "custom_sectors") else {}
    path, text = spoiled(tmp_path, view, key, value, **more)
    atlas, report = io.load(path)

    notices = [n for n in report.notices if n.where.startswith(f"views.{view}.settings.{key}")]
    assert notices, report.render()
    for notice in notices:
        assert notice.line is not None
        rendered = notice.render()
        assert f"regel {notice.line}" in rendered and "?" not in rendered
        assert "Input should" not in rendered and "standaardinstelling" in notice.hint()
    line = next(i for i, s in enumerate(text.split("\n"), 1) if f'"{key}":' in s)
    assert notices[0].line >= line

    assert atlas.view_setting(view, key) is None  # the view uses its default
    for name in view_names():
        rendered = render(atlas, ExportOptions(view=name, format=Format.SVG))
        assert rendered.data.startswith(b"<?xml") or b"<svg" in rendered.data[:500]

    io.save(atlas, path)
    assert json.loads(path.read_bytes())["views"][view]["settings"][key] == value


def test_the_views_fall_back_to_their_defaults(tmp_path):
    doc = json.loads(FREEK.read_bytes())
    doc["views"]["netwerkcirkel"]["settings"].update(variant="custom", custom_rings=[1, 2])
    doc["views"]["ecogram"] = {"settings": {"domains": "werk", "centre": ["gezin"]}}
    doc["views"]["genogram"] = {"settings": {"index_id": ["a"]}}
    path = tmp_path / "freek.netwerkatlas"
    path.write_text(json.dumps(doc), encoding="utf-8")
    atlas, _ = io.load(path)
    assert current_variant(atlas).rings == LENSINK.rings
    assert cells(atlas)  # the good placements are still used
    assert domains(atlas) == DEFAULT_DOMAINS
    assert centre_domain(atlas, domains(atlas)) is None
    assert read_family(atlas, atlas.view_setting("genogram", "index_id")).persons


def test_validate_names_the_bad_setting_and_passes_the_file(tmp_path):
    path, _ = spoiled(tmp_path, "netwerkcirkel", "variant", ["lensink"])
    code, lines = validate_files([str(path)])
    assert code == 0
    text = "\n".join(lines)
    assert "views.netwerkcirkel.settings.variant" in text
    assert 'hier hoort tekst, maar er staat ["lensink"]' in text


@pytest.mark.parametrize(("view", "key", "value"), BAD_SETTINGS)
def test_the_model_refuses_a_bad_value_for_a_known_setting(view, key, value):
    atlas, _ = io.load(FREEK)
    before = io.dumps(atlas)
    with pytest.raises(AtlasError):
        atlas.set_view_setting(view, key, value)
    with pytest.raises(AtlasError):
        UndoStack(atlas).push(SetViewSetting(view, key, value))
    assert io.dumps(atlas) == before


def test_changing_a_bad_setting_in_the_view_and_undoing_puts_the_bad_value_back(tmp_path):
    path, _ = spoiled(tmp_path, "netwerkcirkel", "variant", ["lensink"])
    atlas, _ = io.load(path)
    before = io.dumps(atlas)
    stack = UndoStack(atlas)
    stack.push(SetViewSetting("netwerkcirkel", "variant", "wijkecogram"))
    assert atlas.view_setting("netwerkcirkel", "variant") == "wijkecogram"
    stack.undo()
    assert io.dumps(atlas) == before


def test_undo_of_a_setting_that_was_absent_removes_it_and_a_stored_null_stays_null(tmp_path):
    path, _ = spoiled(tmp_path, "netwerkcirkel", "zoom", None)  # a file may hold a null
    atlas, _ = io.load(path)
    before = io.dumps(atlas)
    assert b'"zoom": null' in before
    stack = UndoStack(atlas)
    stack.push(SetViewSetting("netwerkcirkel", "zoom", 2))
    stack.push(SetViewSetting("netwerkcirkel", "nieuw", "ja"))
    stack.push(SetViewSetting("nieuwe weergave", "a", [1, 2]))
    stack.undo()
    stack.undo()
    stack.undo()
    assert io.dumps(atlas) == before


# --- property: random edits of fields and settings undo to the very same bytes ---------------

_FIELDS = {
    # a theme or an event has no name: refused by the model, which then changes nothing
    "nodes": {
        "label": st.text(max_size=8),
        "score": st.none() | st.integers(-2, 2),
        "name": st.text(max_size=8),
    },
    "edges": {"note": st.text(max_size=8), "private": st.booleans()},
}
_SETTINGS = st.one_of(
    st.tuples(st.just("netwerkcirkel"), st.just("variant"), st.sampled_from(["lensink", None])),
    st.tuples(st.just("netwerkcirkel"), st.just("show_counts"), st.sampled_from([True, None])),
    st.tuples(st.just("ecogram"), st.just("domains"), st.none() | st.lists(st.text(max_size=5))),
    st.tuples(
        st.sampled_from(["netwerkintake", "x ë"]), st.sampled_from(["zoom", "a"]), json_values
    ),
)


@st.composite
def edits(draw, atlas):
    steps = []
    for _ in range(draw(st.integers(1, 12))):
        collection = draw(st.sampled_from(["nodes", "edges", "setting"]))
        ids = sorted(r.id for r in atlas.items(collection)) if collection != "setting" else []
        if collection == "setting" or not ids:
            steps.append(SetViewSetting(*draw(_SETTINGS)))
            continue
        field = draw(st.sampled_from(sorted(_FIELDS[collection])))
        value = draw(_FIELDS[collection][field])
        steps.append(UpdateItem(collection, draw(st.sampled_from(ids)), {field: value}))
    return steps


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_field_and_setting_edits_undo_to_the_same_bytes(data):
    atlas = data.draw(atlases(max_nodes=6, max_edges=6))
    original = io.dumps(atlas)
    stack = UndoStack(atlas)
    for command in data.draw(edits(atlas)):
        # refused when the record's kind lacks the field: nothing changed, nothing recorded
        with contextlib.suppress(AtlasError):
            stack.push(command)
    final = io.dumps(atlas)
    while stack.can_undo():
        stack.undo()
    assert io.dumps(atlas) == original
    while stack.can_redo():
        stack.redo()
    assert io.dumps(atlas) == final
