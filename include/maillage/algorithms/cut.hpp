#pragma once
/// Articulation points (cut actors) and bridges.
///
/// On the symmetrised measure graph (direction ignored, parallel ties merged): an articulation
/// point is an actor whose removal splits its weak component; a bridge is a pair of actors whose
/// link (every tie between them) is the only connection between two parts of their component.
/// Same sets as networkx.articulation_points and networkx.bridges on the undirected simple graph.
/// For each articulation point, `pieces` gives the sizes of the parts its loss leaves its
/// component in (largest first): what a single point of failure cuts off is every piece but the
/// largest. Hopcroft & Tarjan's depth-first search (1973), iterative; O(n + m).
#include <algorithm>
#include <functional>
#include <utility>
#include <vector>

#include "maillage/algorithms/measure_graph.hpp"

namespace maillage {

struct cut_actor {
    index_t actor = no_index;
    std::vector<index_t> pieces;  ///< sizes of the parts left, largest first
};

struct cuts_result {
    std::vector<cut_actor> articulation_points;      ///< by actor index
    std::vector<std::pair<index_t, index_t>> bridges; ///< (smaller index, larger index), sorted
};

[[nodiscard]] inline cuts_result cuts(const network_view& view) {
    const measure_graph g(view, {.directed = false});
    const index_t n = g.vertex_count();
    std::vector<index_t> discovery(n, no_index), low(n, 0), size(n, 1), parent(n, no_index);
    std::vector<std::vector<index_t>> pieces(n);
    std::vector<std::uint8_t> is_cut(n, 0);
    cuts_result out;
    struct frame {
        index_t v;
        std::size_t next;
    };
    std::vector<frame> stack;
    std::vector<index_t> component;
    index_t clock = 0;
    for (index_t root = 0; root < n; ++root) {
        if (!g.in_view(root) || discovery[root] != no_index) continue;
        component.clear();
        discovery[root] = low[root] = clock++;
        component.push_back(root);
        stack.push_back({root, 0});
        index_t root_children = 0;
        while (!stack.empty()) {
            frame& f = stack.back();
            const index_t v = f.v;
            auto neighbours = g.out_neighbours(v);
            if (f.next < neighbours.size()) {
                const index_t w = neighbours[f.next++];
                if (w == v || w == parent[v]) continue;
                if (discovery[w] == no_index) {
                    discovery[w] = low[w] = clock++;
                    parent[w] = v;
                    component.push_back(w);
                    if (v == root) ++root_children;
                    stack.push_back({w, 0});
                } else {
                    low[v] = std::min(low[v], discovery[w]);
                }
                continue;
            }
            stack.pop_back();
            const index_t p = parent[v];
            if (p == no_index) continue;
            low[p] = std::min(low[p], low[v]);
            size[p] += size[v];
            if (low[v] > discovery[p]) out.bridges.emplace_back(std::min(p, v), std::max(p, v));
            if (low[v] >= discovery[p]) {
                pieces[p].push_back(size[v]);
                if (p != root) is_cut[p] = 1;
            }
        }
        if (root_children >= 2) is_cut[root] = 1;
        const auto total = static_cast<index_t>(component.size());
        for (index_t v : component) {
            if (!is_cut[v]) continue;
            index_t separated = 0;
            for (index_t s : pieces[v]) separated += s;
            if (total - 1 > separated) pieces[v].push_back(total - 1 - separated);
        }
    }
    for (index_t v = 0; v < n; ++v) {
        if (!is_cut[v]) continue;
        std::sort(pieces[v].begin(), pieces[v].end(), std::greater<>());
        out.articulation_points.push_back({v, std::move(pieces[v])});
    }
    std::sort(out.bridges.begin(), out.bridges.end());
    return out;
}

}  // namespace maillage
