#pragma once
/// The CSV folder (`actors.csv`, `ties.csv`, and optionally `meetings.csv`, `decisions.csv`,
/// `network.csv`) as a trainer keeps it in a spreadsheet: docs/FORMAT.md. Fields are split by
/// libcsv (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes).
#include <filesystem>

#include "maillage/model/network.hpp"

namespace maillage {

/// Reads a CSV folder. UTF-8 with or without BOM; comma or semicolon, detected per file from its
/// header line. @throws map_error listing every problem with its file and line
/// (`ties.csv:14: column "source" is empty`); @throws io_error when a file cannot be read.
[[nodiscard]] network read_csv(const std::filesystem::path& folder);

/// Writes the map as a CSV folder (comma-separated, UTF-8 without BOM), creating the folder if
/// needed. Each file is written to a temporary file and renamed into place; files of the format
/// that the map does not need are written with their header only, so no stale file survives.
/// @throws io_error.
void write_csv(const network& net, const std::filesystem::path& folder);

}  // namespace maillage
