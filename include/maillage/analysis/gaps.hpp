#pragma once
/// The gaps of a map: findings with codes that never change meaning (DESIGN section 4). Each rule,
/// its severity and the evidence keys the message catalogues fill:
///
/// - `uncovered_need` (critical): a user's need that no provider covers (coverage.hpp).
///   Subjects [user]; evidence user, need, reach.
/// - `single_provider` (warning): a user's need covered by exactly one provider.
///   Subjects [user, provider]; evidence user, provider, need.
/// - `fragmented_care_team` (warning): a user's care team of two or more organisations falls into
///   several pieces on coordination, partnership and information ties among its members.
///   Subjects [user, members...]; evidence user, team_size, pieces, suggested_pair (two ids).
/// - `missing_link` (info): two organisations (professionals collapsed) without any tie between
///   them that serve users in common (both in the care team of a user: reason `shared_users`), or
///   two members with disjoint domains, one in a user's care team and one outside it, each
///   answering a need of that user (reason `complementary_domains`: the team lacks the other). Ranked by shared users, then by the users whose needs they
///   complement, then by map order; the first `max_missing_links`. Subjects [a, b]; evidence a,
///   b, rank, reason, shared_users, domains.
/// - `unformalised_partnership` (warning): a partnership tie without a convention, or whose
///   convention is not signed or lacks tasks, means, contributions, responsibilities or expected
///   results. Subjects [source, target]; evidence source, target, missing (terms).
/// - `paper_partnership` (warning): a partnership with a convention whose `last_activity` ends
///   before `activity_since` (default: `as_of` minus `activity_days`, 365); a coarse date counts
///   to the end of its month or year; without `last_activity` it is not judged.
///   Subjects [source, target]; evidence source, target, last_activity, since.
/// - `missing_consent` (critical): an information tie about a user whose consent is not recorded
///   as given. Subjects [source, target]; evidence source, target, user, consent (absent |
///   refused).
/// - `isolated_actor` (warning): an actor without any tie. Subjects [actor]; evidence actor.
/// - `single_point_of_failure` (warning; critical when it cuts off a user): an actor other than a
///   user whose loss splits its component (cut.hpp), on the map with professionals collapsed onto
///   their organisation.
///   Subjects [actor]; evidence actor, cut_off (actors outside the largest part left),
///   users_cut_off, pieces.
/// - `over_centralised` (warning): Freeman degree centralisation of the secondary network
///   (actors other than persons, professionals collapsed onto their organisation) of at least
///   `centralisation_threshold` (default 0.5, where the star is 1), with at least 4 actors.
///   Subjects [the actor of highest degree]; evidence actor, centralization, threshold.
/// - `excluded_competent_service` (warning): when the map says who the members are, a non-member
///   organisation or network offering a domain that the network declares or a user needs, and
///   tied to no member. Subjects [actor]; evidence actor, domains.
/// - `no_primary_support` (warning): a user without a primary tie that is not conflictual.
///   Subjects [user]; evidence user, primary_ties, conflictual.
/// - `conflictual_tie` (info; warning when it involves a user): a tie of conflictual valence.
///   Subjects [source, target]; evidence source, target, relation.
/// - `plan_information_missing` (info): when the map describes a network (it gives one of legal
///   status, genesis, objectives, charter, coordinators, financing, users' description; a user's
///   ecomap that only flags members does not),
///   each field of the analysis plan it leaves empty. Subjects []; evidence section,
///   section_title (filled by the catalogue), field.
/// The meeting codes come from meetings.hpp (audit_meetings, with `meetings` options).
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "maillage/algorithms/cut.hpp"
#include "maillage/algorithms/summary.hpp"
#include "maillage/analysis/coverage.hpp"
#include "maillage/analysis/finding.hpp"
#include "maillage/analysis/meetings.hpp"
#include "maillage/detail/dates.hpp"
#include "maillage/error.hpp"

namespace maillage {

struct gap_options {
    std::string as_of;                       ///< ISO date for time rules; empty: no time rules
    std::string activity_since;              ///< ISO date; empty: as_of minus activity_days
    unsigned activity_days = 365;
    double centralisation_threshold = 0.5;
    std::size_t max_missing_links = 10;
    coverage_options coverage;
    /// The meeting rules (meetings.hpp); their `as_of` is this one when left empty.
    meeting_options meetings;
};

namespace detail {

inline std::vector<std::string> ids_of(const network& net, const std::vector<index_t>& actors) {
    std::vector<std::string> out;
    for (index_t v : actors) out.push_back(net.actor_id(v));
    return out;
}

inline finding make_finding(std::string code, severity level, std::vector<std::string> subjects) {
    finding f;
    f.code = std::move(code);
    f.severity = level;
    f.subjects = std::move(subjects);
    return f;
}

inline void coverage_gaps(const network& net, const coverage_result& c, const gap_options& options, std::vector<finding>& out) {
    for (const auto& uc : c.users) {
        const std::string user = net.actor_id(uc.user);
        for (const auto& nc : uc.needs) {
            if (nc.providers.empty())
                out.push_back(make_finding("uncovered_need", severity::critical, {user})
                                  .with("user", user).with("need", nc.need).with("reach", double(options.coverage.reach)));
            else if (nc.providers.size() == 1)
                out.push_back(make_finding("single_provider", severity::warning, {user, net.actor_id(nc.providers[0])})
                                  .with("user", user).with("provider", net.actor_id(nc.providers[0])).with("need", nc.need));
        }
    }
    for (const auto& team : c.teams) {
        if (team.members.size() < 2 || team.pieces.size() < 2) continue;
        std::vector<std::string> subjects{net.actor_id(team.user)};
        for (index_t m : team.members) subjects.push_back(net.actor_id(m));
        const auto [x, y] = team.joining_pairs.front();
        out.push_back(make_finding("fragmented_care_team", severity::warning, std::move(subjects))
                          .with("user", net.actor_id(team.user))
                          .with("team_size", double(team.members.size()))
                          .with("pieces", double(team.pieces.size()))
                          .with("suggested_pair", std::vector<std::string>{net.actor_id(x), net.actor_id(y)}));
    }
}

inline void missing_links(const network& net, const coverage_result& c, const gap_options& options, std::vector<finding>& out) {
    const auto& a = net.actors();
    const auto& ties = net.ties();
    std::set<std::pair<index_t, index_t>> tied;
    for (index_t t = 0; t < net.tie_count(); ++t) {
        index_t s = team_member(net, ties.source[t]), d = team_member(net, ties.target[t]);
        if (s > d) std::swap(s, d);
        tied.emplace(s, d);
    }
    struct candidate {
        std::size_t shared = 0, complementary = 0;
        std::set<std::string> domains;
    };
    std::map<std::pair<index_t, index_t>, candidate> candidates;
    for (const auto& team : c.teams)
        for (std::size_t i = 0; i < team.members.size(); ++i)
            for (std::size_t j = i + 1; j < team.members.size(); ++j) {
                const std::pair<index_t, index_t> key{team.members[i], team.members[j]};
                if (!tied.count(key)) ++candidates[key].shared;
            }
    // A member of a user's care team and a member outside it, not tied, with disjoint domains,
    // each answering a need of that user: the team lacks a link to the other. Members are found
    // through a domain -> members index, so the cost follows the users' needs, not members^2.
    std::map<std::string, std::vector<index_t>> members_of_domain;
    for (index_t v = 0; v < net.actor_count(); ++v)
        if (a.member[v] && (a.kind[v] == actor_kind::organisation || a.kind[v] == actor_kind::network))
            for (const auto& d : a.domains[v]) members_of_domain[d].push_back(v);
    auto disjoint = [&](index_t x, index_t y) {
        for (const auto& d : a.domains[x])
            if (contains(a.domains[y], d)) return false;
        return true;
    };
    for (const auto& team : c.teams) {
        const auto& needs = a.needs[team.user];
        for (index_t x : team.members) {
            if (!a.member[x]) continue;
            std::vector<std::string> answered_x;
            for (const auto& need : needs)
                if (contains(a.domains[x], need)) answered_x.push_back(need);
            if (answered_x.empty()) continue;
            std::set<index_t> seen;
            for (const auto& need : needs) {
                if (contains(a.domains[x], need)) continue;
                auto it = members_of_domain.find(need);
                if (it == members_of_domain.end()) continue;
                for (index_t y : it->second) {
                    if (y == x || std::binary_search(team.members.begin(), team.members.end(), y)) continue;
                    const std::pair<index_t, index_t> key{std::min(x, y), std::max(x, y)};
                    if (tied.count(key) || !disjoint(x, y) || !seen.insert(y).second) continue;
                    auto& cand = candidates[key];
                    ++cand.complementary;
                    cand.domains.insert(answered_x.begin(), answered_x.end());
                    for (const auto& n2 : needs)
                        if (contains(a.domains[y], n2)) cand.domains.insert(n2);
                }
            }
        }
    }
    std::vector<std::pair<std::pair<index_t, index_t>, candidate>> ranked(candidates.begin(), candidates.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
        if (x.second.shared != y.second.shared) return x.second.shared > y.second.shared;
        return x.second.complementary > y.second.complementary;
    });
    std::size_t rank = 0;
    for (const auto& [pair, cand] : ranked) {
        if (rank == options.max_missing_links) break;
        ++rank;
        const std::string x = net.actor_id(pair.first), y = net.actor_id(pair.second);
        out.push_back(make_finding("missing_link", severity::info, {x, y})
                          .with("a", x).with("b", y).with("rank", double(rank))
                          .with("reason", cand.shared > 0 ? "shared_users" : "complementary_domains")
                          .with("shared_users", double(cand.shared))
                          .with("domains", std::vector<std::string>(cand.domains.begin(), cand.domains.end())));
    }
}

inline void tie_gaps(const network& net, const gap_options& options, std::vector<finding>& out) {
    const auto& ties = net.ties();
    const auto& a = net.actors();
    std::optional<long> since;
    std::string since_text = options.activity_since;
    if (!since_text.empty()) {
        since = parse_iso_date(since_text);
        if (!since) throw invalid_argument("gaps: activity_since must be an ISO date (YYYY-MM-DD), got \"" + since_text + "\"");
    } else if (!options.as_of.empty()) {
        const auto as_of = parse_iso_date(options.as_of);
        if (!as_of) throw invalid_argument("gaps: as_of must be an ISO date (YYYY-MM-DD), got \"" + options.as_of + "\"");
        since = *as_of - static_cast<long>(options.activity_days);
        since_text = format_iso_date(*since);
    }
    for (index_t t = 0; t < net.tie_count(); ++t) {
        const std::string s = net.actor_id(ties.source[t]), d = net.actor_id(ties.target[t]);
        const tie_detail* detail = ties.detail[t] == no_index ? nullptr : &ties.details[ties.detail[t]];
        if (ties.relation[t] == relation::partnership) {
            std::vector<std::string> missing;
            if (!detail || !detail->convention) {
                missing.push_back("convention");
            } else {
                const convention& c = *detail->convention;
                if (!c.is_signed) missing.push_back("signed");
                if (c.tasks.empty()) missing.push_back("tasks");
                if (c.means.empty()) missing.push_back("means");
                if (c.contributions.empty()) missing.push_back("contributions");
                if (c.responsibilities.empty()) missing.push_back("responsibilities");
                if (c.expected_results.empty()) missing.push_back("expected_results");
            }
            if (!missing.empty())
                out.push_back(make_finding("unformalised_partnership", severity::warning, {s, d})
                                  .with("source", s).with("target", d).with("missing", missing));
            if (detail && detail->convention && since && !detail->last_activity.empty()) {
                const auto last = parse_iso_date(detail->last_activity, true);
                if (last && *last < *since)
                    out.push_back(make_finding("paper_partnership", severity::warning, {s, d})
                                      .with("source", s).with("target", d)
                                      .with("last_activity", detail->last_activity).with("since", since_text));
            }
        }
        if (ties.relation[t] == relation::information && detail && detail->about != no_index &&
            !(detail->consent && *detail->consent))
            out.push_back(make_finding("missing_consent", severity::critical, {s, d})
                              .with("source", s).with("target", d).with("user", net.actor_id(detail->about))
                              .with("consent", detail->consent ? "refused" : "absent"));
        if (ties.valence[t] == valence::conflictual) {
            const bool with_user = is_user(net, ties.source[t]) || is_user(net, ties.target[t]);
            out.push_back(make_finding("conflictual_tie", with_user ? severity::warning : severity::info, {s, d})
                              .with("source", s).with("target", d)
                              .with("relation", std::string(to_string(ties.relation[t]))));
        }
    }
    (void)a;
}

inline void structure_gaps(const network& net, const gap_options& options, std::vector<finding>& out) {
    const auto& a = net.actors();
    const auto& g = net.graph();
    const auto& ties = net.ties();
    for (index_t v = 0; v < net.actor_count(); ++v)
        if (g.out_degree(v) == 0 && g.in_degree(v) == 0)
            out.push_back(make_finding("isolated_actor", severity::warning, {net.actor_id(v)}).with("actor", net.actor_id(v)));

    // On the organisation-level map: a professional is not a cut actor merely because its
    // membership tie is the only one of its organisation.
    const network_view organisations(net, {.organisation_level = true});
    const measure_graph mg(organisations, {.directed = false});
    const cuts_result cut = cuts(organisations);
    std::vector<index_t> label(net.actor_count(), no_index), stack;
    for (const cut_actor& c : cut.articulation_points) {
        if (is_user(net, c.actor)) continue;
        // The parts its loss leaves, by a search from each neighbour without it, to count the
        // actors (and users) outside the largest one.
        std::fill(label.begin(), label.end(), no_index);
        std::vector<std::size_t> sizes;
        for (index_t start : mg.out_neighbours(c.actor)) {
            if (label[start] != no_index) continue;
            const auto part = static_cast<index_t>(sizes.size());
            label[start] = part;
            stack.assign(1, start);
            std::size_t size = 0;
            while (!stack.empty()) {
                const index_t v = stack.back();
                stack.pop_back();
                ++size;
                for (index_t w : mg.out_neighbours(v))
                    if (w != c.actor && label[w] == no_index) {
                        label[w] = part;
                        stack.push_back(w);
                    }
            }
            sizes.push_back(size);
        }
        const auto largest = static_cast<index_t>(std::max_element(sizes.begin(), sizes.end()) - sizes.begin());
        double cut_off = 0, users = 0;
        for (index_t v = 0; v < net.actor_count(); ++v)
            if (label[v] != no_index && label[v] != largest) {
                ++cut_off;
                users += is_user(net, v);
            }
        const std::string id = net.actor_id(c.actor);
        out.push_back(make_finding("single_point_of_failure", users > 0 ? severity::critical : severity::warning, {id})
                          .with("actor", id).with("cut_off", cut_off).with("users_cut_off", users)
                          .with("pieces", double(c.pieces.size())));
    }

    const network_view services(net, {.kinds = {actor_kind::professional, actor_kind::organisation, actor_kind::network},
                                      .organisation_level = true});
    if (services.actor_count() >= 4 && services.tie_count() > 0) {
        const network_summary s = summarize(services, {.distances = false, .graph = {.directed = false}});
        if (s.degree_centralization >= options.centralisation_threshold) {
            const measure_graph mg(services, {.directed = false});
            index_t hub = no_index;
            for (index_t v = 0; v < mg.vertex_count(); ++v)
                if (mg.in_view(v) && (hub == no_index || mg.out_neighbours(v).size() > mg.out_neighbours(hub).size())) hub = v;
            out.push_back(make_finding("over_centralised", severity::warning, {net.actor_id(hub)})
                              .with("actor", net.actor_id(hub)).with("centralization", s.degree_centralization)
                              .with("threshold", options.centralisation_threshold));
        }
    }

    bool has_members = false;
    for (index_t v = 0; v < net.actor_count(); ++v) has_members = has_members || a.member[v];
    if (has_members) {
        std::set<std::string> needed(net.info().domains.begin(), net.info().domains.end());
        for (index_t v = 0; v < net.actor_count(); ++v)
            if (is_user(net, v)) needed.insert(a.needs[v].begin(), a.needs[v].end());
        for (index_t v = 0; v < net.actor_count(); ++v) {
            if (a.member[v] || (a.kind[v] != actor_kind::organisation && a.kind[v] != actor_kind::network)) continue;
            std::vector<std::string> competent;
            for (const auto& d : a.domains[v])
                if (needed.count(d)) competent.push_back(d);
            if (competent.empty()) continue;
            bool tied_to_member = false;
            for_each_incident_tie(net, v, [&](index_t t) {
                const index_t other = ties.source[t] == v ? ties.target[t] : ties.source[t];
                tied_to_member = tied_to_member || a.member[team_member(net, other)];
            });
            if (!tied_to_member)
                out.push_back(make_finding("excluded_competent_service", severity::warning, {net.actor_id(v)})
                                  .with("actor", net.actor_id(v)).with("domains", competent));
        }
    }

    for (index_t u = 0; u < net.actor_count(); ++u) {
        if (!is_user(net, u)) continue;
        double primary = 0, conflictual = 0;
        std::set<index_t> counted;
        for_each_incident_tie(net, u, [&](index_t t) {
            if (ties.layer[t] != layer::primary || !counted.insert(t).second) return;
            ++primary;
            conflictual += ties.valence[t] == valence::conflictual;
        });
        if (primary - conflictual <= 0)
            out.push_back(make_finding("no_primary_support", severity::warning, {net.actor_id(u)})
                              .with("user", net.actor_id(u)).with("primary_ties", primary).with("conflictual", conflictual));
    }
}

inline void plan_gaps(const network& net, std::vector<finding>& out) {
    const network_info& info = net.info();
    const auto& a = net.actors();
    bool has_networks = false;
    for (index_t v = 0; v < net.actor_count(); ++v) has_networks = has_networks || a.kind[v] == actor_kind::network;
    const bool describes_network = !info.legal_status.empty() || !info.genesis.empty() ||
                                   !info.objectives.empty() || !info.charter.empty() || !info.coordinators.empty() ||
                                   !info.financing.empty() || !info.users_description.empty();
    if (!describes_network) return;
    auto missing = [&](int section, const char* field, bool empty) {
        if (empty)
            out.push_back(make_finding("plan_information_missing", severity::info, {})
                              .with("section", double(section)).with("field", std::string(field)));
    };
    missing(1, "legal_status", info.legal_status.empty());
    missing(2, "genesis", info.genesis.empty());
    missing(2, "objectives", info.objectives.empty());
    missing(3, "domains", info.domains.empty());
    missing(3, "territory", info.territory.empty());
    missing(3, "other_networks", !has_networks);
    missing(4, "charter", info.charter.empty());
    missing(4, "internal_rules", info.internal_rules.empty());
    missing(5, "coordinators", info.coordinators.empty());
    missing(5, "coordination_how", info.coordination_how.empty());
    missing(7, "financing", info.financing.empty());
    missing(8, "users_description", info.users_description.empty());
    missing(8, "users_role", info.users_role.empty());
}

inline int code_rank(std::string_view code) {
    for (std::size_t k = 0; k < std::size(gap_codes); ++k)
        if (gap_codes[k] == code) return static_cast<int>(k);
    return static_cast<int>(std::size(gap_codes));
}

}  // namespace detail

/// Every finding of the rules above, most severe first, then in the order of `gap_codes`, then in
/// map order. Given a coverage already computed with the same options, it is not recomputed.
[[nodiscard]] inline std::vector<finding> gaps(const network& net, const gap_options& options, const coverage_result& covered) {
    std::vector<finding> out;
    detail::coverage_gaps(net, covered, options, out);
    detail::missing_links(net, covered, options, out);
    detail::tie_gaps(net, options, out);
    detail::structure_gaps(net, options, out);
    detail::plan_gaps(net, out);
    meeting_options meetings = options.meetings;
    if (meetings.as_of.empty()) meetings.as_of = options.as_of;
    for (finding& f : audit_meetings(net, meetings).findings) out.push_back(std::move(f));
    std::stable_sort(out.begin(), out.end(), [](const finding& x, const finding& y) {
        if (x.severity != y.severity) return x.severity > y.severity;
        return detail::code_rank(x.code) < detail::code_rank(y.code);
    });
    return out;
}

[[nodiscard]] inline std::vector<finding> gaps(const network& net, const gap_options& options = {}) {
    return gaps(net, options, coverage(net, options.coverage));
}

}  // namespace maillage
