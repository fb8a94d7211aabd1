#pragma once
/// The breadth-first searches of the distance measures (closeness, harmonic centrality, k-step
/// reach): the number of vertices at each hop distance from every source, on a degree-ordered
/// graph (degree_order.hpp), 64 sources at a time, summed level by level.
///
/// Algorithm: multi-source breadth-first search (M. Then, M. Kaufmann, F. Chirigati, T.-A.
/// Hoang-Vu, K. Pham, A. Kemper, T. Neumann and H. T. Vo, "The more the merrier: efficient
/// multi-source graph traversal", VLDB 2015). Each vertex holds three 64-bit words, bit b standing
/// for source b of the batch: the sources that have seen it, that visit it at this level, and that
/// will at the next. One scan of a vertex's arcs advances every search of the batch that reaches
/// it at that level, so the arcs are read once per level and batch instead of once per source;
/// with the derived vertices below, this cuts the instructions of closeness against one
/// direction-optimising search per source by 17 times on a Kronecker graph of scale 12 and 46
/// times on the generated regional map (20,000 actors, long paths; callgrind, one thread).
/// A level is expanded top-down (the frontier's arcs) while its arcs are few, and bottom-up (each
/// vertex not yet seen by every source ORs the visit words of its arcs the other way, stopping
/// once it has every missing source) once they exceed a quarter of the arcs of the vertices not
/// yet seen by every source: the direction-optimising rule of S. Beamer, K. Asanovic and
/// D. Patterson ("Direction-optimizing breadth-first search", SC 2012) for a batch, with the
/// threshold measured on those graphs (2 to 15 gave times within 15% of each other).
/// The vertices newly reached at a level are counted per source bit-sliced (columns of a
/// Harley-Seal carry-save adder tree: about 6 word operations per vertex and level instead of
/// one add per source).
///
/// Derived vertices: when v's only arc (in the search direction) goes to u, every path from v
/// starts with that arc, so d(v, x) = 1 + d(u, x) for every x != v, and a shortest path from u
/// never passes through v. v's counts are u's one level further, less v itself where u counts it:
///     level_v(1) = 1, level_v(k) = level_u(k - 1) - [d(u, v) = k - 1] for k >= 2,
/// computed after u's batch instead of searching from v. Only when d(u, v) is known without a
/// search: 1 (an arc u -> v; always so undirected) or infinite (no arc into v). A vertex whose
/// parent would itself be derived is searched (in a pair tied only to each other, the one of
/// higher number is derived from the other). The pendant actors of a social-work map (64% of
/// the regional map's 20,000) are no source.
///
/// Exactness: the counts are integers, and each source's sums are added level by level in level
/// order from them (sums_of_levels), whichever way they were counted; so the results are those
/// of one plain breadth-first search per source, to the bit, and do not depend on the batches or
/// the threads.
#include <algorithm>
#include <atomic>
#include <bit>
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

/// Per-source counts of 64-bit words added one at a time: count[b] = the number of words added
/// with bit b set. Bit-sliced: plane p holds bit p of every count; words are gathered 16 at a
/// time and reduced by a Harley-Seal tree of carry-save adders into planes 0-3, whose carry (the
/// sixteens) ripples into planes 4 and up.
class column_counter {
public:
    void add(std::uint64_t word) {
        pending_[size_++] = word;
        if (size_ == 16) reduce();
    }

    /// Adds the counts to row[0..63] and starts again from zero.
    void flush(index_t* row) {
        for (unsigned k = 0; k < size_; ++k) ripple(pending_[k], 0);
        size_ = 0;
        for (unsigned p = 0; p < used_; ++p) {
            for (std::uint64_t bits = planes_[p]; bits != 0; bits &= bits - 1)
                row[std::countr_zero(bits)] += index_t{1} << p;
            planes_[p] = 0;
        }
        used_ = 0;
    }

private:
    static void csa(std::uint64_t& high, std::uint64_t& low, std::uint64_t a, std::uint64_t b, std::uint64_t c) {
        const std::uint64_t u = a ^ b;
        high = (a & b) | (u & c);
        low = u ^ c;
    }
    void ripple(std::uint64_t carry, unsigned p) {
        for (; carry != 0; ++p) {
            const std::uint64_t keep = planes_[p] & carry;
            planes_[p] ^= carry;
            carry = keep;
        }
        used_ = std::max(used_, p);
    }
    void reduce() {
        std::uint64_t* a = pending_;
        std::uint64_t& ones = planes_[0];
        std::uint64_t& twos = planes_[1];
        std::uint64_t& fours = planes_[2];
        std::uint64_t& eights = planes_[3];
        std::uint64_t twos_a, twos_b, fours_a, fours_b, eights_a, eights_b, sixteens;
        csa(twos_a, ones, ones, a[0], a[1]);
        csa(twos_b, ones, ones, a[2], a[3]);
        csa(fours_a, twos, twos, twos_a, twos_b);
        csa(twos_a, ones, ones, a[4], a[5]);
        csa(twos_b, ones, ones, a[6], a[7]);
        csa(fours_b, twos, twos, twos_a, twos_b);
        csa(eights_a, fours, fours, fours_a, fours_b);
        csa(twos_a, ones, ones, a[8], a[9]);
        csa(twos_b, ones, ones, a[10], a[11]);
        csa(fours_a, twos, twos, twos_a, twos_b);
        csa(twos_a, ones, ones, a[12], a[13]);
        csa(twos_b, ones, ones, a[14], a[15]);
        csa(fours_b, twos, twos, twos_a, twos_b);
        csa(eights_b, fours, fours, fours_a, fours_b);
        csa(sixteens, eights, eights, eights_a, eights_b);
        used_ = std::max(used_, 4u);
        ripple(sixteens, 4);
        size_ = 0;
    }

    std::uint64_t planes_[36] = {};  ///< counts below 2^32, and a carry past the last
    std::uint64_t pending_[16] = {};
    unsigned size_ = 0, used_ = 0;
};

/// One thread's workspace for batch_levels, reused over batches: a word per vertex for each of
/// the sources of the batch that have seen it, that visit it at this level, and that will at the
/// next; the vertices of the current and next levels; the vertices seen (to reset them).
struct batch_workspace {
    std::vector<std::uint64_t> seen, visit, next;
    std::vector<index_t> frontier, upcoming, touched;
    column_counter counter;
    std::vector<index_t> counts;  ///< counts[64 l + b]: the vertices at distance l from source b
    std::int32_t levels = 0;      ///< the last level with a vertex, over the batch
    explicit batch_workspace(index_t n) : seen(n, 0), visit(n, 0), next(n, 0) {
        frontier.reserve(n);
        upcoming.reserve(n);
        touched.reserve(n);
    }
    [[nodiscard]] index_t count(std::int32_t level, unsigned source) const {
        return counts[64 * std::size_t(level) + source];
    }
};

/// The number of vertices at each distance, up to `max_level`, from each of `sources[0..count)`
/// (count <= 64, distinct vertices of `h`, which must hold its arcs the other way when directed),
/// into w.counts and w.levels (see the header comment).
inline void batch_levels(const degree_ordered_graph& h, const index_t* sources, unsigned count, batch_workspace& w,
                         std::int32_t max_level) {
    constexpr double alpha = 4;
    const index_t* offsets = h.offsets.data();
    const index_t* targets = h.targets.data();
    const index_t* back_offsets = h.back_offsets();
    const index_t* back_targets = h.back_targets();
    std::uint64_t* seen = w.seen.data();
    std::uint64_t* visit = w.visit.data();
    std::uint64_t* next = w.next.data();
    auto& frontier = w.frontier;
    auto& upcoming = w.upcoming;
    auto& touched = w.touched;
    const std::uint64_t all = count == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << count) - 1;
    frontier.clear();
    touched.clear();
    w.counts.assign(64, 0);
    double frontier_arcs = 0;
    for (unsigned b = 0; b < count; ++b) {
        const index_t s = sources[b];
        seen[s] = visit[s] = std::uint64_t{1} << b;
        frontier.push_back(s);
        touched.push_back(s);
        w.counts[b] = 1;
        frontier_arcs += offsets[s + 1] - offsets[s];
    }
    // The arcs (the other way) of the vertices some source of the batch has not seen.
    double unexplored = static_cast<double>(back_offsets[h.active]);
    std::int32_t level = 0;
    while (!frontier.empty() && level < max_level) {
        upcoming.clear();
        if (frontier_arcs > unexplored / alpha) {
            for (index_t v = 0; v < h.active; ++v) {
                const std::uint64_t missing = all & ~seen[v];
                if (missing == 0) continue;
                std::uint64_t found = 0;
                for (index_t a = back_offsets[v], stop = back_offsets[v + 1]; a < stop; ++a) {
                    found |= visit[back_targets[a]];
                    if ((found & missing) == missing) break;
                }
                found &= missing;
                if (found == 0) continue;
                upcoming.push_back(v);
                next[v] = found;
            }
        } else {
            for (index_t v : frontier) {
                const std::uint64_t bits = visit[v];
                for (index_t a = offsets[v], stop = offsets[v + 1]; a < stop; ++a) {
                    const index_t u = targets[a];
                    const std::uint64_t fresh = bits & ~seen[u];
                    if (fresh == 0) continue;
                    if (next[u] == 0) upcoming.push_back(u);
                    next[u] |= fresh;
                }
            }
        }
        for (index_t v : frontier) visit[v] = 0;
        if (upcoming.empty()) break;
        ++level;
        frontier_arcs = 0;
        for (index_t u : upcoming) {
            const std::uint64_t fresh = next[u];
            next[u] = 0;
            if (seen[u] == 0) touched.push_back(u);
            seen[u] |= fresh;
            visit[u] = fresh;
            w.counter.add(fresh);
            frontier_arcs += offsets[u + 1] - offsets[u];
            if (seen[u] == all) unexplored -= back_offsets[u + 1] - back_offsets[u];
        }
        w.counts.resize(w.counts.size() + 64, 0);
        w.counter.flush(w.counts.data() + 64 * std::size_t(level));
        std::swap(frontier, upcoming);
    }
    for (index_t v : frontier) visit[v] = 0;
    for (index_t v : touched) seen[v] = 0;
    w.levels = level;
}

/// The sums of one search from its number of vertices at each level (`level(l)`, l = 1 up to
/// `levels`), added in level order.
template <class Level>
distance_sums sums_of_levels(std::int32_t levels, Level&& level) {
    distance_sums out;
    double reached = 1;
    for (std::int32_t l = 1; l <= levels; ++l) {
        const index_t c = level(l);
        if (l == 1) out.alters = c;
        if (c > 0) {
            out.total += static_cast<double>(c) * l;
            out.inverse += static_cast<double>(c) / l;
            reached += c;
        }
    }
    out.reached = reached;
    return out;
}

/// The searches from each of `actors` (vertices of the measure graph) up to `max_level` levels,
/// on `threads` threads, calling `record(actor, sums)` once per actor (from any thread). `h` must
/// hold its arcs the other way when directed (degree_ordered_graph(g, reverse, true)). Derived
/// actors (header comment) are computed from their parent's batch; the others are searched in
/// batches of 64 in the degree order of `h` (the hubs together: their searches share their
/// levels most), handed out as threads free up.
template <class Record>
void hop_searches(const degree_ordered_graph& h, const std::vector<index_t>& actors, unsigned threads,
                  std::int32_t max_level, Record&& record) {
    const index_t n = h.vertex_count();
    const index_t* offsets = h.offsets.data();
    const index_t* targets = h.targets.data();
    const index_t* back_offsets = h.back_offsets();
    const index_t* back_targets = h.back_targets();
    std::vector<std::uint8_t> actor(n, 0);
    for (index_t v : actors) actor[h.new_of_old[v]] = 1;
    // An actor with one arc, to an actor u, that u reaches in one step or not at all.
    auto leans = [&](index_t v) {
        if (!actor[v] || offsets[v + 1] - offsets[v] != 1 || !actor[targets[offsets[v]]]) return false;
        const index_t* first = back_targets + back_offsets[v];
        const index_t* last = back_targets + back_offsets[v + 1];
        return first == last || std::find(first, last, targets[offsets[v]]) != last;
    };
    // The derived vertices, as lists of children per parent.
    std::vector<index_t> parent(n, no_index), child_offsets(std::size_t(n) + 2, 0), children;
    for (index_t v = 0; v < n; ++v) {
        if (!leans(v)) continue;
        const index_t u = targets[offsets[v]];
        if (!leans(u) || (targets[offsets[u]] == v && v > u)) {
            parent[v] = u;
            ++child_offsets[std::size_t(u) + 2];
        }
    }
    for (index_t v = 0; v < n; ++v) child_offsets[std::size_t(v) + 2] += child_offsets[std::size_t(v) + 1];
    children.resize(child_offsets[std::size_t(n) + 1]);
    for (index_t v = 0; v < n; ++v)
        if (parent[v] != no_index) children[child_offsets[std::size_t(parent[v]) + 1]++] = v;
    std::vector<index_t> sources;
    sources.reserve(actors.size());
    for (index_t v = 0; v < n; ++v)
        if (actor[v] && parent[v] == no_index) sources.push_back(v);
    parent = {};
    actor = {};
    const std::size_t batches = (sources.size() + 63) / 64;
    std::atomic<std::size_t> next{0};
    run_threads(threads, [&](unsigned, const std::atomic<bool>& failed) {
        batch_workspace w(n);
        for (;;) {
            const std::size_t batch = next.fetch_add(1);
            if (batch >= batches || failed.load(std::memory_order_relaxed)) return;
            const std::size_t first = 64 * batch;
            const auto count = static_cast<unsigned>(std::min<std::size_t>(64, sources.size() - first));
            batch_levels(h, sources.data() + first, count, w, max_level);
            const std::int32_t derived_levels = std::min(w.levels + 1, max_level);
            for (unsigned b = 0; b < count; ++b) {
                const index_t u = sources[first + b];
                record(h.old_of_new[u], sums_of_levels(w.levels, [&](std::int32_t l) { return w.count(l, b); }));
                for (index_t k = child_offsets[u]; k < child_offsets[std::size_t(u) + 1]; ++k) {
                    const index_t v = children[k];
                    // u counts v at level 1 when there is an arc u -> v (leans: else none into v).
                    const index_t self = back_offsets[v + 1] > back_offsets[v] ? 1 : 0;
                    record(h.old_of_new[v], sums_of_levels(derived_levels, [&](std::int32_t l) {
                               return l == 1 ? index_t{1} : w.count(l - 1, b) - (l == 2 ? self : 0);
                           }));
                }
            }
        }
    });
}

}  // namespace maillage::detail
