#!/usr/bin/env bash
# Set up everything Netwerkatlas needs in .venv (and, as root, the system libraries Qt needs).
# Safe to run again: it only does what is missing. With --tests it also installs the PDF tools
# the test suite checks exports with (poppler-utils for pdftoppm, qpdf).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}

# Debian/Ubuntu packages: Qt's libraries for a real window (xcb) and for offscreen tests, a
# font, and venv support. "a|b" means either name will do (Ubuntu 24.04 renamed some).
SYSTEM_PACKAGES=(
  libegl1 libgl1 libfontconfig1 libfreetype6 "libglib2.0-0|libglib2.0-0t64" libxkbcommon0
  "libdbus-1-3" libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1
  libxkbcommon-x11-0 fonts-dejavu-core
)
if [ "${1:-}" = "--tests" ]; then
  SYSTEM_PACKAGES+=(poppler-utils qpdf)
fi

installed() {
  local name
  for name in ${1//|/ }; do
    dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "install ok installed" && return 0
  done
  return 1
}

missing=()
if command -v dpkg-query >/dev/null; then
  for package in "${SYSTEM_PACKAGES[@]}"; do
    installed "$package" || missing+=("${package%%|*}")
  done
  "$PYTHON" -c "import ensurepip, venv" 2>/dev/null || missing+=(python3-venv)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Please install these system packages first:" >&2
    echo "  sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

if [ ! -x .venv/bin/python ]; then
  echo "Creating .venv"
  "$PYTHON" -m venv .venv
fi

# Reinstall only when the dependencies changed.
stamp=.venv/.netwerkatlas-installed
wanted=$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  echo "Installing Netwerkatlas and its dependencies into .venv"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check \
    -c constraints.txt -e ".[test]"
  echo "$wanted" > "$stamp"
fi
