"""Which row each person stands in, when descent alone cannot say.

Counting steps from the index person gives every person a generation; in most families every
way of counting agrees. When someone marries a partner of another generation by descent (a
cousin's daughter, say), the ways disagree, and counting would draw the couple across rows
on a long diagonal. Then partners are kept in one row and a child is allowed more than one
row under its parents: rows are found by layering, partners taken together: each under the
lowest of their parents, and the oldest known ancestors right over their children.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

Pair = tuple[str, str]


def consistent(generation: dict[str, int], partners: Iterable[Pair], links: Iterable[Pair]) -> bool:
    """Whether partners share a row and every child is one row under each parent."""
    return all(generation[a] == generation[b] for a, b in partners) and all(
        generation[c] == generation[p] + 1 for p, c in links
    )


def layered(
    people: list[str], partners: list[Pair], links: list[Pair], key: Callable[[str], tuple]
) -> dict[str, int] | None:
    """Rows with partners together and children under their parents (at least one row), or
    None when the family cannot be layered (a person would stand above their own ancestor)."""
    group = {p: p for p in people}

    def find(p: str) -> str:
        while group[p] != p:
            group[p] = group[group[p]]
            p = group[p]
        return p

    for a, b in partners:
        ra, rb = find(a), find(b)
        if ra != rb:
            group[max(ra, rb, key=key)] = min(ra, rb, key=key)
    groups = sorted({find(p) for p in people}, key=key)
    parents: dict[str, set[str]] = {g: set() for g in groups}
    children: dict[str, set[str]] = {g: set() for g in groups}
    for p, c in links:
        gp, gc = find(p), find(c)
        if gp == gc:
            return None
        parents[gc].add(gp)
        children[gp].add(gc)
    order = _topological(groups, parents, children, key)
    if order is None:
        return None
    row = {g: 0 for g in groups}
    for g in order:  # under all of one's parents, siblings in one row where they can be
        row[g] = max((row[p] + 1 for p in parents[g]), default=0)
    for g in groups:  # the oldest known ancestors right over their children
        if not parents[g] and children[g]:
            row[g] = min(row[c] for c in children[g]) - 1
    top = min(row.values(), default=0)
    return {p: row[find(p)] - top for p in people}


def _topological(
    groups: list[str],
    parents: dict[str, set[str]],
    children: dict[str, set[str]],
    key: Callable[[str], tuple],
) -> list[str] | None:
    waiting = {g: len(parents[g]) for g in groups}
    ready = [g for g in groups if waiting[g] == 0]
    order: list[str] = []
    while ready:
        g = ready.pop(0)
        order.append(g)
        for c in sorted(children[g], key=key):
            waiting[c] -= 1
            if waiting[c] == 0:
                ready.append(c)
    return order if len(order) == len(groups) else None
