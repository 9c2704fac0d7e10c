"""In the window: a person's phone and e-mail in the Details panel, and the status bar saying
that a deleted person stays in the signaleringsplan as a typed name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from netwerkatlas.commands import RemoveItem
from netwerkatlas.model import NODES, NodeKind
from netwerkatlas.model.plan_bodies import SignalPlanBody
from netwerkatlas.tools.meeting.people import ref_name, ref_of
from netwerkatlas.tools.meeting.store import body_of, set_body


def _someone(win):
    return next(n for n in win.document.atlas.nodes(NodeKind.PERSON) if n.name)


def test_phone_and_email_are_typed_in_the_details_panel(window):
    atlas, stack = window.document.atlas, window.document.undo_stack
    person = _someone(window)
    window.details.show_item(NODES, person.id)
    fields = window.details.person
    for field, text in ((fields.phone, "06-12345678"), (fields.email, "naaste@voorbeeld.nl")):
        field.setFocus()
        field.selectAll()
        QTest.keyClicks(field, text)
        QTest.keyClick(field, Qt.Key.Key_Return)
    changed = atlas.node(person.id)
    assert (changed.phone, changed.email) == ("06-12345678", "naaste@voorbeeld.nl")
    stack.undo()
    stack.undo()
    assert atlas.node(person.id) == person
    window.details.show_item(NODES, person.id)
    assert fields.phone.text() == person.phone


def test_deleting_a_crisis_contact_says_they_stay_as_a_typed_name(window):
    atlas = window.document.atlas
    person = _someone(window)
    body = SignalPlanBody(crisis_contacts=[ref_of(atlas, person.id, role="buurvrouw")])
    window.push(set_body(atlas, "signaleringsplan", body))
    window.push(RemoveItem(NODES, person.id))
    message = window.statusBar().currentMessage()
    assert f"{person.shown_label} staat nu als getypte naam" in message
    assert "in het signaleringsplan" in message
    contact = body_of(atlas, "signaleringsplan").crisis_contacts[0]
    assert ref_name(atlas, contact) == person.shown_label and contact.role == "buurvrouw"
    window.document.undo_stack.undo()
    assert body_of(atlas, "signaleringsplan").crisis_contacts[0].person_id == person.id
