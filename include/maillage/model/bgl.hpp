#pragma once
/// Makes maillage::csr_graph a Boost.Graph graph, so that BGL algorithms run on a network's
/// adjacency without a copy. It models VertexListGraph, EdgeListGraph, IncidenceGraph,
/// BidirectionalGraph and AdjacencyGraph (directed, parallel arcs allowed), with the
/// `vertex_index` and `edge_index` property maps (edge index = arc index, see csr.hpp).
#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/iterator/transform_iterator.hpp>
#include <boost/property_map/property_map.hpp>
#include <utility>

#include "maillage/model/csr.hpp"

namespace maillage {

/// A BGL edge descriptor: one arc of the CSR, identified by its arc index.
struct csr_edge {
    index_t source = no_index, target = no_index, arc = no_index;
    friend bool operator==(const csr_edge& a, const csr_edge& b) { return a.arc == b.arc; }
    friend bool operator!=(const csr_edge& a, const csr_edge& b) { return a.arc != b.arc; }
    friend bool operator<(const csr_edge& a, const csr_edge& b) { return a.arc < b.arc; }
};

namespace detail {

struct out_arc_to_edge {
    const csr_graph* graph;
    index_t source;
    csr_edge operator()(index_t arc) const { return {source, graph->out_targets()[arc], arc}; }
};

struct in_slot_to_edge {
    const csr_graph* graph;
    index_t target;
    csr_edge operator()(index_t slot) const {
        return {graph->in_sources()[slot], target, graph->in_arc_index()[slot]};
    }
};

/// Walks every arc in (source, target) order.
class csr_edge_iterator
    : public boost::iterator_facade<csr_edge_iterator, csr_edge, boost::forward_traversal_tag, csr_edge> {
public:
    csr_edge_iterator() = default;
    csr_edge_iterator(const csr_graph* graph, index_t arc) : graph_(graph), arc_(arc) { settle(); }

private:
    friend class boost::iterator_core_access;
    void settle() {
        const auto& offsets = graph_->out_offsets();
        while (source_ + 1 < offsets.size() && offsets[source_ + 1] <= arc_) ++source_;
    }
    void increment() { ++arc_; settle(); }
    bool equal(const csr_edge_iterator& other) const { return arc_ == other.arc_; }
    csr_edge dereference() const { return {source_, graph_->out_targets()[arc_], arc_}; }

    const csr_graph* graph_ = nullptr;
    index_t arc_ = 0;
    index_t source_ = 0;
};

}  // namespace detail

struct csr_traversal_category : virtual boost::vertex_list_graph_tag,
                                virtual boost::edge_list_graph_tag,
                                virtual boost::bidirectional_graph_tag,
                                virtual boost::adjacency_graph_tag {};

}  // namespace maillage

namespace boost {

template <> struct graph_traits<maillage::csr_graph> {
    using vertex_descriptor = maillage::index_t;
    using edge_descriptor = maillage::csr_edge;
    using directed_category = bidirectional_tag;
    using edge_parallel_category = allow_parallel_edge_tag;
    using traversal_category = maillage::csr_traversal_category;
    using vertices_size_type = maillage::index_t;
    using edges_size_type = maillage::index_t;
    using degree_size_type = maillage::index_t;
    using vertex_iterator = counting_iterator<maillage::index_t>;
    using out_edge_iterator = transform_iterator<maillage::detail::out_arc_to_edge,
                                                 counting_iterator<maillage::index_t>, maillage::csr_edge>;
    using in_edge_iterator = transform_iterator<maillage::detail::in_slot_to_edge,
                                                counting_iterator<maillage::index_t>, maillage::csr_edge>;
    using adjacency_iterator = const maillage::index_t*;
    using edge_iterator = maillage::detail::csr_edge_iterator;
    static vertex_descriptor null_vertex() { return maillage::no_index; }
};

template <> struct property_map<maillage::csr_graph, vertex_index_t> {
    using type = typed_identity_property_map<maillage::index_t>;
    using const_type = type;
};

/// edge_index: the arc index of an edge.
struct csr_edge_index_map {
    using key_type = maillage::csr_edge;
    using value_type = maillage::index_t;
    using reference = maillage::index_t;
    using category = readable_property_map_tag;
    friend maillage::index_t get(const csr_edge_index_map&, const maillage::csr_edge& e) { return e.arc; }
};

template <> struct property_map<maillage::csr_graph, edge_index_t> {
    using type = csr_edge_index_map;
    using const_type = type;
};

}  // namespace boost

namespace maillage {

using csr_traits = boost::graph_traits<csr_graph>;

inline std::pair<csr_traits::vertex_iterator, csr_traits::vertex_iterator> vertices(const csr_graph& g) {
    return {csr_traits::vertex_iterator(0), csr_traits::vertex_iterator(g.vertex_count())};
}
inline index_t num_vertices(const csr_graph& g) { return g.vertex_count(); }
inline index_t num_edges(const csr_graph& g) { return g.arc_count(); }
inline index_t source(const csr_edge& e, const csr_graph&) { return e.source; }
inline index_t target(const csr_edge& e, const csr_graph&) { return e.target; }
inline index_t out_degree(index_t v, const csr_graph& g) { return g.out_degree(v); }
inline index_t in_degree(index_t v, const csr_graph& g) { return g.in_degree(v); }
inline index_t degree(index_t v, const csr_graph& g) { return g.out_degree(v) + g.in_degree(v); }

inline std::pair<csr_traits::out_edge_iterator, csr_traits::out_edge_iterator> out_edges(index_t v,
                                                                                        const csr_graph& g) {
    detail::out_arc_to_edge f{&g, v};
    return {csr_traits::out_edge_iterator(boost::counting_iterator<index_t>(g.out_offsets()[v]), f),
            csr_traits::out_edge_iterator(boost::counting_iterator<index_t>(g.out_offsets()[v + 1]), f)};
}
inline std::pair<csr_traits::in_edge_iterator, csr_traits::in_edge_iterator> in_edges(index_t v,
                                                                                     const csr_graph& g) {
    detail::in_slot_to_edge f{&g, v};
    return {csr_traits::in_edge_iterator(boost::counting_iterator<index_t>(g.in_offsets()[v]), f),
            csr_traits::in_edge_iterator(boost::counting_iterator<index_t>(g.in_offsets()[v + 1]), f)};
}
inline std::pair<const index_t*, const index_t*> adjacent_vertices(index_t v, const csr_graph& g) {
    auto targets = g.out_neighbours(v);
    return {targets.data(), targets.data() + targets.size()};
}
inline std::pair<csr_traits::edge_iterator, csr_traits::edge_iterator> edges(const csr_graph& g) {
    return {csr_traits::edge_iterator(&g, 0), csr_traits::edge_iterator(&g, g.arc_count())};
}
inline boost::typed_identity_property_map<index_t> get(boost::vertex_index_t, const csr_graph&) { return {}; }
inline index_t get(boost::vertex_index_t, const csr_graph&, index_t v) { return v; }
inline boost::csr_edge_index_map get(boost::edge_index_t, const csr_graph&) { return {}; }

}  // namespace maillage
