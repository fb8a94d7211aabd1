"""Drawings in Jupyter: an SVG shows as inline HTML (which notebooks and nbconvert prefer to the
<img> they make of image/svg+xml), so that its tooltips work and it shrinks to the page width;
the inline SVG is the drawing itself, only styled."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from IPython.core.formatters import DisplayFormatter

import maillage
from maillage.drawing import SVG

SVG_NS = "{http://www.w3.org/2000/svg}"


def drawings() -> list[tuple[str, SVG]]:
    eco = maillage.example("ecocarte_usager")
    region = maillage.example("reseau_regional")
    return [("ecomap", eco.draw("ecomap", "usr")), ("partners", region.draw("partners", "ssr_valmont")),
            ("map", region.draw(lang="de")), ("view", region.view(member=True).draw())]


@pytest.mark.parametrize(("kind", "svg"), drawings(), ids=[k for k, _ in drawings()])
def test_inline_html_is_the_drawing_styled_to_fit(kind: str, svg: SVG) -> None:
    html = svg._repr_html_()
    wrapper = ET.fromstring(html)  # well-formed: no duplicate attribute, nothing outside the div
    assert wrapper.tag == "div" and "max-width: 100%" in wrapper.get("style", "")
    (inline,) = list(wrapper)
    assert inline.tag == f"{SVG_NS}svg"
    assert inline.get("style") == "max-width: 100%; height: auto"
    original = ET.fromstring(str(svg))
    assert original.get("style") is None
    inline.attrib.pop("style")
    inline.tail = original.tail = None
    assert ET.tostring(inline) == ET.tostring(original)
    # The tooltips that an <img> would hide.
    assert inline.get("viewBox") and len(inline.findall(f".//{SVG_NS}title")) > 3


def test_jupyter_shows_html_first_and_keeps_the_svg() -> None:
    svg = maillage.example("ecocarte_usager").draw("ecomap", "usr")
    data, _ = DisplayFormatter().format(svg)
    assert data["text/html"] == svg._repr_html_()
    assert data["image/svg+xml"] == str(svg)


def test_text_without_svg_root_is_left_alone() -> None:
    assert SVG("not a drawing")._repr_html_() == "not a drawing"
