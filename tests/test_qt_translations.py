"""Qt's own words (standard buttons, file dialogs) follow the program's language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

from netwerkatlas import i18n
from netwerkatlas.app.main import install_qt_translations


@pytest.mark.parametrize(
    ("code", "expected"), [("nl", "Details tonen..."), ("en", "Show Details...")]
)
def test_qts_own_words_speak_the_programs_language(qapp, monkeypatch, code, expected):
    monkeypatch.setattr(i18n, "_language", code)
    app = QApplication.instance()
    before = set(app.findChildren(QTranslator))
    install_qt_translations(app)
    try:
        assert QCoreApplication.translate("QMessageBox", "Show Details...") == expected
    finally:
        for translator in set(app.findChildren(QTranslator)) - before:
            app.removeTranslator(translator)
            translator.deleteLater()


@pytest.fixture
def qt_words(qapp, monkeypatch):
    """Install Qt's translations for a language; take them out again afterwards."""
    app = QApplication.instance()
    before = set(app.findChildren(QTranslator))
    locale = QLocale()

    def install(code):
        monkeypatch.setattr(i18n, "_language", code)
        install_qt_translations(app)

    yield install
    for translator in set(app.findChildren(QTranslator)) - before:
        app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(locale)


@pytest.mark.parametrize(
    ("code", "expected"),
    [("nl", ["Opslaan", "Verwerpen", "Annuleren"]), ("en", ["Save", "Discard", "Cancel"])],
)
def test_the_unsaved_changes_buttons_speak_the_programs_language(qt_words, code, expected):
    qt_words(code)
    Button = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Question, "", "", Button.Save | Button.Discard | Button.Cancel
    )
    assert sorted(b.text() for b in box.buttons()) == sorted(expected)
    box.deleteLater()


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("nl", ["&Zoeken in:", "Bestands&naam:", "Bestands&type:"]),
        ("en", ["&Look in:", "File &name:", "Files of &type:"]),
    ],
)
def test_the_file_dialog_speaks_the_programs_language(qt_words, code, expected):
    qt_words(code)
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    assert [label.text() for label in dialog.findChildren(QLabel) if label.text()] == expected
    dialog.deleteLater()
