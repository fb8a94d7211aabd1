"""Networks from edge arrays (Network.from_edges) and the measure-graph snapshot a network builds
once: measures against networkx and igraph on random graphs (directed, undirected, weighted,
with parallel edges and isolates), argument errors, and the snapshot's reuse across threads."""

from __future__ import annotations

import threading

import igraph
import networkx as nx
import numpy as np
import pytest

import maillage

TOLERANCE = 1e-9


def random_edges(seed: int, n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    s = rng.integers(0, n, m)
    t = rng.integers(0, n, m)
    t = np.where(s == t, (t + 1) % n, t)
    return s, t


def nx_graph(n: int, s: np.ndarray, t: np.ndarray, directed: bool, weights: np.ndarray | None = None) -> nx.Graph:
    """The measure graph as documented: parallel edges merged, weights summed."""
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(str(i) for i in range(n))
    w = np.ones(len(s)) if weights is None else weights
    for u, v, x in zip(s.tolist(), t.tolist(), w.tolist()):
        a, b = str(u), str(v)
        if g.has_edge(a, b):
            g[a][b]["weight"] += x
        else:
            g.add_edge(a, b, weight=x)
    return g


def close(series, expected: dict) -> None:
    assert set(series.index) == set(expected)
    for actor, value in expected.items():
        assert series[actor] == pytest.approx(value, rel=TOLERANCE, abs=TOLERANCE), actor


@pytest.mark.parametrize("seed, directed", [(1, False), (2, True), (3, False), (4, True)])
def test_measures_of_edge_arrays_match_networkx(seed: int, directed: bool) -> None:
    n = 60
    s, t = random_edges(seed, n - 5, 150)  # the last five vertices are isolates
    weights = np.random.default_rng(seed).choice([0.5, 1.0, 2.0, 3.0], len(s))
    net = maillage.Network.from_edges(s, t, n=n, directed=directed, weights=weights)
    assert len(net) == n and net.tie_count == len(s)
    g = nx_graph(n, s, t, directed, weights)
    close(net.betweenness(threads=2), nx.betweenness_centrality(g, normalized=False))
    close(net.betweenness(weight="weight", distance="weight"),
          nx.betweenness_centrality(g, normalized=False, weight="weight"))
    close(net.closeness(), nx.closeness_centrality(g.reverse() if directed else g))
    close(net.closeness(mode="in"), nx.closeness_centrality(g))
    close(net.harmonic(), nx.harmonic_centrality(g.reverse() if directed else g))
    close(net.pagerank(), nx.pagerank(g, weight=None, tol=1e-12))
    close(net.core_numbers(), nx.core_number(g.to_undirected()))
    close(net.degree(), dict(g.degree()))
    close(net.strength(), dict(g.degree(weight="weight")))
    weak = net.components()
    parts = nx.weakly_connected_components(g) if directed else nx.connected_components(g)
    assert {frozenset(weak.index[weak == c]) for c in weak.unique()} == {frozenset(p) for p in parts}
    if directed:
        strong = net.components(strong=True)
        assert ({frozenset(strong.index[strong == c]) for c in strong.unique()}
                == {frozenset(p) for p in nx.strongly_connected_components(g)})
        close(net.closeness(mode="all"), nx.closeness_centrality(g.to_undirected()))


def test_betweenness_of_a_kronecker_graph_matches_igraph() -> None:
    rng = np.random.default_rng(7)
    n = 512
    s = rng.zipf(1.8, 4000) % n
    t = rng.integers(0, n, 4000)
    keep = s != t
    s, t = s[keep], t[keep]
    net = maillage.Network.from_edges(s, t, n=n)
    g = igraph.Graph(n=n, edges=list(zip(s.tolist(), t.tolist())))
    g.simplify()
    ours = net.betweenness(threads=2).to_numpy()
    assert np.max(np.abs(ours - np.array(g.betweenness()))) <= 1e-9 * max(1.0, ours.max())
    assert np.array_equal(net.core_numbers().to_numpy(), np.array(g.coreness(), dtype=float))
    pr = net.pagerank(tol=1e-13).to_numpy()
    assert np.max(np.abs(pr - np.array(g.pagerank()))) < 1e-9


def test_ids_n_and_types() -> None:
    net = maillage.Network.from_edges([0, 1], [1, 2], ids=["a", "b", "c", "d"])
    assert net.ids == ["a", "b", "c", "d"]
    assert net.degree()["d"] == 0
    assert list(net.ties["source"]) == ["a", "b"]
    assert not net.ties["directed"].any()
    empty = maillage.Network.from_edges(np.array([], dtype=np.int64), np.array([], dtype=np.int64), n=3)
    assert len(empty) == 3 and empty.tie_count == 0
    assert empty.betweenness().tolist() == [0.0, 0.0, 0.0]
    d = maillage.Network.from_edges(np.array([0, 1], dtype=np.int64), np.array([1, 2], dtype=np.int16), directed=True)
    assert d.ties["directed"].all()
    assert d.degree("out").tolist() == [1.0, 1.0, 0.0]
    back = maillage.Network.from_json(d.to_json())
    assert back.tie_count == 2


@pytest.mark.parametrize("kwargs, message", [
    ({"sources": [0, 1], "targets": [1, 1]}, "self-loop"),
    ({"sources": [0, -1], "targets": [1, 2]}, "negative"),
    ({"sources": [0, 1], "targets": [1]}, "same length"),
    ({"sources": [0.5], "targets": [1]}, "integers"),
    ({"sources": [0, 1], "targets": [1, 2], "n": 2}, "at least"),
    ({"sources": [0], "targets": [1], "weights": [-1.0]}, "finite and positive"),
    ({"sources": [0], "targets": [1], "weights": [1.0, 2.0]}, "weights"),
    ({"sources": [0], "targets": [1], "ids": ["a", "a"]}, "repeats"),
])
def test_edge_array_errors(kwargs: dict, message: str) -> None:
    sources, targets = kwargs.pop("sources"), kwargs.pop("targets")
    with pytest.raises(maillage.InvalidArgumentError, match=message):
        maillage.Network.from_edges(sources, targets, **kwargs)


def test_the_snapshot_is_built_once_and_shared_by_threads() -> None:
    s, t = random_edges(5, 200, 800)
    net = maillage.Network.from_edges(s, t, n=200)
    graphs: list[object] = []
    results: list[np.ndarray] = []

    def work() -> None:
        graphs.append(net._graph(True))
        results.append(net.betweenness(threads=1).to_numpy())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert all(g is graphs[0] for g in graphs)
    assert net._graph(False) is net._graph(True)  # no directed tie: one snapshot serves both
    assert all(np.array_equal(r, results[0]) for r in results)
    # A view has its own snapshot; its measures are those of its ties.
    view = net.view(kind="organisation")
    assert view._graph(True) is not net._graph(True)
    assert view.betweenness().equals(net.betweenness())
    assert net._index() is net.betweenness().index or net.betweenness().index.equals(net._index())
