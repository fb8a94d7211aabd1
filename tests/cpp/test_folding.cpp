// Exact betweenness with the pendant trees folded (detail/pendant_folding.hpp): hand-computed
// values on trees, stars, paths, a cycle and a triangle with pendant chains, two components with
// an isolate, and a directed graph (not folded); and, on random graphs with long pendant trees,
// the same values as the weighted (Dijkstra) Brandes, which neither folds nor uses the
// breadth-first kernel.
#include <boost/test/unit_test.hpp>

#include <random>
#include <vector>

#include "maillage/maillage.hpp"

using namespace maillage;

namespace {

network edges(index_t n, const std::vector<index_t>& s, const std::vector<index_t>& t, bool directed) {
    return network_from_edges(n, s, t, {}, directed);
}

network undirected(index_t n, const std::vector<index_t>& s, const std::vector<index_t>& t) {
    return edges(n, s, t, false);
}

std::vector<double> scores(const network& net, unsigned threads = 1) {
    return betweenness(network_view(net), {.threads = threads}).values;
}

/// Plain Brandes (the weighted path, every weight 1), unfolded.
std::vector<double> plain(const network& net) {
    return betweenness(network_view(net), {.weighted = true, .threads = 1}).values;
}

void check(const std::vector<double>& got, const std::vector<double>& expected) {
    BOOST_TEST_REQUIRE(got.size() == expected.size());
    for (std::size_t v = 0; v < got.size(); ++v) {
        BOOST_TEST_CONTEXT("actor " << v) { BOOST_TEST(got[v] == expected[v], boost::test_tools::tolerance(1e-12)); }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(folding)

BOOST_AUTO_TEST_CASE(a_path_folds_to_one_vertex) {
    // 0-1-2-3-4: vertex k lies between the k vertices before it and the 4 - k after it.
    const network net = undirected(5, {0, 1, 2, 3}, {1, 2, 3, 4});
    const detail::pendant_folding f{measure_graph(net)};
    BOOST_TEST(f.folded_count == 4u);
    BOOST_TEST(f.core_size() == 0u);
    check(scores(net), {0, 3, 4, 3, 0});
    check(scores(net, 2), {0, 3, 4, 3, 0});
}

BOOST_AUTO_TEST_CASE(a_star_and_a_tree) {
    // A star with 5 spokes: the hub lies between every pair of spokes, C(5, 2) = 10.
    check(scores(undirected(6, {0, 0, 0, 0, 0}, {1, 2, 3, 4, 5})), {10, 0, 0, 0, 0, 0});
    // 0-1, 0-2, 1-3, 1-4: 0 lies between {2} and {1, 3, 4} (3 pairs); 1 between 3, 4 and {0, 2}
    // (3-4, 3-0, 3-2, 4-0, 4-2: 5 pairs).
    check(scores(undirected(5, {0, 0, 1, 1}, {1, 2, 3, 4})), {3, 5, 0, 0, 0});
}

BOOST_AUTO_TEST_CASE(a_triangle_with_a_pendant_chain) {
    // Triangle 0-1-2 and the chain 2-3-4-5: 4 lies between 5 and the 4 others, 3 between {4, 5}
    // and {0, 1, 2}, 2 between {3, 4, 5} and {0, 1}.
    const network net = undirected(6, {0, 1, 2, 2, 3, 4}, {1, 2, 0, 3, 4, 5});
    const detail::pendant_folding f{measure_graph(net)};
    BOOST_TEST(f.folded_count == 3u);
    BOOST_TEST(f.core_size() == 3u);
    double carried = 0;
    for (index_t c = 0; c < f.core_size(); ++c)
        if (f.old_of_core[c] == 2) carried = f.weight[c];
    BOOST_TEST(carried == 4.0);  // 2 with 3, 4 and 5
    check(scores(net), {0, 0, 6, 6, 4, 0});
    check(scores(net), plain(net));
}

BOOST_AUTO_TEST_CASE(a_cycle_with_a_pendant_leaf) {
    // Square 0-1-2-3-0 and a leaf 4 on 0: 0 lies on the paths from 4 to 1, 2, 3 and on half of
    // those between 1 and 3 (3.5); 1 and 3 on half of 4-2 and half of 0-2; 2 on half of 1-3.
    // (Check: the scores add up to the sum of (distance - 1) over the pairs, 6.)
    check(scores(undirected(5, {0, 1, 2, 3, 0}, {1, 2, 3, 0, 4})), {3.5, 1, 0.5, 1, 0});
}

BOOST_AUTO_TEST_CASE(two_components_and_an_isolate) {
    // The triangle with its chain (0-5), a star 6 with spokes 7, 8, 9, and the isolate 10.
    const network net = undirected(11, {0, 1, 2, 2, 3, 4, 6, 6, 6}, {1, 2, 0, 3, 4, 5, 7, 8, 9});
    const std::vector<double> expected{0, 0, 6, 6, 4, 0, 3, 0, 0, 0, 0};
    check(scores(net), expected);
    check(scores(net, 2), expected);
    // Normalized: over (n-1)(n-2) / 2 unordered pairs, n = 11.
    const auto normalized = betweenness(network_view(net), {.normalized = true, .threads = 2}).values;
    for (index_t v = 0; v < 11; ++v) BOOST_TEST(normalized[v] == expected[v] / 45.0, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(a_directed_graph_is_not_folded) {
    // 0 -> 1 -> 2 and 1 -> 3: 1 lies on 0 -> 2 and 0 -> 3; the leaves 2 and 3 on nothing.
    const network net = edges(4, {0, 1, 1}, {1, 2, 3}, true);
    check(scores(net), {0, 2, 0, 0});
    // A directed chain hanging off a directed triangle: only paths along the arcs count.
    const network chain = edges(6, {0, 1, 2, 2, 3, 4}, {1, 2, 0, 3, 4, 5}, true);
    check(scores(chain), plain(chain));
    // Symmetrised, the same graph is undirected and folded: the undirected values.
    const auto both = betweenness(network_view(chain), {.graph = {.directed = false}, .threads = 1}).values;
    check(both, {0, 0, 6, 6, 4, 0});
}

BOOST_AUTO_TEST_CASE(random_graphs_with_pendant_trees_match_plain_brandes) {
    // A random core (G(n, p)), random trees grown from it, a tree component and isolates.
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        std::mt19937_64 random(seed);
        const index_t core = 12 + seed % 7, tree = 25, n = core + tree + 8 + 3;
        std::vector<index_t> s, t;
        std::bernoulli_distribution tie(0.25);
        for (index_t u = 0; u < core; ++u)
            for (index_t v = u + 1; v < core; ++v)
                if (tie(random)) s.push_back(u), t.push_back(v);
        for (index_t v = core; v < core + tree; ++v) {  // each new vertex hangs from an earlier one
            s.push_back(static_cast<index_t>(random() % v));
            t.push_back(v);
        }
        for (index_t v = core + tree + 1; v < core + tree + 8; ++v) {  // a separate tree of 8
            s.push_back(core + tree + static_cast<index_t>(random() % (v - core - tree)));
            t.push_back(v);
        }
        const network net = undirected(n, s, t);
        const std::vector<double> reference = plain(net);
        BOOST_TEST_CONTEXT("seed " << seed) {
            check(scores(net, 1), reference);
            check(scores(net, 2), reference);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
