// Communities (modularity, Louvain, Leiden, silos) and attribute mixing (E–I index, mixing
// matrix, assortativity) on hand-computed small graphs and on Zachary's karate club.
#include <boost/test/unit_test.hpp>
#include <boost/test/tools/floating_point_comparison.hpp>

#include "fixtures.hpp"

using namespace maillage;
namespace tt = boost::test_tools;

namespace {

struct pair_tie {
    std::string source, target;
    relation rel = relation::coordination;
    double weight = 1.0;
};

/// Organisations a0..a{n-1}, with a sector per actor (empty: none), tied along `ties`.
network graph_of(int n, const std::vector<pair_tie>& ties, const std::vector<std::string>& sectors = {},
                 const std::vector<std::string>& attributes = {}) {
    network_builder b;
    for (int i = 0; i < n; ++i) {
        actor a{.id = "a" + std::to_string(i), .kind = actor_kind::organisation};
        if (i < static_cast<int>(sectors.size())) a.sector = sectors[i];
        if (i < static_cast<int>(attributes.size())) a.attributes = attributes[i];
        a.member = i % 2 == 0;
        b.add_actor(a);
    }
    for (const auto& t : ties)
        b.add_tie({.source = "a" + t.source, .target = "a" + t.target, .relation = t.rel, .weight = t.weight});
    return b.build();
}

/// Two triangles 0-1-2 and 3-4-5 joined by the tie 2-3; actor 6 is isolated.
network two_triangles(const std::vector<std::string>& sectors = {}) {
    return graph_of(7, {{"0", "1"}, {"0", "2"}, {"1", "2"}, {"3", "4"}, {"3", "5"}, {"4", "5"}, {"2", "3"}}, sectors);
}

/// Zachary's karate club (W. W. Zachary, "An information flow model for conflict and fission in
/// small groups", J. Anthropological Research 33, 1977): 34 members, 78 ties, as networkx's
/// karate_club_graph without weights.
network karate() {
    const int edges[][2] = {
        {0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {0, 6}, {0, 7}, {0, 8}, {0, 10}, {0, 11}, {0, 12}, {0, 13}, {0, 17},
        {0, 19}, {0, 21}, {0, 31}, {1, 2}, {1, 3}, {1, 7}, {1, 13}, {1, 17}, {1, 19}, {1, 21}, {1, 30}, {2, 3}, {2, 7},
        {2, 8}, {2, 9}, {2, 13}, {2, 27}, {2, 28}, {2, 32}, {3, 7}, {3, 12}, {3, 13}, {4, 6}, {4, 10}, {5, 6}, {5, 10},
        {5, 16}, {6, 16}, {8, 30}, {8, 32}, {8, 33}, {9, 33}, {13, 33}, {14, 32}, {14, 33}, {15, 32}, {15, 33},
        {18, 32}, {18, 33}, {19, 33}, {20, 32}, {20, 33}, {22, 32}, {22, 33}, {23, 25}, {23, 27}, {23, 29}, {23, 32},
        {23, 33}, {24, 25}, {24, 27}, {24, 31}, {25, 31}, {26, 29}, {26, 33}, {27, 33}, {28, 31}, {28, 33}, {29, 32},
        {29, 33}, {30, 32}, {30, 33}, {31, 32}, {31, 33}, {32, 33}};
    std::vector<pair_tie> ties;
    for (const auto& e : edges) ties.push_back({std::to_string(e[0]), std::to_string(e[1])});
    return graph_of(34, ties);
}

std::vector<index_t> labels(std::initializer_list<index_t> l) { return l; }

/// Whether every community of `membership` is connected (ties either way).
bool connected_communities(const network_view& view, const community_result& r) {
    const measure_graph g(view, {false});
    for (index_t c = 0; c < r.count; ++c) {
        std::vector<index_t> members;
        for (index_t v = 0; v < g.vertex_count(); ++v)
            if (r.membership[v] == c) members.push_back(v);
        std::vector<std::uint8_t> seen(g.vertex_count(), 0);
        std::vector<index_t> stack{members.front()};
        seen[members.front()] = 1;
        std::size_t reached = 1;
        while (!stack.empty()) {
            const index_t v = stack.back();
            stack.pop_back();
            for (index_t u : g.out_neighbours(v))
                if (!seen[u] && r.membership[u] == c) {
                    seen[u] = 1;
                    ++reached;
                    stack.push_back(u);
                }
        }
        if (reached != members.size()) return false;
    }
    return true;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(communities)

BOOST_AUTO_TEST_CASE(modularity_by_hand) {
    const network net = two_triangles();
    const network_view all(net);
    // m = 7; each triangle holds 3 ties and degrees 2 + 2 + 3 = 7: Q = 2 (3/7 - (7/14)^2) = 5/14.
    BOOST_TEST(modularity(all, labels({0, 0, 0, 1, 1, 1, 2})) == 5.0 / 14.0, tt::tolerance(1e-14));
    // Labels are any numbers: only the partition counts.
    BOOST_TEST(modularity(all, labels({7, 7, 7, 3, 3, 3, 90000})) == 5.0 / 14.0, tt::tolerance(1e-14));
    BOOST_TEST(modularity(all, labels({0, 0, 0, 0, 0, 0, 0})) == 0.0, tt::tolerance(1e-14));
    // Singletons: -sum (d_i / 2m)^2 = -(4 * 4 + 2 * 9) / 196.
    BOOST_TEST(modularity(all, labels({0, 1, 2, 3, 4, 5, 6})) == -34.0 / 196.0, tt::tolerance(1e-14));
    // Resolution 2: 6/7 - 2 * 1/2.
    BOOST_TEST(modularity(all, labels({0, 0, 0, 1, 1, 1, 2}), {.resolution = 2}) == -1.0 / 7.0, tt::tolerance(1e-14));
    BOOST_CHECK_THROW((void)modularity(all, labels({0, 0, 0})), invalid_argument);
    BOOST_CHECK_THROW((void)modularity(all, labels({0, 0, 0, 1, 1, 1, no_index})), invalid_argument);
    BOOST_CHECK_THROW((void)modularity(all, labels({0, 0, 0, 1, 1, 1, 2}), {.resolution = -1}), invalid_argument);
    // No ties: undefined.
    const network empty = graph_of(3, {});
    BOOST_TEST(std::isnan(modularity(network_view(empty), labels({0, 1, 2}))));
}

BOOST_AUTO_TEST_CASE(modularity_weighted_and_directed) {
    // Weighted: the bridge weighs 3. m = 9, each side d = 2 + 2 + 5 = 9: Q = 2 (3/9 - 1/4) = 1/6.
    const network w = graph_of(6, {{"0", "1"}, {"0", "2"}, {"1", "2"}, {"3", "4"}, {"3", "5"}, {"4", "5"},
                                   {"2", "3", relation::coordination, 3.0}});
    BOOST_TEST(modularity(network_view(w), labels({0, 0, 0, 1, 1, 1}), {.weighted = true}) == 1.0 / 6.0,
               tt::tolerance(1e-14));
    BOOST_TEST(modularity(network_view(w), labels({0, 0, 0, 1, 1, 1})) == 5.0 / 14.0, tt::tolerance(1e-14));
    // Directed (Leicht–Newman): the cycle 0 -> 1 -> 2 -> 0 and 3 -> 0 (referrals are directed).
    const network d = graph_of(4, {{"0", "1", relation::referral}, {"1", "2", relation::referral},
                                   {"2", "0", relation::referral}, {"3", "0", relation::referral}});
    const modularity_options directed{.graph = {true}};
    // {0,1,2}, {3}: 3/4 - (3 * 4)/16 - (1 * 0)/16 = 0.
    BOOST_TEST(modularity(network_view(d), labels({0, 0, 0, 1}), directed) == 0.0, tt::tolerance(1e-14));
    // {0,1}, {2,3}: 1/4 - (2 * 3 + 2 * 1)/16 = -1/4.
    BOOST_TEST(modularity(network_view(d), labels({0, 0, 1, 1}), directed) == -0.25, tt::tolerance(1e-14));
    // Symmetrised: 4 ties, {0,1,2} holds 3 with d = 7, {3} d = 1: 3/4 - 49/64 - 1/64.
    BOOST_TEST(modularity(network_view(d), labels({0, 0, 0, 1})) == 3.0 / 4.0 - 50.0 / 64.0, tt::tolerance(1e-14));
}

BOOST_AUTO_TEST_CASE(louvain_and_leiden_on_two_triangles) {
    const network net = two_triangles();
    for (auto method : {community_method::louvain, community_method::leiden}) {
        const community_result r = maillage::communities(network_view(net), {.method = method});
        BOOST_TEST(r.count == 3u);
        // Numbered by decreasing size, then smallest actor: the isolate is last.
        BOOST_TEST(r.membership == labels({0, 0, 0, 1, 1, 1, 2}), tt::per_element());
        BOOST_TEST(r.modularity == 5.0 / 14.0, tt::tolerance(1e-14));
        BOOST_TEST(r.converged);
        BOOST_TEST(r.sizes() == labels({3, 3, 1}), tt::per_element());
    }
    // Actors outside the view get no community.
    const network_view members(net, view_options{.member = true});  // a0, a2, a4, a6
    const community_result r = louvain(members);
    BOOST_TEST(r.membership[1] == no_index);
    BOOST_TEST(r.membership[0] != no_index);
    BOOST_TEST(r.count == 3u);  // {a0, a2} and the now isolated a4 and a6
    // Edgeless: every actor alone, modularity undefined.
    const network empty = graph_of(3, {});
    const community_result e = leiden(network_view(empty));
    BOOST_TEST(e.count == 3u);
    BOOST_TEST(std::isnan(e.modularity));
    BOOST_CHECK_THROW((void)louvain(network_view(net), {.resolution = -0.5}), invalid_argument);
}

BOOST_AUTO_TEST_CASE(karate_club) {
    // Brandes et al. (2008, "On modularity clustering", IEEE TKDE 20) prove the optimum of the
    // karate club's modularity is 0.4197896 (4 communities); Leiden reaches it, Louvain comes close.
    const network net = karate();
    const network_view all(net);
    double best_louvain = 0, sum_louvain = 0, sum_leiden = 0;
    community_result best;
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
        const community_result lv = louvain(all, {.seed = seed});
        BOOST_TEST(lv.modularity >= 0.39);  // Louvain's local optima go down to about 0.397
        BOOST_TEST(lv.modularity <= 0.4197896 + 1e-7);
        best_louvain = std::max(best_louvain, lv.modularity);
        sum_louvain += lv.modularity;
        const community_result ld = leiden(all, {.seed = seed});
        BOOST_TEST(ld.modularity >= 0.41);
        sum_leiden += ld.modularity;
        if (ld.modularity > best.modularity || seed == 0) best = ld;
        BOOST_TEST(ld.modularity <= 0.4197896 + 1e-7);
        BOOST_TEST(ld.converged);
        BOOST_TEST(connected_communities(all, ld));
        BOOST_TEST(ld.modularity == modularity(all, ld.membership), tt::tolerance(1e-14));
    }
    BOOST_TEST(sum_louvain / 20 >= 0.415);
    BOOST_TEST(best_louvain >= 0.4197);
    BOOST_TEST(sum_leiden / 20 >= 0.418);
    BOOST_TEST(best.modularity == 0.4197896, tt::tolerance(1e-6));
    BOOST_TEST(best.count == 4u);
    // The same seed gives the same communities.
    BOOST_TEST(leiden(all, {.seed = 3}).membership == leiden(all, {.seed = 3}).membership, tt::per_element());
    BOOST_TEST(louvain(all, {.seed = 3}).membership == louvain(all, {.seed = 3}).membership, tt::per_element());
    // Resolution 0 puts every connected actor together.
    BOOST_TEST(louvain(all, {.resolution = 0}).count == 1u);
    BOOST_TEST(leiden(all, {.resolution = 0}).count == 1u);
}

BOOST_AUTO_TEST_CASE(silos_by_sector) {
    const network net = two_triangles({"health", "health", "health", "social", "social", "", ""});
    const network_view all(net);
    const community_result r = louvain(all);
    const silo_result s = silos(all, r.membership);
    BOOST_TEST(s.groups.names == (std::vector<std::string>{"health", "social"}), tt::per_element());
    BOOST_TEST(s.communities.size() == 3u);
    const community_profile& first = s.communities[0];
    BOOST_TEST(first.size == 3u);
    BOOST_TEST(first.valued == 3u);
    BOOST_TEST(s.groups.names[first.dominant] == "health");
    BOOST_TEST(first.share == 1.0);
    BOOST_TEST(first.internal == 3.0);
    BOOST_TEST(first.external == 1.0);
    BOOST_TEST(first.external_share == 0.25);
    BOOST_TEST(first.silo);
    const community_profile& second = s.communities[1];
    BOOST_TEST(second.valued == 2u);  // a5 has no sector
    BOOST_TEST(second.share == 1.0);
    BOOST_TEST(second.silo);
    BOOST_TEST(!s.communities[2].silo);  // the isolate: one actor, no sector, no ties
    BOOST_TEST(s.silo_count == 2u);
    // The partition follows the sectors exactly: NMI and ARI are 1.
    BOOST_TEST(s.nmi == 1.0, tt::tolerance(1e-12));
    BOOST_TEST(s.ari == 1.0, tt::tolerance(1e-12));
    // Stricter thresholds: a quarter of the ties leave, more than 0.2.
    BOOST_TEST(silos(all, r.membership, "sector", {.max_external_share = 0.2}).silo_count == 0u);
    BOOST_CHECK_THROW((void)silos(all, r.membership, "sector", {.min_share = 2}), invalid_argument);
    BOOST_CHECK_THROW((void)silos(all, r.membership, "no_such_attribute"), invalid_argument);
    // A partition across the sectors: {0,1,3,4}, {2,5}, {6}.
    const silo_result across = silos(all, labels({0, 0, 1, 0, 0, 1, 2}));
    BOOST_TEST(across.silo_count == 0u);
    BOOST_TEST(across.communities[0].share == 0.5);
    // NMI by hand over the actors with a sector, 0..4: U = {0,1,3,4}{2}, V = {0,1,2}{3,4}.
    const double i = 0.4 * std::log(0.4 / (0.8 * 0.6)) + 0.4 * std::log(0.4 / (0.8 * 0.4)) + 0.2 * std::log(0.2 / (0.2 * 0.6));
    const double hu = -0.8 * std::log(0.8) - 0.2 * std::log(0.2), hv = -0.6 * std::log(0.6) - 0.4 * std::log(0.4);
    BOOST_TEST(across.nmi == i / ((hu + hv) / 2), tt::tolerance(1e-12));
    // ARI by hand: pairs within cells 1 + 1 = 2, sum C(a,2) = 6, sum C(b,2) = 3 + 1, C(5,2) = 10:
    // (2 - 24/10) / (5 - 24/10).
    BOOST_TEST(across.ari == -0.4 / 2.6, tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(ei_index_by_hand) {
    const network net = two_triangles({"health", "health", "health", "social", "social", "social", ""});
    const network_view all(net);
    const ei_result r = ei_index(all, "sector");
    // 6 ties inside the sectors, 1 across: (1 - 6) / 7.
    BOOST_TEST(r.network.internal == 6.0);
    BOOST_TEST(r.network.external == 1.0);
    BOOST_TEST(r.network.ei == -5.0 / 7.0, tt::tolerance(1e-14));
    // 3 + 3 possible pairs inside, 9 across: (9 - 6) / 15.
    BOOST_TEST(r.network.expected == 0.2, tt::tolerance(1e-14));
    // 7 ties can put at most 6 inside: the lowest attainable E–I is -5/7, which rescales to -1.
    BOOST_TEST(r.network.rescaled == -1.0, tt::tolerance(1e-14));
    BOOST_TEST(r.group[0].ei == -0.5, tt::tolerance(1e-14));  // health: 3 inside, 1 out
    BOOST_TEST(r.group[0].expected == (9.0 - 3.0) / 12.0, tt::tolerance(1e-14));
    BOOST_TEST(r.actor[0].ei == -1.0);
    BOOST_TEST(r.actor[2].ei == -1.0 / 3.0, tt::tolerance(1e-14));
    BOOST_TEST(r.actor[2].expected == (3.0 - 2.0) / 5.0, tt::tolerance(1e-14));
    BOOST_TEST(std::isnan(r.actor[6].ei));  // no sector
    // A star across groups: every tie external.
    const network star = graph_of(4, {{"0", "1"}, {"0", "2"}, {"0", "3"}}, {"health", "social", "social", "social"});
    const ei_result s = ei_index(network_view(star), "sector");
    BOOST_TEST(s.network.ei == 1.0);
    // 3 ties, 3 possible external pairs and 3 internal: the range is [-1, 1].
    BOOST_TEST(s.network.rescaled == 1.0);
    BOOST_TEST(s.network.expected == 0.0);
    // Directed ties count as arcs.
    const network d = graph_of(3, {{"0", "1", relation::referral}, {"1", "0", relation::referral}, {"1", "2", relation::referral}},
                               {"health", "health", "social"});
    const ei_result rd = ei_index(network_view(d), "sector");
    BOOST_TEST(rd.directed);
    BOOST_TEST(rd.network.internal == 2.0);
    BOOST_TEST(rd.network.external == 1.0);
    BOOST_TEST(rd.network.possible_internal == 2.0);
    BOOST_TEST(rd.network.possible_external == 4.0);
    BOOST_CHECK_THROW((void)ei_index(all, "needs"), invalid_argument);
    BOOST_CHECK_THROW((void)ei_index(all, "nothing_here"), invalid_argument);
}

BOOST_AUTO_TEST_CASE(mixing_and_assortativity) {
    const network net = two_triangles({"health", "health", "health", "social", "social", "social", "social"});
    const network_view all(net);
    const mixing_matrix_result m = mixing_matrix(all, "sector");
    // Undirected ties count in both cells, as networkx on an nx.Graph.
    BOOST_TEST(m.at(0, 0) == 6.0);
    BOOST_TEST(m.at(0, 1) == 1.0);
    BOOST_TEST(m.at(1, 0) == 1.0);
    BOOST_TEST(m.at(1, 1) == 6.0);
    BOOST_TEST(m.total == 14.0);
    // e = [[6, 1], [1, 6]] / 14, a = b = (1/2, 1/2): (12/14 - 1/2) / (1 - 1/2) = 5/7.
    BOOST_TEST(attribute_assortativity(all, "sector") == 5.0 / 7.0, tt::tolerance(1e-14));
    // Numeric: a path 0 - 1 - 2 - 3 with values 1, 2, 3, 4; its 6 arcs have mean 2.5 at both ends,
    // covariance sum 2.5 and variance sums 5.5: r = 5/11.
    const network path = graph_of(4, {{"0", "1"}, {"1", "2"}, {"2", "3"}}, {},
                                  {R"({"age":1})", R"({"age":"2"})", R"({"age":3.0})", R"({"age":4})"});
    BOOST_TEST(numeric_assortativity(network_view(path), "age") == 5.0 / 11.0, tt::tolerance(1e-14));
    BOOST_TEST(numeric_assortativity(network_view(path), "attributes.age") == 5.0 / 11.0, tt::tolerance(1e-14));
    const network bad = graph_of(2, {{"0", "1"}}, {}, {R"({"age":1})", R"({"age":"old"})"});
    BOOST_CHECK_THROW((void)numeric_assortativity(network_view(bad), "age"), invalid_argument);
}

BOOST_AUTO_TEST_CASE(actor_attributes) {
    const network net = graph_of(4, {{"0", "1"}}, {"health", "", "social", "health"},
                                 {R"({"team":"nord","size":3,"ok":true})", R"({"team":null})", "", R"({"team":"sud","tags":[1,2]})"});
    const network_view all(net);
    const actor_groups sectors = group_actors(all, "sector");
    BOOST_TEST(sectors.names == (std::vector<std::string>{"health", "social"}), tt::per_element());
    BOOST_TEST(sectors.group == labels({0, no_index, 1, 0}), tt::per_element());
    BOOST_TEST(sectors.sizes == labels({2, 1}), tt::per_element());
    BOOST_TEST(sectors.missing == 1u);
    BOOST_TEST(sectors.find("social") == 1u);
    BOOST_TEST(sectors.find("justice") == no_index);
    const actor_groups team = group_actors(all, "team");
    BOOST_TEST(team.names == (std::vector<std::string>{"nord", "sud"}), tt::per_element());
    BOOST_TEST(team.missing == 2u);  // null and absent
    BOOST_TEST(group_actors(all, "member").names == (std::vector<std::string>{"false", "true"}), tt::per_element());
    BOOST_TEST(group_actors(all, "kind").names == (std::vector<std::string>{"organisation"}), tt::per_element());
    BOOST_TEST(group_actors(all, "tags").names == (std::vector<std::string>{"[1,2]"}), tt::per_element());
    const auto values = actor_attribute_values(net, "ok");
    BOOST_TEST(values[0].text == "true");
    BOOST_TEST(values[0].number == 1.0);
    const auto size = actor_numbers(all, "size");
    BOOST_TEST(size[0] == 3.0);
    BOOST_TEST(std::isnan(size[1]));
    BOOST_CHECK_THROW((void)group_actors(all, "domains"), invalid_argument);
    BOOST_CHECK_THROW((void)group_actors(all, ""), invalid_argument);
    // Outside the view: no group.
    const network_view members(net, view_options{.member = true});
    BOOST_TEST(group_actors(members, "sector").group[3] == no_index);
    BOOST_TEST(group_actors(members, "sector").sizes == labels({1, 1}), tt::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
