// Views select layers, relations, formality, members and kinds without copying, and collapse
// professionals onto their organisation.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"

using namespace maillage;

BOOST_AUTO_TEST_SUITE(views)

BOOST_AUTO_TEST_CASE(whole_network) {
    const network net = fixtures::small();
    const network_view all(net);
    BOOST_TEST(all.actor_count() == net.actor_count());
    BOOST_TEST(all.tie_count() == net.tie_count());
    BOOST_TEST(all.snapshot().arc_count() == net.graph().arc_count());
}

BOOST_AUTO_TEST_CASE(by_layer) {
    const network net = fixtures::small();
    const network_view primary(net, {.layer = layer::primary});
    BOOST_TEST(primary.tie_count() == 2u);
    BOOST_TEST(primary.has_tie(0));
    BOOST_TEST(primary.has_tie(1));
    BOOST_TEST(primary.actor_count() == net.actor_count());  // ties are filtered, actors stay
    const network_view secondary(net, {.layer = layer::secondary});
    BOOST_TEST(secondary.tie_count() == 5u);
}

BOOST_AUTO_TEST_CASE(by_relation_and_formality) {
    const network net = fixtures::small();
    const network_view info(net, {.relations = {relation::information, relation::referral}});
    BOOST_TEST(info.tie_indices() == (std::vector<index_t>{5, 6}));
    const network_view informal(net, {.formality = formality::informal});
    BOOST_TEST(informal.tie_indices() == (std::vector<index_t>{0, 1}));
    const csr_graph snap = info.snapshot();
    BOOST_TEST(snap.arc_count() == 2u);  // both directed
    BOOST_TEST(snap.vertex_count() == net.actor_count());
}

BOOST_AUTO_TEST_CASE(by_membership_and_kind) {
    const network net = fixtures::small();
    const network_view members(net, {.member = true});
    BOOST_TEST(members.actor_count() == 1u);
    BOOST_TEST(members.tie_count() == 0u);
    const network_view orgs(net, {.kinds = {actor_kind::organisation}});
    BOOST_TEST(orgs.actor_count() == 2u);
    BOOST_TEST(orgs.tie_count() == 3u);  // partnership, referral, information
    const network_view persons(net, {.kinds = {actor_kind::person}});
    BOOST_TEST(persons.tie_count() == 2u);
}

BOOST_AUTO_TEST_CASE(organisation_level_collapses_professionals) {
    const network net = fixtures::small();
    const network_view orgs(net, {.organisation_level = true});
    const index_t inf = net.actor_index("inf"), cms = net.actor_index("cms"), usr = net.actor_index("usr");
    BOOST_TEST(!orgs.has_actor(inf));
    BOOST_TEST(orgs.representative(inf) == cms);
    BOOST_TEST(orgs.actor_count() == net.actor_count() - 1);
    // The membership tie inf-cms disappears; the accompaniment usr-inf becomes usr-cms.
    BOOST_TEST(!orgs.has_tie(3));
    BOOST_TEST(orgs.has_tie(2));
    BOOST_TEST(orgs.tie_source(2) == usr);
    BOOST_TEST(orgs.tie_target(2) == cms);
    const csr_graph snap = orgs.snapshot();
    BOOST_TEST(snap.out_degree(inf) == 0u);
    auto targets = snap.out_neighbours(usr);
    BOOST_TEST(std::count(targets.begin(), targets.end(), cms) == 1);
}

BOOST_AUTO_TEST_SUITE_END()
