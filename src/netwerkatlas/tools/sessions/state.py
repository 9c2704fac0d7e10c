"""The atlas's content as plain dictionaries, to keep it in a snapshot and to build it again.

A `State` is what a session's snapshot freezes: meta, the records of every collection except the
sessions themselves, and each view's positions, settings and unknown fields. Records are frozen,
so states share them with the atlas; only the dictionaries are copies.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from netwerkatlas.model.atlas import SESSIONS, Atlas, Point, ViewState
from netwerkatlas.model.records import AtlasMeta, Record, Session
from netwerkatlas.model.snapshot import SNAPSHOT_LISTS, Snapshot, ViewSnapshot


@dataclass
class View:
    positions: dict[str, Point] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def copy(self) -> View:
        return View(dict(self.positions), dict(self.settings), dict(self.extra))


@dataclass
class State:
    meta: AtlasMeta
    lists: dict[str, dict[str, Record]]
    views: dict[str, View]

    def copy(self) -> State:
        return State(
            self.meta,
            {name: dict(records) for name, records in self.lists.items()},
            {name: view.copy() for name, view in self.views.items()},
        )


def _by_id(records: Iterable[Record]) -> tuple:
    return tuple(sorted(records, key=lambda r: r.id))


def state_of(atlas: Atlas) -> State:
    """What the atlas holds now (empty views left out: the file does not keep them either).
    Settings are copied whole: a value the atlas holds could be changed in place later."""
    return State(
        atlas.meta,
        {name: {r.id: r for r in atlas.items(name)} for name in SNAPSHOT_LISTS},
        {
            name: View(dict(v.positions), copy.deepcopy(v.settings), copy.deepcopy(v.extra))
            for name, v in atlas.views.items()
            if v.positions or v.settings or v.extra
        },
    )


def whole(state: State) -> Snapshot:
    """The snapshot that keeps all of `state`."""
    return Snapshot(
        meta=state.meta,
        **{name: _by_id(state.lists[name].values()) for name in SNAPSHOT_LISTS},
        views={
            name: ViewSnapshot(positions=v.positions, settings=v.settings, extra=v.extra or None)
            for name, v in state.views.items()
        },
    )


def difference(earlier: State, later: State, against: str) -> Snapshot:
    """The snapshot that turns `later` (the state of session `against`) back into `earlier`."""
    put: dict[str, tuple] = {}
    removed: dict[str, tuple[str, ...]] = {}
    for name in SNAPSHOT_LISTS:
        old, new = earlier.lists[name], later.lists[name]
        put[name] = _by_id(r for key, r in old.items() if new.get(key) != r)
        gone = tuple(sorted(key for key in new if key not in old))
        if gone:
            removed[name] = gone
    views: dict[str, ViewSnapshot] = {}
    for name, view in earlier.views.items():
        other = later.views.get(name, View())
        settings: dict[str, Any] = {}
        entries: dict[str, dict[str, Any]] = {}
        entries_unset: dict[str, tuple[str, ...]] = {}
        for key, value in view.settings.items():
            if key in other.settings and other.settings[key] == value:
                continue
            then_now = (value, other.settings.get(key))
            if key in other.settings and all(isinstance(v, dict) for v in then_now):
                now = other.settings[key]
                entries[key] = {k: v for k, v in value.items() if k not in now or now[k] != v}
                unset = tuple(sorted(k for k in now if k not in value))
                if unset:
                    entries_unset[key] = unset
            else:
                settings[key] = value
        delta = ViewSnapshot(
            positions={k: p for k, p in view.positions.items() if other.positions.get(k) != p},
            settings=settings,
            extra=None if view.extra == other.extra else view.extra,
            unplaced=tuple(sorted(k for k in other.positions if k not in view.positions)),
            unset=tuple(sorted(k for k in other.settings if k not in view.settings)),
            entries=entries,
            entries_unset=entries_unset,
        )
        if delta != ViewSnapshot():
            views[name] = delta
    return Snapshot(
        against=against,
        meta=None if earlier.meta == later.meta else earlier.meta,
        **put,
        removed=removed,
        views=views,
        views_removed=tuple(sorted(name for name in later.views if name not in earlier.views)),
    )


def from_whole(snapshot: Snapshot) -> State:
    return State(
        snapshot.meta or AtlasMeta(),
        {name: {r.id: r for r in getattr(snapshot, name)} for name in SNAPSHOT_LISTS},
        {
            name: View(dict(v.positions), dict(v.settings), dict(v.extra or {}))
            for name, v in snapshot.views.items()
        },
    )


def go_back(later: State, snapshot: Snapshot) -> State:
    """The earlier state a difference snapshot describes, from the state it is against."""
    state = later.copy()
    if snapshot.meta is not None:
        state.meta = snapshot.meta
    for name in SNAPSHOT_LISTS:
        records = state.lists[name]
        for key in snapshot.removed.get(name, ()):
            records.pop(key, None)
        records.update((r.id, r) for r in getattr(snapshot, name))
    for name in snapshot.views_removed:
        state.views.pop(name, None)
    for name, delta in snapshot.views.items():
        view = state.views.setdefault(name, View())
        for key in delta.unplaced:
            view.positions.pop(key, None)
        for key in delta.unset:
            view.settings.pop(key, None)
        view.positions.update(delta.positions)
        view.settings.update(delta.settings)
        for key in delta.entries.keys() | delta.entries_unset.keys():
            value = dict(view.settings.get(key) or {})  # a new dict: `later` keeps its own
            for entry in delta.entries_unset.get(key, ()):
                value.pop(entry, None)
            value.update(delta.entries.get(key, {}))
            view.settings[key] = value
        if delta.extra is not None:
            view.extra = dict(delta.extra)
        if not (view.positions or view.settings or view.extra):
            del state.views[name]
    return state


def build(state: State, sessions: Iterable[Session], extra: dict[str, Any]) -> Atlas:
    """An independent atlas of `state` with these session records."""
    nodes = state.lists["nodes"].values()
    lists = {name: list(state.lists[name].values()) for name in SNAPSHOT_LISTS[2:]}
    lists[SESSIONS] = list(sessions)
    views = {
        name: ViewState(v.positions, copy.deepcopy(v.settings), copy.deepcopy(v.extra))
        for name, v in state.views.items()
    }
    return Atlas.from_records(
        state.meta, nodes, state.lists["edges"].values(), lists, views, dict(extra)
    )
