"""Reading and writing `.netwerkatlas` files. Pure Python, no Qt."""

from netwerkatlas.io.errors import AtlasFileError, LoadReport, Problem
from netwerkatlas.io.fileformat import EXTENSION, FORMAT_VERSION, dumps, json_schema
from netwerkatlas.io.reading import load
from netwerkatlas.io.writing import backup_path, save, with_extension, write_atomic

__all__ = [
    "EXTENSION",
    "FORMAT_VERSION",
    "AtlasFileError",
    "LoadReport",
    "Problem",
    "backup_path",
    "dumps",
    "json_schema",
    "load",
    "save",
    "with_extension",
    "write_atomic",
]
