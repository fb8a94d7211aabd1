// Concurrency (issue 6): the analyses read a const network, its views and measure graphs from
// many threads at once and give exactly what one thread gives. Run under ThreadSanitizer by
// `make test-tsan` (build/tsan), where any data race fails the test; in the ordinary builds the
// suite checks the results alone.
//
// Each analysis result is written to a fingerprint text (doubles by their bits, so equal means
// identical), once serially and then on several std::threads sharing the same const objects,
// with the analyses' own thread pools (detail/parallel.hpp) off and on inside those threads.
#include <boost/test/unit_test.hpp>

#include <array>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <variant>
#include <vector>

#include "fixtures.hpp"
#include "maillage/analysis/coverage.hpp"
#include "maillage/analysis/gaps.hpp"
#include "maillage/analysis/plan.hpp"

using namespace maillage;

namespace {

// ---- fingerprints ------------------------------------------------------------------------------

struct printer {
    std::ostringstream out;

    void put(double x) {
        char text[24];
        std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(std::bit_cast<std::uint64_t>(x)));
        out << text << ' ';
    }
    void put(bool x) { out << (x ? 'T' : 'F') << ' '; }
    void put(std::int32_t x) { out << x << ' '; }
    void put(std::uint32_t x) { out << x << ' '; }
    void put(std::int64_t x) { out << x << ' '; }
    void put(std::uint64_t x) { out << x << ' '; }
    void put(const std::string& x) { out << '"' << x << "\" "; }
    void put(severity x) { out << to_string(x) << ' '; }
    template <class T>
    void put(const std::vector<T>& xs) {
        out << '[' << xs.size() << ' ';
        for (const auto& x : xs) put(x);
        out << "] ";
    }
    template <class T, std::size_t N>
    void put(const std::array<T, N>& xs) {
        for (const auto& x : xs) put(x);
    }
    template <class A, class B>
    void put(const std::pair<A, B>& x) {
        put(x.first);
        put(x.second);
    }
    template <class K, class V>
    void put(const std::map<K, V>& xs) {
        out << '{' << xs.size() << ' ';
        for (const auto& x : xs) put(x);
        out << "} ";
    }
    template <class T>
    void put(const std::optional<T>& x) {
        if (x) put(*x);
        else out << "none ";
    }
    template <class... T>
    void put(const std::variant<T...>& x) {
        out << '<' << x.index() << ' ';
        std::visit([&](const auto& v) { put(v); }, x);
        out << "> ";
    }
    void put(const actor_scores& x) { put(x.values); }
    void put(const iterative_scores& x) {
        put(x.scores);
        put(x.iterations);
        put(x.converged);
    }
    void put(const finding& x) {
        put(x.code);
        put(x.severity);
        put(x.subjects);
        put(x.evidence);
    }
    void put(const need_coverage& x) {
        put(x.need);
        put(x.providers);
    }
    void put(const user_coverage& x) {
        put(x.user);
        put(x.needs);
        put(x.uncovered);
        put(x.covered_share);
    }
    void put(const domain_coverage& x) {
        put(x.domain);
        put(x.members);
        put(x.non_members);
    }
    void put(const critical_provider& x) {
        put(x.actor);
        put(x.needs);
        put(x.domains);
        put(x.cells);
    }
    void put(const care_team& x) {
        put(x.user);
        put(x.members);
        put(x.pieces);
        put(x.joining_pairs);
    }
    void put(const coverage_result& x) {
        put(x.users);
        put(x.domains);
        put(x.territories.territories);
        put(x.territories.domains);
        put(x.territories.providers);
        put(x.territories.uncovered);
        put(x.territories.population_without_provider);
        put(x.critical);
        put(x.cover.actors);
        put(x.cover.exact);
        put(x.cover.bound);
        put(x.teams);
    }
    void put(const plan_section& x) {
        put(std::int32_t(x.number));
        put(x.key);
        put(x.declared);
        put(x.computed);
        put(x.missing);
    }
    void put(const meeting_figures& x) {
        put(x.meeting);
        put(x.date);
        put(std::uint64_t(x.participants));
        put(std::uint64_t(x.decisions));
        put(std::uint64_t(x.new_decisions));
        put(x.user_present);
        put(x.facilitator_organisation);
        put(x.minute_taker_organisation);
    }
    void put(const overload_window& x) {
        put(x.last_meeting);
        put(x.from);
        put(x.to);
        put(x.meetings);
        put(std::uint64_t(x.new_decisions));
        put(x.ratio);
        put(x.overloaded);
    }
    void put(const meetings_audit& x) {
        put(x.findings);
        const meetings_figures& f = x.figures;
        for (std::size_t v : {f.meetings, f.decision_records, f.decisions, f.done_on_time, f.deadline_reached,
                              f.open_decisions, f.overdue_decisions, f.meetings_with_user, f.meetings_about_user})
            put(std::uint64_t(v));
        put(f.decisions_per_meeting);
        put(f.done_on_time_share);
        put(f.user_participation);
        for (const auto& list : {f.facilitators, f.minute_takers})
            for (const auto& [id, count] : list) {
                put(id);
                put(std::uint64_t(count));
            }
        put(f.per_meeting);
        put(f.windows);
        put(f.max_overload_ratio);
    }
    void put(const ei_value& x) {
        for (double v : {x.internal, x.external, x.possible_internal, x.possible_external, x.ei, x.expected, x.rescaled})
            put(v);
    }
};

// ---- the maps ----------------------------------------------------------------------------------

/// A random regional map: organisations of a few sectors and territories with their professionals,
/// users with needs and a few relatives, and ties of every family (coordination, partnership with or
/// without a convention, referral, information with and without consent, funding, accompaniment,
/// family, friendship), weighted, with some parallel ties and isolates; meetings with decisions.
/// Everything comes from one seeded generator.
network regional(unsigned organisations, unsigned users, std::uint32_t seed) {
    std::mt19937 random(seed);
    auto pick = [&](std::size_t n) { return static_cast<std::size_t>(std::uniform_int_distribution<std::size_t>(0, n - 1)(random)); };
    auto chance = [&](double p) { return std::bernoulli_distribution(p)(random); };
    const std::vector<std::string> sectors = {"social", "health", "housing", "employment", "mental_health"};
    const std::vector<std::vector<std::string>> domains = {
        {"income", "administration", "family"}, {"health", "elderly_care"}, {"housing"}, {"employment", "training"},
        {"mental_health", "addiction"}};
    const std::vector<std::string> places = {"Valmont", "Orval", "Tramelan", "Nods", "Péry"};
    network_builder b("regional.maillage.json");
    std::vector<std::string> orgs, pros, people, user_ids;
    for (unsigned o = 0; o < organisations; ++o) {
        const std::size_t s = pick(sectors.size());
        actor a{.id = "org" + std::to_string(o), .kind = actor_kind::organisation, .label = "Service " + std::to_string(o)};
        a.sector = sectors[s];
        a.status = chance(0.5) ? actor_status::public_ : actor_status::associative;
        a.territory = places[pick(places.size())];
        if (chance(0.3)) a.service_area = {places[pick(places.size())], a.territory};
        a.domains = domains[s];
        a.member = chance(0.6);
        a.potential = !a.member && chance(0.3);
        orgs.push_back(a.id);
        b.add_actor(std::move(a));
        for (unsigned p = 0; p < 1 + pick(2); ++p) {
            actor pro{.id = orgs.back() + "p" + std::to_string(p), .kind = actor_kind::professional};
            pro.organisation = orgs.back();
            pro.profession = "assistante sociale";
            pros.push_back(pro.id);
            b.add_actor(std::move(pro));
            b.add_tie({.source = pros.back(), .target = orgs.back(), .relation = relation::membership});
        }
    }
    for (unsigned u = 0; u < users; ++u) {
        actor a{.id = "usr" + std::to_string(u), .kind = actor_kind::person, .role = person_role::user};
        for (unsigned k = 0; k < 1 + pick(3); ++k) {
            const auto& d = domains[pick(domains.size())];
            a.needs.push_back(d[pick(d.size())]);
        }
        a.territory = places[pick(places.size())];
        user_ids.push_back(a.id);
        b.add_actor(std::move(a));
        for (unsigned r = 0; r < pick(3); ++r) {
            actor rel{.id = user_ids.back() + "r" + std::to_string(r), .kind = actor_kind::person};
            rel.role = chance(0.5) ? person_role::family : person_role::friend_;
            people.push_back(rel.id);
            b.add_actor(std::move(rel));
            b.add_tie({.source = user_ids.back(), .target = people.back(),
                       .relation = chance(0.5) ? relation::family : relation::friendship, .weight = 1.0 + pick(3)});
        }
        for (unsigned k = 0; k < 1 + pick(3); ++k)
            b.add_tie({.source = user_ids.back(), .target = pros[pick(pros.size())], .relation = relation::accompaniment,
                       .formality = formality::formal});
    }
    for (unsigned i = 0; i < organisations * 2; ++i) {
        const std::string& s = orgs[pick(orgs.size())];
        const std::string& t = orgs[pick(orgs.size())];
        if (s == t) continue;
        tie x{.source = s, .target = t, .weight = 0.5 + pick(4)};
        switch (pick(5)) {
            case 0: x.relation = relation::coordination; break;
            case 1:
                x.relation = relation::partnership;
                if (chance(0.5)) x.convention = convention{.is_signed = true, .tasks = {"visites"}};
                break;
            case 2:
                x.relation = relation::referral;
                x.about = user_ids[pick(user_ids.size())];
                break;
            case 3:
                x.relation = relation::information;
                x.about = user_ids[pick(user_ids.size())];
                x.consent = chance(0.7);
                break;
            default: x.relation = relation::funding; break;
        }
        x.last_activity = chance(0.5) ? "2026-05-01" : "2024-01-15";
        b.add_tie(std::move(x));
    }
    for (unsigned i = 0; i < 3; ++i) b.add_actor({.id = "iso" + std::to_string(i), .kind = actor_kind::organisation});
    for (unsigned m = 0; m < users / 4; ++m) {
        meeting x{.id = "m" + std::to_string(m), .date = "2026-0" + std::to_string(1 + m % 9) + "-1" + std::to_string(m % 10)};
        x.about = user_ids[pick(user_ids.size())];
        x.facilitator = orgs[pick(orgs.size())];
        x.minute_taker = orgs[pick(orgs.size())];
        x.participants = {x.facilitator, x.minute_taker};
        if (chance(0.5)) x.participants.push_back(x.about);
        x.minutes_sent_to = x.participants;
        x.decisions.push_back({.id = "d" + std::to_string(m % 7), .who = x.facilitator, .what = "appeler",
                               .due = "2026-06-30", .status = chance(0.5) ? decision_status::open : decision_status::done});
        b.add_meeting(std::move(x));
    }
    return b.build();
}

// ---- the analyses ------------------------------------------------------------------------------

/// Every analysis of the library on one const network (with a shared const view and measure graph),
/// its own thread pools at `inner` threads, as a fingerprint.
std::string analyse(const network& net, const network_view& view, const measure_graph& graph, unsigned inner) {
    printer p;
    const network_summary s = summarize(view, {.threads = inner});
    for (double v : {s.density, s.reciprocity, s.reciprocity_dyads, s.transitivity, s.average_clustering, s.diameter,
                     s.mean_distance, s.degree_centralization, s.betweenness_centralization, s.closeness_centralization})
        p.put(v);
    for (index_t v : {s.actors, s.ties, s.weak_components, s.strong_components, s.largest_component}) p.put(v);
    p.put(betweenness(view, {.threads = inner}));
    p.put(betweenness(view, {.normalized = true, .weighted = true, .threads = inner}));
    p.put(betweenness(graph, {.threads = inner}));
    p.put(estimate_betweenness(view, {.threads = inner, .samples = 20, .seed = 7}).scores);
    p.put(estimate_betweenness(view, {.threads = inner, .epsilon = 0.1, .seed = 7}).scores);
    p.put(closeness(view, {.threads = inner}));
    p.put(harmonic(graph, {.threads = inner}));
    p.put(pagerank(view, {.threads = inner}));
    p.put(pagerank(view, {.weighted = true, .threads = inner}));
    p.put(eigenvector(view, {.threads = inner}));
    p.put(katz(view, {.threads = inner}));
    p.put(core_numbers(view));
    p.put(degree(view));
    p.put(reach(view));
    for (community_method method : {community_method::louvain, community_method::leiden}) {
        const community_result c = communities(view, {.method = method, .seed = 3});
        p.put(c.membership);
        p.put(c.modularity);
        p.put(c.levels);
        p.put(c.iterations);
    }
    p.put(components(view).component);
    const structural_holes_result h = structural_holes(view);
    p.put(h.effective_size);
    p.put(h.constraint);
    p.put(h.hierarchy);
    const ei_result ei = ei_index(view, "sector");
    p.put(ei.network);
    p.put(ei.group);
    std::vector<std::int32_t> group(net.actor_count());
    for (index_t v = 0; v < net.actor_count(); ++v) group[v] = static_cast<std::int32_t>(net.actors().kind[v]);
    const brokerage_result br = brokerage(view, group, {}, {.threads = inner});
    p.put(br.raw);
    p.put(br.z);
    const ego_result ego = ego_network(view, 0);
    p.put(ego.size);
    p.put(ego.density);
    p.put(ego.constraint);
    p.put(coverage(net));
    p.put(gaps(net, {.as_of = "2026-11-22"}));
    p.put(plan(net, {.as_of = "2026-11-22"}).sections);
    p.put(audit_meetings(net, {.as_of = "2026-11-22"}));
    return p.out.str();
}

struct shared_map {
    network net;
    network_view view;
    measure_graph graph;
    explicit shared_map(network n) : net(std::move(n)), view(net), graph(view) {}
};

/// Runs `analyse` on `threads` std::threads at once, `rounds` times each, and checks every result
/// against `expected`.
void check_concurrent(const shared_map& map, const std::string& expected, unsigned threads, unsigned rounds,
                      unsigned inner) {
    std::vector<std::vector<std::string>> results(threads);
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            for (unsigned r = 0; r < rounds; ++r) results[t].push_back(analyse(map.net, map.view, map.graph, inner));
        });
    for (auto& thread : pool) thread.join();
    for (unsigned t = 0; t < threads; ++t)
        for (unsigned r = 0; r < rounds; ++r)
            BOOST_TEST((results[t][r] == expected), "thread " << t << " round " << r << " differs from the serial run");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(threads)

BOOST_AUTO_TEST_CASE(the_fingerprint_sees_a_change) {
    // The comparison can fail: two different maps give different fingerprints.
    const shared_map a(regional(30, 20, 1)), b(regional(30, 20, 2));
    BOOST_TEST(analyse(a.net, a.view, a.graph, 1) != analyse(b.net, b.view, b.graph, 1));
}

BOOST_AUTO_TEST_CASE(many_threads_on_one_network_give_the_serial_results) {
    const shared_map map(regional(150, 150, 11));
    const std::string serial = analyse(map.net, map.view, map.graph, 1);
    BOOST_TEST(serial.size() > 1000u);
    check_concurrent(map, serial, 4, 2, 1);
}

BOOST_AUTO_TEST_CASE(nested_thread_pools_give_the_serial_results) {
    // Each caller thread runs the analyses' own pools of 2 threads: 3 x 2 workers on one network.
    const shared_map map(regional(100, 100, 12));
    const std::string serial = analyse(map.net, map.view, map.graph, 2);
    check_concurrent(map, serial, 3, 1, 2);
}

BOOST_AUTO_TEST_CASE(the_example_maps_from_many_threads) {
    // The bundled maps hold meetings, conventions and network metadata that the random map lacks.
    for (const char* name : {"ecocarte_usager", "reseau_regional", "suivi_entretiens"}) {
        const shared_map map(maillage::read(fixtures::source_dir / "examples" / (std::string(name) + ".maillage.json")));
        const std::string serial = analyse(map.net, map.view, map.graph, 1);
        check_concurrent(map, serial, 3, 1, 1);
    }
}

BOOST_AUTO_TEST_SUITE_END()
