// Reads the CSV folder (docs/FORMAT.md). Each file is read in blocks of whole lines, never held
// whole; libcsv splits the fields; this file detects the delimiter, tracks physical line numbers,
// and maps the columns onto the records.
#include <csv.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <span>

#include "json_parts.hpp"
#include "list_cell.hpp"
#include "maillage/io/csv.hpp"
#include "maillage/io/text.hpp"

namespace maillage {

namespace {

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

/// The byte offset of the first invalid UTF-8 sequence, or npos.
std::size_t invalid_utf8_at(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > text.size()) return i;
        std::uint32_t code = length == 1 ? c : length == 2 ? (c & 0x1F) : length == 3 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return i;
            code = (code << 6) | (next & 0x3F);
        }
        const bool overlong = (length == 2 && code < 0x80) || (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
        if (overlong || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return i;
        i += length;
    }
    return std::string_view::npos;
}

struct csv_row {
    std::size_t line = 0;
    std::vector<std::string> cells;
};

/// The header of a CSV file being read, and the means to reach a record's cells by column name.
struct csv_table {
    std::string name;               ///< the file name, for places ("ties.csv")
    std::vector<std::string> header;
    std::map<std::string, std::size_t, std::less<>> column;  ///< header name -> position

    [[nodiscard]] std::string place(const csv_row& row) const { return name + ":" + std::to_string(row.line); }
    [[nodiscard]] bool has(std::string_view name_) const { return column.find(name_) != column.end(); }
    /// The position of a column, or npos.
    [[nodiscard]] std::size_t position(std::string_view name_) const {
        auto found = column.find(name_);
        return found == column.end() ? std::string::npos : found->second;
    }
    [[nodiscard]] std::string_view cell(const csv_row& row, std::string_view name_) const {
        const std::size_t k = position(name_);
        if (k == std::string::npos || k >= row.cells.size()) return {};
        return row.cells[k];
    }
};

using row_handler = std::function<void(const csv_row&)>;

struct split_state {
    csv_table* table;
    network_builder* builder;
    const std::function<void()>* on_header;
    const row_handler* on_record;
    csv_row current;
    std::size_t line = 1;           ///< the physical line being fed
    bool in_row = false;
    bool has_header = false;
};

void take_header(split_state& state) {
    csv_table& table = *state.table;
    table.header = std::move(state.current.cells);
    for (std::size_t k = 0; k < table.header.size(); ++k) {
        std::string& column = table.header[k];
        std::transform(column.begin(), column.end(), column.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (column.empty()) continue;
        if (!table.column.emplace(column, k).second)
            state.builder->add_problem(table.name + ":" + std::to_string(state.current.line),
                                       "column " + in_quotes(column) + " appears twice");
    }
    state.has_header = true;
    (*state.on_header)();
}

void on_field(void* data, std::size_t size, void* context) {
    auto& state = *static_cast<split_state*>(context);
    std::string text(static_cast<const char*>(data ? data : ""), data ? size : 0);
    if (!state.in_row) {
        state.in_row = true;
        state.current.line = state.line - static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    }
    state.current.cells.push_back(std::move(text));
}

/// A record is complete: the first is the header, the others go to the handler one by one, so
/// that no file is held in memory as a table.
void on_row(int, void* context) {
    auto& state = *static_cast<split_state*>(context);
    if (!state.in_row) return;
    // A line of empty cells (what spreadsheets leave below the data) is no record.
    const bool blank = std::all_of(state.current.cells.begin(), state.current.cells.end(),
                                   [](const std::string& c) { return c.empty(); });
    if (!blank && !state.has_header) {
        take_header(state);
    } else if (!blank) {
        const csv_table& table = *state.table;
        const auto& cells = state.current.cells;
        if (cells.size() > table.header.size() &&
            !std::all_of(cells.begin() + static_cast<std::ptrdiff_t>(table.header.size()), cells.end(),
                         [](const std::string& c) { return c.empty(); }))
            state.builder->add_problem(table.place(state.current),
                                       std::to_string(cells.size()) + " cells, but the header has " +
                                           std::to_string(table.header.size()) + " columns");
        (*state.on_record)(state.current);
    }
    state.current.cells.clear();
    state.in_row = false;
}

int is_space(unsigned char c) { return c == ' ' || c == '\t' ? CSV_SPACE : 0; }

/// The delimiter of a file: the one of ';' and ',' found more often outside quotes on its first
/// line; and whether that line ends within `text` (else more of the file must be read first).
std::pair<unsigned char, bool> detect_delimiter(std::string_view text) {
    std::size_t commas = 0, semicolons = 0;
    bool quoted_ = false, line_ends = false;
    for (char c : text) {
        if (c == '"') quoted_ = !quoted_;
        else if (!quoted_ && (c == '\n' || c == '\r')) { line_ends = true; break; }
        else if (!quoted_ && c == ',') ++commas;
        else if (!quoted_ && c == ';') ++semicolons;
    }
    return {semicolons > commas ? ';' : ',', line_ends};
}

/// Reads a file in blocks that end at a line break (or at the end of the file), so that no line
/// and no UTF-8 character is cut between two blocks and a large file is never held whole. A file
/// of up to a block is one block, read as a whole text would be.
class line_blocks {
public:
    explicit line_blocks(const std::filesystem::path& path) : path_(path), file_(nullptr, &std::fclose) {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec)) throw io_error(path.string() + ": is a folder, not a file");
        file_.reset(std::fopen(path.c_str(), "rb"));
        if (!file_) throw io_error(path.string() + ": cannot open: " + std::strerror(errno));
    }

    /// The next block, empty at the end of the file; valid until the next call.
    /// @throws io_error when the file cannot be read.
    std::string_view next() {
        buffer_.erase(0, used_);  // keeps the start of a line read with the last block
        for (;;) {
            const std::size_t held = buffer_.size();
            buffer_.resize(held + block_size);
            const std::size_t got = std::fread(buffer_.data() + held, 1, block_size, file_.get());
            buffer_.resize(held + got);
            if (got < block_size) {  // the end of the file: the rest, whatever its last line
                if (std::ferror(file_.get())) throw io_error(path_.string() + ": cannot read: " + std::strerror(errno));
                used_ = buffer_.size();
                return buffer_;
            }
            if (const std::size_t last = buffer_.rfind('\n'); last != std::string::npos && last >= held) {
                used_ = last + 1;
                return std::string_view(buffer_).substr(0, used_);
            }
        }
    }

private:
    static constexpr std::size_t block_size = 1 << 20;
    std::filesystem::path path_;
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_;
    std::string buffer_;
    std::size_t used_ = 0;
};

using block_source = std::function<std::string_view()>;

/// Splits the file `name`, whose blocks `next_block` gives in turn (whole lines each, empty at
/// the end), into records: `on_header` runs once the header is in `table`, then `on_record` for
/// each record. Problems go to `b`. Returns false when the file cannot be used at all (what was
/// delivered before a syntax error or invalid UTF-8 stays delivered).
bool split_csv(const block_source& next_block, const std::string& name, csv_table& table, network_builder& b,
               unsigned char& delimiter, const std::function<void()>& on_header, const row_handler& on_record) {
    table.name = name;
    // The first blocks are held until the header line is whole, for the delimiter.
    std::string head;
    std::string_view block;
    bool header_whole = false;
    while (!header_whole && !(block = next_block()).empty()) {
        head.append(block);
        std::string_view text = head;
        if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
        header_whole = text.find_first_not_of(" \t\r\n") != std::string_view::npos && detect_delimiter(text).second;
    }
    std::string_view text = head;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        b.add_problem(name, "the file is empty (it needs at least a header line)");
        return false;
    }
    delimiter = detect_delimiter(text).first;
    csv_parser parser;
    csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    std::unique_ptr<csv_parser, void (*)(csv_parser*)> guard(&parser, [](csv_parser* p) { csv_free(p); });
    csv_set_delim(&parser, delimiter);
    csv_set_space_func(&parser, is_space);
    split_state state{&table, &b, &on_header, &on_record, {}, 1, false, false};
    for (; !text.empty(); text = next_block()) {
        if (auto bad = invalid_utf8_at(text); bad != std::string_view::npos) {
            // A block starts a line, so the column within the block is the column in the file.
            const auto at = line_column(text, bad);
            b.add_problem(name + ":" + std::to_string(state.line + at.line - 1) + ":" + std::to_string(at.column),
                          "invalid UTF-8 (save the file as UTF-8)");
            return false;
        }
        std::size_t start = 0;
        while (start < text.size()) {
            std::size_t end = text.find('\n', start);
            end = end == std::string_view::npos ? text.size() : end + 1;
            if (csv_parse(&parser, text.data() + start, end - start, on_field, on_row, &state) != end - start) {
                b.add_problem(name + ":" + std::to_string(state.line),
                              std::string("malformed CSV: ") + csv_strerror(csv_error(&parser)) +
                                  " (a quote inside a field must be doubled, and the field quoted)");
                return false;
            }
            if (end > 0 && text[end - 1] == '\n') ++state.line;
            start = end;
        }
        if (!head.empty()) head = std::string();  // the first block is done: free it
    }
    if (csv_fini(&parser, on_field, on_row, &state) != 0) {
        b.add_problem(name + ":" + std::to_string(state.in_row ? state.current.line : state.line),
                      "a quoted field is not closed (the file may be truncated)");
        return false;
    }
    if (!state.has_header) {
        b.add_problem(name, "the file has no header line");
        return false;
    }
    return true;
}

/// Maps the cells of one row onto record fields, reporting problems at the row's line.
class row_reader {
public:
    row_reader(const csv_table& table, const csv_row& row, network_builder& b, unsigned char delimiter)
        : table_(table), row_(row), b_(b), place_(table.place(row)), delimiter_(delimiter),
          used_(table.header.size(), 0) {}

    [[nodiscard]] const std::string& place() const { return place_; }

    std::string_view cell(std::string_view column) {
        const std::size_t k = table_.position(column);
        if (k == std::string::npos) return {};
        used_[k] = 1;
        return k < row_.cells.size() ? std::string_view(row_.cells[k]) : std::string_view();
    }
    std::string text(std::string_view column) { return std::string(cell(column)); }

    /// The cell, reporting it when empty (for the columns the builder does not check itself).
    std::string required(std::string_view column) {
        std::string value = text(column);
        if (value.empty()) problem(column, "is empty");
        return value;
    }

    std::vector<std::string> list(std::string_view column) { return detail::split_list_cell(cell(column)); }

    std::optional<bool> boolean(std::string_view column) {
        const std::string_view value = cell(column);
        if (value.empty()) return std::nullopt;
        std::string lower(value);
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        for (auto yes : {"true", "1", "yes", "oui", "ja", "vrai", "wahr"})
            if (lower == yes) return true;
        for (auto no : {"false", "0", "no", "non", "nein", "faux", "falsch"})
            if (lower == no) return false;
        problem(column, "expected true or false, got " + in_quotes(value));
        return std::nullopt;
    }

    std::optional<double> number(std::string_view column) {
        std::string value(cell(column));
        if (value.empty()) return std::nullopt;
        // Spreadsheets in French and German write decimal commas ("1,5") in semicolon files.
        if (delimiter_ == ';' && value.find('.') == std::string::npos && std::count(value.begin(), value.end(), ',') == 1)
            std::replace(value.begin(), value.end(), ',', '.');
        double parsed = 0;
        const char* first = value.data();
        if (!value.empty() && value.front() == '+') ++first;
        auto [end, ec] = std::from_chars(first, value.data() + value.size(), parsed);
        if (ec != std::errc() || end != value.data() + value.size()) {
            problem(column, "malformed number " + in_quotes(cell(column)));
            return std::nullopt;
        }
        return parsed;
    }

    template <class Enum>
    std::optional<Enum> enumeration(std::string_view column) {
        const std::string_view value = cell(column);
        if (value.empty()) return std::nullopt;
        auto parsed = parse_enum<Enum>(value);
        if (!parsed) problem(column, "unknown value " + in_quotes(value) + "; allowed: " + allowed_names<Enum>());
        return parsed;
    }

    /// The `attributes` cell merged with the columns this reader does not know, as JSON object text.
    std::string attributes(std::span<const std::string_view> also_known = {}) {
        std::string object = detail::compact_json_object(cell("attributes"), b_, place_, "column \"attributes\"").value_or("");
        for (std::size_t k = 0; k < table_.header.size(); ++k) {
            const std::string& column = table_.header[k];
            if (column.empty() || k >= row_.cells.size() || row_.cells[k].empty()) continue;
            if (used_[k]) continue;
            if (column == "extra" || std::find(also_known.begin(), also_known.end(), column) != also_known.end()) continue;
            object = detail::with_string_member(object, column, row_.cells[k]);
        }
        return object;
    }

    std::string extra() {
        return detail::compact_json_object(cell("extra"), b_, place_, "column \"extra\"").value_or("");
    }

    void problem(std::string_view column, std::string message) {
        b_.add_problem(place_, "column " + in_quotes(column) + ": " + std::move(message));
    }

private:
    const csv_table& table_;
    const csv_row& row_;
    network_builder& b_;
    std::string place_;
    unsigned char delimiter_;
    std::vector<char> used_;  ///< by header position: the columns this row's record has read
};

/// Whether the header has every column of `columns`; reports those it lacks.
bool require_columns(const csv_table& table, network_builder& b, std::initializer_list<std::string_view> columns) {
    bool complete = true;
    for (auto column : columns) {
        if (table.has(column)) continue;
        b.add_problem(table.name + ":1", "missing column " + in_quotes(column));
        complete = false;
    }
    return complete;
}

void read_actor(const csv_table& table, const csv_row& row, network_builder& b, unsigned char delimiter) {
    {
        row_reader r(table, row, b, delimiter);
        actor a;
        a.id = r.text("id");
        if (auto kind = r.enumeration<actor_kind>("kind")) a.kind = *kind;
        else if (r.cell("kind").empty()) r.problem("kind", "is empty");
        a.label = r.text("label");
        a.role = r.enumeration<person_role>("role").value_or(person_role::none);
        a.organisation = r.text("organisation");
        a.profession = r.text("profession");
        a.sector = r.text("sector");
        a.status = r.enumeration<actor_status>("status").value_or(actor_status::none);
        a.territory = r.text("territory");
        a.service_area = r.list("service_area");
        a.domains = r.list("domains");
        a.needs = r.list("needs");
        a.member = r.boolean("member").value_or(false);
        a.potential = r.boolean("potential").value_or(false);
        a.attributes = r.attributes();
        a.extra = r.extra();
        b.add_actor(std::move(a), r.place());
    }
}

void read_tie(const csv_table& table, const csv_row& row, network_builder& b, unsigned char delimiter) {
    {
        row_reader r(table, row, b, delimiter);
        tie t;
        t.id = r.text("id");
        t.source = r.text("source");
        t.target = r.text("target");
        if (auto rel = r.enumeration<relation>("relation")) t.relation = *rel;
        else if (r.cell("relation").empty()) r.problem("relation", "is empty");
        t.formality = r.enumeration<formality>("formality");
        t.layer = r.enumeration<layer>("layer");
        t.directed = r.boolean("directed");
        t.weight = r.number("weight").value_or(1.0);
        t.valence = r.enumeration<valence>("valence").value_or(valence::none);
        t.about = r.text("about");
        t.consent = r.boolean("consent");
        static constexpr std::string_view convention_columns[] = {
            "convention_signed", "convention_tasks", "convention_means", "convention_contributions",
            "convention_responsibilities", "convention_expected_results", "convention_extra"};
        if (std::any_of(std::begin(convention_columns), std::end(convention_columns),
                        [&](std::string_view c) { return !table.cell(row, c).empty(); })) {
            convention c;
            c.is_signed = r.boolean("convention_signed").value_or(false);
            c.tasks = r.list("convention_tasks");
            c.means = r.list("convention_means");
            c.contributions = r.list("convention_contributions");
            c.responsibilities = r.list("convention_responsibilities");
            c.expected_results = r.list("convention_expected_results");
            c.extra = detail::compact_json_object(r.cell("convention_extra"), b, r.place(), "column \"convention_extra\"").value_or("");
            t.convention = std::move(c);
        }
        t.intensity = r.enumeration<intensity>("intensity").value_or(intensity::none);
        t.trust.reliability = r.number("trust_reliability");
        t.trust.shared_mission = r.number("trust_shared_mission");
        t.trust.openness = r.number("trust_openness");
        t.value.influence = r.number("value_influence");
        t.value.resources = r.number("value_resources");
        t.value.involvement = r.number("value_involvement");
        t.resources = r.list("resources");
        t.since = r.text("since");
        t.last_activity = r.text("last_activity");
        t.attributes = r.attributes(convention_columns);
        t.extra = r.extra();
        b.add_tie(std::move(t), r.place());
    }
}

/// Meetings, then their decisions (decisions.csv names each one's meeting).
class meeting_rows {
public:
    explicit meeting_rows(network_builder& b) : b_(b) {}

    void meeting_row(const csv_table& table, const csv_row& row, unsigned char delimiter) {
        row_reader r(table, row, b_, delimiter);
        meeting m;
        m.id = r.text("id");
        m.date = r.text("date");
        m.about = r.text("about");
        m.facilitator = r.text("facilitator");
        m.minute_taker = r.text("minute_taker");
        m.participants = r.list("participants");
        m.minutes_sent_to = r.list("minutes_sent_to");
        m.pending = r.list("pending");
        m.attributes = r.attributes();
        m.extra = r.extra();
        by_id_.emplace(m.id, records_.size());
        records_.push_back(std::move(m));
        places_.push_back(r.place());
        decision_places_.emplace_back();
    }

    void decision_row(const csv_table& table, const csv_row& row, unsigned char delimiter) {
        row_reader r(table, row, b_, delimiter);
        const std::string meeting_id = r.required("meeting");
        decision d;
        d.id = r.text("id");
        d.who = r.text("who");
        d.what = r.text("what");
        d.due = r.text("due");
        d.status = r.enumeration<decision_status>("status").value_or(decision_status::open);
        d.extra = r.extra();
        if (const std::string attrs = r.attributes(); !attrs.empty())
            d.extra = detail::with_string_member(d.extra, "attributes", attrs);
        auto found = by_id_.find(meeting_id);
        if (found == by_id_.end()) {
            if (!meeting_id.empty()) r.problem("meeting", "unknown meeting " + in_quotes(meeting_id));
            return;
        }
        records_[found->second].decisions.push_back(std::move(d));
        decision_places_[found->second].push_back(r.place());
    }

    void finish() {
        for (std::size_t i = 0; i < records_.size(); ++i)
            b_.add_meeting(std::move(records_[i]), places_[i], std::move(decision_places_[i]));
    }

private:
    network_builder& b_;
    std::vector<meeting> records_;
    std::vector<std::string> places_;
    std::vector<std::vector<std::string>> decision_places_;
    std::map<std::string, std::size_t, std::less<>> by_id_;
};

/// network.csv: one metadata field per row (key, value).
struct network_rows {
    network_info info;
    std::map<std::string, std::string, std::less<>> seen;
    std::vector<std::pair<std::string, std::string>> free_keys;  // rows maillage does not know: free attributes

    void row(const csv_table& table, const csv_row& row, network_builder& b, unsigned char delimiter) {
        row_reader r(table, row, b, delimiter);
        const std::string key = std::string(table.cell(row, "key"));
        const std::string value = std::string(table.cell(row, "value"));
        auto split = [&] { return detail::split_list_cell(value); };
        auto object = [&](std::string_view what) {
            return detail::compact_json_object(value, b, r.place(), what).value_or("");
        };
        if (key.empty()) {
            if (!value.empty()) r.problem("key", "is empty");
            return;
        }
        if (auto [it, inserted] = seen.emplace(key, r.place()); !inserted) {
            r.problem("key", in_quotes(key) + " appears twice (first at " + it->second + ")");
            return;
        }
        if (key == "name") info.name = value;
        else if (key == "legal_status") info.legal_status = value;
        else if (key == "genesis") info.genesis = value;
        else if (key == "objectives") info.objectives = split();
        else if (key == "domains") info.domains = split();
        else if (key == "territory") info.territory = split();
        else if (key == "territory_population") detail::parse_populations(value, b, r.place(), info);
        else if (key == "charter") info.charter = value;
        else if (key == "internal_rules") info.internal_rules = value;
        else if (key == "coordinators") info.coordinators = split();
        else if (key == "coordination_how") info.coordination_how = value;
        else if (key == "coordination_extra") info.coordination_extra = object("coordination_extra");
        else if (key == "users_description") info.users_description = value;
        else if (key == "users_role") info.users_role = value;
        else if (key == "users_extra") info.users_extra = object("users_extra");
        else if (key == "financing") info.financing = detail::parse_financing(value, b, r.place());
        else if (key == "vocabulary") b.set_vocabulary(detail::parse_vocabulary(value, b, r.place()), r.place());
        else if (key == "attributes") info.attributes = object("attributes");
        else if (key == "extra") info.extra = object("extra");
        else if (key == "map_extra") b.set_extra(object("map_extra"));
        else free_keys.emplace_back(key, value);
    }

    void finish(network_builder& b, const std::string& place) {
        for (const auto& [key, value] : free_keys) info.attributes = detail::with_string_member(info.attributes, key, value);
        // A territory with a population belongs to the network's territories (as in JSON).
        for (const auto& [name, inhabitants] : info.population)
            if (std::find(info.territory.begin(), info.territory.end(), name) == info.territory.end())
                info.territory.push_back(name);
        b.set_info(std::move(info), place);
    }
};

}  // namespace

network read_csv(const std::filesystem::path& folder) {
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        throw io_error(folder.string() + ": not a folder (a CSV map is a folder holding actors.csv and ties.csv)");
    network_builder builder(folder.string(), network_builder::place_style::csv);
    // Each file is read, split and mapped in turn; its text is freed before the next one.
    auto load = [&](const char* name, bool required, std::initializer_list<std::string_view> columns,
                    const std::function<void(const csv_table&, const csv_row&, unsigned char)>& on_record) {
        const auto path = folder / name;
        if (!std::filesystem::exists(path, ec)) {
            if (required) builder.add_problem(name, "missing file (a CSV map needs actors.csv and ties.csv)");
            return false;
        }
        csv_table table;
        unsigned char delimiter = ',';
        bool usable = true;  // records of a file that lacks a required column are not read
        line_blocks blocks(path);
        return split_csv(
            [&] { return blocks.next(); }, name, table, builder, delimiter,
            [&] { usable = require_columns(table, builder, columns); },
            [&](const csv_row& row) {
                if (usable) on_record(table, row, delimiter);
            });
    };
    load("actors.csv", true, {"id", "kind"}, [&](const csv_table& t, const csv_row& row, unsigned char d) {
        read_actor(t, row, builder, d);
    });
    load("ties.csv", true, {"source", "target", "relation"}, [&](const csv_table& t, const csv_row& row, unsigned char d) {
        read_tie(t, row, builder, d);
    });
    meeting_rows meetings(builder);
    const bool has_meetings = load("meetings.csv", false, {"id"}, [&](const csv_table& t, const csv_row& row, unsigned char d) {
        meetings.meeting_row(t, row, d);
    });
    if (has_meetings) {
        load("decisions.csv", false, {"meeting"}, [&](const csv_table& t, const csv_row& row, unsigned char d) {
            meetings.decision_row(t, row, d);
        });
    } else if (std::filesystem::exists(folder / "decisions.csv", ec)) {
        load("decisions.csv", false, {"meeting"}, [&](const csv_table& t, const csv_row& row, unsigned char) {
            builder.add_problem(t.place(row), "a decision, but there is no meetings.csv");
        });
    }
    meetings.finish();
    network_rows info;
    if (load("network.csv", false, {"key", "value"}, [&](const csv_table& t, const csv_row& row, unsigned char d) {
            info.row(t, row, builder, d);
        }))
        info.finish(builder, "network.csv");
    return builder.build();
}

}  // namespace maillage
