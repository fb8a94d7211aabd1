#pragma once
/// The summary of a network (or view): size, density, reciprocity, clustering, components,
/// distances and Freeman centralisation.
///
/// Definitions (n = actors in the view; the measure graph of measure_graph.hpp):
/// - density: arcs / (n(n-1)) where an undirected link counts as two arcs, i.e. networkx.density
///   of the DiGraph or Graph.
/// - reciprocity (arc method, networkx.overall_reciprocity): the share of arcs whose reverse
///   exists; reciprocity_dyads (dyad method, igraph reciprocity(mode="ratio")): mutual dyads over
///   connected dyads. Both 1 in an undirected graph; NaN without ties.
/// - transitivity and average_clustering: on the symmetrised graph (ties either way), as
///   networkx.transitivity and networkx.average_clustering of G.to_undirected() (actors with fewer
///   than two alters count 0 in the average).
/// - weak_components and strong_components: as components.hpp.
/// - diameter and mean_distance: of the largest weak component (the first by actor order among
///   equals), on the symmetrised graph in hops, as networkx.diameter and
///   networkx.average_shortest_path_length of that subgraph of G.to_undirected(); 0 for a
///   single actor. Skipped (NaN) with `distances = false`: they cost a breadth-first search from
///   every actor of that component.
/// - Freeman centralisation (Freeman 1979) on the symmetrised graph, sum over actors of
///   (max - score) divided by its largest value over graphs of n actors (the star):
///   degree: (n-1)(n-2); betweenness (raw undirected): (n-1)^2 (n-2) / 2; closeness (the
///   Wasserman-Faust closeness of closeness.hpp, equal to (n-1)/sum of distances when connected):
///   (n-1)(n-2) / (2n-3). As igraph's centralization_degree / _betweenness / _closeness with
///   normalized=True on a connected undirected graph. NaN when n < 3.
#include <algorithm>
#include <limits>
#include <vector>

#include "maillage/algorithms/betweenness.hpp"
#include "maillage/algorithms/closeness.hpp"
#include "maillage/algorithms/components.hpp"

namespace maillage {

struct summary_options {
    bool distances = true;
    /// Betweenness and closeness centralisation cost a Brandes pass and a breadth-first search from
    /// every actor; false leaves them NaN (degree centralisation is always computed).
    bool centralization = true;
    graph_options graph;
    unsigned threads = 0;
};

struct network_summary {
    index_t actors = 0;
    index_t ties = 0;                 ///< ties of the view (parallel ties each)
    bool directed = false;            ///< whether the measure graph follows tie direction
    double density = 0;
    double reciprocity = 0;
    double reciprocity_dyads = 0;
    double transitivity = 0;
    double average_clustering = 0;
    index_t weak_components = 0;
    index_t strong_components = 0;
    index_t largest_component = 0;    ///< actors in the largest weak component
    double diameter = 0;              ///< of the largest weak component
    double mean_distance = 0;         ///< of the largest weak component
    double degree_centralization = 0;
    double betweenness_centralization = 0;
    double closeness_centralization = 0;
};

namespace detail {

/// Triangles at each actor of an undirected measure graph (each counted once per actor).
inline std::vector<double> triangles(const measure_graph& g, unsigned requested_threads) {
    const index_t n = g.vertex_count();
    std::vector<double> out(n, 0.0);
    const unsigned threads = thread_count(requested_threads, n);
    std::vector<std::vector<index_t>> marks(threads, std::vector<index_t>(n, no_index));
    parallel_items(n, threads, [&](unsigned thread, std::size_t item) {
        const auto v = static_cast<index_t>(item);
        auto& mark = marks[thread];
        for (index_t u : g.out_neighbours(v)) mark[u] = v;
        std::size_t twice = 0;
        for (index_t u : g.out_neighbours(v))
            if (u != v)
                for (index_t w : g.out_neighbours(u))
                    if (w != v && w != u && mark[w] == v) ++twice;
        out[v] = static_cast<double>(twice) / 2;
    }, 64);
    return out;
}

template <class Values>
double freeman(const measure_graph& g, const Values& values, double largest) {
    double max = -std::numeric_limits<double>::infinity(), sum = 0, count = 0;
    for (index_t v = 0; v < g.vertex_count(); ++v)
        if (g.in_view(v)) {
            max = std::max(max, values[v]);
            sum += values[v];
            ++count;
        }
    return (count * max - sum) / largest;
}

}  // namespace detail

[[nodiscard]] inline network_summary summarize(const network_view& view, const summary_options& options = {}) {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    network_summary s;
    const measure_graph g(view, options.graph);
    const double n = g.view_size();
    s.actors = g.view_size();
    s.ties = view.tie_count();
    s.directed = g.directed();
    s.density = n > 1 ? g.arc_count() / (n * (n - 1)) : 0.0;
    if (g.arc_count() == 0) {
        s.reciprocity = s.reciprocity_dyads = nan;
    } else if (!g.directed()) {
        s.reciprocity = s.reciprocity_dyads = 1.0;
    } else {
        double reciprocated = 0;
        for (index_t u = 0; u < g.vertex_count(); ++u)
            for (index_t v : g.out_neighbours(u)) {
                auto back = g.out_neighbours(v);
                if (std::binary_search(back.begin(), back.end(), u)) ++reciprocated;
            }
        const double arcs = g.arc_count();
        s.reciprocity = reciprocated / arcs;
        s.reciprocity_dyads = (reciprocated / 2) / (arcs - reciprocated / 2);
    }

    graph_options symmetric = options.graph;
    symmetric.directed = false;
    const measure_graph u(view, symmetric);
    const std::vector<double> triangles = detail::triangles(u, options.threads);
    double closed = 0, triples = 0, clustering = 0;
    for (index_t v = 0; v < u.vertex_count(); ++v) {
        if (!u.in_view(v)) continue;
        const double d = static_cast<double>(u.out_neighbours(v).size());
        closed += triangles[v];
        triples += d * (d - 1) / 2;
        if (d >= 2) clustering += triangles[v] / (d * (d - 1) / 2);
    }
    s.transitivity = triples > 0 ? closed / triples : 0.0;
    s.average_clustering = n > 0 ? clustering / n : 0.0;

    const components_result weak = components(view, {false, options.graph});
    s.weak_components = weak.count;
    s.strong_components = g.directed() ? components(view, {true, options.graph}).count : weak.count;
    const auto sizes = weak.sizes();
    index_t largest = 0;
    for (index_t c = 0; c < weak.count; ++c)
        if (sizes[c] > sizes[largest]) largest = c;
    s.largest_component = weak.count ? sizes[largest] : 0;
    s.diameter = s.mean_distance = nan;
    if (options.distances && weak.count) {
        std::vector<index_t> members;
        for (index_t v = 0; v < u.vertex_count(); ++v)
            if (weak.component[v] == largest) members.push_back(v);
        const unsigned threads = detail::thread_count(options.threads, members.size());
        std::vector<detail::shortest_paths> paths(threads, detail::shortest_paths(u.vertex_count()));
        std::vector<double> eccentricity(members.size()), total(members.size());
        detail::parallel_items(members.size(), threads, [&](unsigned thread, std::size_t item) {
            auto& sp = paths[thread];
            sp.run(u, members[item], detail::length_rule::hops);
            double sum = 0;
            for (index_t w : sp.order()) sum += sp.distance(w);
            eccentricity[item] = sp.distance(sp.order().back());
            total[item] = sum;
        });
        const double k = static_cast<double>(members.size());
        s.diameter = *std::max_element(eccentricity.begin(), eccentricity.end());
        double sum = 0;
        for (double t : total) sum += t;
        s.mean_distance = k > 1 ? sum / (k * (k - 1)) : 0.0;
    }

    if (n < 3) {
        s.degree_centralization = s.betweenness_centralization = s.closeness_centralization = nan;
        return s;
    }
    std::vector<double> degree(u.vertex_count(), 0.0);
    for (index_t v = 0; v < u.vertex_count(); ++v) degree[v] = static_cast<double>(u.out_neighbours(v).size());
    s.degree_centralization = detail::freeman(u, degree, (n - 1) * (n - 2));
    if (!options.centralization) {
        s.betweenness_centralization = s.closeness_centralization = nan;
        return s;
    }
    const auto b = betweenness(view, {.graph = symmetric, .threads = options.threads});
    s.betweenness_centralization = detail::freeman(u, b.values, (n - 1) * (n - 1) * (n - 2) / 2);
    const auto c = closeness(view, {.mode = direction_mode::all, .graph = symmetric, .threads = options.threads});
    s.closeness_centralization = detail::freeman(u, c.values, (n - 1) * (n - 2) / (2 * n - 3));
    return s;
}

}  // namespace maillage
