"""Hardening (issue 6): no personal label in any log line or error message of any command, the same
results from many threads as from one, hostile input rejected with placed errors, and a writer
killed mid-way leaving the previous file whole."""

from __future__ import annotations

import concurrent.futures as cf
import json
import math
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import maillage
from maillage.generate import regional_map, regional_map_dict

MARK = "ZQXMARKER"
AS_OF = "2026-11-22"
FUZZ_DATA = Path(__file__).resolve().parents[1] / "data" / "fuzz"


def marked_map(seed: int = 3, actors: int = 60) -> dict:
    """A generated map whose every person label (and the decisions naming them) holds MARK."""
    data = regional_map_dict(actors, seed=seed)
    people = [a for a in data["actors"] if a["kind"] == "person"]
    for actor in people:
        actor["label"] = f"{MARK}{actor['id']}QZ"
    for meeting in data["meetings"]:
        for decision in meeting["decisions"]:
            decision["what"] = f"Appeler {people[0]['label']} lundi"
    return data


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "maillage.cli", *args], capture_output=True, text=True)


def broken_maps(folder: Path) -> list[Path]:
    """Maps that fail in different ways, each with personal labels near the fault."""
    data = marked_map()
    person = next(a for a in data["actors"] if a["kind"] == "person")
    variants = {
        "bad_role": lambda d: d["actors"].append({"id": "x1", "kind": "person", "role": "userr", "label": f"{MARK}bad"}),
        "duplicate_id": lambda d: d["actors"].append(dict(person)),
        "unknown_target": lambda d: d["ties"].append({"source": person["id"], "target": "nobody",
                                                         "relation": "family"}),
        "bad_weight": lambda d: d["ties"].append({"source": person["id"], "target": d["actors"][0]["id"],
                                                    "relation": "family", "weight": "lourd"}),
    }
    paths = []
    for name, spoil in variants.items():
        copy = json.loads(json.dumps(data))
        spoil(copy)
        path = folder / f"{name}.maillage.json"
        path.write_text(json.dumps(copy, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    syntax = folder / "syntax.maillage.json"
    syntax.write_text(json.dumps(data, ensure_ascii=False)[:-40], encoding="utf-8")
    return paths + [syntax]


def test_no_personal_label_in_any_log_or_error_message(tmp_path: Path) -> None:
    good = tmp_path / "good.maillage.json"
    maillage.Network.from_dict(marked_map()).write(good)
    meeting = json.loads(good.read_text(encoding="utf-8"))["meetings"][0]["id"]
    broken = broken_maps(tmp_path)
    runs = [
        ("validate", str(good)), ("validate", *map(str, broken)),
        ("convert", str(good), str(tmp_path / "csv")), ("convert", str(broken[0]), str(tmp_path / "csv2")),
        ("analyze", str(good), "-o", str(tmp_path / "report"), "--format", "json,md", "--as-of", AS_OF),
        ("analyze", str(broken[1]), "-o", str(tmp_path / "report2")),
        ("meetings", str(good), "--as-of", AS_OF), ("meetings", str(broken[2])),
        ("minutes", str(good), meeting, "-o", str(tmp_path / "minutes.md")), ("minutes", str(good), "no-such-meeting"),
        ("batch", str(good), *map(str, broken), "-o", str(tmp_path / "batch"), "--as-of", AS_OF),
    ]
    for args in runs:
        done = run_cli(*args)
        assert done.returncode in (0, 1, 2), (args, done.stderr)
        # A person's own reports may name them; the logs and error messages of every command may not,
        # and nothing a batch writes may either.
        stdout_is_report = args[0] in ("meetings", "minutes") and done.returncode == 0
        messages = done.stderr + ("" if stdout_is_report else done.stdout)
        leaked = [line for line in messages.splitlines() if MARK in line]
        assert not leaked, (args, leaked[:3])
    for path in (tmp_path / "batch").rglob("*"):
        if path.is_file():
            assert MARK.encode() not in path.read_bytes(), path.name


def test_errors_name_ids_not_labels() -> None:
    data = marked_map()
    person = next(a for a in data["actors"] if a["kind"] == "person")
    data["actors"].append(dict(person))
    with pytest.raises(maillage.MapError) as caught:
        maillage.Network.from_dict(data)
    assert person["id"] in str(caught.value) and MARK not in str(caught.value).replace(f"{MARK}{person['id']}", "")


def _analyses(net: maillage.Network) -> dict[str, object]:
    return {
        "betweenness": net.betweenness(directed=False, threads=1),
        "closeness": net.closeness(),
        "pagerank": net.pagerank(),
        "cores": net.core_numbers(),
        "summary": pd.Series(net.summary()).astype(str),
        "coverage": maillage.coverage(net).users.astype(str),
        "gaps": maillage.gaps(net, as_of=AS_OF).to_frame().astype(str),
        "plan": pd.Series([json.dumps(s.computed, sort_keys=True, default=str) for s in maillage.plan(net, as_of=AS_OF).sections]),
    }


def test_many_threads_give_the_serial_results() -> None:
    net = maillage.Network.from_dict(regional_map_dict(400, seed=11))
    expected = _analyses(net)
    with cf.ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: _analyses(net), range(16)))
    for result in results:
        for name, value in expected.items():
            if isinstance(value, pd.DataFrame):
                pd.testing.assert_frame_equal(result[name], value, obj=name)
            else:
                pd.testing.assert_series_equal(result[name], value, obj=name)


@pytest.mark.parametrize("path", sorted((FUZZ_DATA / "json").glob("*.json")), ids=lambda p: p.name)
def test_hostile_json_gives_placed_errors_or_a_map(path: Path) -> None:
    try:
        net = maillage.read(path)
    except maillage.MapError as error:
        assert error.problems and all(p.file.endswith(path.name) for p in error.problems)
        assert all(p.place or p.message for p in error.problems)
    else:
        assert all(math.isfinite(w) for w in net.ties["weight"])


def test_hostile_values_documented_behaviour(tmp_path: Path) -> None:
    base = {"maillage": 1, "actors": [{"id": "a", "kind": "person"}, {"id": "b", "kind": "person"}]}

    def problems(ties: list[dict]) -> list[str]:
        try:
            maillage.Network.from_dict({**base, "ties": ties})
        except maillage.MapError as error:
            return [f"{p.place}: {p.message}" for p in error.problems]
        return []

    # JSON has no NaN or Infinity: such a token is a syntax error at its line and column.
    for bad in (math.nan, math.inf):
        found = problems([{"source": "a", "target": "b", "relation": "family", "weight": bad}])
        assert found and "syntax error" in found[0] and found[0].split(":")[0].isdigit()
    for bad in (0, -1, 1e-320 * 0):
        assert any(p.startswith("ties[0].weight") for p in problems([{"source": "a", "target": "b", "relation": "family",
                                                                       "weight": bad}]))
    assert any("ties[0]" in p for p in problems([{"source": "a", "target": "a", "relation": "family"}]))
    # Parallel ties are kept as they are (a family tie and an information tie are two ties).
    assert not problems([{"source": "a", "target": "b", "relation": "family"}] * 2)
    deep = tmp_path / "deep.maillage.json"
    deep.write_text('{"maillage": 1, "actors": ' + "[" * 200_000 + "]" * 200_000 + "}")
    with pytest.raises(maillage.MapError):
        maillage.read(deep)


KILLED_WRITER = """
import sys
import maillage
from maillage.generate import regional_map
net = regional_map(int(sys.argv[2]), seed=5)
print("ready", flush=True)
while True:
    net.write(sys.argv[1])
"""


def test_a_writer_killed_mid_way_leaves_the_previous_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "map.maillage.json"
    previous = maillage.Network.from_dict(regional_map_dict(30, seed=1))
    previous.write(target)
    before = target.read_bytes()
    big = regional_map(6000, seed=5)
    after = big.to_json().encode()
    rng = random.Random(0)
    for _ in range(6):
        target.write_bytes(before)
        with subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(target), "6000"], stdout=subprocess.PIPE,
                              text=True) as child:
            assert child.stdout is not None and child.stdout.readline().strip() == "ready"
            time.sleep(rng.uniform(0.0, 0.3))
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
        content = target.read_bytes()
        assert content in (before, after)
        maillage.read(target)
