"""Every kind of bad file gives a readable `AtlasFileError`, and reading never writes anything.

Each case checks the problem's key, where it points (JSON path and line) when the file has such a
place, that the rendered message names the file in Dutch and in English, and that the folder is
byte for byte, mtime for mtime the same afterwards: no temporary file, no backup, no "repair".
"""

import builtins
import contextlib
import copy
import json
import os
import random
import re
import stat
import string
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netwerkatlas import i18n, io
from netwerkatlas.cli import main
from netwerkatlas.io import reading
from netwerkatlas.io.errors import AtlasFileError
from netwerkatlas.model import ACTIONS, EDGES, EVALUATIONS, GOALS, NODES, SESSIONS, Atlas
from netwerkatlas.model.records import (
    Action,
    AtlasMeta,
    ClientNode,
    EmotionalRelation,
    Evaluation,
    EventNode,
    Goal,
    InfluenceLink,
    ParentChildRelation,
    PersonNode,
    Session,
    SupportRelation,
    ThemeNode,
)

SRC = Path(__file__).resolve().parents[1] / "src" / "netwerkatlas"
BAD = "bad.netwerkatlas"


# --- a known good atlas and ways to spoil it ----------------------------------------------------


def good_atlas():
    """Nodes in file order (sorted by id): client, e-verhuizing, p-moeder, p-vader, t-geld,
    t-werk. Edges: e-1 .. e-4."""
    atlas = Atlas(
        ClientNode(id="client", label="Sanne", name="Sanne de Vries", birth_year=1994),
        AtlasMeta(id="meta", title="Netwerk van Sanne", created="2024-03-01"),
    )
    atlas.add(NODES, PersonNode(id="p-moeder", label="Moeder", score=2, birth_year=1960))
    atlas.add(NODES, PersonNode(id="p-vader", label="Vader", score=-1, gender="male"))
    atlas.add(NODES, ThemeNode(id="t-werk", label="Werk", score=-2, emphasis=True))
    atlas.add(NODES, ThemeNode(id="t-geld", label="Geld & schulden", note="Zoë helpt"))
    atlas.add(NODES, EventNode(id="e-verhuizing", label="Verhuizing", year=2019))
    atlas.add(EDGES, InfluenceLink(id="e-1", source="t-werk", target="client"))
    atlas.add(EDGES, ParentChildRelation(id="e-2", source="p-moeder", target="client"))
    atlas.add(EDGES, SupportRelation(id="e-3", source="p-vader", target="client"))
    atlas.add(EDGES, EmotionalRelation(id="e-4", source="p-moeder", target="p-vader"))
    atlas.add(GOALS, Goal(id="g-1", text="Weer aan het werk", node_ids=("t-werk",)))
    atlas.add(SESSIONS, Session(id="s-1", date="2024-03-01", kind="intake"))
    atlas.add(ACTIONS, Action(id="a-1", goal_id="g-1", who_id="p-moeder", what="meegaan"))
    atlas.add(EVALUATIONS, Evaluation(id="ev-1", goal_id="g-1", session_id="s-1", score=3))
    atlas.set_positions(
        "netwerkintake",
        {
            "client": (0, 0),
            "p-moeder": (-120.5, 80),
            "p-vader": (130, 75.25),
            "t-werk": (0, -150),
            "t-geld": (90, -110),
            "e-verhuizing": (-100, -100),
        },
    )
    return atlas


GOOD_BYTES = io.dumps(good_atlas())
NODE_ORDER = ["client", "e-verhuizing", "p-moeder", "p-vader", "t-geld", "t-werk"]


def good_doc():
    return json.loads(GOOD_BYTES)


def text_of(doc):
    return json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def record_start(text, record_id):
    """1-based line of the `{` that opens the record with this id."""
    lines = text.split("\n")
    line = line_of(text, f'"id": "{record_id}"')
    while lines[line - 1].strip() != "{":
        line -= 1
    return line


def line_of(text, needle, occurrence=None, after=1):
    """1-based line (from line `after` on) that contains `needle`: the only one, or the
    `occurrence`-th."""
    found = [i for i, line in enumerate(text.split("\n"), 1) if needle in line and i >= after]
    if occurrence is None:
        assert len(found) == 1, f"{needle!r} is on lines {found}"
        return found[0]
    assert len(found) >= occurrence, f"{needle!r} is on lines {found}"
    return found[occurrence - 1]


@pytest.fixture
def folder(tmp_path):
    """A folder with a good atlas, its backup and an unrelated file, to prove nothing moves."""
    atlas = good_atlas()
    io.save(atlas, tmp_path / "goed.netwerkatlas")
    atlas.update_meta({"title": "tweede versie"})
    io.save(atlas, tmp_path / "goed.netwerkatlas")
    (tmp_path / "notities.txt").write_text("niet aankomen\n", encoding="utf-8")
    return tmp_path


def snapshot(folder):
    """Names, types, bytes, modes and mtimes of everything in `folder`, hidden files too."""
    found = {}
    for entry in os.scandir(folder):
        info = entry.stat(follow_symlinks=False)
        content = None
        if stat.S_ISREG(info.st_mode) and info.st_mode & stat.S_IRUSR:
            with builtins.open(entry.path, "rb") as f:
                content = f.read()
        found[entry.name] = (
            stat.S_IFMT(info.st_mode),
            stat.S_IMODE(info.st_mode),
            info.st_mtime_ns,
            content,
        )
    return found


def render_in(language, error):
    saved = i18n._language
    i18n.set_language(language)
    try:
        return error.render()
    finally:
        i18n._language = saved


def fails(path, key, *, where=None, line=None, only=True, folder=None, patch=None):
    """Load `path`, expect an AtlasFileError with a problem `key`; check nothing was written.

    `where` and `line` are checked when given (use "" / None to demand that there is none).
    Returns the problem and the rendered Dutch message."""
    folder = folder or path.parent
    before = snapshot(folder)
    with pytest.raises(AtlasFileError) as caught:
        if patch:
            with patch():
                io.load(path)
        else:
            io.load(path)
    after = snapshot(folder)
    assert after == before, "reading a file changed the folder"
    leftovers = [n for n in after if n.endswith((".tmp", ".bak-tmp"))]
    assert leftovers == []

    error = caught.value
    assert error.writing is False
    assert error.path == Path(path)
    keys = [p.key for p in error.problems]
    if only:
        assert keys == [key]
    else:
        assert key in keys
    problem = error.problems[keys.index(key)]
    if where is not None:
        assert problem.where == where
    if line is not None:
        assert problem.line == line
        assert f"regel {line}" in problem.render()

    dutch = error.render()
    assert str(error) == dutch
    assert dutch.startswith(f"Kan „{path}” niet openen.\n")
    assert problem.what() in dutch
    assert "Wat u kunt doen:" in dutch
    english = render_in("en", error)
    assert english.startswith(f"Cannot open “{path}”.\n")
    for text in (dutch, english):
        untranslated = re.findall(r"\b(?:problem|hint|error|where)\.[a-z_.]+\b", text)
        assert untranslated == [], f"message ids instead of words: {untranslated}"
    return problem, dutch


def write(folder, content, name=BAD):
    path = folder / name
    if isinstance(content, dict):
        content = text_of(content)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


# --- the good file is good ----------------------------------------------------------------------


def test_the_good_file_loads(folder):
    path = write(folder, GOOD_BYTES)
    atlas, report = io.load(path)
    assert io.dumps(atlas) == GOOD_BYTES
    assert report.notices == []
    assert [n.id for n in sorted(atlas.nodes(), key=lambda n: n.id)] == NODE_ORDER
    # text_of() writes what dumps writes, except for the one-line number pairs
    atlas, _ = io.load(write(folder, good_doc()))
    assert io.dumps(atlas) == GOOD_BYTES


# --- not JSON -----------------------------------------------------------------------------------


def test_truncated_file(folder):
    half = GOOD_BYTES[: len(GOOD_BYTES) // 2]
    path = write(folder, half)
    _, message = fails(path, "truncated", line=half.count(b"\n") + 1)
    assert "halverwege" in message


def test_a_file_cut_off_anywhere_is_reported_as_truncated(tmp_path):
    """Wherever a save or copy stopped (inside a word, a number, `true`, or an accented
    character), the user is told the file is incomplete, and on which line it stops."""
    atlas = Atlas(ClientNode(id="c", label="Zoë", emphasis=True), AtlasMeta(id="m"))
    atlas.add(NODES, ThemeNode(id="t", label="wérk 😀", score=-1, private=True))
    atlas.set_positions("v", {"t": (-12.5, 3)})
    data = io.dumps(atlas)
    path = tmp_path / BAD
    wrong = {}
    for cut in range(1, len(data) - 1):  # the last cut only drops the final newline: valid
        path.write_bytes(data[:cut])
        with pytest.raises(AtlasFileError) as caught:
            io.load(path)
        (problem,) = caught.value.problems
        key = problem.key
        if key == "truncated" and (problem.line is None or "?" in problem.render()):
            key = "truncated, but without its line"
        if key != "truncated":
            wrong.setdefault(key, []).append(data[:cut][-12:])
    summary = {key: f"{len(ends)} cuts, e.g. ending in {ends[:3]}" for key, ends in wrong.items()}
    assert summary == {}, "cut-off files not reported as truncated at their last line"


def test_bad_json_in_the_middle(folder):
    text = text_of(good_doc())
    line = line_of(text, '"label": "Moeder",')
    lines = text.split("\n")
    lines[line - 1] = lines[line - 1].replace('"Moeder",', '"Moeder",,')
    path = write(folder, "\n".join(lines))
    problem, message = fails(path, "bad_json", line=line)
    assert problem.values["column"] == lines[line - 1].index(",,") + 2
    assert f"regel {line}" in message
    assert "met de hand bewerkt" in message


@pytest.mark.parametrize(
    ("spoil", "column"),
    [
        (lambda t: t[:-2] + ",\n}\n", 1),  # a trailing comma after the last field
        (lambda t: t + "}\n", 1),  # one closing brace too many
        (lambda t: t + "xyz\n", 1),  # something typed after the end
    ],
    ids=["trailing-comma", "extra-brace", "text-after-the-end"],
)
def test_a_whole_file_with_a_syntax_error_at_its_end_is_not_called_truncated(folder, spoil, column):
    """Hand edits go wrong near the end too; such a file is whole, not cut off."""
    text = spoil(GOOD_BYTES.decode("utf-8"))
    line = len(text.rstrip("\n").split("\n"))  # the error is on the last line
    problem, message = fails(write(folder, text), "bad_json", line=line)
    assert problem.values["column"] == column
    assert "halverwege" not in message


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  \n"], ids=["empty", "whitespace"])
def test_empty_file(folder, content):
    _, message = fails(write(folder, content), "empty")
    assert "leeg" in message


def test_binary_garbage(folder):
    garbage = random.Random(20240301).randbytes(4096)
    assert not garbage.startswith((b"%PDF", b"PK", b"\x89PNG", b"\xff\xd8", b"GIF8", b"\x1f\x8b"))
    problem, _ = fails(write(folder, garbage), "not_text")
    assert isinstance(problem.values["offset"], int)


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP / Office"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"\x1f\x8b\x08\x00", "gzip"),
    ],
)
def test_other_file_types(folder, header, kind):
    content = header + random.Random(7).randbytes(2000)
    problem, message = fails(write(folder, content), "other_file_type")
    assert problem.values == {"type": kind}
    assert f"dit is een {kind}-bestand" in message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text(folder, encoding):
    fails(write(folder, GOOD_BYTES.decode("utf-8").encode(encoding)), "not_text")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300) | st.text(max_size=200).map(str.encode))
def test_any_bytes_give_a_readable_error_and_write_nothing(content):
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = write(folder, content)
        before = snapshot(folder)
        with pytest.raises(AtlasFileError) as caught:
            io.load(path)
        assert snapshot(folder) == before
        assert caught.value.render().startswith(f"Kan „{path}” niet openen.")


# --- JSON, but not an atlas ---------------------------------------------------------------------


@pytest.mark.parametrize("content", ["[1, 2, 3]", "42", '"atlas"', "null", "[]"])
def test_not_an_object_at_the_top(folder, content):
    _, message = fails(write(folder, content + "\n"), "not_an_atlas", line=1)
    assert "geen Netwerkatlas-bestand" in message


def test_missing_format_version(folder):
    doc = good_doc()
    del doc["format_version"]
    _, message = fails(write(folder, doc), "no_version")
    assert "format_version" in message


@pytest.mark.parametrize("version", ["2", 0, -1, 1.5, True, None])
def test_bad_format_version(folder, version):
    doc = good_doc()
    doc["format_version"] = version
    problem, message = fails(write(folder, doc), "bad_version")
    shown = repr(version) if isinstance(version, str) else json.dumps(version)
    assert problem.values["value"] == shown  # a string "2" must not read as the number 2
    assert f"formaatversie {shown}" in message


def test_string_version_points_at_the_field(folder):
    doc = good_doc()
    doc["format_version"] = "2"
    fails(write(folder, doc), "bad_version", where="format_version")


def test_newer_version(folder):
    doc = good_doc()
    doc["format_version"] = 99
    doc["nodes"][0]["hologram"] = True
    problem, message = fails(write(folder, doc), "newer_version")
    assert problem.values == {"version": 99, "supported": io.FORMAT_VERSION}
    assert "nieuwere Netwerkatlas (formaat 99)" in message
    assert "Werk Netwerkatlas bij" in message
    assert "Update Netwerkatlas" in render_in("en", AtlasFileError(folder / BAD, [problem]))


# --- schema errors: the path and the line of the bad value ----------------------------------------


def node(doc, node_id):
    index = NODE_ORDER.index(node_id)
    assert doc["nodes"][index]["id"] == node_id
    return index, doc["nodes"][index]


@pytest.mark.parametrize(
    ("field", "value", "key", "needle"),
    [
        ("score", "veel", "schema.not_whole_number", '"score": "veel"'),
        ("score", 1.5, "schema.not_whole_number", '"score": 1.5'),
        ("score", 3, "schema.too_big", '"score": 3'),
        ("score", -3, "schema.too_small", '"score": -3'),
        ("label", 5, "schema.not_text", '"label": 5'),
        ("emphasis", "ja", "schema.not_bool", '"emphasis": "ja"'),
        ("gender", "vrouw", "schema.choice", '"gender": "vrouw"'),
        ("birth_year", 12345, "schema.too_big", '"birth_year": 12345'),
    ],
)
def test_wrong_value_in_a_node(folder, field, value, key, needle):
    doc = good_doc()
    index, record = node(doc, "p-moeder")
    record[field] = value
    text = text_of(doc)
    line = line_of(text, needle, after=record_start(text, "p-moeder"))
    problem, message = fails(write(folder, text), key, where=f"nodes[{index}].{field}", line=line)
    assert problem.where == "nodes[2]." + field
    shown = json.dumps(value) if not isinstance(value, str) else repr(value)
    assert shown in message


def test_score_too_big_and_too_small_say_the_limit(folder):
    doc = good_doc()
    node(doc, "p-moeder")[1]["score"] = 3
    node(doc, "t-werk")[1]["score"] = -3
    text = text_of(doc)
    path = write(folder, text)
    with pytest.raises(AtlasFileError) as caught:
        io.load(path)
    found = {(p.key, p.where, p.line) for p in caught.value.problems}
    assert found == {
        (
            "schema.too_big",
            "nodes[2].score",
            line_of(text, '"score": 3', after=line_of(text, '"id": "p-moeder"')),
        ),
        ("schema.too_small", "nodes[5].score", line_of(text, '"score": -3')),
    }
    message = caught.value.render()
    assert "3 is te groot; het hoogste dat mag is 2." in message
    assert "-3 is te klein; het laagste dat mag is -2." in message


@pytest.mark.parametrize("name", ["nodes", "edges", "goals", "views"])
def test_collection_of_the_wrong_type(folder, name):
    doc = good_doc()
    doc[name] = "geen lijst"
    text = text_of(doc)
    key = "schema.not_object" if name == "views" else "schema.not_list"
    _, message = fails(
        write(folder, text), key, where=name, line=line_of(text, f'"{name}": "geen lijst"')
    )
    assert "'geen lijst'" in message


def test_missing_required_field(folder):
    doc = good_doc()
    del doc["edges"][1]["source"]
    text = text_of(doc)
    # a missing field has no line of its own: the error points at its record
    fails(
        write(folder, text),
        "schema.missing",
        where="edges[1].source",
        line=record_start(text, "e-2"),
    )


def test_enormous_label(folder):
    doc = good_doc()
    index, record = node(doc, "t-werk")
    record["label"] = "a" * 1_000_000
    text = text_of(doc)
    problem, message = fails(
        write(folder, text),
        "schema.too_long",
        where=f"nodes[{index}].label",
        line=line_of(text, '"label": "aaaa'),
    )
    assert problem.values["length"] == 1_000_000
    assert problem.values["max_length"] == 500
    assert "1000000 tekens" in message and "hoogstens 500" in message
    assert len(message) < 2000, "the message must not repeat the enormous value"


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_or_infinity_in_a_position(folder, constant):
    text = GOOD_BYTES.decode("utf-8")
    needle = '"t-werk": [0.0, -150.0]'
    line = line_of(text, needle)
    path = write(folder, text.replace(needle, f'"t-werk": [{constant}, -150.0]'))
    before = snapshot(folder)
    with pytest.raises(AtlasFileError) as caught:
        io.load(path)
    assert snapshot(folder) == before
    (problem,) = caught.value.problems
    assert problem.key in ("bad_json", "schema.not_number")
    message = caught.value.render()
    assert constant.lstrip("-") in message
    assert problem.line == line, f"no line for {constant}: {message}"
    assert "?" not in problem.render(), f"placeholder left in: {problem.render()}"


@pytest.mark.parametrize("word", ["NaN", "Infinity", "-Infinity"])
def test_nan_line_is_not_fooled_by_the_same_word_in_a_label(folder, word):
    doc = good_doc()
    node(doc, "t-geld")[1]["label"] = f"Sportschool {word} Zwolle"
    node(doc, "p-moeder")[1]["note"] = f"{word}? Nee: 2 - {word}"
    text = text_of(doc)
    needle = '"t-werk": ['
    line = line_of(text, needle) + 1  # text_of puts each number on its own line
    lines = text.split("\n")
    assert lines[line - 1].strip() == "0.0,"
    lines[line - 1] = lines[line - 1].replace("0.0,", f"{word},")
    path = write(folder, "\n".join(lines))
    with pytest.raises(AtlasFileError) as caught:
        io.load(path)
    (problem,) = caught.value.problems
    assert problem.line == line, caught.value.render()


def test_overflowing_number_in_a_position(folder):
    text = GOOD_BYTES.decode("utf-8")
    needle = '"t-werk": [0.0, -150.0]'
    line = line_of(text, needle)
    path = write(folder, text.replace(needle, '"t-werk": [1e999, -150.0]'))
    # refused when read, as anywhere else in the file: read as infinity it could not be saved
    problem, message = fails(path, "number_too_large", line=line)
    assert problem.values["column"] == text.split("\n")[line - 1].index("[") + 2
    assert "1e999" in message and "?" not in problem.render()


def test_position_out_of_range(folder):
    doc = good_doc()
    doc["views"]["netwerkintake"]["positions"]["t-geld"] = [90, 2e6]
    text = text_of(doc)
    fails(
        write(folder, text),
        "schema.too_big",
        where="views.netwerkintake.positions.t-geld[1]",
        line=line_of(text, "2000000.0"),
    )


@pytest.mark.parametrize(
    ("collection", "index", "valid"),
    [("nodes", 2, "person"), ("edges", 1, "parent_child")],
)
def test_unknown_kind(folder, collection, index, valid):
    doc = good_doc()
    doc[collection][index]["kind"] = "planeet"
    text = text_of(doc)
    problem, _ = fails(write(folder, text), "schema.unknown_kind")
    assert problem.where in (f"{collection}[{index}]", f"{collection}[{index}].kind")
    record_line = record_start(text, doc[collection][index]["id"])
    assert problem.line in (record_line, line_of(text, '"kind": "planeet"'))
    assert "planeet" in problem.what(), problem.what()
    assert valid in problem.what(), f"the valid kinds are not named: {problem.what()}"


def test_missing_kind(folder):
    doc = good_doc()
    del doc["nodes"][3]["kind"]
    problem, message = fails(write(folder, doc), "schema.missing_kind")
    assert problem.where == "nodes[3]"
    assert '"kind"' in message


# --- consistency: one client, unique ids, references that resolve -------------------------------


def test_no_client_when_the_client_became_a_person(folder):
    doc = good_doc()
    node(doc, "client")[1]["kind"] = "person"
    text = text_of(doc)
    _, message = fails(
        write(folder, text), "no_client", where="nodes", line=line_of(text, '"nodes": [')
    )
    assert "geen cliënt" in message


def test_no_client_when_the_client_was_deleted(folder):
    doc = good_doc()
    doc["nodes"] = [n for n in doc["nodes"] if n["id"] != "client"]
    doc["edges"] = [e for e in doc["edges"] if "client" not in (e["source"], e["target"])]
    del doc["views"]["netwerkintake"]["positions"]["client"]
    fails(write(folder, doc), "no_client", where="nodes")


def test_second_client(folder):
    doc = good_doc()
    index, record = node(doc, "p-vader")
    record["kind"] = "client"
    text = text_of(doc)
    problem, message = fails(
        write(folder, text),
        "second_client",
        where=f"nodes[{index}].kind",
        line=line_of(text, '"kind": "client"', after=line_of(text, '"id": "p-vader"')),
    )
    assert problem.values == {"first": "nodes[0]"}
    assert "tweede cliënt" in message and "nodes[0]" in message


def test_duplicate_node_id(folder):
    doc = good_doc()
    twin = copy.deepcopy(node(doc, "p-moeder")[1])
    twin["label"] = "Moeder (kopie)"
    doc["nodes"].append(twin)
    text = text_of(doc)
    problem, message = fails(
        write(folder, text),
        "duplicate_id",
        where="nodes[6].id",
        line=line_of(text, '"id": "p-moeder"', occurrence=2),
    )
    assert problem.values == {"id": "p-moeder", "first": "nodes[2]"}
    assert "p-moeder" in message and "twee keer" in message


def test_duplicate_edge_id(folder):
    doc = good_doc()
    twin = copy.deepcopy(doc["edges"][1])
    twin["note"] = "dubbel"
    doc["edges"].append(twin)
    text = text_of(doc)
    problem, _ = fails(
        write(folder, text),
        "duplicate_id",
        where="edges[4].id",
        line=line_of(text, '"id": "e-2"', occurrence=2),
    )
    assert problem.values == {"id": "e-2", "first": "edges[1]"}


@pytest.mark.parametrize("end", ["source", "target"])
def test_edge_to_a_node_that_does_not_exist(folder, end):
    doc = good_doc()
    doc["edges"][1][end] = "bestaat-niet"
    text = text_of(doc)
    problem, message = fails(
        write(folder, text),
        "dangling_ref",
        where=f"edges[1].{end}",
        line=line_of(text, f'"{end}": "bestaat-niet"'),
    )
    assert problem.values == {"id": "bestaat-niet"}
    assert "„bestaat-niet”" in message


@pytest.mark.parametrize(
    ("collection", "field", "where"),
    [
        ("goals", "node_ids", "goals[0].node_ids[0]"),
        ("actions", "goal_id", "actions[0].goal_id"),
        ("actions", "who_id", "actions[0].who_id"),
        ("evaluations", "goal_id", "evaluations[0].goal_id"),
        ("evaluations", "session_id", "evaluations[0].session_id"),
    ],
)
def test_plan_refers_to_an_unknown_id(folder, collection, field, where):
    doc = good_doc()
    doc[collection][0][field] = ["spook"] if field == "node_ids" else "spook"
    text = text_of(doc)
    _, message = fails(
        write(folder, text), "dangling_ref", where=where, line=line_of(text, '"spook"')
    )
    assert "spook" in message


def test_position_of_an_unknown_node(folder):
    doc = good_doc()
    doc["views"]["netwerkintake"]["positions"]["spook"] = [1, 2]
    text = text_of(doc)
    fails(
        write(folder, text),
        "dangling_ref",
        where="views.netwerkintake.positions.spook",
        line=line_of(text, '"spook": ['),
    )


def test_self_loop(folder):
    doc = good_doc()
    doc["edges"][0]["target"] = doc["edges"][0]["source"]
    text = text_of(doc)
    _, message = fails(
        write(folder, text),
        "self_loop",
        where="edges[0].target",
        line=line_of(text, '"target": "t-werk"'),
    )
    assert "dezelfde bol" in message


def test_every_problem_is_listed(folder):
    doc = good_doc()
    doc["edges"][0]["target"] = "weg-1"
    doc["edges"][2]["source"] = "weg-2"
    doc["goals"][0]["node_ids"] = ["weg-3"]
    path = write(folder, doc)
    with pytest.raises(AtlasFileError) as caught:
        io.load(path)
    assert [(p.key, p.where) for p in caught.value.problems] == [
        ("dangling_ref", "edges[0].target"),
        ("dangling_ref", "edges[2].source"),
        ("dangling_ref", "goals[0].node_ids[0]"),
    ]
    for missing in ("weg-1", "weg-2", "weg-3"):
        assert missing in caught.value.render()


# --- not a readable file ------------------------------------------------------------------------


def test_a_directory(folder):
    path = folder / "map.netwerkatlas"
    path.mkdir()
    _, message = fails(path, "is_directory")
    assert "map" in message


def test_a_fifo_is_not_opened(folder):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path = folder / "pijp.netwerkatlas"
    os.mkfifo(path)
    fails(path, "not_regular")  # and does not hang waiting for a writer


def test_missing_file(folder):
    _, message = fails(folder / "bestaat-niet.netwerkatlas", "not_found")
    assert "bestaat niet" in message


def test_missing_folder(folder):
    fails(folder / "weg" / "atlas.netwerkatlas", "not_found", folder=folder)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root may read any file; see the simulated tests below",
)
def test_no_read_permission(folder):
    path = write(folder, GOOD_BYTES)
    path.chmod(0)
    try:
        fails(path, "no_permission")
    finally:
        path.chmod(0o600)


def _raising_for(path, original):
    def patched(self_or_file, *args, **kwargs):
        if Path(self_or_file) == path:
            raise PermissionError(13, "Permission denied", str(path))
        return original(self_or_file, *args, **kwargs)

    return patched


@contextlib.contextmanager
def open_denied(path):
    """As if `path` were unreadable: root can read anything, so permissions cannot show it."""
    original = builtins.open
    builtins.open = _raising_for(path, original)
    try:
        yield
    finally:
        builtins.open = original


def test_no_read_permission_simulated_on_open(folder):
    path = write(folder, GOOD_BYTES)
    _, message = fails(path, "no_permission", patch=lambda: open_denied(path))
    assert "geen toestemming" in message
    assert builtins.open is not None and io.load(path)  # restored


def test_no_read_permission_simulated_on_stat(folder, monkeypatch):
    path = write(folder, GOOD_BYTES)
    with monkeypatch.context() as m:
        m.setattr(Path, "stat", _raising_for(path, Path.stat))
        with pytest.raises(AtlasFileError) as caught:
            io.load(path)
    assert [p.key for p in caught.value.problems] == ["no_permission"]
    assert f"Kan „{path}” niet openen." in caught.value.render()


def test_file_over_the_size_limit(folder, monkeypatch):
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 1000)
    path = write(folder, GOOD_BYTES)
    assert len(GOOD_BYTES) > 1000
    fails(path, "too_large")


# --- the message catalogues ---------------------------------------------------------------------


def catalogue(language):
    """Every message id of the compiled catalogue, with its forms joined (plural ones have
    more than one), so their placeholders can be compared."""
    return {key: " ".join(forms) for key, forms in i18n.messages(language).items()}


def placeholders(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def problem_keys_in_source():
    """Problem keys the io layer can raise, read from its source: the first argument of
    Problem(...), fail(...) and add(path, key), strings returned by *_key functions and
    assigned to `key`, and the schema messages."""
    keys = set(reading._SCHEMA_MESSAGES.values()) | {"schema.other"}
    pattern = re.compile(
        r'(?:Problem\(\s*|fail\(\s*|add\([^,()]*(?:\([^()]*\))?[^,()]*,\s*)"([a-z_.]+)"'
        r'|return "([a-z_]+)"'
        r'|key = "([a-z_]+)"(?: if .* else "([a-z_]+)")?'
    )
    for source in (SRC / "io").glob("*.py"):
        for match in pattern.finditer(source.read_text(encoding="utf-8")):
            keys |= {group for group in match.groups() if group}
    return keys


def message_keys_in_source():
    """Literal message ids passed to t(...) anywhere, and ids built from record kinds."""
    keys = set()
    for source in SRC.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        keys |= set(re.findall(r'\btn?\(\s*"([a-z_]+\.[a-z_.]+)"', text))
        keys |= set(re.findall(r'\belse "((?:error|where|cli)\.[a-z_]+)"', text))
    return keys


def test_both_catalogues_have_the_same_keys_and_placeholders():
    nl, en = catalogue("nl"), catalogue("en")
    assert sorted(set(nl) ^ set(en)) == []
    different = {
        k: (placeholders(nl[k]), placeholders(en[k]))
        for k in nl
        if placeholders(nl[k]) != placeholders(en.get(k, ""))
    }
    assert different == {}
    assert [k for k, v in {**nl, **en}.items() if not v.strip()] == []


def test_every_problem_has_a_message_and_a_hint_in_both_languages():
    keys = problem_keys_in_source()
    # the scan must find what we know is there, or it proves nothing
    assert {
        "not_found",
        "truncated",
        "duplicate_id",
        "dangling_ref",
        "write_permission",
        "disk_full",
        "is_directory",
        "migrated",
        "unknown_field",
        "schema.too_big",
    } <= keys
    for language in ("nl", "en"):
        messages = catalogue(language)
        missing = sorted(
            needed
            for key in keys
            for needed in (
                f"problem.{key}",
                "hint.schema" if key.startswith("schema.") else f"hint.{key}",
            )
            if needed not in messages
        )
        assert missing == [], f"{language}.po lacks {missing}"


def test_every_message_id_used_in_the_source_exists():
    keys = message_keys_in_source()
    assert {"error.cannot_open", "error.cannot_write", "where.line", "cli.valid"} <= keys
    for language in ("nl", "en"):
        messages = catalogue(language)
        assert sorted(k for k in keys if k not in messages) == [], language


def test_record_kinds_have_names_for_the_undo_menu():
    """commands.edits.describe() shows t(f"kind.{record.kind}"), for edges too."""
    from netwerkatlas.commands import AddItem
    from netwerkatlas.model.records import EDGE_CLASSES, NODE_CLASSES, EdgeKind, NodeKind

    needed = {f"kind.{k.value}" for k in (*NodeKind, *EdgeKind)}
    for language in ("nl", "en"):
        messages = catalogue(language)
        assert sorted(needed - set(messages)) == [], f"{language}.po lacks these"
    texts = [
        AddItem(NODES, cls()).text for kind, cls in NODE_CLASSES.items() if kind != NodeKind.CLIENT
    ]
    texts += [AddItem(EDGES, cls(source="a", target="b")).text for cls in EDGE_CLASSES.values()]
    assert [text for text in texts if "kind." in text.lower()] == []


# --- netwerkatlas validate ----------------------------------------------------------------------


def test_validate_a_good_file(folder, capsys):
    path = write(folder, GOOD_BYTES, "goed2.netwerkatlas")
    before = snapshot(folder)
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert out == f"{path}: in orde — 6 bollen, 4 verbindingen.\n"
    assert snapshot(folder) == before


def test_validate_a_bad_file(folder, capsys):
    doc = good_doc()
    node(doc, "p-moeder")[1]["score"] = 3
    text = text_of(doc)
    path = write(folder, text)
    before = snapshot(folder)
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    line = line_of(text, '"score": 3', after=line_of(text, '"id": "p-moeder"'))
    assert f"Kan „{path}” niet openen." in out
    assert f"regel {line}, nodes[2].score: 3 is te groot; het hoogste dat mag is 2." in out
    assert "Wat u kunt doen:" in out
    assert "Traceback" not in out
    assert snapshot(folder) == before


def test_validate_several_files_fails_if_one_is_bad(folder, capsys):
    good = write(folder, GOOD_BYTES, "goed2.netwerkatlas")
    bad = write(folder, GOOD_BYTES[:100], "kapot.netwerkatlas")
    missing = folder / "weg.netwerkatlas"
    assert main(["validate", str(good), str(bad), str(good)]) == 1
    out = capsys.readouterr().out
    assert out.count(f"{good}: in orde") == 2
    assert f"Kan „{bad}” niet openen." in out
    assert "halverwege" in out
    assert main(["validate", str(missing), str(good)]) == 1
    out = capsys.readouterr().out
    assert f"Kan „{missing}” niet openen." in out and "het bestand bestaat niet." in out
    assert main(["validate", str(good), str(good)]) == 0


def test_validate_reports_notices_of_a_good_file(folder, capsys):
    doc = good_doc()
    doc["nodes"][1]["stemming"] = "blij"
    path = write(folder, doc)
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "in orde" in out
    assert "let op:" in out and "„stemming”" in out and "nodes[1].stemming" in out


def test_validate_in_english(folder, capsys):
    path = write(folder, GOOD_BYTES[:50])
    assert main(["validate", "--lang", "en", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"Cannot open “{path}”." in out
    assert "stops halfway" in out


@pytest.mark.parametrize(
    "content",
    [
        "Boodschappen: melk, brood.\nEn kaas.\n",
        "naam;relatie;score\nFleur;moeder;+\n",
        "<?xml version='1.0'?><atlas/>\n",
    ],
    ids=["note", "csv", "xml"],
)
def test_a_text_file_renamed_to_netwerkatlas_is_called_no_atlas(folder, content):
    """Not "edited by hand", no Python wording: the file was never an atlas."""
    _, message = fails(write(folder, content), "not_json")
    assert "geen Netwerkatlas-bestand" in message
    assert content.splitlines()[0][:30] in message
    assert "met de hand bewerkt" not in message and "Expecting" not in message


def test_a_json_mistake_is_told_in_the_users_words(folder):
    text = text_of(good_doc())
    line = line_of(text, '"label": "Moeder",')
    lines = text.split("\n")
    lines[line - 1] = lines[line - 1].replace('"Moeder",', '"Moeder" "x",')
    _, message = fails(write(folder, "\n".join(lines)), "bad_json", line=line)
    assert "komma" in message
    assert "Expecting" not in message and "delimiter" not in message
