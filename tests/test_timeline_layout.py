"""The gebeurteniskaart's drawing: events where their time and score say, labels that never
overlap, lanes, the family layer, the age axis and the strip of events without a date."""

from __future__ import annotations

import random
from datetime import date
from itertools import pairwise

import pytest

from netwerkatlas.model import (
    Atlas,
    ClientNode,
    EventNode,
    InvolvedRelation,
    PartnerRelation,
    PersonNode,
)
from netwerkatlas.model.records import Gender, PartnerStatus
from netwerkatlas.render.geometry import boxes_meet
from netwerkatlas.render.readable import measure
from netwerkatlas.tools.gebeurteniskaart import VIEW
from netwerkatlas.tools.gebeurteniskaart.drawing import TimelineDrawing
from netwerkatlas.tools.gebeurteniskaart.people import ordered_id

TODAY = date(2026, 6, 1)


def atlas_with(*events: EventNode, birth_year: int | None = 2002) -> Atlas:
    atlas = Atlas(ClientNode(label="Sanne", name="Sanne", birth_year=birth_year))
    for event in events:
        atlas.add("nodes", event)
    return atlas


def drawing_of(atlas: Atlas, show_scores: bool = True, client: bool = False) -> TimelineDrawing:
    return TimelineDrawing(atlas, show_scores, today=TODAY, client=client)


def involve(atlas: Atlas, event: EventNode, person: PersonNode) -> None:
    atlas.add("edges", InvolvedRelation(id=ordered_id(), source=event.id, target=person.id))


def assert_no_overlaps(drawing: TimelineDrawing) -> None:
    """No two labels overlap; every label, mark and the whole layout lie inside bounds()."""
    boxes = list(drawing.label_boxes().values())
    if drawing.family is not None:
        boxes += drawing.family.boxes()
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not boxes_meet(a, b), (a, b)
    x, y, w, h = drawing.bounds()
    for box in boxes:
        assert x <= box[0] and box[2] <= x + w and y <= box[1] and box[3] <= y + h, box
    for px, py in drawing.positions.values():
        assert x <= px <= x + w and y <= py <= y + h


class Recorder:
    """A Painter that keeps every text it is asked to set."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def __getattr__(self, name):
        return lambda *args, **kwargs: None

    def text(self, x, y, text, **kwargs) -> None:
        self.texts.append(text)


def drawn_texts(drawing: TimelineDrawing) -> list[str]:
    painter = Recorder()
    drawing.draw(painter)  # type: ignore[arg-type]
    return painter.texts


def test_every_kind_of_date_stands_at_its_time_and_on_the_side_of_its_score():
    events = {
        "year": EventNode(label="Verhuizing naar Utrecht", year=2014, score=2),
        "month": EventNode(label="Nieuwe school", date="2015-03", score=1),
        "day": EventNode(label="Opa overleden", date="2016-07-12", score=-2),
        "age": EventNode(label="Gepest op school", age=12, score=-1),
        "about": EventNode(label="Eerste vriendin", year=2010, approximate=True, score=0),
        "span": EventNode(label="Bij oma gewoond", year=2009, end_year=2011),
        "decade": EventNode(label="Voor mijn geboorte", year=1990, end_year=1999, approximate=True),
    }
    drawing = drawing_of(atlas_with(*events.values()))
    x_of = drawing.x_of
    expected = {
        "year": 2014.0,
        "month": 2015 + 2 / 12,
        "day": 2016 + 6 / 12 + 11 / 365,
        "age": 2014.0,
        "about": 2010.0,
        "span": 2009.0,
        "decade": 1990.0,
    }
    for key, time in expected.items():
        x, _ = drawing.positions[events[key].id]
        assert x == pytest.approx(x_of(time)), key
    y = {key: drawing.positions[e.id][1] for key, e in events.items()}
    assert y["year"] < y["month"] < 0  # ++ far above, + above
    assert y["about"] == y["span"] == y["decade"] == 0  # = and unscored on the axis line
    assert 0 < y["age"] < y["day"]  # − below, −− far below
    assert drawing.score_at(y["year"]) == 2 and drawing.score_at(y["day"]) == -2
    # spans reach their end: "2009–2011" until the end of 2011, "jaren 90" until 2000
    assert drawing.layout.placed[events["span"].id].bar_end == pytest.approx(x_of(2012.0))
    assert drawing.layout.placed[events["decade"].id].bar_end == pytest.approx(x_of(2000.0))
    texts = drawing.texts()
    assert "ca. 2010" in texts and "2009–2011" in texts and "jaren 90" in texts
    assert "maart 2015" in texts and "12 juli 2016" in texts
    assert "geboren 2002" in texts
    assert texts.count("++") == 1 and "−−" in texts  # the score symbols are drawn as text too
    assert set(drawn_texts(drawing)) == set(texts)
    legend = [entry.label for entry in drawing.legend()]
    assert "periode (van–tot)" in legend and "tijd bij benadering (ca., jaren 90)" in legend
    assert "++ helpt veel" in legend


def test_the_axis_runs_from_the_birth_to_a_year_past_now():
    drawing = drawing_of(atlas_with(EventNode(label="Examen", year=2020, score=1)))
    assert drawing.axis.start == 2002 and drawing.axis.end >= 2027
    planned = drawing_of(atlas_with(EventNode(label="Verhuizen", year=2029)))
    assert planned.axis.end >= 2030
    assert drawing.time_at(drawing.x_of(2011.5)) == pytest.approx(2011.5)
    assert drawing.on_axis(drawing.x_of(2010), 10) and not drawing.on_axis(drawing.x_of(2010), 60)
    assert not drawing.on_axis(drawing.x_of(1990), 0)


def test_order_along_the_axis_is_time_order():
    rng = random.Random(3)
    events = [
        EventNode(label=f"Gebeurtenis {i}", year=rng.randint(2003, 2025), score=rng.choice([-2, 1]))
        for i in range(40)
    ]
    atlas = atlas_with(*events)
    drawing = drawing_of(atlas)
    by_x = sorted(events, key=lambda e: drawing.positions[e.id][0])
    assert [e.year for e in by_x] == sorted(e.year for e in events)


def test_long_spans_grow_the_drawing_and_year_numbers_never_touch():
    short = drawing_of(atlas_with(EventNode(label="a", year=2020)))
    long = drawing_of(atlas_with(EventNode(label="a", year=1930), birth_year=None))
    # the same type, however long the life: the drawing grows instead
    assert measure(long).smallest[0] == measure(short).smallest[0] == short.sizes.text
    assert long.axis.width > 1.5 * short.axis.width
    labelled = [x for x, _, shown in long.axis.ticks(long.tick_width) if shown]
    assert len(labelled) < 20
    assert all(b - a > long.tick_width for a, b in pairwise(labelled))
    assert "1930" in long.texts() and "1931" not in long.texts()


@pytest.mark.parametrize("client", [False, True], ids=["normal", "client"])
@pytest.mark.parametrize("count", [5, 40, 200])
def test_labels_never_overlap(count, client):
    rng = random.Random(count)
    events = [
        EventNode(
            label=f"Gebeurtenis nummer {i} met een wat langere naam" * (1 + i % 2),
            year=rng.randint(2004, 2026),
            score=rng.choice([-2, -1, 0, 1, 2, None]),
            approximate=i % 7 == 0,
        )
        for i in range(count)
    ]
    atlas = atlas_with(*events)
    people = [PersonNode(label=f"Persoon {i}") for i in range(5)]
    for person in people:
        atlas.add("nodes", person)
    for i, event in enumerate(events):
        involve(atlas, event, people[i % 5])
    drawing = drawing_of(atlas, client=client)
    assert len(drawing.label_boxes()) == count
    assert_no_overlaps(drawing)


@pytest.mark.parametrize("client", [False, True], ids=["normal", "client"])
def test_thirty_events_in_one_year_stack_or_fan_out_without_overlapping(client):
    events = [EventNode(label=f"Ruzie thuis {i}", year=2016, score=-1) for i in range(30)]
    events += [EventNode(label=f"Goede dag {i}", date="2016-05", score=1) for i in range(30)]
    drawing = drawing_of(atlas_with(*events), client=client)
    assert_no_overlaps(drawing)
    # each mark still in 2016 (spread over the year's middle, so each can be picked)
    xs = {drawing.positions[e.id][0] for e in events[:30]}
    assert len(xs) == 30
    assert all(drawing.x_of(2015.6) < x < drawing.x_of(2016.4) for x in xs)
    assert all(round(drawing.time_at(x)) == 2016 for x in xs)
    assert any(drawing.layout.placed[e.id].leader for e in events)


def test_hidden_scores_put_every_event_on_the_axis_without_symbols():
    events = [EventNode(label=f"E{i}", year=2010 + i, score=s) for i, s in enumerate([2, -2, 1])]
    drawing = drawing_of(atlas_with(*events), show_scores=False)
    assert {drawing.positions[e.id][1] for e in events} == {0.0}
    assert drawing.score_at(-2 * drawing.sizes.level) == 0
    texts = drawn_texts(drawing)
    assert not {"++", "+", "−", "−−"} & set(texts)
    assert not any("helpt" in entry.label for entry in drawing.legend())
    assert_no_overlaps(drawing)


def test_people_involved_are_named_under_the_event():
    event = EventNode(label="Verhuizing", year=2014, score=1)
    atlas = atlas_with(event)
    fleur, kim = PersonNode(label="Fleur"), PersonNode(label="Kim")
    for person in (fleur, kim):
        atlas.add("nodes", person)
        involve(atlas, event, person)
    assert "Fleur, Kim" in drawn_texts(drawing_of(atlas))


def test_lanes_one_row_per_person_in_the_order_of_their_first_event():
    late = EventNode(label="Examen", year=2020, score=1)
    early = EventNode(label="Verhuizing", year=2010, score=-1)
    atlas = atlas_with(late, early)
    fleur = PersonNode(label="Fleur", birth_year=1975)
    opa = PersonNode(label="Opa", birth_year=1940, death_year=2016)
    kim = PersonNode(label="Kim")
    for person in (fleur, opa, kim):
        atlas.add("nodes", person)
    involve(atlas, late, kim)
    involve(atlas, late, fleur)
    involve(atlas, early, opa)
    atlas.set_view_setting(VIEW, "lanes", True)
    drawing = drawing_of(atlas)
    assert [lane.name for lane in drawing.lanes] == ["Opa", "Kim", "Fleur"]
    for lane in drawing.lanes:
        assert drawing.lane_at(lane.y) == lane.person_id
    assert drawing.lane_at(drawing.axis_y) is None
    opa_lane = drawing.lanes[0]
    assert opa_lane.life is not None
    # opa's life line ends at his death; born before the axis starts, it runs in from the left
    assert opa_lane.life[1] == pytest.approx(drawing.x_of(2016)) and opa_lane.life_open
    assert drawing.lanes[1].life is None  # Kim's birth year is not known
    assert "Fleur" not in " ".join(line.text for line in drawing.spans[late.id].text.lines)
    assert "levenslijn: van geboorte tot overlijden of nu" in [e.label for e in drawing.legend()]
    atlas.set_view_setting(VIEW, "lane_people", [fleur.id, opa.id])
    assert [lane.name for lane in drawing_of(atlas).lanes] == ["Opa", "Fleur"]
    assert_no_overlaps(drawing)


def test_family_layer_shows_births_and_marriages_from_the_genogram():
    atlas = atlas_with(EventNode(label="Verhuizing", year=2014, score=1))
    jan = PersonNode(label="Jan", gender=Gender.MALE, birth_year=1970)
    marie = PersonNode(label="Marie", gender=Gender.FEMALE, birth_year=1972, death_year=2019)
    fleur = PersonNode(label="Fleur", birth_year=2005)
    for person in (jan, marie, fleur):
        atlas.add("nodes", person)
    atlas.add(
        "edges",
        PartnerRelation(
            source=jan.id,
            target=marie.id,
            status=PartnerStatus.DIVORCED,
            start_year=1998,
            end_year=2008,
        ),
    )
    assert drawing_of(atlas).family is None
    atlas.set_view_setting(VIEW, "family", True)
    drawing = drawing_of(atlas)
    texts = drawing.texts()
    for words in ("geboren Fleur", "g. Jan en Marie", "overleden Marie"):
        assert words in texts
    # the axis stays the client's: what came before her birth stands at its start, with its year
    assert drawing.axis.start == 2002
    assert "1998: h. Jan en Marie" in texts and "1970: geboren Jan" in texts
    assert drawing.family is not None
    earlier = [x for x, _, text, _ in drawing.family.marks if text.startswith(("1970", "1972"))]
    assert earlier == [0.0, 0.0]
    assert_no_overlaps(drawing)
    # without a client's time line the family's own chronology is the axis
    family_only = Atlas(ClientNode(label="Sanne"))
    for person in (jan, marie):
        family_only.add("nodes", person)
    family_only.set_view_setting(VIEW, "family", True)
    assert drawing_of(family_only).axis.start == 1970
    assert drawing.family.y > max(b[3] for b in drawing.label_boxes().values())
    assert "familie uit het genogram: geboorte, overlijden, relaties" in [
        e.label for e in drawing.legend()
    ]
    assert_no_overlaps(drawing)


def test_age_axis_with_a_birth_year_places_dates_at_the_age_then():
    dated = EventNode(label="Verhuizing", year=2014, score=1)
    aged = EventNode(label="Gepest", age=12, end_age=14, score=-1)
    atlas = atlas_with(dated, aged)
    atlas.set_view_setting(VIEW, "axis", "age")
    drawing = drawing_of(atlas)
    assert drawing.unit == "age" and drawing.axis.start == 0
    assert drawing.positions[dated.id][0] == pytest.approx(drawing.x_of(12))
    assert drawing.positions[aged.id][0] == pytest.approx(drawing.x_of(12))
    assert drawing.layout.placed[aged.id].bar_end == pytest.approx(drawing.x_of(15))
    assert drawing.undated_ids == []
    assert "leeftijd (jaren)" in drawing.texts()


def test_age_axis_without_a_birth_year_sends_dated_events_to_the_undated_strip():
    dated = EventNode(label="Verhuizing", year=2014, score=1)
    aged = EventNode(label="Gepest", age=12, score=-1)
    timeless = EventNode(label="Iets zonder tijd", score=2)
    atlas = atlas_with(dated, aged, timeless, birth_year=None)
    atlas.set_view_setting(VIEW, "axis", "age")
    drawing = drawing_of(atlas)
    assert drawing.undated_ids == [dated.id, timeless.id]
    assert drawing.positions[aged.id][0] == pytest.approx(drawing.x_of(12))
    # the strip stands after the axis' end, and its events can still be picked
    for event_id in drawing.undated_ids:
        assert drawing.positions[event_id][0] > drawing.axis.width
        assert min(drawing.handle_size(event_id)) >= 28
    assert "zonder datum" in drawing.texts()
    assert_no_overlaps(drawing)
    # on the year axis the age-only event has no year without the birth year
    atlas.set_view_setting(VIEW, "axis", None)
    assert drawing_of(atlas).undated_ids == [aged.id, timeless.id]


def test_a_dragged_event_takes_its_label_along():
    event = EventNode(label="Verhuizing", year=2014, score=1)
    drawing = drawing_of(atlas_with(event))
    x, y = drawing.positions[event.id]
    box = drawing.label_box(event.id)
    moved = drawing.at({event.id: (x + 100, y - 30)})
    assert moved.positions[event.id] == (x + 100, y - 30)
    assert moved.label_box(event.id) == (box[0] + 100, box[1] - 30, box[2] + 100, box[3] - 30)
    assert drawing.positions[event.id] == (x, y)  # the drawing itself is unchanged
    assert drawn_texts(moved) == drawn_texts(drawing)


def test_an_atlas_without_events_still_draws_an_axis():
    drawing = drawing_of(atlas_with(birth_year=None))
    assert drawing.positions == {} and drawing.axis.width > 0
    assert drawing.bounds()[2] > 0
    assert isinstance(drawn_texts(drawing), list)


def test_spans_that_overlap_in_time_get_rows_of_their_own_within_their_score():
    spans = [
        EventNode(label=f"Periode {i}", year=2010 + i, end_year=2015, score=-1) for i in range(3)
    ]
    spans.append(EventNode(label="Later", year=2016, end_year=2018, score=-1))
    drawing = drawing_of(atlas_with(*spans))
    ys = [drawing.positions[e.id][1] for e in spans]
    assert len(set(ys[:3])) == 3 and ys[3] == ys[0]  # a span after the others reuses the first row
    assert {drawing.score_at(y) for y in ys} == {-1}
    assert_no_overlaps(drawing)


def test_a_handle_covers_the_mark_and_the_label_beside_it():
    event = EventNode(label="Verhuizing naar Utrecht", year=2014, score=1)
    other = EventNode(label="Examen", year=2014, score=-1)
    drawing = drawing_of(atlas_with(event, other))
    x, y = drawing.positions[event.id]
    box = drawing.label_box(event.id)
    dx, dy, width, height = drawing.handle_rect(event.id)
    left, top, right, bottom = x + dx, y + dy, x + dx + width, y + dy + height
    assert left <= box[0] and box[2] <= right and top <= box[1] and box[3] <= bottom
    r = drawing.sizes.badge_r
    assert left <= x - r and x + r <= right and top <= y - r and y + r <= bottom
    assert min(width, height) >= 28
    # it takes no taps meant for an event on the other side of the axis
    ox, oy = drawing.positions[other.id]
    assert not (left <= ox <= right and top <= oy <= bottom)
    assert drawing.handle_size(event.id) == (width, height)


def test_a_crowd_of_family_events_before_the_axis_stacks_at_its_start():
    atlas = atlas_with(EventNode(label="Verhuizing", year=2014, score=1))
    rng = random.Random(5)
    for i in range(50):
        atlas.add("nodes", PersonNode(label=f"Familielid {i}", birth_year=rng.randint(1930, 2015)))
    atlas.set_view_setting(VIEW, "family", True)
    drawing = drawing_of(atlas)
    assert drawing.family is not None and len(drawing.family.marks) == 50
    assert_no_overlaps(drawing)
