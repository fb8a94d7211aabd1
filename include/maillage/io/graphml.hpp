#pragma once
/// GraphML (http://graphml.graphdrawing.org), as yEd, Cytoscape, Gephi, igraph and networkx read
/// and write it: docs/FORMAT.md, "GraphML and GEXF". Every actor and tie field is a typed data
/// key (`<key attr.name="domains" attr.type="string">`, lists as `a|b`); the network metadata,
/// vocabulary and meetings ride in one graph-level key `maillage` holding their JSON. Parsed
/// with expat; problems carry the line and column of the element.
#include <filesystem>
#include <string>
#include <string_view>

#include "maillage/model/network.hpp"

namespace maillage {

/// Reads a GraphML file. Foreign files (networkx, igraph, yEd, Gephi) are welcome: keys named
/// as maillage fields fill them, others become free `attributes` typed by their `attr.type`;
/// nodes without `kind` are organisations (persons when they have a `role`, professionals when
/// they have an `organisation`), edges without `relation` are `other`.
/// @throws map_error listing every problem with its line and column (`map.graphml: 12:5:
/// "kind": unknown value "robot"`); @throws io_error when the file cannot be read.
[[nodiscard]] network read_graphml(const std::filesystem::path& path);

/// Reads GraphML text; `name` stands for the file in problem messages.
[[nodiscard]] network read_graphml_string(std::string_view text, const std::string& name = "<string>");

/// The GraphML text of a map (UTF-8). `edgedefault` is directed when any tie is; a map that mixes
/// directed and undirected ties says which in a `directed` key on every edge (rather than the
/// per-edge XML attribute, which networkx refuses when it differs from `edgedefault`).
[[nodiscard]] std::string to_graphml_string(const network& net);

/// Writes the GraphML text of a map atomically. @throws io_error.
void write_graphml(const network& net, const std::filesystem::path& path);

}  // namespace maillage
