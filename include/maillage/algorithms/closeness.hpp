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
#include "maillage/algorithms/betweenness.hpp"

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
actor_scores distance_measure(const network_view& view, const closeness_options& options, Score&& score) {
    graph_options graph = options.graph;
    if (options.mode == direction_mode::all) graph.directed = false;
    const measure_graph g(view, graph);
    const index_t n = g.vertex_count();
    const length_rule rule = rule_of(options.weighted, options.length);
    const bool reverse = options.mode == direction_mode::in;
    std::vector<index_t> actors;
    for (index_t v = 0; v < n; ++v)
        if (g.in_view(v)) actors.push_back(v);
    const unsigned threads = thread_count(options.threads, actors.size());
    std::vector<shortest_paths> paths(threads, shortest_paths(n));
    actor_scores out = actor_scores::outside_view(n);
    parallel_items(actors.size(), threads, [&](unsigned thread, std::size_t item) {
        const index_t v = actors[item];
        shortest_paths& sp = paths[thread];
        sp.run(g, v, rule, reverse);
        out.values[v] = score(sp, g.view_size());
    });
    return out;
}

}  // namespace detail

[[nodiscard]] inline actor_scores closeness(const network_view& view, const closeness_options& options = {}) {
    return detail::distance_measure(view, options, [](const detail::shortest_paths& sp, index_t n) {
        double total = 0;
        for (index_t u : sp.order()) total += sp.distance(u);
        const double reached = static_cast<double>(sp.order().size()) - 1;
        if (total <= 0 || n <= 1) return 0.0;
        return (reached / total) * (reached / (static_cast<double>(n) - 1));
    });
}

[[nodiscard]] inline actor_scores harmonic(const network_view& view, const closeness_options& options = {}) {
    return detail::distance_measure(view, options, [](const detail::shortest_paths& sp, index_t) {
        double total = 0;
        for (std::size_t k = 1; k < sp.order().size(); ++k) total += 1.0 / sp.distance(sp.order()[k]);
        return total;
    });
}

}  // namespace maillage
