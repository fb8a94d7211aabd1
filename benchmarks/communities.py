"""Louvain and Leiden: maillage against igraph (community_multilevel, community_leiden) and
networkx (louvain_communities) on random graphs with planted communities, in one run.

    .venv/bin/python benchmarks/communities.py [--sizes 10000 100000] [--networkx-max 20000]

Graphs: n actors in blocks of 100, average degree 10, each tie inside the block of its first end
with probability 0.7 (else to a uniform actor); parallel ties and self-ties dropped; seed 0.
Times are wall-clock seconds of the call alone (graph already built), the best of `--repeat`
runs; modularity is igraph's `Graph.modularity` of each result (resolution 1, unweighted).
"""

from __future__ import annotations

import argparse
import platform
import time

import igraph
import networkx as nx
import numpy as np

import maillage


def planted_edges(n: int, seed: int = 0, degree: int = 10, inside: float = 0.7, block: int = 100) -> np.ndarray:
    rng = np.random.default_rng(seed)
    m = n * degree // 2
    source = rng.integers(0, n, m)
    same = rng.random(m) < inside
    start = (source // block) * block
    width = np.minimum(block, n - start)
    target = np.where(same, start + rng.integers(0, 1 << 30, m) % width, rng.integers(0, n, m))
    pairs = np.stack([np.minimum(source, target), np.maximum(source, target)], axis=1)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    return np.unique(pairs, axis=0)


def best_of(repeat: int, run):  # type: ignore[no-untyped-def]
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--networkx-max", type=int, default=20_000, help="largest graph networkx runs on")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    print(f"machine: {cpu_model()}, {__import__('os').cpu_count()} cores; igraph {igraph.__version__}, "
          f"networkx {nx.__version__}, maillage {maillage.__version__}")
    print("| actors | ties | library | method | seconds | modularity |\n|---|---|---|---|---|---|")
    for n in args.sizes:
        edges = planted_edges(n)
        ids = [f"a{i}" for i in range(n)]
        net = maillage.Network.from_dict({
            "actors": [{"id": i, "kind": "organisation"} for i in ids],
            "ties": [{"source": ids[u], "target": ids[v], "relation": "coordination"} for u, v in edges.tolist()]})
        ig = igraph.Graph(n=n, edges=edges.tolist())

        def row(library: str, method: str, seconds: float, membership: list[int]) -> None:
            q = ig.modularity(membership)
            print(f"| {n} | {len(edges)} | {library} | {method} | {seconds:.3f} | {q:.4f} |", flush=True)

        for method in ("louvain", "leiden"):
            seconds, c = best_of(args.repeat, lambda: net.communities(method, seed=0))
            row("maillage", method, seconds, [int(c[a]) for a in ids])
        seconds, c = best_of(args.repeat, lambda: ig.community_multilevel())
        row("igraph", "community_multilevel", seconds, c.membership)
        seconds, c = best_of(args.repeat, lambda: ig.community_leiden(objective_function="modularity"))
        row("igraph", "community_leiden (n_iterations=2)", seconds, c.membership)
        seconds, c = best_of(args.repeat, lambda: ig.community_leiden(objective_function="modularity", n_iterations=-1))
        row("igraph", "community_leiden (until stable)", seconds, c.membership)
        if n <= args.networkx_max:
            g = nx.Graph()
            g.add_nodes_from(range(n))
            g.add_edges_from(edges.tolist())
            seconds, parts = best_of(args.repeat, lambda: nx.community.louvain_communities(g, seed=0))
            membership = [0] * n
            for k, part in enumerate(parts):
                for v in part:
                    membership[v] = k
            row("networkx", "louvain_communities", seconds, membership)


if __name__ == "__main__":
    main()
