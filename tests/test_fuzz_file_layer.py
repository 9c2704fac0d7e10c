"""Fuzzing the file layer: whatever the bytes, loading either gives an atlas that saves, reloads
to the same file and exports in every view, or refuses with a printable message naming the file.

A few cases here keep the suite fast; `benchmarks/fuzz_file_layer.py` runs 100,000 of the same
cases; a case it reports is reproduced with `check_case(make_case(seed), folder)`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.fuzzing import EXAMPLES, check_case, make_case


def test_every_bundled_example_goes_through_unchanged(tmp_path):
    for example in EXAMPLES:
        assert check_case(example.read_bytes(), tmp_path) == "loaded", example.name


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_a_mutated_file_loads_whole_or_is_refused_with_a_readable_message(seed):
    with tempfile.TemporaryDirectory() as folder:
        check_case(make_case(seed), Path(folder))


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xef\xbb\xbf",
        '{"format_version": 2, "nodes": []}'.encode("utf-16"),
        b'{"format_version": 2, "nodes": [{"kind": "client", "id": "c", "label": "\\ud800"}]}',
        b'{"format_version": 2, "nodes": [], "x": ' + b"[" * 5000 + b"]" * 5000 + b"}",
        b'{"format_version": 2, "nodes": [], "x": 1e400}',
        b'{"format_version": 2, "nodes": [], "x": NaN}',
        b'{"format_version": 2, "nodes": [{"kind": "client", "id": "c"',
    ],
    ids=["empty", "bom", "utf16", "surrogate", "deep", "1e400", "nan", "truncated"],
)
def test_hand_made_hard_cases(data, tmp_path):
    assert check_case(data, tmp_path) in ("loaded", "refused")
