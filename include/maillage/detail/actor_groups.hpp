#pragma once
// Per-actor group codes from an actor field, for the measures by attribute (brokerage, ego
// composition). A private helper until the public model/actor_attribute.hpp lands; not API.
//
// Fields: kind, role, sector, status, territory, member, potential, profession and
// organisation (a professional's organisation; an organisation's own id, so that staff and
// their organisation form one group; empty for other actors). An actor without a value (no
// role, no sector...) belongs to the group of the empty value, "". Free `attributes` are JSON
// text that headers do not parse: callers pass their own codes (the Python package reads them).
// Groups are numbered in the order of their first actor (as R's unique()).
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "maillage/error.hpp"
#include "maillage/model/network.hpp"

namespace maillage::detail {

struct actor_groups {
    std::vector<std::int32_t> code;        ///< per actor index: the group number
    std::vector<std::string> names;        ///< per group number: the value

    /// Numbers the values in order of first appearance.
    static actor_groups from_values(const std::vector<std::string>& values) {
        actor_groups g;
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

/// The value of `field` for every actor of `net`. @throws invalid_argument for an unknown field.
inline std::vector<std::string> actor_field_values(const network& net, std::string_view function, std::string_view field) {
    const auto& a = net.actors();
    const index_t n = net.actor_count();
    std::vector<std::string> values(n);
    for (index_t i = 0; i < n; ++i) {
        if (field == "kind") values[i] = std::string(to_string(a.kind[i]));
        else if (field == "role") values[i] = std::string(to_string(a.role[i]));
        else if (field == "sector") values[i] = a.sector[i];
        else if (field == "status") values[i] = std::string(to_string(a.status[i]));
        else if (field == "territory") values[i] = a.territory[i];
        else if (field == "member") values[i] = a.member[i] ? "true" : "false";
        else if (field == "potential") values[i] = a.potential[i] ? "true" : "false";
        else if (field == "profession") values[i] = a.profession[i];
        else if (field == "organisation") {
            if (a.kind[i] == actor_kind::organisation) values[i] = a.id[i];
            else if (a.organisation[i] != no_index) values[i] = a.id[a.organisation[i]];
        } else {
            std::string allowed;
            for (auto f : group_fields()) allowed += (allowed.empty() ? "" : ", ") + std::string(f);
            throw invalid_argument(std::string(function) + ": attribute must be one of " + allowed + ", got \"" +
                                   std::string(field) + "\"");
        }
    }
    return values;
}

inline actor_groups group_by_field(const network& net, std::string_view function, std::string_view field) {
    return actor_groups::from_values(actor_field_values(net, function, field));
}

}  // namespace maillage::detail
