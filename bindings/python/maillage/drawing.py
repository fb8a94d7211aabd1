"""Drawings of a map as SVG, computed in C++ (include/maillage/draw/): the ecomap of a person,
the partner map of an organisation ("mon réseau, mes partenaires") and the whole map with a
deterministic stress layout. Texts come from the message catalogues (section ``drawing``, and
the ``relations`` and ``kinds`` sections), sector and domain labels from the vocabulary.

``draw`` returns an :class:`SVG`: a ``str`` that Jupyter shows inline and that can be saved or
converted to PNG (with ``rsvg-convert`` from Debian's librsvg2-bin, or CairoSVG when installed).
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Mapping, Sequence
from numbers import Real
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import _core
from .errors import InvalidArgumentError, MaillageError
from .io import write_file_atomically
from .messages import catalogue

if TYPE_CHECKING:
    from .network import Network, NetworkView

KINDS = ("map", "ecomap", "partners")
COLOR_BY = ("sector", "kind", "community")
SIZE_BY = ("none", "degree", "strength", "betweenness", "closeness", "harmonic", "pagerank", "core")


class SVG(str):
    """SVG text of a drawing. Shows inline in Jupyter (``_repr_html_``, or ``_repr_svg_`` where
    HTML is not shown); ``save`` writes it atomically; ``to_png`` rasterises it."""

    __slots__ = ()

    def _repr_svg_(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        """The SVG inline in the page, which Jupyter and nbconvert prefer to ``_repr_svg_``
        (that one they show as an ``<img>``): the tooltips of nodes and ties work, and the
        drawing shrinks to the width of the output area instead of overflowing it. Its ids get
        a suffix from a hash of the drawing, so that two different drawings of one page (the
        same person's ecomap before and after a change) do not take each other's arrows."""
        text = str(self)
        start = text.find("<svg")
        if start < 0:
            return text
        suffix = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        for name in sorted(set(re.findall(r' id="([^"]+)"', text)), key=len, reverse=True):
            new = f"{name}-{suffix}"
            text = text.replace(f'"{name}"', f'"{new}"').replace(f"#{name})", f"#{new})").replace(f'"#{name}"', f'"#{new}"')
        # An XML declaration before the root element has no place in HTML.
        return f'<div style="max-width: 100%"><svg style="max-width: 100%; height: auto"{text[start + 4:]}</div>'

    def save(self, path: str | os.PathLike[str]) -> None:
        """Writes the SVG, or a PNG when ``path`` ends with ``.png``."""
        if str(path).lower().endswith(".png"):
            self.to_png(path)
            return
        write_file_atomically(path, str(self))

    def to_png(self, path: str | os.PathLike[str] | None = None, *, scale: float = 1.0) -> bytes:
        """The PNG of the drawing (written to ``path`` when given). Raises
        :class:`~maillage.MaillageError` when no converter is installed (see :func:`png_converter`)."""
        data = svg_to_png(str(self), scale=scale)
        if path is not None:
            write_file_atomically(path, data)
        return data


def png_converter() -> str | None:
    """The SVG-to-PNG converter available: ``"rsvg-convert"`` (Debian librsvg2-bin, preferred: it
    renders the fonts of the system as browsers do), ``"cairosvg"`` (PyPI), or None."""
    if shutil.which("rsvg-convert"):
        return "rsvg-convert"
    try:
        import cairosvg  # noqa: F401
    except (ImportError, OSError):
        return None
    return "cairosvg"


def svg_to_png(svg: str, *, scale: float = 1.0) -> bytes:
    """PNG bytes of SVG text, with the converter :func:`png_converter` names."""
    if not (scale > 0):
        raise InvalidArgumentError(f"svg_to_png: scale must be > 0, got {scale}")
    converter = png_converter()
    if converter == "rsvg-convert":
        run = subprocess.run(["rsvg-convert", "--format", "png", "--zoom", str(scale), "--background-color", "white"],
                             input=svg.encode("utf-8"), capture_output=True, check=False)
        if run.returncode != 0:
            raise MaillageError(f"rsvg-convert failed: {run.stderr.decode('utf-8', 'replace').strip()}")
        return run.stdout
    if converter == "cairosvg":
        import cairosvg

        return bytes(cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=scale))
    raise MaillageError("no SVG to PNG converter: install rsvg-convert (Debian: apt-get install librsvg2-bin) "
                        "or CairoSVG (pip install cairosvg)")


def drawing_text(lang: str) -> dict[str, str]:
    """The texts of the drawings in ``lang``, keyed as the C++ drawing_text expects."""
    cat = catalogue(lang)
    text = dict(cat["drawing"])
    text.update({f"relation.{k}": v for k, v in cat["relations"].items()})
    text.update({f"kind.{k}": v for k, v in cat["kinds"].items()})
    return text


def _names(net: Network, name: Callable[[str], str] | None) -> list[str]:
    return [name(i) for i in net.ids] if name is not None else []


def _index(net: Network, actor: str, kind: str) -> int:
    index = net._core.find_actor(actor)
    if index is None:
        from .errors import UnknownIdError

        raise UnknownIdError(f'draw: kind="{kind}": unknown actor "{actor}"')
    return int(index)


def _communities(net: Network | NetworkView, communities: Any, seed: int, source: str | None,
                 text: dict[str, str]) -> tuple[list[int], str]:
    """One community number per actor of the whole map (map order) and the legend's title, which
    says where they come from: ``communities`` (a Series or mapping keyed by actor id, or a
    sequence in map order; ``source`` names it, e.g. a file), else the actors' ``community``
    attribute, else the Louvain communities of what is drawn with ``seed``."""
    from .network import NetworkView

    whole = net.network if isinstance(net, NetworkView) else net
    ids = whole.ids
    if communities is None:
        values: list[Any] = [attrs.get("community") if isinstance(attrs, dict) else None
                             for attrs in whole.actors["attributes"]]
        if all(v is None for v in values):
            computed = net.communities("louvain", seed=seed)
            values = [computed.get(i) for i in ids]
            title = text["communities_louvain"].format(seed=seed)
        else:
            title = text["communities_attribute"]
    else:
        if isinstance(communities, (pd.Series, Mapping)):
            values = [communities.get(i) for i in ids]
        elif isinstance(communities, Sequence) and not isinstance(communities, str):
            if len(communities) != len(ids):
                raise InvalidArgumentError(f"draw: communities must hold one value per actor ({len(ids)}), got {len(communities)}")
            values = list(communities)
        else:
            raise InvalidArgumentError(f"draw: communities must be a Series, a dict or a list, got {type(communities).__name__}")
        attrs = communities.attrs if isinstance(communities, pd.Series) else {}
        if source is not None:
            title = text["communities_source"].format(source=source)
        elif attrs.get("method") in ("louvain", "leiden") and "seed" in attrs:
            title = text[f"communities_{attrs['method']}"].format(seed=attrs["seed"])
        else:
            title = text["communities_given"]
    missing = [v is None or (isinstance(v, float) and math.isnan(v)) for v in values]
    present = [v for v, absent in zip(values, missing) if not absent]
    if present and all(isinstance(v, Real) and not isinstance(v, bool) and float(v).is_integer() and v >= 0
                       for v in present):
        # Community numbers (as net.communities() gives, 0 the largest) keep theirs: the legend's
        # "community k" is number k - 1; actors without one share a last community.
        last = int(max(present)) + 1
        return [last if absent else int(v) for v, absent in zip(values, missing)], title
    # Other labels (names) become 0, 1, ... in order of first appearance; actors without one
    # share a last community.
    numbers: dict[Any, int] = {}
    out = []
    for v, absent in zip(values, missing):
        if absent:
            out.append(-1)
            continue
        key = int(v) if isinstance(v, float) and v.is_integer() else v
        out.append(numbers.setdefault(key, len(numbers)))
    return [len(numbers) if v < 0 else v for v in out], title


def draw(net: Network | NetworkView, kind: str = "map", actor: str | None = None, *, color_by: str = "sector",
         size_by: str | pd.Series = "betweenness", communities: Any = None, lang: str = "fr",
         name: Callable[[str], str] | None = None, width: float = 1180, height: float = 780, seed: int = 1,
         reach: int = 1, title: str | None = None, community_seed: int = 0,
         communities_source: str | None = None) -> SVG:
    """A drawing of the map as SVG.

    - ``kind="map"``: the whole map (or the view), stress layout; ``color_by`` "sector", "kind"
      or "community"; ``size_by`` a measure name (degree, strength,
      betweenness, closeness, harmonic, pagerank, core, none; ties either way) or a Series of
      values keyed by actor id.
    - The communities of ``color_by="community"`` are, in this order of precedence:
      ``communities`` (a Series/dict keyed by actor id or a list in map order;
      ``communities_source`` names where it comes from, e.g. a CSV file), the actors'
      ``community`` attribute, or else the Louvain communities of what is drawn
      (``net.communities("louvain", seed=community_seed)``: the same seed gives the same
      colours). The legend's title says which was used ("Communautés (Louvain, graine 0)").
    - ``kind="ecomap"``, ``actor`` a person: the person at the centre, primary network inside,
      secondary network outside by sector, needs covered or not (``reach`` as in coverage).
    - ``kind="partners"``, ``actor`` an organisation: its partners by kind of tie, potential
      partners on an outer ring.

    ``name`` maps actor ids to the names shown (pseudonyms); ``lang`` is fr, en or de.
    """
    from .network import NetworkView

    if kind not in KINDS:
        raise InvalidArgumentError(f'draw: kind must be one of {", ".join(KINDS)}, got "{kind}"')
    text = drawing_text(lang)
    whole = net.network if isinstance(net, NetworkView) else net
    names = _names(whole, name)
    if kind != "map":
        if actor is None:
            raise InvalidArgumentError(f'draw: kind="{kind}" needs actor=<the id of the {"person" if kind == "ecomap" else "organisation"}>')
        if isinstance(net, NetworkView):
            raise InvalidArgumentError(f'draw: kind="{kind}" is drawn from the whole map, not from a view')
        index = _index(whole, actor, kind)
        if kind == "ecomap":
            if not (isinstance(reach, int) and reach >= 0):
                raise InvalidArgumentError(f"draw: reach must be an integer >= 0, got {reach!r}")
            return SVG(_core.draw_ecomap(whole._core, index, reach=reach, lang=lang, text=text, names=names, title=title or ""))
        return SVG(_core.draw_partners(whole._core, index, lang=lang, text=text, names=names, title=title or ""))
    if actor is not None:
        raise InvalidArgumentError('draw: actor is for kind="ecomap" or kind="partners", not for the whole map')
    if color_by not in COLOR_BY:
        raise InvalidArgumentError(f'draw: color_by must be one of {", ".join(COLOR_BY)}, got "{color_by}"')
    sizes: list[float] = []
    size_name = ""
    if isinstance(size_by, pd.Series):
        sizes = [float(v) for v in size_by.reindex(whole.ids).astype("float64")]
        size_name = str(size_by.name) if size_by.name is not None else ""
        size_mode = "custom"
    elif size_by in SIZE_BY:
        size_mode = size_by
    else:
        raise InvalidArgumentError(f'draw: size_by must be one of {", ".join(SIZE_BY)} or a Series, got "{size_by}"')
    members: list[int] = []
    if color_by == "community":
        members, text["communities"] = _communities(net, communities, community_seed, communities_source, text)
    return SVG(_core.draw_map(net._view_core(), color_by=color_by, size_by=size_mode, sizes=sizes, size_name=size_name,
                              communities=members, width=float(width), height=float(height), seed=int(seed), lang=lang,
                              text=text, names=names, title=title or ""))


def draw_map(net: Network, *, lang: str = "fr", name: Callable[[str], str] | None = None,
             sizes: pd.Series | None = None, title: str | None = None, **options: Any) -> str:
    """SVG text of the whole map for the reports: sized by ``sizes`` (by actor id; default
    betweenness with ties either way)."""
    size_by: str | pd.Series = "betweenness" if sizes is None else sizes.rename(drawing_text(lang)["measure.betweenness"])
    height = options.pop("height", 640 if len(net) <= 25 else 820)
    return str(draw(net, "map", size_by=size_by, lang=lang, name=name, title=title, height=height, **options))
