// Actors and ties as flat typed fields (graph_fields.hpp).
#include "graph_fields.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "json_parse.hpp"
#include "json_parts.hpp"
#include "list_cell.hpp"

namespace maillage::detail {

namespace {

using rapidjson::Value;

constexpr std::array actor_names = {"id", "kind", "label", "role", "organisation", "profession", "sector", "status",
                                    "territory", "service_area", "domains", "needs", "member", "potential",
                                    "attributes", "extra", "name"};
constexpr std::array tie_names = {"id", "source", "target", "relation", "formality", "layer", "directed", "weight",
                                  "valence", "about", "consent", "convention_signed", "convention_tasks",
                                  "convention_means", "convention_contributions", "convention_responsibilities",
                                  "convention_expected_results", "convention_extra", "intensity", "trust_reliability",
                                  "trust_shared_mission", "trust_openness", "value_influence", "value_resources",
                                  "value_involvement", "resources", "since", "last_activity", "attributes", "extra"};

template <std::size_t N>
bool reserved(const std::array<const char*, N>& names, std::string_view name) {
    return std::any_of(names.begin(), names.end(), [&](const char* n) { return name == n; });
}

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::optional<field_type> scalar_type(const Value& v) {
    if (v.IsBool()) return field_type::boolean;
    if (v.IsInt64()) return field_type::integer;
    if (v.IsDouble()) return field_type::real;
    if (v.IsString()) return field_type::text;
    return std::nullopt;
}

std::string scalar_text(const Value& v) {
    if (v.IsBool()) return v.GetBool() ? "true" : "false";
    if (v.IsInt64()) return std::to_string(v.GetInt64());
    if (v.IsDouble()) return number_text(v.GetDouble());
    return {v.GetString(), v.GetStringLength()};
}

template <std::size_t N>
void plan_one(attribute_plan& plan, std::map<std::string, bool, std::less<>>& banned, const json_object_text& text,
              const std::array<const char*, N>& names) {
    if (text.empty()) return;
    rapidjson::Document doc;
    if (parse_json(doc, text).IsError() || !doc.IsObject()) return;
    for (const auto& m : doc.GetObject()) {
        const std::string name(m.name.GetString(), m.name.GetStringLength());
        if (banned.count(name)) continue;
        const auto type = scalar_type(m.value);
        auto found = plan.eligible.find(name);
        if (!type || reserved(names, name) || name.empty() || (found != plan.eligible.end() && found->second != *type)) {
            banned.emplace(name, true);
            if (found != plan.eligible.end()) plan.eligible.erase(found);
            continue;
        }
        plan.eligible.emplace(name, *type);
    }
}

/// Appends the free attributes of a record: typed fields when all are eligible, else one JSON field.
void attribute_fields(std::vector<field_value>& out, const json_object_text& text, const attribute_plan& plan) {
    if (text.empty()) return;
    rapidjson::Document doc;
    if (parse_json(doc, text).IsError() || !doc.IsObject()) return;
    const bool all = std::all_of(doc.MemberBegin(), doc.MemberEnd(), [&](const auto& m) {
        return plan.eligible.count(std::string_view(m.name.GetString(), m.name.GetStringLength())) > 0;
    });
    if (!all) {
        out.push_back({"attributes", field_type::text, text});
        return;
    }
    for (const auto& m : doc.GetObject()) {
        const std::string name(m.name.GetString(), m.name.GetStringLength());
        out.push_back({name, plan.eligible.find(name)->second, scalar_text(m.value)});
    }
}

void text_field(std::vector<field_value>& out, const char* name, const std::string& v) {
    if (!v.empty()) out.push_back({name, field_type::text, v});
}
void list_field(std::vector<field_value>& out, const char* name, const std::vector<std::string>& v) {
    if (!v.empty()) out.push_back({name, field_type::list, join_list_cell(v)});
}
template <class Enum>
void enum_field(std::vector<field_value>& out, const char* name, Enum v) {
    const auto text = to_string(v);
    if (!text.empty()) out.push_back({name, field_type::text, std::string(text)});
}
void bool_field(std::vector<field_value>& out, const char* name, bool v) {
    out.push_back({name, field_type::boolean, v ? "true" : "false"});
}
void real_field(std::vector<field_value>& out, const char* name, const std::optional<double>& v) {
    if (v) out.push_back({name, field_type::real, number_text(*v)});
}

/// Reads the fields of one record, reporting problems at each field's place.
class field_reader {
public:
    field_reader(network_builder& b) : b_(b) { attributes_.SetObject(); }

    void problem(const field_input& f, const std::string& message) { b_.add_problem(f.place, in_quotes(f.name) + ": " + message); }

    std::optional<bool> boolean(const field_input& f) {
        if (f.text.empty()) return std::nullopt;
        auto v = parse_boolean(f.text);
        if (!v) problem(f, "expected true or false, got " + in_quotes(f.text));
        return v;
    }
    std::optional<double> number(const field_input& f) {
        std::string_view text = trimmed(f.text);
        if (text.empty()) return std::nullopt;
        if (text.front() == '+') text.remove_prefix(1);
        double v = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec != std::errc() || end != text.data() + text.size()) {
            problem(f, "malformed number " + in_quotes(f.text));
            return std::nullopt;
        }
        return v;
    }
    template <class Enum>
    std::optional<Enum> enumeration(const field_input& f) {
        if (f.text.empty()) return std::nullopt;
        auto v = parse_enum<Enum>(f.text);
        if (!v) problem(f, "unknown value " + in_quotes(f.text) + "; allowed: " + allowed_names<Enum>());
        return v;
    }
    /// A list: items split by '|' (backslash escapes), or "[a, b]" for GEXF 1.3 list types.
    static std::vector<std::string> list(const field_input& f) {
        std::string_view text = trimmed(f.text);
        if (f.type.rfind("list", 0) == 0 && text.size() >= 2 && text.front() == '[' && text.back() == ']') {
            std::vector<std::string> items;
            text = text.substr(1, text.size() - 2);
            std::size_t start = 0;
            while (start <= text.size()) {
                std::size_t comma = text.find(',', start);
                if (comma == std::string_view::npos) comma = text.size();
                auto item = trimmed(text.substr(start, comma - start));
                if (!item.empty()) items.emplace_back(item);
                start = comma + 1;
            }
            return items;
        }
        return split_list_cell(f.text);
    }
    std::string json_object(const field_input& f) {
        return compact_json_object(f.text, b_, f.place, in_quotes(f.name)).value_or("");
    }

    /// A field maillage does not know: a free attribute typed by its declared type.
    void free(const field_input& f) {
        std::string type = f.type;
        std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
        auto& alloc = attributes_.GetAllocator();
        Value value;
        if (type == "boolean" || type == "bool") {
            auto v = boolean(f);
            if (!v) return;
            value.SetBool(*v);
        } else if (type == "int" || type == "long" || type == "integer" || type == "short" || type == "byte") {
            std::string_view text = trimmed(f.text);
            if (!text.empty() && text.front() == '+') text.remove_prefix(1);
            std::int64_t v = 0;
            auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
            if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
                problem(f, "malformed integer " + in_quotes(f.text));
                return;
            }
            value.SetInt64(v);
        } else if (type == "float" || type == "double") {
            auto v = number(f);
            if (!v) return;
            if (std::isfinite(*v)) value.SetDouble(*v);
            else value.SetString(f.text.data(), static_cast<rapidjson::SizeType>(f.text.size()), alloc);
        } else {
            value.SetString(f.text.data(), static_cast<rapidjson::SizeType>(f.text.size()), alloc);
        }
        set(f.name, value);
    }
    /// The `attributes` field: a JSON object whose members join the free attributes.
    void attributes_field(const field_input& f) {
        const std::string text = json_object(f);
        if (text.empty()) return;
        rapidjson::Document doc;
        parse_json(doc, text);
        for (auto& m : doc.GetObject()) {
            Value copy(m.value, attributes_.GetAllocator());
            set(std::string(m.name.GetString(), m.name.GetStringLength()), copy);
        }
    }
    std::string attributes() {
        if (attributes_.ObjectEmpty()) return {};
        rapidjson::StringBuffer buffer;
        rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
        attributes_.Accept(writer);
        return {buffer.GetString(), buffer.GetSize()};
    }

private:
    static std::string_view trimmed(std::string_view text) {
        while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
        while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
        return text;
    }
    void set(const std::string& name, Value& value) {
        auto& alloc = attributes_.GetAllocator();
        Value key(name.data(), static_cast<rapidjson::SizeType>(name.size()), alloc);
        if (auto found = attributes_.FindMember(key); found != attributes_.MemberEnd()) found->value = value;
        else attributes_.AddMember(key, value, alloc);
    }

    network_builder& b_;
    rapidjson::Document attributes_;
};

}  // namespace

std::string free_attributes(const std::vector<field_input>& fields, network_builder& b) {
    field_reader r(b);
    for (const auto& f : fields) r.free(f);
    return r.attributes();
}

bool digits_only(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) { return c >= '0' && c <= '9'; });
}

std::string number_text(double v) {
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
    return ec == std::errc() ? std::string(buffer, end) : std::to_string(v);
}

std::optional<bool> parse_boolean(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    for (auto yes : {"true", "1", "yes"})
        if (lower == yes) return true;
    for (auto no : {"false", "0", "no"})
        if (lower == no) return false;
    return std::nullopt;
}

attribute_plan plan_actor_attributes(const network& net) {
    attribute_plan plan;
    std::map<std::string, bool, std::less<>> banned;
    for (const auto& text : net.actors().attributes) plan_one(plan, banned, text, actor_names);
    return plan;
}

attribute_plan plan_tie_attributes(const network& net) {
    attribute_plan plan;
    std::map<std::string, bool, std::less<>> banned;
    for (index_t i = 0; i < net.tie_count(); ++i) plan_one(plan, banned, net.tie_record(i).attributes, tie_names);
    return plan;
}

std::vector<field_value> actor_fields(const actor& a, const attribute_plan& plan, bool with_label) {
    std::vector<field_value> out;
    enum_field(out, "kind", a.kind);
    if (with_label) text_field(out, "label", a.label);
    enum_field(out, "role", a.role);
    text_field(out, "organisation", a.organisation);
    text_field(out, "profession", a.profession);
    text_field(out, "sector", a.sector);
    enum_field(out, "status", a.status);
    text_field(out, "territory", a.territory);
    list_field(out, "service_area", a.service_area);
    list_field(out, "domains", a.domains);
    list_field(out, "needs", a.needs);
    if (a.member) bool_field(out, "member", true);
    if (a.potential) bool_field(out, "potential", true);
    text_field(out, "extra", a.extra);
    attribute_fields(out, a.attributes, plan);
    return out;
}

std::vector<field_value> tie_fields(const tie& t, const attribute_plan& plan, bool with_weight, bool with_directed,
                                    bool with_id) {
    std::vector<field_value> out;
    if (with_id) text_field(out, "id", t.id);
    enum_field(out, "relation", t.relation);
    if (t.formality) enum_field(out, "formality", *t.formality);
    if (t.layer) enum_field(out, "layer", *t.layer);
    if (with_directed && t.directed) bool_field(out, "directed", *t.directed);
    if (with_weight && t.weight != 1.0) real_field(out, "weight", t.weight);
    enum_field(out, "valence", t.valence);
    text_field(out, "about", t.about);
    if (t.consent) bool_field(out, "consent", *t.consent);
    if (t.convention) {
        const convention& c = *t.convention;
        bool_field(out, "convention_signed", c.is_signed);
        list_field(out, "convention_tasks", c.tasks);
        list_field(out, "convention_means", c.means);
        list_field(out, "convention_contributions", c.contributions);
        list_field(out, "convention_responsibilities", c.responsibilities);
        list_field(out, "convention_expected_results", c.expected_results);
        text_field(out, "convention_extra", c.extra);
    }
    enum_field(out, "intensity", t.intensity);
    real_field(out, "trust_reliability", t.trust.reliability);
    real_field(out, "trust_shared_mission", t.trust.shared_mission);
    real_field(out, "trust_openness", t.trust.openness);
    real_field(out, "value_influence", t.value.influence);
    real_field(out, "value_resources", t.value.resources);
    real_field(out, "value_involvement", t.value.involvement);
    list_field(out, "resources", t.resources);
    text_field(out, "since", t.since);
    text_field(out, "last_activity", t.last_activity);
    text_field(out, "extra", t.extra);
    attribute_fields(out, t.attributes, plan);
    return out;
}

actor actor_from_fields(std::string id, const std::vector<field_input>& fields, network_builder& b) {
    field_reader r(b);
    actor a;
    a.id = std::move(id);
    bool has_kind = false, has_label = false;
    const field_input* name = nullptr;
    for (const auto& f : fields) {
        const std::string& k = f.name;
        if (k == "kind") {
            if (auto v = r.enumeration<actor_kind>(f)) a.kind = *v;
            has_kind = true;
        } else if (k == "label") {
            a.label = f.text;
            has_label = true;
        } else if (k == "role") a.role = r.enumeration<person_role>(f).value_or(person_role::none);
        else if (k == "organisation") a.organisation = f.text;
        else if (k == "profession") a.profession = f.text;
        else if (k == "sector") a.sector = f.text;
        else if (k == "status") a.status = r.enumeration<actor_status>(f).value_or(actor_status::none);
        else if (k == "territory") a.territory = f.text;
        else if (k == "service_area") a.service_area = field_reader::list(f);
        else if (k == "domains") a.domains = field_reader::list(f);
        else if (k == "needs") a.needs = field_reader::list(f);
        else if (k == "member") a.member = r.boolean(f).value_or(false);
        else if (k == "potential") a.potential = r.boolean(f).value_or(false);
        else if (k == "extra") a.extra = r.json_object(f);
        else if (k == "attributes") r.attributes_field(f);
        else if (k == "name" && !name) name = &f;
        else r.free(f);
    }
    if (name) {
        if (!has_label) a.label = name->text;
        else r.free(*name);
    }
    if (!has_kind)
        a.kind = a.role != person_role::none ? actor_kind::person
                 : !a.organisation.empty()   ? actor_kind::professional
                                             : actor_kind::organisation;
    a.attributes = r.attributes();
    return a;
}

tie tie_from_fields(const std::vector<field_input>& fields, network_builder& b) {
    field_reader r(b);
    tie t;
    std::optional<convention> c;
    auto conv = [&]() -> convention& {
        if (!c) c.emplace();
        return *c;
    };
    for (const auto& f : fields) {
        const std::string& k = f.name;
        if (k == "id") t.id = f.text;
        else if (k == "relation") t.relation = r.enumeration<relation>(f).value_or(relation::other);
        else if (k == "formality") t.formality = r.enumeration<formality>(f);
        else if (k == "layer") t.layer = r.enumeration<layer>(f);
        else if (k == "directed") t.directed = r.boolean(f);
        else if (k == "weight") t.weight = r.number(f).value_or(1.0);
        else if (k == "valence") t.valence = r.enumeration<valence>(f).value_or(valence::none);
        else if (k == "about") t.about = f.text;
        else if (k == "consent") t.consent = r.boolean(f);
        else if (k == "convention_signed") conv().is_signed = r.boolean(f).value_or(false);
        else if (k == "convention_tasks") conv().tasks = field_reader::list(f);
        else if (k == "convention_means") conv().means = field_reader::list(f);
        else if (k == "convention_contributions") conv().contributions = field_reader::list(f);
        else if (k == "convention_responsibilities") conv().responsibilities = field_reader::list(f);
        else if (k == "convention_expected_results") conv().expected_results = field_reader::list(f);
        else if (k == "convention_extra") conv().extra = r.json_object(f);
        else if (k == "intensity") t.intensity = r.enumeration<intensity>(f).value_or(intensity::none);
        else if (k == "trust_reliability") t.trust.reliability = r.number(f);
        else if (k == "trust_shared_mission") t.trust.shared_mission = r.number(f);
        else if (k == "trust_openness") t.trust.openness = r.number(f);
        else if (k == "value_influence") t.value.influence = r.number(f);
        else if (k == "value_resources") t.value.resources = r.number(f);
        else if (k == "value_involvement") t.value.involvement = r.number(f);
        else if (k == "resources") t.resources = field_reader::list(f);
        else if (k == "since") t.since = f.text;
        else if (k == "last_activity") t.last_activity = f.text;
        else if (k == "extra") t.extra = r.json_object(f);
        else if (k == "attributes") r.attributes_field(f);
        else r.free(f);
    }
    t.convention = std::move(c);
    t.attributes = r.attributes();
    return t;
}

}  // namespace maillage::detail
