"""A family from a GEDCOM file into the atlas, as one undoable step.

The person chosen as the centre is usually the client: then no second "client" is made; the
relations go to the client's own node, and the client's empty facts (sex, years, name) are
filled from the file.
"""

from __future__ import annotations

from netwerkatlas.commands import AddItem, Command, Macro, UpdateItem
from netwerkatlas.i18n import tn
from netwerkatlas.io.gedcom import GedcomTree, select_around, to_records
from netwerkatlas.model import EDGES, NODES, Atlas

CLIENT_FACTS = ("name", "gender", "birth_year", "death_year")


def import_family(
    atlas: Atlas, tree: GedcomTree, root_xref: str, generations: int, root_is_client: bool
) -> Command:
    """The command that adds the people around `root_xref` (see `select_around`)."""
    selected = select_around(tree, root_xref, generations)
    records = to_records(tree, selected)
    steps: list[Command] = []
    root_id = records.ids[root_xref]
    rename = {root_id: atlas.client_id} if root_is_client else {}
    for node in records.nodes:
        if node.id in rename:
            facts = _client_facts(atlas, node)
            if facts:
                steps.append(UpdateItem(NODES, atlas.client_id, facts))
            continue
        steps.append(AddItem(NODES, node))
    for edge in records.edges:
        if edge.source in rename or edge.target in rename:
            edge = edge.model_copy(
                update={
                    "source": rename.get(edge.source, edge.source),
                    "target": rename.get(edge.target, edge.target),
                }
            )
        steps.append(AddItem(EDGES, edge))
    return Macro(tn("gedcom.command.import", len(selected)), steps)


def _client_facts(atlas: Atlas, imported) -> dict:
    """What the file knows about the client that the atlas does not yet."""
    client = atlas.client
    facts = {}
    for field in CLIENT_FACTS:
        mine, theirs = getattr(client, field), getattr(imported, field)
        empty = mine in ("", None) or (field == "gender" and mine == "unknown")
        if empty and theirs not in ("", None, "unknown"):
            facts[field] = theirs
    return facts


def selection_size(tree: GedcomTree, root_xref: str, generations: int) -> int:
    return len(select_around(tree, root_xref, generations))
