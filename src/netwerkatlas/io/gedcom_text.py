"""Reading the bytes of a GEDCOM file: encodings, byte order marks and line ends.

ged4py reads ANSEL and the legacy CHAR names but not UTF-16, and it gives up on a whole file at
one blank or broken line. This pre-step hands it clean UTF-8 or the file's own single-byte
encoding, one record line per line, and says what it skipped.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ged4py.parser import CodecError, guess_codec

from netwerkatlas.i18n import t

MAX_GEDCOM_BYTES = 256 * 1024 * 1024

Warn = Callable[..., None]

_LINE = re.compile(rb"^(\d{1,2}) +(?:@[A-Za-z0-9][^@]*@ +)?([A-Za-z0-9_]+)(?: (.*))?$")
_EOL = re.compile(rb"\r\n|\r|\n")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ANSEL = "gedcom"  # the `ansel` package's codec for GEDCOM's flavour of ANSEL
_LABELS = {_ANSEL: "ANSEL", "utf-8": "UTF-8", "cp1252": "WINDOWS-1252"}
_NOT_REALLY_UTF16 = ("UNICODE", "UTF-16", "UTF16")  # CHAR of some programs over plain UTF-8


class GedcomError(Exception):
    """A GEDCOM file could not be read; nothing was imported. `str()` is the user's message."""

    def __init__(self, path: Path | str, key: str, line: int | None = None, **values: object):
        self.path = Path(path)
        self.key = key
        self.line = line
        self.values = values
        super().__init__(key)

    def render(self) -> str:
        """File, place, what is wrong and what to do, in the current UI language."""
        what = t(f"gedcom.problem.{self.key}", **self.values)
        if self.line is not None:
            what = f"{t('where.line', line=self.line)}: {what}"
        return "\n".join(
            [
                t("gedcom.error.cannot_read", path=self.path.name),
                f"  • {what}",
                t("error.what_to_do"),
                "  " + t(f"gedcom.hint.{self.key}", **self.values),
            ]
        )

    def __str__(self) -> str:
        return self.render()


def read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise GedcomError(path, "is_directory")
        with open(path, "rb") as f:
            raw = f.read(MAX_GEDCOM_BYTES + 1)
    except FileNotFoundError:
        raise GedcomError(path, "not_found") from None
    except PermissionError:
        raise GedcomError(path, "no_permission") from None
    except OSError as error:
        raise GedcomError(path, "os_error", detail=error.strerror or str(error)) from None
    if len(raw) > MAX_GEDCOM_BYTES:
        raise GedcomError(path, "too_large", limit=MAX_GEDCOM_BYTES // 2**20)
    if not raw.strip(b" \t\r\n\x00\x1a"):
        raise GedcomError(path, "empty")
    return raw


@dataclass(frozen=True)
class Prepared:
    data: bytes  # clean LF-separated lines in an ASCII-compatible encoding
    codec: str  # the Python codec that decodes them
    errors: str  # "replace" when some bytes do not decode
    label: str  # the encoding as the user may want to see it
    complete: bool  # ends with TRLR; else dangling links to families past the cut are expected


def prepare(path: Path, raw: bytes, warn: Warn) -> Prepared:
    """The file in a shape ged4py reads. UTF-16 and BOM-marked files are decoded here and
    passed on as UTF-8, since ged4py reads lines as bytes, which works for every GEDCOM
    encoding but UTF-16. A BOM wins over the CHAR line."""
    forced, body = None, raw
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            forced, body = encoding, raw[len(bom) :]
            break
    if forced is None and raw[:2] in (b"0\x00", b"\x000"):  # "0 HEAD" in UTF-16 without BOM
        forced = "utf-16-le" if raw[1] == 0 else "utf-16-be"
    if forced and forced != "utf-8":  # an odd last byte is a cut-off file, not a broken one
        text = body[: len(body) // 2 * 2].decode(forced, "replace")
        if "\ufffd" in text:
            line = len(_EOL.findall(text.encode("utf-8"), 0, text.index("\ufffd"))) + 1
            warn("bad_characters", line=line, encoding=forced.upper())
        body = text.encode("utf-8")
    lines, numbers, declared = _clean_lines(path, body, warn)
    data = b"\n".join(lines) + b"\n"
    codec = "utf-8" if forced else _codec(path, data, declared)
    label = forced.upper() if forced and forced != "utf-8" else _LABELS.get(codec, codec.upper())
    errors = "strict"
    try:
        data.decode(codec)
    except UnicodeDecodeError as error:
        line = numbers[data.count(b"\n", 0, error.start)]
        warn("bad_characters", line=line, encoding=label)
        errors = "replace"
    # The codec goes to ged4py explicitly, but a CHAR it cannot look up would still stop it.
    data = re.sub(rb"(?m)^1 CHAR .*$", b"1 CHAR UTF-8", data, count=1)
    return Prepared(data, codec, errors, label, lines[-1].rstrip() == b"0 TRLR")


def _clean_lines(path: Path, body: bytes, warn: Warn) -> tuple[list[bytes], list[int], str]:
    """The lines ged4py can take, their numbers in the file, and the HEAD's CHAR value.
    Broken lines are skipped (a note with a raw line break, a truncated last line), and so
    are the lines nested under them."""
    raw_lines = _EOL.split(body.rstrip(b" \t\r\n\x00\x1a"))
    first = next((n for n, line in enumerate(raw_lines) if line.strip()), 0)
    if not re.fullmatch(rb"\s*0 +HEAD\s*", raw_lines[first]):
        looks_like_json = raw_lines[first].lstrip()[:1] in (b"{", b"[")
        raise GedcomError(path, "json" if looks_like_json else "not_gedcom", line=first + 1)
    kept: list[bytes] = []
    numbers: list[int] = []
    skipped: list[int] = []
    declared = ""
    level, tag, in_head = -1, b"", True
    for number, line in enumerate(raw_lines[first:], start=first + 1):
        line = line.lstrip()
        if not line:
            continue
        match = _LINE.match(line)
        new_level = int(match[1]) if match else 99
        if match and match[2] in (b"CONT", b"CONC"):
            allowed = new_level == (level if tag in (b"CONT", b"CONC") else level + 1)
        else:
            allowed = new_level <= level + 1
        if not (match and allowed):
            skipped.append(number)
            continue
        level, tag = new_level, match[2]
        in_head = in_head and (level > 0 or not kept)
        if in_head and level == 1 and tag == b"CHAR" and not declared:
            declared = (match[3] or b"").decode("ascii", "replace").strip()
        kept.append(line)
        numbers.append(number)
    if len(skipped) > len(kept):
        raise GedcomError(path, "not_gedcom", line=skipped[0])
    if not any(line[:1] == b"0" for line in kept[1:]):  # only a HEAD: nothing to import
        raise GedcomError(path, "no_people")
    if skipped:
        shown = ", ".join(str(n) for n in skipped[:8]) + (" …" if len(skipped) > 8 else "")
        warn("skipped_lines", count=len(skipped), lines=shown)
    if kept[-1].rstrip() != b"0 TRLR":
        warn("no_trailer")
    return kept, numbers, declared


def _codec(path: Path, data: bytes, declared: str) -> str:
    """The Python codec for the file's CHAR, using ged4py's table of GEDCOM names."""
    if not declared:  # no CHAR: today's programs write UTF-8, the standard says ANSEL
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return _ANSEL
        return "utf-8"
    if declared.upper() in _NOT_REALLY_UTF16:
        return "utf-8"
    try:
        codec = guess_codec(io.BytesIO(data), warn=False)[0]
        ascii_safe = b"0 HEAD\n".decode(codec) == "0 HEAD\n"
    except (CodecError, LookupError, UnicodeError, OSError, ValueError):
        ascii_safe = False  # ValueError: a NUL in the CHAR name, which codecs.lookup refuses
    if not ascii_safe:
        raise GedcomError(path, "unsupported_encoding", encoding=declared[:40])
    return codec
