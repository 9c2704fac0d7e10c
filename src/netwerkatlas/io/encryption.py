"""Opt-in encryption at rest: an atlas file sealed with a passphrase.

The passphrase is stretched into a 256-bit key with Argon2id (memory-hard, so guessing
passphrases on stolen files is slow), and the canonical bytes of the atlas are sealed with
AES-256-GCM. The file starts with a small binary header (magic, envelope version, the KDF and its
parameters, the salt, the cipher and the nonce); the whole header is the AEAD's associated data,
so changing any bit of the file, header or ciphertext, makes opening fail. The layout is
described byte by byte in docs/file-format.md.

A `Sealing` keeps the derived key (never the passphrase), so a document that was opened with a
passphrase can be saved again without asking for it; each save draws a fresh nonce.
"""

from __future__ import annotations

import os
import struct
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from netwerkatlas.io.errors import AtlasFileError, Problem

# cryptography is imported where a file is sealed or opened: most atlases are not encrypted,
# and the program starts without it.

MAGIC = b"\x89NWA-ENC"
ENVELOPE_VERSION = 1
KDF_NAME = b"argon2id"
CIPHER_NAME = b"aes-256-gcm"
KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
TAG_BYTES = 16

# What a header may ask for: a crafted or damaged file must not make opening use gigabytes of
# memory or minutes of work. The defaults are well inside; files made by Netwerkatlas never
# go beyond these.
MAX_MEMORY_KIB = 256 * 1024
MAX_ITERATIONS = 10
MAX_LANES = 8
MIN_SALT_BYTES = 16
MAX_SALT_BYTES = 64


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: memory in KiB, passes over it, and parallel lanes."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def out_of_bounds(self) -> str | None:
        """The name of the first parameter outside what a reader accepts, if any."""
        checks = (
            ("lanes", 1 <= self.lanes <= MAX_LANES),
            ("memory_kib", 8 * self.lanes <= self.memory_kib <= MAX_MEMORY_KIB),
            ("iterations", 1 <= self.iterations <= MAX_ITERATIONS),
        )
        return next((name for name, ok in checks if not ok), None)


# Interactive defaults (about 0.2-0.5 s on a laptop). Read at call time, so tests can lower it.
DEFAULT_PARAMS = KdfParams()


class PassphraseNeeded(AtlasFileError):
    """The file is encrypted and no passphrase was given."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(path, [Problem("passphrase_needed")])


class WrongPassphrase(AtlasFileError):
    """The passphrase does not open the file, or the file was changed: AEAD cannot tell which."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(path, [Problem("wrong_passphrase")])


def is_encrypted(data: bytes) -> bool:
    """True when `data` starts like an encrypted atlas."""
    return data.startswith(MAGIC)


def looks_like_damaged_envelope(data: bytes) -> bool:
    """True when the first bytes are the magic with a few bits changed: an encrypted atlas
    whose very start was damaged, which deserves that message rather than "not text"."""
    if len(data) < len(MAGIC) or is_encrypted(data):
        return False
    flipped = sum((a ^ b).bit_count() for a, b in zip(data, MAGIC, strict=False))
    return flipped <= 3


def _key_bytes(passphrase: str) -> bytes:
    """The passphrase as bytes: NFC first, so "ë" typed as one or as two code points agree."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8", "surrogatepass")


def derive_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(_key_bytes(passphrase))


def _header(params: KdfParams, salt: bytes, nonce: bytes) -> bytes:
    return b"".join(
        [
            MAGIC,
            bytes([ENVELOPE_VERSION, len(KDF_NAME)]),
            KDF_NAME,
            struct.pack(">IIB", params.memory_kib, params.iterations, params.lanes),
            bytes([len(salt)]),
            salt,
            bytes([len(CIPHER_NAME)]),
            CIPHER_NAME,
            bytes([len(nonce)]),
            nonce,
        ]
    )


@dataclass(frozen=True)
class Envelope:
    """A parsed header and what follows it."""

    header: bytes
    params: KdfParams
    salt: bytes
    nonce: bytes
    ciphertext: bytes


def _shown(name: bytes) -> str:
    """A name from a header, safe to print: at most 16 bytes, control bytes escaped."""
    return repr(name[:16])[2:-1]


class _Reader:
    """Reads the header field by field; running out of bytes is a truncated file."""

    def __init__(self, path: Path, data: bytes) -> None:
        self.path = path
        self.data = data
        self.offset = 0

    def take(self, count: int) -> bytes:
        if self.offset + count > len(self.data):
            raise AtlasFileError(self.path, [Problem("encrypted_truncated")])
        chunk = self.data[self.offset : self.offset + count]
        self.offset += count
        return chunk

    def byte(self) -> int:
        return self.take(1)[0]

    def damaged(self, part: str, value: object) -> AtlasFileError:
        values = {"part": part, "value": value, "offset": self.offset}
        return AtlasFileError(self.path, [Problem("encrypted_damaged", values=values)])


def parse_envelope(data: bytes, path: Path) -> Envelope:
    """Split an encrypted file into header fields and ciphertext, refusing anything a file
    made by Netwerkatlas cannot hold. Raises AtlasFileError; never another exception."""
    if not is_encrypted(data):
        raise AtlasFileError(path, [Problem("encrypted_damaged_start")])
    reader = _Reader(path, data)
    reader.take(len(MAGIC))
    version = reader.byte()
    if version != ENVELOPE_VERSION:
        values = {"version": version, "supported": ENVELOPE_VERSION}
        raise AtlasFileError(path, [Problem("encrypted_version", values=values)])
    kdf = reader.take(reader.byte())
    if kdf != KDF_NAME:
        raise reader.damaged("kdf", _shown(kdf))
    memory_kib, iterations, lanes = struct.unpack(">IIB", reader.take(9))
    params = KdfParams(memory_kib=memory_kib, iterations=iterations, lanes=lanes)
    bad = params.out_of_bounds()
    if bad is not None:
        raise reader.damaged(f"argon2id.{bad}", getattr(params, bad))
    salt_length = reader.byte()
    if not MIN_SALT_BYTES <= salt_length <= MAX_SALT_BYTES:
        raise reader.damaged("salt_length", salt_length)
    salt = reader.take(salt_length)
    cipher = reader.take(reader.byte())
    if cipher != CIPHER_NAME:
        raise reader.damaged("cipher", _shown(cipher))
    nonce_length = reader.byte()
    if nonce_length != NONCE_BYTES:
        raise reader.damaged("nonce_length", nonce_length)
    nonce = reader.take(nonce_length)
    header = data[: reader.offset]
    ciphertext = data[reader.offset :]
    if len(ciphertext) < TAG_BYTES:
        raise AtlasFileError(path, [Problem("encrypted_truncated")])
    return Envelope(header, params, salt, nonce, ciphertext)


@dataclass(frozen=True)
class Sealing:
    """What it takes to write an encrypted atlas again: KDF parameters, salt and derived key.

    Never holds the passphrase. `repr` leaves the key out, so it cannot reach a log by accident.
    """

    params: KdfParams
    salt: bytes
    key: bytes = field(repr=False)

    @classmethod
    def create(cls, passphrase: str, params: KdfParams | None = None) -> Sealing:
        """A new sealing for `passphrase`: fresh salt, key derived (slow by design)."""
        if not passphrase:
            raise ValueError("an empty passphrase cannot seal a file")
        params = params or DEFAULT_PARAMS
        salt = os.urandom(SALT_BYTES)
        return cls(params, salt, derive_key(passphrase, salt, params))

    def seal(self, plaintext: bytes) -> bytes:
        """The encrypted file for `plaintext`, with a fresh random nonce."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = os.urandom(NONCE_BYTES)
        header = _header(self.params, self.salt, nonce)
        return header + AESGCM(self.key).encrypt(nonce, plaintext, header)

    @classmethod
    def open(cls, data: bytes, passphrase: str, path: Path) -> tuple[bytes, Sealing]:
        """Decrypt `data` (the file at `path`); returns the plaintext and the sealing to save
        it again. Raises `WrongPassphrase` or another `AtlasFileError`."""
        path = Path(path)
        envelope = parse_envelope(data, path)
        try:
            key = derive_key(passphrase, envelope.salt, envelope.params)
        except (ValueError, MemoryError):
            raise AtlasFileError(
                path, [Problem("encrypted_damaged", values={"part": "argon2id", "value": "?"})]
            ) from None
        sealing = cls(envelope.params, envelope.salt, key)
        return sealing.unseal(envelope, path), sealing

    def unseal(self, envelope: Envelope, path: Path) -> bytes:
        """Decrypt an envelope with this sealing's key (same salt and parameters)."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        try:
            return AESGCM(self.key).decrypt(envelope.nonce, envelope.ciphertext, envelope.header)
        except InvalidTag:
            raise WrongPassphrase(path) from None
