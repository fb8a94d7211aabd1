"""Check (issue 6): reading a large map keeps the peak memory within a small multiple of the
map's size in memory, for the JSON map and the CSV folder.

Writes (seeded, once, into build/memory/) a map of ``--actors`` actors and ``--ties`` ties as a
JSON map with a streaming writer (one record at a time: the generator never holds the map), and the
same map as a CSV folder (maillage's own writer). Then reads each in a fresh process with
benchmarks/load_map (``maillage::read``, C++) and with ``maillage.read`` (Python), and measures the
process's peak resident memory (ru_maxrss of the child, through the wrapper of load_map.py). The
in-memory size is ``network::memory_bytes`` (tables, CSR, id index). The Python figure has the
interpreter's own peak (importing maillage, numpy and pandas, measured on a one-actor map)
taken off.

``--check`` fails (exit 1) when a peak exceeds ``--max-ratio`` times the in-memory size; `make
test` runs it with the defaults (about 250 MB of JSON). ``--results`` writes the table into
benchmarks/RESULTS.md (section read_memory).

    .venv/bin/python benchmarks/read_memory.py --build build/cpp --check [--results]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from load_map import DOMAINS, RELATIONS, ROLES, SECTORS, TERRITORIES, WRAPPER, machine, priority_note, write_section  # noqa: E402

ROOT = HERE.parent
DATA = ROOT / "build" / "memory"


def write_json_map(path: Path, actors: int, ties: int, seed: int) -> None:
    """The synthetic map of load_map.generate (20% organisations, 30% professionals, 50% persons),
    written record by record: memory stays flat whatever the size."""
    rng = random.Random(seed)
    n_org = max(1, actors // 5)
    n_pro = (actors * 3) // 10
    ids = [f"o{i}" if i < n_org else f"p{i}" if i < n_org + n_pro else f"u{i}" for i in range(actors)]
    users: list[str] = []
    temporary = path.with_suffix(".tmp")
    with temporary.open("w", encoding="utf-8") as out:
        out.write('{"maillage": 1, "network": {"name": "Carte synthétique %d/%d"},\n"actors": [\n' % (actors, ties))
        for i in range(actors):
            if i < n_org:
                record = {"id": ids[i], "kind": "organisation", "label": f"Service {i}", "sector": rng.choice(SECTORS),
                          "status": rng.choice(["public", "associative", "private"]),
                          "territory": rng.choice(TERRITORIES), "domains": rng.sample(DOMAINS, rng.randint(1, 3)),
                          "member": rng.random() < 0.6}
            elif i < n_org + n_pro:
                record = {"id": ids[i], "kind": "professional", "label": f"Pro {i}",
                          "organisation": f"o{rng.randrange(n_org)}", "profession": "assistant·e social·e"}
            else:
                role = rng.choice(ROLES)
                record = {"id": ids[i], "kind": "person", "role": role, "label": f"P. {i}"}
                if role == "user":
                    record["needs"] = rng.sample(DOMAINS, rng.randint(1, 4))
                    users.append(ids[i])
            out.write(("" if i == 0 else ",\n") + json.dumps(record, ensure_ascii=False))
        out.write('\n],\n"ties": [\n')
        for k in range(ties):
            s = rng.randrange(actors)
            t = rng.randrange(actors - 1)
            t += t >= s
            tie = {"source": ids[s], "target": ids[t], "relation": rng.choice(RELATIONS)}
            if rng.random() < 0.3:
                tie["weight"] = rng.randint(1, 5)
            if tie["relation"] == "information" and users:
                tie["about"] = rng.choice(users)
                tie["consent"] = rng.random() < 0.7
            out.write(("" if k == 0 else ",\n") + json.dumps(tie, ensure_ascii=False))
        out.write("\n]}\n")
    temporary.replace(path)


BOUND = """Where the memory goes. Both readers stream: the JSON reader (src/io/json_reader.cpp) runs
RapidJSON's SAX reader over the file in 64 KiB blocks and assembles one actor, tie or meeting at
a time into a small value that it hands to the network builder and frees; the CSV reader
(src/io/csv_reader.cpp) hands libcsv 1 MiB blocks of whole lines. Neither holds the file's text
or a document of the map, so the peak no longer grows with the size of the file, only with the
map: it is reached when the network builder turns its records (the actors, and the ties as two
id strings and their enumerations, 88 bytes a tie, in deques that grow without copying) into the
network's tables and CSR, with the list of arcs the CSR is sorted from. Every term grows linearly
with the number of actors and ties, so the ratio to the network's size in memory hardly changes
with the size of the map; `make test` checks it on a 250 MB map (at most 3 times the network's
size in memory, `network::memory_bytes`). Before the readers streamed (2026-12-02, same 250 MB
map), the JSON reader held the text and a RapidJSON document of the whole map at once, and its
peak was 1327 MiB, 3.47 times the network's size in memory."""


def peak_of(argv: list[str]) -> dict:
    """Runs a command that prints one JSON line last, in a fresh process; adds its peak RSS."""
    out = subprocess.run([sys.executable, "-c", WRAPPER, *argv], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


PY_READ = """
import json, sys, time
import maillage
start = time.perf_counter()
net = maillage.read(sys.argv[1])
print(json.dumps({"seconds": time.perf_counter() - start, "ties": net.tie_count,
                  "network_bytes": net._core.memory_bytes()}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", type=Path, default=ROOT / "build" / "cpp", help="CMake build folder with benchmarks/load_map")
    parser.add_argument("--actors", type=int, default=300_000)
    parser.add_argument("--ties", type=int, default=3_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-ratio", type=float, default=3.0, help="largest peak / in-memory size accepted")
    parser.add_argument("--check", action="store_true", help="exit 1 when a peak exceeds the ratio")
    parser.add_argument("--results", action="store_true", help="write the table into benchmarks/RESULTS.md")
    parser.add_argument("--python", action="store_true", help="also measure maillage.read from Python")
    args = parser.parse_args()

    import maillage

    DATA.mkdir(parents=True, exist_ok=True)
    stem = f"map-{args.actors}-{args.ties}-{args.seed}"
    json_path, csv_dir = DATA / f"{stem}.maillage.json", DATA / stem
    started = time.perf_counter()
    if not json_path.exists():
        write_json_map(json_path, args.actors, args.ties, args.seed)
    if not (csv_dir / "ties.csv").exists():
        maillage.write(maillage.read(json_path), csv_dir)
    print(f"read_memory: map written in {time.perf_counter() - started:.0f} s", file=sys.stderr)

    binary = args.build / "benchmarks" / "load_map"
    inputs = {"JSON": (json_path, json_path.stat().st_size),
              "CSV": (csv_dir, sum(p.stat().st_size for p in csv_dir.iterdir()))}
    rows = []
    baseline = 0
    if args.python:
        tiny = DATA / "tiny.maillage.json"
        tiny.write_text('{"maillage": 1, "actors": [{"id": "a", "kind": "person"}]}', encoding="utf-8")
        baseline = peak_of([sys.executable, "-c", PY_READ, str(tiny)])["peak"]
    if not binary.exists() and (args.check or not args.python):
        sys.exit(f"read_memory: {binary} is missing (cmake --build {args.build} --target load_map)")
    for name, (path, size) in inputs.items():
        if binary.exists():
            rows.append({"reader": f"C++ maillage::read, {name}", "size": size, **peak_of([str(binary), str(path)])})
        if args.python:
            py = peak_of([sys.executable, "-c", PY_READ, str(path)])
            rows.append({"reader": f"Python maillage.read, {name}", "size": size, **py, "peak": py["peak"] - baseline})
    lines = [f"Map: {args.actors:,} actors, {args.ties:,} ties (seed {args.seed}).", "",
             "| reader | file (MiB) | seconds | peak RSS (MiB) | network in memory (MiB) | peak / in memory | peak / file |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    worst = 0.0
    for r in rows:
        ratio = r["peak"] / r["network_bytes"]
        worst = max(worst, ratio)
        lines.append(f"| {r['reader']} | {r['size'] / 2**20:.0f} | {r['seconds']:.1f} | {r['peak'] / 2**20:.0f} | "
                     f"{r['network_bytes'] / 2**20:.0f} | {ratio:.2f} | {r['peak'] / r['size']:.2f} |")
    if args.python:
        lines += ["", f"Python rows: the interpreter's own peak ({baseline / 2**20:.0f} MiB, a one-actor map) taken off."]
    table = "\n".join(lines)
    print(table)
    if args.results:
        command = (f"python benchmarks/read_memory.py --actors {args.actors} --ties {args.ties} --seed {args.seed}"
                   + (" --python" if args.python else ""))
        write_section("read_memory", f"## Reading a large map: peak memory\n\nMachine: {machine()}. Date: "
                      f"{dt.date.today().isoformat()}. Command: `{command}` (`make test` runs it with `--check`, "
                      f"C++ rows only). {priority_note()}\n\n{table}\n\n{BOUND}")
    if args.check and worst > args.max_ratio:
        print(f"read_memory: a peak is {worst:.2f} times the map's size in memory (at most {args.max_ratio})",
              file=sys.stderr)
        sys.exit(1)
    print(f"read_memory: largest peak / in-memory size {worst:.2f} (at most {args.max_ratio})")


if __name__ == "__main__":
    main()
