"""Benchmark: maillage's measures beside igraph, NetworKit, rustworkx and networkx, on the same graphs.

Graphs (generated with fixed seeds, cached under benchmarks/data/, which git ignores):

- Kronecker (R-MAT) graphs of the Graph500 generator at scales 12, 14, 16 and 18: 2^scale
  vertices, 16 * 2^scale edges drawn with a = 0.57, b = 0.19, c = 0.19 and the vertex labels
  permuted at random, then self-loops removed and duplicates merged, undirected;
- a generated regional map (maillage.generate.regional_map), its ties symmetrised into a simple
  undirected graph for every library (maillage reads the map itself: ``directed=False``).

Measures: exact betweenness, 64-source sampled betweenness (Brandes-Pich: each library draws its
own sources; scaled by n/64), closeness (Wasserman-Faust corrected, as networkx), harmonic
centrality (the sum of 1/d, not normalised), 2-step reach (the other actors within 2 steps), PageRank
(alpha 0.85, dangling mass spread uniformly, stopping when the L1 change is below n * 1e-10, or
each library's nearest rule), components, core numbers and Burt's constraint.

Every (library, measure, graph) runs in a fresh process, with a timeout; the time is the best of
``--repeat`` runs of the measure alone (the graph is built before, and its construction from the
edge arrays is timed apart, as "build"); the peak memory is the child's ru_maxrss. Results are
checked against igraph's (max abs difference, partitions equal) inside the benchmark, so that no
library is timed doing the wrong work. Libraries use 2 threads where they can (maillage
threads=2, NetworKit setNumberOfThreads(2), rustworkx RAYON_NUM_THREADS=2); igraph and networkx
run on one.

    .venv/bin/python benchmarks/compare.py [--scales 12 14 16 18] [--repeat 3] [--timeout 300]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
RESULTS = HERE / "RESULTS.md"
START, END = "<!-- compare:start -->", "<!-- compare:end -->"

PEERS = ["maillage", "igraph", "networkit", "rustworkx", "networkx"]
MEASURES = ["build", "betweenness", "betweenness_64", "closeness", "harmonic", "reach", "pagerank", "components",
            "core_numbers", "constraint"]
SAMPLES = 64
TOL = 1e-10
ALPHA = 0.85


# -- graphs ---------------------------------------------------------------------------------
def kronecker_edges(scale: int, edge_factor: int = 16, seed: int = 1) -> tuple[int, np.ndarray, np.ndarray]:
    """The Graph500 Kronecker generator (its reference kronecker_generator, vectorised with numpy):
    each of the edge_factor * 2^scale edges picks one quadrant per bit with probabilities a, b, c,
    d = 0.57, 0.19, 0.19, 0.05; labels are permuted; then self-loops go and duplicate undirected
    pairs merge. Returns n and the pairs (u < v)."""
    rng = np.random.default_rng(seed)
    n = 1 << scale
    m = edge_factor * n
    a, b, c = 0.57, 0.19, 0.19
    ab = a + b
    c_norm = c / (1 - ab)
    a_norm = a / ab
    i = np.zeros(m, dtype=np.int64)
    j = np.zeros(m, dtype=np.int64)
    for bit in range(scale):
        i_bit = rng.random(m) > ab
        j_bit = rng.random(m) > np.where(i_bit, c_norm, a_norm)
        i |= i_bit.astype(np.int64) << bit
        j |= j_bit.astype(np.int64) << bit
    perm = rng.permutation(n)
    i, j = perm[i], perm[j]
    keep = i != j
    lo = np.minimum(i[keep], j[keep])
    hi = np.maximum(i[keep], j[keep])
    pairs = np.unique(lo * n + hi)
    return n, (pairs // n).astype(np.int32), (pairs % n).astype(np.int32)


def regional_edges(actors: int, seed: int) -> tuple[int, np.ndarray, np.ndarray]:
    """The regional map's ties as a simple undirected graph (the measure graph maillage sees with
    directed=False), and the map itself written as JSON for maillage to read."""
    import maillage
    from maillage.generate import regional_map

    net = regional_map(actors=actors, seed=seed)
    net.write(DATA / f"regional-{actors}-{seed}.maillage.json")
    ties = net.ties
    index = {actor_id: k for k, actor_id in enumerate(net.ids)}
    s = ties["source"].map(index).to_numpy(np.int64)
    t = ties["target"].map(index).to_numpy(np.int64)
    n = len(net)
    lo, hi = np.minimum(s, t), np.maximum(s, t)
    pairs = np.unique(lo * n + hi)
    del maillage
    return n, (pairs // n).astype(np.int32), (pairs % n).astype(np.int32)


def graph_file(name: str, args: argparse.Namespace) -> Path:
    path = DATA / f"{name}.npz"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    if name.startswith("kron"):
        n, s, t = kronecker_edges(int(name[4:]), seed=args.seed)
    else:
        n, s, t = regional_edges(args.map_actors, args.seed)
    np.savez(path, n=n, sources=s, targets=t)
    return path


def graph_names(args: argparse.Namespace) -> list[str]:
    return [f"kron{s}" for s in args.scales] + ([f"regional{args.map_actors}"] if args.map_actors else [])


# -- the child: one library, one measure, one graph -------------------------------------------
def child(peer: str, measure: str, path: Path, repeat: int, threads: int, out: Path, seed: int) -> None:
    data = np.load(path)
    n, s, t = int(data["n"]), data["sources"], data["targets"]
    name = path.stem
    __import__(peer)  # the import is not part of the build
    started = time.perf_counter()
    run, build = PREPARE[peer](n, s, t, name, measure, threads, seed)
    build_seconds = time.perf_counter() - started
    best = cpu = float("inf")
    values = None
    if measure == "build":
        best, values = build_seconds, None
        cpu = time.process_time()
    else:
        for _ in range(repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            values = run()
            best = min(best, time.perf_counter() - t0)
            cpu = min(cpu, time.process_time() - c0)  # all threads of the process
            if best > 30:  # long runs: one is enough
                break
    if values is not None:
        np.save(out.with_suffix(".npy"), np.asarray(values, dtype=np.float64))
    out.write_text(json.dumps({"seconds": best, "cpu": cpu, "build": build_seconds, "version": VERSION[peer]()}))
    del build


def _maillage(n, s, t, name, measure, threads, seed):
    import maillage

    if name.startswith("regional"):
        net = maillage.read(DATA / f"{name.replace('regional', 'regional-')}-{seed}.maillage.json")
        directed = False
    else:
        net = maillage.Network.from_edges(s, t, n=n)
        directed = True  # no directed tie: the same undirected graph
    # The measure graph is a snapshot the network builds once (as igraph builds its graph once):
    # built here, before the timed runs, and counted in "build".
    net._graph(directed)
    net._graph(False)
    net._index()

    def values(series):
        return series.to_numpy(np.float64)

    runs = {
        "build": lambda: None,
        "betweenness": lambda: values(net.betweenness(directed=directed, threads=threads)),
        "betweenness_64": lambda: values(net.betweenness(samples=SAMPLES, seed=seed, directed=directed, threads=threads)),
        "closeness": lambda: values(net.closeness(mode="all", threads=threads)),
        "harmonic": lambda: values(net.harmonic(mode="all", threads=threads)),
        "reach": lambda: values(net.reach(2, mode="all", threads=threads)),
        "pagerank": lambda: values(net.pagerank(alpha=ALPHA, tol=TOL, directed=directed, threads=threads)),
        "components": lambda: values(net.components()),
        "core_numbers": lambda: values(net.core_numbers()),
        "constraint": lambda: values(net.constraint(directed=directed, threads=threads)),
    }
    return runs[measure], net


def _igraph(n, s, t, name, measure, threads, seed):
    import igraph as ig

    g = ig.Graph(n=n, edges=np.column_stack([s, t]).tolist(), directed=False)
    rng = np.random.default_rng(seed)

    def closeness():
        c = np.array(g.closeness(normalized=True), dtype=np.float64)
        # igraph's closeness is over the reached actors only: Wasserman-Faust correction.
        sizes = np.array(g.connected_components().sizes(), dtype=np.float64)
        reached = sizes[np.array(g.connected_components().membership)]
        c = np.nan_to_num(c) * (reached - 1) / (n - 1)
        return c

    def sampled():
        sources = rng.choice(n, SAMPLES, replace=False).tolist()
        return np.array(g.betweenness(directed=False, sources=sources), dtype=np.float64) * n / SAMPLES / 2

    runs = {
        "build": lambda: None,
        "betweenness": lambda: g.betweenness(directed=False),
        "betweenness_64": sampled,
        "closeness": closeness,
        "harmonic": lambda: g.harmonic_centrality(normalized=False),
        "reach": lambda: g.neighborhood_size(order=2, mindist=1),
        "pagerank": lambda: g.pagerank(damping=ALPHA, directed=False, implementation="prpack"),
        "components": lambda: g.connected_components().membership,
        "core_numbers": lambda: g.coreness(),
        "constraint": lambda: g.constraint(),
    }
    return runs[measure], g


def _networkit(n, s, t, name, measure, threads, seed):
    import networkit as nk

    nk.setNumberOfThreads(threads)
    nk.setSeed(seed, True)
    g = nk.GraphFromCoo((np.ones(len(s), dtype=np.float64), (s.astype(np.uint64), t.astype(np.uint64))), n=n,
                        weighted=False, directed=False)
    g.indexEdges()

    def pagerank():
        pr = nk.centrality.PageRank(g, damp=ALPHA, tol=TOL * n,
                                    distributeSinks=nk.centrality.SinkHandling.DistributeSinks)
        pr.norm = nk.centrality.Norm.L1_NORM
        pr.run()
        # NetworKit leaves the isolates' share out of the distribution: rescaled to sum 1.
        x = np.array(pr.scores())
        return x / x.sum()

    # NetworKit sums over ordered pairs in an undirected graph too: halved to the others' scale.
    def sampled():
        b = nk.centrality.EstimateBetweenness(g, SAMPLES, False, True)
        b.run()
        return np.array(b.scores()) / 2

    def exact():
        return np.array(nk.centrality.Betweenness(g, False).run().scores()) / 2

    runs = {
        "build": lambda: None,
        "betweenness": exact,
        "betweenness_64": sampled,
        "closeness": lambda: nk.centrality.Closeness(g, True, nk.centrality.ClosenessVariant.GENERALIZED).run().scores(),
        "harmonic": lambda: nk.centrality.HarmonicCloseness(g, False).run().scores(),
        "pagerank": pagerank,
        "components": lambda: nk.components.ConnectedComponents(g).run().getPartition().getVector(),
        "core_numbers": lambda: nk.centrality.CoreDecomposition(g).run().scores(),
    }
    return runs[measure], g


def _rustworkx(n, s, t, name, measure, threads, seed):
    import rustworkx as rx

    g = rx.PyGraph(multigraph=False)
    g.add_nodes_from(range(n))
    g.add_edges_from_no_data(list(zip(s.tolist(), t.tolist())))
    d = None
    if measure == "pagerank":  # rustworkx's PageRank takes a digraph: each tie both ways
        d = rx.PyDiGraph(multigraph=False)
        d.add_nodes_from(range(n))
        d.add_edges_from_no_data(list(zip(s.tolist(), t.tolist())) + list(zip(t.tolist(), s.tolist())))

    def dict_values(result):
        out = np.full(n, np.nan)
        for k, v in result.items():
            out[k] = v
        return out

    def components():
        label = np.empty(n)
        for c, members in enumerate(rx.connected_components(g)):
            label[list(members)] = c
        return label

    runs = {
        "build": lambda: None,
        "betweenness": lambda: dict_values(rx.betweenness_centrality(g, normalized=False)),
        "closeness": lambda: dict_values(rx.closeness_centrality(g, wf_improved=True)),
        "pagerank": lambda: dict_values(rx.pagerank(d, alpha=ALPHA, tol=TOL)),
        "components": components,
        "core_numbers": lambda: dict_values(rx.core_number(g)),
    }
    return runs[measure], (g, d)


def _networkx(n, s, t, name, measure, threads, seed):
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(zip(s.tolist(), t.tolist()))

    def dict_values(result):
        return np.array([result[v] for v in range(n)], dtype=np.float64)

    def components():
        label = np.empty(n)
        for c, members in enumerate(nx.connected_components(g)):
            label[list(members)] = c
        return label

    runs = {
        "build": lambda: None,
        "betweenness": lambda: dict_values(nx.betweenness_centrality(g, normalized=False)),
        "betweenness_64": lambda: dict_values(nx.betweenness_centrality(g, k=SAMPLES, normalized=False, seed=seed)),
        "closeness": lambda: dict_values(nx.closeness_centrality(g)),
        "harmonic": lambda: dict_values(nx.harmonic_centrality(g)),
        "reach": lambda: np.array([len(nx.single_source_shortest_path_length(g, v, cutoff=2)) - 1 for v in range(n)],
                                  dtype=np.float64),
        "pagerank": lambda: dict_values(nx.pagerank(g, alpha=ALPHA, tol=TOL, max_iter=1000)),
        "components": components,
        "core_numbers": lambda: dict_values(nx.core_number(g)),
        "constraint": lambda: dict_values(nx.constraint(g)),
    }
    return runs[measure], g


PREPARE = {"maillage": _maillage, "igraph": _igraph, "networkit": _networkit, "rustworkx": _rustworkx,
           "networkx": _networkx}


def _version(module: str):
    def get() -> str:
        import importlib.metadata

        return importlib.metadata.version(module)
    return get


VERSION = {"maillage": _version("maillage"), "igraph": _version("igraph"), "networkit": _version("networkit"),
           "rustworkx": _version("rustworkx"), "networkx": _version("networkx")}
SUPPORTED = {
    "maillage": set(MEASURES),
    "igraph": set(MEASURES),
    "networkit": set(MEASURES) - {"constraint", "reach"},
    "rustworkx": set(MEASURES) - {"constraint", "betweenness_64", "harmonic", "reach"},
    "networkx": set(MEASURES),
}


# -- the parent -------------------------------------------------------------------------------
# A process's peak RSS (ru_maxrss) survives fork and exec on Linux, so a child started from this
# (large) process would report this process's peak. Each child therefore runs under a small
# wrapper, which reports the peak of its own children only (as load_map.py does).
WRAPPER = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[2:])
open(sys.argv[1], "w").write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code)
"""


def run_child(peer: str, measure: str, path: Path, args: argparse.Namespace, workdir: Path) -> dict:
    out = workdir / f"{peer}-{measure}-{path.stem}.json"
    peak = workdir / f"{peer}-{measure}-{path.stem}.rss"
    env = dict(os.environ, RAYON_NUM_THREADS=str(args.threads), OMP_NUM_THREADS=str(args.threads))
    cmd = [sys.executable, "-c", WRAPPER, str(peak), sys.executable, __file__, "--child", peer, measure, str(path),
           "--repeat", str(args.repeat), "--threads", str(args.threads), "--seed", str(args.seed), "--out", str(out)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _, err_bytes = proc.communicate(timeout=args.timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        proc.communicate()
        return {"status": f"timeout (> {args.timeout:.0f} s)"}
    err = err_bytes.decode(errors="replace")
    status = proc.returncode
    if status != 0 or not out.exists() or not peak.exists():
        last = err.strip().splitlines()[-1] if err.strip() else f"exit {status}"
        return {"status": "failed: " + last[:120]}
    result = json.loads(out.read_text())
    result["rss_mib"] = int(peak.read_text()) / 1024
    values = out.with_suffix(".npy")
    result["values"] = np.load(values) if values.exists() else None
    result["status"] = "ok"
    return result


def agreement(measure: str, values: np.ndarray | None, reference: np.ndarray | None) -> tuple[bool, str]:
    """Whether `values` agree with the reference (igraph's, or maillage's where igraph has none)."""
    if values is None or reference is None:
        return True, ""
    if values.shape != reference.shape:
        return False, f"shape {values.shape} != {reference.shape}"
    if measure == "components":
        pairs = set(zip(values.tolist(), reference.tolist()))
        ok = len(pairs) == len(set(values.tolist())) == len(set(reference.tolist()))
        return ok, "same partition" if ok else "partitions differ"
    if measure == "betweenness_64":
        # Each library draws its own sources: an estimate agrees with the exact betweenness (the
        # reference when the run computed it) or with another estimate in shape, not in value.
        r = float(np.corrcoef(values, reference)[0, 1])
        return r > 0.5, f"r = {r:.3f}"
    a, b = np.nan_to_num(values), np.nan_to_num(reference)
    diff = float(np.max(np.abs(a - b))) if a.size else 0.0
    scale = float(np.max(np.abs(b))) if b.size else 1.0
    # PageRank: stopping when the L1 change is below n * tol leaves each result within
    # alpha / (1 - alpha) * n * tol of the limit in L1, so two results within twice that.
    pagerank_limit = 2 * ALPHA / (1 - ALPHA) * values.size * TOL
    limits = {"pagerank": pagerank_limit, "closeness": 1e-9, "core_numbers": 0.0, "constraint": 1e-9, "reach": 0.0}
    limit = limits.get(measure, 1e-9 * max(scale, 1.0))
    return diff <= limit, f"max |diff| {diff:.1e}"


def cost(name: str) -> tuple[int, int]:
    data = np.load(DATA / f"{name}.npz")
    return int(data["n"]), len(data["sources"])


SLOW_PATHS = {"betweenness", "closeness", "harmonic"}
# networkx's exact betweenness and closeness, seconds per n * m, from a trial on the scale-10
# Kronecker graph on this machine (17.5 s and 5.9 s for n = 1,024, m = 10,501): they would take
# minutes from scale 12 on, so they are predicted rather than run.
NETWORKX_RATE = {"betweenness": 17.5 / (1024 * 10501), "closeness": 5.9 / (1024 * 10501),
                 "harmonic": 5.9 / (1024 * 10501)}


def predicted(measure: str, peer: str, name: str, done: dict) -> float | None:
    """A time predicted from the same library on the previous Kronecker scale: n m for the all-pairs
    measures (exact betweenness, closeness), m for the others."""
    if peer == "networkx" and measure in NETWORKX_RATE:
        n, m = cost(name)
        return NETWORKX_RATE[measure] * n * m
    if not name.startswith("kron"):
        return None
    scale = int(name[4:])
    previous = f"kron{scale - 2}"
    r = done.get((peer, measure, previous))
    if not r or r.get("status") != "ok":
        return None
    n1, m1 = cost(previous)
    n2, m2 = cost(name)
    factor = (n2 * m2) / (n1 * m1) if measure in SLOW_PATHS or (peer == "networkx" and measure == "constraint") else m2 / m1
    if measure == "betweenness_64":
        factor = m2 / m1
    return r["seconds"] * factor


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kib / 2**20:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{cpu}, {os.cpu_count()} cores{mem}, Linux {platform.release()}"


def fmt_seconds(x: float) -> str:
    return f"{x:.3f}" if x < 10 else f"{x:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", type=int, nargs="*", default=[12, 14, 16, 18])
    parser.add_argument("--map-actors", type=int, default=20000, help="regional map size (0: none)")
    parser.add_argument("--peers", nargs="*", default=PEERS)
    parser.add_argument("--measures", nargs="*", default=MEASURES)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per child process")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--networkx-max-scale", type=int, default=16,
                        help="networkx's graph alone takes minutes to build beyond this Kronecker scale")
    parser.add_argument("--no-write", action="store_true", help="print the table, leave RESULTS.md alone")
    parser.add_argument("--child", nargs=3, metavar=("PEER", "MEASURE", "GRAPH"), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        peer, measure, path = args.child
        child(peer, measure, Path(path), args.repeat, args.threads, args.out, args.seed)
        return

    load_before = os.getloadavg()
    started = dt.datetime.now(dt.timezone.utc)
    names = graph_names(args)
    sizes = {}
    for name in names:
        graph_file(name, args)
        sizes[name] = cost(name)
    done: dict[tuple[str, str, str], dict] = {}
    versions: dict[str, str] = {}
    checks: list[str] = []
    exact: dict[str, np.ndarray] = {}  # exact betweenness per graph, from the first library that computed it
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for name in names:
            path = DATA / f"{name}.npz"
            for measure in args.measures:
                # igraph first: the reference the others are checked against.
                order = ["igraph"] + [p for p in args.peers if p != "igraph"] if "igraph" in args.peers else args.peers
                # Sampled betweenness is checked against the exact betweenness of the same graph
                # when this run computed it (checked itself against igraph or the first library):
                # two independent 64-source estimates of a sparse map correlate less with each
                # other (about 0.35 on the regional map) than each does with the exact values.
                reference = exact.get(name) if measure == "betweenness_64" else None
                for peer in order:
                    if measure not in SUPPORTED[peer]:
                        done[(peer, measure, name)] = {"status": "n/a"}
                        continue
                    guess = predicted(measure, peer, name, done)
                    prev = done.get((peer, measure, f"kron{int(name[4:]) - 2}")) if name.startswith("kron") else None
                    if guess is not None and guess > args.timeout:
                        done[(peer, measure, name)] = {"status": f"skipped (~{guess:.0f} s > {args.timeout:.0f} s)"}
                    elif peer == "networkx" and name.startswith("kron") and int(name[4:]) > args.networkx_max_scale:
                        done[(peer, measure, name)] = {"status": f"skipped (scale > {args.networkx_max_scale})"}
                    elif prev and prev["status"].startswith(("skipped", "timeout")):
                        done[(peer, measure, name)] = {"status": f"skipped (> {args.timeout:.0f} s)"}
                    else:
                        r = run_child(peer, measure, path, args, workdir)
                        done[(peer, measure, name)] = r
                    r = done[(peer, measure, name)]
                    if r["status"] == "ok":
                        versions[peer] = r["version"]
                        if reference is None:
                            reference = r.get("values")
                        elif measure != "build":
                            ok, note = agreement(measure, r.get("values"), reference)
                            r["check"] = note
                            if not ok:
                                r["status"] = "WRONG: " + note
                            checks.append(f"{name} {measure} {peer}: {note}")
                        if measure == "betweenness" and r.get("values") is not None and name not in exact \
                                and not r["status"].startswith("WRONG"):
                            exact[name] = r["values"]
                        r.pop("values", None)
                    print(f"{name:>14} {measure:>15} {peer:>10}: {r['status']}"
                          + (f" {r['seconds']:.3f} s, {r['rss_mib']:.0f} MiB" if r["status"] == "ok" else ""),
                          flush=True)
    load_after = os.getloadavg()
    table = render(args, names, sizes, done, versions, started, load_before, load_after)
    print(table)
    if not args.no_write:
        write_results(table)


def render(args, names, sizes, done, versions, started, load_before, load_after) -> str:
    peers = args.peers
    command = "python benchmarks/compare.py " + " ".join(sys.argv[1:])
    lines = [
        START,
        "## Measures beside the peer libraries",
        "",
        f"Machine: {machine()}. Date: {started:%Y-%m-%d %H:%M} UTC. Command: `{command.strip()}` (`make bench`).",
        f"Load average before / after: {load_before[0]:.1f} / {load_after[0]:.1f} (the machine is shared: "
        "ratios measured in the same run are what count).",
        "",
        "Versions: " + ", ".join(f"{p} {versions.get(p, '?')}" for p in peers)
        + f", numpy {np.__version__}, Python {platform.python_version()}.",
        "",
        "Graphs: " + "; ".join(f"{name} ({sizes[name][0]:,} vertices, {sizes[name][1]:,} edges)" for name in names) + ".",
        "",
        f"Seconds, best of {args.repeat} (one run when it took over 30 s), each library in its own process; "
        f"{args.threads} threads for maillage, NetworKit and rustworkx, one for igraph and networkx. "
        "Each cell: seconds, then the ratio to the fastest peer (other than maillage) and to igraph, "
        "then the peak memory of the process (MiB). `n/a`: the library has no such measure. "
        "\"build\" is the graph built from the edge arrays (for maillage: `Network.from_edges`, or reading the "
        "map, and its measure-graph snapshots).",
        "",
    ]
    for name in names:
        lines += [f"### {name}: {sizes[name][0]:,} vertices, {sizes[name][1]:,} edges", "",
                  "| measure | " + " | ".join(peers) + " |", "|---|" + "---:|" * len(peers)]
        for measure in args.measures:
            ok = {p: done[(p, measure, name)] for p in peers if done.get((p, measure, name), {}).get("status") == "ok"}
            rivals = [r["seconds"] for p, r in ok.items() if p != "maillage"]
            fastest = min(rivals) if rivals else None
            ig = ok.get("igraph", {}).get("seconds")
            cells = []
            for p in peers:
                r = done.get((p, measure, name), {"status": "not run"})
                if r["status"] != "ok":
                    cells.append(r["status"])
                    continue
                parts = [fmt_seconds(r["seconds"])]
                ratios = []
                if fastest:
                    ratios.append(f"{r['seconds'] / fastest:.2f}x fastest")
                if ig:
                    ratios.append(f"{r['seconds'] / ig:.2f}x igraph")
                if ratios:
                    parts.append("(" + ", ".join(ratios) + ")")
                parts.append(f"{r['rss_mib']:.0f} MiB")
                cells.append(" ".join(parts))
            lines.append(f"| {measure} | " + " | ".join(cells) + " |")
        lines += ["", "CPU seconds (all threads of the process, best run), which the load of the machine "
                  "disturbs less than the wall time:", "",
                  "| measure | " + " | ".join(peers) + " |", "|---|" + "---:|" * len(peers)]
        for measure in args.measures:
            cells = []
            ig = done.get(("igraph", measure, name), {})
            for p in peers:
                r = done.get((p, measure, name), {"status": "not run"})
                if r["status"] != "ok":
                    cells.append("")
                    continue
                cell = fmt_seconds(r["cpu"])
                if ig.get("status") == "ok" and ig["cpu"] > 0 and measure != "build":
                    cell += f" ({r['cpu'] / ig['cpu']:.2f}x igraph)"
                cells.append(cell)
            lines.append(f"| {measure} | " + " | ".join(cells) + " |")
        lines.append("")
    lines += [
        "Checks (against igraph, or the first library to finish): betweenness and closeness within 1e-9 "
        "(relative to the largest betweenness), PageRank within 2 alpha/(1 - alpha) n 1e-10 (what the stopping rule guarantees), core numbers equal, components the "
        "same partition, constraint within 1e-9; sampled betweenness, whose sources each library draws, "
        "correlated above 0.5 with the exact betweenness where the run computed it (scales 12-14 and the regional map), "
        "else with the first library's estimate (two independent 64-source estimates of a Kronecker graph correlate at "
        "about 0.6 at scales 16-18: a weak check). A failed check shows as WRONG in its cell.",
        "",
        "PageRank rules: maillage, networkx and rustworkx stop when the L1 change is below n * 1e-10; "
        "NetworKit with its L1 norm and tol n * 1e-10; igraph uses PRPACK (a direct solve, to 1e-10). All spread the "
        "dangling mass uniformly (NetworKit leaves isolated vertices out of it: its scores are divided by their sum). igraph's closeness is over the reached actors: it is scaled by "
        "(reached - 1)/(n - 1) to the Wasserman-Faust value of the others.",
        END,
    ]
    return "\n".join(lines)


def write_results(table: str) -> None:
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if START in text and END in text:
        before = text[: text.index(START)]
        after = text[text.index(END) + len(END):]
        text = before + table + after
    else:
        text = text.rstrip("\n") + "\n\n" + table + "\n"
    tmp = RESULTS.with_suffix(".md.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, RESULTS)


if __name__ == "__main__":
    main()
