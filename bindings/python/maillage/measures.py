"""Measures as methods of :class:`~maillage.Network` and :class:`~maillage.NetworkView`.

Each returns a pandas Series indexed by actor id (the actors of the network or view), computed by
the C++ core without the GIL. The measures see the view's ties as a simple graph: parallel
ties between two actors count once for paths and degrees and add their weights for strength;
directed ties count one way, undirected ones both ways (``directed=False`` symmetrises every tie);
a view without directed ties is an undirected graph. Weighted path measures (``weight="weight"``)
take 1/weight as the length of a tie (a strong tie is short) unless ``distance="weight"``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from . import _core

if TYPE_CHECKING:
    from collections.abc import Callable

Mode = Literal["all", "in", "out"]


class MeasuresMixin:
    """The measures, for any object with ``_view_core()`` and ``_all_ids()``."""

    def _view_core(self) -> _core.View:  # pragma: no cover - provided by the classes
        raise NotImplementedError

    def _all_ids(self) -> list[str]:  # pragma: no cover - provided by the classes
        raise NotImplementedError

    def _series(self, name: str, compute: Callable[[_core.View], np.ndarray]) -> pd.Series:
        view = self._view_core()
        values = compute(view)
        keep = view.actor_indices()
        ids = self._all_ids()
        return pd.Series(values[keep], index=pd.Index([ids[i] for i in keep], name="id", dtype=object), name=name)

    def degree(self, mode: Mode = "all", *, directed: bool = True) -> pd.Series:
        """Number of alters (parallel ties once). In a directed graph, ``"out"`` counts the actors
        tied to, ``"in"`` those tied from, ``"all"`` the sum. As networkx ``G.degree``
        on the simple graph. Not normalised."""
        return self._series("degree", lambda v: _core.degree(v, mode, directed))

    def strength(self, mode: Mode = "all", *, directed: bool = True) -> pd.Series:
        """Sum of tie weights (parallel ties add up), by ``mode`` as :meth:`degree`."""
        return self._series("strength", lambda v: _core.strength(v, mode, directed))

    def betweenness(self, normalized: bool = False, weight: str | None = None, *, distance: str | None = None,
                    directed: bool = True, threads: int = 0) -> pd.Series:
        """Exact betweenness (Brandes 2001), as ``networkx.betweenness_centrality``: raw sums over
        ordered pairs in a directed graph, halved in an undirected one; ``normalized=True``
        divides the directed sum by (n-1)(n-2). ``weight="weight"``: weighted shortest paths
        (length 1/weight, or the weight with ``distance="weight"``). Runs on ``threads``
        threads (0: all)."""
        return self._series("betweenness",
                            lambda v: _core.betweenness(v, normalized, weight, distance, directed, threads))

    def closeness(self, mode: Mode = "out", weight: str | None = None, *, distance: str | None = None,
                  directed: bool = True, threads: int = 0) -> pd.Series:
        """Closeness with the Wasserman-Faust correction for disconnected graphs, as
        ``networkx.closeness_centrality(wf_improved=True)``: ((r-1)/D)·((r-1)/(n-1)) for an
        actor reaching r-1 others at total distance D. ``mode="out"``: distances from the actor
        (networkx on ``G.reverse()``); ``"in"``: to it (networkx's default); ``"all"``: ignoring
        direction."""
        return self._series("closeness", lambda v: _core.closeness(v, mode, weight, distance, directed, threads))

    def harmonic(self, mode: Mode = "out", weight: str | None = None, *, distance: str | None = None,
                 directed: bool = True, threads: int = 0) -> pd.Series:
        """Harmonic centrality: the sum of 1/d to the actors reached (``mode`` as
        :meth:`closeness`), as ``networkx.harmonic_centrality``. Not normalised."""
        return self._series("harmonic", lambda v: _core.harmonic(v, mode, weight, distance, directed, threads))

    def core_numbers(self) -> pd.Series:
        """k-core number of each actor on the symmetrised graph (Batagelj-Zaversnik), as
        ``networkx.core_number(G.to_undirected())``."""
        return self._series("core_number", _core.core_numbers)

    def components(self, strong: bool = False) -> pd.Series:
        """The component of each actor: weak (ties either way) or ``strong`` (along tie
        direction), numbered 0, 1, ... in the order of their first actor."""
        view = self._view_core()
        labels, _count = _core.components(view, strong)
        keep = view.actor_indices()
        ids = self._all_ids()
        return pd.Series(labels[keep].astype(np.int64), index=pd.Index([ids[i] for i in keep], name="id", dtype=object),
                         name="component")
