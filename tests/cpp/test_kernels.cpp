// The fast paths of the breadth-first kernels: the degree-ordered copy of a measure graph
// (detail/degree_order.hpp) and the direction-optimising search (detail/hop_search.hpp), on a
// graph whose hub makes the search go bottom-up, checked by hand and against the general
// (Dijkstra) path of the same measures, which neither fast path touches.
#include <boost/test/unit_test.hpp>

#include <cmath>
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

BOOST_AUTO_TEST_SUITE_END()
