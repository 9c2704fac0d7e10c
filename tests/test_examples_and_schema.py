"""The bundled examples open, are what their builder makes, and match the shipped schema."""

from __future__ import annotations

import importlib.util
import json

import jsonschema
import pytest

from netwerkatlas import io
from netwerkatlas.io.schema import schema_filename, schema_text
from netwerkatlas.model import EdgeKind, NodeKind
from netwerkatlas.resources import assets_dir, examples

ROOT = assets_dir().parent
SCHEMA = ROOT / "schema" / schema_filename()


def load_builder():
    path = assets_dir() / "examples" / "build_examples.py"
    spec = importlib.util.spec_from_file_location("build_examples", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_there_are_the_three_examples():
    assert {p.stem for p in examples()} == {
        "netwerkintake-sanne",
        "genogram-familie-de-boer",
        "ecogram-freek",
    }


@pytest.mark.parametrize("path", examples(), ids=lambda p: p.stem)
def test_example_loads_cleanly_and_matches_the_schema(path):
    atlas, report = io.load(path)
    assert report.notices == []
    assert len(atlas) > 8
    jsonschema.validate(
        json.loads(path.read_text(encoding="utf-8")), json.loads(SCHEMA.read_text())
    )


def test_examples_are_what_the_builder_makes():
    built = load_builder().build_all()
    for path in examples():
        assert io.dumps(built[path.stem]) == path.read_bytes(), (
            f"{path.name} is out of date: run python assets/examples/build_examples.py"
        )


def test_examples_cover_each_instrument():
    intake, _ = io.load(assets_dir() / "examples" / "netwerkintake-sanne.netwerkatlas")
    assert any(n.score == -2 for n in intake.nodes()) and any(n.score == 2 for n in intake.nodes())
    assert len(list(intake.edges(EdgeKind.INFLUENCE))) >= 5
    assert intake.items("goals") and intake.items("actions")
    family, _ = io.load(assets_dir() / "examples" / "genogram-familie-de-boer.netwerkatlas")
    assert list(family.edges(EdgeKind.PARTNER)) and list(family.edges(EdgeKind.PARENT_CHILD))
    assert any(n.death_year for n in family.nodes(NodeKind.PERSON))
    ecogram, _ = io.load(assets_dir() / "examples" / "ecogram-freek.netwerkatlas")
    assert {n.life_domain for n in ecogram.nodes(NodeKind.PERSON)} >= {"vrienden", "zorg"}
    assert list(ecogram.edges(EdgeKind.SUPPORT))


def test_shipped_schema_is_generated_from_the_models():
    assert SCHEMA.read_text(encoding="utf-8") == schema_text(), (
        "schema is out of date: run python -m netwerkatlas.io.schema"
    )


def test_schema_rejects_what_the_loader_rejects():
    doc = json.loads((assets_dir() / "examples" / "netwerkintake-sanne.netwerkatlas").read_text())
    doc["nodes"][1]["score"] = 3
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, json.loads(SCHEMA.read_text()))
