#pragma once
/// Communities: modularity, Louvain and Leiden, and silos (communities that follow the boundaries
/// of a sector or another attribute; DESIGN section 4, "cloisonnement" in the glossary).
///
/// The graph is the view's measure_graph (parallel ties merged, weights summed; `weighted =
/// false` counts each linked pair once). With `graph.directed = false` (the default here) every
/// tie counts both ways; a view without directed ties is undirected either way.
///
/// Modularity, as networkx.community.modularity(G, communities, weight, resolution):
/// - undirected (Newman & Girvan 2004, resolution gamma of Reichardt & Bornholdt 2006):
///   Q = sum_c [ L_c / m - gamma (d_c / 2m)^2 ], with m the total tie weight, L_c the weight of
///   the ties inside c and d_c the sum of the strengths of c's actors;
/// - directed (Leicht & Newman 2008): Q = sum_c [ L_c / m - gamma out_c in_c / m^2 ], with m the
///   total arc weight and out_c, in_c the sums of out- and in-strengths of c's actors.
/// Both are one formula over arcs (an undirected tie is two arcs): Q = sum_c [A_c/M - gamma
/// out_c in_c / M^2], M the total arc weight. No ties: NaN (networkx divides by zero).
///
/// Louvain (Blondel, Guillaume, Lambiotte & Lefebvre 2008): local moving of actors to the
/// neighbouring community of largest modularity gain (actors visited in an order drawn from the
/// seed at each level, sweeps until none moves or one gains less than 1e-7 in modularity, as in
/// Blondel et al.'s code), then aggregation of each community into one node, until a level moves
/// nothing. The gain of moving v into C is the one networkx's
/// louvain_communities uses (directed: Dugué & Perez 2015). O(m) per sweep.
///
/// Leiden (Traag, Waltman & van Eck 2019), as igraph's community_leiden(objective_function=
/// "modularity", beta = randomness): fast local moving with a queue (an actor may also leave for
/// an empty community), refinement within each community (singletons merge only into
/// well-connected refined communities, chosen at random with probability proportional to
/// exp(gain / randomness), the gain in units of tie weight, i.e. m times the modularity gain),
/// aggregation of the refined partition with the non-refined one as the start of the next
/// level; when refinement merges nothing the aggregation uses the partition itself (as igraph).
/// The whole algorithm is repeated from its own result until an iteration changes nothing
/// (`max_iterations` bounds the repetitions). A final pass splits any community that is not
/// connected into its connected parts, which never lowers modularity (no tie is lost and the
/// expected term drops), so that every Leiden community is connected.
///
/// Both run on one thread with one seeded generator (std::mt19937_64, whose output the standard
/// fixes): the same seed gives the same communities on every machine and thread count.
/// Communities are numbered 0, 1, ... by decreasing number of actors, then by smallest actor
/// index; actors outside the view get no_index; isolated actors have a community of their own.
///
/// Silos: for a partition and an actor attribute (sector by default), per community its dominant
/// value (the value most of its actors hold; ties broken by value name) and the share of its
/// actors with a value that hold it, the weight of its internal ties (both ends inside) and
/// external ties (one end inside), counted once per linked pair on the symmetrised graph, and
/// external_share = external / (internal + external) (the community's E–I index is
/// 2 external_share - 1). A community is a *silo* when at least two of its actors have a value,
/// share >= min_share (0.8) and external_share <= max_external_share (0.25: at most one tie in
/// four leaves it). Agreement between communities and attribute over the actors with a value:
/// normalised mutual information I(U;V) / ((H(U) + H(V)) / 2) (natural logarithms; Danon et al.
/// 2005, sklearn's arithmetic normalisation, igraph compare_communities "nmi"; 1 when both
/// entropies are 0) and the adjusted Rand index (Hubert & Arabie 1985, as sklearn
/// adjusted_rand_score and igraph "adjusted_rand"; 1 when its denominator is 0).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "maillage/algorithms/measure_graph.hpp"
#include "maillage/error.hpp"
#include "maillage/model/actor_attribute.hpp"

namespace maillage {

struct modularity_options {
    double resolution = 1.0;       ///< gamma >= 0; 1 is Newman–Girvan modularity
    bool weighted = false;         ///< sum tie weights; false: each linked pair (arc) weighs 1
    graph_options graph{false};    ///< for the view overload: false symmetrises every tie
};

enum class community_method { louvain, leiden };

struct community_options {
    community_method method = community_method::louvain;
    double resolution = 1.0;       ///< gamma >= 0
    bool weighted = false;
    std::uint64_t seed = 0;
    graph_options graph{false};    ///< false: every tie counts both ways (symmetrised)
    double randomness = 0.01;      ///< Leiden refinement temperature (igraph's beta); 0: greedy
    /// Louvain: at most this many levels; Leiden: at most this many iterations of the whole
    /// algorithm. 0: until nothing changes (Leiden at most 1000 iterations).
    unsigned max_iterations = 0;
};

struct community_result {
    std::vector<index_t> membership;   ///< community per actor index; no_index outside the view
    index_t count = 0;                 ///< communities (of the view's actors)
    double modularity = std::numeric_limits<double>::quiet_NaN();
    unsigned levels = 0;               ///< aggregation levels that moved something (Leiden: over all iterations)
    unsigned iterations = 0;           ///< Louvain: local-moving sweeps; Leiden: iterations of the algorithm
    bool converged = false;            ///< stopped because nothing changed (not on max_iterations)

    /// Actors per community, by community number (decreasing).
    [[nodiscard]] std::vector<index_t> sizes() const {
        std::vector<index_t> out(count, 0);
        for (index_t c : membership)
            if (c != no_index) ++out[c];
        return out;
    }
};

namespace detail {

/// The working graph of Louvain and Leiden: per node its neighbours (no self) with the combined
/// weight w(u->v) + w(v->u), the weight of the arcs inside the node (aggregates), its out- and
/// in-strengths (arcs inside included) and the total arc weight M.
struct community_graph {
    index_t n = 0;
    std::vector<index_t> offsets{0};
    std::vector<index_t> targets;
    std::vector<double> weights;
    std::vector<double> self, out, in;
    double total = 0;
    bool directed = false;

    [[nodiscard]] std::span<const index_t> neighbours(index_t v) const noexcept {
        return {targets.data() + offsets[v], offsets[v + 1] - offsets[v]};
    }
    [[nodiscard]] std::span<const double> neighbour_weights(index_t v) const noexcept {
        return {weights.data() + offsets[v], offsets[v + 1] - offsets[v]};
    }
};

inline community_graph community_graph_of(const measure_graph& g, bool weighted) {
    community_graph c;
    c.n = g.vertex_count();
    c.directed = g.directed();
    c.offsets.assign(std::size_t(c.n) + 1, 0);
    c.self.assign(c.n, 0.0);
    c.out.assign(c.n, 0.0);
    c.in.assign(c.n, 0.0);
    c.targets.reserve(g.arc_count());
    c.weights.reserve(g.arc_count());
    for (index_t v = 0; v < c.n; ++v) {
        auto outs = g.out_neighbours(v);
        auto out_w = g.out_weights(v);
        for (std::size_t k = 0; k < outs.size(); ++k) {
            const double w = weighted ? out_w[k] : 1.0;
            c.out[v] += w;
            c.in[outs[k]] += w;
        }
        if (!c.directed) {
            for (std::size_t k = 0; k < outs.size(); ++k) {
                c.targets.push_back(outs[k]);
                c.weights.push_back(2 * (weighted ? out_w[k] : 1.0));
            }
        } else {
            // Merge the out- and in-lists (both sorted by neighbour) into combined weights.
            auto ins = g.in_neighbours(v);
            auto in_w = g.in_weights(v);
            std::size_t i = 0, j = 0;
            while (i < outs.size() || j < ins.size()) {
                index_t u;
                double w = 0;
                if (j == ins.size() || (i < outs.size() && outs[i] < ins[j])) {
                    u = outs[i];
                    w = weighted ? out_w[i] : 1.0;
                    ++i;
                } else if (i == outs.size() || ins[j] < outs[i]) {
                    u = ins[j];
                    w = weighted ? in_w[j] : 1.0;
                    ++j;
                } else {
                    u = outs[i];
                    w = (weighted ? out_w[i] : 1.0) + (weighted ? in_w[j] : 1.0);
                    ++i;
                    ++j;
                }
                c.targets.push_back(u);
                c.weights.push_back(w);
            }
        }
        c.offsets[v + 1] = static_cast<index_t>(c.targets.size());
    }
    for (index_t v = 0; v < c.n; ++v) c.total += c.out[v];
    return c;
}

/// Renumbers labels densely 0..k-1 in order of first appearance; returns k. O(n) when the labels
/// are below 2n (as the kernels' are), O(n log n) otherwise.
inline index_t renumber_dense(std::vector<index_t>& labels, std::vector<index_t>& scratch) {
    std::size_t bound = 0;
    for (index_t l : labels) bound = std::max<std::size_t>(bound, std::size_t(l) + 1);
    if (bound > 2 * labels.size() + 1) {
        std::vector<index_t> sorted(labels);
        std::sort(sorted.begin(), sorted.end());
        sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
        for (index_t& l : labels) l = static_cast<index_t>(std::lower_bound(sorted.begin(), sorted.end(), l) - sorted.begin());
        bound = sorted.size();
    }
    scratch.assign(bound, no_index);
    index_t next = 0;
    for (index_t& l : labels) {
        if (scratch[l] == no_index) scratch[l] = next++;
        l = scratch[l];
    }
    return next;
}

/// The graph whose nodes are the k communities of `comm` (dense labels). O(n + m).
inline community_graph aggregate(const community_graph& g, const std::vector<index_t>& comm, index_t k,
                                 std::vector<double>& accumulate, std::vector<index_t>& touched) {
    community_graph a;
    a.n = k;
    a.directed = g.directed;
    a.total = g.total;
    a.self.assign(k, 0.0);
    a.out.assign(k, 0.0);
    a.in.assign(k, 0.0);
    std::vector<index_t> start(std::size_t(k) + 1, 0), members(g.n);
    for (index_t v = 0; v < g.n; ++v) ++start[comm[v] + 1];
    for (index_t c = 0; c < k; ++c) start[c + 1] += start[c];
    {
        std::vector<index_t> next(start.begin(), start.end() - 1);
        for (index_t v = 0; v < g.n; ++v) members[next[comm[v]]++] = v;
    }
    accumulate.assign(k, 0.0);
    a.offsets.assign(std::size_t(k) + 1, 0);
    a.targets.reserve(g.targets.size() / 2);
    a.weights.reserve(g.targets.size() / 2);
    for (index_t c = 0; c < k; ++c) {
        double inside = 0;
        touched.clear();
        for (index_t p = start[c]; p < start[c + 1]; ++p) {
            const index_t v = members[p];
            a.self[c] += g.self[v];
            a.out[c] += g.out[v];
            a.in[c] += g.in[v];
            auto nbrs = g.neighbours(v);
            auto ws = g.neighbour_weights(v);
            for (std::size_t e = 0; e < nbrs.size(); ++e) {
                const index_t d = comm[nbrs[e]];
                if (d == c) {
                    inside += ws[e];
                } else {
                    if (accumulate[d] == 0) touched.push_back(d);
                    accumulate[d] += ws[e];
                }
            }
        }
        a.self[c] += inside / 2;  // each inside pair was seen from both ends
        std::sort(touched.begin(), touched.end());
        for (index_t d : touched) {
            a.targets.push_back(d);
            a.weights.push_back(accumulate[d]);
            accumulate[d] = 0;
        }
        a.offsets[c + 1] = static_cast<index_t>(a.targets.size());
    }
    return a;
}

/// A seeded generator whose draws do not depend on the standard library.
class community_random {
public:
    explicit community_random(std::uint64_t seed) : engine_(seed ^ 0x6d61696c6c616765ull) {}
    /// Uniform in [0, range), by rejection.
    std::uint64_t below(std::uint64_t range) {
        const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % range;
        std::uint64_t x;
        do x = engine_(); while (x >= limit);
        return x % range;
    }
    /// Uniform in [0, 1) with 53 random bits.
    double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
    /// A random permutation of 0..n-1 (Fisher–Yates).
    void permutation(std::vector<index_t>& order, index_t n) {
        order.resize(n);
        std::iota(order.begin(), order.end(), index_t{0});
        for (index_t i = n; i > 1; --i) std::swap(order[i - 1], order[below(i)]);
    }

private:
    std::mt19937_64 engine_;
};

/// The buffers the kernels reuse, so that nothing is allocated per node.
struct community_scratch {
    std::vector<double> weight_to, total_out, total_in, accumulate;
    std::vector<index_t> touched, order, size, labels, empty, queue;
    std::vector<std::uint8_t> queued;
};

/// The smallest gain difference that counts as an improvement (in units of combined weight),
/// so that rounding never makes a node hop between two equally good communities.
inline double gain_tolerance(const community_graph& g) {
    return 1e-12 * (g.n > 0 ? g.total / g.n : 1.0) + 1e-300;
}

/// The modularity gain below which a sweep of Louvain's local moving ends its level (the
/// threshold networkx's louvain_communities applies between levels).
inline constexpr double louvain_sweep_gain = 1e-7;

/// Sums into s.weight_to the weight of the ties from `v` to each community among its neighbours,
/// listing those communities in s.touched, `v`'s own first (even when no tie leads there).
inline void weigh_neighbour_communities(const community_graph& g, index_t v, const std::vector<index_t>& comm,
                                        community_scratch& s) {
    auto nbrs = g.neighbours(v);
    auto ws = g.neighbour_weights(v);
    const index_t own = comm[v];
    s.touched.clear();
    s.touched.push_back(own);
    s.weight_to[own] = 0;
    for (std::size_t e = 0; e < nbrs.size(); ++e) {
        const index_t c = comm[nbrs[e]];
        if (s.weight_to[c] == 0 && c != own) s.touched.push_back(c);
        s.weight_to[c] += ws[e];
    }
}

/// The gain (times M) of putting a node of out/in strengths kout/kin, taken out of its community,
/// into community c: ties to c less their expected weight at resolution `scale` = gamma / M.
inline double community_gain(const community_scratch& s, index_t c, double kout, double kin, double scale) {
    return s.weight_to[c] - scale * (kout * s.total_in[c] + kin * s.total_out[c]);
}

/// Among s.touched (weighed by weigh_neighbour_communities, the node's own community first and
/// already without it), the community of largest gain, a neighbour's only if it beats staying by
/// more than `tolerance`; and its gain.
inline std::pair<index_t, double> best_neighbour_community(const community_scratch& s, double kout, double kin,
                                                           double scale, double tolerance) {
    index_t best = s.touched.front();
    double best_gain = community_gain(s, best, kout, kin, scale);
    for (std::size_t t = 1; t < s.touched.size(); ++t) {
        const index_t c = s.touched[t];
        const double gain = community_gain(s, c, kout, kin, scale);
        if (gain > best_gain + tolerance) {
            best_gain = gain;
            best = c;
        }
    }
    return {best, best_gain};
}

/// Louvain's local moving on `g` from singletons; `comm` receives the communities. Returns the
/// number of moves; `sweeps` counts the passes over the nodes.
inline std::size_t louvain_move(const community_graph& g, std::vector<index_t>& comm, double gamma,
                                community_random& random, community_scratch& s, unsigned& sweeps) {
    const index_t n = g.n;
    comm.resize(n);
    std::iota(comm.begin(), comm.end(), index_t{0});
    s.total_out.assign(g.out.begin(), g.out.end());
    s.total_in.assign(g.in.begin(), g.in.end());
    s.weight_to.assign(n, 0.0);
    random.permutation(s.order, n);
    const double scale = gamma / g.total, tolerance = gain_tolerance(g);
    std::size_t moves_total = 0;
    for (;;) {
        std::size_t moves = 0;
        double improvement = 0;  // M times the modularity gained in this sweep
        ++sweeps;
        for (index_t v : s.order) {
            if (g.neighbours(v).empty()) continue;
            weigh_neighbour_communities(g, v, comm, s);
            const index_t own = comm[v];
            const double kout = g.out[v], kin = g.in[v];
            s.total_out[own] -= kout;
            s.total_in[own] -= kin;
            const double stay = community_gain(s, own, kout, kin, scale);
            const auto [best, best_gain] = best_neighbour_community(s, kout, kin, scale, tolerance);
            s.total_out[best] += kout;
            s.total_in[best] += kin;
            comm[v] = best;
            if (best != own) {
                ++moves;
                improvement += best_gain - stay;
            }
            for (index_t c : s.touched) s.weight_to[c] = 0;
        }
        moves_total += moves;
        // As Blondel et al.'s code: a sweep that gains less than louvain_sweep_gain ends the level.
        if (moves == 0 || improvement < louvain_sweep_gain * g.total) break;
    }
    return moves_total;
}

/// Leiden's fast local moving on `g` from `comm` (labels < g.n). Returns whether a node moved.
inline bool leiden_move(const community_graph& g, std::vector<index_t>& comm, double gamma, community_random& random,
                        community_scratch& s) {
    const index_t n = g.n;
    s.total_out.assign(n, 0.0);
    s.total_in.assign(n, 0.0);
    s.size.assign(n, 0);
    for (index_t v = 0; v < n; ++v) {
        s.total_out[comm[v]] += g.out[v];
        s.total_in[comm[v]] += g.in[v];
        ++s.size[comm[v]];
    }
    s.empty.clear();
    for (index_t c = n; c-- > 0;)
        if (s.size[c] == 0) s.empty.push_back(c);
    s.weight_to.assign(n, 0.0);
    random.permutation(s.order, n);
    // The queue: a ring of capacity n (a node is at most once in it).
    s.queue.assign(s.order.begin(), s.order.end());
    s.queued.assign(n, 1);
    std::size_t head = 0, queued = n;
    const double scale = gamma / g.total, tolerance = gain_tolerance(g);
    bool moved = false;
    while (queued > 0) {
        const index_t v = s.queue[head];
        head = head + 1 == n ? 0 : head + 1;
        --queued;
        s.queued[v] = 0;
        auto nbrs = g.neighbours(v);
        if (nbrs.empty()) continue;
        weigh_neighbour_communities(g, v, comm, s);
        const index_t own = comm[v];
        const double kout = g.out[v], kin = g.in[v];
        s.total_out[own] -= kout;
        s.total_in[own] -= kin;
        --s.size[own];
        auto [best, best_gain] = best_neighbour_community(s, kout, kin, scale, tolerance);
        // An empty community: gain 0 (no ties, no expected weight).
        if (s.size[own] > 0 && 0 > best_gain + tolerance && !s.empty.empty()) {
            best = s.empty.back();
            s.empty.pop_back();
        }
        if (s.size[own] == 0 && best != own) s.empty.push_back(own);
        s.total_out[best] += kout;
        s.total_in[best] += kin;
        ++s.size[best];
        comm[v] = best;
        for (index_t c : s.touched) s.weight_to[c] = 0;
        if (best == own) continue;
        moved = true;
        for (index_t u : nbrs)
            if (comm[u] != best && !s.queued[u]) {
                std::size_t tail = head + queued;
                if (tail >= n) tail -= n;
                s.queue[tail] = u;
                s.queued[u] = 1;
                ++queued;
            }
    }
    return moved;
}

/// Leiden's refinement of `comm` (dense labels 0..k-1): returns refined labels (< g.n).
inline std::vector<index_t> leiden_refine(const community_graph& g, const std::vector<index_t>& comm, index_t k,
                                          double gamma, double randomness, community_random& random,
                                          community_scratch& s) {
    const index_t n = g.n;
    std::vector<index_t> refined(n);
    std::iota(refined.begin(), refined.end(), index_t{0});
    std::vector<double> comm_out(k, 0.0), comm_in(k, 0.0), to_rest(n, 0.0);
    for (index_t v = 0; v < n; ++v) {
        comm_out[comm[v]] += g.out[v];
        comm_in[comm[v]] += g.in[v];
        auto nbrs = g.neighbours(v);
        auto ws = g.neighbour_weights(v);
        for (std::size_t e = 0; e < nbrs.size(); ++e)
            if (comm[nbrs[e]] == comm[v]) to_rest[v] += ws[e];
    }
    // Per refined community: strengths, size and weight to the rest of its community.
    s.total_out.assign(g.out.begin(), g.out.end());
    s.total_in.assign(g.in.begin(), g.in.end());
    s.size.assign(n, 1);
    std::vector<double> refined_rest(to_rest);
    s.weight_to.assign(n, 0.0);
    s.accumulate.clear();
    random.permutation(s.order, n);
    const double scale = gamma / g.total, tolerance = gain_tolerance(g);
    for (index_t v : s.order) {
        if (s.size[refined[v]] != 1) continue;
        const index_t c = comm[v];
        const double kout = g.out[v], kin = g.in[v];
        // v must be well connected to its community.
        if (to_rest[v] + tolerance < scale * (kout * (comm_in[c] - kin) + kin * (comm_out[c] - kout))) continue;
        auto nbrs = g.neighbours(v);
        auto ws = g.neighbour_weights(v);
        s.touched.clear();
        for (std::size_t e = 0; e < nbrs.size(); ++e) {
            if (comm[nbrs[e]] != c) continue;
            const index_t t = refined[nbrs[e]];
            if (s.weight_to[t] == 0) s.touched.push_back(t);
            s.weight_to[t] += ws[e];
        }
        // Candidates: staying alone (gain 0) and every well-connected refined community with a
        // gain >= 0; gains in units of tie weight (half the combined weight).
        index_t chosen = refined[v];
        double best = 0;
        s.accumulate.clear();
        s.labels.clear();
        for (index_t t : s.touched) {
            const bool connected = refined_rest[t] + tolerance >=
                                   scale * (s.total_out[t] * (comm_in[c] - s.total_in[t]) + s.total_in[t] * (comm_out[c] - s.total_out[t]));
            if (!connected) continue;
            const double gain = 0.5 * (s.weight_to[t] - scale * (kout * s.total_in[t] + kin * s.total_out[t]));
            if (gain < 0) continue;
            s.labels.push_back(t);
            s.accumulate.push_back(gain);
            if (gain > best) best = gain;
        }
        if (!s.labels.empty()) {
            if (randomness <= 0) {
                for (std::size_t i = 0; i < s.labels.size(); ++i)
                    if (s.accumulate[i] == best && best > tolerance) {
                        chosen = s.labels[i];
                        break;
                    }
            } else {
                double sum = std::exp((0 - best) / randomness);  // staying alone
                for (double& gain : s.accumulate) sum += (gain = std::exp((gain - best) / randomness));
                double draw = random.unit() * sum - std::exp((0 - best) / randomness);
                for (std::size_t i = 0; i < s.labels.size() && draw >= 0; ++i) {
                    chosen = s.labels[i];
                    draw -= s.accumulate[i];
                }
            }
        }
        if (chosen != refined[v]) {
            const index_t t = chosen, old = refined[v];
            refined_rest[t] += to_rest[v] - 2 * s.weight_to[t];
            s.total_out[t] += kout;
            s.total_in[t] += kin;
            ++s.size[t];
            s.size[old] = 0;
            refined[v] = t;
        }
        for (index_t t : s.touched) s.weight_to[t] = 0;
    }
    return refined;
}

/// One run of Leiden from `membership` (labels < g.n) on the original graph.
inline void leiden_run(const community_graph& original, std::vector<index_t>& membership, double gamma, double randomness,
                       community_random& random, community_scratch& s, unsigned& levels) {
    community_graph level_graph;
    const community_graph* g = &original;
    std::vector<index_t> partition = membership, node_of(original.n);
    std::iota(node_of.begin(), node_of.end(), index_t{0});
    for (;;) {
        leiden_move(*g, partition, gamma, random, s);
        const index_t k = renumber_dense(partition, s.labels);
        if (k == g->n) break;
        std::vector<index_t> refined = leiden_refine(*g, partition, k, gamma, randomness, random, s);
        index_t kr = renumber_dense(refined, s.labels);
        if (kr == g->n) {
            refined = partition;
            kr = k;
        }
        std::vector<index_t> next(kr);
        for (index_t v = 0; v < g->n; ++v) next[refined[v]] = partition[v];
        for (index_t& node : node_of) node = refined[node];
        community_graph aggregated = aggregate(*g, refined, kr, s.accumulate, s.touched);
        level_graph = std::move(aggregated);
        g = &level_graph;
        partition = std::move(next);
        ++levels;
    }
    for (index_t v = 0; v < original.n; ++v) membership[v] = partition[node_of[v]];
}

/// Splits every community into its connected parts (ties either way). Returns the number of
/// parts; labels become dense.
inline index_t split_disconnected(const community_graph& g, std::vector<index_t>& membership) {
    std::vector<index_t> part(g.n, no_index), stack;
    index_t parts = 0;
    for (index_t r = 0; r < g.n; ++r) {
        if (part[r] != no_index) continue;
        part[r] = parts;
        stack.push_back(r);
        while (!stack.empty()) {
            const index_t v = stack.back();
            stack.pop_back();
            for (index_t u : g.neighbours(v))
                if (part[u] == no_index && membership[u] == membership[r]) {
                    part[u] = parts;
                    stack.push_back(u);
                }
        }
        ++parts;
    }
    membership = std::move(part);
    return parts;
}

/// Numbers the communities of the view's actors by decreasing size, then smallest actor index;
/// no_index outside the view. Returns the count.
inline index_t number_communities(const measure_graph& g, std::vector<index_t>& membership) {
    const index_t n = g.vertex_count();
    std::size_t bound = 0;
    for (index_t v = 0; v < n; ++v)
        if (g.in_view(v)) bound = std::max<std::size_t>(bound, std::size_t(membership[v]) + 1);
    std::vector<index_t> size(bound, 0), first(bound, no_index);
    for (index_t v = 0; v < n; ++v) {
        if (!g.in_view(v)) continue;
        ++size[membership[v]];
        if (first[membership[v]] == no_index) first[membership[v]] = v;
    }
    std::vector<index_t> labels;
    for (std::size_t c = 0; c < bound; ++c)
        if (size[c] > 0) labels.push_back(static_cast<index_t>(c));
    std::sort(labels.begin(), labels.end(), [&](index_t a, index_t b) {
        return size[a] != size[b] ? size[a] > size[b] : first[a] < first[b];
    });
    std::vector<index_t> number(bound, no_index);
    for (std::size_t i = 0; i < labels.size(); ++i) number[labels[i]] = static_cast<index_t>(i);
    for (index_t v = 0; v < n; ++v) membership[v] = g.in_view(v) ? number[membership[v]] : no_index;
    return static_cast<index_t>(labels.size());
}

inline void check_resolution(const char* function, double resolution) {
    if (!(resolution >= 0) || !std::isfinite(resolution))
        throw invalid_argument(std::string(function) + ": resolution must be a finite number >= 0, got " +
                               std::to_string(resolution));
}

}  // namespace detail

/// Modularity of `membership` (a community label per actor index, any labels but no_index for the
/// view's actors; actors outside the view are ignored) on `g`; definition at the top of this
/// header. O(n + m). @throws invalid_argument when the sizes differ, an actor of the view has no
/// community, or the resolution is negative.
[[nodiscard]] inline double modularity(const measure_graph& g, std::span<const index_t> membership,
                                       const modularity_options& options = {}) {
    detail::check_resolution("modularity", options.resolution);
    const index_t n = g.vertex_count();
    if (membership.size() != n)
        throw invalid_argument("modularity: membership must hold one community per actor (" + std::to_string(n) +
                               "), got " + std::to_string(membership.size()));
    std::vector<index_t> labels(n, 0);
    for (index_t v = 0; v < n; ++v) {
        if (!g.in_view(v)) continue;
        if (membership[v] == no_index)
            throw invalid_argument("modularity: actor index " + std::to_string(v) + " of the view has no community");
        labels[v] = membership[v];
    }
    std::vector<index_t> scratch;
    const index_t k = detail::renumber_dense(labels, scratch);
    std::vector<double> inside(k, 0.0), out(k, 0.0), in(k, 0.0);
    double total = 0;
    for (index_t v = 0; v < n; ++v) {
        auto targets = g.out_neighbours(v);
        auto weights = g.out_weights(v);
        for (std::size_t e = 0; e < targets.size(); ++e) {
            const double w = options.weighted ? weights[e] : 1.0;
            total += w;
            out[labels[v]] += w;
            in[labels[targets[e]]] += w;
            if (labels[targets[e]] == labels[v]) inside[labels[v]] += w;
        }
    }
    if (!(total > 0)) return std::numeric_limits<double>::quiet_NaN();
    double q = 0;
    for (index_t c = 0; c < k; ++c) q += inside[c] / total - options.resolution * (out[c] / total) * (in[c] / total);
    return q;
}

[[nodiscard]] inline double modularity(const network_view& view, std::span<const index_t> membership,
                                       const modularity_options& options = {}) {
    return modularity(measure_graph(view, options.graph), membership, options);
}

/// Louvain or Leiden (options.method) on the view. O(m) per sweep; see the top of this header.
[[nodiscard]] inline community_result communities(const network_view& view, const community_options& options = {}) {
    const char* function = options.method == community_method::louvain ? "louvain" : "leiden";
    detail::check_resolution(function, options.resolution);
    if (!(options.randomness >= 0) || !std::isfinite(options.randomness))
        throw invalid_argument(std::string(function) + ": randomness must be a finite number >= 0, got " +
                               std::to_string(options.randomness));
    const measure_graph mg(view, options.graph);
    const detail::community_graph g = detail::community_graph_of(mg, options.weighted);
    community_result r;
    r.membership.resize(g.n);
    std::iota(r.membership.begin(), r.membership.end(), index_t{0});
    if (!(g.total > 0)) {
        r.converged = true;
        r.count = detail::number_communities(mg, r.membership);
        return r;
    }
    detail::community_random random(options.seed);
    detail::community_scratch s;
    if (options.method == community_method::louvain) {
        const detail::community_graph* level = &g;
        detail::community_graph aggregated;
        std::vector<index_t> comm;
        r.converged = false;
        for (;;) {
            if (options.max_iterations && r.levels >= options.max_iterations) break;
            if (detail::louvain_move(*level, comm, options.resolution, random, s, r.iterations) == 0) {
                r.converged = true;
                break;
            }
            const index_t k = detail::renumber_dense(comm, s.labels);
            for (index_t& c : r.membership) c = comm[c];
            ++r.levels;
            aggregated = detail::aggregate(*level, comm, k, s.accumulate, s.touched);
            level = &aggregated;
        }
    } else {
        const unsigned cap = options.max_iterations ? options.max_iterations : 1000;
        std::vector<index_t> previous, scratch;
        while (r.iterations < cap) {
            previous = r.membership;
            detail::leiden_run(g, r.membership, options.resolution, options.randomness, random, s, r.levels);
            ++r.iterations;
            detail::renumber_dense(r.membership, scratch);
            if (r.membership == previous) {
                r.converged = true;
                break;
            }
        }
        detail::split_disconnected(g, r.membership);
    }
    r.count = detail::number_communities(mg, r.membership);
    r.modularity = modularity(mg, r.membership, {options.resolution, options.weighted, options.graph});
    return r;
}

[[nodiscard]] inline community_result louvain(const network_view& view, community_options options = {}) {
    options.method = community_method::louvain;
    return communities(view, options);
}

[[nodiscard]] inline community_result leiden(const network_view& view, community_options options = {}) {
    options.method = community_method::leiden;
    return communities(view, options);
}

struct silo_options {
    double min_share = 0.8;            ///< dominant value's share among the actors with a value
    double max_external_share = 0.25;  ///< external ties over all ties of the community
    bool weighted = false;             ///< tie weights for internal/external; false: linked pairs
};

struct community_profile {
    index_t community = 0;
    index_t size = 0;                  ///< actors
    index_t valued = 0;                ///< actors with a value for the attribute
    index_t dominant = no_index;       ///< group code of the dominant value (no_index: none)
    index_t dominant_count = 0;
    double share = std::numeric_limits<double>::quiet_NaN();  ///< dominant_count / valued
    double internal = 0, external = 0;
    double external_share = std::numeric_limits<double>::quiet_NaN();
    bool silo = false;
};

struct silo_result {
    actor_groups groups;
    std::vector<community_profile> communities;   ///< by community number (those with actors)
    index_t silo_count = 0;
    double nmi = std::numeric_limits<double>::quiet_NaN();
    double ari = std::numeric_limits<double>::quiet_NaN();
};

namespace detail {

/// NMI (arithmetic normalisation) and ARI of two labelings of the same items (dense labels).
inline std::pair<double, double> partition_agreement(const std::vector<index_t>& a, index_t ka,
                                                     const std::vector<index_t>& b, index_t kb) {
    const double n = static_cast<double>(a.size());
    if (a.empty()) return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
    std::vector<double> ca(ka, 0.0), cb(kb, 0.0);
    std::vector<std::uint64_t> cells;
    cells.reserve(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        ++ca[a[i]];
        ++cb[b[i]];
        cells.push_back((std::uint64_t(a[i]) << 32) | b[i]);
    }
    std::sort(cells.begin(), cells.end());
    auto entropy = [n](const std::vector<double>& counts) {
        double h = 0;
        for (double c : counts)
            if (c > 0) h -= (c / n) * std::log(c / n);
        return h;
    };
    auto pairs = [](double c) { return c * (c - 1) / 2; };
    double mutual = 0, pairs_cells = 0;
    for (std::size_t i = 0; i < cells.size();) {
        std::size_t j = i;
        while (j < cells.size() && cells[j] == cells[i]) ++j;
        const double c = static_cast<double>(j - i);
        const double x = ca[cells[i] >> 32], y = cb[cells[i] & 0xffffffffu];
        mutual += (c / n) * std::log(c * n / (x * y));
        pairs_cells += pairs(c);
        i = j;
    }
    const double ha = entropy(ca), hb = entropy(cb);
    const double nmi = ha + hb > 0 ? std::max(0.0, mutual) / ((ha + hb) / 2) : 1.0;
    double pa = 0, pb = 0;
    for (double c : ca) pa += pairs(c);
    for (double c : cb) pb += pairs(c);
    const double expected = n > 1 ? pa * pb / pairs(n) : 0;
    const double denominator = (pa + pb) / 2 - expected;
    const double ari = denominator != 0 ? (pairs_cells - expected) / denominator : 1.0;
    return {nmi, ari};
}

}  // namespace detail

/// Silos of a partition (`membership` per actor index, as community_result::membership) by
/// `attribute` (an actor field or free attribute, see model/actor_attribute.hpp); definitions at
/// the top of this header. O(n log n + m).
/// @throws invalid_argument for bad thresholds, a membership of the wrong size or with an actor
/// of the view without community, or an attribute that no actor of the view has.
[[nodiscard]] inline silo_result silos(const network_view& view, std::span<const index_t> membership,
                                       std::string_view attribute = "sector", const silo_options& options = {}) {
    if (!(options.min_share >= 0 && options.min_share <= 1))
        throw invalid_argument("silos: min_share must be in [0, 1], got " + std::to_string(options.min_share));
    if (!(options.max_external_share >= 0 && options.max_external_share <= 1))
        throw invalid_argument("silos: max_external_share must be in [0, 1], got " +
                               std::to_string(options.max_external_share));
    const measure_graph g(view, {false});
    const index_t n = g.vertex_count();
    if (membership.size() != n)
        throw invalid_argument("silos: membership must hold one community per actor (" + std::to_string(n) + "), got " +
                               std::to_string(membership.size()));
    silo_result out;
    out.groups = group_actors(view, attribute, "silos");
    require_values(out.groups, "silos");
    std::vector<index_t> labels(n, 0);
    for (index_t v = 0; v < n; ++v) {
        if (!g.in_view(v)) continue;
        if (membership[v] == no_index)
            throw invalid_argument("silos: actor \"" + view.base().actor_id(v) + "\" of the view has no community");
        labels[v] = membership[v];
    }
    // Community numbers as given; they must be below the actor count (as community_result's are).
    index_t k = 0;
    for (index_t v = 0; v < n; ++v)
        if (g.in_view(v)) {
            if (labels[v] >= n)
                throw invalid_argument("silos: community numbers must be below the actor count (" + std::to_string(n) +
                                       "), got " + std::to_string(labels[v]));
            k = std::max(k, labels[v] + 1);
        }
    out.communities.resize(k);
    const index_t groups = out.groups.count();
    std::vector<index_t> counts(std::size_t(k) * groups, 0);
    for (index_t v = 0; v < n; ++v) {
        if (!g.in_view(v)) continue;
        community_profile& p = out.communities[labels[v]];
        ++p.size;
        if (out.groups.group[v] != no_index) {
            ++p.valued;
            ++counts[std::size_t(labels[v]) * groups + out.groups.group[v]];
        }
        auto targets = g.out_neighbours(v);
        auto weights = g.out_weights(v);
        for (std::size_t e = 0; e < targets.size(); ++e) {
            if (targets[e] < v) continue;  // each linked pair once
            const double w = options.weighted ? weights[e] : 1.0;
            if (labels[targets[e]] == labels[v]) {
                p.internal += w;
            } else {
                p.external += w;
                out.communities[labels[targets[e]]].external += w;
            }
        }
    }
    std::vector<index_t> a, b;
    for (index_t c = 0; c < k; ++c) {
        community_profile& p = out.communities[c];
        p.community = c;
        for (index_t x = 0; x < groups; ++x) {
            const index_t count = counts[std::size_t(c) * groups + x];
            if (count > p.dominant_count) {
                p.dominant_count = count;
                p.dominant = x;
            }
        }
        if (p.valued > 0) p.share = static_cast<double>(p.dominant_count) / p.valued;
        if (p.internal + p.external > 0) p.external_share = p.external / (p.internal + p.external);
        p.silo = p.valued >= 2 && p.share >= options.min_share && p.internal + p.external > 0 &&
                 p.external_share <= options.max_external_share;
        out.silo_count += p.silo;
    }
    std::erase_if(out.communities, [](const community_profile& p) { return p.size == 0; });
    for (index_t v = 0; v < n; ++v)
        if (g.in_view(v) && out.groups.group[v] != no_index) {
            a.push_back(labels[v]);
            b.push_back(out.groups.group[v]);
        }
    std::vector<index_t> scratch;
    const index_t ka = detail::renumber_dense(a, scratch);
    std::tie(out.nmi, out.ari) = detail::partition_agreement(a, ka, b, groups);
    return out;
}

}  // namespace maillage
