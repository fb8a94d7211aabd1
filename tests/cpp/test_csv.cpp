// The CSV folder: spreadsheets' quirks (BOM, semicolons, quotes, accents, decimal commas), round
// trips through JSON, and clear errors with file and line.
#include <boost/test/unit_test.hpp>
#include <fstream>

#include "fixtures.hpp"

using namespace maillage;

namespace {

void put(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

std::vector<problem> csv_problems(const std::filesystem::path& dir) {
    try {
        (void)read_csv(dir);
    } catch (const map_error& e) {
        return e.problems();
    }
    return {};
}

std::string first_csv_problem(const std::filesystem::path& dir) {
    const auto problems = csv_problems(dir);
    if (problems.empty()) return "(no problem)";
    std::string text = problems.front().to_string();
    return text.substr(text.find(": ") + 2);  // drop the folder
}

const std::string actors_ok = "id,kind,label\na,organisation,A\nb,organisation,B\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(csv)

BOOST_AUTO_TEST_CASE(spreadsheet_export_with_bom_semicolons_quotes_and_accents) {
    const auto dir = fixtures::temp_dir("csv-excel");
    put(dir / "actors.csv",
        "\xEF\xBB\xBFid;kind;label;domains;member;Remarque\r\n"
        "cms;organisation;\"Centre médico-social; Tavannes\";health | elderly_care;oui;\"dit \"\"le CMS\"\"\"\r\n"
        "usr;person;\"M. D.\nrue du Pont\";;;\r\n"
        "inf;professional;E. F.;;non;\r\n"
        ";;;;;\r\n");
    put(dir / "ties.csv",
        "source;target;relation;weight;trust_openness\r\n"
        "usr;inf;accompaniment;1,5;3\r\n"
        "inf;cms;membership;;\r\n");
    const network net = read_csv(dir);
    BOOST_TEST(net.actor_count() == 3u);  // the line of empty cells is no record
    BOOST_TEST(net.actors().label[0] == "Centre médico-social; Tavannes");
    BOOST_TEST(net.actors().label[1] == "M. D.\nrue du Pont");
    BOOST_TEST(net.actors().domains[0] == (std::vector<std::string>{"health", "elderly_care"}));
    BOOST_TEST(net.actors().member[0] == 1);
    BOOST_TEST(net.actors().member[2] == 0);
    // An unknown column is a free attribute.
    BOOST_TEST(net.actors().attributes[0] == R"({"remarque":"dit \"le CMS\""})");
    BOOST_TEST(net.ties().weight[0] == 1.5);  // decimal comma in a semicolon file
    BOOST_TEST(net.tie_record(0).trust.openness.value() == 3.0);
    std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(examples_round_trip_through_csv) {
    for (const char* name : fixtures::example_names) {
        BOOST_TEST_CONTEXT(name) {
            const auto dir = fixtures::temp_dir(std::string("csv-rt-") + name);
            const network net = read_json(fixtures::example(name));
            write_csv(net, dir);
            const network again = read_csv(dir);
            BOOST_TEST(fixtures::same_map(net, again));
            BOOST_TEST(to_json_string(again) == to_json_string(net));
            std::filesystem::remove_all(dir);
        }
    }
}

BOOST_AUTO_TEST_CASE(everything_survives_json_csv_json) {
    const network net = read_json_string(R"({"maillage": 1,
      "network": {"name": "N", "objectives": ["a", "b"], "coordination": {"coordinators": ["a"], "how": "x", "k": 1},
                  "financing": [{"funder": "a", "kind": "indirect", "nature": "locaux"}], "users": {"role": "r", "z": [1]},
                  "attributes": {"n": 1}, "founded": "1999"},
      "vocabulary": {"domains": {"peer": {"fr": "pairs", "en": "peers", "de": "Peers"}}},
      "actors": [{"id": "a", "kind": "organisation", "domains": ["peer"], "service_area": ["X", "Y"],
                  "attributes": {"n": [1, 2]}, "other": true},
                 {"id": "b", "kind": "person", "role": "user", "needs": ["peer", "housing"], "label": "a, \"b\"; c"}],
      "ties": [{"id": "t1", "source": "a", "target": "b", "relation": "information", "directed": false, "layer": "primary",
                "weight": 0.1, "about": "b", "consent": true, "intensity": "integration",
                "convention": {"signed": true, "tasks": ["t|x"], "expected_results": ["r"], "k": {}},
                "trust": {"reliability": 2.5}, "value": {"involvement": 4}, "resources": ["staff", "money"],
                "since": "2015", "last_activity": "2026-01", "attributes": {"q": null}, "unknown": [1]}],
      "meetings": [{"id": "m", "date": "2026-05-04", "about": "b", "facilitator": "a", "minute_taker": "a",
                    "participants": ["a", "b"], "minutes_sent_to": ["a"], "pending": ["p1", "p2"],
                    "decisions": [{"id": "d", "who": "a", "what": "w", "due": "2026-06-01", "status": "done", "x": 1}],
                    "attributes": {"room": 1}, "y": 2}],
      "root_field": {"k": "v"}})");
    const auto dir = fixtures::temp_dir("csv-all");
    write_csv(net, dir);
    const network again = read_csv(dir);
    BOOST_TEST(fixtures::same_map(net, again));
    BOOST_TEST(to_json_string(again) == to_json_string(net));
    std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(writes_replace_stale_files) {
    const auto dir = fixtures::temp_dir("csv-stale");
    write_csv(read_json(fixtures::example("suivi_entretiens")), dir);
    const network small = fixtures::small();  // no meetings
    write_csv(small, dir);
    BOOST_TEST(read_csv(dir).meeting_count() == 0u);
    std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(error_empty_cell_names_file_line_and_column) {
    const auto dir = fixtures::temp_dir("csv-empty-cell");
    put(dir / "actors.csv", actors_ok);
    put(dir / "ties.csv", "source,target,relation\na,b,coordination\n,b,coordination\n");
    BOOST_TEST(first_csv_problem(dir) == "ties.csv:3: column \"source\": is empty");
    std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(error_lines_count_line_breaks_inside_quotes) {
    const auto dir = fixtures::temp_dir("csv-lines");
    put(dir / "actors.csv", "id,kind,label\na,organisation,\"two\nlines\"\nb,organisation,B\nc,organisation,C\n");
    put(dir / "ties.csv", "source,target,relation\na,b,coordination\nb,c,coordination\na,zz,coordination\n");
    BOOST_TEST(first_csv_problem(dir) == "ties.csv:4: column \"target\": unknown actor \"zz\"");
    put(dir / "actors.csv", "id,kind,label\na,organisation,\"two\nlines\"\nb,organisation,B\nb,organisation,C\n");
    put(dir / "ties.csv", "source,target,relation\n");
    BOOST_TEST(first_csv_problem(dir) == "actors.csv:5: column \"id\": duplicate actor id \"b\" (first at actors.csv:4)");
    std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(error_values) {
    const auto dir = fixtures::temp_dir("csv-values");
    put(dir / "actors.csv", actors_ok);
    put(dir / "ties.csv", "source,target,relation,weight\na,b,coordination,abc\n");
    BOOST_TEST(first_csv_problem(dir) == "ties.csv:2: column \"weight\": malformed number \"abc\"");
    put(dir / "ties.csv", "source,target,relation\na,b,cordination\n");
    BOOST_TEST(first_csv_problem(dir).starts_with("ties.csv:2: column \"relation\": unknown value \"cordination\"; allowed: family,"));
    put(dir / "ties.csv", "source,target,relation,directed\na,b,coordination,maybe\n");
    BOOST_TEST(first_csv_problem(dir) == "ties.csv:2: column \"directed\": expected true or false, got \"maybe\"");
    put(dir / "ties.csv", "source,target,relation,since\na,b,coordination,2020-02-30\n");
    BOOST_TEST(first_csv_problem(dir) == "ties.csv:2: column \"since\": malformed date \"2020-02-30\"; expected YYYY-MM-DD, YYYY-MM or YYYY");
    put(dir / "ties.csv", "source,target,relation,attributes\na,b,coordination,{nope}\n");
    BOOST_TEST(first_csv_problem(dir).starts_with("ties.csv:2: column \"attributes\": invalid JSON"));
    put(dir / "ties.csv", "source,target,relation\na,b,coordination,extra,cells\n");
    BOOST_TEST(first_csv_problem(dir) == "ties.csv:2: 5 cells, but the header has 3 columns");
    std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(error_files) {
    const auto dir = fixtures::temp_dir("csv-files");
    put(dir / "actors.csv", actors_ok);
    BOOST_TEST(first_csv_problem(dir) == "ties.csv: missing file (a CSV map needs actors.csv and ties.csv)");
    put(dir / "ties.csv", "");
    BOOST_TEST(first_csv_problem(dir) == "ties.csv: the file is empty (it needs at least a header line)");
    put(dir / "ties.csv", "source,target\n");
    BOOST_TEST(first_csv_problem(dir) == "ties.csv:1: missing column \"relation\"");
    put(dir / "ties.csv", "source,target,relation,source\n");
    BOOST_TEST(first_csv_problem(dir) == "ties.csv:1: column \"source\" appears twice");
    put(dir / "ties.csv", "source,target,relation\na,b,\"coordination\n");
    BOOST_TEST(first_csv_problem(dir) == "ties.csv:2: a quoted field is not closed (the file may be truncated)");
    put(dir / "ties.csv", "source,target,relation\na,b\"x,coordination\n");
    BOOST_TEST(first_csv_problem(dir).starts_with("ties.csv:2: malformed CSV"));
    put(dir / "ties.csv", "source,target,relation\na,b,coordin\xE9tion\n");
    BOOST_TEST(first_csv_problem(dir) == "ties.csv:2:12: invalid UTF-8 (save the file as UTF-8)");
    put(dir / "ties.csv", "source,target,relation\n");
    put(dir / "decisions.csv", "meeting,who\nm1,a\n");
    put(dir / "meetings.csv", "id\nm2\n");
    BOOST_TEST(first_csv_problem(dir) == "decisions.csv:2: column \"meeting\": unknown meeting \"m1\"");
    BOOST_CHECK_THROW((void)read_csv(dir / "nowhere"), io_error);
    std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(files_larger_than_a_block_are_read_in_blocks) {
    // The reader takes a file in blocks of whole lines (1 MiB): lines, quoted line breaks, accents
    // and errors beyond the first block are placed as in a file read whole.
    const auto dir = fixtures::temp_dir("csv-blocks");
    std::string actors = "id;kind;label\n";
    for (int i = 0; i < 40000; ++i)
        actors += "a" + std::to_string(i) + ";organisation;\"Organisation \xC3\xA9 " + std::to_string(i) + "\nsur deux lignes\"\n";
    put(dir / "actors.csv", actors);
    std::string ties = "source;target;relation\n";
    for (int i = 0; i < 60000; ++i) ties += "a" + std::to_string(i % 40000) + ";a" + std::to_string((i + 1) % 40000) + ";coordination\n";
    put(dir / "ties.csv", ties);
    const network net = read_csv(dir);
    BOOST_TEST(net.actor_count() == 40000u);
    BOOST_TEST(net.tie_count() == 60000u);
    BOOST_TEST(net.actors().label[39999] == "Organisation \xC3\xA9 39999\nsur deux lignes");
    BOOST_TEST(net.actors().id[net.ties().target[59999]] == "a20000");
    put(dir / "ties.csv", ties + "a1;zz;coordination\n");
    BOOST_TEST(first_csv_problem(dir) == "ties.csv:60002: column \"target\": unknown actor \"zz\"");
    put(dir / "ties.csv", ties + "a1;a2;coordin\xE9tion\n");
    BOOST_TEST(first_csv_problem(dir) == "ties.csv:60002:14: invalid UTF-8 (save the file as UTF-8)");
    put(dir / "actors.csv", actors + "b;organisation;\"not closed\n");
    put(dir / "ties.csv", "source;target;relation\n");
    BOOST_TEST(first_csv_problem(dir) == "actors.csv:80002: a quoted field is not closed (the file may be truncated)");
    // A header line longer than a block is still one header.
    std::string wide = "id,kind";
    for (int i = 0; i < 150000; ++i) wide += ",x" + std::to_string(i);
    put(dir / "actors.csv", wide + "\na,organisation\n");
    BOOST_TEST(read_csv(dir).actor_count() == 1u);
    std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(format_from_path) {
    BOOST_TEST((format_of("a.maillage.json") == map_format::json));
    BOOST_TEST((format_of("folder/actors.csv") == map_format::csv));
    BOOST_TEST((format_of("x.graphml", "json") == map_format::json));
    BOOST_CHECK_THROW((void)format_of("x.graphml", "yaml"), invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
