"""Core numbers (the peeling of include/maillage/algorithms/core.hpp) and 2-step reach
(the bitmap kernel of include/maillage/detail/two_step.hpp) against networkx's core_number and
igraph's neighborhood_size, on random directed and undirected graphs with isolates and parallel
ties; the same 2-step reach with 1 and 2 threads on a large graph with hubs."""

from __future__ import annotations

import igraph
import networkx as nx
import numpy as np
import pytest

import maillage


def random_graph(seed: int, n: int, m: int, isolates: int, skew: bool) -> tuple[np.ndarray, np.ndarray]:
    """m edges among the first n - isolates vertices (heavy-tailed ends when ``skew``: hubs),
    self-loops moved off, parallel edges left in (the measure graph merges them)."""
    rng = np.random.default_rng(seed)
    live = n - isolates
    if skew:
        s = (rng.zipf(1.7, m) - 1) % live
        t = rng.integers(0, live, m)
    else:
        s = rng.integers(0, live, m)
        t = rng.integers(0, live, m)
    t = np.where(s == t, (t + 1) % live, t)
    # Vertex labels permuted, so that the hubs are not the first vertices.
    perm = rng.permutation(live)
    return perm[s], perm[t]


def ig_graph(n: int, s: np.ndarray, t: np.ndarray, directed: bool) -> igraph.Graph:
    g = igraph.Graph(n=n, edges=list(zip(s.tolist(), t.tolist())), directed=directed)
    g.simplify()  # parallel edges once, as the measure graph
    return g


def nx_graph(n: int, s: np.ndarray, t: np.ndarray, directed: bool) -> nx.Graph:
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(zip(s.tolist(), t.tolist()))
    return g


CASES = [(seed, directed, skew) for seed in (1, 2, 3) for directed in (False, True) for skew in (False, True)]


@pytest.mark.parametrize("seed, directed, skew", CASES)
def test_core_numbers_match_networkx(seed: int, directed: bool, skew: bool) -> None:
    n = 300
    s, t = random_graph(seed, n, 900, 15, skew)
    net = maillage.Network.from_edges(s, t, n=n, directed=directed)
    expected = nx.core_number(nx_graph(n, s, t, directed).to_undirected())
    got = net.core_numbers()
    assert got.index.tolist() == [str(v) for v in range(n)]
    assert got.to_numpy().tolist() == [float(expected[v]) for v in range(n)]
    assert net.core_numbers().to_numpy().tolist() == ig_graph(n, s, t, False).coreness()


@pytest.mark.parametrize("seed, directed, skew", CASES)
def test_two_step_reach_matches_igraph(seed: int, directed: bool, skew: bool) -> None:
    n = 300
    s, t = random_graph(seed, n, 700, 15, skew)
    net = maillage.Network.from_edges(s, t, n=n, directed=directed)
    g = ig_graph(n, s, t, directed)
    u = ig_graph(n, s, t, False)
    for k in (0, 1, 2):
        for mode, graph in (("out", g), ("in", g), ("all", u)):
            expected = graph.neighborhood_size(order=k, mode=mode, mindist=1) if k else [0] * n
            for threads in (1, 2):
                got = net.reach(k, mode, threads=threads)
                assert got.dtype == np.int64
                assert got.to_numpy().tolist() == expected, (k, mode, threads)
            share = net.reach(k, mode, normalized=True)
            np.testing.assert_array_equal(share.to_numpy(), np.array(expected, dtype=np.float64) / (n - 1))
    # Reach efficiency: the normalized 2-step reach over the alters (the 1-step reach), NaN without.
    for mode, graph in (("out", g), ("in", g), ("all", u)):
        two = np.array(graph.neighborhood_size(order=2, mode=mode, mindist=1), dtype=np.float64)
        one = np.array(graph.neighborhood_size(order=1, mode=mode, mindist=1), dtype=np.float64)
        with np.errstate(divide="ignore", invalid="ignore"):
            expected = np.where(one > 0, two / (n - 1) / one, np.nan)
        got = net.reach_efficiency(mode, threads=2).to_numpy()
        np.testing.assert_array_equal(got, expected)
        assert np.isnan(got[-1])  # an isolate


def test_reach_matches_networkx_on_a_directed_graph() -> None:
    n = 200
    s, t = random_graph(9, n, 500, 10, True)
    net = maillage.Network.from_edges(s, t, n=n, directed=True)
    g = nx_graph(n, s, t, True)
    out = {v: len(nx.single_source_shortest_path_length(g, v, cutoff=2)) - 1 for v in g}
    into = {v: len(nx.single_source_shortest_path_length(g.reverse(), v, cutoff=2)) - 1 for v in g}
    assert net.reach(2, "out").to_numpy().tolist() == [out[v] for v in range(n)]
    assert net.reach(2, "in").to_numpy().tolist() == [into[v] for v in range(n)]


def test_self_loops_are_refused() -> None:
    # The documented behaviour of from_edges (and of a map): no self-ties, so no loop to count.
    with pytest.raises(maillage.InvalidArgumentError, match="self-loop"):
        maillage.Network.from_edges([0, 1], [1, 1])


@pytest.mark.parametrize("directed", [False, True])
def test_one_and_two_threads_agree_on_a_large_graph(directed: bool) -> None:
    # Hubs, so that the reach kernel ORs their bitmaps; the core numbers (one thread) beside.
    n = 40_000
    s, t = random_graph(5, n, 120_000, 500, True)
    net = maillage.Network.from_edges(s, t, n=n, directed=directed)
    one = net.core_numbers()
    assert one.max() >= 3
    for mode in ("out", "in", "all"):
        r1 = net.reach(2, mode, threads=1)
        assert net.reach(2, mode, threads=2).equals(r1)
        assert net.reach_efficiency(mode, threads=2).equals(net.reach_efficiency(mode, threads=1))
    g = ig_graph(n, s, t, directed)
    assert net.reach(2, "out", threads=2).to_numpy().tolist() == g.neighborhood_size(order=2, mode="out", mindist=1)
    assert one.to_numpy().tolist() == ig_graph(n, s, t, False).coreness()
