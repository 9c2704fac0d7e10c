"""Opening and saving as a professional expects: the example is never overwritten, an atlas opens
on the view it was saved in, and Save As offers the client's name and the date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFileDialog

from netwerkatlas import io
from netwerkatlas.commands import UpdateItem
from netwerkatlas.document import Document
from netwerkatlas.model import Atlas, AtlasMeta, ClientNode
from netwerkatlas.resources import example_path


def test_save_as_offers_the_clients_name_and_the_date():
    document = Document(Atlas(ClientNode(name="Sanne de Wit", label="Sanne"), AtlasMeta()))
    assert (
        document.suggested_file_name(dt.date(2026, 12, 2)) == "Sanne de Wit 2026-12-02.netwerkatlas"
    )
    document = Document(Atlas(ClientNode(label="S.d.W."), AtlasMeta()))
    assert document.suggested_file_name(dt.date(2026, 12, 2)) == "S.d.W 2026-12-02.netwerkatlas"


def test_a_name_unfit_for_a_file_name_is_made_fit_and_an_unnamed_client_is_untitled():
    document = Document(Atlas(ClientNode(name='Jan/Piet: "K"?\x07'), AtlasMeta()))
    name = document.suggested_file_name(dt.date(2026, 1, 5))
    assert name == "Jan Piet K 2026-01-05.netwerkatlas"
    assert not set('/\\:"?*<>|\x07') & set(name)
    unnamed = Document(Atlas(ClientNode(), AtlasMeta()))
    assert unnamed.suggested_file_name(dt.date(2026, 1, 5)) == "Naamloos 2026-01-05.netwerkatlas"


def test_the_save_dialog_starts_with_that_name(qtbot, qsettings, monkeypatch, tmp_path):
    from netwerkatlas.app.main_window import MainWindow

    document = Document(Atlas(ClientNode(name="Freek"), AtlasMeta()))
    window = MainWindow(document, qsettings)
    qtbot.addWidget(window)
    offered: list[str] = []

    def save_dialog(_parent, _caption, start, _filter):
        offered.append(start)
        return "", ""  # the user cancels

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    window.save_as_action.trigger()
    today = dt.date.today().isoformat()
    assert offered and offered[0].endswith(f"Freek {today}.netwerkatlas")
    assert "Naamloos" not in offered[0]


def test_the_example_opens_as_an_untitled_copy_and_save_never_writes_it(
    qtbot, qsettings, monkeypatch, tmp_path
):
    from netwerkatlas.app.main import open_window

    example = example_path()
    shipped = example.read_bytes()
    window = open_window(str(example), qsettings, as_copy=True)
    qtbot.addWidget(window)
    assert window.document.path is None
    assert f"Kopie van {example.name}" in window.windowTitle()
    assert len(window.document.atlas) > 5  # the example's content is there
    theme = next(n for n in window.document.atlas.nodes() if n.kind == "theme")
    window.document.push(UpdateItem("nodes", theme.id, {"note": "eigen aantekening"}))
    target = tmp_path / "mijn-oefening"
    asked: list[str] = []

    def save_dialog(_parent, _caption, start, _filter):
        asked.append(start)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    window.save_action.trigger()  # Ctrl+S asks where, as for a new atlas
    assert asked and str(example) not in asked[0]
    assert example.read_bytes() == shipped
    assert io.load(tmp_path / "mijn-oefening.netwerkatlas")[0].node(theme.id).note == (
        "eigen aantekening"
    )
    window.document.undo_stack.set_clean()
    window.close()


def test_an_atlas_opens_on_the_view_it_was_saved_in(qtbot, qsettings, tmp_path):
    from netwerkatlas.app.main import open_window

    path = tmp_path / "sanne.netwerkatlas"
    path.write_bytes(example_path().read_bytes())
    window = open_window(str(path), qsettings)
    qtbot.addWidget(window)
    assert window.views.current_tab().instrument.name == "netwerkintake"
    window.views.show_instrument("genogram")
    window.save_action.trigger()
    assert window.document.undo_stack.is_clean()  # where it was saved is no edit
    window.close()
    again = open_window(str(path), qsettings)
    qtbot.addWidget(again)
    assert again.views.current_tab().instrument.name == "genogram"
    again.close()
