"""Fitting a drawing into its view ("Passend", Ctrl+0), shared by the netwerkintake's view and
the drawn views; a module of its own so the netwerkintake, shown at the start, does not import
the others."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QGraphicsView

from netwerkatlas.render.readable import FIT_MARGIN_PX, MAX_FIT_ZOOM


def fit_rect(view: QGraphicsView, rect: QRectF, max_zoom: float = MAX_FIT_ZOOM) -> None:
    """Show `rect` as large as the view allows with a small margin, centred (Ctrl+0), but no
    larger than `max_zoom`: one lone symbol is not blown up to fill the screen."""
    port = view.viewport().rect()
    if rect.isEmpty() or port.width() <= 2 * FIT_MARGIN_PX or port.height() <= 2 * FIT_MARGIN_PX:
        return
    zoom = min(
        (port.width() - 2 * FIT_MARGIN_PX) / rect.width(),
        (port.height() - 2 * FIT_MARGIN_PX) / rect.height(),
        max_zoom,
    )
    view.resetTransform()
    view.scale(zoom, zoom)
    view.centerOn(rect.center())


class FittedWithoutScrollBars:
    """A view shown as "Passend" left it has no scroll bars: all of the drawing is in sight, and
    bars would only take room from it and suggest there is more. Zooming or panning brings them
    back. Mixed into a QGraphicsView, before it."""

    _fitted = False

    @property
    def fitted(self) -> bool:
        return self._fitted

    @fitted.setter
    def fitted(self, on: bool) -> None:
        self._fitted = on
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if on else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        self.setHorizontalScrollBarPolicy(policy)
        self.setVerticalScrollBarPolicy(policy)
