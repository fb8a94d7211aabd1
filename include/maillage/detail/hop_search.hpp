#pragma once
/// The breadth-first search of the distance measures (closeness, harmonic centrality, k-step
/// reach): hop distances from one source on a degree-ordered graph (degree_order.hpp),
/// direction-optimising, summed level by level.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <limits>
#include <vector>

#include "maillage/detail/degree_order.hpp"
#include "maillage/detail/parallel.hpp"

namespace maillage::detail {

/// What the distance measures read of one search: the actors reached (the source included), the
/// sum of their distances and the sum of their inverse distances (the source left out).
struct distance_sums {
    double reached = 0, total = 0, inverse = 0;
    index_t alters = 0;  ///< the vertices at distance 1
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
/// `max_level`: stop after that many levels (k-step reach).
inline distance_sums hop_sums(const degree_ordered_graph& h, index_t source, hop_workspace& w,
                              std::int32_t max_level = std::numeric_limits<std::int32_t>::max()) {
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
    for (std::int32_t next = 1; begin < end && next <= max_level; ++next) {
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
        if (next == 1) out.alters = static_cast<index_t>(level);
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

/// hop_sums from each of `actors` (vertices of the measure graph) on `threads` threads, calling
/// `record(actor, sums)`; sources are handed out in blocks as threads free up (a core taken by
/// another process does not hold the others back); each actor's sums are its own, so the results
/// do not depend on the threads.
template <class Record>
void hop_searches(const degree_ordered_graph& h, const std::vector<index_t>& actors, unsigned threads,
                  std::int32_t max_level, Record&& record) {
    std::atomic<std::size_t> next{0};
    constexpr std::size_t block = 16;
    run_threads(threads, [&](unsigned, const std::atomic<bool>& failed) {
        hop_workspace w(h.vertex_count());
        for (;;) {
            const std::size_t first = next.fetch_add(block);
            if (first >= actors.size() || failed.load(std::memory_order_relaxed)) return;
            for (std::size_t i = first; i < std::min(actors.size(), first + block); ++i)
                record(actors[i], hop_sums(h, h.new_of_old[actors[i]], w, max_level));
        }
    });
}

}  // namespace maillage::detail
