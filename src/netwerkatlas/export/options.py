"""What the user chose for an export: paper, tiles, privacy and format.

Plain data with defaults a professional can print straight away; the GUI remembers it and the
command line builds it from its flags.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

MM = 72 / 25.4  # points per millimetre

PAPER_MM: dict[str, tuple[float, float]] = {
    "A0": (841, 1189),
    "A1": (594, 841),
    "A2": (420, 594),
    "A3": (297, 420),
    "A4": (210, 297),
}
TILE_PAPERS = ("A4", "A3")
CUSTOM_MIN_MM, CUSTOM_MAX_MM = 50.0, 5000.0


class Format(StrEnum):
    PDF = "pdf"
    PNG = "png"
    SVG = "svg"
    TXT = "txt"


class NameStyle(StrEnum):
    INITIALS = "initials"
    PSEUDONYMS = "pseudonyms"


class Kind(StrEnum):
    POSTER = "poster"
    SUMMARY = "summary"


@dataclass(frozen=True)
class Privacy:
    hide_names: bool = False
    name_style: NameStyle = NameStyle.INITIALS
    hide_private: bool = False
    hide_scores: bool = False
    hide_goals: bool = False  # no goal numbers on the bollen and none in the legend

    @property
    def changes_atlas(self) -> bool:
        return self.hide_names or self.hide_private or self.hide_scores


@dataclass(frozen=True)
class ExportOptions:
    kind: Kind = Kind.POSTER
    view: str = "netwerkintake"
    paper: str = "A2"  # a name from PAPER_MM, or "WxH" in millimetres
    landscape: bool = False
    margin_mm: float = 12.0
    tiles: str | None = None  # "A4" or "A3": print the poster on sheets of this size
    overlap_mm: float = 10.0
    format: Format = Format.PDF
    dpi: int = 150
    privacy: Privacy = Privacy()
    session_label: str = ""
    name_in_metadata: bool = False  # the client's name in the PDF's title, only when asked
    other_views: bool = False  # the netwerkintake's second badge where another view differs

    def with_(self, **changes) -> ExportOptions:
        return replace(self, **changes)


def parse_paper(paper: str) -> tuple[float, float] | None:
    """Width and height in mm (portrait) for "A3" or "600x900"; None if it is neither."""
    name = paper.strip().upper()
    if name in PAPER_MM:
        return PAPER_MM[name]
    width, sep, height = name.partition("X")
    try:
        size = float(width.replace(",", ".")), float(height.replace(",", "."))
    except ValueError:
        return None
    if not sep or not all(CUSTOM_MIN_MM <= side <= CUSTOM_MAX_MM for side in size):
        return None
    return size


def page_size_pt(paper: str, landscape: bool) -> tuple[float, float]:
    """The page in points, turned for landscape; raises ValueError for an unknown paper."""
    size = parse_paper(paper)
    if size is None:
        raise ValueError(paper)
    short, long = sorted(size)
    width, height = (long, short) if landscape else (short, long)
    return width * MM, height * MM
