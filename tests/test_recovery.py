"""Recovery copies, Qt-free: what lands in the data folder, who is offered it, when it goes."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import subprocess
import sys
import textwrap

import pytest

from netwerkatlas import io
from netwerkatlas.document import Document
from netwerkatlas.io.recovery import (
    RecoveryStore,
    RecoveryWriter,
    Snapshot,
    recovery_folder,
    snapshot,
)
from netwerkatlas.model import NODES, ThemeNode
from netwerkatlas.resources import example_path

POSIX = os.name == "posix"


def example_document(tmp_path) -> Document:
    source = example_path("netwerkintake-sanne")
    path = tmp_path / source.name
    path.write_bytes(source.read_bytes())
    document, _ = Document.open(path)
    return document


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_the_folder_is_the_data_folder_of_the_tests(data_folder):
    assert recovery_folder() == data_folder / "recovery"


def test_a_copy_holds_the_edit_and_says_what_it_holds(tmp_path):
    document = example_document(tmp_path)
    document.atlas.add(NODES, ThemeNode(label="Muziek maken"))
    store = RecoveryStore()
    store.write(Snapshot(snapshot(document.atlas), document.path))
    other = RecoveryStore()
    (copy,) = other.copies()
    assert copy.original == document.path
    assert copy.name == document.path.name
    assert not copy.encrypted
    nodes = len(list(document.atlas.nodes())) - 1
    assert copy.summary().startswith(f"{nodes} bollen, ")
    atlas, _ = copy.load()
    assert "Muziek maken" in [n.label for n in atlas.nodes()]
    assert io.dumps(atlas) == io.dumps(document.atlas)


def test_the_description_holds_no_client_data_but_the_file_name(tmp_path):
    document = example_document(tmp_path)
    store = RecoveryStore()
    store.write(Snapshot(snapshot(document.atlas), document.path))
    text = store.meta_path.read_text(encoding="utf-8")
    for node in document.atlas.nodes():
        if node.label:
            assert node.label not in text


@pytest.mark.skipif(not POSIX, reason="POSIX file modes")
def test_folder_and_files_are_for_the_owner_only(tmp_path):
    document = example_document(tmp_path)
    store = RecoveryStore()
    store.write(Snapshot(snapshot(document.atlas), None))
    assert stat.S_IMODE(store.folder.stat().st_mode) == 0o700
    for path in store.folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_untitled_atlases_are_covered_and_named_naamloos(tmp_path):
    document = Document.new()
    document.atlas.add(NODES, ThemeNode(label="Slapen"))
    RecoveryStore().write(Snapshot(snapshot(document.atlas), None))
    (copy,) = RecoveryStore().copies()
    assert copy.original is None
    assert copy.name == "Naamloos"
    assert copy.summary() == "1 bol"


def test_a_copy_of_a_running_program_is_not_offered_a_dead_ones_is(tmp_path):
    document = example_document(tmp_path)
    mine = RecoveryStore()
    mine.write(Snapshot(snapshot(document.atlas), document.path))
    other_window = RecoveryStore()
    assert other_window.left_behind() == []  # this process runs: not left by a crash
    meta = json.loads(mine.meta_path.read_text())
    meta["pid"], meta["started"] = dead_pid(), None
    mine.meta_path.write_text(json.dumps(meta))
    assert [c.session for c in other_window.left_behind()] == [mine.session]


def test_a_reused_pid_does_not_keep_a_copy_hidden(tmp_path):
    store = RecoveryStore()
    store.write(Snapshot(snapshot(example_document(tmp_path).atlas), None))
    meta = json.loads(store.meta_path.read_text())
    if meta["started"] is None:
        pytest.skip("process start times are not known on this system")
    meta["started"] -= 1  # same pid, but not the process that wrote it
    store.meta_path.write_text(json.dumps(meta))
    assert len(RecoveryStore().left_behind()) == 1


def test_copies_are_offered_newest_first(tmp_path):
    document = example_document(tmp_path)
    old = dt.datetime(2026, 1, 5, 10, 0, tzinfo=dt.UTC)
    for hours in (0, 2, 1):
        store = RecoveryStore()
        changed = old + dt.timedelta(hours=hours)
        store.write(Snapshot(snapshot(document.atlas), None, changed=changed))
    times = [c.changed for c in RecoveryStore().copies()]
    assert times == sorted(times, reverse=True)


def test_removing_and_thirty_day_cleanup(tmp_path):
    document = example_document(tmp_path)
    now = dt.datetime.now(dt.UTC)
    fresh, old = RecoveryStore(), RecoveryStore()
    fresh.write(Snapshot(snapshot(document.atlas), None, changed=now - dt.timedelta(days=29)))
    old.write(Snapshot(snapshot(document.atlas), None, changed=now - dt.timedelta(days=31)))
    assert RecoveryStore().clean_up() == 0  # both written by this running program
    for store in (fresh, old):
        meta = json.loads(store.meta_path.read_text())
        meta["pid"] = dead_pid()
        store.meta_path.write_text(json.dumps(meta))
    assert RecoveryStore().clean_up() == 1
    assert [c.session for c in RecoveryStore().copies()] == [fresh.session]
    fresh.remove()
    assert list(fresh.folder.iterdir()) == []


def test_half_a_copy_and_leftover_temp_files_are_cleaned_up_when_old(tmp_path):
    store = RecoveryStore()
    store.write(Snapshot(snapshot(example_document(tmp_path).atlas), None))
    store.meta_path.unlink()  # killed between the two writes
    leftover = store.folder / ".abc.netwerkatlas.x1.tmp"
    leftover.write_bytes(b"{}")
    assert RecoveryStore().clean_up() == 0  # young: maybe a write under way
    past = dt.datetime.now(dt.UTC).timestamp() - 2 * 3600
    for path in (store.data_path, leftover):
        os.utime(path, (past, past))
    assert RecoveryStore().clean_up() == 2
    assert list(store.folder.iterdir()) == []


def test_damaged_descriptions_are_skipped(tmp_path):
    store = RecoveryStore()
    store.write(Snapshot(snapshot(example_document(tmp_path).atlas), None))
    store.meta_path.write_text("{ niet af")
    assert RecoveryStore().copies() == []


def test_the_writer_writes_the_last_snapshot_and_remove_is_final(tmp_path):
    document = example_document(tmp_path)
    errors: list[Exception] = []
    writer = RecoveryWriter(RecoveryStore(), on_error=errors.append)
    for label in ("een", "twee", "drie"):
        document.atlas.add(NODES, ThemeNode(label=label))
        writer.submit(Snapshot(snapshot(document.atlas), document.path))
    assert writer.wait_idle()
    (copy,) = RecoveryStore().copies()
    atlas, _ = copy.load()
    assert {"een", "twee", "drie"} <= {n.label for n in atlas.nodes()}
    writer.submit(Snapshot(snapshot(document.atlas), document.path))
    writer.remove()
    assert writer.wait_idle()
    assert RecoveryStore().copies() == []
    writer.close()
    assert errors == []


def test_a_failing_write_is_reported_not_raised(tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    errors: list[Exception] = []
    writer = RecoveryWriter(RecoveryStore(folder=blocked / "recovery"), on_error=errors.append)
    writer.submit(Snapshot(snapshot(Document.new().atlas), None))
    assert writer.wait_idle()
    writer.close(remove=False)
    assert len(errors) == 1 and isinstance(errors[0], io.AtlasFileError)
    assert str(blocked) in errors[0].render()


def test_an_encrypted_atlas_leaves_no_label_in_plaintext(tmp_path, data_folder):
    document = example_document(tmp_path)
    sealing = io.Sealing.create("lange wachtwoordzin voor de test")
    RecoveryStore().write(Snapshot(snapshot(document.atlas), document.path, sealing))
    (copy,) = RecoveryStore().copies()
    assert copy.encrypted
    everything = b"".join(p.read_bytes() for p in (data_folder / "recovery").iterdir())
    labels = {n.label for n in document.atlas.nodes() if len(n.label) >= 4}
    assert labels
    for label in labels:
        assert label.encode("utf-8") not in everything, label
    with pytest.raises(io.PassphraseNeeded):
        copy.load()
    atlas, report = copy.load("lange wachtwoordzin voor de test")
    assert io.dumps(atlas) == io.dumps(document.atlas)
    assert report.sealing is not None


def test_a_killed_session_leaves_its_copy_for_the_next_start(tmp_path, data_folder):
    """A child process opens an example, edits, autosaves, and is killed without cleaning up."""
    document = example_document(tmp_path)
    script = textwrap.dedent(
        f"""
        import os
        from netwerkatlas.commands.edits import AddItem
        from netwerkatlas.document import Document
        from netwerkatlas.io.recovery import RecoveryStore, RecoveryWriter, Snapshot, snapshot
        from netwerkatlas.model import NODES, ThemeNode
        document, _ = Document.open({str(document.path)!r})
        document.push(AddItem(NODES, ThemeNode(label="Na de crash terug")))
        writer = RecoveryWriter(RecoveryStore())
        writer.submit(Snapshot(snapshot(document.atlas), document.path))
        writer.wait_idle()
        os._exit(9)
        """
    )
    env = dict(os.environ, NETWERKATLAS_DATA_DIR=str(data_folder))
    done = subprocess.run([sys.executable, "-c", script], env=env, timeout=120)
    assert done.returncode == 9
    (copy,) = RecoveryStore().left_behind()
    atlas, _ = copy.load()
    assert "Na de crash terug" in [n.label for n in atlas.nodes()]
    assert copy.original == document.path
    assert document.path.read_bytes() == example_path("netwerkintake-sanne").read_bytes()
