"""Export an atlas to paper and files: posters, tiles, A4 summaries, PNG, SVG and text.

Qt-free, so `netwerkatlas export` runs on a machine without a display.
"""

from netwerkatlas.export.options import (
    PAPER_MM,
    TILE_PAPERS,
    ExportOptions,
    Format,
    Kind,
    NameStyle,
    Privacy,
)
from netwerkatlas.export.run import ExportError, Rendered, check, export_atlas, format_for, render

__all__ = [
    "PAPER_MM",
    "TILE_PAPERS",
    "ExportError",
    "ExportOptions",
    "Format",
    "Kind",
    "NameStyle",
    "Privacy",
    "Rendered",
    "check",
    "export_atlas",
    "format_for",
    "render",
]
