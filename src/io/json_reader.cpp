// Reads the JSON map (docs/FORMAT.md) into a network_builder, reporting every problem with its
// JSON path. RapidJSON parses, streaming; this file maps each part of the map onto the records.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <rapidjson/filereadstream.h>
#include <rapidjson/memorystream.h>
#include <sys/stat.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <sstream>

#include "maillage/io/json.hpp"
#include "maillage/io/text.hpp"
#include "json_parse.hpp"
#include "json_stream.hpp"
#include "json_parts.hpp"

namespace maillage {

namespace {

using rapidjson::Value;

/// The deepest nesting a map may have: a map needs 5 levels; free attributes get the rest.
constexpr std::size_t max_json_depth = 64;

std::string_view view_of(const Value& v) { return {v.GetString(), v.GetStringLength()}; }

std::string type_name(rapidjson::Type type) {
    switch (type) {
        case rapidjson::kNullType: return "null";
        case rapidjson::kFalseType:
        case rapidjson::kTrueType: return "a boolean";
        case rapidjson::kObjectType: return "an object";
        case rapidjson::kArrayType: return "an array";
        case rapidjson::kStringType: return "a string";
        case rapidjson::kNumberType: return "a number";
    }
    return "a value";
}

std::string type_name(const Value& v) { return type_name(v.GetType()); }

/// Compact JSON text of a value.
std::string compact(const Value& v) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    v.Accept(writer);
    return {buffer.GetString(), buffer.GetSize()};
}

/// Gathers the members of an object that maillage does not know, as compact JSON object text.
class unknown_fields {
public:
    void add(const Value& name, const Value& value) { add(view_of(name), value); }
    void add(std::string_view name, const Value& value) {
        if (!writer_) {
            writer_.emplace(buffer_);
            writer_->StartObject();
        }
        writer_->Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
        value.Accept(*writer_);
    }
    std::string text() {
        if (!writer_) return {};
        writer_->EndObject();
        return {buffer_.GetString(), buffer_.GetSize()};
    }

private:
    rapidjson::StringBuffer buffer_;
    std::optional<rapidjson::Writer<rapidjson::StringBuffer>> writer_;
};

/// The JSON path of a field, made into text only when a problem is reported: reading a large
/// map builds no path strings.
struct field_path {
    field_path(const std::string& base_, std::string_view key_ = {}) : base(base_), key(key_) {}
    [[nodiscard]] std::string str() const { return key.empty() ? base : base + "." + std::string(key); }
    const std::string& base;
    std::string_view key;
};

class map_reader {
public:
    explicit map_reader(network_builder& builder) : b_(builder) {}

    /// One member of the map's root object (docs/FORMAT.md); members maillage does not know go
    /// to `extra`, to be written back as read.
    void read_root_member(std::string_view key, const Value& v, unknown_fields& extra) {
        if (key == "maillage") {
            if (!v.IsInt() || v.GetInt() != 1)
                b_.add_problem("maillage", "unsupported format version " + compact(v) + "; this maillage reads version 1");
        } else if (key == "network") {
            read_network(v, "network");
        } else if (key == "vocabulary") {
            read_vocabulary(v, "vocabulary");
        } else if (key == "actors" || key == "ties" || key == "meetings") {
            const std::string at(key);
            for_each(v, at, [&](const Value& e, const std::string& place) { read_list_element(key, e, place); });
        } else {
            extra.add(key, v);
        }
    }

    /// One element, found at `at`, of the root's list `list` (actors, ties or meetings).
    void read_list_element(std::string_view list, const Value& e, const std::string& at) {
        if (list == "actors") read_actor(e, at);
        else if (list == "ties") read_tie(e, at);
        else read_meeting(e, at);
    }

    /// The parts of a map besides its actors and ties (what GraphML and GEXF carry in one
    /// graph-level field), with every place starting with `prefix`.
    void read_parts(const Value& root, const std::string& prefix) {
        if (!root.IsObject()) {
            b_.add_problem(prefix, "expected a JSON object, got " + type_name(root));
            return;
        }
        unknown_fields extra;
        for (const auto& m : root.GetObject()) {
            const std::string_view key = view_of(m.name);
            const Value& v = m.value;
            if (key == "maillage") {
                if (!v.IsInt() || v.GetInt() != 1)
                    b_.add_problem(prefix + "maillage", "unsupported format version " + compact(v) + "; this maillage reads version 1");
            } else if (key == "network") {
                read_network(v, prefix + "network");
            } else if (key == "vocabulary") {
                read_vocabulary(v, prefix + "vocabulary");
            } else if (key == "meetings") {
                for_each(v, prefix + "meetings", [&](const Value& e, const std::string& at) { read_meeting(e, at); });
            } else if (key == "actors" || key == "ties") {
                b_.add_problem(prefix + std::string(key), "actors and ties are nodes and edges here, not JSON");
            } else {
                extra.add(m.name, v);
            }
        }
        b_.set_extra(extra.text());
    }

    std::vector<financing_entry> read_financing(const Value& x, const std::string& here) {
        std::vector<financing_entry> financing;
        for_each(x, here, [&](const Value& e, const std::string& fat) {
            if (!object(e, fat)) return;
            financing_entry f;
            unknown_fields more;
            for (const auto& c : e.GetObject()) {
                const std::string_view ckey = view_of(c.name);
                const field_path there(fat, ckey);
                if (ckey == "funder") f.funder = string(c.value, there);
                else if (ckey == "kind") f.kind = enumeration<financing_kind>(c.value, there).value_or(financing_kind::none);
                else if (ckey == "nature") f.nature = string(c.value, there);
                else if (ckey == "amount") f.amount = number(c.value, there);
                else more.add(c.name, c.value);
            }
            f.extra = more.text();
            financing.push_back(std::move(f));
        });
        return financing;
    }

    static std::string number_text(double v) {
        std::ostringstream out;
        out << v;
        return out.str();
    }

    /// `network.territory`: a name, or a list whose items are names or {"name", "population"}
    /// objects (population: a number of inhabitants, not negative).
    void read_territories(const Value& v, const field_path& at, network_info& info) {
        if (v.IsNull()) return;
        if (v.IsString()) {
            info.territory.emplace_back(view_of(v));
            return;
        }
        if (!v.IsArray()) return wrong(at, "a list of territories", v);
        for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
            const std::string item = at.str() + "[" + std::to_string(i) + "]";
            const Value& t = v[i];
            if (t.IsString()) {
                info.territory.emplace_back(view_of(t));
                continue;
            }
            if (!t.IsObject()) {
                wrong(item, "a territory name or {\"name\", \"population\"}", t);
                continue;
            }
            std::string name;
            std::optional<double> population;
            for (const auto& c : t.GetObject()) {
                const std::string_view ckey = view_of(c.name);
                if (ckey == "name") name = string(c.value, field_path(item, "name"));
                else if (ckey == "population") population = number(c.value, field_path(item, "population"));
                else b_.add_problem(item + "." + std::string(ckey), "unknown field; a territory has name and population");
            }
            if (name.empty()) {
                b_.add_problem(item + ".name", "a territory needs a name");
                continue;
            }
            info.territory.push_back(name);
            if (!population) continue;
            if (!(*population >= 0) || !std::isfinite(*population))
                b_.add_problem(item + ".population", "must be a number of inhabitants (0 or more), got " + number_text(*population));
            else if (!info.population.emplace(name, *population).second)
                b_.add_problem(item + ".population", "territory \"" + name + "\" has a population twice");
        }
    }

    /// Populations {territory: inhabitants} from a JSON object text (CSV's `territory_population` cell).
    void read_populations(const Value& v, const std::string& at, network_info& info) {
        if (v.IsNull() || !object(v, at)) return;
        for (const auto& m : v.GetObject()) {
            const std::string name(view_of(m.name));
            const std::string here = at + "." + name;
            const std::optional<double> population = number(m.value, here);
            if (!population) continue;
            if (!(*population >= 0) || !std::isfinite(*population))
                b_.add_problem(here, "must be a number of inhabitants (0 or more), got " + number_text(*population));
            else
                info.population[name] = *population;
        }
    }

    vocabulary parse_vocabulary(const Value& v, const std::string& at) {
        vocabulary own;
        if (v.IsNull() || !object(v, at)) return own;
        for (const auto& m : v.GetObject()) {
            const std::string_view key = view_of(m.name);
            if (key == "domains") read_terms(m.value, at + ".domains", own, true);
            else if (key == "sectors") read_terms(m.value, at + ".sectors", own, false);
            else b_.add_problem(at + "." + std::string(key), "unknown vocabulary; allowed: domains, sectors");
        }
        return own;
    }

private:
    template <class F>
    void for_each(const Value& v, const std::string& at, F&& read_one) {
        if (v.IsNull()) return;
        if (!v.IsArray()) return wrong(at, "an array", v);
        for (rapidjson::SizeType i = 0; i < v.Size(); ++i) read_one(v[i], at + "[" + std::to_string(i) + "]");
    }

    void wrong(const field_path& at, std::string_view expected, const Value& v) {
        b_.add_problem(at.str(), "expected " + std::string(expected) + ", got " + type_name(v));
    }

    bool object(const Value& v, const field_path& at) {
        if (v.IsObject()) return true;
        wrong(at, "an object", v);
        return false;
    }

    std::string string(const Value& v, const field_path& at) {
        if (v.IsString()) return std::string(view_of(v));
        if (!v.IsNull()) wrong(at, "a string", v);
        return {};
    }

    std::vector<std::string> strings(const Value& v, const field_path& at) {
        std::vector<std::string> out;
        if (v.IsString()) {
            out.emplace_back(view_of(v));
        } else if (v.IsArray()) {
            out.reserve(v.Size());
            for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
                if (v[i].IsString()) out.emplace_back(view_of(v[i]));
                else wrong(at.str() + "[" + std::to_string(i) + "]", "a string", v[i]);
            }
        } else if (!v.IsNull()) {
            wrong(at, "a list of strings", v);
        }
        return out;
    }

    std::optional<bool> boolean(const Value& v, const field_path& at) {
        if (v.IsBool()) return v.GetBool();
        if (!v.IsNull()) wrong(at, "true or false", v);
        return std::nullopt;
    }

    std::optional<double> number(const Value& v, const field_path& at) {
        if (v.IsNumber()) return v.GetDouble();
        if (!v.IsNull()) wrong(at, "a number", v);
        return std::nullopt;
    }

    template <class Enum>
    std::optional<Enum> enumeration(const Value& v, const field_path& at) {
        if (v.IsNull()) return std::nullopt;
        if (!v.IsString()) {
            wrong(at, "one of " + allowed_names<Enum>(), v);
            return std::nullopt;
        }
        auto parsed = parse_enum<Enum>(view_of(v));
        if (!parsed)
            b_.add_problem(at.str(), "unknown value \"" + std::string(view_of(v)) + "\"; allowed: " + allowed_names<Enum>());
        return parsed;
    }

    /// Free attributes as compact JSON text; an empty object is no attributes.
    std::string attributes(const Value& v, const field_path& at) {
        if (v.IsNull()) return {};
        if (!object(v, at) || v.ObjectEmpty()) return {};
        return compact(v);
    }

    void require(const Value& obj, const char* key, const std::string& at) {
        if (!obj.HasMember(key) || obj[key].IsNull()) b_.add_problem(at, std::string("missing field \"") + key + "\"");
    }

    void read_actor(const Value& v, const std::string& at) {
        if (!object(v, at)) return;
        actor a;
        unknown_fields extra;
        for (const auto& m : v.GetObject()) {
            const std::string_view key = view_of(m.name);
            const Value& x = m.value;
            const field_path here(at, key);
            if (key == "id") a.id = string(x, here);
            else if (key == "kind") a.kind = enumeration<actor_kind>(x, here).value_or(actor_kind::person);
            else if (key == "label") a.label = string(x, here);
            else if (key == "role") a.role = enumeration<person_role>(x, here).value_or(person_role::none);
            else if (key == "organisation") a.organisation = string(x, here);
            else if (key == "profession") a.profession = string(x, here);
            else if (key == "sector") a.sector = string(x, here);
            else if (key == "status") a.status = enumeration<actor_status>(x, here).value_or(actor_status::none);
            else if (key == "territory") a.territory = string(x, here);
            else if (key == "service_area") a.service_area = strings(x, here);
            else if (key == "domains") a.domains = strings(x, here);
            else if (key == "needs") a.needs = strings(x, here);
            else if (key == "member") a.member = boolean(x, here).value_or(false);
            else if (key == "potential") a.potential = boolean(x, here).value_or(false);
            else if (key == "attributes") a.attributes = attributes(x, here);
            else extra.add(m.name, x);
        }
        require(v, "id", at);
        require(v, "kind", at);
        a.extra = extra.text();
        b_.add_actor(std::move(a), at);
    }

    void read_convention(const Value& v, const std::string& at, convention& c) {
        unknown_fields extra;
        for (const auto& m : v.GetObject()) {
            const std::string_view key = view_of(m.name);
            const Value& x = m.value;
            const field_path here(at, key);
            if (key == "signed") c.is_signed = boolean(x, here).value_or(false);
            else if (key == "tasks") c.tasks = strings(x, here);
            else if (key == "means") c.means = strings(x, here);
            else if (key == "contributions") c.contributions = strings(x, here);
            else if (key == "responsibilities") c.responsibilities = strings(x, here);
            else if (key == "expected_results") c.expected_results = strings(x, here);
            else extra.add(m.name, x);
        }
        c.extra = extra.text();
    }

    template <class Rating>
    void read_rating(const Value& v, const std::string& at, Rating& r,
                     std::initializer_list<std::pair<std::string_view, std::optional<double> Rating::*>> fields) {
        if (!object(v, at)) return;
        for (const auto& m : v.GetObject()) {
            const std::string_view key = view_of(m.name);
            bool known = false;
            for (const auto& [name, member] : fields) {
                if (key != name) continue;
                r.*member = number(m.value, at + "." + std::string(key));
                known = true;
            }
            if (!known) {
                std::string allowed;
                for (const auto& [name, member] : fields) allowed += (allowed.empty() ? "" : ", ") + std::string(name);
                b_.add_problem(at + "." + std::string(key), "unknown rating; allowed: " + allowed);
            }
        }
    }

    void read_tie(const Value& v, const std::string& at) {
        if (!object(v, at)) return;
        tie t;
        unknown_fields extra;
        for (const auto& m : v.GetObject()) {
            const std::string_view key = view_of(m.name);
            const Value& x = m.value;
            const field_path here(at, key);
            if (key == "id") t.id = string(x, here);
            else if (key == "source") t.source = string(x, here);
            else if (key == "target") t.target = string(x, here);
            else if (key == "relation") t.relation = enumeration<relation>(x, here).value_or(relation::other);
            else if (key == "formality") t.formality = enumeration<formality>(x, here);
            else if (key == "layer") t.layer = enumeration<layer>(x, here);
            else if (key == "directed") t.directed = boolean(x, here);
            else if (key == "weight") t.weight = number(x, here).value_or(1.0);
            else if (key == "valence") t.valence = enumeration<valence>(x, here).value_or(valence::none);
            else if (key == "about") t.about = string(x, here);
            else if (key == "consent") t.consent = boolean(x, here);
            else if (key == "convention") {
                if (x.IsNull()) continue;
                if (!object(x, here)) continue;
                read_convention(x, here.str(), t.convention.emplace());
            }
            else if (key == "intensity") t.intensity = enumeration<intensity>(x, here).value_or(intensity::none);
            else if (key == "trust") {
                if (!x.IsNull())
                    read_rating(x, here.str(), t.trust, {{"reliability", &trust_rating::reliability},
                                                   {"shared_mission", &trust_rating::shared_mission},
                                                   {"openness", &trust_rating::openness}});
            }
            else if (key == "value") {
                if (!x.IsNull())
                    read_rating(x, here.str(), t.value, {{"influence", &value_rating::influence},
                                                   {"resources", &value_rating::resources},
                                                   {"involvement", &value_rating::involvement}});
            }
            else if (key == "resources") t.resources = strings(x, here);
            else if (key == "since") t.since = string(x, here);
            else if (key == "last_activity") t.last_activity = string(x, here);
            else if (key == "attributes") t.attributes = attributes(x, here);
            else extra.add(m.name, x);
        }
        require(v, "source", at);
        require(v, "target", at);
        require(v, "relation", at);
        t.extra = extra.text();
        b_.add_tie(std::move(t), at);
    }

    void read_meeting(const Value& v, const std::string& at) {
        if (!object(v, at)) return;
        meeting mt;
        unknown_fields extra;
        std::vector<std::string> decision_places;
        for (const auto& m : v.GetObject()) {
            const std::string_view key = view_of(m.name);
            const Value& x = m.value;
            const field_path here(at, key);
            if (key == "id") mt.id = string(x, here);
            else if (key == "date") mt.date = string(x, here);
            else if (key == "about") mt.about = string(x, here);
            else if (key == "facilitator") mt.facilitator = string(x, here);
            else if (key == "minute_taker") mt.minute_taker = string(x, here);
            else if (key == "participants") mt.participants = strings(x, here);
            else if (key == "minutes_sent_to") mt.minutes_sent_to = strings(x, here);
            else if (key == "pending") mt.pending = strings(x, here);
            else if (key == "attributes") mt.attributes = attributes(x, here);
            else if (key == "decisions") {
                for_each(x, here.str(), [&](const Value& e, const std::string& dat) {
                    if (!object(e, dat)) return;
                    mt.decisions.push_back(read_decision(e, dat));
                    decision_places.push_back(dat);
                });
            }
            else extra.add(m.name, x);
        }
        require(v, "id", at);
        mt.extra = extra.text();
        b_.add_meeting(std::move(mt), at, std::move(decision_places));
    }

    decision read_decision(const Value& v, const std::string& at) {
        decision d;
        unknown_fields extra;
        for (const auto& m : v.GetObject()) {
            const std::string_view key = view_of(m.name);
            const Value& x = m.value;
            const field_path here(at, key);
            if (key == "id") d.id = string(x, here);
            else if (key == "who") d.who = string(x, here);
            else if (key == "what") d.what = string(x, here);
            else if (key == "due") d.due = string(x, here);
            else if (key == "status") d.status = enumeration<decision_status>(x, here).value_or(decision_status::open);
            else extra.add(m.name, x);
        }
        d.extra = extra.text();
        return d;
    }

    void read_network(const Value& v, const std::string& at) {
        if (v.IsNull() || !object(v, at)) return;
        network_info info;
        unknown_fields extra;
        for (const auto& m : v.GetObject()) {
            const std::string_view key = view_of(m.name);
            const Value& x = m.value;
            const field_path here(at, key);
            if (key == "name") info.name = string(x, here);
            else if (key == "legal_status") info.legal_status = string(x, here);
            else if (key == "genesis") info.genesis = string(x, here);
            else if (key == "objectives") info.objectives = strings(x, here);
            else if (key == "domains") info.domains = strings(x, here);
            else if (key == "territory") read_territories(x, here, info);
            else if (key == "charter") info.charter = string(x, here);
            else if (key == "internal_rules") info.internal_rules = string(x, here);
            else if (key == "attributes") info.attributes = attributes(x, here);
            else if (key == "coordination") {
                if (x.IsNull() || !object(x, here)) continue;
                const std::string base = here.str();
                unknown_fields more;
                for (const auto& c : x.GetObject()) {
                    const std::string_view ckey = view_of(c.name);
                    if (ckey == "coordinators") info.coordinators = strings(c.value, field_path(base, "coordinators"));
                    else if (ckey == "how") info.coordination_how = string(c.value, field_path(base, "how"));
                    else more.add(c.name, c.value);
                }
                info.coordination_extra = more.text();
            } else if (key == "users") {
                if (x.IsNull() || !object(x, here)) continue;
                const std::string base = here.str();
                unknown_fields more;
                for (const auto& c : x.GetObject()) {
                    const std::string_view ckey = view_of(c.name);
                    if (ckey == "description") info.users_description = string(c.value, field_path(base, "description"));
                    else if (ckey == "role") info.users_role = string(c.value, field_path(base, "role"));
                    else more.add(c.name, c.value);
                }
                info.users_extra = more.text();
            } else if (key == "financing") {
                info.financing = read_financing(x, here.str());
            } else {
                extra.add(m.name, x);
            }
        }
        info.extra = extra.text();
        b_.set_info(std::move(info), at);
    }

    void read_terms(const Value& v, const std::string& at, vocabulary& own, bool domains) {
        if (v.IsNull() || !object(v, at)) return;
        for (const auto& m : v.GetObject()) {
            const std::string here = at + "." + std::string(view_of(m.name));
            if (!object(m.value, here)) continue;
            term_labels labels;
            for (const auto& l : m.value.GetObject()) {
                const std::string_view lang = view_of(l.name);
                const field_path there(here, lang);
                if (lang == "fr") labels.fr = string(l.value, there);
                else if (lang == "en") labels.en = string(l.value, there);
                else if (lang == "de") labels.de = string(l.value, there);
                else b_.add_problem(there.str(), "unknown language; allowed: fr, en, de");
            }
            if (domains) own.add_domain(std::string(view_of(m.name)), std::move(labels));
            else own.add_sector(std::string(view_of(m.name)), std::move(labels));
        }
    }

    void read_vocabulary(const Value& v, const std::string& at) {
        if (v.IsNull()) return;
        b_.set_vocabulary(parse_vocabulary(v, at), at);
    }

    network_builder& b_;
};

bool parse_cell(rapidjson::Document& doc, std::string_view text, network_builder& b, const std::string& place,
                std::string_view what) {
    constexpr unsigned flags = rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag;
    const rapidjson::ParseResult parsed = detail::parse_json<flags>(doc, text);
    if (!parsed.IsError()) return true;
    b.add_problem(place, std::string(what) + ": invalid JSON at character " +
                             std::to_string(line_column(text, parsed.Offset()).column) + ": " +
                             rapidjson::GetParseError_En(parsed.Code()));
    return false;
}

/// The offset where valid JSON `text` nests deeper than max_json_depth, or npos. Writing the
/// unknown fields back walks values recursively, so depth is bounded before anything else.
std::size_t too_deep_at(std::string_view text) {
    std::size_t depth = 0;
    bool in_string = false, escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_json_depth) return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::string_view::npos;
}

}  // namespace

namespace detail {

std::optional<std::string> compact_json_object(std::string_view text, network_builder& b, const std::string& place,
                                               std::string_view what) {
    if (text.empty()) return std::string();
    rapidjson::Document doc;
    if (!parse_cell(doc, text, b, place, what)) return std::nullopt;
    if (!doc.IsObject()) {
        b.add_problem(place, std::string(what) + ": expected a JSON object, got " + type_name(doc));
        return std::nullopt;
    }
    return doc.ObjectEmpty() ? std::string() : compact(doc);
}

std::string with_string_member(const std::string& object, std::string_view key, std::string_view value) {
    rapidjson::Document doc;
    if (object.empty()) doc.SetObject();
    else detail::parse_json(doc, object);
    auto& alloc = doc.GetAllocator();
    rapidjson::Value name(key.data(), static_cast<rapidjson::SizeType>(key.size()), alloc);
    rapidjson::Value text(value.data(), static_cast<rapidjson::SizeType>(value.size()), alloc);
    if (auto found = doc.FindMember(name); found != doc.MemberEnd()) found->value = text;
    else doc.AddMember(name, text, alloc);
    return compact(doc);
}

std::vector<financing_entry> parse_financing(std::string_view text, network_builder& b, const std::string& place) {
    rapidjson::Document doc;
    if (text.empty() || !parse_cell(doc, text, b, place, "financing")) return {};
    return map_reader(b).read_financing(doc, place + ": financing");
}

void parse_populations(std::string_view text, network_builder& b, const std::string& place, network_info& info) {
    rapidjson::Document doc;
    if (text.empty() || !parse_cell(doc, text, b, place, "territory_population")) return;
    map_reader(b).read_populations(doc, place + ": territory_population", info);
}

vocabulary parse_vocabulary(std::string_view text, network_builder& b, const std::string& place) {
    rapidjson::Document doc;
    if (text.empty() || !parse_cell(doc, text, b, place, "vocabulary")) return {};
    return map_reader(b).parse_vocabulary(doc, place + ": vocabulary");
}

void read_map_parts(std::string_view text, network_builder& b, const std::string& prefix) {
    rapidjson::Document doc;
    if (text.empty() || !parse_cell(doc, text, b, prefix.empty() ? std::string("maillage") : prefix, "maillage")) return;
    if (const std::size_t deep = too_deep_at(text); deep != std::string_view::npos) {
        b.add_problem(prefix, "maillage: nested deeper than " + std::to_string(max_json_depth) + " levels");
        return;
    }
    map_reader(b).read_parts(doc, prefix.empty() ? prefix : prefix + " ");
}

}  // namespace detail

namespace {

/// The events of RapidJSON's reader over a whole map, turned into its parts one at a time: each
/// member of the root object, and each element of its lists of actors, ties and meetings, is
/// assembled into a small RapidJSON value, handed to map_reader and freed. A map is never held
/// whole, as text or as a document: reading it takes the memory of the records being built and
/// of one part. The parts come in the order of the file, as they would from a whole document.
class map_events {
public:
    map_events(network_builder& builder, const detail::stream_position& position)
        : builder_(builder), reader_(builder), position_(position) {}

    bool Null() { return scalar(rapidjson::kNullType, [](auto& a) { return a.Null(); }); }
    bool Bool(bool b) { return scalar(b ? rapidjson::kTrueType : rapidjson::kFalseType, [b](auto& a) { return a.Bool(b); }); }
    bool Int(int i) { return scalar(rapidjson::kNumberType, [i](auto& a) { return a.Int(i); }); }
    bool Uint(unsigned i) { return scalar(rapidjson::kNumberType, [i](auto& a) { return a.Uint(i); }); }
    bool Int64(std::int64_t i) { return scalar(rapidjson::kNumberType, [i](auto& a) { return a.Int64(i); }); }
    bool Uint64(std::uint64_t i) { return scalar(rapidjson::kNumberType, [i](auto& a) { return a.Uint64(i); }); }
    bool Double(double d) { return scalar(rapidjson::kNumberType, [d](auto& a) { return a.Double(d); }); }
    bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }  // converted before: exact_number_handler
    bool String(const char* s, rapidjson::SizeType n, bool copy) {
        return scalar(rapidjson::kStringType, [&](auto& a) { return a.String(s, n, copy); });
    }
    bool Key(const char* s, rapidjson::SizeType n, bool copy) {
        if (state_ == state::in_root) {
            key_.assign(s, n);
            if (key_ == "actors") saw_actors_ = true;
            state_ = state::before_member;
            return true;
        }
        return !assembling() || assembler_.Key(s, n, copy);
    }
    bool StartObject() {
        if (!deeper()) return false;
        if (state_ == state::before_root) {
            state_ = state::in_root;
            return true;
        }
        return scalar(rapidjson::kObjectType, [](auto& a) { return a.StartObject(); });
    }
    bool StartArray() {
        if (!deeper()) return false;
        if (state_ == state::before_member && (key_ == "actors" || key_ == "ties" || key_ == "meetings")) {
            state_ = state::in_list;
            index_ = 0;
            return true;
        }
        return scalar(rapidjson::kArrayType, [](auto& a) { return a.StartArray(); });
    }
    bool EndObject(rapidjson::SizeType members) {
        --depth_;
        if (state_ == state::in_root) {
            state_ = state::after_root;
            if (!saw_actors_) builder_.add_problem("", "missing field \"actors\"");
            builder_.set_extra(extra_.text());
            return true;
        }
        return !assembling() || (assembler_.EndObject(members) && part_done());
    }
    bool EndArray(rapidjson::SizeType elements) {
        --depth_;
        if (state_ == state::in_list) {
            state_ = state::in_root;
            return true;
        }
        return !assembling() || (assembler_.EndArray(elements) && part_done());
    }

    /// After a parse without error: reports a root that is not an object.
    void finish() {
        if (state_ == state::skipping_root)
            builder_.add_problem("", "the map must be a JSON object, got " + type_name(root_type_));
    }

    /// Where the map nests deeper than max_json_depth, if it does (the parse stopped there).
    [[nodiscard]] const std::optional<text_position>& too_deep() const { return too_deep_; }

private:
    enum class state {
        before_root,    // nothing read yet
        skipping_root,  // the root is not an object: read to the end for syntax errors only
        in_root,        // between members of the root object
        before_member,  // after a member's name
        member,         // assembling a member's value
        in_list,        // between the elements of actors, ties or meetings
        element,        // assembling an element of one of these
        after_root,
    };

    [[nodiscard]] bool assembling() const { return state_ == state::member || state_ == state::element; }

    /// Counts an opening bracket; stops the parse beyond max_json_depth (writing unknown fields
    /// back walks values recursively, so depth is bounded before anything else). RapidJSON's
    /// iterative reader announces a bracket before it takes it: the bracket is the next byte.
    bool deeper() {
        if (++depth_ <= max_json_depth) return true;
        too_deep_ = position_.here();
        return false;
    }

    /// A value starts or goes on: `forward` hands the event to the assembler.
    template <class Forward>
    bool scalar(rapidjson::Type type, Forward&& forward) {
        switch (state_) {
            case state::before_root:
                root_type_ = type;
                state_ = state::skipping_root;
                return true;
            case state::before_member: state_ = state::member; break;
            case state::in_list: state_ = state::element; break;
            case state::member:
            case state::element: break;
            default: return true;
        }
        return forward(assembler_) && part_done();
    }

    /// Hands a finished part to the map reader and frees it.
    bool part_done() {
        if (!assembler_.complete()) return true;
        if (state_ == state::member) {
            reader_.read_root_member(key_, assembler_.value(), extra_);
            state_ = state::in_root;
        } else {
            reader_.read_list_element(key_, assembler_.value(), key_ + "[" + std::to_string(index_++) + "]");
            state_ = state::in_list;
        }
        assembler_.clear();
        return true;
    }

    network_builder& builder_;
    map_reader reader_;
    const detail::stream_position& position_;
    detail::value_assembler assembler_;
    unknown_fields extra_;
    state state_ = state::before_root;
    rapidjson::Type root_type_ = rapidjson::kNullType;
    std::string key_;
    std::size_t index_ = 0;
    std::size_t depth_ = 0;
    bool saw_actors_ = false;
    std::optional<text_position> too_deep_;
};

/// Streams the map in `bytes` (`size` bytes, after any byte-order mark) into `builder`, one part
/// at a time (map_events). @throws map_error on a syntax error or too deep a nesting, with the
/// line and column, and then only that error.
template <class Bytes>
void stream_json_into(Bytes& bytes, std::size_t size, network_builder& builder) {
    const std::string& name = builder.file();
    detail::placed_stream input(bytes);
    map_events events(builder, input);
    detail::exact_number_handler handler(events);
    rapidjson::Reader reader;
    constexpr unsigned flags = rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag |
                               rapidjson::kParseNumbersAsStringsFlag;
    const rapidjson::ParseResult parsed = reader.Parse<flags>(input, handler);
    const auto place = [](const text_position& p) { return std::to_string(p.line) + ":" + std::to_string(p.column); };
    if (events.too_deep())
        throw map_error({{name, place(*events.too_deep()), "nested deeper than " + std::to_string(max_json_depth) + " levels"}});
    if (parsed.IsError()) {
        const auto code = handler.found_too_big() ? rapidjson::kParseErrorNumberTooBig : parsed.Code();
        if (code == rapidjson::kParseErrorDocumentEmpty && parsed.Offset() >= size)
            throw map_error({{name, "", "the file is empty"}});
        std::string message = rapidjson::GetParseError_En(code);
        if (!message.empty() && message.back() == '.') message.pop_back();
        if (code == rapidjson::kParseErrorDocumentEmpty || parsed.Offset() >= size)
            message += " (the file may be truncated)";
        throw map_error({{name, place(input.of(parsed.Offset())), "syntax error: " + message}});
    }
    events.finish();
}

using file_handle = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;

/// Opens `path` for reading past its UTF-8 byte-order mark, if any; returns the file and the
/// number of bytes after the mark. @throws io_error naming the file and the reason.
std::pair<file_handle, std::size_t> open_json_file(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw io_error(path.string() + ": is a folder, not a file");
    file_handle file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) throw io_error(path.string() + ": cannot open: " + std::strerror(errno));
    struct stat status {};
    if (::fstat(::fileno(file.get()), &status) != 0) throw io_error(path.string() + ": cannot read: " + std::strerror(errno));
    std::size_t size = status.st_size > 0 ? static_cast<std::size_t>(status.st_size) : 0;
    char mark[3] = {};
    if (std::fread(mark, 1, 3, file.get()) == 3 && std::string_view(mark, 3) == "\xEF\xBB\xBF") {
        size -= 3;
    } else if (std::fseek(file.get(), 0, SEEK_SET) != 0) {
        throw io_error(path.string() + ": cannot read: " + std::strerror(errno));
    }
    return {std::move(file), size};
}

}  // namespace

network read_json_string(std::string_view text, const std::string& name) {
    network_builder builder(name, network_builder::place_style::json);
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    rapidjson::MemoryStream bytes(text.data(), text.size());
    stream_json_into(bytes, text.size(), builder);
    return builder.build();
}

network read_json(const std::filesystem::path& path) {
    network_builder builder(path.string(), network_builder::place_style::json);
    {
        auto [file, size] = open_json_file(path);
        std::vector<char> buffer(64 * 1024);
        rapidjson::FileReadStream bytes(file.get(), buffer.data(), buffer.size());
        stream_json_into(bytes, size, builder);
        if (std::ferror(file.get())) throw io_error(path.string() + ": cannot read: " + std::strerror(errno));
    }
    return builder.build();
}

}  // namespace maillage
