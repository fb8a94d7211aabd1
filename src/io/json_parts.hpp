#pragma once
// JSON pieces that the CSV format carries in single cells, shared by the readers and writers.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maillage/model/network.hpp"

namespace maillage::detail {

/// The compact text of a JSON object given as text, or nothing (and a problem at `place` naming
/// `what`) when it is not valid JSON or not an object. Empty text gives an empty result.
std::optional<std::string> compact_json_object(std::string_view text, network_builder& b, const std::string& place,
                                               std::string_view what);

/// `object` (compact JSON object text, maybe empty) with `key` set to the string `value`.
std::string with_string_member(const std::string& object, std::string_view key, std::string_view value);

/// Financing entries from a JSON array text; problems go to `b` at `place`.
std::vector<financing_entry> parse_financing(std::string_view text, network_builder& b, const std::string& place);
/// A map's own vocabulary from a JSON object text ({"domains": {...}, "sectors": {...}}).
vocabulary parse_vocabulary(std::string_view text, network_builder& b, const std::string& place);

/// JSON text of financing entries, and of a vocabulary, as parse_* read them.
std::string financing_json(const std::vector<financing_entry>& financing);
std::string vocabulary_json(const vocabulary& own);

}  // namespace maillage::detail
