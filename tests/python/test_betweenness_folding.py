"""Exact betweenness with the pendant trees folded (degree-1 folding, detail/pendant_folding.hpp),
against networkx: random graphs with many trees hanging off a random core (pendant chains,
stars, leaves on leaves), whole tree components, paths and isolates; undirected (folded) and
directed (not folded), raw and normalized, 1 and 2 threads."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

import maillage
from reference_graphs import assert_close, edge_arrays, edges_graph


def pendant_graph(seed: int, directed: bool) -> tuple[int, np.ndarray, np.ndarray]:
    """A G(n, p) core of 40 vertices; 120 vertices each hanging from a random earlier vertex (so
    trees hang from the core and from each other: chains, stars, deeper trees); a separate tree
    of 30, a path of 6 and 10 isolates. Directed: each tie oriented at random, a fifth both ways."""
    rng = np.random.default_rng(seed)
    core = nx.gnp_random_graph(40, 0.12, seed=seed)
    pairs = list(core.edges())
    pairs += [(int(rng.integers(0, v)), v) for v in range(40, 160)]
    pairs += [(160 + int(rng.integers(0, v)), 160 + v) for v in range(1, 30)]
    pairs += [(190 + i, 191 + i) for i in range(5)]
    n = 196 + 10
    s, t = edge_arrays(pairs, directed, rng)
    return n, s, t


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
@pytest.mark.parametrize("directed", [False, True])
def test_betweenness_with_pendant_trees(seed: int, directed: bool) -> None:
    n, s, t = pendant_graph(seed, directed)
    net = maillage.Network.from_edges(s, t, n=n, directed=directed)
    g = edges_graph(n, s, t, directed)
    assert_close(net.betweenness(threads=2), nx.betweenness_centrality(g, normalized=False))
    assert_close(net.betweenness(normalized=True, threads=1), nx.betweenness_centrality(g, normalized=True))
    # Symmetrised: undirected, so folded even when the ties are directed.
    u = g.to_undirected() if directed else g
    assert_close(net.betweenness(directed=False, threads=2), nx.betweenness_centrality(u, normalized=False))
    one = net.betweenness(directed=False, threads=1).to_numpy()
    two = net.betweenness(directed=False, threads=2).to_numpy()
    np.testing.assert_allclose(one, two, rtol=1e-13, atol=1e-12)


@pytest.mark.parametrize("directed", [False, True])
def test_trees_paths_and_stars(directed: bool) -> None:
    """Graphs that fold entirely (each component a tree), where Brandes runs from no vertex."""
    for g in (nx.path_graph(9), nx.star_graph(7), nx.balanced_tree(2, 4), nx.random_labeled_tree(40, seed=5)):
        g = nx.disjoint_union(g, nx.path_graph(3))
        g.add_nodes_from(range(g.number_of_nodes(), g.number_of_nodes() + 2))  # two isolates
        edges = np.array(list(g.edges()), dtype=np.int64)
        n = g.number_of_nodes()
        net = maillage.Network.from_edges(edges[:, 0], edges[:, 1], n=n, directed=directed)
        ref = edges_graph(n, edges[:, 0], edges[:, 1], directed)
        assert_close(net.betweenness(threads=2), nx.betweenness_centrality(ref, normalized=False))


def test_folding_agrees_with_the_unfolded_kernels() -> None:
    """Unit weights take the weighted (Dijkstra, unfolded) path: the same betweenness."""
    n, s, t = pendant_graph(7, False)
    net = maillage.Network.from_edges(s, t, n=n, directed=False)
    hops = net.betweenness(threads=2).to_numpy()
    plain = net.betweenness(weight="weight", threads=2).to_numpy()
    np.testing.assert_allclose(hops, plain, rtol=0, atol=1e-9 * max(1.0, float(np.max(plain))))
