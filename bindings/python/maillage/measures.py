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
from .errors import ConvergenceError, InvalidArgumentError
from .view_backed import ViewBacked

if TYPE_CHECKING:
    from collections.abc import Callable

Mode = Literal["all", "in", "out"]


class MeasuresMixin(ViewBacked):
    """The measures, for any object with ``_view_core()``, ``_all_ids()`` and the slots
    ``_snapshots`` (None or a dict), ``_snapshot_lock``, ``_keep`` and ``_id_index``.

    The measure graph of the view (``_core.MeasureGraph``: its ties as a simple CSR graph, see
    ``include/maillage/algorithms/measure_graph.hpp``) is built on the first measure that needs it,
    once per direction rule, and then reused: the network and the view are immutable, so the
    snapshot stays true. So is the pandas index of actor ids."""

    def _graph(self, directed: bool = True) -> _core.MeasureGraph:
        """The measure graph (``directed=False``: every tie both ways), built once."""
        snapshots = self._snapshots
        if snapshots is not None and directed in snapshots:
            return snapshots[directed]
        with self._snapshot_lock:
            if self._snapshots is None:
                self._snapshots = {}
            if directed not in self._snapshots:
                graph = _core.MeasureGraph(self._view_core(), directed)
                self._snapshots[directed] = graph
                if not graph.directed:  # no directed tie: the symmetrised graph is the same
                    self._snapshots[False] = graph
            return self._snapshots[directed]

    def _index(self, indices: list[int] | np.ndarray | None = None) -> pd.Index:
        """The actor ids of ``indices`` (default: the view's actors, cached) as a pandas Index."""
        if indices is None:
            if self._id_index is None:
                keep = self._view_keep()
                ids = self._all_ids()
                self._id_index = pd.Index(ids if keep is None else [ids[i] for i in keep], name="id", dtype=object)
            return self._id_index
        ids = self._all_ids()
        return pd.Index([ids[i] for i in indices], name="id", dtype=object)

    def _view_keep(self) -> np.ndarray | None:
        """The actor indices of the view, or None when it keeps every actor of the network."""
        if self._keep is None:
            view = self._view_core()
            self._keep = (None,) if view.actor_count == len(self._all_ids()) else (view.actor_indices(),)
        return self._keep[0]

    def _values(self, name: str, values: np.ndarray) -> pd.Series:
        keep = self._view_keep()
        return pd.Series(values if keep is None else values[keep], index=self._index(), name=name, copy=False)

    def _series(self, name: str, compute: Callable[[_core.View], np.ndarray]) -> pd.Series:
        return self._values(name, compute(self._view_core()))

    def degree(self, mode: Mode = "all", *, directed: bool = True) -> pd.Series:
        """Number of alters (parallel ties once). In a directed graph, ``"out"`` counts the actors
        tied to, ``"in"`` those tied from, ``"all"`` the sum. As networkx ``G.degree``
        on the simple graph. Not normalised; integers."""
        return self._values("degree", self._graph(directed).degree(mode)).astype(np.int64)

    def strength(self, mode: Mode = "all", *, directed: bool = True) -> pd.Series:
        """Sum of tie weights (parallel ties add up), by ``mode`` as :meth:`degree`."""
        return self._values("strength", self._graph(directed).strength(mode))

    def betweenness(self, normalized: bool = False, weight: str | None = None, *, distance: str | None = None,
                    samples: int | None = None, epsilon: float | None = None, delta: float = 0.1, seed: int = 0,
                    directed: bool = True, threads: int = 0) -> pd.Series:
        """Betweenness (Brandes 2001), as ``networkx.betweenness_centrality``: raw sums over
        ordered pairs in a directed graph, halved in an undirected one; ``normalized=True``
        divides the directed sum by (n-1)(n-2). ``weight="weight"``: weighted shortest paths
        (length 1/weight, or the weight with ``distance="weight"``). Runs on ``threads``
        threads (0: all).

        Exact by default. ``samples=k``: Brandes-Pich source sampling (k sources drawn with
        ``seed``, scaled by n/k, as networkx's ``k=``); with probability 1 - ``delta`` every
        normalized score is within n/(n-1)·sqrt(ln(2n/delta)/(2k)). ``epsilon``:
        Riondato-Kornaropoulos pair sampling, with probability 1 - ``delta`` every score over
        n(n-1) within ``epsilon``. The Series' ``attrs`` hold ``method`` ("exact", "sources",
        "pairs"), ``samples``, ``delta`` and ``error_bound`` (on the scale of the scores)."""
        if samples is not None and samples < 1:
            raise InvalidArgumentError(f"betweenness: samples must be a positive number, got {samples}")
        if epsilon is not None and not epsilon > 0:
            raise InvalidArgumentError(f"betweenness: epsilon must be positive, got {epsilon}")
        values, method, drawn, bound, conf = self._graph(directed).betweenness(
            normalized, weight, distance, threads, samples or 0, epsilon or 0.0, delta, seed)
        series = self._values("betweenness", values)
        series.attrs.update(method=method, samples=drawn, error_bound=bound, delta=conf)
        return series

    def closeness(self, mode: Mode = "out", weight: str | None = None, *, distance: str | None = None,
                  directed: bool = True, threads: int = 0) -> pd.Series:
        """Closeness with the Wasserman-Faust correction for disconnected graphs, as
        ``networkx.closeness_centrality(wf_improved=True)``: ((r-1)/D)·((r-1)/(n-1)) for an
        actor reaching r-1 others at total distance D. ``mode="out"``: distances from the actor
        (networkx on ``G.reverse()``); ``"in"``: to it (networkx's default); ``"all"``: ignoring
        direction."""
        graph = self._graph(directed and mode != "all")
        return self._values("closeness", graph.closeness(mode, weight, distance, threads))

    def harmonic(self, mode: Mode = "out", weight: str | None = None, *, distance: str | None = None,
                 directed: bool = True, threads: int = 0) -> pd.Series:
        """Harmonic centrality: the sum of 1/d to the actors reached (``mode`` as
        :meth:`closeness`), as ``networkx.harmonic_centrality``. Not normalised."""
        graph = self._graph(directed and mode != "all")
        return self._values("harmonic", graph.harmonic(mode, weight, distance, threads))

    def core_numbers(self) -> pd.Series:
        """k-core number of each actor on the symmetrised graph (Batagelj-Zaversnik), as
        ``networkx.core_number(G.to_undirected())``."""
        return self._values("core_number", self._graph(False).core_numbers())

    def components(self, strong: bool = False) -> pd.Series:
        """The component of each actor: weak (ties either way) or ``strong`` (along tie
        direction), numbered 0, 1, ... in the order of their first actor."""
        labels, _count = self._graph(strong).components(strong)
        return self._values("component", labels.astype(np.int64))

    def _iterative(self, name: str, result: tuple[np.ndarray, int, bool]) -> pd.Series:
        values, iterations, converged = result
        if not converged:
            raise ConvergenceError(f"{name}: no convergence in {iterations} iterations "
                                   "(raise max_iter or loosen tol)", iterations)
        series = self._values(name, values)
        series.attrs["iterations"] = iterations
        return series

    def pagerank(self, alpha: float = 0.85, weight: str | None = None, *, tol: float = 1e-10, max_iter: int = 1000,
                 directed: bool = True, threads: int = 0) -> pd.Series:
        """PageRank, as ``networkx.pagerank`` with uniform teleportation and dangling actors'
        mass spread uniformly; sums to 1. Unweighted unless ``weight="weight"`` (networkx weighs
        by default). Stops when the L1 change is below n·``tol``; ``attrs["iterations"]``;
        :class:`~maillage.ConvergenceError` after ``max_iter``."""
        return self._iterative("pagerank", self._graph(directed).pagerank(alpha, weight, tol, max_iter, threads))

    def eigenvector(self, weight: str | None = None, *, tol: float = 1e-10, max_iter: int = 1000,
                    directed: bool = True, threads: int = 0) -> pd.Series:
        """Eigenvector centrality, as ``networkx.eigenvector_centrality``: power iteration of
        A + I along received ties from the uniform vector, unit Euclidean norm."""
        return self._iterative("eigenvector", self._graph(directed).eigenvector(weight, tol, max_iter, threads))

    def katz(self, alpha: float = 0.1, beta: float = 1.0, *, normalized: bool = True, weight: str | None = None,
             tol: float = 1e-10, max_iter: int = 1000, directed: bool = True, threads: int = 0) -> pd.Series:
        """Katz centrality, as ``networkx.katz_centrality``: x = alpha·Aᵀx + beta (received
        ties), unit Euclidean norm when ``normalized``. Converges when alpha < 1/λmax."""
        return self._iterative("katz", self._graph(directed).katz(alpha, beta, normalized, weight, tol, max_iter, threads))

    def bonacich(self, beta: float, weight: str | None = None, *, directed: bool = True) -> pd.Series:
        """Bonacich power centrality c = (I - beta·A)⁻¹A·1 (power from the ties an actor sends),
        normalised as UCINET and R's ``sna::bonpow``: the sum of squares equals n. As igraph's
        ``power_centrality(exponent=beta, rescale=False)``. A beta with 1/beta an eigenvalue of A
        is an :class:`~maillage.InvalidArgumentError`."""
        return self._series("bonacich", lambda v: _core.bonacich(v, beta, weight, directed))

    def reach(self, k: int = 2, mode: Mode = "out", *, normalized: bool = False, directed: bool = True,
              threads: int = 0) -> pd.Series:
        """The number of other actors within ``k`` steps (``normalized``: their share of the n-1
        others); ``mode`` as :meth:`closeness`."""
        if k < 0:
            raise InvalidArgumentError(f"reach: k must be 0 or more, got {k}")
        series = self._values("reach", self._graph(directed and mode != "all").reach(k, mode, normalized, threads))
        return series if normalized else series.astype(np.int64)

    def reach_efficiency(self, mode: Mode = "out", *, directed: bool = True, threads: int = 0) -> pd.Series:
        """UCINET's reach efficiency: the normalized 2-step reach divided by the number of alters
        (the share of the network reached per direct contact); NaN without alters."""
        return self._values("reach_efficiency",
                            self._graph(directed and mode != "all").reach_efficiency(mode, threads))

    def articulation_points(self) -> pd.Series:
        """The actors whose loss splits their component (direction ignored), as
        ``networkx.articulation_points``: a Series of the number of actors each one cuts off (all
        the parts left but the largest), indexed by actor id, in actor order."""
        view = self._view_core()
        ids = self._all_ids()
        points, _ = _core.cuts(view)
        return pd.Series([sum(pieces[1:]) for _, pieces in points],
                         index=pd.Index([ids[i] for i, _ in points], name="id", dtype=object),
                         name="cut_off", dtype=np.int64)

    def bridges(self) -> list[tuple[str, str]]:
        """The pairs of actors whose link (all ties between them) is the only connection between
        two parts of their component (direction ignored), as ``networkx.bridges``."""
        ids = self._all_ids()
        _, pairs = _core.cuts(self._view_core())
        return [(ids[a], ids[b]) for a, b in pairs]

    def summary(self, *, distances: bool = True, centralization: bool = True, directed: bool = True,
                threads: int = 0) -> dict[str, object]:
        """Size and shape of the network: ``actors``, ``ties``, ``directed``, ``density``,
        ``reciprocity`` (arcs reciprocated) and ``reciprocity_dyads`` (mutual over connected
        dyads), ``transitivity`` and ``average_clustering`` (ties either way),
        ``weak_components``, ``strong_components``, ``largest_component`` and the ``diameter``
        and ``mean_distance`` of the largest weak component (hops, ties either way; NaN with
        ``distances=False``), and Freeman's ``degree_centralization``,
        ``betweenness_centralization`` and ``closeness_centralization`` (normalised by the star
        of the same size; the last two NaN with ``centralization=False``, which saves a
        betweenness and a closeness pass). Definitions in ``include/maillage/algorithms/summary.hpp``."""
        return dict(_core.summary(self._view_core(), distances, directed, threads, centralization))

    def layer_overlap(self, by: Literal["layer", "formality", "relation"] = "layer") -> dict[str, pd.DataFrame]:
        """How far the groups of ties overlap (``by`` layer, formality or relation), direction
        ignored: ``"pairs"``, a DataFrame with one row per pair of groups (``a``, ``b``, their
        linked pairs of actors, ``shared`` ones, ``jaccard`` overlap and ``correlation`` of the
        adjacency matrices, the QAP correlation without its test), and
        ``"central_and_peripheral"``, the actors whose degree is in the upper quartile in one
        group and in the lower quartile in another (definitions in ``multiplex.hpp``)."""
        pairs, central = _core.layer_overlap(self._view_core(), by)
        table = pd.DataFrame(pairs, columns=["a", "b", "pairs_a", "pairs_b", "shared", "jaccard", "correlation"])
        ids = self._all_ids()
        people = pd.DataFrame([(ids[i], c, p, dc, dp) for i, c, p, dc, dp in central],
                              columns=["id", "central_in", "peripheral_in", "degree_central", "degree_peripheral"])
        return {"pairs": table, "central_and_peripheral": people}

    def collaboration(self) -> dict[str, pd.DataFrame | dict[str, float]]:
        """Collaboration scores from the survey ratings on ties (a tie's ratings and resources are
        its source's view of its target, as in the PARTNER tool): ``"actors"``, a DataFrame by
        actor id with the ratings received, the mean received per dimension, ``trust`` and
        ``value`` (means of their three dimensions) and ``relative_connectivity`` (normalized
        degree); ``"resources"``, how many ties say each actor contributes each kind of
        resource; ``"network"``, the means over every rating given."""
        view = self._view_core()
        columns, resources, network = _core.collaboration(view)
        keep = view.actor_indices()
        index = self._index()
        actors = pd.DataFrame({name: np.asarray(values)[keep] for name, values in columns.items()}, index=index)
        contributed = pd.DataFrame({kind: np.asarray(counts)[keep].astype(np.int64) for kind, counts in resources.items()},
                                   index=index)
        return {"actors": actors, "resources": contributed, "network": dict(network)}
