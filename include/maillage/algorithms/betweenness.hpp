#pragma once
/// Betweenness centrality, exact or estimated from samples with a stated error.
///
/// Definition: betweenness(v) = sum over ordered pairs (s, t) of distinct actors other than v of
/// sigma_st(v) / sigma_st, where sigma_st counts the shortest s-t paths and sigma_st(v) those
/// through v (Freeman 1977), computed by Brandes' accumulation (U. Brandes, "A faster algorithm
/// for betweenness centrality", J. Math. Sociol. 25(2), 2001).
///
/// Normalisation, as networkx.betweenness_centrality(G, normalized=..., weight=...):
/// - raw (default): the sum above in a directed graph; half of it in an undirected graph (each
///   unordered pair once);
/// - normalized: the raw directed sum divided by (n-1)(n-2), in both cases (n = actors in the
///   view), which is the raw undirected value times 2/((n-1)(n-2)).
/// Paths follow the measure graph (measure_graph.hpp): tie direction unless symmetrised;
/// unweighted paths count hops; weighted paths use 1/weight as length (a strong tie is short)
/// unless `length = weight`.
///
/// Exact unweighted betweenness of an undirected graph folds the pendant trees first
/// (degree-1 folding, detail/pendant_folding.hpp: Baglioni et al. 2012, Sariyüce et al. 2013):
/// Brandes runs from the vertices left, weighted by the trees they carry, and the pairs through
/// the trees are counted by formula. A directed graph, a weighted one and the sampled estimates
/// are not folded. Folding changes the order of the floating-point sums against plain Brandes
/// (results agree to about 1e-15 relative).
///
/// Unweighted searches of an undirected graph go level by level, each level top-down or bottom-up,
/// whichever scans fewer arcs (detail::brandes_hops); a directed graph's searches stay top-down.
///
/// Runs over sources on `threads` threads (0: all hardware threads); thread t sums sources t,
/// t + threads, ... in its own buffer (sampled undirected unweighted: the sources split by
/// predicted cost, detail::balanced_shares), and the buffers are added in thread order: the same thread
/// count gives the same bits on every run, and 1 and 2 threads agree to the rounding of the
/// summation order (about 1e-15 relative), not to the bit. O(n m) time; unweighted O(n + m)
/// memory per thread (the shortest-path DAG of one search), weighted O(n m log n) time and O(n)
/// memory per thread.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>

#include "maillage/algorithms/measure_graph.hpp"
#include "maillage/algorithms/scores.hpp"
#include "maillage/detail/degree_order.hpp"
#include "maillage/detail/parallel.hpp"
#include "maillage/detail/pendant_folding.hpp"
#include "maillage/detail/shortest_paths.hpp"
#include "maillage/error.hpp"

namespace maillage {

/// How a weighted path measure turns a tie's weight (a strength) into a length.
enum class path_length { inverse_weight, weight };

struct betweenness_options {
    bool normalized = false;
    bool weighted = false;                            ///< use tie weights (summed over parallel ties)
    path_length length = path_length::inverse_weight; ///< when weighted
    graph_options graph;
    unsigned threads = 0;                             ///< 0: every hardware thread
    std::size_t samples = 0;                          ///< sources to sample (Brandes-Pich); 0: exact
    double epsilon = 0;                               ///< > 0: Riondato-Kornaropoulos with this error
    double delta = 0.1;                               ///< the probability of exceeding the stated error
    std::uint64_t seed = 0;                           ///< of the sampling
};

/// Scores with what an estimate guarantees: with probability at least 1 - delta, every score is
/// within `error_bound` of the exact one (on the scale of the scores); exact: samples = 0 and
/// error_bound = 0.
struct betweenness_estimate {
    actor_scores scores;
    std::string method;         ///< "exact", "sources" (Brandes-Pich) or "pairs" (Riondato-Kornaropoulos)
    std::size_t samples = 0;    ///< sources or pairs drawn
    double error_bound = 0;
    double delta = 0;
};

namespace detail {

inline length_rule rule_of(bool weighted, path_length length) {
    if (!weighted) return length_rule::hops;
    return length == path_length::weight ? length_rule::weight : length_rule::inverse_weight;
}

}  // namespace detail

namespace detail {

/// Hop levels of a search, as the arc loop tests them: d(u) < 0 (unvisited) and d(u) == d(v) + 1.
/// `wide_levels`: the int32 distance. `byte_levels`, for undirected graphs: the distance modulo
/// 255 in a byte (1..255, 0 unvisited). The two ends of an undirected arc are at most one level
/// apart, so the test only tells d(v) - 1, d(v) and d(v) + 1 apart, which differ modulo 255; and
/// the byte array, which the arc loop reads at random, is a quarter of the int32 one and stays in
/// the L1 cache with the sigma array on graphs of a few thousand vertices.
struct wide_levels {
    using type = std::int32_t;
    static constexpr type unvisited = -1, source = 0;
    static type after(type d) noexcept { return d + 1; }
};
struct byte_levels {
    using type = std::uint8_t;
    static constexpr type unvisited = 0, source = 1;
    static type after(type d) noexcept { return d == 255 ? type{1} : static_cast<type>(d + 1); }
};

/// One thread's workspace of the unweighted Brandes pass: per vertex its hop level from the
/// source (Levels::unvisited: not reached), in an array of its own so that the many arcs that
/// only test it (arcs to a vertex of a lower level) read little, and its number of shortest paths
/// sigma, then (during the accumulation) its coefficient (weight + delta) / sigma; the visit
/// order, with where each level starts in it and how it was found; and the arcs of the search's
/// shortest-path DAG: a vertex expanded top-down keeps its successors (`successor_end[i]`: where
/// those of the i-th visited vertex end), a vertex found bottom-up its predecessors
/// (`predecessor_begin/end[i]`), one list after the other in `dag`. The DAG has at most one arc
/// per tie of an undirected graph (an arc goes one level down, its reverse up), at most every arc
/// of a directed one. `pushed`: the coefficients pushed up a bottom-up level (zero between uses).
template <class Levels>
struct brandes_workspace {
    std::vector<typename Levels::type> distance;
    std::vector<double> value, pushed;
    std::vector<index_t> order;
    std::vector<index_t> dag, successor_begin, successor_end, predecessor_begin, predecessor_end;
    std::vector<std::size_t> level_start;
    std::vector<std::uint8_t> level_bottom_up;
    brandes_workspace(index_t n, std::size_t arcs, bool directed)
        : distance(n, Levels::unvisited), value(n, 0.0), pushed(directed ? 0 : n, 0.0), order(n),
          dag(directed ? arcs : arcs / 2), successor_begin(n), successor_end(n),
          predecessor_begin(directed ? 0 : n), predecessor_end(directed ? 0 : n) {}
};

/// Brandes from `s` by breadth-first search, adding `weight[s]` times each vertex's dependency to
/// `total`.
///
/// Forwards, level by level, sigma and the arcs v -> u with d(u) = d(v) + 1. Each level is
/// expanded the cheaper way (S. Beamer, K. Asanovic and D. Patterson, "Direction-optimizing
/// breadth-first search", SC 2012), counted in arcs scanned: top-down, the frontier's arcs (each
/// such arc appended to v's successors); bottom-up (`bottom_up`, undirected graphs only), the arcs
/// of every vertex not yet reached among the first `active` (the others have no arcs), each u
/// summing the sigma of its neighbours on the frontier and keeping them as its predecessors.
/// Brandes needs every shortest-path parent, so a bottom-up scan does not stop at the first, but
/// on a small-world graph the unreached vertices past the widest level hold far fewer arcs than
/// the frontier.
///
/// Backwards, level by level from the deepest, delta(v) = sigma(v) * sum over v's successors u of
/// (weight(u) + delta(u)) / sigma(u): pulled from v's successor list after a top-down level,
/// pushed from each u's predecessor list after a bottom-up one. No second scan of the arcs, no
/// distance test (the successor arrays of D. A. Bader and K. Madduri, "Parallel algorithms for
/// evaluating centrality indices in real-world networks", ICPP 2006, kept per thread). The
/// weights are the multiplicities of a folded graph (pendant_folding.hpp), else 1 (Brandes' own
/// recurrence, to the bit: x * 1 = x). Every sum runs in an order fixed by the graph and the
/// source (visit order, arc order), never by timing. The workspace's entries it touched are reset
/// before it returns.
template <class Levels>
void brandes_hops(const index_t* offsets, const index_t* targets, const double* weight, index_t s,
                  brandes_workspace<Levels>& w, double* total, bool bottom_up, index_t active) {
    using level = typename Levels::type;
    level* distance = w.distance.data();
    double* value = w.value.data();
    index_t* order = w.order.data();
    index_t* dag = w.dag.data();
    w.level_start.assign(1, 0);
    w.level_bottom_up.clear();
    std::size_t tail = 0, k = 0;
    order[tail++] = s;
    distance[s] = Levels::source;
    value[s] = 1.0;
    // Arcs a top-down step would scan (the frontier's) and a bottom-up one (the unreached vertices').
    std::uint64_t frontier_arcs = offsets[s + 1] - offsets[s];
    std::uint64_t unreached_arcs = std::uint64_t(offsets[active]) - frontier_arcs;
    std::size_t begin = 0;
    while (begin < tail) {
        const std::size_t end = tail;
        const level current = distance[order[begin]];
        const level next = Levels::after(current);
        const bool up = bottom_up && unreached_arcs < frontier_arcs;
        std::uint64_t found_arcs = 0;
        if (!up) {
            for (std::size_t head = begin; head < end; ++head) {
                const index_t v = order[head];
                const double sv = value[v];
                w.successor_begin[head] = static_cast<index_t>(k);
                for (index_t a = offsets[v], stop = offsets[v + 1]; a < stop; ++a) {
                    const index_t u = targets[a];
                    const level du = distance[u];
                    if (du == Levels::unvisited) {
                        distance[u] = next;
                        value[u] = sv;
                        order[tail++] = u;
                        dag[k++] = u;
                        found_arcs += offsets[u + 1] - offsets[u];
                    } else if (du == next) {
                        value[u] += sv;
                        dag[k++] = u;
                    }
                }
                w.successor_end[head] = static_cast<index_t>(k);
            }
        } else {
            // A neighbour of an unreached vertex is at the current level or unreached (one at a
            // lower level would have reached it), so `current` tells the frontier exactly.
            for (index_t u = 0; u < active; ++u) {
                if (distance[u] != Levels::unvisited) continue;
                const std::size_t first = k;
                double sigma = 0;
                for (index_t a = offsets[u], stop = offsets[u + 1]; a < stop; ++a) {
                    const index_t v = targets[a];
                    if (distance[v] == current) {
                        sigma += value[v];
                        dag[k++] = v;
                    }
                }
                if (k == first) continue;
                // Marked after the scan: u's neighbours at the next level are not parents.
                w.predecessor_begin[tail] = static_cast<index_t>(first);
                w.predecessor_end[tail] = static_cast<index_t>(k);
                order[tail++] = u;
                found_arcs += offsets[u + 1] - offsets[u];
                value[u] = sigma;
            }
            for (std::size_t pos = end; pos < tail; ++pos) distance[order[pos]] = next;
        }
        w.level_bottom_up.push_back(up ? 1 : 0);
        w.level_start.push_back(end);
        unreached_arcs -= found_arcs;
        frontier_arcs = found_arcs;
        begin = end;
    }
    const double source_weight = weight[s];
    double* pushed = w.pushed.data();
    // Level L holds positions [level_start[L], level_start[L + 1]); the deepest found nothing.
    const std::size_t levels = w.level_start.size() - 1;
    for (std::size_t L = levels; L-- > 1;) {
        const std::size_t first = w.level_start[L], last = w.level_start[L + 1];
        if (w.level_bottom_up[L] && L + 2 < w.level_start.size()) {
            for (std::size_t pos = last, stop = w.level_start[L + 2]; pos < stop; ++pos) {
                const double coefficient = value[order[pos]];
                for (index_t a = w.predecessor_begin[pos], e = w.predecessor_end[pos]; a < e; ++a)
                    pushed[dag[a]] += coefficient;
            }
        }
        for (std::size_t pos = first; pos < last; ++pos) {
            const index_t v = order[pos];
            double sum;
            if (w.level_bottom_up[L]) {
                sum = pushed[v];
                pushed[v] = 0;
            } else {
                sum = 0;
                for (index_t a = w.successor_begin[pos], e = w.successor_end[pos]; a < e; ++a) sum += value[dag[a]];
            }
            const double sigma = value[v];
            const double delta = sigma * sum;
            total[v] += source_weight * delta;
            value[v] = (weight[v] + delta) / sigma;
        }
    }
    for (std::size_t pos = 0; pos < tail; ++pos) distance[order[pos]] = Levels::unvisited;
    value[s] = 0;
}

/// The sources of `brandes` per thread, renumbered into `h`: thread t takes sources t,
/// t + threads, ... of the list.
inline std::vector<std::vector<index_t>> static_shares(const degree_ordered_graph& h, const std::vector<index_t>& sources,
                                                       unsigned threads) {
    std::vector<std::vector<index_t>> share(threads);
    for (std::size_t i = 0; i < sources.size(); ++i) share[i % threads].push_back(h.new_of_old[sources[i]]);
    return share;
}

/// The sources of `brandes` per thread on an undirected graph, renumbered into `h`, balanced by
/// predicted cost. A search from s scans every arc of s's component, so that component's arc
/// count is its cost (found by one breadth-first search per component holding a source, O(n + m)
/// at most). Sources in a component of one or two vertices are dropped: from an isolate nothing
/// is visited, and from one end of a lone tie the other end has no successor, so either search
/// only adds zeros (x + 0.0 == x: the sums keep their bits). The others go, by decreasing cost
/// (ties by position in `sources`), each to the thread with the least cost so far (ties: the
/// lowest thread), Graham's longest-processing-time rule; each thread then runs its sources in
/// their order in `sources`. The split depends only on the graph, the sources and the thread
/// count, never on timing.
inline std::vector<std::vector<index_t>> balanced_shares(const degree_ordered_graph& h, const std::vector<index_t>& sources,
                                                         unsigned threads) {
    const index_t n = h.vertex_count();
    std::vector<std::vector<index_t>> share(threads);
    std::vector<index_t> component(n, no_index);
    std::vector<std::uint64_t> component_arcs;
    std::vector<index_t> queue;
    struct job { std::uint64_t cost; std::size_t position; index_t vertex; };
    std::vector<job> jobs;
    jobs.reserve(sources.size());
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const index_t s = h.new_of_old[sources[i]];
        if (component[s] == no_index) {
            const auto label = static_cast<index_t>(component_arcs.size());
            std::uint64_t arcs = 0;
            queue.assign(1, s);
            component[s] = label;
            for (std::size_t head = 0; head < queue.size(); ++head) {
                const index_t v = queue[head];
                arcs += h.offsets[v + 1] - h.offsets[v];
                for (index_t a = h.offsets[v]; a < h.offsets[v + 1]; ++a)
                    if (component[h.targets[a]] == no_index) {
                        component[h.targets[a]] = label;
                        queue.push_back(h.targets[a]);
                    }
            }
            component_arcs.push_back(queue.size() > 2 ? arcs : 0);
        }
        const std::uint64_t cost = component_arcs[component[s]];
        if (cost > 0) jobs.push_back({cost, i, s});
    }
    std::stable_sort(jobs.begin(), jobs.end(), [](const job& a, const job& b) { return a.cost > b.cost; });
    std::vector<std::uint64_t> load(threads, 0);
    std::vector<std::vector<std::size_t>> positions(threads);
    for (const job& j : jobs) {
        const auto t = static_cast<std::size_t>(std::min_element(load.begin(), load.end()) - load.begin());
        load[t] += j.cost;
        positions[t].push_back(j.position);
    }
    for (unsigned t = 0; t < threads; ++t) {
        std::sort(positions[t].begin(), positions[t].end());
        for (std::size_t p : positions[t]) share[t].push_back(h.new_of_old[sources[p]]);
    }
    return share;
}

/// Brandes' dependency accumulation from each of `sources`; the sum per vertex, added over the
/// threads in thread order. Unweighted, the sources are split over the threads by
/// static_shares (directed) or balanced_shares (undirected), each thread summing its own in the
/// order of `sources`.
inline std::vector<double> brandes(const measure_graph& g, const std::vector<index_t>& sources, length_rule rule,
                                   unsigned requested_threads) {
    const index_t n = g.vertex_count();
    const unsigned threads = thread_count(requested_threads, sources.size());
    std::vector<std::vector<double>> partial(threads);
    if (rule == length_rule::hops) {
        // On the vertices renumbered by degree (the same sums in the same order, see
        // degree_order.hpp); each thread allocates its own workspace, so that its pages sit near it.
        const degree_ordered_graph h(g, false);
        const std::vector<double> ones(n, 1.0);
        const std::vector<std::vector<index_t>> share =
            g.directed() ? static_shares(h, sources, threads) : balanced_shares(h, sources, threads);
        auto run = [&]<class Levels>(Levels) {
            run_threads(threads, [&](unsigned thread, const std::atomic<bool>& failed) {
                std::vector<double> total(n, 0.0);
                if (share[thread].empty()) {
                    partial[thread] = std::move(total);
                    return;
                }
                brandes_workspace<Levels> w(n, h.targets.size(), g.directed());
                for (std::size_t i = 0; i < share[thread].size() && !failed.load(std::memory_order_relaxed); ++i)
                    brandes_hops(h.offsets.data(), h.targets.data(), ones.data(), share[thread][i], w, total.data(),
                                 !g.directed(), h.active);
                partial[thread] = std::move(total);
            });
        };
        if (g.directed()) run(wide_levels{});
        else run(byte_levels{});
        for (unsigned t = 1; t < threads; ++t)
            for (index_t v = 0; v < n; ++v) partial[0][v] += partial[t][v];
        std::vector<double> out(n);
        for (index_t v = 0; v < n; ++v) out[v] = partial[0][h.new_of_old[v]];
        return out;
    } else {
        std::vector<shortest_paths> paths(threads, shortest_paths(n));
        std::vector<std::vector<double>> dependency(threads, std::vector<double>(n, 0.0));
        for (auto& p : partial) p.assign(n, 0.0);
        parallel_static(sources.size(), threads, [&](unsigned thread, std::size_t item) {
            const index_t s = sources[item];
            shortest_paths& sp = paths[thread];
            std::vector<double>& delta = dependency[thread];
            std::vector<double>& total = partial[thread];
            sp.run(g, s, rule);
            const auto& order = sp.order();
            for (index_t v : order) delta[v] = 0;
            for (auto it = order.rbegin(); it != order.rend(); ++it) {
                const index_t w = *it;
                const double coefficient = (1.0 + delta[w]) / sp.sigma(w);
                auto predecessors = g.in_neighbours(w);
                auto weights = g.in_weights(w);
                const double dw = sp.distance(w);
                for (std::size_t k = 0; k < predecessors.size(); ++k) {
                    const index_t v = predecessors[k];
                    if (sp.distance(v) + shortest_paths::length(weights[k], rule) == dw)
                        delta[v] += sp.sigma(v) * coefficient;
                }
                if (w != s) total[w] += delta[w];
            }
        });
    }
    for (unsigned t = 1; t < threads; ++t)
        for (index_t v = 0; v < n; ++v) partial[0][v] += partial[t][v];
    return std::move(partial[0]);
}

/// Exact Brandes over every actor of an undirected graph, its pendant trees folded
/// (pendant_folding.hpp): the sources are the core vertices, each weighted by its multiplicity,
/// and the pairs through the trees are added by formula. Thread t sums the core vertices t,
/// t + threads, ... (numbered by decreasing degree, so that both threads get as many hubs) in its
/// own buffer; the buffers are added in thread order, then the trees' counts.
inline std::vector<double> brandes_folded(const measure_graph& g, unsigned requested_threads) {
    const pendant_folding f(g);
    const index_t core = f.core_size();
    const unsigned threads = thread_count(requested_threads, core);
    std::vector<std::vector<double>> partial(threads);
    run_threads(threads, [&](unsigned thread, const std::atomic<bool>& failed) {
        std::vector<double> total(core, 0.0);
        brandes_workspace<byte_levels> w(core, f.targets.size(), false);
        for (index_t s = thread; s < core && !failed.load(std::memory_order_relaxed); s += threads)
            brandes_hops(f.offsets.data(), f.targets.data(), f.weight.data(), s, w, total.data(), true, core);
        partial[thread] = std::move(total);
    });
    for (unsigned t = 1; t < threads; ++t)
        for (index_t c = 0; c < core; ++c) partial[0][c] += partial[t][c];
    std::vector<double> out = f.pendant;
    for (index_t c = 0; c < core; ++c) out[f.old_of_core[c]] += partial[0][c];
    return out;
}

/// The scale that turns Brandes' sum over ordered pairs into the documented raw or normalized
/// value.
inline double betweenness_scale(const measure_graph& g, bool normalized) {
    const double size = static_cast<double>(g.view_size());
    if (normalized) return size > 2 ? 1.0 / ((size - 1) * (size - 2)) : 1.0;
    return g.directed() ? 1.0 : 0.5;
}

/// An unbiased draw in [0, range) from a 64-bit generator (rejection of the biased top values),
/// so that samples are the same with every standard library.
inline std::uint64_t bounded(std::mt19937_64& random, std::uint64_t range) {
    const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % range;
    std::uint64_t x;
    do x = random(); while (x >= limit);
    return x % range;
}

/// A uniform double in [0, 1) with 53 random bits.
inline double unit(std::mt19937_64& random) { return static_cast<double>(random() >> 11) * 0x1.0p-53; }

/// A stream of random numbers per (seed, item), so that sampled work does not depend on which
/// thread draws it (SplitMix64 seeding, Steele, Lea & Flood 2014).
inline std::uint64_t mix_seed(std::uint64_t seed, std::uint64_t item) {
    std::uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (item + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}


/// An upper bound of the vertex diameter (vertices on a longest shortest path), as Riondato and
/// Kornaropoulos bound it.
inline double vertex_diameter_bound(const measure_graph& g, length_rule rule) {
    const index_t n = g.vertex_count();
    std::vector<index_t> component(n, no_index);
    std::vector<index_t> queue;
    double bound = 0;
    const bool two_sweep = rule == length_rule::hops && !g.directed();
    for (index_t s = 0; s < n; ++s) {
        if (!g.in_view(s) || component[s] != no_index) continue;
        // Breadth-first over the symmetrised arcs gives the weak component and, in an undirected
        // unweighted graph, the eccentricity of s.
        queue.assign(1, s);
        component[s] = s;
        index_t eccentricity = 0;
        std::size_t head = 0;
        std::vector<index_t> depth_of;
        depth_of.assign(1, 0);
        while (head < queue.size()) {
            const index_t v = queue[head];
            const index_t depth = depth_of[head++];
            eccentricity = std::max(eccentricity, depth);
            auto visit = [&](index_t w) {
                if (component[w] != no_index) return;
                component[w] = s;
                queue.push_back(w);
                depth_of.push_back(depth + 1);
            };
            for (index_t w : g.out_neighbours(v)) visit(w);
            for (index_t w : g.in_neighbours(v)) visit(w);
        }
        const double candidate = two_sweep ? 2.0 * eccentricity + 1 : static_cast<double>(queue.size());
        bound = std::max(bound, candidate);
    }
    return bound;
}

/// Riondato-Kornaropoulos sampling: for each of `pairs` ordered pairs (s, t) of distinct actors,
/// one shortest s-t path drawn uniformly (backwards from t, each predecessor p of w chosen with
/// probability sigma_p / sigma_w); returns how often each actor was an inner vertex.
inline std::vector<std::uint64_t> sample_paths(const measure_graph& g, const std::vector<index_t>& actors, std::size_t pairs,
                                               length_rule rule, std::uint64_t seed, unsigned requested_threads) {
    const index_t n = g.vertex_count();
    const unsigned threads = thread_count(requested_threads, pairs);
    std::vector<std::vector<std::uint64_t>> counts(threads, std::vector<std::uint64_t>(n, 0));
    std::vector<shortest_paths> paths(threads, shortest_paths(n));
    const std::uint64_t m = actors.size();
    parallel_items(pairs, threads, [&](unsigned thread, std::size_t item) {
        std::mt19937_64 random(mix_seed(seed, item));
        const index_t s = actors[bounded(random, m)];
        std::uint64_t k = bounded(random, m - 1);
        if (actors[k] == s) k = m - 1;
        const index_t t = actors[k];
        shortest_paths& sp = paths[thread];
        sp.run(g, s, rule, false, t);
        if (sp.distance(t) == shortest_paths::infinity) return;
        index_t w = t;
        while (true) {
            const double target = unit(random) * sp.sigma(w);
            auto predecessors = g.in_neighbours(w);
            auto weights = g.in_weights(w);
            double seen = 0;
            index_t chosen = no_index;
            for (std::size_t a = 0; a < predecessors.size(); ++a) {
                const index_t p = predecessors[a];
                if (sp.distance(p) + shortest_paths::length(weights[a], rule) != sp.distance(w)) continue;
                chosen = p;
                seen += sp.sigma(p);
                if (target < seen) break;
            }
            if (chosen == s || chosen == no_index) break;
            ++counts[thread][chosen];
            w = chosen;
        }
    }, 64);
    for (unsigned t = 1; t < threads; ++t)
        for (index_t v = 0; v < n; ++v) counts[0][v] += counts[t][v];
    return std::move(counts[0]);
}

}  // namespace detail

/// The epsilon of the source-sampling estimate above for n actors, k sources and confidence
/// 1 - delta (on the normalized scale).
[[nodiscard]] inline double sampling_error_bound(std::size_t n, std::size_t k, double delta) {
    if (n < 3 || k == 0 || k >= n) return 0.0;
    const double nn = static_cast<double>(n);
    return nn / (nn - 1) * std::sqrt(std::log(2 * nn / delta) / (2.0 * static_cast<double>(k)));
}

/// Exact betweenness or an estimate with a stated error.
///
/// - Exact (default): Brandes from every actor.
/// - `samples` = k (0 < k < n): the source-sampling estimate of Brandes & Pich ("Centrality
///   estimation in large networks", 2007; networkx's betweenness_centrality(k=...)): Brandes'
///   accumulation from k distinct sources drawn uniformly with the seed, scaled by n/k. Unbiased;
///   by Hoeffding's inequality (valid for sampling without replacement) and a union bound over
///   the n actors, with probability at least 1 - delta every normalized score is within
///   n/(n-1) * sqrt(ln(2n/delta) / (2k)) of the exact one (one source's dependency on an actor is
///   at most n-2).
/// - `epsilon` > 0: Riondato & Kornaropoulos ("Fast approximation of betweenness centrality
///   through sampling", WSDM 2014 / DMKD 2016): r = ceil((c/epsilon^2)(floor(log2(VD-2)) + 1 +
///   ln(1/delta))) ordered pairs (s, t), c = 0.5, each contributing 1/r to the inner actors of one
///   shortest s-t path drawn uniformly; with probability at least 1 - delta every actor's
///   betweenness over n(n-1) is within epsilon. VD bounds the vertex diameter: 2e+1 per component
///   from one breadth-first search of eccentricity e in an undirected unweighted graph, else the
///   size of the largest weak component. The bound is stated on the scale returned.
/// Samples are drawn from per-item streams of the seed, so the estimate is the same on any number
/// of threads (pair counts are integers; source sums are added in thread order).
/// On a measure graph built beforehand (options.graph is then not read).
[[nodiscard]] inline betweenness_estimate estimate_betweenness(const measure_graph& g, const betweenness_options& options = {}) {
    const index_t n = g.vertex_count();
    const detail::length_rule rule = detail::rule_of(options.weighted, options.length);
    std::vector<index_t> actors;
    for (index_t v = 0; v < n; ++v)
        if (g.in_view(v)) actors.push_back(v);
    const double size = static_cast<double>(actors.size());
    betweenness_estimate out;
    out.scores = actor_scores::outside_view(n);
    out.method = "exact";
    const double scale = detail::betweenness_scale(g, options.normalized);
    if (options.epsilon > 0 && actors.size() > 2) {
        if (!(options.delta > 0 && options.delta < 1))
            throw invalid_argument("betweenness: delta must be in (0, 1), got " + std::to_string(options.delta));
        const double vd = detail::vertex_diameter_bound(g, rule);
        const double log_term = vd > 3 ? std::floor(std::log2(vd - 2)) : 0.0;
        const auto pairs = static_cast<std::size_t>(
            std::ceil(0.5 / (options.epsilon * options.epsilon) * (log_term + 1 + std::log(1 / options.delta))));
        const std::vector<std::uint64_t> counts = detail::sample_paths(g, actors, pairs, rule, options.seed, options.threads);
        // counts/pairs estimates betweenness / (n(n-1)) over ordered pairs.
        const double to_scores = size * (size - 1) * scale / static_cast<double>(pairs);
        for (index_t v : actors) out.scores.values[v] = static_cast<double>(counts[v]) * to_scores;
        out.method = "pairs";
        out.samples = pairs;
        out.delta = options.delta;
        out.error_bound = options.epsilon * size * (size - 1) * scale;
        return out;
    }
    double factor = scale;
    if (options.samples > 0 && options.samples < actors.size()) {
        std::mt19937_64 random(options.seed);
        for (std::size_t k = 0; k < options.samples; ++k)
            std::swap(actors[k], actors[k + detail::bounded(random, actors.size() - k)]);
        factor *= size / static_cast<double>(options.samples);
        out.method = "sources";
        out.samples = options.samples;
        out.delta = options.delta;
        // The Hoeffding bound is on the normalized scale: bring it to the returned one.
        out.error_bound = sampling_error_bound(actors.size(), options.samples, options.delta) *
                          (size - 1) * (size - 2) * scale;
    }
    std::vector<index_t> sources(actors.begin(), actors.begin() + static_cast<std::ptrdiff_t>(
        out.method == "sources" ? options.samples : actors.size()));
    const bool fold = out.method == "exact" && rule == detail::length_rule::hops && !g.directed();
    const std::vector<double> sums = fold ? detail::brandes_folded(g, options.threads)
                                          : detail::brandes(g, sources, rule, options.threads);
    for (index_t v = 0; v < n; ++v)
        if (g.in_view(v)) out.scores.values[v] = sums[v] * factor;
    return out;
}

[[nodiscard]] inline betweenness_estimate estimate_betweenness(const network_view& view, const betweenness_options& options = {}) {
    return estimate_betweenness(measure_graph(view, options.graph), options);
}

/// The scores of estimate_betweenness (exact by default).
[[nodiscard]] inline actor_scores betweenness(const network_view& view, const betweenness_options& options = {}) {
    return estimate_betweenness(view, options).scores;
}

[[nodiscard]] inline actor_scores betweenness(const measure_graph& g, const betweenness_options& options = {}) {
    return estimate_betweenness(g, options).scores;
}


}  // namespace maillage
