// Bindings of the communities (modularity, Louvain, Leiden, silos) and of attribute mixing (E–I
// index, mixing matrix, assortativity). Each releases the GIL while it runs; memberships travel
// as int64 arrays by actor index, -1 for no community.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "maillage/maillage.hpp"

namespace py = pybind11;

namespace maillage::python {

namespace {

py::array_t<std::int64_t> labels_to_numpy(const std::vector<index_t>& labels) {
    py::array_t<std::int64_t> out(static_cast<py::ssize_t>(labels.size()));
    auto view = out.mutable_unchecked<1>();
    for (std::size_t i = 0; i < labels.size(); ++i)
        view(static_cast<py::ssize_t>(i)) = labels[i] == no_index ? -1 : static_cast<std::int64_t>(labels[i]);
    return out;
}

std::vector<index_t> labels_from_numpy(const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& labels) {
    auto view = labels.unchecked<1>();
    std::vector<index_t> out(static_cast<std::size_t>(view.shape(0)));
    for (std::size_t i = 0; i < out.size(); ++i) {
        const std::int64_t l = view(static_cast<py::ssize_t>(i));
        if (l < -1 || l >= static_cast<std::int64_t>(no_index))
            throw invalid_argument("membership: community numbers must be -1 (none) or in [0, 2^32 - 1), got " +
                                   std::to_string(l));
        out[i] = l < 0 ? no_index : static_cast<index_t>(l);
    }
    return out;
}

py::array_t<double> doubles(std::vector<double>&& values) {
    auto* held = new std::vector<double>(std::move(values));
    py::capsule owner(held, [](void* p) { delete static_cast<std::vector<double>*>(p); });
    return py::array_t<double>({static_cast<py::ssize_t>(held->size())}, {sizeof(double)}, held->data(), owner);
}

py::tuple ei_tuple(const ei_value& x) {
    return py::make_tuple(x.internal, x.external, x.possible_internal, x.possible_external, x.ei, x.expected, x.rescaled);
}

community_method method_of(const std::string& method) {
    if (method == "louvain") return community_method::louvain;
    if (method == "leiden") return community_method::leiden;
    throw invalid_argument("communities: method must be \"louvain\" or \"leiden\", got \"" + method + "\"");
}

}  // namespace

void bind_communities(py::module_& m) {
    m.def("communities", [](const network_view& view, const std::string& method, double resolution, bool weighted,
                            std::uint64_t seed, bool directed, double randomness, unsigned max_iterations) {
              const community_options o{method_of(method), resolution, weighted, seed, {directed}, randomness, max_iterations};
              community_result r;
              {
                  py::gil_scoped_release release;
                  r = communities(view, o);
              }
              return py::make_tuple(labels_to_numpy(r.membership), r.count, r.modularity, r.levels, r.iterations,
                                    r.converged);
          }, py::arg("view"), py::arg("method") = "louvain", py::arg("resolution") = 1.0, py::arg("weighted") = false,
          py::arg("seed") = 0, py::arg("directed") = false, py::arg("randomness") = 0.01, py::arg("max_iterations") = 0);
    m.def("modularity", [](const network_view& view, const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& membership,
                           double resolution, bool weighted, bool directed) {
              const std::vector<index_t> labels = labels_from_numpy(membership);
              py::gil_scoped_release release;
              return modularity(view, labels, {resolution, weighted, {directed}});
          }, py::arg("view"), py::arg("membership"), py::arg("resolution") = 1.0, py::arg("weighted") = false,
          py::arg("directed") = false);
    m.def("silos", [](const network_view& view, const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& membership,
                      const std::string& attribute, double min_share, double max_external_share, bool weighted) {
              const std::vector<index_t> labels = labels_from_numpy(membership);
              silo_result r;
              {
                  py::gil_scoped_release release;
                  r = silos(view, labels, attribute, {min_share, max_external_share, weighted});
              }
              py::list rows;
              for (const auto& p : r.communities)
                  rows.append(py::make_tuple(p.community, p.size, p.valued,
                                             p.dominant == no_index ? py::object(py::none()) : py::object(py::str(r.groups.names[p.dominant])),
                                             p.dominant_count, p.share, p.internal, p.external, p.external_share, p.silo));
              return py::make_tuple(rows, r.silo_count, r.nmi, r.ari);
          }, py::arg("view"), py::arg("membership"), py::arg("attribute") = "sector", py::arg("min_share") = 0.8,
          py::arg("max_external_share") = 0.25, py::arg("weighted") = false);
    m.def("actor_groups", [](const network_view& view, const std::string& attribute) {
              actor_groups g;
              {
                  py::gil_scoped_release release;
                  g = group_actors(view, attribute, "actor_groups");
              }
              return py::make_tuple(labels_to_numpy(g.group), g.names);
          }, py::arg("view"), py::arg("attribute"));
    m.def("ei_index", [](const network_view& view, const std::string& attribute, bool directed) {
              ei_result r;
              {
                  py::gil_scoped_release release;
                  r = ei_index(view, attribute, {{directed}});
              }
              py::list groups;
              for (index_t x = 0; x < r.groups.count(); ++x) groups.append(ei_tuple(r.group[x]));
              const std::size_t n = r.actor.size();
              std::vector<double> internal(n), external(n), ei(n), expected(n), rescaled(n);
              for (std::size_t v = 0; v < n; ++v) {
                  internal[v] = r.actor[v].internal;
                  external[v] = r.actor[v].external;
                  ei[v] = r.actor[v].ei;
                  expected[v] = r.actor[v].expected;
                  rescaled[v] = r.actor[v].rescaled;
              }
              py::dict actors;
              actors["group"] = labels_to_numpy(r.groups.group);
              actors["internal"] = doubles(std::move(internal));
              actors["external"] = doubles(std::move(external));
              actors["ei"] = doubles(std::move(ei));
              actors["expected"] = doubles(std::move(expected));
              actors["rescaled"] = doubles(std::move(rescaled));
              return py::make_tuple(r.groups.names, r.groups.sizes, ei_tuple(r.network), groups, actors, r.directed);
          }, py::arg("view"), py::arg("attribute"), py::arg("directed") = true);
    m.def("mixing_matrix", [](const network_view& view, const std::string& attribute, bool directed) {
              mixing_matrix_result r;
              {
                  py::gil_scoped_release release;
                  r = mixing_matrix(view, attribute, {{directed}});
              }
              const auto k = static_cast<py::ssize_t>(r.groups.count());
              py::array_t<double> counts({k, k});
              std::copy(r.counts.begin(), r.counts.end(), counts.mutable_data());
              return py::make_tuple(r.groups.names, counts, r.directed);
          }, py::arg("view"), py::arg("attribute"), py::arg("directed") = true);
    m.def("assortativity", [](const network_view& view, const std::string& attribute, bool numeric, bool directed) {
              py::gil_scoped_release release;
              return numeric ? numeric_assortativity(view, attribute, {{directed}})
                             : attribute_assortativity(view, attribute, {{directed}});
          }, py::arg("view"), py::arg("attribute"), py::arg("numeric") = false, py::arg("directed") = true);
}

}  // namespace maillage::python
