"""The whole map of a 500-actor regional map: spread over the frame (no crowded centre, no empty
band), named actors readable with their accents, the same picture on every run."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

import maillage
from maillage.generate import regional_map

SVG_NS = "{http://www.w3.org/2000/svg}"


def _nodes(svg: str) -> list[tuple[float, float, float]]:
    root = ET.fromstring(svg)
    actors = next(g for g in root.iter(f"{SVG_NS}g") if g.get("class") == "actors")
    out = []
    for group in actors.findall(f"{SVG_NS}g"):
        shape = next(e for e in group if e.tag != f"{SVG_NS}title")
        if shape.tag == f"{SVG_NS}circle":
            out.append((float(shape.get("cx")), float(shape.get("cy")), float(shape.get("r"))))
        elif shape.tag == f"{SVG_NS}rect":
            w = float(shape.get("width"))
            out.append((float(shape.get("x")) + w / 2, float(shape.get("y")) + float(shape.get("height")) / 2, w / 2))
        else:  # a diamond (network): a polygon
            pts = [tuple(map(float, p.split(","))) for p in shape.get("points").split()]
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            out.append(((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2, (max(xs) - min(xs)) / 2))
    return out


def _labels(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    group = next(g for g in root.iter(f"{SVG_NS}g") if g.get("class") == "labels")
    return [" ".join(s.text or "" for s in t.iter(f"{SVG_NS}tspan")) or (t.text or "") for t in group.iter(f"{SVG_NS}text")]


@pytest.fixture(scope="module")
def regional() -> maillage.Network:
    return regional_map(500, 0)


@pytest.mark.parametrize("color_by", ["sector", "community"])
def test_500_actors_fill_the_frame(regional: maillage.Network, color_by: str) -> None:
    communities = regional.communities("louvain", seed=1) if color_by == "community" else None
    svg = str(regional.draw(color_by=color_by, size_by="degree", communities=communities))
    nodes = _nodes(svg)
    assert len(nodes) == 500
    # The frame: 16 px margins, the title band above, the legend column (250 px) at the right.
    fx0, fy0, fx1, fy1 = 16, 44, 1180 - 250 - 10 - 16, 780 - 16
    xs, ys = [n[0] for n in nodes], [n[1] for n in nodes]
    assert max(xs) - min(xs) >= 0.8 * (fx1 - fx0)
    assert max(ys) - min(ys) >= 0.8 * (fy1 - fy0)  # no empty band at the bottom
    # Each horizontal third of the frame holds at least a sixth of the actors, and the middle
    # ninth under a third (a hub-centred map; a stress layout alone packs far more there).
    thirds = [sum(1 for y in ys if fy0 + i * (fy1 - fy0) / 3 <= y < fy0 + (i + 1) * (fy1 - fy0) / 3) for i in range(3)]
    assert min(thirds) >= 500 / 6, thirds
    middle = sum(1 for x, y in zip(xs, ys)
                 if fx0 + (fx1 - fx0) / 3 < x < fx1 - (fx1 - fx0) / 3 and fy0 + (fy1 - fy0) / 3 < y < fy1 - (fy1 - fy0) / 3)
    assert middle <= 150
    # No two nodes overlap.
    for i, (x, y, r) in enumerate(nodes):
        for x2, y2, r2 in nodes[i + 1:]:
            assert (x - x2) ** 2 + (y - y2) ** 2 >= (r + r2 - 0.5) ** 2
    # The most important actors are named, with their accents, on at most two lines.
    labels = _labels(svg)
    assert len(labels) >= 20
    assert any(c in "".join(labels) for c in "éèàô")
    # Deterministic.
    again = str(regional.draw(color_by=color_by, size_by="degree", communities=communities))
    assert again == svg
