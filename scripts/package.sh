#!/usr/bin/env bash
# Build the self-contained Linux program into dist/netwerkatlas/ (PyInstaller, one folder), with
# what a user install needs beside it (share/: menu entry, file type, icons; install.sh).
#   bash scripts/package.sh             build dist/netwerkatlas/
#   bash scripts/package.sh --tarball   also dist/netwerkatlas-VERSION-linux-ARCH.tar.gz to hand out
# Then bash scripts/install-linux.sh (or ./install.sh in the unpacked folder) installs it for the
# user. Sets up .venv first (scripts/setup.sh) and adds the freezer (packaging/requirements.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m pip install --quiet --disable-pip-version-check \
  -c constraints.txt -r packaging/requirements.txt

DIST=${NETWERKATLAS_DIST:-dist}  # where the program folder goes (the slow test uses its own)
rm -rf "$DIST/netwerkatlas"
.venv/bin/python -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$DIST" --workpath build/pyinstaller packaging/netwerkatlas.spec

BUNDLE=$DIST/netwerkatlas
mkdir -p "$BUNDLE/share/applications" "$BUNDLE/share/mime/packages" "$BUNDLE/share/icons"
cp -r build/icons/hicolor "$BUNDLE/share/icons/"
cp packaging/linux/netwerkatlas.desktop "$BUNDLE/share/applications/"
cp packaging/linux/netwerkatlas-mime.xml "$BUNDLE/share/mime/packages/netwerkatlas.xml"
cp scripts/install-linux.sh "$BUNDLE/install.sh"
chmod 755 "$BUNDLE/install.sh"
echo "Built $BUNDLE/netwerkatlas ($(du -sh "$BUNDLE" | cut -f1))"

if [ "${1:-}" = "--tarball" ]; then
  version=$(.venv/bin/python -c "import netwerkatlas; print(netwerkatlas.__version__)")
  tarball=$DIST/netwerkatlas-$version-linux-$(uname -m).tar.gz
  tar -C "$DIST" -czf "$tarball" netwerkatlas
  echo "Built $tarball ($(du -h "$tarball" | cut -f1))"
fi
