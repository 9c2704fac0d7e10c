"""The views that are drawings (poster, tiles, SVG, PNG), by the name the file and the command
line use, as the instrument registry declares them. `registry.export_names()` also has the
instruments that export as pages only (the actieplan)."""

from __future__ import annotations

from collections.abc import Callable

from netwerkatlas.model import Atlas
from netwerkatlas.render.drawing import ViewDrawing
from netwerkatlas.tools import registry

DrawingFactory = Callable[[Atlas, bool], ViewDrawing]  # (atlas, show_scores) -> drawing


def view_names() -> list[str]:
    return [each.name for each in registry.INSTRUMENTS if each.drawing is not None]
