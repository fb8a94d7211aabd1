"""Layer overlap and collaboration scores against direct pandas/numpy computations of their
documented definitions, on random maps and on the bundled examples."""

from __future__ import annotations

import itertools
import math
import random

import numpy as np
import pandas as pd
import pytest

import maillage

RELATIONS = ["partnership", "coordination", "referral", "information", "family", "friendship"]


def random_multiplex(seed: int, n: int = 30, m: int = 90) -> maillage.Network:
    rng = random.Random(seed)
    actors = [{"id": f"p{i}", "kind": "person", "role": "family"} for i in range(n // 3)]
    actors += [{"id": f"o{i}", "kind": "organisation"} for i in range(n - n // 3)]
    ids = [a["id"] for a in actors]
    ties = []
    for _ in range(m):
        s, t = rng.sample(ids, 2)
        relation = rng.choice(RELATIONS)
        tie = {"source": s, "target": t, "relation": relation}
        if rng.random() < 0.3:
            tie["formality"] = rng.choice(["formal", "informal"])
        if rng.random() < 0.4:
            tie["trust"] = {k: rng.randint(1, 4) for k in rng.sample(["reliability", "shared_mission", "openness"], 2)}
        if rng.random() < 0.4:
            tie["value"] = {k: rng.randint(1, 4) for k in ["influence", "resources", "involvement"]}
        if rng.random() < 0.3:
            tie["resources"] = rng.sample(["staff", "money", "premises", "expertise"], rng.randint(1, 2))
        ties.append(tie)
    return maillage.Network.from_dict({"actors": actors, "ties": ties})


def pair_sets(net: maillage.Network, by: str) -> dict[str, set[frozenset[str]]]:
    out: dict[str, set[frozenset[str]]] = {}
    for _, tie in net.ties.iterrows():
        out.setdefault(tie[by], set()).add(frozenset((tie["source"], tie["target"])))
    return out


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("by", ["layer", "formality", "relation"])
def test_layer_overlap(seed: int, by: str) -> None:
    net = random_multiplex(seed)
    sets = pair_sets(net, by)
    n = len(net)
    possible = n * (n - 1) // 2
    all_pairs = list(itertools.combinations(sorted(net.ids), 2))
    result = net.layer_overlap(by)
    table = result["pairs"]
    assert len(table) == len(sets) * (len(sets) - 1) // 2
    for _, row in table.iterrows():
        a, b = sets[row["a"]], sets[row["b"]]
        assert (row["pairs_a"], row["pairs_b"], row["shared"]) == (len(a), len(b), len(a & b))
        assert row["jaccard"] == pytest.approx(len(a & b) / len(a | b), rel=1e-12)
        x = np.array([frozenset(p) in a for p in all_pairs], dtype=float)
        y = np.array([frozenset(p) in b for p in all_pairs], dtype=float)
        assert len(x) == possible
        if 0 < x.sum() < possible and 0 < y.sum() < possible:
            assert row["correlation"] == pytest.approx(np.corrcoef(x, y)[0, 1], rel=1e-9, abs=1e-12)
    # Central and peripheral: recomputed from the degrees of each group.
    degree = {g: pd.Series(0, index=net.ids) for g in sets}
    for g, pairs in sets.items():
        for pair in pairs:
            for actor in pair:
                degree[g][actor] += 1
    expected = set()
    for a, b in itertools.permutations(sets, 2):
        upper = np.quantile(degree[a][degree[a] > 0], 0.75)
        lower = np.quantile(degree[b], 0.25)
        for actor in net.ids:
            if degree[a][actor] > 0 and degree[a][actor] >= upper and degree[b][actor] <= lower:
                expected.add((actor, a, b))
    found = result["central_and_peripheral"]
    assert set(zip(found["id"], found["central_in"], found["peripheral_in"])) == expected


def test_layer_overlap_of_the_ecomap() -> None:
    ecomap = maillage.example("ecocarte_usager")
    result = ecomap.layer_overlap()
    row = result["pairs"].iloc[0]
    assert (row["a"], row["b"]) == ("primary", "secondary")
    central = result["central_and_peripheral"]
    # The professional who accompanies the user is central among services and absent from the
    # family and friends.
    assert "as_ssr" in set(central[central["central_in"] == "secondary"]["id"])
    with pytest.raises(maillage.InvalidArgumentError, match='by must be "layer", "formality" or "relation"'):
        ecomap.layer_overlap("sector")


@pytest.mark.parametrize("seed", range(5))
def test_collaboration(seed: int) -> None:
    net = random_multiplex(seed)
    result = net.collaboration()
    actors = result["actors"]
    ties = net.to_dict()["ties"]
    dims = {"trust": ["reliability", "shared_mission", "openness"], "value": ["influence", "resources", "involvement"]}
    given: dict[str, dict[str, list[float]]] = {}
    rated: dict[str, int] = {}
    resources: dict[tuple[str, str], int] = {}
    for tie in ties:
        target = tie["target"]
        any_rating = False
        for group, keys in dims.items():
            for key in keys:
                if key in tie.get(group, {}):
                    given.setdefault(f"{group}_{key}", {}).setdefault(target, []).append(tie[group][key])
                    any_rating = True
        rated[target] = rated.get(target, 0) + any_rating
        for kind in tie.get("resources", []):
            resources[(target, kind)] = resources.get((target, kind), 0) + 1
    for actor in net.ids:
        assert actors.loc[actor, "ratings"] == rated.get(actor, 0)
        for group, keys in dims.items():
            means = []
            for key in keys:
                values = given.get(f"{group}_{key}", {}).get(actor, [])
                got = actors.loc[actor, f"{group}_{key}"]
                if values:
                    assert got == pytest.approx(sum(values) / len(values), rel=1e-12)
                    means.append(sum(values) / len(values))
                else:
                    assert math.isnan(got)
            if means:
                assert actors.loc[actor, group] == pytest.approx(sum(means) / len(means), rel=1e-12)
            else:
                assert math.isnan(actors.loc[actor, group])
    for (actor, kind), count in resources.items():
        assert result["resources"].loc[actor, kind] == count
    assert result["resources"].to_numpy().sum() == sum(resources.values())
    partners = {a: set() for a in net.ids}
    for tie in ties:
        partners[tie["source"]].add(tie["target"])
        partners[tie["target"]].add(tie["source"])
    for actor in net.ids:
        assert actors.loc[actor, "relative_connectivity"] == pytest.approx(len(partners[actor]) / (len(net) - 1))
    everything = [v for per_actor in given.get("trust_openness", {}).values() for v in per_actor]
    assert result["network"]["trust_openness"] == pytest.approx(sum(everything) / len(everything))


def test_collaboration_of_the_regional_map() -> None:
    result = maillage.example("reseau_regional").collaboration()
    rated = result["actors"][result["actors"]["ratings"] > 0]
    assert len(rated) >= 2
    assert ((rated["trust"] >= 1) & (rated["trust"] <= 4)).all()
    assert 1 <= result["network"]["trust"] <= 4
