"""The change report: no tab, an A4 page (and text) of what changed since the last session."""

from netwerkatlas.tools.changes import VIEW
from netwerkatlas.tools.registry import Instrument

INSTRUMENT = Instrument(
    name=VIEW,
    title_key="view.changes",
    action_key="view.changes",
    shortcut="",
    qt_view=None,
    document="netwerkatlas.tools.sessions.report:export_pages",
    compares=True,
    text="netwerkatlas.tools.sessions.report:export_text",
)
