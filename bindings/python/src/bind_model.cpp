// Bindings of the model: the immutable network, its tables as columns, and views.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "maillage/maillage.hpp"

namespace py = pybind11;

namespace maillage::python {

namespace {

template <class Column>
py::array_t<typename Column::value_type> numpy_copy(const Column& values) {
    py::array_t<typename Column::value_type> out(static_cast<py::ssize_t>(values.size()));
    std::copy(values.begin(), values.end(), out.mutable_data());
    return out;
}

/// A read-only numpy view of a vector owned by `owner` (no copy; the owner is kept alive).
template <class T>
py::array_t<T> numpy_view(const std::vector<T>& values, py::handle owner) {
    py::array_t<T> out({static_cast<py::ssize_t>(values.size())}, {static_cast<py::ssize_t>(sizeof(T))},
                       values.data(), owner);
    py::detail::array_proxy(out.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
    return out;
}

template <class Enum>
py::list names_of(const uniform_column<Enum>& values) {
    py::list out(values.size());
    std::vector<py::object> interned;
    for (auto name : enum_names<Enum>::names)
        interned.push_back(name.empty() ? py::object(py::none()) : py::object(py::str(std::string(name))));
    for (std::size_t i = 0; i < values.size(); ++i) out[i] = interned[static_cast<std::size_t>(values[i])];
    return out;
}

py::object text_or_none(const std::string& s) { return s.empty() ? py::object(py::none()) : py::object(py::str(s)); }

template <class T>
py::object optional_or_none(const std::optional<T>& v) { return v ? py::cast(*v) : py::object(py::none()); }

py::dict actor_columns(const network& net) {
    const auto& a = net.actors();
    const std::size_t n = a.size();
    py::dict out;
    auto strings = [&](const uniform_column<std::string>& v) {
        py::list l(n);
        for (std::size_t i = 0; i < n; ++i) l[i] = text_or_none(v[i]);
        return l;
    };
    auto lists = [&](const uniform_column<std::vector<std::string>>& v) {
        py::list l(n);
        for (std::size_t i = 0; i < n; ++i) l[i] = py::cast(v[i]);
        return l;
    };
    out["id"] = py::cast(a.id);
    out["kind"] = names_of(a.kind);
    out["label"] = strings(a.label);
    out["role"] = names_of(a.role);
    py::list organisation(n);
    for (std::size_t i = 0; i < n; ++i)
        organisation[i] = a.organisation[i] == no_index ? py::object(py::none()) : py::object(py::str(a.id[a.organisation[i]]));
    out["organisation"] = organisation;
    out["profession"] = strings(a.profession);
    out["sector"] = strings(a.sector);
    out["status"] = names_of(a.status);
    out["territory"] = strings(a.territory);
    out["service_area"] = lists(a.service_area);
    out["domains"] = lists(a.domains);
    out["needs"] = lists(a.needs);
    py::array_t<bool> member(static_cast<py::ssize_t>(n)), potential(static_cast<py::ssize_t>(n));
    for (std::size_t i = 0; i < n; ++i) {
        member.mutable_data()[i] = a.member[i] != 0;
        potential.mutable_data()[i] = a.potential[i] != 0;
    }
    out["member"] = member;
    out["potential"] = potential;
    out["attributes"] = strings(a.attributes);
    out["extra"] = strings(a.extra);
    return out;
}

py::dict tie_columns(const network& net) {
    const auto& t = net.ties();
    const auto& ids = net.actors().id;
    const std::size_t m = t.size();
    py::dict out;
    py::list source(m), target(m);
    for (std::size_t i = 0; i < m; ++i) {
        source[i] = py::str(ids[t.source[i]]);
        target[i] = py::str(ids[t.target[i]]);
    }
    out["source"] = source;
    out["target"] = target;
    out["relation"] = names_of(t.relation);
    out["formality"] = names_of(t.formality);
    out["layer"] = names_of(t.layer);
    py::array_t<bool> directed(static_cast<py::ssize_t>(m));
    for (std::size_t i = 0; i < m; ++i) directed.mutable_data()[i] = t.directed[i] != 0;
    out["directed"] = directed;
    out["weight"] = numpy_copy(t.weight);
    out["valence"] = names_of(t.valence);
    out["intensity"] = names_of(t.intensity);
    py::list id(m), about(m), consent(m), convention(m), trust(m), value(m), resources(m), since(m),
        last_activity(m), attributes(m), extra(m);
    for (std::size_t i = 0; i < m; ++i) {
        if (t.detail[i] == no_index) {
            for (py::list* column : {&id, &about, &consent, &convention, &trust, &value, &since, &last_activity,
                                     &attributes, &extra})
                (*column)[i] = py::none();
            resources[i] = py::list();
            continue;
        }
        const tie_detail& d = t.details[t.detail[i]];
        id[i] = text_or_none(d.id);
        about[i] = d.about == no_index ? py::object(py::none()) : py::object(py::str(ids[d.about]));
        consent[i] = optional_or_none(d.consent);
        if (d.convention) {
            py::dict c;
            c["signed"] = d.convention->is_signed;
            c["tasks"] = d.convention->tasks;
            c["means"] = d.convention->means;
            c["contributions"] = d.convention->contributions;
            c["responsibilities"] = d.convention->responsibilities;
            c["expected_results"] = d.convention->expected_results;
            convention[i] = c;
        } else {
            convention[i] = py::none();
        }
        if (!d.trust.empty()) {
            py::dict r;
            r["reliability"] = optional_or_none(d.trust.reliability);
            r["shared_mission"] = optional_or_none(d.trust.shared_mission);
            r["openness"] = optional_or_none(d.trust.openness);
            trust[i] = r;
        } else {
            trust[i] = py::none();
        }
        if (!d.value.empty()) {
            py::dict r;
            r["influence"] = optional_or_none(d.value.influence);
            r["resources"] = optional_or_none(d.value.resources);
            r["involvement"] = optional_or_none(d.value.involvement);
            value[i] = r;
        } else {
            value[i] = py::none();
        }
        resources[i] = py::cast(d.resources);
        since[i] = text_or_none(d.since);
        last_activity[i] = text_or_none(d.last_activity);
        attributes[i] = text_or_none(d.attributes);
        extra[i] = text_or_none(d.extra);
    }
    out["id"] = id;
    out["about"] = about;
    out["consent"] = consent;
    out["convention"] = convention;
    out["trust"] = trust;
    out["value"] = value;
    out["resources"] = resources;
    out["since"] = since;
    out["last_activity"] = last_activity;
    out["attributes"] = attributes;
    out["extra"] = extra;
    return out;
}

py::dict vocabulary_dict(const vocabulary& v) {
    auto terms = [](const std::map<std::string, term_labels>& map) {
        py::dict d;
        for (const auto& [id, labels] : map) {
            py::dict l;
            l["fr"] = labels.fr;
            l["en"] = labels.en;
            l["de"] = labels.de;
            d[py::str(id)] = l;
        }
        return d;
    };
    py::dict out;
    out["domains"] = terms(v.domains());
    out["sectors"] = terms(v.sectors());
    return out;
}

template <class Enum>
std::optional<Enum> enum_arg(const std::optional<std::string>& text, const char* parameter) {
    if (!text) return std::nullopt;
    if (auto parsed = parse_enum<Enum>(*text)) return parsed;
    throw invalid_argument(std::string("view: ") + parameter + " must be one of " + allowed_names<Enum>() +
                           ", got \"" + *text + "\"");
}

template <class Enum>
std::vector<Enum> enum_list_arg(const std::vector<std::string>& texts, const char* parameter) {
    std::vector<Enum> out;
    for (const auto& text : texts) out.push_back(*enum_arg<Enum>(text, parameter));
    return out;
}

}  // namespace

void bind_model(py::module_& m) {
    py::class_<network>(m, "Network", "An immutable network map (C++ core).")
        .def(py::init<>())
        .def_property_readonly("actor_count", &network::actor_count)
        .def_property_readonly("tie_count", &network::tie_count)
        .def_property_readonly("meeting_count", &network::meeting_count)
        .def_property_readonly("actor_ids", [](const network& n) { return n.actors().id; })
        .def("find_actor", &network::find_actor, py::arg("id"))
        .def("actor_columns", &actor_columns)
        .def("tie_columns", &tie_columns)
        .def("own_vocabulary", [](const network& n) { return vocabulary_dict(n.own_vocabulary()); })
        .def("memory_bytes", &network::memory_bytes)
        .def("adjacency", [](py::object self) {
                 const network& n = self.cast<const network&>();
                 const csr_graph& g = n.graph();
                 py::dict out;
                 out["out_offsets"] = numpy_view(g.out_offsets(), self);
                 out["out_targets"] = numpy_view(g.out_targets(), self);
                 out["arc_ties"] = numpy_view(g.arc_ties(), self);
                 out["in_offsets"] = numpy_view(g.in_offsets(), self);
                 out["in_sources"] = numpy_view(g.in_sources(), self);
                 return out;
             },
             "The CSR adjacency as read-only numpy arrays (no copy).");

    py::class_<network_view>(m, "View", "A selection of a network's actors and ties (C++ core).")
        .def(py::init([](const network& net, std::optional<std::string> layer_, std::vector<std::string> relations,
                         std::optional<std::string> formality_, std::optional<bool> member,
                         std::vector<std::string> kinds, bool organisation_level) {
                 view_options o;
                 o.layer = enum_arg<layer>(layer_, "layer");
                 o.relations = enum_list_arg<relation>(relations, "relation");
                 o.formality = enum_arg<formality>(formality_, "formality");
                 o.member = member;
                 o.kinds = enum_list_arg<actor_kind>(kinds, "kind");
                 o.organisation_level = organisation_level;
                 return network_view(net, o);
             }),
             py::arg("network"), py::arg("layer") = py::none(), py::arg("relations") = std::vector<std::string>{},
             py::arg("formality") = py::none(), py::arg("member") = py::none(),
             py::arg("kinds") = std::vector<std::string>{}, py::arg("organisation_level") = false,
             py::keep_alive<1, 2>())
        .def_property_readonly("actor_count", &network_view::actor_count)
        .def_property_readonly("tie_count", &network_view::tie_count)
        .def("actor_indices", [](const network_view& v) { return numpy_copy(v.actor_indices()); })
        .def("tie_indices", [](const network_view& v) { return numpy_copy(v.tie_indices()); })
        .def("tie_endpoints", [](const network_view& v) {
            const auto ties = v.tie_indices();
            std::vector<index_t> source, target;
            for (index_t t : ties) {
                source.push_back(v.tie_source(t));
                target.push_back(v.tie_target(t));
            }
            return py::make_tuple(numpy_copy(source), numpy_copy(target));
        });

    m.def("default_vocabulary", [] { return vocabulary_dict(vocabulary::standard()); },
          "The default need domains and sectors with their fr, en and de labels.");
}

}  // namespace maillage::python
