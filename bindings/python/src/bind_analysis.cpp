// Bindings of the analyses: coverage, gaps and the analysis plan, as plain Python structures
// (lists, dicts, actor indices) that maillage.analysis turns into pandas objects keyed by id.
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "maillage/analysis/plan.hpp"
#include "maillage/maillage.hpp"

namespace py = pybind11;

namespace maillage::python {

namespace {

py::object evidence_to_python(const evidence_value& value) {
    return std::visit([](const auto& v) -> py::object { return py::cast(v); }, value);
}

py::dict finding_to_python(const finding& f) {
    py::dict d;
    d["code"] = f.code;
    d["severity"] = std::string(to_string(f.severity));
    d["subjects"] = f.subjects;
    py::dict evidence;
    for (const auto& [key, value] : f.evidence) evidence[py::str(key)] = evidence_to_python(value);
    d["evidence"] = evidence;
    return d;
}

py::list findings_to_python(const std::vector<finding>& findings) {
    py::list out;
    for (const auto& f : findings) out.append(finding_to_python(f));
    return out;
}

py::object plan_value_to_python(const plan_value& value) {
    return std::visit([](const auto& v) -> py::object {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, counts>) {
            py::list items;
            for (const auto& [label, count] : v) items.append(py::make_tuple(label, count));
            return items;
        } else {
            return py::cast(v);
        }
    }, value);
}

coverage_options coverage_options_of(unsigned reach, const std::map<std::string, double>& populations) {
    coverage_options o;
    o.reach = reach;
    o.populations = populations;
    return o;
}

gap_options gap_options_of(const std::string& as_of, const std::string& activity_since, unsigned activity_days,
                           double centralisation_threshold, std::size_t max_missing_links, unsigned reach,
                           const std::map<std::string, double>& populations) {
    gap_options o;
    o.as_of = as_of;
    o.activity_since = activity_since;
    o.activity_days = activity_days;
    o.centralisation_threshold = centralisation_threshold;
    o.max_missing_links = max_missing_links;
    o.coverage = coverage_options_of(reach, populations);
    return o;
}

}  // namespace

void bind_analysis(py::module_& m) {
    m.def("coverage", [](const network& net, unsigned reach, const std::map<std::string, double>& populations) {
              coverage_result r;
              {
                  py::gil_scoped_release release;
                  r = coverage(net, coverage_options_of(reach, populations));
              }
              py::list users, domains, critical, teams;
              for (const auto& u : r.users) {
                  py::list needs;
                  for (const auto& nc : u.needs) needs.append(py::make_tuple(nc.need, nc.providers));
                  users.append(py::make_tuple(u.user, needs, u.uncovered, u.covered_share));
              }
              for (const auto& d : r.domains) domains.append(py::make_tuple(d.domain, d.members, d.non_members));
              for (const auto& c : r.critical) {
                  py::list needs;
                  for (const auto& [user, need] : c.needs) needs.append(py::make_tuple(user, need));
                  critical.append(py::make_tuple(c.actor, needs, c.domains, c.cells));
              }
              for (const auto& t : r.teams) teams.append(py::make_tuple(t.user, t.members, t.pieces, t.joining_pairs));
              py::dict territories;
              territories["territories"] = r.territories.territories;
              territories["domains"] = r.territories.domains;
              territories["providers"] = r.territories.providers;
              territories["uncovered"] = r.territories.uncovered;
              territories["population_without_provider"] = r.territories.population_without_provider;
              py::dict cover;
              cover["actors"] = r.cover.actors;
              cover["exact"] = r.cover.exact;
              cover["bound"] = r.cover.bound;
              py::dict out;
              out["users"] = users;
              out["domains"] = domains;
              out["territories"] = territories;
              out["critical"] = critical;
              out["cover"] = cover;
              out["teams"] = teams;
              return out;
          }, py::arg("network"), py::arg("reach") = 1, py::arg("populations") = std::map<std::string, double>{});
    m.def("gaps", [](const network& net, const std::string& as_of, const std::string& activity_since, unsigned activity_days,
                     double centralisation_threshold, std::size_t max_missing_links, unsigned reach,
                     const std::map<std::string, double>& populations) {
              std::vector<finding> found;
              const gap_options o = gap_options_of(as_of, activity_since, activity_days, centralisation_threshold,
                                                   max_missing_links, reach, populations);
              {
                  py::gil_scoped_release release;
                  found = gaps(net, o);
              }
              return findings_to_python(found);
          }, py::arg("network"), py::arg("as_of") = "", py::arg("activity_since") = "", py::arg("activity_days") = 365,
          py::arg("centralisation_threshold") = 0.5, py::arg("max_missing_links") = 10, py::arg("reach") = 1,
          py::arg("populations") = std::map<std::string, double>{});
    m.def("plan", [](const network& net, const std::string& as_of, const std::string& activity_since, unsigned activity_days,
                     double centralisation_threshold, std::size_t max_missing_links, unsigned reach,
                     const std::map<std::string, double>& populations) {
              analysis_plan p;
              const gap_options o = gap_options_of(as_of, activity_since, activity_days, centralisation_threshold,
                                                   max_missing_links, reach, populations);
              {
                  py::gil_scoped_release release;
                  p = plan(net, o);
              }
              py::list sections;
              for (const auto& s : p.sections) {
                  py::dict d, declared, computed;
                  for (const auto& [k, v] : s.declared) declared[py::str(k)] = plan_value_to_python(v);
                  for (const auto& [k, v] : s.computed) computed[py::str(k)] = plan_value_to_python(v);
                  d["number"] = s.number;
                  d["key"] = s.key;
                  d["declared"] = declared;
                  d["computed"] = computed;
                  d["missing"] = findings_to_python(s.missing);
                  sections.append(d);
              }
              return py::make_tuple(sections, findings_to_python(p.gaps));
          }, py::arg("network"), py::arg("as_of") = "", py::arg("activity_since") = "", py::arg("activity_days") = 365,
          py::arg("centralisation_threshold") = 0.5, py::arg("max_missing_links") = 10, py::arg("reach") = 1,
          py::arg("populations") = std::map<std::string, double>{});
    m.attr("gap_codes") = [] {
        std::vector<std::string> codes;
        for (auto c : gap_codes) codes.emplace_back(c);
        return codes;
    }();
}

}  // namespace maillage::python
