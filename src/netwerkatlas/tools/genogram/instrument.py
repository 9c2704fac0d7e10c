"""The genogram: the client's family in McGoldrick's symbols."""

from netwerkatlas.tools.genogram import VIEW
from netwerkatlas.tools.registry import Instrument

INSTRUMENT = Instrument(
    name=VIEW,
    title_key="view.genogram",
    action_key="action.view_genogram",
    shortcut="Ctrl+2",
    qt_view="netwerkatlas.canvas.genogram_view:make_genogram_tab",
    drawing="netwerkatlas.tools.genogram.drawing:GenogramDrawing",
)
