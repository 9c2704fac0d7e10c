"""Installing like a desktop program: the definitions for Linux, Windows and macOS say the same
version and the same file type, the icons are there in the sizes each OS reads, the Linux user
install registers the file type without root, and (slow) the frozen Linux program works."""

from __future__ import annotations

import importlib.util
import os
import plistlib
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from netwerkatlas import __version__, io
from netwerkatlas.document import Document
from netwerkatlas.io.encryption import MAGIC
from netwerkatlas.resources import examples

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
MIME = "application/x-netwerkatlas"
EXTENSION = "netwerkatlas"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


# --- small readers for the definition formats ----------------------------------------------


def desktop_entry(text: str, keys: str = r"[A-Za-z0-9-]+(\[[A-Za-z_@.]+\])?") -> dict:
    """The groups of a .desktop file (or mimeapps.list, with other `keys`), refusing what the
    specification does not allow."""
    groups: dict[str, dict[str, str]] = {}
    group = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            group = line[1:-1]
            assert group not in groups, f"line {number}: group [{group}] twice"
            groups[group] = {}
            continue
        assert group is not None, f"line {number}: a key before the first group"
        key, sep, value = line.partition("=")
        assert sep and re.fullmatch(keys, key.strip()), line
        assert key.strip() not in groups[group], f"line {number}: {key} twice"
        groups[group][key.strip()] = value.strip()
    return groups


def inno_sections(text: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """The #define values and the lines of each [Section] of an Inno Setup script."""
    defines = dict(re.findall(r'^\s*#define\s+(\w+)\s+"([^"]*)"', text, re.MULTILINE))
    sections: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith((";", "#")):
            continue
        match = re.fullmatch(r"\[(\w+)\]", stripped)
        if match:
            current = match.group(1)
            sections.setdefault(current, [])
        else:
            assert current is not None, f"outside any section: {line}"
            sections[current].append(stripped)
    return defines, sections


def inno_entry(line: str) -> dict[str, str]:
    """`Name: "x"; Flags: a b` → {"Name": "x", "Flags": "a b"}; quotes doubled inside quotes."""
    entry: dict[str, str] = {}
    rest = line
    while rest:
        match = re.match(r'\s*(\w+):\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)', rest)
        assert match, f"cannot read the Inno Setup entry at: {rest!r}"
        value = match.group(2).strip()
        if value.startswith('"'):
            value = value[1:-1].replace('""', '"')
        assert match.group(1) not in entry, f"{match.group(1)} twice in {line!r}"
        entry[match.group(1)] = value
        rest = rest[match.end() :]
    return entry


def expand(value: str, defines: dict[str, str]) -> str:
    return re.sub(r"\{#(\w+)\}", lambda m: defines[m.group(1)], value)


# --- Linux ---------------------------------------------------------------------------------


def test_the_desktop_entry_opens_atlases_with_the_program():
    text = (PACKAGING / "linux" / "netwerkatlas.desktop").read_text(encoding="utf-8")
    entry = desktop_entry(text)["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Name"] == "Netwerkatlas"
    assert entry["Exec"] == "netwerkatlas %f"  # one file per start; the first program gets it
    assert entry["Icon"] == "netwerkatlas"
    assert entry["MimeType"].split(";") == [MIME, ""]
    assert entry["Categories"].endswith(";") and "Office" in entry["Categories"].split(";")
    assert entry["Terminal"] == "false"
    validate_desktop_file(PACKAGING / "linux" / "netwerkatlas.desktop")


def validate_desktop_file(path: Path) -> None:
    """freedesktop.org's own validator, where it is installed (desktop-file-utils)."""
    if shutil.which("desktop-file-validate"):
        run = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
        assert run.returncode == 0 and "error" not in run.stdout.lower(), run.stdout


def mime_type() -> ET.Element:
    tree = ET.parse(PACKAGING / "linux" / "netwerkatlas-mime.xml")
    (element,) = tree.getroot().findall(f"{MIME_NS}mime-type")
    return element


def unescape(value: str) -> bytes:
    """A shared-mime-info string value as bytes (it allows C escapes such as \\x89)."""
    return value.encode("latin-1").decode("unicode_escape").encode("latin-1")


def matches(match: ET.Element, data: bytes) -> bool:
    """Whether a shared-mime-info <match> (and the matches nested in it) holds for `data`."""
    value = unescape(match.get("value"))
    start, _, end = match.get("offset").partition(":")
    if value not in data[int(start) : int(end or start) + len(value)]:
        return False
    nested = match.findall(f"{MIME_NS}match")
    return not nested or any(matches(child, data) for child in nested)


def test_the_mime_type_knows_the_name_the_readable_json_and_the_encrypted_envelope():
    element = mime_type()
    assert element.get("type") == MIME
    assert [g.get("pattern") for g in element.findall(f"{MIME_NS}glob")] == [f"*.{EXTENSION}"]
    assert element.find(f"{MIME_NS}icon").get("name") == MIME.replace("/", "-")
    sealed, readable = element.findall(f"{MIME_NS}magic")
    (envelope,) = sealed.findall(f"{MIME_NS}match")
    assert int(sealed.get("priority")) > int(readable.get("priority"))
    assert envelope.get("offset") == "0" and unescape(envelope.get("value")) == MAGIC
    opening, generator = readable.findall(f"{MIME_NS}match")
    new_atlas = io.dumps(Document.new().atlas)
    for data in [new_atlas, *(example.read_bytes() for example in examples())]:
        assert matches(opening, data[:4096])  # within what glib reads to sniff
        assert matches(generator, data)
        assert not matches(envelope, data)


def content_type(path: Path, env: dict[str, str]) -> str:
    run = subprocess.run(
        ["gio", "info", "-a", "standard::content-type", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.rsplit("standard::content-type:", 1)[1].strip()


@pytest.mark.skipif(
    not (shutil.which("update-mime-database") and shutil.which("gio")),
    reason="shared-mime-info or glib's gio is not installed",
)
def test_a_file_manager_recognises_an_atlas_by_its_name_and_by_its_content(tmp_path):
    share = tmp_path / "share"
    (share / "mime" / "packages").mkdir(parents=True)
    shutil.copyfile(
        PACKAGING / "linux" / "netwerkatlas-mime.xml", share / "mime/packages/netwerkatlas.xml"
    )
    subprocess.run(["update-mime-database", str(share / "mime")], check=True)
    env = {**os.environ, "XDG_DATA_HOME": str(share), "XDG_DATA_DIRS": "/usr/share"}
    named = tmp_path / f"sanne.{EXTENSION}"
    shutil.copyfile(examples()[0], named)
    unnamed = tmp_path / "sanne-zonder-extensie"
    shutil.copyfile(examples()[0], unnamed)
    sealed = tmp_path / "versleuteld"
    sealed.write_bytes(MAGIC + b"\x01\x08argon2id" + os.urandom(200))
    other_json = tmp_path / "iets.json"
    other_json.write_text('{"format_version": 1, "generator": "iets anders"}')
    assert content_type(named, env) == MIME
    assert content_type(unnamed, env) == MIME
    assert content_type(sealed, env) == MIME
    assert content_type(other_json, env) != MIME


def install_linux(
    home: Path, *args: str, bundle: Path | None = None
) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("XDG_") or key == "XDG_RUNTIME_DIR"
    }
    env.update(HOME=str(home), NETWERKATLAS_BUNDLE=str(bundle or home / "no-bundle"))
    return subprocess.run(
        ["bash", str(ROOT / "scripts" / "install-linux.sh"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def installed(home: Path) -> list[Path]:
    share = home / ".local" / "share"
    return [
        home / ".local" / "bin" / "netwerkatlas",
        share / "applications" / "netwerkatlas.desktop",
        share / "mime" / "packages" / "netwerkatlas.xml",
        share / "icons" / "hicolor" / "48x48" / "apps" / "netwerkatlas.png",
        share / "icons" / "hicolor" / "48x48" / "mimetypes" / "application-x-netwerkatlas.png",
    ]


def check_user_install(home: Path) -> None:
    """What install-linux.sh leaves behind: the program, its menu entry, its file type."""
    assert all(path.exists() for path in installed(home)), [p for p in installed(home)]
    launcher = installed(home)[0]
    entry = desktop_entry(installed(home)[1].read_text(encoding="utf-8"))["Desktop Entry"]
    assert entry["Exec"] == f'"{launcher}" %f'  # by its full path: ~/.local/bin may be off PATH
    assert entry["MimeType"] == f"{MIME};"
    validate_desktop_file(installed(home)[1])
    if shutil.which("update-mime-database"):
        assert (home / ".local/share/mime" / f"{MIME}.xml").is_file()
    if not shutil.which("xdg-mime"):
        defaults = desktop_entry((home / ".config/mimeapps.list").read_text(), keys=r"[\w.+/-]+")
        assert defaults["Default Applications"][MIME] == "netwerkatlas.desktop"
    version = subprocess.run([str(launcher), "--version"], capture_output=True, text=True)
    assert version.stdout.strip() == f"netwerkatlas {__version__}"


def test_the_user_install_needs_no_root_and_can_be_undone(tmp_path):
    """Without a built bundle it installs a launcher for this checkout's virtual env."""
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    (home / ".config" / "mimeapps.list").write_text(
        "[Default Applications]\ntext/plain=x.desktop\n"
    )
    done = install_linux(home)
    assert done.returncode == 0, done.stderr
    assert "geïnstalleerd" in done.stdout
    check_user_install(home)
    again = install_linux(home)  # installing twice is fine (an update)
    assert again.returncode == 0, again.stderr
    gone = install_linux(home, "--uninstall")
    assert gone.returncode == 0, gone.stderr
    assert not any(path.exists() for path in installed(home))
    kept = (home / ".config" / "mimeapps.list").read_text()
    assert "text/plain=x.desktop" in kept and MIME not in kept


# --- Windows and macOS ---------------------------------------------------------------------


def test_the_windows_installer_registers_the_file_type_and_a_start_menu_entry():
    defines, sections = inno_sections(
        (PACKAGING / "windows" / "netwerkatlas.iss").read_text(encoding="utf-8")
    )
    assert defines["AppVersion"] == __version__
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert expand(setup["AppVersion"], defines) == __version__
    assert setup["ChangesAssociations"] == "yes" and setup["PrivilegesRequired"] == "lowest"
    assert setup["SetupIconFile"].endswith("netwerkatlas.ico")
    entries = {
        name: [{k: expand(v, defines) for k, v in inno_entry(line).items()} for line in lines]
        for name, lines in sections.items()
        if name != "Setup"
    }
    exe = defines["AppExe"]
    assert any(
        e["Name"].startswith("{autoprograms}") and e["Filename"] == f"{{app}}\\{exe}"
        for e in entries["Icons"]
    )
    registry = {(e["Subkey"], e["ValueName"]): e["ValueData"] for e in entries["Registry"]}
    prog_id = defines["ProgId"]
    assert registry[(f"Software\\Classes\\.{EXTENSION}", "")] == prog_id
    assert registry[(f"Software\\Classes\\.{EXTENSION}", "Content Type")] == MIME
    command = registry[(f"Software\\Classes\\{prog_id}\\shell\\open\\command", "")]
    assert command == f'"{{app}}\\{exe}" "%1"'
    icon = registry[(f"Software\\Classes\\{prog_id}\\DefaultIcon", "")]
    assert icon.endswith("netwerkatlas-document.ico")
    sources = [e["Source"] for e in entries["Files"]]
    assert "..\\..\\dist\\netwerkatlas\\*" in sources
    assert any(s.endswith("netwerkatlas-document.ico") for s in sources)


def test_the_mac_bundle_declares_the_document_type_and_its_uti():
    info = plistlib.loads((PACKAGING / "macos" / "Info.plist").read_bytes())
    assert info["CFBundleShortVersionString"] == info["CFBundleVersion"] == __version__
    (uti,) = info["UTExportedTypeDeclarations"]
    tags = uti["UTTypeTagSpecification"]
    assert tags["public.filename-extension"] == [EXTENSION]
    assert tags["public.mime-type"] == [MIME]
    (document,) = info["CFBundleDocumentTypes"]
    assert document["LSItemContentTypes"] == [uti["UTTypeIdentifier"]]
    assert document["CFBundleTypeRole"] == "Editor"
    assert document["CFBundleTypeIconFile"] == uti["UTTypeIconFile"] == "netwerkatlas-document.icns"
    spec = (PACKAGING / "netwerkatlas.spec").read_text(encoding="utf-8")
    assert "BUNDLE(" in spec and "Info.plist" in spec and "__version__" in spec


# --- icons ---------------------------------------------------------------------------------


def load_render_icons():
    """packaging/icons/render_icons.py (a script, not a package: `packaging` is a PyPI name)."""
    spec = importlib.util.spec_from_file_location(
        "render_icons", PACKAGING / "icons/render_icons.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_icons_are_drawn_in_every_size_each_os_reads(tmp_path, qapp):
    from PySide6.QtGui import QImage

    render_icons = load_render_icons()
    render_icons.render(tmp_path)
    for size in render_icons.LINUX_SIZES:
        for folder, name in (("apps", "netwerkatlas"), ("mimetypes", MIME.replace("/", "-"))):
            image = QImage(str(tmp_path / f"hicolor/{size}x{size}/{folder}/{name}.png"))
            assert (image.width(), image.height()) == (size, size)
            assert image.pixelColor(size // 2, size // 2).alpha() == 255  # the motif is there
    for stem in ("netwerkatlas", "netwerkatlas-document"):
        data = (tmp_path / f"{stem}.ico").read_bytes()
        reserved, kind, count = struct.unpack("<HHH", data[:6])
        assert (reserved, kind, count) == (0, 1, len(render_icons.ICO_SIZES))
        sides = {data[6 + 16 * i] or 256 for i in range(count)}
        assert sides == set(render_icons.ICO_SIZES)
        data = (tmp_path / f"{stem}.icns").read_bytes()
        assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
        kinds, offset = [], 8
        while offset < len(data):
            kinds.append(data[offset : offset + 4])
            offset += struct.unpack(">I", data[offset + 4 : offset + 8])[0]
        assert offset == len(data) and b"ic10" in kinds and b"icp4" in kinds
    assert len(list((tmp_path / "netwerkatlas.iconset").glob("icon_*.png"))) == 10


# --- the frozen Linux program (slow: builds it) --------------------------------------------


def frozen(program: Path, *args: str, env: dict[str, str] | None = None):
    """Run the frozen program offscreen (a generous deadline: CI is a busy 2-core machine)."""
    return subprocess.run(
        [str(program), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        timeout=180,
    )


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="builds the Linux program")
def test_the_frozen_linux_program_runs_on_its_own(tmp_path):
    dist = tmp_path / "dist"
    build = subprocess.run(
        ["bash", str(ROOT / "scripts" / "package.sh")],
        capture_output=True,
        text=True,
        env={**os.environ, "NETWERKATLAS_DIST": str(dist)},
        timeout=1200,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    bundle = dist / "netwerkatlas"
    program = bundle / "netwerkatlas"
    # Run it from elsewhere, with no virtual env or source tree on the paths.
    clean = {"PYTHONPATH": "", "VIRTUAL_ENV": "", "NETWERKATLAS_DATA_DIR": str(tmp_path / "d")}

    version = frozen(program, "--version", env=clean)
    assert version.returncode == 0 and version.stdout.strip() == f"netwerkatlas {__version__}"

    checked = frozen(program, "validate", *map(str, examples()), env=clean)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count("in orde") == len(examples())

    poster = tmp_path / "poster.pdf"
    exported = frozen(program, "export", str(examples()[0]), "-o", str(poster), env=clean)
    assert exported.returncode == 0, exported.stderr
    assert poster.read_bytes().startswith(b"%PDF")

    started = frozen(
        program,
        "--example",
        env={**clean, "NETWERKATLAS_QUIT_AFTER_PAINT": "1", "XDG_CONFIG_HOME": str(tmp_path)},
    )
    assert started.returncode == 0, started.stderr
    assert "first-paint" in started.stdout
    assert "Traceback" not in started.stderr

    home = tmp_path / "home"
    done = install_linux(home, bundle=bundle)
    assert done.returncode == 0, done.stderr
    check_user_install(home)
    assert (home / ".local/lib/netwerkatlas/netwerkatlas").is_file()
