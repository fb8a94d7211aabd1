#pragma once
/// Degree and strength.
///
/// degree(v): the number of alters of v in the measure graph (parallel ties count once, see
/// measure_graph.hpp); in a directed graph `out` counts the actors v sends a tie to, `in` those
/// it receives one from, `all` their sum (a mutual pair counts twice), as
/// networkx.DiGraph.degree / in_degree / out_degree and igraph's degree(mode=...).
/// strength(v): the same sum over tie weights (parallel ties add up), as networkx's
/// degree(weight="weight"). Not normalised. O(n + m).
#include "maillage/algorithms/measure_graph.hpp"
#include "maillage/algorithms/scores.hpp"

namespace maillage {

struct degree_options {
    direction_mode mode = direction_mode::all;
    graph_options graph;
};

namespace detail {

template <bool Weighted>
actor_scores degree_sum(const measure_graph& g, direction_mode mode) {
    actor_scores out = actor_scores::outside_view(g.vertex_count());
    for (index_t v = 0; v < g.vertex_count(); ++v) {
        if (!g.in_view(v)) continue;
        auto sum = [&](auto neighbours, auto weights) {
            if constexpr (Weighted) {
                double total = 0;
                for (double w : weights) total += w;
                return total;
            } else {
                (void)weights;
                return static_cast<double>(neighbours.size());
            }
        };
        const double outgoing = sum(g.out_neighbours(v), g.out_weights(v));
        if (!g.directed()) {
            out.values[v] = outgoing;
            continue;
        }
        const double incoming = sum(g.in_neighbours(v), g.in_weights(v));
        out.values[v] = mode == direction_mode::out ? outgoing : mode == direction_mode::in ? incoming : outgoing + incoming;
    }
    return out;
}

}  // namespace detail

[[nodiscard]] inline actor_scores degree(const measure_graph& g, direction_mode mode = direction_mode::all) {
    return detail::degree_sum<false>(g, mode);
}

[[nodiscard]] inline actor_scores strength(const measure_graph& g, direction_mode mode = direction_mode::all) {
    return detail::degree_sum<true>(g, mode);
}

[[nodiscard]] inline actor_scores degree(const network_view& view, const degree_options& options = {}) {
    return detail::degree_sum<false>(measure_graph(view, options.graph), options.mode);
}

[[nodiscard]] inline actor_scores strength(const network_view& view, const degree_options& options = {}) {
    return detail::degree_sum<true>(measure_graph(view, options.graph), options.mode);
}

}  // namespace maillage
