"""The signaleringsplan: a tab to fill in at the table, and an A4 document to hand out."""

from netwerkatlas.tools.registry import Instrument
from netwerkatlas.tools.signaleringsplan import VIEW

INSTRUMENT = Instrument(
    group="meeting",
    name=VIEW,
    title_key="view.signaleringsplan",
    action_key="action.view_signaleringsplan",
    shortcut="Ctrl+9",
    qt_view="netwerkatlas.app.signaleringsplan_view:make_signaleringsplan_tab",
    document="netwerkatlas.tools.signaleringsplan.document:story",
    summary_part="netwerkatlas.tools.signaleringsplan.summary:summary_part",
)
