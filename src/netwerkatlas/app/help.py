"""The manual's pages: one for starting and one per instrument, in the language of the program.

Each page is the written text in `assets/help/<language>/<page>.md` (the gestures and keys of
that view, in words a professional uses) followed by what the registry knows: how to open the
view and its shortcut. The start page lists every instrument with its shortcut from the
registry, so a new instrument is in the manual as soon as it has a tab; a test checks that it
has a written page in both languages too.
"""

from __future__ import annotations

from pathlib import Path

from netwerkatlas.i18n import language, t
from netwerkatlas.resources import assets_dir
from netwerkatlas.tools import registry

START = "start"
FALLBACK_LANGUAGE = "nl"

# The window's own keys, the same in every view: (key, translation key of what it does).
WINDOW_KEYS: tuple[tuple[str, str], ...] = (
    ("F1", "help.key.manual"),
    ("Ctrl+N", "help.key.new"),
    ("Ctrl+O", "help.key.open"),
    ("Ctrl+S", "help.key.save"),
    ("Ctrl+Z", "help.key.undo"),
    ("Ctrl+Shift+Z / Ctrl+Y", "help.key.redo"),
    ("Ctrl+0", "help.key.fit"),
    ("Ctrl++ / Ctrl+-", "help.key.zoom"),
    ("Ctrl+5", "help.key.groslijst"),
    ("Ctrl+E", "help.key.export"),
    ("Ctrl+H", "help.key.hide_scores"),
    ("F11", "help.key.client_mode"),
)


def page_names() -> list[str]:
    """The manual's pages in order: starting, then the instruments in tab order."""
    return [START, *(instrument.name for instrument in registry.INSTRUMENTS)]


def page_title(page: str) -> str:
    if page == START:
        return t("help.start_title")
    return t(registry.instrument(page).title_key)


def written_path(page: str, code: str | None = None) -> Path:
    return assets_dir() / "help" / (code or language()) / f"{page}.md"


def written_text(page: str, code: str | None = None) -> str:
    """The page's written text in the language (Dutch when that language lacks the page)."""
    path = written_path(page, code)
    if not path.is_file():
        path = written_path(page, FALLBACK_LANGUAGE)
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _key_table(rows: list[tuple[str, str]]) -> str:
    lines = [f"| {t('help.column_key')} | {t('help.column_does')} |", "|---|---|"]
    lines += [f"| {key} | {does} |" for key, does in rows]
    return "\n".join(lines)


def _plain(menu_text: str) -> str:
    """A menu text as read in the manual: no mnemonic ampersand, no key after a tab."""
    return menu_text.partition("\t")[0].replace("&", "")


def generated_text(page: str) -> str:
    """What the registry and the window know about the page, as Markdown."""
    if page != START:
        instrument = registry.instrument(page)
        where = t("help.open_view", action=_plain(t(instrument.action_key)))
        return f"## {t('help.opening')}\n\n{where} ({instrument.shortcut})\n"
    views = [
        (instrument.shortcut, page_title(instrument.name)) for instrument in registry.INSTRUMENTS
    ]
    window = [(key, t(does)) for key, does in WINDOW_KEYS]
    return (
        f"## {t('help.views')}\n\n{_key_table(views)}\n\n"
        f"## {t('help.window_keys')}\n\n{_key_table(window)}\n"
    )


def page_markdown(page: str) -> str:
    """The whole page: its title, the written text, then the generated part."""
    written = written_text(page).strip()
    return f"# {page_title(page)}\n\n{written}\n\n{generated_text(page)}"
