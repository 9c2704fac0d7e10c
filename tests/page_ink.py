"""Whether anything is printed in a page's margins: the page rendered, its margin strips read."""

from __future__ import annotations

import pypdfium2 as pdfium

MM = 72 / 25.4
DPI = 60


def ink_in_margins(pdf: bytes, margin_mm: float = 17.0, bottom_mm: float = 8.0) -> list[str]:
    """Where on which page something dark lies outside the text area: left, right and top
    margins, and the bottom strip below the footer line. Empty when the margins are clean."""
    found = []
    document = pdfium.PdfDocument(pdf)
    try:
        for number, page in enumerate(document, 1):
            bitmap = page.render(scale=DPI / 72, grayscale=True)
            width, height, stride = bitmap.width, bitmap.height, bitmap.stride
            pixels = bytes(bitmap.buffer)
            margin = int(margin_mm * MM * DPI / 72)
            bottom = height - int(bottom_mm * MM * DPI / 72)
            for y in range(height):
                row = pixels[y * stride : y * stride + width]
                if y < margin or y >= bottom:
                    if min(row) < 200:
                        found.append(f"page {number}: row {y} (top or bottom)")
                        break
                elif min(row[:margin]) < 200 or min(row[width - margin :]) < 200:
                    found.append(f"page {number}: row {y} (side)")
                    break
    finally:
        document.close()
    return found
