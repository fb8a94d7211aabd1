#pragma once
/// Attribute mixing: who is tied to whom by an actor attribute (sector, kind, territory, a free
/// attribute...; model/actor_attribute.hpp) — the E–I index, assortativity and mixing matrices
/// that show silos between sectors ("cloisonnement").
///
/// The ties are the view's measure_graph, unweighted (parallel ties between two actors count
/// once): with `graph.directed` (the default) a directed tie is one arc and the others count both
/// ways; on an undirected graph each linked pair is one tie. Actors without a value for the
/// attribute, and their ties, are left out; N is the number of the view's actors with a value.
///
/// E–I index (Krackhardt & Stern 1988): (E - I) / (E + I) with E the ties between actors of
/// different groups and I those within a group, in [-1, 1] (-1: all ties internal); NaN without
/// ties. Computed for the whole network, per group (E: ties with one end in the group, I: ties
/// with both ends in it; as R's homophily::ei_index(scope = "group")) and per actor (its ties to
/// other groups and to its own; on a directed graph ties sent and received).
/// Given the group sizes, each level has P_I possible internal and P_E possible external ties
/// (pairs of actors, ordered on a directed graph: network P_I = sum_g n_g(n_g - 1)/2, P_E = sum
/// over pairs of groups n_g n_h; group g: n_g(n_g - 1)/2 and n_g(N - n_g); actor in g: n_g - 1
/// and N - n_g; doubled on a directed graph where the group and the actor count both
/// directions). Then:
/// - expected = (P_E - P_I) / (P_E + P_I), the E–I index expected when the same number of ties
///   falls on the possible pairs at random, each pair equally likely (exact: E/(E + I) has
///   expectation P_E / (P_E + P_I)); UCINET's "expected value" of its permutation test, without
///   the permutations;
/// - rescaled: UCINET (Borgatti, Everett & Freeman 2002) notes that for a given density and
///   group sizes the E–I index cannot reach every value of [-1, 1] and rescales it; we use the
///   linear map of the attainable range onto [-1, 1]: with T = E + I ties, the lowest value puts
///   min(T, P_I) ties inside, min_ei = (T - 2 min(T, P_I)) / T, the highest puts min(T, P_E)
///   outside, max_ei = (2 min(T, P_E) - T) / T, and rescaled = -1 + 2 (ei - min_ei) / (max_ei -
///   min_ei) (equal to ei when T <= min(P_I, P_E); NaN when the range is a point).
///
/// Mixing matrix, as networkx.attribute_mixing_matrix(G, attribute, mapping): counts of arcs from
/// an actor of group i to one of group j (an undirected tie counts in both cells, as networkx on
/// an nx.Graph); normalised: divided by the total.
/// Assortativity, categorical: as networkx.attribute_assortativity_coefficient (Newman 2003),
/// r = (sum_i e_ii - sum_i a_i b_i) / (1 - sum_i a_i b_i) on the normalised mixing matrix e with
/// row sums a and column sums b; numeric: as networkx.numeric_assortativity_coefficient, Pearson's
/// correlation of the values at the two ends of the arcs. NaN where undefined (no arcs, or a
/// denominator 0). O(n + m) (mixing matrix: plus k^2 for k groups).
#include <cmath>
#include <limits>
#include <string_view>
#include <vector>

#include "maillage/algorithms/measure_graph.hpp"
#include "maillage/model/actor_attribute.hpp"

namespace maillage {

struct mixing_options {
    graph_options graph;   ///< directed = true: follow tie direction (the default of the measures)
};

/// E and I at one level, and what the group sizes allow.
struct ei_value {
    double internal = 0, external = 0;
    double possible_internal = 0, possible_external = 0;
    double ei = std::numeric_limits<double>::quiet_NaN();
    double expected = std::numeric_limits<double>::quiet_NaN();
    double rescaled = std::numeric_limits<double>::quiet_NaN();
};

struct ei_result {
    actor_groups groups;
    bool directed = false;
    ei_value network;
    std::vector<ei_value> group;   ///< by group code
    std::vector<ei_value> actor;   ///< by actor index (zero ties and NaN for actors without a value)
};

struct mixing_matrix_result {
    actor_groups groups;
    bool directed = false;
    std::vector<double> counts;    ///< row-major k x k: arcs from group i (row) to group j (column)
    double total = 0;
    [[nodiscard]] double at(index_t i, index_t j) const { return counts[std::size_t(i) * groups.count() + j]; }
};

namespace detail {

inline void finish_ei(ei_value& x) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double t = x.internal + x.external;
    const double possible = x.possible_internal + x.possible_external;
    x.expected = possible > 0 ? (x.possible_external - x.possible_internal) / possible : nan;
    if (!(t > 0)) return;
    x.ei = (x.external - x.internal) / t;
    const double lowest = (t - 2 * std::min(t, x.possible_internal)) / t;
    const double highest = (2 * std::min(t, x.possible_external) - t) / t;
    x.rescaled = highest > lowest ? -1 + 2 * (x.ei - lowest) / (highest - lowest) : nan;
}

/// Calls f(u, v) once per tie between two actors with a value (each arc of a directed graph,
/// each linked pair of an undirected one).
template <class F>
void for_each_tie(const measure_graph& g, const actor_groups& groups, F&& f) {
    for (index_t u = 0; u < g.vertex_count(); ++u) {
        if (groups.group[u] == no_index) continue;
        for (index_t v : g.out_neighbours(u)) {
            if (groups.group[v] == no_index || (!g.directed() && v < u)) continue;
            f(u, v);
        }
    }
}

}  // namespace detail

/// The E–I index of the view's ties by `attribute`, at the three levels; definitions at the top
/// of this header. O(n + m). @throws invalid_argument when no actor of the view has a value.
[[nodiscard]] inline ei_result ei_index(const network_view& view, std::string_view attribute,
                                        const mixing_options& options = {}) {
    ei_result r;
    r.groups = group_actors(view, attribute, "ei_index");
    require_values(r.groups, "ei_index");
    const measure_graph g(view, options.graph);
    r.directed = g.directed();
    const index_t n = g.vertex_count(), k = r.groups.count();
    r.group.resize(k);
    r.actor.resize(n);
    detail::for_each_tie(g, r.groups, [&](index_t u, index_t v) {
        const index_t a = r.groups.group[u], b = r.groups.group[v];
        if (a == b) {
            ++r.network.internal;
            ++r.group[a].internal;
            ++r.actor[u].internal;
            ++r.actor[v].internal;
        } else {
            ++r.network.external;
            ++r.group[a].external;
            ++r.group[b].external;
            ++r.actor[u].external;
            ++r.actor[v].external;
        }
    });
    double valued = 0;  // N: the view's actors with a value
    for (index_t size : r.groups.sizes) valued += size;
    const double both = r.directed ? 2.0 : 1.0;
    double internal_pairs = 0;
    for (index_t x = 0; x < k; ++x) {
        const double size = r.groups.sizes[x];
        internal_pairs += size * (size - 1) / 2;
        r.group[x].possible_internal = both * size * (size - 1) / 2;
        r.group[x].possible_external = both * size * (valued - size);
        detail::finish_ei(r.group[x]);
    }
    r.network.possible_internal = both * internal_pairs;
    r.network.possible_external = both * (valued * (valued - 1) / 2 - internal_pairs);
    detail::finish_ei(r.network);
    for (index_t v = 0; v < n; ++v) {
        const index_t x = r.groups.group[v];
        if (x == no_index) continue;
        const double size = r.groups.sizes[x];
        r.actor[v].possible_internal = both * (size - 1);
        r.actor[v].possible_external = both * (valued - size);
        detail::finish_ei(r.actor[v]);
    }
    return r;
}

/// The mixing matrix of the view's ties by `attribute` (counts; divide by `total` to normalise).
/// O(n + m + k^2). @throws invalid_argument when no actor of the view has a value.
[[nodiscard]] inline mixing_matrix_result mixing_matrix(const network_view& view, std::string_view attribute,
                                                        const mixing_options& options = {}) {
    mixing_matrix_result r;
    r.groups = group_actors(view, attribute, "mixing_matrix");
    require_values(r.groups, "mixing_matrix");
    const measure_graph g(view, options.graph);
    r.directed = g.directed();
    const index_t k = r.groups.count();
    r.counts.assign(std::size_t(k) * k, 0.0);
    detail::for_each_tie(g, r.groups, [&](index_t u, index_t v) {
        const index_t a = r.groups.group[u], b = r.groups.group[v];
        ++r.counts[std::size_t(a) * k + b];
        if (!r.directed) ++r.counts[std::size_t(b) * k + a];
    });
    for (double c : r.counts) r.total += c;
    return r;
}

/// Categorical assortativity by `attribute`; definition at the top of this header. O(n + m + k^2).
[[nodiscard]] inline double attribute_assortativity(const network_view& view, std::string_view attribute,
                                                    const mixing_options& options = {}) {
    const mixing_matrix_result m = mixing_matrix(view, attribute, options);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (!(m.total > 0)) return nan;
    const index_t k = m.groups.count();
    double trace = 0, products = 0;
    for (index_t i = 0; i < k; ++i) {
        double row = 0, column = 0;
        for (index_t j = 0; j < k; ++j) {
            row += m.at(i, j);
            column += m.at(j, i);
        }
        trace += m.at(i, i) / m.total;
        products += (row / m.total) * (column / m.total);
    }
    return products < 1 ? (trace - products) / (1 - products) : nan;
}

/// Numeric assortativity by `attribute` (its values must be numbers); definition at the top of
/// this header. O(n + m). @throws invalid_argument naming an actor whose value is not a number,
/// or when no actor of the view has a value.
[[nodiscard]] inline double numeric_assortativity(const network_view& view, std::string_view attribute,
                                                  const mixing_options& options = {}) {
    const std::vector<double> x = actor_numbers(view, attribute, "numeric_assortativity");
    const measure_graph g(view, options.graph);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    bool any = false;
    for (double value : x) any = any || !std::isnan(value);
    if (!any)
        throw invalid_argument("numeric_assortativity: no actor of the view has a value for attribute \"" +
                               std::string(attribute) + "\"");
    // Two passes (means, then centred sums) for accuracy; every arc (u, v), both ways when undirected.
    double count = 0, sum_u = 0, sum_v = 0;
    auto arcs = [&](auto&& f) {
        for (index_t u = 0; u < g.vertex_count(); ++u) {
            if (std::isnan(x[u])) continue;
            for (index_t v : g.out_neighbours(u))
                if (!std::isnan(x[v])) f(x[u], x[v]);
        }
    };
    arcs([&](double a, double b) {
        ++count;
        sum_u += a;
        sum_v += b;
    });
    if (!(count > 0)) return nan;
    const double mean_u = sum_u / count, mean_v = sum_v / count;
    double cov = 0, var_u = 0, var_v = 0;
    arcs([&](double a, double b) {
        cov += (a - mean_u) * (b - mean_v);
        var_u += (a - mean_u) * (a - mean_u);
        var_v += (b - mean_v) * (b - mean_v);
    });
    return var_u > 0 && var_v > 0 ? cov / std::sqrt(var_u * var_v) : nan;
}

}  // namespace maillage
