#pragma once
/// The DOT language of Graphviz (https://graphviz.org/doc/info/lang.html), written only: a map
/// to draw with `dot`, `neato` or `sfdp`. docs/FORMAT.md, "DOT".
///
/// One `digraph`; undirected ties have `dir=none`. Formality is the line style (formal solid,
/// informal dashed); the layer is the colour (primary network green, secondary network blue)
/// and the edge `class` (a CSS class in SVG); persons sit in `cluster_primary`, professionals,
/// organisations and networks in `cluster_secondary`; weight is the pen width, the relation the
/// edge label. Actors are shaped by kind (person ellipse, professional
/// note, organisation box, network hexagon), members drawn bold, potential partners dotted.
/// Every id and label is a quoted string with `"` and `\` escaped and line breaks as `\n`;
/// text stays UTF-8 (`charset="UTF-8"`), so accents are written as they are.
#include <filesystem>
#include <string>

#include "maillage/model/network.hpp"

namespace maillage {

/// The DOT text of a map.
[[nodiscard]] std::string to_dot_string(const network& net);

/// Writes the DOT text of a map atomically. @throws io_error.
void write_dot(const network& net, const std::filesystem::path& path);

}  // namespace maillage
