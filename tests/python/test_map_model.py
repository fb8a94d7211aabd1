"""The network in Python: tables keyed by actor id, resolved defaults, views, vocabulary."""

from __future__ import annotations

import pandas as pd
import pytest

import maillage

SMALL = {
    "network": {"name": "Réseau test", "coordination": {"coordinators": ["cms"]}},
    "actors": [
        {"id": "usr", "kind": "person", "role": "user", "label": "M. D.", "needs": ["housing", "health"]},
        {"id": "bro", "kind": "person", "role": "family"},
        {"id": "nei", "kind": "person", "role": "neighbour"},
        {"id": "cms", "kind": "organisation", "sector": "health", "domains": ["health"], "member": True},
        {"id": "inf", "kind": "professional", "organisation": "cms", "profession": "infirmière"},
        {"id": "ss", "kind": "organisation", "sector": "social", "domains": ["housing"], "potential": True,
         "attributes": {"places": 3}},
    ],
    "ties": [
        {"source": "usr", "target": "bro", "relation": "family", "valence": "supportive"},
        {"source": "usr", "target": "nei", "relation": "neighbourhood", "valence": "conflictual"},
        {"source": "usr", "target": "inf", "relation": "accompaniment", "weight": 3},
        {"source": "inf", "target": "cms", "relation": "membership"},
        {"source": "cms", "target": "ss", "relation": "partnership", "convention": {"signed": True, "tasks": ["visites"]}},
        {"source": "ss", "target": "cms", "relation": "referral", "about": "usr"},
        {"source": "cms", "target": "ss", "relation": "information", "about": "usr", "consent": False},
        {"source": "bro", "target": "cms", "relation": "information", "formality": "informal", "directed": False},
    ],
}


@pytest.fixture()
def net() -> maillage.Network:
    return maillage.Network.from_dict(SMALL)


def test_basics(net: maillage.Network) -> None:
    assert len(net) == 6
    assert list(net) == ["usr", "bro", "nei", "cms", "inf", "ss"]
    assert "cms" in net and "nobody" not in net and 3 not in net
    assert net.tie_count == 8 and net.meeting_count == 0
    assert repr(net) == "<maillage.Network 'Réseau test': 6 actors, 8 ties, 0 meetings>"
    assert net.info["coordination"] == {"coordinators": ["cms"]}


def test_actor_table(net: maillage.Network) -> None:
    actors = net.actors
    assert actors.index.name == "id"
    assert list(actors.index) == net.ids
    assert actors.loc["usr", "needs"] == ["housing", "health"]
    assert actors.loc["inf", "organisation"] == "cms"
    assert bool(actors.loc["cms", "member"]) and not bool(actors.loc["usr", "member"])
    assert bool(actors.loc["ss", "potential"])
    assert actors.loc["ss", "attributes"] == {"places": 3}
    assert pd.isna(actors.loc["bro", "label"])


def test_resolved_tie_defaults(net: maillage.Network) -> None:
    ties = net.ties
    assert list(ties["layer"]) == ["primary", "primary", "secondary", "secondary", "secondary", "secondary",
                                   "secondary", "secondary"]
    assert list(ties["formality"]) == ["informal", "informal", "formal", "formal", "formal", "formal", "formal",
                                       "informal"]
    # referral and information are directed unless the tie says otherwise
    assert list(ties["directed"]) == [False, False, False, False, False, True, True, False]
    assert ties.loc[2, "weight"] == 3.0
    assert ties.loc[4, "convention"]["tasks"] == ["visites"]
    assert ties.loc[6, "consent"] is False and ties.loc[6, "about"] == "usr"


def test_parallel_ties_are_kept(net: maillage.Network) -> None:
    ties = net.ties
    pair = ties[((ties.source == "cms") & (ties.target == "ss")) | ((ties.source == "ss") & (ties.target == "cms"))]
    assert sorted(pair["relation"]) == ["information", "partnership", "referral"]


def test_views(net: maillage.Network) -> None:
    primary = net.view(layer="primary")
    assert list(primary.ties["relation"]) == ["family", "neighbourhood"]
    assert primary.actor_count == 6
    assert list(net.view(relation=["information", "referral"]).ties.index) == [5, 6, 7]
    assert list(net.view(relation="partnership").ties.index) == [4]
    assert list(net.view(formality="informal").ties.index) == [0, 1, 7]
    members = net.view(member=True)
    assert members.ids == ["cms"] and members.tie_count == 0
    organisations = net.view(kind="organisation")
    assert organisations.ids == ["cms", "ss"] and organisations.tie_count == 3
    persons = net.view(kind=["person"])
    assert persons.tie_count == 2


def test_organisation_level_view(net: maillage.Network) -> None:
    view = net.view(organisation_level=True)
    assert "inf" not in view.ids
    ties = view.ties
    assert 3 not in ties.index  # inf-cms membership disappears
    assert (ties.loc[2, "source"], ties.loc[2, "target"]) == ("usr", "cms")
    graph = view.to_networkx()
    assert graph.has_edge("usr", "cms") and "inf" not in graph


@pytest.mark.parametrize("kwargs, parameter", [
    ({"layer": "tertiary"}, "layer"),
    ({"relation": ["friend"]}, "relation"),
    ({"formality": "semi"}, "formality"),
    ({"kind": "company"}, "kind"),
])
def test_bad_view_arguments(net: maillage.Network, kwargs: dict, parameter: str) -> None:
    with pytest.raises(maillage.InvalidArgumentError, match=f"view: {parameter} must be one of") as caught:
        net.view(**kwargs)
    assert isinstance(caught.value, ValueError)


def test_vocabulary() -> None:
    vocab = maillage.default_vocabulary()
    assert len(vocab["domains"]) == 18 and len(vocab["sectors"]) == 13
    assert vocab["domains"]["debt"] == {"fr": "dettes", "en": "debt", "de": "Schulden"}
    net = maillage.Network.from_dict({
        "vocabulary": {"domains": {"peer": {"fr": "pair-aidance", "en": "peer support", "de": "Peer-Support"}}},
        "actors": [{"id": "a", "kind": "organisation", "domains": ["peer", "housing"]}]})
    assert net.vocabulary["domains"]["peer"]["fr"] == "pair-aidance"
    assert "housing" in net.vocabulary["domains"]


def test_adjacency_is_a_zero_copy_view(net: maillage.Network) -> None:
    adjacency = net._core.adjacency()
    assert not adjacency["out_targets"].flags.writeable
    # 6 undirected ties (two arcs each) and 2 directed ties
    assert len(adjacency["out_targets"]) == 14
    assert adjacency["out_offsets"][-1] == 14


@pytest.mark.parametrize("name", maillage.example_names())
def test_examples_read(name: str) -> None:
    net = maillage.example(name)
    assert len(net) > 5 and net.tie_count > 5
    assert net.info["name"]
    assert set(net.ties["source"]) <= set(net.ids)
