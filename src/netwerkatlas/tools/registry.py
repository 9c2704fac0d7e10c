"""The instruments of the program, in tab order: the one list the app, the export and the CLI read.

Each instrument package `tools/<package>/` declares itself once, as `INSTRUMENT` in its module
`tools/<package>/instrument.py`; `PACKAGES` below names those packages in tab order. Adding an
instrument is therefore its own package plus one word in `PACKAGES`: the tab, the View menu action
and its shortcut, the export view (`netwerkatlas export --view NAME`, the export dialog's list),
its legend (from its drawing) and its part of the A4 summary then follow from the declaration.

This module imports no Qt (the CLI and the export run without it). Everything an instrument points
to is a "package.module:function" string (or the function itself), resolved when first used, so a
declaration never imports Qt or the export and cannot make an import cycle.

What the references must be:

`qt_view` -> `make_tab(atlas: Atlas, push: Callable[[Command], None], parent: QWidget)
-> tuple[QGraphicsScene | None, QWidget]`
    Builds the instrument's tab. The widget is what the tab shows. `push` does an edit (every
    change to the atlas is a `Command` pushed through it, one undo step). The scene (or, when there
    is no scene, the widget itself) follows the atlas: it must have `set_atlas(atlas)` (a new or
    opened document) and `detach()` (the window closes: stop following the atlas's events). The
    widget must have `fit_all()` and `zoom_by(factor: float)` (View → Fit / Zoom act on the tab in
    front). Optional, on the scene or the widget: `set_client_mode(on: bool)` and
    `set_show_scores(show: bool)`, called by the window's client-mode and hide-scores switches.

`drawing` -> `(atlas: Atlas, show_scores: bool) -> ViewDrawing`  (netwerkatlas.render.drawing)
    The Qt-free drawing for the poster, tiles, SVG and PNG; its `legend()` is the poster's legend.
    An instrument whose drawing marks the bollen a goal is about says `draws_goals=True`; its
    drawing is then called `(atlas, show_scores, show_goals: bool)` (the export's --hide-goals).

`document` -> `(atlas: Atlas, options: ExportOptions) -> list[Flowable]`
    Page-based A4 exports (the actieplan): a reportlab platypus story (paragraphs, tables, small
    charts as flowables, `PageBreak()` to start a new page, e.g. one page per goal). The export lays
    it out on A4 portrait with the footer and the metadata rules of the summary
    (`netwerkatlas.export.a4.a4_pdf`); `netwerkatlas.export.a4` also has the shared `styles()`,
    `paragraph()` and `facts()` (client, date, session) so the pages look like the summary. The
    atlas is already redacted for the options' privacy choices. PDF only.

`summary_part` -> `(atlas: Atlas, show_scores: bool) -> SummarySection | None`
    (netwerkatlas.export.summary) This instrument's section of the A4 summary, in PDF and text
    alike; None when it has nothing to say. Sections follow the table of bollen, in tab order.

An instrument has a `drawing` or a `document` (or both); `--view NAME` exports the drawing as a
poster, or the document's pages when there is no drawing.

`compares=True` (the change report): the document compares sessions, so it is given the atlas
*unredacted*, with its sessions' snapshots, and applies `options.privacy` itself; its `text`
-> `(atlas, options) -> str` is the plain-text form (`--format txt`).

Client mode (the client holds the pen): no tab shows a note then. The notes of every bol, link
and of the atlas (`ALWAYS_HIDDEN`) are hidden in every view; an instrument that shows other
professional texts names their stored fields in `client_mode_hides`, as paths in the file
("plans.body.meetings.minutes"). Its tab must then hide them on `set_client_mode(True)`:
tests/test_client_mode.py fills every such field of an atlas with a marker text and fails when
any visible widget of any tab, or any drawing's `texts()`, shows one in client mode.

`DOCUMENT_PACKAGES` are instruments without a tab (no `qt_view`): exports only, listed by
`export_names()` and found by `instrument()`, but not in `INSTRUMENTS` (the tabs).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

PACKAGES: tuple[str, ...] = (
    "netwerkintake",
    "genogram",
    "ecogram",
    "circle",
    "gebeurteniskaart",
    "plan",
    "basisposter",
    "signaleringsplan",
    "steungroep",
    "contactschema",
)
DOCUMENT_PACKAGES: tuple[str, ...] = ("changes",)

Ref = str | Callable[..., Any] | None
# The professional's notes, hidden in every view in client mode (paths in the file).
ALWAYS_HIDDEN: tuple[str, ...] = ("nodes.note", "edges.note", "meta.note")


@dataclass(frozen=True)
class Instrument:
    """What the rest of the program needs to know about one instrument."""

    name: str  # in the file (`views.<name>`) and on the command line (`--view <name>`)
    title_key: str  # translation key of the tab and export title ("view.genogram")
    action_key: str  # translation key of the View menu action, with its mnemonic
    shortcut: str  # the View menu shortcut ("Ctrl+2")
    qt_view: Ref  # -> make_tab, see the module docstring
    drawing: Ref = None  # -> (atlas, show_scores) -> ViewDrawing
    document: Ref = None  # -> (atlas, options) -> list of reportlab flowables
    summary_part: Ref = None  # -> (atlas, show_scores) -> SummarySection | None
    client_mode_hides: tuple[str, ...] = ()  # stored fields it shows that client mode hides
    draws_goals: bool = False  # its drawing takes `show_goals` too (goal markers, legend)
    draws_other_views: bool = False  # and `show_other_views` (a second badge where views differ)
    shows_palette: bool = False  # the suggestion palette belongs to this tab
    compares: bool = False  # its document compares sessions: given the atlas unredacted
    text: Ref = None  # -> (atlas, options) -> str, the document as plain text
    group: str = ""  # instruments of one group share one tab, with inner tabs ("meeting")

    @property
    def exportable(self) -> bool:
        return self.drawing is not None or self.document is not None

    def make_tab(self, atlas, push, parent):
        """The (scene or None, widget) of this instrument's tab; imports its Qt module now."""
        return resolve(self.qt_view)(atlas, push, parent)

    def make_drawing(
        self, atlas, show_scores: bool, show_goals: bool = True, show_other_views: bool = False
    ):
        if self.draws_other_views:
            return resolve(self.drawing)(atlas, show_scores, show_goals, show_other_views)
        if self.draws_goals:
            return resolve(self.drawing)(atlas, show_scores, show_goals)
        return resolve(self.drawing)(atlas, show_scores)

    def make_document(self, atlas, options) -> list:
        return resolve(self.document)(atlas, options)

    def summary_section(self, atlas, show_scores: bool):
        return resolve(self.summary_part)(atlas, show_scores) if self.summary_part else None


@cache
def _load(target: str) -> Callable[..., Any]:
    module, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module), attribute)


def resolve(ref: Ref) -> Callable[..., Any]:
    """The function a reference names ("package.module:function"), imported on first use."""
    if ref is None:
        raise LookupError("this instrument does not provide that")
    return _load(ref) if isinstance(ref, str) else ref


def _declared(package: str) -> Instrument:
    declared = importlib.import_module(f"netwerkatlas.tools.{package}.instrument").INSTRUMENT
    if not isinstance(declared, Instrument):
        raise TypeError(f"netwerkatlas.tools.{package}.instrument.INSTRUMENT is no Instrument")
    return declared


INSTRUMENTS: tuple[Instrument, ...] = tuple(_declared(package) for package in PACKAGES)
DOCUMENTS: tuple[Instrument, ...] = tuple(_declared(package) for package in DOCUMENT_PACKAGES)


def instrument(name: str) -> Instrument:
    """The instrument called `name` (KeyError when there is none)."""
    for each in (*INSTRUMENTS, *DOCUMENTS):
        if each.name == name:
            return each
    raise KeyError(name)


def client_mode_hidden() -> tuple[str, ...]:
    """Every stored field a client must not see in client mode, in any view."""
    declared = (field for each in INSTRUMENTS for field in each.client_mode_hides)
    return tuple(dict.fromkeys((*ALWAYS_HIDDEN, *declared)))


def export_names() -> list[str]:
    """The names `--view` accepts, in tab order, then the documents without a tab."""
    return [each.name for each in (*INSTRUMENTS, *DOCUMENTS) if each.exportable]
