// Bindings of the measures: each takes a core View and plain options, releases the GIL while it
// runs, and returns numpy arrays indexed by actor index (NaN outside the view).
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "maillage/maillage.hpp"

namespace py = pybind11;

namespace maillage::python {

namespace {

py::array_t<double> to_numpy(actor_scores&& scores) {
    auto* values = new std::vector<double>(std::move(scores.values));
    py::capsule owner(values, [](void* p) { delete static_cast<std::vector<double>*>(p); });
    return py::array_t<double>({static_cast<py::ssize_t>(values->size())}, {sizeof(double)}, values->data(), owner);
}

direction_mode mode_of(const std::string& function, const std::string& mode) {
    if (mode == "all") return direction_mode::all;
    if (mode == "in") return direction_mode::in;
    if (mode == "out") return direction_mode::out;
    throw invalid_argument(function + ": mode must be \"all\", \"in\" or \"out\", got \"" + mode + "\"");
}

/// weight: None (hops) or "weight"; distance: None (1/weight) or "weight".
std::pair<bool, path_length> lengths_of(const std::string& function, const std::optional<std::string>& weight,
                                        const std::optional<std::string>& distance) {
    if (weight && *weight != "weight")
        throw invalid_argument(function + ": weight must be None or \"weight\", got \"" + *weight + "\"");
    if (distance && *distance != "weight" && *distance != "inverse")
        throw invalid_argument(function + ": distance must be None, \"inverse\" or \"weight\", got \"" + *distance + "\"");
    return {weight.has_value(), distance && *distance == "weight" ? path_length::weight : path_length::inverse_weight};
}

/// Runs a measure without the GIL, then hands its scores to numpy without a copy.
template <class Measure>
py::array_t<double> released(Measure&& measure) {
    actor_scores scores;
    {
        py::gil_scoped_release release;
        scores = measure();
    }
    return to_numpy(std::move(scores));
}

}  // namespace

void bind_measures(py::module_& m) {
    m.def("degree", [](const network_view& view, const std::string& mode, bool directed) {
              const degree_options o{mode_of("degree", mode), {directed}};
              return released([&] { return degree(view, o); });
          }, py::arg("view"), py::arg("mode") = "all", py::arg("directed") = true);
    m.def("strength", [](const network_view& view, const std::string& mode, bool directed) {
              const degree_options o{mode_of("strength", mode), {directed}};
              return released([&] { return strength(view, o); });
          }, py::arg("view"), py::arg("mode") = "all", py::arg("directed") = true);
    m.def("betweenness", [](const network_view& view, bool normalized, std::optional<std::string> weight,
                            std::optional<std::string> distance, bool directed, unsigned threads) {
              const auto [weighted, length] = lengths_of("betweenness", weight, distance);
              const betweenness_options o{normalized, weighted, length, {directed}, threads};
              return released([&] { return betweenness(view, o); });
          }, py::arg("view"), py::arg("normalized") = false, py::arg("weight") = py::none(),
          py::arg("distance") = py::none(), py::arg("directed") = true, py::arg("threads") = 0);
    for (const char* name : {"closeness", "harmonic"}) {
        const bool is_closeness = std::string(name) == "closeness";
        m.def(name, [is_closeness, name](const network_view& view, const std::string& mode, std::optional<std::string> weight,
                                          std::optional<std::string> distance, bool directed, unsigned threads) {
                  const auto [weighted, length] = lengths_of(name, weight, distance);
                  const closeness_options o{mode_of(name, mode), weighted, length, {directed}, threads};
                  return released([&] { return is_closeness ? closeness(view, o) : harmonic(view, o); });
              }, py::arg("view"), py::arg("mode") = "out", py::arg("weight") = py::none(),
              py::arg("distance") = py::none(), py::arg("directed") = true, py::arg("threads") = 0);
    }
    m.def("core_numbers", [](const network_view& view) { return released([&] { return core_numbers(view); }); },
          py::arg("view"));
    m.def("components", [](const network_view& view, bool strong) {
              components_result r;
              {
                  py::gil_scoped_release release;
                  r = components(view, {strong, {}});
              }
              return py::make_tuple(py::array_t<index_t>(static_cast<py::ssize_t>(r.component.size()), r.component.data()),
                                    r.count);
          }, py::arg("view"), py::arg("strong") = false);
}

}  // namespace maillage::python
