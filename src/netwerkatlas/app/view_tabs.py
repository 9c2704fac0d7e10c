"""The views of one atlas side by side as tabs: netwerkintake, genogram, ecogram, netwerkcirkel.

Each is a scene that follows the atlas's events and a view that turns input into commands; all
push through the same function, so every edit, in any view, is one step on the same undo stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget

from netwerkatlas.canvas.circle_view import CircleScene, CircleView
from netwerkatlas.canvas.drawing_scene import GenogramScene
from netwerkatlas.canvas.ecogram_view import EcogramScene, EcogramView
from netwerkatlas.canvas.genogram_view import GenogramView
from netwerkatlas.canvas.scene import AtlasScene
from netwerkatlas.canvas.view import AtlasView
from netwerkatlas.commands import Command
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas


class ViewTabs(QTabWidget):
    def __init__(self, atlas: Atlas, push: Callable[[Command], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.scene = AtlasScene(atlas, parent=self)
        self.view = AtlasView(self.scene, push=push, parent=self)
        self.genogram_scene = GenogramScene(atlas, parent=self)
        self.genogram_view = GenogramView(self.genogram_scene, push=push, parent=self)
        self.ecogram_scene = EcogramScene(atlas, parent=self)
        self.ecogram_view = EcogramView(self.ecogram_scene, push=push, parent=self)
        self.circle_scene = CircleScene(atlas, parent=self)
        self.circle_view = CircleView(self.circle_scene, push=push, parent=self)
        for widget, key in (
            (self.view, "view.netwerkintake"),
            (self.genogram_view, "view.genogram"),
            (self.ecogram_view, "view.ecogram"),
            (self.circle_view, "view.netwerkcirkel"),
        ):
            self.addTab(widget, t(key))

    @property
    def scenes(self):
        return (self.scene, self.genogram_scene, self.ecogram_scene, self.circle_scene)

    def set_atlas(self, atlas: Atlas) -> None:
        """Show another atlas (after New or Open) in every view."""
        for scene in self.scenes:
            scene.set_atlas(atlas)

    def detach(self) -> None:
        for scene in self.scenes:
            scene.detach()
