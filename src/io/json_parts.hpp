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
/// Populations {territory: inhabitants} from a JSON object text into `info.population`.
void parse_populations(std::string_view text, network_builder& b, const std::string& place, network_info& info);
/// The JSON object text of `population` ({"Tavannes": 3500}), empty when there is none.
std::string populations_json(const std::map<std::string, double>& population);
/// A map's own vocabulary from a JSON object text ({"domains": {...}, "sectors": {...}}).
vocabulary parse_vocabulary(std::string_view text, network_builder& b, const std::string& place);

/// Reads the network metadata, vocabulary, meetings and unknown root fields of a map from the JSON
/// object text that GraphML and GEXF carry in their graph-level `maillage` field (docs/FORMAT.md);
/// problems go to `b`, their places starting with `prefix` (the place of that field).
void read_map_parts(std::string_view text, network_builder& b, const std::string& prefix);
/// The JSON object text of those parts of a map ({"maillage": 1, "network": ..., "meetings": ...}),
/// or empty when the map has none of them.
std::string map_parts_json(const network& net);

/// JSON text of financing entries, and of a vocabulary, as parse_* read them.
std::string financing_json(const std::vector<financing_entry>& financing);
std::string vocabulary_json(const vocabulary& own);

}  // namespace maillage::detail
