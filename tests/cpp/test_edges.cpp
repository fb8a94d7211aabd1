// Networks from edge arrays, the measure graph's construction, and the kernels on a prebuilt
// measure graph: hand-checked small cases, and random networks checked against a brute-force
// measure graph and against the general (Dijkstra) path of the same kernels.
#include <boost/test/unit_test.hpp>

#include <map>
#include <random>
#include <set>

#include "fixtures.hpp"

using namespace maillage;

namespace {

/// A random network of `n` actors with `m` ties, each directed with probability `p_directed`,
/// weights in {1, 2, 3} when `weighted`, with parallel ties (unless `simple`: at most one tie per
/// pair) and isolates.
network random_network(index_t n, std::size_t m, double p_directed, bool weighted, std::uint64_t seed, bool simple = false) {
    std::mt19937_64 random(seed);
    network_builder b;
    for (index_t i = 0; i < n; ++i) b.add_actor({.id = "a" + std::to_string(i), .kind = actor_kind::organisation});
    std::uniform_int_distribution<index_t> vertex(0, n - 1);
    std::uniform_real_distribution<double> unit(0, 1);
    std::set<std::pair<index_t, index_t>> pairs;
    for (std::size_t e = 0; e < m; ++e) {
        const index_t s = vertex(random);
        index_t t = vertex(random);
        if (t == s) t = (s + 1) % n;
        if (simple && !pairs.insert({std::min(s, t), std::max(s, t)}).second) continue;
        tie r{.source = "a" + std::to_string(s), .target = "a" + std::to_string(t), .relation = relation::coordination};
        r.directed = unit(random) < p_directed;
        r.weight = weighted ? static_cast<double>(1 + random() % 3) : 1.0;
        b.add_tie(r);
    }
    return b.build();
}

/// The measure graph's definition, computed by brute force: per vertex, its neighbours with the
/// summed weights of the ties to them.
std::vector<std::map<index_t, double>> reference_arcs(const network_view& view, bool symmetrise) {
    const network& net = view.base();
    bool any_directed = false;
    for (index_t t = 0; t < net.tie_count(); ++t) any_directed |= view.has_tie(t) && net.ties().directed[t];
    const bool directed = !symmetrise && any_directed;
    std::vector<std::map<index_t, double>> out(net.actor_count());
    for (index_t t = 0; t < net.tie_count(); ++t) {
        if (!view.has_tie(t)) continue;
        const index_t s = view.tie_source(t), d = view.tie_target(t);
        out[s][d] += net.ties().weight[t];
        if (!directed || !net.ties().directed[t]) out[d][s] += net.ties().weight[t];
    }
    return out;
}

void check_against_reference(const network_view& view, bool symmetrise) {
    const measure_graph g(view, {.directed = !symmetrise});
    const auto expected = reference_arcs(view, symmetrise);
    for (index_t v = 0; v < g.vertex_count(); ++v) {
        auto targets = g.out_neighbours(v);
        auto weights = g.out_weights(v);
        BOOST_TEST_REQUIRE(targets.size() == expected[v].size());
        std::size_t k = 0;
        for (const auto& [target, weight] : expected[v]) {
            BOOST_TEST(targets[k] == target);
            BOOST_TEST(weights[k] == weight);
            ++k;
        }
        // In-arcs are the transposed out-arcs.
        std::size_t incoming = 0;
        for (index_t u = 0; u < g.vertex_count(); ++u) incoming += expected[u].count(v);
        BOOST_TEST(g.in_neighbours(v).size() == incoming);
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(edges)

BOOST_AUTO_TEST_CASE(network_from_edge_arrays) {
    const std::vector<index_t> s{0, 1, 2, 0}, t{1, 2, 0, 1};
    const std::vector<double> w{1, 2, 3, 4};
    const network net = network_from_edges(4, s, t, w, false);
    BOOST_TEST(net.actor_count() == 4u);
    BOOST_TEST(net.tie_count() == 4u);
    BOOST_TEST(net.actor_id(3) == "3");
    BOOST_TEST(net.actor_index("2") == 2u);
    BOOST_TEST(net.graph().arc_count() == 8u);
    BOOST_TEST(net.ties().directed[0] == 0);
    const measure_graph g(net);
    BOOST_TEST(!g.directed());
    BOOST_TEST(g.out_neighbours(0).size() == 2u);  // 1 (twice: merged) and 2
    BOOST_TEST(g.out_weights(0)[0] == 5.0);        // the two parallel ties 0-1 add up
    BOOST_TEST(g.out_neighbours(3).empty());       // an isolate
    // Directed, unweighted, with ids.
    const network d = network_from_edges(3, std::vector<index_t>{0, 1}, std::vector<index_t>{1, 2}, {}, true,
                                         {"x", "y", "z"});
    BOOST_TEST(d.actor_index("z") == 2u);
    const measure_graph dg(d);
    BOOST_TEST(dg.directed());
    BOOST_TEST(dg.unit_weights());
    BOOST_TEST(dg.out_weights(0).size() == 1u);
    BOOST_TEST(dg.out_weights(0)[0] == 1.0);
    BOOST_TEST(dg.in_neighbours(2)[0] == 1u);
    BOOST_TEST(dg.in_neighbours(0).empty());
    // A network from edges writes and reads back as a map.
    const network back = read_json_string(to_json_string(d), "back.json");
    BOOST_TEST(back.tie_count() == 2u);
    BOOST_TEST(back.ties().directed[1] == 1);
}

BOOST_AUTO_TEST_CASE(edge_array_errors) {
    const std::vector<index_t> s{0, 1}, t{1, 1};
    BOOST_CHECK_THROW((void)network_from_edges(2, s, t), invalid_argument);              // self-loop
    BOOST_CHECK_THROW((void)network_from_edges(1, std::vector<index_t>{0}, std::vector<index_t>{1}), invalid_argument);
    BOOST_CHECK_THROW((void)network_from_edges(3, s, std::vector<index_t>{1}), invalid_argument);
    BOOST_CHECK_THROW((void)network_from_edges(3, std::vector<index_t>{0}, std::vector<index_t>{1},
                                               std::vector<double>{-1.0}), invalid_argument);
    BOOST_CHECK_THROW((void)network_from_edges(2, std::vector<index_t>{0}, std::vector<index_t>{1}, {}, false, {"a", "a"}),
                      invalid_argument);
    try {
        (void)network_from_edges(2, s, t);
    } catch (const invalid_argument& e) {
        BOOST_TEST(std::string(e.what()).find("edge 1") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(measure_graph_matches_its_definition) {
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        const network net = random_network(40, 160, seed % 3 == 0 ? 0.0 : 0.5, seed % 2 == 0, seed);
        for (bool symmetrise : {false, true}) {
            check_against_reference(network_view(net), symmetrise);
            check_against_reference(network_view(net, {.relations = {relation::coordination}}), symmetrise);
        }
    }
    // An organisation-level view (collapsed ends) of the small map.
    const network small = fixtures::small();
    for (bool symmetrise : {false, true})
        check_against_reference(network_view(small, {.organisation_level = true}), symmetrise);
}

BOOST_AUTO_TEST_CASE(hop_kernels_equal_the_general_path) {
    // With every weight 1, the weighted (Dijkstra) path gives the hop values: it checks the
    // breadth-first Brandes and closeness kernels against the other implementation.
    for (std::uint64_t seed = 11; seed <= 14; ++seed) {
        const network net = random_network(60, 200, seed % 2 ? 0.6 : 0.0, false, seed, true);
        const network_view view(net);
        for (unsigned threads : {1u, 2u}) {
            const auto hops = betweenness(view, {.threads = threads});
            const auto dijkstra = betweenness(view, {.weighted = true, .threads = threads});
            for (index_t v = 0; v < net.actor_count(); ++v) BOOST_TEST(hops.values[v] == dijkstra.values[v], boost::test_tools::tolerance(1e-9));
            for (auto mode : {direction_mode::out, direction_mode::in, direction_mode::all}) {
                const auto c1 = closeness(view, {.mode = mode, .threads = threads});
                const auto c2 = closeness(view, {.mode = mode, .weighted = true, .threads = threads});
                const auto h1 = harmonic(view, {.mode = mode, .threads = threads});
                const auto h2 = harmonic(view, {.mode = mode, .weighted = true, .threads = threads});
                for (index_t v = 0; v < net.actor_count(); ++v) {
                    BOOST_TEST(c1.values[v] == c2.values[v], boost::test_tools::tolerance(1e-12));
                    BOOST_TEST(h1.values[v] == h2.values[v], boost::test_tools::tolerance(1e-12));
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(kernels_on_a_prebuilt_graph) {
    const network net = random_network(50, 150, 0.5, true, 21);
    const network_view view(net);
    const measure_graph directed(view), undirected(view, {.directed = false});
    BOOST_TEST(directed.directed());
    BOOST_TEST(!undirected.directed());
    BOOST_TEST(betweenness(directed).values == betweenness(view).values);
    BOOST_TEST(closeness(directed).values == closeness(view).values);
    BOOST_TEST(closeness(undirected, {.mode = direction_mode::all}).values ==
               closeness(view, {.mode = direction_mode::all}).values);
    BOOST_TEST(pagerank(directed).scores.values == pagerank(view).scores.values);
    BOOST_TEST(core_numbers(undirected).values == core_numbers(view).values);
    BOOST_TEST(components(undirected).component == components(view).component);
    BOOST_TEST(components(directed).component == components(view).component);  // weak: arcs both ways
    BOOST_TEST(components(directed, {.strong = true}).component == components(view, {.strong = true}).component);
    BOOST_TEST(reach(directed).values == reach(view).values);
    BOOST_CHECK_THROW((void)core_numbers(directed), invalid_argument);
    BOOST_CHECK_THROW((void)closeness(directed, {.mode = direction_mode::all}), invalid_argument);
    BOOST_CHECK_THROW((void)reach(directed, {.mode = direction_mode::all}), invalid_argument);
}

BOOST_AUTO_TEST_CASE(star_and_path_from_edges) {
    // A star of 5 (centre 0): betweenness of the centre C(4, 2) = 6, leaves 0; a path 0-1-2-3:
    // betweenness 0, 2, 2, 0 and closeness of an end 3 / (1 + 2 + 3) = 0.5.
    const network star = network_from_edges(5, std::vector<index_t>{0, 0, 0, 0}, std::vector<index_t>{1, 2, 3, 4});
    const auto b = betweenness(network_view(star), {.threads = 2});
    BOOST_TEST(b.values[0] == 6.0);
    BOOST_TEST(b.values[3] == 0.0);
    const network path = network_from_edges(4, std::vector<index_t>{0, 1, 2}, std::vector<index_t>{1, 2, 3});
    const measure_graph g(path);
    BOOST_TEST(betweenness(g).values == (std::vector<double>{0, 2, 2, 0}));
    BOOST_TEST(closeness(g).values[0] == 0.5);
    BOOST_TEST(closeness(g).values[1] == 0.75);
    BOOST_TEST(core_numbers(g).values == (std::vector<double>{1, 1, 1, 1}));
}

BOOST_AUTO_TEST_SUITE_END()
