// The CSR models the Boost.Graph concepts: BGL algorithms run on a network's adjacency.
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"

using namespace maillage;

BOOST_AUTO_TEST_SUITE(bgl)

BOOST_AUTO_TEST_CASE(concepts_hold) {
    BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<csr_graph>));
    BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<csr_graph>));
    BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<csr_graph>));
    BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<csr_graph>));
    BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<csr_graph>));
    BOOST_TEST(true);
}

BOOST_AUTO_TEST_CASE(iterators_agree_with_the_arrays) {
    const network net = fixtures::small();
    const csr_graph& g = net.graph();
    index_t count = 0;
    for (auto [it, end] = edges(g); it != end; ++it, ++count) {
        BOOST_TEST(it->arc == count);
        BOOST_TEST(target(*it, g) == g.out_targets()[count]);
        BOOST_TEST(count >= g.out_offsets()[source(*it, g)]);
        BOOST_TEST(count < g.out_offsets()[source(*it, g) + 1]);
    }
    BOOST_TEST(count == g.arc_count());
    for (index_t v = 0; v < num_vertices(g); ++v) {
        for (auto [it, end] = in_edges(v, g); it != end; ++it) {
            BOOST_TEST(target(*it, g) == v);
            // The in-edge is the same edge as the out-edge of its source.
            bool found = false;
            for (auto [o, oend] = out_edges(source(*it, g), g); o != oend; ++o) found = found || *o == *it;
            BOOST_TEST(found);
        }
    }
}

BOOST_AUTO_TEST_CASE(breadth_first_search_distances) {
    const network net = fixtures::small();
    const csr_graph& g = net.graph();
    std::vector<index_t> distance(num_vertices(g), no_index);
    const index_t start = net.actor_index("bro");
    distance[start] = 0;
    boost::breadth_first_search(
        g, start,
        boost::visitor(boost::make_bfs_visitor(boost::record_distances(
            boost::make_iterator_property_map(distance.begin(), get(boost::vertex_index, g)), boost::on_tree_edge()))));
    // bro - usr - inf - cms - ss
    BOOST_TEST(distance[net.actor_index("usr")] == 1u);
    BOOST_TEST(distance[net.actor_index("inf")] == 2u);
    BOOST_TEST(distance[net.actor_index("cms")] == 3u);
    BOOST_TEST(distance[net.actor_index("ss")] == 4u);
}

BOOST_AUTO_TEST_CASE(dijkstra_with_tie_weights) {
    const network net = fixtures::small();
    const csr_graph& g = net.graph();
    // Arc length = weight of its tie.
    std::vector<double> length(g.arc_count());
    for (index_t a = 0; a < g.arc_count(); ++a) length[a] = net.ties().weight[g.arc_ties()[a]];
    std::vector<double> distance(num_vertices(g));
    boost::dijkstra_shortest_paths(
        g, net.actor_index("fri"),
        boost::weight_map(boost::make_iterator_property_map(length.begin(), get(boost::edge_index, g)))
            .distance_map(boost::make_iterator_property_map(distance.begin(), get(boost::vertex_index, g))));
    BOOST_TEST(distance[net.actor_index("usr")] == 2.5);
    BOOST_TEST(distance[net.actor_index("bro")] == 3.5);
    BOOST_TEST(distance[net.actor_index("ss")] == 5.5);
}

BOOST_AUTO_TEST_CASE(strong_components_follow_directed_ties) {
    // a -> b (referral), b -> c (referral), c -> a (referral): one strong component; d alone.
    network_builder b;
    for (const char* id : {"a", "b", "c", "d"}) b.add_actor({.id = id, .kind = actor_kind::organisation});
    b.add_tie({.source = "a", .target = "b", .relation = relation::referral});
    b.add_tie({.source = "b", .target = "c", .relation = relation::referral});
    b.add_tie({.source = "c", .target = "a", .relation = relation::referral});
    b.add_tie({.source = "c", .target = "d", .relation = relation::referral});
    const network net = b.build();
    std::vector<index_t> component(net.actor_count());
    const auto count = boost::strong_components(
        net.graph(), boost::make_iterator_property_map(component.begin(), get(boost::vertex_index, net.graph())));
    BOOST_TEST(count == 2);
    BOOST_TEST(component[0] == component[1]);
    BOOST_TEST(component[1] == component[2]);
    BOOST_TEST(component[3] != component[0]);
}

BOOST_AUTO_TEST_SUITE_END()
