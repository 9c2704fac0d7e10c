"""The contactschema: who the client is in contact with, how often, how, on whose initiative
and what it brings. Qt-free; the tab is `app/contactschema_view.py`."""

VIEW = "contactschema"
