// Bindings of the drawings: the ecomap, the partner map and the whole map as SVG text, and the
// stress layout as coordinates (maillage.drawing turns them into SVG objects and DataFrames).
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "maillage/draw.hpp"
#include "maillage/maillage.hpp"

namespace py = pybind11;

namespace maillage::python {

namespace {

template <class Enum>
Enum choice(const std::string& function, const std::string& parameter, const std::string& value,
            const std::vector<std::pair<std::string, Enum>>& allowed) {
    std::string names;
    for (const auto& [name, e] : allowed) {
        if (name == value) return e;
        names += (names.empty() ? "" : ", ") + name;
    }
    throw invalid_argument(function + ": " + parameter + " must be one of " + names + ", got \"" + value + "\"");
}

draw::drawing_text text_of(const std::string& lang, const std::map<std::string, std::string>& text,
                           const std::vector<std::string>& names) {
    return {.lang = lang, .text = text, .names = names};
}

void check_names(const network& net, const std::string& function, const std::vector<std::string>& names) {
    if (!names.empty() && names.size() != net.actor_count())
        throw invalid_argument(function + ": names must hold one name per actor (" + std::to_string(net.actor_count()) +
                               "), got " + std::to_string(names.size()));
}

}  // namespace

void bind_draw(py::module_& m) {
    m.def("draw_map",
          [](const network_view& view, const std::string& colour, const std::string& size, std::vector<double> sizes,
             const std::string& size_name, std::vector<index_t> communities, double width, double height, std::uint64_t seed,
             const std::string& lang, const std::map<std::string, std::string>& text, const std::vector<std::string>& names,
             const std::string& title) {
              check_names(view.base(), "draw_map", names);
              draw::map_options o;
              o.colour = choice<draw::colour_by>("draw_map", "color_by", colour,
                                                 {{"sector", draw::colour_by::sector}, {"kind", draw::colour_by::kind},
                                                  {"community", draw::colour_by::community}});
              o.size = choice<draw::size_by>("draw_map", "size_by", size,
                                             {{"none", draw::size_by::none}, {"degree", draw::size_by::degree},
                                              {"strength", draw::size_by::strength}, {"betweenness", draw::size_by::betweenness},
                                              {"closeness", draw::size_by::closeness}, {"harmonic", draw::size_by::harmonic},
                                              {"pagerank", draw::size_by::pagerank}, {"core", draw::size_by::core},
                                              {"custom", draw::size_by::custom}});
              o.sizes = std::move(sizes);
              o.size_name = size_name;
              o.communities = std::move(communities);
              o.width = width;
              o.height = height;
              o.layout.seed = seed;
              o.text = text_of(lang, text, names);
              o.title = title;
              py::gil_scoped_release release;
              return draw::to_svg(draw::whole_map(view, o));
          },
          py::arg("view"), py::arg("color_by") = "sector", py::arg("size_by") = "betweenness",
          py::arg("sizes") = std::vector<double>{}, py::arg("size_name") = "", py::arg("communities") = std::vector<index_t>{},
          py::arg("width") = 1180.0, py::arg("height") = 780.0, py::arg("seed") = 1, py::arg("lang") = "en",
          py::arg("text") = std::map<std::string, std::string>{}, py::arg("names") = std::vector<std::string>{},
          py::arg("title") = "");

    m.def("draw_ecomap",
          [](const network& net, index_t person, unsigned reach, const std::string& lang,
             const std::map<std::string, std::string>& text, const std::vector<std::string>& names, const std::string& title) {
              check_names(net, "draw_ecomap", names);
              draw::ecomap_options o;
              o.coverage.reach = reach;
              o.text = text_of(lang, text, names);
              o.title = title;
              py::gil_scoped_release release;
              return draw::to_svg(draw::ecomap(net, person, o));
          },
          py::arg("net"), py::arg("person"), py::arg("reach") = 1u, py::arg("lang") = "en",
          py::arg("text") = std::map<std::string, std::string>{}, py::arg("names") = std::vector<std::string>{},
          py::arg("title") = "");

    m.def("draw_partners",
          [](const network& net, index_t organisation, const std::string& lang, const std::map<std::string, std::string>& text,
             const std::vector<std::string>& names, const std::string& title) {
              check_names(net, "draw_partners", names);
              draw::partner_options o;
              o.text = text_of(lang, text, names);
              o.title = title;
              py::gil_scoped_release release;
              return draw::to_svg(draw::partner_map(net, organisation, o));
          },
          py::arg("net"), py::arg("organisation"), py::arg("lang") = "en",
          py::arg("text") = std::map<std::string, std::string>{}, py::arg("names") = std::vector<std::string>{},
          py::arg("title") = "");

    m.def("stress_layout",
          [](const network_view& view, std::uint64_t seed, unsigned max_iterations) {
              draw::layout_options o;
              o.seed = seed;
              o.max_iterations = max_iterations;
              draw::layout_result r;
              {
                  py::gil_scoped_release release;
                  r = draw::stress_layout(view, o);
              }
              std::vector<double> xs, ys;
              for (const auto& p : r.positions) xs.push_back(p.x), ys.push_back(p.y);
              std::vector<long long> component;
              for (index_t c : r.component) component.push_back(c == no_index ? -1 : static_cast<long long>(c));
              py::dict d;
              d["x"] = xs;
              d["y"] = ys;
              d["component"] = component;
              d["iterations"] = r.iterations;
              d["converged"] = r.converged;
              d["stress"] = r.stress;
              return d;
          },
          py::arg("view"), py::arg("seed") = 1, py::arg("max_iterations") = 500u);
}

}  // namespace maillage::python
