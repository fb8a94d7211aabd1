"""The README's Python tour and shell commands run as written."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)\n```", README, flags=re.S)


def test_readme_shows_the_two_commands_first() -> None:
    first = blocks("sh")[0]
    assert first.splitlines()[0].startswith("make demo")
    assert first.splitlines()[1].startswith("make test")


@pytest.mark.parametrize("code", blocks("python"))
def test_python_tour_runs(code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {"__name__": "readme"})
    out = capsys.readouterr().out
    assert "<maillage.Network" in out
    assert 'unknown value "organization"' in out


def test_shell_tour_runs(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("maillage")
    assert script.exists() or shutil.which("maillage"), "the maillage command is installed"
    command = str(script) if script.exists() else "maillage"
    for line in blocks("sh")[1].splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        line = line.replace(".venv/bin/maillage", command)
        result = subprocess.run(line, shell=True, cwd=tmp_path, capture_output=True, text=True)
        assert result.returncode == 0, f"{line}\n{result.stdout}\n{result.stderr}"
    assert (tmp_path / "maps" / "reseau_regional" / "ties.csv").exists()
