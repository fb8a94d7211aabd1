// Measures on hand-computed small graphs and on a classic published network.
#include <boost/test/unit_test.hpp>
#include <boost/test/tools/floating_point_comparison.hpp>

#include "fixtures.hpp"

using namespace maillage;
namespace tt = boost::test_tools;

namespace {

/// A network of organisations tied by `relation` along the given pairs.
network graph_of(std::initializer_list<std::pair<const char*, const char*>> pairs, relation rel = relation::coordination,
                 std::initializer_list<const char*> isolates = {}) {
    network_builder b;
    std::vector<std::string> seen;
    auto add = [&](const char* id) {
        if (std::find(seen.begin(), seen.end(), id) != seen.end()) return;
        seen.emplace_back(id);
        b.add_actor({.id = id, .kind = actor_kind::organisation});
    };
    for (auto [s, t] : pairs) {
        add(s);
        add(t);
    }
    for (const char* id : isolates) add(id);
    for (auto [s, t] : pairs) b.add_tie({.source = s, .target = t, .relation = rel});
    return b.build();
}

double at(const network& net, const actor_scores& scores, const char* id) { return scores.values[net.actor_index(id)]; }

/// Padgett's Florentine families, marriage ties (J. Padgett and C. Ansell, "Robust action and
/// the rise of the Medici", 1993); 15 families, the isolated Pucci left out, as networkx's
/// florentine_families_graph.
network florentine() {
    return graph_of({{"Acciaiuoli", "Medici"}, {"Castellani", "Peruzzi"}, {"Castellani", "Strozzi"},
                     {"Castellani", "Barbadori"}, {"Medici", "Barbadori"}, {"Medici", "Ridolfi"},
                     {"Medici", "Tornabuoni"}, {"Medici", "Albizzi"}, {"Medici", "Salviati"}, {"Salviati", "Pazzi"},
                     {"Peruzzi", "Strozzi"}, {"Peruzzi", "Bischeri"}, {"Strozzi", "Ridolfi"}, {"Strozzi", "Bischeri"},
                     {"Ridolfi", "Tornabuoni"}, {"Tornabuoni", "Guadagni"}, {"Albizzi", "Ginori"},
                     {"Albizzi", "Guadagni"}, {"Bischeri", "Guadagni"}, {"Guadagni", "Lamberteschi"}},
                    relation::family);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(measures)

BOOST_AUTO_TEST_CASE(star) {
    const network net = graph_of({{"c", "a"}, {"c", "b"}, {"c", "d"}, {"c", "e"}});
    const network_view all(net);
    const auto b = betweenness(all);
    BOOST_TEST(at(net, b, "c") == 6.0);  // the C(4,2) pairs of leaves all pass through the centre
    BOOST_TEST(at(net, b, "a") == 0.0);
    BOOST_TEST(at(net, betweenness(all, {.normalized = true}), "c") == 1.0);
    const auto c = closeness(all);
    BOOST_TEST(at(net, c, "c") == 1.0);
    BOOST_TEST(at(net, c, "a") == 4.0 / 7.0, tt::tolerance(1e-12));
    const auto h = harmonic(all);
    BOOST_TEST(at(net, h, "c") == 4.0);
    BOOST_TEST(at(net, h, "a") == 2.5);
    BOOST_TEST(at(net, degree(all), "c") == 4.0);
    const auto k = core_numbers(all);
    for (const char* id : {"a", "b", "c", "d", "e"}) BOOST_TEST(at(net, k, id) == 1.0);
}

BOOST_AUTO_TEST_CASE(directed_path) {
    // a -> b -> c (referrals are directed)
    const network net = graph_of({{"a", "b"}, {"b", "c"}}, relation::referral);
    const network_view all(net);
    BOOST_TEST(at(net, betweenness(all), "b") == 1.0);
    BOOST_TEST(at(net, betweenness(all, {.graph = {.directed = false}}), "b") == 1.0);
    const auto out = closeness(all);
    BOOST_TEST(at(net, out, "a") == (2.0 / 3.0) * (2.0 / 2.0), tt::tolerance(1e-12));
    BOOST_TEST(at(net, out, "c") == 0.0);
    const auto in = closeness(all, {.mode = direction_mode::in});
    BOOST_TEST(at(net, in, "c") == 2.0 / 3.0, tt::tolerance(1e-12));
    BOOST_TEST(at(net, in, "a") == 0.0);
    BOOST_TEST(at(net, harmonic(all), "a") == 1.5);
    BOOST_TEST(at(net, degree(all, {.mode = direction_mode::out}), "b") == 1.0);
    BOOST_TEST(at(net, degree(all, {.mode = direction_mode::all}), "b") == 2.0);
    BOOST_TEST(at(net, degree(all, {.mode = direction_mode::in}), "a") == 0.0);
}

BOOST_AUTO_TEST_CASE(parallel_ties_count_once_and_weights_add_up) {
    network_builder b;
    for (const char* id : {"a", "b"}) b.add_actor({.id = id, .kind = actor_kind::organisation});
    b.add_tie({.source = "a", .target = "b", .relation = relation::partnership, .weight = 2});
    b.add_tie({.source = "a", .target = "b", .relation = relation::coordination, .weight = 3});
    const network net = b.build();
    const network_view all(net);
    BOOST_TEST(at(net, degree(all), "a") == 1.0);
    BOOST_TEST(at(net, strength(all), "a") == 5.0);
    // weighted length 1/5
    BOOST_TEST(at(net, harmonic(all, {.weighted = true}), "a") == 5.0, tt::tolerance(1e-12));
    BOOST_TEST(at(net, harmonic(all, {.weighted = true, .length = path_length::weight}), "a") == 0.2, tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(weighted_shortest_paths_choose_strong_ties) {
    // a-b-c strong (weight 4 each: length 0.25), a-c weak (weight 1: length 1): a to c goes through b.
    network_builder b;
    for (const char* id : {"a", "b", "c"}) b.add_actor({.id = id, .kind = actor_kind::organisation});
    b.add_tie({.source = "a", .target = "b", .relation = relation::coordination, .weight = 4});
    b.add_tie({.source = "b", .target = "c", .relation = relation::coordination, .weight = 4});
    b.add_tie({.source = "a", .target = "c", .relation = relation::coordination, .weight = 1});
    const network net = b.build();
    const network_view all(net);
    BOOST_TEST(at(net, betweenness(all), "b") == 0.0);
    BOOST_TEST(at(net, betweenness(all, {.weighted = true}), "b") == 1.0);
    BOOST_TEST(at(net, betweenness(all, {.weighted = true, .length = path_length::weight}), "b") == 0.0);
}

BOOST_AUTO_TEST_CASE(two_components_and_isolates) {
    const network net = graph_of({{"a", "b"}, {"b", "c"}, {"d", "e"}}, relation::coordination, {"f"});
    const network_view all(net);
    const auto weak = components(all);
    BOOST_TEST(weak.count == 3u);
    BOOST_TEST(weak.sizes() == (std::vector<index_t>{3, 2, 1}));
    // closeness of a with Wasserman-Faust: reaches 2 of 5 others, distances 1 + 2
    BOOST_TEST(at(net, closeness(all), "a") == (2.0 / 3.0) * (2.0 / 5.0), tt::tolerance(1e-12));
    BOOST_TEST(at(net, closeness(all), "f") == 0.0);
    BOOST_TEST(at(net, betweenness(all), "b") == 1.0);
}

BOOST_AUTO_TEST_CASE(strong_components) {
    const network net = graph_of({{"a", "b"}, {"b", "c"}, {"c", "a"}, {"c", "d"}}, relation::referral);
    const auto strong = components(network_view(net), {.strong = true});
    BOOST_TEST(strong.count == 2u);
    BOOST_TEST(strong.component[net.actor_index("a")] == strong.component[net.actor_index("c")]);
    BOOST_TEST(strong.component[net.actor_index("d")] != strong.component[net.actor_index("a")]);
    BOOST_TEST(components(network_view(net)).count == 1u);
}

BOOST_AUTO_TEST_CASE(views_restrict_the_measures) {
    const network net = fixtures::small();
    const network_view primary(net, {.layer = layer::primary});
    const auto d = degree(primary);
    BOOST_TEST(at(net, d, "usr") == 2.0);
    BOOST_TEST(at(net, d, "cms") == 0.0);  // in the view, but without primary ties
    const network_view persons(net, {.kinds = {actor_kind::person}});
    BOOST_TEST(std::isnan(at(net, degree(persons), "cms")));  // outside the view
}

BOOST_AUTO_TEST_CASE(florentine_families_published_values) {
    // Raw betweenness of the Medici is 47.5 (normalised 47.5 / 91 = 0.522), the highest of the
    // fifteen families; the Guadagni follow with 23.17 (Padgett & Ansell's data as analysed in
    // many textbooks; networkx gives the same).
    const network net = florentine();
    const network_view all(net);
    const auto b = betweenness(all);
    BOOST_TEST(at(net, b, "Medici") == 47.5, tt::tolerance(1e-12));
    BOOST_TEST(at(net, b, "Guadagni") == 23.0 + 1.0 / 6.0, tt::tolerance(1e-12));
    BOOST_TEST(at(net, b, "Strozzi") == 9.0 + 1.0 / 3.0, tt::tolerance(1e-12));
    BOOST_TEST(at(net, betweenness(all, {.normalized = true}), "Medici") == 47.5 / 91.0, tt::tolerance(1e-12));
    BOOST_TEST(at(net, closeness(all), "Medici") == 0.56, tt::tolerance(1e-12));
    BOOST_TEST(at(net, core_numbers(all), "Medici") == 2.0);
    BOOST_TEST(at(net, degree(all), "Medici") == 6.0);
}

BOOST_AUTO_TEST_CASE(threads_agree) {
    const network net = read_json(fixtures::example("reseau_regional"));
    const network_view all(net);
    const auto one = betweenness(all, {.threads = 1});
    const auto two = betweenness(all, {.threads = 2});
    for (std::size_t i = 0; i < one.values.size(); ++i)
        BOOST_TEST(one.values[i] == two.values[i], tt::tolerance(1e-12));
    const auto c1 = closeness(all, {.threads = 1});
    const auto c2 = closeness(all, {.threads = 2});
    BOOST_TEST(c1.values == c2.values);  // one actor per item: no summation across threads
}

BOOST_AUTO_TEST_SUITE_END()
