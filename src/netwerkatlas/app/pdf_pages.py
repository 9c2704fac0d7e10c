"""Pages of our own PDFs as Qt images: for the export preview and for printing.

Both show the very pages the exported PDF holds, rasterised by pdfium, so what the user sees
in the preview is what the printer and the file get.
"""

from __future__ import annotations

from PySide6.QtGui import QImage

# pypdfium2 is imported by each function, not here: the program starts without it.

__all__ = ["page_count", "page_image", "page_size_pt"]


def page_count(pdf: bytes) -> int:
    from netwerkatlas.export.raster import page_count as count

    return count(pdf)


def page_size_pt(pdf: bytes, index: int) -> tuple[float, float]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return document[index].get_size()
    finally:
        document.close()


def page_image(pdf: bytes, index: int, dpi: float) -> QImage:
    """Page `index` at `dpi`, white behind, as an RGB image Qt can paint."""
    import pypdfium2 as pdfium

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
