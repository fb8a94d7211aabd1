// Bindings of the network meetings (maillage/analysis/meetings.hpp): the decisions table and the
// actors' load as columns (lists), the audit as findings and a figures dict. maillage.meetings
// turns them into DataFrames and dataclasses.
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "maillage/maillage.hpp"

namespace py = pybind11;

namespace maillage::python {

namespace {

py::object evidence_to_python(const evidence_value& value) {
    return std::visit([](const auto& v) -> py::object { return py::cast(v); }, value);
}

py::object maybe_nan(double value) { return py::float_(value); }

py::dict columns_of(const std::vector<decision_row>& rows) {
    py::list meeting, date, id, who, what, due, status, follow_up_of, followed_up_in, is_new, current, open, overdue,
        days_late;
    for (const auto& r : rows) {
        meeting.append(r.meeting_id);
        date.append(r.date);
        id.append(r.id);
        who.append(r.who);
        what.append(r.what);
        due.append(r.due);
        status.append(std::string(to_string(r.status)));
        follow_up_of.append(r.follow_up_of);
        followed_up_in.append(r.followed_up_in);
        is_new.append(r.is_new);
        current.append(r.current);
        open.append(r.open);
        overdue.append(r.overdue);
        days_late.append(r.overdue ? py::object(py::int_(r.days_late)) : py::object(py::none()));
    }
    py::dict out;
    out["meeting"] = meeting;
    out["date"] = date;
    out["id"] = id;
    out["who"] = who;
    out["what"] = what;
    out["due"] = due;
    out["status"] = status;
    out["follow_up_of"] = follow_up_of;
    out["followed_up_in"] = followed_up_in;
    out["new"] = is_new;
    out["current"] = current;
    out["open"] = open;
    out["overdue"] = overdue;
    out["days_late"] = days_late;
    return out;
}

py::list ranked(const std::vector<std::pair<std::string, std::size_t>>& counts) {
    py::list out;
    for (const auto& [id, n] : counts) out.append(py::make_tuple(id, n));
    return out;
}

}  // namespace

void bind_meetings(py::module_& m) {
    m.def("decisions_table", [](const network& net, const std::string& as_of) {
              std::vector<decision_row> rows;
              {
                  py::gil_scoped_release release;
                  rows = decisions_table(net, as_of);
              }
              return columns_of(rows);
          }, py::arg("network"), py::arg("as_of") = "");

    m.def("actor_loads", [](const network& net, const std::string& as_of) {
              std::vector<actor_load> loads;
              {
                  py::gil_scoped_release release;
                  loads = actor_loads(net, as_of);
              }
              py::list actor, open, overdue, done, attended, facilitated, written;
              for (const auto& l : loads) {
                  actor.append(l.actor);
                  open.append(l.open_decisions);
                  overdue.append(l.overdue_decisions);
                  done.append(l.done_decisions);
                  attended.append(l.meetings_attended);
                  facilitated.append(l.meetings_facilitated);
                  written.append(l.minutes_written);
              }
              py::dict out;
              out["actor"] = actor;
              out["open_decisions"] = open;
              out["overdue_decisions"] = overdue;
              out["done_decisions"] = done;
              out["meetings_attended"] = attended;
              out["meetings_facilitated"] = facilitated;
              out["minutes_written"] = written;
              return out;
          }, py::arg("network"), py::arg("as_of") = "");

    m.def("audit_meetings", [](const network& net, const std::string& as_of, int window_days, double threshold) {
              meetings_audit audit;
              {
                  py::gil_scoped_release release;
                  audit = audit_meetings(net, {.as_of = as_of, .overload_window_days = window_days,
                                               .overload_threshold = threshold});
              }
              py::list findings;
              for (const auto& f : audit.findings) {
                  py::dict evidence;
                  for (const auto& [key, value] : f.evidence) evidence[py::str(key)] = evidence_to_python(value);
                  findings.append(py::make_tuple(f.code, std::string(to_string(f.severity)), f.subjects, evidence));
              }
              const meetings_figures& g = audit.figures;
              py::dict figures;
              figures["meetings"] = g.meetings;
              figures["decision_records"] = g.decision_records;
              figures["decisions"] = g.decisions;
              figures["decisions_per_meeting"] = maybe_nan(g.decisions_per_meeting);
              figures["done_on_time"] = g.done_on_time;
              figures["deadline_reached"] = g.deadline_reached;
              figures["done_on_time_share"] = maybe_nan(g.done_on_time_share);
              figures["open_decisions"] = g.open_decisions;
              figures["overdue_decisions"] = g.overdue_decisions;
              figures["meetings_with_user"] = g.meetings_with_user;
              figures["meetings_about_user"] = g.meetings_about_user;
              figures["user_participation"] = maybe_nan(g.user_participation);
              figures["facilitators"] = ranked(g.facilitators);
              figures["minute_takers"] = ranked(g.minute_takers);
              figures["max_overload_ratio"] = g.max_overload_ratio;
              py::list per_meeting;
              for (const auto& pm : g.per_meeting) {
                  py::dict row;
                  row["meeting"] = pm.meeting;
                  row["date"] = pm.date;
                  row["participants"] = pm.participants;
                  row["decisions"] = pm.decisions;
                  row["new_decisions"] = pm.new_decisions;
                  row["user_present"] = pm.user_present ? py::object(py::bool_(*pm.user_present)) : py::object(py::none());
                  row["facilitator_organisation"] = pm.facilitator_organisation;
                  row["minute_taker_organisation"] = pm.minute_taker_organisation;
                  per_meeting.append(row);
              }
              figures["per_meeting"] = per_meeting;
              py::list windows;
              for (const auto& w : g.windows) {
                  py::dict row;
                  row["last_meeting"] = w.last_meeting;
                  row["from"] = w.from;
                  row["to"] = w.to;
                  row["meetings"] = w.meetings;
                  row["new_decisions"] = w.new_decisions;
                  row["ratio"] = w.ratio;
                  row["overloaded"] = w.overloaded;
                  windows.append(row);
              }
              figures["windows"] = windows;
              return py::make_tuple(findings, figures);
          }, py::arg("network"), py::arg("as_of") = "", py::arg("window_days") = 90, py::arg("threshold") = 2.0);
}

}  // namespace maillage::python
