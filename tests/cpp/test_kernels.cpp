// The fast paths of the breadth-first kernels: the degree-ordered copy of a measure graph
// (detail/degree_order.hpp) and the multi-source, direction-optimising searches with derived
// single-tie actors (detail/hop_search.hpp), on a graph whose hub makes the search go bottom-up,
// checked by hand, against the general (Dijkstra) path of the same measures, which neither fast
// path touches, and against one plain breadth-first search per source; and Brandes' direction-
// optimising search (algorithms/betweenness.hpp) against betweenness by its definition.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <queue>
#include <random>
#include <vector>

#include "maillage/maillage.hpp"

using namespace maillage;

namespace {

/// A hub 0 tied to 1..40, a path 40-41-...-60 hanging off the last spoke, two isolates (61, 62)
/// and a separate triangle 63-64-65; `directed`: spokes point out of the hub, the path forwards.
network hub_and_path(bool directed) {
    std::vector<index_t> s, t;
    for (index_t v = 1; v <= 40; ++v) s.push_back(0), t.push_back(v);
    for (index_t v = 40; v < 60; ++v) s.push_back(v), t.push_back(v + 1);
    s.insert(s.end(), {63, 64, 65});
    t.insert(t.end(), {64, 65, 63});
    return network_from_edges(66, s, t, {}, directed);
}

/// Pendants, chains, a pair, an isolate and a star (undirected); see pendants_by_hand.
network pendants(bool directed) {
    const std::vector<index_t> undirected_s{0, 1, 2, 4, 5, 8, 8, 8}, undirected_t{1, 2, 3, 1, 6, 9, 10, 11};
    const std::vector<index_t> directed_s{0, 1, 2, 3, 4, 5, 6, 8, 10, 11}, directed_t{1, 2, 3, 1, 1, 6, 5, 9, 8, 0};
    return directed ? network_from_edges(12, directed_s, directed_t, {}, true)
                    : network_from_edges(12, undirected_s, undirected_t, {}, false);
}

/// One plain breadth-first search per source (`in`: along the arcs backwards), its levels summed
/// in level order as hop_search.hpp documents: the reference the searches must equal to the bit.
std::vector<detail::distance_sums> plain_searches(const measure_graph& g, bool in, int max_level) {
    const index_t n = g.vertex_count();
    std::vector<detail::distance_sums> out(n);
    for (index_t s = 0; s < n; ++s) {
        std::vector<int> d(n, -1);
        std::vector<index_t> per_level(n + 1, 0);
        std::queue<index_t> q;
        d[s] = 0;
        q.push(s);
        while (!q.empty()) {
            const index_t u = q.front();
            q.pop();
            if (d[u] == max_level) continue;
            for (index_t w : in ? g.in_neighbours(u) : g.out_neighbours(u))
                if (d[w] < 0) {
                    d[w] = d[u] + 1;
                    ++per_level[d[w]];
                    q.push(w);
                }
        }
        detail::distance_sums& sums = out[s];
        sums.reached = 1;
        sums.alters = per_level[1];
        for (index_t l = 1; l <= n && per_level[l] > 0; ++l) {
            sums.total += static_cast<double>(per_level[l]) * l;
            sums.inverse += static_cast<double>(per_level[l]) / l;
            sums.reached += per_level[l];
        }
    }
    return out;
}

/// A random graph with the shapes the searches special-case: a core with a hub (bottom-up
/// steps), pendant actors on it and on each other (chains), pairs tied only to each other,
/// isolates; directed: each tie one way or the other, or both.
network shapes(std::uint64_t seed, index_t n, bool directed) {
    std::mt19937_64 random(seed);
    std::vector<index_t> s, t;
    const index_t core = n / 3;
    auto tie = [&](index_t a, index_t b) {
        const unsigned way = directed ? random() % 3 : 0;
        if (way != 1) s.push_back(a), t.push_back(b);
        if (way == 1 || way == 2) s.push_back(b), t.push_back(a);
    };
    for (index_t v = 1; v < core; ++v) {
        tie(v, static_cast<index_t>(random() % v));
        if (random() % 2) tie(v, 0);
    }
    for (index_t v = core; v < n; ++v) {
        const unsigned kind = random() % 10;
        if (kind < 6) tie(v, static_cast<index_t>(random() % v));  // a pendant, on the core or a chain
        else if (kind < 8 && v + 1 < n) tie(v, v + 1), ++v;        // a pair (or a pendant on v + 1)
    }                                                              // else an isolate
    return network_from_edges(n, s, t, {}, directed);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(kernels)

BOOST_AUTO_TEST_CASE(degree_order_renumbers_and_keeps_neighbour_order) {
    const network net = hub_and_path(false);
    const measure_graph g(net);
    const detail::degree_ordered_graph h(g, false);
    BOOST_TEST(h.old_of_new[0] == 0u);  // the hub first (degree 40)
    BOOST_TEST(h.active == 64u);        // all but the two isolates
    BOOST_TEST(h.old_of_new[64] == 61u);
    BOOST_TEST(h.old_of_new[65] == 62u);
    for (index_t v = 0; v < 66; ++v) {
        BOOST_TEST(h.new_of_old[h.old_of_new[v]] == v);
        const auto old = g.out_neighbours(h.old_of_new[v]);
        BOOST_REQUIRE_EQUAL(h.offsets[v + 1] - h.offsets[v], old.size());
        for (std::size_t k = 0; k < old.size(); ++k) BOOST_TEST(h.old_of_new[h.targets[h.offsets[v] + k]] == old[k]);
    }
}

BOOST_AUTO_TEST_CASE(undirected_csr_shares_its_in_arc_sources) {
    // Every arc of an undirected network has its mirror: the in-arcs' sources are the out-arcs'
    // targets, stored once; a directed network keeps its own.
    const network u = hub_and_path(false), d = hub_and_path(true);
    BOOST_TEST(u.graph().in_sources().data() == u.graph().out_targets().data());
    BOOST_TEST(d.graph().in_sources().data() != d.graph().out_targets().data());
    for (const network* net : {&u, &d})
        for (index_t v = 0; v < 66; ++v)
            for (index_t k = 0; k < net->graph().in_degree(v); ++k) {
                const index_t arc_index = net->graph().in_arcs(v)[k];
                BOOST_TEST(net->graph().out_targets()[arc_index] == v);
                BOOST_TEST(net->graph().arc_ties()[arc_index] < net->tie_count());
                const index_t source = net->graph().in_neighbours(v)[k];
                BOOST_TEST(arc_index >= net->graph().out_offsets()[source]);
                BOOST_TEST(arc_index < net->graph().out_offsets()[source + 1]);
            }
}

BOOST_AUTO_TEST_CASE(hub_closeness_by_hand) {
    // Undirected: from the hub, 40 spokes at 1 and the path's 20 further actors at 2..21; it
    // reaches 60 of the 65 others: closeness = (60 / D) * (60 / 65), D = 40 + sum 2..21 = 270.
    const network net = hub_and_path(false);
    const auto c = closeness(network_view(net), {.threads = 2});
    BOOST_TEST(c.values[0] == (60.0 / 270.0) * (60.0 / 65.0), boost::test_tools::tolerance(1e-15));
    double harmonic_hub = 40;
    for (int d = 2; d <= 21; ++d) harmonic_hub += 1.0 / d;
    const auto h = harmonic(network_view(net), {.threads = 2});
    BOOST_TEST(h.values[0] == harmonic_hub, boost::test_tools::tolerance(1e-15));
    BOOST_TEST(h.values[61] == 0.0);
    BOOST_TEST(h.values[63] == 2.0);
    // 2-step reach of a spoke: the hub, its 39 other spokes; of 40: the hub, 41, 42 and 39 spokes.
    const auto r = reach(network_view(net), {.steps = 2});
    BOOST_TEST(r.values[1] == 40.0);
    BOOST_TEST(r.values[40] == 42.0);
    BOOST_TEST(r.values[61] == 0.0);
}

BOOST_AUTO_TEST_CASE(direction_optimising_search_equals_dijkstra) {
    for (bool directed : {false, true}) {
        const network net = hub_and_path(directed);
        const network_view view(net);
        for (direction_mode mode : {direction_mode::out, direction_mode::in, direction_mode::all}) {
            for (unsigned threads : {1u, 2u}) {
                const auto hop = closeness(view, {.mode = mode, .threads = threads});
                const auto dij = closeness(view, {.mode = mode, .weighted = true, .threads = threads});
                const auto hh = harmonic(view, {.mode = mode, .threads = threads});
                const auto hd = harmonic(view, {.mode = mode, .weighted = true, .threads = threads});
                for (index_t v = 0; v < 66; ++v) {
                    BOOST_TEST(hop.values[v] == dij.values[v], boost::test_tools::tolerance(1e-12));
                    BOOST_TEST(hh.values[v] == hd.values[v], boost::test_tools::tolerance(1e-12));
                }
            }
        }
        const auto b = betweenness(view, {.threads = 2});
        const auto bd = betweenness(view, {.weighted = true, .threads = 2});
        for (index_t v = 0; v < 66; ++v) BOOST_TEST(b.values[v] == bd.values[v], boost::test_tools::tolerance(1e-12));
        // Undirected: the hub lies on every path between two spokes and from a spoke to the path.
        if (!directed) BOOST_TEST(b.values[0] == 40.0 * 39.0 / 2.0 + 39.0 * 20.0);
    }
}

BOOST_AUTO_TEST_CASE(pendants_by_hand) {
    // Undirected (n = 12): a path 0-1-2-3 with a pendant 4 on 1, a pair 5-6, an isolate 7, a star
    // 8 with leaves 9, 10, 11. 0 (derived from 1): distances 1, 2, 3, 2 (to 1, 2, 3, 4), so
    // closeness (4/8)(4/11), harmonic 1 + 1/2 + 1/3 + 1/2; 3 (derived from 2): 1, 2, 3, 3; 1
    // (searched): 1, 1, 1, 2; the pair: (1/1)(1/11) each, one derived from the other; the centre
    // 8: (3/3)(3/11); a leaf 9: 1, 2, 2.
    const network u = pendants(false);
    for (unsigned threads : {1u, 2u}) {
        const auto c = closeness(network_view(u), {.threads = threads}).values;
        const auto h = harmonic(network_view(u), {.threads = threads}).values;
        const auto r = reach(network_view(u), {.steps = 3, .threads = threads}).values;
        const double n1 = 11;
        BOOST_TEST(c[0] == (4.0 / 8) * (4 / n1), boost::test_tools::tolerance(1e-15));
        BOOST_TEST(h[0] == 1 + 1.0 / 2 + 1.0 / 3 + 1.0 / 2, boost::test_tools::tolerance(1e-15));
        BOOST_TEST(c[3] == (4.0 / 9) * (4 / n1), boost::test_tools::tolerance(1e-15));
        BOOST_TEST(h[3] == 1 + 1.0 / 2 + 2.0 / 3, boost::test_tools::tolerance(1e-15));
        BOOST_TEST(c[4] == c[0]);
        BOOST_TEST(c[1] == (4.0 / 5) * (4 / n1), boost::test_tools::tolerance(1e-15));
        BOOST_TEST(h[1] == 3.5);
        BOOST_TEST(c[5] == 1 / n1, boost::test_tools::tolerance(1e-15));
        BOOST_TEST(c[6] == c[5]);
        BOOST_TEST(h[5] == 1.0);
        BOOST_TEST(h[6] == 1.0);
        BOOST_TEST(c[7] == 0.0);
        BOOST_TEST(h[7] == 0.0);
        BOOST_TEST(c[8] == 3 / n1, boost::test_tools::tolerance(1e-15));
        BOOST_TEST(c[9] == (3.0 / 5) * (3 / n1), boost::test_tools::tolerance(1e-15));
        BOOST_TEST(h[9] == 2.0);
        BOOST_TEST(r == (std::vector<double>{4, 4, 4, 4, 4, 1, 1, 0, 3, 3, 3, 3}));
    }
    // Directed: 0 -> 1, a cycle 1 -> 2 -> 3 -> 1, 4 -> 1 (nothing into 4: derived from 1 with
    // nothing taken off), 11 -> 0 (0 has an arc in, from 11, not from 1: searched; 11 derived
    // from 0), a mutual pair 5 <-> 6, an isolate 7, 10 -> 8 -> 9.
    const network d = pendants(true);
    for (unsigned threads : {1u, 2u}) {
        const auto c = closeness(network_view(d), {.threads = threads}).values;
        const auto h = harmonic(network_view(d), {.threads = threads}).values;
        const double n1 = 11;
        const std::vector<double> reached{3, 2, 2, 2, 3, 1, 1, 0, 1, 0, 2, 4}, total{6, 3, 3, 3, 6, 1, 1, 0, 1, 0, 3, 10};
        for (index_t v = 0; v < 12; ++v) {
            const double expected = total[v] > 0 ? (reached[v] / total[v]) * (reached[v] / n1) : 0.0;
            BOOST_TEST(c[v] == expected, boost::test_tools::tolerance(1e-15));
        }
        BOOST_TEST(h[11] == 1 + 1.0 / 2 + 1.0 / 3 + 1.0 / 4, boost::test_tools::tolerance(1e-15));
        BOOST_TEST(h[4] == 1 + 1.0 / 2 + 1.0 / 3, boost::test_tools::tolerance(1e-15));
        BOOST_TEST(h[9] == 0.0);
        BOOST_TEST(reach(network_view(d), {.steps = 3, .threads = threads}).values ==
                   (std::vector<double>{3, 2, 2, 2, 3, 1, 1, 0, 1, 0, 2, 3}));
        // Mode in: distances to v. 9 (one arc in, from 8, none out: derived from 8 in the
        // reversed graph): 8 at 1, 10 at 2; 3: 2 at 1, 1 at 2, 0 and 4 at 3, 11 at 4.
        const auto ci = closeness(network_view(d), {.mode = direction_mode::in, .threads = threads}).values;
        const auto hi = harmonic(network_view(d), {.mode = direction_mode::in, .threads = threads}).values;
        BOOST_TEST(ci[9] == (2.0 / 3) * (2 / n1), boost::test_tools::tolerance(1e-15));
        BOOST_TEST(hi[9] == 1.5);
        BOOST_TEST(ci[3] == (5.0 / 13) * (5 / n1), boost::test_tools::tolerance(1e-15));
        BOOST_TEST(hi[3] == 1 + 1.0 / 2 + 2.0 / 3 + 1.0 / 4, boost::test_tools::tolerance(1e-15));
        BOOST_TEST(ci[1] == (5.0 / 7) * (5 / n1), boost::test_tools::tolerance(1e-15));
        BOOST_TEST(hi[4] == 0.0);
    }
}

BOOST_AUTO_TEST_CASE(searches_equal_one_plain_search_per_source) {
    // Several batches of 64, derived actors, bottom-up and top-down levels: the sums must be those
    // of a plain search from every actor, to the bit, with 1 and 2 threads, unbounded and
    // stopped after k levels.
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        for (bool directed : {false, true}) {
            const network net = shapes(seed, 400, directed);
            const measure_graph g(net);
            std::vector<index_t> actors(g.vertex_count());
            for (index_t v = 0; v < g.vertex_count(); ++v) actors[v] = v;
            for (bool in : {false, true}) {
                const detail::degree_ordered_graph h(g, in, true);
                for (int max_level : {std::numeric_limits<std::int32_t>::max(), 1, 2, 3, 5}) {
                    const auto expected = plain_searches(g, in, max_level);
                    for (unsigned threads : {1u, 2u}) {
                        std::vector<detail::distance_sums> got(g.vertex_count());
                        std::vector<int> calls(g.vertex_count(), 0);
                        detail::hop_searches(h, actors, threads, max_level, [&](index_t v, const detail::distance_sums& s) {
                            got[v] = s;
                            ++calls[v];
                        });
                        for (index_t v = 0; v < g.vertex_count(); ++v) {
                            BOOST_TEST(calls[v] == 1);
                            BOOST_TEST(got[v].reached == expected[v].reached);
                            BOOST_TEST(got[v].total == expected[v].total);
                            BOOST_TEST(got[v].inverse == expected[v].inverse);  // the same bits
                            BOOST_TEST(got[v].alters == expected[v].alters);
                        }
                    }
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(column_counter_counts_every_bit) {
    // Counts past 16 (the Harley-Seal blocks) and 2^16 (the rippling planes), against plain adds.
    std::mt19937_64 random(3);
    detail::column_counter counter;
    std::vector<index_t> expected(64, 0), got(64, 5);
    for (int k = 0; k < 70000; ++k) {
        const std::uint64_t word = k % 3 == 0 ? ~std::uint64_t{0} : random() & random();
        counter.add(word);
        for (unsigned b = 0; b < 64; ++b) expected[b] += word >> b & 1;
    }
    counter.flush(got.data());
    for (unsigned b = 0; b < 64; ++b) BOOST_TEST(got[b] == expected[b] + 5);
    counter.flush(got.data());  // empty after a flush
    for (unsigned b = 0; b < 64; ++b) BOOST_TEST(got[b] == expected[b] + 5);
}

BOOST_AUTO_TEST_CASE(cycle_betweenness_by_hand_past_255_levels) {
    // On an n-cycle, n odd, each vertex lies inside the one shortest path of the pairs at distance
    // d on either side of it: 2 * sum_{d=2}^{(n-1)/2} (d-1) = (n-1)(n-3)/8 unordered pairs. With
    // n = 1001 a search has 500 levels, past the 255 of byte_levels.
    const index_t n = 1001;
    std::vector<index_t> s(n), t(n);
    for (index_t v = 0; v < n; ++v) s[v] = v, t[v] = (v + 1) % n;
    const network net = network_from_edges(n, s, t, {}, false);
    const double expected = (n - 1.0) * (n - 3.0) / 8.0;
    betweenness_options exact;
    exact.threads = 2;
    const actor_scores e = betweenness(measure_graph(net), exact);
    betweenness_options sampled = exact;
    sampled.samples = 64;
    sampled.seed = 7;
    // One source's dependencies add up to sum_t (d(s, t) - 1), the same from every source of the
    // cycle, so the n/k scaled estimate has the exact total n (n-1)(n-3)/8, whichever sources are
    // drawn; a level lost past 255 would change the distances and the total. Per vertex, the
    // dependency on v of a source at distance d is (n-1)/2 - d, at most (n-3)/2.
    const actor_scores a = betweenness(measure_graph(net), sampled);
    double total = 0;
    for (index_t v = 0; v < n; ++v) {
        BOOST_TEST(e.values[v] == expected, boost::test_tools::tolerance(1e-12));
        BOOST_TEST(a.values[v] >= 0.0);
        BOOST_TEST(a.values[v] <= 0.5 * n * (n - 3.0) / 2.0 + 1e-9);
        total += a.values[v];
    }
    BOOST_TEST(total == n * expected, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(pagerank_same_bits_on_one_two_three_threads) {
    // Above detail::pagerank_parallel_arcs, so that 2 and 3 threads do run in parallel.
    const index_t n = 40000;
    std::mt19937_64 random(11);
    std::vector<index_t> s, t;
    for (index_t v = 1; v < n; ++v)
        for (int k = 0; k < 6; ++k) s.push_back(v), t.push_back(static_cast<index_t>(random() % v));
    const network net = network_from_edges(n, s, t, {}, true);
    const measure_graph g(net);
    BOOST_REQUIRE_GT(g.arc_count(), detail::pagerank_parallel_arcs);
    std::vector<std::vector<double>> runs;
    for (unsigned threads : {1u, 2u, 3u}) {
        pagerank_options o;
        o.threads = threads;
        runs.push_back(pagerank(g, o).scores.values);
    }
    for (index_t v = 0; v < n; ++v) {
        BOOST_TEST(runs[1][v] == runs[0][v]);
        BOOST_TEST(runs[2][v] == runs[0][v]);
    }
}


namespace {

/// Betweenness by its definition, independent of Brandes' recurrence: from each source s a plain
/// breadth-first search gives d(s, .) and sigma(s, .); then, over ordered pairs (s, t) of
/// distinct vertices other than v, the sum of sigma(s, v) sigma(v, t) / sigma(s, t) when
/// d(s, v) + d(v, t) = d(s, t). Halved: each unordered pair of an undirected graph once.
std::vector<double> betweenness_by_definition(const measure_graph& g) {
    const index_t n = g.vertex_count();
    std::vector<std::vector<int>> d(n, std::vector<int>(n, -1));
    std::vector<std::vector<double>> sigma(n, std::vector<double>(n, 0.0));
    for (index_t s = 0; s < n; ++s) {
        std::queue<index_t> q;
        d[s][s] = 0;
        sigma[s][s] = 1;
        q.push(s);
        while (!q.empty()) {
            const index_t u = q.front();
            q.pop();
            for (index_t w : g.out_neighbours(u)) {
                if (d[s][w] < 0) {
                    d[s][w] = d[s][u] + 1;
                    q.push(w);
                }
                if (d[s][w] == d[s][u] + 1) sigma[s][w] += sigma[s][u];
            }
        }
    }
    std::vector<double> out(n, 0.0);
    for (index_t v = 0; v < n; ++v)
        for (index_t s = 0; s < n; ++s)
            for (index_t t = 0; t < n; ++t)
                if (s != v && t != v && s != t && d[s][v] >= 0 && d[v][t] >= 0 && d[s][v] + d[v][t] == d[s][t])
                    out[v] += sigma[s][v] * sigma[v][t] / sigma[s][t];
    for (double& x : out) x /= 2;
    return out;
}

}  // namespace

// Random graphs from sparse (a forest with isolates) to dense, where the widest level holds more
// arcs than the vertices not yet reached, so that the search goes bottom-up there (checked on the
// workspace) and pushes the dependencies up the predecessor lists: exact betweenness (through the
// pendant folding), the sampled path with every source, and the kernel alone.
BOOST_AUTO_TEST_CASE(direction_optimising_brandes_equals_the_definition) {
    for (const double p : {0.02, 0.08, 0.3}) {
        for (std::uint64_t seed = 1; seed <= 3; ++seed) {
            std::mt19937_64 random(seed);
            std::bernoulli_distribution tie(p);
            const index_t n = 90;
            std::vector<index_t> s, t;
            for (index_t u = 0; u < n; ++u)
                for (index_t v = u + 1; v < n; ++v)
                    if (tie(random)) s.push_back(u), t.push_back(v);
            const network net = network_from_edges(n, s, t);
            const measure_graph g(net);
            const std::vector<double> expected = betweenness_by_definition(g);
            const std::vector<double> exact = betweenness(g).values;
            std::vector<index_t> every(n);
            for (index_t v = 0; v < n; ++v) every[v] = v;
            const std::vector<double> all_sources = detail::brandes(g, every, detail::length_rule::hops, 2);
            for (index_t v = 0; v < n; ++v) {
                BOOST_TEST(exact[v] == expected[v], boost::test_tools::tolerance(1e-9));
                BOOST_TEST(all_sources[v] / 2 == expected[v], boost::test_tools::tolerance(1e-9));
            }

            const detail::degree_ordered_graph h(g, false);
            detail::brandes_workspace<detail::byte_levels> w(n, h.targets.size(), false);
            std::vector<double> total(n, 0.0);
            const std::vector<double> ones(n, 1.0);
            bool any_bottom_up = false;
            for (index_t v = 0; v < n; ++v) {
                detail::brandes_hops(h.offsets.data(), h.targets.data(), ones.data(), v, w, total.data(), true, h.active);
                for (std::uint8_t up : w.level_bottom_up) any_bottom_up |= up != 0;
            }
            for (index_t v = 0; v < n; ++v)
                BOOST_TEST(total[h.new_of_old[v]] / 2 == expected[v], boost::test_tools::tolerance(1e-9));
            if (p > 0.05) BOOST_TEST(any_bottom_up);
        }
    }
}
BOOST_AUTO_TEST_SUITE_END()
