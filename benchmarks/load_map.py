"""Benchmark: what loading a large map costs (seconds, peak memory), maillage beside its peers.

Generates (seeded) a map of N actors and M ties as a JSON map and as a CSV folder, then loads it
in fresh processes, one per tool and run, and measures wall time and the process's peak resident
memory (ru_maxrss from wait4):

- maillage C++: ``maillage::read`` (benchmarks/load_map.cpp), JSON and CSV;
- maillage Python: ``maillage.read`` (the same, plus the import of the package);
- networkx: ``json.load`` of the same JSON map and a MultiGraph with the same node and edge attributes;
- igraph: ``pandas.read_csv`` of the CSV folder and ``igraph.Graph.DataFrame`` with all attributes;
- pandas alone: ``pandas.read_csv`` of actors.csv and ties.csv (no graph).

Times are the best of ``--repeat`` runs (each in a new process); the peak memory is that run's.
The table is printed and written into benchmarks/RESULTS.md between markers.

    .venv/bin/python benchmarks/load_map.py --build build/cpp [--actors 100000 --ties 1000000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import subprocess
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
RESULTS = HERE / "RESULTS.md"

DOMAINS = ["housing", "health", "mental_health", "addiction", "employment", "training", "income", "debt",
           "legal", "family", "child_protection", "disability", "elderly_care", "migration", "social_ties",
           "mobility", "food", "administration"]
SECTORS = ["social", "health", "mental_health", "justice", "education", "housing", "employment", "youth",
           "disability", "elderly", "migration", "culture", "other"]
RELATIONS = ["family", "friendship", "neighbourhood", "work", "partnership", "coordination", "referral",
             "information", "funding", "accompaniment", "supervision", "membership", "other"]
ROLES = ["user", "family", "friend", "neighbour", "colleague", "other"]
TERRITORIES = [f"Commune {i}" for i in range(60)]


def generate(actors: int, ties: int, seed: int) -> dict:
    """A synthetic map: 20% organisations, 30% professionals (each in an organisation), 50% persons."""
    rng = random.Random(seed)
    n_org = max(1, actors // 5)
    n_pro = (actors * 3) // 10
    records = []
    for i in range(actors):
        if i < n_org:
            records.append({"id": f"o{i}", "kind": "organisation", "label": f"Service {i}",
                            "sector": rng.choice(SECTORS), "status": rng.choice(["public", "associative", "private"]),
                            "territory": rng.choice(TERRITORIES), "domains": rng.sample(DOMAINS, rng.randint(1, 3)),
                            "member": rng.random() < 0.6})
        elif i < n_org + n_pro:
            records.append({"id": f"p{i}", "kind": "professional", "label": f"Pro {i}",
                            "organisation": f"o{rng.randrange(n_org)}", "profession": "assistant·e social·e"})
        else:
            role = rng.choice(ROLES)
            person = {"id": f"u{i}", "kind": "person", "role": role, "label": f"P. {i}"}
            if role == "user":
                person["needs"] = rng.sample(DOMAINS, rng.randint(1, 4))
            records.append(person)
    users = [r["id"] for r in records if r.get("role") == "user"]
    tie_records = []
    for _ in range(ties):
        s = rng.randrange(actors)
        t = rng.randrange(actors - 1)
        t += t >= s
        tie = {"source": records[s]["id"], "target": records[t]["id"], "relation": rng.choice(RELATIONS)}
        if rng.random() < 0.3:
            tie["weight"] = rng.randint(1, 5)
        if tie["relation"] == "information" and users:
            tie["about"] = rng.choice(users)
            tie["consent"] = rng.random() < 0.7
        tie_records.append(tie)
    return {"maillage": 1, "network": {"name": f"Carte synthétique {actors}/{ties}"},
            "actors": records, "ties": tie_records}


# A process's peak RSS (ru_maxrss) survives exec on Linux, so a child forked from this (large)
# process would report this process's peak. Each measured command therefore runs as the child of
# a small wrapper, which reports the peak of its children only.
WRAPPER = """
import json, resource, subprocess, sys
out = subprocess.run(sys.argv[1:], check=True, capture_output=True, text=True).stdout
result = json.loads(out.strip().splitlines()[-1])
result['peak'] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(json.dumps(result))
"""

PY_REPORT = "print(json.dumps({'seconds': elapsed}))\n"

PEERS = {
    "maillage (Python), JSON": """
        import maillage
        start = time.perf_counter()
        net = maillage.read(sys.argv[1])
        elapsed = time.perf_counter() - start
        assert net.tie_count > 0
    """,
    "maillage (Python), CSV": """
        import maillage
        start = time.perf_counter()
        net = maillage.read(sys.argv[2])
        elapsed = time.perf_counter() - start
        assert net.tie_count > 0
    """,
    "networkx 3 (json.load + MultiGraph)": """
        import networkx as nx
        start = time.perf_counter()
        with open(sys.argv[1], encoding='utf-8') as f:
            data = json.load(f)
        g = nx.MultiGraph()
        for a in data['actors']:
            g.add_node(a['id'], **{k: v for k, v in a.items() if k != 'id'})
        for t in data['ties']:
            g.add_edge(t['source'], t['target'], **{k: v for k, v in t.items() if k not in ('source', 'target')})
        elapsed = time.perf_counter() - start
        assert g.number_of_edges() > 0
    """,
    "igraph (pandas.read_csv + Graph.DataFrame)": """
        import igraph, pandas as pd
        start = time.perf_counter()
        actors = pd.read_csv(sys.argv[2] + '/actors.csv', dtype=str, keep_default_na=False)
        ties = pd.read_csv(sys.argv[2] + '/ties.csv', dtype=str, keep_default_na=False)
        g = igraph.Graph.DataFrame(ties, directed=False, vertices=actors, use_vids=False)
        elapsed = time.perf_counter() - start
        assert g.ecount() > 0
    """,
    "pandas.read_csv only (no graph)": """
        import pandas as pd
        start = time.perf_counter()
        actors = pd.read_csv(sys.argv[2] + '/actors.csv', dtype=str, keep_default_na=False)
        ties = pd.read_csv(sys.argv[2] + '/ties.csv', dtype=str, keep_default_na=False)
        elapsed = time.perf_counter() - start
        assert len(ties) > 0
    """,
}


def measure(label: str, argv: list[str], repeat: int) -> dict:
    """Best of `repeat` runs of a command that prints {"seconds": ...} last, each in a new process."""
    best = None
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", WRAPPER, *argv], check=True, capture_output=True,
                             text=True).stdout
        result = json.loads(out.strip().splitlines()[-1])
        if best is None or result["seconds"] < best["seconds"]:
            best = result
    return {"tool": label, **best}


def python_command(body: str, json_path: Path, csv_dir: Path) -> list[str]:
    code = "import json, sys, time\n" + textwrap.dedent(body) + PY_REPORT
    return [sys.executable, "-c", code, str(json_path), str(csv_dir)]


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, {platform.system()} {platform.release()}"


def priority_note() -> str:
    """How the benchmark shared the machine: real-time priority (`chrt -f 10`, which keeps other
    work off its cores), or else the load average it ran under."""
    if os.sched_getscheduler(0) == os.SCHED_FIFO:
        return "Run with real-time priority (`chrt -f 10`), so that other work on the machine did not take its cores."
    return f"Load average when it finished: {os.getloadavg()[0]:.1f}."


def write_section(name: str, body: str) -> None:
    """Puts `body` between the markers <!-- name:start --> and <!-- name:end --> of RESULTS.md
    (appended when they are absent), leaving the other benchmarks' sections as they are; the file
    is replaced atomically, so an interrupted benchmark leaves the previous results intact."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    section = f"{start}\n{body}\n{end}"
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if start in text:
        head, rest = text.split(start, 1)
        text = head + section + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    temporary = RESULTS.with_suffix(".md.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(RESULTS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", type=Path, default=Path("build/cpp"), help="CMake build folder with benchmarks/load_map")
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--ties", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="print the table only")
    args = parser.parse_args()

    import maillage

    DATA.mkdir(exist_ok=True)
    stem = f"map-{args.actors}-{args.ties}-{args.seed}"
    json_path = DATA / f"{stem}.maillage.json"
    csv_dir = DATA / stem
    if not json_path.exists():
        print(f"generating {json_path} ...", file=sys.stderr)
        text = json.dumps(generate(args.actors, args.ties, args.seed), ensure_ascii=False)
        json_path.write_text(text, encoding="utf-8")
    if not (csv_dir / "ties.csv").exists():
        maillage.write(maillage.read(json_path), csv_dir)
    sizes = f"JSON {json_path.stat().st_size / 2**20:.0f} MiB, CSV {sum(p.stat().st_size for p in csv_dir.iterdir()) / 2**20:.0f} MiB"

    binary = args.build / "benchmarks" / "load_map"
    rows = [measure("maillage (C++), JSON", [str(binary), str(json_path)], args.repeat),
            measure("maillage (C++), CSV", [str(binary), str(csv_dir)], args.repeat)]
    for name, body in PEERS.items():
        print(f"running {name} ...", file=sys.stderr)
        rows.append(measure(name, python_command(body, json_path, csv_dir), args.repeat))

    fastest_peer = min(r["seconds"] for r in rows if not r["tool"].startswith(("maillage", "pandas")))
    lines = [
        f"Map: {args.actors:,} actors, {args.ties:,} ties (seed {args.seed}; {sizes}). "
        f"Best of {args.repeat} runs, each in a new process.",
        "",
        "| tool | seconds | ratio to fastest graph peer | peak memory (MiB) |",
        "|---|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r['tool']} | {r['seconds']:.2f} | {r['seconds'] / fastest_peer:.2f} | {r['peak'] / 2**20:.0f} |")
    if "network_bytes" in rows[0]:
        lines += ["", f"maillage's network in memory (tables + CSR, counted by `network::memory_bytes`): "
                      f"{rows[0]['network_bytes'] / 2**20:.0f} MiB."]
    from importlib.metadata import version

    lines += ["", "Versions: " + ", ".join(f"{package} {version(package)}" for package in
                                          ("maillage", "networkx", "igraph", "pandas", "numpy")) +
              f", Python {platform.python_version()}."]
    table = "\n".join(lines)
    print(table)
    if args.no_write:
        return
    command = f"{Path(sys.executable).name} benchmarks/load_map.py --actors {args.actors} --ties {args.ties} --seed {args.seed} --repeat {args.repeat}"
    write_section("load_map", f"## Loading a map\n\nMachine: {machine()}. Date: {dt.date.today().isoformat()}. "
                              f"Command: `{command}` (`make bench`).\n\n{table}")

if __name__ == "__main__":
    main()
