"""Suggestions the palette offers (netwerkintake step 1): offered, never required.

The themes are the method's own examples of what plays a part in a person's life; the client
leads, so the list is a reminder for the professional, not a checklist.
"""

from __future__ import annotations

from netwerkatlas.i18n import t
from netwerkatlas.model import NodeKind

# Message ids: the palette offers them in the user's language.
SUGGESTED_THEMES: tuple[str, ...] = (
    "suggestion.theme.relationships",
    "suggestion.theme.family",
    "suggestion.theme.neighbours",
    "suggestion.theme.pet",
    "suggestion.theme.life_events",
    "suggestion.theme.medication",
    "suggestion.theme.school_work",
    "suggestion.theme.sleep",
    "suggestion.theme.lifestyle",
    "suggestion.theme.substances",
    "suggestion.theme.activities",
    "suggestion.theme.setbacks",
    "suggestion.theme.housing",
    "suggestion.theme.religion",
    "suggestion.theme.social_media",
    "suggestion.theme.earlier_care",
    "suggestion.theme.mental",
    "suggestion.theme.physical",
    "suggestion.theme.diagnoses",
    "suggestion.theme.money",
)
# Blank bollen of these kinds: the label is typed when the bol is placed.
BLANK_KINDS: tuple[NodeKind, ...] = (NodeKind.THEME, NodeKind.PERSON, NodeKind.EVENT)
MIME_TYPE = "application/x-netwerkatlas-suggestion"


def suggested_themes() -> list[str]:
    """The suggested themes, in the user's language."""
    return [t(key) for key in SUGGESTED_THEMES]
