"""The basisposter: a poster (A0-A3, tiles) around the client's questions for the meeting."""

from netwerkatlas.tools.basisposter import VIEW
from netwerkatlas.tools.registry import Instrument

INSTRUMENT = Instrument(
    group="meeting",
    name=VIEW,
    title_key="view.basisposter",
    action_key="action.view_basisposter",
    shortcut="Ctrl+8",
    qt_view="netwerkatlas.app.basisposter_view:make_basisposter_tab",
    drawing="netwerkatlas.tools.basisposter.drawing:BasisPosterDrawing",
    summary_part="netwerkatlas.tools.basisposter.summary:summary_part",
)
