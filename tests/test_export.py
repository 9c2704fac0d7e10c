"""Posters, tiles, summaries, PNG and SVG, read back as a user's tools would read them."""

from __future__ import annotations

import io as bytes_io
import re
import xml.etree.ElementTree as ET

import pypdfium2 as pdfium
import pytest
from PIL import Image
from tests.export_atlas import atlas_with_foreign_names, example_atlas, names_in
from tests.pdf_tools import (
    all_text,
    metadata_text,
    page_sizes_mm,
    qpdf_check,
    reader,
    render_pages,
)

from netwerkatlas.export import ExportOptions, Format, Kind, NameStyle, Privacy, render
from netwerkatlas.export.options import MM, page_size_pt
from netwerkatlas.export.tiles import plan_tiles
from netwerkatlas.model import NodeKind
from netwerkatlas.render.style import score_symbol

HIDDEN = Privacy(hide_names=True, hide_private=True)


def words(text: str) -> set[str]:
    text = re.sub(r"(\w)-\s+(\w)", r"\1\2", text)  # a long word broken over two lines
    return set(re.findall(r"[\w'−+=!()-]+", text))


@pytest.mark.parametrize(
    ("paper", "size"),
    [
        ("A0", (841, 1189)),
        ("A1", (594, 841)),
        ("A2", (420, 594)),
        ("A3", (297, 420)),
        ("A4", (210, 297)),
        ("600x900", (600, 900)),
    ],
)
def test_poster_has_the_paper_size_asked_for_either_way_round(paper, size):
    atlas = example_atlas()
    portrait = render(atlas, ExportOptions(paper=paper)).data
    landscape = render(atlas, ExportOptions(paper=paper, landscape=True)).data
    assert page_sizes_mm(portrait) == [size]
    assert page_sizes_mm(landscape) == [size[::-1]]


def test_every_label_score_and_legend_entry_is_selectable_text():
    atlas = atlas_with_foreign_names()
    text = all_text(render(atlas, ExportOptions(paper="A3")).data)
    found = words(text)
    for node in atlas.nodes():
        assert words(node.shown_label) <= found, node.shown_label
    for score in (2, 1, 0, -1, -2):
        assert score_symbol(score) in text
    assert "Legenda" in text and "helpt veel" in text and "belemmert veel" in text
    assert "gebeurtenis" in text  # the example has events, so the legend explains them
    assert "Netwerkintake — Sanne" in text
    assert {"Zoë", "Юрий", "Петров"} <= found  # real letters, not boxes or question marks


def test_the_font_is_embedded_so_every_machine_prints_the_same():
    pdf = reader(render(example_atlas(), ExportOptions()).data)
    fonts = pdf.pages[0]["/Resources"]["/Font"]
    assert fonts
    for ref in fonts.values():
        font = ref.get_object()
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), font.get("/BaseFont")


def test_hidden_names_appear_nowhere_in_the_poster_text_or_metadata():
    atlas = atlas_with_foreign_names()
    names = names_in(atlas)
    assert {"Sanne", "Anita", "Fleur", "Zoë", "Юрий", "Henk", "Huisarts"} <= set(names)
    for style in NameStyle:
        options = ExportOptions(
            privacy=Privacy(hide_names=True, name_style=style), name_in_metadata=True
        )
        for variant in (options, options.with_(tiles="A4")):
            data = render(atlas, variant).data
            shown = all_text(data) + "\n" + metadata_text(data)
            leaked = [n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", shown, re.I)]
            assert leaked == [], f"{style}: {leaked}"
    shown = all_text(render(atlas, ExportOptions(privacy=Privacy(hide_names=True))).data)
    assert "S." in shown and "Z.Ε.Π." in shown  # initials stand in for the names
    pseudo = all_text(
        render(atlas, ExportOptions(privacy=Privacy(True, NameStyle.PSEUDONYMS))).data
    )
    assert "Cliënt" in pseudo and "Persoon B" in pseudo  # Fleur; Anita is shown as "Moeder"


def test_hidden_names_also_leave_svg_png_and_text_exports_clean(tmp_path):
    atlas = atlas_with_foreign_names()
    names = names_in(atlas)
    privacy = Privacy(hide_names=True)
    svg = render(atlas, ExportOptions(format=Format.SVG, privacy=privacy)).data.decode()
    txt = render(atlas, ExportOptions(format=Format.TXT, privacy=privacy)).data.decode()
    summary = all_text(render(atlas, ExportOptions(kind=Kind.SUMMARY, privacy=privacy)).data)
    png = render(atlas, ExportOptions(format=Format.PNG, dpi=40, privacy=privacy)).data
    png_info = " ".join(str(v) for v in Image.open(bytes_io.BytesIO(png)).info.values())
    for output in (svg, txt, summary, png_info):
        leaked = [n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", output, re.I)]
        assert leaked == []


def test_metadata_has_a_title_and_date_but_no_personal_data_unless_asked():
    atlas = example_atlas()
    meta = reader(render(atlas, ExportOptions()).data).metadata
    assert meta.title == "Netwerkatlas – Netwerkintake"
    assert meta.creation_date is not None
    assert "Sanne" not in metadata_text(render(atlas, ExportOptions()).data)
    asked = reader(render(atlas, ExportOptions(name_in_metadata=True)).data).metadata
    assert "Sanne" in asked.title


def test_private_items_and_scores_can_be_left_out():
    atlas = example_atlas()
    private = [n.shown_label for n in atlas.nodes() if n.private]
    assert private == ["Schulden"]
    shown = all_text(render(atlas, ExportOptions()).data)
    hidden = all_text(render(atlas, ExportOptions(privacy=HIDDEN)).data)
    assert "Schulden" in shown and "Schulden" not in hidden
    no_scores = all_text(render(atlas, ExportOptions(privacy=Privacy(hide_scores=True))).data)
    assert "helpt veel" not in no_scores and "++" not in no_scores
    assert "Voetbal" in no_scores


def test_tiles_cover_the_poster_with_overlap_and_a_labelled_sheet_each(tmp_path):
    atlas = example_atlas()
    options = ExportOptions(paper="A1", tiles="A4", overlap_mm=15)
    data = render(atlas, options).data
    plan = plan_tiles(*page_size_pt("A1", False), "A4", 15)
    sizes = page_sizes_mm(data)
    assert len(sizes) == plan.count + 1  # an overview page, then the sheets
    assert all(sorted(size) == [210, 297] for size in sizes[1:])
    # Neighbouring sheets share exactly the overlap, and together they cover the poster.
    sheets = plan.sheets()
    assert round((sheets[0].x + plan.area_w - sheets[1].x) / MM, 3) == 15
    below = sheets[plan.cols]
    assert round((sheets[0].y + plan.area_h - below.y) / MM, 3) == 15
    last = sheets[-1]
    poster_w, poster_h = page_size_pt("A1", False)
    assert sheets[0].x <= 0 and sheets[0].y <= 0
    assert last.x + plan.area_w >= poster_w and last.y + plan.area_h >= poster_h
    # The spare paper is shared evenly by opposite edges.
    assert abs(-sheets[0].x - (last.x + plan.area_w - poster_w)) < 0.01
    text = [page.extract_text() for page in reader(data).pages]
    assert f"Overzicht: {plan.count} bladen" in text[0]
    for number, page_text in enumerate(text[1:], start=1):
        assert f"Blad {number} van {plan.count}" in page_text
    # Crop marks: ink just outside each corner of the printed area of a sheet.
    path = tmp_path / "tiles.pdf"
    path.write_bytes(data)
    assert qpdf_check(path).returncode == 0
    image = Image.open(render_pages(path, 72, tmp_path)[1]).convert("L")
    m, gap = plan.margin, 3 * MM
    for x, y in ((m - gap, m), (m + plan.area_w + gap, m), (m - gap, m + plan.area_h)):
        assert min(image.getpixel((round(x + dx), round(y))) for dx in (-1, 0, 1)) < 128


def test_poster_pdf_passes_qpdf_and_renders_inside_its_margins(tmp_path):
    atlas = example_atlas()
    path = tmp_path / "poster.pdf"
    path.write_bytes(render(atlas, ExportOptions(paper="A3", margin_mm=15)).data)
    check = qpdf_check(path)
    assert check.returncode == 0, check.stdout + check.stderr
    (png,) = render_pages(path, 20, tmp_path)
    image = Image.open(png).convert("L")
    ink = image.point(lambda v: 255 if v < 200 else 0)
    left, top, right, bottom = ink.getbbox()
    margin_px = 15 * 20 / 25.4
    assert left >= margin_px - 1 and top >= margin_px - 1
    assert right <= image.width - margin_px + 1 and bottom <= image.height - margin_px + 1
    dark = sum(1 for v in image.get_flattened_data() if v < 200)
    assert dark > 0.02 * image.width * image.height  # a drawing, not a blank page
    # The drawing fills the width: the bollen reach to within a few mm of both margins.
    assert left <= margin_px + 8 and right >= image.width - margin_px - 8


def test_summary_lists_items_links_goals_and_matches_the_plain_text(tmp_path):
    atlas = example_atlas()
    pdf = render(atlas, ExportOptions(kind=Kind.SUMMARY)).data
    txt = render(atlas, ExportOptions(format=Format.TXT)).data.decode()
    assert page_sizes_mm(pdf)[0] == (210, 297)
    path = tmp_path / "summary.pdf"
    path.write_bytes(pdf)
    assert qpdf_check(path).returncode == 0
    pdf_words = words(all_text(pdf))
    for node in atlas.nodes():
        if node.kind != NodeKind.CLIENT:
            assert node.shown_label in txt
            assert words(node.shown_label) <= pdf_words
    for goal in atlas.items("goals"):
        assert goal.text in txt
    assert "Verbindingen" in txt and "Social media → Slapen" in txt
    assert "Telefoon om elf uur" in txt and "Doelen en acties" in all_text(pdf)


def test_png_has_the_chosen_resolution_and_svg_is_valid_with_every_label():
    atlas = example_atlas()
    png = render(atlas, ExportOptions(paper="A4", format=Format.PNG, dpi=50)).data
    image = Image.open(bytes_io.BytesIO(png))
    expected = (210 / 25.4 * 50, 297 / 25.4 * 50)
    assert all(abs(got - want) <= 1 for got, want in zip(image.size, expected, strict=True))
    assert round(image.info["dpi"][0]) == 50
    assert len(set(image.convert("L").get_flattened_data())) > 10  # drawn, not blank
    svg = render(atlas, ExportOptions(paper="A4", format=Format.SVG)).data
    root = ET.fromstring(svg)
    assert root.get("width") == f"{210 * 72 / 25.4:.2f}pt"
    texts = " ".join(e.text or "" for e in root.iter("{http://www.w3.org/2000/svg}text"))
    for node in atlas.nodes():
        assert words(node.shown_label) <= words(texts)


def test_pdf_and_png_show_the_same_page():
    atlas = example_atlas()
    rendered = render(atlas, ExportOptions(paper="A4", format=Format.PNG, dpi=30))
    document = pdfium.PdfDocument(rendered.pdf)
    assert len(document) == 1
    width, height = document[0].get_size()
    size = Image.open(bytes_io.BytesIO(rendered.data)).size
    expected = (width * 30 / 72, height * 30 / 72)
    assert all(abs(got - want) <= 1 for got, want in zip(size, expected, strict=True))


def test_the_genogram_exports_as_a_poster_with_its_own_legend(tmp_path):
    from netwerkatlas import io
    from netwerkatlas.resources import example_path

    atlas, _ = io.load(example_path("genogram-familie-de-boer"))
    data = render(atlas, ExportOptions(view="genogram", paper="A3", landscape=True)).data
    text = all_text(data)
    for node in atlas.nodes():  # everyone; the family's life events are on the gebeurteniskaart
        if node.kind != NodeKind.EVENT:
            assert words(node.shown_label) <= words(text), node.shown_label
    for entry in ("vrouw", "man", "overleden", "gescheiden (g)", "conflict", "hecht"):
        assert entry in text
    assert "Genogram — Thijs" in text and "h '73" in text
    hidden = all_text(render(atlas, ExportOptions(view="genogram", privacy=HIDDEN)).data)
    assert "Betsy" not in hidden and "B." in hidden
    path = tmp_path / "genogram.pdf"
    path.write_bytes(data)
    assert qpdf_check(path).returncode == 0
