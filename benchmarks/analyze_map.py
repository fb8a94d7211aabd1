"""What analysing a generated regional map end to end costs: `maillage analyze MAP --format json`
(read, measures, coverage, gaps, plan, JSON report) in a new process, its time and peak memory,
with the time of each phase measured in one process, beside networkx computing the same graph
measures on the same map (no peer library computes coverage or gaps).

    python benchmarks/analyze_map.py --actors 10000 --seed 1        (make bench)

Writes the table between <!-- analyze_map:start --> and <!-- analyze_map:end --> in RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from load_map import WRAPPER, machine, priority_note, write_section  # noqa: E402

HERE = Path(__file__).parent
DATA = HERE / "data"

PHASES = """
import json, sys, time
import maillage
timings = {}
start = time.perf_counter()
net = maillage.read(sys.argv[1])
timings["read"] = time.perf_counter() - start
t = time.perf_counter(); net.summary(centralization=False); timings["summary (no centralisation)"] = time.perf_counter() - t
t = time.perf_counter(); net.betweenness(directed=False); timings["betweenness"] = time.perf_counter() - t
t = time.perf_counter(); maillage.coverage(net); timings["coverage"] = time.perf_counter() - t
t = time.perf_counter(); maillage.gaps(net, as_of="2026-11-22"); timings["gaps"] = time.perf_counter() - t
t = time.perf_counter(); maillage.plan(net, as_of="2026-11-22"); timings["plan (with gaps)"] = time.perf_counter() - t
t = time.perf_counter(); maillage.report(net, "json", as_of="2026-11-22"); timings["JSON report (all of it)"] = time.perf_counter() - t
print(json.dumps(timings))
"""

ANALYZE = """
import json, subprocess, sys, time
start = time.perf_counter()
subprocess.run([sys.executable, "-m", "maillage.cli", "analyze", sys.argv[1], "--format", "json", "--as-of", "2026-11-22",
                "-o", sys.argv[2]], check=True, capture_output=True)
print(json.dumps({"seconds": time.perf_counter() - start}))
"""

NETWORKX = """
import json, sys, time
import networkx as nx
start = time.perf_counter()
with open(sys.argv[1], encoding="utf-8") as f:
    data = json.load(f)
g = nx.Graph()
g.add_nodes_from(a["id"] for a in data["actors"])
g.add_edges_from((t["source"], t["target"]) for t in data["ties"])
nx.density(g); nx.transitivity(g); nx.average_clustering(g)
largest = g.subgraph(max(nx.connected_components(g), key=len))
nx.diameter(largest); nx.average_shortest_path_length(largest)
nx.betweenness_centrality(g, normalized=False); nx.closeness_centrality(g); nx.core_number(g); nx.pagerank(g)
print(json.dumps({"seconds": time.perf_counter() - start}))
"""


def run_wrapped(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", WRAPPER, sys.executable, "-c", code, *args], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--actors", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-networkx", action="store_true",
                        help="skip the networkx reference (it runs on maps of at most 2,000 actors: beyond, it takes "
                             "tens of minutes)")
    parser.add_argument("--no-write", action="store_true", help="print the table only")
    args = parser.parse_args()
    import maillage
    from maillage.generate import regional_map

    DATA.mkdir(exist_ok=True)
    rows, phase_rows = [], []
    for actors in args.actors:
        path = DATA / f"regional-{actors}-{args.seed}.maillage.json"
        if not path.exists():
            maillage.write(regional_map(actors, args.seed), path)
        net = maillage.read(path)
        out = DATA / f"regional-{actors}-{args.seed}.report.json"
        best = min((run_wrapped(ANALYZE, str(path), str(out)) for _ in range(args.repeat)), key=lambda r: r["seconds"])
        rows.append((f"maillage analyze --format json, {actors:,} actors / {net.tie_count:,} ties", best))
        if not args.no_networkx and actors <= 2000:
            reference = min((run_wrapped(NETWORKX, str(path)) for _ in range(args.repeat)), key=lambda r: r["seconds"])
            rows.append((f"networkx, the graph measures only, same map", reference))
        phases = json.loads(subprocess.run([sys.executable, "-c", PHASES, str(path)], check=True, capture_output=True,
                                           text=True).stdout.strip().splitlines()[-1])
        phase_rows.append((actors, net.tie_count, phases))
    table = ["| run | seconds | peak memory (MiB) |", "|---|---:|---:|"]
    table += [f"| {label} | {r['seconds']:.2f} | {r['peak'] / 2**20:.0f} |" for label, r in rows]
    phase_names = list(phase_rows[0][2])
    phases_table = ["| phase (one process) | " + " | ".join(f"{a:,} actors" for a, _, _ in phase_rows) + " |",
                    "|---|" + "---:|" * len(phase_rows)]
    for phase in phase_names:
        phases_table.append(f"| {phase} | " + " | ".join(f"{p[phase]:.2f}" for _, _, p in phase_rows) + " |")
    import networkx

    text = "\n".join(table) + "\n\nSeconds per phase:\n\n" + "\n".join(phases_table)
    print(text)
    if args.no_write:
        return
    command = "python benchmarks/analyze_map.py " + " ".join(sys.argv[1:])
    write_section("analyze_map", f"## Analysing a generated regional map end to end\n\n"
               f"Machine: {machine()}. Date: {dt.date.today().isoformat()}. Command: `{command}` (`make bench`). "
               f"{priority_note()}\n\nMaps from `maillage example --generate` (seed {args.seed}); best of {args.repeat} runs, each in a new "
               f"process (the `maillage analyze` row includes starting Python and reading the map). The networkx row "
               f"computes the same graph measures (density, clustering, diameter, mean distance, betweenness, "
               f"closeness, core numbers, PageRank) and nothing of coverage or gaps; it runs on the maps of at most "
               f"2,000 actors only (beyond, it takes tens of minutes).\n\n{text}\n\n"
               f"Versions: maillage {maillage.__version__}, networkx {networkx.__version__}, Python "
               f"{sys.version.split()[0]}.\n<!-- analyze_map:end -->")

if __name__ == "__main__":
    main()
