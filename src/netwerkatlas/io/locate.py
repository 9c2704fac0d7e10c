"""Find the line on which a JSON value starts, so an error can say "line 42, nodes[3].score".

Only used when something is wrong, so it favours being simple over being fast: it walks the text
once and records the line of every value under its path.
"""

from __future__ import annotations

import contextlib
import json.decoder
import re

PathKey = tuple[str | int, ...]
_WS = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null")


def format_path(path: PathKey | list) -> str:
    """`("nodes", 3, "score")` -> `nodes[3].score`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def line_index(text: str) -> dict[PathKey, int]:
    """Map every path in a valid JSON text to the 1-based line where its value starts."""
    lines: dict[PathKey, int] = {}
    newlines = [i for i, ch in enumerate(text) if ch == "\n"]

    def line_of(pos: int) -> int:
        lo, hi = 0, len(newlines)
        while lo < hi:
            mid = (lo + hi) // 2
            if newlines[mid] < pos:
                lo = mid + 1
            else:
                hi = mid
        return lo + 1

    def skip(pos: int) -> int:
        return _WS.match(text, pos).end()

    def value(pos: int, path: PathKey) -> int:
        pos = skip(pos)
        lines[path] = line_of(pos)
        ch = text[pos : pos + 1]
        if ch == "{":
            pos = skip(pos + 1)
            if text[pos : pos + 1] == "}":
                return pos + 1
            while True:
                pos = skip(pos)
                key, pos = json.decoder.scanstring(text, pos + 1)
                pos = skip(pos) + 1  # the colon
                pos = skip(value(pos, (*path, key)))
                if text[pos] == "}":
                    return pos + 1
                pos += 1  # the comma
        if ch == "[":
            pos = skip(pos + 1)
            if text[pos : pos + 1] == "]":
                return pos + 1
            index = 0
            while True:
                pos = skip(value(pos, (*path, index)))
                index += 1
                if text[pos] == "]":
                    return pos + 1
                pos += 1
        if ch == '"':
            return json.decoder.scanstring(text, pos + 1)[1]
        match = _SCALAR.match(text, pos)
        if match is None:
            raise ValueError(f"not JSON at offset {pos}")
        return match.end()

    with contextlib.suppress(ValueError, IndexError):
        value(0, ())
    return lines


def line_of_path(index: dict[PathKey, int], path: PathKey) -> int | None:
    """The line of `path`, or of its nearest parent that exists (a missing field's object)."""
    path = tuple(path)
    while path:
        if path in index:
            return index[path]
        path = path[:-1]
    return index.get(())
