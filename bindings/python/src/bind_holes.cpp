// Bindings of structural holes, brokerage and ego networks: each takes a core View and plain
// options, releases the GIL while it runs, and returns numpy arrays indexed by actor index (NaN
// outside the view) or plain dicts that maillage.holes turns into pandas objects keyed by id.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "maillage/maillage.hpp"

namespace py = pybind11;

namespace maillage::python {

namespace {

template <class T>
py::array_t<T> to_numpy(std::vector<T>&& values) {
    auto* owned = new std::vector<T>(std::move(values));
    py::capsule owner(owned, [](void* p) { delete static_cast<std::vector<T>*>(p); });
    return py::array_t<T>({static_cast<py::ssize_t>(owned->size())}, {sizeof(T)}, owned->data(), owner);
}

bool weighted_of(const std::string& function, const std::optional<std::string>& weight) {
    if (weight && *weight != "weight")
        throw invalid_argument(function + ": weight must be None or \"weight\", got \"" + *weight + "\"");
    return weight.has_value();
}

py::dict table_to_python(brokerage_result::table&& t) {
    py::dict d;
    for (std::size_t role = 0; role < brokerage_roles; ++role)
        d[py::str(std::string(to_string(static_cast<brokerage_role>(role))))] = to_numpy(std::move(t[role]));
    return d;
}

py::dict totals_to_python(const std::array<double, brokerage_roles>& values) {
    py::dict d;
    for (std::size_t role = 0; role < brokerage_roles; ++role)
        d[py::str(std::string(to_string(static_cast<brokerage_role>(role))))] = values[role];
    return d;
}

}  // namespace

void bind_holes(py::module_& m) {
    m.def("structural_holes", [](const network_view& view, const std::string& model, std::optional<std::string> weight,
                                 bool directed, unsigned threads, bool local) {
              const holes_options o{parse_holes_model("structural_holes", model), weighted_of("structural_holes", weight),
                                    local, {directed}, threads};
              structural_holes_result r;
              {
                  py::gil_scoped_release release;
                  r = structural_holes(view, o);
              }
              py::dict d;
              d["effective_size"] = to_numpy(std::move(r.effective_size.values));
              d["efficiency"] = to_numpy(std::move(r.efficiency.values));
              d["constraint"] = to_numpy(std::move(r.constraint.values));
              d["hierarchy"] = to_numpy(std::move(r.hierarchy.values));
              d["contacts"] = to_numpy(std::move(r.contacts));
              if (local) {
                  d["local_offsets"] = to_numpy(std::move(r.local_offsets));
                  d["local_alters"] = to_numpy(std::move(r.local_alters));
                  d["local_values"] = to_numpy(std::move(r.local_values));
              }
              return d;
          }, py::arg("view"), py::arg("model") = "whole", py::arg("weight") = py::none(), py::arg("directed") = true,
          py::arg("threads") = 0, py::arg("local") = false);
    m.def("local_constraint", [](const network_view& view, index_t i, index_t j, const std::string& model,
                                 std::optional<std::string> weight, bool directed) {
              const holes_options o{parse_holes_model("local_constraint", model), weighted_of("local_constraint", weight),
                                    false, {directed}, 1};
              py::gil_scoped_release release;
              return local_constraint(view, i, j, o);
          }, py::arg("view"), py::arg("i"), py::arg("j"), py::arg("model") = "whole", py::arg("weight") = py::none(),
          py::arg("directed") = true);
    m.def("field_groups", [](const network& net, const std::string& attribute) {
              detail::field_codes g = detail::group_by_field(net, "brokerage", attribute);
              return py::make_tuple(to_numpy(std::move(g.code)), g.names);
          }, py::arg("network"), py::arg("attribute"));
    m.def("brokerage", [](const network_view& view, std::vector<std::int32_t> codes, std::vector<std::string> names,
                          bool directed, unsigned threads) {
              brokerage_result r;
              {
                  py::gil_scoped_release release;
                  r = brokerage(view, codes, std::move(names), {{directed}, threads});
              }
              py::dict d;
              d["raw"] = table_to_python(std::move(r.raw));
              d["expected"] = table_to_python(std::move(r.expected));
              d["sd"] = table_to_python(std::move(r.sd));
              d["z"] = table_to_python(std::move(r.z));
              d["network_raw"] = totals_to_python(r.network_raw);
              d["network_expected"] = totals_to_python(r.network_expected);
              d["network_sd"] = totals_to_python(r.network_sd);
              d["network_z"] = totals_to_python(r.network_z);
              py::list group_expected, group_sd;
              for (const auto& e : r.group_expected) group_expected.append(totals_to_python(e));
              for (const auto& s : r.group_sd) group_sd.append(totals_to_python(s));
              d["group_expected"] = group_expected;
              d["group_sd"] = group_sd;
              d["group_size"] = r.group_size;
              d["group_names"] = r.group_names;
              d["density"] = r.density;
              d["actors"] = r.actors;
              return d;
          }, py::arg("view"), py::arg("codes"), py::arg("names"), py::arg("directed") = true, py::arg("threads") = 0);
    m.def("ego", [](const network_view& view, index_t ego, std::optional<std::string> layer_, std::optional<std::string> weight,
                    const std::string& ei_attribute, bool directed) {
              ego_options o;
              if (layer_) {
                  auto parsed = parse_enum<layer>(*layer_);
                  if (!parsed)
                      throw invalid_argument("ego: layer must be None, \"primary\" or \"secondary\", got \"" + *layer_ + "\"");
                  o.layer = *parsed;
              }
              o.weighted = weighted_of("ego", weight);
              o.ei_attribute = ei_attribute;
              o.graph.directed = directed;
              ego_result r;
              {
                  py::gil_scoped_release release;
                  r = ego_network(view, ego, o);
              }
              py::dict alters;
              auto column = [&](const char* name, auto member) {
                  py::list values;
                  for (const ego_alter& a : r.alters) values.append(a.*member);
                  alters[name] = values;
              };
              column("actor", &ego_alter::actor);
              column("ties", &ego_alter::ties);
              column("weight", &ego_alter::weight);
              column("sent", &ego_alter::sent);
              column("received", &ego_alter::received);
              column("primary", &ego_alter::primary);
              column("secondary", &ego_alter::secondary);
              column("formal", &ego_alter::formal);
              column("informal", &ego_alter::informal);
              column("supportive", &ego_alter::supportive);
              column("conflictual", &ego_alter::conflictual);
              column("ambivalent", &ego_alter::ambivalent);
              column("ties_to_alters", &ego_alter::ties_to_alters);
              py::dict measures;
              measures["size"] = r.size;
              measures["size_by_layer"] = r.size_by_layer;
              measures["size_by_formality"] = r.size_by_formality;
              measures["size_by_kind"] = r.size_by_kind;
              measures["size_by_role"] = r.size_by_role;
              measures["size_by_sector"] = r.size_by_sector;
              measures["blau_kind"] = r.blau_kind;
              measures["iqv_kind"] = r.iqv_kind;
              measures["blau_sector"] = r.blau_sector;
              measures["iqv_sector"] = r.iqv_sector;
              measures["alter_links"] = r.alter_links;
              measures["density"] = r.density;
              measures["ei_attribute"] = r.ei_attribute;
              measures["ei_internal"] = r.ei_internal;
              measures["ei_external"] = r.ei_external;
              measures["ei_index"] = r.ei_index;
              measures["effective_size"] = r.effective_size;
              measures["efficiency"] = r.efficiency;
              measures["constraint"] = r.constraint;
              measures["hierarchy"] = r.hierarchy;
              measures["ego_ties"] = r.ego_ties;
              measures["primary_ties"] = r.primary_ties;
              measures["secondary_ties"] = r.secondary_ties;
              measures["primary_weight"] = r.primary_weight;
              measures["secondary_weight"] = r.secondary_weight;
              measures["primary_share_ties"] = r.primary_share_ties;
              measures["primary_share_weight"] = r.primary_share_weight;
              measures["formal_ties"] = r.formal_ties;
              measures["informal_ties"] = r.informal_ties;
              measures["supportive_ties"] = r.supportive_ties;
              measures["conflictual_ties"] = r.conflictual_ties;
              measures["ambivalent_ties"] = r.ambivalent_ties;
              measures["no_valence_ties"] = r.no_valence_ties;
              py::dict d;
              d["alters"] = alters;
              d["measures"] = measures;
              d["ties"] = r.ties;
              d["conflictual_alters"] = r.conflictual_alters;
              d["ambivalent_alters"] = r.ambivalent_alters;
              d["potential_partners"] = r.potential_partners;
              return d;
          }, py::arg("view"), py::arg("ego"), py::arg("layer") = py::none(), py::arg("weight") = py::none(),
          py::arg("ei_attribute") = "layer", py::arg("directed") = true);
}

}  // namespace maillage::python
