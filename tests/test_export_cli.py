"""`netwerkatlas export` in a terminal: no display, clear errors, nothing half-written."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

from PIL import Image
from tests.pdf_tools import all_text, page_sizes_mm, reader

from netwerkatlas.resources import example_path

EXAMPLE = str(example_path())


def export(*args, cwd=None):
    """Run the command as a user would, with no display and no Qt platform set."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    return subprocess.run(
        [sys.executable, "-m", "netwerkatlas", "export", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=cwd,
    )


def test_an_a0_poster_with_hidden_names_is_made_without_a_display(tmp_path):
    out = tmp_path / "poster.pdf"
    result = export(EXAMPLE, "-o", str(out), "--paper", "A0", "--hide-names")
    assert result.returncode == 0, result.stderr
    assert "Geëxporteerd" in result.stdout
    data = out.read_bytes()
    assert page_sizes_mm(data) == [(841, 1189)]
    assert "Sanne" not in all_text(data) and "Fleur" not in all_text(data)
    assert oct(out.stat().st_mode & 0o777) == "0o600"  # health data: for the owner only


def test_export_never_loads_qt():
    code = (
        "import sys\n"
        "from netwerkatlas.cli import main\n"
        f"code = main(['export', {EXAMPLE!r}, '-o', '/dev/null', '--format', 'txt'])\n"
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not qt, qt\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode), "the export replaced /dev/null"


def test_landscape_tiles_png_svg_and_text_from_the_command_line(tmp_path):
    tiles = tmp_path / "tegels.pdf"
    assert (
        export(
            EXAMPLE, "-o", str(tiles), "--paper", "A2", "--landscape", "--tiles", "a3"
        ).returncode
        == 0
    )
    sizes = page_sizes_mm(tiles.read_bytes())
    assert len(sizes) > 2 and all(sorted(s) == [297, 420] for s in sizes[1:])
    png = tmp_path / "poster.png"
    assert export(EXAMPLE, "-o", str(png), "--paper", "A4", "--dpi", "40").returncode == 0
    assert Image.open(png).format == "PNG"
    svg = tmp_path / "poster.svg"
    assert export(EXAMPLE, "-o", str(svg), "--hide-scores").returncode == 0
    assert "<svg" in svg.read_text() and "helpt veel" not in svg.read_text()
    txt = tmp_path / "samenvatting.txt"
    assert export(EXAMPLE, "-o", str(txt), "--hide-private").returncode == 0
    assert "Voetbal" in txt.read_text() and "Schulden" not in txt.read_text()
    summary = tmp_path / "samenvatting.pdf"
    assert (
        export(
            EXAMPLE, "-o", str(summary), "--summary", "--session-label", "Vervolggesprek 2"
        ).returncode
        == 0
    )
    assert "Vervolggesprek 2" in all_text(summary.read_bytes())
    assert len(reader(summary.read_bytes()).pages) >= 1


def test_bad_input_gets_a_clear_message_and_leaves_nothing_behind(tmp_path):
    out = tmp_path / "poster.pdf"
    cases = [
        ((str(tmp_path / "weg.netwerkatlas"), "-o", str(out)), "bestaat niet"),
        ((EXAMPLE, "-o", str(out), "--view", "sterrenkaart"), "Onbekende weergave"),
        ((EXAMPLE, "-o", str(out), "--paper", "B5"), "Onbekend papierformaat"),
        ((EXAMPLE, "-o", str(out), "--paper", "10x10"), "Onbekend papierformaat"),
        ((EXAMPLE, "-o", str(out), "--tiles", "A5"), "A4 of A3"),
        ((EXAMPLE, "-o", str(tmp_path / "p.png"), "--tiles", "A4"), "alleen voor een poster"),
        ((EXAMPLE, "-o", str(tmp_path / "geen-map" / "p.pdf")), "bestaat niet"),
        ((EXAMPLE, "-o", str(tmp_path)), "map"),
    ]
    for args, message in cases:
        result = export(*args)
        assert result.returncode == 1, args
        assert message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []  # no output, no temporary file


def test_a_broken_atlas_is_explained_and_nothing_is_written(tmp_path):
    broken = tmp_path / "kapot.netwerkatlas"
    broken.write_text(example_path().read_text()[:500])
    out = tmp_path / "poster.pdf"
    result = export(str(broken), "-o", str(out))
    assert result.returncode == 1
    assert "kapot.netwerkatlas" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_english_messages():
    result = export(EXAMPLE, "-o", "/tmp/x.pdf", "--paper", "B5", "--lang", "en")
    assert result.returncode == 1 and "Unknown paper size" in result.stderr


def test_a_poster_too_small_to_read_on_its_paper_says_so_and_is_still_made(tmp_path):
    small, large = tmp_path / "a4.pdf", tmp_path / "a2.pdf"
    on_a4 = export(EXAMPLE, "-o", str(small), "--paper", "A4")
    assert on_a4.returncode == 0 and small.is_file()
    assert "A4" in on_a4.stderr and "9 pt" in on_a4.stderr
    on_a2 = export(EXAMPLE, "-o", str(large), "--paper", "A2")
    assert on_a2.returncode == 0 and on_a2.stderr == ""
