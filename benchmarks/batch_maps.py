"""What a regional batch costs: `maillage batch` over many generated maps, in maps per second and
peak memory, with 1 and 2 jobs, worker processes against threads.

Two workloads (issue 7): 1,000 maps of 50 actors and 100 maps of 2,000 actors, generated with
`maillage.generate.regional_map` (seeded, cached under benchmarks/data/). Each run is a fresh
`maillage batch MAPS -o OUT --format json --as-of 2026-11-22` process into an empty folder, so it
includes starting Python, reading every map, the measures, coverage, gaps, the plan, the
pseudonymised JSON reports, summary.csv, errors.csv and summary.html. The run must report every
map done and none failed, or the benchmark stops: it cannot time a batch that did nothing.

Peak memory is measured two ways: the largest single process (ru_maxrss of the batch and its
workers, from wait4) and the whole process tree (resident memory of the batch and all its
workers, summed, sampled every 20 ms from /proc), since worker processes each hold their own
copy of the interpreter.

    python benchmarks/batch_maps.py                       (make bench)
    python benchmarks/batch_maps.py --small 200 --large 20 --no-write   (a quick look)

Writes its table between <!-- batch_maps:start --> and <!-- batch_maps:end --> in RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from load_map import machine, priority_note, write_section  # noqa: E402

HERE = Path(__file__).parent
DATA = HERE / "data"
AS_OF = "2026-11-22"


def generate(count: int, actors: int, seed: int) -> Path:
    """count maps of `actors` actors (seeds seed, seed+1, ...), written once and reused."""
    from maillage import write
    from maillage.generate import regional_map

    folder = DATA / f"batch-{count}x{actors}-{seed}"
    marker = folder / ".complete"
    if marker.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for i in range(count):
        write(regional_map(actors, seed + i, name=f"Carte {i + 1}"), folder / f"carte_{i:04d}.maillage.json")
    marker.write_text("ok\n")
    return folder


def _tree_rss(root: int) -> int:
    """Resident bytes of `root` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def run_batch(folder: Path, jobs: int, threads: bool, out: Path) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "maillage.cli", "batch", str(folder), "-o", str(out), "--jobs", str(jobs),
               "--format", "json", "--as-of", AS_OF] + (["--threads"] if threads else [])
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak_tree = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not stop.is_set():
            peak_tree = max(peak_tree, _tree_rss(process.pid))
            stop.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    stderr = process.stderr.read() if process.stderr else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"batch_maps: {' '.join(command)} exited with {process.returncode}:\n{stderr[-2000:]}")
    maps = len(list(folder.glob("*.maillage.json")))
    summary_rows = (out / "summary.csv").read_text(encoding="utf-8").strip().splitlines()[1:]
    errors_rows = (out / "errors.csv").read_text(encoding="utf-8").strip().splitlines()[1:]
    if len(summary_rows) != maps or errors_rows:
        raise SystemExit(f"batch_maps: {len(summary_rows)} of {maps} maps in summary.csv, {len(errors_rows)} errors")
    # wait4's ru_maxrss is the largest of the batch process and the workers it reaped.
    return {"seconds": seconds, "maps": maps, "rate": maps / seconds, "largest_process": usage.ru_maxrss * 1024,
            "tree": peak_tree}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=int, default=1000, help="number of 50-actor maps")
    parser.add_argument("--large", type=int, default=100, help="number of 2,000-actor maps")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1, help="runs per row (the fastest is kept)")
    parser.add_argument("--no-write", action="store_true", help="print the table only")
    args = parser.parse_args()
    import maillage

    DATA.mkdir(exist_ok=True)
    workloads = [(args.small, 50), (args.large, 2000)]
    rows = []
    for count, actors in workloads:
        folder = generate(count, actors, args.seed)
        ties = sum(len(json.loads(p.read_text(encoding="utf-8"))["ties"]) for p in sorted(folder.glob("*.json"))[:20])
        for jobs, threads in [(1, False), (2, False), (2, True)]:
            out = DATA / f"batch-out-{count}x{actors}"
            best = min((run_batch(folder, jobs, threads, out) for _ in range(args.repeat)), key=lambda r: r["seconds"])
            mode = "1 job" if jobs == 1 else f"{jobs} jobs, {'threads' if threads else 'processes'}"
            rows.append((f"{count:,} maps of {actors:,} actors (~{ties / min(count, 20):,.0f} ties each)", mode, best))
            print(f"{count} x {actors}, {mode}: {best['rate']:.1f} maps/s", flush=True)
    table = ["| maps | workers | seconds | maps per second | peak, largest process (MiB) | peak, all processes (MiB) |",
             "|---|---|---:|---:|---:|---:|"]
    table += [f"| {label} | {mode} | {r['seconds']:.1f} | {r['rate']:.2f} | {r['largest_process'] / 2**20:.0f} | "
              f"{r['tree'] / 2**20:.0f} |" for label, mode, r in rows]
    text = "\n".join(table)
    print(text)
    if args.no_write:
        return
    command = "python benchmarks/batch_maps.py " + " ".join(sys.argv[1:])
    write_section("batch_maps", f"## A regional batch: maps per second\n\n"
               f"Machine: {machine()}. Date: {dt.date.today().isoformat()}. Command: `{command}` (`make bench`). "
               f"{priority_note()}\n\n"
               f"Each row is one `maillage batch DIR -o OUT --format json --as-of {AS_OF} --jobs N [--threads]` "
               f"process into an empty folder: starting Python, reading, measures, coverage, gaps, plan, "
               f"pseudonymised JSON reports, summary.csv, errors.csv and summary.html, every map done. Maps from "
               f"`maillage.generate.regional_map` (seeds {args.seed}...).\n\n{text}\n\n"
               f"Versions: maillage {maillage.__version__}, Python {sys.version.split()[0]}.")

if __name__ == "__main__":
    main()
