"""Coverage against a direct Python implementation of the rules of coverage.hpp (networkx for the
care teams, brute force for the smallest covering set), on random maps and on the examples."""

from __future__ import annotations

import itertools
import math
import random

import networkx as nx
import pytest

import maillage

DOMAINS = ["housing", "health", "debt", "employment", "mental_health", "income"]
TERRITORIES = ["Valmont", "Orval", "Port-Lac"]


def random_services_map(seed: int) -> maillage.Network:
    rng = random.Random(seed)
    actors = []
    for i in range(4):
        actors.append({"id": f"u{i}", "kind": "person", "role": "user", "needs": rng.sample(DOMAINS, rng.randint(0, 4))})
    for i in range(8):
        org = {"id": f"o{i}", "kind": "organisation", "domains": rng.sample(DOMAINS, rng.randint(0, 2)),
               "member": rng.random() < 0.6, "territory": rng.choice(TERRITORIES)}
        if rng.random() < 0.3:
            org["service_area"] = rng.sample(TERRITORIES, 2)
        actors.append(org)
    for i in range(5):
        actors.append({"id": f"p{i}", "kind": "professional", "organisation": f"o{rng.randrange(8)}",
                       "domains": rng.sample(DOMAINS, rng.randint(0, 1))})
    ids = [a["id"] for a in actors]
    ties = []
    for _ in range(30):
        s, t = rng.sample(ids, 2)
        relation = rng.choice(["accompaniment", "referral", "coordination", "information", "partnership", "funding"])
        tie = {"source": s, "target": t, "relation": relation}
        if relation == "referral" and rng.random() < 0.5:
            tie["about"] = f"u{rng.randrange(4)}"
        ties.append(tie)
    return maillage.Network.from_dict({"actors": actors, "ties": ties,
                                       "network": {"name": "R", "domains": rng.sample(DOMAINS, 3), "territory": TERRITORIES}})


def expected_providers(net: maillage.Network, reach: int) -> dict[tuple[str, str], list[str]]:
    actors = net.actors
    ties = net.to_dict()["ties"]
    provider = {a: actors.loc[a, "kind"] != "person" for a in net.ids}

    def covered(a: str) -> set[str]:
        out = set(actors.loc[a, "domains"])
        if actors.loc[a, "kind"] == "professional" and actors.loc[a, "organisation"]:
            out |= set(actors.loc[actors.loc[a, "organisation"], "domains"])
        return out

    result = {}
    for u in net.ids:
        if actors.loc[u, "role"] != "user":
            continue
        reached = {t["target"] if t["source"] == u else t["source"] for t in ties if u in (t["source"], t["target"])}
        reached = {a for a in reached if a != u and provider[a]}
        frontier = set(reached)
        for _ in range(reach):
            step = {t["target"] for t in ties if t["relation"] == "referral" and t["source"] in frontier
                    and t.get("about", u) == u and provider[t["target"]] and t["target"] != u} - reached
            reached |= step
            frontier = step
        for need in actors.loc[u, "needs"]:
            result[(u, need)] = sorted((a for a in reached if need in covered(a)), key=net.ids.index)
    return result


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("reach", [0, 1, 2])
def test_needs_against_the_rule(seed: int, reach: int) -> None:
    net = random_services_map(seed)
    c = maillage.coverage(net, reach=reach)
    expected = expected_providers(net, reach)
    got = {(r.user, r.need): r.providers for r in c.needs.itertuples()}
    assert got == expected
    for u, row in c.users.iterrows():
        needs = [k for k in expected if k[0] == u]
        uncovered = [n for (v, n) in needs if not expected[(v, n)]]
        assert row["uncovered"] == uncovered
        if needs:
            assert row["covered_share"] == pytest.approx(1 - len(uncovered) / len(needs))
        else:
            assert math.isnan(row["covered_share"])


@pytest.mark.parametrize("seed", range(8))
def test_domains_territories_and_critical(seed: int) -> None:
    net = random_services_map(seed)
    c = maillage.coverage(net, populations={"Valmont": 1000, "Orval": 250, "Port-Lac": 4000})
    actors = net.actors
    providers = [a for a in net.ids if actors.loc[a, "kind"] != "person"]
    for domain, row in c.domains.iterrows():
        offering = [a for a in providers if domain in actors.loc[a, "domains"]]
        assert row["members"] == [a for a in offering if actors.loc[a, "member"]]
        assert row["non_members"] == [a for a in offering if not actors.loc[a, "member"]]

    def area(a: str) -> list[str]:
        return actors.loc[a, "service_area"] or ([actors.loc[a, "territory"]] if actors.loc[a, "territory"] else [])

    for (territory, domain), who in c.territory_providers.items():
        assert who == [a for a in providers if territory in area(a) and domain in actors.loc[a, "domains"]]
        assert c.territories.loc[territory, domain] == len(who)
        assert ((territory, domain) in c.uncovered_cells) == (not who)
    population = {"Valmont": 1000, "Orval": 250, "Port-Lac": 4000}
    for domain in c.territories.columns:
        expected = sum(population.get(t, 0) for t in c.territories.index if c.territories.loc[t, domain] == 0)
        assert c.population_without_provider[domain] == expected
    # Critical: the sole provider of a need, a domain or a cell.
    needs = expected_providers(net, 1)
    for actor, row in c.critical.iterrows():
        assert row["needs"] == [k for k, v in needs.items() if v == [actor]]
    sole = {v[0] for v in needs.values() if len(v) == 1}
    sole |= {row["members"][0] if row["members"] else row["non_members"][0]
             for _, row in c.domains.iterrows() if row["member_count"] + row["non_member_count"] == 1}
    sole |= {who[0] for who in c.territory_providers.values() if len(who) == 1}
    assert set(c.critical.index) == sole


@pytest.mark.parametrize("seed", range(8))
def test_smallest_covering_set_is_minimum(seed: int) -> None:
    net = random_services_map(seed)
    c = maillage.coverage(net)
    needs = {k: set(v) for k, v in expected_providers(net, 1).items() if v}
    candidates = sorted(set().union(*needs.values())) if needs else []
    assert all(needs[k] & set(c.cover) for k in needs)
    assert c.cover_exact
    smallest = next((k for k in range(len(candidates) + 1)
                     for combo in itertools.combinations(candidates, k) if all(v & set(combo) for v in needs.values())), 0)
    assert len(c.cover) == smallest


@pytest.mark.parametrize("seed", range(8))
def test_care_teams_against_networkx(seed: int) -> None:
    net = random_services_map(seed)
    c = maillage.coverage(net)
    actors = net.actors
    ties = net.to_dict()["ties"]

    def member(a: str) -> str:
        return actors.loc[a, "organisation"] if actors.loc[a, "kind"] == "professional" and actors.loc[a, "organisation"] else a

    for u, row in c.teams.iterrows():
        team = {member(t["target"] if t["source"] == u else t["source"]) for t in ties if u in (t["source"], t["target"])}
        team = {a for a in team if a != u and actors.loc[a, "kind"] != "person"}
        assert set(row["members"]) == team
        g = nx.Graph()
        g.add_nodes_from(team)
        for t in ties:
            s, d = member(t["source"]), member(t["target"])
            if t["relation"] in ("coordination", "partnership", "information") and s in team and d in team and s != d:
                g.add_edge(s, d)
        assert {frozenset(p) for p in row["pieces"]} == {frozenset(p) for p in nx.connected_components(g)}
        assert len(row["joining_pairs"]) == max(0, len(row["pieces"]) - 1)
        for a, b in row["joining_pairs"]:
            assert not nx.has_path(g, a, b)


def test_greedy_cover_states_its_bound() -> None:
    """Beyond exact_limit providers, the greedy cover is returned with its H(d) bound."""
    actors = [{"id": f"u{i}", "kind": "person", "role": "user", "needs": DOMAINS} for i in range(3)]
    actors += [{"id": f"o{i}", "kind": "organisation", "domains": [DOMAINS[i % 6]]} for i in range(24)]
    ties = [{"source": f"u{u}", "target": f"o{i}", "relation": "accompaniment"} for i in range(24) for u in range(3)]
    c = maillage.coverage(maillage.Network.from_dict({"actors": actors, "ties": ties}))
    assert not c.cover_exact
    assert c.cover_bound == pytest.approx(1 + 1 / 2 + 1 / 3)  # one provider covers at most 3 (user, need) pairs
    covered = {(r.user, r.need) for r in c.needs.itertuples() if r.covered}
    assert all(set(r.providers) & set(c.cover) for r in c.needs.itertuples() if r.covered)
    assert len(covered) == 18 and len(c.cover) == 6  # one provider per domain is optimal here


def test_ecomap_coverage() -> None:
    c = maillage.coverage(maillage.example("ecocarte_usager"))
    user = c.users.iloc[0]
    assert user["uncovered"] == ["employment"]
    assert c.teams.iloc[0]["piece_count"] == 2
