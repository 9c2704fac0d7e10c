"""Where the bundled assets (examples, translations, fonts, icons) live.

In a wheel they are packaged inside `netwerkatlas/assets`; in a source checkout they sit in the
repository's `assets/` folder.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def assets_dir() -> Path:
    packaged = Path(__file__).resolve().parent / "assets"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "assets"


DEFAULT_EXAMPLE = "netwerkintake-sanne"


def example_path(name: str = DEFAULT_EXAMPLE) -> Path:
    return assets_dir() / "examples" / f"{name}.netwerkatlas"


def examples() -> list[Path]:
    return sorted((assets_dir() / "examples").glob("*.netwerkatlas"))
