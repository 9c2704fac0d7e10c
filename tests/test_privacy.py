"""Names masked everywhere, private items left out, and the original atlas left alone."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.export_atlas import atlas_with_foreign_names, names_in

from netwerkatlas import io
from netwerkatlas.export.options import NameStyle, Privacy
from netwerkatlas.export.privacy import NameMasker, fold, initials, name_tokens, redact
from netwerkatlas.model import NODES, NodeKind


def test_initials_keep_dutch_tussenvoegsels_lower_case():
    assert initials("Sanne de Vries") == "S.d.V."
    assert initials("Jan van der Berg") == "J.v.d.B."
    assert initials("Anne-Fleur Bakker") == "A.F.B."
    assert initials("Ελένη") == "Ε."


def test_a_shared_surname_masks_to_its_initial_not_to_one_person():
    masker = NameMasker([("a", "Jan de Boer"), ("b", "Marie de Boer")], NameStyle.INITIALS)
    text = masker.scrub("Jan de Boer belt Marie. De familie Boer woont in Assen.")
    assert text == "J.d.B. belt M.d.B.. De familie B. woont in Assen."


def test_equal_initials_are_told_apart():
    masker = NameMasker([("a", "Sara Smit"), ("b", "Sem Snel")], NameStyle.INITIALS)
    assert masker.replacement == {"a": "S.S.", "b": "S.S. (2)"}


def test_redaction_leaves_the_original_untouched_and_hides_every_name():
    atlas = atlas_with_foreign_names()
    before = io.dumps(atlas)
    shared = redact(atlas, Privacy(hide_names=True, hide_private=True, hide_scores=True))
    assert io.dumps(atlas) == before
    dumped = io.dumps(shared).decode()
    for name in names_in(atlas):
        assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", dumped, re.I), name
    assert all(node.score is None for node in shared.nodes())
    assert not any(node.private for node in shared.nodes())
    assert len(shared.client.shown_label) <= 4  # initials


name_part = st.text(alphabet=st.characters(categories=("Lu", "Ll")), min_size=2, max_size=8).map(
    str.capitalize
)
full_name = st.lists(name_part, min_size=1, max_size=3).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(names=st.lists(full_name, min_size=1, max_size=5), style=st.sampled_from(NameStyle))
def test_no_word_of_any_name_survives_scrubbing(names, style):
    masker = NameMasker([(str(i), n) for i, n in enumerate(names)], style)
    text = " en ".join(f"{n}, {n.upper()} ({n.split()[-1]})" for n in names)
    scrubbed = masker.scrub(text)
    masks = set(masker.replacement.values())
    for name in names:
        for word in name_tokens(name):  # tussenvoegsels like "van" or "zu" name no one
            hits = re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", scrubbed, re.I)
            # A mask may itself contain a word only when it is a pseudonym like "Persoon A".
            assert all(any(hit in mask for mask in masks) for hit in hits), (word, scrubbed)


def test_people_without_a_name_are_masked_by_their_label():
    atlas = atlas_with_foreign_names()
    shared = redact(atlas, Privacy(hide_names=True))
    labels = {n.shown_label for n in shared.nodes(NodeKind.PERSON)}
    assert "Huisarts" not in labels and "H." in labels
    assert "Moeder" in labels  # a role with a name: the role stays, the name goes


@pytest.mark.parametrize(
    "written",
    [
        "Fleurs moeder",
        "Fleur's moeder",
        "Fleur’s moeder",
        "Sanneke",
        "Sannetje",
        "Sanne's",
        "Anitaatje",
        "Pietje",
        "Pietjes",
        "Ansje",
        "Zoe",
        "ZOË",
        "Zoë's",
    ],
)
def test_names_are_masked_in_their_dutch_forms_and_without_accents(written):
    masker = NameMasker(
        [
            ("a", "Fleur Bakker"),
            ("b", "Sanne"),
            ("c", "Anita"),
            ("d", "Piet"),
            ("e", "Ans"),
            ("f", "Zoë"),
        ],
        NameStyle.INITIALS,
    )
    scrubbed = masker.scrub(f"Gesprek met {written} vandaag.")
    assert scrubbed.startswith("Gesprek met ") and scrubbed.endswith(" vandaag.")
    masked = scrubbed.removeprefix("Gesprek met ").removesuffix(" vandaag.").split(" ")[0]
    assert masked in masker.replacement.values(), scrubbed


@pytest.mark.parametrize("text", ["Anseatisch", "kans", "Ansgar", "Pieter", "Sannes-Dijk"])
def test_a_name_inside_another_word_is_left_alone(text):
    masker = NameMasker([("e", "Ans"), ("d", "Piet"), ("b", "Sanne")], NameStyle.INITIALS)
    if text == "Sannes-Dijk":  # a possessive form before a hyphen is still her name
        assert masker.scrub(text) == "S.-Dijk"
    else:
        assert masker.scrub(text) == text


def test_redaction_masks_every_form_in_notes():
    atlas = atlas_with_foreign_names()
    person = next(atlas.nodes(NodeKind.PERSON))
    first = name_tokens(person.name or person.label)[0]
    atlas.update(NODES, person.id, {"note": f"{first}s moeder; {first}je belt"})
    shared = redact(atlas, Privacy(hide_names=True))
    note = next(n for n in shared.nodes() if n.id == person.id).note
    assert fold(first) not in fold(note), note
