"""A drawing shown as "Passend" left it has no scroll bars; zooming in brings them back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from tests.windows import example_window


def _bars(view) -> tuple[bool, bool]:
    return view.horizontalScrollBar().isVisible(), view.verticalScrollBar().isVisible()


def _wheel(view, steps: int) -> None:
    port = view.viewport()
    centre = QPointF(port.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(port.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(port, event)


@pytest.mark.parametrize(
    ("example", "view_name"),
    [
        ("netwerkintake-sanne", "netwerkintake"),
        ("genogram-familie-de-boer", "genogram"),
        ("ecogram-freek", "ecogram"),
        ("ecogram-freek", "netwerkcirkel"),
        ("netwerkintake-sanne", "gebeurteniskaart"),
    ],
)
def test_passend_shows_no_scroll_bars_and_zooming_in_brings_them(
    qtbot, qsettings, tmp_path, example, view_name
):
    with example_window(qtbot, qsettings, tmp_path, example) as win:
        win.views.show_instrument(view_name)
        view = win.current_view()
        passend = win.toolbar.widgetForAction(win.fit_action)
        _wheel(view, 4)
        qtbot.waitUntil(lambda: any(_bars(view)), timeout=10000)
        assert not view.fitted
        qtbot.mouseClick(passend, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: _bars(view) == (False, False), timeout=10000)
        assert view.fitted
