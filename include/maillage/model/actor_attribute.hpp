#pragma once
/// One attribute of every actor, by name: the groups it makes (for E–I, mixing, assortativity,
/// brokerage roles, silos) or its numbers (for numeric assortativity).
///
/// `attribute` names an actor field or a key of the actors' free `attributes`:
/// - `kind`, `role`, `sector`, `status`, `territory`, `profession`, `label`: the field's text
///   (roles and statuses by their format names: `user`, `public`...);
/// - `organisation`: the id of a professional's organisation;
/// - `member`, `potential`: "true" or "false" (numbers 1 and 0);
/// - any other name, or `attributes.NAME` to reach a free attribute that shares a field's name:
///   the free attribute NAME — a string as it is, a number as its JSON text ("3", "2.5"), a
///   boolean as "true"/"false", an array or object as its compact JSON text.
/// An empty text (no sector, no role, an absent or null free attribute) is no value: the actor is
/// in no group and measures leave it out. List fields (`domains`, `needs`, `service_area`) do not
/// make groups and are refused.
///
/// Group codes are 0..k-1 in the byte order of the group names, among the actors of the view that
/// have a value; so codes do not depend on actor order, and a name is found by binary search.
/// Numbers: JSON numbers, booleans (1, 0), and strings that are a whole decimal number ("42", as
/// CSV columns give them); NaN for no value. O(n) (free attributes: one small JSON parse per actor).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "maillage/error.hpp"
#include "maillage/model/view.hpp"

namespace maillage {

/// The value of one actor's attribute: `text` (empty: no value) and `number` (NaN: not a number).
struct attribute_value {
    std::string text;
    double number = std::numeric_limits<double>::quiet_NaN();
};

/// A partition of the view's actors by an attribute.
struct actor_groups {
    std::string attribute;
    std::vector<index_t> group;        ///< group code per actor index; no_index: outside the view or no value
    std::vector<std::string> names;    ///< group name per code, in byte order
    std::vector<index_t> sizes;        ///< actors of the view per group
    index_t missing = 0;               ///< actors of the view without a value

    [[nodiscard]] index_t count() const noexcept { return static_cast<index_t>(names.size()); }
    /// The code of the group `name`, or no_index.
    [[nodiscard]] index_t find(std::string_view name) const {
        const auto it = std::lower_bound(names.begin(), names.end(), name);
        return it != names.end() && *it == name ? static_cast<index_t>(it - names.begin()) : no_index;
    }
};

namespace detail {

/// The member `key` of a free-attributes object (compact JSON object text), or no value.
/// Defined in src/model/actor_attribute.cpp (RapidJSON parses).
[[nodiscard]] attribute_value free_attribute(const json_object_text& attributes, std::string_view key);

/// A whole decimal number, or NaN.
[[nodiscard]] inline double parse_number(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::numeric_limits<double>::quiet_NaN();
    return value;
}

}  // namespace detail

/// The value of `attribute` for every actor of `net` (by actor index).
/// @throws invalid_argument for an empty name or a list field; `function` names the caller.
[[nodiscard]] inline std::vector<attribute_value> actor_attribute_values(const network& net, std::string_view attribute,
                                                                        std::string_view function = "actor_attribute") {
    const auto& a = net.actors();
    const index_t n = net.actor_count();
    std::vector<attribute_value> out(n);
    auto fail = [&](const std::string& why) {
        throw invalid_argument(std::string(function) + ": attribute " + why);
    };
    if (attribute.empty()) fail("must name an actor field or a free attribute, got \"\"");
    if (attribute == "domains" || attribute == "needs" || attribute == "service_area" || attribute == "id")
        fail("\"" + std::string(attribute) + "\" holds " + (attribute == "id" ? "one value per actor" : "lists") +
             " and makes no groups; use kind, role, sector, status, territory, profession, organisation, member, "
             "potential, label or a free attribute");
    auto text = [&](auto&& of) {
        for (index_t v = 0; v < n; ++v) {
            out[v].text = of(v);
            out[v].number = detail::parse_number(out[v].text);
        }
    };
    auto flag = [&](const uniform_column<std::uint8_t>& values) {
        for (index_t v = 0; v < n; ++v) {
            out[v].text = values[v] ? "true" : "false";
            out[v].number = values[v] ? 1.0 : 0.0;
        }
    };
    if (attribute == "kind") text([&](index_t v) { return std::string(to_string(a.kind[v])); });
    else if (attribute == "role") text([&](index_t v) { return std::string(to_string(a.role[v])); });
    else if (attribute == "status") text([&](index_t v) { return std::string(to_string(a.status[v])); });
    else if (attribute == "sector") text([&](index_t v) { return a.sector[v]; });
    else if (attribute == "territory") text([&](index_t v) { return a.territory[v]; });
    else if (attribute == "profession") text([&](index_t v) { return a.profession[v]; });
    else if (attribute == "label") text([&](index_t v) { return a.label[v]; });
    else if (attribute == "organisation")
        text([&](index_t v) { return a.organisation[v] == no_index ? std::string() : a.id[a.organisation[v]]; });
    else if (attribute == "member") flag(a.member);
    else if (attribute == "potential") flag(a.potential);
    else {
        std::string_view key = attribute;
        if (key.starts_with("attributes.")) key.remove_prefix(11);
        if (key.empty()) fail("\"attributes.\" names no key");
        for (index_t v = 0; v < n; ++v)
            if (!a.attributes[v].empty()) out[v] = detail::free_attribute(a.attributes[v], key);
    }
    return out;
}

/// The groups of the view's actors by `attribute`. O(n log k) for k groups.
[[nodiscard]] inline actor_groups group_actors(const network_view& view, std::string_view attribute,
                                               std::string_view function = "actor_attribute") {
    const network& net = view.base();
    std::vector<attribute_value> values = actor_attribute_values(net, attribute, function);
    actor_groups out;
    out.attribute = std::string(attribute);
    const index_t n = net.actor_count();
    for (index_t v = 0; v < n; ++v)
        if (view.has_actor(v) && !values[v].text.empty()) out.names.push_back(values[v].text);
    std::sort(out.names.begin(), out.names.end());
    out.names.erase(std::unique(out.names.begin(), out.names.end()), out.names.end());
    out.group.assign(n, no_index);
    out.sizes.assign(out.names.size(), 0);
    for (index_t v = 0; v < n; ++v) {
        if (!view.has_actor(v)) continue;
        if (values[v].text.empty()) {
            ++out.missing;
            continue;
        }
        out.group[v] = out.find(values[v].text);
        ++out.sizes[out.group[v]];
    }
    return out;
}

/// The numbers of `attribute` for the view's actors (by actor index; NaN outside the view or
/// without a value). @throws invalid_argument naming the first actor whose value is not a number.
[[nodiscard]] inline std::vector<double> actor_numbers(const network_view& view, std::string_view attribute,
                                                       std::string_view function = "actor_attribute") {
    const network& net = view.base();
    std::vector<attribute_value> values = actor_attribute_values(net, attribute, function);
    std::vector<double> out(net.actor_count(), std::numeric_limits<double>::quiet_NaN());
    for (index_t v = 0; v < net.actor_count(); ++v) {
        if (!view.has_actor(v) || values[v].text.empty()) continue;
        if (std::isnan(values[v].number))
            throw invalid_argument(std::string(function) + ": attribute \"" + std::string(attribute) + "\" of actor \"" +
                                   net.actor_id(v) + "\" is not a number: \"" + values[v].text + "\"");
        out[v] = values[v].number;
    }
    return out;
}

/// Throws when no actor of the view has a value for the attribute (most often a misspelt name).
inline void require_values(const actor_groups& groups, std::string_view function) {
    if (groups.count() == 0)
        throw invalid_argument(std::string(function) + ": no actor of the view has a value for attribute \"" +
                               groups.attribute +
                               "\" (actor fields: kind, role, sector, status, territory, profession, organisation, "
                               "member, potential, label; any other name is a key of the free attributes)");
}

}  // namespace maillage
