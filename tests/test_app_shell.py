"""The main window as a user meets it: open, see the atlas, edit, undo, save, reopen, close."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from tests.dialogs import DialogAnswerer

from netwerkatlas import io
from netwerkatlas.app.main import open_window
from netwerkatlas.commands import AddItem, RemoveItem, UpdateItem
from netwerkatlas.model import EdgeKind, InfluenceLink, ThemeNode
from netwerkatlas.resources import example_path

Button = QMessageBox.StandardButton


@pytest.fixture
def example_copy(tmp_path):
    path = tmp_path / "sanne.netwerkatlas"
    path.write_bytes(example_path("netwerkintake-sanne").read_bytes())
    return path


@pytest.fixture
def window(qtbot, qsettings, example_copy):
    win = open_window(str(example_copy), qsettings)
    yield win
    win.document.undo_stack.set_clean()  # close without the unsaved-changes prompt
    win.close()
    win.deleteLater()


def test_window_shows_every_bol_and_link_of_the_file(window, example_copy):
    atlas = window.document.atlas
    assert set(window.scene.bol_items) == {n.id for n in atlas.nodes()}
    influence = {e.id for e in atlas.edges(EdgeKind.INFLUENCE)}
    assert influence and set(window.scene.link_items) == influence
    client_item = window.scene.bol_items[atlas.client_id]
    assert client_item.pos().x() == 0 and client_item.pos().y() == 0
    assert atlas.client.label in client_item.label
    assert "sanne.netwerkatlas" in window.windowTitle()
    assert not window.isWindowModified()


def test_bollen_stand_where_the_file_says(window):
    atlas = window.document.atlas
    placed = atlas.views["netwerkintake"].positions
    assert placed
    for node_id, (x, y) in placed.items():
        item = window.scene.bol_items[node_id]
        assert (item.pos().x(), item.pos().y()) == (x, y)


def test_an_edit_marks_the_window_and_undo_from_the_menu_reverts_it(window):
    atlas = window.document.atlas
    theme = next(n for n in atlas.nodes() if n.kind == "theme")
    window.document.push(UpdateItem("nodes", theme.id, {"label": "Nachtrust", "score": 2}))
    item = window.scene.bol_items[theme.id]
    assert item.label == "Nachtrust" and item.score == 2
    assert window.isWindowModified()
    assert "Thema wijzigen" in window.undo_action.text()

    window.undo_action.trigger()
    assert item.label == theme.label
    assert atlas.node(theme.id).label == theme.label
    assert item.score == theme.score
    assert not window.isWindowModified()
    window.redo_action.trigger()
    assert atlas.node(theme.id).label == "Nachtrust"


def test_added_and_removed_bollen_appear_and_vanish_with_their_links(window):
    atlas = window.document.atlas
    new = ThemeNode(label="Religie", score=1)
    window.document.push(AddItem("nodes", new))
    other = next(n for n in atlas.nodes() if n.kind == "theme" and n.id != new.id)
    link = InfluenceLink(source=new.id, target=other.id)
    window.document.push(AddItem("edges", link))
    assert new.id in window.scene.bol_items and link.id in window.scene.link_items

    window.document.push(RemoveItem("nodes", new.id))
    assert new.id not in window.scene.bol_items and link.id not in window.scene.link_items
    assert not atlas.has("edges", link.id)
    window.undo_action.trigger()
    assert new.id in window.scene.bol_items and link.id in window.scene.link_items
    assert atlas.has("edges", link.id)


def test_save_as_writes_the_file_clears_the_mark_and_lists_it_as_recent(
    window, tmp_path, monkeypatch
):
    target = tmp_path / "kopie"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    theme = next(n for n in window.document.atlas.nodes() if n.kind == "theme")
    window.document.push(UpdateItem("nodes", theme.id, {"note": "besproken op 23-11"}))
    assert window.isWindowModified()

    window.file_menu.actions()  # the menu exists as the user sees it
    window.save_as_action.trigger()
    saved = tmp_path / "kopie.netwerkatlas"
    assert saved.is_file()
    assert not window.isWindowModified()
    assert "kopie.netwerkatlas" in window.windowTitle()
    reopened, _ = io.load(saved)
    assert reopened.node(theme.id).note == "besproken op 23-11"
    assert saved.resolve() in window.recent.paths()
    window._fill_recent_menu()
    assert any(a.data() == str(saved.resolve()) for a in window.recent_menu.actions())


def test_a_bad_file_is_explained_and_the_open_atlas_stays(window, tmp_path):
    bad = tmp_path / "kapot.netwerkatlas"
    bad.write_text('{"format_version": 2, "nodes": [', encoding="utf-8")
    before = io.dumps(window.document.atlas)
    answer = DialogAnswerer(Button.Ok)
    assert window.open_path(bad) is False
    assert answer.seen, "the error was not shown"
    assert "kapot.netwerkatlas" in answer.seen[0]
    assert "halverwege" in answer.seen[0]
    assert io.dumps(window.document.atlas) == before
    assert bad.read_text(encoding="utf-8") == '{"format_version": 2, "nodes": ['


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_work(window, qtbot):
    theme = next(n for n in window.document.atlas.nodes() if n.kind == "theme")
    window.document.push(UpdateItem("nodes", theme.id, {"score": -2}))
    answer = DialogAnswerer(Button.Cancel)
    assert window.close() is False
    assert answer.seen and "Wijzigingen opslaan" in answer.seen[0]
    assert window.isVisible()

    answer = DialogAnswerer(Button.Discard)
    assert window.close() is True
    assert answer.seen


def test_closing_and_saving_writes_the_file(window, example_copy):
    theme = next(n for n in window.document.atlas.nodes() if n.kind == "theme")
    window.document.push(UpdateItem("nodes", theme.id, {"emphasis": True}))
    answer = DialogAnswerer(Button.Save)
    assert window.close() is True
    assert answer.seen
    reopened, _ = io.load(example_copy)
    assert reopened.node(theme.id).emphasis is True
    assert io.backup_path(example_copy).is_file()


def test_new_asks_first_then_shows_an_empty_atlas(window):
    theme = next(n for n in window.document.atlas.nodes() if n.kind == "theme")
    window.document.push(UpdateItem("nodes", theme.id, {"score": 0}))
    answer = DialogAnswerer(Button.Discard)
    window.new_action.trigger()
    assert answer.seen
    assert len(window.document.atlas) == 1
    assert list(window.scene.bol_items) == [window.document.atlas.client_id]
    assert "Naamloos" in window.windowTitle()
    assert not window.undo_action.isEnabled()


def test_open_through_the_dialog_and_the_recent_menu(window, tmp_path, monkeypatch):
    other = tmp_path / "freek.netwerkatlas"
    other.write_bytes(example_path("ecogram-freek").read_bytes())
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    window.open_action.trigger()
    assert window.document.path == other
    assert "freek" in window.windowTitle()

    window._fill_recent_menu()
    sanne = next(a for a in window.recent_menu.actions() if "sanne" in a.text())
    sanne.trigger()
    assert window.document.path.name == "sanne.netwerkatlas"
