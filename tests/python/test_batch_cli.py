"""`maillage batch` as a regional analyst runs it: exit statuses 0/1/2, the progress bar on a
terminal and plain lines otherwise, --resume by content hash (inputs and options), stable
pseudonyms from the stored salt and --reveal-persons, and --dask ADDRESS equal to a local run."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

import maillage
from maillage.generate import regional_map_dict

SALT = "fedcba9876543210"
AS_OF = "2026-11-22"


def write_maps(folder: Path, count: int, actors: int = 40) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(count):
        data = regional_map_dict(actors, seed=100 + k)
        for actor in data["actors"]:
            if actor["kind"] == "person":
                actor["label"] = f"Personne ZQX{actor['id']}"
        maillage.Network.from_dict(data).write(folder / f"map{k:02d}.maillage.json")


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "maillage.cli", *args], capture_output=True, text=True)


def test_exit_zero_plain_progress_lines_and_resume(tmp_path: Path) -> None:
    write_maps(tmp_path / "in", 3)
    out = tmp_path / "out"
    first = run_cli("batch", str(tmp_path / "in"), "-o", str(out), "--format", "json", "--as-of", AS_OF)
    assert first.returncode == 0, first.stderr
    # Not a terminal: one plain line per map with the count, the rate and the time left, no bar.
    lines = [line for line in first.stderr.splitlines() if line.strip()]
    assert len(lines) == 3, first.stderr
    for k, line in enumerate(lines, start=1):
        assert re.fullmatch(rf"\[{k}/3\] map0[0-2]: ok \(\d+\.\d maps/s, \d+ s left\)", line), line
    assert "\r" not in first.stderr
    assert "3 maps analysed, 0 up to date, 0 failed" in first.stdout
    assert (out / "errors.csv").read_text().splitlines() == ["map,path,error"]

    # A second run with --resume skips every map: same inputs, same options, outputs complete.
    again = run_cli("batch", str(tmp_path / "in"), "-o", str(out), "--format", "json", "--as-of", AS_OF, "--resume")
    assert again.returncode == 0 and "0 maps analysed, 3 up to date" in again.stdout
    # The hash covers the options: another --as-of analyses every map again.
    other = run_cli("batch", str(tmp_path / "in"), "-o", str(out), "--format", "json", "--as-of", "2026-12-01",
                    "--resume")
    assert other.returncode == 0 and "3 maps analysed, 0 up to date" in other.stdout
    # A report removed behind the batch's back is not complete: that map is done again.
    (out / "maps" / "map01.json").unlink()
    partial = run_cli("batch", str(tmp_path / "in"), "-o", str(out), "--format", "json", "--as-of", "2026-12-01",
                      "--resume")
    assert "1 maps analysed, 2 up to date" in partial.stdout and (out / "maps" / "map01.json").exists()


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    write_maps(tmp_path / "in", 3)
    leader, follower = pty.openpty()
    # A terminal of 100 columns (a new pty has 0, and tqdm draws nothing in 0 columns).
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    try:
        done = subprocess.run([sys.executable, "-m", "maillage.cli", "batch", str(tmp_path / "in"), "-o",
                               str(tmp_path / "out"), "--format", "json", "--as-of", AS_OF],
                              stdout=subprocess.PIPE, stderr=follower,
                              timeout=300)
        os.close(follower)
        follower = -1
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal is closed once the process and our end are gone
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        if follower >= 0:
            os.close(follower)
        os.close(leader)
    terminal = b"".join(chunks).decode("utf-8", "replace")
    assert done.returncode == 0
    # tqdm redraws one line: count, rate and the time left, and no plain progress lines.
    assert "\r" in terminal and "3/3" in terminal and "map/s" in terminal
    assert re.search(r"\d{2}:\d{2}<\d{2}:\d{2}", terminal), terminal
    assert "[1/3]" not in terminal


def test_usage_errors_exit_two(tmp_path: Path) -> None:
    write_maps(tmp_path / "in", 1)
    for args in (["--jobs", "0"], ["--lang", "it"], ["--format", "json,pdf"], ["--as-of", "22.11.2026"]):
        done = run_cli("batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), *args)
        assert done.returncode == 2, (args, done.stderr)
    assert run_cli("batch", "-o", str(tmp_path / "out")).returncode == 2
    assert not (tmp_path / "out" / "summary.csv").exists()


def test_one_failed_map_exits_one_and_names_ids_only(tmp_path: Path) -> None:
    write_maps(tmp_path / "in", 2)
    (tmp_path / "in" / "bad.maillage.json").write_text(json.dumps({"actors": [
        {"id": "p1", "kind": "person", "role": "user", "label": "Personne ZQXsecret"},
        {"id": "o1", "kind": "organisation", "label": "Service social"}],
        "ties": [{"source": "p1", "target": "nobody", "relation": "accompaniment"}]}))
    done = run_cli("batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--format", "json", "--as-of", AS_OF)
    assert done.returncode == 1
    errors = (tmp_path / "out" / "errors.csv").read_text()
    assert "bad," in errors and "nobody" in errors and "ZQX" not in errors
    assert "ZQX" not in done.stdout + done.stderr
    assert "failed: " in done.stderr and "2 maps analysed" in done.stdout


def test_pseudonyms_are_stable_and_revealed_on_request(tmp_path: Path) -> None:
    write_maps(tmp_path / "in", 2)
    for run in ("a", "b"):
        # No --salt: the first run makes one and stores it in OUTDIR; the second reuses it.
        assert run_cli("batch", str(tmp_path / "in"), "-o", str(tmp_path / run), "--format", "json", "--as-of",
                       AS_OF).returncode == 0
    salt_a = (tmp_path / "a" / ".salt").read_text().strip()
    assert re.fullmatch(r"[0-9a-f]{32}", salt_a) and salt_a != (tmp_path / "b" / ".salt").read_text().strip()
    report = json.loads((tmp_path / "a" / "maps" / "map00.json").read_text())
    before = (tmp_path / "a" / "maps" / "map00.json").read_bytes()
    assert run_cli("batch", str(tmp_path / "in"), "-o", str(tmp_path / "a"), "--format", "json", "--as-of",
                   AS_OF).returncode == 0
    assert (tmp_path / "a" / "maps" / "map00.json").read_bytes() == before  # same stored salt, same pseudonyms
    assert (tmp_path / "b" / "maps" / "map00.json").read_bytes() != before  # another salt, other pseudonyms
    text = json.dumps(report, ensure_ascii=False)
    assert "ZQX" not in text and re.search(r"P-[0-9a-f]{10}", text)
    source = maillage.read(tmp_path / "in" / "map00.maillage.json")
    organisation = source.actors.loc[source.actors["kind"] == "organisation", "label"].iloc[0]
    assert organisation in text  # organisations keep their names
    revealed = run_cli("batch", str(tmp_path / "in"), "-o", str(tmp_path / "r"), "--format", "json,html", "--as-of",
                       AS_OF, "--reveal-persons")
    assert revealed.returncode == 0
    assert "Personne ZQXusr0" in (tmp_path / "r" / "maps" / "map00.json").read_text()
    assert "Personne ZQXusr0" in (tmp_path / "r" / "maps" / "map00.html").read_text()


def test_dask_address_on_the_command_line_equals_the_local_run(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    write_maps(tmp_path / "in", 4)
    local = run_cli("batch", str(tmp_path / "in"), "-o", str(tmp_path / "local"), "--format", "json,html", "--as-of",
                    AS_OF, "--salt", SALT)
    assert local.returncode == 0
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = run_cli("batch", str(tmp_path / "in"), "-o", str(tmp_path / "dask"), "--format", "json,html",
                         "--as-of", AS_OF, "--salt", SALT, "--dask", cluster.scheduler_address)
    assert remote.returncode == 0, remote.stderr
    assert files(tmp_path / "dask") == files(tmp_path / "local")


def test_regional_summary_gaps_by_severity_and_older_records() -> None:
    from maillage.regional import regional_summary

    def result(key: str, by_severity: dict | None) -> dict:
        row = {"map": key, "actors": 10, "users": 2, "covered_share": 0.5, "gaps": 3, "needs": 4, "needs_covered": 2,
               "gap_conflictual_tie": 3}
        r = {"row": row, "needs_by_domain": {"housing": [4, 2]}, "cells": {"Orval\thousing": 1}}
        if by_severity is not None:
            r["gaps_by_severity"] = by_severity
        return r

    html = regional_summary([result("a", {"conflictual_tie": {"info": 2, "warning": 1}}), result("b", None)], [], "fr")
    # The bars of the gap chart are split by severity; a record written before severities were kept
    # per code still counts, under no severity.
    assert "information" in html and "point de vigilance" in html and "Lien conflictuel" in html
    many = regional_summary([result(f"m{k:03d}", {}) for k in range(501)], [], "en")
    assert "The first 500 maps of 501; all of them are in summary.csv." in many
    assert many.count("<tr><td>m") == 500
