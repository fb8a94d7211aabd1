#pragma once
/// Closeness and harmonic centrality.
///
/// closeness(v), as networkx.closeness_centrality(wf_improved=True) (Wasserman & Faust's
/// correction for disconnected graphs): with r the number of actors v reaches (v included), n the
/// actors in the view and D the sum of their distances from v,
///     closeness(v) = ((r - 1) / D) * ((r - 1) / (n - 1)), and 0 when D = 0 or n = 1.
/// harmonic(v) = sum over the actors u != v that v reaches of 1 / d(v, u) (Marchiori & Latora
/// 2000; as networkx.harmonic_centrality), not normalised.
///
/// `mode`: `out` (default) measures distances from v (along the ties it sends), `in` distances
/// to v (networkx's own default for directed graphs, i.e. networkx on G.reverse() gives `out`),
/// `all` ignores direction. Lengths as in betweenness.hpp (hops, or 1/weight when weighted).
/// Parallel over actors; O(n m) unweighted, O(n m log n) weighted.
/// Unweighted, the hop distances come from multi-source breadth-first searches, 64 sources a
/// batch, and the actors whose only tie in the search direction leads to another actor take
/// that actor's distances one step further instead of a search of their own (Then et al., VLDB
/// 2015; detail/hop_search.hpp): the same values to the bit as one search per actor, with 1 or
/// 2 threads. Weighted: one Dijkstra search per actor.
#include "maillage/algorithms/betweenness.hpp"
#include "maillage/detail/hop_search.hpp"

namespace maillage {

struct closeness_options {
    direction_mode mode = direction_mode::out;
    bool weighted = false;
    path_length length = path_length::inverse_weight;
    graph_options graph;
    unsigned threads = 0;
};

namespace detail {

template <class Score>
actor_scores distance_measure(const measure_graph& g, const closeness_options& options, Score&& score) {
    const index_t n = g.vertex_count();
    const length_rule rule = rule_of(options.weighted, options.length);
    const bool reverse = options.mode == direction_mode::in;
    std::vector<index_t> actors;
    for (index_t v = 0; v < n; ++v)
        if (g.in_view(v)) actors.push_back(v);
    const unsigned threads = thread_count(options.threads, actors.size());
    actor_scores out = actor_scores::outside_view(n);
    if (rule == length_rule::hops) {
        // On the vertices renumbered by degree (degree_order.hpp).
        const degree_ordered_graph h(g, reverse, true);
        hop_searches(h, actors, threads, std::numeric_limits<std::int32_t>::max(),
                     [&](index_t v, const distance_sums& sums) { out.values[v] = score(sums, g.view_size()); });
        return out;
    }
    std::vector<shortest_paths> paths(threads, shortest_paths(n));
    parallel_items(actors.size(), threads, [&](unsigned thread, std::size_t item) {
        const index_t v = actors[item];
        shortest_paths& sp = paths[thread];
        sp.run(g, v, rule, reverse);
        distance_sums sums;
        sums.reached = static_cast<double>(sp.order().size());
        for (std::size_t k = 1; k < sp.order().size(); ++k) {
            sums.total += sp.distance(sp.order()[k]);
            sums.inverse += 1.0 / sp.distance(sp.order()[k]);
        }
        out.values[v] = score(sums, g.view_size());
    });
    return out;
}

/// The measure graph a distance measure needs: `all` ignores direction.
inline graph_options distance_graph(const closeness_options& options) {
    graph_options graph = options.graph;
    if (options.mode == direction_mode::all) graph.directed = false;
    return graph;
}

inline void check_distance_graph(const char* function, const measure_graph& g, const closeness_options& options) {
    if (options.mode == direction_mode::all && g.directed())
        throw invalid_argument(std::string(function) + ": mode \"all\" needs an undirected measure graph "
                               "(graph_options.directed = false), got a directed one");
}

inline double closeness_score(const distance_sums& s, index_t n) {
    const double reached = s.reached - 1;
    if (s.total <= 0 || n <= 1) return 0.0;
    return (reached / s.total) * (reached / (static_cast<double>(n) - 1));
}

inline double harmonic_score(const distance_sums& s, index_t) { return s.inverse; }

}  // namespace detail

/// On a measure graph built beforehand; with mode `all` it must be undirected.
[[nodiscard]] inline actor_scores closeness(const measure_graph& g, const closeness_options& options = {}) {
    detail::check_distance_graph("closeness", g, options);
    return detail::distance_measure(g, options, detail::closeness_score);
}

[[nodiscard]] inline actor_scores closeness(const network_view& view, const closeness_options& options = {}) {
    return closeness(measure_graph(view, detail::distance_graph(options)), options);
}

[[nodiscard]] inline actor_scores harmonic(const measure_graph& g, const closeness_options& options = {}) {
    detail::check_distance_graph("harmonic", g, options);
    return detail::distance_measure(g, options, detail::harmonic_score);
}

[[nodiscard]] inline actor_scores harmonic(const network_view& view, const closeness_options& options = {}) {
    return harmonic(measure_graph(view, detail::distance_graph(options)), options);
}

}  // namespace maillage
