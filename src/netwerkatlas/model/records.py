"""The records an atlas is made of: nodes, edges, goals, plans and sessions, in one vocabulary.

They live in `model.base` (the record base and value types), `model.nodes`, `model.edges` and
`model.plans`; this module gathers them, and completes `Session`, whose snapshot is made of all
the others (see `model.snapshot`).
"""

from __future__ import annotations

from netwerkatlas.model.base import (
    MAX_LABEL,
    MAX_NOTE,
    MAX_PERSPECTIVES,
    MAX_SHORT,
    Id,
    IsoDateOrEmpty,  # noqa: F401  (imported from here by the plan bodies)
    Label,
    Note,
    PerspectiveName,
    Record,
    Score,
    Short,
    Year,
    new_id,
)
from netwerkatlas.model.edges import (
    EDGE_CLASSES,
    Direction,
    Edge,
    EdgeBase,
    EdgeKind,
    EmotionalKind,
    EmotionalRelation,
    InfluenceLink,
    InvolvedRelation,
    ParentChildKind,
    ParentChildRelation,
    PartnerRelation,
    PartnerStatus,
    SupportKind,
    SupportRelation,
    SupportStrength,
)
from netwerkatlas.model.nodes import (
    NODE_CLASSES,
    ClientNode,
    EventNode,
    Gender,
    Node,
    NodeBase,
    NodeKind,
    PersonFields,
    PersonNode,
    Pregnancy,
    ThemeNode,
)
from netwerkatlas.model.plans import (
    Action,
    Actor,
    AtlasMeta,
    Evaluation,
    Goal,
    GoalStatus,
    Horizon,
    Plan,
    Session,
)

__all__ = [
    "EDGE_CLASSES",
    "MAX_LABEL",
    "MAX_NOTE",
    "MAX_PERSPECTIVES",
    "MAX_SHORT",
    "NODE_CLASSES",
    "Action",
    "Actor",
    "AtlasMeta",
    "ClientNode",
    "Direction",
    "Edge",
    "EdgeBase",
    "EdgeKind",
    "EmotionalKind",
    "EmotionalRelation",
    "Evaluation",
    "EventNode",
    "Gender",
    "Goal",
    "GoalStatus",
    "Horizon",
    "Id",
    "InfluenceLink",
    "InvolvedRelation",
    "Label",
    "Node",
    "NodeBase",
    "NodeKind",
    "Note",
    "ParentChildKind",
    "ParentChildRelation",
    "PartnerRelation",
    "PartnerStatus",
    "PersonFields",
    "PersonNode",
    "PerspectiveName",
    "Plan",
    "Pregnancy",
    "Record",
    "Score",
    "Session",
    "Short",
    "SupportKind",
    "SupportRelation",
    "SupportStrength",
    "ThemeNode",
    "Year",
    "new_id",
]


# The snapshot is made of the records above, so it is defined after them and joined in here.
from netwerkatlas.model.snapshot import Snapshot  # noqa: F401  (resolves Session.snapshot)

Session.model_rebuild()
