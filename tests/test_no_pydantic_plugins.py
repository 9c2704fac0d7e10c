"""No pydantic plugin installed on the machine is given the atlas's records to see."""

from __future__ import annotations

import pydantic.plugin._loader as plugin_loader

from netwerkatlas.model import PersonNode


def test_validating_records_never_looks_for_pydantic_plugins(monkeypatch):
    def installed_plugins(**_):
        raise AssertionError("pydantic looked for plugins among the installed packages")

    monkeypatch.setattr(plugin_loader, "entry_points", installed_plugins)
    monkeypatch.setattr(plugin_loader, "_plugins", None)  # as in a program that just started

    class Neighbour(PersonNode):  # a new record class builds its validator now
        pass

    neighbour = Neighbour(label="Buurvrouw", score=1)
    assert neighbour.score == 1
