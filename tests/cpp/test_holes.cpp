// Structural holes, brokerage and ego networks on hand-computed small graphs.
#include <boost/test/unit_test.hpp>
#include <boost/test/tools/floating_point_comparison.hpp>

#include <cmath>
#include <map>
#include <string>

#include "fixtures.hpp"

using namespace maillage;
namespace tt = boost::test_tools;

namespace {

struct tie_spec {
    const char* source;
    const char* target;
    double weight = 1.0;
    bool directed = false;
};

/// Organisations (with a sector each, "" for none) tied along the given ties.
network graph_of(std::initializer_list<std::pair<const char*, const char*>> actors, std::initializer_list<tie_spec> ties) {
    network_builder b;
    for (auto [id, sector] : actors) b.add_actor({.id = id, .kind = actor_kind::organisation, .sector = sector});
    for (const tie_spec& t : ties)
        b.add_tie({.source = t.source, .target = t.target, .relation = relation::coordination, .directed = t.directed,
                   .weight = t.weight});
    return b.build();
}

double at(const network& net, const actor_scores& s, const char* id) { return s.values[net.actor_index(id)]; }

const double eps = 1e-12;

}  // namespace

BOOST_AUTO_TEST_SUITE(holes)

BOOST_AUTO_TEST_CASE(star_center_and_leaves) {
    // A centre with four unlinked contacts: no redundancy, constraint spread evenly.
    const network net = graph_of({{"c", ""}, {"a", ""}, {"b", ""}, {"d", ""}, {"e", ""}},
                                 {{"c", "a"}, {"c", "b"}, {"c", "d"}, {"c", "e"}});
    for (holes_model model : {holes_model::whole, holes_model::ego}) {
        const auto r = structural_holes(network_view(net), {.model = model});
        BOOST_TEST(at(net, r.effective_size, "c") == 4.0, tt::tolerance(eps));
        BOOST_TEST(at(net, r.efficiency, "c") == 1.0, tt::tolerance(eps));
        BOOST_TEST(at(net, r.constraint, "c") == 0.25, tt::tolerance(eps));   // 4 * (1/4)^2
        BOOST_TEST(at(net, r.hierarchy, "c") == 0.0, tt::tolerance(eps));     // evenly spread
        BOOST_TEST(at(net, r.effective_size, "a") == 1.0, tt::tolerance(eps));
        BOOST_TEST(at(net, r.constraint, "a") == 1.0, tt::tolerance(eps));    // one contact holds it all
        BOOST_TEST(std::isnan(at(net, r.hierarchy, "a")));                    // 0/0 with one contact
        BOOST_TEST(r.contacts[net.actor_index("c")] == 4u);
    }
}

BOOST_AUTO_TEST_CASE(path_and_isolate_in_two_components) {
    // a - b - c and d - e, and an isolate z.
    network_builder b;
    for (const char* id : {"a", "b", "c", "d", "e", "z"}) b.add_actor({.id = id, .kind = actor_kind::organisation});
    for (auto [s, t] : {std::pair{"a", "b"}, {"b", "c"}, {"d", "e"}})
        b.add_tie({.source = s, .target = t, .relation = relation::coordination});
    const network net = b.build();
    const auto r = structural_holes(network_view(net));
    BOOST_TEST(at(net, r.effective_size, "b") == 2.0, tt::tolerance(eps));
    BOOST_TEST(at(net, r.constraint, "b") == 0.5, tt::tolerance(eps));
    BOOST_TEST(at(net, r.hierarchy, "b") == 0.0, tt::tolerance(eps));
    BOOST_TEST(at(net, r.constraint, "d") == 1.0, tt::tolerance(eps));
    BOOST_TEST(at(net, r.effective_size, "e") == 1.0, tt::tolerance(eps));
    for (const auto* s : {&r.effective_size, &r.efficiency, &r.constraint, &r.hierarchy})
        BOOST_TEST(std::isnan(at(net, *s, "z")));
    BOOST_TEST(r.contacts[net.actor_index("z")] == 0u);
}

BOOST_AUTO_TEST_CASE(triad_with_pendant_whole_and_ego_models) {
    // Triangle a b c, and d hanging on c. Ego a: contacts b, c (tied); c also knows d.
    const network net = graph_of({{"a", ""}, {"b", ""}, {"c", ""}, {"d", ""}},
                                 {{"a", "b"}, {"b", "c"}, {"a", "c"}, {"c", "d"}});
    const network_view view(net);
    const auto whole = structural_holes(view, {.model = holes_model::whole, .local = true});
    const auto ego = structural_holes(view, {.model = holes_model::ego});
    // Whole: c_ab = (1/2 + 1/2 * 1/3)^2 = 4/9, c_ac = (1/2 + 1/2 * 1/2)^2 = 9/16.
    BOOST_TEST(at(net, whole.constraint, "a") == 4.0 / 9 + 9.0 / 16, tt::tolerance(eps));
    // Ego: c ties to d fall outside a's ego network, p_cb = 1/2: 2 * (3/4)^2.
    BOOST_TEST(at(net, ego.constraint, "a") == 9.0 / 8, tt::tolerance(eps));
    // Effective size (Borgatti: n - 2t/n), the same in both models when unweighted.
    BOOST_TEST(at(net, whole.effective_size, "a") == 1.0, tt::tolerance(eps));
    BOOST_TEST(at(net, ego.effective_size, "a") == 1.0, tt::tolerance(eps));
    BOOST_TEST(at(net, whole.effective_size, "c") == 3.0 - 2.0 / 3, tt::tolerance(eps));
    BOOST_TEST(at(net, whole.efficiency, "c") == (3.0 - 2.0 / 3) / 3, tt::tolerance(eps));
    // Hierarchy: r_j = c_aj * 2 / C, H = sum r ln r / (2 ln 2).
    const double C = 4.0 / 9 + 9.0 / 16, r1 = (4.0 / 9) * 2 / C, r2 = (9.0 / 16) * 2 / C;
    BOOST_TEST(at(net, whole.hierarchy, "a") == (r1 * std::log(r1) + r2 * std::log(r2)) / (2 * std::log(2.0)),
               tt::tolerance(1e-12));
    BOOST_TEST(at(net, ego.hierarchy, "a") == 0.0, tt::tolerance(eps));
    // Local constraints, kept in contact order (b, c).
    const index_t a = net.actor_index("a");
    BOOST_TEST(whole.local_values[whole.local_offsets[a]] == 4.0 / 9, tt::tolerance(eps));
    BOOST_TEST(whole.local_values[whole.local_offsets[a] + 1] == 9.0 / 16, tt::tolerance(eps));
    BOOST_TEST(local_constraint(view, a, net.actor_index("b")) == 4.0 / 9, tt::tolerance(eps));
    // a and d are not tied: only the indirect part through c, (p_ac p_cd)^2 = (1/2 * 1/3)^2.
    BOOST_TEST(local_constraint(view, a, net.actor_index("d")) == 1.0 / 36, tt::tolerance(eps));
    BOOST_TEST(local_constraint(view, a, net.actor_index("d"), {.model = holes_model::ego}) == 0.0);
}

BOOST_AUTO_TEST_CASE(directed_ties_use_mutual_weights) {
    // a -> b, b -> a, b -> c: mutual weights b-a 2, b-c 1.
    const network net = graph_of({{"a", ""}, {"b", ""}, {"c", ""}},
                                 {{"a", "b", 1, true}, {"b", "a", 1, true}, {"b", "c", 1, true}});
    const auto r = structural_holes(network_view(net));
    BOOST_TEST(at(net, r.constraint, "b") == 4.0 / 9 + 1.0 / 9, tt::tolerance(eps));
    BOOST_TEST(at(net, r.effective_size, "b") == 2.0, tt::tolerance(eps));
    const double r1 = 8.0 / 5, r2 = 2.0 / 5;
    BOOST_TEST(at(net, r.hierarchy, "b") == (r1 * std::log(r1) + r2 * std::log(r2)) / (2 * std::log(2.0)),
               tt::tolerance(1e-12));
    // c only receives a tie: it still has a contact (networkx's all_neighbors).
    BOOST_TEST(at(net, r.constraint, "c") == 1.0, tt::tolerance(eps));
}

BOOST_AUTO_TEST_CASE(weighted_triangle) {
    // a-b weighs 3, b-c and a-c 1. Ego b: p_ba = 3/4, p_bc = 1/4; m_ac = 1/3, m_ca = 1.
    const network net = graph_of({{"a", ""}, {"b", ""}, {"c", ""}}, {{"a", "b", 3}, {"b", "c", 1}, {"a", "c", 1}});
    const auto w = structural_holes(network_view(net), {.weighted = true});
    BOOST_TEST(at(net, w.effective_size, "b") == 2.0 - 1.0 / 12 - 3.0 / 4, tt::tolerance(eps));
    BOOST_TEST(at(net, w.constraint, "b") == 49.0 / 64 + 49.0 / 256, tt::tolerance(eps));
    const auto u = structural_holes(network_view(net));
    BOOST_TEST(at(net, u.effective_size, "b") == 1.0, tt::tolerance(eps));
}

BOOST_AUTO_TEST_CASE(one_or_two_threads_give_the_same_values) {
    network_builder b;
    for (int i = 0; i < 300; ++i) b.add_actor({.id = "v" + std::to_string(i), .kind = actor_kind::organisation});
    std::uint64_t x = 12345;
    for (int k = 0; k < 1500; ++k) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        const int s = int((x >> 33) % 300), t = int((x >> 13) % 300);
        if (s != t) b.add_tie({.source = "v" + std::to_string(s), .target = "v" + std::to_string(t),
                               .relation = relation::coordination, .directed = (x & 1) != 0, .weight = 1 + double(x % 7)});
    }
    const network net = b.build();
    for (holes_model model : {holes_model::whole, holes_model::ego}) {
        const auto one = structural_holes(network_view(net), {.model = model, .weighted = true, .threads = 1});
        const auto two = structural_holes(network_view(net), {.model = model, .weighted = true, .threads = 2});
        BOOST_TEST(one.constraint.values == two.constraint.values, tt::per_element());
        BOOST_TEST(one.effective_size.values == two.effective_size.values, tt::per_element());
    }
    const auto g = detail::field_codes::from_values(std::vector<std::string>(300, "x"));
    std::vector<std::int32_t> codes(300);
    for (int i = 0; i < 300; ++i) codes[i] = i % 4;
    const auto b1 = brokerage(network_view(net), codes, {}, {.threads = 1});
    const auto b2 = brokerage(network_view(net), codes, {}, {.threads = 2});
    for (std::size_t role = 0; role < brokerage_roles; ++role) BOOST_TEST(b1.raw[role] == b2.raw[role], tt::per_element());
    BOOST_TEST(g.names.size() == 1u);
}

BOOST_AUTO_TEST_CASE(brokerage_roles_on_two_paths) {
    auto raw = [](const network& net, const brokerage_result& r, const char* id) {
        std::array<double, 6> out{};
        for (std::size_t k = 0; k < 6; ++k) out[k] = r.raw[k][net.actor_index(id)];
        return out;
    };
    using roles = std::array<double, 6>;
    // Undirected a(X) - b(X) - c(Y): a -> b -> c is representative, c -> b -> a gatekeeper.
    {
        const network net = graph_of({{"a", "social"}, {"b", "social"}, {"c", "health"}}, {{"a", "b"}, {"b", "c"}});
        const auto r = brokerage(network_view(net), "sector");
        BOOST_TEST(raw(net, r, "b") == (roles{0, 0, 1, 1, 0, 2}), tt::per_element());
        BOOST_TEST(raw(net, r, "a") == (roles{0, 0, 0, 0, 0, 0}), tt::per_element());
        BOOST_TEST(r.network_raw == (roles{0, 0, 1, 1, 0, 2}), tt::per_element());
        BOOST_TEST(r.group_names == (std::vector<std::string>{"social", "health"}), tt::per_element());
    }
    // Directed: coordinator, itinerant, liaison; a shortcut i -> k removes the brokerage.
    {
        const network net = graph_of({{"a", "social"}, {"b", "social"}, {"c", "social"}},
                                     {{"a", "b", 1, true}, {"b", "c", 1, true}});
        BOOST_TEST(raw(net, brokerage(network_view(net), "sector"), "b") == (roles{1, 0, 0, 0, 0, 1}), tt::per_element());
    }
    {
        const network net = graph_of({{"a", "social"}, {"b", "health"}, {"c", "social"}}, {{"a", "b", 1, true}, {"b", "c", 1, true}});
        BOOST_TEST(raw(net, brokerage(network_view(net), "sector"), "b") == (roles{0, 1, 0, 0, 0, 1}), tt::per_element());
    }
    {
        const network net = graph_of({{"a", "social"}, {"b", "health"}, {"c", "housing"}}, {{"a", "b", 1, true}, {"b", "c", 1, true}});
        BOOST_TEST(raw(net, brokerage(network_view(net), "sector"), "b") == (roles{0, 0, 0, 0, 1, 1}), tt::per_element());
    }
    {
        const network net = graph_of({{"a", "social"}, {"b", "health"}, {"c", "housing"}},
                                     {{"a", "b", 1, true}, {"b", "c", 1, true}, {"a", "c", 1, true}});
        BOOST_TEST(raw(net, brokerage(network_view(net), "sector"), "b") == (roles{0, 0, 0, 0, 0, 0}), tt::per_element());
    }
    // The reverse arc c -> a does not close a -> b -> c.
    {
        const network net = graph_of({{"a", "social"}, {"b", "health"}, {"c", "housing"}},
                                     {{"a", "b", 1, true}, {"b", "c", 1, true}, {"c", "a", 1, true}});
        BOOST_TEST(raw(net, brokerage(network_view(net), "sector"), "b") == (roles{0, 0, 0, 0, 1, 1}), tt::per_element());
    }
}

BOOST_AUTO_TEST_CASE(brokerage_expected_values_and_z_scores) {
    // Directed path a(X) -> b(X) -> c(Y): N = 3, d = 2/6; b is a representative once.
    const network net = graph_of({{"a", "social"}, {"b", "social"}, {"c", "health"}}, {{"a", "b", 1, true}, {"b", "c", 1, true}});
    const auto r = brokerage(network_view(net), "sector");
    const double d = 1.0 / 3, a = d * d * (1 - d);
    const index_t b = net.actor_index("b");
    BOOST_TEST(r.density == d, tt::tolerance(eps));
    BOOST_TEST(r.expected[2][b] == a, tt::tolerance(eps));                  // (N - n_g)(n_g - 1) = 1
    BOOST_TEST(r.sd[2][b] == std::sqrt(a * (1 - a)), tt::tolerance(eps));   // no covariance term
    BOOST_TEST(r.z[2][b] == (1 - a) / std::sqrt(a * (1 - a)), tt::tolerance(eps));
    BOOST_TEST(r.expected[5][b] == 2 * a, tt::tolerance(eps));              // (N-1)(N-2) = 2
    BOOST_TEST(r.z[5][b] == (1 - 2 * a) / std::sqrt(2 * a * (1 - a)), tt::tolerance(eps));
    BOOST_TEST(r.expected[0][b] == 0.0);                                    // (n_g - 1)(n_g - 2) = 0
    BOOST_TEST(std::isnan(r.z[0][b]));                                      // 0 / 0, as R
    BOOST_TEST(r.network_expected[5] == 6 * a, tt::tolerance(eps));         // N (N-1)(N-2) a
    BOOST_TEST(r.network_raw[5] == 1.0);
}

BOOST_AUTO_TEST_CASE(brokerage_liaison_variance_closed_form_is_sna_triple_loop) {
    brokerage_result r;
    r.group_size = {3, 5, 0, 2, 7, 1};
    r.density = 0.137;
    detail::brokerage_moments(r);
    const auto& n = r.group_size;
    double N = 0;
    for (double x : n) N += x;
    const double d = r.density, a = d * d * (1 - d);
    double e5 = 0;
    for (std::size_t i = 0; i < n.size(); ++i)
        for (std::size_t j = 0; j < n.size(); ++j)
            if (i != j) e5 += n[i] * n[j] * (N - n[i] - n[j]);
    e5 *= a;
    double v5 = e5 * (1 - a);
    for (std::size_t i = 0; i < n.size(); ++i)
        for (std::size_t j = 0; j < n.size(); ++j)
            for (std::size_t k = 0; k < n.size(); ++k)
                if (i != j && j != k && i != k)
                    v5 += n[i] * n[j] * n[k] *
                          ((4 * (N - n[j]) - 2 * (n[i] + n[k] + 1)) * std::pow(d, 3) * std::pow(1 - d, 3) -
                           (4 * (N - n[k]) - 2 * (n[i] + n[j] + 1)) * std::pow(d, 4) * std::pow(1 - d, 2) +
                           (N - (n[i] + n[k] + 1)) * std::pow(d, 5) * (1 - d));
    BOOST_TEST(r.network_expected[4] == e5, tt::tolerance(1e-12));
    BOOST_TEST(r.network_sd[4] == std::sqrt(v5), tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(brokerage_checks_its_arguments) {
    const network net = graph_of({{"a", "social"}, {"b", "health"}}, {{"a", "b"}});
    BOOST_CHECK_THROW((void)brokerage(network_view(net), "colour"), invalid_argument);
    BOOST_CHECK_THROW((void)brokerage(network_view(net), std::vector<std::int32_t>{0}), invalid_argument);
    BOOST_CHECK_THROW((void)brokerage(network_view(net), std::vector<std::int32_t>{0, -1}), invalid_argument);
    BOOST_CHECK_THROW((void)parse_holes_model("constraint", "global"), invalid_argument);
}

BOOST_AUTO_TEST_CASE(ego_network_of_a_user) {
    // fixtures::small(): the user has a brother, a friend (primary) and a nurse (secondary).
    const network net = fixtures::small();
    const ego_result e = ego_network(network_view(net), net.actor_index("usr"));
    BOOST_TEST(e.size == 3u);
    BOOST_TEST(e.size_by_layer.at("primary") == 2u);
    BOOST_TEST(e.size_by_layer.at("secondary") == 1u);
    BOOST_TEST(e.size_by_kind.at("person") == 2u);
    BOOST_TEST(e.size_by_kind.at("professional") == 1u);
    BOOST_TEST(e.size_by_role.at("family") == 1u);
    BOOST_TEST(e.blau_kind == 1 - (4.0 / 9 + 1.0 / 9), tt::tolerance(eps));
    BOOST_TEST(e.iqv_kind == (4.0 / 9) / (1 - 1.0 / 4), tt::tolerance(eps));
    // The nurse has no sector of her own: she counts in the CMS's (health), the persons in none.
    BOOST_CHECK(e.size_by_sector == (std::map<std::string, index_t>{{"health", 1}}));
    BOOST_TEST(e.blau_sector == 0.0);
    BOOST_TEST(e.iqv_sector == 0.0);
    BOOST_TEST(e.density == 0.0);
    BOOST_TEST(e.ei_index == (1.0 - 2.0) / 3, tt::tolerance(eps));
    BOOST_TEST(e.effective_size == 3.0, tt::tolerance(eps));
    BOOST_TEST(e.constraint == 1.0 / 3, tt::tolerance(eps));
    BOOST_TEST(e.primary_share_ties == 2.0 / 3, tt::tolerance(eps));
    BOOST_TEST(e.primary_share_weight == 3.5 / 4.5, tt::tolerance(eps));
    BOOST_TEST(e.formal_ties == 1u);
    BOOST_TEST(e.informal_ties == 2u);
    BOOST_TEST(e.supportive_ties == 1u);
    BOOST_TEST(e.conflictual_ties == 0u);

    // The CMS: the nurse (membership), and the social service by three ties (one partnership,
    // a referral to the CMS, an information tie from it); the nurse and the social service are
    // not linked.
    const ego_result c = ego_network(network_view(net), net.actor_index("cms"), {.ei_attribute = "sector"});
    BOOST_TEST(c.size == 2u);
    BOOST_TEST(c.alters[1].ties == 3u);
    BOOST_TEST(c.alters[1].sent == 1u);
    BOOST_TEST(c.alters[1].received == 1u);
    BOOST_TEST(c.potential_partners == (std::vector<index_t>{net.actor_index("ss")}), tt::per_element());
    // Composition: the nurse in the CMS's sector, the social service in its own.
    BOOST_CHECK(c.size_by_sector == (std::map<std::string, index_t>{{"health", 1}, {"social", 1}}));
    BOOST_TEST(c.blau_sector == 0.5, tt::tolerance(eps));
    // The E-I index reads the actors' own field: the CMS is "health", the nurse has none and the
    // social service is "social": all external.
    BOOST_TEST(c.ei_index == 1.0, tt::tolerance(eps));
    // In the primary layer the CMS has no alters.
    const ego_result p = ego_network(network_view(net), net.actor_index("cms"), {.layer = layer::primary});
    BOOST_TEST(p.size == 0u);
    BOOST_TEST(std::isnan(p.constraint));
    BOOST_CHECK_THROW((void)ego_network(network_view(net), 99), invalid_argument);
}

BOOST_AUTO_TEST_CASE(ego_network_density_and_holes_on_a_triangle) {
    const network net = graph_of({{"a", ""}, {"b", ""}, {"c", ""}, {"d", ""}},
                                 {{"a", "b"}, {"b", "c"}, {"a", "c"}, {"c", "d"}});
    const ego_result e = ego_network(network_view(net), net.actor_index("a"));
    BOOST_TEST(e.density == 1.0, tt::tolerance(eps));
    BOOST_TEST(e.constraint == 9.0 / 8, tt::tolerance(eps));   // the ego model
    BOOST_TEST(e.ties.size() == 3u);                          // a-b, a-c, b-c; not c-d
    const ego_result c = ego_network(network_view(net), net.actor_index("c"));
    BOOST_TEST(c.density == 1.0 / 3, tt::tolerance(eps));
    BOOST_TEST(c.effective_size == 3.0 - 2.0 / 3, tt::tolerance(eps));
}

BOOST_AUTO_TEST_SUITE_END()
