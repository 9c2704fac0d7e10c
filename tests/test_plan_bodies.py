"""The meeting documents' bodies: strict, kept when newer, defaults in the user's language, and
stored as one Plan whose every change is one undo step."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from netwerkatlas.commands import UndoStack
from netwerkatlas.export.options import Privacy
from netwerkatlas.i18n import set_language
from netwerkatlas.model import NODES, PLANS, Atlas, ClientNode, PersonNode, Plan
from netwerkatlas.model.plan_bodies import (
    BODIES,
    BasisPosterBody,
    PersonAction,
    PersonRef,
    SignalPlanBody,
    SupportGroupBody,
    body_error,
    person_ids_in,
    read_body,
)
from netwerkatlas.tools.meeting.defaults import default_agenda, default_signal_plan
from netwerkatlas.tools.meeting.people import pickable, ref_name, ref_of, ref_phone, typed_ref
from netwerkatlas.tools.meeting.privacy import shown_name, shown_phone
from netwerkatlas.tools.meeting.store import body_of, plan_of, set_body


@pytest.fixture
def atlas() -> Atlas:
    atlas = Atlas(ClientNode(id="c", name="Sanne de Vries"))
    atlas.add(NODES, PersonNode(id="p1", name="Fleur", phone="06-12345678", email="f@x.nl"))
    atlas.add(NODES, PersonNode(id="p2", name="Anita Bakker"))
    return atlas


def test_every_kind_has_a_body_model():
    assert set(BODIES) == {"basisposter", "signaleringsplan", "steungroep", "contactschema"}


def test_bodies_are_strict_and_keep_newer_fields():
    with pytest.raises(ValidationError):
        SignalPlanBody.model_validate({"phases": [{"colour": "blue"}]})
    with pytest.raises(ValidationError):
        BasisPosterBody.model_validate({"show_photo": "yes"})
    with pytest.raises(ValidationError):
        SignalPlanBody.model_validate({"agreed_on": "12 mei"})
    newer = SupportGroupBody.model_validate({"members": [], "mood": "goed"})
    assert newer.model_dump(mode="json")["mood"] == "goed"


def test_default_signal_plan_has_four_phases_from_green_to_red():
    body = default_signal_plan()
    assert [p.colour for p in body.phases] == ["green", "orange", "orange", "red"]
    assert body.phases[0].title == "Zo gaat het goed"
    assert body.phases[-1].title == "Crisis"


def test_default_agenda_is_translated():
    assert next(a.text for a in default_agenda()) == "Opening en welkom"
    set_language("en")
    assert [a.text for a in default_agenda()][-1] == "Forming the core team"
    assert len(default_agenda()) == 7


def test_read_body_gives_the_default_for_a_body_that_does_not_fit():
    plan = Plan(kind="signaleringsplan", body={"phases": "veel"})
    assert body_error("signaleringsplan", plan.body).startswith("phases")
    assert read_body(plan) == SignalPlanBody()
    assert body_error("onbekend", {"x": 1}) is None


def test_refs_show_the_current_name_and_the_phone(atlas):
    ref = ref_of(atlas, "p1", role="zus")
    assert (ref_name(atlas, ref), ref_phone(atlas, ref), ref.role) == (
        "Fleur",
        "06-12345678",
        "zus",
    )
    atlas.update(NODES, "p1", {"name": "Fleur Jansen"})
    assert ref_name(atlas, ref) == "Fleur Jansen"
    typed = typed_ref(" Oom Kees ")
    assert (ref_name(atlas, typed), ref_phone(atlas, typed)) == ("Oom Kees", "")
    assert [name for _, name in pickable(atlas)] == [
        "Anita Bakker",
        "Fleur Jansen",
        "Sanne de Vries",
    ]


def test_hidden_names_show_initials_and_no_phone(atlas):
    ref = ref_of(atlas, "c")
    hidden = Privacy(hide_names=True)
    assert shown_name(atlas, ref, hidden) == "S.d.V."
    assert shown_phone(atlas, ref_of(atlas, "p1"), hidden) == ""
    assert shown_phone(atlas, ref_of(atlas, "p1"), Privacy()) == "06-12345678"


def test_set_body_is_one_undo_step_each_time(atlas):
    stack = UndoStack(atlas)
    assert plan_of(atlas, "signaleringsplan") is None
    body = body_of(atlas, "signaleringsplan")
    assert len(body.phases) == 4
    first = body.phases[0].model_copy(update={"signals": ["Ik slaap goed"]})
    body = body.model_copy(update={"phases": [first, *body.phases[1:]]})
    stack.push(set_body(atlas, "signaleringsplan", body))
    assert body_of(atlas, "signaleringsplan").phases[0].signals == ["Ik slaap goed"]
    assert set_body(atlas, "signaleringsplan", body) is None
    action = PersonAction(who=ref_of(atlas, "p1"), what="belt mij")
    second = body.phases[1].model_copy(update={"close_ones_do": [action]})
    body = body.model_copy(update={"phases": [first, second, *body.phases[2:]]})
    stack.push(set_body(atlas, "signaleringsplan", body, "Naaste toevoegen"))
    assert person_ids_in(plan_of(atlas, "signaleringsplan").body) == {"p1"}
    stack.undo()
    assert body_of(atlas, "signaleringsplan").phases[1].close_ones_do == []
    stack.undo()
    assert atlas.items(PLANS) == []


def test_person_ref_defaults_are_typed_and_empty():
    assert PersonRef() == PersonRef(person_id=None, name="", role="")


def test_the_documents_model_and_pages_load_without_qt():
    """The CLI exports the signaleringsplan without Qt: its model, store and pages import none."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import netwerkatlas.model.plan_bodies, netwerkatlas.tools.meeting.store\n"
        "import netwerkatlas.tools.meeting.privacy, netwerkatlas.tools.meeting.defaults\n"
        "import netwerkatlas.tools.signaleringsplan.document\n"
        "import netwerkatlas.tools.signaleringsplan.summary\n"
        "print(','.join(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
