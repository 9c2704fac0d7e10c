"""GEDCOM import: every encoding and line end real files come in, broken files, whom to import,
and records the atlas accepts.

One hand-made family (tests/fixtures/gedcom/familie.ged: three generations, a divorce and a
remarriage, half-siblings, twins, an adoption by PEDI and one by an ADOP event, a foster child,
a death with and one without a year) is written here in each encoding with each line end.
"""

from __future__ import annotations

import codecs
import random
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netwerkatlas import i18n
from netwerkatlas.io.gedcom import (
    GedcomError,
    GedcomTree,
    read_gedcom,
    select_around,
    to_records,
)
from netwerkatlas.model import (
    EDGES,
    NODES,
    Atlas,
    EdgeKind,
    Gender,
    ParentChildKind,
    PartnerStatus,
)

FIXTURES = Path(__file__).parent / "fixtures" / "gedcom"
FAMILY = (FIXTURES / "familie.ged").read_text(encoding="utf-8")

BIO, ADOPTED, FOSTER = ParentChildKind.BIOLOGICAL, ParentChildKind.ADOPTED, ParentChildKind.FOSTER
M, F, U, X = Gender.MALE, Gender.FEMALE, Gender.UNKNOWN, Gender.OTHER

# xref: (name, label, gender, birth year, death year, deceased)
PEOPLE = {
    "@I1@": ("Johannes de Vries", "Johannes", M, 1920, 1990, True),
    "@I2@": ("Hélène Bakker", "Hélène", F, 1925, None, True),
    "@I3@": ("Pieter Jan de Vries", "Pieter", M, 1950, None, False),
    "@I4@": ("Loïs de Vries", "Loïs", F, 1952, None, False),
    "@I5@": ("Renée Jansen", "Renée", F, 1953, None, False),
    "@I6@": ("Sofie Meijer", "Sofie", F, 1960, None, False),
    "@I7@": ("Chloë de Vries", "Chloë", F, 1978, None, False),
    "@I8@": ("Zoë de Vries", "Zoë", F, 1978, None, False),
    "@I9@": ("Noël de Vries", "Noël", M, 1992, None, False),
    "@I10@": ("Daniël de Vries", "Daniël", M, 1994, None, False),
    "@I11@": ("Anaïs Smit", "Anaïs", X, 2001, None, False),
    "@I12@": ("Joël Smit", "Joël", U, None, None, False),
    "@I13@": ("Eléonore Smit", "Eléonore", F, 1985, None, False),
}
# xref: (partners, status, married, divorced, {child: kind towards both parents})
FAMILIES = {
    "@F1@": (("@I1@", "@I2@"), PartnerStatus.MARRIED, 1948, None, {"@I3@": BIO, "@I4@": BIO}),
    "@F2@": (("@I3@", "@I5@"), PartnerStatus.DIVORCED, 1975, 1984, {"@I7@": BIO, "@I8@": BIO}),
    "@F3@": (
        ("@I3@", "@I6@"),
        PartnerStatus.MARRIED,
        1989,
        None,
        {"@I9@": BIO, "@I10@": ADOPTED, "@I11@": FOSTER},
    ),
    "@F4@": (("@I12@", "@I4@"), PartnerStatus.OTHER, None, None, {"@I13@": ADOPTED}),
}

# ANSEL puts the combining mark BEFORE the letter it goes on: 0xE2 + "e" is é.
ANSEL_MARKS = {"é": b"\xe2e", "è": b"\xe1e", "ë": b"\xe8e", "ï": b"\xe8i", "É": b"\xe2E"}


def ansel(text: str) -> bytes:
    """The text in ANSEL, written by hand so the test does not trust the codec it tests."""
    return b"".join(ANSEL_MARKS.get(ch) or ch.encode("ascii") for ch in text)


# name: (CHAR line value, how to write the text, the encoding read_gedcom should report)
ENCODINGS = {
    "utf-8-bom": ("UTF-8", lambda s: codecs.BOM_UTF8 + s.encode("utf-8"), "UTF-8"),
    "utf-8": ("UTF-8", lambda s: s.encode("utf-8"), "UTF-8"),
    "utf-16-le-bom": (
        "UNICODE",
        lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"),
        "UTF-16-LE",
    ),
    "utf-16-be-bom": (
        "UNICODE",
        lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
        "UTF-16-BE",
    ),
    "ansi": ("ANSI", lambda s: s.encode("cp1252"), "WINDOWS-1252"),
    "ansel": ("ANSEL", ansel, "ANSEL"),
}
LINE_ENDS = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}


def family_bytes(encoding: str, line_end: str = "lf", text: str = FAMILY) -> bytes:
    char, write, _ = ENCODINGS[encoding]
    text = text.replace("1 CHAR UTF-8", f"1 CHAR {char}").replace("\n", LINE_ENDS[line_end])
    return write(text)


def write(folder: Path, data: bytes | str, name: str = "familie.ged") -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def summary(tree: GedcomTree) -> tuple[dict, dict]:
    """The tree in the shape of PEOPLE and FAMILIES, to compare in one go."""
    people = {
        x: (p.name, p.given.split()[0] if p.given else "", p.gender, *p_years(p))
        for x, p in tree.persons.items()
    }
    families = {
        f.xref: (
            f.partners,
            f.status,
            f.married_year,
            f.divorced_year,
            {c.xref: c.kind for c in f.children},
        )
        for f in tree.families
    }
    return people, families


def p_years(p) -> tuple:
    return p.birth_year, p.death_year, p.deceased


def readable(message: str) -> None:
    """A message for people: no catalogue key left in it, no traceback."""
    assert "gedcom." not in message and "Traceback" not in message


def read_error(path: Path, what_to_do: str = "Wat u kunt doen:") -> GedcomError:
    with pytest.raises(GedcomError) as caught:
        read_gedcom(path)
    message = str(caught.value)
    readable(message)
    assert path.name in message and what_to_do in message
    return caught.value


# --- every encoding with every line end ------------------------------------------------------


@pytest.mark.parametrize("line_end", LINE_ENDS)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_the_family_reads_the_same_in_every_encoding_and_line_end(tmp_path, encoding, line_end):
    path = write(tmp_path, family_bytes(encoding, line_end))
    tree = read_gedcom(path)
    assert tree.encoding == ENCODINGS[encoding][2]
    assert tree.warnings == []
    people, families = summary(tree)
    assert people == PEOPLE
    assert families == FAMILIES


def test_the_ansel_file_really_has_the_mark_before_the_letter():
    data = family_bytes("ansel")
    assert b"1 NAME H\xe2el\xe1ene /Bakker/" in data
    assert b"1 NAME Zo\xe8e /de Vries/" in data and b"Ana\xe8is" in data
    assert max(data) > 0x7F and "é".encode() not in data


def test_utf16_without_a_bom_is_recognised(tmp_path):
    for codec in ("utf-16-le", "utf-16-be"):
        text = FAMILY.replace("1 CHAR UTF-8", "1 CHAR UNICODE").replace("\n", "\r\n")
        tree = read_gedcom(write(tmp_path, text.encode(codec)))
        assert tree.encoding == codec.upper()
        assert summary(tree) == (PEOPLE, FAMILIES)


@pytest.mark.parametrize(
    ("char", "codec", "reported"),
    [
        ("IBMPC", "cp437", "CP437"),
        ("ANSI", "cp1252", "WINDOWS-1252"),
        ("ISO8859-1", "latin-1", "ISO8859-1"),
        ("UNICODE", "utf-8", "UTF-8"),  # some programs say UNICODE and write UTF-8
        ("UTF8", "utf-8", "UTF-8"),
    ],
)
def test_other_character_sets_real_files_declare(tmp_path, char, codec, reported):
    text = FAMILY.replace("1 CHAR UTF-8", f"1 CHAR {char}")
    tree = read_gedcom(write(tmp_path, text.encode(codec)))
    assert (tree.encoding, summary(tree)) == (reported, (PEOPLE, FAMILIES))


def test_without_a_char_line_utf8_is_tried_before_ansel(tmp_path):
    text = FAMILY.replace("1 CHAR UTF-8\n", "")
    assert read_gedcom(write(tmp_path, text.encode("utf-8"))).encoding == "UTF-8"
    tree = read_gedcom(write(tmp_path, ansel(text)))
    assert (tree.encoding, summary(tree)) == ("ANSEL", (PEOPLE, FAMILIES))


def test_a_bom_wins_over_a_char_line_that_says_otherwise(tmp_path):
    text = FAMILY.replace("1 CHAR UTF-8", "1 CHAR ANSEL")
    tree = read_gedcom(write(tmp_path, codecs.BOM_UTF8 + text.encode("utf-8")))
    assert (tree.encoding, summary(tree)) == ("UTF-8", (PEOPLE, FAMILIES))


# --- into the atlas -----------------------------------------------------------------------------


def add_all(atlas: Atlas, tree: GedcomTree, selected: set[str] | None = None):
    records = to_records(tree, selected)
    for node in records.nodes:
        atlas.add(NODES, node)
    for edge in records.edges:
        atlas.add(EDGES, edge)
    return records


def test_records_go_into_an_atlas(tmp_path):
    tree = read_gedcom(write(tmp_path, family_bytes("ansel", "crlf")))
    atlas = Atlas()
    records = add_all(atlas, tree)
    assert len(atlas) == 1 + len(PEOPLE)
    by_xref = {x: atlas.node(node_id) for x, node_id in records.ids.items()}
    for xref, (name, label, gender, born, died, deceased) in PEOPLE.items():
        node = by_xref[xref]
        assert (node.name, node.label, node.gender) == (name, label, gender)
        assert (node.birth_year, node.death_year, node.deceased) == (born, died, deceased)
    xref_of = {node_id: x for x, node_id in records.ids.items()}
    partners = {
        frozenset((xref_of[e.source], xref_of[e.target])): (e.status, e.start_year, e.end_year)
        for e in atlas.edges(EdgeKind.PARTNER)
    }
    assert partners == {
        frozenset(p): (status, married, divorced)
        for p, status, married, divorced, _ in FAMILIES.values()
    }
    parent_child = {
        (xref_of[e.source], xref_of[e.target]): e for e in atlas.edges(EdgeKind.PARENT_CHILD)
    }
    expected = {
        (parent, child): kind
        for partners_, *_, children in FAMILIES.values()
        for parent in partners_
        for child, kind in children.items()
    }
    assert {k: e.relation for k, e in parent_child.items()} == expected
    twins = {k: e.twin_group for k, e in parent_child.items() if e.twin_group}
    assert set(twins) == {(p, c) for p in ("@I3@", "@I5@") for c in ("@I7@", "@I8@")}
    assert len(set(twins.values())) == 1


def test_only_relations_between_chosen_people_are_made(tmp_path):
    tree = read_gedcom(write(tmp_path, FAMILY))
    chosen = {"@I3@", "@I5@", "@I7@", "@I9@"}
    atlas = Atlas()
    records = add_all(atlas, tree, chosen)
    assert set(records.ids) == chosen
    kinds = sorted(e.kind for e in atlas.edges())
    # Pieter+Renée, their child Chloë (twice: both parents), Pieter's son Noël (Sofie not chosen)
    assert kinds == sorted([EdgeKind.PARTNER] + [EdgeKind.PARENT_CHILD] * 3)


def test_a_stepfather_adoption_and_gramps_relation_tags(tmp_path):
    text = """0 HEAD
1 CHAR UTF-8
0 @I1@ INDI
1 NAME Ruud /Visser/
1 SEX M
0 @I2@ INDI
1 NAME Ilse /Bos/
1 SEX F
0 @I3@ INDI
1 NAME Tim /Bos/
1 SEX M
1 FAMC @F1@
1 ADOP
2 FAMC @F1@
3 ADOP HUSB
0 @I4@ INDI
1 NAME Eva /Visser/
1 SEX F
0 @F1@ FAM
1 HUSB @I1@
1 WIFE @I2@
1 CHIL @I3@
1 CHIL @I4@
2 _FREL Foster
2 _MREL Birth
0 TRLR
"""
    tree = read_gedcom(write(tmp_path, text))
    (family,) = tree.families
    assert [(c.xref, c.kinds) for c in family.children] == [
        ("@I3@", (ADOPTED, BIO)),  # adopted by the stepfather, born to the mother
        ("@I4@", (FOSTER, BIO)),  # _FREL/_MREL, found from child's side in FAM.CHIL only
    ]
    atlas = Atlas()
    records = add_all(atlas, tree)
    edge_kinds = {(e.source, e.target): e.relation for e in atlas.edges(EdgeKind.PARENT_CHILD)}
    ids = records.ids
    assert edge_kinds[ids["@I1@"], ids["@I3@"]] == ADOPTED
    assert edge_kinds[ids["@I2@"], ids["@I3@"]] == BIO


def test_dates_and_names_as_real_programs_write_them(tmp_path):
    text = """0 HEAD
1 CHAR UTF-8
0 @I1@ INDI
1 NAME /Onbekend/
1 BIRT
2 DATE @#DJULIAN@ 12 FEB 1650
1 DEAT
2 DATE (overleden rond 1702)
0 @I2@ INDI
1 NAME Maria Johanna /van der Berg/ Jr.
1 SEX f
1 CHR
2 DATE FROM 1890 TO 1891
1 BURI
0 @I3@ INDI
1 NAME
2 GIVN Anna
2 SURN Kok
1 BIRT
2 DATE 0950
1 DEAT
2 DATE AFT 3100
0 TRLR
"""
    tree = read_gedcom(write(tmp_path, text))
    one, two, three = tree.persons.values()
    assert (one.name, one.given, one.birth_year, one.death_year) == ("Onbekend", "", 1650, 1702)
    assert two.name == "Maria Johanna van der Berg Jr."
    assert (two.given, two.surname) == ("Maria Johanna", "van der Berg")
    assert (two.gender, two.birth_year, two.deceased, two.death_year) == (F, 1890, True, None)
    assert (three.name, three.birth_year, three.death_year) == ("Anna Kok", None, None)
    assert len(tree.warnings) == 2 and all("@I3@" in w for w in tree.warnings)
    records = to_records(tree)
    assert [n.label for n in records.nodes] == ["", "Maria", "Anna"]
    assert [n.shown_label for n in records.nodes] == ["Onbekend", "Maria", "Anna"]


# --- whom to import: a generated family of a few hundred ---------------------------------------


def big_family() -> tuple[str, dict[str, list[str]]]:
    """A GEDCOM text of 300+ people around @R@, and who is who (by role) for the selection rule.

    Roles: anc1..anc4 (parents, grandparents, ...), desc1..desc3, partner1..partner3 (partners
    of those), sib and sibpartner, root_partners, and never: aunts, uncles, cousins, nephews
    and strangers, whom no number of generations brings in.
    """
    people: dict[str, tuple[str, int]] = {}  # xref -> (sex, birth year)
    families: list[tuple[str, str, list[str], bool]] = []  # husband, wife, children, divorced
    role: dict[str, list[str]] = defaultdict(list)

    def person(xref: str, sex: str, year: int, kind: str) -> str:
        people[xref] = (sex, year)
        role[kind].append(xref)
        return xref

    def family(husband: str, wife: str, children: list[str], divorced: bool = False) -> None:
        families.append((husband, wife, children, divorced))

    person("@R@", "M", 1960, "root")
    # four generations up: A{g}_{2k} and A{g}_{2k+1} are the parents of A{g-1}_k; each of
    # them has a sibling (an aunt or great-aunt) with a husband and a child (a cousin)
    for gen in range(1, 5):
        for i in range(2**gen):
            person(f"@A{gen}_{i}@", "MF"[i % 2], 1960 - 30 * gen, f"anc{gen}")
    for gen in range(1, 4):
        for i in range(2**gen):
            aunt = person(f"@U{gen}_{i}@", "F", 1965 - 30 * gen, "never")
            uncle = person(f"@U{gen}_{i}P@", "M", 1965 - 30 * gen, "never")
            family(uncle, aunt, [person(f"@U{gen}_{i}C@", "M", 1990 - 30 * gen, "never")])
            family(f"@A{gen + 1}_{2 * i}@", f"@A{gen + 1}_{2 * i + 1}@", [f"@A{gen}_{i}@", aunt])
    # the root's parents and their children; the father's second wife and their son
    sisters = [person("@S1@", "F", 1958, "sib"), person("@S2@", "F", 1963, "sib")]
    family("@A1_0@", "@A1_1@", ["@R@", *sisters], divorced=True)
    family("@A1_0@", person("@FP2@", "F", 1940, "partner1"), [person("@H1@", "M", 1970, "sib")])
    for n, sister in enumerate(sisters, start=1):
        husband = person(f"@SP{n}@", "M", 1960, "sibpartner")
        family(husband, sister, [person(f"@SN{n}@", "M", 1990, "never")])
    # the root's first (divorced) and second wife, three children, three generations down
    first, second = (person(f"@RP{n}@", "F", 1962, "root_partners") for n in (1, 2))
    family("@R@", first, [person(f"@C{n}@", "F", 1985, "desc1") for n in (1, 2)], divorced=True)
    family("@R@", second, [person("@C3@", "F", 1990, "desc1")])
    level = list(role["desc1"])
    for depth in (1, 2, 3):
        below = []
        for parent in level:
            husband = person(parent[:-1] + "P@", "M", 1960 + 25 * depth, f"partner{depth}")
            children = [
                person(f"{parent[:-1]}_{n}@", "F", 1985 + 25 * depth, f"desc{depth + 1}")
                for n in range(3 if depth == 1 else 2 if depth == 2 else 0)
            ]
            family(husband, parent, children)
            below += children
        level = below
    for n in range(50):  # strangers
        dad, mum = person(f"@N{n}D@", "M", 1950, "never"), person(f"@N{n}M@", "F", 1952, "never")
        family(dad, mum, [person(f"@N{n}K{k}@", "F", 1980, "never") for k in range(2)])

    fams: dict[str, list[str]] = defaultdict(list)
    famc: dict[str, list[str]] = defaultdict(list)
    fam_lines: list[str] = []
    for n, (husband, wife, children, divorced) in enumerate(families):
        fam = f"@F{n}@"
        fam_lines += [f"0 {fam} FAM", f"1 HUSB {husband}", f"1 WIFE {wife}", "1 MARR"]
        fam_lines += ["1 DIV"] * divorced + [f"1 CHIL {c}" for c in children]
        fams[husband].append(fam)
        fams[wife].append(fam)
        for child in children:
            famc[child].append(fam)
    lines = ["0 HEAD", "1 GEDC", "2 VERS 5.5.1", "1 CHAR UTF-8"]
    for xref, (sex, year) in people.items():
        lines += [f"0 {xref} INDI", f"1 NAME Persoon /{xref.strip('@')}/", f"1 SEX {sex}"]
        lines += ["1 BIRT", f"2 DATE {year}"]
        lines += [f"1 FAMS {f}" for f in fams[xref]] + [f"1 FAMC {f}" for f in famc[xref]]
    return "\n".join([*lines, *fam_lines, "0 TRLR"]) + "\n", role


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    text, role = big_family()
    return read_gedcom(write(tmp_path_factory.mktemp("big"), text)), role


def test_the_generated_family_is_big_and_clean(big):
    tree, _ = big
    assert len(tree.persons) > 300 and tree.warnings == []


def test_zero_generations_is_the_root_partners_and_siblings(big):
    tree, role = big
    expected = {"@R@", *role["root_partners"], *role["sib"], *role["sibpartner"]}
    assert len(expected) == 8
    assert select_around(tree, "@R@", 0) == expected


def test_one_generation_adds_parents_children_and_their_partners(big):
    tree, role = big
    zero = select_around(tree, "@R@", 0)
    one = select_around(tree, "@R@", 1)
    # the father's second wife comes along as his partner, her son is a half-brother
    assert one - zero == {*role["anc1"], *role["desc1"], *role["partner1"]}
    assert "@H1@" in zero and "@FP2@" in one


def test_two_generations_add_grandparents_grandchildren_and_partners(big):
    tree, role = big
    one = select_around(tree, "@R@", 1)
    two = select_around(tree, "@R@", 2)
    assert two - one == {*role["anc2"], *role["desc2"], *role["partner2"]}
    assert not two & set(role["never"])


def test_many_generations_never_reach_aunts_cousins_or_strangers(big):
    tree, role = big
    assert select_around(tree, "@R@", 50) == set(tree.persons) - set(role["never"])
    three = select_around(tree, "@R@", 3)
    assert {*role["anc3"], *role["desc3"], *role["partner3"]} <= three
    assert not three & {*role["anc4"], *role["never"]}


def test_a_selection_goes_into_an_atlas(big):
    tree, _ = big
    chosen = select_around(tree, "@R@", 2)
    atlas = Atlas()
    records = add_all(atlas, tree, chosen)
    assert len(records.nodes) == len(chosen) == len(atlas) - 1
    assert all(set(atlas.graph.nodes) >= {e.source, e.target} for e in atlas.edges())


def test_the_root_must_exist_and_generations_cannot_be_negative(big):
    tree, _ = big
    with pytest.raises(KeyError):
        select_around(tree, "@NIEMAND@", 1)
    with pytest.raises(ValueError):
        select_around(tree, "@R@", -1)


# --- broken files: a readable message, or a warning and the rest ---------------------------------


def test_an_empty_file(tmp_path):
    for data in (b"", b"\r\n  \n\x1a"):
        assert read_error(write(tmp_path, data, "leeg.ged")).key == "empty"


def test_random_bytes(tmp_path):
    junk = random.Random(7).randbytes(4096)
    error = read_error(write(tmp_path, junk, "ruis.ged"))
    assert error.key == "not_gedcom"


def test_a_json_file_renamed_to_ged(tmp_path):
    error = read_error(FIXTURES / "json-hernoemd.ged")
    assert error.key == "json" and "JSON" in str(error)


def test_a_file_without_head(tmp_path):
    text = FAMILY.replace("0 HEAD\n", "", 1)
    error = read_error(write(tmp_path, text, "zonder-kop.ged"))
    assert error.key == "not_gedcom" and "regel 1" in str(error) and "0 HEAD" in str(error)


def test_an_unknown_character_set(tmp_path):
    error = read_error(FIXTURES / "onbekende-tekenset.ged")
    assert error.key == "unsupported_encoding" and "EBCDIC-KLINGON" in str(error)
    assert "UTF-8" in str(error)  # what to do: export again as UTF-8
    text = FAMILY.replace("1 CHAR UTF-8", "1 CHAR zip")  # a Python codec, but not for text
    assert read_error(write(tmp_path, text, "zip.ged")).key == "unsupported_encoding"


def test_a_file_that_does_not_exist_or_is_a_folder(tmp_path):
    assert read_error(tmp_path / "weg.ged").key == "not_found"
    (tmp_path / "map.ged").mkdir()
    assert read_error(tmp_path / "map.ged").key == "is_directory"


def test_a_file_without_people(tmp_path):
    error = read_error(write(tmp_path, "0 HEAD\n1 CHAR UTF-8\n0 TRLR\n", "niemand.ged"))
    assert error.key == "no_people"


def test_a_truncated_file_reads_what_is_there_and_says_so(tmp_path):
    tree = read_gedcom(FIXTURES / "afgebroken.ged")
    assert list(tree.persons) == [f"@I{n}@" for n in range(1, 9)]
    assert tree.families == []  # the FAM records were at the end
    assert len(tree.warnings) == 1 and "0 TRLR" in tree.warnings[0]
    readable(tree.warnings[0])


BROKEN_LINE_FIRST = FAMILY.replace("0 @I2@ INDI", "kapotte regel\n\n0 @I2@ INDI")


def line_of(text: str, line: str) -> int:
    return text.splitlines().index(line) + 1


def saying(warnings: list[str], *words: str) -> str:
    """The one warning with all these words in it."""
    (found,) = [w for w in warnings if all(word in w for word in words)]
    return found


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le-bom", "utf-16-be-bom"])
def test_cut_in_the_middle_of_a_letter(tmp_path, encoding):
    """Cut between the bytes of ë: in UTF-16 the half letter goes, in UTF-8 it shows as �."""
    data = family_bytes(encoding, "crlf", BROKEN_LINE_FIRST)
    cut = data.index("Noël".encode(encoding[:9])) + (3 if encoding == "utf-8" else 5)
    tree = read_gedcom(write(tmp_path, data[:cut], "half.ged"))
    assert len(tree.persons) == 9 and tree.families == []
    saying(tree.warnings, "regel 18)")
    saying(tree.warnings, "0 TRLR")
    if encoding == "utf-8":
        assert tree.persons["@I9@"].name == "No\ufffd"
        noel = line_of(BROKEN_LINE_FIRST, "1 NAME Noël /de Vries/")
        saying(tree.warnings, f"regel {noel} ", "�")
    else:
        assert tree.persons["@I9@"].name == "No" and len(tree.warnings) == 2


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le-bom", "ansel"])
def test_bytes_that_are_no_letter_are_shown_and_named_by_line(tmp_path, encoding):
    """The warning names the line as the user counts it in the file, broken lines included."""
    good, bad = {
        "utf-8": ("ë".encode(), b"\xff"),
        "utf-16-le-bom": ("ë".encode("utf-16-le"), b"\x00\xd8"),  # half a surrogate pair
        "ansel": (b"\xe8e", b"\x90e"),  # 0x90 means nothing in ANSEL
    }[encoding]
    data = family_bytes(encoding, "cr", BROKEN_LINE_FIRST).replace(good, bad, 1)
    tree = read_gedcom(write(tmp_path, data))
    assert tree.persons["@I7@"].name.startswith("Chlo\ufffd")
    assert summary(tree)[1] == FAMILIES
    chloe = line_of(BROKEN_LINE_FIRST, "1 NAME Chloë /de Vries/")
    assert len(tree.warnings) == 2
    saying(tree.warnings, f"regel {chloe} ", "�")


def test_pointers_to_missing_families_and_people_are_skipped(tmp_path):
    tree = read_gedcom(FIXTURES / "ontbrekend-gezin.ged")
    (family,) = tree.families
    assert family.partners == ("@I1@", "@I2@")
    assert [c.xref for c in family.children] == ["@I3@"]
    assert len(tree.warnings) == 2
    assert any("@F9@" in w for w in tree.warnings) and any("@I99@" in w for w in tree.warnings)
    add_all(Atlas(), tree)


def test_broken_lines_in_the_middle_are_skipped_with_a_warning(tmp_path):
    text = FAMILY.replace(
        "2 CONT Tweede regel van de notitie.\n",
        "2 CONT Tweede regel van de notitie.\nderde regel, zonder niveau ervoor\n\n"
        "5 DATE te diep\n6 PLAC nog dieper\n",
    )
    tree = read_gedcom(write(tmp_path, text))
    assert summary(tree) == (PEOPLE, FAMILIES)
    first = text.splitlines().index("derde regel, zonder niveau ervoor") + 1
    (warning,) = tree.warnings  # the blank line is just passed over
    assert warning.startswith("3 ") and f"regel {first}, {first + 2}, {first + 3})" in warning


def test_nothing_but_garbage_after_the_head_is_not_a_family_tree(tmp_path):
    text = "0 HEAD\n" + "dit is gewoon tekst\n" * 20
    assert read_error(write(tmp_path, text, "tekst.ged")).key == "not_gedcom"


def test_messages_follow_the_language(tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "_language", "en")
    error = read_error(tmp_path / "weg.ged", "What you can do:")
    assert "does not exist" in str(error)
    tree = read_gedcom(FIXTURES / "afgebroken.ged")
    assert "closing line" in tree.warnings[0]


edits = st.lists(
    st.tuples(
        st.sampled_from(["replace", "delete", "insert", "cut", "repeat"]),
        st.floats(0, 1),
        st.binary(min_size=1, max_size=12),
    ),
    min_size=1,
    max_size=6,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    encoding=st.sampled_from(list(ENCODINGS)),
    line_end=st.sampled_from(list(LINE_ENDS)),
    changes=edits,
)
def test_a_damaged_file_gives_a_tree_the_atlas_takes_or_a_message(
    tmp_path, encoding, line_end, changes
):
    data = bytearray(family_bytes(encoding, line_end))
    for what, where, new in changes:
        at = int(where * len(data))
        if what == "replace":
            data[at : at + len(new)] = new
        elif what == "delete":
            del data[at : at + len(new) * 4]
        elif what == "insert":
            data[at:at] = new
        elif what == "cut":
            del data[at:]
        else:
            data[at:at] = data[at // 2 : at // 2 + 30]
    path = write(tmp_path, bytes(data), "beschadigd.ged")
    try:
        tree = read_gedcom(path)
    except GedcomError as error:
        readable(str(error))
        return
    for warning in tree.warnings:
        readable(warning)
    add_all(Atlas(), tree)
    for xref in list(tree.persons)[:2]:
        assert xref in select_around(tree, xref, 2)


def test_reading_changes_nothing_on_disk(tmp_path):
    data = family_bytes("utf-16-le-bom", "crlf")
    path = write(tmp_path, data)
    read_gedcom(path)
    assert path.read_bytes() == data and [p.name for p in tmp_path.iterdir()] == [path.name]


def test_every_problem_has_a_hint_in_both_languages():
    for language in ("nl", "en"):
        messages = i18n.messages(language)
        problems = {k.split(".", 2)[2] for k in messages if k.startswith("gedcom.problem.")}
        hints = {k.split(".", 2)[2] for k in messages if k.startswith("gedcom.hint.")}
        assert problems == hints and len(problems) >= 10


def test_a_nul_byte_in_the_character_set_name_gives_a_message(tmp_path):
    """Found by the damaged-file test: codecs.lookup raises ValueError on a NUL."""
    data = family_bytes("utf-8", "lf").replace(b"CHAR UTF-8", b"CHAR UT\x00F-8", 1)
    assert b"\x00" in data
    with pytest.raises(GedcomError) as caught:
        read_gedcom(write(tmp_path, data, "nul.ged"))
    readable(str(caught.value))


# --- dates and names that used to go wrong ---------------------------------------------------


def one_person(tmp_path, lines: str) -> tuple:
    """Read a file with one person whose record ends with `lines`; the person and warnings."""
    text = f"0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME Jan /Kok/\n{lines}0 TRLR\n"
    tree = read_gedcom(write(tmp_path, text))
    return tree.persons["@I1@"], tree.warnings


@pytest.mark.parametrize(
    ("date", "year"),
    [
        ("BEF 1930", 1930),
        ("TO 1930", 1930),
        ("AFT 1930", 1930),
        ("FROM 1920 TO 1930", 1920),
        ("BET 1920 AND 1930", 1920),
        ("ABT 1930", 1930),
        ("EST 1930", 1930),
        ("INT 1930 (rond 1930)", 1930),
    ],
)
def test_every_kind_of_date_keeps_the_year_the_file_wrote(tmp_path, date, year):
    """ged4py orders "BEF 1930" from a placeholder 5000 B.C.; the year is still 1930."""
    person, warnings = one_person(tmp_path, f"1 DEAT\n2 DATE {date}\n")
    assert person.death_year == year
    assert warnings == []


@pytest.mark.parametrize("date", ["ABT 1032 BC", "1032 B.C.", "ABT 1032 B.C.", "1032 BCE"])
def test_a_year_before_christ_is_never_taken_as_after(tmp_path, date):
    person, warnings = one_person(tmp_path, f"1 BIRT\n2 DATE {date}\n")
    assert person.birth_year is None
    (warning,) = warnings
    assert "1032 v.Chr." in warning and "1000 tot 2999" in warning


def test_a_year_before_1000_is_left_out_with_a_reason_not_called_impossible(tmp_path):
    person, warnings = one_person(tmp_path, "1 BIRT\n2 DATE 950\n")
    assert person.birth_year is None
    (warning,) = warnings
    assert "950" in warning and "1000 tot 2999" in warning and "kloppen" not in warning
    assert "-5000" not in warning


def test_a_birth_without_a_date_does_not_hide_a_dated_baptism_or_burial(tmp_path):
    person, warnings = one_person(
        tmp_path, "1 BIRT\n1 CHR\n2 DATE 12 MAR 1901\n1 DEAT Y\n1 BURI\n2 DATE 1960\n"
    )
    assert (person.birth_year, person.death_year, person.deceased) == (1901, 1960, True)
    assert warnings == []


def test_a_dated_birth_still_wins_over_a_baptism(tmp_path):
    person, _ = one_person(tmp_path, "1 BIRT\n2 DATE 1900\n1 CHR\n2 DATE 1901\n")
    assert person.birth_year == 1900


def test_control_characters_in_names_are_left_out_and_the_svg_stays_xml(tmp_path):
    from xml.etree import ElementTree

    from netwerkatlas.render.svg_painter import SvgPainter

    text = "0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME An\x01na /Bo\x07er/\n0 TRLR\n"
    person = read_gedcom(write(tmp_path, text)).persons["@I1@"]
    assert (person.name, person.given, person.surname) == ("Anna Boer", "Anna", "Boer")
    painter = SvgPainter(100, 100)
    painter.text(10, 10, "typed \x0b with \x1f controls", size=10, colour="#000")
    ElementTree.fromstring(painter.document())  # a control character would make it invalid


def test_slashes_beyond_the_surname_are_not_part_of_the_name(tmp_path):
    text = "0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME John /Smith/ Jr/\n0 TRLR\n"
    person = read_gedcom(write(tmp_path, text)).persons["@I1@"]
    assert person.name == "John Smith Jr"
    assert "/" not in person.given + person.surname


def test_a_family_id_used_twice_is_skipped_with_a_warning_never_merged(tmp_path):
    text = """0 HEAD
1 CHAR UTF-8
0 @I1@ INDI
1 NAME Jan /Kok/
0 @I2@ INDI
1 NAME Els /Kok/
0 @I3@ INDI
1 NAME Piet /Smit/
0 @F1@ FAM
1 HUSB @I1@
1 WIFE @I2@
0 @F1@ FAM
1 HUSB @I3@
0 TRLR
"""
    tree = read_gedcom(write(tmp_path, text))
    (family,) = tree.families
    assert family.partners == ("@I1@", "@I2@")
    assert saying(tree.warnings, "@F1@", "nooit samengevoegd")
