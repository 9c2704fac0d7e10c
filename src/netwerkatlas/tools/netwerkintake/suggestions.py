"""Suggestions the palette offers (netwerkintake step 1): offered, never required.

The themes are the method's own examples of what plays a part in a person's life; the client
leads, so the list is a reminder for the professional, not a checklist.
"""

from __future__ import annotations

from netwerkatlas.model import NodeKind

SUGGESTED_THEMES: tuple[str, ...] = (
    "Vriendschappen en relaties",
    "Ouders, familie",
    "Buren",
    "Huisdier",
    "Grote levensgebeurtenissen",
    "Medicatie (bijwerkingen)",
    "School/werk",
    "Slapen",
    "Leefstijl",
    "Roken, alcohol, drugs",
    "Activiteiten/hobby's",
    "Tegenslag",
    "Wonen",
    "Religie",
    "Social media",
    "Eerdere hulpverlening",
    "Mentale klachten",
    "Fysieke klachten",
    "Eerdere diagnoses",
    "Geld",
)
# Blank bollen of these kinds: the label is typed when the bol is placed.
BLANK_KINDS: tuple[NodeKind, ...] = (NodeKind.THEME, NodeKind.PERSON, NodeKind.EVENT)
MIME_TYPE = "application/x-netwerkatlas-suggestion"
