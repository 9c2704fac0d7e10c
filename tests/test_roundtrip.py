"""Saving and loading give back exactly what was saved, byte for byte and record for record.

Property tests over random atlases (see strategies.py), plus a few hand-made cases. Hypothesis
does not mix with function-scoped fixtures, so each example makes its own temporary folder.
"""

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from netwerkatlas import io
from netwerkatlas.io.locate import format_path
from netwerkatlas.model import COLLECTIONS, EDGES, GOALS, NODES, Atlas
from netwerkatlas.model.records import (
    AtlasMeta,
    ClientNode,
    Goal,
    InfluenceLink,
    PersonNode,
    ThemeNode,
)
from strategies import atlases, canonical

PROPERTY = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
NAME = "atlas.netwerkatlas"


def records(atlas):
    """Every record of every collection, by id (records hold dicts, so they cannot go in sets)."""
    return {name: {r.id: r for r in atlas.items(name)} for name in COLLECTIONS}


def stored_views(atlas):
    """The views a file keeps: the ones with positions, settings or unknown fields."""
    return {
        name: (state.positions, state.settings, state.extra)
        for name, state in atlas.views.items()
        if state.positions or state.settings or state.extra
    }


def unknown_field_paths(atlas):
    """Where the file holds fields this version does not know, as load reports them."""
    paths = {(key,) for key in atlas.extra}
    paths |= {("meta", key) for key in atlas.meta.model_extra}
    for name in COLLECTIONS:
        for index, record in enumerate(sorted(atlas.items(name), key=lambda r: r.id)):
            paths |= {(name, index, key) for key in record.model_extra}
    for view, (_, _, extra) in stored_views(atlas).items():
        paths |= {("views", view, key) for key in extra}
    return {format_path(p): p[-1] for p in paths}


def check_sorted_keys(pairs):
    keys = [key for key, _ in pairs]
    assert keys == sorted(keys), f"keys not sorted: {keys}"
    return dict(pairs)


@PROPERTY
@given(atlases())
def test_save_then_load_gives_the_same_atlas(atlas):
    original = canonical(atlas)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / NAME
        io.save(atlas, path)
        first = path.read_bytes()
        io.save(atlas, path)
        second = path.read_bytes()
        loaded, report = io.load(path)
        io.save(loaded, path)
        third = path.read_bytes()
        text = first.decode("utf-8")

    assert first == original
    assert second == first, "saving an unchanged atlas twice must write the same bytes"
    assert third == first, "saving a loaded atlas must write the bytes it was loaded from"
    assert canonical(loaded) == original
    assert records(loaded) == records(atlas)
    assert sorted(loaded.graph.edges(keys=True)) == sorted(atlas.graph.edges(keys=True))
    assert loaded.client_id == atlas.client_id
    assert loaded.meta == atlas.meta
    assert loaded.extra == atlas.extra
    assert stored_views(loaded) == stored_views(atlas)
    assert report.migrated_from is None

    # Unknown fields are kept (checked above) and each one is reported once, at its own line.
    expected = unknown_field_paths(atlas)
    notices = {n.where: n for n in report.notices}
    assert len(notices) == len(report.notices)
    assert {n.key for n in report.notices} <= {"unknown_field"}
    assert set(notices) == set(expected)
    lines = text.split("\n")  # only \n ends a line; labels may hold U+2028
    for where, field in expected.items():
        notice = notices[where]
        assert notice.values["field"] == field
        assert lines[notice.line - 1].lstrip().startswith(json.dumps(field, ensure_ascii=False))


@settings(PROPERTY, max_examples=30)
@given(atlases())
def test_canonical_text_is_sorted_utf8_json_of_the_current_version(atlas):
    data = canonical(atlas)
    text = data.decode("utf-8")  # strict: raises on anything that is not UTF-8
    assert not text.startswith("\ufeff")
    assert text.endswith("}\n")
    document = json.loads(text, object_pairs_hook=check_sorted_keys)
    assert isinstance(document, dict)
    assert document["format_version"] == io.FORMAT_VERSION
    assert type(document["format_version"]) is int
    assert {"meta", "nodes", "edges", "views"} <= set(document)
    for name in COLLECTIONS:
        ids = [record["id"] for record in document[name]]
        assert ids == sorted(ids), f"{name} not sorted by id"
        if name in (NODES, EDGES):
            assert all("kind" in record for record in document[name])
    assert canonical(atlas) == data, "dumps must not depend on anything but the atlas"


@settings(PROPERTY, max_examples=20)
@given(atlases(max_nodes=8, max_edges=8))
def test_a_file_with_a_utf8_bom_loads(atlas):
    original = canonical(atlas)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / NAME
        path.write_bytes(b"\xef\xbb\xbf" + original)
        loaded, _ = io.load(path)
    assert canonical(loaded) == original
    assert records(loaded) == records(atlas)


# --- hand-made cases ------------------------------------------------------------------------


def atlas_with_unknown_fields():
    client = ClientNode(id="client", label="Sanne", geheim="ja")
    meta = AtlasMeta(id="meta", title="Sanne", organisatie="Stichting Ëxample")
    atlas = Atlas(client, meta)
    atlas.add(NODES, ThemeNode(id="t-werk", label="x", mood="blij"))
    atlas.add(NODES, PersonNode(id="p-moeder", label="Moeder", score=2))
    atlas.add(EDGES, InfluenceLink(id="e1", source="t-werk", target="client", kleur="#ff0000"))
    atlas.add(GOALS, Goal(id="g1", text="Weer werken", node_ids=("t-werk",), prio=[1, 2]))
    atlas.set_positions("netwerkintake", {"t-werk": (10.0, -20.5)})
    atlas.views["netwerkintake"].extra["raster"] = {"stap": 12}
    atlas.extra["x_toekomst"] = {"versie": 3, "lijst": ["ä", None, True]}
    return atlas


def test_unknown_fields_survive_a_round_trip_and_are_reported(tmp_path):
    atlas = atlas_with_unknown_fields()
    path = tmp_path / NAME
    io.save(atlas, path)
    text = path.read_text(encoding="utf-8")
    loaded, report = io.load(path)

    assert loaded.node("t-werk").model_extra == {"mood": "blij"}
    assert loaded.node("t-werk") == ThemeNode(id="t-werk", label="x", mood="blij")
    assert loaded.client.model_extra == {"geheim": "ja"}
    assert loaded.edge("e1").model_extra == {"kleur": "#ff0000"}
    assert loaded.get(GOALS, "g1").model_extra == {"prio": [1, 2]}
    assert loaded.meta.model_extra == {"organisatie": "Stichting Ëxample"}
    assert loaded.views["netwerkintake"].extra == {"raster": {"stap": 12}}
    assert loaded.extra == {"x_toekomst": {"versie": 3, "lijst": ["ä", None, True]}}
    assert canonical(loaded) == canonical(atlas) == path.read_bytes()

    # nodes sorted by id: client, p-moeder, t-werk
    lines = text.split("\n")  # only \n ends a line; labels may hold U+2028
    found = {(n.key, n.where, n.values["field"]) for n in report.notices}
    assert found == {
        ("unknown_field", "nodes[0].geheim", "geheim"),
        ("unknown_field", "nodes[2].mood", "mood"),
        ("unknown_field", "edges[0].kleur", "kleur"),
        ("unknown_field", "goals[0].prio", "prio"),
        ("unknown_field", "meta.organisatie", "organisatie"),
        ("unknown_field", "views.netwerkintake.raster", "raster"),
        ("unknown_field", "x_toekomst", "x_toekomst"),
    }
    for notice in report.notices:
        field = notice.values["field"]
        assert lines[notice.line - 1].strip().startswith(f'"{field}":'), notice
        assert field in notice.render()
        assert notice.render().startswith(f"regel {notice.line}, {notice.where}: ")


def test_an_unknown_field_in_a_file_written_by_hand_is_kept_in_place(tmp_path):
    atlas = Atlas(ClientNode(id="c", label="Cliënt"), AtlasMeta(id="m"))
    document = json.loads(canonical(atlas))
    document["nodes"][0]["toekomstig_veld"] = {"b": 1, "a": [3, 4]}
    path = tmp_path / NAME
    path.write_text(json.dumps(document), encoding="utf-8")  # one line, keys in any order
    loaded, report = io.load(path)
    assert [(n.key, n.where, n.line) for n in report.notices] == [
        ("unknown_field", "nodes[0].toekomstig_veld", 1)
    ]
    io.save(loaded, path)
    saved = json.loads(path.read_bytes())
    assert saved["nodes"][0]["toekomstig_veld"] == {"a": [3, 4], "b": 1}
    assert b'"a": [3, 4]' in path.read_bytes()  # number pairs are written on one line


def test_bom_file_keeps_line_numbers(tmp_path):
    atlas = atlas_with_unknown_fields()
    path = tmp_path / NAME
    plain = canonical(atlas)
    path.write_bytes(b"\xef\xbb\xbf" + plain)
    loaded, report = io.load(path)
    assert canonical(loaded) == plain
    lines = plain.decode("utf-8").split("\n")  # only \n ends a line; labels may hold U+2028
    mood = next(n for n in report.notices if n.values["field"] == "mood")
    assert lines[mood.line - 1].strip().rstrip(",") == '"mood": "blij"'
