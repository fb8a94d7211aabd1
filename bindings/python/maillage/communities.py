"""Communities and attribute mixing as methods of :class:`~maillage.Network` and
:class:`~maillage.NetworkView`: Louvain and Leiden with their modularity, silos (communities that
follow sector boundaries, "cloisonnement"), and the E–I index, assortativity and mixing matrix by
an actor attribute.

An *attribute* is an actor field (``kind``, ``role``, ``sector``, ``status``, ``territory``,
``profession``, ``organisation``, ``member``, ``potential``, ``label``) or a key of the actors'
free ``attributes`` (``"attributes.NAME"`` when the key shares a field's name). Actors without a
value (no sector, say) and their ties are left out. Definitions, normalisations and references:
``include/maillage/algorithms/communities.hpp`` and ``mixing.hpp``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any, Literal

import numpy as np
import pandas as pd

from . import _core
from .errors import InvalidArgumentError, UnknownIdError
from .view_backed import ViewBacked

Partition = pd.Series | Mapping[str, Any] | Iterable[Collection[str]]


def _weighted(function: str, weight: str | None) -> bool:
    if weight is not None and weight != "weight":
        raise InvalidArgumentError(f'{function}: weight must be None or "weight", got "{weight}"')
    return weight is not None


class CommunitiesMixin(ViewBacked):
    """The community and mixing measures, for any object with ``_view_core()`` and ``_all_ids()``."""

    def _membership(self, function: str, partition: Partition) -> np.ndarray:
        return self._coded_membership(function, partition)[0]

    def _coded_membership(self, function: str, partition: Partition) -> tuple[np.ndarray, list[Any]]:
        """A community code per actor index (-1 outside the view) from a Series or dict of labels
        by actor id, or from an iterable of collections of actor ids (as networkx's communities)."""
        view = self._view_core()
        ids = self._all_ids()
        position = {actor: i for i, actor in enumerate(ids)}
        if isinstance(partition, pd.Series):
            pairs = list(partition.items())
        elif isinstance(partition, Mapping):
            pairs = list(partition.items())
        else:
            pairs = [(actor, k) for k, group in enumerate(partition) for actor in group]
        membership = np.full(len(ids), -1, dtype=np.int64)
        in_view = np.zeros(len(ids), dtype=bool)
        in_view[view.actor_indices()] = True
        if any(label is None or (isinstance(label, float) and np.isnan(label)) for _, label in pairs):
            raise InvalidArgumentError(f"{function}: the partition gives no community to some actors")
        codes, uniques = pd.factorize(pd.Series([label for _, label in pairs], dtype=object), sort=False)
        for (actor, _), code in zip(pairs, codes):
            index = position.get(actor)
            if index is None:
                raise UnknownIdError(f'{function}: unknown actor "{actor}" in the partition')
            if not in_view[index]:
                raise InvalidArgumentError(f'{function}: actor "{actor}" of the partition is not in the view')
            if membership[index] != -1 and membership[index] != code:
                raise InvalidArgumentError(f'{function}: actor "{actor}" is in two communities of the partition')
            membership[index] = code
        missing = [ids[i] for i in np.flatnonzero(in_view & (membership < 0))]
        if missing:
            shown = ", ".join(f'"{a}"' for a in missing[:5])
            raise InvalidArgumentError(f"{function}: the partition leaves {len(missing)} actor(s) of the view "
                                       f"without community ({shown}{', ...' if len(missing) > 5 else ''})")
        return membership, list(uniques)

    def communities(self, method: Literal["louvain", "leiden"] = "louvain", *, seed: int = 0,
                    resolution: float = 1.0, weight: str | None = None, directed: bool = False,
                    randomness: float = 0.01, max_iterations: int = 0) -> pd.Series:
        """Communities that maximise modularity: Louvain (Blondel et al. 2008, the moves of
        ``networkx.community.louvain_communities``) or Leiden (Traag, Waltman & van Eck 2019, as
        igraph's ``community_leiden(objective_function="modularity")``, whose communities are all
        connected). A Series of community numbers by actor id, named ``"community"``: 0, 1, ...
        by decreasing size, then by first actor in map order; an isolated actor has its own.

        ``resolution`` is gamma of the modularity (larger: smaller communities); ``weight=
        "weight"`` sums tie weights (else each linked pair counts once); ``directed=False``
        (the default) counts every tie both ways, ``True`` uses the directed modularity of
        Leicht & Newman. ``seed`` fixes the order of the moves: the same seed gives the same
        communities (one thread). ``randomness``: Leiden's refinement temperature (0: greedy);
        ``max_iterations``: Louvain levels or Leiden iterations (0: until nothing changes).

        ``attrs`` holds ``method``, ``modularity`` (of the result, as :meth:`modularity`),
        ``count``, ``levels``, ``iterations``, ``converged``, ``resolution`` and ``seed``."""
        if seed < 0:
            raise InvalidArgumentError(f"communities: seed must be 0 or more, got {seed}")
        if max_iterations < 0:
            raise InvalidArgumentError(f"communities: max_iterations must be 0 or more, got {max_iterations}")
        view = self._view_core()
        labels, count, quality, levels, iterations, converged = _core.communities(
            view, method, resolution, _weighted("communities", weight), seed, directed, randomness, max_iterations)
        keep = view.actor_indices()
        ids = self._all_ids()
        series = pd.Series(labels[keep], index=pd.Index([ids[i] for i in keep], name="id", dtype=object),
                           name="community")
        series.attrs.update(method=method, modularity=quality, count=count, levels=levels, iterations=iterations,
                            converged=converged, resolution=resolution, seed=seed)
        return series

    def modularity(self, partition: Partition, *, resolution: float = 1.0, weight: str | None = None,
                   directed: bool = False) -> float:
        """Modularity of a partition of the view's actors, as ``networkx.community.modularity``:
        sum over communities of L_c/m - resolution·(d_c/2m)² (undirected), or L_c/m -
        resolution·out_c·in_c/m² with ``directed=True`` (Leicht & Newman). ``partition``: a
        Series or dict of community labels by actor id (as :meth:`communities` returns), or an
        iterable of collections of actor ids; it must cover every actor of the view. NaN
        without ties."""
        membership = self._membership("modularity", partition)
        return float(_core.modularity(self._view_core(), membership, resolution, _weighted("modularity", weight),
                                      directed))

    def silos(self, attribute: str = "sector", partition: Partition | None = None, *, min_share: float = 0.8,
              max_external_share: float = 0.25, weight: str | None = None,
              method: Literal["louvain", "leiden"] = "louvain", seed: int = 0,
              resolution: float = 1.0) -> pd.DataFrame:
        """Silos: the communities (``partition``, or :meth:`communities` with ``method``,
        ``seed`` and ``resolution``) that follow the boundaries of ``attribute``. One row per
        community: ``size``, ``valued`` (actors with a value), the ``dominant`` value, its
        ``dominant_count`` and ``share`` among the valued actors, the ``internal`` and
        ``external`` ties (one end outside), ``external_share`` = external / (internal +
        external), and ``silo``: at least two valued actors, share >= ``min_share`` and
        external_share <= ``max_external_share``. Ties count once per linked pair, ignoring
        direction (summed weights with ``weight="weight"``).

        Indexed by the partition's community labels. ``attrs``: ``nmi`` (normalised mutual information, arithmetic normalisation) and ``ari``
        (adjusted Rand index) between the communities and the attribute's values over the
        actors with a value, ``silos`` (the count), ``attribute``."""
        if partition is None:
            partition = self.communities(method, seed=seed, resolution=resolution)
        membership, labels = self._coded_membership("silos", partition)
        rows, count, nmi, ari = _core.silos(self._view_core(), membership, attribute, min_share, max_external_share,
                                            _weighted("silos", weight))
        table = pd.DataFrame(rows, columns=["community", "size", "valued", "dominant", "dominant_count", "share",
                                            "internal", "external", "external_share", "silo"])
        table["community"] = [labels[c] for c in table["community"]]
        table = table.set_index("community")
        if all(isinstance(label, (int, np.integer)) for label in labels):
            table = table.sort_index()
        table.attrs.update(nmi=nmi, ari=ari, silos=count, attribute=attribute)
        return table

    def ei_index(self, attribute: str, *, directed: bool = True) -> dict[str, Any]:
        """Krackhardt & Stern's E–I index (E - I)/(E + I) by ``attribute``, with E the ties
        between actors of different values and I those within one (parallel ties once; directed
        ties as arcs unless ``directed=False``). A dict:

        - ``"network"``: a dict of ``internal``, ``external``, ``possible_internal``,
          ``possible_external`` (pairs of actors the group sizes allow), ``ei``, ``expected``
          (the E–I index of ties placed at random on the possible pairs, (P_E - P_I)/(P_E +
          P_I)) and ``rescaled`` (``ei`` mapped from its attainable range, given the group
          sizes and the number of ties, onto [-1, 1], as UCINET rescales);
        - ``"groups"``: the same per value (E: ties with one end in the group), indexed by value,
          with its ``size``;
        - ``"actors"``: the same per actor id, with its ``group`` (missing without a value); NaN
          without ties (or value)."""
        view = self._view_core()
        names, sizes, network, groups, actors, _ = _core.ei_index(view, attribute, directed)
        columns = ["internal", "external", "possible_internal", "possible_external", "ei", "expected", "rescaled"]
        per_group = pd.DataFrame(groups, columns=columns, index=pd.Index(names, name=attribute, dtype=object))
        per_group.insert(0, "size", np.asarray(sizes, dtype=np.int64))
        keep = view.actor_indices()
        ids = self._all_ids()
        codes = actors["group"][keep]
        per_actor = pd.DataFrame({
            "group": pd.Series([names[c] if c >= 0 else None for c in codes], dtype=object).to_numpy(),
            "internal": actors["internal"][keep], "external": actors["external"][keep],
            "ei": actors["ei"][keep], "expected": actors["expected"][keep], "rescaled": actors["rescaled"][keep],
        }, index=pd.Index([ids[i] for i in keep], name="id", dtype=object))
        return {"network": dict(zip(columns, network)), "groups": per_group, "actors": per_actor}

    def assortativity(self, attribute: str, *, numeric: bool = False, directed: bool = True) -> float:
        """Assortativity by ``attribute``: categorical, as
        ``networkx.attribute_assortativity_coefficient`` (Newman 2003), or with ``numeric=True``
        Pearson's correlation of the values at both ends of the ties, as
        ``networkx.numeric_assortativity_coefficient`` (values must be numbers). Ties as arcs
        (undirected ties both ways); NaN where undefined."""
        return float(_core.assortativity(self._view_core(), attribute, numeric, directed))

    def mixing_matrix(self, attribute: str, *, normalized: bool = False, directed: bool = True) -> pd.DataFrame:
        """Ties from actors of each value (rows) to actors of each value (columns), as
        ``networkx.attribute_mixing_matrix`` (an undirected tie counts in both cells): counts, or
        shares of the total with ``normalized=True``. Labelled by the values held in the view,
        in sorted order."""
        names, counts, _ = _core.mixing_matrix(self._view_core(), attribute, directed)
        if normalized:
            total = counts.sum()
            counts = counts / total if total > 0 else counts * np.nan
        index = pd.Index(names, name=attribute, dtype=object)
        return pd.DataFrame(counts, index=index, columns=pd.Index(names, name=f"{attribute} (to)", dtype=object))
