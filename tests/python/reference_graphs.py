"""The independent side of the reference tests: a map's measure graph rebuilt in networkx from its
ties table, as include/maillage/algorithms/measure_graph.hpp documents it, so that networkx's
measures run on exactly the graph maillage's measures see."""

from __future__ import annotations

import networkx as nx

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
