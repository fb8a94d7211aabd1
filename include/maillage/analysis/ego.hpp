#pragma once
/// The ego network of one actor: a user's ecomap (écocarte) or an organisation's "my network,
/// my partners" (DESIGN sections 2-4), and its measures.
///
/// - Ego's ties: the view's ties between the ego and another actor (in one layer when
///   `options.layer` is set; then every measure below is that layer's ego network). Alters: the
///   actors at the other end, either direction, in index order.
/// - The ego network: the ego, its alters and the view's ties among them (same layer filter).
///   Its graph follows measure_graph.hpp: a directed tie is one arc, an undirected tie two (every
///   tie two with graph.directed = false), parallel arcs merge, weights add up.
/// - Size: the number of alters; per layer / formality: the alters reached by at least one tie of
///   that layer / formality (an alter may count in both); per kind, role (persons with a role)
///   and sector: the alters of each value. An alter's sector is its own, or, for a professional
///   without one, the sector of its organisation (the sector the drawings place it in): the
///   colleagues an organisation or a professional works with count in their service's sector.
///   Alters without either (persons of the primary network) have no sector.
/// - Heterogeneity over kind and over sector (alters with a sector): Blau's index
///   1 - sum_c p_c^2 (p_c: share of the alters in category c) and the index of qualitative
///   variation IQV = Blau / (1 - 1/k) (Agresti & Agresti 1978), k the number of possible
///   categories: the 4 kinds, the sectors of the map's vocabulary. NaN without alters with a value.
///   (The E-I index by "sector" below reads the actors' own field, as brokerage and mixing do.)
/// - Density among alters: ties among the alters over the possible ones, without the ego, as
///   networkx.density of ego_graph(G, ego, undirected=True) minus the ego: arcs / (N(N-1)) when
///   the graph is directed, linked pairs / (N(N-1)/2) otherwise. NaN below two alters.
/// - E-I index of the ego's ties (Krackhardt & Stern 1988): (E - I) / (E + I) over the ego's
///   ties. By default (`ei_attribute = "layer"`) internal ties are those of the primary network
///   and external ones those of the secondary network, so -1 means a network of family and
///   friends only and +1 one of services only: the balance the ecomap of a user is read for. With
///   an actor field (sector, kind, ... as detail/field_codes.hpp), a tie is internal when the
///   alter has the ego's value (the silo reading of an organisation's partners). NaN without ties.
/// - Structural holes of the ego in the ego model (structural_holes.hpp): effective size,
///   efficiency, constraint, hierarchy, weighted with `weighted`.
/// - Support: the ego's ties and their weight in the primary and in the secondary network, and
///   the primary share of each (NaN without ties); formal and informal ties; ties by valence
///   (supportive, conflictual, ambivalent, none) and the alters with a conflictual or ambivalent
///   tie; potential partners: alters flagged `potential`.
/// O(n + m) for the ego network (one pass over the view's ties) plus the holes of one actor.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "maillage/algorithms/structural_holes.hpp"
#include "maillage/detail/field_codes.hpp"
#include "maillage/error.hpp"
#include "maillage/model/view.hpp"

namespace maillage {

struct ego_options {
    std::optional<maillage::layer> layer;     ///< the ego network of this layer only
    bool weighted = false;                    ///< structural holes on tie weights
    std::string ei_attribute = "layer";       ///< "layer", or an actor field (sector, kind, ...)
    graph_options graph;
};

/// One alter: what ties it to the ego (ties counted one by one, parallel ties included).
struct ego_alter {
    index_t actor = no_index;
    index_t ties = 0;
    double weight = 0;
    index_t sent = 0, received = 0;           ///< directed ties from / to the ego (undirected: neither)
    index_t primary = 0, secondary = 0, formal = 0, informal = 0;
    index_t supportive = 0, conflictual = 0, ambivalent = 0;
    index_t ties_to_alters = 0;               ///< alters it is linked to (degree among the alters)
};

struct ego_result {
    index_t ego = no_index;
    std::vector<ego_alter> alters;            ///< in actor index order
    std::vector<index_t> ties;                ///< the ego network's ties (ego's and among alters), tie indices
    index_t size = 0;
    std::map<std::string, index_t> size_by_layer, size_by_formality, size_by_kind, size_by_role, size_by_sector;
    double blau_kind = 0, iqv_kind = 0, blau_sector = 0, iqv_sector = 0;
    index_t alter_links = 0;                  ///< linked pairs (undirected) or arcs (directed) among alters
    double density = 0;
    std::string ei_attribute;
    index_t ei_internal = 0, ei_external = 0;
    double ei_index = 0;
    double effective_size = 0, efficiency = 0, constraint = 0, hierarchy = 0;
    index_t ego_ties = 0;
    index_t primary_ties = 0, secondary_ties = 0;
    double primary_weight = 0, secondary_weight = 0;
    double primary_share_ties = 0, primary_share_weight = 0;
    index_t formal_ties = 0, informal_ties = 0;
    index_t supportive_ties = 0, conflictual_ties = 0, ambivalent_ties = 0, no_valence_ties = 0;
    std::vector<index_t> conflictual_alters, ambivalent_alters, potential_partners;
};

namespace detail {

/// The sector an ego network counts an actor in: its own, else its organisation's; "" if none.
inline const std::string& ego_sector(const actor_table& actors, index_t v) {
    if (actors.sector[v].empty() && actors.organisation[v] != no_index) return actors.sector[actors.organisation[v]];
    return actors.sector[v];
}

/// Blau's index and the IQV of category counts, with k possible categories.
inline std::pair<double, double> heterogeneity(const std::map<std::string, index_t>& counts, std::size_t k) {
    double total = 0;
    for (const auto& [_, c] : counts) total += c;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (total == 0) return {nan, nan};
    double squares = 0;
    for (const auto& [_, c] : counts) squares += (c / total) * (c / total);
    const double blau = 1 - squares;
    return {blau, k >= 2 ? blau / (1 - 1.0 / static_cast<double>(k)) : nan};
}

}  // namespace detail

/// The ego network of actor `ego` and its measures. @throws invalid_argument when the ego is
/// not an actor of the view or `ei_attribute` is not "layer" or an actor field.
[[nodiscard]] inline ego_result ego_network(const network_view& view, index_t ego, const ego_options& options = {}) {
    const network& net = view.base();
    const index_t n = net.actor_count();
    if (ego >= n || !view.has_actor(ego))
        throw invalid_argument("ego_network: parameter ego: actor index " + std::to_string(ego) + " is not in the view");
    std::optional<detail::field_codes> groups;
    if (options.ei_attribute != "layer") groups = detail::group_by_field(net, "ego_network", options.ei_attribute);
    const auto& ties = net.ties();
    const auto& actors = net.actors();
    auto kept = [&](index_t t) { return view.has_tie(t) && (!options.layer || ties.layer[t] == *options.layer); };

    ego_result r;
    r.ego = ego;
    r.ei_attribute = options.ei_attribute;
    // Pass 1: the ego's ties and its alters. position[v]: 0 for the ego, 1 + k for alter k.
    std::vector<index_t> position(n, no_index);
    std::vector<index_t> ego_ties;
    for (index_t t = 0; t < net.tie_count(); ++t) {
        if (!kept(t)) continue;
        const index_t s = view.tie_source(t), d = view.tie_target(t);
        if (s != ego && d != ego) continue;
        ego_ties.push_back(t);
        position[s == ego ? d : s] = 0;
    }
    std::vector<index_t> alters;
    for (index_t v = 0; v < n; ++v)
        if (v != ego && position[v] == 0) alters.push_back(v);
    for (std::size_t k = 0; k < alters.size(); ++k) position[alters[k]] = static_cast<index_t>(k + 1);
    position[ego] = 0;
    const auto N = static_cast<index_t>(alters.size());
    r.size = N;
    r.alters.resize(N);
    for (index_t k = 0; k < N; ++k) r.alters[k].actor = alters[k];

    // The ego's ties, one by one.
    std::vector<std::uint8_t> by_layer(2 * std::size_t(N)), by_formality(2 * std::size_t(N));
    for (index_t t : ego_ties) {
        const index_t s = view.tie_source(t), d = view.tie_target(t);
        const index_t other = s == ego ? d : s;
        ego_alter& a = r.alters[position[other] - 1];
        ++a.ties;
        a.weight += ties.weight[t];
        if (ties.directed[t] && options.graph.directed) (s == ego ? a.sent : a.received) += 1;
        const bool primary = ties.layer[t] == layer::primary;
        (primary ? a.primary : a.secondary) += 1;
        (primary ? r.primary_ties : r.secondary_ties) += 1;
        (primary ? r.primary_weight : r.secondary_weight) += ties.weight[t];
        by_layer[2 * (position[other] - 1) + (primary ? 0 : 1)] = 1;
        const bool formal = ties.formality[t] == formality::formal;
        (formal ? a.formal : a.informal) += 1;
        (formal ? r.formal_ties : r.informal_ties) += 1;
        by_formality[2 * (position[other] - 1) + (formal ? 0 : 1)] = 1;
        switch (ties.valence[t]) {
            case valence::supportive: ++a.supportive; ++r.supportive_ties; break;
            case valence::conflictual: ++a.conflictual; ++r.conflictual_ties; break;
            case valence::ambivalent: ++a.ambivalent; ++r.ambivalent_ties; break;
            case valence::none: ++r.no_valence_ties; break;
        }
        bool internal;
        if (groups) internal = groups->code[other] == groups->code[ego];
        else internal = primary;
        (internal ? r.ei_internal : r.ei_external) += 1;
    }
    r.ego_ties = static_cast<index_t>(ego_ties.size());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double tie_total = r.ego_ties, weight_total = r.primary_weight + r.secondary_weight;
    r.primary_share_ties = tie_total > 0 ? r.primary_ties / tie_total : nan;
    r.primary_share_weight = weight_total > 0 ? r.primary_weight / weight_total : nan;
    r.ei_index = tie_total > 0 ? (static_cast<double>(r.ei_external) - r.ei_internal) / tie_total : nan;
    for (index_t k = 0; k < N; ++k) {
        const ego_alter& a = r.alters[k];
        if (by_layer[2 * k]) ++r.size_by_layer["primary"];
        if (by_layer[2 * k + 1]) ++r.size_by_layer["secondary"];
        if (by_formality[2 * k]) ++r.size_by_formality["formal"];
        if (by_formality[2 * k + 1]) ++r.size_by_formality["informal"];
        ++r.size_by_kind[std::string(to_string(actors.kind[a.actor]))];
        if (actors.role[a.actor] != person_role::none) ++r.size_by_role[std::string(to_string(actors.role[a.actor]))];
        if (const std::string& sector = detail::ego_sector(actors, a.actor); !sector.empty()) ++r.size_by_sector[sector];
        if (a.conflictual) r.conflictual_alters.push_back(a.actor);
        if (a.ambivalent) r.ambivalent_alters.push_back(a.actor);
        if (actors.potential[a.actor]) r.potential_partners.push_back(a.actor);
    }
    std::tie(r.blau_kind, r.iqv_kind) = detail::heterogeneity(r.size_by_kind, enum_names<actor_kind>::names.size());
    std::tie(r.blau_sector, r.iqv_sector) = detail::heterogeneity(r.size_by_sector, net.terms().sectors().size());

    // Pass 2: the ties among the alters; the arcs of the ego network in local indices.
    std::vector<arc> arcs;
    for (index_t t : ego_ties) {
        const index_t s = position[view.tie_source(t)], d = position[view.tie_target(t)];
        arcs.push_back({s, d, t});
        if (!ties.directed[t] || !options.graph.directed) arcs.push_back({d, s, t});
    }
    r.ties = ego_ties;
    bool any_directed = false;
    for (index_t t = 0; t < net.tie_count(); ++t) {
        if (!kept(t)) continue;
        const index_t s = view.tie_source(t), d = view.tie_target(t);
        if (s == ego || d == ego || position[s] == no_index || position[d] == no_index) continue;
        r.ties.push_back(t);
        arcs.push_back({position[s], position[d], t});
        if (!ties.directed[t] || !options.graph.directed) arcs.push_back({position[d], position[s], t});
    }
    std::sort(r.ties.begin(), r.ties.end());
    for (index_t t : r.ties) any_directed = any_directed || (ties.directed[t] && options.graph.directed);
    // The ego network as a mutual graph (local indices), as make_mutual_graph builds it.
    std::sort(arcs.begin(), arcs.end(), [](const arc& a, const arc& b) {
        return a.source != b.source ? a.source < b.source : a.target < b.target;
    });
    const index_t local_n = N + 1;
    std::vector<std::vector<std::pair<index_t, double>>> out(local_n);
    for (const arc& a : arcs) {
        auto& list = out[a.source];
        if (!list.empty() && list.back().first == a.target) list.back().second += ties.weight[a.tie];
        else list.push_back({a.target, ties.weight[a.tie]});
    }
    std::vector<std::map<index_t, double>> mutual(local_n);
    for (index_t u = 0; u < local_n; ++u)
        for (const auto& [v, w] : out[u]) {
            const double x = options.weighted ? w : 1.0;
            mutual[u][v] += x;
            mutual[v][u] += x;
        }
    detail::mutual_graph mg;
    mg.offsets.assign(std::size_t(local_n) + 1, 0);
    mg.sum.assign(local_n, 0.0);
    mg.max.assign(local_n, 0.0);
    for (index_t u = 0; u < local_n; ++u) {
        for (const auto& [v, w] : mutual[u]) {
            mg.targets.push_back(v);
            mg.weights.push_back(w);
            mg.sum[u] += w;
            mg.max[u] = std::max(mg.max[u], w);
        }
        mg.offsets[u + 1] = static_cast<index_t>(mg.targets.size());
        mg.max_degree = std::max(mg.max_degree, mg.offsets[u + 1] - mg.offsets[u]);
    }
    // Links among the alters.
    index_t arcs_among = 0, pairs_among = 0;
    for (index_t u = 1; u < local_n; ++u) {
        for (const auto& [v, w] : out[u]) if (v != 0) ++arcs_among;
        for (const auto& [v, w] : mutual[u]) if (v != 0) { ++r.alters[u - 1].ties_to_alters; if (v > u) ++pairs_among; }
    }
    r.alter_links = any_directed ? arcs_among : pairs_among;
    const double possible = any_directed ? double(N) * (N - 1) : double(N) * (N - 1) / 2;
    r.density = N >= 2 ? r.alter_links / possible : nan;
    detail::holes_workspace w(mg);
    const detail::holes_values h = detail::actor_holes(mg, 0, holes_model::whole, w);
    r.effective_size = h.effective_size;
    r.efficiency = h.efficiency;
    r.constraint = h.constraint;
    r.hierarchy = h.hierarchy;
    return r;
}

}  // namespace maillage
