"""The groslijst: fast entry, editing, filtering, and the inbox of the circle: names dragged
from the list land in a cell; every view shows the same people."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from tests.test_canvas_tools import drop_mime
from tests.test_circle import cell_centre
from tests.windows import person

from netwerkatlas import io
from netwerkatlas.tools.circle.variants import cells
from netwerkatlas.tools.groslijst.list_view import NAME, RELATION, UNPLACED


def test_names_are_typed_one_after_another_each_one_undo_step(window):
    atlas, stack = window.document.atlas, window.document.undo_stack
    before = io.dumps(atlas)
    window.groslijst_action.trigger()
    entry = window.groslijst.entry
    assert entry.hasFocus() or window.groslijst_dock.isVisible()
    for name in ("Oma Truus", "Buurman Henk", "Zoë"):
        if name.isascii():
            QTest.keyClicks(entry, name)
        else:  # QTest types ASCII only; a keyboard layout would give the ë
            entry.insert(name)
        QTest.keyClick(entry, Qt.Key.Key_Return)
        assert entry.text() == ""
    rows = window.groslijst.rows
    names = {row.text(NAME) for row in rows.values()}
    assert {"Oma Truus", "Buurman Henk", "Zoë"} <= names
    truus = person(window, "Oma Truus")
    assert truus.id in window.scene.bol_items  # also a bol in the netwerkintake
    assert rows[truus.id].text(UNPLACED) == "cirkel, ecogram"  # not placed there yet
    for _ in range(3):
        stack.undo()
    assert io.dumps(atlas) == before


def test_columns_edit_the_person_everywhere(window):
    atlas, stack = window.document.atlas, window.document.undo_stack
    fleur = person(window, "Fleur")
    row = window.groslijst.rows[fleur.id]
    row.setText(RELATION, "beste vriendin")
    assert atlas.node(fleur.id).relation == "beste vriendin"
    row = window.groslijst.rows[fleur.id]
    row.setText(NAME, "Fleur de Wit")
    assert window.scene.bol_items[fleur.id].label == "Fleur de Wit"
    stack.undo()
    stack.undo()
    assert atlas.node(fleur.id) == fleur


def test_filter_and_only_not_yet_placed(window):
    groslijst = window.groslijst
    QTest.keyClicks(groslijst.filter, "kim")
    shown = [r.text(NAME) for r in groslijst.rows.values() if not r.isHidden()]
    assert shown == ["Trainer Kim"]
    groslijst.filter.clear()
    groslijst.only_unplaced.setChecked(True)
    assert all(not r.isHidden() for r in groslijst.rows.values())  # nobody placed yet


def test_a_name_dragged_from_the_list_lands_in_the_cell_it_is_dropped_on(window):
    atlas, stack = window.document.atlas, window.document.undo_stack
    window.view_circle_action.trigger()
    view = window.circle_view
    kim = person(window, "Trainer Kim")
    row = window.groslijst.rows[kim.id]
    mime = window.groslijst.table.mimeData([row])
    target = cell_centre(window.circle_scene.drawing, "vrienden", "samenleving")
    drop_mime(view, mime, target)
    assert cells(atlas)[kim.id] == ("vrienden", "samenleving")
    assert kim.id in window.circle_scene.drawing.positions
    assert window.groslijst.rows[kim.id].text(UNPLACED) == "ecogram"
    stack.undo()
    assert kim.id not in cells(atlas)


def test_a_photo_is_chosen_from_a_file_kept_small_in_the_atlas_and_left_out_of_shared_exports(
    window, tmp_path, monkeypatch
):
    from PySide6.QtGui import QColor, QImage
    from PySide6.QtWidgets import QFileDialog

    from netwerkatlas.export.options import Privacy
    from netwerkatlas.export.privacy import redact

    atlas, stack = window.document.atlas, window.document.undo_stack
    picture = tmp_path / "fleur.png"
    image = QImage(800, 600, QImage.Format.Format_RGB32)
    image.fill(QColor("#2b6cb0"))
    assert image.save(str(picture))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(picture), ""))
    fleur = person(window, "Fleur")
    menu = window.groslijst.row_menu(window.groslijst.rows[fleur.id])
    next(a for a in menu.actions() if a.text().startswith("&Foto")).trigger()
    photo = atlas.node(fleur.id).photo
    assert photo and len(photo) < 20_000  # a thumbnail, not the 800 x 600 original
    assert not window.groslijst.rows[fleur.id].icon(NAME).isNull()
    saved = tmp_path / "met-foto.netwerkatlas"
    window.document.save(saved)
    assert io.load(saved)[0].node(fleur.id).photo == photo
    assert redact(atlas, Privacy(hide_names=True)).node(fleur.id).photo == ""
    stack.undo()
    assert atlas.node(fleur.id).photo == ""


def test_no_column_is_cut_off_at_the_default_width(window):
    """Each column is as wide as its header and its longest entry (the note has a tooltip)."""
    from PySide6.QtWidgets import QStyle

    from netwerkatlas.tools.groslijst.list_view import COLUMNS, NOTE

    window.groslijst_action.trigger()
    table = window.groslijst.table
    metrics = table.fontMetrics()
    padding = 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin)
    header_metrics = table.header().fontMetrics()
    for column in range(len(COLUMNS)):
        header_text = table.headerItem().text(column)
        need = header_metrics.horizontalAdvance(header_text) + padding
        assert table.columnWidth(column) >= need, f"header {header_text!r} is cut off"
        if column == NOTE:
            continue
        for row in window.groslijst.rows.values():
            text = row.text(column)
            icon = table.iconSize().width() + 4 if column == 0 and not row.icon(0).isNull() else 0
            width = metrics.horizontalAdvance(text) + padding + icon
            assert table.columnWidth(column) >= width, f"{text!r} is cut off"
    notes = [r for r in window.groslijst.rows.values() if r.text(NOTE)]
    assert notes and all(r.toolTip(NOTE) for r in notes)
