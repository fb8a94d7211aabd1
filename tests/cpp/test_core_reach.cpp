// Core numbers (the peeling of core.hpp) and 2-step reach (the bitmap kernel of
// detail/two_step.hpp): hand-computed values on small graphs, and references on random graphs:
// repeated removal of a least-degree vertex and the bucket algorithm; breadth-first search, with
// 1 and 2 threads.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <queue>
#include <random>
#include <vector>

#include "maillage/maillage.hpp"

using namespace maillage;

namespace {

using edge_list = std::vector<std::pair<index_t, index_t>>;

network make(index_t n, const edge_list& e, bool directed = false) {
    std::vector<index_t> s, t;
    for (auto [a, b] : e) s.push_back(a), t.push_back(b);
    return network_from_edges(n, s, t, {}, directed);
}

std::vector<double> cores(const network& net) { return core_numbers(network_view(net)).values; }

/// The bucket algorithm of Batagelj and Zaversnik (2003), the implementation before the peeling
/// of core.hpp: an independent O(m) reference for graphs too large for the naive one.
std::vector<double> bucket_cores(const measure_graph& g) {
    const index_t n = g.vertex_count();
    std::vector<index_t> degree(n), position(n), sorted(n);
    index_t max_degree = 0;
    for (index_t v = 0; v < n; ++v) max_degree = std::max(max_degree, degree[v] = g.out_neighbours(v).size());
    std::vector<index_t> start(std::size_t(max_degree) + 2, 0);
    for (index_t v = 0; v < n; ++v) ++start[degree[v] + 1];
    for (std::size_t d = 1; d < start.size(); ++d) start[d] += start[d - 1];
    std::vector<index_t> next(start.begin(), start.end() - 1);
    for (index_t v = 0; v < n; ++v) sorted[position[v] = next[degree[v]]++] = v;
    for (index_t i = 0; i < n; ++i) {
        const index_t v = sorted[i];
        for (index_t w : g.out_neighbours(v)) {
            if (degree[w] <= degree[v]) continue;
            const index_t dw = degree[w], first = start[dw], u = sorted[first];
            if (u != w) {
                std::swap(sorted[position[w]], sorted[first]);
                std::swap(position[w], position[u]);
            }
            ++start[dw];
            --degree[w];
        }
    }
    return {degree.begin(), degree.end()};
}

/// A star: 0 tied to 1..5.
edge_list star() { return {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}}; }
/// A path 0-1-2-3-4.
edge_list path() { return {{0, 1}, {1, 2}, {2, 3}, {3, 4}}; }
/// A clique on 0..4 and a pendant 5 tied to 0.
edge_list clique_and_pendant() {
    edge_list e;
    for (index_t a = 0; a < 5; ++a)
        for (index_t b = a + 1; b < 5; ++b) e.push_back({a, b});
    e.push_back({0, 5});
    return e;
}
/// Two components: a clique on 0..3; a triangle 4-5-6 with a tail 6-7-8; an isolate 9.
edge_list two_components() { return {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {4, 5}, {5, 6}, {6, 4}, {6, 7}, {7, 8}}; }

/// Core numbers by definition: repeatedly remove a vertex of least remaining degree; its core
/// number is the largest least degree seen so far. O(n^2).
std::vector<double> naive_cores(index_t n, const edge_list& e) {
    std::vector<std::vector<index_t>> adj(n);
    for (auto [a, b] : e) {
        if (std::find(adj[a].begin(), adj[a].end(), b) != adj[a].end()) continue;
        adj[a].push_back(b);
        adj[b].push_back(a);
    }
    std::vector<index_t> degree(n);
    for (index_t v = 0; v < n; ++v) degree[v] = static_cast<index_t>(adj[v].size());
    std::vector<bool> gone(n, false);
    std::vector<double> core(n, 0);
    index_t k = 0;
    for (index_t step = 0; step < n; ++step) {
        index_t best = n;
        for (index_t v = 0; v < n; ++v)
            if (!gone[v] && (best == n || degree[v] < degree[best])) best = v;
        k = std::max(k, degree[best]);
        core[best] = k;
        gone[best] = true;
        for (index_t w : adj[best])
            if (!gone[w]) --degree[w];
    }
    return core;
}

/// Vertices within `steps` of each vertex by breadth-first search along `out` (or in) arcs.
std::vector<double> naive_reach(index_t n, const edge_list& e, bool directed, bool in, unsigned steps) {
    std::vector<std::vector<index_t>> adj(n);
    for (auto [a, b] : e) {
        if (!directed || !in) adj[a].push_back(b);
        if (!directed || in) adj[b].push_back(a);
    }
    std::vector<double> out(n);
    for (index_t v = 0; v < n; ++v) {
        std::vector<int> d(n, -1);
        std::queue<index_t> q;
        d[v] = 0;
        q.push(v);
        index_t count = 0;
        while (!q.empty()) {
            const index_t u = q.front();
            q.pop();
            if (static_cast<unsigned>(d[u]) == steps) continue;
            for (index_t w : adj[u])
                if (d[w] < 0) {
                    d[w] = d[u] + 1;
                    ++count;
                    q.push(w);
                }
        }
        out[v] = count;
    }
    return out;
}

/// A skewed random graph (preferential attachment: hubs) with isolates and parallel edge_list.
edge_list skewed(std::uint64_t seed, index_t n, index_t isolates, unsigned per_vertex) {
    std::mt19937_64 random(seed);
    edge_list e;
    std::vector<index_t> ends{0, 1};
    e.push_back({0, 1});
    for (index_t v = 2; v < n - isolates; ++v)
        for (unsigned k = 0; k < per_vertex; ++k) {
            const index_t w = ends[std::uniform_int_distribution<std::size_t>(0, ends.size() - 1)(random)];
            if (w == v) continue;
            e.push_back(random() & 1 ? std::pair{v, w} : std::pair{w, v});
            ends.push_back(v);
            ends.push_back(w);
        }
    return e;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(core_reach)

BOOST_AUTO_TEST_CASE(core_numbers_by_hand) {
    {
        BOOST_TEST(cores(make(6, star())) == (std::vector<double>{1, 1, 1, 1, 1, 1}));
        BOOST_TEST(cores(make(5, path())) == (std::vector<double>{1, 1, 1, 1, 1}));
        BOOST_TEST(cores(make(6, clique_and_pendant())) == (std::vector<double>{4, 4, 4, 4, 4, 1}));
        BOOST_TEST(cores(make(10, two_components())) == (std::vector<double>{3, 3, 3, 3, 2, 2, 2, 1, 1, 0}));
        // Directed ties count either way, a pair tied both ways once: 0<->1, 1->2, 2->0 is a
        // triangle (2-core), 3->0 a pendant.
        BOOST_TEST(cores(make(4, {{0, 1}, {1, 0}, {1, 2}, {2, 0}, {3, 0}}, true)) ==
                   (std::vector<double>{2, 2, 2, 1}));
    }
    // Parallel ties count once: a triangle drawn twice is still a 2-core.
    BOOST_TEST(cores(make(3, {{0, 1}, {1, 2}, {2, 0}, {1, 0}, {2, 1}})) == (std::vector<double>{2, 2, 2}));
    // The empty graph and a graph of isolates.
    BOOST_TEST(cores(make(0, {})).empty());
    BOOST_TEST(cores(make(3, {})) == (std::vector<double>{0, 0, 0}));
}

BOOST_AUTO_TEST_CASE(core_numbers_of_a_measure_graph) {
    const network net = make(10, two_components());
    const measure_graph g(net, {.directed = false});
    BOOST_TEST(core_numbers(g).values == cores(net));
    BOOST_TEST(bucket_cores(g) == cores(net));
    BOOST_CHECK_THROW((void)core_numbers(measure_graph(make(3, {{0, 1}}, true))), invalid_argument);
}

BOOST_AUTO_TEST_CASE(core_numbers_match_the_definition_on_random_graphs) {
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        const index_t n = 400;
        const edge_list e = skewed(seed, n, 20, 1 + seed % 3 * 2);
        const network net = make(n, e, seed % 2 == 0);
        const auto expected = naive_cores(n, e);
        BOOST_TEST(cores(net) == expected);
        BOOST_TEST(bucket_cores(measure_graph(net, {.directed = false})) == expected);
    }
}

BOOST_AUTO_TEST_CASE(core_numbers_equal_the_bucket_algorithm_on_a_large_graph) {
    const index_t n = 30000;
    const network net = make(n, skewed(7, n, 100, 4));
    const measure_graph g(net);
    const auto expected = bucket_cores(g);
    BOOST_TEST(core_numbers(g).values == expected);
    BOOST_TEST(*std::max_element(expected.begin(), expected.end()) >= 4.0);
}

BOOST_AUTO_TEST_CASE(reach_by_hand) {
    auto r = [](const network& net, unsigned steps, direction_mode mode = direction_mode::out, unsigned threads = 2) {
        return reach(network_view(net), {.steps = steps, .mode = mode, .threads = threads}).values;
    };
    for (unsigned threads : {1u, 2u}) {
        BOOST_TEST(r(make(6, star()), 2, direction_mode::out, threads) == (std::vector<double>{5, 5, 5, 5, 5, 5}));
        BOOST_TEST(r(make(6, star()), 1, direction_mode::out, threads) == (std::vector<double>{5, 1, 1, 1, 1, 1}));
        BOOST_TEST(r(make(5, path()), 2, direction_mode::out, threads) == (std::vector<double>{2, 3, 4, 3, 2}));
        BOOST_TEST(r(make(5, path()), 0, direction_mode::out, threads) == (std::vector<double>{0, 0, 0, 0, 0}));
        BOOST_TEST(r(make(6, clique_and_pendant()), 2, direction_mode::out, threads) ==
                   (std::vector<double>{5, 5, 5, 5, 5, 5}));
        BOOST_TEST(r(make(6, clique_and_pendant()), 1, direction_mode::out, threads) ==
                   (std::vector<double>{5, 4, 4, 4, 4, 1}));
        BOOST_TEST(r(make(10, two_components()), 2, direction_mode::out, threads) ==
                   (std::vector<double>{3, 3, 3, 3, 3, 3, 4, 4, 2, 0}));
    }
    // Directed: 0->1, 1->2, 2->3, 3->1 (a cycle), 4->1.
    const network d = make(5, {{0, 1}, {1, 2}, {2, 3}, {3, 1}, {4, 1}}, true);
    BOOST_TEST(r(d, 2, direction_mode::out) == (std::vector<double>{2, 2, 2, 2, 2}));
    // In: 1 is reached from 0, 3, 4 and, through 3, from 2; 2 from 1 and, through 1, from 0, 3, 4.
    BOOST_TEST(r(d, 2, direction_mode::in) == (std::vector<double>{0, 4, 4, 2, 0}));
    BOOST_TEST(r(d, 1, direction_mode::in) == (std::vector<double>{0, 3, 1, 1, 0}));
    // All: the ties either way (the measure graph symmetrised).
    const auto all = reach(network_view(d), {.steps = 2, .mode = direction_mode::all, .graph = {.directed = false}});
    BOOST_TEST(all.values == (std::vector<double>{4, 4, 4, 4, 4}));
    // Reach efficiency: the 2-step share over the alters; NaN without alters.
    const auto eff = reach_efficiency(network_view(make(10, two_components())), {.threads = 2});
    BOOST_TEST(eff.values[0] == 3.0 / 9.0 / 3.0);
    BOOST_TEST(eff.values[6] == 4.0 / 9.0 / 3.0);
    BOOST_TEST(eff.values[8] == 2.0 / 9.0 / 1.0);
    BOOST_TEST(std::isnan(eff.values[9]));
    const auto normal = reach(network_view(make(5, path())), {.normalized = true});
    BOOST_TEST(normal.values[2] == 1.0);
}

BOOST_AUTO_TEST_CASE(two_step_counts_equal_a_search_in_every_regime) {
    // The three ways to count (marks one by one, the bitmap without hubs, hubs' bitmaps OR-ed)
    // forced by the tuning, against breadth-first search, directed and undirected, 1 and 2 threads.
    const detail::two_step_tuning tunings[] = {
        {.hub_words = 1e9},                      // no hub
        {.hub_words = 0.0, .hub_bytes = 1 << 24},  // every vertex with an arc is a hub
        {},                                      // the default
        {.hub_words = 0.0, .hub_bytes = 3000},   // a few hubs, by degree
    };
    for (std::uint64_t seed : {1u, 2u}) {
        const index_t n = 500;
        const edge_list e = skewed(seed, n, 25, 3);
        for (bool directed : {false, true}) {
            const network net = make(n, e, directed);
            const measure_graph g(net);
            for (bool in : {false, true}) {
                const auto expected = naive_reach(n, e, directed, in, 2);
                const auto ones = naive_reach(n, e, directed, in, 1);
                const detail::arc_rows rows{(in ? g.in_offsets() : g.out_offsets()).data(),
                                            (in ? g.in_sources() : g.out_targets()).data(), n};
                std::vector<index_t> sources(n);
                std::iota(sources.begin(), sources.end(), 0);
                for (const auto& tuning : tunings)
                    for (unsigned threads : {1u, 2u}) {
                        std::vector<double> two(n, -1), one(n, -1);
                        detail::two_step_counts(rows, sources, threads, [&](index_t v, index_t a, index_t r) {
                            one[v] = a;
                            two[v] = r;
                        }, tuning);
                        BOOST_TEST(two == expected);
                        BOOST_TEST(one == ones);
                    }
                const auto mode = in ? direction_mode::in : direction_mode::out;
                BOOST_TEST(reach(g, {.steps = 2, .mode = mode, .threads = 2}).values == expected);
                // k = 3 still takes the breadth-first search.
                BOOST_TEST(reach(g, {.steps = 3, .mode = mode, .threads = 2}).values ==
                           naive_reach(n, e, directed, in, 3));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(two_step_reach_does_not_depend_on_the_threads_on_a_large_graph) {
    // Hubs with bitmaps, the default tuning, against the breadth-first search of k > 2 stopped
    // after two levels (the path 2-step reach took before).
    const index_t n = 30000;
    for (bool directed : {false, true}) {
        const network net = make(n, skewed(11, n, 100, 4), directed);
        const measure_graph g(net);
        const auto one = reach(g, {.steps = 2, .threads = 1}).values;
        for (int run = 0; run < 3; ++run) BOOST_TEST(reach(g, {.steps = 2, .threads = 2}).values == one);
        std::vector<index_t> actors(n);
        std::iota(actors.begin(), actors.end(), 0);
        const detail::degree_ordered_graph h(g, false, true);
        std::vector<double> search(n);
        detail::hop_searches(h, actors, 2, 2, [&](index_t v, const detail::distance_sums& sums) { search[v] = sums.reached - 1; });
        BOOST_TEST(one == search);
        const auto e1 = reach_efficiency(g, {.threads = 1}).values, e2 = reach_efficiency(g, {.threads = 2}).values;
        for (index_t v = 0; v < n; ++v) BOOST_TEST((e1[v] == e2[v] || (std::isnan(e1[v]) && std::isnan(e2[v]))));
    }
}

BOOST_AUTO_TEST_SUITE_END()
