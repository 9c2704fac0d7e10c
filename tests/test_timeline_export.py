"""The gebeurteniskaart on paper: poster, tiles, SVG, PNG and the A4 summary, read back as a
user's tools read them, with the privacy choices applied."""

from __future__ import annotations

import re
import subprocess
from xml.etree import ElementTree

import pytest
from tests.pdf_tools import need, reader, render_pages

from netwerkatlas.export import ExportOptions, Format, Kind, Privacy, render
from netwerkatlas.export.summary import build_summary, summary_text
from netwerkatlas.model import Atlas, ClientNode, EventNode, InvolvedRelation, PersonNode
from netwerkatlas.tools import registry
from netwerkatlas.tools.gebeurteniskaart import VIEW
from netwerkatlas.tools.gebeurteniskaart.instrument import INSTRUMENT
from netwerkatlas.tools.gebeurteniskaart.people import ordered_id
from netwerkatlas.tools.gebeurteniskaart.summary import summary_part


@pytest.fixture(autouse=True)
def registered(monkeypatch):
    """The gebeurteniskaart among the instruments the export knows (once the registry lists
    it, as it is)."""
    if all(each.name != VIEW for each in registry.INSTRUMENTS):
        monkeypatch.setattr(registry, "INSTRUMENTS", (*registry.INSTRUMENTS, INSTRUMENT))


SVG = "{http://www.w3.org/2000/svg}"


def sanne() -> Atlas:
    atlas = Atlas(ClientNode(label="Sanne", name="Sanne de Vries", birth_year=2002))
    fleur = PersonNode(label="Fleur", name="Fleur Jansen", birth_year=1975)
    opa = PersonNode(label="Opa Henk", name="Henk Jansen", birth_year=1940, death_year=2016)
    for person in (fleur, opa):
        atlas.add("nodes", person)
    events = [
        EventNode(label="Verhuizing naar Utrecht", year=2014, score=2),
        EventNode(label="Gepest op school", age=12, end_age=14, score=-2),
        EventNode(label="Opa Henk overleden", date="2016-07-12", score=-1),
        EventNode(label="Ruzie met Fleur", year=2019, score=-1, private=True),
        EventNode(label="Eerste baan", date="2021-09", approximate=True, score=1),
    ]
    for event in events:
        atlas.add("nodes", event)
    for event, person in ((events[0], fleur), (events[2], opa), (events[2], fleur)):
        atlas.add("edges", InvolvedRelation(id=ordered_id(), source=event.id, target=person.id))
    return atlas


def pdf_words(data: bytes, tmp_path) -> str:
    """The poster's text as pdftotext reads it."""
    path = tmp_path / "poster.pdf"
    path.write_bytes(data)
    done = subprocess.run(
        [need("pdftotext"), "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def poster(atlas: Atlas, **changes) -> bytes:
    options = ExportOptions(view=VIEW, paper="A3", landscape=True).with_(**changes)
    return render(atlas, options).data


def test_the_poster_shows_the_events_their_dates_people_and_legend(tmp_path):
    text = pdf_words(poster(sanne()), tmp_path)
    flat = " ".join(text.split())
    for words in (
        "Verhuizing naar Utrecht",
        "Gepest op school",
        "12–14 jaar",
        "12 juli 2016",
        "ca. september 2021",
        "Opa Henk, Fleur",
        "geboren 2002",
        "Ruzie met Fleur",  # private, but the poster was not asked to leave it out
        "Gebeurteniskaart",
        "++ helpt veel",
        "periode (van–tot)",
        "boven de as: helpt, onder de as: belemmert",
    ):
        assert words in flat, words
    assert len(reader(poster(sanne())).pages) == 1


def test_hidden_names_and_private_events_do_not_leave_the_room(tmp_path):
    data = poster(sanne(), privacy=Privacy(hide_names=True, hide_private=True))
    flat = " ".join(pdf_words(data, tmp_path).split())
    for name in ("Sanne", "Fleur", "Henk", "Jansen", "de Vries"):
        assert not re.search(rf"\b{name}\b", flat), name
    assert "Ruzie" not in flat  # the private event is left out
    assert "F.J." in flat and "Verhuizing naar Utrecht" in flat
    assert "O.H.J. overleden" in flat or "H.J. overleden" in flat


def test_hidden_scores_leave_out_the_score_legend(tmp_path):
    flat = " ".join(pdf_words(poster(sanne(), privacy=Privacy(hide_scores=True)), tmp_path).split())
    assert "helpt veel" not in flat and "belemmert" not in flat
    assert "Verhuizing naar Utrecht" in flat


def test_the_poster_renders_and_tiles_svg_and_png_work(tmp_path):
    data = poster(sanne())
    path = tmp_path / "poster.pdf"
    path.write_bytes(data)
    pages = render_pages(path, 30, tmp_path)
    assert len(pages) == 1 and pages[0].stat().st_size > 1000
    tiled = poster(sanne(), paper="A2", tiles="A4")
    assert len(reader(tiled).pages) > 2
    svg = render(sanne(), ExportOptions(view=VIEW, format=Format.SVG)).data.decode("utf-8")
    lines = " ".join(text.text or "" for text in ElementTree.fromstring(svg).iter(f"{SVG}text"))
    # a label may wrap over lines: its words are still there, in their order
    assert "Verhuizing naar Utrecht" in lines and "Gepest op school" in lines
    png = render(sanne(), ExportOptions(view=VIEW, format=Format.PNG, paper="A4", dpi=40)).data
    assert png.startswith(b"\x89PNG")


def test_the_summary_lists_events_in_time_order_with_date_score_and_people():
    part = summary_part(sanne(), show_scores=True)
    assert part is not None
    lines = [entry.text for entry in part.entries]
    assert lines[0] == "2014: Verhuizing naar Utrecht (++ helpt veel)"
    assert lines[1] == "12–14 jaar: Gepest op school (−− belemmert veel)"
    assert lines[2].startswith("12 juli 2016: Opa Henk overleden")
    assert [c.text for c in part.entries[2].children] == ["betrokken: Opa Henk, Fleur"]
    assert [e.text.split(": ", 1)[1] for e in part.entries][3:] == [
        "Ruzie met Fleur (privé) (− belemmert)",
        "Eerste baan (+ helpt)",
    ]
    hidden = summary_part(sanne(), show_scores=False)
    assert hidden is not None and "helpt" not in " ".join(e.text for e in hidden.entries)
    assert summary_part(Atlas(ClientNode(label="Sanne")), True) is None


def test_the_text_summary_carries_the_events_redacted():
    options = ExportOptions(
        view=VIEW,
        kind=Kind.SUMMARY,
        format=Format.TXT,
        privacy=Privacy(hide_names=True, hide_private=True),
    )
    text = render(sanne(), options).data.decode("utf-8")
    assert "Gebeurtenissen in de tijd" in text
    assert "- 2014: Verhuizing naar Utrecht" in text
    assert "Ruzie" not in text and "Fleur" not in text and "betrokken: F.J." in text


def test_undated_events_are_in_the_summary_and_on_the_poster(tmp_path):
    atlas = sanne()
    atlas.add("nodes", EventNode(label="Iets zonder tijd", score=0))
    part = build_summary(atlas, "x", [], True)
    assert "zonder datum: Iets zonder tijd (= neutraal)" in summary_text(part)
    flat = " ".join(pdf_words(poster(atlas), tmp_path).split())
    assert "zonder datum" in flat and "Iets zonder tijd" in flat
