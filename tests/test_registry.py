"""One list of instruments: every instrument in the registry is a tab with its title and shortcut,
an export view on the command line and in the export dialog; one more entry is all it takes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QLabel
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph
from tests.pdf_tools import all_text, page_sizes_mm
from tests.windows import example_window

from netwerkatlas.cli import main
from netwerkatlas.i18n import t
from netwerkatlas.resources import example_path
from netwerkatlas.tools import registry
from netwerkatlas.tools.registry import INSTRUMENTS, Instrument

ROOT = Path(__file__).resolve().parents[1]


def view_menu_action(window, instrument: Instrument):
    return next(a for a in window.view_menu.actions() if a.text() == t(instrument.action_key))


def test_every_instrument_is_a_tab_with_its_title_and_a_view_action_with_its_shortcut(window):
    titles = [window.views.tabText(i) for i in range(window.views.count())]
    assert titles[: len(INSTRUMENTS)] == [t(each.title_key) for each in INSTRUMENTS]
    for instrument in reversed(INSTRUMENTS):  # the last first, so each trigger switches tabs
        action = view_menu_action(window, instrument)
        assert action.shortcut() == QKeySequence(instrument.shortcut)
        action.trigger()
        assert window.views.tabText(window.views.currentIndex()) == t(instrument.title_key)
    shortcuts = [each.shortcut for each in INSTRUMENTS]
    assert len(set(shortcuts)) == len(shortcuts)


def test_every_instrument_exports_from_the_command_line(tmp_path, capsys):
    for instrument in (*INSTRUMENTS, *registry.DOCUMENTS):
        out = tmp_path / f"{instrument.name}.pdf"
        args = ["-o", str(out), "--paper", "A4", "--view", instrument.name]
        code = main(["export", str(example_path()), *args])
        assert code == 0, capsys.readouterr().err
        assert t(instrument.title_key) in all_text(out.read_bytes())
    assert registry.export_names() == [each.name for each in (*INSTRUMENTS, *registry.DOCUMENTS)]


def test_every_instrument_is_in_the_export_dialog(window, qtbot):
    window.export_action.trigger()
    dialog = window.findChild(QDialog)
    qtbot.waitExposed(dialog)
    offered = [dialog.view_box.itemText(i) for i in range(dialog.view_box.count())]
    assert offered == [t(each.title_key) for each in INSTRUMENTS]
    dialog.reject()


def test_the_registry_and_the_declarations_load_without_qt():
    code = (
        "import sys\n"
        "from netwerkatlas.tools.registry import INSTRUMENTS\n"
        "assert INSTRUMENTS\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "", f"Qt was imported: {result.stdout}"


# --- one more instrument, declared once -------------------------------------------------------


def make_proef_tab(atlas, push, parent):
    """A tab without a scene: the widget itself follows the atlas."""

    class Proef(QLabel):
        def set_atlas(self, atlas) -> None:
            self.setText(atlas.client.shown_label)

        def detach(self) -> None:
            self.setText("")

        def fit_all(self) -> None: ...

        def zoom_by(self, factor: float) -> None: ...

    widget = Proef(parent)
    widget.set_atlas(atlas)
    return None, widget


def proef_pages(atlas, options) -> list:
    style = ParagraphStyle("proef")
    return [Paragraph("Proefpagina een", style), PageBreak(), Paragraph("Proefpagina twee", style)]


PROEF = Instrument(
    name="proef",
    title_key="view.netwerkintake",
    action_key="action.view_netwerkintake",
    shortcut="Ctrl+Shift+7",  # one no instrument has
    qt_view="tests.test_registry:make_proef_tab",
    document="tests.test_registry:proef_pages",
)


@pytest.fixture
def with_proef(monkeypatch):
    monkeypatch.setattr(registry, "INSTRUMENTS", (*INSTRUMENTS, PROEF))
    return PROEF


def test_one_more_entry_makes_a_tab_an_action_and_a_page_export(
    with_proef, qtbot, qsettings, tmp_path, capsys
):
    with example_window(qtbot, qsettings, tmp_path) as window:
        assert window.views.count() >= len(INSTRUMENTS) + 1
        proef = window.views.tab("proef").widget
        assert proef.text() == window.document.atlas.client.shown_label
        action = next(
            a for a in window.view_menu.actions() if a.shortcut() == QKeySequence("Ctrl+Shift+7")
        )
        action.trigger()
        assert window.views.currentWidget() is proef
    out = tmp_path / "proef.pdf"
    code = main(["export", str(example_path()), "-o", str(out), "--view", "proef"])
    assert code == 0, capsys.readouterr().err
    data = out.read_bytes()
    assert page_sizes_mm(data) == [(210, 297), (210, 297)]
    assert "Proefpagina twee" in all_text(data)
    png = tmp_path / "proef.png"
    assert main(["export", str(example_path()), "-o", str(png), "--view", "proef"]) == 1
    assert not png.exists()


def test_an_instrument_without_a_summary_part_leaves_the_summary_as_it_was(monkeypatch, tmp_path):
    def summary(name: str) -> str:
        out = tmp_path / f"{name}.txt"
        assert main(["export", str(example_path()), "-o", str(out)]) == 0
        return out.read_text(encoding="utf-8")

    before = summary("zonder")
    monkeypatch.setattr(registry, "INSTRUMENTS", (*INSTRUMENTS, PROEF))
    after = summary("met")
    assert after == before
    assert after.count(t("summary.links")) == 1
