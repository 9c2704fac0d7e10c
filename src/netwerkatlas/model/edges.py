"""The lines of the drawing: influences, family ties, emotional and support relations.

Each kind of edge is its own record class, told apart in a file by its `kind`; `Edge` is the
union that reads any of them and `EDGE_CLASSES` finds the class for a kind.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, StrictBool

from netwerkatlas.model.base import Id, Note, Record, Short, Year


class EdgeKind(StrEnum):
    INFLUENCE = "influence"
    PARTNER = "partner"
    PARENT_CHILD = "parent_child"
    EMOTIONAL = "emotional"
    SUPPORT = "support"
    INVOLVED = "involved"


class Direction(StrEnum):
    """Which way an influence or support goes, seen from `source` to `target`."""

    NONE = "none"
    FORWARD = "forward"
    BACKWARD = "backward"
    BOTH = "both"


class PartnerStatus(StrEnum):
    MARRIED = "married"
    COHABITING = "cohabiting"
    SEPARATED = "separated"
    DIVORCED = "divorced"
    OTHER = "other"


class ParentChildKind(StrEnum):
    BIOLOGICAL = "biological"
    ADOPTED = "adopted"
    FOSTER = "foster"


class EmotionalKind(StrEnum):
    CLOSE = "close"
    FUSED = "fused"
    DISTANT = "distant"
    CONFLICT = "conflict"
    CUT_OFF = "cut_off"
    ABUSE = "abuse"
    OTHER = "other"


class SupportStrength(StrEnum):
    STRONG = "strong"
    TENUOUS = "tenuous"
    STRESSFUL = "stressful"


class SupportKind(StrEnum):
    PRACTICAL = "practical"
    COMPANY = "company"
    ADVICE = "advice"
    EMOTIONAL = "emotional"


class EdgeBase(Record):
    """An edge between two nodes. Several edges may join the same two nodes."""

    id: Id
    source: Id
    target: Id
    note: Note = ""
    private: StrictBool = False


class InfluenceLink(EdgeBase):
    """Two bollen that influence each other (netwerkintake step 2)."""

    kind: Literal[EdgeKind.INFLUENCE] = EdgeKind.INFLUENCE
    direction: Direction = Direction.NONE


class PartnerRelation(EdgeBase):
    kind: Literal[EdgeKind.PARTNER] = EdgeKind.PARTNER
    status: PartnerStatus = PartnerStatus.MARRIED
    start_year: Year | None = None
    end_year: Year | None = None


class ParentChildRelation(EdgeBase):
    """`source` is the parent, `target` the child."""

    kind: Literal[EdgeKind.PARENT_CHILD] = EdgeKind.PARENT_CHILD
    relation: ParentChildKind = ParentChildKind.BIOLOGICAL
    twin_group: Short = ""  # children of one parent with the same twin group are twins
    identical_twin: StrictBool = False


class EmotionalRelation(EdgeBase):
    kind: Literal[EdgeKind.EMOTIONAL] = EdgeKind.EMOTIONAL
    quality: EmotionalKind = EmotionalKind.CLOSE
    direction: Direction = Direction.NONE


class SupportRelation(EdgeBase):
    """An ecogram line: how strong, which way the support flows, and what kind of support."""

    kind: Literal[EdgeKind.SUPPORT] = EdgeKind.SUPPORT
    strength: SupportStrength = SupportStrength.STRONG
    direction: Direction = Direction.NONE
    support: tuple[SupportKind, ...] = ()


class InvolvedRelation(EdgeBase):
    """A person (or the client) involved in a life event ("betrokken bij"): `source` is the
    event, `target` the person; `role` says how, in a few words ("was erbij", "hielp")."""

    kind: Literal[EdgeKind.INVOLVED] = EdgeKind.INVOLVED
    role: Short = ""


Edge = Annotated[
    InfluenceLink
    | PartnerRelation
    | ParentChildRelation
    | EmotionalRelation
    | SupportRelation
    | InvolvedRelation,
    Field(discriminator="kind"),
]
EDGE_CLASSES: dict[EdgeKind, type[EdgeBase]] = {
    EdgeKind.INFLUENCE: InfluenceLink,
    EdgeKind.PARTNER: PartnerRelation,
    EdgeKind.PARENT_CHILD: ParentChildRelation,
    EdgeKind.EMOTIONAL: EmotionalRelation,
    EdgeKind.SUPPORT: SupportRelation,
    EdgeKind.INVOLVED: InvolvedRelation,
}
