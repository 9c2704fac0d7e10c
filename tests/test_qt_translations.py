"""Qt's own words (standard buttons, file dialogs) follow the program's language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

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
