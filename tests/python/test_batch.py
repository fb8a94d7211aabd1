"""Batch runs: bad maps in the middle, resume after an interrupted run, pseudonymisation (no
personal label in any output file), and a Dask LocalCluster giving the same outputs as a local run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import maillage
from maillage.generate import regional_map_dict

SALT = "0123456789abcdef"
AS_OF = "2026-11-22"


def write_maps(folder: Path, count: int, actors: int = 40, markers: bool = False) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(count):
        data = regional_map_dict(actors, seed=k)
        if markers:
            for actor in data["actors"]:
                if actor["kind"] == "person":
                    actor["label"] = f"ZQXMARKER{actor['id']}QZ"
            for meeting in data["meetings"]:
                for decision in meeting["decisions"]:
                    person = next(a for a in data["actors"] if a["kind"] == "person")
                    decision["what"] = f"Appeler {person['label']} lundi"
        path = folder / f"map{k:02d}.maillage.json"
        maillage.Network.from_dict(data).write(path)
        paths.append(path)
    return paths


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "maillage.cli", *args], capture_output=True, text=True)


def test_bad_maps_do_not_stop_the_batch(tmp_path: Path) -> None:
    maps = write_maps(tmp_path / "in", 4)
    (tmp_path / "in" / "map01b.maillage.json").write_text('{"actors": [{"id": "a", "kind": "organization"}]}')
    (tmp_path / "in" / "map02b.maillage.json").write_text('{"actors": [')
    done = run_cli("batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--format", "json", "--as-of", AS_OF,
                   "--salt", SALT)
    assert done.returncode == 1
    errors = (tmp_path / "out" / "errors.csv").read_text().splitlines()
    assert errors[0] == "map,path,error"
    assert [line.split(",")[0] for line in errors[1:]] == ["map01b", "map02b"]
    assert 'unknown value ""organization""' in errors[1]
    summary = (tmp_path / "out" / "summary.csv").read_text().splitlines()
    assert [line.split(",")[0] for line in summary[1:]] == [p.name.removesuffix(".maillage.json") for p in maps]
    assert "4 maps analysed" in done.stdout and "2 failed" in done.stdout


def test_usage_errors(tmp_path: Path) -> None:
    assert run_cli("batch", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out")).returncode == 2
    write_maps(tmp_path / "in", 1)
    assert run_cli("batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--format", "pdf").returncode == 2
    assert run_cli("batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--as-of", "2026/11/22").returncode == 2


def test_resume_after_an_interrupted_run(tmp_path: Path) -> None:
    write_maps(tmp_path / "in", 8, actors=60)
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "maillage.cli", "batch", str(tmp_path / "in"), "-o", str(out),
                                "--format", "json,html", "--as-of", AS_OF, "--salt", SALT],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list((out / "maps").glob(".*.done.json"))) < 3:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    finished = sorted(p.name for p in (out / "maps").glob(".*.done.json"))
    assert 3 <= len(finished) < 8, "the batch must be killed midway"
    # Nothing half-written is left under a final name: every report present is complete.
    for report in (out / "maps").glob("[!.]*.json"):
        maillage_json = report.read_text()
        assert maillage_json.endswith("}\n")
    resumed = maillage.batch([tmp_path / "in"], out, formats=("json", "html"), as_of=AS_OF, salt=SALT, resume=True)
    assert len(resumed.skipped) == len(finished) and len(resumed.done) == 8 - len(finished) and resumed.ok
    fresh = maillage.batch([tmp_path / "in"], tmp_path / "fresh", formats=("json", "html"), as_of=AS_OF, salt=SALT)
    assert fresh.ok
    resumed_files = {k: v for k, v in files(out).items() if ".tmp-" not in k}
    assert resumed_files.keys() == files(tmp_path / "fresh").keys()
    assert resumed_files == files(tmp_path / "fresh")
    # A changed map is analysed again; the others stay skipped.
    first = tmp_path / "in" / "map00.maillage.json"
    first.write_text(first.read_text().replace("graine 0", "graine zéro"))
    again = maillage.batch([tmp_path / "in"], out, formats=("json", "html"), as_of=AS_OF, salt=SALT, resume=True)
    assert again.done == ["map00"] and len(again.skipped) == 7


def test_no_personal_label_in_any_output(tmp_path: Path) -> None:
    write_maps(tmp_path / "in", 3, actors=50, markers=True)
    (tmp_path / "in" / "broken.maillage.json").write_text(
        '{"actors": [{"id": "x", "kind": "person", "label": "ZQXMARKERbrokenQZ", "role": "userr"}]}')
    out = tmp_path / "out"
    result = maillage.batch([tmp_path / "in"], out, formats=("json", "html", "md"), as_of=AS_OF)
    assert len(result.failed) == 1
    assert (out / ".salt").exists()
    for name, content in files(out).items():
        assert b"ZQXMARKER" not in content, name
    revealed = maillage.batch([tmp_path / "in"], tmp_path / "revealed", formats=("json",), as_of=AS_OF,
                              reveal_persons=True)
    assert any(b"ZQXMARKER" in content for content in files(tmp_path / "revealed").values())
    assert revealed.done
    # The same salt gives the same pseudonyms: the key is stored and reused.
    second = maillage.batch([tmp_path / "in"], out, formats=("json",), as_of=AS_OF)
    assert second.done


def test_threads_and_processes_give_the_same_outputs(tmp_path: Path) -> None:
    write_maps(tmp_path / "in", 4)
    maillage.batch([tmp_path / "in"], tmp_path / "p", jobs=2, formats=("json",), as_of=AS_OF, salt=SALT)
    maillage.batch([tmp_path / "in"], tmp_path / "t", jobs=2, formats=("json",), as_of=AS_OF, salt=SALT,
                   executor="thread")
    maillage.batch([tmp_path / "in"], tmp_path / "s", jobs=1, formats=("json",), as_of=AS_OF, salt=SALT)
    assert files(tmp_path / "p") == files(tmp_path / "t") == files(tmp_path / "s")


def test_dask_local_cluster_gives_the_local_outputs(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    write_maps(tmp_path / "in", 5)
    local = maillage.batch([tmp_path / "in"], tmp_path / "local", formats=("json", "html"), as_of=AS_OF, salt=SALT)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        remote = maillage.batch([tmp_path / "in"], tmp_path / "dask", formats=("json", "html"), as_of=AS_OF, salt=SALT,
                                client=client)
    assert local.ok and remote.ok and sorted(remote.done) == sorted(local.done)
    assert files(tmp_path / "dask") == files(tmp_path / "local")
