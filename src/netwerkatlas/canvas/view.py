"""The view on the canvas: smooth drawing, fit to window, zoom."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

MARGIN = 40.0
MIN_SCALE, MAX_SCALE = 0.05, 8.0


class AtlasView(QGraphicsView):
    def __init__(self, scene: QGraphicsScene, parent=None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self._fitted_once = False

    def fit_all(self) -> None:
        """Show every bol, with a margin, as large as the window allows."""
        scene = self.scene()
        rect = scene.itemsBoundingRect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._clamp_scale()

    def zoom_by(self, factor: float) -> None:
        current = self.transform().m11()
        target = min(MAX_SCALE, max(MIN_SCALE, current * factor))
        self.scale(target / current, target / current)

    def _clamp_scale(self) -> None:
        current = self.transform().m11()
        if current > 1.6:  # a small atlas should not fill the screen with giant bollen
            self.scale(1.6 / current, 1.6 / current)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """The wheel zooms around the pointer; with Shift it scrolls."""
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)
            return
        self.zoom_by(1.15 ** (event.angleDelta().y() / 120))
        event.accept()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._fitted_once:
            self._fitted_once = True
            self.fit_all()
