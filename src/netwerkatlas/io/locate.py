"""Find the line on which a JSON value starts, so an error can say "line 42, nodes[3].score".

Only used when something is wrong. The walk is iterative, so a file nested as deep as the JSON
reader allows is walked too, and it can be told which paths are wanted: then it records only
those (and their parents) and skips every other value with the C JSON scanner, which keeps a
huge file with a few problems cheap.
"""

from __future__ import annotations

import bisect
import contextlib
import json.decoder
import re
from collections.abc import Iterable

PathKey = tuple[str | int, ...]
_WS = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null")
_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]]')
_DECODER = json.JSONDecoder()


def format_path(path: PathKey | list) -> str:
    """`("nodes", 3, "score")` -> `nodes[3].score`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class _Walk:
    """One pass over a JSON text, recording the start line of the values it is asked for."""

    def __init__(self, text: str, wanted: Iterable[PathKey] | None) -> None:
        self.text = text
        self.lines: dict[PathKey, int] = {}
        self.newlines = [m.start() for m in re.finditer("\n", text)]
        self.prefixes: set[PathKey] | None = None
        self.missing: set[PathKey] = set()  # wanted paths not reached yet: done when empty
        if wanted is not None:
            self.prefixes = set()
            for path in wanted:
                path = tuple(path)
                self.prefixes.update(path[:n] for n in range(len(path) + 1))
                self.missing.add(path)

    def line_of(self, pos: int) -> int:
        return bisect.bisect_left(self.newlines, pos) + 1

    def skip_ws(self, pos: int) -> int:
        return _WS.match(self.text, pos).end()

    def wants(self, path: PathKey) -> bool:
        return self.prefixes is None or path in self.prefixes

    def skip_value(self, pos: int) -> int:
        """The end of the value at `pos`, without recording anything inside it."""
        text = self.text
        ch = text[pos : pos + 1]
        if ch == '"':
            return json.decoder.scanstring(text, pos + 1)[1]
        if ch in "{[":
            try:
                return _DECODER.raw_decode(text, pos)[1]
            except RecursionError:
                return self._skip_brackets(pos)
        match = _SCALAR.match(text, pos)
        if match is None:
            raise ValueError(f"not JSON at offset {pos}")
        return match.end()

    def _skip_brackets(self, pos: int) -> int:
        """The end of the container at `pos`, found by counting brackets outside strings; for
        values nested deeper than the C scanner goes."""
        depth = 0
        for match in _STRING_OR_BRACKET.finditer(self.text, pos):
            token = match.group()
            if token in "{[":
                depth += 1
            elif token in "}]":
                depth -= 1
                if depth == 0:
                    return match.end()
        raise ValueError("container not closed")

    def run(self) -> None:
        text = self.text
        # Each frame: [path, closing bracket, next index]; a value is read at `pos` when the
        # innermost frame expects one.
        stack: list[list] = []
        pos = self.skip_ws(0)
        path: PathKey = ()
        while True:
            # Read one value at pos under `path`.
            if self.wants(path):
                self.lines[path] = self.line_of(pos)
                if self.prefixes is not None:
                    self.missing.discard(path)
                    if not self.missing:
                        return
                ch = text[pos : pos + 1]
                if ch in "{[":
                    close = "}" if ch == "{" else "]"
                    pos = self.skip_ws(pos + 1)
                    if text[pos : pos + 1] == close:
                        pos += 1
                    else:
                        stack.append([path, close, 0])
                        path, pos = self._next_member(stack[-1], pos)
                        continue
                else:
                    pos = self.skip_value(pos)
            else:
                pos = self.skip_value(pos)
            # After a value: a comma (next member) or the closing bracket (pop).
            while True:
                if not stack:
                    return
                pos = self.skip_ws(pos)
                frame = stack[-1]
                if text[pos] == ",":
                    frame[2] += 1
                    path, pos = self._next_member(frame, self.skip_ws(pos + 1))
                    break
                if text[pos] != frame[1]:
                    raise ValueError(f"not JSON at offset {pos}")
                pos += 1
                stack.pop()

    def _next_member(self, frame: list, pos: int) -> tuple[PathKey, int]:
        """The path and start of the next member of the container `frame` at `pos`."""
        parent, close, index = frame
        if close == "]":
            return (*parent, index), pos
        key, pos = json.decoder.scanstring(self.text, pos + 1)
        pos = self.skip_ws(pos) + 1  # the colon
        return (*parent, key), self.skip_ws(pos)


def line_index(text: str, wanted: Iterable[PathKey] | None = None) -> dict[PathKey, int]:
    """Map paths in a valid JSON text to the 1-based line where their value starts: every path,
    or only `wanted` ones and their parents."""
    walk = _Walk(text, wanted)
    with contextlib.suppress(ValueError, IndexError):
        walk.run()
    return walk.lines


def line_of_path(index: dict[PathKey, int], path: PathKey) -> int | None:
    """The line of `path`, or of its nearest parent that exists (a missing field's object)."""
    path = tuple(path)
    while path:
        if path in index:
            return index[path]
        path = path[:-1]
    return index.get(())
