"""The user picks the language in Beeld → Taal; it is remembered and comes at the next start.
Without a choice the system's language is used, Dutch when that is neither Dutch nor English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMessageBox
from tests.dialogs import DialogAnswerer

from netwerkatlas import i18n
from netwerkatlas.app.language_menu import SETTINGS_KEY, choose_language


@pytest.fixture
def no_language(monkeypatch):
    """A start without --lang and without NETWERKATLAS_LANG."""
    monkeypatch.setattr(i18n, "_language", None)
    monkeypatch.delenv("NETWERKATLAS_LANG", raising=False)


@pytest.mark.parametrize(
    ("system", "expected"),
    [("nl_NL", "nl"), ("nl_BE", "nl"), ("en_GB", "en"), ("en_US", "en"), ("de_DE", "nl")],
)
def test_without_a_choice_the_system_language_is_used(qsettings, no_language, system, expected):
    assert choose_language(qsettings, QLocale(system)) == expected
    assert i18n.language() == expected


def test_the_users_choice_wins_over_the_system(qsettings, no_language):
    qsettings.setValue(SETTINGS_KEY, "en")
    assert choose_language(qsettings, QLocale("nl_NL")) == "en"


def test_lang_on_the_command_line_wins_over_the_choice(qsettings, no_language):
    from netwerkatlas.cli import _language_from

    qsettings.setValue(SETTINGS_KEY, "nl")
    _language_from(["--lang", "en"])
    assert choose_language(qsettings, QLocale("nl_NL")) == "en"


def language_actions(window):
    menu = window.languages.menu
    assert menu.menuAction() in window.view_menu.actions()
    return {action.text(): action for action in menu.actions()}


def test_the_view_menu_offers_both_languages_as_radio_items(window):
    actions = language_actions(window)
    assert window.languages.menu.title() == "Taa&l"
    assert list(actions) == ["Nederlands", "English"]
    assert all(a.isCheckable() and a.actionGroup().isExclusive() for a in actions.values())
    assert actions["Nederlands"].isChecked() and not actions["English"].isChecked()


def test_choosing_english_is_remembered_and_comes_after_a_restart(window, qsettings):
    actions = language_actions(window)
    answerer = DialogAnswerer(QMessageBox.StandardButton.Ok)
    try:
        actions["English"].trigger()
    finally:
        answerer.stop()
    assert actions["English"].isChecked() and not actions["Nederlands"].isChecked()
    assert qsettings.value(SETTINGS_KEY) == "en"
    [said] = answerer.seen
    assert "opnieuw start" in said and "start Netwerkatlas again" in said
    assert window.view_menu.title() == "Beel&d"  # this run stays Dutch until the restart


def test_going_back_to_the_language_in_use_needs_no_restart(window, qsettings):
    actions = language_actions(window)
    answerer = DialogAnswerer(QMessageBox.StandardButton.Ok)
    try:
        actions["English"].trigger()
        actions["Nederlands"].trigger()
    finally:
        answerer.stop()
    assert qsettings.value(SETTINGS_KEY) == "nl"
    assert len(answerer.seen) == 1
