"""Pages of our own PDFs as Qt images: for the export preview and for printing.

Both show the very pages the exported PDF holds, rasterised by pdfium, so what the user sees
in the preview is what the printer and the file get.
"""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtGui import QImage

from netwerkatlas.export.raster import page_count

__all__ = ["page_count", "page_image", "page_size_pt"]


def page_size_pt(pdf: bytes, index: int) -> tuple[float, float]:
    document = pdfium.PdfDocument(pdf)
    try:
        return document[index].get_size()
    finally:
        document.close()


def page_image(pdf: bytes, index: int, dpi: float) -> QImage:
    """Page `index` at `dpi`, white behind, as an RGB image Qt can paint."""
    document = pdfium.PdfDocument(pdf)
    try:
        bitmap = document[index].render(scale=dpi / 72, fill_color=(255, 255, 255, 255))
        image = bitmap.to_pil().convert("RGB")
    finally:
        document.close()
    data = image.tobytes("raw", "RGB")
    return QImage(
        data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888
    ).copy()
