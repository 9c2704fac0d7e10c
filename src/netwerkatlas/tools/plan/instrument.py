"""The plan: goals, an action plan per goal and evaluations; exported as the A4 actieplan."""

from netwerkatlas.tools.plan import VIEW
from netwerkatlas.tools.registry import Instrument

INSTRUMENT = Instrument(
    name=VIEW,
    title_key="view.plan",
    action_key="action.view_plan",
    shortcut="Ctrl+7",
    qt_view="netwerkatlas.app.plan_view:make_plan_tab",
    document="netwerkatlas.tools.plan.action_plan:action_plan_pages",
    summary_part="netwerkatlas.tools.plan.summary:plan_section",
    client_mode_hides=("evaluations.note",),
)
