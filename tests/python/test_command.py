"""The maillage command: validate, convert, example; --help; exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import maillage

COMMAND = [str(Path(sys.executable).with_name("maillage"))]


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*COMMAND, *map(str, args)], capture_output=True, text=True, cwd=cwd)


@pytest.mark.parametrize("command", [[], ["validate"], ["convert"], ["example"]])
def test_help(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.returncode == 0
    assert "Usage: maillage" in result.stdout


def test_version() -> None:
    assert run("--version").stdout.strip() == f"maillage, version {maillage.__version__}"


def test_example_writes_every_map(tmp_path: Path) -> None:
    result = run("example", "-o", tmp_path / "maps")
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in (tmp_path / "maps").iterdir())
    assert written == [f"{name}.maillage.json" for name in maillage.example_names()]
    result = run("example", "suivi_entretiens", "-o", tmp_path / "csv", "--format", "csv")
    assert result.returncode == 0
    assert maillage.read(tmp_path / "csv" / "suivi_entretiens").meeting_count == 3


def test_example_unknown_name_is_a_usage_error(tmp_path: Path) -> None:
    result = run("example", "nope", "-o", tmp_path)
    assert result.returncode == 2
    assert "no example 'nope'" in result.stderr


def test_validate(tmp_path: Path) -> None:
    good = maillage.example_path("reseau_regional")
    result = run("validate", good)
    assert result.returncode == 0
    assert "ok — 42 actors" in result.stdout
    bad = tmp_path / "bad.maillage.json"
    bad.write_text(json.dumps({"maillage": 1, "actors": [{"id": "a", "kind": "orga"}, {"id": "a", "kind": "person"}],
                               "ties": [{"source": "a", "target": "zz", "relation": "other"}]}), encoding="utf-8")
    result = run("validate", good, bad, tmp_path / "missing.maillage.json")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert f'error: {bad}: actors[0].kind: unknown value "orga"; allowed: person, professional, organisation, network' in errors
    assert f'error: {bad}: actors[1].id: duplicate actor id "a" (first at actors[0])' in errors
    assert f'error: {bad}: ties[0].target: unknown actor "zz"' in errors
    assert any("missing.maillage.json: cannot open" in line for line in errors)
    assert f"{bad}: 3 problems" in result.stderr


def test_convert_round_trip(tmp_path: Path) -> None:
    source = maillage.example_path("ecocarte_usager")
    assert run("convert", source, tmp_path / "csv").returncode == 0
    assert run("convert", tmp_path / "csv", tmp_path / "deep" / "back.maillage.json").returncode == 0
    assert maillage.read(tmp_path / "deep" / "back.maillage.json").to_json() == maillage.read(source).to_json()
    assert run("convert", source, tmp_path / "x.maillage", "--to", "json").returncode == 0


def test_convert_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.maillage.json"
    bad.write_text('{"maillage": 1, "actors": [', encoding="utf-8")
    result = run("convert", bad, tmp_path / "out.maillage.json")
    assert result.returncode == 1
    assert "syntax error" in result.stderr
    assert not (tmp_path / "out.maillage.json").exists()
    assert run("convert", bad, tmp_path / "out.txt", "--to", "yaml").returncode == 2
