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

/// What the distance measures read of one search: the actors reached (the source included), the
/// sum of their distances and the sum of their inverse distances (the source left out).
struct distance_sums {
    double reached = 0, total = 0, inverse = 0;
};

/// One thread's workspace for the direction-optimising search below, reused over sources.
struct hop_workspace {
    std::vector<std::int32_t> distance;   ///< -1: not reached
    std::vector<index_t> order;           ///< the vertices reached, level by level
    std::vector<std::uint64_t> frontier;  ///< a bitmap of the current level (bottom-up steps)
    explicit hop_workspace(index_t n) : distance(n, -1), frontier((std::size_t(n) + 63) / 64, 0) {
        order.reserve(n);
    }
};

/// Hop distances from `source` (a renumbered vertex of `h`) by direction-optimising
/// breadth-first search (S. Beamer, K. Asanovic and D. Patterson, "Direction-optimizing
/// breadth-first search", SC 2012): a level is expanded top-down (the frontier's arcs) while its
/// arcs are few, and bottom-up (each vertex not reached looks for a parent in the frontier among
/// its arcs the other way, stopping at the first) once they exceed a fifteenth of the arcs left
/// to the vertices not reached, until the frontier falls under an eighteenth of the vertices (the
/// GAP Benchmark Suite's thresholds). Both ways give the same levels, so the same sums.
inline distance_sums hop_sums(const degree_ordered_graph& h, index_t source, hop_workspace& w) {
    constexpr double alpha = 15, beta = 18;
    const index_t* offsets = h.offsets.data();
    const index_t* targets = h.targets.data();
    const index_t* back_offsets = h.back_offsets();
    const index_t* back_targets = h.back_targets();
    std::int32_t* distance = w.distance.data();
    std::uint64_t* frontier = w.frontier.data();
    auto& order = w.order;
    order.clear();
    order.push_back(source);
    distance[source] = 0;
    distance_sums out;
    double unexplored = static_cast<double>(back_offsets[h.active]) - (back_offsets[source + 1] - back_offsets[source]);
    double frontier_arcs = offsets[source + 1] - offsets[source];
    bool bottom_up = false;
    std::size_t begin = 0, end = 1;
    for (std::int32_t next = 1; begin < end; ++next) {
        const std::size_t size = end - begin;
        if (!bottom_up && frontier_arcs > unexplored / alpha)
            bottom_up = true;
        else if (bottom_up && static_cast<double>(size) < h.active / beta)
            bottom_up = false;
        double found_arcs = 0, found_back = 0;
        if (!bottom_up) {
            for (std::size_t k = begin; k < end; ++k) {
                const index_t v = order[k];
                for (index_t a = offsets[v], stop = offsets[v + 1]; a < stop; ++a) {
                    const index_t u = targets[a];
                    if (distance[u] >= 0) continue;
                    distance[u] = next;
                    order.push_back(u);
                    found_arcs += offsets[u + 1] - offsets[u];
                    found_back += back_offsets[u + 1] - back_offsets[u];
                }
            }
        } else {
            for (std::size_t k = begin; k < end; ++k) frontier[order[k] >> 6] |= std::uint64_t{1} << (order[k] & 63);
            for (index_t u = 0; u < h.active; ++u) {
                if (distance[u] >= 0) continue;
                for (index_t a = back_offsets[u], stop = back_offsets[u + 1]; a < stop; ++a) {
                    const index_t p = back_targets[a];
                    if (frontier[p >> 6] >> (p & 63) & 1) {
                        distance[u] = next;
                        order.push_back(u);
                        found_arcs += offsets[u + 1] - offsets[u];
                        found_back += stop - back_offsets[u];
                        break;
                    }
                }
            }
            for (std::size_t k = begin; k < end; ++k) frontier[order[k] >> 6] = 0;
        }
        const std::size_t level = order.size() - end;
        if (level > 0) {
            out.total += static_cast<double>(level) * next;
            out.inverse += static_cast<double>(level) / next;
        }
        unexplored -= found_back;
        frontier_arcs = found_arcs;
        begin = end;
        end = order.size();
    }
    out.reached = static_cast<double>(order.size());
    for (index_t v : order) distance[v] = -1;
    return out;
}

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
        // On the vertices renumbered by degree (degree_order.hpp); each actor's score is its own,
        // so sources are handed out in blocks as threads free up (a core taken by another
        // process does not hold the others back), with the same results.
        const degree_ordered_graph h(g, reverse, true);
        std::atomic<std::size_t> next{0};
        constexpr std::size_t block = 16;
        run_threads(threads, [&](unsigned, const std::atomic<bool>& failed) {
            hop_workspace w(n);
            for (;;) {
                const std::size_t first = next.fetch_add(block);
                if (first >= actors.size() || failed.load(std::memory_order_relaxed)) return;
                for (std::size_t i = first; i < std::min(actors.size(), first + block); ++i)
                    out.values[actors[i]] = score(hop_sums(h, h.new_of_old[actors[i]], w), g.view_size());
            }
        });
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
