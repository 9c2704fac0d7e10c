#!/usr/bin/env bash
# Set up (if needed) and run the whole test suite, offscreen: lint, import rules, tests.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -k undo`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --tests
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check --quiet src tests benchmarks assets
exec .venv/bin/python -m pytest "$@"
