"""Every view of the bundled examples in a real main window, in normal and client mode, at a
laptop's and a desktop's screen size, in Dutch and English: docs/screenshots/views/.

Each view is shown on the example that fills it (the genogram on the De Boer family, the
ecogram and the netwerkcirkel on Freek, the rest on Sanne), fitted with Passend, and saved as
`<lang>-<width>x<height>-<normaal|client>-<view>.png`. Run with the language in the
environment, offscreen (the window is drawn by Qt itself, as on screen), with the screen sizes
as arguments (default: both):

    NETWERKATLAS_LANG=en QT_QPA_PLATFORM=offscreen \
        .venv/bin/python docs/screenshots/views.py 1366x768
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

SIZES = ((1366, 768), (1920, 1080))
EXAMPLE_OF = {
    "genogram": "genogram-familie-de-boer",
    "ecogram": "ecogram-freek",
    "netwerkcirkel": "ecogram-freek",
}
OUT = Path(__file__).parent / "views"


def main() -> int:
    app = QApplication(sys.argv[:1])
    from netwerkatlas.app.main import open_window
    from netwerkatlas.i18n import language
    from netwerkatlas.resources import DEFAULT_EXAMPLE, example_path
    from netwerkatlas.tools.registry import INSTRUMENTS

    OUT.mkdir(exist_ok=True)
    lang = language()
    sizes = [tuple(int(n) for n in a.split("x")) for a in sys.argv[1:]] or SIZES
    for width, height in sizes:
        for client in (False, True):
            for instrument in INSTRUMENTS:
                name = instrument.name
                path = example_path(EXAMPLE_OF.get(name, DEFAULT_EXAMPLE))
                folder = tempfile.mkdtemp()  # a first start each time: no layout remembered
                settings = QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
                window = open_window(str(path), settings, as_copy=True)
                window.showNormal()
                window.resize(width, height)
                window.views.show_instrument(name)
                window.set_client_mode(client)
                app.processEvents()
                window.current_view().fit_all()
                app.processEvents()
                mode = "client" if client else "normaal"
                image = window.grab().toImage()
                small = image.convertToFormat(QImage.Format.Format_Indexed8)
                small.save(str(OUT / f"{lang}-{width}x{height}-{mode}-{name}.png"))
                window.document.undo_stack.set_clean()
                window.close()
    print(f"{len(list(OUT.glob(f'{lang}-*.png')))} screenshots in {OUT}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("NETWERKATLAS_DATA_DIR", tempfile.mkdtemp())
    sys.exit(main())
