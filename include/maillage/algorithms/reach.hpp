#pragma once
/// k-step reach and reach efficiency.
///
/// reach(v, k): the number of other actors within k steps of v (along the ties v sends with
/// mode `out`, the ties it receives with `in`, either with `all`), hop distances on the measure
/// graph; `normalized` divides by n - 1 (the share of the view's other actors), which is UCINET's
/// "2-step reach" as a share instead of a percentage.
/// reach_efficiency(v): the normalized 2-step reach divided by the number of v's alters (in the
/// same mode), UCINET's "reach efficiency" (Hanneman & Riddle, *Introduction to social network
/// methods*, 2005, ch. 9: "two-step reach divided by size"): the share of the network one
/// reaches per direct contact. NaN for an actor without alters.
/// Parallel over actors. For k <= 2 (2-step reach, reach efficiency), no search: the vertices
/// within two steps are marked in a bitmap per thread, the hubs' neighbourhoods OR-ed in as
/// precomputed bitmaps (detail/two_step.hpp), on the measure graph as it is (no renumbering).
/// For k > 2, the multi-source breadth-first searches of closeness (64 sources a batch, the
/// actors with a single tie derived from their alter's counts) stopped after k levels
/// (detail/hop_search.hpp), on the graph renumbered by degree. Nothing is allocated per actor;
/// each actor's count is its own, so the results do not depend on the threads.
#include <limits>
#include <vector>

#include "maillage/algorithms/measure_graph.hpp"
#include "maillage/algorithms/scores.hpp"
#include "maillage/detail/hop_search.hpp"
#include "maillage/detail/parallel.hpp"
#include "maillage/detail/two_step.hpp"
#include "maillage/error.hpp"

namespace maillage {

struct reach_options {
    unsigned steps = 2;
    direction_mode mode = direction_mode::out;
    bool normalized = false;
    graph_options graph;
    unsigned threads = 0;
};

namespace detail {

struct reach_count {
    index_t reached = 0;
    index_t alters = 0;
};

/// Breadth-first search from each actor up to `steps`, calling `record(v, count)`.
inline graph_options reach_graph(const reach_options& options) {
    graph_options graph = options.graph;
    if (options.mode == direction_mode::all) graph.directed = false;
    return graph;
}

template <class Record>
void bounded_search(const measure_graph& g, const reach_options& options, Record&& record) {
    if (options.mode == direction_mode::all && g.directed())
        throw invalid_argument("reach: mode \"all\" needs an undirected measure graph (graph_options.directed = false), "
                               "got a directed one");
    const index_t n = g.vertex_count();
    const bool reverse = options.mode == direction_mode::in;
    std::vector<index_t> actors;
    for (index_t v = 0; v < n; ++v)
        if (g.in_view(v)) actors.push_back(v);
    const unsigned threads = thread_count(options.threads, actors.size());
    if (options.steps <= 2) {
        const auto& offsets = reverse ? g.in_offsets() : g.out_offsets();
        if (options.steps == 0) {
            for (index_t v : actors) record(v, reach_count{0, offsets[v + 1] - offsets[v]}, g.view_size());
            return;
        }
        if (options.steps == 1) {
            // The measure graph has no loops and no parallel arcs: the alters are the arcs.
            for (index_t v : actors) {
                const index_t alters = offsets[v + 1] - offsets[v];
                record(v, reach_count{alters, alters}, g.view_size());
            }
            return;
        }
        const arc_rows rows{offsets.data(), (reverse ? g.in_sources() : g.out_targets()).data(), n};
        two_step_counts(rows, actors, threads, [&](index_t v, index_t alters, index_t reached) {
            record(v, reach_count{reached, alters}, g.view_size());
        });
        return;
    }
    // The searches of the distance measures, stopped after `steps` levels, on the vertices
    // renumbered by degree (hop_search.hpp, degree_order.hpp).
    const degree_ordered_graph h(g, reverse, true);
    const auto levels = static_cast<std::int32_t>(std::min<unsigned>(options.steps, std::numeric_limits<std::int32_t>::max()));
    hop_searches(h, actors, threads, levels, [&](index_t v, const distance_sums& sums) {
        record(v, reach_count{static_cast<index_t>(sums.reached) - 1, sums.alters}, g.view_size());
    });
}

}  // namespace detail

/// On a measure graph built beforehand (undirected with mode `all`).
[[nodiscard]] inline actor_scores reach(const measure_graph& g, const reach_options& options = {}) {
    actor_scores out = actor_scores::outside_view(g.vertex_count());
    detail::bounded_search(g, options, [&](index_t v, detail::reach_count c, index_t n) {
        out.values[v] = options.normalized ? (n > 1 ? c.reached / (static_cast<double>(n) - 1) : 0.0) : c.reached;
    });
    return out;
}

[[nodiscard]] inline actor_scores reach(const network_view& view, const reach_options& options = {}) {
    return reach(measure_graph(view, detail::reach_graph(options)), options);
}

[[nodiscard]] inline actor_scores reach_efficiency(const measure_graph& g, reach_options options = {}) {
    options.steps = 2;
    actor_scores out = actor_scores::outside_view(g.vertex_count());
    detail::bounded_search(g, options, [&](index_t v, detail::reach_count c, index_t n) {
        const double share = n > 1 ? c.reached / (static_cast<double>(n) - 1) : 0.0;
        out.values[v] = c.alters > 0 ? share / c.alters : std::numeric_limits<double>::quiet_NaN();
    });
    return out;
}

[[nodiscard]] inline actor_scores reach_efficiency(const network_view& view, const reach_options& options = {}) {
    return reach_efficiency(measure_graph(view, detail::reach_graph(options)), options);
}

}  // namespace maillage
