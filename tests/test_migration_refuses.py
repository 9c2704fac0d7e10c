"""A migration that would drop content refuses, with a message saying why and what to do.

A newer file whose `format_version` was set to 1 by hand used to be "migrated" to an empty atlas
(13 bollen became 1) with the notice that nothing needed doing, and the next save overwrote it.
Every field of a version 1 file is now carried over, renamed or deliberately mapped; what has no
place stops the load, and the file is left as it was."""

import json
from pathlib import Path

import pytest

from netwerkatlas import i18n, io
from netwerkatlas.io.errors import AtlasFileError
from netwerkatlas.resources import examples

V1 = Path(__file__).parent / "fixtures" / "v1" / "netwerkintake-v1.netwerkatlas"


def refused(path):
    before = path.read_bytes()
    with pytest.raises(AtlasFileError) as caught:
        io.load(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    return caught.value


def write(tmp_path, doc, name="atlas.netwerkatlas"):
    path = tmp_path / name
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("example", examples(), ids=lambda p: p.stem)
def test_an_example_relabelled_as_version_1_is_refused_not_emptied(tmp_path, example):
    doc = json.loads(example.read_bytes())
    assert len(doc["nodes"]) > 1
    doc["format_version"] = 1
    error = refused(write(tmp_path, doc))
    assert {p.key for p in error.problems} == {"migration_newer_content"}
    assert "nodes" in {p.where for p in error.problems}
    assert all(p.line is not None for p in error.problems)
    message = error.render()
    assert "nieuwere indeling" in message and "format_version" in message
    assert "U hoeft niets te doen" not in message and "kolom ?" not in message
    i18n.set_language("en")
    try:
        assert "newer format" in error.render()
    finally:
        i18n._language = "nl"


def v1():
    return json.loads(V1.read_bytes())


@pytest.mark.parametrize(
    ("spoil", "where"),
    [
        (lambda d: d["bollen"][0].update(kind="person"), "bollen[0].kind"),  # type says thema
        (lambda d: d["links"][1].update(source="moeder"), "links[1].source"),
        (lambda d: d["links"][0].update(kind="partner"), "links[0].kind"),
        (lambda d: d["client"].update(kind="person"), "client.kind"),
        (lambda d: d["layout"]["werk"].update(z=3), "layout.werk.z"),
        (lambda d: d.update(views={"genogram": {}}), "views"),
        (lambda d: d.update(goals=[]), "goals"),
    ],
)
def test_v1_content_the_migration_has_no_place_for_is_refused(tmp_path, spoil, where):
    doc = v1()
    spoil(doc)
    (problem,) = refused(write(tmp_path, doc)).problems
    assert (problem.key, problem.where) == ("migration_newer_content", where)
    assert problem.line is not None


def test_unknown_fields_of_v1_records_are_carried_over_not_dropped(tmp_path):
    doc = v1()
    doc["client"]["note"] = "Woont sinds kort in Zwolle."
    doc["client"]["kleur"] = "blauw"
    doc["links"][0]["sterkte"] = 3
    doc["bollen"][0]["kleur"] = "rood"
    doc["toekomst"] = {"a": 1}
    path = write(tmp_path, doc)
    atlas, report = io.load(path)
    assert report.migrated_from == 1
    assert atlas.client.note == "Woont sinds kort in Zwolle."
    assert atlas.client.model_extra == {"kleur": "blauw"}
    assert atlas.edge("link-1").model_extra == {"sterkte": 3}
    assert atlas.node("werk").model_extra == {"kleur": "rood"}
    assert atlas.extra == {"toekomst": {"a": 1}}
    io.save(atlas, path)
    again, _ = io.load(path)
    assert io.dumps(again) == io.dumps(atlas)


def test_the_real_v1_file_still_migrates_with_its_notice():
    atlas, report = io.load(V1)
    assert len(atlas) == 7
    assert [n.key for n in report.notices] == ["migrated"]
