"""Fitting a drawn view again after it drew itself with other sizes (client mode on or off)."""

from __future__ import annotations

from netwerkatlas.canvas.drawing_view import DrawingView


def refit(view: DrawingView) -> None:
    """A view shown as "Passend" left it is fitted to its new drawing at once, or, on a tab
    behind another one, when it is next shown; one the user zoomed keeps its zoom."""
    if not view.fitted:
        return
    if view.isVisible():
        view.fit_all()
    else:  # showEvent fits a view that is not fitted and not zoomed
        view.fitted = False
        view.resetTransform()
