"""The breadth-first kernels (betweenness, closeness, harmonic centrality, k-step reach) on graphs
large and skewed enough for their fast paths: the vertices renumbered by degree
(detail/degree_order.hpp) and the multi-source, direction-optimising searches of 64 sources a
batch, whose bottom-up steps start once a level's arcs outnumber a quarter of the arcs left, with
the actors of a single tie derived from their alter's counts (detail/hop_search.hpp). Against
networkx on hub-and-spoke graphs and on graphs of pendants, chains, pairs and stars, directed and
undirected, with isolates and several components."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

import maillage
from reference_graphs import assert_close, edge_arrays, edges_graph


def skewed_graph(seed: int, directed: bool) -> tuple[int, np.ndarray, np.ndarray]:
    """A Barabasi-Albert graph (hubs: the bottom-up steps start at the second level) of 600
    vertices, a second, sparser component of 150 (a path with chords: long distances, top-down
    only), and 30 isolates; directed: each edge oriented at random, a fifth of them both ways."""
    rng = np.random.default_rng(seed)
    hub = nx.barabasi_albert_graph(600, 3, seed=seed)
    pairs = [(u, v) for u, v in hub.edges()]
    base = 600
    pairs += [(base + i, base + i + 1) for i in range(149)]
    pairs += [(base + int(a), base + int(b)) for a, b in rng.integers(0, 150, size=(40, 2)) if a != b]
    n = base + 150 + 30
    s, t = edge_arrays(pairs, directed, rng)
    return n, s, t


def network_and_references(n: int, s: np.ndarray, t: np.ndarray, directed: bool):
    """The network of the edge arrays and its networkx references: the graph, its undirected form
    and the graph whose distances *to* a node are maillage's "out" distances (networkx measures
    distances to a node in a digraph, so its G.reverse())."""
    net = maillage.Network.from_edges(s, t, n=n, directed=directed)
    g = edges_graph(n, s, t, directed)
    return n, net, g, (g.to_undirected() if directed else g), (g.reverse() if directed else g)


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("directed", [False, True])
def test_closeness_harmonic_reach(seed: int, directed: bool) -> None:
    n, net, g, u, forward = network_and_references(*skewed_graph(seed, directed), directed)
    assert_close(net.closeness("out", threads=2), nx.closeness_centrality(forward))
    assert_close(net.closeness("in", threads=2), nx.closeness_centrality(g))
    assert_close(net.closeness("all", threads=2), nx.closeness_centrality(u))
    assert_close(net.harmonic("out", threads=2), nx.harmonic_centrality(forward))
    assert_close(net.harmonic("in", threads=1), nx.harmonic_centrality(g))
    assert_close(net.harmonic("all", threads=2), nx.harmonic_centrality(u))
    for k in (1, 2, 3):
        for mode, graph in (("out", g), ("in", g.reverse() if directed else g), ("all", u)):
            expected = {v: len(nx.single_source_shortest_path_length(graph, v, cutoff=k)) - 1 for v in graph}
            assert_close(net.reach(k, mode, threads=2), expected, 0.0)
    efficiency = net.reach_efficiency("all")
    two = {v: len(nx.single_source_shortest_path_length(u, v, cutoff=2)) - 1 for v in u}
    for v in u:
        if u.degree(v) == 0:
            assert np.isnan(efficiency[v])
        else:
            assert efficiency[v] == pytest.approx(two[v] / (n - 1) / u.degree(v), abs=1e-12)


@pytest.mark.parametrize("directed", [False, True])
def test_betweenness_on_a_skewed_graph(directed: bool) -> None:
    n, s, t = skewed_graph(3, directed)
    net = maillage.Network.from_edges(s, t, n=n, directed=directed)
    g = edges_graph(n, s, t, directed)
    assert_close(net.betweenness(threads=2), nx.betweenness_centrality(g, normalized=False))
    assert_close(net.betweenness(normalized=True, directed=False, threads=2),
          nx.betweenness_centrality(g.to_undirected() if directed else g, normalized=True))
    # One thread and two: the same up to the order of the per-thread sums.
    one = net.betweenness(threads=1).to_numpy()
    two = net.betweenness(threads=2).to_numpy()
    np.testing.assert_allclose(one, two, rtol=1e-13, atol=1e-12)


def test_int32_edges_are_read_in_place() -> None:
    n, s, t = skewed_graph(4, False)
    a = maillage.Network.from_edges(s.astype(np.int32), t.astype(np.int32), n=n)
    b = maillage.Network.from_edges(s, t, n=n)
    assert a.tie_count == b.tie_count == len(s)
    assert (a.core_numbers() == b.core_numbers()).all()
    assert (a.closeness("all") == b.closeness("all")).all()


def pendant_graph(seed: int, directed: bool) -> tuple[int, np.ndarray, np.ndarray]:
    """What a social-work map looks like to the searches: a core (a Barabasi-Albert graph of 150
    vertices), 300 pendant actors tied to a core vertex or to an earlier pendant (chains), 20
    stars of 4 leaves, 15 pairs tied only to each other, and 25 isolates; directed as
    edge_arrays (single arcs either way: pendants that only send, only receive, or both)."""
    rng = np.random.default_rng(seed)
    pairs = [(u, v) for u, v in nx.barabasi_albert_graph(150, 2, seed=seed).edges()]
    n = 150
    for _ in range(300):
        pairs.append((n, int(rng.integers(0, n))))
        n += 1
    for _ in range(20):
        pairs += [(n, n + k) for k in range(1, 5)]
        n += 5
    for _ in range(15):
        pairs.append((n, n + 1))
        n += 2
    n += 25
    s, t = edge_arrays(pairs, directed, rng)
    return n, s, t


@pytest.mark.parametrize("seed", [5, 6])
@pytest.mark.parametrize("directed", [False, True])
def test_searches_with_derived_pendants(seed: int, directed: bool) -> None:
    n, net, g, u, forward = network_and_references(*pendant_graph(seed, directed), directed)
    for mode, graph, towards in (("out", g, forward), ("in", g.reverse() if directed else g, g), ("all", u, u)):
        closeness = net.closeness(mode, threads=2)
        harmonic = net.harmonic(mode, threads=2)
        assert_close(closeness, nx.closeness_centrality(towards))
        assert_close(harmonic, nx.harmonic_centrality(towards))
        # One thread and two: the same bits (each actor's sums are its own).
        assert (closeness.to_numpy() == net.closeness(mode, threads=1).to_numpy()).all()
        assert (harmonic.to_numpy() == net.harmonic(mode, threads=1).to_numpy()).all()
        # The weighted path (one Dijkstra search per actor) with unit weights: the same values
        # (but "all" on a directed graph merges a reciprocated pair into one tie of weight 2).
        if not (directed and mode == "all"):
            assert_close(net.closeness(mode, "weight", threads=2), nx.closeness_centrality(towards), 1e-12)
        for k in (3, 4, 7):
            expected = {v: len(nx.single_source_shortest_path_length(graph, v, cutoff=k)) - 1 for v in graph}
            reach = net.reach(k, mode, threads=2)
            assert_close(reach, expected, 0.0)
            assert (reach.to_numpy() == net.reach(k, mode, threads=1).to_numpy()).all()


def test_betweenness_past_255_levels() -> None:
    """Undirected Brandes searches keep their levels modulo 255 in a byte (betweenness.hpp): a
    cycle of 701 vertices (levels up to 350, no pendant tree to fold) beside a Barabasi-Albert
    component and isolates, exact and sampled, against networkx; directed, the int32 levels."""
    rng = np.random.default_rng(5)
    pairs = [(i, (i + 1) % 701) for i in range(701)]
    pairs += [(701 + u, 701 + v) for u, v in nx.barabasi_albert_graph(300, 2, seed=4).edges()]
    n = 701 + 300 + 5
    for directed in (False, True):
        s, t = edge_arrays(pairs, directed, rng)
        net = maillage.Network.from_edges(s, t, n=n, directed=directed)
        g = edges_graph(n, s, t, directed)
        assert_close(net.betweenness(threads=2), nx.betweenness_centrality(g, normalized=False))
        one = net.betweenness(samples=64, seed=3, threads=1).to_numpy()
        two = net.betweenness(samples=64, seed=3, threads=2).to_numpy()
        np.testing.assert_allclose(one, two, rtol=1e-13, atol=1e-12)


@pytest.mark.parametrize("directed", [False, True])
def test_pagerank_threaded_iteration(directed: bool) -> None:
    """PageRank's blocks run on the threads above 200,000 arcs (spectral.hpp), on one below: the
    same bits with 1 and 2 threads on both sides, and networkx's values within its stopping rule's
    bound, alpha / (1 - alpha) * n * tol."""
    rng = np.random.default_rng(8)
    n = 6000
    for m in (20_000, 240_000):
        s = rng.integers(0, n - 20, size=m)
        t = rng.integers(0, n - 20, size=m)
        keep = s != t
        s, t = s[keep], t[keep]
        net = maillage.Network.from_edges(s, t, n=n, directed=directed)
        one = net.pagerank(threads=1)
        two = net.pagerank(threads=2)
        assert one.attrs["iterations"] == two.attrs["iterations"]
        assert (one.to_numpy() == two.to_numpy()).all()
        assert one.sum() == pytest.approx(1.0, abs=1e-12)
        expected = nx.pagerank(edges_graph(n, s, t, directed), alpha=0.85, tol=1e-10, weight=None)
        assert_close(one, expected, 2 * 0.85 / 0.15 * n * 1e-10)
