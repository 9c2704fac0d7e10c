"""Encryption at rest: what an encrypted atlas file holds, and what opening it refuses."""

from __future__ import annotations

import json
import os
import struct
import unicodedata

import pytest

from netwerkatlas import io
from netwerkatlas.document import Document
from netwerkatlas.io import encryption
from netwerkatlas.io.encryption import KdfParams, Sealing
from netwerkatlas.resources import example_path, examples

PASSPHRASE = "correct paard batterij nietje"
CHEAP = KdfParams(memory_kib=8, iterations=1, lanes=1)
# Every way opening an encrypted file can be refused; each has its own message and hint.
REFUSALS = {
    "wrong_passphrase",
    "encrypted_damaged",
    "encrypted_damaged_start",
    "encrypted_truncated",
    "encrypted_version",
}


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch):
    """Argon2id at its lowest cost, so hundreds of opens stay fast; one test uses the real one."""
    monkeypatch.setattr(encryption, "DEFAULT_PARAMS", CHEAP)


def sealed_copy(source, tmp_path, name="geheim.netwerkatlas"):
    atlas, _ = io.load(source)
    path = tmp_path / name
    io.save(atlas, path, sealing=Sealing.create(PASSPHRASE))
    return atlas, path


def strings_in(value):
    """Every text in a parsed atlas file: labels, names, notes, goals, ids, field names."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def refused(path, passphrase=PASSPHRASE):
    """The error opening `path` gives; the test fails on any other exception."""
    with pytest.raises(io.AtlasFileError) as caught:
        io.load(path, passphrase)
    return caught.value


def test_an_encrypted_atlas_opens_to_the_same_canonical_bytes(tmp_path):
    atlas, path = sealed_copy(example_path(), tmp_path)
    data = path.read_bytes()
    assert io.is_encrypted(data)
    plaintext, _sealing = Sealing.open(data, PASSPHRASE, path)
    assert plaintext == io.dumps(atlas)
    reopened, report = io.load(path, PASSPHRASE)
    assert io.dumps(reopened) == io.dumps(atlas)
    assert report.sealing is not None and report.notices == []


@pytest.mark.parametrize("example", examples(), ids=lambda p: p.stem)
def test_no_label_name_or_note_can_be_read_in_the_encrypted_bytes(tmp_path, example):
    _atlas, path = sealed_copy(example, tmp_path)
    data = path.read_bytes()
    # Shorter strings than these could turn up in random bytes by chance.
    texts = {s for s in strings_in(json.loads(example.read_text("utf-8"))) if len(s) >= 3}
    assert len(texts) > 30  # the example is full of names and notes, or this proves nothing
    for text in sorted(texts):
        for form in {text, text.lower(), unicodedata.normalize("NFD", text)}:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                encoded = form.encode(encoding, "surrogatepass")
                if len(encoded) >= 5:
                    assert encoded not in data, (text, encoding)
    assert b"format_version" not in data


def test_without_a_passphrase_the_file_asks_for_one(tmp_path):
    _atlas, path = sealed_copy(example_path(), tmp_path)
    with pytest.raises(io.PassphraseNeeded) as caught:
        io.load(path)
    message = caught.value.render()
    assert path.name in message and "versleuteld" in message and "--passphrase-file" in message


def test_a_wrong_passphrase_is_refused_with_a_message_that_names_both_causes(tmp_path):
    _atlas, path = sealed_copy(example_path(), tmp_path)
    before = path.read_bytes()
    with pytest.raises(io.WrongPassphrase) as caught:
        io.load(path, PASSPHRASE.upper())
    message = caught.value.render()
    assert path.name in message
    assert "wachtwoordzin klopt niet" in message and "beschadigd" in message
    assert ".bak" in message
    assert path.read_bytes() == before


def test_one_flipped_bit_anywhere_is_refused_with_a_clear_message(tmp_path):
    """Every bit of the header, and one bit of every byte after it: nothing opens, nothing
    raises anything but the project's error, the damaged file stays as it is."""
    atlas = Document.new().atlas
    source = tmp_path / "klein.netwerkatlas"
    io.save(atlas, source, sealing=Sealing.create(PASSPHRASE))
    original = source.read_bytes()
    header_length = len(encryption.parse_envelope(original, source).header)
    assert len(original) < 2000
    damaged = tmp_path / "beschadigd.netwerkatlas"
    flips = [(i, bit) for i in range(header_length) for bit in range(8)]
    flips += [(i, i % 8) for i in range(header_length, len(original))]
    seen = set()
    for position, bit in flips:
        data = bytearray(original)
        data[position] ^= 1 << bit
        damaged.write_bytes(bytes(data))
        error = refused(damaged)
        keys = {p.key for p in error.problems}
        assert keys <= REFUSALS and keys, (position, bit, keys)
        assert damaged.name in error.render()
        assert damaged.read_bytes() == bytes(data)
        seen |= keys
    assert {"wrong_passphrase", "encrypted_damaged", "encrypted_damaged_start"} <= seen
    assert source.read_bytes() == original


def test_a_cut_off_encrypted_file_is_refused_at_every_length(tmp_path):
    _atlas, source = sealed_copy(example_path(), tmp_path)
    original = source.read_bytes()
    header_length = len(encryption.parse_envelope(original, source).header)
    cut = tmp_path / "afgebroken.netwerkatlas"
    for length in [*range(len(encryption.MAGIC), header_length + 20), len(original) - 1]:
        cut.write_bytes(original[:length])
        keys = {p.key for p in refused(cut).problems}
        assert keys <= {"encrypted_truncated", "wrong_passphrase"}, (length, keys)


def craft(memory_kib=8, iterations=1, lanes=1, *, version=1, salt=b"s" * 16, kdf=b"argon2id"):
    header = (
        encryption.MAGIC
        + bytes([version, len(kdf)])
        + kdf
        + struct.pack(">IIB", memory_kib, iterations, lanes)
        + bytes([len(salt)])
        + salt
        + bytes([11])
        + b"aes-256-gcm"
        + bytes([12])
        + b"n" * 12
    )
    return header + b"c" * 64


@pytest.mark.parametrize(
    ("fields", "part"),
    [
        ({"memory_kib": 4 * 1024 * 1024}, "argon2id.memory_kib"),
        ({"memory_kib": 0xFFFFFFFF}, "argon2id.memory_kib"),
        ({"iterations": 0xFFFFFFFF}, "argon2id.iterations"),
        ({"iterations": 0}, "argon2id.iterations"),
        ({"lanes": 255}, "argon2id.lanes"),
        ({"lanes": 4, "memory_kib": 8}, "argon2id.memory_kib"),
        ({"salt": b""}, "salt_length"),
        ({"kdf": b"scrypt\x00\x01"}, "kdf"),
    ],
)
def test_a_crafted_header_cannot_make_opening_eat_the_machine(tmp_path, monkeypatch, fields, part):
    def no_derivation(*args):
        raise AssertionError("the key must not be derived with these parameters")

    monkeypatch.setattr(encryption, "derive_key", no_derivation)
    path = tmp_path / "gemaakt.netwerkatlas"
    path.write_bytes(craft(**fields))
    error = refused(path)
    assert [p.key for p in error.problems] == ["encrypted_damaged"]
    assert error.problems[0].values["part"] == part
    assert "\x00" not in error.render()


def test_a_newer_envelope_version_says_so(tmp_path):
    path = tmp_path / "nieuw.netwerkatlas"
    path.write_bytes(craft(version=2))
    message = refused(path).render()
    assert "versie 2 van de versleuteling" in message and "Werk Netwerkatlas bij" in message


def test_the_header_is_laid_out_as_documented(tmp_path):
    sealing = Sealing.create(PASSPHRASE)
    data = sealing.seal(b"{}")
    assert data[:8] == b"\x89NWA-ENC"
    assert data[8] == 1 and data[9] == 8 and data[10:18] == b"argon2id"
    assert struct.unpack(">IIB", data[18:27]) == (8, 1, 1)
    assert data[27] == 16 and data[28:44] == sealing.salt
    assert data[44] == 11 and data[45:56] == b"aes-256-gcm"
    assert data[56] == 12
    assert len(data) == 69 + 2 + 16  # header, plaintext, tag


def test_the_real_defaults_are_argon2id_64_mib_3_passes_4_lanes(tmp_path, monkeypatch):
    monkeypatch.undo()
    assert KdfParams() == encryption.DEFAULT_PARAMS
    _atlas, path = sealed_copy(example_path(), tmp_path)
    envelope = encryption.parse_envelope(path.read_bytes(), path)
    assert envelope.params == KdfParams(memory_kib=65536, iterations=3, lanes=4)
    assert len(envelope.salt) == 16 and len(envelope.nonce) == 12
    reopened, report = io.load(path, PASSPHRASE)
    assert report.sealing.params == envelope.params and len(reopened) > 5


def test_every_save_draws_a_new_nonce_and_keeps_the_salt(tmp_path):
    _atlas, path = sealed_copy(example_path(), tmp_path)
    document, _ = Document.open(path, PASSPHRASE)
    first = path.read_bytes()
    document.save()
    second = path.read_bytes()
    assert first != second
    one, two = (encryption.parse_envelope(d, path) for d in (first, second))
    assert one.salt == two.salt and one.nonce != two.nonce
    assert io.load(path, PASSPHRASE)[0] is not None


def test_the_same_passphrase_typed_in_another_unicode_form_opens_the_file(tmp_path):
    composed = "Zoë’s geheim"
    path = tmp_path / "zoe.netwerkatlas"
    io.save(Document.new().atlas, path, sealing=Sealing.create(composed))
    io.load(path, unicodedata.normalize("NFD", composed))


def test_the_sealing_never_shows_its_key_and_holds_no_passphrase():
    sealing = Sealing.create(PASSPHRASE)
    assert sealing.key.hex() not in repr(sealing) and PASSPHRASE not in repr(sealing)
    assert PASSPHRASE.encode() not in b"".join(
        v if isinstance(v, bytes) else repr(v).encode() for v in vars(sealing).values()
    )
    with pytest.raises(ValueError):
        Sealing.create("")


def test_the_backup_of_an_encrypted_atlas_is_encrypted_too(tmp_path):
    atlas, _ = io.load(example_path())
    path = tmp_path / "sanne.netwerkatlas"
    io.save(atlas, path)
    io.save(atlas, path)  # a readable .bak next to a readable file
    plain = path.read_bytes()
    sealing = Sealing.create(PASSPHRASE)
    io.save(atlas, path, sealing=sealing)
    backup = io.backup_path(path).read_bytes()
    assert io.is_encrypted(path.read_bytes()) and io.is_encrypted(backup)
    assert Sealing.open(backup, PASSPHRASE, path)[0] == plain  # the previous version, sealed
    assert os.stat(io.backup_path(path)).st_mode & 0o777 == 0o600
    io.save(atlas, path, sealing=sealing)
    assert io.is_encrypted(io.backup_path(path).read_bytes())
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_a_document_stays_encrypted_until_the_encryption_is_lifted(tmp_path):
    _atlas, path = sealed_copy(example_path(), tmp_path)
    document, report = Document.open(path, PASSPHRASE)
    assert document.sealing is report.sealing and document.is_encrypted
    document.save()
    assert io.is_encrypted(path.read_bytes())
    document.set_sealing(None)
    document.save()
    assert not io.is_encrypted(path.read_bytes())
    assert io.is_encrypted(io.backup_path(path).read_bytes())
    assert Document.open(path)[0].sealing is None


def test_a_changed_passphrase_opens_and_the_old_one_no_longer_does(tmp_path):
    _atlas, path = sealed_copy(example_path(), tmp_path)
    document, _ = Document.open(path, PASSPHRASE)
    document.set_sealing(Sealing.create("een heel andere zin"))
    document.save()
    io.load(path, "een heel andere zin")
    with pytest.raises(io.WrongPassphrase):
        io.load(path, PASSPHRASE)
