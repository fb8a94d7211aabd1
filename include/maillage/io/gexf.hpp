#pragma once
/// GEXF (https://gexf.net), the format of Gephi: docs/FORMAT.md, "GraphML and GEXF". Written as
/// GEXF 1.2 (what networkx and Gephi both read); GEXF 1.1, 1.2 and 1.3 are read, with or without
/// the viz extension (positions, colours and sizes are drawing, not map, and are left out).
/// Actor and tie fields are typed attributes (lists as `liststring`, `a|b`); the network
/// metadata, vocabulary and meetings ride as JSON in a `<maillage:map>` element inside `<meta>`,
/// which other tools ignore. Parsed with expat; problems carry the line and column.
#include <filesystem>
#include <string>
#include <string_view>

#include "maillage/model/network.hpp"

namespace maillage {

/// Reads a GEXF file (the same defaults for foreign files as read_graphml).
/// @throws map_error listing every problem with its line and column; @throws io_error.
[[nodiscard]] network read_gexf(const std::filesystem::path& path);

/// Reads GEXF text; `name` stands for the file in problem messages.
[[nodiscard]] network read_gexf_string(std::string_view text, const std::string& name = "<string>");

/// The GEXF 1.2 text of a map. Every edge has an id (the tie id, or its position when it has
/// none); parallel ties are edges with distinct ids.
[[nodiscard]] std::string to_gexf_string(const network& net);

/// Writes the GEXF text of a map atomically. @throws io_error.
void write_gexf(const network& net, const std::filesystem::path& path);

}  // namespace maillage
