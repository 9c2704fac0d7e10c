"""Small families for genogram tests, built through the model as the app would."""

from __future__ import annotations

import random

from netwerkatlas.model import (
    EDGES,
    NODES,
    Atlas,
    ClientNode,
    Gender,
    ParentChildKind,
    ParentChildRelation,
    PartnerRelation,
    PartnerStatus,
    PersonNode,
)


class FamilyBuilder:
    def __init__(self, client_name: str = "Thijs", born: int = 2003, gender=Gender.MALE) -> None:
        self.atlas = Atlas(
            ClientNode(label=client_name, name=client_name, gender=gender, birth_year=born)
        )
        self.ids = {client_name: self.atlas.client_id}

    def person(self, name: str, gender: Gender, born: int | None = None, **fields) -> str:
        node = PersonNode(label=name, name=name, gender=gender, birth_year=born, **fields)
        self.atlas.add(NODES, node)
        self.ids[name] = node.id
        return node.id

    def couple(self, a: str, b: str, status=PartnerStatus.MARRIED, start=None, end=None) -> None:
        self.atlas.add(
            EDGES,
            PartnerRelation(
                source=self.ids[a],
                target=self.ids[b],
                status=status,
                start_year=start,
                end_year=end,
            ),
        )

    def child(
        self,
        parents: tuple[str, ...],
        child: str,
        kind=ParentChildKind.BIOLOGICAL,
        twin: str = "",
        identical: bool = False,
    ) -> None:
        for parent in parents:
            self.atlas.add(
                EDGES,
                ParentChildRelation(
                    source=self.ids[parent],
                    target=self.ids[child],
                    relation=kind,
                    twin_group=twin,
                    identical_twin=identical,
                ),
            )


def blended_family() -> FamilyBuilder:
    """Three generations: a divorce and remarriage with half-siblings, twins, an adoption and
    a death."""
    f = FamilyBuilder()
    for name, gender, born in [
        ("Sjaak", Gender.MALE, 1950),
        ("Betsy", Gender.FEMALE, 1954),
        ("Jan", Gender.MALE, 1976),
        ("Marie", Gender.FEMALE, 1978),
        ("Els", Gender.FEMALE, 1980),
        ("Klaas", Gender.MALE, 1974),
        ("Greet", Gender.FEMALE, 2001),
        ("Bram", Gender.MALE, 2010),
        ("Fien", Gender.FEMALE, 2010),
        ("Mila", Gender.FEMALE, 2008),
    ]:
        if name != "Thijs":
            f.person(name, gender, born, deceased=name == "Sjaak")
    f.couple("Sjaak", "Betsy", start=1973)
    f.child(("Sjaak", "Betsy"), "Klaas")
    f.child(("Sjaak", "Betsy"), "Jan")
    f.couple("Jan", "Marie", PartnerStatus.DIVORCED, 2000, 2006)
    f.couple("Jan", "Els", PartnerStatus.MARRIED, 2007)
    f.child(("Jan", "Marie"), "Greet")
    f.child(("Jan", "Marie"), "Thijs")
    f.child(("Jan", "Els"), "Bram", twin="a", identical=True)
    f.child(("Jan", "Els"), "Fien", twin="a")
    f.child(("Jan", "Els"), "Mila", kind=ParentChildKind.ADOPTED)
    return f


def random_family(people: int, seed: int = 1) -> Atlas:
    """A big made-up family: couples have 2-4 children, the eldest and some others marry."""
    rng = random.Random(seed)
    f = FamilyBuilder("Client", 1990)
    generation = [f.person("P0", Gender.MALE, 1900), f.person("P1", Gender.FEMALE, 1902)]
    f.couple("P0", "P1")
    names = {v: k for k, v in f.ids.items()}
    count = 2
    year = 1925
    parents_pairs = [(generation[0], generation[1])]
    while count < people:
        next_pairs = []
        for a, b in parents_pairs:
            for nth in range(rng.randint(2, 4)):
                if count >= people:
                    break
                gender = rng.choice([Gender.MALE, Gender.FEMALE])
                child = f"P{count}"
                count += 1
                cid = f.person(child, gender, year + rng.randint(0, 15))
                names[cid] = child
                f.child((names[a], names[b]), child)
                if count < people and (nth == 0 or rng.random() < 0.6):
                    spouse = f"P{count}"
                    count += 1
                    sid = f.person(
                        spouse,
                        Gender.FEMALE if gender == Gender.MALE else Gender.MALE,
                        year + rng.randint(0, 15),
                    )
                    names[sid] = spouse
                    f.couple(child, spouse)
                    next_pairs.append((cid, sid))
        if not next_pairs:
            break
        parents_pairs = next_pairs
        year += 25
    # The client is a child of the last couple, so the whole family is connected to them.
    a, b = parents_pairs[0]
    f.child((names[a], names[b]), "Client")
    return f.atlas
