"""Bestand → Importeren uit GEDCOM, as a professional would use it on the client's family."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton
from tests.dialogs import DialogAnswerer

from netwerkatlas import io
from netwerkatlas.app.gedcom_dialog import GedcomImportDialog
from netwerkatlas.io.gedcom import read_gedcom
from netwerkatlas.model import Atlas, ClientNode, EdgeKind
from netwerkatlas.tools.genogram.importing import import_family

FAMILY = Path(__file__).parent / "fixtures" / "gedcom" / "familie.ged"
BROKEN = Path(__file__).parent / "fixtures" / "gedcom" / "json-hernoemd.ged"


def answer_import(search: str, generations: int, is_client: bool = True) -> dict:
    """Fill in the import dialog when it appears, as a user would, and press Importeren."""
    seen: dict = {}

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, GedcomImportDialog):
            QTimer.singleShot(20, poll)
            return
        dialog.search.setText(search)
        dialog.generations.setValue(generations)
        dialog.is_client.setChecked(is_client)
        seen["count"] = dialog.count.text()
        seen["root"] = dialog.root_xref()
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    QTimer.singleShot(20, poll)
    return seen


def test_the_client_and_two_generations_around_are_imported_in_one_step(window, monkeypatch):
    atlas, stack = window.document.atlas, window.document.undo_stack
    before = io.dumps(atlas)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(FAMILY), ""))
    seen = answer_import("Chloë", 2)
    window.import_gedcom_action.trigger()
    assert "personen worden toegevoegd" in seen["count"]
    assert window.views.currentWidget() is window.genogram_view
    names = {getattr(n, "name", "") for n in atlas.nodes()}
    assert {"Pieter Jan de Vries", "Renée Jansen", "Zoë de Vries", "Johannes de Vries"} <= names
    assert "Chloë de Vries" not in names  # she is the client: no second node for her
    client = atlas.client
    parents = {e.source for e in atlas.edges(EdgeKind.PARENT_CHILD) if e.target == client.id}
    assert {atlas.node(p).name for p in parents} == {"Pieter Jan de Vries", "Renée Jansen"}
    # The atlas's own facts about the client win over the file's.
    assert client.birth_year == 2002 and client.name == "Sanne"
    genogram = window.genogram_scene.drawing
    assert len(genogram.family.persons) >= 6  # the family is drawn
    stack.undo()
    assert io.dumps(atlas) == before


def test_a_broken_file_is_explained_and_nothing_changes(window, monkeypatch):
    before = io.dumps(window.document.atlas)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(BROKEN), ""))
    answerer = DialogAnswerer(QMessageBox.StandardButton.Ok)
    window.import_gedcom_action.trigger()
    answerer.stop()
    assert answerer.seen and "json-hernoemd.ged" in answerer.seen[0]
    assert io.dumps(window.document.atlas) == before


def test_the_root_can_be_a_relative_instead_of_the_client():
    atlas = Atlas(ClientNode(label="Chloë", name="Chloë"))
    tree = read_gedcom(FAMILY)
    root = next(x for x, p in tree.persons.items() if p.name == "Loïs de Vries")
    command = import_family(atlas, tree, root, 0, root_is_client=False)
    command.redo(atlas)
    assert "Loïs de Vries" in {n.name for n in atlas.nodes()}
    assert atlas.client.name == "Chloë"
    command.undo(atlas)
    assert len(atlas) == 1


def test_facts_the_atlas_lacks_about_the_client_come_from_the_file():
    atlas = Atlas(ClientNode(label="Chloë"))
    tree = read_gedcom(FAMILY)
    root = next(x for x, p in tree.persons.items() if p.name == "Chloë de Vries")
    import_family(atlas, tree, root, 1, root_is_client=True).redo(atlas)
    assert (atlas.client.name, atlas.client.birth_year, atlas.client.gender) == (
        "Chloë de Vries",
        1978,
        "female",
    )
    twin = next(n for n in atlas.nodes() if getattr(n, "name", "") == "Zoë de Vries")
    links = [
        e for e in atlas.edges(EdgeKind.PARENT_CHILD) if e.target in (twin.id, atlas.client_id)
    ]
    assert {e.twin_group for e in links} != {""}  # born the same day: drawn as twins


def test_a_large_tree_is_read_beside_the_window_and_cancel_stops_it(window, monkeypatch):
    """The window keeps working while a file is read (the progress dialog shows and its
    Cancel button is pressed during the reading); afterwards nothing is imported."""
    import threading

    from PySide6.QtWidgets import QProgressDialog

    from netwerkatlas.app import gedcom_reading

    atlas = window.document.atlas
    before = io.dumps(atlas)
    pressed = threading.Event()
    finished_reading: list[bool] = []

    def slow_read(path, progress):
        progress(0.25)  # the first few hundred records
        assert pressed.wait(60), "Cancel was never pressed"
        progress(0.5)  # the next report stops the reading
        finished_reading.append(True)
        return read_gedcom(path)

    def press_cancel() -> None:
        dialog = window.findChild(QProgressDialog, "gedcom_progress")
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, press_cancel)
            return
        assert dialog.value() == 250  # how far the reading is, shown while it reads
        dialog.findChild(QPushButton).click()
        pressed.set()

    monkeypatch.setattr(gedcom_reading, "read_gedcom", slow_read)
    monkeypatch.setattr(gedcom_reading, "SHOWN_AFTER_MS", 0)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(FAMILY), ""))
    QTimer.singleShot(20, press_cancel)
    window.import_gedcom_action.trigger()
    assert pressed.is_set() and finished_reading == []
    assert io.dumps(atlas) == before
    assert "afgebroken" in window.statusBar().currentMessage()
    assert (
        window.findChild(QProgressDialog, "gedcom_progress") is None
        or not window.findChild(QProgressDialog, "gedcom_progress").isVisible()
    )


def test_progress_is_reported_while_a_real_file_is_read(tmp_path):
    lines = ["0 HEAD", "1 CHAR UTF-8"]
    for number in range(1, 1201):
        lines += [f"0 @I{number}@ INDI", f"1 NAME Persoon{number} /Kok/"]
    lines.append("0 TRLR")
    path = tmp_path / "groot.ged"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    seen: list[float] = []
    tree = read_gedcom(path, seen.append)
    assert len(tree.persons) == 1200
    assert seen[0] == 0.0 and len(seen) >= 4 and seen == sorted(seen) and 0 < seen[-1] <= 1
