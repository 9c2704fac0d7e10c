"""When an event happened: read what people type, say it back as they would, place it on an axis.

An event's time is stored in six fields of `EventNode`: `date` ("YYYY", "YYYY-MM" or
"YYYY-MM-DD"), `year`, `age` (the client's age), `approximate`, `end_year` and `end_age`. The
start is taken from `date`, else `year`, else `age`. Everything here works on those fields so the
gebeurteniskaart, the Details panel, the summary and the change report agree on one reading.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date as _date
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from netwerkatlas.i18n import LANGUAGES, catalogue, t
from netwerkatlas.model.records import EventNode, NodeKind

if TYPE_CHECKING:
    from netwerkatlas.model.atlas import Atlas

Unit = Literal["year", "age"]
Precision = Literal["day", "month", "year"]

FIELDS = ("date", "year", "age", "approximate", "end_year", "end_age")
MIN_YEAR, MAX_YEAR = 1000, 2999
MAX_AGE = 150


class DateError(ValueError):
    """What the user typed is not a time this module can read; the message says what is."""


@dataclass(frozen=True)
class Span:
    """An event's place in time: `start` and `end` in fractional years (calendar or age).

    A moment has end == start; a span ends at the end of its last year (1990-1999 ends at 2000.0).
    """

    start: float
    end: float
    approximate: bool
    precision: Precision


# --- reading the stored fields -----------------------------------------------------------------


def _date_parts(text: str) -> tuple[int, int | None, int | None]:
    parts = [int(p) for p in text.split("-")]
    return parts[0], (parts[1] if len(parts) > 1 else None), (parts[2] if len(parts) > 2 else None)


def _fraction(month: int | None, day: int | None) -> float:
    return ((month or 1) - 1) / 12 + ((day or 1) - 1) / 365


def _calendar_start(event: EventNode) -> tuple[float, Precision] | None:
    """The start in calendar years when the event has a date or year of its own."""
    if event.date:
        year, month, day = _date_parts(event.date)
        precision: Precision = "day" if day else "month" if month else "year"
        return year + _fraction(month, day), precision
    if event.year is not None:
        return float(event.year), "year"
    return None


def year_span(event: EventNode, birth_year: int | None) -> Span | None:
    """The event in calendar years; an age-only event needs the client's birth year."""
    start = _calendar_start(event)
    if start is None:
        if event.age is None or birth_year is None:
            return None
        begin, precision = float(birth_year + event.age), "year"
    else:
        begin, precision = start
    end = begin
    if event.end_year is not None:
        end = float(event.end_year + 1)
    elif event.end_age is not None and birth_year is not None:
        end = float(birth_year + event.end_age + 1)
    return Span(begin, max(end, begin), event.approximate, precision)


def age_span(event: EventNode, birth_year: int | None) -> Span | None:
    """The event in years of the client's age; a dated event needs the client's birth year."""
    if _calendar_start(event) is None:
        if event.age is None:
            return None
        begin = float(event.age)
        end = float(event.end_age + 1) if event.end_age is not None else begin
        return Span(begin, max(end, begin), event.approximate, "year")
    if birth_year is None:
        return None
    years = year_span(event, birth_year)
    assert years is not None
    return Span(
        years.start - birth_year, years.end - birth_year, years.approximate, years.precision
    )


def span(event: EventNode, unit: Unit, birth_year: int | None) -> Span | None:
    """The event's span on an axis in `unit`, or None when it cannot be placed there."""
    return year_span(event, birth_year) if unit == "year" else age_span(event, birth_year)


def has_time(event: EventNode) -> bool:
    return bool(event.date) or event.year is not None or event.age is not None


# --- saying it ---------------------------------------------------------------------------------


def month_name(month: int) -> str:
    return t(f"date.month.{month}")


def _decade(event: EventNode) -> int | None:
    """The decade start when the event is stored as one ("jaren 90": 1990-1999, approximate)."""
    if (
        event.approximate
        and not event.date
        and event.year is not None
        and event.year % 10 == 0
        and event.end_year == event.year + 9
    ):
        return event.year
    return None


def describe(event: EventNode, birth_year: int | None = None) -> str:
    """The event's time as people say it ("ca. 1998", "jaren 90", "maart 2014", "14 jaar");
    "" when it has none."""
    decade = _decade(event)
    if decade is not None:
        # Dutch says "jaren 90" (two digits, the catalogue's date.decade_digits) but
        # "jaren 2000": two digits only where they cannot be misread.
        short = t("date.decade_digits") == "2" and 1910 <= decade <= 1990
        return t("date.decade", decade=f"{decade % 100:02d}" if short else str(decade))
    if event.date or event.year is not None:
        if event.date:
            year, month, day = _date_parts(event.date)
            if day:
                text = t("date.day_month_year", day=day, month=month_name(month or 1), year=year)
            elif month:
                text = t("date.month_year", month=month_name(month), year=year)
            else:
                text = str(year)
        else:
            year = event.year or 0
            text = str(year)
        end = event.end_year
        if end is None and event.end_age is not None and birth_year is not None:
            end = birth_year + event.end_age
        if end is not None and end != year:
            text = t("date.span", start=text, end=end)
    elif event.age is not None:
        if event.end_age is not None and event.end_age != event.age:
            text = t("date.age_span", start=event.age, end=event.end_age)
        else:
            text = t("date.age", age=event.age)
    else:
        return ""
    return t("date.about", when=text) if event.approximate else text


# --- reading what was typed --------------------------------------------------------------------

_APPROX = re.compile(
    r"^(?:circa|ca\.?|c\.|~|±|rondom|rond|ongeveer|omstreeks|about|around|approximately|"
    r"approx\.?)\s*"
)
_DASH = re.compile(r"\s*(?:-|–|—|tot en met|t/m|tot|to|until)\s*")
_YEAR = r"(\d{4})"
_AGE = r"(\d{1,3})"


def _empty() -> dict[str, Any]:
    return {
        "date": None,
        "year": None,
        "age": None,
        "approximate": False,
        "end_year": None,
        "end_age": None,
    }


@cache
def _month_words() -> dict[str, int]:
    """Month names and abbreviations of every language, so "maart" and "March" both read."""
    words: dict[str, int] = {}
    for code in LANGUAGES:
        texts = catalogue(code)
        for month in range(1, 13):
            full = texts.get(f"date.month.{month}", "").lower()
            short = texts.get(f"date.month_short.{month}", "").lower()
            for length in range(3, len(full) + 1):
                words.setdefault(full[:length], month)
            if short:
                words[short] = month
    return words


def _month(word: str) -> int | None:
    return _month_words().get(word.rstrip(".").lower())


def _check_year(year: int, text: str) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(t("date.error.year_range", text=text))
    return year


def _check_age(age: int, text: str) -> int:
    if not 0 <= age <= MAX_AGE:
        raise DateError(t("date.error.age_range", text=text))
    return age


def _iso(year: int, month: int, day: int | None, text: str) -> str:
    _check_year(year, text)
    if not 1 <= month <= 12:
        raise DateError(t("date.error.unreadable", text=text))
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        _date(year, month, day)
    except ValueError:
        raise DateError(t("date.error.no_day", text=text, day=day)) from None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _strip_age_words(body: str) -> tuple[str, bool]:
    """The text without the words that say it is an age, and whether there were any."""
    patterns = (
        r"^toen ik (.+?) (?:jaar )?was$",
        r"^mijn (\d{1,3})(?:e|ste|de)?(?: jaar)?$",
        r"^(?:op|vanaf) (?:mijn )?(.+?)(?:e|ste|de)?(?: jaar)?$",
        r"^van (.+) jaar$",
        r"^(?:at )?ages? (.+)$",
        r"^aged (.+)$",
        r"^at (.+)$",
        r"^(.+?) ?(?:jaar|jr\.?|years?(?: old)?|y)$",
    )
    for pattern in patterns:
        found = re.match(pattern, body)
        if found:
            return found.group(1).strip(), True
    return body, False


def parse(text: str) -> dict[str, Any]:
    """What the user typed as the six time fields of an event (for UpdateItem); "" clears them.

    Raises DateError with a message for the user when the text is not a form it can read."""
    result = _empty()
    body = " ".join(text.strip().lower().split())
    if not body:
        return result
    approximate = False
    stripped = _APPROX.sub("", body)
    if stripped != body:
        approximate, body = True, stripped.strip()
    if body.endswith("?"):
        approximate, body = True, body[:-1].strip()
    if body.startswith("the "):
        body = body[4:]
    result["approximate"] = approximate

    decade = re.match(r"^(?:jaren|de jaren) '?(\d{2}|\d{4})$", body) or re.match(
        r"^'?(\d{2}|\d{4})'?s$", body
    )
    if decade:
        digits = decade.group(1)
        start = int(digits) if len(digits) == 4 else 1900 + int(digits)
        if start % 10:
            raise DateError(t("date.error.unreadable", text=text.strip()))
        _check_year(start + 9, text.strip())
        return {
            **result,
            "year": _check_year(start, text.strip()),
            "end_year": start + 9,
            "approximate": True,
        }

    body = re.sub(r"^(?:van|from) ", "", body) if re.match(r"^(?:van|from) \d{4}", body) else body
    found = re.match(rf"^{_YEAR}{_DASH.pattern}{_YEAR}$", body)
    if found:
        start, end = (_check_year(int(g), text.strip()) for g in found.groups())
        if end < start:
            raise DateError(t("date.error.backwards", text=text.strip()))
        return {**result, "year": start, "end_year": end if end != start else None}
    if re.fullmatch(_YEAR, body):
        return {**result, "year": _check_year(int(body), text.strip())}
    iso = re.fullmatch(r"(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?", body)
    if iso:
        year, month, day = iso.groups()
        return {**result, "date": _iso(int(year), int(month), day and int(day), text.strip())}
    numeric = re.fullmatch(r"(?:(\d{1,2})[-/.])?(\d{1,2})[-/.](\d{4})", body)
    if numeric:
        day, month, year = numeric.groups()
        return {**result, "date": _iso(int(year), int(month), day and int(day), text.strip())}
    words = re.fullmatch(r"(?:(\d{1,2})(?:e|st|nd|rd|th)? )?([a-z]+\.?),? (\d{4})", body)
    if words and _month(words.group(2)):
        day, word, year = words.groups()
        month = _month(word) or 1
        return {**result, "date": _iso(int(year), month, day and int(day), text.strip())}
    english = re.fullmatch(r"([a-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})", body)
    if english and _month(english.group(1)):
        word, day, year = english.groups()
        return {**result, "date": _iso(int(year), _month(word) or 1, int(day), text.strip())}

    ages, _ = _strip_age_words(body)
    found = re.fullmatch(rf"{_AGE}(?:e|ste|de)?{_DASH.pattern}{_AGE}(?:e|ste|de)?", ages)
    if found:
        start, end = (_check_age(int(g), text.strip()) for g in found.groups())
        if end < start:
            raise DateError(t("date.error.backwards", text=text.strip()))
        return {**result, "age": start, "end_age": end if end != start else None}
    found = re.fullmatch(rf"{_AGE}(?:e|ste|de)?", ages)
    if found:
        return {**result, "age": _check_age(int(found.group(1)), text.strip())}
    raise DateError(t("date.error.unreadable", text=text.strip()))


# --- changing it -------------------------------------------------------------------------------


def current(event: EventNode) -> dict[str, Any]:
    """The event's six time fields as they are."""
    return {name: getattr(event, name) for name in FIELDS}


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def _replace_year(date_text: str, year: int) -> str:
    _, month, day = _date_parts(date_text)
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    day = min(day, calendar.monthrange(year, month)[1])  # 29 February in a year without one
    return f"{year:04d}-{month:02d}-{day:02d}"


def _to_calendar(event: EventNode, year: int) -> dict[str, Any]:
    changes = current(event)
    year = _clamp(year, MIN_YEAR, MAX_YEAR)
    old = int(event.date[:4]) if event.date else event.year
    if event.date:
        changes["date"] = _replace_year(event.date, year)
    else:
        changes["year"] = year
    if event.end_year is not None and old is not None:
        changes["end_year"] = _clamp(year + event.end_year - old, year, MAX_YEAR)
    return changes


def _to_age(event: EventNode, age: int) -> dict[str, Any]:
    changes = current(event)
    age = _clamp(age, 0, MAX_AGE)
    if event.end_age is not None and event.age is not None:
        changes["end_age"] = _clamp(age + event.end_age - event.age, age, MAX_AGE)
    changes["age"] = age
    return changes


def moved(event: EventNode, unit: Unit, start: float, birth_year: int | None) -> dict[str, Any]:
    """The six fields that put the event's start at `start` (in `unit`), snapped to whole
    years and keeping its form: an age stays an age, a date keeps its month and day, a span
    its length, an uncertain time stays uncertain. Unchanged when it cannot be converted."""
    here = span(event, unit, birth_year)
    offset = here.start - math.floor(here.start) if here is not None else 0.0
    whole = round(start - offset)
    if _calendar_start(event) is not None:
        if unit == "year":
            return _to_calendar(event, whole)
        return _to_calendar(event, birth_year + whole) if birth_year is not None else current(event)
    if event.age is not None:
        if unit == "age":
            return _to_age(event, whole)
        return _to_age(event, whole - birth_year) if birth_year is not None else current(event)
    if unit == "year":
        return {**current(event), "year": _clamp(whole, MIN_YEAR, MAX_YEAR)}
    return {**current(event), "age": _clamp(whole, 0, MAX_AGE)}


def with_year(event: EventNode, year: int, birth_year: int | None = None) -> dict[str, Any]:
    """`moved()` to a calendar year (the arrow keys: a year earlier or later). An age-only
    event moves with it when the client's birth year is known."""
    here = year_span(event, birth_year)
    fraction = here.start - math.floor(here.start) if here is not None else 0.0
    return moved(event, "year", year + fraction, birth_year)


# --- order -------------------------------------------------------------------------------------


def sort_key(event: EventNode, birth_year: int | None) -> tuple:
    """Time order: events placed in calendar years first, then age-only events that cannot be
    converted (by age), then events without a time; ties by `order`, label and id."""
    years = year_span(event, birth_year)
    if years is not None:
        group, when, end = 0, years.start, years.end
    elif event.age is not None:
        ages = age_span(event, birth_year)
        group, when, end = 1, ages.start if ages else 0.0, ages.end if ages else 0.0
    else:
        group, when, end = 2, 0.0, 0.0
    order = event.order if event.order is not None else math.inf
    return (group, when, end, order, event.shown_label.casefold(), event.id)


def in_time_order(atlas: Atlas) -> list[EventNode]:
    """The atlas's events, earliest first, timeless ones last."""
    birth_year = atlas.client.birth_year
    events = [n for n in atlas.nodes(NodeKind.EVENT) if isinstance(n, EventNode)]
    return sorted(events, key=lambda e: sort_key(e, birth_year))
