// Populations of territories: read from network.territory items {"name", "population"} (JSON,
// and CSV's territory_population row), written back without loss, and weighting the coverage of
// territories by default (hand-computed on a three-territory map).
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "maillage/analysis/coverage.hpp"
#include "maillage/io/csv.hpp"
#include "maillage/io/json.hpp"

using namespace maillage;
using fixtures::map_of;
using fixtures::problems_of;

namespace {

// Valmont (1000 inhabitants) has housing and health; Orval (250) health only; Port-Lac (4000)
// nothing; Bourg has no population given.
const std::string actors = R"([
  {"id": "h", "kind": "organisation", "territory": "Valmont", "domains": ["housing", "health"]},
  {"id": "s", "kind": "organisation", "service_area": ["Valmont", "Orval"], "domains": ["health"]}])";
const std::string network_part = R"(, "network": {"territory": [{"name": "Valmont", "population": 1000},
  {"name": "Orval", "population": 250}, {"name": "Port-Lac", "population": 4000}, "Bourg"]})";

}  // namespace

BOOST_AUTO_TEST_SUITE(populations)

BOOST_AUTO_TEST_CASE(read_from_the_territories_and_weigh_the_coverage) {
    const network net = read_json_string(map_of(actors, "[]", network_part));
    BOOST_TEST(net.info().territory == (std::vector<std::string>{"Valmont", "Orval", "Port-Lac", "Bourg"}),
               boost::test_tools::per_element());
    BOOST_TEST(net.info().population.size() == 3u);
    BOOST_TEST(net.info().population.at("Port-Lac") == 4000.0);
    const coverage_result c = coverage(net);
    const auto& p = c.territories.population_without_provider;
    // housing: Orval 250 + Port-Lac 4000 (+ Bourg, unknown); health: Port-Lac 4000.
    BOOST_TEST(p.at("housing") == 4250.0);
    BOOST_TEST(p.at("health") == 4000.0);
    // Given populations replace the map's own.
    const coverage_result given = coverage(net, {.populations = {{"Bourg", 10.0}}});
    BOOST_TEST(given.territories.population_without_provider.at("housing") == 10.0);
    BOOST_TEST(given.territories.population_without_provider.at("health") == 10.0);
    // Without populations anywhere, nothing is weighted.
    const network bare = read_json_string(map_of(actors, "[]", R"(, "network": {"territory": ["Valmont"]})"));
    BOOST_TEST(coverage(bare).territories.population_without_provider.empty());
}

BOOST_AUTO_TEST_CASE(json_and_csv_round_trips) {
    const network net = read_json_string(map_of(actors, "[]", network_part));
    const std::string text = to_json_string(net);
    BOOST_TEST(text.find(R"("name": "Valmont")") != std::string::npos);
    BOOST_TEST(text.find(R"("population": 4000)") != std::string::npos);
    const network again = read_json_string(text);
    BOOST_TEST((again.info() == net.info()));
    const auto folder = fixtures::temp_dir("populations");
    write_csv(net, folder);
    const network from_csv = read_csv(folder);
    BOOST_TEST((from_csv.info() == net.info()));
    BOOST_TEST(from_csv.info().population.at("Orval") == 250.0);
    std::filesystem::remove_all(folder);
}

BOOST_AUTO_TEST_CASE(bad_territories_are_reported_with_their_place) {
    auto first = [](const std::string& territory) {
        const auto problems = problems_of(map_of("[]", "[]", R"(, "network": {"territory": )" + territory + "}"));
        return problems.empty() ? std::string("(no problem)") : problems.front().place + ": " + problems.front().message;
    };
    BOOST_TEST(first(R"(["A", {"name": "B", "population": -3}])") ==
               "network.territory[1].population: must be a number of inhabitants (0 or more), got -3");
    BOOST_TEST(first(R"([{"population": 3}])") == "network.territory[0].name: a territory needs a name");
    BOOST_TEST(first(R"([{"name": "A", "inhabitants": 3}])") ==
               "network.territory[0].inhabitants: unknown field; a territory has name and population");
    BOOST_TEST(first(R"([{"name": "A", "population": "many"}])") ==
               "network.territory[0].population: expected a number, got a string");
    BOOST_TEST(first(R"([{"name": "A", "population": 1}, {"name": "A", "population": 2}])") ==
               "network.territory[1].population: territory \"A\" has a population twice");
    BOOST_TEST(first("[3]").find("network.territory[0]: expected a territory name") == 0u);
    BOOST_TEST(first(R"("A")") == "(no problem)");
}

BOOST_AUTO_TEST_SUITE_END()
