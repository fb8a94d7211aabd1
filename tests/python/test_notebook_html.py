"""The HTML pages of the notebooks (``make notebooks``, ``notebooks/execute.py --html``): a wide
drawing of maillage (SVG, which nbconvert's lab template shows as an <img>) is fitted to the page
instead of being cut off at the right."""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path

import pytest

os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")
nbformat = pytest.importorskip("nbformat")
pytest.importorskip("nbconvert")

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("notebook_runner_html", ROOT / "notebooks" / "execute.py")
runner = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(runner)  # type: ignore[union-attr]


def _page_with_drawing() -> str:
    import maillage

    svg = maillage.example("reseau_regional").draw(width=2000)
    cell = nbformat.v4.new_code_cell("region.draw()")
    cell.outputs = [nbformat.v4.new_output("execute_result", data={"image/svg+xml": str(svg), "text/plain": "<SVG>"},
                                           execution_count=1)]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Titre"), cell])
    return runner.to_html(nb, "Titre")


def test_wide_drawings_fit_the_page() -> None:
    page = _page_with_drawing()
    head = page.split("</head>", 1)[0]
    # The drawing is an <img> inside the SVG output area...
    assert re.search(r'class="jp-RenderedSVG[^"]*"[^>]*>\s*<img', page)
    # ...and the page's own style sheet (after nbconvert's, so it wins) caps its width.
    styles = re.findall(r"<style[^>]*>(.*?)</style>", head, flags=re.S)
    assert styles and ".jp-RenderedSVG img" in styles[-1] and "max-width: 100%" in styles[-1]


def test_links_to_notebooks_lead_to_html_pages() -> None:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
        "# T\n[solutions](solutions/03_x_solutions.ipynb) [ailleurs](https://example.org/a.ipynb)")])
    page = runner.to_html(nb, "T")
    assert 'href="solutions/03_x_solutions.html"' in page
    assert 'href="https://example.org/a.ipynb"' in page
