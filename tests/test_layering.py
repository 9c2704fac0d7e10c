"""The model, file and command layers never import Qt: the CLI and export run without it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

PURE_MODULES = [
    "netwerkatlas.model",
    "netwerkatlas.io",
    "netwerkatlas.io.schema",
    "netwerkatlas.commands",
    "netwerkatlas.document",
    "netwerkatlas.validate",
    "netwerkatlas.render.style",
    "netwerkatlas.tools.netwerkintake.layout",
    "netwerkatlas.tools.netwerkintake.drawing",
    "netwerkatlas.tools.registry",
    "netwerkatlas.export",
    "netwerkatlas.export.command",
]
ROOT = Path(__file__).resolve().parents[1]


def test_pure_layers_load_without_qt():
    code = (
        "import sys\n"
        f"for name in {PURE_MODULES!r}: __import__(name)\n"
        "from netwerkatlas.cli import main\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "", f"Qt was imported: {result.stdout}"


def test_validate_command_runs_without_qt(tmp_path):
    code = (
        "import sys\n"
        "from netwerkatlas.cli import main\n"
        f"code = main(['validate', {str(tmp_path / 'missing.netwerkatlas')!r}])\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert "bestaat niet" in result.stdout


def test_import_linter_contract_holds():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is part of the test dependencies"
    result = subprocess.run([lint], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout
