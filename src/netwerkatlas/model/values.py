"""What the file can hold: the model refuses anything else, so a save never fails on it.

A `.netwerkatlas` file is JSON in UTF-8. Free-form values (view settings, unknown fields, a
plan's body, a session's snapshot) must therefore be JSON values: objects with text keys, lists,
text without lone surrogates, finite numbers, true/false and null; no tuples, sets or other
Python objects, and not nested deeper than the reader will follow. Positions must be finite and
within the limits the file schema sets.
"""

from __future__ import annotations

import math
from typing import Any

MAX_COORDINATE = 1e6  # points from the client; a poster is a few thousand points wide
MAX_DEPTH = 50  # nesting of a free-form value; the loader refuses 64 levels from the top
MAX_INT_BITS = 13_000  # about 3,900 digits: Python refuses to write more than 4,300


def json_problem(value: Any, max_depth: int = MAX_DEPTH) -> str | None:
    """Why `value` cannot be written to the file as it is, or None when it can.

    The walk is iterative, so even a value nested far too deep is reported, not a crash."""
    stack: list[tuple[Any, int, str]] = [(value, 0, "")]
    while stack:
        item, depth, where = stack.pop()
        if depth > max_depth:
            return f"nested more than {max_depth} levels deep at {where or 'the top'}"
        if item is None or isinstance(item, bool):
            continue
        if isinstance(item, int):
            if item.bit_length() > MAX_INT_BITS:
                return f"the whole number at {where or 'the top'} has too many digits"
            continue
        if isinstance(item, float):
            if not math.isfinite(item):
                return f"{item} at {where or 'the top'} is not a finite number"
        elif isinstance(item, str):
            if _has_lone_surrogate(item):
                return f"the text at {where or 'the top'} holds a lone surrogate"
        elif type(item) is list:
            stack.extend((v, depth + 1, f"{where}[{i}]") for i, v in enumerate(item))
        elif type(item) is dict:
            for key, v in item.items():
                if not isinstance(key, str):
                    return f"the key {key!r} at {where or 'the top'} is not text"
                if _has_lone_surrogate(key):
                    return f"a key at {where or 'the top'} holds a lone surrogate"
                stack.append((v, depth + 1, f"{where}.{key}"))
        else:
            return f"a {type(item).__name__} at {where or 'the top'} is not a JSON value"
    return None


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def check_json(value: Any, what: str) -> None:
    """Raise ValueError when `value` (named `what` in the message) cannot go into the file."""
    problem = json_problem(value)
    if problem is not None:
        raise ValueError(f"{what} cannot be stored: {problem}")


def coordinate_problem(x: Any, y: Any) -> str | None:
    """Why (x, y) is not a position the file can hold, or None."""
    for value in (x, y):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"{value!r} is not a number"
        if not math.isfinite(value):
            return f"{value} is not a finite number"
        if abs(value) > MAX_COORDINATE:
            return f"{value} is beyond ±{MAX_COORDINATE:g}"
    return None
