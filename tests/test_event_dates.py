"""An event's time as the user types it, as the program says it back, and where it lands on the
gebeurteniskaart's axis (in years or in the client's age)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netwerkatlas import i18n
from netwerkatlas.model import Atlas, ClientNode, EventNode
from netwerkatlas.tools.gebeurteniskaart import VIEW
from netwerkatlas.tools.gebeurteniskaart.dates import (
    FIELDS,
    DateError,
    Span,
    age_span,
    describe,
    in_time_order,
    moved,
    parse,
    sort_key,
    span,
    with_year,
    year_span,
)


@pytest.fixture
def english():
    saved = i18n._language
    i18n.set_language("en")
    yield
    i18n._language = saved


def event(**fields) -> EventNode:
    return EventNode(label=fields.pop("label", "gebeurtenis"), **fields)


def typed(text: str) -> EventNode:
    return event(**parse(text))


def test_view_name():
    assert VIEW == "gebeurteniskaart"


# --- parse: every form, Dutch and English ------------------------------------------------------

PARSED = [
    ("1998", {"year": 1998}),
    ("ca. 1998", {"year": 1998, "approximate": True}),
    ("ca 1998", {"year": 1998, "approximate": True}),
    ("~1998", {"year": 1998, "approximate": True}),
    ("rond 1998", {"year": 1998, "approximate": True}),
    ("circa 1998", {"year": 1998, "approximate": True}),
    ("about 1998", {"year": 1998, "approximate": True}),
    ("jaren 90", {"year": 1990, "end_year": 1999, "approximate": True}),
    ("jaren '90", {"year": 1990, "end_year": 1999, "approximate": True}),
    ("1990s", {"year": 1990, "end_year": 1999, "approximate": True}),
    ("the 1990s", {"year": 1990, "end_year": 1999, "approximate": True}),
    ("jaren 2000", {"year": 2000, "end_year": 2009, "approximate": True}),
    ("2009-2011", {"year": 2009, "end_year": 2011}),
    ("2009–2011", {"year": 2009, "end_year": 2011}),
    ("2009 tot 2011", {"year": 2009, "end_year": 2011}),
    ("from 2009 to 2011", {"year": 2009, "end_year": 2011}),
    ("ca. 2009-2011", {"year": 2009, "end_year": 2011, "approximate": True}),
    ("mrt 2014", {"date": "2014-03"}),
    ("maart 2014", {"date": "2014-03"}),
    ("March 2014", {"date": "2014-03"}),
    ("mar 2014", {"date": "2014-03"}),
    ("mei 2014", {"date": "2014-05"}),
    ("May 2014", {"date": "2014-05"}),
    ("okt. 2014", {"date": "2014-10"}),
    ("3-2014", {"date": "2014-03"}),
    ("2014-03", {"date": "2014-03"}),
    ("12-3-2014", {"date": "2014-03-12"}),
    ("12/3/2014", {"date": "2014-03-12"}),
    ("12 maart 2014", {"date": "2014-03-12"}),
    ("12 March 2014", {"date": "2014-03-12"}),
    ("March 12, 2014", {"date": "2014-03-12"}),
    ("2014-03-12", {"date": "2014-03-12"}),
    ("ca. maart 2014", {"date": "2014-03", "approximate": True}),
    ("14", {"age": 14}),
    ("14 jaar", {"age": 14}),
    ("toen ik 14 was", {"age": 14}),
    ("toen ik 14 jaar was", {"age": 14}),
    ("op mijn 14e", {"age": 14}),
    ("rond mijn 14e", {"age": 14, "approximate": True}),
    ("age 14", {"age": 14}),
    ("14 years old", {"age": 14}),
    ("12-14 jaar", {"age": 12, "end_age": 14}),
    ("van 12 tot 14 jaar", {"age": 12, "end_age": 14}),
    ("age 12–14", {"age": 12, "end_age": 14}),
    ("ca. 14 jaar", {"age": 14, "approximate": True}),
    ("  Maart   2014 ", {"date": "2014-03"}),
]


@pytest.mark.parametrize(("text", "expected"), PARSED, ids=[p[0] for p in PARSED])
def test_parse_reads_every_form(text, expected):
    changes = parse(text)
    assert set(changes) == set(FIELDS)
    wanted = {"date": None, "year": None, "age": None, "approximate": False}
    wanted |= {"end_year": None, "end_age": None, **expected}
    assert changes == wanted
    EventNode(label="x", **changes)  # what parse gives is always a valid event


def test_empty_text_clears_every_field():
    assert parse("  ") == dict.fromkeys(FIELDS) | {"approximate": False}


BAD = [
    ("gisteren", "kan ik niet als datum lezen"),
    ("31-2-2014", "geen dag 31"),
    ("2011-2009", "het einde ligt vóór het begin"),
    ("14-12 jaar", "het einde ligt vóór het begin"),
    ("500 jaar", "tussen 0 en 150"),
    ("0998", "tussen 1000 en 2999"),
    ("13-2014", "kan ik niet als datum lezen"),
    ("jaren 95", "kan ik niet als datum lezen"),
]


@pytest.mark.parametrize(("text", "says"), BAD, ids=[b[0] for b in BAD])
def test_unreadable_text_says_what_is_expected(text, says):
    with pytest.raises(DateError) as error:
        parse(text)
    message = str(error.value)
    assert says in message
    assert text in message
    assert isinstance(error.value, ValueError)


def test_the_unreadable_message_gives_examples_in_english(english):
    with pytest.raises(DateError, match=r"for example 1998.*March 2014.*age 14"):
        parse("yesterday")


# --- describe ----------------------------------------------------------------------------------

DESCRIBED = [
    ({}, ""),
    ({"year": 1998}, "1998"),
    ({"year": 1998, "approximate": True}, "ca. 1998"),
    ({"year": 1990, "end_year": 1999, "approximate": True}, "jaren 90"),
    ({"year": 2010, "end_year": 2019, "approximate": True}, "jaren 2010"),
    ({"year": 1990, "end_year": 1999}, "1990–1999"),
    ({"year": 2009, "end_year": 2011}, "2009–2011"),
    ({"date": "2014"}, "2014"),
    ({"date": "2014-03"}, "maart 2014"),
    ({"date": "2014-03-12"}, "12 maart 2014"),
    ({"date": "2014-03", "approximate": True}, "ca. maart 2014"),
    ({"age": 14}, "14 jaar"),
    ({"age": 12, "end_age": 14}, "12–14 jaar"),
    ({"age": 14, "approximate": True}, "ca. 14 jaar"),
    ({"date": "2014-03", "year": 1990, "age": 3}, "maart 2014"),  # date wins
    ({"year": 2001, "age": 3}, "2001"),  # then the year
]


@pytest.mark.parametrize(("fields", "said"), DESCRIBED, ids=[d[1] or "none" for d in DESCRIBED])
def test_describe_says_it_as_people_do(fields, said):
    assert describe(event(**fields)) == said


DESCRIBED_EN = [
    ({"year": 1998, "approximate": True}, "c. 1998"),
    ({"year": 1990, "end_year": 1999, "approximate": True}, "the 1990s"),
    ({"date": "2014-03"}, "March 2014"),
    ({"date": "2014-03-12"}, "12 March 2014"),
    ({"age": 14}, "age 14"),
    ({"age": 12, "end_age": 14}, "age 12–14"),
]


@pytest.mark.parametrize(("fields", "said"), DESCRIBED_EN, ids=[d[1] for d in DESCRIBED_EN])
def test_describe_in_english(english, fields, said):
    assert describe(event(**fields)) == said


@pytest.mark.parametrize("text", [p[0] for p in PARSED])
def test_what_is_described_reads_back_the_same(text):
    first = typed(text)
    assert parse(describe(first)) == parse(text)


def test_english_descriptions_read_back_too(english):
    for text in ("the 1990s", "c. 1998", "March 2014", "12 March 2014", "age 12-14"):
        assert parse(describe(typed(text))) == parse(text)


# --- the model keeps a span valid --------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({"year": 2011, "end_year": 2009}, "before the start year 2011"),
        ({"date": "2011-04", "end_year": 2009}, "before the start year 2011"),
        ({"end_year": 2009}, "needs a start"),
        ({"age": 14, "end_age": 12}, "before the age 14"),
        ({"end_age": 12}, "needs a start"),
    ],
)
def test_a_span_cannot_end_before_it_starts(fields, says):
    with pytest.raises(ValueError, match=says):
        event(**fields)


# --- spans: years and ages ---------------------------------------------------------------------


def test_year_span_of_each_precision():
    assert year_span(typed("1998"), None) == Span(1998.0, 1998.0, False, "year")
    assert year_span(typed("ca. 1998"), None) == Span(1998.0, 1998.0, True, "year")
    march = year_span(typed("maart 2014"), None)
    assert march.start == pytest.approx(2014 + 2 / 12) and march.precision == "month"
    day = year_span(typed("12 maart 2014"), None)
    assert day.start == pytest.approx(2014 + 2 / 12 + 11 / 365) and day.precision == "day"
    assert day.end == day.start


def test_a_span_ends_at_the_end_of_its_last_year():
    assert year_span(typed("jaren 90"), None) == Span(1990.0, 2000.0, True, "year")
    assert year_span(typed("2009-2011"), None) == Span(2009.0, 2012.0, False, "year")
    assert age_span(typed("12-14 jaar"), None) == Span(12.0, 15.0, False, "year")


def test_age_and_year_convert_with_a_birth_year():
    assert year_span(typed("14 jaar"), 2002) == Span(2016.0, 2016.0, False, "year")
    assert year_span(typed("12-14 jaar"), 2002) == Span(2014.0, 2017.0, False, "year")
    assert age_span(typed("2016"), 2002) == Span(14.0, 14.0, False, "year")
    assert age_span(typed("jaren 2000"), 2002) == Span(-2.0, 8.0, True, "year")
    assert span(typed("2016"), "age", 2002) == age_span(typed("2016"), 2002)
    assert span(typed("2016"), "year", 2002) == year_span(typed("2016"), 2002)


def test_without_a_birth_year_age_and_year_do_not_mix():
    assert year_span(typed("14 jaar"), None) is None
    assert age_span(typed("2016"), None) is None
    assert age_span(typed("14 jaar"), None) == Span(14.0, 14.0, False, "year")
    assert year_span(typed("2016"), None) == Span(2016.0, 2016.0, False, "year")


def test_an_event_without_time_has_no_span():
    assert year_span(event(), 2002) is None
    assert age_span(event(), 2002) is None


# --- order -------------------------------------------------------------------------------------


def test_events_in_time_order_timeless_last():
    atlas = Atlas(ClientNode(name="Sanne", birth_year=2002))
    for label, when, order in [
        ("geen tijd b", "", None),
        ("verhuizing", "2023", None),
        ("gepest", "10-12 jaar", None),
        ("geen tijd a", "", None),
        ("diploma", "juli 2022", None),
        ("opa", "2022", None),
        ("scheiding", "2011", 2),
        ("ook 2011", "2011", 1),
    ]:
        atlas.add("nodes", event(label=label, **parse(when), order=order))
    assert [e.label for e in in_time_order(atlas)] == [
        "ook 2011",
        "scheiding",
        "gepest",
        "opa",
        "diploma",
        "verhuizing",
        "geen tijd a",
        "geen tijd b",
    ]


def test_age_events_without_a_birth_year_come_after_dated_ones_by_age():
    keys = {
        label: sort_key(typed(when), None)
        for label, when in [("a", "2020"), ("b", "14 jaar"), ("c", "3 jaar"), ("d", "")]
    }
    assert sorted(keys, key=keys.get) == ["a", "c", "b", "d"]


# --- moving keeps the form ---------------------------------------------------------------------


def test_moving_a_year_event():
    assert moved(typed("1998"), "year", 2001.2, None) == parse("2001")
    assert moved(typed("ca. 1998"), "year", 2000.7, None) == parse("ca. 2001")


def test_moving_a_dated_event_keeps_month_and_day():
    assert moved(typed("12 maart 2014"), "year", 2016.2, None) == parse("12 maart 2016")
    december = typed("december 2014")
    assert moved(december, "year", year_span(december, None).start + 0.3, None) == parse(
        "december 2014"
    )
    assert moved(typed("29-2-2016"), "year", 2017.2, None)["date"] == "2017-02-28"


def test_moving_a_span_keeps_its_length():
    assert moved(typed("2009-2011"), "year", 2012, None) == parse("2012-2014")
    assert moved(typed("jaren 90"), "year", 2000, None) == parse("jaren 2000")
    assert moved(typed("12-14 jaar"), "age", 15, None) == parse("15-17 jaar")


def test_an_age_event_stays_an_age_on_the_year_axis():
    assert moved(typed("ca. 14 jaar"), "year", 2019, 2002) == parse("ca. 17 jaar")
    assert moved(typed("14 jaar"), "age", 9.4, None) == parse("9 jaar")


def test_a_dated_event_stays_dated_on_the_age_axis():
    assert moved(typed("maart 2014"), "age", 16, 2002) == parse("maart 2018")


def test_without_a_birth_year_nothing_converts_so_nothing_moves():
    assert moved(typed("14 jaar"), "year", 2019, None) == parse("14 jaar")
    assert moved(typed("2014"), "age", 16, None) == parse("2014")


def test_a_timeless_event_gets_a_plain_year_or_age():
    assert moved(event(), "year", 2004.6, None) == parse("2005")
    assert moved(event(), "age", 7.2, 2002) == parse("7 jaar")


def test_moves_stay_within_what_the_file_holds():
    assert moved(typed("3 jaar"), "age", -5, None) == parse("0 jaar")
    assert moved(typed("2998-2999"), "year", 3500, None) == parse("2999") | {"end_year": 2999}


def test_with_year_moves_a_year_keeping_the_form():
    assert with_year(typed("12 maart 2014"), 2015) == parse("12 maart 2015")
    assert with_year(typed("2009-2011"), 2008) == parse("2008-2010")
    assert with_year(typed("14 jaar"), 2017, birth_year=2002) == parse("15 jaar")
    assert with_year(typed("14 jaar"), 2017) == parse("14 jaar")


@given(
    st.sampled_from([p[0] for p in PARSED]),
    st.integers(1900, 2100),
    st.sampled_from(["year", "age"]),
)
def test_a_move_always_gives_a_valid_event_of_the_same_form(text, whole, unit):
    before = typed(text)
    after = event(**moved(before, unit, float(whole) if unit == "year" else whole - 1950, 1950))
    assert after.approximate == before.approximate
    assert (after.date is None) == (before.date is None)
    assert (after.date or "").count("-") == (before.date or "").count("-")
    assert (after.age is None) == (before.age is None)
    assert (after.end_year is None) == (before.end_year is None)
    assert (after.end_age is None) == (before.end_age is None)
