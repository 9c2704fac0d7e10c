"""The signaleringsplan's words, shared by the tab, the A4 document and the summary."""

from __future__ import annotations

from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.model.plan_bodies import PersonAction, PersonRef, SignalPhase
from netwerkatlas.tools.meeting.defaults import phase_number
from netwerkatlas.tools.meeting.people import ref_name, ref_phone

SECTIONS = ("signals", "i_do", "close_ones_do", "professionals_do")


def colour_word(colour: str) -> str:
    return t(f"signaleringsplan.colour.{colour}")


def section_title(section: str) -> str:
    return t(f"signaleringsplan.section.{section}")


def phase_heading(number: int, phase: SignalPhase) -> str:
    """ "Fase 1 · Het gaat minder goed": the number and the name, so it reads in grey too."""
    title = phase.title.strip()
    return f"{phase_number(number)} · {title}" if title else phase_number(number)


def who_words(atlas: Atlas, ref: PersonRef) -> str:
    """ "Fleur (zus)": the name and, when given, the role."""
    name = ref_name(atlas, ref) or t("signaleringsplan.someone")
    return f"{name} ({ref.role})" if ref.role.strip() else name


def action_words(atlas: Atlas, action: PersonAction, with_phone: bool) -> str:
    """ "Fleur (zus): belt mij elke dag — tel. 06-12345678" (the phone when asked and known)."""
    text = who_words(atlas, action.who)
    if action.what.strip():
        text += f": {action.what.strip()}"
    phone = ref_phone(atlas, action.who) if with_phone else ""
    if phone:
        text += f" — {t('signaleringsplan.phone_short', phone=phone)}"
    return text
