"""Format 4: a version 3 file, whose session snapshots were free-form, opens as before; what its
snapshots held is kept as it was, and the sessions can be followed up from there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netwerkatlas import io
from netwerkatlas.commands import UndoStack, UpdateItem
from netwerkatlas.io.errors import AtlasFileError
from netwerkatlas.io.migrations import MigrationRefused, v3_to_v4
from netwerkatlas.model import NODES, SESSIONS
from netwerkatlas.tools.sessions.edits import start_follow_up
from netwerkatlas.tools.sessions.history import atlas_at, current_session, sessions_in_order


def v3_document() -> dict:
    return {
        "format_version": 3,
        "meta": {"id": "m", "title": "Sanne", "created": "2024-01-10"},
        "nodes": [
            {"kind": "client", "id": "c", "label": "Sanne"},
            {"kind": "theme", "id": "slapen", "label": "Slapen", "score": -2},
        ],
        "sessions": [
            {"id": "s-1", "date": "2024-01-10", "label": "Intake", "kind": "intake"},
            {
                "id": "s-2",
                "date": "2024-04-10",
                "label": "Vervolg",
                "snapshot": {"aantal bollen": 2, "notitie": ["vrij", {"x": 1.5}]},
            },
        ],
    }


def write(folder: Path, doc: dict) -> Path:
    path = folder / "oud.netwerkatlas"
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_a_version_3_file_opens_and_keeps_its_free_form_snapshot(tmp_path):
    path = write(tmp_path, v3_document())
    atlas, report = io.load(path)
    assert report.migrated_from == 3 and [n.key for n in report.notices] == ["migrated"]
    session = atlas.get(SESSIONS, "s-2")
    assert session.snapshot is None
    assert session.snapshot_v3 == {
        "aantal bollen": 2,
        "notitie": ["vrij", {"x": 1.5}],
    }
    assert current_session(atlas).id == "s-2"
    io.save(atlas, path)
    saved = json.loads(path.read_bytes())
    assert saved["format_version"] == io.FORMAT_VERSION
    assert saved["sessions"][1]["snapshot_v3"] == v3_document()["sessions"][1]["snapshot"]
    assert "snapshot" not in saved["sessions"][1]
    again, report = io.load(path)
    assert io.dumps(again) == path.read_bytes() and report.notices == []


def test_sessions_of_a_version_3_file_can_be_followed_up(tmp_path):
    atlas, _ = io.load(write(tmp_path, v3_document()))
    then = io.dumps(atlas)
    stack = UndoStack(atlas)
    stack.push(start_follow_up(atlas, "2024-07-10"))
    stack.push(UpdateItem(NODES, "slapen", {"score": 0}))
    intake, follow_up, _ = sessions_in_order(atlas)
    assert atlas_at(atlas, follow_up.id).node("slapen").score == -2
    # a session whose state was never kept shows the state of the next one that was
    assert atlas_at(atlas, intake.id).node("slapen").score == -2
    stack.undo()
    stack.undo()
    assert io.dumps(atlas) == then


@pytest.mark.parametrize("field", ["snapshot_v3", "present"])
def test_a_version_3_file_with_version_4_fields_is_refused(tmp_path, field):
    doc = v3_document()
    doc["sessions"][0][field] = ["Fleur"]
    with pytest.raises(MigrationRefused) as refused:
        v3_to_v4(doc)
    assert ("sessions", 0, field) in refused.value.places
    with pytest.raises(AtlasFileError):
        io.load(write(tmp_path, doc))


def test_a_snapshot_that_does_not_fit_format_4_names_its_place(tmp_path):
    doc = v3_document()
    doc["format_version"] = 4
    doc["sessions"][1]["snapshot"] = {"nodes": [{"kind": "theme", "label": "zonder id"}]}
    with pytest.raises(AtlasFileError) as caught:
        io.load(write(tmp_path, doc))
    message = caught.value.render()
    assert "sessions" in message and "snapshot" in message


def test_the_migration_does_not_change_its_input():
    doc = v3_document()
    before = json.dumps(doc, sort_keys=True)
    v3_to_v4(doc)
    assert json.dumps(doc, sort_keys=True) == before


def followed_up_document(tmp_path) -> dict:
    atlas, _ = io.load(write(tmp_path, v3_document()))
    stack = UndoStack(atlas)
    stack.push(start_follow_up(atlas, "2024-07-10"))
    stack.push(UpdateItem(NODES, "slapen", {"score": 0}))
    stack.push(start_follow_up(atlas, "2024-10-10"))
    return json.loads(io.dumps(atlas))


@pytest.mark.parametrize("broken", ["elsewhere", "loop"])
def test_a_broken_chain_of_snapshots_is_refused_with_its_place(tmp_path, broken):
    doc = followed_up_document(tmp_path)
    differences = [s for s in doc["sessions"] if s.get("snapshot", {}).get("against")]
    whole = next(s for s in doc["sessions"] if "snapshot" in s and "against" not in s["snapshot"])
    if broken == "elsewhere":
        differences[0]["snapshot"]["against"] = "een-sessie-die-er-niet-is"
    else:
        whole["snapshot"]["against"] = differences[0]["id"]
    path = tmp_path / "kapot.netwerkatlas"
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    with pytest.raises(AtlasFileError) as caught:
        io.load(path)
    message = caught.value.render()
    assert "against" in message
    assert ("bestaat niet" if broken == "elsewhere" else "in een kring") in message
