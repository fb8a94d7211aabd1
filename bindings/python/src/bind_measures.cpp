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
                            std::optional<std::string> distance, bool directed, unsigned threads, std::size_t samples,
                            double epsilon, double delta, std::uint64_t seed) {
              const auto [weighted, length] = lengths_of("betweenness", weight, distance);
              if (epsilon < 0 || !(delta > 0 && delta < 1))
                  throw invalid_argument("betweenness: epsilon must be positive and delta in (0, 1)");
              betweenness_options o{normalized, weighted, length, {directed}, threads, samples, epsilon, delta, seed};
              betweenness_estimate e;
              {
                  py::gil_scoped_release release;
                  e = estimate_betweenness(view, o);
              }
              return py::make_tuple(to_numpy(std::move(e.scores)), e.method, e.samples, e.error_bound, e.delta);
          }, py::arg("view"), py::arg("normalized") = false, py::arg("weight") = py::none(),
          py::arg("distance") = py::none(), py::arg("directed") = true, py::arg("threads") = 0,
          py::arg("samples") = 0, py::arg("epsilon") = 0.0, py::arg("delta") = 0.1, py::arg("seed") = 0);
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

    auto iterative = [](auto&& run) {
        iterative_scores r;
        {
            py::gil_scoped_release release;
            r = run();
        }
        return py::make_tuple(to_numpy(std::move(r.scores)), r.iterations, r.converged);
    };
    m.def("pagerank", [iterative](const network_view& view, double alpha, std::optional<std::string> weight, double tol,
                                  unsigned max_iter, bool directed, unsigned threads) {
              const pagerank_options o{alpha, lengths_of("pagerank", weight, std::nullopt).first, tol, max_iter, {directed}, threads};
              return iterative([&] { return pagerank(view, o); });
          }, py::arg("view"), py::arg("alpha") = 0.85, py::arg("weight") = py::none(), py::arg("tol") = 1e-10,
          py::arg("max_iter") = 1000, py::arg("directed") = true, py::arg("threads") = 0);
    m.def("eigenvector", [iterative](const network_view& view, std::optional<std::string> weight, double tol,
                                     unsigned max_iter, bool directed, unsigned threads) {
              const eigenvector_options o{lengths_of("eigenvector", weight, std::nullopt).first, tol, max_iter, {directed}, threads};
              return iterative([&] { return eigenvector(view, o); });
          }, py::arg("view"), py::arg("weight") = py::none(), py::arg("tol") = 1e-10, py::arg("max_iter") = 1000,
          py::arg("directed") = true, py::arg("threads") = 0);
    m.def("katz", [iterative](const network_view& view, double alpha, double beta, bool normalized,
                              std::optional<std::string> weight, double tol, unsigned max_iter, bool directed, unsigned threads) {
              const katz_options o{alpha, beta, normalized, lengths_of("katz", weight, std::nullopt).first, tol, max_iter,
                                   {directed}, threads};
              return iterative([&] { return katz(view, o); });
          }, py::arg("view"), py::arg("alpha") = 0.1, py::arg("beta") = 1.0, py::arg("normalized") = true,
          py::arg("weight") = py::none(), py::arg("tol") = 1e-10, py::arg("max_iter") = 1000, py::arg("directed") = true,
          py::arg("threads") = 0);
    m.def("bonacich", [](const network_view& view, double beta, std::optional<std::string> weight, bool directed) {
              const bonacich_options o{beta, lengths_of("bonacich", weight, std::nullopt).first, {directed}};
              return released([&] { return bonacich(view, o); });
          }, py::arg("view"), py::arg("beta"), py::arg("weight") = py::none(), py::arg("directed") = true);
    m.def("reach", [](const network_view& view, unsigned k, const std::string& mode, bool normalized, bool directed,
                      unsigned threads) {
              const reach_options o{k, mode_of("reach", mode), normalized, {directed}, threads};
              return released([&] { return reach(view, o); });
          }, py::arg("view"), py::arg("k") = 2, py::arg("mode") = "out", py::arg("normalized") = false,
          py::arg("directed") = true, py::arg("threads") = 0);
    m.def("reach_efficiency", [](const network_view& view, const std::string& mode, bool directed, unsigned threads) {
              const reach_options o{2, mode_of("reach_efficiency", mode), true, {directed}, threads};
              return released([&] { return reach_efficiency(view, o); });
          }, py::arg("view"), py::arg("mode") = "out", py::arg("directed") = true, py::arg("threads") = 0);
    m.def("cuts", [](const network_view& view) {
              cuts_result r;
              {
                  py::gil_scoped_release release;
                  r = cuts(view);
              }
              py::list points, bridges;
              for (const auto& c : r.articulation_points) points.append(py::make_tuple(c.actor, c.pieces));
              for (const auto& [a, b] : r.bridges) bridges.append(py::make_tuple(a, b));
              return py::make_tuple(points, bridges);
          }, py::arg("view"));
    m.def("summary", [](const network_view& view, bool distances, bool directed, unsigned threads, bool centralization) {
              network_summary s;
              {
                  py::gil_scoped_release release;
                  s = summarize(view, {distances, centralization, {directed}, threads});
              }
              py::dict d;
              d["actors"] = s.actors;
              d["ties"] = s.ties;
              d["directed"] = s.directed;
              d["density"] = s.density;
              d["reciprocity"] = s.reciprocity;
              d["reciprocity_dyads"] = s.reciprocity_dyads;
              d["transitivity"] = s.transitivity;
              d["average_clustering"] = s.average_clustering;
              d["weak_components"] = s.weak_components;
              d["strong_components"] = s.strong_components;
              d["largest_component"] = s.largest_component;
              d["diameter"] = s.diameter;
              d["mean_distance"] = s.mean_distance;
              d["degree_centralization"] = s.degree_centralization;
              d["betweenness_centralization"] = s.betweenness_centralization;
              d["closeness_centralization"] = s.closeness_centralization;
              return d;
          }, py::arg("view"), py::arg("distances") = true, py::arg("directed") = true, py::arg("threads") = 0,
          py::arg("centralization") = true);

    m.def("layer_overlap", [](const network_view& view, const std::string& by) {
              tie_grouping grouping;
              if (by == "layer") grouping = tie_grouping::layer;
              else if (by == "formality") grouping = tie_grouping::formality;
              else if (by == "relation") grouping = tie_grouping::relation;
              else throw invalid_argument("layer_overlap: by must be \"layer\", \"formality\" or \"relation\", got \"" + by + "\"");
              overlap_result r;
              {
                  py::gil_scoped_release release;
                  r = layer_overlap(view, grouping);
              }
              py::list pairs, central;
              for (const auto& p : r.pairs)
                  pairs.append(py::make_tuple(p.a, p.b, p.pairs_a, p.pairs_b, p.shared, p.jaccard, p.correlation));
              for (const auto& c : r.central_and_peripheral)
                  central.append(py::make_tuple(c.actor, c.central_in, c.peripheral_in, c.degree_central, c.degree_peripheral));
              return py::make_tuple(pairs, central);
          }, py::arg("view"), py::arg("by") = "layer");
    m.def("collaboration", [](const network_view& view) {
              collaboration_result r;
              {
                  py::gil_scoped_release release;
                  r = collaboration(view);
              }
              py::dict columns, resources, network;
              columns["ratings"] = py::array_t<index_t>(static_cast<py::ssize_t>(r.ratings.size()), r.ratings.data());
              for (std::size_t k = 0; k < r.mean.size(); ++k) {
                  columns[collaboration_result::dimensions[k]] = to_numpy(actor_scores{std::move(r.mean[k])});
                  network[collaboration_result::dimensions[k]] = r.network_mean[k];
              }
              columns["trust"] = to_numpy(actor_scores{std::move(r.trust)});
              columns["value"] = to_numpy(actor_scores{std::move(r.value)});
              columns["relative_connectivity"] = to_numpy(actor_scores{std::move(r.relative_connectivity)});
              for (auto& [kind, counts] : r.resources)
                  resources[py::str(kind)] = py::array_t<index_t>(static_cast<py::ssize_t>(counts.size()), counts.data());
              network["trust"] = r.network_trust;
              network["value"] = r.network_value;
              return py::make_tuple(columns, resources, network);
          }, py::arg("view"));
}

}  // namespace maillage::python
