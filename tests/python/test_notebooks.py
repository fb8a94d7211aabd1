"""The French training notebooks (notebooks/*.ipynb and notebooks/solutions/*.ipynb): stored
without outputs, shaped as the course expects, and every one of them runs without error.

Each notebook is executed by nbclient in a temporary working folder (nothing is written in the
repository) on a ``python3`` kernel that runs this interpreter, with a time limit per cell
(``notebooks/execute.py``, which ``make notebooks`` also uses to render them as HTML).
"""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path

import pytest

os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")

nbformat = pytest.importorskip("nbformat")
pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "notebooks"
_spec = importlib.util.spec_from_file_location("notebook_runner", FOLDER / "execute.py")
runner = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(runner)  # type: ignore[union-attr]

NOTEBOOKS = runner.notebook_paths(FOLDER)
COURSE = [p for p in NOTEBOOKS if p.parent == FOLDER]


def _ids(paths: list[Path]) -> list[str]:
    return [str(p.relative_to(FOLDER)) for p in paths]


def test_there_are_notebooks() -> None:
    assert COURSE, "no notebook in notebooks/"
    assert all(re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", p.name) for p in COURSE), _ids(COURSE)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_stored_without_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for number, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: cell {number} has outputs"
            assert cell.execution_count is None, f"{path.name}: cell {number} has an execution count"
    assert nb.metadata.get("kernelspec", {}).get("name") == runner.KERNEL_NAME
    assert nb.metadata.get("language_info", {}).get("name") == "python"


@pytest.mark.parametrize("path", COURSE, ids=_ids(COURSE))
def test_course_shape(path: Path) -> None:
    """A title, explanations before code, an exercises section, and a solutions notebook that
    exists (the link in the notebook names it)."""
    nb = nbformat.read(path, as_version=4)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# "), f"{path.name}: no title"
    kinds = [c.cell_type for c in nb.cells]
    assert kinds.count("markdown") >= kinds.count("code") / 2, f"{path.name}: too little explanation"
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "## Exercices" in text, f"{path.name}: no exercises section"
    solutions = FOLDER / "solutions" / f"{path.stem}_solutions.ipynb"
    assert solutions.exists(), f"{path.name}: no {solutions.relative_to(ROOT)}"
    assert f"solutions/{solutions.name}" in text, f"{path.name}: does not point to its solutions"
    exercises = len(re.findall(r"^### Exercice \d", text, flags=re.M))
    assert 2 <= exercises <= 3, f"{path.name}: {exercises} exercises"
    solved = "\n".join(c.source for c in nbformat.read(solutions, as_version=4).cells if c.cell_type == "markdown")
    assert len(re.findall(r"^### Exercice \d", solved, flags=re.M)) == exercises, f"{solutions.name}: not every exercise"
    # Plain code for beginners: short cells; helpers that students need not read are collapsed
    # (JupyterLab's source_hidden) and may be a little longer.
    for number, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            hidden = cell.metadata.get("jupyter", {}).get("source_hidden", False)
            assert len(cell.source.splitlines()) <= (25 if hidden else 15), f"{path.name}: cell {number} is long"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_runs_without_error(path: Path, tmp_path: Path) -> None:
    before = sorted(p for p in FOLDER.rglob("*") if "__pycache__" not in p.parts and ".ipynb_checkpoints" not in p.parts)
    nb = runner.execute(path, workdir=tmp_path)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    # Warnings would show to students as red boxes: none may be printed.
    stderr = [o.text for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "stream" and o.name == "stderr"]
    assert not stderr, stderr
    after = sorted(p for p in FOLDER.rglob("*") if "__pycache__" not in p.parts and ".ipynb_checkpoints" not in p.parts)
    assert after == before, "the notebook wrote into notebooks/"


def test_reports_leave_matplotlib_as_it_was(tmp_path: Path) -> None:
    """A report or a regional summary made in a notebook must not switch matplotlib's backend
    (the notebook's charts would stop showing) nor change its settings."""
    import matplotlib

    import maillage
    from maillage.generate import regional_map

    matplotlib.use("svg")  # stands for the notebook's inline backend: anything but Agg
    before = dict(matplotlib.rcParams)
    html = maillage.report(maillage.example("reseau_regional"), "html", as_of="2026-11-22")
    assert html.count("<svg") >= 3
    regional_map(actors=60, seed=1).write(tmp_path / "m.maillage.json")
    maillage.batch([tmp_path / "m.maillage.json"], tmp_path / "out", formats=("json",), as_of="2026-11-22", salt="s")
    assert (tmp_path / "out" / "summary.html").read_text(encoding="utf-8").count("<svg") >= 2
    assert matplotlib.get_backend() == "svg"
    assert dict(matplotlib.rcParams) == before
