"""A large imported family: the same family gives the same genogram whatever its ids, and the
sibling bars of different couples never lie on top of each other."""

from __future__ import annotations

import itertools
import random
import uuid

import pytest
from tests.genogram_families import FamilyBuilder, random_family
from tests.test_gedcom import big_family, write

from netwerkatlas.commands import UndoStack
from netwerkatlas.io.gedcom import read_gedcom
from netwerkatlas.model import EDGES, NODES, Atlas, ClientNode, Gender
from netwerkatlas.tools.genogram import VIEW
from netwerkatlas.tools.genogram.drawing import GenogramDrawing
from netwerkatlas.tools.genogram.importing import import_family
from netwerkatlas.tools.genogram.layout import ROW


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    text, _role = big_family()
    return read_gedcom(write(tmp_path_factory.mktemp("big"), text))


def imported(tree) -> Atlas:
    atlas = Atlas(ClientNode(label="", name="", gender=Gender.UNKNOWN))
    UndoStack(atlas).push(import_family(atlas, tree, "@R@", 3, root_is_client=True))
    return atlas


def reshuffled(atlas: Atlas, seed: int) -> Atlas:
    """The same family with new ids, its people and relations added in another order."""
    rng = random.Random(seed)
    ids = {n.id: str(uuid.UUID(int=rng.getrandbits(128))) for n in atlas.nodes()}
    client = atlas.client.model_copy(update={"id": ids[atlas.client_id]})
    copy = Atlas(client)
    nodes = [n for n in atlas.nodes() if n.id != atlas.client_id]
    edges = list(atlas.edges())
    rng.shuffle(nodes)
    rng.shuffle(edges)
    for node in nodes:
        copy.add(NODES, node.model_copy(update={"id": ids[node.id]}))
    for edge in edges:
        new_id = str(uuid.UUID(int=rng.getrandbits(128)))
        copy.add(
            EDGES,
            edge.model_copy(
                update={"id": new_id, "source": ids[edge.source], "target": ids[edge.target]}
            ),
        )
    return copy


def by_name(atlas: Atlas) -> dict[str, tuple[float, float]]:
    drawing = GenogramDrawing(atlas)
    names = {p: atlas.node(p).name for p in drawing.positions}
    assert len(set(names.values())) == len(names)  # the names tell everyone apart
    return {names[p]: point for p, point in drawing.positions.items()}


def test_the_same_family_is_laid_out_the_same_whatever_its_ids(tree):
    first = imported(tree)
    assert len(list(first.nodes())) > 40
    layout = by_name(first)
    assert by_name(imported(tree)) == layout  # a second import: other random ids
    for seed in range(3):
        assert by_name(reshuffled(first, seed)) == layout


def bars_overlap(drawing: GenogramDrawing) -> list:
    """Pairs of sibling bars of different parents that share a stretch of the same height."""
    return [
        (p.children, q.children)
        for p, q in itertools.combinations(drawing.sibling_bars(), 2)
        if abs(p.y - q.y) < 6 and min(p.right, q.right) - max(p.left, q.left) > -6
    ]


@pytest.mark.parametrize("source", ["gedcom", "random"])
def test_sibling_bars_of_different_couples_never_overlap(tree, source):
    atlas = imported(tree) if source == "gedcom" else random_family(200, seed=3)
    drawing = GenogramDrawing(atlas)
    assert len(drawing.sibling_bars()) > 10
    assert bars_overlap(drawing) == []


def married_across_generations(index: str):
    """Xander marries Zoë, the daughter of his cousin Yvonne: partners one generation apart
    by descent, as in many large family trees."""
    f = FamilyBuilder("Gerrit", 1920)
    for name, gender, born in [
        ("Gerda", Gender.FEMALE, 1922),
        ("Piet", Gender.MALE, 1945),
        ("Pia", Gender.FEMALE, 1947),
        ("Quirine", Gender.FEMALE, 1943),
        ("Quinten", Gender.MALE, 1941),
        ("Yvonne", Gender.FEMALE, 1962),
        ("Youssef", Gender.MALE, 1960),
        ("Xander", Gender.MALE, 1970),
        ("Zoë", Gender.FEMALE, 1984),
        ("Bas", Gender.MALE, 2010),
    ]:
        f.person(name, gender, born)
    f.couple("Gerrit", "Gerda")
    f.child(("Gerrit", "Gerda"), "Piet")
    f.child(("Gerrit", "Gerda"), "Quirine")
    f.couple("Piet", "Pia")
    f.couple("Quinten", "Quirine")
    f.child(("Piet", "Pia"), "Xander")
    f.child(("Quinten", "Quirine"), "Yvonne")
    f.couple("Youssef", "Yvonne")
    f.child(("Youssef", "Yvonne"), "Zoë")
    f.couple("Xander", "Zoë")
    f.child(("Xander", "Zoë"), "Bas")
    if index != "Gerrit":
        f.atlas.set_view_setting(VIEW, "index_id", f.ids[index])
    return f


@pytest.mark.parametrize("index", ["Gerrit", "Xander", "Bas", "Youssef"])
def test_partners_from_different_generations_stand_in_one_row(index):
    f = married_across_generations(index)
    drawing = GenogramDrawing(f.atlas)
    y = {name: drawing.positions[pid][1] for name, pid in f.ids.items()}
    for route in drawing.couple_routes():  # level lines, no diagonals
        assert route.start[1] == route.end[1]
    assert y["Xander"] == y["Zoë"]
    family = drawing.family
    for child, parents in family.parents_of.items():
        for parent in parents:
            assert drawing.positions[child][1] >= drawing.positions[parent][1] + ROW
    # Where the family allows it, a child is one row under its parents.
    assert y["Piet"] == y["Quirine"] == y["Gerrit"] + ROW
    assert y["Bas"] == y["Zoë"] + ROW
