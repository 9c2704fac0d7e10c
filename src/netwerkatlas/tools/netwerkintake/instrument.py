"""The netwerkintake drawing: bollen around the client, scored and linked."""

from netwerkatlas.tools.netwerkintake import VIEW
from netwerkatlas.tools.registry import Instrument

INSTRUMENT = Instrument(
    name=VIEW,
    title_key="view.netwerkintake",
    action_key="action.view_netwerkintake",
    shortcut="Ctrl+1",
    qt_view="netwerkatlas.canvas.netwerkintake_view:make_netwerkintake_tab",
    drawing="netwerkatlas.tools.netwerkintake.drawing:NetwerkintakeDrawing",
    summary_part="netwerkatlas.tools.netwerkintake.summary:links_section",
    client_mode_hides=("edges.note",),
    draws_goals=True,
    draws_other_views=True,
    shows_palette=True,
)
