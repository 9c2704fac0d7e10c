"""The change report as an export of its own: what changed since the last session."""

VIEW = "changes"
