// Reads and writes GraphML (include/maillage/io/graphml.hpp, docs/FORMAT.md).
#include "maillage/io/graphml.hpp"

#include <map>

#include "graph_fields.hpp"
#include "graph_writing.hpp"
#include "json_parts.hpp"
#include "maillage/io/atomic_file.hpp"
#include "maillage/io/text.hpp"
#include "xml_tree.hpp"

namespace maillage {

namespace {

using detail::field_input;
using detail::xml_element;

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

const char* graphml_type(detail::field_type t) {
    switch (t) {
        case detail::field_type::boolean: return "boolean";
        case detail::field_type::integer: return "long";
        case detail::field_type::real: return "double";
        default: return "string";
    }
}

struct key_def {
    std::string domain;  ///< node, edge, graph, all...
    std::string name;
    std::string type;
    std::optional<std::string> fallback;  ///< the <default>
    bool graphics = false;                ///< a yEd graphics key (yfiles.type)
};

class graphml_reader {
public:
    explicit graphml_reader(network_builder& b) : b_(b) {}

    void read(const xml_element& root) {
        if (root.name != "graphml") {
            b_.add_problem(root.place(), "not a GraphML file: the root element is <" + root.name + ">, not <graphml>");
            return;
        }
        for (const auto& child : root.children)
            if (child->name == "key") read_key(*child);
        std::size_t graphs = 0;
        for (const auto& child : root.children) {
            if (child->name != "graph") continue;
            if (++graphs > 1) {
                b_.add_problem(child->place(), "a second <graph>: maillage reads one map per file");
                continue;
            }
            read_graph(*child, true);
        }
        if (graphs == 0) b_.add_problem(root.place(), "no <graph> element");
    }

private:
    void read_key(const xml_element& e) {
        const std::string* id = e.attribute("id");
        if (!id) {
            b_.add_problem(e.place(), "<key> without an id");
            return;
        }
        key_def k;
        k.domain = e.attribute_or("for", "all");
        k.name = e.attribute_or("attr.name", *id);
        k.type = e.attribute_or("attr.type", "string");
        k.graphics = e.attribute("yfiles.type") != nullptr;
        for (const auto& c : e.children)
            if (c->name == "default") k.fallback = c->text;
        if (!keys_.emplace(*id, std::move(k)).second) b_.add_problem(e.place(), "key " + in_quotes(*id) + " declared twice");
    }

    const key_def* key_of(const xml_element& data) {
        const std::string* id = data.attribute("key");
        if (!id) {
            b_.add_problem(data.place(), "<data> without a key");
            return nullptr;
        }
        auto found = keys_.find(*id);
        if (found == keys_.end()) {
            b_.add_problem(data.place(), "<data> of an undeclared key " + in_quotes(*id));
            return nullptr;
        }
        return &found->second;
    }

    /// The fields of a node or edge: its <data>, then the defaults of the keys it lacks.
    std::vector<field_input> fields_of(const xml_element& e, std::string_view domain, std::string* yed_label) {
        std::vector<field_input> fields;
        std::vector<std::string> seen;
        for (const auto& c : e.children) {
            if (c->name != "data") continue;
            const key_def* k = key_of(*c);
            if (!k) continue;
            if (k->graphics) {
                if (yed_label && yed_label->empty()) *yed_label = label_inside(*c);
                continue;
            }
            seen.push_back(c->attribute_or("key"));
            fields.push_back({k->name, k->type, c->text, c->place()});
        }
        for (const auto& [id, k] : keys_) {
            if (!k.fallback || k.graphics || (k.domain != domain && k.domain != "all")) continue;
            if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
            fields.push_back({k.name, k.type, *k.fallback, e.place()});
        }
        return fields;
    }

    /// The text of the first yEd NodeLabel or EdgeLabel inside a graphics element.
    static std::string label_inside(const xml_element& e) {
        if (e.name == "NodeLabel" || e.name == "EdgeLabel") return e.text;
        for (const auto& c : e.children)
            if (auto text = label_inside(*c); !text.empty()) return text;
        return {};
    }

    void read_graph(const xml_element& g, bool top) {
        const std::string edgedefault = g.attribute_or("edgedefault", "directed");
        if (edgedefault != "directed" && edgedefault != "undirected")
            b_.add_problem(g.place(), "edgedefault must be directed or undirected, got " + in_quotes(edgedefault));
        const bool directed = edgedefault != "undirected";
        if (top) read_graph_data(g);
        for (const auto& c : g.children) {
            if (c->name == "node") read_node(*c, directed);
            else if (c->name == "edge") read_edge(*c, directed);
            else if (c->name == "hyperedge")
                b_.add_problem(c->place(), "a hyperedge: maillage ties join two actors (write it as a network actor "
                                           "with a membership tie to each)");
        }
    }

    void read_graph_data(const xml_element& g) {
        const xml_element* parts = nullptr;
        network_info info;
        std::vector<field_input> other;
        for (const auto& c : g.children) {
            if (c->name != "data") continue;
            const key_def* k = key_of(*c);
            if (!k) continue;
            if (k->name == "maillage") parts = c.get();
            else other.push_back({k->name, k->type, c->text, c->place()});
        }
        if (parts) {
            detail::read_map_parts(parts->text, b_, parts->place() + ": \"maillage\":");
            return;
        }
        if (other.empty()) return;
        // Graph attributes of other tools: the name, and the rest as free attributes.
        std::vector<field_input> rest;
        for (auto& f : other) {
            if (f.name == "name" && info.name.empty()) info.name = f.text;
            else rest.push_back(std::move(f));
        }
        if (!rest.empty()) info.attributes = detail::free_attributes(rest, b_);
        b_.set_info(std::move(info), g.place());
    }

    void read_node(const xml_element& n, bool directed) {
        const std::string* id = n.attribute("id");
        if (!id) b_.add_problem(n.place(), "<node> without an id");
        std::string yed_label;
        auto fields = fields_of(n, "node", &yed_label);
        if (!yed_label.empty() && std::none_of(fields.begin(), fields.end(), [](const field_input& f) {
                return f.name == "label" || f.name == "name";
            }))
            fields.push_back({"label", "string", yed_label, n.place()});
        if (id) b_.add_actor(detail::actor_from_fields(*id, fields, b_), n.place());
        for (const auto& c : n.children)
            if (c->name == "graph") read_graph(*c, false);  // a group (yEd) or nested graph: flattened
        (void)directed;
    }

    void read_edge(const xml_element& e, bool directed) {
        const std::string* source = e.attribute("source");
        const std::string* target = e.attribute("target");
        if (!source) b_.add_problem(e.place(), "<edge> without a source");
        if (!target) b_.add_problem(e.place(), "<edge> without a target");
        tie t = detail::tie_from_fields(fields_of(e, "edge", nullptr), b_);
        if (!source || !target) return;
        t.source = *source;
        t.target = *target;
        if (const std::string* id = e.attribute("id"); id && t.id.empty() && !detail::digits_only(*id)) t.id = *id;
        if (!t.directed) {
            if (const std::string* d = e.attribute("directed")) {
                t.directed = detail::parse_boolean(*d);
                if (!t.directed) b_.add_problem(e.place(), "directed must be true or false, got " + in_quotes(*d));
            } else {
                t.directed = directed;
            }
        }
        b_.add_tie(std::move(t), e.place());
    }

    network_builder& b_;
    std::map<std::string, key_def, std::less<>> keys_;
};

network read_graphml_text(std::string_view text, const std::string& name) {
    network_builder builder(name, network_builder::place_style::xml);
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) throw map_error({{name, "", "the file is empty"}});
    const auto doc = detail::parse_xml(text);
    if (!doc.error.empty()) throw map_error({{name, doc.error_place, doc.error}});
    graphml_reader(builder).read(*doc.root);
    return builder.build();
}

}  // namespace

network read_graphml_string(std::string_view text, const std::string& name) { return read_graphml_text(text, name); }

network read_graphml(const std::filesystem::path& path) { return read_graphml_text(read_text_file(path), path.string()); }

std::string to_graphml_string(const network& net) {
    using detail::xml_escape;
    const auto records = detail::graph_records_of(net, false, false);
    const std::string parts = detail::map_parts_json(net);
    std::string out;
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    if (!parts.empty()) out += "  <key id=\"g0\" for=\"graph\" attr.name=\"maillage\" attr.type=\"string\"/>\n";
    std::map<std::string, std::string, std::less<>> actor_ids, tie_ids;
    auto keys = [&](const std::vector<detail::graph_key>& list, const char* domain, char letter,
                    std::map<std::string, std::string, std::less<>>& ids) {
        for (std::size_t k = 0; k < list.size(); ++k) {
            const std::string id = letter + std::to_string(k);
            ids.emplace(list[k].name, id);
            out += "  <key id=\"" + id + "\" for=\"" + domain + "\" attr.name=\"" + xml_escape(list[k].name) +
                   "\" attr.type=\"" + graphml_type(list[k].type) + "\"/>\n";
        }
    };
    keys(records.actor_keys, "node", 'a', actor_ids);
    keys(records.tie_keys, "edge", 't', tie_ids);
    out += std::string("  <graph id=\"G\" edgedefault=\"") + (records.any_directed ? "directed" : "undirected") + "\">\n";
    if (!parts.empty()) out += "    <data key=\"g0\">" + xml_escape(parts) + "</data>\n";
    auto data = [&](const std::vector<detail::field_value>& fields, const std::map<std::string, std::string, std::less<>>& ids) {
        for (const auto& f : fields)
            out += "      <data key=\"" + ids.find(f.name)->second + "\">" + xml_escape(f.text) + "</data>\n";
    };
    for (index_t i = 0; i < net.actor_count(); ++i) {
        out += "    <node id=\"" + xml_escape(net.actor_id(i)) + "\">\n";
        data(records.actors[i], actor_ids);
        out += "    </node>\n";
    }
    const auto& ties = net.ties();
    for (index_t i = 0; i < net.tie_count(); ++i) {
        out += "    <edge";
        const tie t = net.tie_record(i);
        if (!t.id.empty()) out += " id=\"" + xml_escape(t.id) + "\"";
        out += " source=\"" + xml_escape(net.actor_id(ties.source[i])) + "\" target=\"" +
               xml_escape(net.actor_id(ties.target[i])) + "\">\n";
        data(records.ties[i], tie_ids);
        out += "    </edge>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

void write_graphml(const network& net, const std::filesystem::path& path) {
    write_file_atomically(path, to_graphml_string(net));
}

}  // namespace maillage
