"""Conversions between maillage networks and networkx graphs.

networkx has no graph type that mixes directed and undirected edges, so
:func:`to_networkx` gives a ``MultiGraph`` when no tie is directed and otherwise a
``MultiDiGraph`` in which each undirected tie appears as two arcs (both marked
``directed=False`` and sharing the edge key, the tie's position; the second, reversed one also
carries ``twin=True``): networkx measures then see the adjacency maillage sees. In a
``MultiGraph``, each edge carries its tie's ``source``, since the graph keeps no orientation.
:func:`from_networkx` folds such twins back into one tie.
"""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING, Any

import networkx as nx
import pandas as pd

if TYPE_CHECKING:
    from .network import Network, NetworkView

_ACTOR_FIELDS = {
    "id", "kind", "label", "role", "organisation", "profession", "sector", "status", "territory",
    "service_area", "domains", "needs", "member", "potential", "attributes",
}
_TIE_FIELDS = {
    "id", "relation", "formality", "layer", "directed", "weight", "valence", "about", "consent",
    "convention", "intensity", "trust", "value", "resources", "since", "last_activity",
    "attributes",
}


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, (list, dict)) and not value:
        return True
    return False


def _record(row: pd.Series, skip: set[str]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in row.items():
        if key in skip or key == "extra":
            continue
        if _missing(value) or (key in ("member", "potential") and value is False):
            continue
        data[str(key)] = value.item() if hasattr(value, "item") else value
    data.update(row.get("extra") or {})
    return data


def to_networkx(net: Network | NetworkView) -> nx.MultiGraph | nx.MultiDiGraph:
    """The map (or view) as a networkx multigraph.

    Nodes are actor ids with the actor fields as attributes (absent fields left out; unknown
    fields of the map as they were). Edges carry the tie fields, ``directed`` among them, and
    their key is the tie's position in the map. Graph attributes: ``name``, the network
    metadata under ``network``, and, when the map has them, ``meetings``, ``vocabulary`` and
    ``map_extra`` (the map's own unknown fields), so that :func:`from_networkx` gets the whole
    map back.
    """
    from .network import Network

    network = net if isinstance(net, Network) else net.network
    actors = net.actors
    ties = net.ties
    directed = bool(ties["directed"].any()) if len(ties) else False
    graph: nx.MultiGraph | nx.MultiDiGraph = nx.MultiDiGraph() if directed else nx.MultiGraph()
    whole = network.to_dict()
    info = whole.get("network", {})
    graph.graph["network"] = info
    if info.get("name"):
        graph.graph["name"] = info["name"]
    if whole.get("meetings"):
        graph.graph["meetings"] = whole["meetings"]
    if whole.get("vocabulary"):
        graph.graph["vocabulary"] = whole["vocabulary"]
    unknown = {k: v for k, v in whole.items() if k not in ("maillage", "network", "vocabulary", "actors", "ties", "meetings")}
    if unknown:
        graph.graph["map_extra"] = unknown
    for actor_id, row in actors.iterrows():
        graph.add_node(actor_id, **_record(row, set()))
    for position, row in ties.iterrows():
        data = _record(row, {"source", "target"})
        data["directed"] = bool(row["directed"])
        data["formality"] = row["formality"]
        data["layer"] = row["layer"]
        if not directed:
            data["source"] = row["source"]  # an undirected multigraph does not keep the tie's orientation
        graph.add_edge(row["source"], row["target"], key=int(position), **data)
        if directed and not row["directed"]:
            graph.add_edge(row["target"], row["source"], key=int(position), twin=True, **data)
    return graph


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(v) for v in value]
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def _fill(record: dict[str, Any], attrs: dict[Any, Any], fields: set[str], skip: set[str]) -> None:
    """Copies networkx attributes onto a record: known fields by name, the others into ``attributes``."""
    free: dict[str, Any] = {}
    for key, value in attrs.items():
        if key in skip:
            continue
        if key in fields:
            record[key] = _jsonable(value)
        else:
            free[str(key)] = _jsonable(value)
    if free:
        record["attributes"] = {**free, **(record.get("attributes") or {})}


_KINDS = ("person", "professional", "organisation", "network")
_RELATIONS = ("family", "friendship", "neighbourhood", "work", "partnership", "coordination", "referral",
              "information", "funding", "accompaniment", "supervision", "membership", "other")


def from_networkx(graph: nx.Graph, *, name: str = "<networkx>", kind: str = "person",
                  relation: str = "other") -> Network:
    """A maillage network from any networkx graph.

    Node ids become actor ids (``str(node)``). Node attributes named like actor fields
    (``kind``, ``label``, ``role``, ``sector``...) fill them; the others go into
    ``attributes``; edge attributes named like tie fields (``relation``, ``formality``,
    ``layer``, ``directed``, ``weight``...) likewise. So ``from_networkx(net.to_networkx())``
    gives the map back, and a graph built by hand only needs the attributes it has.

    A node without a ``kind`` attribute takes ``kind`` (default "person": a plain graph of
    people, as networkx's social examples; pass ``kind="organisation"`` for a graph of
    services), an edge without ``relation`` takes ``relation`` (default "other").
    ``directed`` follows the graph (``graph.is_directed()``) unless an edge says otherwise;
    ``weight`` 1; formality and layer as in the JSON map (a tie between two persons is primary).
    In a directed graph, an edge marked ``directed=False`` is one tie with its reverse twin:
    the arc marked ``twin=True`` (as :func:`to_networkx` writes) or, without the mark, the
    second of the two met, is not added again. Integer edge keys (tie positions, as
    :func:`to_networkx` writes) give the order of the ties.
    """
    from .errors import InvalidArgumentError
    from .network import Network

    if kind not in _KINDS:
        raise InvalidArgumentError(f'from_networkx: kind must be one of {", ".join(_KINDS)}, got "{kind}"')
    if relation not in _RELATIONS:
        raise InvalidArgumentError(f'from_networkx: relation must be one of {", ".join(_RELATIONS)}, got "{relation}"')
    actors = []
    for node, attrs in graph.nodes(data=True):
        actor: dict[str, Any] = {"id": str(node), "kind": kind}
        _fill(actor, attrs, _ACTOR_FIELDS, skip={"id"})
        actors.append(actor)

    ties = []
    seen_undirected: set[tuple[str, str, Any]] = set()
    graph_directed = graph.is_directed()
    if graph.is_multigraph():
        edges = list(graph.edges(keys=True, data=True))
        if all(isinstance(k, int) and not isinstance(k, bool) for _, _, k, _ in edges):
            edges.sort(key=lambda edge: edge[2])
    else:
        edges = [(u, v, None, d) for u, v, d in graph.edges(data=True)]
    for u, v, key, attrs in edges:
        if graph_directed and attrs.get("twin") is True and attrs.get("directed") is False:
            continue
        source, target = str(u), str(v)
        if not graph_directed and attrs.get("source") == target:
            source, target = target, source
        tie: dict[str, Any] = {"source": source, "target": target, "relation": relation}
        orientation = {"source"} if not graph_directed and attrs.get("source") in (source, target) else set()
        _fill(tie, attrs, _TIE_FIELDS, skip={"twin"} | orientation)
        tie.setdefault("directed", graph_directed)
        if graph_directed and tie["directed"] is False:
            if (target, source, key) in seen_undirected:
                continue
            seen_undirected.add((source, target, key))
        ties.append(tie)
    data: dict[str, Any] = {"actors": actors, "ties": ties}
    map_extra = graph.graph.get("map_extra")
    if isinstance(map_extra, dict):
        data = {**_jsonable(map_extra), **data}
    for key in ("meetings", "vocabulary"):
        if graph.graph.get(key):
            data[key] = _jsonable(graph.graph[key])
    network_info = graph.graph.get("network")
    if isinstance(network_info, dict) and network_info:
        data["network"] = _jsonable(network_info)
    elif graph.graph.get("name"):
        data["network"] = {"name": str(graph.graph["name"])}
    return Network.from_json(json.dumps(data, ensure_ascii=False), name)
