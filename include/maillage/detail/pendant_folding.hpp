#pragma once
/// The pendant trees of an undirected graph folded into the vertices they hang from, for exact
/// betweenness (degree-1 folding).
///
/// Definition: remove vertices of degree 1 repeatedly (a leaf, then the vertex left a leaf by its
/// removal, and so on); what is removed are trees hanging from the vertices left, and a component
/// that is a tree folds into one vertex. Each vertex left, its "root", stands for itself and its
/// trees: its multiplicity is their number of vertices. The shortest paths between two vertices
/// of different trees are the tree paths to their roots joined by the shortest paths between the
/// roots, as many as between the roots; so the sum of Brandes over the roots with source and
/// target weights (the multiplicities) gives every pair's share of the inner vertices of the
/// core, and what the trees add is counted here:
///   pendant(v) = 2 (size(v) - 1)(N(v) - size(v)) + (size(v) - 1)^2 - sum over branches b of v of b^2
/// over ordered pairs, where size(v) is v with what was folded into it (a removed vertex: the
/// subtree it carried when removed), N(v) the number of vertices of v's component and the
/// branches the subtrees folded into v: v lies on every path from one of its branches to the
/// rest of its component (both ways), and on every path between two of its branches.
///
/// Reference: M. Baglioni, F. Geraci, M. Pellegrini and E. Lastres, "Fast exact computation of
/// betweenness centrality in social networks", ASONAM 2012; A. E. Sariyüce, E. Saule, K. Kaya and
/// Ü. V. Çatalyürek, "Shattering and compressing networks for betweenness centrality", SDM 2013.
///
/// Undirected graphs only (a directed graph is not folded: a vertex with one arc in and none out,
/// or the reverse, does not split the paths the same way). The counts are integers, exact in
/// doubles up to 2^53. O(n + m) time and memory.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "maillage/algorithms/measure_graph.hpp"

namespace maillage::detail {

struct pendant_folding {
    /// The core: the vertices left with at least one arc, numbered 0..core_size()-1 by decreasing
    /// degree in the core (ties by vertex), each keeping its core neighbours in the measure
    /// graph's order (see degree_order.hpp for why).
    std::vector<index_t> offsets{0}, targets;
    /// Per core vertex: the multiplicity (the vertex and the trees folded into it).
    std::vector<double> weight;
    /// The measure-graph vertex of each core vertex.
    std::vector<index_t> old_of_core;
    /// Per measure-graph vertex: the pairs through its trees (formula above), ordered pairs.
    std::vector<double> pendant;
    /// How many vertices were folded (removed).
    index_t folded_count = 0;

    [[nodiscard]] index_t core_size() const noexcept { return static_cast<index_t>(old_of_core.size()); }

    explicit pendant_folding(const measure_graph& g) {
        const index_t n = g.vertex_count();
        std::vector<index_t> degree(n, 0);
        for (index_t v = 0; v < n; ++v)
            for (index_t w : g.out_neighbours(v)) degree[v] += w != v;
        std::vector<double> size(n, 1.0), squares(n, 0.0);
        std::vector<index_t> parent(n, no_index), removal, stack;
        std::vector<std::uint8_t> folded(n, 0);
        for (index_t v = n; v-- > 0;)
            if (degree[v] == 1) stack.push_back(v);
        // Each vertex enters the stack once: when its degree is (or falls to) 1; it may have
        // fallen to 0 since (its last neighbour folded into it: it is then the root of a tree).
        while (!stack.empty()) {
            const index_t u = stack.back();
            stack.pop_back();
            if (degree[u] != 1) continue;
            index_t p = no_index;
            for (index_t w : g.out_neighbours(u))
                if (w != u && !folded[w]) { p = w; break; }
            folded[u] = 1;
            degree[u] = 0;
            parent[u] = p;
            removal.push_back(u);
            size[p] += size[u];
            squares[p] += size[u] * size[u];
            if (--degree[p] == 1) stack.push_back(p);
        }
        folded_count = static_cast<index_t>(removal.size());
        // Components of the core by breadth-first search; N of a root is the sum of its
        // component's sizes, and a removed vertex has its root's (reverse removal order: a
        // vertex's parent was removed after it, or not at all).
        std::vector<index_t> root(n, no_index), queue;
        std::vector<double> component_size;  // by component number
        for (index_t s = 0; s < n; ++s) {
            if (folded[s] || root[s] != no_index) continue;
            const auto label = static_cast<index_t>(component_size.size());
            double total = 0;
            queue.assign(1, s);
            root[s] = label;
            for (std::size_t head = 0; head < queue.size(); ++head) {
                const index_t v = queue[head];
                total += size[v];
                for (index_t w : g.out_neighbours(v))
                    if (!folded[w] && root[w] == no_index) {
                        root[w] = label;
                        queue.push_back(w);
                    }
            }
            component_size.push_back(total);
        }
        for (auto it = removal.rbegin(); it != removal.rend(); ++it) root[*it] = root[parent[*it]];
        pendant.assign(n, 0.0);
        for (index_t v = 0; v < n; ++v) {
            const double inner = size[v] - 1;
            pendant[v] = 2 * inner * (component_size[root[v]] - size[v]) + inner * inner - squares[v];
        }
        // The core, by decreasing core degree (a stable counting sort).
        index_t max_degree = 0;
        for (index_t v = 0; v < n; ++v) max_degree = std::max(max_degree, degree[v]);
        std::vector<index_t> start(std::size_t(max_degree) + 2, 0);
        for (index_t v = 0; v < n; ++v)
            if (degree[v] > 0) ++start[max_degree - degree[v] + 1];
        for (std::size_t d = 1; d < start.size(); ++d) start[d] += start[d - 1];
        const index_t core = start.back();
        old_of_core.resize(core);
        std::vector<index_t> core_of_old(n, no_index);
        for (index_t v = 0; v < n; ++v) {
            if (degree[v] == 0) continue;
            const index_t slot = start[max_degree - degree[v]]++;
            old_of_core[slot] = v;
            core_of_old[v] = slot;
        }
        weight.resize(core);
        offsets.assign(std::size_t(core) + 1, 0);
        targets.clear();
        for (index_t i = 0; i < core; ++i) {
            const index_t v = old_of_core[i];
            weight[i] = size[v];
            for (index_t w : g.out_neighbours(v))
                if (w != v && !folded[w]) targets.push_back(core_of_old[w]);
            offsets[i + 1] = static_cast<index_t>(targets.size());
        }
    }
};

}  // namespace maillage::detail
