#pragma once
/// The JSON map (`*.maillage.json`), the native format: docs/FORMAT.md. Read with RapidJSON's SAX
/// reader (strict: UTF-8 validated, numbers converted exactly, iterative so that deep nesting
/// cannot overflow the stack), streaming: the file is read in 64 KiB blocks and each actor, tie
/// and meeting is read and freed in turn, so that neither the text nor a document of the whole
/// map is ever held (benchmarks/RESULTS.md, "Reading a large map", measures the peak).
#include <filesystem>
#include <string>
#include <string_view>

#include "maillage/model/network.hpp"

namespace maillage {

/// Reads a JSON map. @throws map_error listing every problem, each with the file and its JSON
/// path (`ties[12].target: unknown actor "o9"`) or line:column for syntax errors;
/// @throws io_error when the file cannot be read.
[[nodiscard]] network read_json(const std::filesystem::path& path);

/// Reads a JSON map from text; `name` stands for the file in problem messages.
[[nodiscard]] network read_json_string(std::string_view text, const std::string& name = "<string>");

/// The JSON text of a map (UTF-8, indented by 2, lists of scalars on one line). Fields left at
/// their defaults are not written; unknown fields and attributes are written back as read.
[[nodiscard]] std::string to_json_string(const network& net);

/// Writes the JSON map to `path` through a temporary file renamed into place, so that a failure
/// leaves any previous file intact. @throws io_error.
void write_json(const network& net, const std::filesystem::path& path);

}  // namespace maillage
