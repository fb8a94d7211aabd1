#pragma once
// Per-actor group codes from an actor field, for the measures by attribute that follow R's sna
// (brokerage, ego composition): every actor is in a group, the empty value making one, and groups
// are numbered in order of first appearance. The values come from model/actor_attribute.hpp,
// whose public groups (sorted, no group for no value) serve E-I, mixing and silos; not API.
//
// Fields: kind, role, sector, status, territory, member, potential, profession and
// organisation (a professional's organisation; an organisation's own id, so that staff and
// their organisation form one group; empty for other actors). An actor without a value (no
// role, no sector...) belongs to the group of the empty value, "". Free `attributes` are JSON
// text that headers do not parse: callers pass their own codes (the Python package reads them).
// Groups are numbered in the order of their first actor (as R's unique()).
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "maillage/error.hpp"
#include "maillage/model/actor_attribute.hpp"
#include "maillage/model/network.hpp"

namespace maillage::detail {

struct field_codes {
    std::vector<std::int32_t> code;        ///< per actor index: the group number
    std::vector<std::string> names;        ///< per group number: the value

    /// Numbers the values in order of first appearance.
    static field_codes from_values(const std::vector<std::string>& values) {
        field_codes g;
        g.code.resize(values.size());
        std::unordered_map<std::string, std::int32_t> seen;
        for (std::size_t i = 0; i < values.size(); ++i) {
            auto [it, added] = seen.try_emplace(values[i], static_cast<std::int32_t>(g.names.size()));
            if (added) g.names.push_back(values[i]);
            g.code[i] = it->second;
        }
        return g;
    }
};

inline const std::vector<std::string_view>& group_fields() {
    static const std::vector<std::string_view> fields{"kind", "role", "sector", "status", "territory",
                                                      "member", "potential", "profession", "organisation"};
    return fields;
}

/// The value of `field` for every actor of `net`, read by the shared accessor of
/// model/actor_attribute.hpp; for `organisation`, an organisation stands for itself, so that its
/// staff and it make one group. @throws invalid_argument for a field outside group_fields().
inline std::vector<std::string> actor_field_values(const network& net, std::string_view function, std::string_view field) {
    if (std::find(group_fields().begin(), group_fields().end(), field) == group_fields().end()) {
        std::string allowed;
        for (auto f : group_fields()) allowed += (allowed.empty() ? "" : ", ") + std::string(f);
        throw invalid_argument(std::string(function) + ": attribute must be one of " + allowed + ", got \"" +
                               std::string(field) + "\"");
    }
    std::vector<attribute_value> read = actor_attribute_values(net, field, function);
    std::vector<std::string> values(read.size());
    const auto& a = net.actors();
    for (std::size_t i = 0; i < read.size(); ++i)
        values[i] = field == "organisation" && a.kind[i] == actor_kind::organisation ? a.id[i] : std::move(read[i].text);
    return values;
}

inline field_codes group_by_field(const network& net, std::string_view function, std::string_view field) {
    return field_codes::from_values(actor_field_values(net, function, field));
}

}  // namespace maillage::detail
