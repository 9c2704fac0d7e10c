"""A meeting document is one Plan record of its kind; every change of it is one command."""

from __future__ import annotations

from pydantic import BaseModel

from netwerkatlas.commands import AddItem, Command, UpdateItem
from netwerkatlas.model import PLANS, Atlas, Plan
from netwerkatlas.model.plan_bodies import BODIES, read_body
from netwerkatlas.tools.meeting.defaults import default_body

__all__ = ["body_of", "plan_of", "set_body"]


def plan_of(atlas: Atlas, kind: str) -> Plan | None:
    """The one plan of that kind (the first, should a file hold more)."""
    return next((p for p in atlas.items(PLANS) if p.kind == kind), None)


def body_of(atlas: Atlas, kind: str) -> BaseModel:
    """The document's body, or the kind's default (with its translated texts) when there is
    no document yet."""
    plan = plan_of(atlas, kind)
    return read_body(plan) if plan is not None else default_body(kind)


def set_body(atlas: Atlas, kind: str, body: BaseModel, text: str = "") -> Command | None:
    """ONE undoable command that stores `body`: the plan is made on the first edit, so an
    untouched document adds nothing to the file. None when nothing changes."""
    if kind not in BODIES or not isinstance(body, BODIES[kind]):
        raise TypeError(f"a {kind} body must be a {BODIES[kind].__name__}")
    data = body.model_dump(mode="json")
    plan = plan_of(atlas, kind)
    if plan is None:
        command: Command = AddItem(PLANS, Plan(kind=kind, body=data))
    elif plan.body == data:
        return None
    else:
        command = UpdateItem(PLANS, plan.id, {"body": data})
    if text:
        command.text = text
    return command
