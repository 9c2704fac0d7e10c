"""The ecogram: contacts by leefgebied, with the strength and direction of each tie."""

from netwerkatlas.tools.ecogram import VIEW
from netwerkatlas.tools.registry import Instrument

INSTRUMENT = Instrument(
    name=VIEW,
    title_key="view.ecogram",
    action_key="action.view_ecogram",
    shortcut="Ctrl+3",
    qt_view="netwerkatlas.canvas.ecogram_view:make_ecogram_tab",
    drawing="netwerkatlas.tools.ecogram.drawing:EcogramDrawing",
)
