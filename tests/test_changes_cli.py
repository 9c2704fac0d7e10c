"""`netwerkatlas changes` and `export --session` on the bundled Sanne example (an intake and two
follow-ups): the report a user reads, the exit codes, encrypted files, and files never touched."""

from __future__ import annotations

import json
import shutil

import pytest

from netwerkatlas import io
from netwerkatlas.cli import main
from netwerkatlas.io import encryption
from netwerkatlas.io.encryption import KdfParams, Sealing
from netwerkatlas.model import Atlas, AtlasMeta, ClientNode
from netwerkatlas.resources import example_path
from netwerkatlas.tools.sessions.history import atlas_at, find_session
from pdf_tools import all_text

PASSPHRASE = "vervolg na drie maanden"


@pytest.fixture(autouse=True)
def quick_passphrases(monkeypatch):
    monkeypatch.setattr(
        encryption, "DEFAULT_PARAMS", KdfParams(memory_kib=8, iterations=1, lanes=1)
    )


@pytest.fixture
def sanne(tmp_path):
    path = tmp_path / "sanne.netwerkatlas"
    shutil.copy(example_path("netwerkintake-sanne"), path)
    return path


def test_the_report_of_the_first_follow_up_names_what_changed(sanne, capsys):
    before = sanne.read_bytes()
    code = main(["changes", str(sanne), "--from", "Netwerkintake", "--to", "2026-05-12"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("Veranderingen: Netwerkintake, 10-02-2026 → Vervolggesprek, 12-05-2026")
    for sentence in (
        "Social media is beter geworden: −− → −.",
        "Werk kinderopvang is slechter geworden: ++ → +.",
        "Nieuw: Verhuizing naar Utrecht (gebeurtenis).",
        "Niet meer in beeld: Sportschool (thema).",
        "Moeder: bekenden → vrienden.",
        "voor het eerst geëvalueerd: 3 van 5.",
    ):
        assert sentence in out
    assert all(len(line) <= 100 for line in out.splitlines())
    assert sanne.read_bytes() == before  # looking back never changes the file


def test_by_default_the_last_session_is_compared_with_now(sanne, capsys):
    assert main(["changes", str(sanne)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Veranderingen: Vervolggesprek, 12-05-2026 → nu")
    assert "Moeder is beter geworden: = → +." in out
    flat = " ".join(line.strip() for line in out.splitlines())  # sentences wrap at 100
    assert "is dichterbij gekomen: 2 → 4 van 5." in flat


def test_hide_names_applies_to_the_report(sanne, capsys):
    assert main(["changes", str(sanne), "--from", "Netwerkintake", "--hide-names"]) == 0
    out = capsys.readouterr().out
    assert "Kim" not in out and "Fleur" not in out and "Sanne" not in out
    assert "Moeder: bekenden → vrienden." in out and "Social media is beter geworden" in out


def test_an_unknown_session_says_which_sessions_there_are(sanne, capsys):
    code = main(["changes", str(sanne), "--from", "Vervolggesprek 7"])
    err = capsys.readouterr().err
    assert code == 1
    assert "Er is geen sessie „Vervolggesprek 7”" in err
    assert "Netwerkintake (2026-02-10), Vervolggesprek (2026-05-12)" in err
    code = main(
        ["export", str(sanne), "-o", str(sanne.with_suffix(".pdf")), "--session", "1999-01-01"]
    )
    assert code == 1 and "Er is geen sessie „1999-01-01”" in capsys.readouterr().err
    assert not sanne.with_suffix(".pdf").exists()


def test_a_pdf_report_needs_an_output_file(sanne, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["changes", str(sanne), "--format", "pdf"])
    assert caught.value.code == 2 and "-o" in capsys.readouterr().err


def test_the_report_as_an_a4_page_and_as_the_export_view(sanne, tmp_path, capsys):
    page = tmp_path / "verslag.pdf"
    assert main(["changes", str(sanne), "-o", str(page)]) == 0
    text = all_text(page.read_bytes())
    assert "Veranderingen" in text and "Moeder is beter geworden" in text
    exported = tmp_path / "export.pdf"
    assert main(["export", str(sanne), "--view", "changes", "-o", str(exported)]) == 0
    assert "Moeder is beter geworden" in all_text(exported.read_bytes())
    as_text = tmp_path / "export.txt"
    assert main(["export", str(sanne), "--view", "changes", "-o", str(as_text)]) == 0
    assert "Moeder is beter geworden: = → +." in as_text.read_text(encoding="utf-8")
    capsys.readouterr()


def test_export_at_a_session_draws_the_atlas_as_it_was(sanne, tmp_path, capsys):
    out = tmp_path / "toen.pdf"
    code = main(["export", str(sanne), "--session", "netwerkintake", "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    text = all_text(out.read_bytes())
    assert (
        "Sportschool" in text and "Verhuizing" not in text and "Netwerkintake, 10-02-2026" in text
    )
    now = tmp_path / "nu.pdf"
    assert main(["export", str(sanne), "--session", "nu", "-o", str(now)]) == 0
    text = all_text(now.read_bytes())
    assert "Sportschool" not in text and "Verhuizing" in text


def test_an_encrypted_atlas_is_read_with_the_passphrase_file(sanne, tmp_path, capsys):
    atlas, _ = io.load(sanne)
    sealed = tmp_path / "geheim.netwerkatlas"
    io.save(atlas, sealed, sealing=Sealing.create(PASSPHRASE))
    secret = tmp_path / "zin.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    code = main(["changes", str(sealed), "--passphrase-file", str(secret)])
    assert code == 0 and "Moeder is beter geworden" in capsys.readouterr().out
    wrong = tmp_path / "fout.txt"
    wrong.write_text("niet de zin\n", encoding="utf-8")
    assert main(["changes", str(sealed), "--passphrase-file", str(wrong)]) == 1
    assert capsys.readouterr().err


def test_a_file_without_sessions_is_one_session_with_nothing_changed(tmp_path, capsys):
    path = tmp_path / "oud.netwerkatlas"
    io.save(Atlas(ClientNode(label="Ali"), AtlasMeta(created="2025-09-01")), path)
    before = path.read_bytes()
    assert main(["changes", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Veranderingen: Intake, 01-09-2025 → nu") and "niets veranderd" in out
    assert path.read_bytes() == before
    assert "sessions" in json.loads(before) and json.loads(before)["sessions"] == []


def test_the_sanne_example_rebuilds_each_session_exactly():
    atlas, _ = io.load(example_path("netwerkintake-sanne"))
    intake = atlas_at(atlas, find_session(atlas, "Netwerkintake").id)
    labels = {n.shown_label for n in intake.nodes()}
    assert "Sportschool" in labels and "Verhuizing naar Utrecht" not in labels
    assert [s.label for s in intake.items("sessions")] == ["Netwerkintake"]
    assert not intake.items("evaluations")
