"""What JSON can hold but an atlas file cannot: lone surrogates and very deep nesting.

JSON's `\\ud800` escape gives a string that has no UTF-8 form, so the file could be opened but
never saved again; nesting hundreds of levels deep exhausts the serialiser. Both are refused when
a file is read, with their place, and looked for again when a save fails, to say why. The walk
over the data is iterative: a limit check that recursed would fail on what it is meant to catch.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import accumulate
from pathlib import Path
from typing import Any

from netwerkatlas.io.errors import MAX_PROBLEMS_SHOWN, AtlasFileError, Problem, printable
from netwerkatlas.io.locate import PathKey, format_path, line_index, line_of_path
from netwerkatlas.model.atlas import LIST_COLLECTIONS, Atlas

MAX_DEPTH = 64
# Only a `\uD800`..`\uDFFF` escape can bring a surrogate into text decoded from UTF-8.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF][0-9a-fA-F]{2}")
# A JSON string as runs of plain characters between escapes: three times as fast as trying
# plain-or-escape at every character, which was a fifth of reading a large atlas.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*"?|[{}\[\]]')


def may_hold_surrogates(text: str) -> bool:
    """False when the JSON text certainly decodes to strings without surrogates (cheap)."""
    return _SURROGATE_ESCAPE.search(text) is not None


def has_lone_surrogate(text: str) -> bool:
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _shown(text: str, limit: int = 40) -> str:
    return printable(repr(text) if len(text) <= limit else repr(text[: limit - 1]) + "…")


def unwritable(
    data: Any, *, surrogates: bool = True, limit: int = MAX_PROBLEMS_SHOWN
) -> list[tuple[PathKey, Problem]]:
    """Places in `data` (parsed JSON or a document about to be written) that no file can hold:
    nesting deeper than `MAX_DEPTH` and, when `surrogates`, strings or keys with a lone
    surrogate. Stops after `limit` places, as only so many are shown."""
    found: list[tuple[PathKey, Problem]] = []
    stack: list[tuple[Any, PathKey]] = [(data, ())]
    while stack and len(found) < limit:
        value, path = stack.pop()
        if isinstance(value, str):
            if surrogates and has_lone_surrogate(value):
                found.append((path, Problem("lone_surrogate", values={"value": _shown(value)})))
            continue
        if isinstance(value, dict):
            items: Any = value.items()
        elif isinstance(value, list | tuple):
            items = enumerate(value)
        else:
            continue
        if len(path) >= MAX_DEPTH:
            found.append((path, Problem("too_deep", values={"limit": MAX_DEPTH})))
            continue
        children = []
        for key, child in items:
            if surrogates and isinstance(key, str) and has_lone_surrogate(key):
                values = {"value": _shown(key)}
                problem = Problem("lone_surrogate_key", values=values, hint_key="lone_surrogate")
                found.append(((*path, printable(key)), problem))
                continue
            if isinstance(child, dict | list | tuple) or (surrogates and isinstance(child, str)):
                children.append((child, (*path, key)))
        stack.extend(reversed(children))
    return found[:limit]


def deepest_offset(text: str) -> int | None:
    """Offset of the first bracket that opens level `MAX_DEPTH + 1` in a JSON text, for a file
    too deep for the JSON reader itself."""
    depth = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token in "{[":
            depth += 1
            if depth > MAX_DEPTH:
                return match.start()
        elif token in "}]":
            depth -= 1
    return None


def text_depth(text: str) -> int:
    """How deep the JSON text nests, counted on its brackets outside strings (at C speed:
    walking the parsed values of a file with a million records takes seconds)."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def refuse_unwritable(path: Path, text: str, data: Any) -> None:
    """Raise `AtlasFileError` naming each place of the parsed file that could not be saved."""
    surrogates = may_hold_surrogates(text)
    if not surrogates and text_depth(text) <= MAX_DEPTH:
        return
    found = unwritable(data, surrogates=surrogates, limit=MAX_PROBLEMS_SHOWN)
    if not found:
        return
    lines = line_index(text, [place for place, _ in found])
    problems = [
        replace(problem, where=shown_path(place), line=line_of_path(lines, place))
        for place, problem in found
    ]
    raise AtlasFileError(path, problems)


def shown_path(place: PathKey) -> str:
    """The path as a message shows it: the start of a very deep one is enough to find it."""
    if len(place) <= 12:
        return format_path(place)
    return format_path(place[:8]) + "…"


def too_deep_problem(text: str) -> Problem:
    """The problem for a text nested deeper than the JSON reader goes, with its place."""
    offset = deepest_offset(text)
    if offset is None:
        return Problem("too_deep", values={"limit": MAX_DEPTH})
    line = text.count("\n", 0, offset) + 1
    column = offset - text.rfind("\n", 0, offset)
    values = {"limit": MAX_DEPTH, "column": column}
    return Problem("too_deep_at", line=line, values=values, hint_key="too_deep")


def _raw_document(atlas: Atlas) -> dict[str, Any]:
    """The atlas's values under readable paths (collection, record id, field), taken from the
    records themselves, as serialising them is what failed."""
    doc: dict[str, Any] = dict(atlas.extra)
    doc["meta"] = dict(atlas.meta)
    for name in ("nodes", "edges", *LIST_COLLECTIONS):
        records = atlas.nodes() if name == "nodes" else atlas.edges() if name == "edges" else None
        records = atlas.items(name) if records is None else records
        doc[name] = {r.id: {**dict(r), **(r.model_extra or {})} for r in records}
    doc["views"] = {
        name: {**state.extra, "positions": state.positions, "settings": state.settings}
        for name, state in atlas.views.items()
    }
    return doc


def unencodable_problems(atlas: Atlas, error: Exception) -> list[Problem]:
    """Why `atlas` could not be turned into a file's text, with the place when it is found."""
    found = unwritable(_raw_document(atlas))
    if not found:
        detail = printable(f"{type(error).__name__}: {error}")[:200]
        return [Problem("cannot_encode", values={"detail": detail}, hint_key="unwritable")]
    return [replace(p, where=shown_path(place), hint_key="unwritable") for place, p in found]
