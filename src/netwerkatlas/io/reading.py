"""Read a `.netwerkatlas` file: bytes -> text -> JSON -> version -> migrations -> schema -> checks.

Every step turns what can go wrong into a readable `Problem`; reading never writes anything.
"""

from __future__ import annotations

import errno
import itertools
import json
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from netwerkatlas.i18n import t
from netwerkatlas.io.checks import (
    NumberTooLarge,
    consistency_problems,
    number_offset,
    parse_float,
    parse_int,
    plan_body_errors,
    unknown_fields,
    view_setting_errors,
)
from netwerkatlas.io.encryption import (
    PassphraseNeeded,
    Sealing,
    is_encrypted,
    looks_like_damaged_envelope,
)
from netwerkatlas.io.errors import (
    MAX_NOTICES,
    MAX_PROBLEMS_SHOWN,
    AtlasFileError,
    LoadReport,
    Problem,
)
from netwerkatlas.io.fileformat import FORMAT_VERSION, to_atlas
from netwerkatlas.io.limits import refuse_unwritable, too_deep_problem
from netwerkatlas.io.locate import PathKey, format_path, line_index, line_of_path
from netwerkatlas.io.migrations import (
    OLDEST_SUPPORTED,
    MigrationRefused,
    migrate,
    path_in_original,
)
from netwerkatlas.io.validation import SchemaErrors, validate_file
from netwerkatlas.model.atlas import Atlas
from netwerkatlas.model.records import EdgeKind, NodeKind

MAX_FILE_BYTES = 64 * 1024 * 1024
# A JSON string (possibly cut off: the closing quote is optional), or a bracket.
_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*("?)|[{}\[\]]')
# A JSON string, or NaN/Infinity outside one.
_STRING_OR_NON_NUMBER = re.compile(r'"(?:[^"\\]|\\.)*"|(-?(?:NaN|Infinity))')
_SIGNATURES = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "ZIP / Office",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"\x1f\x8b": "gzip",
    b"\xd0\xcf\x11\xe0": "Office 97-2003",
}
# pydantic error types with a message of our own; others fall back to pydantic's English text.
_SCHEMA_MESSAGES = {
    "missing": "schema.missing",
    "string_too_long": "schema.too_long",
    "string_type": "schema.not_text",
    "string_pattern_mismatch": "schema.pattern",
    "string_too_short": "schema.empty",
    "int_type": "schema.not_whole_number",
    "int_parsing": "schema.not_whole_number",
    "int_from_float": "schema.not_whole_number",
    "bool_type": "schema.not_bool",
    "bool_parsing": "schema.not_bool",
    "float_type": "schema.not_number",
    "float_parsing": "schema.not_number",
    "finite_number": "schema.not_number",
    "less_than_equal": "schema.too_big",
    "greater_than_equal": "schema.too_small",
    "literal_error": "schema.choice",
    "enum": "schema.choice",
    "union_tag_invalid": "schema.unknown_kind",
    "union_tag_not_found": "schema.missing_kind",
    "list_type": "schema.not_list",
    "tuple_type": "schema.not_list",
    "dict_type": "schema.not_object",
    "model_type": "schema.not_object",
    "model_attributes_type": "schema.not_object",
    "too_long": "schema.too_many",
    "too_short": "schema.too_few",
}


def _shorten(value: Any, limit: int = 40) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or an error that says why they cannot be had."""

    def fail(key: str, **values: object) -> AtlasFileError:
        return AtlasFileError(path, [Problem(key, values=values)])

    try:
        info = path.stat()
    except FileNotFoundError:
        raise fail("not_found") from None
    except PermissionError:
        raise fail("no_permission") from None
    except OSError as error:
        raise fail("os_error", detail=error.strerror or str(error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise fail("is_directory")
    if not stat.S_ISREG(info.st_mode):
        raise fail("not_regular")
    if info.st_size > MAX_FILE_BYTES:
        raise fail("too_large", size=info.st_size // (1024 * 1024), limit=MAX_FILE_BYTES // 2**20)
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except PermissionError:
        raise fail("no_permission") from None
    except IsADirectoryError:
        raise fail("is_directory") from None
    except OSError as error:
        key = "is_directory" if error.errno == errno.EISDIR else "os_error"
        raise fail(key, detail=error.strerror or str(error)) from None
    if len(data) > MAX_FILE_BYTES:
        raise fail("too_large", size=len(data) // 2**20, limit=MAX_FILE_BYTES // 2**20)
    return data


def decode(path: Path, data: bytes) -> str:
    if not data.removeprefix(b"\xef\xbb\xbf").strip():
        raise AtlasFileError(path, [Problem("empty")])
    for signature, name in _SIGNATURES.items():
        if data.startswith(signature):
            raise AtlasFileError(path, [Problem("other_file_type", values={"type": name})])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":  # cut off inside a character such as ë
            line_start = data.rfind(b"\n", 0, error.start) + 1
            column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
            line = data.count(b"\n", 0, error.start) + 1
            problem = Problem("truncated", line=line, values={"column": column})
        else:
            problem = Problem("not_text", values={"offset": error.start})
        raise AtlasFileError(path, [problem]) from None
    if "\x00" in text:
        raise AtlasFileError(path, [Problem("not_text", values={"offset": text.index("\x00")})])
    return text


def _looks_cut_off(text: str) -> bool:
    """True when the text ends inside a string or an unclosed object or list: what a save or
    copy that stopped early leaves. A whole file with a mistake in it closes all it opens."""
    depth = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token[0] == '"':
            if not match.group(1):
                return True
        elif token in "{[":
            depth += 1
        else:
            depth -= 1
            if depth < 0:
                return False
    return depth > 0


def _first_non_number(text: str) -> int | None:
    """Offset of the first NaN or Infinity outside a string, if any."""
    for match in _STRING_OR_NON_NUMBER.finditer(text):
        if match.group(1):
            return match.start(1)
    return None


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_json(path: Path, text: str) -> Any:
    try:
        return json.loads(
            text, parse_constant=_reject_constant, parse_float=parse_float, parse_int=parse_int
        )
    except json.JSONDecodeError as error:
        if not text.lstrip().startswith(("{", "[")):  # no JSON at all: some other file
            raise AtlasFileError(path, [_not_json(text)]) from None
        key = "truncated" if _looks_cut_off(text) else "bad_json"
        problem = Problem(
            key, line=error.lineno, values={"column": error.colno, "detail": json_detail(error)}
        )
        raise AtlasFileError(path, [problem]) from None
    except NumberTooLarge as error:  # 1e400: read as infinity, it could never be saved again
        raise AtlasFileError(path, [_number_too_large(text, error.literal)]) from None
    except ValueError as error:  # NaN or Infinity, which Python's json accepts but JSON does not
        offset = _first_non_number(text)
        line = text.count("\n", 0, offset) + 1 if offset is not None else None
        column = offset - text.rfind("\n", 0, offset) if offset is not None else "?"
        name = "NaN" if "NaN" in str(error) else "Infinity"
        detail = t("json.not_a_number", name=name)
        problem = Problem("bad_json", line=line, values={"detail": detail, "column": column})
        raise AtlasFileError(path, [problem]) from None
    except RecursionError:
        raise AtlasFileError(path, [too_deep_problem(text)]) from None


# Python's JSON messages, in the user's words (an unknown one gets the general wording)
_JSON_DETAILS = {
    "Expecting value": "json.expecting_value",
    "Expecting ',' delimiter": "json.expecting_comma",
    "Expecting ':' delimiter": "json.expecting_colon",
    "Expecting property name enclosed in double quotes": "json.expecting_name",
    "Extra data": "json.extra_data",
    "Unterminated string starting at": "json.unterminated_string",
    "Invalid control character at": "json.control_character",
    "Invalid \\escape": "json.bad_escape",
}


def json_detail(error: json.JSONDecodeError) -> str:
    """What is wrong at the place, translated, never Python's English ("Expecting value")."""
    return t(_JSON_DETAILS.get(error.msg, "json.unexpected"))


def _not_json(text: str) -> Problem:
    """A file with text that is no JSON at all: a note, a CSV, a renamed document."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    shown = first if len(first) <= 40 else first[:39] + "…"
    return Problem("not_json", line=None, values={"start": shown})


def _number_too_large(text: str, literal: str) -> Problem:
    offset = number_offset(text, literal) or 0
    line = text.count("\n", 0, offset) + 1
    column = offset - text.rfind("\n", 0, offset)
    values = {"value": literal if len(literal) <= 40 else literal[:39] + "…", "column": column}
    return Problem("number_too_large", line=line, values=values)


def check_version(path: Path, data: Any) -> int:
    if not isinstance(data, dict):
        raise AtlasFileError(path, [Problem("not_an_atlas", line=1)])
    if "format_version" not in data:
        raise AtlasFileError(path, [Problem("no_version", line=1)])
    version = data["format_version"]
    if not isinstance(version, int) or isinstance(version, bool):
        raise AtlasFileError(
            path,
            [Problem("bad_version", where="format_version", values={"value": _shorten(version)})],
        )
    if version > FORMAT_VERSION:
        raise AtlasFileError(
            path,
            [Problem("newer_version", values={"version": version, "supported": FORMAT_VERSION})],
        )
    if version < OLDEST_SUPPORTED:
        problem = Problem(
            "bad_version", where="format_version", values={"value": _shorten(version)}
        )
        raise AtlasFileError(path, [problem])
    return version


def _schema_problem(error: dict[str, Any]) -> tuple[PathKey, Problem]:
    """A readable problem for one pydantic error, with the error's path in the data."""
    loc = _without_union_tags(tuple(error["loc"]))
    ctx = dict(error.get("ctx") or {})
    values: dict[str, object] = {
        "value": _shorten(error.get("input")),
        "field": str(loc[-1]) if loc else "",
        "detail": error.get("msg", ""),
    }
    if error["type"] == "string_too_long":
        values["length"] = len(error["input"]) if isinstance(error.get("input"), str) else "?"
    names = ("max_length", "min_length", "actual_length", "le", "ge", "expected", "tag")
    for name in (*names, "discriminator"):
        if name in ctx:
            values[name] = ctx[name]
    if error["type"] in ("union_tag_invalid", "union_tag_not_found"):
        kinds = NodeKind if loc[:1] == ("nodes",) else EdgeKind
        values["expected"] = ", ".join(k.value for k in kinds)
    key = _SCHEMA_MESSAGES.get(error["type"], "schema.other")
    values.setdefault("expected", "")
    values.setdefault("tag", error.get("input"))
    return loc, Problem(key, values=values, hint_key="schema")


def _without_union_tags(loc: PathKey) -> PathKey:
    """pydantic puts the chosen union member into an error's location, as in
    ('nodes', 3, 'theme', 'score'); the file has no such level, so drop it."""
    kinds = {k.value for k in NodeKind} | {k.value for k in EdgeKind}
    kept: list[str | int] = []
    for i, part in enumerate(loc):
        after_index = i > 0 and isinstance(loc[i - 1], int)
        if after_index and part in kinds and loc[0] in ("nodes", "edges"):
            continue
        kept.append(part)
    return tuple(kept)


def _refused_migration(text: str, error: MigrationRefused) -> list[Problem]:
    """One problem per place the migration had no room for, located in the file as it is."""
    located = _Locator(text, FORMAT_VERSION)
    values = {"version": error.version, "current": FORMAT_VERSION}
    return [
        located(place, Problem("migration_newer_content", values={**values, "field": place[-1]}))
        for place in error.places
    ]


class _Locator:
    """Gives a problem its place in the file as the user has it: for a file in an older
    format, the path is mapped back through the migrations. Lines are found only when needed."""

    def __init__(self, text: str, version: int) -> None:
        self.text = text
        self.version = version
        self._lines: dict[PathKey, int] | None = None

    def __call__(self, path: PathKey, problem: Problem) -> Problem:
        return self.many([(path, problem)])[0]

    def many(
        self, found: Iterable[tuple[PathKey, Problem]], limit: int = MAX_PROBLEMS_SHOWN + 1
    ) -> list[Problem]:
        """The first `limit` problems (those that will be shown), located in one pass over
        only the part of the text that leads to them."""
        shown = list(itertools.islice(found, limit))
        if not shown:  # nothing to place: the text need not be walked
            return []
        originals = [path_in_original(p, self.version, FORMAT_VERSION) for p, _ in shown]
        lines = line_index(self.text, originals)
        return [
            replace(problem, where=format_path(original), line=line_of_path(lines, original))
            for original, (_, problem) in zip(originals, shown, strict=True)
        ]


def unseal(path: Path, data: bytes, passphrase: str | None) -> tuple[bytes, Sealing | None]:
    """The plaintext of a file that may be encrypted, and its sealing when it was."""
    if looks_like_damaged_envelope(data):
        raise AtlasFileError(path, [Problem("encrypted_damaged_start")])
    if not is_encrypted(data):
        return data, None
    if passphrase is None:
        raise PassphraseNeeded(path)
    return Sealing.open(data, passphrase, path)


def load(path: str | os.PathLike[str], passphrase: str | None = None) -> tuple[Atlas, LoadReport]:
    """Open an atlas file, decrypting it with `passphrase` when it is encrypted. Raises
    `AtlasFileError` with readable problems (also `PassphraseNeeded`, `WrongPassphrase`);
    never writes."""
    path = Path(path)
    plaintext, sealing = unseal(path, read_bytes(path), passphrase)
    text = decode(path, plaintext)
    data = parse_json(path, text)
    refuse_unwritable(path, text, data)
    version = check_version(path, data)
    report = LoadReport(path, sealing=sealing)
    if version < FORMAT_VERSION:
        try:
            data = migrate(data, version, FORMAT_VERSION)
        except MigrationRefused as error:
            raise AtlasFileError(path, _refused_migration(text, error)) from None
        except (AttributeError, TypeError, KeyError, ValueError) as error:
            problem = Problem("migration_failed", values={"version": version, "detail": error})
            raise AtlasFileError(path, [problem]) from None
        report.migrated_from = version
        report.notices.append(
            Problem("migrated", values={"version": version, "current": FORMAT_VERSION})
        )
    located = _Locator(text, version)
    try:
        parsed = validate_file(data, {"from_file": True})
    except SchemaErrors as error:
        problems = located.many(_schema_problem(e) for e in error.errors)
        raise AtlasFileError(path, problems, total=error.total) from None
    found = consistency_problems(parsed)
    if found:
        raise AtlasFileError(path, located.many(found), total=len(found))
    unknown = unknown_fields(parsed)
    notices = ((p, Problem("unknown_field", values={"field": p[-1]})) for p in unknown)
    report.notices.extend(located.many(notices, limit=MAX_NOTICES))
    if len(unknown) > MAX_NOTICES:
        more = len(unknown) - MAX_NOTICES
        report.notices.append(Problem("more_unknown_fields", values={"count": more}))
    for error in view_setting_errors(parsed):  # kept in the file; the view uses its default
        key_path, notice = _schema_problem(error)
        report.notices.append(located(key_path, replace(notice, hint_key="view_setting_kept")))
    for error in plan_body_errors(parsed):  # kept in the file; the document shows its default
        key_path, notice = _schema_problem(error)
        report.notices.append(located(key_path, replace(notice, hint_key="plan_body_kept")))
    return to_atlas(parsed), report
