"""Format 5: a version 4 file opens unchanged; the gebeurteniskaart's content (uncertain dates,
spans, who was involved in an event, its view settings) is saved and read back; a version 4 file
that already holds it is refused with its place."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netwerkatlas import io
from netwerkatlas.io.errors import AtlasFileError
from netwerkatlas.io.migrations import MigrationRefused, path_in_original, v4_to_v5
from netwerkatlas.model import EDGES, NODES, EdgeKind, EventNode, InvolvedRelation


def v4_document() -> dict:
    return {
        "format_version": 4,
        "meta": {"id": "m", "title": "Sanne"},
        "nodes": [
            {"kind": "client", "id": "c", "label": "Sanne", "birth_year": 2002},
            {"kind": "person", "id": "opa", "label": "Opa", "deceased": True},
            {"kind": "event", "id": "e", "label": "Overlijden opa", "year": 2022, "score": -2},
        ],
        "edges": [{"kind": "influence", "id": "l", "source": "e", "target": "opa"}],
        "views": {"netwerkintake": {"positions": {"e": [10.0, 20.0]}}},
    }


def write(folder: Path, doc: dict, name: str = "oud.netwerkatlas") -> Path:
    path = folder / name
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_the_current_format_is_5():
    assert io.FORMAT_VERSION == 5


def test_a_version_4_file_opens_with_the_same_content(tmp_path):
    atlas, report = io.load(write(tmp_path, v4_document()))
    assert report.migrated_from == 4 and [n.key for n in report.notices] == ["migrated"]
    event = atlas.node("e")
    assert (event.year, event.approximate, event.end_year, event.end_age) == (
        2022,
        False,
        None,
        None,
    )
    assert atlas.position("netwerkintake", "e") == (10.0, 20.0)
    saved = json.loads(io.dumps(atlas))
    assert saved["format_version"] == 5
    assert saved["nodes"] == sorted(v4_document()["nodes"], key=lambda n: n["id"])
    assert saved["edges"] == v4_document()["edges"]


def test_the_migration_changes_only_the_version():
    doc = v4_document()
    before = json.dumps(doc, sort_keys=True)
    assert v4_to_v5(doc) == {**doc, "format_version": 5}
    assert json.dumps(doc, sort_keys=True) == before


def test_gebeurteniskaart_content_round_trips(tmp_path):
    doc = v4_document()
    doc["format_version"] = 5
    doc["nodes"][2].update(year=1990, end_year=1999, approximate=True)
    doc["nodes"].append({"kind": "event", "id": "f", "label": "Gepest", "age": 10, "end_age": 12})
    doc["edges"].append(
        {"kind": "involved", "id": "i", "source": "e", "target": "opa", "role": "was er"}
    )
    doc["views"]["gebeurteniskaart"] = {
        "settings": {"axis": "age", "lanes": True, "lane_people": ["opa"], "family": True}
    }
    path = write(tmp_path, doc)
    atlas, report = io.load(path)
    assert report.notices == []
    involved = atlas.edge("i")
    assert isinstance(involved, InvolvedRelation) and involved.kind == EdgeKind.INVOLVED
    assert (involved.source, involved.target, involved.role) == ("e", "opa", "was er")
    assert atlas.node("f").end_age == 12
    assert atlas.view_setting("gebeurteniskaart", "lane_people") == ["opa"]
    io.save(atlas, path)
    again, _ = io.load(path)
    assert io.dumps(again) == path.read_bytes()


@pytest.mark.parametrize(
    ("setting", "value"), [("axis", 3), ("lanes", "ja"), ("lane_people", "opa"), ("family", 1)]
)
def test_a_gebeurteniskaart_setting_that_does_not_fit_is_a_remark(tmp_path, setting, value):
    doc = v4_document()
    doc["format_version"] = 5
    doc["views"]["gebeurteniskaart"] = {"settings": {setting: value}}
    atlas, report = io.load(write(tmp_path, doc))
    assert report.notices, "a wrong setting is reported"
    assert atlas.view_setting("gebeurteniskaart", setting) is None  # the view uses its default


def test_a_span_that_ends_before_it_starts_is_reported_at_its_place(tmp_path):
    doc = v4_document()
    doc["format_version"] = 5
    doc["nodes"][2]["end_year"] = 2020
    with pytest.raises(AtlasFileError) as caught:
        io.load(write(tmp_path, doc))
    message = caught.value.render()
    assert "nodes[2].end_year: 2020 is te klein; het laagste dat mag is 2022" in message


@pytest.mark.parametrize("field", ["approximate", "end_year", "end_age"])
def test_a_version_4_file_with_version_5_event_fields_is_refused(tmp_path, field):
    doc = v4_document()
    doc["nodes"][2][field] = 2023 if field == "end_year" else True if field == "approximate" else 3
    with pytest.raises(MigrationRefused) as refused:
        v4_to_v5(doc)
    assert ("nodes", 2, field) in refused.value.places
    path = write(tmp_path, doc)
    before = path.read_bytes()
    with pytest.raises(AtlasFileError) as caught:
        io.load(path)
    assert "nieuwere indeling" in caught.value.render()
    assert path.read_bytes() == before


def test_a_version_4_file_with_an_involved_edge_is_refused(tmp_path):
    doc = v4_document()
    doc["edges"].append({"kind": "involved", "id": "i", "source": "e", "target": "opa"})
    with pytest.raises(MigrationRefused) as refused:
        v4_to_v5(doc)
    assert refused.value.places == [("edges", 1, "kind")]
    doc = v4_document()
    doc["sessions"] = [
        {"id": "s", "snapshot": {"edges": [{"kind": "involved", "id": "i", "source": "e"}]}}
    ]
    with pytest.raises(MigrationRefused) as refused:
        v4_to_v5(doc)
    assert refused.value.places == [("sessions", 0, "snapshot", "edges", 0, "kind")]


def test_errors_in_a_version_4_file_point_into_that_file():
    assert path_in_original(("nodes", 2, "year"), 4, 5) == ("nodes", 2, "year")
    assert path_in_original(("sessions", 0, "snapshot_v3"), 3, 5) == ("sessions", 0, "snapshot")


def test_an_involved_edge_is_an_edge_like_the_others():
    from netwerkatlas.model import Atlas, PersonNode

    atlas = Atlas()
    atlas.add(NODES, EventNode(id="e", label="Verhuizing"))
    atlas.add(NODES, PersonNode(id="p", name="Fleur"))
    atlas.add(EDGES, InvolvedRelation(id="i", source="e", target="p"))
    assert [e.id for e in atlas.edges(EdgeKind.INVOLVED)] == ["i"]
    assert [e.id for e in atlas.edges_of("p")] == ["i"]


TIMES = ["", "1998", "ca. 1998", "jaren 90", "2009-2011", "maart 2014", "12-3-2014", "14 jaar"]
TIMES += ["12-14 jaar", "ca. 14 jaar", "0 jaar"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(TIMES),
            st.lists(st.sampled_from(["c", "opa", "oma"]), unique=True),
            st.text(max_size=8),
        ),
        max_size=6,
    )
)
def test_any_events_and_people_involved_survive_a_save_and_load(events):
    from netwerkatlas.model import Atlas, ClientNode, PersonNode
    from netwerkatlas.tools.gebeurteniskaart import people
    from netwerkatlas.tools.gebeurteniskaart.dates import parse

    atlas = Atlas(ClientNode(id="c", name="Sanne", birth_year=2002))
    atlas.add(NODES, PersonNode(id="opa", name="Opa"))
    atlas.add(NODES, PersonNode(id="oma", name="Oma"))
    for number, (when, involved, role) in enumerate(events):
        event_id = f"e{number}"
        atlas.add(NODES, EventNode(id=event_id, label=when or "?", **parse(when)))
        for person in involved:
            edge_id = people.ordered_id()
            atlas.add(
                EDGES, InvolvedRelation(id=edge_id, source=event_id, target=person, role=role)
            )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rond.netwerkatlas"
        io.save(atlas, path)
        again, report = io.load(path)
    assert report.notices == []
    assert io.dumps(again) == io.dumps(atlas)
    for number, (_, involved, _) in enumerate(events):
        assert people.involved(again, f"e{number}") == involved
