#pragma once
/// A drawing as plain data: nodes, ties, rings, sectors, badges, texts and legends with their
/// coordinates in pixels, ready for the SVG writer (svg.hpp). The drawings (ecomap.hpp,
/// partners.hpp, whole_map.hpp) build scenes; tests read positions from them.
///
/// Also the text measures the drawings place labels with: DejaVu Sans advances (the font the SVG
/// asks for first) approximated per character class, UTF-8 aware, and word wrapping.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "maillage/draw/layout.hpp"

namespace maillage::draw {

enum class node_shape : std::uint8_t { circle, square, diamond };
enum class text_anchor : std::uint8_t { start, middle, end };

struct scene_node {
    index_t actor = no_index;
    point at;
    double radius = 6;
    node_shape shape = node_shape::circle;
    std::string fill = "#95a5a6", stroke = "#ffffff";
    double stroke_width = 1.5;
    std::string stroke_dash;                 ///< SVG stroke-dasharray, empty: solid
    std::string tooltip;
    std::string inner_text;                  ///< short text inside the node (the user's initials)
};

struct scene_edge {
    index_t tie = no_index;
    point from, to;
    double bend = 0;                         ///< signed offset of the curve's control point, px
    std::string colour = "#8a8f98";
    double width = 1.4;
    std::string dash;
    double opacity = 0.85;
    bool arrow = false;
    std::string tooltip;
};

/// A circle drawn behind the nodes (the rings of an ecomap or a partner map).
struct scene_ring {
    point centre;
    double radius = 0;
    std::string stroke = "#d5d8dc", dash, fill = "none";
    double width = 1;
};

/// An annular wedge behind a group (a sector, a kind of tie), angles in radians clockwise from
/// the top; its label sits at `label_at`.
struct scene_sector {
    point centre;
    double inner = 0, outer = 0, start = 0, end = 0;
    std::string fill = "#f4f6f7", stroke = "#ffffff";
    double opacity = 1;
    std::string label;
    point label_at;
    text_anchor anchor = text_anchor::middle;
    std::string label_colour = "#566573";
};

struct scene_text {
    point at;                                ///< baseline of the first line
    std::vector<std::string> lines;
    double size = 11;
    text_anchor anchor = text_anchor::start;
    std::string fill = "#1c2833";
    bool bold = false;
    bool halo = true;                        ///< a white outline under the text, for readability
    std::string tooltip;
};

/// A rounded label with a coloured background (covered / uncovered needs).
struct scene_badge {
    point at;                                ///< top-left corner
    double width = 0, height = 18;
    std::string text, fill = "#e8f6ef", stroke = "#1e8449", text_fill = "#145a32";
    std::string tooltip;
};

enum class legend_symbol : std::uint8_t { dot, square, line, ring, badge };

struct legend_item {
    legend_symbol symbol = legend_symbol::dot;
    std::string colour = "#95a5a6", stroke = "#ffffff", dash;
    double width = 1.5;                      ///< line width, or dot radius
    std::string text;
};

struct legend_block {
    std::string title;
    std::vector<legend_item> items;
};

struct scene {
    /// Prefix of the ids inside the SVG (title, arrow markers), so that several drawings inline in
    /// one HTML page do not share ids: "map", "ecomap-<actor>", "partners-<actor>".
    std::string id = "maillage";
    double width = 960, height = 640;
    std::string title, description;
    std::vector<scene_sector> sectors;
    std::vector<scene_ring> rings;
    std::vector<scene_edge> edges;
    std::vector<scene_node> nodes;
    std::vector<scene_text> labels;          ///< node labels and other texts, drawn last
    std::vector<scene_badge> badges;
    std::vector<legend_block> legends;
    point legend_at;                         ///< top-left corner of the legend column
    double legend_width = 240;
};

// ---- text measures ---------------------------------------------------------------------------

/// Characters of a UTF-8 string (code points).
[[nodiscard]] inline std::size_t utf8_length(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
}

/// The first `count` code points of a UTF-8 string.
[[nodiscard]] inline std::string utf8_prefix(std::string_view text, std::size_t count) {
    std::size_t seen = 0, i = 0;
    for (; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (seen == count) break;
            ++seen;
        }
    }
    return std::string(text.substr(0, i));
}

/// Approximate advance of a text in DejaVu Sans at `size` px: 0.62 em for most letters, 0.32 em
/// for narrow ones (i, l, punctuation, space), 0.88 em for m and w, 0.7 em for capitals, plus 8%:
/// at or above the font's advances on French labels, so that placed labels do not touch.
[[nodiscard]] inline double text_width(std::string_view text, double size) {
    double em = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0) == 0x80) continue;
        if (c >= 0x80) em += 0.62;
        else if (std::string_view("il.,;:'!|I ()-/").find(static_cast<char>(c)) != std::string_view::npos) em += 0.34;
        else if (c == 'M' || c == 'W' || c == 'm' || c == 'w') em += 0.88;
        else if (c >= 'A' && c <= 'Z') em += 0.70;
        else em += 0.60;
    }
    return em * size * 1.08;  // a margin: rasterisers hint and kern differently
}

/// Words of `text` in lines of at most `width` characters, at most `max_lines` lines, the last
/// ending with "…" when the text is cut. A word longer than a line is cut.
[[nodiscard]] inline std::vector<std::string> wrap_text(std::string_view text, std::size_t width, std::size_t max_lines) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t') {
            if (!word.empty()) words.push_back(std::move(word)), word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    std::vector<std::string> lines;
    std::string line;
    bool cut = false;
    for (std::size_t w = 0; w < words.size(); ++w) {
        std::string next = line.empty() ? words[w] : line + " " + words[w];
        if (utf8_length(next) <= width || line.empty()) {
            line = std::move(next);
            continue;
        }
        lines.push_back(std::move(line));
        line = words[w];
        if (lines.size() == max_lines) {
            cut = true;
            break;
        }
    }
    if (!cut && !line.empty()) lines.push_back(std::move(line));
    if (lines.size() > max_lines) lines.resize(max_lines), cut = true;
    for (auto& l : lines)
        if (utf8_length(l) > width) l = utf8_prefix(l, width - 1) + "…", cut = false;
    if (cut && !lines.empty()) {
        std::string& last = lines.back();
        if (utf8_length(last) + 1 > width) last = utf8_prefix(last, width - 1);
        last += "…";
    }
    return lines;
}

/// An axis-aligned box.
struct box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    [[nodiscard]] bool overlaps(const box& o, double gap = 0) const {
        return x0 < o.x1 + gap && o.x0 < x1 + gap && y0 < o.y1 + gap && o.y0 < y1 + gap;
    }
    [[nodiscard]] bool inside(double w, double h) const { return x0 >= 0 && y0 >= 0 && x1 <= w && y1 <= h; }
};

/// The box a text takes: `at` is the baseline of its first line.
[[nodiscard]] inline box text_box(const scene_text& t) {
    double w = 0;
    for (const auto& l : t.lines) w = std::max(w, text_width(l, t.size));
    const double line_height = t.size * 1.2;
    const double x0 = t.anchor == text_anchor::start ? t.at.x : t.anchor == text_anchor::end ? t.at.x - w : t.at.x - w / 2;
    return {x0, t.at.y - t.size * 0.8, x0 + w, t.at.y - t.size * 0.8 + line_height * double(t.lines.size())};
}

[[nodiscard]] inline box node_box(const scene_node& n) {
    return {n.at.x - n.radius, n.at.y - n.radius, n.at.x + n.radius, n.at.y + n.radius};
}

/// Places the texts in `pending` one after the other (callers order them by importance): each
/// takes the first of its `candidates` whose box stays inside the frame and overlaps no box
/// placed so far (nodes included); a text with no free candidate is left out (its actor keeps its
/// tooltip). Returns, for each pending text, whether it was placed.
struct label_candidate {
    std::vector<scene_text> options;         ///< the same text at different places, best first
    bool required = false;                   ///< placed at its first option even when all collide
};

inline std::vector<bool> place_labels(scene& s, std::vector<box>& taken, const std::vector<label_candidate>& pending,
                                      double gap = 1.5) {
    std::vector<bool> placed(pending.size(), false);
    for (std::size_t i = 0; i < pending.size(); ++i) {
        const auto& c = pending[i];
        const scene_text* chosen = nullptr;
        for (const auto& option : c.options) {
            const box b = text_box(option);
            if (!b.inside(s.width, s.height)) continue;
            bool free = true;
            for (const auto& t : taken)
                if (b.overlaps(t, gap)) {
                    free = false;
                    break;
                }
            if (free) {
                chosen = &option;
                break;
            }
        }
        if (!chosen && c.required && !c.options.empty()) chosen = &c.options.front();
        if (!chosen) continue;
        taken.push_back(text_box(*chosen));
        s.labels.push_back(*chosen);
        placed[i] = true;
    }
    return placed;
}

// ---- legend metrics (shared by the drawings and the SVG writer) ------------------------------

inline constexpr double legend_padding = 10, legend_title_height = 18, legend_gap = 8, legend_font = 11;

/// Lines of a legend entry in a column `width` px wide.
[[nodiscard]] inline std::vector<std::string> legend_lines(const std::string& text, double width) {
    const auto chars = static_cast<std::size_t>(std::max(8.0, (width - 2 * legend_padding - 30) / (legend_font * 0.6)));
    return wrap_text(text, chars, 3);
}

[[nodiscard]] inline double legend_item_height(const legend_item& item, double width) {
    const double lines = double(legend_lines(item.text, width).size());
    return std::max(std::max(18.0, 2 * item.width + 4), lines * legend_font * 1.2 + 6);
}

/// The height the legend column of `s` takes, in px (0 without legends).
[[nodiscard]] inline double legend_height(const scene& s) {
    if (s.legends.empty()) return 0;
    double h = legend_padding;
    for (const auto& block : s.legends) {
        h += double(legend_lines(block.title, s.legend_width).size()) * legend_title_height;
        for (const auto& item : block.items) h += legend_item_height(item, s.legend_width);
        h += legend_gap;
    }
    return h + legend_padding - legend_gap;
}

// ---- colours and texts -----------------------------------------------------------------------

/// Colour-blind-aware qualitative palette (Okabe-Ito and Paul Tol tones).
inline const std::vector<std::string>& palette() {
    // The first nine avoid the green, red and orange of the valences (tie_style.hpp).
    static const std::vector<std::string> colours = {
        "#0072b2", "#cc79a7", "#56b4e9", "#7f3c8d", "#999933", "#44aa99", "#882255", "#332288",
        "#88ccee", "#ddcc77", "#117733", "#a6761d", "#d55e00", "#6b4c9a", "#aa4499", "#009e73"};
    return colours;
}

inline constexpr const char* person_colour = "#f2c14e";
inline constexpr const char* user_colour = "#c0392b";

/// The texts a drawing shows, by key: legend titles and entries. Callers in a language fill them
/// from the message catalogues (maillage.messages, section "drawing"; relation names under
/// "relation.<name>", kinds under "kind.<name>"); keys left out show in English.
struct drawing_text {
    std::string lang = "en";                 ///< for sector and domain labels of the vocabulary
    std::map<std::string, std::string> text;
    /// Names shown for actors, by actor index (pseudonyms); empty: the actors' labels.
    std::vector<std::string> names;

    [[nodiscard]] std::string get(const std::string& key) const {
        if (auto found = text.find(key); found != text.end() && !found->second.empty()) return found->second;
        return english(key);
    }

    static std::string english(const std::string& key) {
        static const std::map<std::string, std::string> defaults = {
            {"sectors", "Sectors"}, {"kinds", "Kinds of actor"}, {"communities", "Communities"},
            {"community", "community {n}"}, {"ties", "Ties"}, {"formal", "formal"}, {"informal", "informal"},
            {"supportive", "supportive"}, {"conflictual", "conflictual"}, {"ambivalent", "ambivalent"},
            {"no_valence", "no valence stated"}, {"width_weight", "width: weight"}, {"actors", "Actors"},
            {"member", "network member"}, {"non_member", "not a member"}, {"potential", "potential partner"},
            {"size_by", "size: {measure}"}, {"needs", "Needs of {user}"}, {"covered", "covered"},
            {"uncovered", "uncovered"}, {"covered_by", "covered by {providers}"}, {"no_needs", "no needs recorded"},
            {"primary", "primary network"}, {"secondary", "secondary network"}, {"user", "service user"},
            {"person", "person"}, {"no_sector", "sector not stated"}, {"ecomap", "Ecomap of {user}"},
            {"partners", "My network, my partners: {organisation}"}, {"map", "Map of the network"},
            {"kinds_of_tie", "Kinds of tie"}, {"partnership_convention", "partnership with agreement"},
            {"partnership_plain", "partnership without agreement"}, {"coordination", "coordination"},
            {"referral", "referral"}, {"information", "information exchange"}, {"funding", "funding"},
            {"other_tie", "other ties"}, {"existing", "existing partners"}, {"potential_partners", "potential partners"},
            {"hidden_labels", "Names in the tooltips only: {n}"}, {"membership", "Network membership"}, {"directed", "arrow: direction"},
            {"measure.degree", "degree"}, {"measure.strength", "strength"}, {"measure.betweenness", "betweenness"},
            {"measure.closeness", "closeness"}, {"measure.harmonic", "harmonic closeness"},
            {"measure.pagerank", "PageRank"}, {"measure.core", "core number"}, {"measure.custom", "measure"},
            {"kind.person", "person"}, {"kind.professional", "professional"}, {"kind.organisation", "organisation"},
            {"kind.network", "network"}, {"role.user", "service user"}, {"role.family", "family"},
            {"role.friend", "friend"}, {"role.neighbour", "neighbour"}, {"role.colleague", "colleague"},
            {"role.other", "other"},
        };
        if (auto found = defaults.find(key); found != defaults.end()) return found->second;
        if (key.starts_with("relation.")) return key.substr(9);
        return key;
    }

    /// `get(key)` with `{name}` replaced by `value`.
    [[nodiscard]] std::string format(const std::string& key, const std::string& name, const std::string& value) const {
        std::string t = get(key);
        const std::string slot = "{" + name + "}";
        if (auto at = t.find(slot); at != std::string::npos) t.replace(at, slot.size(), value);
        return t;
    }

    /// The name shown for an actor.
    [[nodiscard]] std::string actor_name(const network& net, index_t v) const {
        if (v < names.size() && !names[v].empty()) return names[v];
        const auto& a = net.actors();
        return a.label[v].empty() ? a.id[v] : a.label[v];
    }
};

/// The sector an actor is drawn in: its own, or its organisation's for a professional; "" if none.
[[nodiscard]] inline std::string drawn_sector(const network& net, index_t v) {
    const auto& a = net.actors();
    if (!a.sector[v].empty()) return a.sector[v];
    if (a.organisation[v] != no_index) return a.sector[a.organisation[v]];
    return {};
}

/// `prefix` followed by `text` with every character outside [A-Za-z0-9_-] as "_": an XML id.
[[nodiscard]] inline std::string xml_id(std::string_view prefix, std::string_view text) {
    std::string out(prefix);
    for (char c : text) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
    return out;
}

/// A number with at most two decimals, for tooltips.
[[nodiscard]] inline std::string short_number(double v) {
    if (std::isnan(v)) return "–";
    if (std::abs(v - std::round(v)) < 1e-9) return std::to_string(static_cast<long long>(std::llround(v)));
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", v);
    return buffer;
}

/// Points on a quadratic curve used by the writer: the control point of a tie drawn from `a` to
/// `b` bent by `bend` px (perpendicular, to the left of a -> b).
[[nodiscard]] inline point control_point(point a, point b, double bend) {
    const double dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
    if (len < 1e-9) return a;
    return {(a.x + b.x) / 2 - dy / len * bend, (a.y + b.y) / 2 + dx / len * bend};
}

namespace detail {

/// The legend of outlines: members, non-members, potential partners (those present).
inline legend_block outline_legend(const network& net, const std::vector<index_t>& drawn, const drawing_text& text) {
    bool member = false, other = false, potential = false;
    for (index_t v : drawn) {
        if (net.actors().potential[v]) potential = true;
        else if (net.actors().member[v]) member = true;
        else other = true;
    }
    legend_block block{text.get("membership"), {}};
    if (member) block.items.push_back({legend_symbol::dot, "#ffffff", "#1c2833", "", 6, text.get("member")});
    if (other) block.items.push_back({legend_symbol::dot, "#ffffff", "#aab7b8", "", 6, text.get("non_member")});
    if (potential) block.items.push_back({legend_symbol::dot, "#ffffff", "#1c2833", "3 2", 6, text.get("potential")});
    return block;
}

inline void outline(scene_node& node, const network& net, index_t v) {
    const auto& a = net.actors();
    if (a.potential[v]) node.stroke = "#1c2833", node.stroke_width = 1.6, node.stroke_dash = "3 2";
    else if (a.member[v]) node.stroke = "#1c2833", node.stroke_width = 2.0;
    else node.stroke = "#ffffff", node.stroke_width = 1.2;
}

}  // namespace detail

}  // namespace maillage::draw
