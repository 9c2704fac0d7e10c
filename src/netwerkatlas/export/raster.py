"""PNG from the PDF: pdfium rasterises the very pages the PDF holds, so PNG, preview, print
and PDF never disagree, and no display or Qt is needed."""

from __future__ import annotations

import io

import pypdfium2 as pdfium

MAX_PIXELS = 200_000_000  # beyond this a PNG takes gigabytes of memory to make


class TooLarge(ValueError):
    def __init__(self, pixels: int) -> None:
        super().__init__(pixels)
        self.pixels = pixels


def page_count(pdf: bytes) -> int:
    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def render_page(pdf: bytes, index: int, dpi: float):
    """Page `index` of `pdf` as a PIL image at `dpi`."""
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[index]
        width, height = page.get_size()
        pixels = int(width * dpi / 72) * int(height * dpi / 72)
        if pixels > MAX_PIXELS:
            raise TooLarge(pixels)
        bitmap = page.render(scale=dpi / 72, fill_color=(255, 255, 255, 255))
        return bitmap.to_pil()
    finally:
        document.close()


def png_bytes(pdf: bytes, dpi: int, index: int = 0) -> bytes:
    image = render_page(pdf, index, dpi).convert("RGB")
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(dpi, dpi), optimize=False)
    return out.getvalue()
