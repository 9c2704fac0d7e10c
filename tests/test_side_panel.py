"""The left panel stays put when the view changes, so the tabs never move under the pointer;
beside a view without suggestions it says how to work that view."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from netwerkatlas import i18n
from netwerkatlas.tools.registry import INSTRUMENTS


def tab_places(window) -> list[QPoint]:
    bar = window.views.tabBar()
    return [bar.mapTo(window, bar.tabRect(i).center()) for i in range(bar.count())]


def test_the_tabs_stay_in_place_whatever_view_is_in_front(window, qtbot):
    window.palette_dock.show()
    qtbot.waitUntil(window.palette_dock.isVisible)
    before = tab_places(window)
    for index in range(window.views.count()):
        window.views.setCurrentIndex(index)
        window.repaint()
        assert window.palette_dock.isVisible()
        assert tab_places(window) == before, window.views.tabText(index)


def test_beside_each_view_the_panel_says_how_to_work_it(window):
    for instrument in INSTRUMENTS:
        window.views.show_instrument(instrument.name)
        panel = window.side_panel
        if instrument.shows_palette:
            assert panel.currentWidget() is window.palette
            assert window.palette_dock.windowTitle() == i18n.t("panel.palette")
        else:
            assert panel.currentWidget() is panel.help
            assert window.palette_dock.windowTitle() == i18n.t("panel.view_help")
            assert panel.help.text() == i18n.t(f"view_help.{instrument.name}")


def test_every_view_without_suggestions_has_its_own_help_in_both_languages():
    for instrument in INSTRUMENTS:
        if instrument.shows_palette:
            continue
        for language in i18n.LANGUAGES:
            assert f"view_help.{instrument.name}" in i18n.catalogue(language), (
                instrument.name,
                language,
            )


def test_in_client_mode_the_panel_speaks_to_the_client(window):
    """The help of the ecogram says to drag names from the Groslijst, which is closed in client
    mode; there the panel tells the client what they can do."""
    window.views.show_instrument("ecogram")
    assert "Groslijst" in window.side_panel.help.text()
    window.set_client_mode(True)
    assert window.side_panel.help.text() == i18n.t("view_help.client")
    assert "Groslijst" not in window.side_panel.help.text()
    window.views.show_instrument("genogram")
    assert window.side_panel.help.text() == i18n.t("view_help.client")


def test_in_client_mode_the_help_is_as_large_as_the_suggestions(window):
    window.views.show_instrument("ecogram")
    normal = window.side_panel.help.font().pointSizeF()
    window.set_client_mode(True)
    large = window.side_panel.help.font().pointSizeF()
    assert large > normal * 1.2
    assert large >= window.palette.font().pointSizeF()
    window.set_client_mode(False)
    assert window.side_panel.help.font().pointSizeF() == normal
