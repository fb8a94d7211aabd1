// Writes the JSON map (docs/FORMAT.md) with RapidJSON's writer.
#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cmath>

#include "maillage/io/atomic_file.hpp"
#include "maillage/io/json.hpp"
#include "json_parse.hpp"
#include "json_parts.hpp"

#include <rapidjson/writer.h>

namespace maillage {

namespace {

class map_writer {
public:
    map_writer() : w_(buffer_) {
        w_.SetIndent(' ', 2);
        w_.SetFormatOptions(rapidjson::kFormatSingleLineArray);
    }

    std::string write(const network& net) {
        w_.StartObject();
        key("maillage");
        w_.Int(1);
        write_network(net.info());
        write_vocabulary(net.own_vocabulary());
        key("actors");
        w_.StartArray();
        for (index_t i = 0; i < net.actor_count(); ++i) write_actor(net.actor_record(i));
        w_.EndArray();
        key("ties");
        w_.StartArray();
        const auto& kinds = net.actors().kind;
        const auto& ties = net.ties();
        for (index_t i = 0; i < net.tie_count(); ++i)
            write_tie(net.tie_record(i), kinds[ties.source[i]], kinds[ties.target[i]]);
        w_.EndArray();
        if (!net.meetings().empty()) {
            key("meetings");
            w_.StartArray();
            for (const auto& m : net.meetings()) write_meeting(m);
            w_.EndArray();
        }
        members_of(net.extra());
        w_.EndObject();
        return {buffer_.GetString(), buffer_.GetSize()};
    }

private:
    void key(std::string_view k) { w_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }
    void text(std::string_view s) { w_.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
    void number(double v) {
        if (std::nearbyint(v) == v && std::fabs(v) < 9007199254740992.0) w_.Int64(static_cast<std::int64_t>(v));
        else w_.Double(v);
    }
    void field(std::string_view k, const std::string& v) {
        if (v.empty()) return;
        key(k);
        text(v);
    }
    void field(std::string_view k, const std::vector<std::string>& v) {
        if (v.empty()) return;
        key(k);
        w_.StartArray();
        for (const auto& s : v) text(s);
        w_.EndArray();
    }
    void field(std::string_view k, const std::optional<double>& v) {
        if (!v) return;
        key(k);
        number(*v);
    }
    template <class Enum>
    void enum_field(std::string_view k, Enum v) {
        const auto name = to_string(v);
        if (name.empty()) return;
        key(k);
        text(name);
    }
    /// Writes the members of a JSON object text into the object being written.
    void members_of(const json_object_text& object) {
        if (object.empty()) return;
        rapidjson::Document doc;
        if (detail::parse_json(doc, object).IsError() || !doc.IsObject()) return;
        for (const auto& m : doc.GetObject()) {
            w_.Key(m.name.GetString(), m.name.GetStringLength());
            m.value.Accept(w_);
        }
    }
    void object_field(std::string_view k, const json_object_text& object) {
        if (object.empty()) return;
        key(k);
        w_.StartObject();
        members_of(object);
        w_.EndObject();
    }

public:
    void write_financing(const std::vector<financing_entry>& financing) {
        w_.StartArray();
        for (const auto& f : financing) {
            w_.StartObject();
            field("funder", f.funder);
            enum_field("kind", f.kind);
            field("nature", f.nature);
            field("amount", f.amount);
            members_of(f.extra);
            w_.EndObject();
        }
        w_.EndArray();
    }

    /// The map without its actors and ties (see detail::map_parts_json).
    std::string write_parts(const network& net) {
        w_.StartObject();
        key("maillage");
        w_.Int(1);
        write_network(net.info());
        write_vocabulary(net.own_vocabulary());
        if (!net.meetings().empty()) {
            key("meetings");
            w_.StartArray();
            for (const auto& m : net.meetings()) write_meeting(m);
            w_.EndArray();
        }
        members_of(net.extra());
        w_.EndObject();
        return {buffer_.GetString(), buffer_.GetSize()};
    }

    void start_object() { w_.StartObject(); }
    void end_object() { w_.EndObject(); }
    std::string done() { return {buffer_.GetString(), buffer_.GetSize()}; }

private:

    void write_actor(const actor& a) {
        w_.StartObject();
        field("id", a.id);
        enum_field("kind", a.kind);
        field("label", a.label);
        enum_field("role", a.role);
        field("organisation", a.organisation);
        field("profession", a.profession);
        field("sector", a.sector);
        enum_field("status", a.status);
        field("territory", a.territory);
        field("service_area", a.service_area);
        field("domains", a.domains);
        field("needs", a.needs);
        if (a.member) { key("member"); w_.Bool(true); }
        if (a.potential) { key("potential"); w_.Bool(true); }
        object_field("attributes", a.attributes);
        members_of(a.extra);
        w_.EndObject();
    }

    void write_tie(const tie& t, actor_kind source_kind, actor_kind target_kind) {
        w_.StartObject();
        field("id", t.id);
        field("source", t.source);
        field("target", t.target);
        enum_field("relation", t.relation);
        if (t.formality) enum_field("formality", *t.formality);
        if (t.layer && *t.layer != derived_layer(source_kind, target_kind)) enum_field("layer", *t.layer);
        if (t.directed && *t.directed != default_directed(t.relation)) { key("directed"); w_.Bool(*t.directed); }
        if (t.weight != 1.0) { key("weight"); number(t.weight); }
        enum_field("valence", t.valence);
        field("about", t.about);
        if (t.consent) { key("consent"); w_.Bool(*t.consent); }
        if (t.convention) {
            const convention& c = *t.convention;
            key("convention");
            w_.StartObject();
            key("signed");
            w_.Bool(c.is_signed);
            field("tasks", c.tasks);
            field("means", c.means);
            field("contributions", c.contributions);
            field("responsibilities", c.responsibilities);
            field("expected_results", c.expected_results);
            members_of(c.extra);
            w_.EndObject();
        }
        enum_field("intensity", t.intensity);
        if (!t.trust.empty()) {
            key("trust");
            w_.StartObject();
            field("reliability", t.trust.reliability);
            field("shared_mission", t.trust.shared_mission);
            field("openness", t.trust.openness);
            w_.EndObject();
        }
        if (!t.value.empty()) {
            key("value");
            w_.StartObject();
            field("influence", t.value.influence);
            field("resources", t.value.resources);
            field("involvement", t.value.involvement);
            w_.EndObject();
        }
        field("resources", t.resources);
        field("since", t.since);
        field("last_activity", t.last_activity);
        object_field("attributes", t.attributes);
        members_of(t.extra);
        w_.EndObject();
    }

    void write_meeting(const meeting& m) {
        w_.StartObject();
        field("id", m.id);
        field("date", m.date);
        field("about", m.about);
        field("facilitator", m.facilitator);
        field("minute_taker", m.minute_taker);
        field("participants", m.participants);
        field("minutes_sent_to", m.minutes_sent_to);
        if (!m.decisions.empty()) {
            key("decisions");
            w_.StartArray();
            for (const auto& d : m.decisions) {
                w_.StartObject();
                field("id", d.id);
                field("who", d.who);
                field("what", d.what);
                field("due", d.due);
                if (d.status != decision_status::open) enum_field("status", d.status);
                members_of(d.extra);
                w_.EndObject();
            }
            w_.EndArray();
        }
        field("pending", m.pending);
        object_field("attributes", m.attributes);
        members_of(m.extra);
        w_.EndObject();
    }

    /// `territory` as names, with {"name", "population"} objects for the territories that have a
    /// population; a population of a territory not in the list adds it as such an object.
    void write_territories(const network_info& n) {
        if (n.territory.empty() && n.population.empty()) return;
        key("territory");
        w_.StartArray();
        auto with_population = [&](const std::string& name, double population) {
            w_.StartObject();
            key("name");
            text(name);
            key("population");
            number(population);
            w_.EndObject();
        };
        for (const auto& t : n.territory) {
            if (auto it = n.population.find(t); it != n.population.end()) with_population(t, it->second);
            else text(t);
        }
        for (const auto& [t, population] : n.population)
            if (std::find(n.territory.begin(), n.territory.end(), t) == n.territory.end()) with_population(t, population);
        w_.EndArray();
    }

    void write_network(const network_info& n) {
        if (n == network_info{}) return;
        key("network");
        w_.StartObject();
        field("name", n.name);
        field("legal_status", n.legal_status);
        field("genesis", n.genesis);
        field("objectives", n.objectives);
        field("domains", n.domains);
        write_territories(n);
        field("charter", n.charter);
        field("internal_rules", n.internal_rules);
        if (!n.coordinators.empty() || !n.coordination_how.empty() || !n.coordination_extra.empty()) {
            key("coordination");
            w_.StartObject();
            field("coordinators", n.coordinators);
            field("how", n.coordination_how);
            members_of(n.coordination_extra);
            w_.EndObject();
        }
        if (!n.financing.empty()) {
            key("financing");
            write_financing(n.financing);
        }
        if (!n.users_description.empty() || !n.users_role.empty() || !n.users_extra.empty()) {
            key("users");
            w_.StartObject();
            field("description", n.users_description);
            field("role", n.users_role);
            members_of(n.users_extra);
            w_.EndObject();
        }
        object_field("attributes", n.attributes);
        members_of(n.extra);
        w_.EndObject();
    }

    void write_terms(std::string_view k, const std::map<std::string, term_labels>& terms) {
        if (terms.empty()) return;
        key(k);
        w_.StartObject();
        for (const auto& [id, labels] : terms) {
            key(id);
            w_.StartObject();
            field("fr", labels.fr);
            field("en", labels.en);
            field("de", labels.de);
            w_.EndObject();
        }
        w_.EndObject();
    }

public:
    void write_vocabulary(const vocabulary& own) {
        if (own.domains().empty() && own.sectors().empty()) return;
        key("vocabulary");
        w_.StartObject();
        write_terms("domains", own.domains());
        write_terms("sectors", own.sectors());
        w_.EndObject();
    }

private:
    rapidjson::StringBuffer buffer_;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w_;
};

/// The compact text of a pretty-written value: the CSV format wants one-line cells.
std::string compact_text(const std::string& pretty) {
    rapidjson::Document doc;
    detail::parse_json(doc, pretty);
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    doc.Accept(writer);
    return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace

namespace detail {

std::string financing_json(const std::vector<financing_entry>& financing) {
    if (financing.empty()) return {};
    map_writer w;
    w.write_financing(financing);
    return compact_text(w.done());
}

std::string populations_json(const std::map<std::string, double>& population) {
    if (population.empty()) return {};
    rapidjson::StringBuffer out;
    rapidjson::Writer<rapidjson::StringBuffer> w(out);
    w.StartObject();
    for (const auto& [name, inhabitants] : population) {
        w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
        if (std::nearbyint(inhabitants) == inhabitants && std::fabs(inhabitants) < 9007199254740992.0)
            w.Int64(static_cast<std::int64_t>(inhabitants));
        else
            w.Double(inhabitants);
    }
    w.EndObject();
    return out.GetString();
}

std::string map_parts_json(const network& net) {
    const vocabulary& own = net.own_vocabulary();
    if (net.info() == network_info{} && own.domains().empty() && own.sectors().empty() && net.meetings().empty() &&
        net.extra().empty())
        return {};
    map_writer w;
    return compact_text(w.write_parts(net));
}

std::string vocabulary_json(const vocabulary& own) {
    if (own.domains().empty() && own.sectors().empty()) return {};
    map_writer w;
    w.start_object();
    w.write_vocabulary(own);
    w.end_object();
    // The writer wrote {"vocabulary": {...}}: keep the inner object.
    rapidjson::Document doc;
    const std::string text = w.done();
    detail::parse_json(doc, text);
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    doc["vocabulary"].Accept(writer);
    return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace detail

std::string to_json_string(const network& net) {
    std::string text = map_writer().write(net);
    text += '\n';
    return text;
}

void write_json(const network& net, const std::filesystem::path& path) {
    write_file_atomically(path, to_json_string(net));
}

}  // namespace maillage
