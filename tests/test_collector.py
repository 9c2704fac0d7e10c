"""The cycle collector is paused while an atlas is built into a window, and is back after."""

from __future__ import annotations

import gc

import pytest

from netwerkatlas import collector
from netwerkatlas.model import NODES
from netwerkatlas.resources import example_path


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_paused_holds_collections_off_inside_and_gives_them_back(collector_on):
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():  # an open inside an open: still off, and not turned on early
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_paused_gives_the_collector_back_after_an_error(collector_on):
    with pytest.raises(RuntimeError), collector.paused():
        raise RuntimeError("the file could not be read")
    assert gc.isenabled()


def test_paused_leaves_a_collector_that_was_off_off(collector_on):
    gc.disable()
    with collector.paused():
        pass
    assert not gc.isenabled()


def test_opening_an_atlas_builds_it_without_collections_and_turns_them_on_again(
    window, tmp_path, collector_on, monkeypatch
):
    seen: list[bool] = []
    original = type(window).set_document

    def watched(self, document, lock=None):
        seen.append(gc.isenabled())
        original(self, document, lock)

    monkeypatch.setattr(type(window), "set_document", watched)
    path = tmp_path / "genogram.netwerkatlas"
    path.write_bytes(example_path("genogram-familie-de-boer").read_bytes())
    assert window.open_path(path, ask=False)
    assert seen == [False]
    assert gc.isenabled()
    assert window.document.path == path
    assert "Wim" in {node.shown_label for node in window.document.atlas.items(NODES)}
