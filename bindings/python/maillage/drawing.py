"""A whole-map drawing as SVG text, for the reports: a seeded force-directed layout (networkx's
Kamada-Kawai up to 80 actors, Fruchterman-Reingold beyond), colour by sector or kind, size by
betweenness, line style by formality, red for conflictual ties, labels with a halo."""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import networkx as nx
import pandas as pd

if TYPE_CHECKING:
    from .network import Network

PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
           "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173"]
PERSON_COLOUR = "#f2c14e"


def _layout(g: nx.Graph) -> dict[str, tuple[float, float]]:
    """Positions in [0, 1] x [0, 1]: the largest component fills the frame (Kamada-Kawai up to 80
    actors, Fruchterman-Reingold with a fixed seed beyond), smaller components and isolates line
    the bottom edge, so that none of them squeezes the main picture."""
    if g.number_of_nodes() == 0:
        return {}
    components = sorted(nx.connected_components(g), key=lambda c: (-len(c), sorted(c)[0]))
    main = g.subgraph(components[0])
    if len(main) == 1:
        raw = {next(iter(main)): (0.5, 0.5)}
    elif len(main) <= 80:
        raw = nx.kamada_kawai_layout(main)
    else:
        raw = nx.spring_layout(main, seed=7, iterations=200)
    xs = [p[0] for p in raw.values()]
    ys = [p[1] for p in raw.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    rest = [c for c in components[1:]]
    bottom = 0.84 if rest else 1.0
    positions = {v: ((x - min(xs)) / span_x, (y - min(ys)) / span_y * bottom) for v, (x, y) in raw.items()}
    others = [v for c in rest for v in sorted(c)]
    for k, v in enumerate(others):
        positions[v] = ((k + 0.5) / max(1, len(others)), 1.0)
    return positions


def _place_labels(boxes: list[tuple[float, float, float, float]], x: float, y: float, r: float, w: float,
                  h: float, obstacles: Sequence[tuple[float, float, float, float]] = ()) -> tuple[float, float, str] | None:
    """The first of above, below, right, left where a label of width w and height h overlaps no
    label already placed; None when all do (the name stays in the tooltip)."""
    candidates = [(x, y - r - 4, "middle"), (x, y + r + h, "middle"), (x + r + 3, y + h / 3, "start"),
                  (x - r - 3, y + h / 3, "end")]
    for cx, cy, anchor in candidates:
        left = cx - w / 2 if anchor == "middle" else cx if anchor == "start" else cx - w
        box = (left, cy - h, left + w, cy + 2)
        if all(box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3] for b in [*boxes, *obstacles]):
            boxes.append(box)
            return cx, cy, anchor
    return None


def draw_map(net: Network, *, width: int = 960, height: int = 640,
             name: Callable[[str], str] | None = None, sector_labels: dict[str, str] | None = None,
             sizes: pd.Series | None = None) -> str:
    """SVG text of the whole map. ``name`` turns an actor id into the text shown (default: label);
    ``sizes`` (by actor id) sizes the actors, by default their betweenness with ties either way."""
    actors = net.actors
    ties = net.ties
    g = nx.Graph()
    g.add_nodes_from(net.ids)
    g.add_edges_from((s, t) for s, t in zip(ties["source"], ties["target"]) if s != t)
    pos = _layout(g)
    if not pos:
        return f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="80"></svg>'
    margin_x, margin_top, margin_bottom = 150, 40, 30

    def at(node: str) -> tuple[float, float]:
        x, y = pos[node]
        return margin_x + x * (width - 2 * margin_x), margin_top + y * (height - margin_top - margin_bottom)

    betweenness = sizes if sizes is not None else (net.betweenness(directed=False) if net.tie_count else None)
    top = float(betweenness.max()) if betweenness is not None and len(betweenness) else 0.0
    sectors = sorted({s for s in actors["sector"].fillna("") if s})
    colour_of = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(sectors)}
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
             f'role="img" font-family="DejaVu Sans, Arial, sans-serif">',
             '<rect width="100%" height="100%" fill="#ffffff"/>']
    for s, t, formality, valence in zip(ties["source"], ties["target"], ties["formality"], ties["valence"]):
        if s == t:
            continue
        (x1, y1), (x2, y2) = at(s), at(t)
        colour = "#c0392b" if valence == "conflictual" else "#8a8f98"
        dash = ' stroke-dasharray="6 4"' if formality == "informal" else ""
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
                     f'stroke-width="1.4" stroke-opacity="0.8"{dash}/>')
    organisation_sector = {a: actors.loc[actors.loc[a, "organisation"], "sector"]
                           for a in net.ids if actors.loc[a, "organisation"] in actors.index}
    shapes, labels = [], []
    # Labels of the most central actors are placed first, so that they win the free places.
    order = sorted(net.ids, key=lambda a: -(float(betweenness[a]) if betweenness is not None else 0.0))
    circles: list[tuple[float, float, float, float]] = []
    for node in order:
        x, y = at(node)
        share = float(betweenness[node]) / top if top > 0 and betweenness is not None else 0.0
        radius = 6 + 14 * math.sqrt(share)
        circles.append((x - radius, y - radius, x + radius, y + radius))
    # The ten most central actors are always named (their labels may cross a line or a small
    # node); the others only where their label covers neither a label nor a node.
    placed: list[tuple[float, float, float, float]] = []
    for rank, node in enumerate(order):
        x, y = at(node)
        share = float(betweenness[node]) / top if top > 0 and betweenness is not None else 0.0
        radius = 6 + 14 * math.sqrt(share)
        kind = actors.loc[node, "kind"]
        sector = actors.loc[node, "sector"] or organisation_sector.get(node) or ""
        fill = PERSON_COLOUR if kind == "person" else colour_of.get(sector, "#95a5a6")
        stroke = "#111" if actors.loc[node, "member"] else "#fff"
        label = name(node) if name else (actors.loc[node, "label"] or node)
        text = label if len(label) <= 30 else label[:29] + "…"
        tooltip = html.escape(label)
        if kind == "network":
            shapes.append(f'<rect x="{x - radius:.1f}" y="{y - radius:.1f}" width="{2 * radius:.1f}" '
                          f'height="{2 * radius:.1f}" fill="{fill}" stroke="{stroke}" stroke-width="1.5">'
                          f'<title>{tooltip}</title></rect>')
        else:
            shapes.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{fill}" stroke="{stroke}" '
                          f'stroke-width="1.5"><title>{tooltip}</title></circle>')
        place = _place_labels(placed, x, y, radius, 6.2 * len(text), 11,
                              () if rank < 10 else [c for k, c in enumerate(circles) if k != rank])
        if place:
            lx, ly, anchor = place
            labels.append(f'<text x="{lx:.1f}" y="{ly:.1f}" font-size="11" text-anchor="{anchor}" '
                          f'paint-order="stroke" stroke="#fff" stroke-width="3" fill="#222">{html.escape(text)}</text>')
    parts.extend(shapes)
    parts.extend(labels)
    # Legend of sectors.
    for i, sector in enumerate(sectors):
        y = 18 + 16 * i
        parts.append(f'<circle cx="14" cy="{y}" r="5" fill="{colour_of[sector]}"/>'
                     f'<text x="24" y="{y + 4}" font-size="11" fill="#333">'
                     f'{html.escape((sector_labels or {}).get(sector, sector))}</text>')
    parts.append("</svg>")
    return "\n".join(parts)
