// Writes the CSV folder (docs/FORMAT.md). libcsv quotes the fields that need it.
#include <csv.h>

#include <charconv>
#include <functional>

#include "json_parts.hpp"
#include "list_cell.hpp"
#include "maillage/io/atomic_file.hpp"
#include "maillage/io/csv.hpp"

namespace maillage {

namespace {

/// One CSV file being written: a header of the columns that have at least one value (the required
/// ones always), then the rows.
class csv_file {
public:
    using cell_fn = std::function<std::string(std::size_t row)>;

    void column(std::string name, cell_fn cell, bool required = false) {
        columns_.push_back({std::move(name), std::move(cell), required});
    }

    std::string write(std::size_t rows) const {
        std::vector<const column_def*> kept;
        std::vector<std::vector<std::string>> cells(columns_.size());
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            bool any = columns_[c].required;
            cells[c].reserve(rows);
            for (std::size_t r = 0; r < rows; ++r) {
                cells[c].push_back(columns_[c].cell(r));
                any = any || !cells[c].back().empty();
            }
            if (!any) cells[c].clear();
        }
        std::string out;
        bool first = true;
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            if (cells[c].empty() && !columns_[c].required && rows > 0) continue;
            if (rows == 0 && !columns_[c].required) continue;
            if (!first) out += ',';
            first = false;
            append(out, columns_[c].name);
        }
        out += "\r\n";
        for (std::size_t r = 0; r < rows; ++r) {
            first = true;
            for (std::size_t c = 0; c < columns_.size(); ++c) {
                if (cells[c].empty()) continue;
                if (!first) out += ',';
                first = false;
                append(out, cells[c][r]);
            }
            out += "\r\n";
        }
        return out;
    }

private:
    struct column_def {
        std::string name;
        cell_fn cell;
        bool required;
    };

    /// Appends a field, quoted by libcsv when it holds a delimiter, a quote, a line break or
    /// surrounding spaces (which a reader would trim).
    static void append(std::string& out, const std::string& field) {
        const bool needs_quotes = field.find_first_of(",;\"\r\n") != std::string::npos ||
                                  (!field.empty() && (field.front() == ' ' || field.back() == ' ' ||
                                                      field.front() == '\t' || field.back() == '\t'));
        if (!needs_quotes) {
            out += field;
            return;
        }
        std::string buffer(field.size() * 2 + 2, '\0');
        const std::size_t size = csv_write(buffer.data(), buffer.size(), field.data(), field.size());
        out.append(buffer.data(), size);
    }

    std::vector<column_def> columns_;
};

std::string joined(const std::vector<std::string>& items) { return detail::join_list_cell(items); }

std::string number(std::optional<double> value) {
    if (!value) return {};
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, *value);
    return std::string(buffer, end);
}

std::string boolean(std::optional<bool> value) { return value ? (*value ? "true" : "false") : ""; }

template <class Enum>
std::string name(Enum value) {
    return std::string(to_string(value));
}

}  // namespace

void write_csv(const network& net, const std::filesystem::path& folder) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) throw io_error(folder.string() + ": cannot create the folder: " + ec.message());

    std::vector<actor> actors;
    actors.reserve(net.actor_count());
    for (index_t i = 0; i < net.actor_count(); ++i) actors.push_back(net.actor_record(i));
    csv_file a;
    a.column("id", [&](std::size_t r) { return actors[r].id; }, true);
    a.column("kind", [&](std::size_t r) { return name(actors[r].kind); }, true);
    a.column("label", [&](std::size_t r) { return actors[r].label; });
    a.column("role", [&](std::size_t r) { return name(actors[r].role); });
    a.column("organisation", [&](std::size_t r) { return actors[r].organisation; });
    a.column("profession", [&](std::size_t r) { return actors[r].profession; });
    a.column("sector", [&](std::size_t r) { return actors[r].sector; });
    a.column("status", [&](std::size_t r) { return name(actors[r].status); });
    a.column("territory", [&](std::size_t r) { return actors[r].territory; });
    a.column("service_area", [&](std::size_t r) { return joined(actors[r].service_area); });
    a.column("domains", [&](std::size_t r) { return joined(actors[r].domains); });
    a.column("needs", [&](std::size_t r) { return joined(actors[r].needs); });
    a.column("member", [&](std::size_t r) { return actors[r].member ? std::string("true") : std::string(); });
    a.column("potential", [&](std::size_t r) { return actors[r].potential ? std::string("true") : std::string(); });
    a.column("attributes", [&](std::size_t r) { return actors[r].attributes; });
    a.column("extra", [&](std::size_t r) { return actors[r].extra; });

    std::vector<tie> ties;
    ties.reserve(net.tie_count());
    for (index_t i = 0; i < net.tie_count(); ++i) ties.push_back(net.tie_record(i));
    const auto& kind = net.actors().kind;
    const auto& table = net.ties();
    csv_file t;
    t.column("id", [&](std::size_t r) { return ties[r].id; });
    t.column("source", [&](std::size_t r) { return ties[r].source; }, true);
    t.column("target", [&](std::size_t r) { return ties[r].target; }, true);
    t.column("relation", [&](std::size_t r) { return name(ties[r].relation); }, true);
    t.column("formality", [&](std::size_t r) { return name(*ties[r].formality); });
    t.column("layer", [&](std::size_t r) {
        const auto derived = derived_layer(kind[table.source[r]], kind[table.target[r]]);
        return *ties[r].layer == derived ? std::string() : name(*ties[r].layer);
    });
    t.column("directed", [&](std::size_t r) {
        return *ties[r].directed == default_directed(ties[r].relation) ? std::string() : boolean(ties[r].directed);
    });
    t.column("weight", [&](std::size_t r) { return ties[r].weight == 1.0 ? std::string() : number(ties[r].weight); });
    t.column("valence", [&](std::size_t r) { return name(ties[r].valence); });
    t.column("about", [&](std::size_t r) { return ties[r].about; });
    t.column("consent", [&](std::size_t r) { return boolean(ties[r].consent); });
    auto conv = [&](std::size_t r) -> const convention* {
        return ties[r].convention ? &*ties[r].convention : nullptr;
    };
    t.column("convention_signed", [&](std::size_t r) { return conv(r) ? boolean(conv(r)->is_signed) : std::string(); });
    t.column("convention_tasks", [&](std::size_t r) { return conv(r) ? joined(conv(r)->tasks) : std::string(); });
    t.column("convention_means", [&](std::size_t r) { return conv(r) ? joined(conv(r)->means) : std::string(); });
    t.column("convention_contributions", [&](std::size_t r) { return conv(r) ? joined(conv(r)->contributions) : std::string(); });
    t.column("convention_responsibilities", [&](std::size_t r) { return conv(r) ? joined(conv(r)->responsibilities) : std::string(); });
    t.column("convention_expected_results", [&](std::size_t r) { return conv(r) ? joined(conv(r)->expected_results) : std::string(); });
    t.column("convention_extra", [&](std::size_t r) { return conv(r) ? conv(r)->extra : std::string(); });
    t.column("intensity", [&](std::size_t r) { return name(ties[r].intensity); });
    t.column("trust_reliability", [&](std::size_t r) { return number(ties[r].trust.reliability); });
    t.column("trust_shared_mission", [&](std::size_t r) { return number(ties[r].trust.shared_mission); });
    t.column("trust_openness", [&](std::size_t r) { return number(ties[r].trust.openness); });
    t.column("value_influence", [&](std::size_t r) { return number(ties[r].value.influence); });
    t.column("value_resources", [&](std::size_t r) { return number(ties[r].value.resources); });
    t.column("value_involvement", [&](std::size_t r) { return number(ties[r].value.involvement); });
    t.column("resources", [&](std::size_t r) { return joined(ties[r].resources); });
    t.column("since", [&](std::size_t r) { return ties[r].since; });
    t.column("last_activity", [&](std::size_t r) { return ties[r].last_activity; });
    t.column("attributes", [&](std::size_t r) { return ties[r].attributes; });
    t.column("extra", [&](std::size_t r) { return ties[r].extra; });

    const auto& meetings = net.meetings();
    csv_file m;
    m.column("id", [&](std::size_t r) { return meetings[r].id; }, true);
    m.column("date", [&](std::size_t r) { return meetings[r].date; });
    m.column("about", [&](std::size_t r) { return meetings[r].about; });
    m.column("facilitator", [&](std::size_t r) { return meetings[r].facilitator; });
    m.column("minute_taker", [&](std::size_t r) { return meetings[r].minute_taker; });
    m.column("participants", [&](std::size_t r) { return joined(meetings[r].participants); });
    m.column("minutes_sent_to", [&](std::size_t r) { return joined(meetings[r].minutes_sent_to); });
    m.column("pending", [&](std::size_t r) { return joined(meetings[r].pending); });
    m.column("attributes", [&](std::size_t r) { return meetings[r].attributes; });
    m.column("extra", [&](std::size_t r) { return meetings[r].extra; });

    std::vector<std::pair<const std::string*, const decision*>> decisions;
    for (const auto& mt : meetings)
        for (const auto& d : mt.decisions) decisions.emplace_back(&mt.id, &d);
    csv_file d;
    d.column("meeting", [&](std::size_t r) { return *decisions[r].first; }, true);
    d.column("id", [&](std::size_t r) { return decisions[r].second->id; });
    d.column("who", [&](std::size_t r) { return decisions[r].second->who; });
    d.column("what", [&](std::size_t r) { return decisions[r].second->what; });
    d.column("due", [&](std::size_t r) { return decisions[r].second->due; });
    d.column("status", [&](std::size_t r) {
        return decisions[r].second->status == decision_status::open ? std::string() : name(decisions[r].second->status);
    });
    d.column("extra", [&](std::size_t r) { return decisions[r].second->extra; });

    const network_info& info = net.info();
    std::vector<std::pair<std::string, std::string>> rows;
    auto row = [&](std::string key, std::string value) {
        if (!value.empty()) rows.emplace_back(std::move(key), std::move(value));
    };
    row("name", info.name);
    row("legal_status", info.legal_status);
    row("genesis", info.genesis);
    row("objectives", joined(info.objectives));
    row("domains", joined(info.domains));
    row("territory", joined(info.territory));
    row("territory_population", detail::populations_json(info.population));
    row("charter", info.charter);
    row("internal_rules", info.internal_rules);
    row("coordinators", joined(info.coordinators));
    row("coordination_how", info.coordination_how);
    row("coordination_extra", info.coordination_extra);
    row("financing", detail::financing_json(info.financing));
    row("users_description", info.users_description);
    row("users_role", info.users_role);
    row("users_extra", info.users_extra);
    row("attributes", info.attributes);
    row("extra", info.extra);
    row("vocabulary", detail::vocabulary_json(net.own_vocabulary()));
    row("map_extra", net.extra());
    csv_file n;
    n.column("key", [&](std::size_t r) { return rows[r].first; }, true);
    n.column("value", [&](std::size_t r) { return rows[r].second; }, true);

    write_file_atomically(folder / "actors.csv", a.write(actors.size()));
    write_file_atomically(folder / "ties.csv", t.write(ties.size()));
    write_file_atomically(folder / "meetings.csv", m.write(meetings.size()));
    write_file_atomically(folder / "decisions.csv", d.write(decisions.size()));
    write_file_atomically(folder / "network.csv", n.write(rows.size()));
}

}  // namespace maillage
