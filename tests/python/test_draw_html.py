"""Drawings in Jupyter: an SVG shows as inline HTML (which notebooks and nbconvert prefer to the
<img> they make of image/svg+xml), so that its tooltips work and it shrinks to the page width;
the inline SVG is the drawing itself, only styled."""

from __future__ import annotations

import re
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
    ids = re.findall(r' id="([^"]+)"', html)
    assert ids and len(set(ids)) == len(ids)
    suffix = ids[0].rsplit("-", 1)[1]
    assert all(i.endswith(f"-{suffix}") for i in ids)
    # Every reference points into the same drawing.
    assert set(re.findall(r'#([A-Za-z][^)"]*-[0-9a-f]{8})[)"]', html)) <= set(ids)
    wrapper = ET.fromstring(html.replace(f"-{suffix}", ""))  # well-formed: no duplicate attribute, nothing outside the div
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


def test_two_drawings_of_one_page_do_not_share_ids() -> None:
    eco = maillage.example("ecocarte_usager")
    data = eco.to_dict()
    data["ties"] = [t for t in data["ties"] if t.get("relation") != "referral"]
    before, after = eco.draw("ecomap", "usr"), maillage.Network.from_dict(data).draw("ecomap", "usr")
    ids = [set(re.findall(r' id="([^"]+)"', svg._repr_html_())) for svg in (before, after)]
    assert ids[0] and ids[1] and not ids[0] & ids[1]
    assert before._repr_html_() == before._repr_html_()  # deterministic


def test_jupyter_shows_html_first_and_keeps_the_svg() -> None:
    svg = maillage.example("ecocarte_usager").draw("ecomap", "usr")
    data, _ = DisplayFormatter().format(svg)
    assert data["text/html"] == svg._repr_html_()
    assert data["image/svg+xml"] == str(svg)


def test_text_without_svg_root_is_left_alone() -> None:
    assert SVG("not a drawing")._repr_html_() == "not a drawing"
