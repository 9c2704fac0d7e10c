"""Atlases for export tests: the bundled example, with names in several scripts added."""

from __future__ import annotations

from netwerkatlas import io
from netwerkatlas.model import ACTIONS, EDGES, NODES, Action, InfluenceLink, NodeKind, PersonNode
from netwerkatlas.resources import example_path

FOREIGN = PersonNode(name="Zoë Ελένη Παπαδοπούλου", label="Buurvrouw Zoë", score=-2)
CYRILLIC = PersonNode(name="Юрий Петров", score=1, note="Helpt Zoë met de boodschappen.")


def example_atlas():
    atlas, _ = io.load(example_path())
    return atlas


def atlas_with_foreign_names():
    """The example plus people whose names need more than ASCII, and names inside notes."""
    atlas = example_atlas()
    atlas.add(NODES, FOREIGN)
    atlas.add(NODES, CYRILLIC)
    atlas.add(
        EDGES,
        InfluenceLink(source=FOREIGN.id, target=CYRILLIC.id, note="Юрий en Zoë kennen elkaar."),
    )
    goal = atlas.items("goals")[0]
    atlas.add(ACTIONS, Action(goal_id=goal.id, who="buurman Henk Jansen", what="Belt Sanne op."))
    return atlas


def names_in(atlas) -> list[str]:
    """Every word that names someone: client, persons (or their label when nameless) and
    people named in actions."""
    from netwerkatlas.export.privacy import name_tokens

    names = []
    for node in atlas.nodes():
        if node.kind in (NodeKind.CLIENT, NodeKind.PERSON):
            names.append(node.name or node.label)
    names += [a.who for a in atlas.items(ACTIONS) if a.who and a.who_id is None]
    return sorted({token for name in names for token in name_tokens(name)})
