"""The gettext catalogues: both languages say every message, the compiled .mo files the program
reads are those of the .po files translators edit, and counted things have plural forms."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from netwerkatlas import i18n

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "netwerkatlas"


def load_script():
    spec = importlib.util.spec_from_file_location("translations", ROOT / "scripts/translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script():
    return load_script()


@pytest.fixture
def english(monkeypatch):
    monkeypatch.setattr(i18n, "_language", "en")


def test_the_mo_files_are_compiled_from_the_po_files(script):
    assert script.stale_files(script.current()) == []


def test_the_check_finds_nothing(script):
    assert script.check() == []


def test_both_languages_have_exactly_the_same_ids_and_plural_messages(script):
    messages = script.current()
    assert set(messages["nl"]) == set(messages["en"])
    assert len(messages["nl"]) > 1000
    assert script.problems(messages) == []


def test_a_message_in_one_language_only_is_found(script):
    messages = script.current()
    messages["en"] = {k: v for k, v in messages["en"].items() if k != "panel.palette"}
    messages["nl"] = {**messages["nl"], "extra.only_dutch": "alleen Nederlands"}
    assert script.problems(messages) == [
        "extra.only_dutch: only in nl.po",
        "panel.palette: only in nl.po",
    ]


def test_a_stale_mo_file_is_found(script):
    messages = script.current()
    messages["en"] = {**messages["en"], "panel.palette": "Changed"}
    assert "en.mo" in script.stale_files(messages)


def test_the_compiled_catalogue_is_what_the_program_says():
    assert i18n.messages("nl")["panel.palette"] == (i18n.catalogue("nl")["panel.palette"],)
    assert set(i18n.messages("nl")) == set(i18n.messages("en"))


@pytest.mark.parametrize(
    ("code", "one", "three"),
    [("nl", "1 bol", "3 bollen"), ("en", "1 bubble", "3 bubbles")],
)
def test_counted_things_take_their_plural_form(monkeypatch, code, one, three):
    monkeypatch.setattr(i18n, "_language", code)
    assert i18n.tn("recovery.count.nodes", 1) == one
    assert i18n.tn("recovery.count.nodes", 3) == three
    assert i18n.t("recovery.count.nodes", count=1) == one  # t() with a count does the same


def test_dutch_plurals_of_people_and_questions():
    assert i18n.tn("gedcom.command.import", 1).endswith("(1 persoon)")
    assert i18n.tn("gedcom.command.import", 2).endswith("(2 personen)")
    assert i18n.tn("basisposter.summary.questions", 1) == "Basisposter met 1 vraag voor het plan"


def test_the_summary_of_a_recovery_copy_counts_in_words(english):
    from netwerkatlas.io.recovery import summary_text

    assert summary_text({"nodes": 1, "edges": 2, "goals": 1}) == "1 bubble, 2 links, 1 goal"


def calls_in_source(function: str) -> set[str]:
    keys = set()
    for source in SRC.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        keys |= set(re.findall(rf'\b{function}\(\s*"([a-z_]+\.[a-z_.]+)"', text))
    return keys


def test_plural_messages_are_said_with_tn_and_others_with_t():
    plural = i18n.plural_ids("nl")
    assert len(plural) >= 15
    assert sorted(calls_in_source("t") & plural) == []
    with_tn = calls_in_source("tn")
    assert with_tn and sorted(with_tn - plural) == []


def test_messages_built_from_a_problem_key_take_their_plural_form_too():
    """A file problem says its message through t() with a count: one field, two fields."""
    from netwerkatlas.io.errors import Problem

    assert Problem("more_unknown_fields", values={"count": 1}).what() == (
        "en nog 1 ander onbekend veld, dat ook bewaard blijft."
    )
    assert Problem("more_unknown_fields", values={"count": 2}).what() == (
        "en nog 2 andere onbekende velden, die ook bewaard blijven."
    )


def test_the_validate_command_counts_in_words(english, capsys):
    from netwerkatlas.cli import main
    from netwerkatlas.resources import example_path

    assert main(["validate", str(example_path())]) == 0
    out = capsys.readouterr().out
    assert re.search(r": fine — \d+ bubbles, \d+ links\.$", out.strip()), out
