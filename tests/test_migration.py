"""Format 1 files (client, bollen, links, layout) open as format 2 and save as format 2."""

import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from netwerkatlas import io
from netwerkatlas.io.errors import AtlasFileError
from netwerkatlas.model import EDGES, NODES, Atlas
from netwerkatlas.model.records import (
    ClientNode,
    Direction,
    EventNode,
    InfluenceLink,
    PersonNode,
    ThemeNode,
)

V1 = Path(__file__).parent / "fixtures" / "v1" / "netwerkintake-v1.netwerkatlas"
V1_BYTES = V1.read_bytes()

# What the v1 file says, written out by hand: id -> (class, label, score, note)
NODES_IN_V1 = {
    "sanne": (ClientNode, "Sanne de Vries", None, ""),
    "werk": (ThemeNode, "Werk bij de bakkerij", 1, ""),
    "gezondheid": (
        ThemeNode,
        "Gezondheid",
        -2,
        "Slaapt slecht sinds de verhuizing; huisarts weet ervan.",
    ),
    "moeder": (PersonNode, "Moeder (Ans)", 2, ""),
    "geld": (ThemeNode, "Geld & schulden", -1, ""),  # typographic minus "−"
    "verhuizing": (EventNode, "Verhuizing naar Zwolle", 0, ""),
    "buurvrouw": (PersonNode, 'Buurvrouw Fenna, "altijd thuis"', None, ""),
}
LINKS_IN_V1 = {
    "link-1": ("werk", "gezondheid", "Vroege diensten kosten slaap."),
    "link-2": ("geld", "gezondheid", ""),
    "link-3": ("moeder", "sanne", "Belt elke dag, soms te veel."),
}
LAYOUT_IN_V1 = {
    "sanne": (0.0, 0.0),
    "werk": (180.5, -60.0),
    "gezondheid": (40.0, -210.25),
    "moeder": (-170.0, 95.0),
    "geld": (150.0, 140.75),
    "verhuizing": (-120.0, -160.0),
}


@pytest.fixture(autouse=True)
def fixture_untouched():
    """No test may change the fixture file."""
    yield
    assert V1.read_bytes() == V1_BYTES


def snapshot(folder):
    return {
        entry.name: (
            entry.stat().st_mtime_ns,
            stat.S_IMODE(entry.stat().st_mode),
            Path(entry.path).read_bytes(),
        )
        for entry in os.scandir(folder)
    }


def v1_data():
    return json.loads(V1_BYTES)


def test_the_fixture_is_format_1():
    data = v1_data()
    assert data["format_version"] == 1
    assert {"client", "bollen", "links", "layout", "title"} <= set(data)
    assert "nodes" not in data


def test_v1_file_loads_with_a_migration_notice():
    atlas, report = io.load(V1)
    assert isinstance(atlas, Atlas)
    assert report.migrated_from == 1
    assert [(n.key, n.values) for n in report.notices] == [
        ("migrated", {"version": 1, "current": io.FORMAT_VERSION})
    ]
    assert "oudere formaat 1" in report.notices[0].render()
    assert f"formaat {io.FORMAT_VERSION}" in report.notices[0].render()


def test_nodes_and_scores_are_what_the_v1_file_said():
    atlas, _ = io.load(V1)
    assert atlas.client_id == "sanne"
    assert atlas.client.name == "Sanne de Vries"
    found = {n.id: (type(n), n.label, n.score, n.note) for n in atlas.nodes()}
    assert found == NODES_IN_V1
    assert all(type(n.score) in (int, type(None)) for n in atlas.nodes())


def test_links_become_influence_edges():
    atlas, _ = io.load(V1)
    edges = {e.id: e for e in atlas.edges()}
    assert {i: (e.source, e.target, e.note) for i, e in edges.items()} == LINKS_IN_V1
    assert all(type(e) is InfluenceLink for e in edges.values())
    assert all(e.direction == Direction.NONE for e in edges.values())
    assert {e.id for e in atlas.edges_of("gezondheid")} == {"link-1", "link-2"}


def test_layout_becomes_the_netwerkintake_view():
    atlas, _ = io.load(V1)
    assert set(atlas.views) == {"netwerkintake"}
    assert atlas.views["netwerkintake"].positions == LAYOUT_IN_V1
    assert atlas.position("netwerkintake", "buurvrouw") is None  # not in the v1 layout


def test_title_goes_to_the_meta_data():
    atlas, _ = io.load(V1)
    assert atlas.meta.title == "Netwerkintake Sanne – maart 2021"
    assert atlas.meta.model_extra == {}
    assert atlas.extra == {}


def test_loading_twice_gives_identical_bytes():
    first, _ = io.load(V1)
    second, _ = io.load(V1)
    assert io.dumps(first) == io.dumps(second)
    assert first.meta.id == second.meta.id


def test_loading_a_v1_file_without_client_id_is_deterministic(tmp_path):
    data = v1_data()
    del data["client"]["id"]
    data["links"] = [link for link in data["links"] if "sanne" not in (link["from"], link["to"])]
    del data["layout"]["sanne"]
    path = tmp_path / "zonder-id.netwerkatlas"
    path.write_text(json.dumps(data), encoding="utf-8")
    first, _ = io.load(path)
    second, _ = io.load(path)
    assert io.dumps(first) == io.dumps(second)
    assert first.client.label == "Sanne de Vries"


def test_saving_writes_the_current_format_and_reloads_to_the_same_bytes(tmp_path):
    path = tmp_path / "sanne.netwerkatlas"
    shutil.copyfile(V1, path)
    atlas, _ = io.load(path)
    io.save(atlas, path)

    saved = path.read_bytes()
    document = json.loads(saved)
    assert document["format_version"] == io.FORMAT_VERSION
    assert "bollen" not in document and "links" not in document and "layout" not in document
    assert saved == io.dumps(atlas)
    # the promise of the "migrated" notice: the old version stays as .bak
    assert io.backup_path(path).read_bytes() == V1_BYTES

    again, report = io.load(path)
    assert report.migrated_from is None
    assert report.notices == []
    assert io.dumps(again) == saved
    io.save(again, path)
    assert path.read_bytes() == saved


def spoil(tmp_path, change):
    data = v1_data()
    change(data)
    path = tmp_path / "kapot-v1.netwerkatlas"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def fails(path):
    before = snapshot(path.parent)
    with pytest.raises(AtlasFileError) as caught:
        io.load(path)
    assert snapshot(path.parent) == before, "loading a bad v1 file wrote something"
    error = caught.value
    assert error.writing is False
    message = error.render()
    assert message.startswith(f"Kan „{path}” niet openen.\n")
    assert "problem." not in message and "hint." not in message
    return error, message


def test_v1_file_with_a_bad_score_gives_a_readable_error(tmp_path):
    path = spoil(tmp_path, lambda d: d["bollen"][0].update(score="+++"))
    error, message = fails(path)
    assert [p.key for p in error.problems] == ["schema.not_whole_number"]
    assert "'+++'" in message
    assert "hier hoort een heel getal" in message
    assert sorted(os.listdir(tmp_path)) == ["kapot-v1.netwerkatlas"]


def test_v1_error_points_at_a_place_in_the_v1_file(tmp_path):
    """The user has a v1 file: "nodes[1].score" names a place that is not in it."""
    path = spoil(tmp_path, lambda d: d["bollen"][0].update(score="+++"))
    text = path.read_text(encoding="utf-8")
    bad_line = next(i for i, line in enumerate(text.split("\n"), 1) if '"+++"' in line)
    (problem,) = fails(path)[0].problems
    assert problem.line == bad_line or problem.where.startswith("bollen[0]"), problem.render()


def test_v1_file_with_a_link_to_a_missing_bol(tmp_path):
    path = spoil(tmp_path, lambda d: d["links"][1].update(to="bestaat-niet"))
    error, message = fails(path)
    assert [(p.key, p.values) for p in error.problems] == [("dangling_ref", {"id": "bestaat-niet"})]
    assert "„bestaat-niet”" in message


def test_v1_file_with_a_bol_that_is_no_object_points_at_it(tmp_path):
    """Passed on as it is, the bol is named by the schema at its place in the v1 file (this
    used to be a "could not be converted" message with Python's English inside)."""
    path = spoil(tmp_path, lambda d: d.update(bollen=["geen bol"]))
    error, message = fails(path)
    assert [(p.key, p.where) for p in error.problems] == [("schema.not_object", "bollen[0]")]
    assert "'geen bol'" in message
    assert error.problems[0].line is not None


def test_saving_a_migrated_atlas_after_an_edit(tmp_path):
    path = tmp_path / "sanne.netwerkatlas"
    shutil.copyfile(V1, path)
    atlas, _ = io.load(path)
    atlas.add(NODES, ThemeNode(id="hobby", label="Tekenen", score=2))
    atlas.add(EDGES, InfluenceLink(id="link-4", source="hobby", target="gezondheid"))
    io.save(atlas, path)
    loaded, _ = io.load(path)
    assert loaded.node("hobby").label == "Tekenen"
    assert {e.id for e in loaded.edges()} == {"link-1", "link-2", "link-3", "link-4"}
