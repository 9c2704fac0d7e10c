"""The window fits the screen it opens on, comes back as it was left, and every control stays
within reach on a 1280×720 screen."""

from __future__ import annotations

from PySide6.QtCore import QRect

from netwerkatlas.app import window_place


def new_window(qtbot, qsettings):
    from netwerkatlas.app.main import open_window
    from netwerkatlas.resources import example_path

    window = open_window(str(example_path()), qsettings, as_copy=True)
    qtbot.addWidget(window)
    return window


def test_a_laptop_screen_gets_the_window_maximised(qtbot, qsettings, monkeypatch):
    monkeypatch.setattr(window_place, "_available", lambda w: QRect(0, 0, 1366, 740))
    window = new_window(qtbot, qsettings)
    assert window.isMaximized()


def test_a_large_screen_gets_most_of_it_centred(qtbot, qsettings, monkeypatch):
    monkeypatch.setattr(window_place, "_available", lambda w: QRect(0, 0, 1920, 1050))
    from netwerkatlas.app.main_window import MainWindow
    from netwerkatlas.document import Document

    window = MainWindow(Document.new(), qsettings)
    qtbot.addWidget(window)
    assert window_place.place(window, qsettings) is False
    assert (window.width(), window.height()) == (round(1920 * 0.86), round(1050 * 0.86))
    assert abs(window.x() - (1920 - window.width()) // 2) <= 1


def test_size_place_and_panels_come_back_as_they_were_left(qtbot, qsettings):
    """The test screen is small (a new window there opens maximised); a window left at a
    normal size comes back at that size (the screen may clip its width), with its panels."""
    window = new_window(qtbot, qsettings)
    assert window.isMaximized()
    window.showNormal()
    window.resize(1111, 577)
    window.palette_dock.hide()
    window.close()
    again = new_window(qtbot, qsettings)
    assert not again.isMaximized()
    assert abs(again.height() - 577) <= 5
    assert not again.palette_dock.isVisible()
    again.close()


def test_everything_is_within_reach_at_1280_by_720(qtbot, qsettings):
    window = new_window(qtbot, qsettings)
    window.showNormal()
    window.resize(1280, 720)
    qtbot.waitExposed(window)
    for index in range(window.views.count()):
        window.views.setCurrentIndex(index)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1280 and hint.height() <= 720, window.views.tabText(index)
        assert window.statusBar().geometry().bottom() < window.height()
        assert window.views.geometry().bottom() < window.statusBar().geometry().top()
    window.close()


def test_closing_in_client_mode_remembers_the_professionals_layout(qtbot, qsettings):
    window = new_window(qtbot, qsettings)
    window.showNormal()
    window.resize(1300, 740)
    assert window.details_dock.isVisible()
    window.set_client_mode(True)
    assert not window.details_dock.isVisible()
    window.close()
    again = new_window(qtbot, qsettings)
    assert not again.client_mode
    assert again.details_dock.isVisible()
    again.close()
