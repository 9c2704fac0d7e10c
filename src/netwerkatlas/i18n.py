"""The words the program says, in Dutch first and in English.

Messages live in `assets/translations/<language>.json`, keyed by a message id, with
`{placeholders}` filled in by `t()`. The language comes from `set_language()`, else the
NETWERKATLAS_LANG environment variable, else Dutch.
"""

from __future__ import annotations

import json
import os
from functools import cache

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


@cache
def catalogue(code: str) -> dict[str, str]:
    with open(assets_dir() / "translations" / f"{code}.json", encoding="utf-8") as f:
        return json.load(f)


def t(key: str, **values: object) -> str:
    """The message `key` in the current language, with `values` filled in."""
    text = catalogue(language()).get(key) or catalogue("nl").get(key) or key
    return text.format(**values) if values else text
