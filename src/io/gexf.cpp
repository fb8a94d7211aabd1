// Reads and writes GEXF (include/maillage/io/gexf.hpp, docs/FORMAT.md).
#include "maillage/io/gexf.hpp"

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

/// The namespace of maillage's own element inside <meta>.
constexpr const char* maillage_namespace = "urn:maillage:map:1";

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

const char* gexf_type(detail::field_type t) {
    switch (t) {
        case detail::field_type::boolean: return "boolean";
        case detail::field_type::integer: return "long";
        case detail::field_type::real: return "double";
        case detail::field_type::list: return "liststring";
        default: return "string";
    }
}

struct attribute_def {
    std::string title;
    std::string type;
    std::optional<std::string> fallback;
};

class gexf_reader {
public:
    explicit gexf_reader(network_builder& b) : b_(b) {}

    void read(const xml_element& root) {
        if (root.name != "gexf") {
            b_.add_problem(root.place(), "not a GEXF file: the root element is <" + root.name + ">, not <gexf>");
            return;
        }
        const xml_element* graph = nullptr;
        for (const auto& c : root.children) {
            if (c->name == "meta") read_meta(*c);
            else if (c->name == "graph" && !graph) graph = c.get();
            else if (c->name == "graph") b_.add_problem(c->place(), "a second <graph>: maillage reads one map per file");
        }
        if (!graph) {
            b_.add_problem(root.place(), "no <graph> element");
            return;
        }
        const std::string type = graph->attribute_or("defaultedgetype", "undirected");
        if (type != "directed" && type != "undirected" && type != "mutual")
            b_.add_problem(graph->place(), "defaultedgetype must be directed, undirected or mutual, got " + in_quotes(type));
        const bool directed = type == "directed";
        for (const auto& c : graph->children)
            if (c->name == "attributes") read_attributes(*c);
        for (const auto& c : graph->children) {
            if (c->name == "nodes") read_nodes(*c);
            else if (c->name == "edges") read_edges(*c, directed);
        }
    }

private:
    void read_meta(const xml_element& meta) {
        for (const auto& c : meta.children) {
            if (c->name != "map") continue;
            const std::string xmlns = c->prefix.empty() ? "xmlns" : "xmlns:" + c->prefix;
            const std::string* ns = c->attribute(xmlns);
            if (ns && *ns != maillage_namespace) continue;
            detail::read_map_parts(c->text, b_, c->place() + ": <map>:");
        }
    }

    void read_attributes(const xml_element& e) {
        const std::string domain = e.attribute_or("class", "node");
        if (domain != "node" && domain != "edge") return;  // graph attributes: not part of the map
        auto& defs = domain == "node" ? node_attributes_ : edge_attributes_;
        for (const auto& c : e.children) {
            if (c->name != "attribute") continue;
            const std::string* id = c->attribute("id");
            if (!id) {
                b_.add_problem(c->place(), "<attribute> without an id");
                continue;
            }
            attribute_def def{c->attribute_or("title", *id), c->attribute_or("type", "string"), std::nullopt};
            for (const auto& d : c->children)
                if (d->name == "default") def.fallback = d->text;
            if (!defs.emplace(*id, std::move(def)).second)
                b_.add_problem(c->place(), "attribute " + in_quotes(*id) + " declared twice");
        }
    }

    std::vector<field_input> fields_of(const xml_element& e, const std::map<std::string, attribute_def, std::less<>>& defs) {
        std::vector<field_input> fields;
        std::vector<std::string> seen;
        for (const auto& c : e.children) {
            if (c->name != "attvalues") continue;
            for (const auto& v : c->children) {
                if (v->name != "attvalue") continue;
                const std::string* id = v->attribute("for");
                if (!id) id = v->attribute("id");  // GEXF 1.0
                if (!id) {
                    b_.add_problem(v->place(), "<attvalue> without for");
                    continue;
                }
                auto found = defs.find(*id);
                if (found == defs.end()) {
                    b_.add_problem(v->place(), "<attvalue> of an undeclared attribute " + in_quotes(*id));
                    continue;
                }
                // Dynamic graphs give an attribute several values over time: the first is kept.
                if (std::find(seen.begin(), seen.end(), *id) != seen.end()) continue;
                seen.push_back(*id);
                fields.push_back({found->second.title, found->second.type, v->attribute_or("value"), v->place()});
            }
        }
        for (const auto& [id, def] : defs) {
            if (!def.fallback || std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
            fields.push_back({def.title, def.type, *def.fallback, e.place()});
        }
        return fields;
    }

    void read_nodes(const xml_element& nodes) {
        for (const auto& n : nodes.children) {
            if (n->name != "node") continue;
            const std::string* id = n->attribute("id");
            if (!id) b_.add_problem(n->place(), "<node> without an id");
            auto fields = fields_of(*n, node_attributes_);
            if (const std::string* label = n->attribute("label"))
                fields.insert(fields.begin(), {"label", "string", *label, n->place()});
            if (id) b_.add_actor(detail::actor_from_fields(*id, fields, b_), n->place());
            for (const auto& c : n->children)
                if (c->name == "nodes") read_nodes(*c);  // a hierarchy: flattened
        }
    }

    void read_edges(const xml_element& edges, bool directed) {
        for (const auto& e : edges.children) {
            if (e->name != "edge") continue;
            const std::string* source = e->attribute("source");
            const std::string* target = e->attribute("target");
            if (!source) b_.add_problem(e->place(), "<edge> without a source");
            if (!target) b_.add_problem(e->place(), "<edge> without a target");
            auto fields = fields_of(*e, edge_attributes_);
            if (const std::string* weight = e->attribute("weight"))
                fields.insert(fields.begin(), {"weight", "double", *weight, e->place()});
            if (const std::string* label = e->attribute("label")) fields.push_back({"label", "string", *label, e->place()});
            const bool has_relation = std::any_of(fields.begin(), fields.end(), [](const field_input& f) { return f.name == "relation"; });
            if (const std::string* kind = e->attribute("kind")) {
                // GEXF 1.3 kinds of a multigraph's edges: a relation when named like one.
                if (!has_relation && parse_enum<relation>(*kind)) fields.push_back({"relation", "string", *kind, e->place()});
                else fields.push_back({"kind", "string", *kind, e->place()});
            }
            tie t = detail::tie_from_fields(fields, b_);
            if (!source || !target) continue;
            t.source = *source;
            t.target = *target;
            if (const std::string* id = e->attribute("id"); id && t.id.empty() && !detail::digits_only(*id)) t.id = *id;
            if (!t.directed) {
                if (const std::string* type = e->attribute("type")) {
                    if (*type == "directed") t.directed = true;
                    else if (*type == "undirected" || *type == "mutual") t.directed = false;
                    else b_.add_problem(e->place(), "type must be directed, undirected or mutual, got " + in_quotes(*type));
                }
                if (!t.directed) t.directed = directed;
            }
            b_.add_tie(std::move(t), e->place());
        }
    }

    network_builder& b_;
    std::map<std::string, attribute_def, std::less<>> node_attributes_, edge_attributes_;
};

network read_gexf_text(std::string_view text, const std::string& name) {
    network_builder builder(name, network_builder::place_style::xml);
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) throw map_error({{name, "", "the file is empty"}});
    const auto doc = detail::parse_xml(text);
    if (!doc.error.empty()) throw map_error({{name, doc.error_place, doc.error}});
    gexf_reader(builder).read(*doc.root);
    return builder.build();
}

}  // namespace

network read_gexf_string(std::string_view text, const std::string& name) { return read_gexf_text(text, name); }

network read_gexf(const std::filesystem::path& path) { return read_gexf_text(read_text_file(path), path.string()); }

std::string to_gexf_string(const network& net) {
    using detail::xml_escape;
    const auto records = detail::graph_records_of(net, true, true);
    const std::string parts = detail::map_parts_json(net);
    std::string out;
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n";
    out += "  <meta>\n    <creator>maillage</creator>\n";
    if (!net.info().name.empty()) out += "    <description>" + xml_escape(net.info().name) + "</description>\n";
    if (!parts.empty())
        out += std::string("    <maillage:map xmlns:maillage=\"") + maillage_namespace + "\">" + xml_escape(parts) +
               "</maillage:map>\n";
    out += "  </meta>\n";
    out += std::string("  <graph defaultedgetype=\"") + (records.any_directed ? "directed" : "undirected") +
           "\" mode=\"static\">\n";
    std::size_t next_id = 0;
    std::map<std::string, std::string, std::less<>> actor_ids, tie_ids;
    auto attributes = [&](const std::vector<detail::graph_key>& list, const char* domain,
                          std::map<std::string, std::string, std::less<>>& ids) {
        if (list.empty()) return;
        out += std::string("    <attributes class=\"") + domain + "\" mode=\"static\">\n";
        for (const auto& k : list) {
            const std::string id = std::to_string(next_id++);
            ids.emplace(k.name, id);
            out += "      <attribute id=\"" + id + "\" title=\"" + xml_escape(k.name) + "\" type=\"" + gexf_type(k.type) +
                   "\"/>\n";
        }
        out += "    </attributes>\n";
    };
    attributes(records.actor_keys, "node", actor_ids);
    attributes(records.tie_keys, "edge", tie_ids);
    auto values = [&](const std::vector<detail::field_value>& fields, const std::map<std::string, std::string, std::less<>>& ids) {
        if (fields.empty()) return;
        out += "        <attvalues>\n";
        for (const auto& f : fields)
            out += "          <attvalue for=\"" + ids.find(f.name)->second + "\" value=\"" + xml_escape(f.text) + "\"/>\n";
        out += "        </attvalues>\n";
    };
    out += "    <nodes>\n";
    const auto& labels = net.actors().label;
    for (index_t i = 0; i < net.actor_count(); ++i) {
        out += "      <node id=\"" + xml_escape(net.actor_id(i)) + "\"";
        if (!labels[i].empty()) out += " label=\"" + xml_escape(labels[i]) + "\"";
        out += ">\n";
        values(records.actors[i], actor_ids);
        out += "      </node>\n";
    }
    out += "    </nodes>\n    <edges>\n";
    const auto& ties = net.ties();
    for (index_t i = 0; i < net.tie_count(); ++i) {
        const tie t = net.tie_record(i);
        out += "      <edge id=\"" + xml_escape(t.id.empty() ? std::to_string(i) : t.id) + "\" source=\"" +
               xml_escape(net.actor_id(ties.source[i])) + "\" target=\"" + xml_escape(net.actor_id(ties.target[i])) + "\"";
        if (t.weight != 1.0) out += " weight=\"" + detail::number_text(t.weight) + "\"";
        out += ">\n";
        values(records.ties[i], tie_ids);
        out += "      </edge>\n";
    }
    out += "    </edges>\n  </graph>\n</gexf>\n";
    return out;
}

void write_gexf(const network& net, const std::filesystem::path& path) { write_file_atomically(path, to_gexf_string(net)); }

}  // namespace maillage
