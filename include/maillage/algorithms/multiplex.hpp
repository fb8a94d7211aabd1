#pragma once
/// Multiplex comparison: how far the layers, formalities or relations of a map overlap.
///
/// Each group of ties (the primary and secondary layers, formal and informal ties, or each
/// relation) gives a set of linked pairs of actors, direction ignored (who is tied to whom in that
/// group). For two groups A and B with N = n(n-1)/2 possible pairs among the view's n actors:
/// - jaccard = |A and B| / |A or B| (0 when both are empty);
/// - correlation: Pearson's correlation of the two binary adjacency matrices over the N pairs
///   (the QAP correlation of Krackhardt 1987 without its permutation test),
///   (N |A and B| - |A| |B|) / sqrt(|A| (N - |A|) |B| (N - |B|)), NaN when a group is empty or
///   complete.
/// Actors central in one group and peripheral in another: degree (distinct partners) in group A at
/// least the upper quartile of the degrees of the actors active in A (degree above 0), and in
/// group B at most the lower quartile of the degrees of all the view's actors in B (quartiles by
/// linear interpolation, numpy's default). Quartiles of the active actors keep a sparse relation
/// from calling every actor it touches central. O(m log m + groups^2 (m + n)).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "maillage/model/view.hpp"

namespace maillage {

enum class tie_grouping { layer, formality, relation };

struct overlap_pair {
    std::string a, b;                 ///< group names (layer, formality or relation)
    std::size_t pairs_a = 0, pairs_b = 0, shared = 0;
    double jaccard = 0;
    double correlation = 0;
};

struct central_peripheral {
    index_t actor = no_index;
    std::string central_in, peripheral_in;
    index_t degree_central = 0, degree_peripheral = 0;
};

struct overlap_result {
    std::vector<std::string> groups;                      ///< groups with at least one tie, in vocabulary order
    std::vector<std::vector<index_t>> degree;             ///< per group, per actor index
    std::vector<overlap_pair> pairs;                      ///< every pair of groups (a before b)
    std::vector<central_peripheral> central_and_peripheral;
};

namespace detail {

inline double quartile(std::vector<double> values, double q) {
    if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
    std::sort(values.begin(), values.end());
    const double position = q * static_cast<double>(values.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(values.size() - 1, below + 1);
    return values[below] + (position - static_cast<double>(below)) * (values[above] - values[below]);
}

}  // namespace detail

[[nodiscard]] inline overlap_result layer_overlap(const network_view& view, tie_grouping by = tie_grouping::layer) {
    const network& net = view.base();
    const auto& ties = net.ties();
    auto group_of = [&](index_t t) -> std::size_t {
        switch (by) {
            case tie_grouping::layer: return static_cast<std::size_t>(ties.layer[t]);
            case tie_grouping::formality: return static_cast<std::size_t>(ties.formality[t]);
            case tie_grouping::relation: return static_cast<std::size_t>(ties.relation[t]);
        }
        return 0;
    };
    auto name_of = [&](std::size_t g) -> std::string {
        switch (by) {
            case tie_grouping::layer: return std::string(to_string(static_cast<layer>(g)));
            case tie_grouping::formality: return std::string(to_string(static_cast<formality>(g)));
            case tie_grouping::relation: return std::string(to_string(static_cast<relation>(g)));
        }
        return {};
    };
    std::vector<std::vector<std::uint64_t>> sets;
    for (index_t t = 0; t < net.tie_count(); ++t) {
        if (!view.has_tie(t)) continue;
        const std::size_t g = group_of(t);
        if (sets.size() <= g) sets.resize(g + 1);
        index_t s = view.tie_source(t), d = view.tie_target(t);
        if (s > d) std::swap(s, d);
        sets[g].push_back((std::uint64_t(s) << 32) | d);
    }
    overlap_result out;
    std::vector<std::vector<std::uint64_t>> kept;
    for (std::size_t g = 0; g < sets.size(); ++g) {
        if (sets[g].empty()) continue;
        std::sort(sets[g].begin(), sets[g].end());
        sets[g].erase(std::unique(sets[g].begin(), sets[g].end()), sets[g].end());
        out.groups.push_back(name_of(g));
        std::vector<index_t> degree(net.actor_count(), 0);
        for (std::uint64_t p : sets[g]) {
            ++degree[p >> 32];
            ++degree[p & 0xffffffffu];
        }
        out.degree.push_back(std::move(degree));
        kept.push_back(std::move(sets[g]));
    }
    const double n = view.actor_count();
    const double possible = n * (n - 1) / 2;
    const std::vector<index_t> actors = view.actor_indices();
    std::vector<double> upper(kept.size()), lower(kept.size());
    for (std::size_t g = 0; g < kept.size(); ++g) {
        std::vector<double> values;
        values.reserve(actors.size());
        std::vector<double> active;
        for (index_t v : actors) {
            values.push_back(out.degree[g][v]);
            if (out.degree[g][v] > 0) active.push_back(out.degree[g][v]);
        }
        upper[g] = detail::quartile(active, 0.75);
        lower[g] = detail::quartile(values, 0.25);
    }
    for (std::size_t a = 0; a < kept.size(); ++a)
        for (std::size_t b = a + 1; b < kept.size(); ++b) {
            overlap_pair p{out.groups[a], out.groups[b], kept[a].size(), kept[b].size(), 0, 0, 0};
            std::vector<std::uint64_t> common;
            std::set_intersection(kept[a].begin(), kept[a].end(), kept[b].begin(), kept[b].end(), std::back_inserter(common));
            p.shared = common.size();
            const double x = p.pairs_a, y = p.pairs_b, c = p.shared;
            p.jaccard = (x + y - c) > 0 ? c / (x + y - c) : 0.0;
            const double spread = x * (possible - x) * y * (possible - y);
            p.correlation = spread > 0 ? (possible * c - x * y) / std::sqrt(spread) : std::numeric_limits<double>::quiet_NaN();
            out.pairs.push_back(std::move(p));
        }
    for (index_t v : actors)
        for (std::size_t a = 0; a < kept.size(); ++a)
            for (std::size_t b = 0; b < kept.size(); ++b) {
                if (a == b) continue;
                const index_t da = out.degree[a][v], db = out.degree[b][v];
                if (da > 0 && da >= upper[a] && db <= lower[b])
                    out.central_and_peripheral.push_back({v, out.groups[a], out.groups[b], da, db});
            }
    return out;
}

}  // namespace maillage
