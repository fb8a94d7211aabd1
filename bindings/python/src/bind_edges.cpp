// Bindings of networks from edge arrays and of the measure graph (an immutable CSR snapshot of a
// view that the Python Network/NetworkView builds once and reuses): numpy arrays in and out,
// no per-edge Python work, the GIL released while C++ runs.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "maillage/maillage.hpp"

namespace py = pybind11;

namespace maillage::python {

namespace {

using index_array = py::array_t<index_t, py::array::c_style | py::array::forcecast>;
using double_array = py::array_t<double, py::array::c_style | py::array::forcecast>;

py::array_t<double> owned(std::vector<double>&& data) {
    auto* values = new std::vector<double>(std::move(data));
    py::capsule owner(values, [](void* p) { delete static_cast<std::vector<double>*>(p); });
    return py::array_t<double>({static_cast<py::ssize_t>(values->size())}, {sizeof(double)}, values->data(), owner);
}

py::array_t<index_t> owned(std::vector<index_t>&& data) {
    auto* values = new std::vector<index_t>(std::move(data));
    py::capsule owner(values, [](void* p) { delete static_cast<std::vector<index_t>*>(p); });
    return py::array_t<index_t>({static_cast<py::ssize_t>(values->size())}, {sizeof(index_t)}, values->data(), owner);
}

direction_mode mode_of(const std::string& function, const std::string& mode) {
    if (mode == "all") return direction_mode::all;
    if (mode == "in") return direction_mode::in;
    if (mode == "out") return direction_mode::out;
    throw invalid_argument(function + ": mode must be \"all\", \"in\" or \"out\", got \"" + mode + "\"");
}

std::pair<bool, path_length> lengths_of(const std::string& function, const std::optional<std::string>& weight,
                                        const std::optional<std::string>& distance) {
    if (weight && *weight != "weight")
        throw invalid_argument(function + ": weight must be None or \"weight\", got \"" + *weight + "\"");
    if (distance && *distance != "weight" && *distance != "inverse")
        throw invalid_argument(function + ": distance must be None, \"inverse\" or \"weight\", got \"" + *distance + "\"");
    return {weight.has_value(), distance && *distance == "weight" ? path_length::weight : path_length::inverse_weight};
}

template <class Measure>
py::array_t<double> released(Measure&& measure) {
    actor_scores scores;
    {
        py::gil_scoped_release release;
        scores = measure();
    }
    return owned(std::move(scores.values));
}

template <class Run>
py::tuple iterative(Run&& run) {
    iterative_scores r;
    {
        py::gil_scoped_release release;
        r = run();
    }
    return py::make_tuple(owned(std::move(r.scores.values)), r.iterations, r.converged);
}

std::span<const index_t> span_of(const index_array& a) { return {a.data(), static_cast<std::size_t>(a.size())}; }

}  // namespace

void bind_edges(py::module_& m) {
    m.def("network_from_edges", [](index_t n, const index_array& sources, const index_array& targets,
                                   const std::optional<double_array>& weights, bool directed,
                                   std::vector<std::string> ids) {
              if (sources.ndim() != 1 || targets.ndim() != 1)
                  throw invalid_argument("network_from_edges: sources and targets must be one-dimensional arrays");
              std::span<const double> w;
              if (weights) {
                  if (weights->ndim() != 1) throw invalid_argument("network_from_edges: weights must be one-dimensional");
                  w = {weights->data(), static_cast<std::size_t>(weights->size())};
              }
              py::gil_scoped_release release;
              return network_from_edges(n, span_of(sources), span_of(targets), w, directed, std::move(ids));
          }, py::arg("n"), py::arg("sources"), py::arg("targets"), py::arg("weights") = py::none(),
          py::arg("directed") = false, py::arg("ids") = std::vector<std::string>{});

    py::class_<measure_graph>(m, "MeasureGraph",
                              "The simple graph a measure sees (measure_graph.hpp), built once from a view; immutable.")
        .def(py::init([](const network_view& view, bool directed) {
                 py::gil_scoped_release release;
                 return measure_graph(view, {directed});
             }), py::arg("view"), py::arg("directed") = true)
        .def_property_readonly("directed", &measure_graph::directed)
        .def_property_readonly("vertex_count", &measure_graph::vertex_count)
        .def_property_readonly("arc_count", &measure_graph::arc_count)
        .def("memory_bytes", &measure_graph::memory_bytes)
        .def("degree", [](const measure_graph& g, const std::string& mode) {
                 const direction_mode d = mode_of("degree", mode);
                 return released([&] { return degree(g, d); });
             }, py::arg("mode") = "all")
        .def("strength", [](const measure_graph& g, const std::string& mode) {
                 const direction_mode d = mode_of("strength", mode);
                 return released([&] { return strength(g, d); });
             }, py::arg("mode") = "all")
        .def("betweenness", [](const measure_graph& g, bool normalized, std::optional<std::string> weight,
                               std::optional<std::string> distance, unsigned threads, std::size_t samples, double epsilon,
                               double delta, std::uint64_t seed) {
                 const auto [weighted, length] = lengths_of("betweenness", weight, distance);
                 if (epsilon < 0 || !(delta > 0 && delta < 1))
                     throw invalid_argument("betweenness: epsilon must be positive and delta in (0, 1)");
                 betweenness_options o{normalized, weighted, length, {}, threads, samples, epsilon, delta, seed};
                 betweenness_estimate e;
                 {
                     py::gil_scoped_release release;
                     e = estimate_betweenness(g, o);
                 }
                 return py::make_tuple(owned(std::move(e.scores.values)), e.method, e.samples, e.error_bound, e.delta);
             }, py::arg("normalized") = false, py::arg("weight") = py::none(), py::arg("distance") = py::none(),
             py::arg("threads") = 0, py::arg("samples") = 0, py::arg("epsilon") = 0.0, py::arg("delta") = 0.1,
             py::arg("seed") = 0)
        .def("closeness", [](const measure_graph& g, const std::string& mode, std::optional<std::string> weight,
                             std::optional<std::string> distance, unsigned threads) {
                 const auto [weighted, length] = lengths_of("closeness", weight, distance);
                 const closeness_options o{mode_of("closeness", mode), weighted, length, {}, threads};
                 return released([&] { return closeness(g, o); });
             }, py::arg("mode") = "out", py::arg("weight") = py::none(), py::arg("distance") = py::none(),
             py::arg("threads") = 0)
        .def("harmonic", [](const measure_graph& g, const std::string& mode, std::optional<std::string> weight,
                            std::optional<std::string> distance, unsigned threads) {
                 const auto [weighted, length] = lengths_of("harmonic", weight, distance);
                 const closeness_options o{mode_of("harmonic", mode), weighted, length, {}, threads};
                 return released([&] { return harmonic(g, o); });
             }, py::arg("mode") = "out", py::arg("weight") = py::none(), py::arg("distance") = py::none(),
             py::arg("threads") = 0)
        .def("core_numbers", [](const measure_graph& g) { return released([&] { return core_numbers(g); }); })
        .def("components", [](const measure_graph& g, bool strong) {
                 components_result r;
                 {
                     py::gil_scoped_release release;
                     r = components(g, {strong, {}});
                 }
                 const index_t count = r.count;
                 return py::make_tuple(owned(std::move(r.component)), count);
             }, py::arg("strong") = false)
        .def("pagerank", [](const measure_graph& g, double alpha, std::optional<std::string> weight, double tol,
                            unsigned max_iter, unsigned threads) {
                 const pagerank_options o{alpha, lengths_of("pagerank", weight, std::nullopt).first, tol, max_iter, {}, threads};
                 return iterative([&] { return pagerank(g, o); });
             }, py::arg("alpha") = 0.85, py::arg("weight") = py::none(), py::arg("tol") = 1e-10,
             py::arg("max_iter") = 1000, py::arg("threads") = 0)
        .def("eigenvector", [](const measure_graph& g, std::optional<std::string> weight, double tol, unsigned max_iter,
                               unsigned threads) {
                 const eigenvector_options o{lengths_of("eigenvector", weight, std::nullopt).first, tol, max_iter, {}, threads};
                 return iterative([&] { return eigenvector(g, o); });
             }, py::arg("weight") = py::none(), py::arg("tol") = 1e-10, py::arg("max_iter") = 1000, py::arg("threads") = 0)
        .def("katz", [](const measure_graph& g, double alpha, double beta, bool normalized, std::optional<std::string> weight,
                        double tol, unsigned max_iter, unsigned threads) {
                 const katz_options o{alpha, beta, normalized, lengths_of("katz", weight, std::nullopt).first, tol, max_iter,
                                      {}, threads};
                 return iterative([&] { return katz(g, o); });
             }, py::arg("alpha") = 0.1, py::arg("beta") = 1.0, py::arg("normalized") = true, py::arg("weight") = py::none(),
             py::arg("tol") = 1e-10, py::arg("max_iter") = 1000, py::arg("threads") = 0)
        .def("reach", [](const measure_graph& g, unsigned k, const std::string& mode, bool normalized, unsigned threads) {
                 const reach_options o{k, mode_of("reach", mode), normalized, {}, threads};
                 return released([&] { return reach(g, o); });
             }, py::arg("k") = 2, py::arg("mode") = "out", py::arg("normalized") = false, py::arg("threads") = 0)
        .def("reach_efficiency", [](const measure_graph& g, const std::string& mode, unsigned threads) {
                 const reach_options o{2, mode_of("reach_efficiency", mode), true, {}, threads};
                 return released([&] { return reach_efficiency(g, o); });
             }, py::arg("mode") = "out", py::arg("threads") = 0);
}

}  // namespace maillage::python
