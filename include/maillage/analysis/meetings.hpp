#pragma once
/// Network meetings (entretiens en réseau): who does what by when, and the audit of each meeting
/// and of the series (DESIGN sections 2 and 4, issue 9).
///
/// How a network meeting runs (the founding recommendations): one organisation facilitates,
/// *another* writes the minutes and sends them to every participant; the user takes part;
/// responsibilities are fixed as who does what by when. Known failure: meeting overload
/// (réunionnite) — meetings multiply, decisions do not.
///
/// Definitions used throughout:
///
/// - **Series order.** Meetings are taken in date order, map order for equal dates; undated
///   meetings come after the dated ones, in map order.
/// - **Follow-up.** A decision whose `id` appears again in a later meeting is followed up there:
///   the later record (its who, what, due and status) replaces the earlier one. A decision without
///   `id` is its own chain. The *current* record of a chain as of a date D is its last record in a
///   meeting dated on or before D (every record when no date is given); only the current record
///   counts as open, done or overdue, so a decision carried over three times is one decision.
/// - **Open** = status `open` or `in_progress`. **Overdue as of D** = current record open, with a
///   due date before D; `days_late` = D − due in days.
/// - **Organisation of an actor** (facilitator, minute taker, participants): a professional
///   stands for its organisation (DESIGN section 3: facilitator and minute taker are
///   organisations, maps often name the professional who did it); any other actor for itself.
///
/// The rules, their severities and thresholds (meeting_options holds the thresholds):
///
/// | code | fires when | severity |
/// |---|---|---|
/// | same_facilitator_and_minute_taker | facilitator and minute taker are the same organisation | info |
/// | user_absent | the meeting's `about` user is not among its participants | warning |
/// | decision_without_owner | a decision (not done, not cancelled) has no `who` | warning |
/// | decision_without_deadline | a decision (not done, not cancelled) has no `due` | info |
/// | overdue_decision | the current record of a decision is overdue as of `as_of` (needs as_of) | warning |
/// | minutes_not_sent | a participant did not receive the minutes (neither they nor their organisation is in `minutes_sent_to`; the minute taker's own organisation is exempt) | warning |
/// | meeting_overload | a window of `overload_window_days` days ending at a meeting holds at least 2 meetings and meetings / max(new decisions, 1) >= `overload_threshold` | warning |
///
/// Owner and deadline rules audit each meeting's minutes as written (a decision taken without
/// owner is a gap of that meeting, even when a later meeting names one); decisions recorded as
/// done or cancelled need neither. The overdue rule looks at current records only.
///
/// Meeting overload counts **new** decisions, the first record of each chain: a decision carried
/// over unchanged to the next meeting is not a new decision. Default window: 90 days, a quarter,
/// the rhythm at which case networks usually review a situation (a meeting every 6 to 12 weeks,
/// so one or two meetings per window). Default threshold 2.0 meetings per new decision: a review
/// meeting that only follows decisions up is normal, but when on average every other meeting or
/// more ends without a new "who does what by when", meetings have become the activity. When
/// several overlapping windows fire, only the largest ones are reported (a window whose meetings
/// are all in another firing window is left out).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "maillage/analysis/finding.hpp"
#include "maillage/detail/dates.hpp"
#include "maillage/error.hpp"
#include "maillage/model/network.hpp"

namespace maillage {

struct meeting_options {
    /// ISO date (YYYY-MM-DD) the time rules are judged at; empty: no overdue_decision findings,
    /// and every record counts (the Python layer defaults it to today).
    std::string as_of;
    /// Length of the meeting-overload window, in days (>= 1).
    int overload_window_days = 90;
    /// Meetings per new decision from which a window is overloaded (> 0).
    double overload_threshold = 2.0;
};

/// One decision as recorded in one meeting, with its place in its chain of follow-ups.
struct decision_row {
    std::size_t meeting = 0;          ///< index in network::meetings()
    std::size_t position = 0;         ///< index in that meeting's decisions
    std::string meeting_id, date;     ///< the meeting's id and date
    std::string id, who, what, due;   ///< the decision's fields (id may be empty)
    decision_status status = decision_status::open;
    std::string follow_up_of;         ///< id of the meeting that recorded it before, or empty
    std::string followed_up_in;       ///< id of the next meeting that records it, or empty
    bool is_new = true;               ///< first record of its chain
    bool current = false;             ///< the chain's current record as of the date asked
    bool open = false;                ///< current and open / in progress
    bool overdue = false;             ///< current, open and due before the date asked
    int days_late = 0;                ///< when overdue
};

/// What one actor carries: decisions it owns (current records) and meetings it took part in.
struct actor_load {
    std::string actor;
    std::size_t open_decisions = 0, overdue_decisions = 0, done_decisions = 0;
    std::size_t meetings_attended = 0, meetings_facilitated = 0, minutes_written = 0;
};

/// One meeting's figures.
struct meeting_figures {
    std::string meeting, date;
    std::size_t participants = 0;
    std::size_t decisions = 0;        ///< decisions recorded (new and followed up)
    std::size_t new_decisions = 0;    ///< first records of their chain
    std::optional<bool> user_present; ///< nothing when the meeting has no `about`
    std::string facilitator_organisation, minute_taker_organisation;
};

/// One sliding window of the meeting-overload indicator: the `window_days` days ending at the
/// date of `last_meeting`.
struct overload_window {
    std::string last_meeting, from, to;  ///< `from` excluded, `to` included
    std::vector<std::string> meetings;
    std::size_t new_decisions = 0;
    double ratio = 0;                    ///< meetings / max(new_decisions, 1)
    bool overloaded = false;
};

/// The figures of a series of meetings.
struct meetings_figures {
    std::size_t meetings = 0;
    std::size_t decision_records = 0;       ///< every record in every meeting
    std::size_t decisions = 0;              ///< chains (distinct decisions)
    double decisions_per_meeting = std::numeric_limits<double>::quiet_NaN();      ///< new decisions / meetings
    /// Decisions done on time: current record done, first recorded done at a meeting dated on or
    /// before its due date. Minutes record work at the next meeting, so this is a lower bound.
    std::size_t done_on_time = 0;
    /// Decisions whose deadline has come: with a due date, not cancelled, and done or due before
    /// as_of (done only, without as_of).
    std::size_t deadline_reached = 0;
    double done_on_time_share = std::numeric_limits<double>::quiet_NaN();         ///< done_on_time / deadline_reached
    std::size_t open_decisions = 0, overdue_decisions = 0;
    std::size_t meetings_with_user = 0, meetings_about_user = 0;
    double user_participation = std::numeric_limits<double>::quiet_NaN();         ///< meetings_with_user / meetings_about_user
    /// Organisations by number of meetings facilitated / minutes written, most first (ties by id).
    std::vector<std::pair<std::string, std::size_t>> facilitators, minute_takers;
    std::vector<meeting_figures> per_meeting;  ///< in series order
    std::vector<overload_window> windows;      ///< one per dated meeting, in series order
    double max_overload_ratio = 0;
};

struct meetings_audit {
    std::vector<finding> findings;
    meetings_figures figures;
};

namespace detail {

/// Days since 1970-01-01 of an ISO date; `what` names the place in error messages.
/// @throws invalid_argument when `text` is not a valid YYYY-MM-DD date.
inline std::chrono::sys_days parse_iso_day(std::string_view text, const std::string& what) {
    // Full dates only: a meeting or a deadline is a day, not a month.
    const auto days = text.size() == 10 ? parse_iso_date(text) : std::nullopt;
    if (!days) throw invalid_argument(what + ": malformed date \"" + std::string(text) + "\"; expected YYYY-MM-DD");
    return std::chrono::sys_days{std::chrono::days{*days}};
}

inline std::string meeting_place(const meeting& m, std::size_t index) {
    return "meetings[" + (m.id.empty() ? std::to_string(index) : m.id) + "]";
}

/// The organisation an actor stands for in a meeting role: a professional's organisation, else itself.
inline std::string organisation_of(const network& net, const std::string& id) {
    if (id.empty()) return id;
    const auto index = net.find_actor(id);
    if (!index) return id;
    const auto& a = net.actors();
    if (a.kind[*index] == actor_kind::professional && a.organisation[*index] != no_index)
        return a.id[a.organisation[*index]];
    return id;
}

/// Meeting indices in series order, with their parsed dates (nothing when undated).
struct series {
    std::vector<std::size_t> order;
    std::vector<std::optional<std::chrono::sys_days>> day;  ///< by meeting index
};

inline series series_of(const network& net, std::string_view function) {
    const auto& ms = net.meetings();
    series s;
    s.day.resize(ms.size());
    for (std::size_t i = 0; i < ms.size(); ++i) {
        s.order.push_back(i);
        if (!ms[i].date.empty())
            s.day[i] = parse_iso_day(ms[i].date, std::string(function) + ": " + meeting_place(ms[i], i) + ".date");
        for (std::size_t k = 0; k < ms[i].decisions.size(); ++k)
            if (!ms[i].decisions[k].due.empty())
                (void)parse_iso_day(ms[i].decisions[k].due, std::string(function) + ": " + meeting_place(ms[i], i) +
                                                                ".decisions[" + std::to_string(k) + "].due");
    }
    std::stable_sort(s.order.begin(), s.order.end(), [&](std::size_t a, std::size_t b) {
        if (s.day[a] && s.day[b]) return *s.day[a] < *s.day[b];
        return s.day[a].has_value() && !s.day[b].has_value();
    });
    return s;
}

inline std::optional<std::chrono::sys_days> parse_as_of(std::string_view as_of, std::string_view function) {
    if (as_of.empty()) return std::nullopt;
    return parse_iso_day(as_of, std::string(function) + ": as_of");
}

inline bool is_open(decision_status s) { return s == decision_status::open || s == decision_status::in_progress; }

}  // namespace detail

/// Every decision record of the series, in series order (then decision order within a meeting),
/// with its chain (follow_up_of, followed_up_in, is_new) and, as of `as_of` (ISO date; empty:
/// the latest records count), whether it is the current record, open, overdue and how many days
/// late. O(R log M) for R records and M meetings.
/// @throws invalid_argument when `as_of`, a meeting date or a due date is malformed (the message
/// names the meeting and the field).
[[nodiscard]] inline std::vector<decision_row> decisions_table(const network& net, std::string_view as_of = {}) {
    using namespace std::chrono;
    const auto& ms = net.meetings();
    const auto when = detail::parse_as_of(as_of, "decisions_table");
    const auto s = detail::series_of(net, "decisions_table");
    std::vector<decision_row> rows;
    std::unordered_map<std::string, std::size_t> last_of_chain;  // decision id -> row
    std::unordered_map<std::string, std::size_t> current_of_chain;
    std::vector<std::size_t> unnamed_current;
    for (std::size_t mi : s.order) {
        const meeting& m = ms[mi];
        const bool counts = !when || (s.day[mi] && *s.day[mi] <= *when);
        for (std::size_t k = 0; k < m.decisions.size(); ++k) {
            const decision& d = m.decisions[k];
            decision_row r;
            r.meeting = mi;
            r.position = k;
            r.meeting_id = m.id;
            r.date = m.date;
            r.id = d.id;
            r.who = d.who;
            r.what = d.what;
            r.due = d.due;
            r.status = d.status;
            const std::size_t here = rows.size();
            if (!d.id.empty()) {
                if (auto it = last_of_chain.find(d.id); it != last_of_chain.end()) {
                    r.is_new = false;
                    r.follow_up_of = rows[it->second].meeting_id;
                    rows[it->second].followed_up_in = m.id;
                    it->second = here;
                } else {
                    last_of_chain.emplace(d.id, here);
                }
                if (counts) current_of_chain[d.id] = here;
            } else if (counts) {
                unnamed_current.push_back(here);
            }
            rows.push_back(std::move(r));
        }
    }
    auto mark = [&](std::size_t i) {
        decision_row& r = rows[i];
        r.current = true;
        r.open = detail::is_open(r.status);
        if (r.open && when && !r.due.empty()) {
            const auto due = detail::parse_iso_day(r.due, "decisions_table");
            if (due < *when) {
                r.overdue = true;
                r.days_late = static_cast<int>((*when - due).count());
            }
        }
    };
    for (const auto& [id, i] : current_of_chain) mark(i);
    for (std::size_t i : unnamed_current) mark(i);
    return rows;
}

/// The records of decision `decision_id` across the series, oldest first.
/// @throws unknown_id when no meeting records a decision with that id.
[[nodiscard]] inline std::vector<decision_row> decision_history(const network& net, std::string_view decision_id,
                                                                std::string_view as_of = {}) {
    std::vector<decision_row> out;
    for (auto& r : decisions_table(net, as_of))
        if (r.id == decision_id) out.push_back(std::move(r));
    if (out.empty()) throw unknown_id("decision_history: unknown decision \"" + std::string(decision_id) + "\"");
    return out;
}

/// Current decision records owned by actor `who` as of `as_of`.
/// @throws unknown_id when `who` is not an actor of the network.
[[nodiscard]] inline std::vector<decision_row> decisions_by_owner(const network& net, std::string_view who,
                                                                  std::string_view as_of = {}) {
    if (!net.find_actor(who)) throw unknown_id("decisions_by_owner: unknown actor \"" + std::string(who) + "\"");
    std::vector<decision_row> out;
    for (auto& r : decisions_table(net, as_of))
        if (r.current && r.who == who) out.push_back(std::move(r));
    return out;
}

/// Current decision records with status `status` as of `as_of`.
[[nodiscard]] inline std::vector<decision_row> decisions_by_status(const network& net, decision_status status,
                                                                   std::string_view as_of = {}) {
    std::vector<decision_row> out;
    for (auto& r : decisions_table(net, as_of))
        if (r.current && r.status == status) out.push_back(std::move(r));
    return out;
}

/// Current open (or in progress) decision records as of `as_of`.
[[nodiscard]] inline std::vector<decision_row> open_decisions(const network& net, std::string_view as_of = {}) {
    std::vector<decision_row> out;
    for (auto& r : decisions_table(net, as_of))
        if (r.open) out.push_back(std::move(r));
    return out;
}

/// Current open decision records past their due date as of `as_of`.
/// @throws invalid_argument when `as_of` is empty or malformed.
[[nodiscard]] inline std::vector<decision_row> overdue_decisions(const network& net, std::string_view as_of) {
    if (as_of.empty()) throw invalid_argument("overdue_decisions: as_of is required");
    std::vector<decision_row> out;
    for (auto& r : decisions_table(net, as_of))
        if (r.overdue) out.push_back(std::move(r));
    return out;
}

/// Each actor's load as of `as_of`, in actor order: current decisions it owns (open, overdue,
/// done), meetings it took part in, facilitated and wrote the minutes of (named directly, not
/// through its organisation).
[[nodiscard]] inline std::vector<actor_load> actor_loads(const network& net, std::string_view as_of = {}) {
    const auto& ids = net.actors().id;
    std::vector<actor_load> load(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) load[i].actor = ids[i];
    auto at = [&](const std::string& id) -> actor_load* {
        const auto i = net.find_actor(id);
        return i ? &load[*i] : nullptr;
    };
    for (const auto& r : decisions_table(net, as_of)) {
        if (!r.current) continue;
        if (actor_load* l = at(r.who)) {
            l->open_decisions += r.open ? 1 : 0;
            l->overdue_decisions += r.overdue ? 1 : 0;
            l->done_decisions += r.status == decision_status::done ? 1 : 0;
        }
    }
    for (const meeting& m : net.meetings()) {
        for (const auto& p : m.participants)
            if (actor_load* l = at(p)) ++l->meetings_attended;
        if (actor_load* l = at(m.facilitator)) ++l->meetings_facilitated;
        if (actor_load* l = at(m.minute_taker)) ++l->minutes_written;
    }
    return load;
}

/// The audit of each meeting and of the series: findings for the seven meeting codes (see the
/// table at the top of this header) and the figures. Findings come meeting by meeting in series
/// order (per meeting: same_facilitator_and_minute_taker, user_absent, decision_without_owner,
/// decision_without_deadline, minutes_not_sent, then overdue_decision for decisions whose current
/// record is in that meeting), then meeting_overload. O(R log M + M^2) for R decision records
/// and M meetings.
/// @throws invalid_argument for a malformed `as_of` or date in a meeting, or bad thresholds.
[[nodiscard]] inline meetings_audit audit_meetings(const network& net, const meeting_options& options = {}) {
    using namespace std::chrono;
    if (options.overload_window_days < 1)
        throw invalid_argument("audit_meetings: overload_window_days must be >= 1, got " +
                               std::to_string(options.overload_window_days));
    if (!(options.overload_threshold > 0) || !std::isfinite(options.overload_threshold))
        throw invalid_argument("audit_meetings: overload_threshold must be > 0, got " +
                               std::to_string(options.overload_threshold));
    const auto& ms = net.meetings();
    const auto when = detail::parse_as_of(options.as_of, "audit_meetings");
    const auto s = detail::series_of(net, "audit_meetings");
    const auto rows = decisions_table(net, options.as_of);

    meetings_audit out;
    meetings_figures& fig = out.figures;
    fig.meetings = ms.size();
    fig.decision_records = rows.size();

    std::vector<std::vector<std::size_t>> rows_of(ms.size());
    for (std::size_t i = 0; i < rows.size(); ++i) rows_of[rows[i].meeting].push_back(i);

    // First meeting recording each chain as done (for "done on time").
    std::unordered_map<std::string, std::string> first_done_date;
    for (const auto& r : rows)
        if (!r.id.empty() && r.status == decision_status::done) first_done_date.try_emplace(r.id, r.date);

    std::unordered_map<std::string, std::size_t> facilitated, minuted;
    auto attends = [](const meeting& m, const std::string& id) {
        return std::find(m.participants.begin(), m.participants.end(), id) != m.participants.end();
    };
    for (std::size_t mi : s.order) {
        const meeting& m = ms[mi];
        const std::vector<std::string> subject{m.id};
        const std::string fac = detail::organisation_of(net, m.facilitator);
        const std::string min = detail::organisation_of(net, m.minute_taker);
        meeting_figures mf;
        mf.meeting = m.id;
        mf.date = m.date;
        mf.participants = m.participants.size();
        mf.facilitator_organisation = fac;
        mf.minute_taker_organisation = min;
        if (!fac.empty()) ++facilitated[fac];
        if (!min.empty()) ++minuted[min];

        if (!fac.empty() && fac == min)
            out.findings.push_back(finding{"same_facilitator_and_minute_taker", severity::info, subject, {}}
                                       .with("organisation", fac)
                                       .with("date", m.date));
        if (!m.about.empty()) {
            mf.user_present = attends(m, m.about);
            ++fig.meetings_about_user;
            if (*mf.user_present) {
                ++fig.meetings_with_user;
            } else {
                out.findings.push_back(finding{"user_absent", severity::warning, subject, {}}
                                           .with("user", m.about)
                                           .with("date", m.date));
            }
        }
        for (std::size_t ri : rows_of[mi]) {
            const decision_row& r = rows[ri];
            ++mf.decisions;
            mf.new_decisions += r.is_new ? 1 : 0;
            if (r.status == decision_status::done || r.status == decision_status::cancelled) continue;
            if (r.who.empty())
                out.findings.push_back(finding{"decision_without_owner", severity::warning, subject, {}}
                                           .with("decision", r.what)
                                           .with("date", m.date));
            if (r.due.empty())
                out.findings.push_back(finding{"decision_without_deadline", severity::info, subject, {}}
                                           .with("decision", r.what)
                                           .with("who", r.who)
                                           .with("date", m.date));
        }
        // Minutes: every participant, unless they or their organisation received them, or they
        // belong to the organisation that wrote them.
        std::vector<std::string> missing;
        for (const auto& p : m.participants) {
            const std::string org = detail::organisation_of(net, p);
            auto sent = [&](const std::string& id) {
                return std::find(m.minutes_sent_to.begin(), m.minutes_sent_to.end(), id) != m.minutes_sent_to.end();
            };
            if (sent(p) || sent(org) || (!min.empty() && org == min)) continue;
            if (std::find(missing.begin(), missing.end(), p) == missing.end()) missing.push_back(p);
        }
        if (!missing.empty())
            out.findings.push_back(finding{"minutes_not_sent", severity::warning, subject, {}}
                                       .with("missing", missing)
                                       .with("date", m.date));
        for (std::size_t ri : rows_of[mi]) {
            const decision_row& r = rows[ri];
            if (!r.overdue) continue;
            out.findings.push_back(finding{"overdue_decision", severity::warning, subject, {}}
                                       .with("decision", r.what)
                                       .with("who", r.who)
                                       .with("due", r.due)
                                       .with("as_of", options.as_of)
                                       .with("days_late", static_cast<double>(r.days_late))
                                       .with("date", m.date));
        }
        fig.per_meeting.push_back(std::move(mf));
    }

    // Decisions: chains, open, overdue, done on time.
    for (const auto& r : rows) {
        fig.decisions += r.is_new ? 1 : 0;
        if (!r.current) continue;
        fig.open_decisions += r.open ? 1 : 0;
        fig.overdue_decisions += r.overdue ? 1 : 0;
        if (r.due.empty() || r.status == decision_status::cancelled) continue;
        const bool done = r.status == decision_status::done;
        const bool due_passed = when && detail::parse_iso_day(r.due, "audit_meetings") < *when;
        if (!done && !due_passed) continue;
        ++fig.deadline_reached;
        if (done) {
            const std::string& done_at = r.id.empty() ? r.date : first_done_date.at(r.id);
            if (!done_at.empty() && done_at <= r.due) ++fig.done_on_time;  // ISO dates order as text
        }
    }
    if (fig.meetings > 0) fig.decisions_per_meeting = static_cast<double>(fig.decisions) / fig.meetings;
    if (fig.deadline_reached > 0)
        fig.done_on_time_share = static_cast<double>(fig.done_on_time) / fig.deadline_reached;
    if (fig.meetings_about_user > 0)
        fig.user_participation = static_cast<double>(fig.meetings_with_user) / fig.meetings_about_user;
    auto ranked = [](const std::unordered_map<std::string, std::size_t>& counts) {
        std::vector<std::pair<std::string, std::size_t>> v(counts.begin(), counts.end());
        std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        return v;
    };
    fig.facilitators = ranked(facilitated);
    fig.minute_takers = ranked(minuted);

    // Meeting overload: one window per dated meeting, ending at its date.
    std::vector<std::size_t> dated;
    for (std::size_t mi : s.order)
        if (s.day[mi]) dated.push_back(mi);
    std::vector<std::size_t> new_in(ms.size(), 0);
    for (const auto& r : rows) new_in[r.meeting] += r.is_new ? 1 : 0;
    std::vector<std::vector<std::size_t>> firing;  // positions in `dated`
    for (std::size_t e = 0; e < dated.size(); ++e) {
        const sys_days end = *s.day[dated[e]];
        const sys_days start = end - days{options.overload_window_days};
        overload_window w;
        w.last_meeting = ms[dated[e]].id;
        w.to = ms[dated[e]].date;
        const year_month_day from{start};
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(from.year()),
                      static_cast<unsigned>(from.month()), static_cast<unsigned>(from.day()));
        w.from = buffer;
        std::vector<std::size_t> members;
        // Every dated meeting in (start, end]; equal dates after dated[e] belong to the window too.
        for (std::size_t j = 0; j < dated.size(); ++j) {
            const sys_days d = *s.day[dated[j]];
            if (d > start && d <= end) {
                members.push_back(j);
                w.meetings.push_back(ms[dated[j]].id);
                w.new_decisions += new_in[dated[j]];
            }
        }
        w.ratio = static_cast<double>(w.meetings.size()) / static_cast<double>(std::max<std::size_t>(w.new_decisions, 1));
        w.overloaded = w.meetings.size() >= 2 && w.ratio >= options.overload_threshold;
        fig.max_overload_ratio = std::max(fig.max_overload_ratio, w.meetings.size() >= 2 ? w.ratio : 0.0);
        if (w.overloaded) firing.push_back(members);
        fig.windows.push_back(std::move(w));
    }
    // Report the largest firing windows only: a strict subset of another firing window is
    // dropped, and of equal sets the first is kept.
    std::vector<std::size_t> window_of_firing;  // index in fig.windows of each entry of `firing`
    for (std::size_t i = 0; i < fig.windows.size(); ++i)
        if (fig.windows[i].overloaded) window_of_firing.push_back(i);
    std::vector<std::size_t> fired_window;
    for (std::size_t f = 0; f < firing.size(); ++f) {
        bool contained = false;
        for (std::size_t g = 0; g < firing.size() && !contained; ++g)
            contained = g != f &&
                        std::includes(firing[g].begin(), firing[g].end(), firing[f].begin(), firing[f].end()) &&
                        (firing[g].size() > firing[f].size() || g < f);
        if (!contained) fired_window.push_back(window_of_firing[f]);
    }
    for (std::size_t i : fired_window) {
        const overload_window& w = fig.windows[i];
        out.findings.push_back(finding{"meeting_overload", severity::warning, w.meetings, {}}
                                   .with("meetings", static_cast<double>(w.meetings.size()))
                                   .with("decisions", static_cast<double>(w.new_decisions))
                                   .with("window_days", static_cast<double>(options.overload_window_days))
                                   .with("ratio", std::round(w.ratio * 100) / 100)
                                   .with("threshold", options.overload_threshold));
    }
    return out;
}

}  // namespace maillage
