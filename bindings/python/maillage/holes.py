"""Structural holes, brokerage and ego networks, as methods of :class:`~maillage.Network` and
:class:`~maillage.NetworkView`.

Definitions, normalisations and references are in the C++ headers
``include/maillage/algorithms/structural_holes.hpp`` (Burt's effective size, efficiency,
constraint and hierarchy, models ``"whole"`` and ``"ego"``), ``brokerage.hpp`` (Gould-Fernandez
roles as R's ``sna::brokerage``) and ``include/maillage/analysis/ego.hpp`` (the ego network of
one actor). Every computation runs in C++ without the GIL.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from . import _core
from .errors import InvalidArgumentError, UnknownIdError
from .view_backed import ViewBacked

if TYPE_CHECKING:
    import networkx as nx

    from .network import Network

Model = Literal["whole", "ego"]

ROLES = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"]
"""The Gould-Fernandez roles in R sna's column order (w_I, w_O, b_IO, b_OI, b_O, t)."""

GROUP_FIELDS = ["kind", "role", "sector", "status", "territory", "member", "potential", "profession",
                "organisation"]


@dataclass(frozen=True)
class Brokerage:
    """Gould-Fernandez brokerage roles (as R's ``sna::brokerage``).

    ``raw``, ``expected``, ``sd`` and ``z`` are DataFrames indexed by actor id with one column
    per role (:data:`ROLES`: coordinator, itinerant, representative, gatekeeper, liaison,
    total), like sna's ``raw.nli``, ``exp.nli``, ``sd.nli`` and ``z.nli``; ``network`` holds
    the network totals (rows ``raw``, ``expected``, ``sd``, ``z``: sna's ``*.gli``); ``groups``
    the size of each group and the expectation and standard deviation of an actor of that group
    (sna's ``exp.grp``, ``sd.grp``); ``group`` the group of each actor (``None``: no value).
    :meth:`to_frame` puts the four per-actor tables side by side under a two-level column index.
    """

    raw: pd.DataFrame
    expected: pd.DataFrame
    sd: pd.DataFrame
    z: pd.DataFrame
    network: pd.DataFrame
    groups: pd.DataFrame
    group: pd.Series
    density: float
    attribute: str

    def to_frame(self) -> pd.DataFrame:
        """One DataFrame with columns (``raw``|``expected``|``sd``|``z``, role)."""
        return pd.concat({"raw": self.raw, "expected": self.expected, "sd": self.sd, "z": self.z}, axis=1)


@dataclass(frozen=True)
class Ego:
    """The ego network of one actor (``include/maillage/analysis/ego.hpp``).

    ``alters``: a DataFrame indexed by alter id with the alter's label, kind, role, sector (its
    own, or for a professional without one its organisation's: the sector ``size_by_sector``
    counts it in), ``potential`` flag and what ties it to the ego (``ties``, ``weight``, ``sent``, ``received``,
    ``primary``, ``secondary``, ``formal``, ``informal``, ``supportive``, ``conflictual``,
    ``ambivalent``) and ``ties_to_alters`` (its degree among the alters). ``measures``: size,
    ``size_by_layer`` / ``_formality`` / ``_kind`` / ``_role`` / ``_sector``, Blau and IQV over
    kind and sector, ``density`` among alters, the E-I index (``ei_attribute``,
    ``ei_internal``, ``ei_external``, ``ei_index``), Burt's effective size, efficiency,
    constraint and hierarchy in the ego model, the ego's ties in the primary and secondary
    network (counts, weights, primary shares), formal and informal ties, ties by valence.
    ``ties``: the ego network's ties (the ego's and those among its alters), as
    :attr:`Network.ties` rows. ``conflictual``, ``ambivalent``: the alters with such a tie;
    ``potential_partners``: the alters flagged ``potential``.
    """

    ego: str
    layer: str | None
    alters: pd.DataFrame
    measures: dict[str, Any]
    ties: pd.DataFrame
    conflictual: list[str] = field(default_factory=list)
    ambivalent: list[str] = field(default_factory=list)
    potential_partners: list[str] = field(default_factory=list)

    def __getitem__(self, name: str) -> Any:
        return self.measures[name]

    def to_networkx(self) -> nx.MultiGraph | nx.MultiDiGraph:
        """The ego network as a networkx multigraph (directed when one of its ties is), actors
        with their alters-table columns, ties with their fields."""
        import networkx as nx

        graph: nx.MultiGraph | nx.MultiDiGraph = nx.MultiDiGraph() if bool(self.ties["directed"].any()) else nx.MultiGraph()
        graph.add_node(self.ego)
        for alter, row in self.alters.iterrows():
            graph.add_node(alter, **{k: v for k, v in row.items() if k in ("label", "kind", "role", "sector")})
        for _, tie in self.ties.iterrows():
            data = {k: v for k, v in tie.items() if k not in ("source", "target")}
            graph.add_edge(tie["source"], tie["target"], **data)
            if isinstance(graph, nx.MultiDiGraph) and not tie["directed"]:
                graph.add_edge(tie["target"], tie["source"], **data)
        return graph


def _weight(function: str, weight: str | None) -> str | None:
    if weight is not None and weight != "weight":
        raise InvalidArgumentError(f'{function}: weight must be None or "weight", got {weight!r}')
    return weight


class HolesMixin(ViewBacked):
    """Structural holes, brokerage and ego networks, for the classes with ``_view_core()``,
    ``_all_ids()`` and ``_series()`` (see :class:`~maillage.measures.MeasuresMixin`)."""

    def _network(self) -> Network:
        from .network import Network

        return self if isinstance(self, Network) else self.network  # type: ignore[attr-defined,no-any-return]

    def _holes(self, name: str, model: Model, weight: str | None, directed: bool, threads: int) -> pd.Series:
        _weight(name, weight)
        view = self._view_core()
        values = _core.structural_holes(view, model, weight, directed, threads)[name]
        keep = view.actor_indices()
        ids = self._all_ids()
        return pd.Series(values[keep], index=pd.Index([ids[i] for i in keep], name="id", dtype=object), name=name)

    def effective_size(self, model: Model = "whole", weight: str | None = None, *, directed: bool = True,
                       threads: int = 0) -> pd.Series:
        """Burt's effective size: the number of contacts less their redundancy,
        sum over contacts j of (1 - sum_q p_iq m_jq), contacts and mutual weights taken with ties
        either way. ``model="whole"``: p and m normalised over each actor's ties in the whole
        network, as networkx defines it (``networkx.effective_size(G, nodes=...)``; for all nodes
        at once networkx 3.4-3.6 errs on weighted and directed graphs, networkx PR #8906; for
        unweighted undirected ties Borgatti's n - 2t/n); ``"ego"``: over the ties inside the ego network only. ``weight="weight"``:
        tie weights (parallel ties summed). NaN for an actor without ties, as networkx."""
        return self._holes("effective_size", model, weight, directed, threads)

    def efficiency(self, model: Model = "whole", weight: str | None = None, *, directed: bool = True,
                   threads: int = 0) -> pd.Series:
        """Burt's efficiency: effective size divided by the number of contacts (actors tied
        either way; a mutual contact counts once)."""
        return self._holes("efficiency", model, weight, directed, threads)

    def constraint(self, model: Model = "whole", weight: str | None = None, *, directed: bool = True,
                   threads: int = 0) -> pd.Series:
        """Burt's constraint: the sum over contacts j of (p_ij + sum_q p_iq p_qj)^2, as
        ``networkx.constraint`` with ``model="whole"``; ``model`` and ``weight`` as
        :meth:`effective_size`. NaN for an actor without ties."""
        return self._holes("constraint", model, weight, directed, threads)

    def hierarchy(self, model: Model = "whole", weight: str | None = None, *, directed: bool = True,
                  threads: int = 0) -> pd.Series:
        """Burt's hierarchy index: with c_ij the local constraints, C their sum, N the contacts
        and r_j = c_ij N / C, H = sum_j r_j ln r_j / (N ln N): 0 when the constraint is spread
        evenly, 1 when one contact holds it all. NaN with fewer than two contacts."""
        return self._holes("hierarchy", model, weight, directed, threads)

    def local_constraint(self, model: Model = "whole", weight: str | None = None, *, directed: bool = True,
                         threads: int = 0) -> pd.Series:
        """The local (dyadic) constraint c_ij of every actor i on each of its contacts j, as
        ``networkx.local_constraint(G, i, j)``: a Series indexed by (``ego``, ``alter``)."""
        _weight("local_constraint", weight)
        view = self._view_core()
        r = _core.structural_holes(view, model, weight, directed, threads, True)
        ids = self._all_ids()
        offsets, alters, values = r["local_offsets"], r["local_alters"], r["local_values"]
        keep = view.actor_indices()
        egos: list[str] = []
        others: list[str] = []
        chosen: list[np.ndarray] = []
        for i in keep:
            begin, end = int(offsets[i]), int(offsets[i + 1])
            egos.extend([ids[i]] * (end - begin))
            others.extend(ids[a] for a in alters[begin:end])
            chosen.append(values[begin:end])
        data = np.concatenate(chosen) if chosen else np.empty(0)
        index = pd.MultiIndex.from_arrays([pd.Index(egos, dtype=object), pd.Index(others, dtype=object)],
                                          names=["ego", "alter"])
        return pd.Series(data, index=index, name="local_constraint")

    def structural_holes(self, model: Model = "whole", weight: str | None = None, *, directed: bool = True,
                         threads: int = 0) -> pd.DataFrame:
        """Effective size, efficiency, constraint, hierarchy and the number of contacts of every
        actor in one pass (a DataFrame indexed by actor id)."""
        _weight("structural_holes", weight)
        view = self._view_core()
        r = _core.structural_holes(view, model, weight, directed, threads)
        keep = view.actor_indices()
        ids = self._all_ids()
        columns = ["effective_size", "efficiency", "constraint", "hierarchy", "contacts"]
        frame = pd.DataFrame({c: r[c][keep] for c in columns},
                             index=pd.Index([ids[i] for i in keep], name="id", dtype=object))
        frame["contacts"] = frame["contacts"].astype(np.int64)
        return frame

    def _group_codes(self, attribute: str | Mapping[str, Any] | pd.Series) -> tuple[list[int], list[Any], str]:
        net = self._network()
        ids = self._all_ids()
        if isinstance(attribute, str) and attribute in GROUP_FIELDS:
            codes, names = _core.field_groups(net._core, attribute)
            return [int(c) for c in codes], [n if n != "" else None for n in names], attribute
        if isinstance(attribute, str):
            key = attribute.removeprefix("attributes.")
            free = net.actors["attributes"]
            if not any(isinstance(a, dict) and key in a for a in free):
                raise InvalidArgumentError(
                    f"brokerage: attribute must be one of {', '.join(GROUP_FIELDS)} or a free attribute of some "
                    f"actor, got {attribute!r}")
            values = [a.get(key) if isinstance(a, dict) else None for a in free]
            label = attribute
        else:
            mapping = attribute.to_dict() if isinstance(attribute, pd.Series) else dict(attribute)
            unknown = [k for k in mapping if k not in set(ids)]
            if unknown:
                raise UnknownIdError(f"brokerage: attribute: unknown actor {unknown[0]!r}")
            values = [mapping.get(i) for i in ids]
            label = str(getattr(attribute, "name", None) or "groups")
        order: dict[str, int] = {}
        names: list[Any] = []
        codes = []
        for v in values:
            key_text = json.dumps(v, sort_keys=True, ensure_ascii=False, default=str)
            if key_text not in order:
                order[key_text] = len(names)
                names.append(v)
            codes.append(order[key_text])
        return codes, names, label

    def brokerage(self, attribute: str | Mapping[str, Any] | pd.Series, *, directed: bool = True,
                  threads: int = 0) -> Brokerage:
        """Gould-Fernandez brokerage roles by actor group, as R's ``sna::brokerage``: j brokers
        (i, k) when i -> j -> k and not i -> k (an undirected tie counts both ways), and the
        groups of i, j, k make it a coordinator (A A A), itinerant (A B A), representative
        (A A B), gatekeeper (A B B) or liaison (A B C) role of j. Expected values, standard
        deviations and z-scores under sna's null (arcs independent with the observed density,
        group sizes fixed).

        ``attribute``: an actor field (kind, role, sector, status, territory, member,
        potential, profession, organisation — a professional's organisation, an organisation's
        own id), a free attribute (``"attributes.key"`` or ``"key"``), or a mapping / Series
        from actor id to group. Actors without a value form one group. Returns a
        :class:`Brokerage`."""
        codes, names, label = self._group_codes(attribute)
        view = self._view_core()
        r = _core.brokerage(view, codes, [str(i) for i in range(len(names))], directed, threads)
        keep = view.actor_indices()
        ids = self._all_ids()
        index = pd.Index([ids[i] for i in keep], name="id", dtype=object)

        def table(part: dict[str, np.ndarray]) -> pd.DataFrame:
            return pd.DataFrame({role: part[role][keep] for role in ROLES}, index=index)

        network = pd.DataFrame([r["network_raw"], r["network_expected"], r["network_sd"], r["network_z"]],
                               index=pd.Index(["raw", "expected", "sd", "z"], name="measure"))[ROLES]
        groups = pd.DataFrame({"size": r["group_size"]}, index=pd.Index(names, name="group", dtype=object))
        for role in ROLES:
            groups[f"expected_{role}"] = [e[role] for e in r["group_expected"]]
        for role in ROLES:
            groups[f"sd_{role}"] = [s[role] for s in r["group_sd"]]
        groups["size"] = groups["size"].astype(np.int64)
        group = pd.Series([names[codes[i]] for i in keep], index=index, name="group", dtype=object)
        return Brokerage(table(r["raw"]), table(r["expected"]), table(r["sd"]), table(r["z"]), network,
                         groups, group, float(r["density"]), label)

    def ego(self, actor_id: str, layer: Literal["primary", "secondary"] | None = None, *, weight: str | None = None,
            ei_attribute: str = "layer", directed: bool = True) -> Ego:
        """The ego network of ``actor_id`` (a user's ecomap, an organisation's partners) and its
        measures (see :class:`Ego`); ``layer`` restricts it to the primary or secondary
        network. The E-I index counts the ego's ties: by default primary ties are internal and
        secondary ones external (-1: family and friends only, +1: services only); with an
        actor field (``ei_attribute="sector"``, ``"kind"``...) a tie is internal when the alter
        has the ego's value. Structural holes in the ego model, weighted with
        ``weight="weight"``."""
        _weight("ego", weight)
        net = self._network()
        found = net._core.find_actor(actor_id) if isinstance(actor_id, str) else None
        if found is None:
            raise UnknownIdError(f"ego: unknown actor {actor_id!r}")
        view = self._view_core()
        if found not in set(view.actor_indices().tolist()):
            raise InvalidArgumentError(f"ego: actor {actor_id!r} is not in the view")
        r = _core.ego(view, found, layer, weight, ei_attribute, directed)
        ids = self._all_ids()
        a = r["alters"]
        actors = net.actors
        alter_ids = [ids[i] for i in a["actor"]]
        info = actors.loc[alter_ids, ["label", "kind", "role", "sector", "potential"]] if alter_ids else \
            pd.DataFrame(columns=["label", "kind", "role", "sector", "potential"])
        alters = pd.DataFrame(index=pd.Index(alter_ids, name="id", dtype=object))
        for column in info.columns:
            alters[column] = list(info[column])
        if alter_ids:
            # A professional without a sector is counted in its organisation's (ego.hpp).
            own = actors["sector"]
            of_organisation = actors["organisation"].map(own)
            effective = own.where(own.notna() & (own != ""), of_organisation)
            alters["sector"] = list(effective.loc[alter_ids])
        for column in ["ties", "weight", "sent", "received", "primary", "secondary", "formal", "informal",
                       "supportive", "conflictual", "ambivalent", "ties_to_alters"]:
            alters[column] = np.asarray(a[column], dtype=np.float64 if column == "weight" else np.int64)
        measures = dict(r["measures"])
        for key in ("size_by_layer", "size_by_formality", "size_by_kind", "size_by_role", "size_by_sector"):
            measures[key] = dict(measures[key])
        tie_rows = list(r["ties"])
        ties = net.ties.iloc[tie_rows].copy()
        if tie_rows:
            sources, targets = view.tie_endpoints()
            positions = {t: k for k, t in enumerate(view.tie_indices())}
            ties["source"] = [ids[sources[positions[t]]] for t in tie_rows]
            ties["target"] = [ids[targets[positions[t]]] for t in tie_rows]
        return Ego(actor_id, layer, alters, measures, ties,
                   [ids[i] for i in r["conflictual_alters"]], [ids[i] for i in r["ambivalent_alters"]],
                   [ids[i] for i in r["potential_partners"]])
