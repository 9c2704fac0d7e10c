#!/usr/bin/env bash
# Install Netwerkatlas for this user only, in ~/.local, without root: the program, its menu
# entry, the .netwerkatlas file type with its icon, and Netwerkatlas as the program that opens it
# (a double click in the file manager then opens the atlas).
#
#   bash scripts/install-linux.sh              from a checkout: the program scripts/package.sh
#                                              built (dist/netwerkatlas), else a launcher for .venv
#   ./install.sh                               the same, from an unpacked netwerkatlas-*.tar.gz
#   ... --uninstall                            removes all of it again (your atlases stay)
#
# Uses update-mime-database, update-desktop-database and xdg-mime when they are there; without
# xdg-mime it writes the default into ~/.config/mimeapps.list itself.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
CONFIG=${XDG_CONFIG_HOME:-$HOME/.config}
BIN=$HOME/.local/bin
LIB=$HOME/.local/lib/netwerkatlas
DESKTOP=netwerkatlas.desktop
MIME=application/x-netwerkatlas

say() { printf '%s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

refresh() {
  if have update-mime-database; then update-mime-database "$DATA/mime" >/dev/null 2>&1 || true; fi
  if have update-desktop-database; then update-desktop-database -q "$DATA/applications" || true; fi
  touch "$DATA/icons/hicolor" 2>/dev/null || true  # file managers reread the theme
}

# Set (or with an empty value remove) "type=desktop file" under [Default Applications].
set_default_in_mimeapps() {
  local file=$CONFIG/mimeapps.list value=$1 tmp
  mkdir -p "$CONFIG"
  [ -f "$file" ] || : >"$file"
  tmp=$(mktemp)
  awk -v key="$MIME" -v value="$value" '
    function put() { if (value != "") print key "=" value; done = 1 }
    /^\[/ { if (section && !done) put(); section = ($0 == "[Default Applications]") }
    section && index($0, key "=") == 1 { next }
    { print }
    END {
      if (!done && value != "") { if (!section) print "[Default Applications]"; put() }
    }
  ' "$file" >"$tmp"
  mv "$tmp" "$file"
}

uninstall() {
  rm -rf "$LIB"
  rm -f "$BIN/netwerkatlas" "$DATA/applications/$DESKTOP" "$DATA/mime/packages/netwerkatlas.xml"
  find "$DATA/icons/hicolor" \( -name netwerkatlas.png -o -name netwerkatlas.svg \
    -o -name application-x-netwerkatlas.png -o -name application-x-netwerkatlas.svg \) \
    -delete 2>/dev/null || true
  set_default_in_mimeapps ""
  refresh
  say "Netwerkatlas is verwijderd. Uw atlassen zijn niet aangeraakt."
}

if [ "${1:-}" = "--uninstall" ]; then
  uninstall
  exit 0
fi

# Where the program and the files that describe it come from.
if [ -x "$HERE/netwerkatlas" ] && [ -d "$HERE/share" ]; then  # an unpacked bundle
  BUNDLE=$HERE
  SHARE=$HERE/share
else  # a checkout: scripts/ is next to packaging/
  ROOT=$(cd "$HERE/.." && pwd)
  BUNDLE=${NETWERKATLAS_BUNDLE:-$ROOT/dist/netwerkatlas}
  if [ -x "$BUNDLE/netwerkatlas" ] && [ -d "$BUNDLE/share" ]; then
    SHARE=$BUNDLE/share
  elif [ -x "$ROOT/.venv/bin/netwerkatlas" ]; then
    BUNDLE=""
    SHARE=$(mktemp -d)
    trap 'rm -rf "$SHARE"' EXIT
    mkdir -p "$SHARE/applications" "$SHARE/mime/packages"
    QT_QPA_PLATFORM=offscreen "$ROOT/.venv/bin/python" "$ROOT/packaging/icons/render_icons.py" \
      "$SHARE/icons"
    cp "$ROOT/packaging/linux/netwerkatlas.desktop" "$SHARE/applications/$DESKTOP"
    cp "$ROOT/packaging/linux/netwerkatlas-mime.xml" "$SHARE/mime/packages/netwerkatlas.xml"
  else
    say "Er is nog niets om te installeren. Bouw eerst het programma met" >&2
    say "  bash scripts/package.sh" >&2
    say "of zet de ontwikkelomgeving op met: bash scripts/setup.sh" >&2
    exit 1
  fi
fi

mkdir -p "$BIN" "$DATA/applications" "$DATA/mime/packages" "$DATA/icons"
rm -f "$BIN/netwerkatlas"
if [ -n "$BUNDLE" ]; then
  rm -rf "$LIB"
  mkdir -p "$(dirname "$LIB")"
  cp -a "$BUNDLE" "$LIB"
  ln -s "$LIB/netwerkatlas" "$BIN/netwerkatlas"
  how="het programma in $LIB"
else
  printf '#!/bin/sh\nexec "%s" "$@"\n' "$ROOT/.venv/bin/netwerkatlas" >"$BIN/netwerkatlas"
  chmod 755 "$BIN/netwerkatlas"
  how="een starter voor $ROOT/.venv"
fi

cp -r "$SHARE/icons/hicolor" "$DATA/icons/"
cp "$SHARE/mime/packages/netwerkatlas.xml" "$DATA/mime/packages/netwerkatlas.xml"
# The menu entry starts this launcher by its full path: ~/.local/bin is not always on the PATH
# of a desktop session.
sed -e "s|^Exec=netwerkatlas |Exec=\"$BIN/netwerkatlas\" |" -e '/^TryExec=/d' \
  "$SHARE/applications/$DESKTOP" >"$DATA/applications/$DESKTOP"
printf 'TryExec=%s\n' "$BIN/netwerkatlas" >>"$DATA/applications/$DESKTOP"
refresh
if have xdg-mime; then
  xdg-mime default "$DESKTOP" "$MIME"
else
  set_default_in_mimeapps "$DESKTOP"
fi

say "Netwerkatlas is geïnstalleerd ($how)."
say "Het staat in het menu onder Kantoor; dubbelklik op een .netwerkatlas-bestand om het te openen."
case ":$PATH:" in
  *":$BIN:"*) ;;
  *) say "In een terminal: $BIN/netwerkatlas (of zet $BIN in uw PATH)." ;;
esac
