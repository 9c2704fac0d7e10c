"""The made-up atlases the benchmarks measure with: Qt-free, so the export benchmark can use
them without loading PySide6."""

from __future__ import annotations

import math
import random

from netwerkatlas.model import (
    Atlas,
    ClientNode,
    Direction,
    InfluenceLink,
    PersonNode,
    SupportKind,
    SupportRelation,
    SupportStrength,
    ThemeNode,
)
from netwerkatlas.tools.circle import VIEW as CIRCLE
from netwerkatlas.tools.circle.variants import LENSINK
from netwerkatlas.tools.ecogram.domains import DEFAULT_DOMAINS
from netwerkatlas.tools.netwerkintake import VIEW

SPACING = 170.0  # grid step in points: 1,000 places fill a disc of radius ~3,000 pt
NEAR = 2.5 * SPACING  # "near" links join bollen at most this far apart
THEMES = ["Werk", "Wonen", "Gezondheid", "Geld", "Vrienden", "Familie", "School", "Sport"]


def places(count: int) -> list[tuple[float, float]]:
    """`count` grid places nearest the origin (the client's place first), slightly jittered."""
    rng = random.Random(11)
    reach = math.ceil(math.sqrt(count / math.pi)) + 2
    cells = [(x, y) for x in range(-reach, reach + 1) for y in range(-reach, reach + 1)]
    cells.sort(key=lambda c: (c[0] ** 2 + c[1] ** 2, c))
    points = [(0.0, 0.0)]
    for x, y in cells[1:count]:
        points.append((x * SPACING + rng.uniform(-25, 25), y * SPACING + rng.uniform(-25, 25)))
    return points


def build_atlas(count: int, links: int, near: bool = True, seed: int = 5) -> Atlas:
    """The client + count - 1 themes (labels, scores, every 7th emphasised) and `links`
    influence links, one in four with a direction, every bol placed. Links join `near` bollen
    (as people draw them: related themes side by side) or any two bollen (the worst case:
    long links cross the whole view)."""
    rng = random.Random(seed)
    atlas = Atlas(ClientNode(label="Cliënt", name="Cliënt"))
    ids = [atlas.client_id]
    for i in range(1, count):
        label = f"{THEMES[i % len(THEMES)]} en nog iets {i}"
        score = rng.choice([-2, -1, 0, 1, 2, None])
        node = ThemeNode(label=label, score=score, emphasis=i % 7 == 0)
        atlas.add("nodes", node)
        ids.append(node.id)
    points = places(count)
    neighbours = [
        [j for j, q in enumerate(points) if j != i and math.dist(p, q) <= NEAR]
        for i, p in enumerate(points)
    ]
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < links:
        a = rng.randrange(count)
        b = rng.choice(neighbours[a]) if near else rng.randrange(count)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    for index, (a, b) in enumerate(sorted(pairs)):
        direction = Direction.FORWARD if index % 4 == 0 else Direction.NONE
        atlas.add("edges", InfluenceLink(source=ids[a], target=ids[b], direction=direction))
    atlas.set_positions(VIEW, dict(zip(ids, points, strict=True)))
    return atlas


NOTES = (
    "",
    "Komt elke week langs en helpt met de boodschappen.",
    "Ruzie over geld",
    "Oud-collega, ziet ze soms bij de bakker op zaterdag.",
)


def people_around(count: int, seed: int = 5) -> Atlas:
    """The client and `count` people, as an ecogram and a netwerkcirkel see them: a third among
    the friends and the rest spread over the other leefgebieden, notes of several lengths, most
    with a described line to the client, and everyone in a cell of the Lensink circle."""
    rng = random.Random(seed)
    atlas = Atlas(ClientNode(label="Freek", name="Freek"))
    cells = {}
    for i in range(count):
        domain = "vrienden" if i % 3 == 0 else DEFAULT_DOMAINS[i % len(DEFAULT_DOMAINS)]
        person = PersonNode(name=f"Persoon {i}", life_domain=domain, note=NOTES[i % 4])
        atlas.add("nodes", person)
        cells[person.id] = [rng.choice(LENSINK.rings), rng.choice(LENSINK.sectors)]
        if i % 4:
            line = SupportRelation(
                source=atlas.client_id,
                target=person.id,
                strength=list(SupportStrength)[i % 3],
                direction=list(Direction)[i % 4],
                support=(SupportKind.PRACTICAL,),
            )
            atlas.add("edges", line)
    atlas.set_view_setting(CIRCLE, "cells", cells)
    return atlas
