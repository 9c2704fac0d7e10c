"""Schema validation whose cost a bad file cannot blow up.

pydantic collects every error before it reports one: a file of a million records without a
`kind` gave a million errors, minutes of work and gigabytes of memory, to show twenty. Long
lists of records are therefore checked in chunks through the same model; the details of the
first errors are kept and the others only counted, which pydantic does cheaply.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from netwerkatlas.io.errors import MAX_PROBLEMS_SHOWN
from netwerkatlas.io.fileformat import AtlasFile

CHUNK = 1000
_LISTS = tuple(
    name
    for name, info in AtlasFile.model_fields.items()
    if getattr(info.annotation, "__origin__", None) is list
)


class SchemaErrors(Exception):
    """The first schema errors (pydantic's dicts, paths in the whole file) and their total."""

    def __init__(self, errors: list[dict[str, Any]], total: int) -> None:
        super().__init__(f"{total} schema errors")
        self.errors = errors
        self.total = total


def _collect(error: ValidationError, keep: list[dict[str, Any]]) -> None:
    """Add the details of `error`'s first errors to `keep`, up to what will be shown."""
    room = MAX_PROBLEMS_SHOWN + 1 - len(keep)
    if room <= 0:
        return
    keep.extend(error.errors(include_url=False)[:room])


def validate_file(data: Any, context: dict[str, Any]) -> AtlasFile:
    """`AtlasFile.model_validate(data)`, raising `SchemaErrors` with bounded details."""
    long_lists = [
        name
        for name in _LISTS
        if isinstance(data, dict) and isinstance(data.get(name), list) and len(data[name]) > CHUNK
    ]
    if long_lists:
        return _check_in_chunks(data, long_lists, context)
    try:
        return AtlasFile.model_validate(data, context=context)
    except ValidationError as error:
        total = error.error_count()
        if total > CHUNK:  # a huge value outside the record lists: details of the first only
            keep: list[dict[str, Any]] = []
            _collect(error, keep)
            raise SchemaErrors(keep, total) from None
        raise SchemaErrors(error.errors(include_url=False), total) from None


def _check_in_chunks(data: dict[str, Any], long_lists: list[str], context: dict) -> AtlasFile:
    """Validate the long lists chunk by chunk and the rest once; raise when anything fails.
    When all is well, the file is the validated rest with the validated chunks' records (each
    value validated once: a second pass over the whole file was a fifth of opening a large
    atlas)."""
    rest = {**data, **{name: [] for name in long_lists}}
    keep: list[dict[str, Any]] = []
    in_rest = 0
    whole: AtlasFile | None = None
    try:
        whole = AtlasFile.model_validate(rest, context=context)
    except ValidationError as error:
        in_rest = error.error_count()
        _collect(error, keep)
    total = in_rest
    lists: dict[str, list[Any]] = {name: [] for name in long_lists}
    for name in long_lists:
        records = data[name]
        for start in range(0, len(records), CHUNK):
            piece = {**rest, name: records[start : start + CHUNK]}
            try:
                lists[name].extend(getattr(AtlasFile.model_validate(piece, context=context), name))
            except ValidationError as error:
                total += error.error_count() - in_rest  # the rest's errors come with each piece
                room = MAX_PROBLEMS_SHOWN + 1 - len(keep)
                if room <= 0:
                    continue
                ours = [e for e in error.errors(include_url=False) if e["loc"][:1] == (name,)]
                for item in ours[:room]:
                    loc = item["loc"]
                    keep.append({**item, "loc": (name, loc[1] + start, *loc[2:])})
    if total or whole is None:
        raise SchemaErrors(keep, total)
    for name, found in lists.items():
        setattr(whole, name, found)
    return whole
