#pragma once
/// A measure graph's arcs with the vertices renumbered by decreasing degree, for the breadth-first
/// kernels (betweenness, closeness, harmonic centrality).
///
/// Why: a search from any source reaches the hubs of a social or Kronecker graph at once, and
/// every neighbour scan gathers the state of its targets. Numbered by decreasing degree, the hubs'
/// state shares a few cache lines and stays in the L1/L2 caches, and the vertices without arcs go
/// last, out of the way of the bottom-up scans (the vertex reordering of the GAP Benchmark Suite,
/// S. Beamer, K. Asanovic and D. Patterson, "The GAP Benchmark Suite", 2015, and of Ligra).
///
/// Exactness: each vertex keeps its neighbours in the measure graph's order (only renumbered),
/// so a breadth-first search visits the same vertices in the same order and adds the same numbers
/// in the same order as on the measure graph: the results are the same to the bit. The kernels
/// map sources in and scores out with `old_of_new` / `new_of_old`.
///
/// O(n + m) time and memory (32-bit indices), built once per call of a kernel, whose own cost is
/// O(n m) or, sampled, O(k m).
#include <algorithm>
#include <vector>

#include "maillage/algorithms/measure_graph.hpp"

namespace maillage::detail {

struct degree_ordered_graph {
    std::vector<index_t> old_of_new, new_of_old;
    /// The arcs searches follow: out-arcs, or in-arcs when built `reverse`.
    std::vector<index_t> offsets, targets;
    /// The arcs the other way (only when asked for and the graph is directed; else empty and
    /// `back_offsets()` / `back_targets()` give the forward arrays).
    std::vector<index_t> in_offsets, in_sources;
    /// Vertices with at least one arc either way: they are numbered 0..active-1.
    index_t active = 0;

    [[nodiscard]] index_t vertex_count() const noexcept { return static_cast<index_t>(old_of_new.size()); }
    [[nodiscard]] const index_t* back_offsets() const noexcept {
        return in_offsets.empty() ? offsets.data() : in_offsets.data();
    }
    [[nodiscard]] const index_t* back_targets() const noexcept {
        return in_offsets.empty() ? targets.data() : in_sources.data();
    }

    /// `reverse`: follow in-arcs; `with_back`: also keep the arcs the other way (for bottom-up
    /// search steps), when the graph is directed.
    degree_ordered_graph(const measure_graph& g, bool reverse, bool with_back = false) {
        const index_t n = g.vertex_count();
        // Degree: arcs either way, so that both directions of a directed graph gain.
        std::vector<index_t> degree(n);
        index_t max_degree = 0;
        for (index_t v = 0; v < n; ++v) {
            degree[v] = static_cast<index_t>(g.out_neighbours(v).size());
            if (g.directed()) degree[v] += static_cast<index_t>(g.in_neighbours(v).size());
            max_degree = std::max(max_degree, degree[v]);
        }
        // Stable counting sort by decreasing degree (ties by index).
        std::vector<index_t> start(std::size_t(max_degree) + 2, 0);
        for (index_t v = 0; v < n; ++v) ++start[max_degree - degree[v] + 1];
        for (std::size_t d = 1; d < start.size(); ++d) start[d] += start[d - 1];
        old_of_new.resize(n);
        new_of_old.resize(n);
        for (index_t v = 0; v < n; ++v) {
            const index_t slot = start[max_degree - degree[v]]++;
            old_of_new[slot] = v;
            new_of_old[v] = slot;
        }
        active = 0;
        while (active < n && degree[old_of_new[active]] > 0) ++active;
        degree = {};
        start = {};
        auto renumber = [&](bool in, std::vector<index_t>& offs, std::vector<index_t>& tgts) {
            offs.assign(std::size_t(n) + 1, 0);
            tgts.resize(g.arc_count());
            std::size_t k = 0;
            for (index_t i = 0; i < n; ++i) {
                for (index_t w : in ? g.in_neighbours(old_of_new[i]) : g.out_neighbours(old_of_new[i]))
                    tgts[k++] = new_of_old[w];
                offs[i + 1] = static_cast<index_t>(k);
            }
        };
        renumber(reverse, offsets, targets);
        if (with_back && g.directed()) renumber(!reverse, in_offsets, in_sources);
    }
};

}  // namespace maillage::detail
