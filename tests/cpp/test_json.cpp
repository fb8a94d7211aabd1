// The JSON map: reading, writing, round trips, and a clear error for every kind of bad input.
#include <boost/test/unit_test.hpp>
#include <fstream>

#include "fixtures.hpp"
#include "maillage/io/text.hpp"

using namespace maillage;
using fixtures::map_of;
using fixtures::problems_of;

namespace {

std::string first_problem(const std::string& text) {
    const auto problems = problems_of(text);
    return problems.empty() ? std::string("(no problem)") : problems.front().to_string();
}

const std::string two_orgs = R"([{"id": "a", "kind": "organisation"}, {"id": "b", "kind": "organisation"}])";

}  // namespace

BOOST_AUTO_TEST_SUITE(json)

BOOST_AUTO_TEST_CASE(examples_read_and_round_trip) {
    for (const char* name : fixtures::example_names) {
        BOOST_TEST_CONTEXT(name) {
            const network net = read_json(fixtures::example(name));
            BOOST_TEST(net.actor_count() > 0u);
            const std::string text = to_json_string(net);
            const network again = read_json_string(text, "again.json");
            BOOST_TEST(fixtures::same_map(net, again));
            BOOST_TEST(to_json_string(again) == text);  // the writer is canonical
        }
    }
}

BOOST_AUTO_TEST_CASE(unknown_fields_and_attributes_survive) {
    const std::string text = map_of(
        R"([{"id": "a", "kind": "organisation", "attributes": {"places": 12, "tags": ["x", "é"]}, "contact": {"tel": "032"}},
            {"id": "b", "kind": "organisation"}])",
        R"([{"source": "a", "target": "b", "relation": "partnership", "budget": 1.5e3,
             "convention": {"signed": false, "annex": [1, 2]}}])",
        R"(, "meetings": [{"id": "m", "room": "B12", "decisions": [{"what": "x", "priority": 1}]}],
            "network": {"name": "n", "founded": 1999, "coordination": {"how": "h", "budget": null},
                        "financing": [{"funder": "canton", "kind": "direct", "amount": 12000.5, "note": "annual"}]},
            "generator": "hand")");
    const network net = read_json_string(text);
    BOOST_TEST(net.actors().attributes[0] == R"({"places":12,"tags":["x","é"]})");
    BOOST_TEST(net.actors().extra[0] == R"({"contact":{"tel":"032"}})");
    BOOST_TEST(net.tie_record(0).extra == R"({"budget":1500.0})");
    BOOST_TEST(net.tie_record(0).convention->extra == R"({"annex":[1,2]})");
    BOOST_TEST(net.meetings()[0].extra == R"({"room":"B12"})");
    BOOST_TEST(net.meetings()[0].decisions[0].extra == R"({"priority":1})");
    BOOST_TEST(net.info().extra == R"({"founded":1999})");
    BOOST_TEST(net.info().coordination_extra == R"({"budget":null})");
    BOOST_TEST(net.info().financing[0].extra == R"({"note":"annual"})");
    BOOST_TEST(net.extra() == R"({"generator":"hand"})");
    const network again = read_json_string(to_json_string(net));
    BOOST_TEST(fixtures::same_map(net, again));
}

BOOST_AUTO_TEST_CASE(numbers_in_unknown_fields_keep_every_digit) {
    const network net = read_json_string(map_of(
        R"([{"id": "a", "kind": "organisation", "x": 7.5062848751601855e+87, "y": [0.1, 1e-300, 123456789012345678]}])", "[]"));
    const network again = read_json_string(to_json_string(net));
    BOOST_TEST(again.actors().extra[0] == net.actors().extra[0]);
    BOOST_TEST(to_json_string(again) == to_json_string(net));
}

BOOST_AUTO_TEST_CASE(numbers_convert_to_the_nearest_double_whatever_their_exponent) {
    // Expected values are the correctly rounded doubles (as strtod gives them in the C locale).
    const std::vector<std::pair<std::string, double>> cases = {
        {"0.1", 0.1},
        {"2.5e-1", 0.25},
        {"0.30000000000000004", 0.30000000000000004},
        {"1e300", 1e300},
        {"17976931348623157e292", 1.7976931348623157e308},
        {"2.2250738585072011e-308", 2.2250738585072011e-308},
        {"4.9406564584124654e-324", 4.9406564584124654e-324},
        {"123456789012345678901234567890", 1.2345678901234568e29},
        {"9007199254740993", 9007199254740992.0},
        {"18446744073709551616", 18446744073709551616.0},
        {"1" + std::string(300, '0') + "e-300", 1.0},
        {"0.0001e312", 1e308},
        {"0." + std::string(799, '0') + "1e800", 1.0},
    };
    for (const auto& [text, expected] : cases) {
        const network net = read_json_string(
            map_of(two_orgs, R"([{"source": "a", "target": "b", "relation": "other", "weight": )" + text + "}]"));
        BOOST_TEST(net.ties().weight.at(0) == expected, text);
    }
}

BOOST_AUTO_TEST_CASE(zero_significands_with_large_exponents_read_as_zero) {
    // RapidJSON 1.1.0's own conversion of these is undefined behaviour (src/io/json_parse.hpp).
    for (const std::string zero : {"0e100", "0.0e-30", "0.000e23", "0E+99", "0e300", "1e-400", "2.5e-330"})
        BOOST_TEST(first_problem(map_of(two_orgs, R"([{"source": "a", "target": "b", "relation": "other", "weight": )" +
                                                      zero + "}]")) ==
                       "bad.json: ties[0].weight: must be a finite number > 0, got 0.000000",
                   zero);
    BOOST_TEST(first_problem(map_of(two_orgs, R"([{"source": "a", "target": "b", "relation": "other", "weight": -0e100}])")) ==
               "bad.json: ties[0].weight: must be a finite number > 0, got -0.000000");
    BOOST_TEST(first_problem(map_of(two_orgs, R"([{"source": "a", "target": "b", "relation": "other", "weight": 1e309}])")) ==
               "bad.json: 1:174: syntax error: Number too big to be stored in double");
    BOOST_TEST(first_problem(map_of(two_orgs, R"([{"source": "a", "target": "b", "relation": "other", "weight": -0.0001e313}])")) ==
               "bad.json: 1:174: syntax error: Number too big to be stored in double");
    // RapidJSON's reader refuses a written exponent above 308 (less the fraction digits) and an
    // integer part above DBL_MAX, whatever the value.
    BOOST_TEST(first_problem(map_of(two_orgs, R"([{"source": "a", "target": "b", "relation": "other", "weight": 0e400}])")) ==
               "bad.json: 1:174: syntax error: Number too big to be stored in double");
    // Unknown fields keep such numbers too, and write them back as the value they are.
    const network net = read_json_string(map_of(R"([{"id": "a", "kind": "organisation", "x": 0e100, "y": [1e-400]}])", "[]"));
    const network again = read_json_string(to_json_string(net));
    BOOST_TEST(to_json_string(again) == to_json_string(net));
}

BOOST_AUTO_TEST_CASE(an_empty_attributes_object_is_no_attributes) {
    const network net = read_json_string(map_of(R"([{"id": "a", "kind": "organisation", "attributes": {}}])", "[]"));
    BOOST_TEST(net.actors().attributes[0].empty());
}

BOOST_AUTO_TEST_CASE(lists_may_be_single_strings) {
    const network net = read_json_string(map_of(
        R"([{"id": "a", "kind": "organisation", "domains": "health", "service_area": "Bienne"}])", "[]"));
    BOOST_TEST(net.actors().domains[0] == std::vector<std::string>{"health"});
    BOOST_TEST(net.actors().service_area[0] == std::vector<std::string>{"Bienne"});
}

BOOST_AUTO_TEST_CASE(map_vocabulary_extends_the_default) {
    const network net = read_json_string(map_of(
        R"([{"id": "a", "kind": "organisation", "domains": ["peer_support"], "sector": "sport"}])", "[]",
        R"(, "vocabulary": {"domains": {"peer_support": {"fr": "pair-aidance", "en": "peer support", "de": "Peer-Support"}},
                            "sectors": {"sport": {"fr": "sport"}}})"));
    BOOST_TEST(net.terms().domain_label("peer_support", "de") == "Peer-Support");
    BOOST_TEST(net.terms().has_domain("housing"));
    BOOST_TEST(net.own_vocabulary().domains().size() == 1u);
}

BOOST_AUTO_TEST_CASE(error_unknown_actor) {
    BOOST_TEST(first_problem(map_of(two_orgs, R"([{"source": "a", "target": "b", "relation": "coordination"},
        {"source": "a", "target": "o9", "relation": "coordination"}])")) ==
               "bad.json: ties[1].target: unknown actor \"o9\"");
    BOOST_TEST(first_problem(map_of(R"([{"id": "p", "kind": "professional", "organisation": "nowhere"}])", "[]")) ==
               "bad.json: actors[0].organisation: unknown actor \"nowhere\"");
    BOOST_TEST(first_problem(map_of(two_orgs, "[]", R"(, "meetings": [{"id": "m", "participants": ["a", "x"]}])")) ==
               "bad.json: meetings[0].participants[1]: unknown actor \"x\"");
    BOOST_TEST(first_problem(map_of(two_orgs, "[]", R"(, "meetings": [{"id": "m", "decisions": [{"who": "x"}]}])")) ==
               "bad.json: meetings[0].decisions[0].who: unknown actor \"x\"");
    BOOST_TEST(first_problem(map_of(two_orgs, "[]", R"(, "network": {"coordination": {"coordinators": ["zz"]}})")) ==
               "bad.json: network.coordination.coordinators[0]: unknown actor \"zz\"");
}

BOOST_AUTO_TEST_CASE(error_reference_of_the_wrong_kind) {
    BOOST_TEST(first_problem(map_of(R"([{"id": "a", "kind": "person", "role": "family"},
        {"id": "p", "kind": "professional", "organisation": "a"}])", "[]")) ==
               "bad.json: actors[1].organisation: \"a\" is a person, not an organisation");
    BOOST_TEST(first_problem(map_of(R"([{"id": "a", "kind": "person", "role": "family"},
        {"id": "b", "kind": "organisation"}])", R"([{"source": "b", "target": "a", "relation": "information", "about": "a"}])")) ==
               "bad.json: ties[0].about: \"a\" is not a user (a person with role \"user\")");
}

BOOST_AUTO_TEST_CASE(error_duplicate_ids) {
    BOOST_TEST(first_problem(map_of(R"([{"id": "a", "kind": "organisation"}, {"id": "a", "kind": "person"}])", "[]")) ==
               "bad.json: actors[1].id: duplicate actor id \"a\" (first at actors[0])");
    BOOST_TEST(first_problem(map_of(two_orgs, R"([{"id": "t", "source": "a", "target": "b", "relation": "other"},
        {"id": "t", "source": "b", "target": "a", "relation": "other"}])")) ==
               "bad.json: ties[1].id: duplicate tie id \"t\" (first at ties[0])");
    BOOST_TEST(first_problem(map_of(two_orgs, "[]", R"(, "meetings": [{"id": "m"}, {"id": "m"}])")) ==
               "bad.json: meetings[1].id: duplicate meeting id \"m\" (first at meetings[0])");
}

BOOST_AUTO_TEST_CASE(error_unknown_enum_values_list_the_allowed_ones) {
    BOOST_TEST(first_problem(map_of(two_orgs, R"([{"source": "a", "target": "b", "relation": "freindship"}])")) ==
               "bad.json: ties[0].relation: unknown value \"freindship\"; allowed: family, friendship, neighbourhood, "
               "work, partnership, coordination, referral, information, funding, accompaniment, supervision, "
               "membership, other");
    BOOST_TEST(first_problem(map_of(R"([{"id": "a", "kind": "organization"}])", "[]")) ==
               "bad.json: actors[0].kind: unknown value \"organization\"; allowed: person, professional, organisation, network");
    BOOST_TEST(first_problem(map_of(two_orgs, R"([{"source": "a", "target": "b", "relation": "other", "valence": "bad"}])")) ==
               "bad.json: ties[0].valence: unknown value \"bad\"; allowed: supportive, conflictual, ambivalent");
    const auto domain = first_problem(map_of(R"([{"id": "a", "kind": "organisation", "domains": ["helth"]}])", "[]"));
    BOOST_TEST(domain.starts_with("bad.json: actors[0].domains[0]: unknown need domain \"helth\"; allowed: addiction, "));
    BOOST_TEST(first_problem(map_of(two_orgs, "[]", R"(, "meetings": [{"id": "m", "decisions": [{"status": "fini"}]}])")) ==
               "bad.json: meetings[0].decisions[0].status: unknown value \"fini\"; allowed: open, in_progress, done, cancelled");
}

BOOST_AUTO_TEST_CASE(error_wrong_types) {
    BOOST_TEST(first_problem(map_of(R"([{"id": 7, "kind": "organisation"}])", "[]")) ==
               "bad.json: actors[0].id: expected a string, got a number");
    BOOST_TEST(first_problem(map_of(R"([{"id": "a", "kind": "organisation", "member": "yes"}])", "[]")) ==
               "bad.json: actors[0].member: expected true or false, got a string");
    BOOST_TEST(first_problem(map_of(two_orgs, R"([{"source": "a", "target": "b", "relation": "other", "weight": "2"}])")) ==
               "bad.json: ties[0].weight: expected a number, got a string");
    BOOST_TEST(first_problem(map_of(R"([{"id": "a", "kind": "organisation", "domains": ["health", 3]}])", "[]")) ==
               "bad.json: actors[0].domains[1]: expected a string, got a number");
    BOOST_TEST(first_problem(map_of(R"({"id": "a"})", "[]")) == "bad.json: actors: expected an array, got an object");
    BOOST_TEST(first_problem(map_of(R"(["a"])", "[]")) == "bad.json: actors[0]: expected an object, got a string");
    BOOST_TEST(first_problem(map_of(R"([{"id": "a", "kind": "organisation", "attributes": [1]}])", "[]")) ==
               "bad.json: actors[0].attributes: expected an object, got an array");
    BOOST_TEST(first_problem("[1, 2]") == "bad.json: the map must be a JSON object, got an array");
    BOOST_TEST(first_problem(R"({"maillage": 2, "actors": []})") ==
               "bad.json: maillage: unsupported format version 2; this maillage reads version 1");
}

BOOST_AUTO_TEST_CASE(error_missing_required_fields) {
    BOOST_TEST(first_problem(map_of(R"([{"kind": "organisation"}])", "[]")) == "bad.json: actors[0]: missing field \"id\"");
    BOOST_TEST(first_problem(map_of(R"([{"id": "a"}])", "[]")) == "bad.json: actors[0]: missing field \"kind\"");
    BOOST_TEST(first_problem(map_of(two_orgs, R"([{"source": "a", "target": "b"}])")) ==
               "bad.json: ties[0]: missing field \"relation\"");
    BOOST_TEST(first_problem(R"({"maillage": 1})") == "bad.json: missing field \"actors\"");
}

BOOST_AUTO_TEST_CASE(error_bad_numbers) {
    BOOST_TEST(first_problem(map_of(two_orgs, R"([{"source": "a", "target": "b", "relation": "other", "weight": 0}])")) ==
               "bad.json: ties[0].weight: must be a finite number > 0, got 0.000000");
    BOOST_TEST(first_problem(map_of(two_orgs, R"([{"source": "a", "target": "b", "relation": "other", "weight": 1e999}])")) ==
               "bad.json: 1:174: syntax error: Number too big to be stored in double");
    BOOST_TEST(first_problem(map_of(two_orgs, R"([{"source": "a", "target": "b", "relation": "other", "trust": {"openness": 5}}])")) ==
               "bad.json: ties[0].trust.openness: rating 5.000000 is outside [1, 4]");
    BOOST_TEST(first_problem(map_of(two_orgs, R"([{"source": "a", "target": "b", "relation": "other", "trust": {"honesty": 3}}])")) ==
               "bad.json: ties[0].trust.honesty: unknown rating; allowed: reliability, shared_mission, openness");
    // A malformed number is a syntax error with its line and column.
    BOOST_TEST(first_problem("{\"maillage\": 1,\n \"actors\": [],\n \"ties\": [{\"weight\": 1.2.3}]}") ==
               "bad.json: 3:25: syntax error: Missing a comma or '}' after an object member");
}

BOOST_AUTO_TEST_CASE(error_self_tie) {
    BOOST_TEST(first_problem(map_of(two_orgs, R"([{"source": "a", "target": "a", "relation": "other"}])")) ==
               "bad.json: ties[0].target: a tie from \"a\" to itself");
}

BOOST_AUTO_TEST_CASE(error_malformed_dates) {
    BOOST_TEST(first_problem(map_of(two_orgs, R"([{"source": "a", "target": "b", "relation": "other", "since": "2019-13"}])")) ==
               "bad.json: ties[0].since: malformed date \"2019-13\"; expected YYYY-MM-DD, YYYY-MM or YYYY");
    BOOST_TEST(first_problem(map_of(two_orgs, "[]", R"(, "meetings": [{"id": "m", "date": "04.05.2026"}])")) ==
               "bad.json: meetings[0].date: malformed date \"04.05.2026\"; expected YYYY-MM-DD");
    BOOST_TEST(first_problem(map_of(two_orgs, "[]", R"(, "meetings": [{"id": "m", "decisions": [{"due": "2026-02-30"}]}])")) ==
               "bad.json: meetings[0].decisions[0].due: malformed date \"2026-02-30\"; expected YYYY-MM-DD");
}

BOOST_AUTO_TEST_CASE(error_empty_and_truncated_files) {
    BOOST_TEST(first_problem("") == "bad.json: the file is empty");
    BOOST_TEST(first_problem("  \n\t ") == "bad.json: the file is empty");
    const std::string full = fixtures::small_map;
    const std::string truncated = full.substr(0, full.size() / 2);
    const auto problem = first_problem(truncated);
    BOOST_TEST(problem.find("syntax error") != std::string::npos);
    BOOST_TEST(problem.find("truncated") != std::string::npos);
    // Invalid UTF-8 is refused with its place.
    BOOST_TEST(first_problem("{\"maillage\": 1, \"actors\": [{\"id\": \"\xC3\x28\", \"kind\": \"person\"}]}")
                   .find("1:36: syntax error: Invalid encoding in string") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_problem_is_listed) {
    const auto problems = problems_of(map_of(R"([{"id": "a", "kind": "organisation", "sector": "sante"},
        {"id": "a", "kind": "orga"}])", R"([{"source": "a", "target": "x", "relation": "bogus"}])"));
    BOOST_TEST(problems.size() == 5u);  // kind, relation (reader); duplicate, sector, target (builder)
}

BOOST_AUTO_TEST_CASE(deep_nesting_does_not_overflow) {
    const std::string deep = R"({"maillage": 1, "actors": [], "x": )" + std::string(200000, '[') + std::string(200000, ']') + "}";
    BOOST_TEST(first_problem(deep) == "bad.json: 1:99: nested deeper than 64 levels");
    const std::string ok = R"({"maillage": 1, "actors": [], "x": )" + std::string(60, '[') + std::string(60, ']') + "}";
    BOOST_TEST(read_json_string(ok).extra().size() == 126u);
}

BOOST_AUTO_TEST_CASE(streamed_errors_are_placed_as_in_the_text) {
    // The reader streams: it places errors from the bytes it has read, never from the text.
    // A multi-byte character whose continuation is a line break is placed at its first byte.
    BOOST_TEST(first_problem("{\"maillage\": 1, \"actors\": [{\"id\": \"ab\xC3\n\", \"kind\": \"person\"}]}") ==
               "bad.json: 1:38: syntax error: Invalid encoding in string");
    // A number too big for a double is placed at its first digit, however long it is.
    const std::string digits(5000, '9');
    BOOST_TEST(first_problem("{\"actors\": [],\n  \"x\": " + digits + "e305}") ==
               "bad.json: 2:8: syntax error: Number too big to be stored in double");
    // Accented characters before the error count one column each.
    BOOST_TEST(first_problem("{\"actors\": [{\"label\": \"\xC3\xA9\xC3\xA9\", \"id\": tru}]}") ==
               "bad.json: 1:38: syntax error: Invalid value");
    // A byte-order mark alone, or before blanks, is an empty file; before a map it is skipped.
    BOOST_TEST(first_problem("\xEF\xBB\xBF") == "bad.json: the file is empty");
    BOOST_TEST(first_problem("\xEF\xBB\xBF \n") == "bad.json: the file is empty");
    BOOST_TEST(first_problem("\xEF\xBB\xBF{\"actors\": 3}") == "bad.json: actors: expected an array, got a number");
}

BOOST_AUTO_TEST_CASE(lists_are_read_in_the_order_of_the_file) {
    // A list given twice is read twice, each with its own indices, as a document would give it.
    const auto problems = problems_of(R"({"actors": [{"id": "a", "kind": "organisation"}],
        "ties": [{"source": "a", "target": "x", "relation": "other"}],
        "actors": [{"id": "b", "kind": "orga"}]})");
    BOOST_TEST_REQUIRE(problems.size() == 2u);
    BOOST_TEST(problems[0].to_string() == "bad.json: actors[0].kind: unknown value \"orga\"; allowed: person, professional, organisation, network");
    BOOST_TEST(problems[1].to_string() == "bad.json: ties[0].target: unknown actor \"x\"");
    // Unknown root members between the lists are kept, in order.
    const network net = read_json_string(R"({"z": [1, {"k": null}], "actors": [], "a": "\u00e9"})");
    BOOST_TEST(net.extra() == R"({"z":[1,{"k":null}],"a":"é"})");
}

BOOST_AUTO_TEST_CASE(a_file_reads_as_its_text) {
    const auto dir = fixtures::temp_dir("json-stream");
    for (const char* name : fixtures::example_names) {
        const auto path = fixtures::example(name);
        BOOST_TEST(fixtures::same_map(read_json(path), read_json_string(read_text_file(path), path.string())));
    }
    // Longer than the reader's 64 KiB buffer, with an error far into it, and a byte-order mark.
    std::string text = "\xEF\xBB\xBF{\"actors\": [";
    for (int i = 0; i < 5000; ++i) text += "{\"id\": \"a" + std::to_string(i) + "\", \"kind\": \"organisation\"},\n";
    text += "{\"id\": \"last\", \"kind\": \"organisation\", \"member\": yes}]}";
    const auto path = dir / "long.maillage.json";
    std::ofstream(path, std::ios::binary) << text;
    try {
        (void)read_json(path);
        BOOST_FAIL("no error");
    } catch (const map_error& e) {
        BOOST_TEST(e.problems().front().to_string() == path.string() + ": 5001:50: syntax error: Invalid value");
    }
    std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(files_and_atomic_writes) {
    const auto dir = fixtures::temp_dir("json");
    const network net = fixtures::small();
    const auto path = dir / "small.maillage.json";
    write_json(net, path);
    BOOST_TEST(fixtures::same_map(read_json(path), net));
    // A failed write leaves the previous file whole and no temporary file behind.
    BOOST_CHECK_THROW(write_json(net, dir / "missing-folder" / "x.json"), io_error);
    BOOST_CHECK_THROW((void)read_json(dir / "nothing.json"), io_error);
    BOOST_CHECK_THROW((void)read_json(dir), io_error);
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++files;
    BOOST_TEST(files == 1u);
    std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()
