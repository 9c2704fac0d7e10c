"""Automatic generational layout of a genogram.

One row per generation, oldest on top; partners side by side (male left, several partners in
the order of their relations); children under their parents, oldest left; no overlapping
symbols; as few crossing lines as a barycentre ordering finds. People the user placed by hand
keep their place (stored per view); everyone else is computed.

Method: the rows are ordered and positioned in alternating sweeps. Going down, each row's blocks
(a person with their partners) are sorted by where their parents stand and placed as close to
there as the minimum spacing allows; going up, couples are pulled over the middle of their
children. Placing with a minimum spacing while staying closest to the wished places is an
isotonic regression, solved exactly by pooling adjacent violators.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from netwerkatlas.model import Atlas
from netwerkatlas.model.atlas import Point
from netwerkatlas.tools.genogram import VIEW
from netwerkatlas.tools.genogram.family import Family, read_family

SYMBOL = 40.0  # width of a person's symbol, in points
SLOT = 100.0  # centre to centre of partners, and the least between any two neighbours
ROW = 190.0  # from one generation to the next
SWEEPS = 3


@dataclass
class _Block:
    members: list[str]  # left to right
    x: float = 0.0  # centre of the first member

    @property
    def width(self) -> float:
        return (len(self.members) - 1) * SLOT

    def offset(self, person_id: str) -> float:
        return self.members.index(person_id) * SLOT


def _blocks_of_row(family: Family, row: list[str]) -> list[_Block]:
    """People in a row joined by partner relations form a block, drawn side by side."""
    in_row = set(row)
    seen: set[str] = set()
    blocks: list[_Block] = []
    for person_id in sorted(row, key=family.birth_key):
        if person_id in seen:
            continue
        component, todo = [], [person_id]
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            component.append(current)
            for couple in family.partners_of(current):
                other = couple.right if couple.left == current else couple.left
                if other in in_row and other not in seen:
                    todo.append(other)
        blocks.append(_Block(_order_partners(family, component)))
    return blocks


def _order_partners(family: Family, component: list[str]) -> list[str]:
    if len(component) == 1:
        return component
    members = set(component)
    couples = [c for c in family.couples if c.left in members and c.right in members]
    if len(component) == 2 and couples:
        return [couples[0].left, couples[0].right]
    # A person with several partners stands between the first and the later ones.
    hub = min(component, key=lambda p: (-len(family.partners_of(p)), family.birth_key(p)))
    partners = [c.right if c.left == hub else c.left for c in couples if hub in (c.left, c.right)]
    order = [*partners[:1], hub, *partners[1:]]
    order += [p for p in component if p not in order]
    return order


def _pool(targets: list[float], widths: list[float]) -> list[float]:
    """Left positions closest (least squares) to `targets`, keeping order and spacing."""
    offsets, total = [], 0.0
    for i in range(len(widths)):
        if i:
            total += widths[i - 1] + SLOT
        offsets.append(total)
    pools: list[list[float]] = []  # [sum, count]
    sizes: list[int] = []
    for target, offset in zip(targets, offsets, strict=True):
        pools.append([target - offset, 1.0])
        sizes.append(1)
        while len(pools) > 1 and pools[-2][0] / pools[-2][1] > pools[-1][0] / pools[-1][1]:
            s, c = pools.pop()
            n = sizes.pop()
            pools[-1][0] += s
            pools[-1][1] += c
            sizes[-1] += n
    result: list[float] = []
    for (s, c), n in zip(pools, sizes, strict=True):
        result.extend([s / c] * n)
    return [y + offset for y, offset in zip(result, offsets, strict=True)]


def _place_row(blocks: list[_Block], wished: dict[int, float], ranks: dict[int, tuple]) -> None:
    """Sort blocks by their wished place and put them as near to it as spacing allows."""
    for i, block in enumerate(blocks):
        wished.setdefault(i, block.x)
    order = sorted(range(len(blocks)), key=lambda i: (wished[i], ranks[i]))
    lefts = _pool([wished[i] for i in order], [blocks[i].width for i in order])
    arranged = [blocks[i] for i in order]
    for block, left in zip(arranged, lefts, strict=True):
        block.x = left
    blocks[:] = arranged


def compute_layout(family: Family) -> dict[str, Point]:
    """Positions for everyone in `family`, ignoring any placed by hand."""
    rows = [_blocks_of_row(family, row) for row in family.rows()]
    x: dict[str, float] = {}

    def sync(blocks: list[_Block]) -> None:
        for block in blocks:
            for person_id in block.members:
                x[person_id] = block.x + block.offset(person_id)

    def parent_centre(person_id: str) -> float | None:
        parents = [p for p in family.parents_of.get(person_id, []) if p in x]
        return sum(x[p] for p in parents) / len(parents) if parents else None

    def children_centre(person_id: str) -> float | None:
        kids = [c for couple in family.partners_of(person_id) for c in couple.children]
        kids += family.single_parent_children.get(person_id, [])
        kids = [k for k in kids if k in x]
        return sum(x[k] for k in kids) / len(kids) if kids else None

    def rank(block: _Block) -> tuple:
        return min(family.birth_key(p) for p in block.members)

    for r, blocks in enumerate(rows):  # first placement, top down
        if r == 0:
            _place_row(blocks, {}, {i: rank(b) for i, b in enumerate(blocks)})
        else:
            _down(blocks, parent_centre, family, rank)
        sync(blocks)
    for _ in range(SWEEPS):
        for blocks in reversed(rows[:-1]):
            _up(blocks, children_centre, rank)
            sync(blocks)
        for blocks in rows[1:]:
            _down(blocks, parent_centre, family, rank)
            sync(blocks)
    return {p: (round(x[p], 2), family.generation[p] * ROW) for p in family.persons}


def _down(blocks, parent_centre, family: Family, rank) -> None:
    wished: dict[int, float] = {}
    ranks: dict[int, tuple] = {}
    for i, block in enumerate(blocks):
        _face_own_parents(block, parent_centre)
        wishes = [
            centre - block.offset(p)
            for p in block.members
            if (centre := parent_centre(p)) is not None
        ]
        if wishes:
            wished[i] = sum(wishes) / len(wishes)
        with_parents = [p for p in block.members if p in family.parents_of]
        ranks[i] = min((family.birth_key(p) for p in with_parents), default=rank(block))
    _place_row(blocks, wished, ranks)


def _face_own_parents(block: _Block, parent_centre) -> None:
    """A couple who both have parents in the genogram stands each on the side of their own
    parents, even against the male-left convention: that saves a crossing line."""
    if len(block.members) != 2:
        return
    left, right = block.members
    lc, rc = parent_centre(left), parent_centre(right)
    if lc is not None and rc is not None and lc > rc:
        block.members = [right, left]


def _up(blocks, children_centre, rank) -> None:
    wished: dict[int, float] = {}
    for i, block in enumerate(blocks):
        wishes = []
        for p in block.members:
            centre = children_centre(p)
            if centre is None:
                continue
            # Couples stand with their middle over their children.
            wishes.append(centre - block.offset(p) - _half_couple(block, p))
        if wishes:
            wished[i] = sum(wishes) / len(wishes)
    _place_row(blocks, wished, {i: rank(b) for i, b in enumerate(blocks)})


def _half_couple(block: _Block, person_id: str) -> float:
    """From a person to the middle of the line to the partner on their right, if any."""
    index = block.members.index(person_id)
    return SLOT / 2 if index + 1 < len(block.members) else -SLOT / 2 if index else 0.0


def genogram_positions(atlas: Atlas, family: Family | None = None) -> dict[str, Point]:
    """Where everyone in the genogram is drawn: placed by hand, or computed."""
    family = family or read_family(atlas, atlas.view_setting(VIEW, "index_id"))
    computed = compute_layout(family)
    state = atlas.views.get(VIEW)
    stored: Mapping[str, Point] = state.positions if state else {}
    return {p: stored.get(p, computed[p]) for p in family.persons}
