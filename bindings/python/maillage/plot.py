"""Charts of measures and coverage with matplotlib, each returning a ``matplotlib.figure.Figure``
(built without pyplot, so no global state and no window; Jupyter shows it as a picture, with or
without ``%matplotlib inline``, and ``savefig`` writes it).

>>> import maillage, maillage.plot
>>> net = maillage.example("reseau_regional")
>>> fig = maillage.plot.ranking(net.betweenness(), net=net)        # doctest: +SKIP
>>> fig = maillage.plot.coverage_by_domain(maillage.coverage(net), net=net)  # doctest: +SKIP
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from typing import TYPE_CHECKING

import pandas as pd

from .drawing import drawing_text
from .errors import InvalidArgumentError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .analysis import Coverage
    from .network import Network

_STYLE = {"font.family": "DejaVu Sans", "font.size": 9, "svg.fonttype": "none", "svg.hashsalt": "maillage"}


@functools.cache
def _chart_class() -> type[Figure]:
    from matplotlib.figure import Figure

    class Chart(Figure):
        """A figure that Jupyter shows as a picture with no ``%matplotlib inline``: IPython asks
        an object for ``_repr_png_``, and a figure made without pyplot has no backend to answer."""

        def _repr_png_(self) -> bytes:
            buffer = io.BytesIO()
            self.savefig(buffer, format="png", dpi=100)
            return buffer.getvalue()

    Chart.__module__ = __name__
    Chart.__qualname__ = "Chart"
    return Chart


def _figure(width: float, height: float) -> Figure:
    return _chart_class()(figsize=(width, height), layout="constrained")


def _labeller(net: Network | None, name: Callable[[str], str] | None) -> Callable[[str], str]:
    if name is not None:
        return name
    if net is None:
        return str
    labels = {i: (label or i) for i, label in zip(net.ids, net.actors["label"].fillna(""))}
    return lambda i: labels.get(i, str(i))


def ranking(series: pd.Series, *, top: int = 15, net: Network | None = None, name: Callable[[str], str] | None = None,
            title: str | None = None, color: str = "#2e86c1") -> Figure:
    """Horizontal bars of the ``top`` largest values of a measure (a Series keyed by actor id,
    e.g. ``net.betweenness()``), largest at the top; actors named by their label when ``net`` is
    given (or by ``name``). NaN values (actors outside a view) are left out."""
    import matplotlib

    if not isinstance(series, pd.Series):
        raise InvalidArgumentError(f"ranking: series must be a pandas Series, got {type(series).__name__}")
    if not (isinstance(top, int) and top >= 1):
        raise InvalidArgumentError(f"ranking: top must be an integer >= 1, got {top!r}")
    label = _labeller(net, name)
    values = series.dropna().astype("float64").sort_values(ascending=False, kind="stable").head(top)[::-1]
    with matplotlib.rc_context(_STYLE):
        fig = _figure(7, 0.3 * max(len(values), 1) + 1.1)
        ax = fig.add_subplot()
        ax.barh([_short(label(i)) for i in values.index], values.to_numpy(), color=color)
        ax.spines[["top", "right"]].set_visible(False)
        ax.set_xlabel(str(series.name) if series.name is not None else "")
        if title:
            ax.set_title(title, loc="left", fontweight="bold")
    return fig


def coverage_by_domain(cov: Coverage, *, net: Network | None = None, lang: str = "fr", title: str | None = None) -> Figure:
    """Stacked bars of the users' needs per domain: covered (green) and not covered (red), from
    ``maillage.coverage(net)``; domains labelled in ``lang`` (the map's vocabulary when ``net``
    is given)."""
    import matplotlib
    from matplotlib.ticker import MaxNLocator

    text = drawing_text(lang)
    labels = _domain_labels(net, lang)
    needs = cov.needs
    if len(needs):
        table = needs.groupby("need")["covered"].agg(covered="sum", total="count")
    else:
        table = pd.DataFrame({"covered": [], "total": []})
    table["uncovered"] = table["total"] - table["covered"]
    table = table.sort_values(["total", "covered"], ascending=True, kind="stable")
    with matplotlib.rc_context(_STYLE):
        fig = _figure(7, 0.3 * max(len(table), 1) + 1.3)
        ax = fig.add_subplot()
        names = [labels.get(d, d) for d in table.index]
        ax.barh(names, table["covered"], color="#1e8449", label=text["covered"])
        ax.barh(names, table["uncovered"], left=table["covered"], color="#c0392b", label=text["uncovered"])
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel(text["count"])
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(loc="lower right", frameon=False)
        ax.set_title(title or text["needs_by_domain"], loc="left", fontweight="bold")
    return fig


def providers_by_domain(cov: Coverage, *, net: Network | None = None, lang: str = "fr", title: str | None = None) -> Figure:
    """Stacked bars of the providers per domain, members of the network and others."""
    import matplotlib
    from matplotlib.ticker import MaxNLocator

    text = drawing_text(lang)
    labels = _domain_labels(net, lang)
    domains = cov.domains.sort_values(["member_count", "non_member_count"], ascending=True, kind="stable")
    with matplotlib.rc_context(_STYLE):
        fig = _figure(7, 0.28 * max(len(domains), 1) + 1.3)
        ax = fig.add_subplot()
        names = [labels.get(d, d) for d in domains.index]
        ax.barh(names, domains["member_count"], color="#2e86c1", label=text["member"])
        ax.barh(names, domains["non_member_count"], left=domains["member_count"], color="#aed6f1", label=text["non_member"])
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel(text["count"])
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(loc="lower right", frameon=False)
        ax.set_title(title or text["providers_by_domain"], loc="left", fontweight="bold")
    return fig


def _domain_labels(net: Network | None, lang: str) -> dict[str, str]:
    if net is not None:
        return {k: v.get(lang, k) for k, v in net.vocabulary["domains"].items()}
    from .vocabulary_labels import domain_labels

    return domain_labels(lang)


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
