"""Comparing two sessions marks the Plan view's goal cards: exactly the goals and actions the
comparison names, in words that read in black and white, gone again at "Terug naar nu"."""

from __future__ import annotations

from tests.test_sessions_ui import start_follow_up
from tests.windows import example_window

from netwerkatlas import io
from netwerkatlas.model.atlas import ACTIONS, GOALS
from netwerkatlas.model.records import GoalStatus
from netwerkatlas.tools.plan import edits as plan_edits
from netwerkatlas.tools.sessions.changes import (
    ActionDone,
    GoalAdded,
    GoalEvaluated,
    GoalReached,
    GoalStopped,
)
from netwerkatlas.tools.sessions.history import sessions_in_order


def card_marks(win) -> dict[str, list[str]]:
    """Every goal card's compare marks, the cards made first (as scrolling to them would)."""
    view = win.plan.view
    return {card.goal_id: card.compare_texts() for card in view.ordered_cards()}


def expected_marks(items, since: str) -> dict[str, list[str]]:
    """What each card should say, worked out from the comparison's own items."""
    expected: dict[str, list[str]] = {}
    for item in items:
        if isinstance(item, GoalReached):
            expected.setdefault(item.goal_id, []).append(f"bereikt sinds {since}")
        elif isinstance(item, GoalStopped):
            expected.setdefault(item.goal_id, []).append(f"gestopt sinds {since}")
        elif type(item) is GoalAdded:
            expected.setdefault(item.goal_id, []).append("nieuw")
        elif isinstance(item, GoalEvaluated):
            old, new = item.old_score, item.new_score
            arrow = "▲" if new > old else "▼" if new < old else "="
            expected.setdefault(item.goal_id, []).append(f"evaluatie {old} → {new} {arrow}")
    return expected


def test_cards_mark_the_changed_goals_and_actions_and_back_to_now_clears_them(
    qtbot, qsettings, tmp_path
):
    from netwerkatlas.app.session_bar import NOW, session_text

    with example_window(qtbot, qsettings, tmp_path, "netwerkintake-sanne") as win:
        atlas = win.document.atlas
        win.view_actions["plan"].trigger()
        assert win.views.currentWidget() is win.plan.view
        saved = io.dumps(atlas)
        win.sessions.compare_action.trigger()
        follow_up = next(s for s in sessions_in_order(atlas) if s.label == "Vervolggesprek")
        bar = win.sessions.bar
        bar.compare_with.setCurrentIndex(bar.compare_with.findData(follow_up.id))
        assert win.sessions.compared == follow_up.id
        items = win.sessions.changes.items
        since = session_text(follow_up)
        expected = expected_marks(items, since)
        assert expected  # the example's evaluations went up since its first follow-up
        done = {item.action_id: item.what for item in items if isinstance(item, ActionDone)}
        assert done
        shown = card_marks(win)
        goal_of = {a.id: a.goal_id for a in atlas.items(ACTIONS)}
        for goal_id, texts in shown.items():
            tags = [f"✓ gedaan sinds {since}: {done[a]}" for a in done if goal_of[a] == goal_id]
            assert sorted(texts) == sorted(expected.get(goal_id, []) + tags), goal_id
        assert io.dumps(atlas) == saved

        win.sessions.back_action.trigger()
        assert win.sessions.shown == NOW and win.sessions.compared is None
        assert all(not texts for texts in card_marks(win).values())
        assert io.dumps(atlas) == saved


def test_a_goal_added_reached_or_stopped_since_the_last_session_says_so(qtbot, qsettings, tmp_path):
    with example_window(qtbot, qsettings, tmp_path, "netwerkintake-sanne") as win:
        atlas = win.document.atlas
        start_follow_up(win, "Vervolggesprek 9")
        first, second, third = [g.id for g in sorted(atlas.items(GOALS), key=lambda g: g.order)]
        win.document.push(plan_edits.edit_goal(atlas, first, status=GoalStatus.REACHED))
        win.document.push(plan_edits.edit_goal(atlas, second, status=GoalStatus.STOPPED))
        win.document.push(plan_edits.make_goal(atlas, "Ik wil weer gaan sporten."))
        new = next(g.id for g in atlas.items(GOALS) if g.id not in {first, second, third})
        saved = io.dumps(atlas)

        win.sessions.compare_action.trigger()
        since = win.sessions._name(win.sessions.compared)
        items = win.sessions.changes.items
        assert expected_marks(items, since) == {
            first: [f"bereikt sinds {since}"],
            second: [f"gestopt sinds {since}"],
            new: ["nieuw"],
        }
        shown = card_marks(win)
        assert shown == {
            first: [f"bereikt sinds {since}"],
            second: [f"gestopt sinds {since}"],
            third: [],
            new: ["nieuw"],
        }
        win.view_actions["plan"].trigger()
        card = win.plan.view.card(first)
        assert card.compare_mark.isVisible()
        assert "#1b7f3b" in card.compare_mark.text()  # the netwerkintake's colour for better
        assert io.dumps(atlas) == saved

        win.sessions.back_action.trigger()
        assert all(not texts for texts in card_marks(win).values())


def test_an_evaluation_mark_reads_without_colour():
    from netwerkatlas.app.plan_compare import evaluation_mark
    from netwerkatlas.canvas.compare_overlay import DOWN, GONE, NEW, UP

    def mark(old, new, perspective=""):
        found = evaluation_mark(GoalEvaluated("g", "Slapen", old, new, perspective))
        return found.text, found.colour

    assert mark(3, 4) == ("evaluatie 3 → 4 ▲", UP)
    assert mark(4, 2) == ("evaluatie 4 → 2 ▼", DOWN)
    assert mark(3, 3) == ("evaluatie 3 → 3 =", GONE)
    assert mark(None, 4) == ("evaluatie – → 4", NEW)
    assert mark(2, 3, "Fleur") == ("evaluatie 2 → 3 (vanuit Fleur) ▲", UP)
