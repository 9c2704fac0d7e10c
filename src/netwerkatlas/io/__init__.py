"""Reading and writing `.netwerkatlas` files. Pure Python, no Qt."""

from netwerkatlas.io.encryption import (
    PassphraseNeeded,
    Sealing,
    WrongPassphrase,
    is_encrypted,
)
from netwerkatlas.io.errors import AtlasFileError, LoadReport, Problem
from netwerkatlas.io.fileformat import EXTENSION, FORMAT_VERSION, dumps, json_schema
from netwerkatlas.io.reading import load
from netwerkatlas.io.writing import backup_path, save, with_extension, write_atomic

__all__ = [
    "EXTENSION",
    "FORMAT_VERSION",
    "AtlasFileError",
    "LoadReport",
    "PassphraseNeeded",
    "Problem",
    "Sealing",
    "WrongPassphrase",
    "backup_path",
    "dumps",
    "is_encrypted",
    "json_schema",
    "load",
    "save",
    "with_extension",
    "write_atomic",
]
