// The model rules of DESIGN section 3: vocabularies, derived layers and directions, the builder's
// checks, the tables and the CSR.
#include <boost/test/unit_test.hpp>
#include <unistd.h>

#include "fixtures.hpp"

using namespace maillage;

BOOST_AUTO_TEST_SUITE(model)

BOOST_AUTO_TEST_CASE(enum_names_round_trip) {
    for (auto r : {relation::family, relation::information, relation::other})
        BOOST_TEST(parse_enum<relation>(to_string(r)).value() == r);
    BOOST_TEST(!parse_enum<relation>("freindship").has_value());
    BOOST_TEST(!parse_enum<valence>("").has_value());  // "none" is never parsed
    BOOST_TEST(to_string(person_role::friend_) == "friend");
    BOOST_TEST(to_string(actor_status::public_) == "public");
    BOOST_TEST(allowed_names<formality>() == "formal, informal");
    BOOST_TEST(allowed_names<valence>() == "supportive, conflictual, ambivalent");
}

BOOST_AUTO_TEST_CASE(layer_is_primary_only_between_two_persons) {
    BOOST_TEST((derived_layer(actor_kind::person, actor_kind::person) == layer::primary));
    BOOST_TEST((derived_layer(actor_kind::person, actor_kind::professional) == layer::secondary));
    BOOST_TEST((derived_layer(actor_kind::organisation, actor_kind::person) == layer::secondary));
    BOOST_TEST((derived_layer(actor_kind::organisation, actor_kind::network) == layer::secondary));
}

BOOST_AUTO_TEST_CASE(default_direction_per_relation) {
    for (auto r : {relation::referral, relation::funding, relation::supervision, relation::information})
        BOOST_TEST(default_directed(r));
    for (auto r : {relation::family, relation::friendship, relation::neighbourhood, relation::work,
                   relation::partnership, relation::coordination, relation::accompaniment, relation::membership,
                   relation::other})
        BOOST_TEST(!default_directed(r));
}

BOOST_AUTO_TEST_CASE(default_vocabulary_has_three_languages) {
    const auto& v = vocabulary::standard();
    BOOST_TEST(v.domains().size() == 18u);
    BOOST_TEST(v.sectors().size() == 13u);
    for (const auto& [id, labels] : v.domains()) {
        BOOST_TEST(!labels.fr.empty());
        BOOST_TEST(!labels.en.empty());
        BOOST_TEST(!labels.de.empty());
    }
    BOOST_TEST(v.domain_label("mental_health", "fr") == "santé mentale");
    BOOST_TEST(v.domain_label("mental_health", "de") == "psychische Gesundheit");
    BOOST_TEST(v.domain_label("unknown_thing", "fr") == "unknown_thing");
}

BOOST_AUTO_TEST_CASE(dates) {
    BOOST_TEST(is_valid_date("2026-05-04"));
    BOOST_TEST(is_valid_date("2024-02-29"));
    BOOST_TEST(!is_valid_date("2023-02-29"));
    BOOST_TEST(!is_valid_date("1900-02-29"));
    BOOST_TEST(is_valid_date("2000-02-29"));
    BOOST_TEST(!is_valid_date("2026-13-01"));
    BOOST_TEST(!is_valid_date("2026-04-31"));
    BOOST_TEST(!is_valid_date("26-04-01"));
    BOOST_TEST(!is_valid_date("2026/04/01"));
    BOOST_TEST(is_valid_date("2015"));
    BOOST_TEST(is_valid_date("2015-06"));
    BOOST_TEST(!is_valid_date("2015", date_precision::day));
    BOOST_TEST(!is_valid_date("2015-06", date_precision::day));
}

BOOST_AUTO_TEST_CASE(tables_hold_resolved_defaults) {
    const network net = fixtures::small();
    BOOST_TEST(net.actor_count() == 6u);
    BOOST_TEST(net.tie_count() == 7u);
    const auto& t = net.ties();
    // usr-bro family: primary, informal, undirected.
    BOOST_TEST((t.layer[0] == layer::primary));
    BOOST_TEST((t.formality[0] == formality::informal));
    BOOST_TEST(t.directed[0] == 0);
    BOOST_TEST((t.valence[0] == valence::supportive));
    BOOST_TEST(t.weight[1] == 2.5);
    // usr-inf accompaniment: secondary, formal as stated.
    BOOST_TEST((t.layer[2] == layer::secondary));
    BOOST_TEST((t.formality[2] == formality::formal));
    // referral and information: directed by default.
    BOOST_TEST(t.directed[5] == 1);
    BOOST_TEST(t.directed[6] == 1);
    BOOST_TEST(net.actors().organisation[net.actor_index("inf")] == net.actor_index("cms"));
    BOOST_TEST(net.actors().organisation[net.actor_index("cms")] == no_index);
    BOOST_TEST(net.actors().member[net.actor_index("cms")] == 1);
    BOOST_TEST(net.actors().potential[net.actor_index("ss")] == 1);
    // Only ties with rare fields have a detail record.
    BOOST_TEST(t.detail[0] == no_index);
    BOOST_TEST(t.details.size() == 3u);
    const tie info = net.tie_record(6);
    BOOST_TEST(info.about == "usr");
    BOOST_TEST(info.consent.value() == false);
    const tie partnership = net.tie_record(4);
    BOOST_TEST(partnership.convention->is_signed);
    BOOST_TEST(partnership.convention->means == std::vector<std::string>{"0.2 EPT"});
    BOOST_TEST(net.info().coordinators == std::vector<std::string>{"cms"});
}

BOOST_AUTO_TEST_CASE(parallel_ties_are_kept) {
    const network net = fixtures::small();
    // cms-ss: partnership, referral (ss->cms) and information (cms->ss) are three ties.
    const index_t cms = net.actor_index("cms"), ss = net.actor_index("ss");
    int between = 0;
    for (index_t i = 0; i < net.tie_count(); ++i)
        if ((net.ties().source[i] == cms && net.ties().target[i] == ss) ||
            (net.ties().source[i] == ss && net.ties().target[i] == cms))
            ++between;
    BOOST_TEST(between == 3);
}

BOOST_AUTO_TEST_CASE(csr_arcs_follow_direction) {
    const network net = fixtures::small();
    const csr_graph& g = net.graph();
    // 5 undirected ties give 10 arcs, 2 directed ties give 2.
    BOOST_TEST(g.arc_count() == 12u);
    const index_t cms = net.actor_index("cms"), ss = net.actor_index("ss");
    // cms -> ss: the partnership and the information tie; ss -> cms: the partnership and the referral.
    auto count_to = [&](index_t from, index_t to) {
        auto targets = g.out_neighbours(from);
        return std::count(targets.begin(), targets.end(), to);
    };
    BOOST_TEST(count_to(cms, ss) == 2);
    BOOST_TEST(count_to(ss, cms) == 2);
    BOOST_TEST(g.in_degree(ss) == 2u);
    // Out-arcs are sorted by target; in-arcs point back at the same out-arc.
    for (index_t v = 0; v < g.vertex_count(); ++v) {
        auto targets = g.out_neighbours(v);
        BOOST_TEST(std::is_sorted(targets.begin(), targets.end()));
        auto sources = g.in_neighbours(v);
        auto arcs = g.in_arcs(v);
        for (std::size_t k = 0; k < sources.size(); ++k) BOOST_TEST(g.out_targets()[arcs[k]] == v);
    }
}

BOOST_AUTO_TEST_CASE(builder_reports_every_problem_with_its_place) {
    network_builder b("hand.json");
    b.add_actor({.id = "a", .kind = actor_kind::organisation}, "actors[0]");
    b.add_actor({.id = "a", .kind = actor_kind::person}, "actors[1]");
    b.add_actor({.id = "p", .kind = actor_kind::organisation, .role = person_role::user}, "actors[2]");
    tie t;
    t.source = "a";
    t.target = "zz";
    t.relation = relation::partnership;
    t.weight = -1;
    b.add_tie(t, "ties[0]");
    BOOST_CHECK_THROW((void)b.build(), map_error);
    const auto problems = b.check();
    BOOST_REQUIRE(problems.size() == 4u);
    BOOST_TEST(problems[0].to_string() == "hand.json: actors[1].id: duplicate actor id \"a\" (first at actors[0])");
    BOOST_TEST(problems[1].to_string() == "hand.json: actors[2].role: a role is only for persons; this actor is a organisation");
    BOOST_TEST(problems[2].to_string() == "hand.json: ties[0].target: unknown actor \"zz\"");
    BOOST_TEST(problems[3].place == "ties[0].weight");
}

BOOST_AUTO_TEST_CASE(builder_from_records) {
    network_builder b;
    b.add_actor({.id = "org", .kind = actor_kind::organisation, .domains = {"housing"}});
    b.add_actor({.id = "pro", .kind = actor_kind::professional, .organisation = "org"});
    b.add_tie({.source = "pro", .target = "org", .relation = relation::membership});
    const network net = b.build();
    BOOST_TEST(net.actor_count() == 2u);
    BOOST_TEST(net.find_actor("pro").value() == 1u);
    BOOST_TEST(!net.find_actor("nobody").has_value());
    BOOST_CHECK_THROW((void)net.actor_index("nobody"), unknown_id);
    BOOST_TEST(net.actor_record(1).organisation == "org");
    BOOST_TEST(net.memory_bytes() > 0u);
}

BOOST_AUTO_TEST_CASE(service_area_defaults_to_territory) {
    actor a{.id = "x", .kind = actor_kind::organisation, .territory = "Moutier"};
    BOOST_TEST(a.effective_service_area() == std::vector<std::string>{"Moutier"});
    a.service_area = {"Moutier", "Tavannes"};
    BOOST_TEST(a.effective_service_area().size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
