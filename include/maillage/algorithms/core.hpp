#pragma once
/// k-core numbers.
///
/// The core number of an actor is the largest k such that it belongs to a k-core, a maximal
/// group in which every actor has at least k alters inside the group (Seidman 1983). Computed on
/// the symmetrised measure graph (direction ignored, parallel ties once) by the bucket algorithm
/// of V. Batagelj and M. Zaversnik ("An O(m) algorithm for cores decomposition of networks",
/// 2003); equal to networkx.core_number(G.to_undirected()). O(n + m).
#include <algorithm>
#include <vector>

#include "maillage/algorithms/measure_graph.hpp"
#include "maillage/algorithms/scores.hpp"
#include "maillage/error.hpp"

namespace maillage {

/// On an undirected measure graph built beforehand.
[[nodiscard]] inline actor_scores core_numbers(const measure_graph& g) {
    if (g.directed())
        throw invalid_argument("core_numbers: needs an undirected measure graph (graph_options.directed = false), "
                               "got a directed one");
    const index_t n = g.vertex_count();
    std::vector<index_t> degree(n, 0), vertices, position(n, 0);
    index_t max_degree = 0;
    for (index_t v = 0; v < n; ++v) {
        if (!g.in_view(v)) continue;
        degree[v] = static_cast<index_t>(g.out_neighbours(v).size());
        max_degree = std::max(max_degree, degree[v]);
        vertices.push_back(v);
    }
    // Vertices sorted by degree with bucket starts, then peeled in order.
    std::vector<index_t> start(std::size_t(max_degree) + 2, 0);
    for (index_t v : vertices) ++start[degree[v] + 1];
    for (std::size_t d = 1; d < start.size(); ++d) start[d] += start[d - 1];
    std::vector<index_t> sorted(vertices.size());
    {
        std::vector<index_t> next(start.begin(), start.end() - 1);
        for (index_t v : vertices) {
            position[v] = next[degree[v]]++;
            sorted[position[v]] = v;
        }
    }
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        const index_t v = sorted[i];
        for (index_t w : g.out_neighbours(v)) {
            if (degree[w] <= degree[v]) continue;
            // Move w to the front of its bucket, then shrink its degree by one.
            const index_t dw = degree[w];
            const index_t first = start[dw];
            const index_t u = sorted[first];
            if (u != w) {
                std::swap(sorted[position[w]], sorted[first]);
                std::swap(position[w], position[u]);
            }
            ++start[dw];
            --degree[w];
        }
    }
    actor_scores out = actor_scores::outside_view(n);
    for (index_t v : vertices) out.values[v] = degree[v];
    return out;
}

[[nodiscard]] inline actor_scores core_numbers(const network_view& view) {
    return core_numbers(measure_graph(view, {.directed = false}));
}

}  // namespace maillage
