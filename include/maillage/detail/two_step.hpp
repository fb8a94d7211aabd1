#pragma once
/// The number of vertices within two steps of every vertex (k-step reach for k <= 2), without a
/// breadth-first search.
///
/// For a source v, the vertices within two steps are N(v) and the union of N(u) over u in N(v)
/// (v itself left out); the kernel marks them in a per-thread bitmap of n bits and counts the marks.
/// Two ways to mark N(u):
/// - one bit per arc of u (a top-down step: igraph's igraph_neighborhood_size does this with a
///   queue and a stamp array, for a cost of sum over v of sum over u in N(v) of deg(u), that is
///   sum of deg(u)^2 over u: hubs dominate it);
/// - for the hubs, a bitmap of N(u) built once per call and OR-ed into the source's bitmap, n/64
///   words whatever deg(u) (a word-parallel union, as the bit-parallel neighbourhood unions of
///   dense two-hop counting).
/// A vertex is a hub when it has at least n/64 arcs, that is when its bitmap has no more words
/// than it has arcs (`hub_words`; on the Kronecker graphs of scales 14-18, thresholds of a quarter
/// to twice that gave times within the noise of each other, 1 the best at scale 16), taken by
/// decreasing degree as long as the hubs' bitmaps fit in the memory of the graph's arcs (4 bytes
/// an arc). A source whose alters are no hubs and whose second step has fewer arcs than the bitmap
/// has words marks bit by bit, remembers the vertices it marked and clears them afterwards; the
/// others count the marks of the whole bitmap (popcount) and clear it.
///
/// The counts are integers and each source's is its own: the results are exact and do not depend
/// on the threads (sources are handed out in blocks as threads free up).
/// Cost: O(n m / w) at worst, w = 64, in practice far below the breadth-first searches.
#include <algorithm>
#include <atomic>
#include <bit>
#include <cstdint>
#include <vector>

#include "maillage/model/csr.hpp"
#include "maillage/detail/parallel.hpp"

namespace maillage::detail {

/// The arcs a two-step count follows: offsets (n + 1) and targets, no loops, no parallel arcs.
struct arc_rows {
    const index_t* offsets = nullptr;
    const index_t* targets = nullptr;
    index_t n = 0;
};

/// Counts the set bits of `words` and clears them. The popcnt instruction where the processor has
/// it (every x86-64 processor since 2008; the build targets the baseline x86-64, without it).
#if (defined(__GNUC__) || defined(__clang__)) && defined(__x86_64__)
__attribute__((target("popcnt"))) inline std::size_t count_and_clear_popcnt(std::uint64_t* words, std::size_t size) {
    std::size_t total = 0;
    for (std::size_t i = 0; i < size; ++i) {
        total += static_cast<std::size_t>(__builtin_popcountll(words[i]));
        words[i] = 0;
    }
    return total;
}
#endif

inline std::size_t count_and_clear(std::uint64_t* words, std::size_t size) {
#if (defined(__GNUC__) || defined(__clang__)) && defined(__x86_64__)
    static const bool popcnt = __builtin_cpu_supports("popcnt");
    if (popcnt) return count_and_clear_popcnt(words, size);
#endif
    std::size_t total = 0;
    for (std::size_t i = 0; i < size; ++i) {
        total += static_cast<std::size_t>(std::popcount(words[i]));
        words[i] = 0;
    }
    return total;
}

struct two_step_tuning {
    /// A vertex is a hub when deg(u) >= hub_words * n / 64 (the words of an OR of its bitmap).
    double hub_words = 1.0;
    /// Bytes the hubs' bitmaps may take; 0: as many as the arcs' targets (4 bytes an arc).
    std::size_t hub_bytes = 0;
};

/// Calls `record(v, within_one, within_two)` for each v of `sources` (vertices of `rows`): the
/// number of other vertices one step and two steps away or less, on `threads` threads.
template <class Record>
void two_step_counts(const arc_rows& rows, const std::vector<index_t>& sources, unsigned threads,
                     Record&& record, const two_step_tuning& tuning = {}) {
    const index_t n = rows.n;
    const index_t* offsets = rows.offsets;
    const index_t* targets = rows.targets;
    const std::size_t words = (std::size_t(n) + 63) / 64;
    auto degree = [&](index_t v) { return offsets[v + 1] - offsets[v]; };

    // The hubs, by decreasing degree, and their neighbourhoods as bitmaps.
    constexpr index_t no_hub = ~index_t{0};
    std::vector<index_t> hub_of;
    std::vector<std::uint64_t> hub_bits;
    {
        const double threshold = static_cast<double>(words) * tuning.hub_words;
        const std::size_t budget = tuning.hub_bytes ? tuning.hub_bytes : sizeof(index_t) * std::size_t(offsets[n]);
        const std::size_t most = words ? budget / (8 * words) : 0;
        std::vector<index_t> hubs;
        for (index_t v = 0; v < n; ++v)
            if (degree(v) > 0 && static_cast<double>(degree(v)) >= threshold) hubs.push_back(v);
        if (hubs.size() > most) {
            std::nth_element(hubs.begin(), hubs.begin() + static_cast<std::ptrdiff_t>(most), hubs.end(),
                             [&](index_t a, index_t b) { return degree(a) != degree(b) ? degree(a) > degree(b) : a < b; });
            hubs.resize(most);
        }
        if (!hubs.empty()) {
            std::sort(hubs.begin(), hubs.end());
            hub_of.assign(n, no_hub);
            hub_bits.assign(hubs.size() * words, 0);
            for (std::size_t h = 0; h < hubs.size(); ++h) {
                hub_of[hubs[h]] = static_cast<index_t>(h);
                std::uint64_t* bits = hub_bits.data() + h * words;
                for (index_t a = offsets[hubs[h]]; a < offsets[hubs[h] + 1]; ++a)
                    bits[targets[a] >> 6] |= std::uint64_t{1} << (targets[a] & 63);
            }
        }
    }
    const index_t* hub = hub_of.empty() ? nullptr : hub_of.data();

    std::atomic<std::size_t> next{0};
    constexpr std::size_t block = 64;
    run_threads(threads, [&](unsigned, const std::atomic<bool>& failed) {
        std::vector<std::uint64_t> marks(words, 0);
        std::vector<index_t> marked;
        marked.reserve(n);
        std::uint64_t* bits = marks.data();
        auto test_and_set = [&](index_t w) {
            std::uint64_t& word = bits[w >> 6];
            const std::uint64_t bit = std::uint64_t{1} << (w & 63);
            if (!(word & bit)) {
                word |= bit;
                marked.push_back(w);
            }
        };
        for (;;) {
            const std::size_t first = next.fetch_add(block);
            if (first >= sources.size() || failed.load(std::memory_order_relaxed)) return;
            for (std::size_t i = first; i < std::min(sources.size(), first + block); ++i) {
                const index_t v = sources[i];
                const index_t begin = offsets[v], end = offsets[v + 1];
                // What the second step costs bit by bit, and whether an alter is a hub.
                std::size_t arcs = 0;
                bool hubs = false;
                for (index_t a = begin; a < end; ++a) {
                    const index_t u = targets[a];
                    arcs += degree(u);
                    hubs |= hub && hub[u] != no_hub;
                }
                std::size_t reached;
                if (!hubs && arcs < words) {
                    // Few marks: set them one by one and clear them the same way.
                    test_and_set(v);
                    for (index_t a = begin; a < end; ++a) test_and_set(targets[a]);
                    for (index_t a = begin; a < end; ++a) {
                        const index_t u = targets[a];
                        for (index_t b = offsets[u], stop = offsets[u + 1]; b < stop; ++b) test_and_set(targets[b]);
                    }
                    reached = marked.size() - 1;
                    for (const index_t w : marked) bits[w >> 6] = 0;
                    marked.clear();
                } else {
                    for (index_t a = begin; a < end; ++a) {
                        const index_t u = targets[a];
                        bits[u >> 6] |= std::uint64_t{1} << (u & 63);
                        if (hub && hub[u] != no_hub) {
                            const std::uint64_t* row = hub_bits.data() + std::size_t(hub[u]) * words;
                            for (std::size_t k = 0; k < words; ++k) bits[k] |= row[k];
                        } else {
                            for (index_t b = offsets[u], stop = offsets[u + 1]; b < stop; ++b)
                                bits[targets[b] >> 6] |= std::uint64_t{1} << (targets[b] & 63);
                        }
                    }
                    bits[v >> 6] &= ~(std::uint64_t{1} << (v & 63));
                    reached = count_and_clear(bits, words);
                }
                record(v, static_cast<index_t>(end - begin), static_cast<index_t>(reached));
            }
        }
    });
}

}  // namespace maillage::detail
