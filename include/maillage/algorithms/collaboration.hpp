#pragma once
/// Collaboration scores from survey ratings carried by ties (DESIGN section 3), in the manner of
/// inter-organisational collaboration surveys (the PARTNER tool: D. Varda, "Data-driven
/// management strategies in public health collaboratives", J. Public Health Manag. Pract. 17(2),
/// 2011).
///
/// A tie's `trust` and `value` ratings (1 to 4) and its `resources` are what its source says of
/// its target: the rated actor is the target, whatever the tie's direction. Per actor:
/// - the number of ratings it received, and the mean it received on each dimension (reliability,
///   shared mission, openness; influence, resources, involvement), NaN without any;
/// - trust: the mean of its three trust dimension means (those it has), value likewise, as
///   PARTNER's trust and value scores;
/// - relative connectivity: its distinct partners (ties either way, any relation of the view)
///   over n - 1, i.e. its normalized degree;
/// - resources: per resource kind, how many ties say it contributes that kind.
/// Network: the mean of all the ratings given on each dimension, and overall trust and value
/// (means of the dimension means).
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "maillage/algorithms/measure_graph.hpp"

namespace maillage {

struct collaboration_result {
    static constexpr std::array<const char*, 6> dimensions{"trust_reliability", "trust_shared_mission", "trust_openness",
                                                            "value_influence", "value_resources", "value_involvement"};
    std::vector<index_t> ratings;                       ///< per actor: ties rating it
    std::array<std::vector<double>, 6> mean;            ///< per dimension, per actor
    std::vector<double> trust, value;                   ///< per actor
    std::vector<double> relative_connectivity;          ///< per actor
    std::map<std::string, std::vector<index_t>> resources;  ///< per kind, per actor
    std::array<double, 6> network_mean{};
    double network_trust = 0, network_value = 0;
};

[[nodiscard]] inline collaboration_result collaboration(const network_view& view) {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    const network& net = view.base();
    const index_t n = net.actor_count();
    const auto& ties = net.ties();
    collaboration_result r;
    r.ratings.assign(n, 0);
    std::array<std::vector<double>, 6> sum, count;
    for (auto& s : sum) s.assign(n, 0.0);
    for (auto& c : count) c.assign(n, 0.0);
    std::array<double, 6> all_sum{}, all_count{};
    for (index_t t = 0; t < net.tie_count(); ++t) {
        if (!view.has_tie(t) || ties.detail[t] == no_index) continue;
        const tie_detail& d = ties.details[ties.detail[t]];
        const index_t rated = view.tie_target(t);
        const std::array<std::optional<double>, 6> given{d.trust.reliability, d.trust.shared_mission, d.trust.openness,
                                                          d.value.influence, d.value.resources, d.value.involvement};
        bool any = false;
        for (std::size_t k = 0; k < 6; ++k) {
            if (!given[k]) continue;
            any = true;
            sum[k][rated] += *given[k];
            count[k][rated] += 1;
            all_sum[k] += *given[k];
            all_count[k] += 1;
        }
        if (any) ++r.ratings[rated];
        for (const std::string& kind : d.resources) {
            auto& per_actor = r.resources[kind];
            if (per_actor.empty()) per_actor.assign(n, 0);
            ++per_actor[rated];
        }
    }
    auto mean_of = [](double s, double c) { return c > 0 ? s / c : std::numeric_limits<double>::quiet_NaN(); };
    auto combine = [](const double* values) {
        double s = 0, c = 0;
        for (int k = 0; k < 3; ++k)
            if (!std::isnan(values[k])) {
                s += values[k];
                ++c;
            }
        return c > 0 ? s / c : std::numeric_limits<double>::quiet_NaN();
    };
    for (std::size_t k = 0; k < 6; ++k) {
        r.mean[k].assign(n, nan);
        for (index_t v = 0; v < n; ++v)
            if (view.has_actor(v)) r.mean[k][v] = mean_of(sum[k][v], count[k][v]);
        r.network_mean[k] = mean_of(all_sum[k], all_count[k]);
    }
    r.trust.assign(n, nan);
    r.value.assign(n, nan);
    for (index_t v = 0; v < n; ++v) {
        if (!view.has_actor(v)) continue;
        const double trust[3] = {r.mean[0][v], r.mean[1][v], r.mean[2][v]};
        const double value[3] = {r.mean[3][v], r.mean[4][v], r.mean[5][v]};
        r.trust[v] = combine(trust);
        r.value[v] = combine(value);
    }
    r.network_trust = combine(r.network_mean.data());
    r.network_value = combine(r.network_mean.data() + 3);
    const measure_graph g(view, {.directed = false});
    r.relative_connectivity.assign(n, nan);
    const double others = static_cast<double>(g.view_size()) - 1;
    for (index_t v = 0; v < n; ++v)
        if (g.in_view(v)) r.relative_connectivity[v] = others > 0 ? g.out_neighbours(v).size() / others : 0.0;
    return r;
}

}  // namespace maillage
