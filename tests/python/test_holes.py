"""Structural holes against networkx, brokerage against a direct implementation of R sna's
definitions, and ego networks against networkx.ego_graph-based computations."""

from __future__ import annotations

import math
import random
from collections import Counter

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import maillage
from reference_graphs import measure_graph

TOLERANCE = 1e-9
ROLES = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"]
SECTORS = ["social", "health", "housing", "justice"]


def random_map(seed: int, n: int, m: int, directed_share: float, isolates: int = 2) -> maillage.Network:
    """Organisations with random sectors (some without), random ties (parallel ones too),
    random weights, and a few isolates."""
    rng = random.Random(seed)
    actors = []
    for i in range(n + isolates):
        actor: dict[str, object] = {"id": f"a{i}", "kind": rng.choice(["organisation", "organisation", "network"])}
        if rng.random() < 0.8:
            actor["sector"] = rng.choice(SECTORS)
        actor["attributes"] = {"team": rng.choice(["north", "south", "east"])}
        actors.append(actor)
    ties = []
    for _ in range(m):
        s, t = rng.sample(range(n), 2)
        relation = "referral" if rng.random() < directed_share else rng.choice(["coordination", "partnership"])
        ties.append({"source": f"a{s}", "target": f"a{t}", "relation": relation,
                     "weight": rng.choice([1, 2, 3, 0.5, 1.5])})
    return maillage.Network.from_dict({"actors": actors, "ties": ties})




CASES = [(seed, n, m, share) for seed, (n, m, share) in enumerate(
    [(12, 18, 0.0), (12, 18, 0.5), (30, 45, 1.0), (30, 25, 0.3), (40, 120, 0.0), (40, 120, 0.6), (25, 10, 0.5),
     (60, 400, 0.4)])]


def same(series: pd.Series, expected: dict) -> None:
    assert set(series.index) == set(expected)
    for actor, value in expected.items():
        if isinstance(value, float) and math.isnan(value):
            assert math.isnan(series[actor]), actor
        else:
            assert series[actor] == pytest.approx(value, rel=TOLERANCE, abs=TOLERANCE), actor


def contacts(g: nx.Graph, v: str) -> set[str]:
    return set(nx.all_neighbors(g, v))


def nx_effective_size(g: nx.Graph, weight: str | None) -> dict[str, float]:
    """networkx's definition of effective size, from its own normalized_mutual_weight, for every
    actor. Not nx.effective_size(G) itself: its sparse path (networkx 3.4-3.6) divides by the
    wrong row's maximum on weighted and directed graphs (networkx PR #8906), and its per-node
    path calls an actor of a DiGraph with only incoming ties an isolate."""
    nmw = nx.algorithms.structuralholes.normalized_mutual_weight
    out = {}
    for u in g:
        others = contacts(g, u)
        out[u] = sum(1 - sum(nmw(g, u, w, weight=weight) * nmw(g, v, w, norm=max, weight=weight) for w in others)
                     for v in others) if others else float("nan")
    return out


def hierarchy_of(g: nx.Graph, v: str, weight: str | None) -> float:
    """Burt's hierarchy from networkx's local constraints: H = sum r ln r / (N ln N)."""
    others = sorted(contacts(g, v))
    n = len(others)
    if n < 2:
        return float("nan")
    local = [nx.local_constraint(g, v, j, weight=weight) for j in others]
    total = sum(local)
    ratios = [c * n / total for c in local]
    return sum(r * math.log(r) for r in ratios if r > 0) / (n * math.log(n))


@pytest.mark.parametrize("seed, n, m, share", CASES)
@pytest.mark.parametrize("weight", [None, "weight"])
def test_whole_model_matches_networkx(seed: int, n: int, m: int, share: float, weight: str | None) -> None:
    net = random_map(seed, n, m, share)
    g = measure_graph(net)
    sizes = nx_effective_size(g, weight)
    same(net.effective_size(weight=weight), sizes)
    for v, value in nx.effective_size(g, nodes=list(g), weight=weight).items():
        if not math.isnan(value):
            assert sizes[v] == pytest.approx(value, rel=TOLERANCE, abs=TOLERANCE)
    if weight is None and not g.is_directed():
        same(net.effective_size(), nx.effective_size(g))
    same(net.constraint(weight=weight), nx.constraint(g, weight=weight))
    # networkx's per-node path gives the same values wherever it defines them (it calls
    # actors with only incoming ties isolates).
    slow = nx.constraint(g, nodes=list(g), weight=weight)
    fast = net.constraint(weight=weight)
    for v, value in slow.items():
        if not math.isnan(value):
            assert fast[v] == pytest.approx(value, rel=TOLERANCE, abs=TOLERANCE)
    same(net.efficiency(weight=weight),
         {v: (s / len(contacts(g, v)) if contacts(g, v) else float("nan")) for v, s in sizes.items()})
    same(net.hierarchy(weight=weight), {v: hierarchy_of(g, v, weight) for v in g})
    local = net.local_constraint(weight=weight)
    expected = {(u, v): nx.local_constraint(g, u, v, weight=weight) for u in g for v in contacts(g, u)}
    assert set(local.index) == set(expected)
    for pair, value in expected.items():
        assert local[pair] == pytest.approx(value, rel=TOLERANCE, abs=TOLERANCE)
    isolates = [v for v in g if not contacts(g, v)]
    assert isolates and all(math.isnan(net.constraint()[v]) for v in isolates)


@pytest.mark.parametrize("seed, n, m, share", CASES[:5])
def test_symmetrised_graph_matches_networkx(seed: int, n: int, m: int, share: float) -> None:
    net = random_map(seed, n, m, share)
    g = measure_graph(net, directed=False)
    same(net.constraint(directed=False), nx.constraint(g))
    same(net.effective_size("whole", "weight", directed=False), nx_effective_size(g, "weight"))


@pytest.mark.parametrize("seed, n, m, share", CASES)
@pytest.mark.parametrize("weight", [None, "weight"])
def test_ego_model_is_networkx_on_each_ego_graph(seed: int, n: int, m: int, share: float, weight: str | None) -> None:
    net = random_map(seed, n, m, share)
    g = measure_graph(net)
    size, constraint, hierarchy = (net.effective_size("ego", weight), net.constraint("ego", weight),
                                   net.hierarchy("ego", weight))
    frame = net.structural_holes("ego", weight)
    for v in g:
        if not contacts(g, v):
            assert math.isnan(size[v]) and math.isnan(constraint[v])
            continue
        e = nx.ego_graph(g, v, undirected=True)
        assert size[v] == pytest.approx(nx_effective_size(e, weight)[v], rel=TOLERANCE, abs=TOLERANCE)
        assert constraint[v] == pytest.approx(nx.constraint(e, weight=weight)[v], rel=TOLERANCE, abs=TOLERANCE)
        expected_h = hierarchy_of(e, v, weight)
        assert (math.isnan(hierarchy[v]) and math.isnan(expected_h)) or \
            hierarchy[v] == pytest.approx(expected_h, rel=TOLERANCE, abs=TOLERANCE)
        assert frame.loc[v, "contacts"] == len(contacts(g, v))
    if weight is None and not g.is_directed():
        # Unweighted undirected: Borgatti's n - 2t/n in both models.
        same(net.effective_size("ego"), nx.effective_size(g))


def test_whole_and_ego_models_differ_where_contacts_have_outside_ties() -> None:
    net = maillage.Network.from_dict({
        "actors": [{"id": x, "kind": "organisation"} for x in "abcd"],
        "ties": [{"source": s, "target": t, "relation": "coordination"} for s, t in ["ab", "bc", "ac", "cd"]]})
    assert net.constraint()["a"] == pytest.approx(4 / 9 + 9 / 16, abs=1e-12)
    assert net.constraint("ego")["a"] == pytest.approx(9 / 8, abs=1e-12)
    assert math.isnan(net.hierarchy()["d"])


def test_arguments_are_checked() -> None:
    net = random_map(1, 10, 12, 0.2)
    with pytest.raises(maillage.InvalidArgumentError, match="model"):
        net.constraint("global")  # type: ignore[arg-type]
    with pytest.raises(maillage.InvalidArgumentError, match="weight"):
        net.constraint(weight="strength")
    with pytest.raises(maillage.InvalidArgumentError, match="attribute"):
        net.brokerage("colour")
    with pytest.raises(maillage.UnknownIdError):
        net.ego("nobody")
    with pytest.raises(maillage.InvalidArgumentError, match="layer"):
        net.ego("a0", "tertiary")  # type: ignore[arg-type]


# Brokerage: a direct implementation of R sna::brokerage (sna 2.7, R/models.R and src/gli.c).

def sna_brokerage(arcs: set[tuple[str, str]], nodes: list[str], group: dict[str, object]) -> dict[str, object]:
    succ: dict[str, set[str]] = {v: set() for v in nodes}
    for u, v in arcs:
        succ[u].add(v)
    raw = {v: dict.fromkeys(ROLES, 0.0) for v in nodes}
    for i in nodes:                       # every two-path i -> j -> k with no arc i -> k
        for j in succ[i]:
            for k in succ[j]:
                if k in (i, j) or k in succ[i]:
                    continue
                gi, gj, gk = group[i], group[j], group[k]
                if gi == gj:
                    role = "coordinator" if gj == gk else "representative"
                elif gj == gk:
                    role = "gatekeeper"
                elif gi == gk:
                    role = "itinerant"
                else:
                    role = "liaison"
                raw[j][role] += 1
                raw[j]["total"] += 1
    big_n = float(len(nodes))
    d = len(arcs) / (big_n * (big_n - 1))
    classes = list(dict.fromkeys(group[v] for v in nodes))
    n = [float(sum(1 for v in nodes if group[v] == c)) for c in classes]
    a = d ** 2 * (1 - d)
    b3, b4, b5 = d ** 3 * (1 - d) ** 3, d ** 4 * (1 - d) ** 2, d ** 5 * (1 - d)

    def choose2(x: float) -> float:
        return x * (x - 1) / 2

    per_class = {}
    for i, c in enumerate(classes):
        rest = [n[h] for h in range(len(n)) if h != i]
        e = [a * (n[i] - 1) * (n[i] - 2),
             a * sum(x * (x - 1) for x in rest),
             a * (big_n - n[i]) * (n[i] - 1),
             0.0,
             a * (sum(x * y for x in rest for y in rest) - sum(x * x for x in rest)),
             a * (big_n - 1) * (big_n - 2)]
        e[3] = e[2]
        v = [e[0] * (1 - a) + 2 * (n[i] - 1) * (n[i] - 2) * (n[i] - 3) * b3,
             e[1] * (1 - a) + 2 * sum(x * (x - 1) * (x - 2) for x in rest) * b3,
             e[2] * (1 - a) + 2 * ((n[i] - 1) * choose2(big_n - n[i]) + (big_n - n[i]) * choose2(n[i] - 1)) * b3,
             0.0,
             e[4] * (1 - a) + 4 * sum(x * choose2(big_n - x - n[i]) * b3 for x in rest),
             e[5] * (1 - a) + 2 * (big_n - 1) * (big_n - 2) * (big_n - 3) * b3]
        v[3] = v[2]
        per_class[c] = (e, v)
    ge = [a * sum(x * (x - 1) * (x - 2) for x in n),
          a * sum(x * (big_n - x) * (x - 1) for x in n), 0.0, 0.0,
          a * (sum(x * y * (big_n - x - y) for x in n for y in n) - sum(x * x * (big_n - 2 * x) for x in n)),
          a * big_n * (big_n - 1) * (big_n - 2)]
    ge[2] = ge[3] = ge[1]
    gv = [ge[0] * (1 - a) + sum(x * (x - 1) * (x - 2) * ((4 * x - 10) * b3 - 4 * (x - 3) * b4 + (x - 3) * b5) for x in n),
          ge[1] * (1 - a) + sum(x * y * (x - 1) * ((2 * x + 2 * y - 6) * b3 + (big_n - x - 1) * b5) for x in n for y in n)
          - sum(x * x * (x - 1) * ((4 * x - 6) * b3 + (big_n - x - 1) * b5) for x in n),
          ge[2] * (1 - a) + sum(x * (big_n - x) * (x - 1) * ((big_n - 3) * b3 + (x - 2) * b5) for x in n), 0.0,
          ge[4] * (1 - a), 0.0]
    gv[3] = gv[2]
    for i in range(len(n)):
        for j in range(len(n)):
            for k in range(len(n)):
                if i != j and j != k and i != k:
                    gv[4] += n[i] * n[j] * n[k] * ((4 * (big_n - n[j]) - 2 * (n[i] + n[k] + 1)) * b3
                                                   - (4 * (big_n - n[k]) - 2 * (n[i] + n[j] + 1)) * b4
                                                   + (big_n - (n[i] + n[k] + 1)) * b5)
    gv[5] = ge[5] * (1 - a) + big_n * (big_n - 1) * (big_n - 2) * ((4 * big_n - 10) * b3 - 4 * (big_n - 3) * b4
                                                                  + (big_n - 3) * b5)
    return {"raw": raw, "class": per_class, "network_expected": ge, "network_variance": gv, "density": d}


def arcs_of(g: nx.Graph) -> set[tuple[str, str]]:
    return set(g.edges()) if g.is_directed() else set(g.to_directed().edges())


def check_brokerage(result: maillage.Brokerage, g: nx.Graph, group: dict[str, object]) -> None:
    ref = sna_brokerage(arcs_of(g), list(g), group)
    assert result.density == pytest.approx(ref["density"], rel=TOLERANCE)
    for v in g:
        for r, role in enumerate(ROLES):
            assert result.raw.loc[v, role] == ref["raw"][v][role], (v, role)
            e, var = ref["class"][group[v]]
            assert result.expected.loc[v, role] == pytest.approx(e[r], rel=TOLERANCE, abs=1e-12)
            assert result.sd.loc[v, role] == pytest.approx(math.sqrt(var[r]), rel=TOLERANCE, abs=1e-12)
            if var[r] > 0:
                z = (ref["raw"][v][role] - e[r]) / math.sqrt(var[r])
                assert result.z.loc[v, role] == pytest.approx(z, rel=TOLERANCE, abs=TOLERANCE)
    for r, role in enumerate(ROLES):
        assert result.network.loc["raw", role] == sum(ref["raw"][v][role] for v in g)
        assert result.network.loc["expected", role] == pytest.approx(ref["network_expected"][r], rel=TOLERANCE)
        assert result.network.loc["sd", role] == pytest.approx(math.sqrt(ref["network_variance"][r]), rel=TOLERANCE)


@pytest.mark.parametrize("seed, n, m, share", CASES)
def test_brokerage_by_sector_matches_sna_definitions(seed: int, n: int, m: int, share: float) -> None:
    net = random_map(seed, n, m, share)
    g = measure_graph(net)
    result = net.brokerage("sector")
    sectors = net.actors["sector"]
    check_brokerage(result, g, {v: ("" if pd.isna(sectors[v]) else sectors[v]) for v in g})
    assert list(result.raw.columns) == ROLES
    assert (result.raw["total"] == result.raw[ROLES[:5]].sum(axis=1)).all()
    frame = result.to_frame()
    assert frame[("z", "liaison")].equals(result.z["liaison"])
    assert result.groups["size"].sum() == len(g)


@pytest.mark.parametrize("seed", range(6))
def test_brokerage_with_random_groups_and_free_attributes(seed: int) -> None:
    rng = random.Random(100 + seed)
    net = random_map(seed, 15 + seed, 30 + 5 * seed, rng.random())
    g = measure_graph(net)
    groups = {v: rng.choice("xyz") for v in g}
    check_brokerage(net.brokerage(pd.Series(groups)), g, groups)
    teams = {v: a["team"] for v, a in net.actors["attributes"].items()}
    check_brokerage(net.brokerage("team"), g, teams)
    check_brokerage(net.brokerage("attributes.team"), g, teams)
    kinds = dict(net.actors["kind"])
    check_brokerage(net.brokerage("kind"), g, kinds)
    symmetric = measure_graph(net, directed=False)
    check_brokerage(net.brokerage(pd.Series(groups), directed=False), symmetric, groups)


def test_brokerage_hand_computed_undirected_path() -> None:
    # a(social) - b(social) - c(health): b represents a towards c and keeps c's gate to a.
    net = maillage.Network.from_dict({
        "actors": [{"id": "a", "kind": "organisation", "sector": "social"},
                   {"id": "b", "kind": "organisation", "sector": "social"},
                   {"id": "c", "kind": "organisation", "sector": "health"}],
        "ties": [{"source": "a", "target": "b", "relation": "coordination"},
                 {"source": "b", "target": "c", "relation": "coordination"}]})
    result = net.brokerage("sector")
    assert result.raw.loc["b"].tolist() == [0, 0, 1, 1, 0, 2]
    assert result.raw.loc["a"].sum() == 0
    d = 4 / 6
    a = d * d * (1 - d)
    assert result.expected.loc["b", "representative"] == pytest.approx(a)  # (N - n_g)(n_g - 1) = 1
    assert result.group.tolist() == ["social", "social", "health"]


def test_brokerage_of_a_view_counts_its_actors_only() -> None:
    net = maillage.example("reseau_regional")
    view = net.view(kind="organisation")
    result = view.brokerage("sector")
    assert set(result.raw.index) == set(view.ids)
    g = measure_graph(view)
    g.remove_nodes_from([v for v in list(g) if v not in set(view.ids)])
    sectors = net.actors["sector"]
    check_brokerage(result, g, {v: ("" if pd.isna(sectors[v]) else sectors[v]) for v in g})


# Ego networks on the bundled example maps.

def counted_sector(actors: pd.DataFrame, actor: str) -> str:
    """The sector an ego network counts an alter in: its own, else its organisation's."""
    own = actors.loc[actor, "sector"]
    if isinstance(own, str) and own:
        return own
    organisation = actors.loc[actor, "organisation"]
    if isinstance(organisation, str) and organisation in actors.index:
        theirs = actors.loc[organisation, "sector"]
        return theirs if isinstance(theirs, str) else ""
    return ""


@pytest.mark.parametrize("name", ["ecocarte_usager", "reseau_regional"])
def test_ego_measures_on_example_maps(name: str) -> None:
    net = maillage.example(name)
    g = measure_graph(net)
    ties = net.ties
    actors = net.actors
    sectors_known = len(net.vocabulary["sectors"])
    egos = list(actors.index) if len(actors) <= 60 else list(actors.index[:: max(1, len(actors) // 40)])
    for ego_id in egos:
        e = net.ego(ego_id)
        mine = ties[(ties["source"] == ego_id) | (ties["target"] == ego_id)]
        other = np.where(mine["source"] == ego_id, mine["target"], mine["source"])
        alters = set(other)
        assert set(e.alters.index) == alters
        assert e["size"] == len(alters) == len(contacts(g, ego_id))
        assert e["ego_ties"] == len(mine)
        for layer in ("primary", "secondary"):
            expected = len(set(other[mine["layer"] == layer]))
            assert e["size_by_layer"].get(layer, 0) == expected
        assert e["size_by_kind"] == dict(Counter(actors.loc[list(alters), "kind"]))
        primary = int((mine["layer"] == "primary").sum())
        secondary = len(mine) - primary
        if len(mine):
            assert e["ei_index"] == pytest.approx((secondary - primary) / len(mine), abs=1e-12)
            assert e["primary_share_ties"] == pytest.approx(primary / len(mine), abs=1e-12)
            weight = mine["weight"].sum()
            assert e["primary_share_weight"] == pytest.approx(mine.loc[mine["layer"] == "primary", "weight"].sum() / weight)
        assert e["conflictual_ties"] == int((mine["valence"] == "conflictual").sum())
        assert set(e.conflictual) == set(other[mine["valence"] == "conflictual"])
        assert e["formal_ties"] == int((mine["formality"] == "formal").sum())
        assert set(e.potential_partners) == {a for a in alters if actors.loc[a, "potential"]}
        kinds = Counter(actors.loc[list(alters), "kind"])
        if alters:
            blau = 1 - sum((c / len(alters)) ** 2 for c in kinds.values())
            assert e["blau_kind"] == pytest.approx(blau, abs=1e-12)
            assert e["iqv_kind"] == pytest.approx(blau / (1 - 1 / 4), abs=1e-12)
        with_sector = [sector for sector in (counted_sector(actors, a) for a in alters) if sector]
        if with_sector:
            counts = Counter(with_sector)
            blau = 1 - sum((c / len(with_sector)) ** 2 for c in counts.values())
            assert e["blau_sector"] == pytest.approx(blau, abs=1e-12)
            assert e["iqv_sector"] == pytest.approx(blau / (1 - 1 / sectors_known), abs=1e-12)
            assert e["size_by_sector"] == dict(counts)
        else:
            assert math.isnan(e["blau_sector"])
        ego_graph = nx.ego_graph(g, ego_id, undirected=True)
        among = ego_graph.subgraph(alters)
        if len(alters) >= 2:
            assert e["density"] == pytest.approx(nx.density(among), abs=1e-12)
        if alters:
            assert e["effective_size"] == pytest.approx(nx_effective_size(ego_graph, None)[ego_id], abs=1e-9)
            assert e["constraint"] == pytest.approx(nx.constraint(ego_graph)[ego_id], abs=1e-9)
            assert e["efficiency"] == pytest.approx(e["effective_size"] / len(alters), abs=1e-12)
            h = hierarchy_of(ego_graph, ego_id, None)
            assert (math.isnan(h) and math.isnan(e["hierarchy"])) or e["hierarchy"] == pytest.approx(h, abs=1e-9)
            weighted = net.ego(ego_id, weight="weight")
            assert weighted["constraint"] == pytest.approx(nx.constraint(ego_graph, weight="weight")[ego_id], abs=1e-9)
        else:
            assert math.isnan(e["constraint"])
        assert set(e.ties.index) == set(ties.index[ties["source"].isin(alters | {ego_id})
                                                   & ties["target"].isin(alters | {ego_id})])
        assert e.alters["ties"].sum() == len(mine)


def test_ego_of_the_user_in_one_layer() -> None:
    net = maillage.example("ecocarte_usager")
    user = net.actors.index[net.actors["role"] == "user"][0]
    whole = net.ego(user)
    primary = net.ego(user, "primary")
    assert primary["size"] == whole["size_by_layer"].get("primary", 0)
    assert set(primary["size_by_layer"]) <= {"primary"}
    assert primary["ei_index"] == -1.0 or primary["ego_ties"] == 0
    by_sector = net.ego(user, ei_attribute="sector")
    assert by_sector["ei_attribute"] == "sector"
    graph = whole.to_networkx()
    assert set(graph.nodes) == set(whole.alters.index) | {user}
    assert graph.number_of_edges() >= len(whole.ties)
    view = net.view(layer="secondary")
    assert view.ego(user)["size"] == whole["size_by_layer"].get("secondary", 0)


@pytest.mark.parametrize("seed, n, m, share", [c for c in CASES if c[3] == 0.0])
@pytest.mark.parametrize("weighted", [False, True])
def test_constraint_matches_igraph(seed: int, n: int, m: int, share: float, weighted: bool) -> None:
    import igraph

    net = random_map(seed, n, m, share)
    g = measure_graph(net)
    ids = list(g)
    position = {v: i for i, v in enumerate(ids)}
    ig = igraph.Graph(n=len(ids), edges=[(position[u], position[v]) for u, v in g.edges()])
    weights = [d["weight"] for _, _, d in g.edges(data=True)] if weighted else None
    expected = dict(zip(ids, ig.constraint(weights=weights)))
    same(net.constraint(weight="weight" if weighted else None), expected)


def test_ego_in_an_organisation_level_view() -> None:
    net = maillage.example("ecocarte_usager")
    user = net.actors.index[net.actors["role"] == "user"][0]
    view = net.view(organisation_level=True)
    e = view.ego(user)
    g = measure_graph(view)
    assert set(e.alters.index) == contacts(g, user)
    assert not (e.alters["kind"] == "professional").any() or \
        all(pd.isna(net.actors.loc[a, "organisation"]) or not net.actors.loc[a, "organisation"]
            for a in e.alters.index[e.alters["kind"] == "professional"])
    assert set(e.ties["source"]) | set(e.ties["target"]) <= set(e.alters.index) | {user}
    assert e["constraint"] == pytest.approx(nx.constraint(nx.ego_graph(g, user, undirected=True))[user], abs=1e-9)
    professionals = net.actors.index[(net.actors["kind"] == "professional")
                                     & net.actors["organisation"].fillna("").astype(bool)]
    if len(professionals):
        with pytest.raises(maillage.InvalidArgumentError, match="not in the view"):
            view.ego(professionals[0])


def test_ego_of_a_professional_counts_colleagues_in_their_service_sector() -> None:
    # q (a nurse of the health centre) works with p (a social worker of the social service, no
    # sector of her own), with the housing office and with the user; the organisation's sector
    # stands for its professionals, the user has none.
    net = maillage.Network.from_dict({
        "actors": [
            {"id": "soc", "kind": "organisation", "sector": "social"},
            {"id": "cms", "kind": "organisation", "sector": "health"},
            {"id": "log", "kind": "organisation", "sector": "housing"},
            {"id": "p", "kind": "professional", "organisation": "soc"},
            {"id": "q", "kind": "professional", "organisation": "cms"},
            {"id": "r", "kind": "professional", "organisation": "log", "sector": "social"},
            {"id": "u", "kind": "person", "role": "user"},
        ],
        "ties": [
            {"source": "q", "target": "p", "relation": "coordination"},
            {"source": "q", "target": "log", "relation": "referral"},
            {"source": "q", "target": "r", "relation": "information"},
            {"source": "q", "target": "u", "relation": "accompaniment"},
            {"source": "cms", "target": "q", "relation": "membership"},
        ],
    })
    e = net.ego("q")
    # p: the social service's; r: her own (social) before her organisation's (housing).
    assert e["size_by_sector"] == {"social": 2, "housing": 1, "health": 1}
    assert e.alters.loc["p", "sector"] == "social" and e.alters.loc["r", "sector"] == "social"
    assert e.alters.loc["cms", "sector"] == "health" and pd.isna(e.alters.loc["u", "sector"])
    blau = 1 - ((2 / 4) ** 2 + (1 / 4) ** 2 + (1 / 4) ** 2)
    assert e["blau_sector"] == pytest.approx(blau, abs=1e-12)
    # The organisation's partner map: its own nurse counts in its sector.
    assert net.ego("cms")["size_by_sector"] == {"health": 1}
    assert net.ego("u")["size_by_sector"] == {"health": 1}
