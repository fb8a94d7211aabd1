"""Executes the training notebooks, as the tests and ``make notebooks`` do.

Each notebook runs in a fresh temporary working folder (so that nothing it writes lands in the
repository) on a kernel named ``python3`` that runs *this* interpreter (so the notebooks see the
maillage installed in the same virtual environment, whatever kernels the machine has), with a
time limit per cell.

    python notebooks/execute.py                    # execute every notebook, report errors
    python notebooks/execute.py --html out/notebooks   # and write each one as HTML with outputs

Exit status 0 only when every notebook ran without error.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

# jupyter_core warns about its old paths unless told which ones to use.
os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")

HERE = Path(__file__).resolve().parent
CELL_TIMEOUT = 180  # seconds per cell
KERNEL_NAME = "python3"
FIT_SVG_IMAGES = ".jp-RenderedSVG img { max-width: 100%; height: auto; }"


def notebook_paths(folder: Path = HERE) -> list[Path]:
    """The course notebooks (NN_*.ipynb) then their solutions, in name order."""
    return sorted(folder.glob("[0-9]*.ipynb")) + sorted((folder / "solutions").glob("*.ipynb"))


def _kernel_path() -> str:
    """A folder holding a ``python3`` kernel spec that runs ``sys.executable``; put first on
    JUPYTER_PATH so that it wins over any other ``python3`` kernel of the machine."""
    root = Path(tempfile.mkdtemp(prefix="maillage-kernel-"))
    spec = root / "kernels" / KERNEL_NAME
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}", "--log-level=ERROR"],
        "display_name": "Python 3 (maillage)", "language": "python",
        "env": {"MPLBACKEND": "module://matplotlib_inline.backend_inline", "PYDEVD_DISABLE_FILE_VALIDATION": "1"},
    }), encoding="utf-8")
    return str(root)


def use_this_interpreter() -> None:
    """Makes the ``python3`` kernel the interpreter running this code (idempotent)."""
    if not os.environ.get("MAILLAGE_KERNEL_PATH"):
        os.environ["MAILLAGE_KERNEL_PATH"] = _kernel_path()
        os.environ["JUPYTER_PATH"] = os.pathsep.join(
            [os.environ["MAILLAGE_KERNEL_PATH"]] + [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p])


def execute(path: Path, workdir: Path | None = None, timeout: int = CELL_TIMEOUT):
    """Runs every cell of the notebook at ``path`` in ``workdir`` (a new temporary folder when
    None) and returns the executed notebook (an nbformat node); raises
    nbclient.exceptions.CellExecutionError on the first cell that fails."""
    import nbformat
    from nbclient import NotebookClient

    use_this_interpreter()
    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory(prefix="maillage-notebook-") as scratch:
        folder = Path(workdir) if workdir is not None else Path(scratch)
        client = NotebookClient(nb, timeout=timeout, kernel_name=KERNEL_NAME, allow_errors=False,
                                record_timing=False, resources={"metadata": {"path": str(folder)}})
        client.execute()
    return nb


def to_html(nb, title: str) -> str:
    """The executed notebook as one HTML page (nbconvert's lab template)."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    nb.metadata["title"] = title
    body, _ = exporter.from_notebook_node(nb)
    # The lab template shows an SVG output that has no HTML form as <img>, which its style sheet
    # does not fit to the page as it fits <svg> and PNG images: a picture wider than the page would
    # be cut off at the right. (maillage's drawings have an HTML form, SVG._repr_html_, fitted by
    # its own style; this covers SVG from elsewhere, such as IPython.display.SVG.)
    body = body.replace("</head>", f"<style>{FIT_SVG_IMAGES}</style>\n</head>", 1)
    # Links between notebooks (to the solutions and back) lead to their HTML pages.
    return re.sub(r'href="(?![a-z]+:)([^"#]+)\.ipynb', r'href="\1.html', body)


def _title(nb, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to run (default: all)")
    parser.add_argument("--html", type=Path, help="folder to write each executed notebook into, as HTML")
    args = parser.parse_args(argv)
    from nbclient.exceptions import CellExecutionError

    failures = 0
    for path in args.notebooks or notebook_paths():
        started = time.monotonic()
        try:
            nb = execute(path)
        except CellExecutionError as error:
            failures += 1
            print(f"{path}: FAILED\n{error}", file=sys.stderr)
            continue
        shown = os.path.relpath(path) if not os.path.relpath(path).startswith("..") else path
        line = f"{shown}: ok ({time.monotonic() - started:.1f} s)"
        if args.html:
            from maillage.io import write_file_atomically

            relative = path.resolve().relative_to(HERE) if path.resolve().is_relative_to(HERE) else Path(path.name)
            target = args.html / relative.with_suffix(".html")
            target.parent.mkdir(parents=True, exist_ok=True)
            write_file_atomically(target, to_html(nb, _title(nb, path.stem)))
            line += f" -> {target}"
        print(line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
