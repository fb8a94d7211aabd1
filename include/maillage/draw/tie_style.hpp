#pragma once
/// How ties look in every drawing: line style by formality (solid formal, dashed informal),
/// colour by valence (green supportive, red conflictual, orange ambivalent, grey when not
/// stated), width by weight (1.2 to 4.5 px, linear between the lightest and the heaviest drawn
/// tie), parallel ties between the same pair bent apart, tooltips naming both ends.
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "maillage/draw/scene.hpp"

namespace maillage::draw {

[[nodiscard]] inline std::string valence_colour(valence v) {
    switch (v) {
    case valence::supportive: return "#1e8449";
    case valence::conflictual: return "#c0392b";
    case valence::ambivalent: return "#d68910";
    case valence::none: break;
    }
    return "#8a8f98";
}

[[nodiscard]] inline std::string formality_dash(formality f) { return f == formality::informal ? "7 4" : ""; }

/// Width of a tie of weight `w` among drawn ties weighing from `lightest` to `heaviest`.
[[nodiscard]] inline double weight_width(double w, double lightest, double heaviest, double base = 1.2, double span = 3.3) {
    if (!(heaviest > lightest)) return base + span * 0.25;
    return base + span * (w - lightest) / (heaviest - lightest);
}

/// "A → B: relation, formal, supportive, weight 3" in the drawing's words.
[[nodiscard]] inline std::string tie_tooltip(const network& net, index_t t, const drawing_text& text) {
    const auto& ties = net.ties();
    const std::string arrow = ties.directed[t] ? " → " : " — ";
    std::string s = text.actor_name(net, ties.source[t]) + arrow + text.actor_name(net, ties.target[t]) + ": " +
                    text.get("relation." + std::string(to_string(ties.relation[t]))) + ", " +
                    text.get(std::string(to_string(ties.formality[t])));
    if (ties.valence[t] != valence::none) s += ", " + text.get(std::string(to_string(ties.valence[t])));
    if (ties.weight[t] != 1.0) s += ", " + short_number(ties.weight[t]);
    return s;
}

/// Bends for the ties of `drawn`, so that parallel ties between the same pair of drawn points
/// (after `where` maps an actor to the actor whose node it is drawn as) do not cover each other:
/// 0 for a single tie, +-7 px steps around the straight line for several.
template <class Where>
[[nodiscard]] std::vector<double> parallel_bends(const network& net, const std::vector<index_t>& drawn, Where&& where) {
    std::map<std::pair<index_t, index_t>, std::vector<std::size_t>> pairs;
    const auto& ties = net.ties();
    for (std::size_t i = 0; i < drawn.size(); ++i) {
        const index_t a = where(ties.source[drawn[i]]), b = where(ties.target[drawn[i]]);
        pairs[{std::min(a, b), std::max(a, b)}].push_back(i);
    }
    std::vector<double> bends(drawn.size(), 0.0);
    for (const auto& [pair, list] : pairs) {
        if (list.size() < 2) continue;
        for (std::size_t k = 0; k < list.size(); ++k) {
            const index_t t = drawn[list[k]];
            // Bends are measured to the left of the drawn direction; flip them for ties drawn
            // against the pair's order so that offsets stay apart.
            const double offset = 9.0 * (double(k) - double(list.size() - 1) / 2.0);
            bends[list[k]] = where(ties.source[t]) == pair.first ? offset : -offset;
        }
    }
    return bends;
}

/// The point where a line from `from` to `to` meets a node of radius `r` around `to` (for
/// arrow heads), moved back by `r`.
[[nodiscard]] inline point shorten(point from, point to, double r) {
    const double dx = to.x - from.x, dy = to.y - from.y, len = std::hypot(dx, dy);
    if (len <= r || len < 1e-9) return to;
    return {to.x - dx / len * r, to.y - dy / len * r};
}

/// Legend of tie styles: formality and the valences present among the drawn ties.
[[nodiscard]] inline legend_block tie_legend(const network& net, const std::vector<index_t>& drawn, const drawing_text& text,
                                             bool weights_vary) {
    legend_block block{text.get("ties"), {}};
    const auto& ties = net.ties();
    bool has[4] = {false, false, false, false}, formal = false, informal = false, directed = false;
    for (index_t t : drawn) {
        has[static_cast<int>(ties.valence[t])] = true;
        (ties.formality[t] == formality::formal ? formal : informal) = true;
        directed = directed || ties.directed[t];
    }
    if (formal) block.items.push_back({legend_symbol::line, "#5d6d7e", "", "", 2, text.get("formal")});
    if (informal) block.items.push_back({legend_symbol::line, "#5d6d7e", "", "7 4", 2, text.get("informal")});
    for (valence v : {valence::supportive, valence::conflictual, valence::ambivalent})
        if (has[static_cast<int>(v)])
            block.items.push_back({legend_symbol::line, valence_colour(v), "", "", 3, text.get(std::string(to_string(v)))});
    if (has[0] && (has[1] || has[2] || has[3]))
        block.items.push_back({legend_symbol::line, valence_colour(valence::none), "", "", 3, text.get("no_valence")});
    if (weights_vary) block.items.push_back({legend_symbol::line, "#5d6d7e", "", "", 4.5, text.get("width_weight")});
    if (directed) block.items.push_back({legend_symbol::line, "#5d6d7e", "arrow", "", 1.5, text.get("directed")});
    return block;
}

}  // namespace maillage::draw
