"""Encrypted atlases on the command line: validate, export, encrypt and decrypt."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from netwerkatlas import cli, io, passphrase
from netwerkatlas.io import encryption
from netwerkatlas.io.encryption import KdfParams, Sealing
from netwerkatlas.resources import example_path

PASSPHRASE = "zes woorden is beter dan één"
CHEAP = KdfParams(memory_kib=8, iterations=1, lanes=1)


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch):
    monkeypatch.setattr(encryption, "DEFAULT_PARAMS", CHEAP)


@pytest.fixture
def no_terminal(monkeypatch):
    monkeypatch.setattr(passphrase, "_is_terminal", lambda: False)


@pytest.fixture
def plain(tmp_path):
    path = tmp_path / "map" / "sanne.netwerkatlas"
    path.parent.mkdir(exist_ok=True)
    shutil.copy(example_path(), path)
    return path


@pytest.fixture
def sealed(tmp_path):
    atlas, _ = io.load(example_path())
    path = tmp_path / "map" / "geheim.netwerkatlas"
    path.parent.mkdir(exist_ok=True)
    io.save(atlas, path, sealing=Sealing.create(PASSPHRASE))
    return path


def passphrase_file(tmp_path, text=PASSPHRASE, name="zin.txt", ending="\n"):
    """A passphrase file in a folder of its own, away from the atlas being watched."""
    path = tmp_path / "zinnen" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes((text + ending + "tweede regel telt niet\n").encode("utf-8"))
    return path


def snapshot(path):
    """What a user would notice changing: the bytes, the time stamp, the backup, the folder."""
    info = path.stat()
    return path.read_bytes(), info.st_mtime_ns, sorted(p.name for p in path.parent.iterdir())


def run(capsys, *args):
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_reads_an_encrypted_file_with_a_passphrase_file(tmp_path, sealed, capsys):
    code, out, _err = run(
        capsys, "validate", sealed, "--passphrase-file", passphrase_file(tmp_path)
    )
    assert code == 0 and "in orde" in out and "bollen" in out


def test_validate_without_a_passphrase_and_no_terminal_says_what_to_give(
    sealed, capsys, no_terminal
):
    code, out, _err = run(capsys, "validate", sealed)
    assert code == 1
    assert "versleuteld" in out and "--passphrase-file" in out and "Traceback" not in out


def test_windows_line_ends_and_a_byte_order_mark_in_the_passphrase_file_are_not_part_of_it(
    tmp_path, sealed, capsys
):
    file = tmp_path / "windows.txt"
    file.write_bytes(b"\xef\xbb\xbf" + PASSPHRASE.encode() + b"\r\n")
    assert run(capsys, "validate", sealed, "--passphrase-file", file)[0] == 0


def test_a_wrong_passphrase_exits_1_with_a_message_and_changes_nothing(tmp_path, sealed, capsys):
    before = snapshot(sealed)
    wrong = passphrase_file(tmp_path, "verkeerd")
    for command in (
        ["validate", sealed],
        ["export", sealed, "-o", tmp_path / "poster.pdf"],
        ["decrypt", sealed],
        ["encrypt", sealed],
    ):
        code, out, err = run(capsys, *command, "--passphrase-file", wrong)
        assert code == 1, command
        assert ("wachtwoordzin klopt niet" in out + err) or ("al versleuteld" in err), command
        assert "Traceback" not in out + err
        assert snapshot(sealed) == before, command
    assert not (tmp_path / "poster.pdf").exists()


def test_a_missing_or_empty_passphrase_file_is_said_plainly(tmp_path, sealed, capsys):
    before = snapshot(sealed)
    code, _out, err = run(capsys, "decrypt", sealed, "--passphrase-file", tmp_path / "nee.txt")
    assert code == 1 and "nee.txt" in err and "niets veranderd" in err
    empty = passphrase_file(tmp_path, "", name="leeg.txt")
    code, _out, err = run(capsys, "validate", sealed, "--passphrase-file", empty)
    assert code == 1 and "eerste regel" in err
    assert snapshot(sealed) == before


def test_export_reads_an_encrypted_atlas(tmp_path, sealed, capsys):
    out_file = tmp_path / "epd.txt"
    code, out, _err = run(
        capsys, "export", sealed, "-o", out_file, "--passphrase-file", passphrase_file(tmp_path)
    )
    assert code == 0 and "Geëxporteerd" in out
    assert "Sanne" in out_file.read_text("utf-8")


def test_encrypt_and_decrypt_in_place_keep_the_backup_rule(tmp_path, plain, capsys):
    original = plain.read_bytes()
    canonical = io.dumps(io.load(plain)[0])
    file = passphrase_file(tmp_path)
    code, out, _err = run(capsys, "encrypt", plain, "--passphrase-file", file)
    assert code == 0 and "Versleuteld" in out and "Bewaar de wachtwoordzin" in out
    data = plain.read_bytes()
    assert io.is_encrypted(data) and b"Sanne" not in data
    assert Sealing.open(data, PASSPHRASE, plain)[0] == canonical
    backup = io.backup_path(plain).read_bytes()
    assert io.is_encrypted(backup) and Sealing.open(backup, PASSPHRASE, plain)[0] == original
    assert plain.stat().st_mode & 0o777 == 0o600

    code, out, _err = run(capsys, "decrypt", plain, "--passphrase-file", file)
    assert code == 0 and "opgeheven" in out
    assert plain.read_bytes() == canonical
    assert io.is_encrypted(io.backup_path(plain).read_bytes())
    assert sorted(p.name for p in plain.parent.iterdir()) == [
        "sanne.netwerkatlas",
        "sanne.netwerkatlas.bak",
    ]


def test_encrypt_twice_or_decrypt_a_plain_file_changes_nothing(tmp_path, plain, sealed, capsys):
    file = passphrase_file(tmp_path)
    for command, path, words in (("encrypt", sealed, "al versleuteld"), ("decrypt", plain, "niet")):
        before = snapshot(path)
        code, _out, err = run(capsys, command, path, "--passphrase-file", file)
        assert code == 1 and words in err and "niets veranderd" in err
        assert snapshot(path) == before


def test_on_a_terminal_the_passphrase_is_asked_and_a_wrong_one_may_be_retried(
    tmp_path, sealed, capsys, monkeypatch
):
    answers = iter(["fout", "ook fout", PASSPHRASE])
    prompts = []

    def fake_getpass(prompt):
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr(passphrase, "_is_terminal", lambda: True)
    monkeypatch.setattr(passphrase.getpass, "getpass", fake_getpass)
    code, out, err = run(capsys, "validate", sealed)
    assert code == 0 and "in orde" in out
    assert len(prompts) == 3 and sealed.name in prompts[0]
    assert err.count("klopt niet") == 2
    assert PASSPHRASE not in out + err


def test_encrypt_on_a_terminal_asks_twice_and_refuses_two_different_answers(
    plain, capsys, monkeypatch
):
    before = snapshot(plain)
    answers = iter(["een zin", "een andere zin"])
    monkeypatch.setattr(passphrase, "_is_terminal", lambda: True)
    monkeypatch.setattr(passphrase.getpass, "getpass", lambda _prompt: next(answers))
    code, _out, err = run(capsys, "encrypt", plain)
    assert code == 1 and "niet gelijk" in err
    assert snapshot(plain) == before


def test_encrypt_without_a_passphrase_file_or_terminal_changes_nothing(plain, capsys, no_terminal):
    before = snapshot(plain)
    code, _out, err = run(capsys, "encrypt", plain)
    assert code == 1 and "--passphrase-file" in err
    assert snapshot(plain) == before


def test_the_real_command_with_the_real_key_derivation(tmp_path, plain):
    """Once as a user types it: a separate process, the default Argon2id cost, English too."""
    file = passphrase_file(tmp_path)

    def netwerkatlas(*args):
        return subprocess.run(
            [sys.executable, "-m", "netwerkatlas", *map(str, args)],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "NETWERKATLAS_LANG": "nl"},
        )

    assert netwerkatlas("encrypt", plain, "--passphrase-file", file).returncode == 0
    params = encryption.parse_envelope(plain.read_bytes(), plain).params
    assert params == KdfParams(memory_kib=65536, iterations=3, lanes=4)
    result = netwerkatlas("validate", "--lang", "en", plain)
    assert result.returncode == 1 and "passphrase" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    result = netwerkatlas("validate", plain, "--passphrase-file", file)
    assert result.returncode == 0 and "in orde" in result.stdout
    assert PASSPHRASE not in result.stdout + result.stderr
    assert netwerkatlas("decrypt", plain, "--passphrase-file", file).returncode == 0
    assert not io.is_encrypted(plain.read_bytes())
