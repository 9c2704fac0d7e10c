"""Write the JSON Schema of the file format: `python -m netwerkatlas.io.schema [FOLDER]`.

The shipped schema in `schema/` is generated from the same pydantic models that read files, and
a test keeps the two in step.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from netwerkatlas.io.fileformat import FORMAT_VERSION, json_schema


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def schema_filename() -> str:
    return f"netwerkatlas-{FORMAT_VERSION}.schema.json"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path("schema")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / schema_filename()
    target.write_text(schema_text(), encoding="utf-8")
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
