"""The views that can be exported, by the name the file and the command line use."""

from __future__ import annotations

from collections.abc import Callable

from netwerkatlas.model import Atlas
from netwerkatlas.render.drawing import ViewDrawing
from netwerkatlas.tools.circle.drawing import CircleDrawing
from netwerkatlas.tools.ecogram.drawing import EcogramDrawing
from netwerkatlas.tools.genogram.drawing import GenogramDrawing
from netwerkatlas.tools.netwerkintake.drawing import NetwerkintakeDrawing

DrawingFactory = Callable[[Atlas, bool], ViewDrawing]  # (atlas, show_scores) -> drawing

VIEW_DRAWINGS: dict[str, DrawingFactory] = {
    "netwerkintake": NetwerkintakeDrawing,
    "genogram": GenogramDrawing,
    "netwerkcirkel": CircleDrawing,
    "ecogram": EcogramDrawing,
}


def view_names() -> list[str]:
    return list(VIEW_DRAWINGS)
