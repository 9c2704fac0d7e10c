"""People in the meeting documents: deleting one keeps them as a typed name (one undo step, with
a notice), exports mask typed names and leave phone numbers out, and a body that does not fit is
reported on load and kept in the file."""

from __future__ import annotations

import json

import pytest

from netwerkatlas import io
from netwerkatlas.commands import RemoveItem, UndoStack
from netwerkatlas.commands.edits import notices_of
from netwerkatlas.export.options import Privacy
from netwerkatlas.export.privacy import redact
from netwerkatlas.model import NODES, PLANS, Atlas, ClientNode, PersonNode
from netwerkatlas.model.plan_bodies import PersonAction, SignalPhase, SignalPlanBody
from netwerkatlas.tools.meeting.people import ref_name, ref_of, ref_phone, typed_ref
from netwerkatlas.tools.meeting.store import body_of, plan_of, set_body


@pytest.fixture
def atlas() -> Atlas:
    atlas = Atlas(ClientNode(id="c", name="Sanne de Vries"))
    atlas.add(NODES, PersonNode(id="fleur", name="Fleur Jansen", phone="06-11112222"))
    atlas.add(NODES, PersonNode(id="kim", name="Kim", private=True, phone="06-33334444"))
    body = SignalPlanBody(
        phases=[
            SignalPhase(
                title="Fase 1",
                signals=["Ik slaap slecht"],
                close_ones_do=[
                    PersonAction(who=ref_of(atlas, "fleur"), what="Fleur belt mij elke dag"),
                    PersonAction(who=ref_of(atlas, "kim"), what="komt langs"),
                    PersonAction(who=typed_ref("Oom Kees"), what="gaat wandelen"),
                ],
            )
        ],
        crisis_contacts=[ref_of(atlas, "fleur", role="zus")],
    )
    set_body(atlas, "signaleringsplan", body).redo(atlas)
    return atlas


def test_deleting_a_person_keeps_them_as_a_typed_name_with_a_notice(atlas, tmp_path):
    io.save(atlas, tmp_path / "before.netwerkatlas")
    assert (PLANS, plan_of(atlas, "signaleringsplan")) in atlas.references_to(NODES, "fleur")
    stack = UndoStack(atlas)
    remove = RemoveItem(NODES, "fleur")
    stack.push(remove)

    body = body_of(atlas, "signaleringsplan")
    who = body.phases[0].close_ones_do[0].who
    assert (who.person_id, ref_name(atlas, who)) == (None, "Fleur Jansen")
    assert body.crisis_contacts[0].name == "Fleur Jansen"
    assert body.crisis_contacts[0].role == "zus"
    assert ref_phone(atlas, body.crisis_contacts[0]) == ""
    assert notices_of(remove) == ["Fleur Jansen staat nu als getypte naam in het signaleringsplan."]

    stack.undo()  # one step: the person and the ref come back together
    assert body_of(atlas, "signaleringsplan").crisis_contacts[0].person_id == "fleur"
    io.save(atlas, tmp_path / "after.netwerkatlas")
    before = (tmp_path / "before.netwerkatlas").read_bytes()
    assert (tmp_path / "after.netwerkatlas").read_bytes() == before


def test_a_person_in_no_document_gives_no_notice(atlas):
    atlas.add(NODES, PersonNode(id="els", name="Els"))
    remove = RemoveItem(NODES, "els")
    remove.redo(atlas)
    assert notices_of(remove) == []


def test_export_masks_typed_names_and_leaves_phones_out(atlas):
    hidden = redact(atlas, Privacy(hide_names=True))
    text = json.dumps([p.body for p in hidden.items(PLANS)]) + json.dumps(
        [n.model_dump() for n in hidden.nodes()]
    )
    for secret in ("Fleur", "Kees", "Sanne", "06-11112222", "06-33334444"):
        assert secret not in text
    body = body_of(hidden, "signaleringsplan")
    assert ref_name(hidden, body.phases[0].close_ones_do[2].who) == "O.K."
    assert ref_phone(hidden, body.crisis_contacts[0]) == ""
    # names shown: the phone stays
    shown = redact(atlas, Privacy(hide_private=True))
    assert ref_phone(shown, body_of(shown, "signaleringsplan").crisis_contacts[0]) == "06-11112222"


def test_a_private_person_left_out_is_no_one_in_the_document(atlas):
    shown = redact(atlas, Privacy(hide_private=True))
    who = body_of(shown, "signaleringsplan").phases[0].close_ones_do[1].who
    assert (who.person_id, ref_name(shown, who)) == (None, "iemand")
    assert "Kim" not in json.dumps(plan_of(shown, "signaleringsplan").body)


def test_a_body_that_does_not_fit_is_a_notice_and_stays_in_the_file(atlas, tmp_path):
    path = tmp_path / "misfit.netwerkatlas"
    io.save(atlas, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["plans"][0]["body"]["phases"][0]["colour"] = "paars"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")

    loaded, report = io.load(path)
    notices = [n for n in report.notices if n.where == "plans[0].body.phases[0].colour"]
    assert notices, report.render()
    assert notices[0].line is not None and "leeg document" in notices[0].hint()
    assert body_of(loaded, "signaleringsplan") == SignalPlanBody()
    io.save(loaded, tmp_path / "again.netwerkatlas")
    again = json.loads((tmp_path / "again.netwerkatlas").read_text(encoding="utf-8"))
    assert again["plans"][0]["body"]["phases"][0]["colour"] == "paars"
