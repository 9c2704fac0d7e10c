"""Format 2 files open as format 3: a closed goal becomes stopped, goals and actions get an
order, and a format 2 file that already holds format 3 fields is refused, not half-read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from netwerkatlas import io
from netwerkatlas.io.errors import AtlasFileError
from netwerkatlas.io.migrations import MigrationRefused, v2_to_v3
from netwerkatlas.model import ACTIONS, GOALS
from netwerkatlas.model.records import Actor, GoalStatus
from netwerkatlas.tools.plan.order import actions_in_order, goals_in_order

V1 = Path(__file__).parent / "fixtures" / "v1" / "netwerkintake-v1.netwerkatlas"


def v2_document() -> dict:
    return {
        "format_version": 2,
        "meta": {"id": "m", "title": "Sanne"},
        "nodes": [
            {"kind": "client", "id": "c", "label": "Sanne"},
            {"kind": "theme", "id": "slapen", "label": "Slapen", "score": -2},
        ],
        "goals": [
            {"id": "g-b", "text": "Weer werken", "created": "2024-03-01", "closed": True},
            {"id": "g-a", "text": "Beter slapen", "created": "2024-01-10", "node_ids": ["slapen"]},
            {"id": "g-c", "text": "Vaker wandelen", "created": "2024-03-01", "closed": False},
        ],
        "actions": [
            {"id": "a-2", "goal_id": "g-a", "actor": "self", "what": "om 23 uur naar bed"},
            {"id": "a-1", "goal_id": "g-a", "actor": "self", "what": "geen koffie na vieren"},
            {"id": "a-3", "goal_id": "g-a", "actor": "close_ones", "who": "Moeder"},
        ],
    }


def write(folder: Path, doc: dict) -> Path:
    path = folder / "oud.netwerkatlas"
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_a_version_2_file_opens_with_status_and_order(tmp_path):
    atlas, report = io.load(write(tmp_path, v2_document()))
    assert report.migrated_from == 2
    assert [n.key for n in report.notices] == ["migrated"]
    statuses = {g.text: g.status for g in atlas.items(GOALS)}
    assert statuses == {
        "Weer werken": GoalStatus.STOPPED,
        "Beter slapen": GoalStatus.ACTIVE,
        "Vaker wandelen": GoalStatus.ACTIVE,
    }
    # the order they were made in: created date, then id
    assert [g.text for g in goals_in_order(atlas)] == [
        "Beter slapen",
        "Weer werken",
        "Vaker wandelen",
    ]
    assert [a.what or a.who for a in actions_in_order(atlas, "g-a")] == [
        "geen koffie na vieren",
        "om 23 uur naar bed",
        "Moeder",
    ]
    assert atlas.get(ACTIONS, "a-3").actor == Actor.CLOSE_ONES
    assert atlas.meta.next_evaluation == ""


def test_saving_writes_format_3_without_closed_and_keeps_the_old_file_as_backup(tmp_path):
    path = write(tmp_path, v2_document())
    original = path.read_bytes()
    atlas, _ = io.load(path)
    io.save(atlas, path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["format_version"] == io.FORMAT_VERSION
    assert all("closed" not in goal for goal in saved["goals"])
    assert {g["id"]: g.get("status", "active") for g in saved["goals"]} == {
        "g-a": "active",
        "g-b": "stopped",
        "g-c": "active",
    }
    assert io.backup_path(path).read_bytes() == original
    again, report = io.load(path)
    assert report.notices == [] and io.dumps(again) == io.dumps(atlas)


def test_the_version_1_path_still_works_through_version_2(tmp_path):
    path = tmp_path / "v1.netwerkatlas"
    shutil.copyfile(V1, path)
    atlas, report = io.load(path)
    assert report.migrated_from == 1
    assert atlas.client.label == "Sanne de Vries"
    assert json.loads(io.dumps(atlas))["format_version"] == io.FORMAT_VERSION


def test_a_bad_closed_value_is_reported_at_closed(tmp_path):
    doc = v2_document()
    doc["goals"][0]["closed"] = "ja"
    with pytest.raises(AtlasFileError) as caught:
        io.load(write(tmp_path, doc))
    assert "goals[0].closed" in caught.value.render()


@pytest.mark.parametrize(
    "edit, place",
    [
        (lambda d: d["goals"][0].update(status="reached"), ("goals", 0, "status")),
        (lambda d: d["goals"][1].update(order=4), ("goals", 1, "order")),
        (lambda d: d["actions"][0].update(order=1), ("actions", 0, "order")),
        (lambda d: d["meta"].update(next_evaluation="2024-06-01"), ("meta", "next_evaluation")),
    ],
)
def test_a_version_2_file_with_version_3_fields_is_refused(tmp_path, edit, place):
    doc = v2_document()
    edit(doc)
    with pytest.raises(MigrationRefused) as refused:
        v2_to_v3(doc)
    assert place in refused.value.places
    with pytest.raises(AtlasFileError):
        io.load(write(tmp_path, doc))


def test_the_migration_does_not_change_its_input():
    doc = v2_document()
    before = json.dumps(doc, sort_keys=True)
    v2_to_v3(doc)
    assert json.dumps(doc, sort_keys=True) == before
