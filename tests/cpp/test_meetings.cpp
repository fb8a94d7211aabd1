// Network meetings (issue 9): the decisions table and its follow-ups, the queries, and each audit
// rule with a case that fires and a near miss that does not.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>

#include "fixtures.hpp"

using namespace maillage;

namespace {

/// A user, a family member, two organisations, one professional of each.
const std::string actors = R"([
  {"id": "usr", "kind": "person", "role": "user", "label": "Y. B."},
  {"id": "mere", "kind": "person", "role": "family"},
  {"id": "orgA", "kind": "organisation", "label": "Service social"},
  {"id": "orgB", "kind": "organisation", "label": "Foyer"},
  {"id": "proA", "kind": "professional", "organisation": "orgA"},
  {"id": "proB", "kind": "professional", "organisation": "orgB"}
])";

network with_meetings(const std::string& meetings) {
    return read_json_string(fixtures::map_of(actors, "[]", R"(, "meetings": )" + meetings), "meetings.maillage.json");
}

/// A well-run meeting: the user takes part, orgA facilitates, orgB writes and sends the minutes,
/// one decision with owner and deadline. Each test changes one thing.
std::string good_meeting(const std::string& id = "m1", const std::string& date = "2026-03-10",
                         const std::string& changes = "") {
    return R"({"id": ")" + id + R"(", "date": ")" + date + R"(", "about": "usr", "facilitator": "orgA",
               "minute_taker": "orgB", "participants": ["usr", "proA", "proB"],
               "minutes_sent_to": ["usr", "proA", "proB"],
               "decisions": [{"id": "d-)" + id + R"(", "who": "proA", "what": "demande d'aide", "due": "2026-04-30"}])" +
           changes + "}";
}

std::vector<finding> with_code(const meetings_audit& audit, std::string_view code) {
    std::vector<finding> out;
    for (const auto& f : audit.findings)
        if (f.code == code) out.push_back(f);
    return out;
}

std::string text(const finding& f, std::string_view key) {
    const auto* v = f.find(key);
    BOOST_REQUIRE(v != nullptr);
    return std::get<std::string>(*v);
}

double number(const finding& f, std::string_view key) {
    const auto* v = f.find(key);
    BOOST_REQUIRE(v != nullptr);
    return std::get<double>(*v);
}

std::vector<std::string> keys(const finding& f) {
    std::vector<std::string> out;
    for (const auto& [k, v] : f.evidence) out.push_back(k);
    return out;
}

/// The JSON object text of a meeting with `field` replaced.
std::string meeting_with(const std::string& field_json, const std::string& id = "m1",
                         const std::string& date = "2026-03-10") {
    return R"({"id": ")" + id + R"(", "date": ")" + date + R"(", "about": "usr", "facilitator": "orgA",
               "minute_taker": "orgB", "participants": ["usr", "proA", "proB"],
               "minutes_sent_to": ["usr", "proA", "proB"], )" +
           field_json + "}";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(meetings)

BOOST_AUTO_TEST_CASE(a_well_run_meeting_has_no_finding) {
    const auto audit = audit_meetings(with_meetings("[" + good_meeting() + "]"), {.as_of = "2026-04-01"});
    BOOST_TEST(audit.findings.empty());
    BOOST_TEST(audit.figures.meetings == 1u);
    BOOST_TEST(audit.figures.user_participation == 1.0);
}

BOOST_AUTO_TEST_CASE(same_facilitator_and_minute_taker) {
    // Fires: the facilitator is a professional of orgA, orgA writes the minutes.
    auto net = with_meetings(
        "[" + meeting_with(R"("facilitator": "proA", "minute_taker": "orgA", "decisions": [])") + "]");
    auto found = with_code(audit_meetings(net), "same_facilitator_and_minute_taker");
    BOOST_REQUIRE(found.size() == 1u);
    BOOST_TEST(found[0].subjects == std::vector<std::string>{"m1"});
    BOOST_TEST(text(found[0], "organisation") == "orgA");
    BOOST_TEST(text(found[0], "date") == "2026-03-10");
    BOOST_TEST((keys(found[0]) == std::vector<std::string>{"organisation", "date"}));
    BOOST_TEST((found[0].severity == severity::info));
    // Near miss: a professional of orgA facilitates, orgB writes.
    net = with_meetings("[" + meeting_with(R"("facilitator": "proA", "minute_taker": "proB", "decisions": [])") + "]");
    BOOST_TEST(with_code(audit_meetings(net), "same_facilitator_and_minute_taker").empty());
}

BOOST_AUTO_TEST_CASE(user_absent) {
    auto net = with_meetings("[" + meeting_with(R"("participants": ["proA", "proB", "mere"])") + "]");
    auto found = with_code(audit_meetings(net), "user_absent");
    BOOST_REQUIRE(found.size() == 1u);
    BOOST_TEST(text(found[0], "user") == "usr");
    BOOST_TEST((keys(found[0]) == std::vector<std::string>{"user", "date"}));
    BOOST_TEST((found[0].severity == severity::warning));
    // Near miss: the user is there (the family alone would not do).
    net = with_meetings("[" + meeting_with(R"("participants": ["proA", "usr"])") + "]");
    BOOST_TEST(with_code(audit_meetings(net), "user_absent").empty());
    // A meeting about nobody in particular cannot miss its user.
    net = with_meetings(R"([{"id": "m1", "date": "2026-03-10", "participants": ["proA"]}])");
    const auto audit = audit_meetings(net);
    BOOST_TEST(with_code(audit, "user_absent").empty());
    BOOST_TEST(std::isnan(audit.figures.user_participation));
}

BOOST_AUTO_TEST_CASE(decision_without_owner) {
    auto net = with_meetings("[" + meeting_with(R"("decisions": [{"what": "plan de paiement", "due": "2026-06-30"}])") + "]");
    auto found = with_code(audit_meetings(net), "decision_without_owner");
    BOOST_REQUIRE(found.size() == 1u);
    BOOST_TEST(text(found[0], "decision") == "plan de paiement");
    BOOST_TEST((keys(found[0]) == std::vector<std::string>{"decision", "date"}));
    BOOST_TEST(found[0].subjects == std::vector<std::string>{"m1"});
    // Near misses: an owner is named; a decision recorded as done needs none.
    net = with_meetings("[" + meeting_with(R"("decisions": [{"who": "orgB", "what": "plan", "due": "2026-06-30"},
                                                             {"what": "fait", "status": "done"}])") + "]");
    BOOST_TEST(with_code(audit_meetings(net), "decision_without_owner").empty());
}

BOOST_AUTO_TEST_CASE(decision_without_deadline) {
    auto net = with_meetings("[" + meeting_with(R"("decisions": [{"who": "proB", "what": "stage d'essai"}])") + "]");
    auto found = with_code(audit_meetings(net), "decision_without_deadline");
    BOOST_REQUIRE(found.size() == 1u);
    BOOST_TEST(text(found[0], "decision") == "stage d'essai");
    BOOST_TEST(text(found[0], "who") == "proB");
    BOOST_TEST((keys(found[0]) == std::vector<std::string>{"decision", "who", "date"}));
    // Near misses: a deadline is fixed; a cancelled decision needs none.
    net = with_meetings("[" + meeting_with(R"("decisions": [{"who": "proB", "what": "stage", "due": "2026-03-31"},
                                                             {"who": "proB", "what": "autre", "status": "cancelled"}])") + "]");
    BOOST_TEST(with_code(audit_meetings(net), "decision_without_deadline").empty());
}

BOOST_AUTO_TEST_CASE(overdue_decision) {
    const auto net = with_meetings("[" + good_meeting() + "]");  // d-m1 due 2026-04-30, open
    auto found = with_code(audit_meetings(net, {.as_of = "2026-05-02"}), "overdue_decision");
    BOOST_REQUIRE(found.size() == 1u);
    BOOST_TEST((keys(found[0]) == std::vector<std::string>{"decision", "who", "due", "as_of", "days_late", "date"}));
    BOOST_TEST(text(found[0], "who") == "proA");
    BOOST_TEST(text(found[0], "due") == "2026-04-30");
    BOOST_TEST(text(found[0], "as_of") == "2026-05-02");
    BOOST_TEST(number(found[0], "days_late") == 2.0);
    BOOST_TEST(text(found[0], "date") == "2026-03-10");
    BOOST_TEST((found[0].severity == severity::warning));
    // Near misses: due on the day itself is not late; no date, no time rule.
    BOOST_TEST(with_code(audit_meetings(net, {.as_of = "2026-04-30"}), "overdue_decision").empty());
    BOOST_TEST(with_code(audit_meetings(net), "overdue_decision").empty());
}

BOOST_AUTO_TEST_CASE(overdue_decision_follows_the_latest_record) {
    // d-m1 is recorded done in m2: no longer overdue once m2 has taken place.
    const auto series = with_meetings(
        "[" + good_meeting() + "," +
        meeting_with(R"("decisions": [{"id": "d-m1", "who": "proA", "what": "demande d'aide", "due": "2026-04-30",
                                       "status": "done"}])", "m2", "2026-05-20") +
        "]");
    BOOST_TEST(series.meetings()[1].id == "m2");
    BOOST_TEST(series.meetings()[1].date == "2026-05-20");
    // Between the due date and m2, the decision was overdue; after m2 it is done.
    auto before = with_code(audit_meetings(series, {.as_of = "2026-05-10"}), "overdue_decision");
    BOOST_REQUIRE(before.size() == 1u);
    BOOST_TEST(before[0].subjects == std::vector<std::string>{"m1"});
    BOOST_TEST(number(before[0], "days_late") == 10.0);
    BOOST_TEST(with_code(audit_meetings(series, {.as_of = "2026-06-01"}), "overdue_decision").empty());
    const auto audit = audit_meetings(series, {.as_of = "2026-06-01"});
    BOOST_TEST(audit.figures.decisions == 1u);         // one chain
    BOOST_TEST(audit.figures.decision_records == 2u);
    BOOST_TEST(audit.figures.deadline_reached == 1u);
    BOOST_TEST(audit.figures.done_on_time == 0u);      // recorded done on 2026-05-20, due 2026-04-30
}

BOOST_AUTO_TEST_CASE(minutes_not_sent) {
    // proA's organisation received them; proB belongs to the organisation that wrote them.
    auto net = with_meetings("[" + meeting_with(R"("minutes_sent_to": ["usr", "orgA"])") + "]");
    BOOST_TEST(with_code(audit_meetings(net), "minutes_not_sent").empty());
    // Fires: neither the user's mother nor proA (nor orgA) received them.
    net = with_meetings("[" + meeting_with(R"("participants": ["usr", "mere", "proA", "proB"], "minutes_sent_to": ["usr"])") + "]");
    auto found = with_code(audit_meetings(net), "minutes_not_sent");
    BOOST_REQUIRE(found.size() == 1u);
    BOOST_TEST((std::get<std::vector<std::string>>(*found[0].find("missing")) == std::vector<std::string>{"mere", "proA"}));
    BOOST_TEST((keys(found[0]) == std::vector<std::string>{"missing", "date"}));
}

BOOST_AUTO_TEST_CASE(meeting_overload) {
    // Three meetings within 60 days; m1 takes one decision, m2 and m3 as given.
    const std::string none = R"("decisions": [])";
    const std::string one = R"("decisions": [{"who": "proB", "what": "stage", "due": "2026-05-31"}])";
    auto three = [&](const std::string& second, const std::string& third) {
        return with_meetings("[" + good_meeting("m1", "2026-03-01") + "," + meeting_with(second, "m2", "2026-03-31") +
                             "," + meeting_with(third, "m3", "2026-04-30") + "]");
    };
    // Fires: 3 meetings for 1 new decision.
    auto audit = audit_meetings(three(none, none));
    auto found = with_code(audit, "meeting_overload");
    BOOST_REQUIRE(found.size() == 1u);  // the windows ending at m2 and m3 both fire; m3's holds m2's
    BOOST_TEST((found[0].subjects == std::vector<std::string>{"m1", "m2", "m3"}));
    BOOST_TEST((keys(found[0]) == std::vector<std::string>{"meetings", "decisions", "window_days", "ratio", "threshold"}));
    BOOST_TEST(number(found[0], "meetings") == 3.0);
    BOOST_TEST(number(found[0], "decisions") == 1.0);
    BOOST_TEST(number(found[0], "window_days") == 90.0);
    BOOST_TEST(number(found[0], "ratio") == 3.0);
    BOOST_TEST(number(found[0], "threshold") == 2.0);
    BOOST_TEST((found[0].severity == severity::warning));
    BOOST_TEST(audit.figures.windows.size() == 3u);
    BOOST_TEST(audit.figures.windows[2].from == "2026-01-30");
    BOOST_TEST(audit.figures.windows[1].overloaded);  // m1, m2: 2 meetings for 1 decision
    BOOST_TEST(audit.figures.max_overload_ratio == 3.0);
    // Near miss: a new decision in m2 makes 1.5 meetings per decision (and 1 in m2's window).
    audit = audit_meetings(three(one, none));
    BOOST_TEST(with_code(audit, "meeting_overload").empty());
    BOOST_TEST(audit.figures.max_overload_ratio == 1.5);
    // Fires again: a decision carried over from m1 is not a new decision...
    const std::string carried = R"("decisions": [{"id": "d-m1", "who": "proA", "what": "demande d'aide"}])";
    BOOST_TEST(with_code(audit_meetings(three(carried, none)), "meeting_overload").size() == 1u);
    // ... and meetings more than a window apart are never two in one window.
    BOOST_TEST(with_code(audit_meetings(three(none, none), {.overload_window_days = 29}), "meeting_overload").empty());
    // A stricter threshold makes the decided series fire.
    BOOST_TEST(with_code(audit_meetings(three(one, none), {.overload_threshold = 1.5}), "meeting_overload").size() == 1u);
}

BOOST_AUTO_TEST_CASE(the_example_series) {
    const network net = read_json(fixtures::example("suivi_entretiens"));
    const auto audit = audit_meetings(net, {.as_of = "2026-10-01"});
    std::vector<std::string> codes;
    for (const auto& f : audit.findings) codes.push_back(f.code + "@" + f.subjects.front());
    const std::vector<std::string> expected{"same_facilitator_and_minute_taker@er2", "user_absent@er2",
                                            "decision_without_owner@er2", "decision_without_deadline@er2",
                                            "minutes_not_sent@er2"};
    BOOST_TEST(codes == expected, boost::test_tools::per_element());
    const auto not_sent = with_code(audit, "minutes_not_sent");  // kept: find() points into it
    const auto missing = not_sent[0].find("missing");
    BOOST_TEST((std::get<std::vector<std::string>>(*missing) == std::vector<std::string>{"cons_add", "maitre"}));
    const auto& fig = audit.figures;
    BOOST_TEST(fig.meetings == 3u);
    BOOST_TEST(fig.decision_records == 10u);
    BOOST_TEST(fig.decisions == 6u);
    BOOST_TEST(fig.decisions_per_meeting == 2.0);
    BOOST_TEST(fig.deadline_reached == 3u);  // d2, d3, d4 done; d1, d5, d6 not yet due
    BOOST_TEST(fig.done_on_time == 3u);
    BOOST_TEST(fig.open_decisions == 3u);
    BOOST_TEST(fig.meetings_with_user == 2u);
    BOOST_TEST(std::abs(fig.user_participation - 2.0 / 3.0) < 1e-12);
    BOOST_REQUIRE(fig.facilitators.size() == 2u);
    BOOST_TEST(fig.facilitators[0].first == "ssr");
    BOOST_TEST(fig.facilitators[0].second == 2u);
    BOOST_TEST(fig.minute_takers.size() == 3u);
    BOOST_TEST(fig.per_meeting[1].new_decisions == 2u);  // d4, d5 (d1 is followed up)
    BOOST_TEST((fig.per_meeting[1].user_present == false));
    // Later, d1 (due 2026-10-15) is overdue in its latest record, er3.
    const auto late = with_code(audit_meetings(net, {.as_of = "2026-10-20"}), "overdue_decision");
    BOOST_REQUIRE(late.size() == 1u);
    BOOST_TEST(late[0].subjects == std::vector<std::string>{"er3"});
    BOOST_TEST(number(late[0], "days_late") == 5.0);
}

BOOST_AUTO_TEST_CASE(decisions_table_follows_decisions_across_meetings) {
    const network net = read_json(fixtures::example("suivi_entretiens"));
    const auto rows = decisions_table(net, "2026-05-15");
    BOOST_REQUIRE(rows.size() == 10u);
    // d1: er1 -> er2 -> er3.
    BOOST_TEST(rows[0].id == "d1");
    BOOST_TEST(rows[0].follow_up_of.empty());
    BOOST_TEST(rows[0].followed_up_in == "er2");
    BOOST_TEST(rows[3].id == "d1");
    BOOST_TEST(rows[3].follow_up_of == "er1");
    BOOST_TEST(rows[3].followed_up_in == "er3");
    BOOST_TEST(!rows[3].is_new);
    // As of 2026-05-15 only er1 has taken place: its d1 (due 04-30, in progress) is overdue.
    BOOST_TEST(rows[0].current);
    BOOST_TEST(rows[0].overdue);
    BOOST_TEST(rows[0].days_late == 15);
    BOOST_TEST(!rows[3].current);
    BOOST_TEST(std::none_of(rows.begin() + 3, rows.end(), [](const auto& r) { return r.current; }));
    // As of the end of the year, the latest records count.
    const auto later = decisions_table(net, "2026-12-31");
    BOOST_TEST(!later[0].current);
    BOOST_TEST(later[6].current);  // er3's d1
    BOOST_TEST(later[6].overdue);
    std::size_t overdue = 0;
    for (const auto& r : later) overdue += r.overdue ? 1 : 0;
    BOOST_TEST(overdue == 3u);  // d1 (due 10-15), d5 (due 10-31), d6 (due 12-15)
}

BOOST_AUTO_TEST_CASE(queries) {
    const network net = read_json(fixtures::example("suivi_entretiens"));
    const auto educ = decisions_by_owner(net, "educ", "2026-10-01");
    BOOST_REQUIRE(educ.size() == 1u);
    BOOST_TEST(educ[0].meeting_id == "er3");
    BOOST_CHECK_THROW((void)decisions_by_owner(net, "nobody"), unknown_id);
    BOOST_TEST(decisions_by_status(net, decision_status::done).size() == 3u);
    BOOST_TEST(open_decisions(net).size() == 3u);
    BOOST_TEST(overdue_decisions(net, "2026-11-01").size() == 2u);
    BOOST_CHECK_THROW((void)overdue_decisions(net, ""), invalid_argument);
    const auto history = decision_history(net, "d4");
    BOOST_REQUIRE(history.size() == 2u);
    BOOST_TEST(history[0].who.empty());
    BOOST_TEST(history[1].who == "as_ssr");
    BOOST_CHECK_THROW((void)decision_history(net, "d99"), unknown_id);
    const auto loads = actor_loads(net, "2026-10-01");
    const auto& educ_load = loads[net.actor_index("educ")];
    BOOST_TEST(educ_load.open_decisions == 1u);
    BOOST_TEST(educ_load.meetings_attended == 3u);
    BOOST_TEST(loads[net.actor_index("ssr")].meetings_facilitated == 2u);
    BOOST_TEST(loads[net.actor_index("as_ssr")].done_decisions == 2u);  // d3, d4
}

BOOST_AUTO_TEST_CASE(malformed_dates_and_options) {
    const network net = read_json(fixtures::example("suivi_entretiens"));
    for (const char* bad : {"2026-02-29", "2026-13-01", "01.10.2026", "2026-1-01", ""}) {
        if (std::string_view(bad).empty()) continue;
        try {
            (void)audit_meetings(net, {.as_of = bad});
            BOOST_FAIL("no error for " << bad);
        } catch (const invalid_argument& e) {
            BOOST_TEST(std::string(e.what()).find("as_of: malformed date \"" + std::string(bad) + "\"") !=
                       std::string::npos);
        }
    }
    BOOST_CHECK_THROW((void)audit_meetings(net, {.overload_window_days = 0}), invalid_argument);
    BOOST_CHECK_THROW((void)audit_meetings(net, {.overload_threshold = 0}), invalid_argument);
    // A record built by hand (not through a reader) with a bad date is named by meeting and field.
    try {
        (void)detail::parse_iso_day("2026-04-31", "audit_meetings: meetings[er2].decisions[1].due");
        BOOST_FAIL("no error");
    } catch (const invalid_argument& e) {
        BOOST_TEST(std::string(e.what()) ==
                   "audit_meetings: meetings[er2].decisions[1].due: malformed date \"2026-04-31\"; expected YYYY-MM-DD");
    }
}

BOOST_AUTO_TEST_SUITE_END()
