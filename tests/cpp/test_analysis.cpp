// Coverage, gaps and the analysis plan on small maps computed by hand.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "maillage/analysis/plan.hpp"

using namespace maillage;

namespace {

/// A user needing housing, debt and employment; a social service (debt) whose social worker
/// accompanies the user; a housing office reached by a referral from the social service about the
/// user; an employment office outside the user's reach.
network services() {
    network_builder b;
    b.add_actor({.id = "u", .kind = actor_kind::person, .role = person_role::user, .needs = {"housing", "debt", "employment"}});
    b.add_actor({.id = "f", .kind = actor_kind::person, .role = person_role::family});
    b.add_actor({.id = "ss", .kind = actor_kind::organisation, .territory = "Valmont", .domains = {"debt"}, .member = true});
    b.add_actor({.id = "as", .kind = actor_kind::professional, .organisation = "ss"});
    b.add_actor({.id = "log", .kind = actor_kind::organisation, .territory = "Orval", .domains = {"housing"}, .member = true});
    b.add_actor({.id = "orp", .kind = actor_kind::organisation, .territory = "Valmont", .domains = {"employment"}});
    b.add_tie({.source = "u", .target = "as", .relation = relation::accompaniment});
    b.add_tie({.source = "u", .target = "f", .relation = relation::family, .valence = valence::conflictual});
    b.add_tie({.source = "as", .target = "ss", .relation = relation::membership});
    b.add_tie({.source = "ss", .target = "log", .relation = relation::referral, .about = "u"});
    b.add_tie({.source = "u", .target = "log", .relation = relation::accompaniment});
    return b.build();
}

std::vector<std::string> codes(const std::vector<finding>& found) {
    std::vector<std::string> out;
    for (const auto& f : found) out.push_back(f.code);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(analysis)

BOOST_AUTO_TEST_CASE(needs_of_a_user) {
    const network net = services();
    const auto c = coverage(net);
    BOOST_TEST_REQUIRE(c.users.size() == 1u);
    const auto& u = c.users[0];
    // The professional covers what its organisation covers (debt); the housing office is tied directly.
    BOOST_TEST(u.needs[0].need == "housing");
    BOOST_TEST(u.needs[0].providers == (std::vector<index_t>{net.actor_index("log")}), boost::test_tools::per_element());
    BOOST_TEST(u.needs[1].providers == (std::vector<index_t>{net.actor_index("as")}), boost::test_tools::per_element());
    BOOST_TEST(u.uncovered == (std::vector<std::string>{"employment"}), boost::test_tools::per_element());
    BOOST_TEST(u.covered_share == 2.0 / 3.0);
    // Territories: Orval x housing is served, Orval x employment is not.
    const auto& t = c.territories;
    BOOST_TEST(t.territories == (std::vector<std::string>{"Orval", "Valmont"}), boost::test_tools::per_element());
    BOOST_TEST(t.uncovered.size() == 3u);  // Orval: debt, employment; Valmont: housing
    // The team: the social service (the professional collapsed) and the housing office, coordinated
    // by nothing but a referral, so two pieces.
    BOOST_TEST(c.teams[0].members.size() == 2u);
    BOOST_TEST(c.teams[0].pieces.size() == 2u);
    BOOST_TEST(c.cover.exact);
    BOOST_TEST(c.cover.actors.size() == 2u);
}

BOOST_AUTO_TEST_CASE(reach_follows_referrals_about_the_user) {
    network_builder b;
    b.add_actor({.id = "u", .kind = actor_kind::person, .role = person_role::user, .needs = {"housing"}});
    b.add_actor({.id = "ss", .kind = actor_kind::organisation});
    b.add_actor({.id = "log", .kind = actor_kind::organisation, .domains = {"housing"}});
    b.add_tie({.source = "u", .target = "ss", .relation = relation::accompaniment});
    b.add_tie({.source = "ss", .target = "log", .relation = relation::referral});
    const network net = b.build();
    BOOST_TEST(coverage(net).users[0].uncovered.empty());
    BOOST_TEST(coverage(net, {.reach = 0}).users[0].uncovered.size() == 1u);
}

BOOST_AUTO_TEST_CASE(gap_rules_on_the_small_map) {
    const network net = services();
    const auto found = gaps(net, {.as_of = "2026-11-22"});
    const auto list = codes(found);
    auto has = [&](const char* code) { return std::find(list.begin(), list.end(), code) != list.end(); };
    BOOST_TEST(has("uncovered_need"));
    BOOST_TEST(has("single_provider"));
    BOOST_TEST(has("fragmented_care_team"));
    BOOST_TEST(has("conflictual_tie"));
    BOOST_TEST(has("no_primary_support"));
    BOOST_TEST(has("isolated_actor"));              // the employment office
    BOOST_TEST(has("excluded_competent_service"));  // competent for employment, tied to no member
    BOOST_TEST(!has("missing_consent"));
    BOOST_TEST(!has("plan_information_missing"));   // the map does not describe a network
    // Most severe first.
    BOOST_TEST(found.front().severity == severity::critical);
    const auto& first = found.front();
    BOOST_TEST(first.code == "uncovered_need");
    BOOST_TEST(std::get<std::string>(*first.find("need")) == "employment");
}

BOOST_AUTO_TEST_CASE(dates) {
    BOOST_TEST(*detail::parse_iso_date("1970-01-02") == 1);
    BOOST_TEST(detail::format_iso_date(*detail::parse_iso_date("2024-02-29")) == "2024-02-29");
    BOOST_TEST(*detail::parse_iso_date("2023", true) == *detail::parse_iso_date("2023-12-31"));
    BOOST_TEST(*detail::parse_iso_date("2023-02", true) == *detail::parse_iso_date("2023-02-28"));
    BOOST_TEST(!detail::parse_iso_date("2023-02-30"));
    BOOST_TEST(!detail::parse_iso_date("22.11.2026"));
    BOOST_CHECK_THROW(gaps(services(), {.as_of = "22.11.2026"}), invalid_argument);
}

BOOST_AUTO_TEST_CASE(plan_of_the_regional_example) {
    const network net = read(fixtures::source_dir / "examples/reseau_regional.maillage.json");
    const auto p = plan(net, {.as_of = "2026-11-22"});
    BOOST_TEST_REQUIRE(p.sections.size() == 9u);
    for (int k = 0; k < 9; ++k) BOOST_TEST(p.sections[k].number == k + 1);
    // Section 5: the declared coordinators are confirmed by betweenness.
    const auto& means = p.sections[4];
    const plan_value* confirmed = nullptr;
    for (const auto& [key, value] : means.computed)
        if (key == "declared_coordinators_confirmed") confirmed = &value;
    BOOST_TEST_REQUIRE(confirmed);
    BOOST_TEST(std::get<std::vector<std::string>>(*confirmed).size() == 2u);
    // The regional map leaves out its internal rules: section 4 says so.
    BOOST_TEST_REQUIRE(p.sections[3].missing.size() == 1u);
    BOOST_TEST(std::get<std::string>(*p.sections[3].missing[0].find("field")) == "internal_rules");
}

BOOST_AUTO_TEST_SUITE_END()
