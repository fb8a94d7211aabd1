#pragma once
/// The analysis plan of a network (DESIGN section 2, after Guergo and the French circular of 1999
/// on care networks): eight sections, each with what the map declares, what was computed from it
/// and what is missing (`plan_information_missing` findings), and a last section of the gaps by
/// severity.
///
/// What each section computes:
/// 1. legal status — actors and members.
/// 2. project — users and their needs by domain (the needs the objectives answer).
/// 3. field — domains offered by members, declared domains no member offers, territories members
///    serve, uncovered territory x domain cells, other networks (actors of kind network) and the
///    ties between them and the members.
/// 4. composition — actors by kind; members by status, by sector; professions; tasks per actor
///    from the partnership conventions it is part of; open decisions per owner.
/// 5. means — the coordinators found by centrality (highest betweenness on the map of services,
///    professionals collapsed, among members when the map has members), whether the declared
///    coordinators are among them, and the linkers: actors that stand between a user and a member
///    they are not tied to, by the number of such (user, member) pairs.
/// 6. communication with external institutions — ties between members (internal) and between a
///    member and a non-member (external), the E-I index (E - I) / (E + I) of members (Krackhardt &
///    Stern 1988), and the members with most external ties (boundary spanners).
/// 7. financing — the declared funders; funding ties (direct); the means made available in
///    conventions (indirect).
/// 8. place of users — users, meetings about a user, the share of those the user attended, the
///    mean covered share of users' needs and the users with an uncovered need.
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "maillage/algorithms/betweenness.hpp"
#include "maillage/analysis/coverage.hpp"
#include "maillage/analysis/finding.hpp"
#include "maillage/analysis/gaps.hpp"

namespace maillage {

/// A count per label, in decreasing count (then label) order.
using counts = std::vector<std::pair<std::string, double>>;
using plan_value = std::variant<double, std::string, std::vector<std::string>, counts>;

struct plan_section {
    int number = 0;                 ///< 1..8; 9 for the gaps
    std::string key;                ///< legal_status, project, field, composition, means, communication, financing, users, gaps
    std::vector<std::pair<std::string, plan_value>> declared, computed;
    std::vector<finding> missing;
};

struct analysis_plan {
    std::vector<plan_section> sections;
    std::vector<finding> gaps;
};

namespace detail {

inline counts count_labels(const std::vector<std::string>& labels) {
    std::map<std::string, double> tally;
    for (const auto& l : labels) tally[l] += 1;
    counts out(tally.begin(), tally.end());
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
}

inline std::vector<std::string> sorted_unique(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
}

}  // namespace detail

[[nodiscard]] inline analysis_plan plan(const network& net, const gap_options& options = {}) {
    const auto& a = net.actors();
    const auto& ties = net.ties();
    const network_info& info = net.info();
    const index_t n = net.actor_count();
    const coverage_result covered = coverage(net, options.coverage);
    analysis_plan out;
    out.gaps = gaps(net, options, covered);
    auto section = [&](int number, const char* key) -> plan_section& {
        plan_section s;
        s.number = number;
        s.key = key;
        for (const finding& f : out.gaps)
            if (f.code == "plan_information_missing") {
                const auto* at = f.find("section");
                if (at && std::get<double>(*at) == number) s.missing.push_back(f);
            }
        out.sections.push_back(std::move(s));
        return out.sections.back();
    };
    bool has_members = false;
    double members = 0, users = 0;
    for (index_t v = 0; v < n; ++v) {
        has_members = has_members || a.member[v];
        members += a.member[v];
        users += detail::is_user(net, v);
    }
    auto is_member = [&](index_t v) { return a.member[detail::team_member(net, v)] != 0; };

    {
        auto& s = section(1, "legal_status");
        if (!info.legal_status.empty()) s.declared.emplace_back("legal_status", info.legal_status);
        s.computed.emplace_back("actors", double(n));
        s.computed.emplace_back("members", members);
    }
    {
        auto& s = section(2, "project");
        if (!info.genesis.empty()) s.declared.emplace_back("genesis", info.genesis);
        if (!info.objectives.empty()) s.declared.emplace_back("objectives", info.objectives);
        std::vector<std::string> needs;
        for (index_t v = 0; v < n; ++v)
            if (detail::is_user(net, v)) needs.insert(needs.end(), a.needs[v].begin(), a.needs[v].end());
        s.computed.emplace_back("users", users);
        s.computed.emplace_back("needs", detail::count_labels(needs));
    }
    {
        auto& s = section(3, "field");
        if (!info.domains.empty()) s.declared.emplace_back("domains", info.domains);
        if (!info.territory.empty()) s.declared.emplace_back("territory", info.territory);
        std::vector<std::string> offered, served, networks;
        for (index_t v = 0; v < n; ++v) {
            if (a.kind[v] == actor_kind::network) networks.push_back(net.actor_id(v));
            if (!a.member[v] || !detail::is_provider(net, v)) continue;
            offered.insert(offered.end(), a.domains[v].begin(), a.domains[v].end());
            const auto area = detail::service_area(net, v);
            served.insert(served.end(), area.begin(), area.end());
        }
        offered = detail::sorted_unique(offered);
        std::vector<std::string> without;
        for (const auto& d : info.domains)
            if (!std::binary_search(offered.begin(), offered.end(), d)) without.push_back(d);
        double network_ties = 0;
        for (index_t t = 0; t < net.tie_count(); ++t) {
            const index_t x = ties.source[t], y = ties.target[t];
            const bool xn = a.kind[x] == actor_kind::network, yn = a.kind[y] == actor_kind::network;
            if ((xn && is_member(y) && !a.member[x]) || (yn && is_member(x) && !a.member[y])) ++network_ties;
        }
        s.computed.emplace_back("domains_offered_by_members", offered);
        s.computed.emplace_back("declared_domains_without_member", without);
        s.computed.emplace_back("territories_served_by_members", detail::sorted_unique(served));
        s.computed.emplace_back("uncovered_cells", double(covered.territories.uncovered.size()));
        s.computed.emplace_back("other_networks", networks);
        s.computed.emplace_back("ties_with_other_networks", network_ties);
    }
    {
        auto& s = section(4, "composition");
        if (!info.charter.empty()) s.declared.emplace_back("charter", info.charter);
        if (!info.internal_rules.empty()) s.declared.emplace_back("internal_rules", info.internal_rules);
        std::vector<std::string> kinds, statuses, sectors, professions, tasks, owners;
        for (index_t v = 0; v < n; ++v) {
            kinds.emplace_back(to_string(a.kind[v]));
            if (!a.profession[v].empty()) professions.push_back(a.profession[v]);
            if (!a.member[v]) continue;
            if (a.status[v] != actor_status::none) statuses.emplace_back(to_string(a.status[v]));
            if (!a.sector[v].empty()) sectors.push_back(a.sector[v]);
        }
        for (index_t t = 0; t < net.tie_count(); ++t) {
            if (ties.detail[t] == no_index) continue;
            const auto& c = ties.details[ties.detail[t]].convention;
            if (!c) continue;
            for (std::size_t k = 0; k < c->tasks.size(); ++k) {
                tasks.push_back(net.actor_id(ties.source[t]));
                tasks.push_back(net.actor_id(ties.target[t]));
            }
        }
        for (const meeting& m : net.meetings())
            for (const decision& d : m.decisions)
                if (d.status == decision_status::open || d.status == decision_status::in_progress)
                    owners.push_back(d.who.empty() ? std::string("-") : d.who);
        s.computed.emplace_back("actors_by_kind", detail::count_labels(kinds));
        s.computed.emplace_back("members_by_status", detail::count_labels(statuses));
        s.computed.emplace_back("members_by_sector", detail::count_labels(sectors));
        s.computed.emplace_back("professions", detail::count_labels(professions));
        s.computed.emplace_back("convention_tasks_by_actor", detail::count_labels(tasks));
        s.computed.emplace_back("open_decisions_by_owner", detail::count_labels(owners));
    }
    {
        auto& s = section(5, "means");
        if (!info.coordinators.empty()) s.declared.emplace_back("coordinators", info.coordinators);
        if (!info.coordination_how.empty()) s.declared.emplace_back("coordination_how", info.coordination_how);
        const network_view services(net, {.kinds = {actor_kind::professional, actor_kind::organisation, actor_kind::network},
                                          .organisation_level = true});
        const actor_scores b = betweenness(services, {.graph = {.directed = false}});
        std::vector<std::pair<double, index_t>> ranked;
        for (index_t v = 0; v < n; ++v)
            if (services.has_actor(v) && (!has_members || a.member[v]) && b.values[v] > 0) ranked.emplace_back(b.values[v], v);
        std::stable_sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
        counts central;
        for (std::size_t k = 0; k < ranked.size() && k < 5; ++k) central.emplace_back(net.actor_id(ranked[k].second), ranked[k].first);
        std::vector<std::string> confirmed;
        for (const auto& c : info.coordinators)
            for (const auto& [id, score] : central)
                if (id == c) confirmed.push_back(c);
        // Linkers: x with a tie to user u and a tie to member m, u and m not tied directly.
        const measure_graph g(network_view(net, {.organisation_level = true}), {.directed = false});
        std::map<index_t, double> linked;
        for (index_t u = 0; u < n; ++u) {
            if (!detail::is_user(net, u) || !g.in_view(u)) continue;
            auto direct = g.out_neighbours(u);
            for (index_t x : direct) {
                if (a.member[x] && has_members) continue;
                for (index_t m : g.out_neighbours(x))
                    if (m != u && a.member[m] && !std::binary_search(direct.begin(), direct.end(), m)) linked[x] += 1;
            }
        }
        counts linkers;
        for (const auto& [x, pairs] : linked) linkers.emplace_back(net.actor_id(x), pairs);
        std::stable_sort(linkers.begin(), linkers.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
        s.computed.emplace_back("coordinators_by_betweenness", central);
        s.computed.emplace_back("declared_coordinators_confirmed", confirmed);
        s.computed.emplace_back("linkers_of_users_to_members", linkers);
    }
    {
        auto& s = section(6, "communication");
        double internal = 0, external = 0;
        std::vector<std::string> spanners;
        for (index_t t = 0; t < net.tie_count(); ++t) {
            const bool x = is_member(ties.source[t]), y = is_member(ties.target[t]);
            if (x && y) ++internal;
            else if (x != y) {
                ++external;
                spanners.push_back(net.actor_id(detail::team_member(net, x ? ties.source[t] : ties.target[t])));
            }
        }
        s.computed.emplace_back("internal_ties", internal);
        s.computed.emplace_back("external_ties", external);
        if (internal + external > 0) s.computed.emplace_back("ei_index", (external - internal) / (external + internal));
        counts top = detail::count_labels(spanners);
        if (top.size() > 5) top.resize(5);
        s.computed.emplace_back("boundary_spanners", top);
    }
    {
        auto& s = section(7, "financing");
        std::vector<std::string> declared;
        for (const auto& f : info.financing) {
            std::string line = f.funder;
            if (f.kind != financing_kind::none) line += " (" + std::string(to_string(f.kind)) + ")";
            if (!f.nature.empty()) line += ": " + f.nature;
            if (f.amount) {
                char amount[32];
                std::snprintf(amount, sizeof amount, "%.15g", *f.amount);
                line += std::string(", ") + amount;
            }
            declared.push_back(line);
        }
        if (!declared.empty()) s.declared.emplace_back("financing", declared);
        std::vector<std::string> funding, means;
        for (index_t t = 0; t < net.tie_count(); ++t) {
            if (ties.relation[t] == relation::funding)
                funding.push_back(net.actor_id(ties.source[t]) + " -> " + net.actor_id(ties.target[t]));
            if (ties.detail[t] != no_index && ties.details[ties.detail[t]].convention) {
                const auto& c = *ties.details[ties.detail[t]].convention;
                means.insert(means.end(), c.means.begin(), c.means.end());
            }
        }
        s.computed.emplace_back("funding_ties", funding);
        s.computed.emplace_back("means_made_available", means);
    }
    {
        auto& s = section(8, "users");
        if (!info.users_description.empty()) s.declared.emplace_back("users_description", info.users_description);
        if (!info.users_role.empty()) s.declared.emplace_back("users_role", info.users_role);
        double about_user = 0, attended = 0;
        for (const meeting& m : net.meetings()) {
            if (m.about.empty()) continue;
            ++about_user;
            attended += detail::contains(m.participants, m.about);
        }
        double share_sum = 0, with_needs = 0, uncovered = 0;
        for (const auto& uc : covered.users) {
            if (!std::isnan(uc.covered_share)) {
                share_sum += uc.covered_share;
                ++with_needs;
            }
            uncovered += !uc.uncovered.empty();
        }
        s.computed.emplace_back("users", users);
        s.computed.emplace_back("meetings_about_a_user", about_user);
        if (about_user > 0) s.computed.emplace_back("user_participation", attended / about_user);
        if (with_needs > 0) s.computed.emplace_back("mean_covered_share", share_sum / with_needs);
        s.computed.emplace_back("users_with_uncovered_needs", uncovered);
    }
    {
        auto& s = section(9, "gaps");
        std::vector<std::string> levels;
        for (const finding& f : out.gaps) levels.emplace_back(to_string(f.severity));
        s.computed.emplace_back("by_severity", detail::count_labels(levels));
        std::vector<std::string> codes;
        for (const finding& f : out.gaps) codes.push_back(f.code);
        s.computed.emplace_back("by_code", detail::count_labels(codes));
    }
    return out;
}

}  // namespace maillage
