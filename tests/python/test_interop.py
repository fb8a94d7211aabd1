"""networkx both ways, cross-checked with igraph."""

from __future__ import annotations

import igraph
import networkx as nx
import pytest

import maillage


def test_karate_club_converts() -> None:
    g = nx.karate_club_graph()
    net = maillage.from_networkx(g)
    assert len(net) == 34 and net.tie_count == 78
    actors = net.actors
    assert set(actors["kind"]) == {"person"}
    assert actors.loc["0", "attributes"] == {"club": "Mr. Hi"}
    ties = net.ties
    assert set(ties["relation"]) == {"other"} and not ties["directed"].any()
    weights = {(str(u), str(v)): d["weight"] for u, v, d in g.edges(data=True)}
    assert {(s, t): w for s, t, w in zip(ties["source"], ties["target"], ties["weight"])} == weights
    assert set(ties["layer"]) == {"primary"} and set(ties["formality"]) == {"informal"}


def test_directed_graph_and_plain_nodes() -> None:
    g = nx.DiGraph([(1, 2), (2, 3), (3, 1)])
    net = maillage.from_networkx(g)
    assert net.ids == ["1", "2", "3"]
    assert list(net.ties["directed"]) == [True, True, True]
    back = net.to_networkx()
    assert isinstance(back, nx.MultiDiGraph) and back.number_of_edges() == 3
    assert sorted(back.edges()) == [("1", "2"), ("2", "3"), ("3", "1")]


def test_typed_attributes_map_onto_fields() -> None:
    g = nx.Graph(name="mon réseau")
    g.add_node("cms", kind="organisation", domains=["health"], member=True, founded=1990)
    g.add_node("usr", kind="person", role="user", needs=["health"])
    g.add_edge("usr", "cms", relation="accompaniment", weight=2.0, since="2024")
    net = maillage.from_networkx(g)
    assert net.info["name"] == "mon réseau"
    actors = net.actors
    assert actors.loc["cms", "domains"] == ["health"] and bool(actors.loc["cms", "member"])
    assert actors.loc["cms", "attributes"] == {"founded": 1990}
    tie = net.ties.loc[0]
    assert (tie["relation"], tie["weight"], tie["since"], tie["layer"]) == ("accompaniment", 2.0, "2024", "secondary")


def test_bad_graph_gives_map_error() -> None:
    g = nx.Graph()
    g.add_node("a", kind="company")
    with pytest.raises(maillage.MapError, match='<networkx>: actors\\[0\\].kind: unknown value "company"'):
        maillage.from_networkx(g)


@pytest.mark.parametrize("name", maillage.example_names())
def test_round_trip_through_networkx(name: str) -> None:
    net = maillage.example(name)
    graph = net.to_networkx()
    directed = bool(net.ties["directed"].any())
    assert isinstance(graph, nx.MultiDiGraph if directed else nx.MultiGraph)
    arcs = net.tie_count + int((~net.ties["directed"]).sum()) if directed else net.tie_count
    assert graph.number_of_edges() == arcs
    assert maillage.from_networkx(graph).to_json() == net.to_json()


@pytest.mark.parametrize("name", maillage.example_names())
def test_adjacency_agrees_with_igraph(name: str) -> None:
    net = maillage.example(name)
    ties = net.ties
    ids = net.ids
    position = {actor: i for i, actor in enumerate(ids)}
    edges = [(position[s], position[t]) for s, t in zip(ties["source"], ties["target"])]
    ig = igraph.Graph(n=len(ids), edges=edges, directed=False)
    simple = nx.Graph(net.to_networkx().to_undirected())
    ig.simplify()
    assert ig.degree() == [simple.degree(actor) for actor in ids]
    adjacency = net._core.adjacency()
    # maillage's CSR: one arc per directed tie, two per undirected tie
    arcs = adjacency["out_offsets"]
    out_degree = [int(arcs[i + 1] - arcs[i]) for i in range(len(ids))]
    expected = [0] * len(ids)
    for s, t, d in zip(ties["source"], ties["target"], ties["directed"]):
        expected[position[s]] += 1
        if not d:
            expected[position[t]] += 1
    assert out_degree == expected


def test_default_kind_and_relation_of_a_plain_graph() -> None:
    g = nx.Graph()
    g.add_edge("cms", "ssr")
    g.add_edge("cms", "usr", relation="accompaniment")
    g.nodes["usr"]["kind"] = "person"
    g.nodes["usr"]["role"] = "user"
    net = maillage.from_networkx(g, kind="organisation", relation="coordination")
    assert dict(net.actors["kind"]) == {"cms": "organisation", "ssr": "organisation", "usr": "person"}
    assert list(net.ties["relation"]) == ["coordination", "accompaniment"]
    # A tie with an organisation is secondary.
    assert list(net.ties["layer"]) == ["secondary", "secondary"]
    # The defaults when nothing is said: persons tied by "other" ties, primary between persons.
    plain = maillage.from_networkx(nx.path_graph(3))
    assert set(plain.actors["kind"]) == {"person"} and set(plain.ties["relation"]) == {"other"}
    assert set(plain.ties["layer"]) == {"primary"}
    with pytest.raises(maillage.InvalidArgumentError, match='from_networkx: kind must be one of .*got "company"'):
        maillage.from_networkx(g, kind="company")
    with pytest.raises(maillage.InvalidArgumentError, match='from_networkx: relation must be one of .*got "love"'):
        maillage.from_networkx(g, relation="love")


@pytest.mark.parametrize("name", maillage.example_names())
def test_simple_graph_of_the_map_keeps_actors_and_tie_fields(name: str) -> None:
    # A user who turns the multigraph into a plain Graph/DiGraph (parallel ties merge) still gets
    # the map's actors back, their kind, label and every field, and each kept tie's fields.
    net = maillage.example(name)
    graph = net.to_networkx()
    simple = nx.DiGraph(graph) if graph.is_directed() else nx.Graph(graph)
    back = maillage.from_networkx(simple)
    assert back.to_dict()["actors"] == net.to_dict()["actors"]
    fields = ["relation", "formality", "layer", "directed", "weight", "valence"]
    original = {(s, t, r) for s, t, r in zip(net.ties["source"], net.ties["target"], net.ties["relation"])}
    for tie in back.ties[["source", "target", *fields]].itertuples(index=False):
        assert (tie.source, tie.target, tie.relation) in original or (tie.target, tie.source, tie.relation) in original
    kinds = dict(back.actors["kind"])
    assert kinds == dict(net.actors["kind"]) and set(kinds.values()) - {"person"}
    assert dict(back.actors["label"].fillna("")) == dict(net.actors["label"].fillna(""))
