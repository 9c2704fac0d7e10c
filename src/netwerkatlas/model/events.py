"""Change events the atlas emits, so every view can follow the one model.

Events carry ids and the changed field names with old and new values; a view looks up what it
needs in the atlas. Subscribers are called synchronously, in subscription order, after the change
has been made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class AtlasEvent:
    """Base class; `collection` names what changed: nodes, edges, positions, goals, meta..."""


@dataclass(frozen=True)
class ItemAdded(AtlasEvent):
    collection: str
    item_id: str


@dataclass(frozen=True)
class ItemRemoved(AtlasEvent):
    collection: str
    item_id: str
    record: Any = None


@dataclass(frozen=True)
class ItemChanged(AtlasEvent):
    collection: str
    item_id: str
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)

    @property
    def fields(self) -> frozenset[str]:
        return frozenset(self.changes)


@dataclass(frozen=True)
class PositionsChanged(AtlasEvent):
    view: str
    node_ids: frozenset[str]


@dataclass(frozen=True)
class AtlasReset(AtlasEvent):
    """Everything may have changed: views rebuild from scratch."""


Listener = Callable[[AtlasEvent], None]


class EventHub:
    """A tiny synchronous publish/subscribe hub."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Add a listener; returns a function that removes it again."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def emit(self, event: AtlasEvent) -> None:
        for listener in list(self._listeners):
            listener(event)


class Following:
    """One view's subscription to the atlas it shows: `follow` a newly opened atlas (the old
    one is let go), `stop` when the view closes."""

    def __init__(self, listener: Listener) -> None:
        self.listener = listener
        self._unsubscribe: Callable[[], None] | None = None

    def follow(self, hub: EventHub) -> None:
        self.stop()
        self._unsubscribe = hub.subscribe(self.listener)

    def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
