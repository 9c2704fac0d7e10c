"""Render the icons each OS needs from the two SVG sources, with Qt's own SVG renderer.

    python packaging/icons/render_icons.py OUTDIR

writes into OUTDIR:
- `hicolor/<n>x<n>/apps/netwerkatlas.png` and `.../mimetypes/application-x-netwerkatlas.png`
  (Linux icon theme, 16 to 512 px) and the SVGs under `hicolor/scalable/`;
- `netwerkatlas.ico` and `netwerkatlas-document.ico` (Windows: 16 to 256 px, PNG entries);
- `netwerkatlas.icns` and `netwerkatlas-document.icns` (macOS: 16 to 1024 px, PNG entries), and
  `netwerkatlas.iconset/` for Apple's `iconutil -c icns` should a maintainer prefer it.

Every size is drawn from the vector source, not scaled down from one bitmap, so small sizes
stay sharp. Needs only PySide6 (QtSvg), which the program itself needs; no display.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
APP_SVG = HERE / "netwerkatlas.svg"
DOCUMENT_SVG = HERE / "netwerkatlas-document.svg"
APP_NAME = "netwerkatlas"
MIME_ICON = "application-x-netwerkatlas"  # the icon name shared-mime-info derives from the type

LINUX_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# (type, pixels) of the PNG-based icns entries macOS reads (10.7 and later).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)
ICONSET = (
    ("icon_16x16.png", 16),
    ("icon_16x16@2x.png", 32),
    ("icon_32x32.png", 32),
    ("icon_32x32@2x.png", 64),
    ("icon_128x128.png", 128),
    ("icon_128x128@2x.png", 256),
    ("icon_256x256.png", 256),
    ("icon_256x256@2x.png", 512),
    ("icon_512x512.png", 512),
    ("icon_512x512@2x.png", 1024),
)


def png(svg: Path, size: int) -> bytes:
    """The SVG drawn at `size` × `size` pixels, as PNG bytes with a transparent background."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico(images: dict[int, bytes]) -> bytes:
    """A Windows .ico with one PNG entry per size (Vista and later read PNG entries)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    entries, blobs = b"", b""
    offset = len(header) + 16 * len(images)
    for size, data in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset + len(blobs))
        blobs += data
    return header + entries + blobs


def icns(images: dict[int, bytes]) -> bytes:
    """A macOS .icns: the 'icns' header, then one (type, length, PNG) block per entry."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(images[size])) + images[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def render(out: Path) -> None:
    """Write every icon into `out` (made if missing)."""
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(["render_icons"])
    sizes = sorted({*LINUX_SIZES, *ICO_SIZES, *(s for _, s in ICNS_TYPES)})
    for svg, stem, folder, name in (
        (APP_SVG, APP_NAME, "apps", APP_NAME),
        (DOCUMENT_SVG, f"{APP_NAME}-document", "mimetypes", MIME_ICON),
    ):
        images = {size: png(svg, size) for size in sizes}
        for size in LINUX_SIZES:
            target = out / "hicolor" / f"{size}x{size}" / folder / f"{name}.png"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(images[size])
        scalable = out / "hicolor" / "scalable" / folder / f"{name}.svg"
        scalable.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(svg, scalable)
        (out / f"{stem}.ico").write_bytes(ico({s: images[s] for s in ICO_SIZES}))
        (out / f"{stem}.icns").write_bytes(icns(images))
        if svg is APP_SVG:
            iconset = out / f"{APP_NAME}.iconset"
            iconset.mkdir(parents=True, exist_ok=True)
            for file_name, size in ICONSET:
                (iconset / file_name).write_bytes(images[size])


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python packaging/icons/render_icons.py OUTDIR", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    render(Path(argv[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
