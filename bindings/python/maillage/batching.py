"""Batch analysis of many maps: one report per map, ``summary.csv`` (a row per map),
``errors.csv`` (every map that failed, with its error) and a regional ``summary.html`` with charts
across maps, in parallel on one machine or on a Dask cluster, resumable, and private.

- Never lose work: a bad map is listed in ``errors.csv`` and the batch goes on; every output is
  written to a temporary file and renamed; a map's outputs are recorded as complete, with the
  content hash of the map and of the options, only after they are all written, so that a second
  run with ``resume=True`` skips exactly the maps whose outputs are complete and up to date.
- Private: unless ``reveal_persons``, persons are pseudonymised (:mod:`maillage.privacy`) before
  anything is computed, with a salt given or generated once and kept in ``OUTDIR/.salt``; error
  messages name files and places, never labels.
- Parallel: ``jobs`` worker processes (processes beat threads here: the C++ measures release the
  GIL, but rendering the reports is Python; see benchmarks/RESULTS.md), at most 2 x jobs maps in
  flight so that memory stays bounded whatever the number of maps; or a Dask ``client``.
"""

from __future__ import annotations

import concurrent.futures as cf
import csv
import datetime as _dt
import hashlib
import io
import json
import os
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .errors import InvalidArgumentError, MaillageError
from .io import read, write_file_atomically

MAP_SUFFIXES = (".maillage.json", ".json", ".graphml", ".gexf")
BATCH_FORMATS = ("json", "html", "md")
SUMMARY_COLUMNS = [
    "map", "name", "actors", "ties", "meetings", "users", "members", "density", "weak_components",
    "degree_centralization", "needs", "needs_covered", "covered_share", "users_with_uncovered_needs",
    "domains_with_provider", "uncovered_cells", "gaps", "critical", "warning", "info", "top_coordinators",
]


@dataclass
class BatchResult:
    """What a batch did: maps analysed now, skipped as up to date, and failed (with errors)."""

    outdir: Path
    done: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed


def find_maps(inputs: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Map files and CSV folders among the inputs: files as given, folders searched recursively
    (a folder holding ``actors.csv`` is a CSV map), glob patterns expanded; sorted, unique."""
    found: list[Path] = []
    for item in inputs:
        text = str(item)
        if any(ch in text for ch in "*?["):
            matches = sorted(Path().glob(text)) if not os.path.isabs(text) else sorted(Path("/").glob(text.lstrip("/")))
            if not matches:
                raise InvalidArgumentError(f"{text}: no map matches")
            found.extend(matches)
            continue
        path = Path(item)
        if path.is_dir() and not (path / "actors.csv").exists():
            for sub in sorted(path.rglob("*")):
                if sub.is_file() and sub.name.endswith(MAP_SUFFIXES) and not sub.name.startswith("."):
                    found.append(sub)
                elif sub.is_dir() and (sub / "actors.csv").exists():
                    found.append(sub)
        elif path.exists():
            found.append(path)
        else:
            raise InvalidArgumentError(f"{path}: no such file or folder")
    unique: dict[str, Path] = {}
    for p in found:
        unique.setdefault(str(p.resolve()), p)
    return sorted(unique.values(), key=str)


def _stem(path: Path) -> str:
    name = path.name
    for suffix in MAP_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _keys(paths: Sequence[Path]) -> list[str]:
    """An output name per map: its stem, made unique with its parent folders when stems clash."""
    stems = [_stem(p) for p in paths]
    keys = []
    for p, stem in zip(paths, stems):
        if stems.count(stem) == 1:
            keys.append(stem)
        else:
            keys.append("__".join([*p.resolve().parent.parts[-2:], stem]).replace(os.sep, "_"))
    return keys


def _content_hash(path: Path, options: dict[str, Any]) -> str:
    digest = hashlib.sha256()
    files = sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
    for f in files:
        digest.update(f.name.encode("utf-8"))
        digest.update(f.read_bytes())
    digest.update(json.dumps(options, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def _salt(outdir: Path, salt: str | None) -> str:
    stored = outdir / ".salt"
    if salt:
        return salt
    if stored.exists():
        return stored.read_text(encoding="utf-8").strip()
    from .privacy import new_salt

    salt = new_salt()
    write_file_atomically(stored, salt + "\n")
    return salt


def analyse_map(path: str, key: str, outdir: str, options: dict[str, Any]) -> dict[str, Any]:
    """Analyses one map and writes its reports; returns its summary row and the figures of the
    regional summary. Runs in a worker process (or a Dask worker): arguments and result are plain."""
    from .analysis import coverage
    from .privacy import pseudonymise
    from .reports import _analysis, _render

    net = read(path)
    if not options["reveal_persons"]:
        net = pseudonymise(net, options["salt"])
    data, cov = _analysis(net, options["as_of"], options["lang"], None, {})
    target = Path(outdir) / "maps"
    written = []
    for fmt in options["formats"]:
        text = _render(net, fmt, options["lang"], None, {}, data, cov)
        out = target / f"{key}.{fmt}"
        write_file_atomically(out, text)
        written.append(out.name)
    summary = data["measures"].get("summary", {})
    gaps = data["gaps"]
    severities = {s: sum(1 for g in gaps if g["severity"] == s) for s in ("critical", "warning", "info")}
    needs = cov.needs
    coordinators = data["plan"]["sections"][4]["computed"].get("coordinators_by_betweenness", {})
    labels = net.actors["label"].fillna("")
    row = {
        "map": key, "name": net.info.get("name", ""), "actors": net.actor_count, "ties": net.tie_count,
        "meetings": net.meeting_count, "users": int((net.actors["role"] == "user").sum()),
        "members": int(net.actors["member"].sum()), "density": summary.get("density"),
        "weak_components": summary.get("weak_components"), "degree_centralization": summary.get("degree_centralization"),
        "needs": len(needs), "needs_covered": int(needs["covered"].sum()) if len(needs) else 0,
        "covered_share": (float(needs["covered"].mean()) if len(needs) else None),
        "users_with_uncovered_needs": int((cov.users["uncovered"].map(len) > 0).sum()) if len(cov.users) else 0,
        "domains_with_provider": int(((cov.domains["member_count"] + cov.domains["non_member_count"]) > 0).sum()),
        "uncovered_cells": len(cov.uncovered_cells), "gaps": len(gaps), **severities,
        "top_coordinators": "; ".join((labels.get(c) or c) for c in list(coordinators)[:3]),
    }
    for g in gaps:
        row[f"gap_{g['code']}"] = row.get(f"gap_{g['code']}", 0) + 1
    needs_by_domain: dict[str, list[int]] = {}
    for need, covered in zip(needs["need"], needs["covered"]):
        tally = needs_by_domain.setdefault(need, [0, 0])
        tally[0] += 1
        tally[1] += int(covered)
    cells = {f"{t}\t{d}": int(cov.territories.loc[t, d]) for t in cov.territories.index for d in cov.territories.columns}
    by_severity: dict[str, dict[str, int]] = {}
    for g in gaps:
        tally_of = by_severity.setdefault(g["code"], {})
        tally_of[g["severity"]] = tally_of.get(g["severity"], 0) + 1
    return {"row": row, "needs_by_domain": needs_by_domain, "cells": cells, "gaps_by_severity": by_severity,
            "outputs": written}


def _done_file(outdir: Path, key: str) -> Path:
    return outdir / "maps" / f".{key}.done.json"


def _up_to_date(outdir: Path, key: str, digest: str) -> dict[str, Any] | None:
    marker = _done_file(outdir, key)
    try:
        record = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if record.get("hash") != digest:
        return None
    if not all((outdir / "maps" / name).exists() for name in record.get("result", {}).get("outputs", [])):
        return None
    return record["result"]


class _Progress:
    """A tqdm bar (count, rate, ETA) on a terminal; plain lines otherwise."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.enabled = enabled
        self.total = total
        self.count = 0
        self.start = time.monotonic()
        self.bar = None
        if enabled and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="map", dynamic_ncols=True)

    def step(self, key: str, status: str) -> None:
        self.count += 1
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.update(1)
            if status != "ok":
                self.bar.write(f"{key}: {status}")
            return
        elapsed = time.monotonic() - self.start
        rate = self.count / elapsed if elapsed > 0 else 0.0
        eta = (self.total - self.count) / rate if rate > 0 else 0.0
        print(f"[{self.count}/{self.total}] {key}: {status} ({rate:.1f} maps/s, {eta:.0f} s left)", file=sys.stderr,
              flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _run_local(tasks: list[tuple[str, str]], outdir: Path, options: dict[str, Any], jobs: int,
               executor: str) -> Iterator[tuple[str, dict[str, Any] | None, str | None]]:
    if jobs <= 1:
        for path, key in tasks:
            yield key, *_guarded(path, key, str(outdir), options)
        return
    pool_class = cf.ProcessPoolExecutor if executor == "process" else cf.ThreadPoolExecutor
    with pool_class(max_workers=jobs) as pool:
        pending: dict[cf.Future, str] = {}
        queue = iter(tasks)
        window = 2 * jobs
        try:
            for path, key in queue:
                pending[pool.submit(_guarded, path, key, str(outdir), options)] = key
                if len(pending) < window:
                    continue
                done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
                for future in done:
                    yield pending.pop(future), *future.result()
            for future in cf.as_completed(list(pending)):
                yield pending.pop(future), *future.result()
        except BaseException:
            for future in pending:
                future.cancel()
            raise


def _run_dask(tasks: list[tuple[str, str]], outdir: Path, options: dict[str, Any],
              client: Any) -> Iterator[tuple[str, dict[str, Any] | None, str | None]]:
    from distributed import as_completed

    futures = {client.submit(_guarded, path, key, str(outdir), options, key=f"maillage-{key}-{options['hash']}",
                             pure=False): key for path, key in tasks}
    for future in as_completed(futures):
        yield futures[future], *future.result()


def _guarded(path: str, key: str, outdir: str, options: dict[str, Any]) -> tuple[dict[str, Any] | None, str | None]:
    """The result, or the error message (never a label: readers name files, places and ids)."""
    try:
        result = analyse_map(path, key, outdir, options)
        digest = options["digests"][key]
        write_file_atomically(_done_file(Path(outdir), key), json.dumps({"hash": digest, "result": result}, ensure_ascii=False))
        return result, None
    except (MaillageError, OSError, ValueError) as error:
        return None, str(error).replace("\n", " ")
    except Exception as error:  # a bug must not stop the batch: list it with its type
        return None, f"{type(error).__name__}: {error} ({traceback.extract_tb(error.__traceback__)[-1].name})"


def batch(inputs: Iterable[str | os.PathLike[str]], outdir: str | os.PathLike[str], *, jobs: int = 1,
          formats: Sequence[str] = ("json", "html"), lang: str = "fr", as_of: str | _dt.date | None = None,
          resume: bool = False, reveal_persons: bool = False, salt: str | None = None, client: Any = None,
          executor: str = "process", progress: bool = False) -> BatchResult:
    """Analyses every map of ``inputs`` (files, folders, glob patterns) into ``outdir``.

    ``jobs`` worker processes (``executor="thread"`` for threads), or a Dask ``client``;
    ``resume`` skips maps whose outputs are complete and up to date; persons are pseudonymised
    unless ``reveal_persons`` (``salt``: the key of the pseudonyms, by default generated once and
    kept in ``outdir/.salt``). Returns what was done, skipped and failed; ``summary.csv``,
    ``errors.csv`` and ``summary.html`` describe the whole batch, including maps skipped."""
    from .analysis import _as_of
    from .messages import catalogue

    for fmt in formats:
        if fmt not in BATCH_FORMATS:
            raise InvalidArgumentError(f'batch: format must be one of {", ".join(BATCH_FORMATS)}, got "{fmt}"')
    if jobs < 1:
        raise InvalidArgumentError(f"batch: jobs must be 1 or more, got {jobs}")
    if executor not in ("process", "thread"):
        raise InvalidArgumentError(f'batch: executor must be "process" or "thread", got "{executor}"')
    catalogue(lang)
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    paths = find_maps(inputs)
    keys = _keys(paths)
    options: dict[str, Any] = {"formats": list(formats), "lang": lang, "as_of": _as_of(as_of),
                               "reveal_persons": reveal_persons, "version": __version__}
    options["salt"] = "" if reveal_persons else _salt(out, salt)
    salt_digest = hashlib.sha256(options["salt"].encode()).hexdigest()
    hashed = {k: v for k, v in options.items() if k != "salt"} | {"salt": salt_digest}
    options["hash"] = hashlib.sha256(json.dumps(hashed, sort_keys=True).encode()).hexdigest()[:16]
    options["digests"] = {key: _content_hash(path, hashed) for path, key in zip(paths, keys)}
    result = BatchResult(out)
    results: dict[str, dict[str, Any]] = {}
    tasks = []
    for path, key in zip(paths, keys):
        previous = _up_to_date(out, key, options["digests"][key]) if resume else None
        if previous is not None:
            results[key] = previous
            result.skipped.append(key)
        else:
            tasks.append((str(path), key))
    bar = _Progress(len(tasks), progress)
    errors: dict[str, str] = {}
    source = {key: path for path, key in tasks}
    try:
        runner = _run_dask(tasks, out, options, client) if client is not None else _run_local(tasks, out, options, jobs, executor)
        for key, value, error in runner:
            if error is not None:
                errors[key] = error
                result.failed.append((source[key], error))
                bar.step(key, "failed")
            else:
                results[key] = value  # type: ignore[assignment]
                result.done.append(key)
                bar.step(key, "ok")
    finally:
        bar.close()
        _write_summaries(out, keys, paths, results, errors, lang)
    result.failed.sort()
    result.seconds = time.monotonic() - started
    return result


def _write_summaries(out: Path, keys: list[str], paths: list[Path], results: dict[str, dict[str, Any]],
                     errors: dict[str, str], lang: str) -> None:
    rows = [results[k]["row"] for k in keys if k in results]
    gap_columns = sorted({c for r in rows for c in r if c.startswith("gap_")})
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=SUMMARY_COLUMNS + gap_columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow({**{c: 0 for c in gap_columns}, **{k: ("" if v is None else v) for k, v in r.items()}})
    write_file_atomically(out / "summary.csv", buffer.getvalue())
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["map", "path", "error"])
    for key, path in zip(keys, paths):
        if key in errors:
            writer.writerow([key, str(path), errors[key]])
    write_file_atomically(out / "errors.csv", buffer.getvalue())
    from .regional import regional_summary

    write_file_atomically(out / "summary.html", regional_summary([results[k] for k in keys if k in results],
                                                         [(k, errors[k]) for k in keys if k in errors], lang))
