#pragma once
/// The drawing of a whole map: stress layout (layout.hpp), components packed, scaled into the
/// frame; node colour by sector, kind or community (a membership vector the caller supplies,
/// e.g. from a Louvain run); node size by a measure of include/maillage/algorithms/ (ties either
/// way) or by values the caller gives; members with a dark outline, potential partners dashed;
/// ties styled as tie_style.hpp says; labels placed greedily, most important actors first, where
/// they cover no other label or node (the others keep their name in the node's tooltip).
///
/// Scaled into the frame with one factor, the other axis stretched by at most 1.25 towards the
/// frame; beyond `spread_above` actors (150), spread over the whole frame by
/// Fruchterman-Reingold forces started from the stress layout (layout.hpp, spread_in_frame).
///
/// Node overlaps left by the layout are removed by pushing pairs apart (at most 200 passes, fewer on large maps) so that
/// no two nodes share a spot.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "maillage/algorithms/betweenness.hpp"
#include "maillage/algorithms/closeness.hpp"
#include "maillage/algorithms/core.hpp"
#include "maillage/algorithms/degree.hpp"
#include "maillage/algorithms/spectral.hpp"
#include "maillage/draw/layout.hpp"
#include "maillage/draw/scene.hpp"
#include "maillage/draw/tie_style.hpp"

namespace maillage::draw {

enum class colour_by : std::uint8_t { sector, kind, community };
enum class size_by : std::uint8_t { none, degree, strength, betweenness, closeness, harmonic, pagerank, core, custom };

struct map_options {
    double width = 1180, height = 780;       ///< the whole picture, legend column included
    colour_by colour = colour_by::sector;
    size_by size = size_by::betweenness;
    std::vector<double> sizes;               ///< size_by::custom: a value per actor index
    std::string size_name;                   ///< size_by::custom: what the values are (legend)
    std::vector<index_t> communities;        ///< colour_by::community: a community per actor index
    view_options view;                       ///< the part of the map drawn (whole_map of a network)
    layout_options layout;
    std::size_t spread_above = 150;          ///< more actors than this: the layout is spread over the frame
    drawing_text text;
    std::string title;                       ///< empty: the map's name
};

namespace detail {

inline std::vector<double> size_values(const network_view& view, const map_options& o) {
    const graph_options either{.directed = false};
    switch (o.size) {
    case size_by::none: return std::vector<double>(view.base().actor_count(), 0.0);
    case size_by::degree: return degree(view, {.graph = either}).values;
    case size_by::strength: return strength(view, {.graph = either}).values;
    case size_by::betweenness: return betweenness(view, {.graph = either, .threads = 1}).values;
    case size_by::closeness: return closeness(view, {.graph = either, .threads = 1}).values;
    case size_by::harmonic: return harmonic(view, {.graph = either, .threads = 1}).values;
    case size_by::pagerank: return pagerank(view, {.graph = either, .threads = 1}).scores.values;
    case size_by::core: return core_numbers(view).values;
    case size_by::custom: return o.sizes;
    }
    return {};
}

inline std::string size_key(size_by s) {
    switch (s) {
    case size_by::degree: return "measure.degree";
    case size_by::strength: return "measure.strength";
    case size_by::betweenness: return "measure.betweenness";
    case size_by::closeness: return "measure.closeness";
    case size_by::harmonic: return "measure.harmonic";
    case size_by::pagerank: return "measure.pagerank";
    case size_by::core: return "measure.core";
    default: return "measure.custom";
    }
}

/// Pushes apart nodes closer than their radii plus `gap`, keeping them inside `frame`.
inline void separate_nodes(std::vector<scene_node>& nodes, const box& frame, double gap) {
    const std::size_t n = nodes.size();
    if (n < 2) return;
    const double budget = 2e8 / (double(n) * double(n));
    const unsigned passes = static_cast<unsigned>(std::clamp(budget, 2.0, 200.0));
    for (unsigned pass = 0; pass < passes; ++pass) {
        bool moved = false;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j) {
                auto& a = nodes[i].at;
                auto& b = nodes[j].at;
                const double need = nodes[i].radius + nodes[j].radius + gap;
                double dx = b.x - a.x, dy = b.y - a.y;
                double d = std::hypot(dx, dy);
                if (d >= need) continue;
                if (d < 1e-9) {  // the same spot: part them along a direction fixed by the pair
                    const double angle = double((i * 7919 + j * 104729) % 360) * 3.14159265358979 / 180;
                    dx = std::cos(angle), dy = std::sin(angle), d = 1;
                    a.x -= 1e-6 * dx;
                }
                const double push = (need - d) / 2 + 0.01;
                a.x -= dx / d * push, a.y -= dy / d * push;
                b.x += dx / d * push, b.y += dy / d * push;
                moved = true;
            }
        for (auto& node : nodes) {
            node.at.x = std::clamp(node.at.x, frame.x0 + node.radius, frame.x1 - node.radius);
            node.at.y = std::clamp(node.at.y, frame.y0 + node.radius, frame.y1 - node.radius);
        }
        if (!moved) break;
    }
}

/// Label options around a node: right, left, above, below, then the four corners.
inline std::vector<scene_text> label_options(const scene_node& n, const std::vector<std::string>& lines, double size) {
    std::vector<scene_text> out;
    const double r = n.radius, h = size * 1.2 * double(lines.size());
    auto text = [&](double x, double y, text_anchor anchor) {
        scene_text t;
        t.at = {x, y};
        t.lines = lines;
        t.size = size;
        t.anchor = anchor;
        return t;
    };
    const double mid = n.at.y - h / 2 + size * 0.8;
    out.push_back(text(n.at.x + r + 3, mid, text_anchor::start));
    out.push_back(text(n.at.x - r - 3, mid, text_anchor::end));
    out.push_back(text(n.at.x, n.at.y - r - 3 - h + size * 0.8, text_anchor::middle));
    out.push_back(text(n.at.x, n.at.y + r + 2 + size * 0.8, text_anchor::middle));
    out.push_back(text(n.at.x + r * 0.7 + 2, n.at.y - r * 0.7 - h + size * 0.6, text_anchor::start));
    out.push_back(text(n.at.x - r * 0.7 - 2, n.at.y - r * 0.7 - h + size * 0.6, text_anchor::end));
    out.push_back(text(n.at.x + r * 0.7 + 2, n.at.y + r * 0.7 + size * 0.9, text_anchor::start));
    out.push_back(text(n.at.x - r * 0.7 - 2, n.at.y + r * 0.7 + size * 0.9, text_anchor::end));
    return out;
}

/// The node colour of each actor and the legend block that explains them.
inline std::pair<std::vector<std::string>, legend_block> node_colours(const network& net, const std::vector<index_t>& drawn,
                                                                      colour_by by, const std::vector<index_t>& communities,
                                                                      const drawing_text& text) {
    const auto& a = net.actors();
    std::vector<std::string> colour(net.actor_count(), "#95a5a6");
    legend_block legend;
    if (by == colour_by::kind) {
        legend.title = text.get("kinds");
        static const char* kind_colours[] = {person_colour, "#56b4e9", "#0072b2", "#7f3c8d"};
        std::set<int> present;
        for (index_t v : drawn) colour[v] = kind_colours[static_cast<int>(a.kind[v])], present.insert(static_cast<int>(a.kind[v]));
        for (int k : present)
            legend.items.push_back({legend_symbol::dot, kind_colours[k], "#ffffff", "", 6,
                                    text.get("kind." + std::string(to_string(static_cast<actor_kind>(k))))});
        return {colour, legend};
    }
    if (by == colour_by::community) {
        legend.title = text.get("communities");
        std::map<index_t, std::size_t> sizes;
        for (index_t v : drawn) ++sizes[communities[v]];
        // Largest communities get the palette's first colours; beyond it, grey.
        std::vector<std::pair<index_t, std::size_t>> order(sizes.begin(), sizes.end());
        std::stable_sort(order.begin(), order.end(), [](auto& x, auto& y) { return x.second > y.second; });
        std::map<index_t, std::string> of;
        for (std::size_t i = 0; i < order.size(); ++i) of[order[i].first] = i < palette().size() ? palette()[i] : "#bfc5ca";
        for (index_t v : drawn) colour[v] = of[communities[v]];
        for (std::size_t i = 0; i < order.size() && i < palette().size(); ++i)
            legend.items.push_back({legend_symbol::dot, palette()[i], "#ffffff", "", 6,
                                    text.format("community", "n", std::to_string(order[i].first + 1)) + " (" +
                                        std::to_string(order[i].second) + ")"});
        return {colour, legend};
    }
    legend.title = text.get("sectors");
    std::map<std::string, std::size_t> index;
    bool persons = false, unknown = false;
    for (index_t v : drawn) {
        const std::string s = drawn_sector(net, v);
        if (!s.empty()) index.emplace(s, 0);
    }
    std::size_t k = 0;
    for (auto& [s, i] : index) i = k++;
    for (index_t v : drawn) {
        const std::string s = drawn_sector(net, v);
        if (!s.empty()) colour[v] = palette()[index[s] % palette().size()];
        else if (a.kind[v] == actor_kind::person) colour[v] = person_colour, persons = true;
        else unknown = true;
    }
    for (const auto& [s, i] : index)
        legend.items.push_back({legend_symbol::dot, palette()[i % palette().size()], "#ffffff", "", 6,
                                net.terms().sector_label(s, text.lang)});
    if (persons) legend.items.push_back({legend_symbol::dot, person_colour, "#ffffff", "", 6, text.get("person")});
    if (unknown) legend.items.push_back({legend_symbol::dot, "#95a5a6", "#ffffff", "", 6, text.get("no_sector")});
    return {colour, legend};
}

}  // namespace detail

/// The actors and ties of a view (measures and layout on the view). @throws invalid_argument
/// when `sizes` or `communities` do not hold one value per actor of the network for
/// size_by::custom / colour_by::community, or the frame is smaller than 320 x 240.
[[nodiscard]] inline scene whole_map(const network_view& view, const map_options& options = {}) {
    const network& net = view.base();
    const index_t n = net.actor_count();
    if (options.width < 320 || options.height < 240)
        throw invalid_argument("whole_map: the picture must be at least 320 x 240, got " + short_number(options.width) + " x " +
                               short_number(options.height));
    if (options.size == size_by::custom && options.sizes.size() != n)
        throw invalid_argument("whole_map: sizes must hold one value per actor (" + std::to_string(n) + "), got " +
                               std::to_string(options.sizes.size()));
    if (options.colour == colour_by::community && options.communities.size() != n)
        throw invalid_argument("whole_map: communities must hold one community per actor (" + std::to_string(n) + "), got " +
                               std::to_string(options.communities.size()));
    const drawing_text& text = options.text;
    const std::vector<index_t> drawn = view.actor_indices();
    const std::vector<index_t> ties = view.tie_indices();

    scene s;
    s.id = std::string("map");
    s.width = options.width;
    s.height = options.height;
    s.title = options.title.empty() ? (net.info().name.empty() ? text.get("map") : net.info().name) : options.title;
    s.legend_width = 250;
    s.legend_at = {s.width - s.legend_width - 10, 50};
    const box frame{16, 44, s.legend_at.x - 16, s.height - 16};

    // Sizes.
    std::vector<double> values = drawn.empty() ? std::vector<double>{} : detail::size_values(view, options);
    double top = 0;
    for (index_t v : drawn)
        if (std::isfinite(values[v])) top = std::max(top, values[v]);

    // Layout, scaled with one factor so that distances keep their meaning.
    const double aspect = (frame.x1 - frame.x0) / (frame.y1 - frame.y0);
    layout_options lo = options.layout;
    lo.aspect = aspect;
    const layout_result laid = stress_layout(view, lo);
    const double span_x = std::max(laid.width, 1e-9), span_y = std::max(laid.height, 1e-9);
    // Room for labels on every side of the outermost actors (large maps name fewer actors).
    const bool spread = drawn.size() > options.spread_above;
    const double pad_x = spread ? 60 : 90, pad_y = 18;
    const double inner_w = frame.x1 - frame.x0 - 2 * pad_x, inner_h = frame.y1 - frame.y0 - 2 * pad_y;
    double unit = std::min(laid.width > 0 ? inner_w / span_x : 1e9, laid.height > 0 ? inner_h / span_y : 1e9);
    if (unit > 1e8) unit = 100;
    unit = std::min(unit, 160.0);
    // The other axis may stretch by up to a quarter towards the frame, so that a layout wider
    // (or taller) than the frame leaves less of it empty.
    const double unit_x = std::min({laid.width > 0 ? inner_w / span_x : unit, 1.25 * unit, 160.0});
    const double unit_y = std::min({laid.height > 0 ? inner_h / span_y : unit, 1.25 * unit, 160.0});
    const double off_x = frame.x0 + pad_x + (inner_w - laid.width * unit_x) / 2;
    const double off_y = frame.y0 + pad_y + (inner_h - laid.height * unit_y) / 2;
    std::vector<point> at(n);
    for (index_t v : drawn) at[v] = {off_x + laid.positions[v].x * unit_x, off_y + laid.positions[v].y * unit_y};
    // Beyond `spread_above` actors, stress crowds the hubs into the centre and leaves the rest of
    // the frame empty: Fruchterman-Reingold forces, started from the stress layout, even the
    // density out over the whole frame (layout.hpp, spread_in_frame).
    if (spread) {
        const measure_graph either(view, {.directed = false});
        spread_in_frame(either, drawn, at, frame.x0 + pad_x, frame.y0 + pad_y, frame.x1 - pad_x, frame.y1 - pad_y);
    }
    // Node sizes follow the room the layout leaves: the median distance to the nearest other
    // actor bounds the smallest radius, so that a dense map gets small nodes.
    double nearest = unit;
    if (drawn.size() > 1) {
        std::vector<double> gaps;
        for (index_t v : drawn) {
            double best = 1e300;
            for (index_t w : drawn)
                if (w != v) best = std::min(best, std::hypot(at[v].x - at[w].x, at[v].y - at[w].y));
            gaps.push_back(best);
        }
        std::nth_element(gaps.begin(), gaps.begin() + std::ptrdiff_t(gaps.size() / 2), gaps.end());
        nearest = gaps[gaps.size() / 2];
    }
    const double room = std::min(unit, nearest);
    const double r_min = std::clamp(0.18 * room, 2.5, 6.0), r_max = std::clamp(0.45 * room, 2.0 * r_min, 20.0);

    auto [colours, colour_legend] = detail::node_colours(net, drawn, options.colour, options.communities, text);
    const std::string measure = options.size == size_by::custom && !options.size_name.empty()
                                    ? options.size_name
                                    : text.get(detail::size_key(options.size));
    std::vector<std::size_t> node_of(n, std::size_t(-1));
    for (index_t v : drawn) {
        scene_node node;
        node.actor = v;
        node.at = at[v];
        const double share = top > 0 && std::isfinite(values[v]) ? std::max(values[v], 0.0) / top : 0.0;
        node.radius = options.size == size_by::none ? (r_min + r_max) / 2.5 : r_min + (r_max - r_min) * std::sqrt(share);
        const auto kind = net.actors().kind[v];
        node.shape = kind == actor_kind::network ? node_shape::diamond
                     : kind == actor_kind::organisation ? node_shape::circle : node_shape::circle;
        node.fill = colours[v];
        detail::outline(node, net, v);
        std::string tip = text.actor_name(net, v) + " — " + text.get("kind." + std::string(to_string(kind)));
        if (const auto sector = drawn_sector(net, v); !sector.empty()) tip += ", " + net.terms().sector_label(sector, text.lang);
        if (options.size != size_by::none) tip += " — " + measure + " " + short_number(values[v]);
        node.tooltip = tip;
        node_of[v] = s.nodes.size();
        s.nodes.push_back(std::move(node));
    }
    detail::separate_nodes(s.nodes, frame, drawn.size() > 150 ? 1.0 : 3.0);

    // Ties.
    double lightest = 1e300, heaviest = -1e300;
    for (index_t t : ties) lightest = std::min(lightest, net.ties().weight[t]), heaviest = std::max(heaviest, net.ties().weight[t]);
    auto where = [&](index_t v) { return view.representative(v); };
    const auto bends = parallel_bends(net, ties, where);
    const bool large = drawn.size() > 150;
    for (std::size_t i = 0; i < ties.size(); ++i) {
        const index_t t = ties[i];
        const auto& a = s.nodes[node_of[where(net.ties().source[t])]];
        const auto& b = s.nodes[node_of[where(net.ties().target[t])]];
        scene_edge e;
        e.tie = t;
        e.from = a.at;
        e.arrow = net.ties().directed[t] != 0 && !large;
        e.to = e.arrow ? shorten(a.at, b.at, b.radius + 1.5) : b.at;
        e.bend = bends[i];
        e.colour = valence_colour(net.ties().valence[t]);
        e.dash = formality_dash(net.ties().formality[t]);
        e.width = large ? 0.5 + 1.5 * (weight_width(net.ties().weight[t], lightest, heaviest) - 1.2) / 3.3
                        : weight_width(net.ties().weight[t], lightest, heaviest, 1.0, 2.6);
        e.opacity = large ? 0.45 : 0.8;
        e.tooltip = tie_tooltip(net, t, text);
        s.edges.push_back(std::move(e));
    }

    // Labels: most important first.
    std::vector<std::size_t> order(s.nodes.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return s.nodes[x].radius > s.nodes[y].radius; });
    std::vector<box> taken;
    for (const auto& node : s.nodes) taken.push_back(node_box(node));
    taken.push_back({s.legend_at.x, 0, s.width, s.height});
    taken.push_back({0, 0, s.width, 40});
    const double font = large ? 9.5 : 11;
    // On large maps only the most important actors are named (a fifth, at least 40), on two
    // lines so that names that start alike stay apart; the first ten (25 on large maps) are
    // named even where their label covers a node (small nodes first; never a label).
    const std::size_t candidates = large ? std::max<std::size_t>(40, order.size() / 5) : order.size();
    const std::size_t insist = large ? 25 : 10;
    std::vector<bool> placed(order.size(), false);
    for (std::size_t k = 0; k < order.size() && k < candidates; ++k) {
        const std::size_t i = order[k];
        const auto lines = wrap_text(text.actor_name(net, s.nodes[i].actor), large ? 22 : 24, 2);
        const auto options_here = detail::label_options(s.nodes[i], lines, font);
        const box own = node_box(s.nodes[i]);
        std::vector<box> others;
        others.reserve(taken.size());
        for (const auto& b : taken)
            if (!(b.x0 == own.x0 && b.y0 == own.y0 && b.x1 == own.x1 && b.y1 == own.y1)) others.push_back(b);
        const std::size_t before = s.labels.size();
        place_labels(s, others, {{options_here, false}});
        if (s.labels.size() == before && k < insist) {
            // Relaxed: only labels, the larger nodes, the frame, legend and title block.
            std::vector<box> relaxed(taken.begin() + std::ptrdiff_t(s.nodes.size()), taken.end());
            for (std::size_t j = 0; j < s.nodes.size(); ++j)
                if (j != i && s.nodes[j].radius > (r_min + r_max) / 2) relaxed.push_back(node_box(s.nodes[j]));
            place_labels(s, relaxed, {{options_here, false}});
            if (s.labels.size() == before) {  // then only labels, the frame, legend and title
                std::vector<box> labels_only(taken.begin() + std::ptrdiff_t(s.nodes.size()), taken.end());
                place_labels(s, labels_only, {{options_here, false}});
            }
        }
        placed[k] = s.labels.size() > before;
        if (placed[k]) taken.push_back(text_box(s.labels.back()));
    }
    const auto hidden = static_cast<std::size_t>(std::count(placed.begin(), placed.end(), false));

    // Legends.
    s.legends.push_back(colour_legend);
    if (options.size != size_by::none) {
        legend_block sizes{text.format("size_by", "measure", measure), {}};
        sizes.items.push_back({legend_symbol::dot, "#d5d8dc", "#7f8c8d", "", r_min, short_number(0)});
        sizes.items.push_back({legend_symbol::dot, "#d5d8dc", "#7f8c8d", "", r_max, short_number(top)});
        s.legends.push_back(sizes);
    }
    s.legends.push_back(detail::outline_legend(net, drawn, text));
    s.legends.push_back(tie_legend(net, ties, text, heaviest > lightest));
    if (hidden > 0) s.legends.push_back({text.format("hidden_labels", "n", std::to_string(hidden)), {}});
    s.description = s.title + ": " + std::to_string(drawn.size()) + " / " + std::to_string(ties.size());
    return s;
}

/// The whole map, or the part `options.view` keeps.
[[nodiscard]] inline scene whole_map(const network& net, const map_options& options = {}) {
    return whole_map(network_view(net, options.view), options);
}

}  // namespace maillage::draw
