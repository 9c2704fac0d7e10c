"""The gebeurteniskaart: the client's life events on one time axis, scored and with the people
involved."""

from netwerkatlas.tools.gebeurteniskaart import VIEW
from netwerkatlas.tools.registry import Instrument

INSTRUMENT = Instrument(
    name=VIEW,
    title_key="view.gebeurteniskaart",
    action_key="action.view_gebeurteniskaart",
    shortcut="Ctrl+6",
    qt_view="netwerkatlas.canvas.gebeurteniskaart_view:make_timeline_tab",
    drawing="netwerkatlas.tools.gebeurteniskaart.drawing:TimelineDrawing",
    summary_part="netwerkatlas.tools.gebeurteniskaart.summary:summary_part",
)
