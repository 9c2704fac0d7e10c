"""Fitting a drawing into its view ("Passend", Ctrl+0), shared by the netwerkintake's view and
the drawn views; a module of its own so the netwerkintake, shown at the start, does not import
the others."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtWidgets import QGraphicsView

from netwerkatlas.render.readable import FIT_MARGIN_PX, MAX_FIT_ZOOM


def fit_zoom(
    port: QRect, width: float, height: float, max_zoom: float = MAX_FIT_ZOOM
) -> float | None:
    """The zoom at which a drawing `width` x `height` fills `port` with a small margin, but no
    more than `max_zoom`: one lone symbol is not blown up to fill the screen. None when there
    is no room or nothing to fit."""
    room_w, room_h = port.width() - 2 * FIT_MARGIN_PX, port.height() - 2 * FIT_MARGIN_PX
    if width <= 0 or height <= 0 or room_w <= 0 or room_h <= 0:
        return None
    return min(room_w / width, room_h / height, max_zoom)


def fit_rect(view: QGraphicsView, rect: QRectF, max_zoom: float = MAX_FIT_ZOOM) -> None:
    """Show `rect` as large as the view allows, centred (Ctrl+0)."""
    zoom = fit_zoom(view.viewport().rect(), rect.width(), rect.height(), max_zoom)
    if zoom is None:
        return
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
