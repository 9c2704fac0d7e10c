"""Keep the gettext catalogues in assets/translations/ in order.

The `.po` files (nl.po, en.po) are the source of truth: translators edit them with any gettext
tool (Poedit, Lokalize, Weblate). This script, run after an edit, writes the template
messages.pot (every id, with the Dutch and English text as a note for a new translator) and
compiles the `.mo` files the program reads at run time. It needs Babel (the test extras).

    python scripts/translations.py           # update messages.pot and the .mo files
    python scripts/translations.py --check   # exit 1 when something is out of date or missing

The catalogues used to be JSON (nl.json, en.json). When such a file is still there (a branch
that added messages to it), running the script takes its changes into the `.po` files with a
three-way comparison against the JSON as it was when the catalogues moved (BASE_COMMIT): a
message changed or added in the JSON wins, a message only changed in the `.po` keeps that, and
both changed is reported. Then the JSON files are removed. Running it again changes nothing.
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import re
import string
import subprocess
import sys
from pathlib import Path

try:
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po, write_po
except ImportError as missing:  # a development tool: in the test extras, not the program's
    raise SystemExit(f"{missing}: Babel is needed; run bash scripts/setup.sh first.") from None

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "assets" / "translations"
LANGUAGES = ("nl", "en")
NAMES = {"nl": "Nederlands", "en": "English"}
BASE_COMMIT = "c75a39a1824b30962bcae38f7ada23a19c81a9ca"
VERSION = re.search(r'__version__ = "(.+)"', (ROOT / "src/netwerkatlas/__init__.py").read_text())[1]
FIXED_DATE = datetime.datetime(2026, 12, 2, tzinfo=datetime.UTC)

# Messages that count something: when they come in from JSON with one form, these are the
# forms (one, other) they get.
PLURALS: dict[str, dict[str, tuple[str, str]]] = {
    "error.more_problems": {
        "nl": ("en nog {count} ander probleem", "en nog {count} andere problemen"),
        "en": ("and {count} other problem", "and {count} other problems"),
    },
    "problem.more_unknown_fields": {
        "nl": (
            "en nog {count} ander onbekend veld, dat ook bewaard blijft.",
            "en nog {count} andere onbekende velden, die ook bewaard blijven.",
        ),
        "en": (
            "and {count} other unknown field, which is kept as well.",
            "and {count} other unknown fields, which are kept as well.",
        ),
    },
    "recovery.count.nodes": {
        "nl": ("{count} bol", "{count} bollen"),
        "en": ("{count} bubble", "{count} bubbles"),
    },
    "recovery.count.edges": {
        "nl": ("{count} verbinding", "{count} verbindingen"),
        "en": ("{count} link", "{count} links"),
    },
    "recovery.count.goals": {
        "nl": ("{count} doel", "{count} doelen"),
        "en": ("{count} goal", "{count} goals"),
    },
    "encryption.too_short": {
        "nl": ("Te kort: minstens {count} teken.", "Te kort: minstens {count} tekens."),
        "en": ("Too short: at least {count} character.", "Too short: at least {count} characters."),
    },
    "perspective.error.too_many": {
        "nl": (
            "Een bol kan hoogstens {count} andere visie hebben.",
            "Een bol kan hoogstens {count} andere visies hebben.",
        ),
        "en": (
            "A bubble can have at most {count} other view.",
            "A bubble can have at most {count} other views.",
        ),
    },
    "tiles.overview_title": {
        "nl": (
            "Overzicht: {count} blad ({cols} × {rows})",
            "Overzicht: {count} bladen ({cols} × {rows})",
        ),
        "en": (
            "Overview: {count} sheet ({cols} × {rows})",
            "Overview: {count} sheets ({cols} × {rows})",
        ),
    },
    "basisposter.summary.questions": {
        "nl": (
            "Basisposter met {count} vraag voor het plan",
            "Basisposter met {count} vragen voor het plan",
        ),
        "en": (
            "Base poster with {count} question for the plan",
            "Base poster with {count} questions for the plan",
        ),
    },
    "gedcom.warn.skipped_lines": {
        "nl": (
            "{count} onleesbare regel overgeslagen (regel {lines}).",
            "{count} onleesbare regels overgeslagen (regel {lines}).",
        ),
        "en": (
            "{count} unreadable line skipped (line {lines}).",
            "{count} unreadable lines skipped (lines {lines}).",
        ),
    },
    "gedcom.warn.more": {
        "nl": ("… en nog {count} melding.", "… en nog {count} meldingen."),
        "en": ("… and {count} more warning.", "… and {count} more warnings."),
    },
    "gedcom.command.import": {
        "nl": (
            "Familie uit GEDCOM importeren ({count} persoon)",
            "Familie uit GEDCOM importeren ({count} personen)",
        ),
        "en": (
            "Import family from GEDCOM ({count} person)",
            "Import family from GEDCOM ({count} people)",
        ),
    },
    "gedcom.dialog.choose": {
        "nl": (
            "Het bestand bevat {count} persoon. Kies de persoon om wie het genogram draait:",
            "Het bestand bevat {count} personen. Kies de persoon om wie het genogram draait:",
        ),
        "en": (
            "The file holds {count} person. Choose the person the genogram centres on:",
            "The file holds {count} people. Choose the person the genogram centres on:",
        ),
    },
    "gedcom.dialog.count": {
        "nl": (
            "{count} persoon wordt toegevoegd: "
            "ouders en kinderen tot zo ver, broers en zussen, en hun partners.",
            "{count} personen worden toegevoegd: "
            "ouders en kinderen tot zo ver, broers en zussen, en hun partners.",
        ),
        "en": (
            "{count} person will be added: "
            "parents and children that far, brothers and sisters, and their partners.",
            "{count} people will be added: "
            "parents and children that far, brothers and sisters, and their partners.",
        ),
    },
    "gedcom.dialog.warnings": {
        "nl": (
            "{count} regel is overgeslagen (wijs aan voor details).",
            "{count} regels zijn overgeslagen (wijs aan voor details).",
        ),
        "en": (
            "{count} line was skipped (point at it for details).",
            "{count} lines were skipped (point at it for details).",
        ),
    },
    "encryption.wrong_again": {
        "nl": (
            "De wachtwoordzin klopt niet. Probeer het opnieuw (nog {count} keer).",
            "De wachtwoordzin klopt niet. Probeer het opnieuw (nog {count} keer).",
        ),
        "en": (
            "The passphrase is wrong. Try again ({count} try left).",
            "The passphrase is wrong. Try again ({count} tries left).",
        ),
    },
    "status.imported": {
        "nl": (
            "{count} persoon geïmporteerd uit {path}",
            "{count} personen geïmporteerd uit {path}",
        ),
        "en": ("{count} person imported from {path}", "{count} people imported from {path}"),
    },
}
# Messages with {count} that do not count things ("page 2 of 5").
ONE_FORM = {"export.page_of", "tiles.label", "tiles.label_short"}
# One-form messages that the plural ones above replace.
REPLACED = (
    "recovery.count.nodes_one",
    "recovery.count.edges_one",
    "recovery.count.goals_one",
    "basisposter.summary.one_question",
)

Text = str | tuple[str, ...]


def po_path(code: str) -> Path:
    return FOLDER / f"{code}.po"


def json_path(code: str) -> Path:
    return FOLDER / f"{code}.json"


def read_catalogue(code: str) -> dict[str, Text]:
    """The messages of `code`.po by id: a str, or a tuple of plural forms."""
    if not po_path(code).exists():
        return {}
    with open(po_path(code), "rb") as f:
        catalog = read_po(f, locale=code)
    found: dict[str, Text] = {}
    for message in catalog:
        if not message.id:
            continue
        key = message.id[0] if isinstance(message.id, tuple | list) else message.id
        found[key] = tuple(message.string) if message.pluralizable else message.string
    return found


def base_json(code: str) -> dict[str, str]:
    """The JSON catalogue as it was when the messages moved to `.po`; empty without git."""
    try:
        text = subprocess.run(
            ["git", "show", f"{BASE_COMMIT}:assets/translations/{code}.json"],
            cwd=ROOT,
            capture_output=True,
            check=True,
            text=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    return json.loads(text)


def merge_json(code: str, ours: dict[str, Text], notes: list[str]) -> dict[str, Text]:
    """Take what changed in `code`.json since BASE_COMMIT into the messages `ours`."""
    theirs = json.loads(json_path(code).read_text(encoding="utf-8"))
    base = base_json(code) if ours else {}
    merged = dict(ours)
    for key in sorted(set(theirs) | set(base)):
        new, old = theirs.get(key), base.get(key)
        if new == old:
            continue  # untouched in the JSON: the .po keeps its own (perhaps newer) text
        if key in ours and ours[key] != old and key in base:
            notes.append(f"{code}: {key}: changed in both; kept the .po text {ours[key]!r}")
            continue
        if new is None:
            merged.pop(key, None)
        else:
            merged[key] = new
    for key in REPLACED:
        merged.pop(key, None)
    return merged


def with_plurals(code: str, messages: dict[str, Text]) -> dict[str, Text]:
    """Messages that count something get their plural forms (when they have only one)."""
    result = dict(messages)
    for key, forms in PLURALS.items():
        if key in result and isinstance(result[key], str):
            result[key] = forms[code]
    return result


def placeholders(text: Text) -> set[str]:
    texts = (text,) if isinstance(text, str) else text
    return {n for s in texts for _, n, _, _ in string.Formatter().parse(s) if n is not None}


def header(code: str | None, kind: str) -> Catalog:
    return Catalog(
        locale=code,
        domain="netwerkatlas",
        project="Netwerkatlas",
        version=VERSION,
        last_translator="Netwerkatlas",
        header_comment=(
            f"# {kind} of Netwerkatlas.\n"
            "# The ids are the keys the code asks for; edit the texts, then run\n"
            "# python scripts/translations.py to compile them."
        ),
        creation_date=FIXED_DATE,
        revision_date=FIXED_DATE,
        language_team=NAMES.get(code or ""),
        fuzzy=False,
    )


def add(catalog: Catalog, key: str, text: Text | None, comments: list[str]) -> None:
    if isinstance(text, tuple) or (text is None and key in PLURALS):
        catalog.add((key, key), text or ("", ""), auto_comments=comments)
    else:
        catalog.add(key, text or "", auto_comments=comments)


def notes_for(key: str, messages: dict[str, dict[str, Text]], skip: str | None) -> list[str]:
    lines = []
    for code in LANGUAGES:
        text = messages[code].get(key)
        if code == skip or text is None:
            continue
        for form in (text,) if isinstance(text, str) else text:
            lines.append(f"{code}: {form}")
    return lines


def build(messages: dict[str, dict[str, Text]]) -> dict[Path, bytes]:
    """The .po, .pot and .mo files for `messages`, as bytes by path."""
    ids = sorted(set().union(*messages.values()))
    files: dict[Path, bytes] = {}
    template = header(None, "Message template")
    for key in ids:
        plural = any(isinstance(messages[c].get(key), tuple) for c in LANGUAGES)
        add(template, key, ("", "") if plural else None, notes_for(key, messages, None))
    files[FOLDER / "messages.pot"] = _po_bytes(template)
    for code in LANGUAGES:
        catalog = header(code, f"{NAMES[code]} messages")
        for key in ids:
            add(catalog, key, messages[code].get(key), notes_for(key, messages, code))
        files[po_path(code)] = _po_bytes(catalog)
        out = io.BytesIO()
        write_mo(out, catalog)
        files[FOLDER / f"{code}.mo"] = out.getvalue()
    return files


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=0, no_location=True, omit_header=False)
    return out.getvalue()


def problems(messages: dict[str, dict[str, Text]]) -> list[str]:
    """What is wrong with the catalogues themselves: ids in one language only, a plural
    message in one language and not the other, other placeholders, empty texts."""
    found = []
    nl, en = messages["nl"], messages["en"]
    for key in sorted(set(nl) ^ set(en)):
        found.append(f"{key}: only in {'nl' if key in nl else 'en'}.po")
    for key in sorted(set(nl) & set(en)):
        if isinstance(nl[key], tuple) != isinstance(en[key], tuple):
            found.append(f"{key}: plural forms in one language only")
        elif placeholders(nl[key]) != placeholders(en[key]):
            found.append(f"{key}: other placeholders in nl and en")
    for code, texts in messages.items():
        for key, text in texts.items():
            forms = (text,) if isinstance(text, str) else text
            if not all(form.strip() for form in forms):
                found.append(f"{key}: empty in {code}.po")
    return found


def current() -> dict[str, dict[str, Text]]:
    return {code: read_catalogue(code) for code in LANGUAGES}


def stale_files(messages: dict[str, dict[str, Text]]) -> list[str]:
    """The generated files that do not match the .po files (the .po files are not judged on
    layout: a translator's tool may wrap them differently)."""
    wanted = build(messages)
    return [
        path.name
        for path, data in wanted.items()
        if path.suffix != ".po" and (not path.exists() or path.read_bytes() != data)
    ]


def check() -> list[str]:
    messages = current()
    found = problems(messages)
    found += [
        f"{name} is out of date: run python scripts/translations.py"
        for name in stale_files(messages)
    ]
    found += [
        f"{json_path(code).name} is still there: run python scripts/translations.py"
        for code in LANGUAGES
        if json_path(code).exists()
    ]
    return found


def update() -> list[str]:
    """Take in any JSON left over, write the .po, .pot and .mo files; what needs a look."""
    notes: list[str] = []
    messages = current()
    for code in LANGUAGES:
        if json_path(code).exists():
            messages[code] = merge_json(code, messages[code], notes)
        messages[code] = with_plurals(code, messages[code])
    for path, data in build(messages).items():
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
    for code in LANGUAGES:
        json_path(code).unlink(missing_ok=True)
    counting = sorted(
        k
        for k, v in messages["nl"].items()
        if isinstance(v, str) and "{count}" in v and k not in ONE_FORM
    )
    notes += [f"{key}: counts something; should it have plural forms?" for key in counting]
    return notes + problems(messages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check; exit 1 on a problem")
    args = parser.parse_args(argv)
    found = check() if args.check else update()
    for line in found:
        print(line, file=sys.stderr)
    return 1 if args.check and found else 0


if __name__ == "__main__":
    sys.exit(main())
