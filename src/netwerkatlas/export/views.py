"""The views that can be exported, by the name the file and the command line use: the
instrument registry's, kept here for the callers that ask the export for them."""

from __future__ import annotations

from collections.abc import Callable

from netwerkatlas.model import Atlas
from netwerkatlas.render.drawing import ViewDrawing
from netwerkatlas.tools.registry import export_names

DrawingFactory = Callable[[Atlas, bool], ViewDrawing]  # (atlas, show_scores) -> drawing


def view_names() -> list[str]:
    return export_names()
