#pragma once
/// Connected components.
///
/// Weak components: actors joined by ties whatever their direction. Strong components: actors
/// that reach each other along tie direction (Tarjan 1972, iterative). Components are numbered
/// 0, 1, ... in the order of their first actor (by actor index), so that numbering is
/// deterministic; the partition equals networkx's (weakly_)connected_components /
/// strongly_connected_components. Actors outside the view get no component. O(n + m).
#include <algorithm>
#include <vector>

#include "maillage/algorithms/measure_graph.hpp"

namespace maillage {

struct components_options {
    bool strong = false;
    graph_options graph;
};

struct components_result {
    std::vector<index_t> component;  ///< per actor index; no_index outside the view
    index_t count = 0;
    /// Actors per component, by component number.
    [[nodiscard]] std::vector<index_t> sizes() const {
        std::vector<index_t> out(count, 0);
        for (index_t c : component)
            if (c != no_index) ++out[c];
        return out;
    }
};

namespace detail {

/// Renumbers components by their first actor.
inline void renumber(components_result& r) {
    std::vector<index_t> number(r.component.size(), no_index);
    index_t next = 0;
    for (index_t& c : r.component) {
        if (c == no_index) continue;
        if (number[c] == no_index) number[c] = next++;
        c = number[c];
    }
    r.count = next;
}

}  // namespace detail

/// On a measure graph built beforehand: weak components follow arcs both ways, strong ones
/// along their direction (options.graph is not read).
[[nodiscard]] inline components_result components(const measure_graph& g, const components_options& options = {}) {
    const index_t n = g.vertex_count();
    components_result r{std::vector<index_t>(n, no_index), 0};
    if (!options.strong || !g.directed()) {
        std::vector<index_t> stack;
        for (index_t s = 0; s < n; ++s) {
            if (!g.in_view(s) || r.component[s] != no_index) continue;
            r.component[s] = r.count;
            stack.push_back(s);
            while (!stack.empty()) {
                const index_t v = stack.back();
                stack.pop_back();
                for (index_t w : g.out_neighbours(v))
                    if (r.component[w] == no_index) {
                        r.component[w] = r.count;
                        stack.push_back(w);
                    }
                if (g.directed())
                    for (index_t w : g.in_neighbours(v))
                        if (r.component[w] == no_index) {
                            r.component[w] = r.count;
                            stack.push_back(w);
                        }
            }
            ++r.count;
        }
        return r;
    }
    // Tarjan's algorithm without recursion: an explicit stack of (vertex, next arc).
    std::vector<index_t> index(n, no_index), low(n, 0), scc_stack;
    std::vector<std::uint8_t> on_stack(n, 0);
    std::vector<std::pair<index_t, index_t>> call;
    index_t counter = 0;
    for (index_t root = 0; root < n; ++root) {
        if (!g.in_view(root) || index[root] != no_index) continue;
        call.push_back({root, 0});
        index[root] = low[root] = counter++;
        scc_stack.push_back(root);
        on_stack[root] = 1;
        while (!call.empty()) {
            auto& [v, next] = call.back();
            auto neighbours = g.out_neighbours(v);
            if (next < neighbours.size()) {
                const index_t w = neighbours[next++];
                if (index[w] == no_index) {
                    index[w] = low[w] = counter++;
                    scc_stack.push_back(w);
                    on_stack[w] = 1;
                    call.push_back({w, 0});
                } else if (on_stack[w]) {
                    low[v] = std::min(low[v], index[w]);
                }
                continue;
            }
            const index_t done = v;
            call.pop_back();
            if (!call.empty()) low[call.back().first] = std::min(low[call.back().first], low[done]);
            if (low[done] == index[done]) {
                index_t w;
                do {
                    w = scc_stack.back();
                    scc_stack.pop_back();
                    on_stack[w] = 0;
                    r.component[w] = r.count;
                } while (w != done);
                ++r.count;
            }
        }
    }
    detail::renumber(r);
    return r;
}

[[nodiscard]] inline components_result components(const network_view& view, const components_options& options = {}) {
    graph_options graph = options.graph;
    if (!options.strong) graph.directed = false;
    return components(measure_graph(view, graph), options);
}

}  // namespace maillage
