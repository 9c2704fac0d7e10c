"""What JSON can hold but a file cannot is refused with its place; saving never raises anything
but `AtlasFileError`; `validate` prints every message without a traceback, whatever the bytes
and the terminal; and a file with a million problems costs no more than its first twenty."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from netwerkatlas import io
from netwerkatlas.io.limits import MAX_DEPTH
from netwerkatlas.model import PLANS
from netwerkatlas.resources import assets_dir

EXAMPLE = assets_dir() / "examples" / "netwerkintake-sanne.netwerkatlas"


def example() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def write(tmp_path: Path, doc: dict, name: str = "kapot.netwerkatlas") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")  # ensure_ascii: \ud800 stays
    return path


def nested(depth: int) -> object:
    value: object = 1
    for _ in range(depth):
        value = {"a": [value]} if depth % 2 else [value]
    return value


def refusal(path: Path) -> str:
    with pytest.raises(io.AtlasFileError) as caught:
        io.load(path)
    text = caught.value.render()
    text.encode("utf-8")  # printable: no lone surrogate left in the message
    assert str(path) in text
    return text


@pytest.mark.parametrize(
    "place, where",
    [
        (lambda d: d["nodes"][1].update(note="ab\ud800c"), "nodes[1].note"),
        (lambda d: d.update(toekomst={"x": ["\udfff"]}), "toekomst.x[0]"),
        (lambda d: d["plans"].append({"id": "p", "kind": "x", "body": {"k": "\ud800"}}), "body.k"),
        (lambda d: d["views"]["netwerkintake"]["settings"].update({"v\udc00": 1}), "settings.v"),
    ],
    ids=["note", "unknown field", "plan body", "key"],
)
def test_a_lone_surrogate_is_refused_on_load_with_its_place(tmp_path, place, where):
    doc = example()
    place(doc)
    text = refusal(write(tmp_path, doc))
    assert where in text
    assert "ongeldig teken" in text and "regel" in text


@pytest.mark.parametrize("field", ["toekomst", "plans"])
def test_nesting_deeper_than_the_limit_is_refused_with_its_line(tmp_path, field):
    doc = example()
    if field == "plans":
        doc["plans"].append({"id": "p", "kind": "x", "body": {"deep": nested(200)}})
    else:
        doc["toekomst"] = nested(256)
    text = refusal(write(tmp_path, doc))
    assert f"meer dan {MAX_DEPTH} lagen" in text and "regel" in text


def test_nesting_as_deep_as_json_goes_is_refused_not_a_recursion_error(tmp_path):
    path = tmp_path / "diep.netwerkatlas"
    path.write_text('{"format_version": 2, "x": ' + "[" * 100_000 + "]" * 100_000 + "}")
    text = refusal(path)
    assert "lagen diep" in text and "kolom" in text


def test_nesting_up_to_the_limit_still_loads_and_saves(tmp_path):
    doc = example()
    doc["plans"].append({"id": "p", "kind": "x", "body": {"deep": nested(40)}})
    atlas, _ = io.load(write(tmp_path, doc))
    io.save(atlas, tmp_path / "weer.netwerkatlas")
    assert io.load(tmp_path / "weer.netwerkatlas")[0].items(PLANS)


def test_an_atlas_no_file_can_hold_fails_to_save_with_a_message_and_writes_nothing(tmp_path):
    atlas, _ = io.load(EXAMPLE)
    atlas.extra["toekomst"] = nested(300)
    atlas.extra["notitie"] = "kapot \ud800"
    target = tmp_path / "sanne.netwerkatlas"
    with pytest.raises(io.AtlasFileError) as caught:
        io.save(atlas, target)
    text = caught.value.render()
    text.encode("utf-8")
    assert "niet opslaan" in text and "notitie" in text and "lagen diep" in text
    assert list(tmp_path.iterdir()) == []


def test_the_window_shows_a_save_that_cannot_be_written(window, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda title, text: shown.append(text))
    window.document.atlas.extra["notitie"] = "kapot \ud800"
    assert window._save_to(tmp_path / "sanne.netwerkatlas") is False
    assert shown and "notitie" in shown[0]
    assert not (tmp_path / "sanne.netwerkatlas").exists()


def run_validate(paths: list[Path], encoding: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "NETWERKATLAS_LANG": "nl"}
    return subprocess.run(
        [sys.executable, "-m", "netwerkatlas", "validate", *map(str, paths)],
        capture_output=True,
        env=env,
        check=False,
    )


@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
def test_validate_prints_a_surrogate_and_deep_nesting_without_a_traceback(tmp_path, encoding):
    doc = example()
    doc["nodes"][1]["label"] = "\ud800"
    surrogate = write(tmp_path, doc, "surrogaat.netwerkatlas")
    deep = tmp_path / "diep.netwerkatlas"  # near the depth Python's JSON reader accepts
    text = json.dumps(example())
    deep.write_text(text[:-1] + ', "toekomst": ' + "[" * 990 + "1" + "]" * 990 + "}")
    result = run_validate([surrogate, deep], encoding)
    out = result.stdout.decode("utf-8")
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr + result.stdout
    assert "nodes[1].label" in out and "\\ud800" in out
    assert "diep.netwerkatlas" in out and "lagen diep" in out


def test_a_million_problems_cost_no_more_than_the_twenty_shown(tmp_path):
    doc = example()
    doc["nodes"] += [{}] * 30_000
    doc["edges"] += [{"kind": "influence"}] * 2_000
    with pytest.raises(io.AtlasFileError) as caught:
        io.load(write(tmp_path, doc))
    error = caught.value
    assert len(error.problems) <= 21
    # every missing kind and each edge's missing id, source and target are counted
    assert error.total == 30_000 + 3 * 2_000
    assert "en nog 35980 andere problemen" in error.render()
    assert "regel" in error.problems[0].render()


def test_an_atlas_with_more_records_than_a_chunk_opens_whole_and_saves_the_same_bytes(tmp_path):
    """Long record lists are validated in chunks; a good file still opens with every record,
    each checked, and saves back byte for byte."""
    doc = example()
    client = next(n["id"] for n in doc["nodes"] if n["kind"] == "client")
    people = [{"id": f"p{i:04}", "kind": "person", "label": f"Persoon {i}"} for i in range(1500)]
    links = [
        {"id": f"l{i:04}", "kind": "influence", "source": f"p{i:04}", "target": client}
        for i in range(1200)
    ]
    doc["nodes"] += people
    doc["edges"] += links
    atlas, _ = io.load(write(tmp_path, doc, "groot.netwerkatlas"))
    assert len(list(atlas.nodes())) == len(doc["nodes"])
    assert len(list(atlas.edges())) == len(doc["edges"])
    assert atlas.node("p1499").label == "Persoon 1499"
    saved = tmp_path / "opnieuw.netwerkatlas"
    io.save(atlas, saved)
    again, _ = io.load(saved)
    assert io.dumps(again) == saved.read_bytes()
    assert {n.id for n in again.nodes()} == {n.id for n in atlas.nodes()}

    doc["edges"][-1] = {**links[-1], "note": 5}  # one bad record, in the last chunk
    with pytest.raises(io.AtlasFileError) as caught:
        io.load(write(tmp_path, doc, "een-fout.netwerkatlas"))
    assert caught.value.total == 1
    assert f"edges[{len(doc['edges']) - 1}].note" in caught.value.render()
