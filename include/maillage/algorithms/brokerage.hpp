#pragma once
/// Gould-Fernandez brokerage roles by actor group, as R's sna::brokerage (sna 2.7).
///
/// Definition (Gould & Fernandez, "Structures of mediation: a formal approach to brokerage in
/// transaction networks", *Sociological Methodology* 19, 1989, 89-126): actor j brokers the
/// ordered pair (i, k) when i -> j -> k, i != k, and there is no arc i -> k. By the groups of
/// i, j and k the two-path is one of five roles of j:
/// - coordinator (w_I): A -> A -> A, all in j's group;
/// - itinerant (w_O, "consultant"): A -> B -> A, i and k in one group that is not j's;
/// - representative (b_IO): A -> A -> B, i in j's group, k outside;
/// - gatekeeper (b_OI): A -> B -> B, k in j's group, i outside;
/// - liaison (b_O): A -> B -> C, three different groups;
/// and total (t) is their sum. Raw counts are numbers of ordered pairs: an undirected tie is two
/// arcs, so a broker between two unlinked contacts of an undirected graph counts 2 (i -> j -> k
/// and k -> j -> i), as sna on a symmetric adjacency matrix. Tie weights are ignored; parallel
/// ties make one arc (measure_graph.hpp).
///
/// Null model (sna::brokerage): arcs independent with probability d = arcs / (N (N - 1)) over
/// the view's N actors, group sizes n_g fixed. Expected counts and variances per actor depend
/// on its group g (sna's exp.grp, sd.grp), with a = d^2 (1-d) and b = d^3 (1-d)^3:
///   w_I: E = a (n_g-1)(n_g-2),               V = E (1-a) + 2 (n_g-1)(n_g-2)(n_g-3) b
///   w_O: E = a sum_{h!=g} n_h (n_h-1),        V = E (1-a) + 2 sum_{h!=g} n_h (n_h-1)(n_h-2) b
///   b_IO = b_OI: E = a (N-n_g)(n_g-1),
///        V = E (1-a) + 2 ((n_g-1) C(N-n_g, 2) + (N-n_g) C(n_g-1, 2)) b
///   b_O: E = a sum_{h!=g, l!=g, h!=l} n_h n_l, V = E (1-a) + 4 sum_{h!=g} n_h C(N-n_h-n_g, 2) b
///   t:   E = a (N-1)(N-2),                    V = E (1-a) + 2 (N-1)(N-2)(N-3) b
/// and z = (raw - E) / sqrt(V) (NaN when V = 0, as R's 0/0). The network totals (sna's raw.gli)
/// sum the actors' counts; their expectations and variances (exp.gli, sd.gli) are sna's
/// formulas, the liaison variance's sum over ordered triples of distinct groups taken in closed
/// form through power sums of the group sizes (equal to sna's triple loop, O(groups)).
///
/// Cost: O(sum over actors of out-degree^2 + m), parallel over brokers; each thread reuses a
/// stamp array of n entries and a count array of the number of groups.
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "maillage/algorithms/measure_graph.hpp"
#include "maillage/detail/field_codes.hpp"
#include "maillage/detail/parallel.hpp"
#include "maillage/error.hpp"

namespace maillage {

/// The five Gould-Fernandez roles and their total, in sna's column order
/// (w_I, w_O, b_IO, b_OI, b_O, t).
enum class brokerage_role : std::uint8_t { coordinator, itinerant, representative, gatekeeper, liaison, total };
inline constexpr std::size_t brokerage_roles = 6;

[[nodiscard]] inline std::string_view to_string(brokerage_role role) noexcept {
    constexpr std::array<std::string_view, 6> names{"coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"};
    return names[static_cast<std::size_t>(role)];
}

struct brokerage_options {
    graph_options graph;      ///< directed = false: every tie counts both ways
    unsigned threads = 0;
};

/// Per role r (index as brokerage_role), per actor index: raw[r][v] etc. (NaN outside the view).
struct brokerage_result {
    using table = std::array<std::vector<double>, brokerage_roles>;
    table raw, expected, sd, z;
    /// The network totals (sna's raw.gli, exp.gli, sd.gli, z.gli).
    std::array<double, brokerage_roles> network_raw{}, network_expected{}, network_sd{}, network_z{};
    std::vector<std::int32_t> group;                 ///< per actor index: its group number
    std::vector<std::string> group_names;            ///< per group number
    std::vector<double> group_size;                  ///< per group number: its actors in the view
    /// Per group: the expectation and standard deviation of an actor of that group (exp.grp, sd.grp).
    std::vector<std::array<double, brokerage_roles>> group_expected, group_sd;
    double density = 0;                              ///< d = arcs / (N (N-1))
    index_t actors = 0;                              ///< N
};

namespace detail {

inline double choose2(double x) { return x * (x - 1) / 2; }

/// The moments of sna::brokerage for group sizes `n` (zero-size groups allowed) and density d.
inline void brokerage_moments(brokerage_result& r) {
    const std::vector<double>& n = r.group_size;
    const std::size_t k = n.size();
    double N = 0;
    for (double x : n) N += x;
    const double d = r.density;
    const double a = d * d * (1 - d);
    const double b = d * d * d * (1 - d) * (1 - d) * (1 - d);
    const double b4 = d * d * d * d * (1 - d) * (1 - d);
    const double b5 = d * d * d * d * d * (1 - d);
    double s_nn1 = 0, s_nn1n2 = 0, s_n = 0, s_n2 = 0;
    for (double x : n) {
        s_nn1 += x * (x - 1);
        s_nn1n2 += x * (x - 1) * (x - 2);
        s_n += x;
        s_n2 += x * x;
    }
    r.group_expected.assign(k, {});
    r.group_sd.assign(k, {});
    for (std::size_t g = 0; g < k; ++g) {
        const double ng = n[g];
        std::array<double, brokerage_roles> e{}, v{};
        e[0] = a * (ng - 1) * (ng - 2);
        v[0] = e[0] * (1 - a) + 2 * (ng - 1) * (ng - 2) * (ng - 3) * b;
        e[1] = a * (s_nn1 - ng * (ng - 1));
        v[1] = e[1] * (1 - a) + 2 * (s_nn1n2 - ng * (ng - 1) * (ng - 2)) * b;
        e[2] = a * (N - ng) * (ng - 1);
        v[2] = e[2] * (1 - a) + 2 * ((ng - 1) * choose2(N - ng) + (N - ng) * choose2(ng - 1)) * b;
        e[3] = e[2];
        v[3] = v[2];
        const double others = s_n - ng, others2 = s_n2 - ng * ng;
        e[4] = a * (others * others - others2);
        double liaison = 0;
        for (std::size_t h = 0; h < k; ++h)
            if (h != g) liaison += n[h] * choose2(N - n[h] - ng);
        v[4] = e[4] * (1 - a) + 4 * liaison * b;
        e[5] = a * (N - 1) * (N - 2);
        v[5] = e[5] * (1 - a) + 2 * (N - 1) * (N - 2) * (N - 3) * b;
        for (std::size_t role = 0; role < brokerage_roles; ++role) {
            r.group_expected[g][role] = e[role];
            r.group_sd[g][role] = std::sqrt(v[role]);
        }
    }
    // Network totals.
    std::array<double, brokerage_roles> e{}, v{};
    double t1 = 0, t3 = 0, t3v = 0;
    for (double x : n) {
        t1 += x * (x - 1) * (x - 2) * ((4 * x - 10) * b - 4 * (x - 3) * b4 + (x - 3) * b5);
        t3 += x * (N - x) * (x - 1);
        t3v += x * (N - x) * (x - 1) * ((N - 3) * b + (x - 2) * b5);
    }
    e[0] = a * s_nn1n2;
    v[0] = e[0] * (1 - a) + t1;
    e[1] = a * t3;
    double t2 = 0;  // sum over ordered pairs x != y of sna's term
    for (std::size_t x = 0; x < k; ++x)
        for (std::size_t y = 0; y < k; ++y)
            if (x != y) t2 += n[x] * n[y] * (n[x] - 1) * ((2 * n[x] + 2 * n[y] - 6) * b + (N - n[x] - 1) * b5);
    v[1] = e[1] * (1 - a) + t2;
    e[2] = a * t3;
    v[2] = e[2] * (1 - a) + t3v;
    e[3] = e[2];
    v[3] = v[2];
    double pairs = 0;  // sum over ordered pairs x != y of n_x n_y (N - n_x - n_y)
    for (double x : n) pairs += x * (s_n - x) * N - x * x * (s_n - x) - x * (s_n2 - x * x);
    e[4] = a * pairs;
    // sum over ordered triples of distinct groups (i, j, k) of n_i n_j n_k times
    // [(4(N-n_j) - 2(n_i+n_k+1)) b - (4(N-n_k) - 2(n_i+n_j+1)) b4 + (N-(n_i+n_k+1)) b5]
    // = (b - b4) ((4N-2) S0 - 8 Q) + b5 ((N-1) S0 - 2 Q), with S0 the sum of n_i n_j n_k and
    // Q that of n_i n_j^2 n_k over those triples (the same for any position, by symmetry).
    double p3 = 0;
    for (double x : n) p3 += x * x * x;
    const double s0 = s_n * s_n * s_n - 3 * s_n * s_n2 + 2 * p3;
    double q = 0;
    for (double x : n) q += x * x * ((s_n - x) * (s_n - x) - (s_n2 - x * x));
    v[4] = e[4] * (1 - a) + (b - b4) * ((4 * N - 2) * s0 - 8 * q) + b5 * ((N - 1) * s0 - 2 * q);
    e[5] = a * N * (N - 1) * (N - 2);
    v[5] = e[5] * (1 - a) + N * (N - 1) * (N - 2) * ((4 * N - 10) * b - 4 * (N - 3) * b4 + (N - 3) * b5);
    for (std::size_t role = 0; role < brokerage_roles; ++role) {
        r.network_expected[role] = e[role];
        r.network_sd[role] = std::sqrt(v[role]);
        r.network_z[role] = (r.network_raw[role] - e[role]) / r.network_sd[role];
    }
}

}  // namespace detail

/// Brokerage roles with the group of each actor given by `group` (one code per actor index of
/// the network, 0..groups-1; actors outside the view are ignored). @throws invalid_argument when
/// `group` does not hold one non-negative code per actor.
[[nodiscard]] inline brokerage_result brokerage(const network_view& view, const std::vector<std::int32_t>& group,
                                                std::vector<std::string> group_names = {},
                                                const brokerage_options& options = {}) {
    const network& net = view.base();
    const index_t n = net.actor_count();
    if (group.size() != n)
        throw invalid_argument("brokerage: parameter group: " + std::to_string(group.size()) + " codes for " +
                               std::to_string(n) + " actors");
    std::int32_t groups = 0;
    for (std::int32_t c : group) {
        if (c < 0) throw invalid_argument("brokerage: parameter group: negative code " + std::to_string(c));
        groups = std::max(groups, c + 1);
    }
    if (group_names.size() < static_cast<std::size_t>(groups))
        for (auto g = static_cast<std::int32_t>(group_names.size()); g < groups; ++g) group_names.push_back(std::to_string(g));
    const measure_graph g(view, options.graph);
    brokerage_result r;
    r.group = group;
    r.group_names = std::move(group_names);
    r.group_size.assign(r.group_names.size(), 0.0);
    std::vector<index_t> actors;
    for (index_t v = 0; v < n; ++v)
        if (g.in_view(v)) {
            actors.push_back(v);
            r.group_size[group[v]] += 1;
        }
    r.actors = static_cast<index_t>(actors.size());
    const double N = r.actors;
    r.density = static_cast<double>(g.arc_count()) / (N * (N - 1));
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (auto* t : {&r.raw, &r.expected, &r.sd, &r.z})
        for (auto& column : *t) column.assign(n, nan);

    const unsigned threads = detail::thread_count(options.threads, actors.size());
    struct workspace {
        std::vector<index_t> stamp;
        std::vector<index_t> count;
    };
    std::vector<workspace> spaces(threads);
    for (auto& w : spaces) {
        w.stamp.assign(n, no_index);
        w.count.assign(r.group_names.size(), 0);
    }
    detail::parallel_items(actors.size(), threads, [&](unsigned thread, std::size_t item) {
        workspace& w = spaces[thread];
        const index_t j = actors[item];
        const auto out_j = g.out_neighbours(j);
        const std::int32_t cj = group[j];
        for (index_t k : out_j) {
            w.stamp[k] = j;
            ++w.count[group[k]];
        }
        std::array<double, 5> roles{};
        for (index_t i : g.in_neighbours(j)) {
            const std::int32_t ci = group[i];
            // The k of i -> j -> k: j's out-contacts but i itself and those i already sends to.
            std::int64_t total = static_cast<std::int64_t>(out_j.size());
            std::int64_t same_j = w.count[cj], same_i = w.count[ci];
            if (w.stamp[i] == j) {
                --total;
                --same_i;
                if (ci == cj) --same_j;
            }
            for (index_t x : g.out_neighbours(i)) {
                if (w.stamp[x] != j) continue;
                --total;
                if (group[x] == cj) --same_j;
                if (group[x] == ci) --same_i;
            }
            if (ci == cj) {
                roles[0] += static_cast<double>(same_j);
                roles[2] += static_cast<double>(total - same_j);
            } else {
                roles[3] += static_cast<double>(same_j);
                roles[1] += static_cast<double>(same_i);
                roles[4] += static_cast<double>(total - same_j - same_i);
            }
        }
        for (index_t k : out_j) --w.count[group[k]];
        double sum = 0;
        for (std::size_t role = 0; role < 5; ++role) {
            r.raw[role][j] = roles[role];
            sum += roles[role];
        }
        r.raw[5][j] = sum;
    }, 64);
    for (index_t v : actors)
        for (std::size_t role = 0; role < brokerage_roles; ++role) r.network_raw[role] += r.raw[role][v];
    detail::brokerage_moments(r);
    for (index_t v : actors)
        for (std::size_t role = 0; role < brokerage_roles; ++role) {
            r.expected[role][v] = r.group_expected[group[v]][role];
            r.sd[role][v] = r.group_sd[group[v]][role];
            r.z[role][v] = (r.raw[role][v] - r.expected[role][v]) / r.sd[role][v];
        }
    return r;
}

/// Brokerage roles by an actor field (kind, role, sector, status, territory, member, potential,
/// profession, organisation; see detail/field_codes.hpp). @throws invalid_argument for another.
[[nodiscard]] inline brokerage_result brokerage(const network_view& view, std::string_view attribute,
                                                const brokerage_options& options = {}) {
    detail::field_codes groups = detail::group_by_field(view.base(), "brokerage", attribute);
    return brokerage(view, groups.code, std::move(groups.names), options);
}

}  // namespace maillage
