"""The groslijst: the plain list of names the client mentions, the inbox of every other view."""

MIME_PERSON = "application/x-netwerkatlas-person"
