"""The words the program says, in Dutch first and in English.

Messages live in gettext catalogues, `assets/translations/<language>.po`, keyed by a message id
(`panel.palette`), with `{placeholders}` filled in by `t()`. A message that counts something
has plural forms and is said with `tn()`: "1 bol", "3 bollen". At run time only the standard
library's `gettext` reads the compiled `<language>.mo` next to it; Babel, which compiles them,
is a development tool (scripts/translations.py).

The language comes from `set_language()`, else the NETWERKATLAS_LANG environment variable, else
Dutch. The desktop app sets it at start from --lang, the user's choice or the system's locale.
"""

from __future__ import annotations

import gettext
import os
from functools import cache
from pathlib import Path

from netwerkatlas.resources import assets_dir

LANGUAGES = ("nl", "en")
_language: str | None = None


def language() -> str:
    if _language is not None:
        return _language
    wanted = os.environ.get("NETWERKATLAS_LANG", "nl").lower()[:2]
    return wanted if wanted in LANGUAGES else "nl"


def set_language(code: str) -> None:
    global _language
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; choose one of {', '.join(LANGUAGES)}")
    _language = code


def catalogue_path(code: str, suffix: str = ".mo") -> Path:
    return assets_dir() / "translations" / f"{code}{suffix}"


@cache
def translations(code: str) -> gettext.GNUTranslations:
    """The compiled catalogue of `code`; a message it lacks is looked up in Dutch."""
    with open(catalogue_path(code), "rb") as f:
        found = gettext.GNUTranslations(f)
    if code != "nl":
        found.add_fallback(translations("nl"))
    return found


def _entries(code: str) -> dict[object, str]:
    # GNUTranslations keeps its messages here: str ids, and (id, form) for plural entries.
    return translations(code)._catalog  # type: ignore[attr-defined]


@cache
def catalogue(code: str) -> dict[str, str]:
    """Every message of `code` that has one form (not the plural ones), by id."""
    return {k: v for k, v in _entries(code).items() if isinstance(k, str) and k}


def messages(code: str) -> dict[str, tuple[str, ...]]:
    """Every message of `code` by id, with its forms: one, or one per plural form."""
    found: dict[str, tuple[str, ...]] = {}
    for key, text in sorted(_entries(code).items(), key=lambda item: str(item[0])):
        if isinstance(key, tuple):
            found[key[0]] = (*found.get(key[0], ()), text)
        elif key:
            found[key] = (text,)
    return found


@cache
def plural_ids(code: str) -> frozenset[str]:
    """The ids of the messages of `code` that have plural forms."""
    return frozenset(k[0] for k in _entries(code) if isinstance(k, tuple))


def t(key: str, **values: object) -> str:
    """The message `key` in the current language, with `values` filled in. A plural message
    given a `count` takes the form for that count, as `tn()` does."""
    if "count" in values and key in plural_ids("nl"):
        count = values.pop("count")
        return tn(key, count, **values)  # type: ignore[arg-type]
    text = translations(language()).gettext(key)
    return text.format(**values) if values else text


def tn(key: str, count: int, **values: object) -> str:
    """The form of the plural message `key` for `count` ("1 bol", "3 bollen"), with `count`
    and `values` filled in."""
    return translations(language()).ngettext(key, key, count).format(count=count, **values)
