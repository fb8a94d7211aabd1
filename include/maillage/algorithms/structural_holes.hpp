#pragma once
/// Burt's structural holes: effective size, efficiency, constraint and hierarchy of each actor.
///
/// Definitions (Burt, *Structural Holes*, 1992, ch. 1-2; the notation of networkx):
/// - The *mutual weight* of i and j is a_ij + a_ji, where a_ij is the weight of the arc i -> j
///   in the measure graph (measure_graph.hpp: parallel ties summed; with `weighted = false`
///   every arc weighs 1, so a mutual pair of a directed graph weighs 2 and a one-way pair 1).
///   The contacts N(i) of i are the actors tied to it either way; n_i = |N(i)|.
/// - p_ij = (a_ij + a_ji) / sum over k in N(i) of (a_ik + a_ki): the proportional strength of
///   i's tie to j; m_ij = (a_ij + a_ji) / max over k in N(i) of (a_ik + a_ki): its strength
///   relative to i's strongest tie (0 when the sum or max is 0, as networkx).
/// - Effective size: E_i = sum over j in N(i) of (1 - sum over q in N(i) of p_iq m_jq)
///   = n_i - redundancy. In the unweighted undirected case m_jq is 1 for tied contacts, and
///   E_i = n_i - 2 t_i / n_i with t_i the ties among i's contacts (Borgatti, "Structural holes:
///   unpacking Burt's redundancy measures", *Connections* 20(1), 1997).
/// - Efficiency: E_i / n_i (Burt 1992: effective size over the number of contacts; networkx's
///   documentation divides by G.degree, which in a directed graph counts a mutual contact twice;
///   maillage counts contacts).
/// - Local (dyadic) constraint: c_ij = (p_ij + sum over q in N(i) of p_iq p_qj)^2, and
///   constraint C_i = sum over j in N(i) of c_ij.
/// - Hierarchy (Burt 1992, ch. 2, the index UCINET reports as "Hierarchy"): with r_j = c_ij n_i / C_i
///   (the local constraint relative to the mean one),
///   H_i = sum over j in N(i) of r_j ln r_j / (n_i ln n_i):
///   0 when the constraint spreads evenly over the contacts, 1 when one contact holds it all.
///   Undefined (NaN) for fewer than two contacts (0/0) and when C_i is 0.
///
/// Two models, because both exist in the field (DESIGN section 4: the caller chooses):
/// - `whole` (the default): p_qj and m_jq of a contact are normalised over *all* its contacts
///   in the network, as networkx.effective_size / constraint / local_constraint and igraph's
///   constraint compute them (and as Burt 1992 writes them for a whole network of data).
/// - `ego`: every normalisation runs over the ego network alone (i, its contacts, and the ties
///   among them), as when the data are an ego network survey (a user's ecomap): a contact's
///   ties to actors outside i's network do not dilute its tie to i or to i's other contacts.
///   p_ij of the ego itself is the same in both models; in the unweighted undirected case the
///   effective size is the same in both (Borgatti's formula), constraint and hierarchy differ.
///
/// Every measure is NaN for an actor without contacts (an isolate; networkx returns NaN too)
/// and for actors outside the view. Directed graphs: contacts and mutual weights take ties both
/// ways (networkx's all_neighbors and mutual_weight); undirected ties count as mutual.
///
/// Matches networkx.constraint(G, weight=...), networkx.local_constraint(G, u, v, weight=...)
/// and networkx's definition of effective_size on the nx.DiGraph / nx.Graph of the measure graph
/// (`weight="weight"` for weighted), to rounding; igraph's Graph.constraint too. (networkx 3.4-3.6
/// computes effective_size of all nodes through sparse matrices that divide by the wrong node's
/// maximum on weighted and directed graphs, networkx PR #8906; its per-node path,
/// effective_size(G, nodes=...), gives the definition, which maillage follows.)
///
/// Cost: O(n + m) to build the symmetric adjacency, then O(sum over actors of the summed degrees
/// of their contacts) = O(sum of squared degrees), in parallel over actors; each thread reuses
/// one position array (n entries) and buffers of the largest degree, so nothing is allocated per
/// actor. Each actor's values are computed by one thread in a fixed order: results do not depend
/// on the thread count.
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "maillage/algorithms/measure_graph.hpp"
#include "maillage/algorithms/scores.hpp"
#include "maillage/detail/parallel.hpp"
#include "maillage/error.hpp"

namespace maillage {

/// Where the proportional tie strengths are normalised: over the whole network, or over each
/// actor's ego network alone.
enum class holes_model { whole, ego };

[[nodiscard]] inline std::string_view to_string(holes_model model) noexcept {
    return model == holes_model::whole ? "whole" : "ego";
}

/// @throws invalid_argument for anything but "whole" or "ego".
[[nodiscard]] inline holes_model parse_holes_model(std::string_view function, std::string_view text) {
    if (text == "whole") return holes_model::whole;
    if (text == "ego") return holes_model::ego;
    throw invalid_argument(std::string(function) + ": model must be \"whole\" or \"ego\", got \"" + std::string(text) + "\"");
}

struct holes_options {
    holes_model model = holes_model::whole;
    bool weighted = false;        ///< use tie weights (summed over parallel ties); else every arc weighs 1
    bool local = false;           ///< also keep every local constraint c_ij (structural_holes_result::local_*)
    graph_options graph;
    unsigned threads = 0;         ///< 0: every hardware thread
};

struct structural_holes_result {
    actor_scores effective_size, efficiency, constraint, hierarchy;
    std::vector<index_t> contacts;             ///< n_i, the number of contacts (0 outside the view)
    /// With `local`: the local constraints of actor i on its contacts are
    /// local_alters/local_values[local_offsets[i] .. local_offsets[i+1]), contacts in index order.
    std::vector<index_t> local_offsets, local_alters;
    std::vector<double> local_values;
};

namespace detail {

/// The contacts of every actor (ties either way), in index order, with mutual weights, and the
/// sum and maximum of each actor's mutual weights.
struct mutual_graph {
    std::vector<index_t> offsets{0}, targets;
    std::vector<double> weights, sum, max;
    index_t max_degree = 0;

    [[nodiscard]] index_t vertex_count() const noexcept { return static_cast<index_t>(offsets.size() - 1); }
    [[nodiscard]] index_t degree(index_t v) const noexcept { return offsets[v + 1] - offsets[v]; }
};

/// O(n + m): merges each vertex's sorted out- and in-lists.
inline mutual_graph make_mutual_graph(const measure_graph& g, bool weighted) {
    mutual_graph mg;
    const index_t n = g.vertex_count();
    mg.offsets.assign(std::size_t(n) + 1, 0);
    mg.targets.reserve(2 * std::size_t(g.arc_count()));
    mg.weights.reserve(2 * std::size_t(g.arc_count()));
    mg.sum.assign(n, 0.0);
    mg.max.assign(n, 0.0);
    for (index_t v = 0; v < n; ++v) {
        const auto out = g.out_neighbours(v), in = g.in_neighbours(v);
        const auto out_w = g.out_weights(v), in_w = g.in_weights(v);
        std::size_t a = 0, b = 0;
        auto push = [&](index_t target, double w) {
            mg.targets.push_back(target);
            mg.weights.push_back(w);
            mg.sum[v] += w;
            mg.max[v] = std::max(mg.max[v], w);
        };
        while (a < out.size() || b < in.size()) {
            if (b == in.size() || (a < out.size() && out[a] < in[b])) {
                push(out[a], weighted ? out_w[a] : 1.0);
                ++a;
            } else if (a == out.size() || in[b] < out[a]) {
                push(in[b], weighted ? in_w[b] : 1.0);
                ++b;
            } else {
                push(out[a], weighted ? out_w[a] + in_w[b] : 2.0);
                ++a;
                ++b;
            }
        }
        mg.offsets[v + 1] = static_cast<index_t>(mg.targets.size());
        mg.max_degree = std::max(mg.max_degree, mg.offsets[v + 1] - mg.offsets[v]);
    }
    return mg;
}

/// The buffers of one thread: positions of the current ego's contacts, and per-contact values.
struct holes_workspace {
    std::vector<index_t> position;              ///< n entries, no_index but for the current contacts
    std::vector<double> p, inv_sum, inv_max, indirect;

    explicit holes_workspace(const mutual_graph& g)
        : position(g.vertex_count(), no_index), p(g.max_degree), inv_sum(g.max_degree), inv_max(g.max_degree),
          indirect(g.max_degree) {}
};

struct holes_values {
    index_t contacts = 0;
    double effective_size = std::numeric_limits<double>::quiet_NaN();
    double efficiency = std::numeric_limits<double>::quiet_NaN();
    double constraint = std::numeric_limits<double>::quiet_NaN();
    double hierarchy = std::numeric_limits<double>::quiet_NaN();
};

inline double inverse_or_zero(double x) { return x == 0 ? 0.0 : 1.0 / x; }

/// The four measures of actor `u`; leaves its local constraints in w.indirect[0 .. n_u).
inline holes_values actor_holes(const mutual_graph& g, index_t u, holes_model model, holes_workspace& w) {
    holes_values out;
    const index_t begin = g.offsets[u], n = g.degree(u);
    out.contacts = n;
    if (n == 0) return out;
    const index_t* contacts = g.targets.data() + begin;
    const double* weights = g.weights.data() + begin;
    const double inv_u = inverse_or_zero(g.sum[u]);
    for (index_t k = 0; k < n; ++k) {
        w.position[contacts[k]] = k;
        w.p[k] = weights[k] * inv_u;
        w.indirect[k] = 0.0;
    }
    if (model == holes_model::whole) {
        for (index_t k = 0; k < n; ++k) {
            w.inv_sum[k] = inverse_or_zero(g.sum[contacts[k]]);
            w.inv_max[k] = inverse_or_zero(g.max[contacts[k]]);
        }
    } else {
        // Each contact's sum and maximum over its ties inside the ego network: to u and to u's
        // other contacts.
        for (index_t k = 0; k < n; ++k) {
            const index_t q = contacts[k];
            double sum = weights[k], max = weights[k];
            for (index_t a = g.offsets[q]; a < g.offsets[q + 1]; ++a)
                if (w.position[g.targets[a]] != no_index) {
                    sum += g.weights[a];
                    max = std::max(max, g.weights[a]);
                }
            w.inv_sum[k] = inverse_or_zero(sum);
            w.inv_max[k] = inverse_or_zero(max);
        }
    }
    // For each contact q of u and each contact j of u tied to q: p_uq p_qj adds to the indirect
    // constraint of j, and p_uq m_jq to the redundancy.
    double redundancy = 0.0;
    for (index_t k = 0; k < n; ++k) {
        const index_t q = contacts[k];
        const double pk = w.p[k], pk_over_sum = pk * w.inv_sum[k];
        for (index_t a = g.offsets[q]; a < g.offsets[q + 1]; ++a) {
            const index_t j = w.position[g.targets[a]];
            if (j == no_index) continue;
            w.indirect[j] += pk_over_sum * g.weights[a];
            redundancy += pk * g.weights[a] * w.inv_max[j];
        }
    }
    double total = 0.0;
    for (index_t k = 0; k < n; ++k) {
        const double c = (w.p[k] + w.indirect[k]) * (w.p[k] + w.indirect[k]);
        w.indirect[k] = c;
        total += c;
        w.position[contacts[k]] = no_index;
    }
    const double size = static_cast<double>(n);
    out.effective_size = size - redundancy;
    out.efficiency = out.effective_size / size;
    out.constraint = total;
    if (n >= 2 && total > 0) {
        double h = 0.0;
        for (index_t k = 0; k < n; ++k) {
            const double r = w.indirect[k] * size / total;
            if (r > 0) h += r * std::log(r);
        }
        out.hierarchy = h / (size * std::log(size));
    }
    return out;
}

}  // namespace detail

/// Effective size, efficiency, constraint and hierarchy of every actor of the view (definitions
/// at the top of this header). O(sum of squared degrees) on `threads` threads.
[[nodiscard]] inline structural_holes_result structural_holes(const network_view& view, const holes_options& options = {}) {
    const measure_graph g(view, options.graph);
    const detail::mutual_graph mg = detail::make_mutual_graph(g, options.weighted);
    const index_t n = g.vertex_count();
    structural_holes_result out;
    out.effective_size = out.efficiency = out.constraint = out.hierarchy = actor_scores::outside_view(n);
    out.contacts.assign(n, 0);
    if (options.local) {
        out.local_offsets = mg.offsets;
        out.local_alters = mg.targets;
        out.local_values.assign(mg.targets.size(), std::numeric_limits<double>::quiet_NaN());
    }
    std::vector<index_t> actors;
    actors.reserve(view.actor_count());
    for (index_t v = 0; v < n; ++v)
        if (g.in_view(v)) actors.push_back(v);
    const unsigned threads = detail::thread_count(options.threads, actors.size());
    std::vector<detail::holes_workspace> spaces;
    spaces.reserve(threads);
    for (unsigned t = 0; t < threads; ++t) spaces.emplace_back(mg);
    detail::parallel_items(actors.size(), threads, [&](unsigned thread, std::size_t item) {
        const index_t u = actors[item];
        detail::holes_workspace& w = spaces[thread];
        const detail::holes_values h = detail::actor_holes(mg, u, options.model, w);
        out.contacts[u] = h.contacts;
        out.effective_size.values[u] = h.effective_size;
        out.efficiency.values[u] = h.efficiency;
        out.constraint.values[u] = h.constraint;
        out.hierarchy.values[u] = h.hierarchy;
        if (options.local)
            std::copy(w.indirect.begin(), w.indirect.begin() + h.contacts, out.local_values.begin() + mg.offsets[u]);
    }, 64);
    return out;
}

/// Burt's effective size of each actor (see structural_holes).
[[nodiscard]] inline actor_scores effective_size(const network_view& view, const holes_options& options = {}) {
    return structural_holes(view, options).effective_size;
}

/// Burt's efficiency: effective size over the number of contacts.
[[nodiscard]] inline actor_scores efficiency(const network_view& view, const holes_options& options = {}) {
    return structural_holes(view, options).efficiency;
}

/// Burt's aggregate constraint: the sum of the local constraints on the actor's contacts.
[[nodiscard]] inline actor_scores constraint(const network_view& view, const holes_options& options = {}) {
    return structural_holes(view, options).constraint;
}

/// Burt's hierarchy index of the constraint (NaN below two contacts).
[[nodiscard]] inline actor_scores hierarchy(const network_view& view, const holes_options& options = {}) {
    return structural_holes(view, options).hierarchy;
}

/// The local constraint c_ij = (p_ij + sum over q in N(i) of p_iq p_qj)^2 of actor `i` with
/// respect to actor `j`, as networkx.local_constraint: for a j that is not a contact of i only
/// the indirect part remains in the whole model (j two steps away), and it is 0 in the ego model
/// (j is outside i's ego network). O(n + m). @throws invalid_argument when i or j is not an
/// actor of the view.
[[nodiscard]] inline double local_constraint(const network_view& view, index_t i, index_t j, const holes_options& options = {}) {
    const index_t n = view.base().actor_count();
    if (i >= n || !view.has_actor(i))
        throw invalid_argument("local_constraint: parameter i: actor index " + std::to_string(i) + " is not in the view");
    if (j >= n || !view.has_actor(j))
        throw invalid_argument("local_constraint: parameter j: actor index " + std::to_string(j) + " is not in the view");
    const measure_graph g(view, options.graph);
    const detail::mutual_graph mg = detail::make_mutual_graph(g, options.weighted);
    detail::holes_workspace w(mg);
    detail::actor_holes(mg, i, options.model, w);
    for (index_t k = 0; k < mg.degree(i); ++k)
        if (mg.targets[mg.offsets[i] + k] == j) return w.indirect[k];
    if (options.model == holes_model::ego) return 0.0;
    double indirect = 0.0;
    const double inv_i = detail::inverse_or_zero(mg.sum[i]);
    for (index_t a = mg.offsets[i]; a < mg.offsets[i + 1]; ++a) {
        const index_t q = mg.targets[a];
        for (index_t b = mg.offsets[q]; b < mg.offsets[q + 1]; ++b)
            if (mg.targets[b] == j) indirect += mg.weights[a] * inv_i * mg.weights[b] * detail::inverse_or_zero(mg.sum[q]);
    }
    return indirect * indirect;
}

}  // namespace maillage
