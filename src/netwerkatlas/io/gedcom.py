"""Import a family tree from a GEDCOM 5.5 / 5.5.1 file (GenoPro, Gramps, Family Tree Maker, ...).

Parsing is done by ged4py: of the GEDCOM parsers on PyPI it is the one that reads ANSEL (through
the `ansel` codec) and the legacy CHAR names (ANSI, IBMPC, MACINTOSH, ...) besides UTF-8, and it
parses GEDCOM dates in all four calendars; it is MIT licensed and maintained since 2018.
What it lacks is done in a thin pre-step here: UTF-16 files (with or without BOM) are decoded and
handed over as UTF-8, a BOM wins over a contradicting CHAR line, blank and broken lines are
skipped with a warning instead of failing the whole file, and ANSEL's combining marks are
composed (NFC) so that an imported "é" is the same letter as a typed one.

`read_gedcom` gives a `GedcomTree` (plain data: nothing is changed yet). Choosing whom to import
and turning them into atlas records is in `netwerkatlas.io.gedcom_records`; its `select_around`,
`to_records` and `GedcomRecords` can be imported from here as well.
"""

from __future__ import annotations

import datetime
import io
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ged4py.calendar import CalendarType
from ged4py.date import DateValue, DateValueSimple, DateValueTypes
from ged4py.model import Record
from ged4py.parser import GedcomReader

from netwerkatlas.i18n import t, tn
from netwerkatlas.io.gedcom_records import GedcomRecords, select_around, to_records
from netwerkatlas.io.gedcom_text import (
    GedcomError,
    Warn,
    prepare,
    read_bytes,
)
from netwerkatlas.model.records import (
    MAX_LABEL,
    Gender,
    ParentChildKind,
    PartnerStatus,
)

__all__ = [
    "GedcomCancelled",
    "GedcomChild",
    "GedcomError",
    "GedcomFamily",
    "GedcomPerson",
    "GedcomRecords",
    "GedcomTree",
    "read_gedcom",
    "select_around",
    "to_records",
]

MAX_WARNINGS = 30
PROGRESS_EVERY = 250  # records between two progress reports
BIRTH = ("BIRT", "CHR", "BAPM")  # by preference: the birth, else the baptism
DEATH = ("DEAT", "BURI", "CREM")
FIRST_YEAR, LAST_YEAR = 1000, 2999  # what the model accepts


_SPACES = re.compile(r"[\t\n\r\f\v]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_BC = re.compile(r"\bB\.?\s?C\.?(?:E\.?)?(?!\w)", re.IGNORECASE)  # "BC", "B.C.", "BCE"
_JD_OF_ORDINAL_0 = 1721424.5  # Julian day of 31 Dec 1 BC, day 0 of date.fromordinal
_SEX = {"M": Gender.MALE, "F": Gender.FEMALE, "U": Gender.UNKNOWN, "X": Gender.OTHER}
_PEDIGREE = {
    "adopted": ParentChildKind.ADOPTED,
    "foster": ParentChildKind.FOSTER,
    "guardian": ParentChildKind.FOSTER,
    "birth": ParentChildKind.BIOLOGICAL,
    "natural": ParentChildKind.BIOLOGICAL,
    "sealing": ParentChildKind.BIOLOGICAL,
}


@dataclass(frozen=True)
class GedcomPerson:
    """One INDI record. `deceased` is true whenever the file records a death or burial."""

    xref: str
    name: str
    given: str
    surname: str
    gender: Gender = Gender.UNKNOWN
    birth_year: int | None = None
    death_year: int | None = None
    deceased: bool = False
    birth_date: str = ""  # the exact day ("5 MAY 1978") if known: siblings alike are twins


@dataclass(frozen=True)
class GedcomChild:
    """A child of a family; `kinds[i]` is how it is the child of the family's `partners[i]`
    (a stepfather can adopt while the mother is the birth mother)."""

    xref: str
    kinds: tuple[ParentChildKind, ...]

    @property
    def kind(self) -> ParentChildKind:
        """One kind for both parents: adopted or foster if it is so for either."""
        return next((k for k in self.kinds if k != ParentChildKind.BIOLOGICAL), self.kinds[0])


@dataclass(frozen=True)
class GedcomFamily:
    """One FAM record: a couple (or a single parent) and their children."""

    xref: str
    partners: tuple[str, ...]
    married_year: int | None = None
    divorced_year: int | None = None
    status: PartnerStatus = PartnerStatus.OTHER
    children: tuple[GedcomChild, ...] = ()


@dataclass
class GedcomTree:
    """Everything usable in a file; `warnings` says what was skipped and why."""

    persons: dict[str, GedcomPerson]
    families: list[GedcomFamily]
    encoding: str
    warnings: list[str] = field(default_factory=list)


# --- reading -------------------------------------------------------------------------------------

Progress = Callable[[float], None]


class GedcomCancelled(Exception):
    """Raised by a progress callback to stop reading (the user pressed Cancel)."""


class _Counter:
    """Tells `progress` how far reading is, as a fraction of the file's top-level records."""

    def __init__(self, data: bytes, progress: Progress | None) -> None:
        self.total = max(1, data.count(b"\n0 ") + 1)
        self.done = 0
        self.progress = progress

    def tick(self) -> None:
        self.done += 1
        if self.progress is not None and self.done % PROGRESS_EVERY == 0:
            self.progress(min(1.0, self.done / self.total))


def read_gedcom(path: str | os.PathLike[str], progress: Progress | None = None) -> GedcomTree:
    """Read a GEDCOM file. Raises `GedcomError` (never anything else) when it is unusable.

    A large file takes seconds: `progress(fraction)` is called every few hundred records, from
    the thread that reads; it may raise `GedcomCancelled` to stop, which is passed on."""
    path = Path(path)
    warnings: list[str] = []

    def warn(key: str, **values: object) -> None:
        warnings.append(t(f"gedcom.warn.{key}", **values))

    if progress is not None:
        progress(0.0)
    ready = prepare(path, read_bytes(path), warn)
    counter = _Counter(ready.data, progress)
    try:
        with GedcomReader(
            io.BytesIO(ready.data), encoding=ready.codec, errors=ready.errors
        ) as reader:
            persons, links = _persons(reader, warn, counter)
            families = _families(reader, persons, links, warn, ready.complete, counter)
    except (GedcomError, GedcomCancelled):
        raise
    except Exception as error:  # ged4py on hostile input: a message, never a traceback
        raise GedcomError(path, "unreadable", detail=str(error) or type(error).__name__) from None
    if not persons:
        raise GedcomError(path, "no_people")
    if len(warnings) > MAX_WARNINGS:
        warnings[MAX_WARNINGS:] = [tn("gedcom.warn.more", len(warnings) - MAX_WARNINGS)]
    return GedcomTree(persons, families, ready.label, warnings)


def _text(value: object) -> str:
    """Tidy text: no control characters (a name is shown and exported, and XML cannot hold
    them), single spaces, and ANSEL's base-plus-combining-mark composed (NFC)."""
    shown = _CONTROL.sub("", _SPACES.sub(" ", str(value or "")))
    return unicodedata.normalize("NFC", " ".join(shown.split()))


def _name_part(value: object) -> str:
    """A part of a NAME: the slashes that mark the surname are syntax, never part of a name
    (a stray third slash in "John /Smith/ Jr/" stays behind after ged4py's split)."""
    return _text(str(value or "").replace("/", " "))


@dataclass
class _Links:
    """What the INDI side of a file says about families, to complete the FAM side."""

    spouse_in: list[tuple[str, str]] = field(default_factory=list)  # (person, family)
    child_in: list[tuple[str, str]] = field(default_factory=list)
    # (family, child) -> {"HUSB" / "WIFE" / "*" (any parent): kind}
    kinds: defaultdict[tuple[str, str], dict[str, ParentChildKind]] = field(
        default_factory=lambda: defaultdict(dict)
    )


def _persons(
    reader: GedcomReader, warn: Warn, counter: _Counter
) -> tuple[dict[str, GedcomPerson], _Links]:
    persons: dict[str, GedcomPerson] = {}
    links = _Links()
    for record in reader.records0("INDI"):
        counter.tick()
        xref = record.xref_id
        if not xref or xref in persons:
            warn("bad_person", xref=xref or "?")
            continue
        persons[xref] = _person(record, xref, warn)
        links.spouse_in += [(xref, fam) for fam, _ in _pointers(record, "FAMS")]
        own = _pointers(record, "FAMC")
        for fam, sub in own:
            links.child_in.append((xref, fam))
            pedigree = _text(sub.sub_tag_value("PEDI")).lower()
            if pedigree:
                if pedigree not in _PEDIGREE:
                    warn("unknown_pedigree", xref=xref, value=pedigree[:40])
                kind = _PEDIGREE.get(pedigree, ParentChildKind.BIOLOGICAL)
                links.kinds[fam, xref] = {"HUSB": kind, "WIFE": kind, "*": kind}
        for adoption in record.sub_tags("ADOP", follow=False):
            for fam, sub in _pointers(adoption, "FAMC") or (own if len(own) == 1 else []):
                by = _text(sub.sub_tag_value("ADOP")).upper()
                for role in (by,) if by in ("HUSB", "WIFE") else ("HUSB", "WIFE", "*"):
                    links.kinds[fam, xref][role] = ParentChildKind.ADOPTED
    return persons, links


def _person(record: Record, xref: str, warn: Warn) -> GedcomPerson:
    names = record.sub_tags("NAME", follow=False)
    primary = next((n for n in names if not n.sub_tag("TYPE")), names[0] if names else None)
    parts = [_name_part(p) for p in (primary.value[:3] if primary else ("", "", ""))]
    given = (_name_part(primary.sub_tag_value("GIVN")) if primary else "") or parts[0] or parts[2]
    surname = (_name_part(primary.sub_tag_value("SURN")) if primary else "") or parts[1]
    full = " ".join(p for p in parts if p) or f"{given} {surname}".strip()
    # a birth without a date must not hide a dated baptism, nor a death a dated burial
    birth = _first_event(record, BIRTH, dated=True) or _first_event(record, BIRTH)
    death = _first_event(record, DEATH, dated=True) or _first_event(record, DEATH)
    date = birth.sub_tag_value("DATE") if birth else None
    exact = isinstance(date, DateValueSimple) and date.date.day is not None and not date.date.bc
    sex = _text(record.sub_tag_value("SEX"))[:1].upper()
    return GedcomPerson(
        xref=xref,
        name=full[:MAX_LABEL],
        given=given[:MAX_LABEL],
        surname=surname[:MAX_LABEL],
        gender=_SEX.get(sex, Gender.UNKNOWN),
        birth_year=_year(birth, xref, warn),
        death_year=_year(death, xref, warn),
        deceased=death is not None and _text(death.value).upper() != "N",
        birth_date=_text(date) if exact else "",
    )


def _first_event(record: Record, tags: tuple[str, ...], dated: bool = False) -> Record | None:
    """The first of these events the record has, by preference (birth before baptism);
    with `dated`, the first that has a date."""
    for tag in tags:
        for event in record.sub_tags(tag, follow=False):
            if not dated or isinstance(event.sub_tag_value("DATE"), DateValue):
                return event
            break  # only the first event of each kind counts
    return None


def _year(event: Record | None, xref: str, warn: Warn) -> int | None:
    """The Gregorian year of an event's date (the first date of a range), if it has one."""
    date = event.sub_tag_value("DATE") if event else None
    if not isinstance(date, DateValue):
        return None
    if date.kind == DateValueTypes.PHRASE:  # free text: take a year written in it, if any
        phrase = getattr(date, "phrase", None) or ""
        found = re.search(r"\b(\d{1,4})\b", phrase)
        year = (-int(found[1]) if _BC.search(phrase) else int(found[1])) if found else None
    else:
        year = _calendar_year(_first_date(date))
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        shown = t("gedcom.year_bc", year=-year) if year < 1 else str(year)
        warn("year_out_of_range", xref=xref, year=shown, first=FIRST_YEAR, last=LAST_YEAR)
        return None
    return year


def _first_date(date: DateValue):
    """The first real date of a date value. Not `key()`: for "BEF 1930" and "TO 1930" that
    starts at ged4py's placeholder 5000 B.C.; the date the file wrote is 1930."""
    for name in ("date", "date1", "date2"):
        if (value := getattr(date, name, None)) is not None:
            return value
    return date.key()[0]


def _calendar_year(value) -> int | None:
    """The Gregorian year of one calendar date (negative before Christ)."""
    year = -value.year if value.bc else value.year
    if value.calendar != CalendarType.GREGORIAN:  # Julian, Hebrew, French: via the day
        try:
            year = datetime.date.fromordinal(int(value.key()[0] - _JD_OF_ORDINAL_0)).year
        except (ValueError, OverflowError):
            year = None
    return year


def _pointers(record: Record, tag: str) -> list[tuple[str, Record]]:
    """(xref, sub-record) for each sub-record `tag` that holds a pointer."""
    found = []
    for sub in record.sub_tags(tag, follow=False):
        value = str(sub.value or "").strip()
        if len(value) > 2 and value[0] == value[-1] == "@":
            found.append((value, sub))
    return found


def _families(
    reader: GedcomReader,
    persons: dict[str, GedcomPerson],
    links: _Links,
    warn: Warn,
    complete: bool,
    counter: _Counter,
) -> list[GedcomFamily]:
    """Families from FAM records, completed by the INDI side (FAMS, FAMC with PEDI, ADOP)."""
    records: dict[str, Record] = {}
    for record in reader.records0("FAM"):
        counter.tick()
        if not record.xref_id or record.xref_id in records:  # never merge two families
            warn("bad_family", xref=record.xref_id or "?")
        else:
            records[record.xref_id] = record
    partners: dict[str, list[str]] = defaultdict(list)
    children: dict[str, list[str]] = defaultdict(list)
    roles: dict[str, dict[str, str]] = defaultdict(dict)  # family -> partner -> HUSB/WIFE
    kinds: dict[tuple[str, str], dict[str, ParentChildKind]] = defaultdict(dict)
    for fam, record in records.items():
        for tag in ("HUSB", "WIFE"):
            for xref, _ in _pointers(record, tag):
                roles[fam].setdefault(xref, tag)
                partners[fam].append(xref)
        for xref, sub in _pointers(record, "CHIL"):
            children[fam].append(xref)
            for tag, role in (("_FREL", "HUSB"), ("_MREL", "WIFE")):  # Gramps, FTM, Legacy
                if kind := _PEDIGREE.get(_text(sub.sub_tag_value(tag)).lower()):
                    kinds[fam, xref][role] = kind
    for key, said in links.kinds.items():  # PEDI and ADOP win over _FREL/_MREL
        kinds[key].update(said)
    for tag, found_in, members in (
        ("FAMS", links.spouse_in, partners),
        ("FAMC", links.child_in, children),
    ):
        for xref, fam in found_in:
            if fam not in records:
                if complete:
                    warn("missing_family", xref=xref, family=fam, tag=tag)
            elif xref not in members[fam]:
                members[fam].append(xref)
    families = []
    for fam, record in records.items():
        couple = tuple(p for p in dict.fromkeys(partners[fam]) if _known(p, fam, persons, warn))
        if len(couple) > 2:
            warn("many_partners", family=fam)
            couple = couple[:2]
        kids = []
        for child in dict.fromkeys(children[fam]):
            if child in couple or not _known(child, fam, persons, warn):
                continue
            said = kinds.get((fam, child), {})
            default = said.get("*", ParentChildKind.BIOLOGICAL)
            per_parent = tuple(said.get(roles[fam].get(p, "*"), default) for p in couple)
            kids.append(GedcomChild(child, per_parent or (default,)))
        married = _first_event(record, ("MARR",))
        divorced = _first_event(record, ("DIV",))
        if divorced is not None and _text(divorced.value).upper() == "N":
            divorced = None
        status = PartnerStatus.OTHER
        if divorced is not None:
            status = PartnerStatus.DIVORCED
        elif married is not None:
            status = PartnerStatus.MARRIED
        families.append(
            GedcomFamily(
                xref=fam,
                partners=couple,
                married_year=_year(married, fam, warn),
                divorced_year=_year(divorced, fam, warn),
                status=status,
                children=tuple(kids),
            )
        )
    return families


def _known(xref: str, fam: str, persons: dict[str, GedcomPerson], warn: Warn) -> bool:
    if xref in persons:
        return True
    warn("missing_person", family=fam, xref=xref)
    return False
