"""Populations of territories: a territory of the network carries its `population`
(``network.territory`` items ``{"name", "population"}``); coverage weighs the territories without
a provider by it; the old place (``network.attributes.populations``) is still read; the JSON Schema,
the JSON and CSV round trips and the generator follow."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import maillage
from maillage.generate import regional_map_dict

ACTORS = [
    {"id": "h", "kind": "organisation", "territory": "Valmont", "domains": ["housing", "health"]},
    {"id": "s", "kind": "organisation", "service_area": ["Valmont", "Orval"], "domains": ["health"]},
]


def network_with(territory: Any, **network: Any) -> maillage.Network:
    return maillage.Network.from_dict({"actors": ACTORS, "ties": [], "network": {"territory": territory, **network}})


def test_population_lives_on_the_territory() -> None:
    net = network_with([{"name": "Valmont", "population": 1000}, {"name": "Orval", "population": 250},
                        {"name": "Port-Lac", "population": 4000}, "Bourg"])
    pop = maillage.coverage(net).population_without_provider
    # housing is missing in Orval (250) and Port-Lac (4000); health in Port-Lac; Bourg is unknown.
    assert pop.to_dict() == {"health": 4000.0, "housing": 4250.0}
    assert maillage.coverage(net, populations={"Bourg": 7}).population_without_provider.to_dict() == \
        {"health": 7.0, "housing": 7.0}
    assert net.info["territory"] == [{"name": "Valmont", "population": 1000}, {"name": "Orval", "population": 250},
                                     {"name": "Port-Lac", "population": 4000}, "Bourg"]


def test_the_old_place_is_still_read() -> None:
    old = network_with(["Valmont", "Orval", "Port-Lac"], attributes={"populations": {"Orval": 250, "Port-Lac": 4000}})
    assert maillage.coverage(old).population_without_provider.to_dict() == {"health": 4000.0, "housing": 4250.0}
    # Populations on the territories win over the old place.
    both = network_with([{"name": "Port-Lac", "population": 10}], attributes={"populations": {"Port-Lac": 4000}})
    assert maillage.coverage(both).population_without_provider.to_dict()["health"] == 10.0
    with pytest.raises(maillage.InvalidArgumentError, match="populations must map territories to numbers"):
        maillage.coverage(network_with(["Orval"], attributes={"populations": {"Orval": "many"}}))


def test_bad_population_is_reported_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "bad.maillage.json"
    path.write_text(json.dumps({"maillage": 1, "actors": ACTORS, "network": {"territory": [
        "Valmont", {"name": "Orval", "population": -1}]}}))
    with pytest.raises(maillage.MapError, match=r"network\.territory\[1\]\.population: must be a number of "
                                                r"inhabitants \(0 or more\), got -1"):
        maillage.read(path)


@pytest.mark.parametrize("suffix", [".maillage.json", ""])
def test_round_trips(tmp_path: Path, suffix: str) -> None:
    net = network_with([{"name": "Valmont", "population": 1000}, "Orval", {"name": "Port-Lac", "population": 4000.5}])
    target = tmp_path / f"map{suffix}"
    net.write(target, format="json" if suffix else "csv")
    again = maillage.read(target)
    assert again.info == net.info
    assert again.to_dict() == net.to_dict()


def test_schema_and_generator() -> None:
    schema = json.loads(resources.files("maillage").joinpath("data", "maillage.schema.json").read_text())
    data = regional_map_dict(300, seed=4)
    jsonschema.validate(data, schema)
    territories = data["network"]["territory"]
    assert all(isinstance(t["population"], int) and t["population"] >= 500 for t in territories)
    # Inhabitants grow with the users followed there: a few hundred per user.
    users = {t["name"]: sum(1 for a in data["actors"] if a.get("role") == "user" and a.get("territory") == t["name"])
             for t in territories}
    for t in territories:
        assert users[t["name"]] * 140 <= t["population"] <= max(500, users[t["name"]] * 410), t
    bad = {**data, "network": {**data["network"], "territory": [{"name": "A", "population": -2}]}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
    net = maillage.Network.from_dict(data)
    assert maillage.coverage(net).population_without_provider.sum() >= 0
    assert set(maillage.coverage(net).population_without_provider.index) == \
        set(maillage.coverage(net).territories.columns)
