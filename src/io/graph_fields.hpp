#pragma once
// Actors and ties as flat, typed fields: what GraphML data keys and GEXF attributes hold
// (docs/FORMAT.md, "GraphML and GEXF"). Shared by the readers and writers of both formats.
#include <map>
#include <string>
#include <vector>

#include "maillage/model/network.hpp"

namespace maillage::detail {

enum class field_type { boolean, integer, real, text, list };

struct field_value {
    std::string name;
    field_type type = field_type::text;
    std::string text;  ///< the value as the file writes it
};

/// Which free attributes become typed fields of their own: those whose name is no field of the
/// record and whose value has the same scalar JSON type (boolean, integer, real, string) in every
/// record. A record any of whose attributes is not eligible writes them all as one JSON text in
/// the field `attributes`, so that nested values, nulls and mixed types survive exactly.
struct attribute_plan {
    std::map<std::string, field_type, std::less<>> eligible;
};
attribute_plan plan_actor_attributes(const network& net);
attribute_plan plan_tie_attributes(const network& net);

/// The fields of an actor, in a fixed order, defaults left out; `label` is left out too when
/// `with_label` is false (GEXF holds it as an XML attribute).
std::vector<field_value> actor_fields(const actor& a, const attribute_plan& plan, bool with_label);
/// The fields of a tie, defaults left out. `with_weight` false leaves the weight out (GEXF holds
/// it as an XML attribute); `with_directed` writes `directed` (for maps that mix both kinds);
/// `with_id` writes the tie id as a field (for ids made of digits only, which readers take for
/// generated ones when they are the XML id).
std::vector<field_value> tie_fields(const tie& t, const attribute_plan& plan, bool with_weight, bool with_directed,
                                    bool with_id);

/// A field as a reader found it: the name of its key or attribute, the declared type ("" when
/// none), the text, and the place of the element that held it.
struct field_input {
    std::string name;
    std::string type;
    std::string text;
    std::string place;
};

/// An actor from its fields. Fields with names of maillage fields fill them (a value that does
/// not fit is a problem at its place); `name` stands for the label when there is none; others
/// become free attributes typed by their declared type. Without `kind`: a person when a role
/// is given, a professional when an organisation is, otherwise an organisation.
actor actor_from_fields(std::string id, const std::vector<field_input>& fields, network_builder& b);
/// A tie from its fields (as actor_from_fields); without `relation`, the relation is `other`.
tie tie_from_fields(const std::vector<field_input>& fields, network_builder& b);

/// Fields as free attributes only (JSON object text), typed by their declared types.
std::string free_attributes(const std::vector<field_input>& fields, network_builder& b);

/// Whether `text` is made of digits only: an id that tools generate (positions, multigraph keys).
bool digits_only(std::string_view text);
/// The shortest text that reads back as `v`.
std::string number_text(double v);
/// `text` as true or false (true/false/1/0/yes/no, any case), or nothing.
std::optional<bool> parse_boolean(std::string_view text);

}  // namespace maillage::detail
