"""The main window opened on a copy of a bundled example, as the GUI tests use it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def shown_window(qtbot, path, qsettings, size: tuple[int, int] = (1300, 900)) -> Iterator:
    """The main window on `path` (None: a new atlas), shown at `size`; closed afterwards
    without the unsaved-changes prompt."""
    from netwerkatlas.app.main import open_window

    win = open_window(None if path is None else str(path), qsettings)
    win.showNormal()  # the test screen is small: a new window there opens maximised
    win.resize(*size)
    qtbot.waitExposed(win)
    try:
        yield win
    finally:
        win.document.undo_stack.set_clean()
        win.close()


@contextmanager
def example_window(qtbot, qsettings, tmp_path, name: str = "") -> Iterator:
    """The main window on a copy of the example `name` (default: the netwerkintake example),
    shown at a laptop's size."""
    from netwerkatlas.resources import DEFAULT_EXAMPLE, example_path

    source = example_path(name or DEFAULT_EXAMPLE)
    path = tmp_path / source.name
    path.write_bytes(source.read_bytes())
    with shown_window(qtbot, path, qsettings) as win:
        yield win


def show_view(win, action, view) -> None:
    """Bring a view to the front with its menu action, fitted to the window."""
    action.trigger()
    assert win.views.currentWidget() is view
    view.fit_all()


def person(win, label: str):
    """The node shown as `label` in the window's atlas."""
    return next(n for n in win.document.atlas.nodes() if n.shown_label == label)
