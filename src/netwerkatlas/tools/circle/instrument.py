"""The netwerkcirkel: each person in one cell of rings and sectors."""

from netwerkatlas.tools.circle import VIEW
from netwerkatlas.tools.registry import Instrument

INSTRUMENT = Instrument(
    name=VIEW,
    title_key="view.netwerkcirkel",
    action_key="action.view_netwerkcirkel",
    shortcut="Ctrl+4",
    qt_view="netwerkatlas.canvas.circle_view:make_circle_tab",
    drawing="netwerkatlas.tools.circle.drawing:CircleDrawing",
)
