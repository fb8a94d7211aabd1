"""The independent side of the reference tests: a map's measure graph rebuilt in networkx from its
ties table, as include/maillage/algorithms/measure_graph.hpp documents it, so that networkx's
measures run on exactly the graph maillage's measures see."""

from __future__ import annotations

import networkx as nx
import numpy as np

import maillage


def measure_graph(net: maillage.Network | maillage.NetworkView, directed: bool = True) -> nx.Graph:
    """A DiGraph when some tie is directed and ``directed`` (undirected ties then count both ways),
    else a Graph; parallel arcs merged into one with their weights summed (`weight`) and `inverse`
    = 1/weight; every actor a node."""
    ties = net.ties
    is_directed = directed and bool(ties["directed"].any())
    g: nx.Graph = nx.DiGraph() if is_directed else nx.Graph()
    g.add_nodes_from(net.ids)
    for s, t, d, w in zip(ties["source"], ties["target"], ties["directed"], ties["weight"]):
        arcs = [(s, t)] if (d or not is_directed) else [(s, t), (t, s)]
        for u, v in arcs:
            if g.has_edge(u, v):
                g[u][v]["weight"] += w
            else:
                g.add_edge(u, v, weight=w)
    for _, _, data in g.edges(data=True):
        data["inverse"] = 1.0 / data["weight"]  # the length of a tie for weighted paths (a strong tie is short)
    return g


def edge_arrays(pairs: list[tuple[int, int]], directed: bool,
                rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Source and target arrays of `pairs`; when `directed`, each pair is turned round with
    probability 1/2 and also given its reverse with probability 1/5 (reciprocated arcs)."""
    s, t = [], []
    for u, v in pairs:
        if directed and rng.random() < 0.5:
            u, v = v, u
        s.append(u)
        t.append(v)
        if directed and rng.random() < 0.2:
            s.append(v)
            t.append(u)
    return np.array(s, dtype=np.int64), np.array(t, dtype=np.int64)


def edges_graph(n: int, s: np.ndarray, t: np.ndarray, directed: bool) -> nx.Graph:
    """The networkx graph of edge arrays over actors "0" ... "n-1" (the ids Network.from_edges gives)."""
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(str(i) for i in range(n))
    g.add_edges_from((str(u), str(v)) for u, v in zip(s.tolist(), t.tolist()))
    return g


def assert_close(series, expected: dict, tol: float = 1e-9) -> None:
    """A per-actor Series equals `expected` {id: value} within `tol` times the largest value (at least 1)."""
    assert set(series.index) == set(expected)
    got = series.to_numpy(np.float64)
    want = np.array([expected[k] for k in series.index], dtype=np.float64)
    scale = max(1.0, float(np.max(np.abs(want))))
    np.testing.assert_allclose(got, want, rtol=0, atol=tol * scale)
