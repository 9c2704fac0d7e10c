#!/usr/bin/env bash
# Set up (if needed) and start Netwerkatlas on the bundled example atlas.
# Extra arguments go to the program, e.g. `bash scripts/start.sh --lang en`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/netwerkatlas --example "$@"
