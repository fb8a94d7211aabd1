#pragma once
/// k-core numbers.
///
/// The core number of an actor is the largest k such that it belongs to a k-core, a maximal
/// group in which every actor has at least k alters inside the group (Seidman 1983). Computed on
/// the symmetrised measure graph (direction ignored, parallel ties once; a measure graph has no
/// loops); equal to networkx.core_number(G.to_undirected()) and igraph's Graph.coreness().
///
/// Algorithm: the level-by-level peeling of PKC (H. Kabir and K. Madduri, "Parallel k-core
/// decomposition on multicore platforms", IPDPSW 2017), on one thread. At level k, a scan of the
/// actors not yet peeled takes those whose remaining degree is k; peeling an actor lowers by one
/// the degree of each alter whose degree is above k, and an alter whose degree falls to k is
/// peeled at the same level. A level where nobody is found jumps to the least remaining degree;
/// the scans keep the unpeeled actors compacted (PKC's "-o" variant), so they cost O(sum of the
/// distinct core numbers below each actor's) rather than O(n) per level. O(n + m). Against the
/// bucket algorithm of V. Batagelj and M. Zaversnik ("An O(m) algorithm for cores decomposition
/// of networks", 2003), used before: one random read per arc (the alter's degree) instead of
/// four (degree, bucket start, bucket member, position), and no branch on the arcs' tests, which
/// pass as often as they fail. Measured on the Kronecker graph of scale 18 (benchmarks/kernels):
/// about 45 ms against 85 ms.
///
/// One thread: PKC's parallel form (atomic decrements by every thread) and an owner-computes form
/// (each thread lowers the degrees of its own vertices and sends the others to their owner, in
/// rounds between barriers) were both measured slower on two cores than this loop (70-80 ms and
/// 60-80 ms against 45 ms at scale 18, 4.5 ms against 1.4 ms at scale 14): the peeling is bound by
/// random reads of a degree array that a second core then shares, and by ~3 rounds per level.
/// The core numbers are unique, so the result depends on nothing but the graph.
#include <algorithm>
#include <limits>
#include <vector>

#include "maillage/algorithms/measure_graph.hpp"
#include "maillage/algorithms/scores.hpp"
#include "maillage/error.hpp"

namespace maillage {

namespace detail {

/// The sequential peeling (one thread): `remaining` compacted at each scan, `found` the
/// vertices of the current level, in an array of n slots written without branches (the arcs'
/// tests are as likely to pass as to fail, so branches would be mispredicted half the time).
inline void peel_cores(const index_t* offsets, const index_t* targets, index_t* degree, std::vector<index_t> remaining,
                       index_t n) {
    std::vector<index_t> found_slots(std::size_t(n) + 1);
    index_t* found = found_slots.data();
    for (index_t level = 0; !remaining.empty();) {
        std::size_t size = 0, kept = 0;
        index_t least = std::numeric_limits<index_t>::max();
        for (const index_t v : remaining) {
            const index_t d = degree[v];
            found[size] = v;
            size += d == level;
            remaining[kept] = v;
            kept += d > level;
            least = std::min(least, d > level ? d : least);
        }
        remaining.resize(kept);
        if (size == 0) {
            level = least;
            continue;
        }
        for (std::size_t i = 0; i < size; ++i) {
            const index_t v = found[i];
            for (index_t a = offsets[v], stop = offsets[v + 1]; a < stop; ++a) {
                const index_t u = targets[a];
                const index_t d = degree[u];
                const bool above = d > level;
                degree[u] = d - above;
                found[size] = u;
                size += above & (d == level + 1);
            }
        }
        ++level;
    }
}

}  // namespace detail

/// On an undirected measure graph built beforehand.
/// @throws invalid_argument for a directed measure graph.
[[nodiscard]] inline actor_scores core_numbers(const measure_graph& g) {
    if (g.directed())
        throw invalid_argument("core_numbers: needs an undirected measure graph (graph_options.directed = false), "
                               "got a directed one");
    const index_t n = g.vertex_count();
    const index_t* offsets = g.out_offsets().data();
    std::vector<index_t> degree(n), remaining;
    remaining.reserve(n);
    for (index_t v = 0; v < n; ++v) {
        degree[v] = offsets[v + 1] - offsets[v];
        if (g.in_view(v)) remaining.push_back(v);
    }
    detail::peel_cores(offsets, g.out_targets().data(), degree.data(), std::move(remaining), n);
    actor_scores out = actor_scores::outside_view(n);
    for (index_t v = 0; v < n; ++v)
        if (g.in_view(v)) out.values[v] = degree[v];
    return out;
}

[[nodiscard]] inline actor_scores core_numbers(const network_view& view) {
    return core_numbers(measure_graph(view, {.directed = false}));
}

}  // namespace maillage
