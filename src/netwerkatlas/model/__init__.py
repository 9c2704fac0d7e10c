"""The atlas model: pure Python, no Qt. Views follow its events; commands change it."""

from netwerkatlas.model import records as _records
from netwerkatlas.model.atlas import (
    ACTIONS,
    COLLECTIONS,
    EDGES,
    EVALUATIONS,
    GOALS,
    LIST_COLLECTIONS,
    NODES,
    PLANS,
    SESSIONS,
    Atlas,
    AtlasError,
    Point,
    ViewState,
)
from netwerkatlas.model.events import (
    AtlasEvent,
    AtlasReset,
    ItemAdded,
    ItemChanged,
    ItemRemoved,
    PositionsChanged,
)
from netwerkatlas.model.records import *  # noqa: F403  (the record vocabulary is the model's API)

__all__ = [
    "ACTIONS",
    "COLLECTIONS",
    "EDGES",
    "EVALUATIONS",
    "GOALS",
    "LIST_COLLECTIONS",
    "NODES",
    "PLANS",
    "SESSIONS",
    "Atlas",
    "AtlasError",
    "Point",
    "ViewState",
    "AtlasEvent",
    "AtlasReset",
    "ItemAdded",
    "ItemChanged",
    "ItemRemoved",
    "PositionsChanged",
    *_records.__all__,
]
