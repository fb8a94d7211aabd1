#pragma once
/// A network from plain edge arrays, for benchmarks and for researchers who hold a graph as
/// arrays rather than as a map: actor i is vertex i (id "i" unless ids are given), every actor an
/// organisation (a plain graph has no kinds), every tie of relation `other`, directed or not as
/// asked, with the given weight (1 by default). Parallel edges stay distinct ties (the measure
/// graph merges them, adding their weights); self-loops are refused, as in a map.
///
/// The tables and the CSR are filled directly, without the per-record checks and id lookups of
/// the map builder: O(n + m); the CSR is counted out of the edge arrays, without a list of arcs.
#include <cmath>
#include <span>
#include <string>
#include <vector>

#include "maillage/error.hpp"
#include "maillage/model/network.hpp"

namespace maillage {

struct edge_list_builder {
    static network build(index_t n, std::span<const index_t> sources, std::span<const index_t> targets,
                         std::span<const double> weights, bool directed, std::vector<std::string> ids) {
        const std::size_t m = sources.size();
        if (targets.size() != m)
            throw invalid_argument("network_from_edges: targets must have as many entries as sources (" +
                                   std::to_string(m) + "), got " + std::to_string(targets.size()));
        if (!weights.empty() && weights.size() != m)
            throw invalid_argument("network_from_edges: weights must be empty or have " + std::to_string(m) +
                                   " entries, got " + std::to_string(weights.size()));
        if (!ids.empty() && ids.size() != n)
            throw invalid_argument("network_from_edges: ids must be empty or have n = " + std::to_string(n) +
                                   " entries, got " + std::to_string(ids.size()));
        if (m >= no_index / 2)
            throw invalid_argument("network_from_edges: too many edges (" + std::to_string(m) + ")");
        for (std::size_t e = 0; e < m; ++e) {
            if (sources[e] >= n || targets[e] >= n)
                throw invalid_argument("network_from_edges: edge " + std::to_string(e) + " (" + std::to_string(sources[e]) +
                                       ", " + std::to_string(targets[e]) + ") has an end outside 0.." +
                                       std::to_string(n == 0 ? 0 : n - 1));
            if (sources[e] == targets[e])
                throw invalid_argument("network_from_edges: edge " + std::to_string(e) + " is a self-loop on vertex " +
                                       std::to_string(sources[e]) + "; a network has no self-ties");
            if (!weights.empty() && !(std::isfinite(weights[e]) && weights[e] > 0))
                throw invalid_argument("network_from_edges: weight of edge " + std::to_string(e) +
                                       " must be finite and positive, got " + std::to_string(weights[e]));
        }
        network net;
        auto& a = net.actors_;
        if (ids.empty()) {
            ids.reserve(n);
            for (index_t i = 0; i < n; ++i) ids.push_back(std::to_string(i));
        }
        net.actor_index_.reserve(n);
        for (index_t i = 0; i < n; ++i) {
            if (ids[i].empty()) throw invalid_argument("network_from_edges: ids[" + std::to_string(i) + "] is empty");
            if (net.actor_index_.insert(ids[i], i) != i)
                throw invalid_argument("network_from_edges: ids[" + std::to_string(i) + "] = \"" + ids[i] +
                                       "\" repeats an earlier id");
        }
        a.id = std::move(ids);
        a.label.assign(n, {});
        a.profession.assign(n, {});
        a.sector.assign(n, {});
        a.territory.assign(n, {});
        a.kind.assign(n, actor_kind::organisation);
        a.role.assign(n, person_role::none);
        a.status.assign(n, actor_status::none);
        a.organisation.assign(n, no_index);
        a.service_area.assign(n, {});
        a.domains.assign(n, {});
        a.needs.assign(n, {});
        a.member.assign(n, 1);
        a.potential.assign(n, 0);
        a.attributes.assign(n, {});
        a.extra.assign(n, {});

        auto& t = net.ties_;
        t.source.assign(sources.begin(), sources.end());
        t.target.assign(targets.begin(), targets.end());
        t.relation.assign(m, relation::other);
        t.formality.assign(m, default_formality(actor_kind::organisation, actor_kind::organisation));
        t.layer.assign(m, derived_layer(actor_kind::organisation, actor_kind::organisation));
        t.directed.assign(m, directed ? 1 : 0);
        if (weights.empty()) t.weight.assign(m, 1.0);
        else t.weight.assign(weights.begin(), weights.end());
        t.valence.assign(m, valence::none);
        t.intensity.assign(m, intensity::none);
        t.detail.assign(m, no_index);

        // The arcs follow from the edges (undirected: both ways, in turn), without a list of them.
        const index_t* s = sources.data();
        const index_t* d = targets.data();
        if (directed)
            net.graph_ = std::make_shared<const csr_graph>(n, m, [s, d](std::size_t i) { return arc{s[i], d[i], static_cast<index_t>(i)}; });
        else
            net.graph_ = std::make_shared<const csr_graph>(n, 2 * m, [s, d](std::size_t i) {
                const std::size_t e = i / 2;
                return i % 2 == 0 ? arc{s[e], d[e], static_cast<index_t>(e)} : arc{d[e], s[e], static_cast<index_t>(e)};
            });
        return net;
    }
};

/// The network of `n` vertices and the edges (sources[e], targets[e]) with `weights[e]` (empty:
/// all 1), directed or not; actor ids `ids` (empty: "0", "1", ...).
/// @throws invalid_argument naming the edge for an end outside 0..n-1, a self-loop, a weight
/// that is not finite and positive, arrays of different lengths, or repeated or empty ids.
[[nodiscard]] inline network network_from_edges(index_t n, std::span<const index_t> sources, std::span<const index_t> targets,
                                                std::span<const double> weights = {}, bool directed = false,
                                                std::vector<std::string> ids = {}) {
    return edge_list_builder::build(n, sources, targets, weights, directed, std::move(ids));
}

}  // namespace maillage
