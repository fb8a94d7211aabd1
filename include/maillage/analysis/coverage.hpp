#pragma once
/// Coverage: which needs, domains and territories the map serves, and by whom (DESIGN section 4).
///
/// Rules, each in one place:
/// - A *provider* is an actor that is not a person (a professional, an organisation or a
///   network). Its *domains* are its own `domains`; a professional also covers what its
///   organisation covers.
/// - *Needs of a user*: a need is covered by the providers that reach the user in at most
///   1 + `reach` steps, where the first step is any tie between the user and the provider (either
///   direction, any relation) and each further step is a referral tie followed in its direction
///   from a provider already reached (a referral about another user does not count), and whose
///   domains include the need. `reach` = 0 keeps direct ties only. Covered share = covered needs
///   over needs (NaN for a user without needs).
/// - *Domains of the network*: for every domain that a provider offers, a user needs or the
///   network declares, the providers offering it among members and among non-members
///   (organisations and networks by their own domains, professionals by their own domains only,
///   so that a professional does not count its organisation twice).
/// - *Territories*: the territory x domain matrix of providers by service area (`service_area`, or
///   `territory` when none is given), over the territories the network declares or the providers
///   serve and the domains above; a cell without provider is uncovered; with populations
///   (territory -> inhabitants: `options.populations`, or else the populations the map declares
///   on its territories, `network_info::population`) each domain gets the population of its
///   uncovered territories (a territory without a population adds nothing: unknown, not empty).
/// - *Critical providers*: an actor is critical for a user's need, a domain or a territory cell
///   when it is its only provider (its loss leaves it without one).
/// - *Smallest covering set*: the fewest providers that cover every covered need of every user
///   (set cover). Exact by search over subsets when at most `exact_limit` providers cover some need;
///   otherwise greedy (Chvatal 1979), which is within a factor H(d) = 1 + 1/2 + ... + 1/d of the
///   optimum, d being the most needs one provider covers; the result states which and the bound.
/// - *Care team* of a user: the providers tied to the user directly, professionals collapsed onto
///   their organisation. Its pieces are the connected groups on coordination, partnership and
///   information ties *among team members only*; for each piece beyond the largest, the pair that
///   would join it to the largest: the member of each piece with the most such ties (first in map
///   order among equals).
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "maillage/model/network.hpp"

namespace maillage {

struct coverage_options {
    unsigned reach = 1;                          ///< referral steps beyond the direct tie
    /// territory -> inhabitants; empty: the map's own (`net.info().population`), if any.
    std::map<std::string, double> populations;
    std::size_t exact_limit = 20;                ///< exact set cover up to this many providers
};

struct need_coverage {
    std::string need;
    std::vector<index_t> providers;              ///< by actor index
};

struct user_coverage {
    index_t user = no_index;
    std::vector<need_coverage> needs;
    std::vector<std::string> uncovered;
    double covered_share = std::numeric_limits<double>::quiet_NaN();
};

struct domain_coverage {
    std::string domain;
    std::vector<index_t> members, non_members;
};

struct territory_coverage {
    std::vector<std::string> territories, domains;
    /// providers[t][d]: actor indices serving territory t in domain d.
    std::vector<std::vector<std::vector<index_t>>> providers;
    std::vector<std::pair<std::string, std::string>> uncovered;  ///< (territory, domain)
    /// domain -> population of the territories without a provider (only with populations).
    std::map<std::string, double> population_without_provider;
};

struct critical_provider {
    index_t actor = no_index;
    std::vector<std::pair<index_t, std::string>> needs;       ///< (user, need) it alone covers
    std::vector<std::string> domains;                          ///< domains it alone offers
    std::vector<std::pair<std::string, std::string>> cells;   ///< (territory, domain) it alone serves
};

struct covering_set {
    std::vector<index_t> actors;
    bool exact = false;
    double bound = 1;          ///< the result has at most `bound` times the optimum's size
};

struct care_team {
    index_t user = no_index;
    std::vector<index_t> members;                       ///< organisation-level actor indices
    std::vector<std::vector<index_t>> pieces;           ///< largest first
    std::vector<std::pair<index_t, index_t>> joining_pairs;
};

struct coverage_result {
    std::vector<user_coverage> users;
    std::vector<domain_coverage> domains;
    territory_coverage territories;
    std::vector<critical_provider> critical;
    covering_set cover;
    std::vector<care_team> teams;
};

namespace detail {

inline bool is_provider(const network& net, index_t v) { return net.actors().kind[v] != actor_kind::person; }

inline bool is_user(const network& net, index_t v) {
    return net.actors().kind[v] == actor_kind::person && net.actors().role[v] == person_role::user;
}

/// Own domains, plus the organisation's for a professional.
inline std::vector<std::string> covered_domains(const network& net, index_t v) {
    const auto& a = net.actors();
    std::vector<std::string> out = a.domains[v];
    if (a.kind[v] == actor_kind::professional && a.organisation[v] != no_index)
        out.insert(out.end(), a.domains[a.organisation[v]].begin(), a.domains[a.organisation[v]].end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

inline std::vector<std::string> service_area(const network& net, index_t v) {
    const auto& a = net.actors();
    if (!a.service_area[v].empty() || a.territory[v].empty()) return a.service_area[v];
    return {a.territory[v]};
}

/// The organisation standing for an actor in a care team.
inline index_t team_member(const network& net, index_t v) {
    const auto& a = net.actors();
    return a.kind[v] == actor_kind::professional && a.organisation[v] != no_index ? a.organisation[v] : v;
}

/// Calls f(tie) for every tie incident to v (an undirected tie may come twice).
template <class F>
void for_each_incident_tie(const network& net, index_t v, F&& f) {
    const auto& g = net.graph();
    for (index_t t : g.out_ties(v)) f(t);
    for (index_t arc : g.in_arcs(v)) f(g.arc_ties()[arc]);
}

template <class T>
bool contains(const std::vector<T>& values, const T& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

/// Providers reaching `user` by one tie and at most `reach` referral steps.
inline std::vector<index_t> reaching_providers(const network& net, index_t user, unsigned reach) {
    const auto& ties = net.ties();
    const auto& g = net.graph();
    std::vector<index_t> reached, frontier;
    std::vector<std::uint8_t> seen(net.actor_count(), 0);
    for_each_incident_tie(net, user, [&](index_t t) {
        const index_t other = ties.source[t] == user ? ties.target[t] : ties.source[t];
        if (other == user || seen[other] || !is_provider(net, other)) return;
        seen[other] = 1;
        reached.push_back(other);
        frontier.push_back(other);
    });
    for (unsigned step = 0; step < reach && !frontier.empty(); ++step) {
        std::vector<index_t> next;
        for (index_t v : frontier)
            for (index_t t : g.out_ties(v)) {
                if (ties.relation[t] != relation::referral || ties.source[t] != v) continue;
                const index_t about = ties.detail[t] == no_index ? no_index : ties.details[ties.detail[t]].about;
                if (about != no_index && about != user) continue;
                const index_t w = ties.target[t];
                if (w == user || seen[w] || !is_provider(net, w)) continue;
                seen[w] = 1;
                reached.push_back(w);
                next.push_back(w);
            }
        frontier.swap(next);
    }
    std::sort(reached.begin(), reached.end());
    return reached;
}

inline double harmonic_number(std::size_t d) {
    double h = 0;
    for (std::size_t k = 1; k <= d; ++k) h += 1.0 / static_cast<double>(k);
    return std::max(h, 1.0);
}

/// Set cover of `universe` elements by `sets` (element lists per candidate).
inline covering_set cover(const std::vector<index_t>& candidates, const std::vector<std::vector<std::size_t>>& sets,
                          std::size_t universe, std::size_t exact_limit) {
    covering_set out;
    if (universe == 0) {
        out.exact = true;
        return out;
    }
    // Greedy first: it is also the upper bound of the exact search.
    std::vector<std::uint8_t> done(universe, 0);
    std::size_t left = universe, largest = 0;
    for (const auto& s : sets) largest = std::max(largest, s.size());
    std::vector<std::size_t> chosen;
    while (left > 0) {
        std::size_t best = sets.size(), best_gain = 0;
        for (std::size_t c = 0; c < sets.size(); ++c) {
            std::size_t gain = 0;
            for (std::size_t e : sets[c]) gain += !done[e];
            if (gain > best_gain) {
                best_gain = gain;
                best = c;
            }
        }
        if (best == sets.size()) break;
        chosen.push_back(best);
        for (std::size_t e : sets[best])
            if (!done[e]) {
                done[e] = 1;
                --left;
            }
    }
    if (candidates.size() <= exact_limit && chosen.size() > 1) {
        // Subsets of increasing size, as bit masks over the elements (universe <= 64) or vectors.
        const std::size_t k_max = chosen.size() - 1;
        std::vector<std::size_t> pick;
        std::vector<std::uint8_t> covered(universe);
        bool found = false;
        for (std::size_t k = 1; k <= k_max && !found; ++k) {
            pick.resize(k);
            for (std::size_t i = 0; i < k; ++i) pick[i] = i;
            while (true) {
                std::fill(covered.begin(), covered.end(), 0);
                std::size_t count = 0;
                for (std::size_t c : pick)
                    for (std::size_t e : sets[c])
                        if (!covered[e]) {
                            covered[e] = 1;
                            ++count;
                        }
                if (count == universe) {
                    chosen = pick;
                    found = true;
                    break;
                }
                // Next combination in lexicographic order.
                std::size_t i = k;
                while (i > 0 && pick[i - 1] == sets.size() - k + i - 1) --i;
                if (i == 0) break;
                ++pick[i - 1];
                for (std::size_t j = i; j < k; ++j) pick[j] = pick[j - 1] + 1;
            }
        }
        out.exact = true;
    } else {
        out.exact = chosen.size() <= 1;
    }
    out.bound = out.exact ? 1.0 : harmonic_number(largest);
    for (std::size_t c : chosen) out.actors.push_back(candidates[c]);
    std::sort(out.actors.begin(), out.actors.end());
    return out;
}

}  // namespace detail

[[nodiscard]] inline coverage_result coverage(const network& net, const coverage_options& options = {}) {
    const auto& a = net.actors();
    const auto& ties = net.ties();
    const index_t n = net.actor_count();
    coverage_result out;

    // Needs of each user.
    for (index_t u = 0; u < n; ++u) {
        if (!detail::is_user(net, u)) continue;
        user_coverage uc;
        uc.user = u;
        const std::vector<index_t> reaching = detail::reaching_providers(net, u, options.reach);
        std::vector<std::vector<std::string>> offered;
        for (index_t p : reaching) offered.push_back(detail::covered_domains(net, p));
        std::size_t covered = 0;
        for (const std::string& need : a.needs[u]) {
            need_coverage nc{need, {}};
            for (std::size_t k = 0; k < reaching.size(); ++k)
                if (std::binary_search(offered[k].begin(), offered[k].end(), need)) nc.providers.push_back(reaching[k]);
            if (nc.providers.empty()) uc.uncovered.push_back(need);
            else ++covered;
            uc.needs.push_back(std::move(nc));
        }
        if (!a.needs[u].empty()) uc.covered_share = static_cast<double>(covered) / static_cast<double>(a.needs[u].size());
        out.users.push_back(std::move(uc));
    }

    // Domains: offered, needed or declared.
    std::set<std::string> domain_set(net.info().domains.begin(), net.info().domains.end());
    for (index_t v = 0; v < n; ++v) {
        if (detail::is_provider(net, v)) domain_set.insert(a.domains[v].begin(), a.domains[v].end());
        if (detail::is_user(net, v)) domain_set.insert(a.needs[v].begin(), a.needs[v].end());
    }
    for (const std::string& d : domain_set) {
        domain_coverage dc{d, {}, {}};
        for (index_t v = 0; v < n; ++v)
            if (detail::is_provider(net, v) && detail::contains(a.domains[v], d)) (a.member[v] ? dc.members : dc.non_members).push_back(v);
        out.domains.push_back(std::move(dc));
    }

    // Territories x domains.
    std::set<std::string> territory_set(net.info().territory.begin(), net.info().territory.end());
    std::vector<std::vector<std::string>> areas(n);
    for (index_t v = 0; v < n; ++v) {
        if (!detail::is_provider(net, v)) continue;
        areas[v] = detail::service_area(net, v);
        territory_set.insert(areas[v].begin(), areas[v].end());
    }
    territory_coverage& tc = out.territories;
    const std::map<std::string, double>& populations =
        options.populations.empty() ? net.info().population : options.populations;
    tc.territories.assign(territory_set.begin(), territory_set.end());
    tc.domains.assign(domain_set.begin(), domain_set.end());
    tc.providers.assign(tc.territories.size(), std::vector<std::vector<index_t>>(tc.domains.size()));
    for (std::size_t t = 0; t < tc.territories.size(); ++t)
        for (std::size_t d = 0; d < tc.domains.size(); ++d) {
            for (index_t v = 0; v < n; ++v)
                if (detail::is_provider(net, v) && detail::contains(areas[v], tc.territories[t]) &&
                    detail::contains(a.domains[v], tc.domains[d]))
                    tc.providers[t][d].push_back(v);
            if (tc.providers[t][d].empty()) {
                tc.uncovered.emplace_back(tc.territories[t], tc.domains[d]);
                if (auto it = populations.find(tc.territories[t]); it != populations.end())
                    tc.population_without_provider[tc.domains[d]] += it->second;
            }
        }
    if (!populations.empty())
        for (const std::string& d : tc.domains) tc.population_without_provider.try_emplace(d, 0.0);

    // Critical providers.
    std::map<index_t, critical_provider> critical;
    auto entry = [&](index_t v) -> critical_provider& {
        auto& c = critical[v];
        c.actor = v;
        return c;
    };
    for (const auto& uc : out.users)
        for (const auto& nc : uc.needs)
            if (nc.providers.size() == 1) entry(nc.providers[0]).needs.emplace_back(uc.user, nc.need);
    for (const auto& dc : out.domains)
        if (dc.members.size() + dc.non_members.size() == 1)
            entry(dc.members.empty() ? dc.non_members[0] : dc.members[0]).domains.push_back(dc.domain);
    for (std::size_t t = 0; t < tc.territories.size(); ++t)
        for (std::size_t d = 0; d < tc.domains.size(); ++d)
            if (tc.providers[t][d].size() == 1) entry(tc.providers[t][d][0]).cells.emplace_back(tc.territories[t], tc.domains[d]);
    for (auto& [v, c] : critical) out.critical.push_back(std::move(c));

    // Smallest set of providers covering every covered (user, need).
    std::map<index_t, std::vector<std::size_t>> covers;
    std::size_t universe = 0;
    for (const auto& uc : out.users)
        for (const auto& nc : uc.needs) {
            if (nc.providers.empty()) continue;
            for (index_t p : nc.providers) covers[p].push_back(universe);
            ++universe;
        }
    std::vector<index_t> candidates;
    std::vector<std::vector<std::size_t>> sets;
    for (auto& [p, elements] : covers) {
        candidates.push_back(p);
        sets.push_back(std::move(elements));
    }
    out.cover = detail::cover(candidates, sets, universe, options.exact_limit);

    // Care teams and their coordination.
    std::vector<std::vector<index_t>> staff_of(n);
    for (index_t v = 0; v < n; ++v)
        if (a.kind[v] == actor_kind::professional && a.organisation[v] != no_index) staff_of[a.organisation[v]].push_back(v);
    for (const auto& uc : out.users) {
        care_team team;
        team.user = uc.user;
        auto add_member = [&](index_t t) {
            const index_t other = ties.source[t] == uc.user ? ties.target[t] : ties.source[t];
            if (other == uc.user || !detail::is_provider(net, other)) return;
            team.members.push_back(detail::team_member(net, other));
        };
        detail::for_each_incident_tie(net, uc.user, add_member);
        std::sort(team.members.begin(), team.members.end());
        team.members.erase(std::unique(team.members.begin(), team.members.end()), team.members.end());
        const std::size_t k = team.members.size();
        auto position = [&](index_t v) -> std::size_t {
            auto it = std::lower_bound(team.members.begin(), team.members.end(), v);
            return it != team.members.end() && *it == v ? static_cast<std::size_t>(it - team.members.begin()) : k;
        };
        // Union-find over the team on the coordinating relations between members.
        std::vector<std::size_t> parent(k), degree(k, 0);
        for (std::size_t i = 0; i < k; ++i) parent[i] = i;
        auto find = [&](std::size_t x) {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        };
        // The coordinating ties of the team's members (and of their professionals) only.
        std::vector<index_t> touching;
        for (index_t member : team.members) {
            detail::for_each_incident_tie(net, member, [&](index_t t) { touching.push_back(t); });
            for (index_t staff : staff_of[member])
                detail::for_each_incident_tie(net, staff, [&](index_t t) { touching.push_back(t); });
        }
        std::sort(touching.begin(), touching.end());
        touching.erase(std::unique(touching.begin(), touching.end()), touching.end());
        for (index_t t : touching) {
            const relation r = ties.relation[t];
            if (r != relation::coordination && r != relation::partnership && r != relation::information) continue;
            const std::size_t s = position(detail::team_member(net, ties.source[t]));
            const std::size_t d = position(detail::team_member(net, ties.target[t]));
            if (s == k || d == k || s == d) continue;
            ++degree[s];
            ++degree[d];
            parent[find(s)] = find(d);
        }
        std::map<std::size_t, std::vector<index_t>> groups;
        for (std::size_t i = 0; i < k; ++i) groups[find(i)].push_back(team.members[i]);
        for (auto& [root, members] : groups) team.pieces.push_back(std::move(members));
        std::stable_sort(team.pieces.begin(), team.pieces.end(),
                         [](const auto& x, const auto& y) { return x.size() > y.size(); });
        auto hub = [&](const std::vector<index_t>& piece) {
            index_t best = piece.front();
            for (index_t v : piece)
                if (degree[position(v)] > degree[position(best)]) best = v;
            return best;
        };
        for (std::size_t p = 1; p < team.pieces.size(); ++p)
            team.joining_pairs.emplace_back(hub(team.pieces[0]), hub(team.pieces[p]));
        out.teams.push_back(std::move(team));
    }
    return out;
}

}  // namespace maillage
