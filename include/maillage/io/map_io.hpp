#pragma once
/// Reading and writing a map in any format maillage knows, chosen from the path or named.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "maillage/model/network.hpp"

namespace maillage {

enum class map_format { json, csv, graphml, gexf, dot };

/// The format of `path`: `csv` for a folder or a path ending in `.csv` (the folder then is its
/// parent), `json` for `.json`, `graphml` for `.graphml`, `gexf` for `.gexf`, `dot` for `.dot` or
/// `.gv` (written only). `format`, when given ("json", "csv", "graphml", "gexf", "dot"), wins.
/// @throws invalid_argument when neither tells.
[[nodiscard]] map_format format_of(const std::filesystem::path& path, std::string_view format = {});

/// Reads a map. @throws map_error, io_error, invalid_argument (see format_of; DOT is not read).
[[nodiscard]] network read(const std::filesystem::path& path, std::string_view format = {});

/// Writes a map atomically (a file, or a folder for CSV). @throws io_error, invalid_argument.
void write(const network& net, const std::filesystem::path& path, std::string_view format = {});

/// Every problem of the map at `path`, or none: what `maillage validate` lists.
/// @throws io_error when the file cannot be read at all.
[[nodiscard]] std::vector<problem> validate(const std::filesystem::path& path, std::string_view format = {});

}  // namespace maillage
