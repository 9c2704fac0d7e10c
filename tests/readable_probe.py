"""Measure what a person across the table sees: per drawn view, after "Passend" (fit_all), the
smallest text on screen in points and the share of the view the drawing fills.

Used by tests/test_readable.py; run it by hand to see the numbers of every example at two
screen sizes: `QT_QPA_PLATFORM=offscreen .venv/bin/python tests/readable_probe.py`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF

from netwerkatlas.render.readable import points_on_screen

DRAWN_VIEWS = ("netwerkintake", "genogram", "ecogram", "netwerkcirkel", "gebeurteniskaart")
SCREENS = ((1366, 768), (1920, 1080))


@dataclass(frozen=True)
class Reading:
    view: str
    smallest_pt: float  # the smallest text on screen, in points (1/72 inch) at the screen's dpi
    smallest_text: str
    fill: float  # the larger of width share and height share the drawing covers in the viewport
    zoom: float  # pixels per drawing unit
    screen: tuple[int, int]  # the window's size

    def __str__(self) -> str:
        return (
            f"{self.view:17} smallest {self.smallest_pt:5.1f} pt ({self.smallest_text[:24]!r}), "
            f"fills {self.fill:4.0%}"
        )


def drawn_texts(view) -> tuple[list[tuple[float, str]], QRectF]:
    """Every text of a view in scene units, and the real extent of what is drawn."""
    from netwerkatlas.canvas.drawing_view import DrawingView
    from netwerkatlas.canvas.items import TEXT_SCALE, BolItem
    from netwerkatlas.render.readable import measure

    if isinstance(view, DrawingView):
        return measure(view.drawn.drawing).texts, view.drawn_bounds()
    scene = view.scene()
    sizes = []
    for item in scene.items():
        if isinstance(item, BolItem) and item.isVisible():
            font = item._font
            sizes.append((font.pixelSize() / TEXT_SCALE, " ".join(item.label_lines)))
    return sizes, scene.itemsBoundingRect()


def read(view, name: str) -> Reading:
    """The reading of one view as it is on screen now."""
    sizes, extent = drawn_texts(view)
    zoom = view.transform().m11()
    size, text = min(sizes) if sizes else (float("inf"), "")
    shown = view.mapFromScene(extent).boundingRect()
    port = view.viewport().rect()
    fill = max(shown.width() / port.width(), shown.height() / port.height())
    window = view.window().size()
    points = points_on_screen(size, zoom, view.logicalDpiY())
    return Reading(name, points, text, fill, zoom, (window.width(), window.height()))


def open_example(name: str, settings, size: tuple[int, int], client: bool = False):
    """The main window on a copy of the example `name`, at `size`, in client mode or not."""
    from netwerkatlas.app.main import open_window
    from netwerkatlas.resources import example_path

    window = open_window(str(example_path(name)), settings, as_copy=True)
    window.showNormal()
    window.resize(*size)
    if client:
        window.set_client_mode(True)
    return window


def readings(window, app) -> list[Reading]:
    """Each drawn view brought to the front, fitted, and read."""
    found = []
    for name in DRAWN_VIEWS:
        window.views.show_instrument(name)
        app.processEvents()
        view = window.current_view()
        view.fit_all()
        app.processEvents()
        found.append(read(view, name))
    return found


def main() -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from netwerkatlas.resources import examples

    settings = QSettings("/tmp/readable_probe.ini", QSettings.Format.IniFormat)
    client = "--client" in sys.argv
    for path in examples():
        for size in SCREENS:
            settings.clear()
            window = open_example(Path(path).stem, settings, size, client)
            app.processEvents()
            print(f"{path.stem} {size[0]}x{size[1]}{' client' if client else ''}")
            for reading in readings(window, app):
                print("  ", reading)
            window.document.undo_stack.set_clean()
            window.close()


if __name__ == "__main__":
    main()
