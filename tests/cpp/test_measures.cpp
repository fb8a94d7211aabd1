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

BOOST_AUTO_TEST_CASE(star_spectral_and_power) {
    // Centre c and four leaves; by symmetry the leaves share one value and each measure reduces
    // to two equations solved by hand.
    const network net = graph_of({{"c", "a"}, {"c", "b"}, {"c", "d"}, {"c", "e"}});
    const network_view all(net);
    // PageRank, alpha 0.85: x_c = 0.03 + 0.85 * 4 x_l, x_l = 0.03 + 0.85 x_c / 4.
    const auto pr = pagerank(all, {.tolerance = 1e-14});
    BOOST_TEST(pr.converged);
    BOOST_TEST(at(net, pr.scores, "c") == 0.132 / 0.2775, tt::tolerance(1e-10));
    BOOST_TEST(at(net, pr.scores, "a") == 0.03 + 0.2125 * 0.132 / 0.2775, tt::tolerance(1e-10));
    // Eigenvector of the star: sqrt(k) at the centre, 1 at each leaf, unit norm.
    const auto ev = eigenvector(all, {.tolerance = 1e-14});
    BOOST_TEST(at(net, ev.scores, "c") == std::sqrt(0.5), tt::tolerance(1e-9));
    BOOST_TEST(at(net, ev.scores, "a") == std::sqrt(0.125), tt::tolerance(1e-9));
    // Bonacich, beta 0.1: c_l = (1 + 4 beta) / (1 - 4 beta^2), c_c = 4 (1 + beta c_l), then
    // scaled to a sum of squares of 5.
    const double leaf = 1.4 / 0.96, centre = 4 * (1 + 0.1 * leaf);
    const double scale = std::sqrt(5 / (centre * centre + 4 * leaf * leaf));
    const auto power = bonacich(all, {.beta = 0.1});
    BOOST_TEST(at(net, power, "c") == centre * scale, tt::tolerance(1e-12));
    BOOST_TEST(at(net, power, "e") == leaf * scale, tt::tolerance(1e-12));
    // beta = 0 is the degree, scaled.
    BOOST_TEST(at(net, bonacich(all), "c") == 4 * std::sqrt(5.0 / 20), tt::tolerance(1e-12));  // squares 16 + 4
    // Katz, alpha 0.1, beta 1, not normalised: x_c = 0.1 * 4 x_l + 1, x_l = 0.1 x_c + 1.
    const auto k = katz(all, {.normalized = false, .tolerance = 1e-14});
    BOOST_TEST(at(net, k.scores, "c") == 1.4 / 0.96, tt::tolerance(1e-10));
}

BOOST_AUTO_TEST_CASE(star_structure) {
    const network net = graph_of({{"c", "a"}, {"c", "b"}, {"c", "d"}, {"c", "e"}});
    const network_view all(net);
    const auto cut = cuts(all);
    BOOST_TEST_REQUIRE(cut.articulation_points.size() == 1u);
    BOOST_TEST(net.actor_id(cut.articulation_points[0].actor) == "c");
    BOOST_TEST(cut.articulation_points[0].pieces == (std::vector<index_t>{1, 1, 1, 1}), tt::per_element());
    BOOST_TEST(cut.bridges.size() == 4u);
    BOOST_TEST(at(net, reach(all, {.steps = 1}), "a") == 1.0);
    BOOST_TEST(at(net, reach(all), "a") == 4.0);
    BOOST_TEST(at(net, reach_efficiency(all), "a") == 1.0);   // all 4 others through 1 alter
    BOOST_TEST(at(net, reach_efficiency(all), "c") == 0.25);
    // The star is the most centralised graph: every Freeman index is 1.
    const auto s = summarize(all);
    BOOST_TEST(s.density == 0.4, tt::tolerance(1e-12));
    BOOST_TEST(s.transitivity == 0.0);
    BOOST_TEST(s.degree_centralization == 1.0, tt::tolerance(1e-12));
    BOOST_TEST(s.betweenness_centralization == 1.0, tt::tolerance(1e-12));
    BOOST_TEST(s.closeness_centralization == 1.0, tt::tolerance(1e-12));
    BOOST_TEST(s.diameter == 2.0);
    BOOST_TEST(s.mean_distance == (4 * 1 + 4 * 1 + 12 * 2) / 20.0, tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(reciprocity_and_triads) {
    // A directed cycle: no reciprocated arc, one strong component, a closed triangle once
    // direction is ignored.
    const network cycle = graph_of({{"a", "b"}, {"b", "c"}, {"c", "a"}}, relation::referral);
    const auto s = summarize(network_view(cycle));
    BOOST_TEST(s.directed);
    BOOST_TEST(s.reciprocity == 0.0);
    BOOST_TEST(s.reciprocity_dyads == 0.0);
    BOOST_TEST(s.strong_components == 1u);
    BOOST_TEST(s.transitivity == 1.0);
    BOOST_TEST(s.average_clustering == 1.0);
    // a <-> b and a -> c: 2 of 3 arcs reciprocated; 1 mutual dyad of 2 connected dyads.
    const network pair = graph_of({{"a", "b"}, {"b", "a"}, {"a", "c"}}, relation::referral);
    const auto p = summarize(network_view(pair));
    BOOST_TEST(p.reciprocity == 2.0 / 3.0, tt::tolerance(1e-12));
    BOOST_TEST(p.reciprocity_dyads == 0.5);
    BOOST_TEST(p.strong_components == 2u);
}

BOOST_AUTO_TEST_CASE(path_and_pair_components) {
    // a - b - c and d - e: every tie is a bridge, b the only cut actor.
    const network net = graph_of({{"a", "b"}, {"b", "c"}, {"d", "e"}}, relation::coordination, {"f"});
    const network_view all(net);
    const auto cut = cuts(all);
    BOOST_TEST_REQUIRE(cut.articulation_points.size() == 1u);
    BOOST_TEST(net.actor_id(cut.articulation_points[0].actor) == "b");
    BOOST_TEST(cut.bridges.size() == 3u);
    const auto s = summarize(all);
    BOOST_TEST(s.weak_components == 3u);
    BOOST_TEST(s.largest_component == 3u);
    BOOST_TEST(s.diameter == 2.0);
    BOOST_TEST(s.mean_distance == 8.0 / 6.0, tt::tolerance(1e-12));
    BOOST_TEST(s.density == 6.0 / 30.0, tt::tolerance(1e-12));
    // The isolate f is dangling for PageRank: its mass is spread over everyone, the sum stays 1.
    const auto pr = pagerank(all, {.tolerance = 1e-14});
    double total = 0;
    for (double x : pr.scores.values) total += x;
    BOOST_TEST(total == 1.0, tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(florentine_structure) {
    // Padgett's marriage network (15 families with ties): 20 ties, density 20/105; the Medici
    // are a cut actor whose loss separates the Acciaiuoli and the Salviati-Pazzi pair from the
    // rest (Padgett & Ansell 1993, fig. 2a).
    const network net = florentine();
    const network_view all(net);
    const auto s = summarize(all);
    BOOST_TEST(s.density == 20.0 / 105.0, tt::tolerance(1e-12));
    BOOST_TEST(s.weak_components == 1u);
    const auto cut = cuts(all);
    const auto medici = std::find_if(cut.articulation_points.begin(), cut.articulation_points.end(),
                                     [&](const cut_actor& c) { return net.actor_id(c.actor) == "Medici"; });
    BOOST_TEST_REQUIRE((medici != cut.articulation_points.end()));
    BOOST_TEST(medici->pieces == (std::vector<index_t>{11, 2, 1}), tt::per_element());
    // Exact estimate when sampling every source; sampled estimates stay within their bound.
    const auto exact = betweenness(all, {.normalized = true});
    const auto sampled = estimate_betweenness(all, {.normalized = true, .samples = 7, .seed = 1});
    BOOST_TEST(sampled.method == "sources");
    for (index_t v = 0; v < net.actor_count(); ++v)
        BOOST_TEST(std::abs(sampled.scores.values[v] - exact.values[v]) <= sampled.error_bound);
    const auto pairs = estimate_betweenness(all, {.normalized = true, .epsilon = 0.05, .seed = 1});
    BOOST_TEST(pairs.method == "pairs");
    for (index_t v = 0; v < net.actor_count(); ++v)
        BOOST_TEST(std::abs(pairs.scores.values[v] - exact.values[v]) <= pairs.error_bound);
}

BOOST_AUTO_TEST_CASE(layer_overlap_by_relation) {
    // Partnership a-b, b-c; coordination a-b, c-d: 4 actors, 6 possible pairs, one shared pair.
    network_builder b;
    for (const char* id : {"a", "b", "c", "d"}) b.add_actor({.id = id, .kind = actor_kind::organisation});
    b.add_tie({.source = "a", .target = "b", .relation = relation::partnership});
    b.add_tie({.source = "b", .target = "c", .relation = relation::partnership});
    b.add_tie({.source = "b", .target = "a", .relation = relation::coordination});
    b.add_tie({.source = "c", .target = "d", .relation = relation::coordination});
    const network net = b.build();
    const auto r = layer_overlap(network_view(net), tie_grouping::relation);
    BOOST_TEST_REQUIRE(r.pairs.size() == 1u);
    BOOST_TEST(r.pairs[0].shared == 1u);
    BOOST_TEST(r.pairs[0].jaccard == 1.0 / 3.0, tt::tolerance(1e-12));
    BOOST_TEST(r.pairs[0].correlation == (6.0 * 1 - 2 * 2) / std::sqrt(2.0 * 4 * 2 * 4), tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(collaboration_ratings_are_the_source_s_view_of_the_target) {
    network_builder b;
    for (const char* id : {"a", "b", "c"}) b.add_actor({.id = id, .kind = actor_kind::organisation});
    b.add_tie({.source = "a", .target = "b", .relation = relation::partnership,
               .trust = {.reliability = 4, .openness = 2}, .resources = {"staff", "money"}});
    b.add_tie({.source = "c", .target = "b", .relation = relation::coordination, .trust = {.reliability = 2},
               .value = {.influence = 3}, .resources = {"staff"}});
    const network net = b.build();
    const auto r = collaboration(network_view(net));
    const index_t rated = net.actor_index("b");
    BOOST_TEST(r.ratings[rated] == 2u);
    BOOST_TEST(r.mean[0][rated] == 3.0);        // reliability (4 + 2) / 2
    BOOST_TEST(r.trust[rated] == 2.5);          // (3 + 2) / 2 over the dimensions it has
    BOOST_TEST(r.value[rated] == 3.0);
    BOOST_TEST(std::isnan(r.trust[net.actor_index("a")]));
    BOOST_TEST(r.resources.at("staff")[rated] == 2u);
    BOOST_TEST(r.relative_connectivity[rated] == 1.0);
    BOOST_TEST(r.network_trust == 2.5);         // reliability (4 + 2) / 2, openness 2
}

BOOST_AUTO_TEST_SUITE_END()
