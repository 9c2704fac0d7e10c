"""The ecogram: cards never overlap and stay in their leefgebied, places set by hand are kept,
drops find their sector, every edit undoes exactly, and Freek's example prints every name."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.pdf_tools import all_text
from tests.undo_checks import assert_undo_all_and_redo_all

from netwerkatlas import i18n, io
from netwerkatlas.commands import UndoStack, UpdateItem
from netwerkatlas.export import render
from netwerkatlas.export.options import ExportOptions
from netwerkatlas.model import (
    Atlas,
    ClientNode,
    Direction,
    EdgeKind,
    NodeKind,
    PersonNode,
    SupportKind,
    SupportRelation,
    SupportStrength,
)
from netwerkatlas.resources import assets_dir
from netwerkatlas.tools.ecogram import VIEW, edits
from netwerkatlas.tools.ecogram.domains import DEFAULT_DOMAINS, domain_label, domains
from netwerkatlas.tools.ecogram.drawing import EcogramDrawing, draw_tie
from netwerkatlas.tools.ecogram.geometry import CLIENT_RADIUS, INNER
from netwerkatlas.tools.ecogram.layout import short_note
from netwerkatlas.tools.ecogram.placing import sector_layout

NOTES = (
    "",
    "Komt elke week langs en helpt met de boodschappen.",
    "Ruzie over geld",
    "Oud-collega, ziet ze soms bij de bakker op zaterdag.",
)


def crowd(count: int) -> tuple[Atlas, dict[str, str]]:
    """`count` people with notes; a third of them among the friends, the rest spread out."""
    atlas = Atlas(ClientNode(label="Freek"))
    placing = {}
    for i in range(count):
        domain = "vrienden" if i % 3 == 0 else DEFAULT_DOMAINS[i % len(DEFAULT_DOMAINS)]
        person = PersonNode(label=f"Persoon {i}", life_domain=domain, note=NOTES[i % 4])
        atlas.add("nodes", person)
        placing[person.id] = domain
        if i % 4:
            atlas.add(
                "edges",
                SupportRelation(
                    source=atlas.client_id,
                    target=person.id,
                    strength=list(SupportStrength)[i % 3],
                    support=(SupportKind.PRACTICAL,),
                ),
            )
    return atlas, placing


def meet(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def corners(box):
    x1, y1, x2, y2 = box
    return ((x1, y1), (x2, y1), (x1, y2), (x2, y2))


def sector_middle(drawing: EcogramDrawing, domain: str, radius: float = 200.0):
    start, end = drawing.geometry.sector_span(drawing.geometry.domains.index(domain))
    return drawing.geometry.point(radius, (start + end) / 2)


@pytest.mark.parametrize("client", [False, True], ids=["normal", "client"])
@pytest.mark.parametrize("count", [5, 30, 150])
def test_cards_never_overlap_and_stay_in_their_own_sector(count, client):
    atlas, placing = crowd(count)
    drawing = EcogramDrawing(atlas, show_notes=not client, client=client)
    assert set(drawing.positions) == set(placing)
    boxes = {p: drawing.card_box(p) for p in drawing.positions}
    overlaps = [(a, b) for a, b in itertools.combinations(boxes, 2) if meet(boxes[a], boxes[b])]
    assert overlaps == []
    geometry = drawing.geometry
    for person, box in boxes.items():
        # The whole card in its domain's wedge (fanned outward or not), clear of the client.
        own = geometry.domains.index(placing[person])
        assert all(geometry.sector_index(c) == own for c in corners(box))
        assert geometry.domain_at(drawing.positions[person]) == placing[person]
        nearest = (min(max(0.0, box[0]), box[2]), min(max(0.0, box[1]), box[3]))
        assert math.hypot(*nearest) >= INNER - 1e-6
        assert all(geometry.reach(*c) <= geometry.outer for c in corners(box))  # inside the rim
    x, y, w, h = drawing.bounds()
    assert all(x <= b[0] and y <= b[1] and b[2] <= x + w and b[3] <= y + h for b in boxes.values())


def crossings(drawing: EcogramDrawing) -> list[tuple[str, str]]:
    """Pairs (a, b) where the line from the client to a passes through b's card (the names
    of a household in the middle have no line and lie inside the circle)."""
    found = []
    for person in drawing.cards:
        x, y = drawing.positions[person]
        samples = [(x * f / 400, y * f / 400) for f in range(401)]
        for other in drawing.cards:
            x1, y1, x2, y2 = drawing.card_box(other)
            if other != person and any(x1 < u < x2 and y1 < v < y2 for u, v in samples):
                found.append((person, other))
    return found


def test_a_crowded_leefgebied_gets_a_wider_sector_and_a_quiet_one_keeps_room():
    atlas = Atlas(ClientNode(label="Freek"))
    for i in range(10):
        atlas.add("nodes", PersonNode(label=f"Vriend {i}", life_domain="vrienden"))
    atlas.add("nodes", PersonNode(label="Oma", life_domain="familie"))
    geometry = EcogramDrawing(atlas).geometry
    spans = {d: geometry.sector_span(i) for i, d in enumerate(geometry.domains)}
    angle = {d: end - start for d, (start, end) in spans.items()}
    equal = 2 * math.pi / len(DEFAULT_DOMAINS)
    assert angle["vrienden"] > 2 * equal and angle["vrienden"] < math.pi
    assert angle["familie"] > angle["werk"] > math.radians(10)  # an empty one stays open
    assert math.isclose(sum(angle.values()), 2 * math.pi)
    # Clockwise from the top, in the list's order, and a drop finds the sector it lands in.
    for domain, (start, end) in spans.items():
        assert geometry.domain_at(geometry.point(250, (start + end) / 2)) == domain
    assert spans[DEFAULT_DOMAINS[0]][0] == 0.0


def test_where_there_is_room_no_line_passes_behind_another_card():
    """A line hidden behind a card seems to end there: the reader would link the wrong
    person. With up to two contacts a sector, and in Freek's ecogram, every line is clear."""
    atlas = Atlas(ClientNode(label="Freek"))
    for domain, i in itertools.product(DEFAULT_DOMAINS, range(2)):
        atlas.add("nodes", PersonNode(label=f"Iemand {i}", life_domain=domain, note=NOTES[1]))
    assert crossings(EcogramDrawing(atlas)) == []
    freek, _ = io.load(assets_dir() / "examples" / "ecogram-freek.netwerkatlas")
    assert crossings(EcogramDrawing(freek)) == []


@pytest.mark.parametrize("client", [False, True], ids=["normal", "client"])
def test_the_leefgebieden_are_named_inside_the_rim_of_a_drawing_as_wide_as_the_screen(client):
    """Outside the rim the names widened the drawing and left the wedges' outer parts empty:
    inside, each name lies in its own wedge, clear of every card and of every line, and the
    drawing is no larger than its rim, which is wider than tall like the screen."""
    freek, _ = io.load(assets_dir() / "examples" / "ecogram-freek.netwerkatlas")
    drawing = EcogramDrawing(freek, show_notes=not client, client=client)
    geometry = drawing.geometry
    labels = drawing.layout.labels
    assert set(labels) == set(geometry.domains)
    for domain, label in labels.items():
        assert " ".join(label.lines) == domain_label(domain)
        assert all(geometry.domain_at(c) == domain for c in corners(label.box))
        assert not any(meet(label.box, drawing.card_box(p)) for p in drawing.cards)
        for person in drawing.cards:
            x, y = drawing.positions[person]
            x1, y1, x2, y2 = label.box
            samples = [(x * f / 400, y * f / 400) for f in range(401)]
            assert not any(x1 < u < x2 and y1 < v < y2 for u, v in samples), (domain, person)
    x, y, w, h = drawing.bounds()
    rim_w, rim_h = 2 * geometry.outer * geometry.aspect, 2 * geometry.outer
    assert w <= rim_w + 30 and h <= rim_h + 30
    assert 1.2 <= rim_w / rim_h <= 1.7
    # Every name is drawn, once per line.
    texts = drawing.texts()
    assert all(line in texts for label in labels.values() for line in label.lines)


def test_in_client_mode_the_cards_hold_only_the_names_in_larger_type():
    """The client reads from across the table: no notes, and every text larger, with the
    cards laid out for their names alone, apart, and every line still clear."""
    from netwerkatlas.render.readable import measure

    freek, _ = io.load(assets_dir() / "examples" / "ecogram-freek.netwerkatlas")
    normal = EcogramDrawing(freek)
    client = EcogramDrawing(freek, show_notes=False, client=True)
    assert all(card.note_lines == () for card in client.cards.values())
    names = {freek.node(p).shown_label for p in client.cards}
    assert names and all(t in " ".join(client.texts()) for t in names)
    smallest = measure(client).smallest[0]
    assert smallest >= 1.4 * measure(normal).smallest[0]
    names_size = min(card.name_size for card in client.cards.values())
    assert names_size >= 1.4 * min(card.name_size for card in normal.cards.values())
    boxes = [client.card_box(p) for p in client.positions]
    assert not any(meet(a, b) for a, b in itertools.combinations(boxes, 2))
    assert crossings(client) == []
    # Larger type, and yet the names-only cards take no more room than the cards with notes.
    assert client.bounds()[2] <= normal.bounds()[2] * 1.5


def test_a_place_set_by_hand_is_kept_and_the_others_keep_clear_of_it():
    atlas, placing = crowd(12)
    stack = UndoStack(atlas)
    friend = next(p for p, d in placing.items() if d == "vrienden")
    drawing = EcogramDrawing(atlas)
    spot = sector_middle(drawing, "vrienden", 230)
    stack.push(edits.place(atlas, friend, "vrienden", spot))
    assert atlas.position(VIEW, friend) == pytest.approx(spot, abs=0.01)
    for i in range(8):  # more friends: everyone else is laid out again
        atlas.add("nodes", PersonNode(label=f"Nieuw {i}", life_domain="vrienden", note=NOTES[1]))
    drawing = EcogramDrawing(atlas)
    assert drawing.positions[friend] == atlas.position(VIEW, friend)
    assert friend in drawing.layout.by_hand
    mine = drawing.card_box(friend)
    assert not any(meet(mine, drawing.card_box(p)) for p in drawing.positions if p != friend)
    # Moved to another domain elsewhere (the details panel): laid out afresh in the new one.
    stack.push(edits.place(atlas, friend, "werk", sector_middle(drawing, "werk")))
    stack.push(UpdateItem("nodes", friend, {"life_domain": "zorg"}))
    drawing = EcogramDrawing(atlas)
    assert drawing.domain_at(drawing.positions[friend]) == "zorg"
    assert friend not in drawing.layout.by_hand


def test_a_drop_finds_the_sector_under_it():
    atlas, _ = crowd(3)
    drawing = EcogramDrawing(atlas)
    for domain in DEFAULT_DOMAINS:
        for radius in (CLIENT_RADIUS + 5, 200, drawing.geometry.outer - 5):
            assert drawing.domain_at(sector_middle(drawing, domain, radius)) == domain
    assert drawing.domain_at((0, 0)) is None
    assert drawing.domain_at((CLIENT_RADIUS - 2, 0)) is None
    assert drawing.layout.domain_at((0, -(drawing.geometry.outer + 20))) is None
    command, lost = edits.set_domains(atlas, ["thuis", "buiten", "online"])
    command.redo(atlas)
    drawing = EcogramDrawing(atlas)
    # Three sectors of 120°, clockwise from the top.
    assert drawing.domain_at((10, -150)) == "thuis" and drawing.domain_at((150, 60)) == "thuis"
    assert drawing.domain_at((0, 150)) == "buiten"
    assert drawing.domain_at((-150, -10)) == "online"
    assert len(lost) == 3 and drawing.positions == {}


def test_every_edit_undoes_to_the_very_same_file():
    atlas = Atlas(ClientNode(label="Freek"))
    people = [PersonNode(label=n, note="Kookt twee keer per week") for n in ("Oma", "Mo", "Bas")]
    for person in people:
        atlas.add("nodes", person)
    oma, mo, bas = (p.id for p in people)
    # One line drawn the other way round: from the person to the client.
    atlas.add("edges", SupportRelation(source=bas, target=atlas.client_id))
    original = io.dumps(atlas)
    stack = UndoStack(atlas)
    steps = [
        lambda: edits.place(atlas, oma, "familie", (150, -150)),
        lambda: edits.place(atlas, oma, "familie", (200, -120)),
        lambda: edits.place(atlas, mo, "vrienden", (200, 80)),
        lambda: edits.place(atlas, bas, "vrije tijd", (-200, 60)),
        lambda: edits.set_support(atlas, oma, SupportStrength.TENUOUS),
        lambda: edits.set_support(
            atlas, oma, direction=Direction.BACKWARD, support=[SupportKind.EMOTIONAL]
        ),
        lambda: edits.set_support(atlas, bas, SupportStrength.STRESSFUL, Direction.FORWARD),
        lambda: edits.set_support(atlas, mo, support=[SupportKind.ADVICE, SupportKind.COMPANY]),
        lambda: edits.remove_support(atlas, mo),
        lambda: edits.set_domains(atlas, ["familie", "vrienden", "buurt"])[0],
        lambda: edits.unplace(atlas, oma),
    ]
    for step in steps:
        before = io.dumps(atlas)
        command = step()
        assert command is not None
        stack.push(command)
        assert io.dumps(atlas) != before
        stack.undo()
        assert io.dumps(atlas) == before
        stack.redo()
    assert_undo_all_and_redo_all(stack, original)


def test_directions_are_seen_from_the_client_whichever_way_the_line_is_stored():
    atlas = Atlas(ClientNode(label="Freek"))
    bas = PersonNode(label="Trainer Bas", life_domain="vrije tijd")
    atlas.add("nodes", bas)
    edge = SupportRelation(source=bas.id, target=atlas.client_id, direction=Direction.FORWARD)
    atlas.add("edges", edge)
    assert EcogramDrawing(atlas).ties[bas.id].flow == Direction.BACKWARD  # Bas gives
    edits.set_support(atlas, bas.id, direction=Direction.FORWARD).redo(atlas)  # Freek gives
    assert atlas.edge(edge.id).direction == Direction.BACKWARD
    assert EcogramDrawing(atlas).ties[bas.id].flow == Direction.FORWARD
    assert edits.set_support(atlas, bas.id, direction=Direction.FORWARD) is None
    # A new line runs from the client; support letters are kept in P G A E order.
    mo = PersonNode(label="Mo", life_domain="vrienden")
    atlas.add("nodes", mo)
    edits.set_support(atlas, mo.id, support=[SupportKind.EMOTIONAL, SupportKind.COMPANY]).redo(
        atlas
    )
    line = next(e for e in atlas.edges_of(mo.id) if e.kind == EdgeKind.SUPPORT)
    assert (line.source, line.strength) == (atlas.client_id, SupportStrength.STRONG)
    assert line.support == (SupportKind.COMPANY, SupportKind.EMOTIONAL)
    assert "G E" in EcogramDrawing(atlas).texts()


def test_changing_the_domains_names_who_drops_out_and_keeps_their_text():
    atlas, placing = crowd(16)
    stack = UndoStack(atlas)
    kept = [d for d in DEFAULT_DOMAINS if d not in ("werk", "buren")]
    command, lost = edits.set_domains(atlas, [*kept, " Social  media ", "vrienden"])
    assert sorted(lost) == sorted(p for p, d in placing.items() if d in ("werk", "buren"))
    stack.push(command)
    assert domains(atlas) == (*kept, "Social media")
    drawing = EcogramDrawing(atlas)
    assert set(drawing.positions) == {p for p in placing if p not in lost}
    assert all(atlas.node(p).life_domain in ("werk", "buren") for p in lost)
    stack.undo()
    assert domains(atlas) == DEFAULT_DOMAINS and atlas.views[VIEW].settings == {}
    assert edits.set_domains(atlas, DEFAULT_DOMAINS) == (None, [])
    with pytest.raises(ValueError):
        edits.set_domains(atlas, [" ", ""])
    with pytest.raises(ValueError):
        edits.place(atlas, lost[0], "werkplaats", (0, 200))


def test_freeks_ecogram_prints_every_name_with_its_own_legend():
    atlas, _ = io.load(assets_dir() / "examples" / "ecogram-freek.netwerkatlas")
    contacts = [n for n in atlas.nodes(NodeKind.PERSON)]
    assert len(contacts) == 14 and {n.life_domain for n in contacts} == set(DEFAULT_DOMAINS)
    data = render(atlas, ExportOptions(view="ecogram", paper="A3")).data
    assert data.startswith(b"%PDF")
    text = " ".join(all_text(data).split())
    for contact in contacts:
        assert contact.shown_label in text, contact.shown_label
    for words in ("Freek", "gezin of huishouden", "school of studie", "Hekel aan school"):
        assert words in text
    # Freek's lines use every style and kind of support, and every direction.
    legend = [entry.label for entry in EcogramDrawing(atlas).legend()]
    for key in ("strong", "tenuous", "stressful", "to_client", "from_client", "both"):
        assert i18n.t(f"ecogram.legend.{key}") in legend
    for key in ("practical", "company", "advice", "emotional"):
        assert i18n.t(f"ecogram.legend.{key}") in text
    assert i18n.t("ecogram.legend.plain") not in legend


def test_the_legend_holds_only_what_the_drawing_uses():
    atlas = Atlas(ClientNode(label="Freek"))
    oma, mo = PersonNode(label="Oma", life_domain="familie"), PersonNode(label="Mo")
    for person in (oma, mo):
        atlas.add("nodes", person)
    edits.set_support(atlas, oma.id, support=[SupportKind.PRACTICAL]).redo(atlas)
    legend = [entry.label for entry in EcogramDrawing(atlas).legend()]
    assert legend == [
        i18n.t("legend.client"),
        i18n.t("ecogram.legend.strong"),
        i18n.t("ecogram.legend.practical"),
    ]


class Recorder:
    """A painter that notes what is drawn."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple, dict]] = []

    def __getattr__(self, name):
        return lambda *args, **kwargs: self.calls.append((name, args, kwargs))


def test_line_styles_arrows_and_letters():
    atlas = Atlas(ClientNode(label="Freek"))
    people = {}
    for strength in (*SupportStrength, None):
        person = PersonNode(label=f"P {strength}", life_domain="vrienden")
        atlas.add("nodes", person)
        people[strength] = person.id
        if strength is not None:
            edits.set_support(atlas, person.id, strength, Direction.BOTH).redo(atlas)
    drawing = EcogramDrawing(atlas)
    for strength, person in people.items():
        recorder = Recorder()
        start, end = drawing._ends(person)
        draw_tie(recorder, start, end, drawing.ties[person])
        lines = [c for c in recorder.calls if c[0] == "line"]
        heads = [c for c in recorder.calls if c[0] == "polygon"]
        widths = sorted(c[2]["width"] for c in lines)
        if strength == SupportStrength.STRESSFUL:
            assert len(lines) > 8  # hatched: the line and its cross-strokes
        else:
            assert len(lines) == 1
        if strength == SupportStrength.TENUOUS:
            assert lines[0][2]["dash"]
        assert len(heads) == (0 if strength is None else 2)
        if strength == SupportStrength.STRONG:
            assert widths[-1] >= 3
        if strength is None:
            assert widths[-1] < 1
    recorder = Recorder()
    edits.set_support(atlas, people[None], support=list(SupportKind)).redo(atlas)
    EcogramDrawing(atlas).draw(recorder)
    texts = [c[1][2] for c in recorder.calls if c[0] == "text"]
    assert "P G A E" in texts and "Freek" in texts and "vrienden" in texts


def test_notes_are_cut_short_at_a_word_and_names_translated_for_display(monkeypatch):
    assert short_note("Ruzie over geld") == "Ruzie over geld"
    cut = short_note("Ernstig ziek, regelmatig in het ziekenhuis. Door zijn ziekte weg.")
    assert cut == "Ernstig ziek, regelmatig…"  # not "in het…"
    assert short_note("x" * 60) == "x" * 40 + "…"
    assert short_note("  twee\n regels  ") == "twee regels"
    assert domain_label("vrije tijd") == "vrije tijd" and domain_label("online") == "online"
    monkeypatch.setattr(i18n, "_language", "en")
    assert domain_label("vrije tijd") == "leisure" and domain_label("online") == "online"
    assert EcogramDrawing(Atlas()).view_title == "Ecogram"


def test_dragging_moves_only_a_copy():
    atlas, _ = crowd(6)
    drawing = EcogramDrawing(atlas)
    person = next(iter(drawing.positions))
    before = dict(drawing.positions)
    moved = drawing.at({person: (300.0, 300.0)})
    assert moved.positions[person] == (300.0, 300.0) and drawing.positions == before
    moved.draw(Recorder())


EDIT_KINDS = ["place", "unplace", "support", "remove_support", "domains", "household"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(EDIT_KINDS), st.integers(0, 999)), max_size=15))
def test_random_sessions_undo_to_the_original_and_never_overlap(steps):
    atlas, _ = crowd(9)
    original = io.dumps(atlas)
    stack = UndoStack(atlas)
    people = sorted(n.id for n in atlas.nodes(NodeKind.PERSON))
    for kind, pick in steps:
        person = people[pick % len(people)]
        names = domains(atlas)
        if kind == "place":
            domain = names[pick % len(names)]
            drawing = EcogramDrawing(atlas)
            in_middle = domain == drawing.layout.centre_domain
            spot = (0.0, 0.0) if in_middle else sector_middle(drawing, domain, 150 + pick)
            command = edits.place(atlas, person, domain, spot)
        elif kind == "unplace":
            command = edits.unplace(atlas, person)
        elif kind == "support":
            command = edits.set_support(
                atlas,
                person,
                list(SupportStrength)[pick % 3],
                list(Direction)[pick % 4],
                [k for i, k in enumerate(SupportKind) if pick >> i & 1],
            )
        elif kind == "remove_support":
            command = edits.remove_support(atlas, person)
        elif kind == "household":
            command = edits.set_household_centre(atlas, bool(pick % 2))
        else:
            command = edits.set_domains(atlas, DEFAULT_DOMAINS[pick % 3 :])[0]
        if command is not None:
            stack.push(command)
        drawing = EcogramDrawing(atlas)
        computed = [p for p in drawing.positions if p not in drawing.layout.by_hand]
        boxes = [drawing.card_box(p) for p in computed]
        hand = [drawing.card_box(p) for p in drawing.layout.by_hand]
        assert not any(meet(a, b) for a, b in itertools.combinations(boxes, 2))
        assert not any(meet(a, b) for a in boxes for b in hand)
    # Sectors remembered from earlier drawings give the very layout made from scratch.
    remembered = EcogramDrawing(atlas).positions
    sector_layout.cache_clear()
    assert EcogramDrawing(atlas).positions == remembered
    assert_undo_all_and_redo_all(stack, original)


def freek_with_household_in_the_middle() -> tuple[Atlas, UndoStack, str]:
    atlas, _ = io.load(assets_dir() / "examples" / "ecogram-freek.netwerkatlas")
    stack = UndoStack(atlas)
    original = io.dumps(atlas)
    stack.push(edits.set_household_centre(atlas, True))
    return atlas, stack, original


def test_the_household_can_share_the_middle_with_the_client():
    atlas, stack, original = freek_with_household_in_the_middle()
    drawing = EcogramDrawing(atlas)
    home = {p.id for p in atlas.nodes(NodeKind.PERSON) if p.life_domain == "gezin of huishouden"}
    assert len(home) == 3 and set(drawing.centre.members) == home
    # No sector of its own: the other seven share the circle, around a larger middle.
    assert "gezin of huishouden" not in drawing.geometry.domains
    assert len(drawing.geometry.domains) == 7 and drawing.geometry.centre > CLIENT_RADIUS
    rim = drawing.geometry.centre
    for person in home:
        box = drawing.card_box(person)
        assert all(math.hypot(*c) < rim for c in corners(box))  # the name inside the circle
        assert person not in drawing.ties  # and no line from the client to them
    boxes = [drawing.card_box(p) for p in drawing.positions]
    assert not any(meet(a, b) for a, b in itertools.combinations(boxes, 2))
    for person in drawing.cards:  # everyone else in a sector, beyond the larger middle
        nearest = min(math.hypot(*c) for c in corners(drawing.card_box(person)))
        assert nearest > rim
    assert crossings(drawing) == []
    # Parents before a sister; the legend says who is in the middle.
    names = [atlas.node(p).shown_label for p in drawing.centre.members]
    assert names.index("Lieke") == 2
    assert drawing.legend()[0].label == i18n.t("ecogram.legend.household")
    assert {"Moeder", "Vader", "Lieke"} <= set(drawing.texts())
    recorder = Recorder()
    drawing.draw(recorder)
    texts = [c[1][2] for c in recorder.calls if c[0] == "text"]
    assert "gezin of huishouden" not in texts and "Lieke" in texts
    stack.undo()
    assert io.dumps(atlas) == original
    assert "gezin of huishouden" in EcogramDrawing(atlas).geometry.domains


def test_moving_someone_into_or_out_of_the_middle_changes_their_leefgebied():
    atlas, stack, _ = freek_with_household_in_the_middle()
    drawing = EcogramDrawing(atlas)
    assert drawing.domain_at((0, 0)) == "gezin of huishouden"
    assert drawing.domain_at((drawing.geometry.centre - 3, 0)) == "gezin of huishouden"
    oma = next(p.id for p in atlas.nodes(NodeKind.PERSON) if p.shown_label == "Oma Riet")
    stack.push(edits.place(atlas, oma, "gezin of huishouden", (5, 5)))
    assert atlas.node(oma).life_domain == "gezin of huishouden"
    assert atlas.position(VIEW, oma) is None  # names in the middle are set out by themselves
    assert oma in EcogramDrawing(atlas).centre.members
    lieke = next(p.id for p in atlas.nodes(NodeKind.PERSON) if p.shown_label == "Lieke")
    spot = sector_middle(drawing, "vrienden", drawing.geometry.centre + 120)
    stack.push(edits.place(atlas, lieke, "vrienden", spot))
    after = EcogramDrawing(atlas)
    assert lieke in after.cards and after.positions[lieke] == pytest.approx(spot, abs=0.01)
    # Without a household's leefgebied the middle holds the client alone.
    stack.push(edits.set_domains(atlas, ["familie", "vrienden", "zorg"])[0])
    assert edits.set_household_centre(atlas, True) is None
    assert EcogramDrawing(atlas).centre.members == {}
    stack.undo()
    assert oma in EcogramDrawing(atlas).centre.members
    assert edits.set_household_centre(atlas, True) is None  # already there
    stack.push(edits.set_household_centre(atlas, False))
    assert EcogramDrawing(atlas).centre.members == {}


def test_a_large_household_grows_the_middle_and_keeps_every_name_apart():
    atlas, _ = crowd(30)
    for i, relation in enumerate(("moeder", "stiefvader", "broertje", "zus", "", "zoon", "oma")):
        atlas.add(
            "nodes",
            PersonNode(
                label=f"Huisgenoot met een lange naam {i}",
                relation=relation,
                life_domain="gezin of huishouden",
            ),
        )
    edits.set_household_centre(atlas, True).redo(atlas)
    drawing = EcogramDrawing(atlas)
    assert len(drawing.centre.members) >= 7
    rim = drawing.geometry.centre
    boxes = {p: drawing.card_box(p) for p in drawing.positions}
    assert not any(meet(boxes[a], boxes[b]) for a, b in itertools.combinations(boxes, 2))
    for person in drawing.centre.members:
        assert all(math.hypot(*c) < rim for c in corners(boxes[person]))
    for person in drawing.cards:
        assert min(math.hypot(*c) for c in corners(boxes[person])) > rim
    relations = [atlas.node(p).relation for p in drawing.centre.members]
    assert relations.index("stiefvader") < relations.index("zus") < relations.index("zoon")


def test_freeks_ecogram_prints_readable_on_a3_without_a_note():
    from netwerkatlas.export.poster import readability_note

    freek, _ = io.load(assets_dir() / "examples" / "ecogram-freek.netwerkatlas")
    drawing = EcogramDrawing(freek)
    assert readability_note(drawing, "A3", False, 12.0) is None
    assert readability_note(drawing, "A4", False, 12.0) is not None  # A4 is too small: it says so


@pytest.mark.parametrize(
    "options",
    [{}, {"show_notes": False, "large_type": True}, {"show_notes": False, "client": True}],
    ids=["notes", "names-large", "client"],
)
def test_support_letters_never_cover_each_other_or_a_card(options):
    """Lines converge on the client: letters of short lines near it once stood on each other."""
    atlas, _ = io.load(assets_dir() / "examples" / "ecogram-freek.netwerkatlas")
    drawing = EcogramDrawing(atlas, **options)
    boxes = drawing.letter_boxes()
    assert len(boxes) >= 10
    cards = [drawing.card_box(p) for p in drawing.cards]
    for (a, box), (b, other) in itertools.combinations(boxes.items(), 2):
        assert not meet(box, other), (a, b)
    for person, box in boxes.items():
        assert not any(meet(box, card) for card in cards), person
