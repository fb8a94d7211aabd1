"""Every measure against networkx (and igraph) on random directed, undirected, weighted and
disconnected maps with isolates and parallel ties, to 1e-9."""

from __future__ import annotations

import random

import igraph
import networkx as nx
import pandas as pd
import pytest

import maillage
from reference_graphs import measure_graph

TOLERANCE = 1e-9


def random_map(seed: int, n: int, m: int, directed_share: float) -> maillage.Network:
    rng = random.Random(seed)
    actors = [{"id": f"a{i}", "kind": "organisation"} for i in range(n)]
    ties = []
    for _ in range(m):
        s, t = rng.sample(range(n), 2)
        relation = "referral" if rng.random() < directed_share else rng.choice(["coordination", "partnership"])
        ties.append({"source": f"a{s}", "target": f"a{t}", "relation": relation, "weight": rng.choice([1, 2, 3, 0.5])})
    return maillage.Network.from_dict({"actors": actors, "ties": ties})




CASES = [(seed, n, m, share) for seed, (n, m, share) in enumerate(
    [(12, 18, 0.0), (12, 18, 0.5), (30, 45, 1.0), (30, 25, 0.3), (40, 120, 0.0), (40, 120, 0.6), (25, 10, 0.5)])]


def same(series: pd.Series, expected: dict) -> None:
    assert set(series.index) == set(expected)
    for actor, value in expected.items():
        assert series[actor] == pytest.approx(value, rel=TOLERANCE, abs=TOLERANCE), actor


@pytest.mark.parametrize("seed, n, m, share", CASES)
def test_degree_and_strength(seed: int, n: int, m: int, share: float) -> None:
    net = random_map(seed, n, m, share)
    g = measure_graph(net)
    if g.is_directed():
        same(net.degree("out"), dict(g.out_degree()))
        same(net.degree("in"), dict(g.in_degree()))
        same(net.strength("in"), dict(g.in_degree(weight="weight")))
    same(net.degree(), dict(g.degree()))
    same(net.strength(), dict(g.degree(weight="weight")))
    symmetric = measure_graph(net, directed=False)
    same(net.degree(directed=False), dict(symmetric.degree()))


@pytest.mark.parametrize("seed, n, m, share", CASES)
@pytest.mark.parametrize("normalized", [False, True])
def test_betweenness(seed: int, n: int, m: int, share: float, normalized: bool) -> None:
    net = random_map(seed, n, m, share)
    g = measure_graph(net)
    same(net.betweenness(normalized), nx.betweenness_centrality(g, normalized=normalized))
    same(net.betweenness(normalized, "weight"), nx.betweenness_centrality(g, normalized=normalized, weight="inverse"))
    same(net.betweenness(normalized, "weight", distance="weight"),
         nx.betweenness_centrality(g, normalized=normalized, weight="weight"))
    same(net.betweenness(normalized, directed=False),
         nx.betweenness_centrality(measure_graph(net, directed=False), normalized=normalized))


@pytest.mark.parametrize("seed, n, m, share", CASES)
def test_closeness_and_harmonic(seed: int, n: int, m: int, share: float) -> None:
    net = random_map(seed, n, m, share)
    g = measure_graph(net)
    forward = g.reverse() if g.is_directed() else g
    same(net.closeness(), nx.closeness_centrality(forward))
    same(net.closeness("in"), nx.closeness_centrality(g))
    same(net.closeness("all"), nx.closeness_centrality(measure_graph(net, directed=False)))
    same(net.closeness(weight="weight"), nx.closeness_centrality(forward, distance="inverse"))
    same(net.harmonic(), nx.harmonic_centrality(forward))
    same(net.harmonic("in"), nx.harmonic_centrality(g))
    same(net.harmonic(weight="weight", distance="weight"), nx.harmonic_centrality(forward, distance="weight"))


@pytest.mark.parametrize("seed, n, m, share", CASES)
def test_components_and_cores(seed: int, n: int, m: int, share: float) -> None:
    net = random_map(seed, n, m, share)
    g = measure_graph(net)

    def partition(labels: pd.Series) -> set[frozenset[str]]:
        return {frozenset(group.index) for _, group in labels.groupby(labels)}

    weak = nx.weakly_connected_components(g) if g.is_directed() else nx.connected_components(g)
    assert partition(net.components()) == {frozenset(c) for c in weak}
    strong = nx.strongly_connected_components(g) if g.is_directed() else nx.connected_components(g)
    assert partition(net.components(strong=True)) == {frozenset(c) for c in strong}
    same(net.core_numbers(), nx.core_number(measure_graph(net, directed=False)))


def test_betweenness_agrees_with_igraph() -> None:
    net = random_map(3, 60, 150, 0.4)
    g = measure_graph(net)
    ig = igraph.Graph.from_networkx(g)
    names = ig.vs["_nx_name"]
    expected = dict(zip(names, ig.betweenness(directed=True)))
    same(net.betweenness(), expected)


def test_views_and_examples() -> None:
    net = maillage.example("reseau_regional")
    view = net.view(relation=["partnership", "coordination"])
    assert len(view.betweenness()) == view.actor_count
    g = nx.Graph()
    g.add_nodes_from(view.ids)
    g.add_edges_from(zip(view.ties["source"], view.ties["target"]))
    same(view.betweenness(), nx.betweenness_centrality(g, normalized=False))
    ecomap = maillage.example("ecocarte_usager")
    organisations = ecomap.view(organisation_level=True)
    assert "as_ssr" not in organisations.degree().index


def test_threads_give_the_same_results() -> None:
    net = random_map(11, 80, 300, 0.5)
    one = net.betweenness(threads=1)
    two = net.betweenness(threads=2)
    assert (one - two).abs().max() <= 1e-12 * max(1.0, one.abs().max())
    assert net.closeness(threads=1).equals(net.closeness(threads=2))


@pytest.mark.parametrize("call, message", [
    (lambda net: net.degree("both"), 'degree: mode must be "all", "in" or "out", got "both"'),
    (lambda net: net.betweenness(weight="strength"), 'betweenness: weight must be None or "weight", got "strength"'),
    (lambda net: net.closeness(weight="weight", distance="km"), "closeness: distance must be None"),
])
def test_bad_arguments(call, message: str) -> None:
    with pytest.raises(maillage.InvalidArgumentError, match=message):
        call(maillage.example("ecocarte_usager"))
