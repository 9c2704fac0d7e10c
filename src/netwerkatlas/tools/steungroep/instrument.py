"""The steungroep plan: members, chair, agreements and the meetings' agendas; printed on A4."""

from netwerkatlas.tools.registry import Instrument
from netwerkatlas.tools.steungroep import VIEW

INSTRUMENT = Instrument(
    group="meeting",
    name=VIEW,
    title_key="view.steungroep",
    action_key="action.view_steungroep",
    shortcut="Ctrl+Shift+8",
    qt_view="netwerkatlas.app.steungroep_view:make_steungroep_tab",
    document="netwerkatlas.tools.steungroep.document:story",
    summary_part="netwerkatlas.tools.steungroep.summary:summary_part",
    client_mode_hides=("plans.body.meetings.how_are_members", "plans.body.meetings.minutes"),
)
