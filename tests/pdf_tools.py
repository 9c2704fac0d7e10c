"""Reading exported files back the way a user's tools would: pypdf, qpdf, pdftoppm."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

MM = 72 / 25.4


def need(tool: str) -> str:
    """The path of a command-line tool; in CI its absence is a failure, not a skip."""
    path = shutil.which(tool)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is not installed (scripts/setup.sh --tests installs it)")
        pytest.skip(f"{tool} is not installed")
    return path


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_sizes_mm(data: bytes) -> list[tuple[float, float]]:
    return [
        (round(float(p.mediabox.width) / MM), round(float(p.mediabox.height) / MM))
        for p in reader(data).pages
    ]


def all_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in reader(data).pages)


def metadata_text(data: bytes) -> str:
    """Everything outside the page content a viewer shows: metadata and bookmarks."""
    pdf = reader(data)
    parts = [str(v) for v in (pdf.metadata or {}).values()]

    def walk(outline) -> None:
        for item in outline:
            if isinstance(item, list):
                walk(item)
            else:
                parts.append(str(item.title))

    walk(pdf.outline)
    return "\n".join(parts)


def qpdf_check(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([need("qpdf"), "--check", str(path)], capture_output=True, text=True)


def render_pages(path: Path, dpi: int, out: Path) -> list[Path]:
    """Pages rendered by poppler's pdftoppm as PNG files, in page order."""
    subprocess.run(
        [need("pdftoppm"), "-png", "-r", str(dpi), str(path), str(out / "page")], check=True
    )
    return sorted(out.glob("page-*.png"))
