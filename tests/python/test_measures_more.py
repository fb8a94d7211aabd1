"""PageRank, eigenvector, Katz, Bonacich power, reach, articulation points, bridges, the summary
and sampled betweenness against networkx, igraph and direct numpy computations of their published
definitions, on random directed, undirected, weighted and disconnected maps."""

from __future__ import annotations

import math

import igraph
import networkx as nx
import numpy as np
import pytest

import maillage

from reference_graphs import measure_graph as reference
from test_measures_reference import CASES, TOLERANCE, random_map, same


@pytest.mark.parametrize("seed, n, m, share", CASES)
@pytest.mark.parametrize("alpha", [0.85, 0.5])
def test_pagerank(seed: int, n: int, m: int, share: float, alpha: float) -> None:
    net = random_map(seed, n, m, share)
    g = reference(net)
    same(net.pagerank(alpha, tol=1e-14), nx.pagerank(g, alpha=alpha, weight=None, tol=1e-14, max_iter=10000))
    same(net.pagerank(alpha, "weight", tol=1e-14), nx.pagerank(g, alpha=alpha, weight="weight", tol=1e-14, max_iter=10000))
    assert net.pagerank(alpha).sum() == pytest.approx(1.0, abs=1e-9)


@pytest.mark.parametrize("seed, n, m, share", CASES)
def test_eigenvector(seed: int, n: int, m: int, share: float) -> None:
    net = random_map(seed, n, m, share)
    g = reference(net)
    for weight in (None, "weight"):
        try:
            expected = nx.eigenvector_centrality(g, weight=weight, tol=1e-14, max_iter=20000)
        except nx.PowerIterationFailedConvergence:
            with pytest.raises(maillage.ConvergenceError):
                net.eigenvector(weight, tol=1e-14, max_iter=20000)
            continue
        same(net.eigenvector(weight, tol=1e-14, max_iter=20000), expected)


@pytest.mark.parametrize("seed, n, m, share", CASES)
def test_katz(seed: int, n: int, m: int, share: float) -> None:
    net = random_map(seed, n, m, share)
    g = reference(net)
    alpha = 0.9 / max(abs(np.linalg.eigvals(nx.to_numpy_array(g, weight="weight"))).max(), 1.0)
    same(net.katz(alpha, 1.0, tol=1e-14), nx.katz_centrality(g, alpha=alpha, tol=1e-14, max_iter=20000))
    same(net.katz(alpha, 2.0, weight="weight", normalized=False, tol=1e-14),
         nx.katz_centrality(g, alpha=alpha, beta=2.0, weight="weight", normalized=False, tol=1e-14, max_iter=20000))
    # The fixed point solves (I - alpha A^T) x = beta 1 exactly.
    a = nx.to_numpy_array(g, nodelist=net.ids, weight=None)
    direct = np.linalg.solve(np.eye(len(a)) - alpha * a.T, np.ones(len(a)))
    same(net.katz(alpha, normalized=False, tol=1e-14), dict(zip(net.ids, direct)))


def bonpow(g: nx.Graph, ids: list[str], beta: float, weight: str | None) -> dict[str, float]:
    """R sna::bonpow(rescale=FALSE), transcribed from its published definition:
    ev = rowSums(solve(I - beta A) %*% A), scaled so that sum(ev^2) = n."""
    a = nx.to_numpy_array(g, nodelist=ids, weight=weight)
    ev = (np.linalg.inv(np.eye(len(a)) - beta * a) @ a).sum(axis=1)
    return dict(zip(ids, ev * math.sqrt(len(a) / (ev**2).sum())))


@pytest.mark.parametrize("seed, n, m, share", CASES)
@pytest.mark.parametrize("beta", [0.0, 0.1, -0.2])
def test_bonacich(seed: int, n: int, m: int, share: float, beta: float) -> None:
    net = random_map(seed, n, m, share)
    g = reference(net)
    same(net.bonacich(beta), bonpow(g, net.ids, beta, None))
    same(net.bonacich(beta, "weight"), bonpow(g, net.ids, beta, "weight"))


def test_bonacich_singular_beta_is_a_clear_error() -> None:
    net = maillage.Network.from_dict({"actors": [{"id": "a", "kind": "organisation"}, {"id": "b", "kind": "organisation"}],
                                      "ties": [{"source": "a", "target": "b", "relation": "coordination"}]})
    with pytest.raises(maillage.InvalidArgumentError, match="singular"):
        net.bonacich(1.0)  # the adjacency of one undirected tie has eigenvalue 1


@pytest.mark.parametrize("seed, n, m, share", CASES)
def test_reach(seed: int, n: int, m: int, share: float) -> None:
    net = random_map(seed, n, m, share)
    g = reference(net)
    forward = g.reverse() if g.is_directed() else g  # networkx follows out-arcs; "in" reads the reverse
    for k in (1, 2, 3):
        out = {v: len(nx.single_source_shortest_path_length(g, v, cutoff=k)) - 1 for v in g}
        inward = {v: len(nx.single_source_shortest_path_length(forward, v, cutoff=k)) - 1 for v in g}
        same(net.reach(k), out)
        same(net.reach(k, "in"), inward)
        same(net.reach(k, normalized=True), {v: r / (n - 1) for v, r in out.items()})
    reach2 = {v: len(nx.single_source_shortest_path_length(g, v, cutoff=2)) - 1 for v in g}
    efficiency = net.reach_efficiency()
    for v in g:
        alters = len(set(g.successors(v)) if g.is_directed() else set(g[v]))
        if alters == 0:
            assert math.isnan(efficiency[v])
        else:
            assert efficiency[v] == pytest.approx(reach2[v] / (n - 1) / alters, rel=TOLERANCE)


@pytest.mark.parametrize("seed, n, m, share", CASES)
def test_articulation_points_and_bridges(seed: int, n: int, m: int, share: float) -> None:
    net = random_map(seed, n, m, share)
    u = reference(net, directed=False)
    points = net.articulation_points()
    assert set(points.index) == set(nx.articulation_points(u))
    assert set(map(frozenset, net.bridges())) == set(map(frozenset, nx.bridges(u)))
    for actor, cut_off in points.items():
        component = nx.node_connected_component(u, actor)
        rest = u.subgraph(component - {actor})
        sizes = sorted((len(c) for c in nx.connected_components(rest)), reverse=True)
        assert cut_off == sum(sizes[1:])


def centralization(values: dict, largest: float) -> float:
    top = max(values.values())
    return sum(top - v for v in values.values()) / largest


@pytest.mark.parametrize("seed, n, m, share", CASES)
def test_summary(seed: int, n: int, m: int, share: float) -> None:
    net = random_map(seed, n, m, share)
    g = reference(net)
    u = reference(net, directed=False)
    s = net.summary()
    assert s["actors"] == n and s["ties"] == m and s["directed"] == g.is_directed()
    assert s["density"] == pytest.approx(nx.density(g), rel=TOLERANCE)
    ig = igraph.Graph.from_networkx(g)
    if g.is_directed():
        assert s["reciprocity"] == pytest.approx(nx.overall_reciprocity(g), rel=TOLERANCE)
        assert s["reciprocity_dyads"] == pytest.approx(ig.reciprocity(mode="ratio"), rel=TOLERANCE)
        assert s["strong_components"] == nx.number_strongly_connected_components(g)
    else:
        assert s["reciprocity"] == s["reciprocity_dyads"] == 1.0
    assert s["transitivity"] == pytest.approx(nx.transitivity(u), rel=TOLERANCE, abs=TOLERANCE)
    assert s["average_clustering"] == pytest.approx(nx.average_clustering(u), rel=TOLERANCE, abs=TOLERANCE)
    assert s["weak_components"] == nx.number_connected_components(u)
    largest = u.subgraph(max(nx.connected_components(u), key=len))
    assert s["largest_component"] == len(largest)
    assert s["diameter"] == nx.diameter(largest)
    assert s["mean_distance"] == pytest.approx(nx.average_shortest_path_length(largest), rel=TOLERANCE)
    assert s["degree_centralization"] == pytest.approx(centralization(dict(u.degree()), (n - 1) * (n - 2)), rel=TOLERANCE)
    raw = nx.betweenness_centrality(u, normalized=False)
    assert s["betweenness_centralization"] == pytest.approx(
        centralization(raw, (n - 1) ** 2 * (n - 2) / 2), rel=TOLERANCE)
    assert s["closeness_centralization"] == pytest.approx(
        centralization(nx.closeness_centrality(u), (n - 1) * (n - 2) / (2 * n - 3)), rel=TOLERANCE)
    assert math.isnan(net.summary(distances=False)["diameter"])


def test_centralization_agrees_with_igraph_on_a_connected_graph() -> None:
    """igraph's centralization_* functions with normalized=True (reachable through its C core)."""
    karate = igraph.Graph.Famous("Zachary")
    net = maillage.from_networkx(karate.to_networkx())
    s = net.summary()
    assert s["degree_centralization"] == pytest.approx(
        centralization(dict(zip(net.ids, karate.degree())), 33 * 32), rel=TOLERANCE)
    assert s["transitivity"] == pytest.approx(karate.transitivity_undirected(), rel=TOLERANCE)
    assert s["average_clustering"] == pytest.approx(karate.transitivity_avglocal_undirected(mode="zero"), rel=TOLERANCE)
    assert s["diameter"] == karate.diameter()
    assert s["mean_distance"] == pytest.approx(karate.average_path_length(), rel=TOLERANCE)


@pytest.mark.parametrize("seed, n, m, share", CASES[:4])
def test_sampled_betweenness_within_its_bound(seed: int, n: int, m: int, share: float) -> None:
    """Both estimates within their stated error on 100 seeds, and the source estimate unbiased."""
    net = random_map(seed, n, m, share)
    exact = net.betweenness(normalized=True)
    sources, pairs = [], []
    for s in range(100):
        estimate = net.betweenness(normalized=True, samples=n // 2, seed=s)
        assert estimate.attrs["method"] == "sources"
        assert (estimate - exact).abs().max() <= estimate.attrs["error_bound"]
        sources.append(estimate)
        rk = net.betweenness(normalized=True, epsilon=0.05, seed=s)
        assert rk.attrs["method"] == "pairs"
        assert (rk - exact).abs().max() <= rk.attrs["error_bound"]
        pairs.append(rk)
    # Unbiased: the mean of 100 independent estimates is much closer than one estimate's bound.
    assert (sum(sources) / 100 - exact).abs().max() <= estimate.attrs["error_bound"] / 5
    assert (sum(pairs) / 100 - exact).abs().max() <= rk.attrs["error_bound"] / 5


def test_sampling_is_deterministic_and_thread_independent() -> None:
    net = random_map(5, 80, 300, 0.5)
    assert net.betweenness(epsilon=0.05, seed=3, threads=1).equals(net.betweenness(epsilon=0.05, seed=3, threads=2))
    a = net.betweenness(samples=20, seed=3, threads=1)
    b = net.betweenness(samples=20, seed=3, threads=2)
    assert (a - b).abs().max() <= 1e-12 * a.abs().max()
    assert not net.betweenness(samples=20, seed=4).equals(a)
    # As many samples as actors is the exact computation.
    assert net.betweenness(samples=80).attrs["method"] == "exact"
    same(net.betweenness(samples=80), net.betweenness().to_dict())


def test_iterative_measures_are_thread_independent() -> None:
    net = random_map(8, 5000, 20000, 0.5)  # several blocks of actors
    for measure in ("pagerank", "eigenvector", "katz"):
        one = getattr(net, measure)(threads=1)
        two = getattr(net, measure)(threads=2)
        assert one.equals(two), measure


def test_convergence_error() -> None:
    net = random_map(2, 30, 60, 0.0)
    with pytest.raises(maillage.ConvergenceError, match="pagerank: no convergence in 3 iterations") as caught:
        net.pagerank(max_iter=3)
    assert caught.value.iterations == 3
