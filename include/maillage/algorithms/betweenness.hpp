#pragma once
/// Betweenness centrality (exact).
///
/// Definition: betweenness(v) = sum over ordered pairs (s, t) of distinct actors other than v of
/// sigma_st(v) / sigma_st, where sigma_st counts the shortest s-t paths and sigma_st(v) those
/// through v (Freeman 1977), computed by Brandes' accumulation (U. Brandes, "A faster algorithm
/// for betweenness centrality", J. Math. Sociol. 25(2), 2001).
///
/// Normalisation, as networkx.betweenness_centrality(G, normalized=..., weight=...):
/// - raw (default): the sum above in a directed graph; half of it in an undirected graph (each
///   unordered pair once);
/// - normalized: the raw directed sum divided by (n-1)(n-2), in both cases (n = actors in the
///   view), which is the raw undirected value times 2/((n-1)(n-2)).
/// Paths follow the measure graph (measure_graph.hpp): tie direction unless symmetrised;
/// unweighted paths count hops; weighted paths use 1/weight as length (a strong tie is short)
/// unless `length = weight`.
///
/// Runs over sources on `threads` threads (0: all hardware threads); each thread sums its own
/// sources, and the threads' sums are added in thread order, so results with 1 and 2 threads
/// agree to the rounding of that summation order (about 1e-15 relative). O(n m) unweighted,
/// O(n m log n) weighted; O(n) memory per thread.
#include "maillage/algorithms/measure_graph.hpp"
#include "maillage/algorithms/scores.hpp"
#include "maillage/detail/parallel.hpp"
#include "maillage/detail/shortest_paths.hpp"

namespace maillage {

/// How a weighted path measure turns a tie's weight (a strength) into a length.
enum class path_length { inverse_weight, weight };

struct betweenness_options {
    bool normalized = false;
    bool weighted = false;                            ///< use tie weights (summed over parallel ties)
    path_length length = path_length::inverse_weight; ///< when weighted
    graph_options graph;
    unsigned threads = 0;                             ///< 0: every hardware thread
};

namespace detail {

inline length_rule rule_of(bool weighted, path_length length) {
    if (!weighted) return length_rule::hops;
    return length == path_length::weight ? length_rule::weight : length_rule::inverse_weight;
}

}  // namespace detail

[[nodiscard]] inline actor_scores betweenness(const network_view& view, const betweenness_options& options = {}) {
    const measure_graph g(view, options.graph);
    const index_t n = g.vertex_count();
    const detail::length_rule rule = detail::rule_of(options.weighted, options.length);
    std::vector<index_t> sources;
    for (index_t v = 0; v < n; ++v)
        if (g.in_view(v)) sources.push_back(v);
    const unsigned threads = detail::thread_count(options.threads, sources.size());
    std::vector<std::vector<double>> partial(threads, std::vector<double>(n, 0.0));
    std::vector<detail::shortest_paths> paths(threads, detail::shortest_paths(n));
    std::vector<std::vector<double>> dependency(threads, std::vector<double>(n, 0.0));
    detail::parallel_items(sources.size(), threads, [&](unsigned thread, std::size_t item) {
        const index_t s = sources[item];
        detail::shortest_paths& sp = paths[thread];
        std::vector<double>& delta = dependency[thread];
        std::vector<double>& total = partial[thread];
        sp.run(g, s, rule);
        const auto& order = sp.order();
        for (index_t v : order) delta[v] = 0;
        for (auto it = order.rbegin(); it != order.rend(); ++it) {
            const index_t w = *it;
            const double coefficient = (1.0 + delta[w]) / sp.sigma(w);
            auto predecessors = g.in_neighbours(w);
            auto weights = g.in_weights(w);
            const double dw = sp.distance(w);
            for (std::size_t k = 0; k < predecessors.size(); ++k) {
                const index_t v = predecessors[k];
                if (sp.distance(v) + detail::shortest_paths::length(weights[k], rule) == dw)
                    delta[v] += sp.sigma(v) * coefficient;
            }
            if (w != s) total[w] += delta[w];
        }
    });
    actor_scores out = actor_scores::outside_view(n);
    const double size = static_cast<double>(g.view_size());
    double scale = 1.0;
    if (options.normalized) scale = size > 2 ? 1.0 / ((size - 1) * (size - 2)) : 1.0;
    else if (!g.directed()) scale = 0.5;
    for (index_t v : sources) {
        double sum = 0;
        for (unsigned t = 0; t < threads; ++t) sum += partial[t][v];
        out.values[v] = sum * scale;
    }
    return out;
}

}  // namespace maillage
