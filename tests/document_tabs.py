"""What the tests of the meeting documents' tabs share: a tab shown on screen as the window
shows it, and the document's A4 export as `netwerkatlas export --view ...` writes it."""

from __future__ import annotations

from netwerkatlas.export import ExportOptions, Privacy, render


def shown(qtbot, widget, width: int, height: int):
    """`widget` on screen at this size, closed by qtbot after the test."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def export_a4(atlas, view: str, privacy: Privacy | None = None) -> bytes:
    """The A4 PDF of document `view` with these privacy choices."""
    options = ExportOptions(view=view, paper="A4", privacy=privacy or Privacy())
    return render(atlas, options).data
