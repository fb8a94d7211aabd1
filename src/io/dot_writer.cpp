// Writes the DOT language of Graphviz (include/maillage/io/dot.hpp).
#include <cmath>

#include "graph_fields.hpp"
#include "maillage/io/atomic_file.hpp"
#include "maillage/io/dot.hpp"

namespace maillage {

namespace {

/// A DOT quoted string: `"` and `\` escaped, line breaks as `\n` (centred lines), carriage
/// returns dropped, other control characters dropped; UTF-8 kept as it is.
std::string dot_quoted(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (static_cast<unsigned char>(c) < 0x20) {
            if (c == '\t') out += ' ';
        } else {
            out += c;
        }
    }
    return out + "\"";
}

const char* shape_of(actor_kind k) {
    switch (k) {
        case actor_kind::person: return "ellipse";
        case actor_kind::professional: return "note";
        case actor_kind::organisation: return "box";
        case actor_kind::network: return "hexagon";
    }
    return "ellipse";
}

constexpr const char* primary_colour = "#2e7d32";    // green: the primary network
constexpr const char* secondary_colour = "#1565c0";  // blue: the secondary network

}  // namespace

std::string to_dot_string(const network& net) {
    const auto& a = net.actors();
    const auto& t = net.ties();
    std::string out = "digraph " + dot_quoted(net.info().name.empty() ? "maillage" : net.info().name) + " {\n";
    out += "  graph [charset=\"UTF-8\", overlap=false, splines=true";
    if (!net.info().name.empty()) out += ", label=" + dot_quoted(net.info().name);
    out += "];\n";
    out += "  node [fontname=\"DejaVu Sans\", fontsize=10];\n";
    out += "  edge [fontname=\"DejaVu Sans\", fontsize=8];\n";
    auto node = [&](index_t i) {
        std::string style = a.potential[i] ? "dotted" : "solid";
        if (a.member[i]) style += ",bold";
        out += "    " + dot_quoted(a.id[i]) + " [label=" + dot_quoted(a.label[i].empty() ? a.id[i] : a.label[i]) +
               ", shape=" + shape_of(a.kind[i]) + ", style=" + dot_quoted(style) + "];\n";
    };
    out += "  subgraph cluster_primary {\n    label=\"réseau primaire\";\n    color=" + dot_quoted(primary_colour) + ";\n";
    for (index_t i = 0; i < net.actor_count(); ++i)
        if (a.kind[i] == actor_kind::person) node(i);
    out += "  }\n";
    out += "  subgraph cluster_secondary {\n    label=\"réseau secondaire\";\n    color=" + dot_quoted(secondary_colour) + ";\n";
    for (index_t i = 0; i < net.actor_count(); ++i)
        if (a.kind[i] != actor_kind::person) node(i);
    out += "  }\n";
    for (index_t i = 0; i < net.tie_count(); ++i) {
        const bool primary = t.layer[i] == layer::primary;
        const bool formal = t.formality[i] == formality::formal;
        const double width = std::clamp(1.0 + std::log2(std::max(t.weight[i], 1e-9)), 0.5, 6.0);
        out += "  " + dot_quoted(a.id[t.source[i]]) + " -> " + dot_quoted(a.id[t.target[i]]) +
               " [label=" + dot_quoted(to_string(t.relation[i])) + ", style=" + (formal ? "solid" : "dashed") +
               ", color=" + dot_quoted(primary ? primary_colour : secondary_colour) +
               ", penwidth=" + detail::number_text(std::round(width * 100) / 100) +
               (t.directed[i] ? "" : ", dir=none") + ", class=" + (primary ? "primary" : "secondary") + "];\n";
    }
    out += "}\n";
    return out;
}

void write_dot(const network& net, const std::filesystem::path& path) { write_file_atomically(path, to_dot_string(net)); }

}  // namespace maillage
