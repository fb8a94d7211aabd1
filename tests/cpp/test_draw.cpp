// Drawings: the stress layout, the scenes of the ecomap, the partner map and the whole map, and
// their SVG (parsed back with Boost.PropertyTree's XML parser).
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <random>
#include <sstream>

#include "fixtures.hpp"
#include "maillage/draw.hpp"

using namespace maillage;
using namespace maillage::draw;

namespace {

network example(const std::string& name) {
    return read(fixtures::source_dir / "examples" / (name + ".maillage.json"));
}

/// A path a - b - c - d - e, a triangle f g h and an isolate i.
network pieces() {
    network_builder b;
    for (const char* id : {"a", "b", "c", "d", "e", "f", "g", "h", "i"}) b.add_actor({.id = id, .kind = actor_kind::organisation});
    for (auto [s, t] : std::vector<std::pair<const char*, const char*>>{{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "e"},
                                                                        {"f", "g"}, {"g", "h"}, {"h", "f"}})
        b.add_tie({.source = s, .target = t, .relation = relation::coordination});
    return b.build();
}

/// A random map of `n` organisations in `groups` sectors: ties mostly within a sector, a few
/// across, some isolates (seeded).
network random_map(std::size_t n, std::uint64_t seed) {
    std::mt19937_64 random(seed);
    const std::vector<std::string> sectors = {"social", "health", "housing", "justice", "employment", "youth"};
    network_builder b;
    for (std::size_t i = 0; i < n; ++i)
        b.add_actor({.id = "o" + std::to_string(i), .kind = actor_kind::organisation,
                     .label = "Organisation n° " + std::to_string(i) + " é",
                     .sector = sectors[i % sectors.size()], .member = i % 3 == 0});
    for (std::size_t i = 0; i + 10 < n; ++i) {
        for (int k = 0; k < 2; ++k) {
            const std::size_t j = (i + sectors.size() * (1 + random() % 6)) % n;
            if (j != i) b.add_tie({.source = "o" + std::to_string(i), .target = "o" + std::to_string(j), .relation = relation::coordination});
        }
        if (random() % 10 == 0) {
            const std::size_t j = random() % n;
            if (j != i) b.add_tie({.source = "o" + std::to_string(i), .target = "o" + std::to_string(j), .relation = relation::referral});
        }
    }
    return b.build();
}

boost::property_tree::ptree parse(const std::string& svg) {
    std::istringstream in(svg);
    boost::property_tree::ptree tree;
    boost::property_tree::read_xml(in, tree);  // throws on malformed XML
    return tree;
}

double distance(point p, point q) { return std::hypot(p.x - q.x, p.y - q.y); }

/// Every node inside the picture and no two nodes overlapping.
void check_nodes(const scene& s, double slack = 0.5) {
    for (const auto& n : s.nodes) {
        BOOST_TEST_CONTEXT("actor " << n.actor) {
            BOOST_TEST(std::isfinite(n.at.x));
            BOOST_TEST(std::isfinite(n.at.y));
            BOOST_TEST(n.at.x - n.radius >= -slack);
            BOOST_TEST(n.at.y - n.radius >= -slack);
            BOOST_TEST(n.at.x + n.radius <= s.width + slack);
            BOOST_TEST(n.at.y + n.radius <= s.height + slack);
        }
    }
    for (std::size_t i = 0; i < s.nodes.size(); ++i)
        for (std::size_t j = i + 1; j < s.nodes.size(); ++j)
            BOOST_TEST(distance(s.nodes[i].at, s.nodes[j].at) >= s.nodes[i].radius + s.nodes[j].radius - slack,
                       "actors " << s.nodes[i].actor << " and " << s.nodes[j].actor << " overlap");
}

const scene_node& node_of(const scene& s, const network& net, const std::string& id) {
    const index_t v = net.actor_index(id);
    for (const auto& n : s.nodes)
        if (n.actor == v) return n;
    BOOST_FAIL("no node for " << id);
    return s.nodes.front();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(draw)

BOOST_AUTO_TEST_CASE(layout_is_deterministic_and_finite) {
    const network net = example("reseau_regional");
    const network_view view(net);
    const layout_result first = stress_layout(view), second = stress_layout(view);
    BOOST_TEST((first.positions == second.positions));
    for (const auto& p : first.positions) {
        BOOST_TEST(std::isfinite(p.x));
        BOOST_TEST(std::isfinite(p.y));
    }
    BOOST_TEST(first.converged);
    BOOST_TEST(first.iterations > 0u);
}

BOOST_AUTO_TEST_CASE(layout_keeps_distances_on_a_path) {
    // On a path the stress minimum puts consecutive actors one unit apart on a line.
    network_builder b;
    for (const char* id : {"a", "b", "c", "d", "e"}) b.add_actor({.id = id, .kind = actor_kind::organisation});
    for (auto [s, t] : std::vector<std::pair<const char*, const char*>>{{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "e"}})
        b.add_tie({.source = s, .target = t, .relation = relation::coordination});
    const network net = b.build();
    const layout_result r = stress_layout(network_view(net));
    for (index_t i = 0; i + 1 < 5; ++i) BOOST_TEST(distance(r.positions[i], r.positions[i + 1]) == 1.0, boost::test_tools::tolerance(0.02));
    BOOST_TEST(distance(r.positions[0], r.positions[4]) == 4.0, boost::test_tools::tolerance(0.02));
    BOOST_TEST(r.stress < 1e-3);
}

BOOST_AUTO_TEST_CASE(layout_packs_components_apart) {
    const network net = pieces();
    const layout_result r = stress_layout(network_view(net));
    BOOST_TEST(r.component[0] != r.component[5]);
    BOOST_TEST(r.component[5] != r.component[8]);
    // Boxes of the components do not overlap: every actor of one is at least a unit away from
    // every actor of another.
    for (index_t i = 0; i < net.actor_count(); ++i)
        for (index_t j = 0; j < net.actor_count(); ++j)
            if (r.component[i] != r.component[j]) BOOST_TEST(distance(r.positions[i], r.positions[j]) >= 0.999);
    // A triangle keeps its sides equal.
    BOOST_TEST(distance(r.positions[5], r.positions[6]) == distance(r.positions[6], r.positions[7]), boost::test_tools::tolerance(0.02));
    BOOST_TEST(r.width > 0);
    BOOST_TEST(r.height >= 0);
}

BOOST_AUTO_TEST_CASE(layout_outside_the_view_is_nan) {
    const network net = example("ecocarte_usager");
    const network_view persons(net, {.kinds = {actor_kind::person}});
    const layout_result r = stress_layout(persons);
    for (index_t v = 0; v < net.actor_count(); ++v)
        BOOST_TEST(std::isnan(r.positions[v].x) == !persons.has_actor(v));
}

BOOST_AUTO_TEST_CASE(whole_map_on_the_examples) {
    for (const char* name : {"ecocarte_usager", "reseau_regional", "suivi_entretiens"}) {
        BOOST_TEST_CONTEXT(name) {
            const network net = example(name);
            for (auto colour : {colour_by::sector, colour_by::kind}) {
                const scene s = whole_map(net, {.colour = colour});
                BOOST_TEST(s.nodes.size() == std::size_t(net.actor_count()));
                BOOST_TEST(s.edges.size() == std::size_t(net.tie_count()));
                check_nodes(s);
                const auto tree = parse(to_svg(s));
                BOOST_TEST(tree.get_child("svg").count("title") == 1u);
                BOOST_TEST((whole_map(net, {.colour = colour}).nodes[3].at == s.nodes[3].at));  // deterministic
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(whole_map_on_500_actors) {
    const network net = random_map(500, 7);
    const scene s = whole_map(net, {.size = size_by::degree});
    BOOST_TEST(s.nodes.size() == 500u);
    check_nodes(s);
    BOOST_TEST(!s.labels.empty());
    parse(to_svg(s));
}

BOOST_AUTO_TEST_CASE(whole_map_on_500_actors_fills_the_frame) {
    // Spread over the frame (spread_in_frame), the actors of a large map reach its four sides
    // and the middle ninth holds under a third of them.
    const network net = random_map(500, 7);
    const scene s = whole_map(net, {.size = size_by::degree});
    const double fx0 = 16, fy0 = 44, fx1 = s.legend_at.x - 16, fy1 = s.height - 16;
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    std::size_t middle = 0;
    for (const auto& n : s.nodes) {
        x0 = std::min(x0, n.at.x), y0 = std::min(y0, n.at.y), x1 = std::max(x1, n.at.x), y1 = std::max(y1, n.at.y);
        if (n.at.x > fx0 + (fx1 - fx0) / 3 && n.at.x < fx1 - (fx1 - fx0) / 3 && n.at.y > fy0 + (fy1 - fy0) / 3 &&
            n.at.y < fy1 - (fy1 - fy0) / 3)
            ++middle;
    }
    BOOST_TEST((x1 - x0) >= 0.8 * (fx1 - fx0));
    BOOST_TEST((y1 - y0) >= 0.8 * (fy1 - fy0));
    BOOST_TEST(middle <= 150u);  // under a third of the actors; evenly spread would be a ninth
    BOOST_TEST(s.labels.size() >= 20u);
    const scene again = whole_map(net, {.size = size_by::degree});
    for (std::size_t i = 0; i < s.nodes.size(); ++i) BOOST_TEST((again.nodes[i].at == s.nodes[i].at));  // deterministic
}

BOOST_AUTO_TEST_CASE(spread_in_frame_keeps_neighbours_near) {
    // Two stars of 60 leaves each, joined hub to hub, started cramped: the spread parts
    // every actor, keeps all inside the frame, leaves each star's leaves nearer their own hub.
    network_builder b;
    for (int h = 0; h < 2; ++h) {
        b.add_actor({.id = "h" + std::to_string(h), .kind = actor_kind::organisation});
        for (int i = 0; i < 60; ++i) {
            b.add_actor({.id = "l" + std::to_string(h) + "_" + std::to_string(i), .kind = actor_kind::organisation});
            b.add_tie({.source = "h" + std::to_string(h), .target = "l" + std::to_string(h) + "_" + std::to_string(i),
                       .relation = relation::coordination});
        }
    }
    b.add_tie({.source = "h0", .target = "h1", .relation = relation::coordination});
    const network net = b.build();
    const network_view view(net);
    const measure_graph g(view, {.directed = false});
    // Started as a cramped stress layout would leave it: each star on its own spot.
    std::vector<point> at(net.actor_count());
    for (index_t v = 0; v < net.actor_count(); ++v) at[v] = {(v <= 60 ? 200.0 : 400.0) + 0.01 * (v % 11), 200.0 + 0.01 * (v % 7)};
    std::vector<point> again = at;
    spread_in_frame(g, view.actor_indices(), at, 0, 0, 600, 400);
    spread_in_frame(g, view.actor_indices(), again, 0, 0, 600, 400);
    BOOST_TEST((at == again));
    double closest = 1e300;
    for (index_t v = 0; v < net.actor_count(); ++v) {
        BOOST_TEST(at[v].x >= -1e-9);
        BOOST_TEST(at[v].x <= 600 + 1e-9);
        BOOST_TEST(at[v].y >= -1e-9);
        BOOST_TEST(at[v].y <= 400 + 1e-9);
        for (index_t w = v + 1; w < net.actor_count(); ++w) closest = std::min(closest, distance(at[v], at[w]));
    }
    BOOST_TEST(closest > 5.0);
    const point h0 = at[net.actor_index("h0")], h1 = at[net.actor_index("h1")];
    for (int i = 0; i < 60; ++i) {
        const point l0 = at[net.actor_index("l0_" + std::to_string(i))], l1 = at[net.actor_index("l1_" + std::to_string(i))];
        BOOST_TEST(distance(l0, h0) < distance(l0, h1));
        BOOST_TEST(distance(l1, h1) < distance(l1, h0));
    }
}

BOOST_AUTO_TEST_CASE(whole_map_communities_and_sizes) {
    const network net = pieces();
    std::vector<index_t> communities = {0, 0, 0, 1, 1, 2, 2, 2, 3};
    const scene s = whole_map(net, {.colour = colour_by::community, .size = size_by::custom,
                                    .sizes = {1, 2, 3, 4, 5, 6, 7, 8, 9}, .communities = communities});
    BOOST_TEST(s.nodes[0].fill == s.nodes[1].fill);
    BOOST_TEST(s.nodes[0].fill != s.nodes[3].fill);
    BOOST_TEST(s.nodes[8].radius > s.nodes[0].radius);
    BOOST_CHECK_THROW(whole_map(net, {.colour = colour_by::community}), invalid_argument);
    BOOST_CHECK_THROW(whole_map(net, {.size = size_by::custom, .sizes = {1, 2}}), invalid_argument);
    BOOST_CHECK_THROW(whole_map(net, {.width = 100}), invalid_argument);
}

BOOST_AUTO_TEST_CASE(ecomap_rings) {
    const network net = example("ecocarte_usager");
    const index_t user = net.actor_index("usr");
    const scene s = ecomap(net, user);
    const point centre = node_of(s, net, "usr").at;
    double primary_far = 0, secondary_near = 1e9;
    std::size_t primary = 0, secondary = 0;
    for (const auto& n : s.nodes) {
        if (n.actor == user) continue;
        const double d = distance(n.at, centre);
        if (net.actors().kind[n.actor] == actor_kind::person) primary_far = std::max(primary_far, d), ++primary;
        else secondary_near = std::min(secondary_near, d), ++secondary;
    }
    BOOST_TEST(primary == 7u);     // mother, brother, daughter, two friends, neighbour, colleague
    BOOST_TEST(secondary == 11u);  // six professionals and their five organisations (ORP is not tied)
    BOOST_TEST(primary_far < secondary_near);
    check_nodes(s);
    // A professional sits next to its organisation: nearer to it than to any other organisation.
    const point cpp = node_of(s, net, "cpp").at;
    BOOST_TEST(distance(node_of(s, net, "psy_cpp").at, cpp) < distance(node_of(s, net, "psy_cpp").at, node_of(s, net, "ssr").at));
    // Needs: housing, debt and mental health are covered, employment is not.
    BOOST_TEST(s.badges.size() == 4u);
    std::size_t uncovered = 0;
    for (const auto& b : s.badges) uncovered += b.text.starts_with("✗");
    BOOST_TEST(uncovered == 1u);
    // Styles: the conflictual tie to the neighbour is red, informal ties are dashed.
    for (const auto& e : s.edges) {
        if (net.ties().valence[e.tie] == valence::conflictual) BOOST_TEST(e.colour == valence_colour(valence::conflictual));
        BOOST_TEST(e.dash.empty() == (net.ties().formality[e.tie] == formality::formal));
    }
    // Every drawn actor is named.
    BOOST_TEST(s.labels.size() == s.nodes.size());
    parse(to_svg(s));
    BOOST_CHECK_THROW(ecomap(net, net.actor_index("ssr")), invalid_argument);
    BOOST_CHECK_THROW(ecomap(net, 999), invalid_argument);
}

BOOST_AUTO_TEST_CASE(partner_map_zones_and_potential_ring) {
    const network net = example("reseau_regional");
    const index_t ssr = net.actor_index("ssr_valmont");
    const scene s = partner_map(net, ssr);
    const point centre = s.nodes.front().at;
    BOOST_TEST(s.nodes.front().actor == ssr);
    double existing_far = 0, potential_near = 1e9;
    for (const auto& n : s.nodes) {
        if (n.actor == ssr) continue;
        const double d = distance(n.at, centre);
        if (net.actors().potential[n.actor]) potential_near = std::min(potential_near, d);
        else existing_far = std::max(existing_far, d);
    }
    BOOST_TEST(potential_near > existing_far + 50);
    // 15 partners (cms, dettes, curatelles, ss_portlac, orp, office_logement, integration,
    // la_passerelle, entraide_lac, probation, canton, ville_valmont) and two potential ones.
    std::size_t potential = 0;
    for (const auto& n : s.nodes) potential += net.actors().potential[n.actor];
    BOOST_TEST(potential == 2u);
    BOOST_TEST(s.nodes.size() == 1u + 12u + 2u);
    // The partnership with a signed agreement is its own kind of tie.
    bool agreed = false;
    for (const auto& e : s.edges) agreed = agreed || partner_tie_of(net, e.tie) == partner_tie::partnership_convention;
    BOOST_TEST(agreed);
    check_nodes(s);
    BOOST_TEST(s.labels.size() >= s.nodes.size());
    parse(to_svg(s));
    BOOST_CHECK_THROW(partner_map(example("ecocarte_usager"), 0), invalid_argument);
}

BOOST_AUTO_TEST_CASE(svg_escapes_text) {
    BOOST_TEST(xml_escape("a & b <c> \"d\" 'e'") == "a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39;");
    BOOST_TEST(xml_escape("x\x01y\tz") == "xy\tz");
    BOOST_TEST(xml_escape("Épicerie à \xE2\x82\xAC") == "Épicerie à €");
    BOOST_TEST(xml_escape("bad \xC3 end") == "bad  end");
    BOOST_TEST(xml_escape("\xED\xA0\x80") == "");  // a UTF-16 surrogate
    network_builder b;
    b.add_actor({.id = "a", .kind = actor_kind::organisation, .label = "<Service> & \"Cie\" \x01"});
    b.add_actor({.id = "b", .kind = actor_kind::organisation, .label = "Fondation l'Étoile"});
    b.add_tie({.source = "a", .target = "b", .relation = relation::partnership});
    const network net = b.build();
    const std::string svg = to_svg(whole_map(net));
    BOOST_TEST(svg.find("&lt;Service&gt; &amp; &quot;Cie&quot;") != std::string::npos);
    BOOST_TEST(svg.find("Fondation l&#39;Étoile") != std::string::npos);
    parse(svg);
    parse(to_svg(partner_map(net, 0)));
}

BOOST_AUTO_TEST_CASE(text_wrapping) {
    BOOST_TEST(wrap_text("Service social régional de Valmont", 20, 2) ==
               (std::vector<std::string>{"Service social", "régional de Valmont"}));
    BOOST_TEST(wrap_text("Autorité de protection de l'enfant et de l'adulte", 16, 2) ==
               (std::vector<std::string>{"Autorité de", "protection de…"}));
    BOOST_TEST(wrap_text("Anticonstitutionnellement", 10, 2) == (std::vector<std::string>{"Anticonst…"}));
    BOOST_TEST(utf8_length("écocarte") == 8u);
    BOOST_TEST(text_width("iii", 10) < text_width("MMM", 10));
}

BOOST_AUTO_TEST_CASE(texts_in_a_language) {
    const network net = example("ecocarte_usager");
    drawing_text fr{.lang = "fr", .text = {{"ecomap", "Écocarte de {user}"}, {"primary", "réseau primaire"}}};
    const scene s = ecomap(net, net.actor_index("usr"), {.text = fr});
    BOOST_TEST(s.title == "Écocarte de Mme L. K.");
    const std::string svg = to_svg(s);
    BOOST_TEST(svg.find("santé mentale") != std::string::npos);  // the sector's French label
    BOOST_TEST(svg.find("réseau primaire") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
