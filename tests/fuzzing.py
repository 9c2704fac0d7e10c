"""Mutated atlas files, and what the file layer must do with each: the engine shared by the fuzz
test in the suite and the long run in `benchmarks/fuzz_file_layer.py`.

A case starts from a bundled example, changes its structure the way damage, hand edits and
other programs do (wrong types, missing and duplicate ids, dangling references, huge and deep
values, numbers JSON cannot hold, lone surrogates), then its text and bytes (BOMs, UTF-16,
truncation, flipped bytes). `check_case` says whether the file layer kept its promises.
"""

from __future__ import annotations

import json
import random
import traceback
from pathlib import Path
from typing import Any

from netwerkatlas import io
from netwerkatlas.export.options import ExportOptions, Format, Privacy
from netwerkatlas.export.run import ExportError, render
from netwerkatlas.export.views import view_names
from netwerkatlas.resources import assets_dir

EXAMPLES = sorted((assets_dir() / "examples").glob("*.netwerkatlas"))
_DOCS = [json.loads(p.read_text(encoding="utf-8")) for p in EXAMPLES]
# Numbers Python's json writes but cannot be put in a Python value: markers replaced in the text.
_NUMBERS = ["NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1e-400", "-0.0", "1" + "0" * 400]
_MARK = "\u0001num{}\u0001"
_SETTINGS = {
    "netwerkcirkel": ["variant", "custom_rings", "custom_sectors", "cells", "show_counts"],
    "ecogram": ["domains", "centre"],
    "genogram": ["index_id"],
    "netwerkintake": ["onbekend"],
}
_REFERENCES = ("source", "target", "goal_id", "who_id", "session_id", "node_ids", "id")

OUTCOMES = ("loaded", "refused")
FAILURES = (
    "unhandled exception",
    "traceback in message",
    "unprintable message",
    "message without the file",
    "loaded but not saved",
    "saved but unloadable",
    "saved differently",
    "export crash",
)


class FuzzFailure(Exception):
    """The file layer broke a promise; `kind` is one of FAILURES."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail


# --- making cases --------------------------------------------------------------------------


def _paths(doc: Any) -> list[tuple[Any, Any]]:
    """(container, key) for every value in `doc`, iteratively; a container shared by several
    places (a multiplied record) is visited once."""
    found: list[tuple[Any, Any]] = []
    stack = [doc]
    seen: set[int] = set()
    while stack:
        value = stack.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, child in items:
            found.append((value, key))
            if isinstance(child, dict | list) and child:
                stack.append(child)
    return found


def _copy(value: Any) -> Any:
    """A copy, so that a later change to one place does not multiply through shared values."""
    try:
        return json.loads(json.dumps(value))
    except (RecursionError, ValueError):
        return None


def _nested(rng: random.Random, depth: int) -> Any:
    value: Any = rng.choice([1, "x", None, [], {}])
    for _ in range(depth):
        value = [value] if rng.random() < 0.5 else {"a": value}
    return value


def _odd_value(rng: random.Random) -> Any:
    choices = [
        lambda: None,
        lambda: True,
        lambda: False,
        lambda: rng.randint(-(10**6), 10**6),
        lambda: 10 ** rng.randint(15, 40),
        lambda: rng.uniform(-1e9, 1e9),
        lambda: 1e308,
        lambda: "",
        lambda: "x" * rng.choice([1, 10, 300, 5000, 100_000]),
        lambda: rng.choice(["\ud800", "a\udfffb", "\udc00\ud800", "ë\u2028\u0000"]),
        lambda: "2",
        lambda: "yes",
        lambda: [],
        lambda: [1, 2],
        lambda: ["a"] * rng.choice([3, 1000, 20_000]),
        lambda: {},
        lambda: {"a": 1},
        lambda: {rng.choice(["\ud800", "k", ""]): rng.choice([1, "v"])},
        lambda: _nested(rng, rng.choice([10, 40, 63, 65, 120])),
        lambda: _MARK.format(rng.randrange(len(_NUMBERS))),
    ]
    return rng.choice(choices)()


def _mutate_structure(rng: random.Random, doc: Any) -> Any:
    places = _paths(doc)
    if not places:
        return doc
    container, key = rng.choice(places)
    action = rng.randrange(10)
    if action <= 2:  # a wrong type, or a value no file should hold
        container[key] = _odd_value(rng)
    elif action == 3 and isinstance(container, dict):  # a missing field (or id)
        del container[key]
    elif action == 3:
        container.pop(key)
    elif action == 4:  # a duplicate record or value
        value = _copy(container[key])
        if isinstance(container, list):
            container.append(value)
        else:
            container[key + "_2" if isinstance(key, str) else key] = value
    elif action == 5:  # a dangling or changed reference
        refs = [(c, k) for c, k in places if k in _REFERENCES]
        if refs:
            c, k = rng.choice(refs)
            c[k] = rng.choice(["nope", "", c[k] if isinstance(c[k], str) else "x", ["nope"]])
    elif action == 6:  # an unknown field
        dicts = [c for c, _ in places if isinstance(c, dict)] or [doc]
        rng.choice(dicts)["onbekend_" + str(rng.randrange(5))] = _odd_value(rng)
    elif action == 7:  # another kind, version or id
        fields = [(c, k) for c, k in places if k in ("kind", "format_version", "id")]
        if fields:
            c, k = rng.choice(fields)
            c[k] = rng.choice(["person", "theme", "client", "x", 1, 2, 3, "2", None])
    elif action == 8 and isinstance(doc, dict):  # a view's setting of the wrong shape
        view = rng.choice(list(_SETTINGS))
        views = doc.setdefault("views", {})
        if isinstance(views, dict):
            state = views.setdefault(view, {})
            if isinstance(state, dict):
                settings = state.setdefault("settings", {})
                if isinstance(settings, dict):
                    settings[rng.choice(_SETTINGS[view])] = _odd_value(rng)
    else:  # records multiplied
        lists = [c[k] for c, k in places if isinstance(c[k], list) and 0 < len(c[k]) <= 100]
        if lists:
            chosen = rng.choice(lists)
            record = rng.choice(chosen)
            text = json.dumps(record)
            if len(text) < 2000:  # many small records, each its own copy: the file stays small
                chosen.extend(json.loads(text) for _ in range(rng.choice([1, 10, 2000])))
    return doc


def _text(rng: random.Random, doc: Any) -> str:
    try:
        text = json.dumps(
            doc, ensure_ascii=rng.random() < 0.5, indent=rng.choice([None, 2]), allow_nan=True
        )
    except (RecursionError, ValueError):
        text = json.dumps(doc, ensure_ascii=True)
    for index, number in enumerate(_NUMBERS):
        text = text.replace(json.dumps(_MARK.format(index), ensure_ascii=False), number)
        text = text.replace(json.dumps(_MARK.format(index), ensure_ascii=True), number)
    return text


def _bytes(rng: random.Random, text: str) -> bytes:
    if rng.random() < 0.03 and text.startswith("{"):  # deeper than values can be built
        depth = rng.choice([300, 990, 5000, 100_000])
        text = '{"onbekend_diep": ' + "[" * depth + "]" * depth + ", " + text[1:]
    data = text.encode("utf-8", "surrogatepass")
    roll = rng.random()
    if roll < 0.05:
        data = b"\xef\xbb\xbf" + data
    elif roll < 0.08:
        data = text.encode(rng.choice(["utf-16", "utf-16-le", "utf-16-be"]), "surrogatepass")
    elif roll < 0.09:
        data = b"\xef\xbb\xbf\xef\xbb\xbf" + data
    if rng.random() < 0.1:
        data = data[: rng.randrange(len(data) + 1)]
    if rng.random() < 0.1:
        flipped = bytearray(data)
        for _ in range(rng.randint(1, 5)):
            if flipped:
                flipped[rng.randrange(len(flipped))] ^= 1 << rng.randrange(8)
        data = bytes(flipped)
    return data


def make_case(seed: int) -> bytes:
    """The bytes of fuzz case `seed`: the same seed gives the same file, on every machine."""
    rng = random.Random(seed)
    doc = json.loads(json.dumps(rng.choice(_DOCS)))
    for _ in range(rng.choice([0, 1, 1, 1, 2, 3, 5])):
        doc = _mutate_structure(rng, doc)
    return _bytes(rng, _text(rng, doc))


# --- checking them ---------------------------------------------------------------------------


def _where(error: BaseException) -> str:
    return "".join(traceback.format_exception(error)).strip()[-1500:]


def check_case(data: bytes, folder: Path) -> str:
    """Put `data` through the file layer; returns "loaded" or "refused", or raises FuzzFailure."""
    path = folder / "geval.netwerkatlas"
    path.write_bytes(data)
    try:
        atlas, _report = io.load(path)
    except io.AtlasFileError as error:
        _check_message(error, path)
        return "refused"
    except Exception as error:
        raise FuzzFailure("unhandled exception", _where(error)) from error
    saved = folder / "opgeslagen.netwerkatlas"
    try:
        io.save(atlas, saved)
    except io.AtlasFileError as error:
        raise FuzzFailure("loaded but not saved", error.render()) from error
    except Exception as error:
        raise FuzzFailure("unhandled exception", _where(error)) from error
    try:
        again, _ = io.load(saved)
    except io.AtlasFileError as error:
        raise FuzzFailure("saved but unloadable", error.render()) from error
    if io.dumps(again) != io.dumps(atlas):
        raise FuzzFailure("saved differently", "a reload gives other bytes")
    for view in view_names():
        for privacy in (Privacy(), Privacy(hide_names=True, hide_private=True)):
            try:
                render(atlas, ExportOptions(view=view, format=Format.SVG, privacy=privacy))
            except ExportError:
                pass  # a readable refusal, as the CLI shows it
            except Exception as error:
                raise FuzzFailure("export crash", f"{view}: {_where(error)}") from error
    return "loaded"


def _check_message(error: io.AtlasFileError, path: Path) -> None:
    try:
        text = error.render()
        text.encode("utf-8")
    except Exception as failure:
        raise FuzzFailure("unprintable message", _where(failure)) from failure
    if "Traceback (most recent call last)" in text:
        raise FuzzFailure("traceback in message", text)
    if str(path) not in text:
        raise FuzzFailure("message without the file", text)
