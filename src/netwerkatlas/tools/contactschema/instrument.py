"""The contactschema: a table of the client's contacts from the atlas's people; printed on A4."""

from netwerkatlas.tools.contactschema import VIEW
from netwerkatlas.tools.registry import Instrument

INSTRUMENT = Instrument(
    group="meeting",
    name=VIEW,
    title_key="view.contactschema",
    action_key="action.view_contactschema",
    shortcut="Ctrl+Shift+9",
    qt_view="netwerkatlas.app.contactschema_view:make_contactschema_tab",
    document="netwerkatlas.tools.contactschema.document:story",
    summary_part="netwerkatlas.tools.contactschema.summary:summary_part",
)
