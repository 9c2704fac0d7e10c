"""Between two sessions, the change report says when a life event got another date and who is
newly involved in an event (or no longer), under the gebeurteniskaart."""

from __future__ import annotations

from netwerkatlas.commands import UndoStack
from netwerkatlas.export.options import Privacy
from netwerkatlas.model import NODES, Atlas, AtlasMeta, ClientNode, EventNode, PersonNode
from netwerkatlas.tools.gebeurteniskaart import edits
from netwerkatlas.tools.gebeurteniskaart.dates import parse
from netwerkatlas.tools.sessions.changes import EventDated, LinkAdded, compare
from netwerkatlas.tools.sessions.edits import ensure_intake, start_follow_up
from netwerkatlas.tools.sessions.history import atlas_at, sessions_in_order
from netwerkatlas.tools.sessions.report import private_changes, report_lines, sections


def followed_up() -> tuple[Atlas, UndoStack]:
    client = ClientNode(id="sanne", name="Sanne", birth_year=2002)
    atlas = Atlas(client, AtlasMeta(title="Sanne", created="2024-01-10"))
    atlas.add(NODES, PersonNode(id="fleur", name="Fleur"))
    atlas.add(NODES, PersonNode(id="karim", name="Karim", private=True))
    atlas.add(NODES, EventNode(id="verhuizing", label="Verhuizing naar Utrecht", year=2023))
    atlas.add(NODES, EventNode(id="gepest", label="Gepest op school"))
    atlas.add(NODES, EventNode(id="diploma", label="Diploma", date="2022-07"))
    stack = UndoStack(atlas)
    ensure_intake(atlas)
    stack.push(start_follow_up(atlas, "2024-04-10"))
    return atlas, stack


def intake(atlas: Atlas) -> Atlas:
    return atlas_at(atlas, sessions_in_order(atlas)[0].id)


def test_a_new_date_and_a_new_person_involved_are_reported():
    atlas, stack = followed_up()
    stack.push(edits.set_when(atlas, "verhuizing", parse("ca. maart 2023")))
    stack.push(edits.set_when(atlas, "gepest", parse("10-12 jaar")))
    stack.push(edits.set_when(atlas, "diploma", parse("")))
    stack.push(edits.involve(atlas, "verhuizing", "fleur"))
    changes = compare(intake(atlas), atlas)
    dated = [i for i in changes.items if isinstance(i, EventDated)]
    assert sorted(i.node_id for i in dated) == ["diploma", "gepest", "verhuizing"]
    involved = [i for i in changes.items if isinstance(i, LinkAdded)]
    assert [(i.source_label, i.target_label, i.kind) for i in involved] == [
        ("Verhuizing naar Utrecht", "Fleur", "involved")
    ]
    assert dict(sections(changes))["Gebeurteniskaart"] == [
        "Fleur is nu betrokken bij Verhuizing naar Utrecht.",
        "Diploma heeft geen datum meer (was juli 2022).",
        "Gepest op school heeft nu een datum: 10–12 jaar.",
        "Verhuizing naar Utrecht: 2023 → ca. maart 2023.",
    ]
    text = "\n".join(report_lines(changes, "Intake", "nu"))
    assert "Gebeurteniskaart" in text and "ca. maart 2023" in text


def test_someone_no_longer_involved_is_reported():
    atlas, stack = followed_up()
    stack.push(edits.involve(atlas, "verhuizing", "fleur"))
    stack.push(start_follow_up(atlas, "2024-07-10"))
    stack.push(edits.uninvolve(atlas, "verhuizing", "fleur"))
    lines = dict(sections(compare(atlas_at(atlas, sessions_in_order(atlas)[1].id), atlas)))
    assert lines["Gebeurteniskaart"] == [
        "Fleur is niet meer betrokken bij Verhuizing naar Utrecht."
    ]


def test_a_score_or_label_change_is_no_new_date():
    atlas, stack = followed_up()
    stack.push(edits.set_score(atlas, "verhuizing", 1))
    assert not [i for i in compare(intake(atlas), atlas).items if isinstance(i, EventDated)]


def test_a_private_person_newly_involved_is_not_named():
    atlas, stack = followed_up()
    stack.push(edits.involve(atlas, "verhuizing", "karim"))
    stack.push(edits.involve(atlas, "verhuizing", "fleur"))
    changes = private_changes(intake(atlas), atlas, Privacy(hide_private=True, hide_names=True))
    text = "\n".join(report_lines(changes, "Intake", "nu"))
    assert "Karim" not in text and "Fleur" not in text
    assert "F. is nu betrokken bij Verhuizing naar Utrecht." in text
