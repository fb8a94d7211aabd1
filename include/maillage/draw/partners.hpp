#pragma once
/// The partner map of an organisation ("mon réseau, mes partenaires, existants et potentiels"):
/// - the organisation at the centre; its professionals' ties count as its own, and the
///   professionals of other organisations are drawn as their organisation (as the
///   organisation-level view of model/view.hpp); persons (users, their relatives) are not
///   partners and are left out;
/// - each partner in the angular zone of its main kind of tie, the first it has of: partnership
///   with a signed agreement (convention), partnership without one, coordination, referral,
///   information exchange, funding, any other tie;
/// - existing partners on the inner ring; potential partners (actor field `potential`) on an
///   outer dotted ring, in the zone of their tie when they have one, in a zone of their own
///   otherwise;
/// - every tie between the organisation and a partner, coloured by its kind, dashed when
///   informal, width by weight, arrows on directed ties; nodes coloured by sector.
#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "maillage/draw/radial.hpp"
#include "maillage/draw/scene.hpp"
#include "maillage/draw/tie_style.hpp"

namespace maillage::draw {

/// The kinds of tie of a partner map, in the order that decides a partner's zone.
enum class partner_tie : std::uint8_t {
    partnership_convention, partnership_plain, coordination, referral, information, funding, other
};

struct partner_options {
    drawing_text text;
    std::string title;                       ///< empty: "My network, my partners: <organisation>"
};

[[nodiscard]] inline partner_tie partner_tie_of(const network& net, index_t t) {
    const auto& ties = net.ties();
    switch (ties.relation[t]) {
    case relation::partnership: {
        const index_t d = ties.detail[t];
        const bool agreed = d != no_index && ties.details[d].convention && ties.details[d].convention->is_signed;
        return agreed ? partner_tie::partnership_convention : partner_tie::partnership_plain;
    }
    case relation::coordination: return partner_tie::coordination;
    case relation::referral: return partner_tie::referral;
    case relation::information: return partner_tie::information;
    case relation::funding: return partner_tie::funding;
    default: return partner_tie::other;
    }
}

[[nodiscard]] inline std::string partner_tie_key(partner_tie k) {
    static const std::array<const char*, 7> keys = {"partnership_convention", "partnership_plain", "coordination", "referral",
                                                    "information", "funding", "other_tie"};
    return keys[static_cast<std::size_t>(k)];
}

[[nodiscard]] inline std::string partner_tie_colour(partner_tie k) {
    static const std::array<const char*, 7> colours = {"#1a5276", "#5dade2", "#1e8449", "#ca6f1e", "#7d3c98", "#b7950b", "#7f8c8d"};
    return colours[static_cast<std::size_t>(k)];
}

/// The partner map of `organisation` (an actor index). @throws invalid_argument when it is not
/// an actor of `net`, or is a person.
[[nodiscard]] inline scene partner_map(const network& net, index_t organisation, const partner_options& options = {}) {
    if (organisation >= net.actor_count())
        throw invalid_argument("partner_map: organisation must be an actor index below " + std::to_string(net.actor_count()) +
                               ", got " + std::to_string(organisation));
    const auto& a = net.actors();
    if (a.kind[organisation] == actor_kind::person)
        throw invalid_argument("partner_map: actor \"" + a.id[organisation] +
                               "\" is a person; a partner map is drawn around an organisation (for a person, draw an ecomap)");
    const drawing_text& text = options.text;
    index_t centre_actor = organisation;
    if (a.kind[organisation] == actor_kind::professional && a.organisation[organisation] != no_index)
        centre_actor = a.organisation[organisation];
    auto rep = [&](index_t v) {
        return a.kind[v] == actor_kind::professional && a.organisation[v] != no_index ? a.organisation[v] : v;
    };

    // Partners and their ties.
    const auto& ties = net.ties();
    std::map<index_t, std::vector<index_t>> ties_of;            // partner -> ties with the centre
    for (index_t t = 0; t < net.tie_count(); ++t) {
        const index_t s = rep(ties.source[t]), d = rep(ties.target[t]);
        if (s == d || (s != centre_actor && d != centre_actor)) continue;
        const index_t other = s == centre_actor ? d : s;
        if (a.kind[other] == actor_kind::person) continue;
        ties_of[other].push_back(t);
    }
    std::map<index_t, partner_tie> main;
    for (const auto& [p, list] : ties_of) {
        partner_tie best = partner_tie::other;
        for (index_t t : list) best = std::min(best, partner_tie_of(net, t));
        main[p] = best;
    }
    std::vector<index_t> untied_potential;
    for (index_t v = 0; v < net.actor_count(); ++v)
        if (a.potential[v] && rep(v) == v && v != centre_actor && !ties_of.contains(v) && a.kind[v] != actor_kind::person)
            untied_potential.push_back(v);

    // Zones: one per kind of tie present, then the untied potential partners.
    std::array<std::vector<index_t>, 7> existing, potential;
    for (const auto& [p, k] : main) (a.potential[p] ? potential : existing)[static_cast<std::size_t>(k)].push_back(p);
    std::vector<detail::zone> zones;
    std::vector<int> zone_kind;                                  // 0..6, or 7 for untied potential
    for (int k = 0; k < 7; ++k)
        if (!existing[k].empty() || !potential[k].empty()) {
            zones.push_back({double(std::max(existing[k].size(), potential[k].size()))});
            zone_kind.push_back(k);
        }
    if (!untied_potential.empty()) {
        zones.push_back({double(untied_potential.size())});
        zone_kind.push_back(7);
    }
    const double slot = detail::lay_out_zones(zones, 0.0);
    const double r1 = std::max(170.0, 62.0 / slot);
    const bool any_potential = !untied_potential.empty() ||
                               std::any_of(potential.begin(), potential.end(), [](const auto& l) { return !l.empty(); });
    const double r2 = any_potential ? std::max(r1 + 120.0, 44.0 / slot) : r1;

    scene s;
    s.id = xml_id("partners-", a.id[centre_actor]);
    s.title = options.title.empty() ? text.format("partners", "organisation", text.actor_name(net, centre_actor)) : options.title;
    s.legend_width = 260;
    const double label_room_x = 180, label_room_y = 85, top = 50;
    const point centre{16 + label_room_x + r2, top + label_room_y + r2};
    s.width = centre.x + r2 + label_room_x + 16 + s.legend_width + 10;
    s.height = centre.y + r2 + label_room_y;
    s.legend_at = {s.width - s.legend_width - 10, 50};

    // Sector colours of the drawn actors.
    std::vector<std::string> sectors;
    sectors.push_back(drawn_sector(net, centre_actor));
    for (const auto& [p, k] : main) sectors.push_back(drawn_sector(net, p));
    for (index_t p : untied_potential) sectors.push_back(drawn_sector(net, p));
    std::sort(sectors.begin(), sectors.end());
    std::map<std::string, std::string> colours;
    {
        std::size_t k = 0;
        for (const auto& sector : sectors)
            if (!sector.empty() && !colours.contains(sector)) colours[sector] = palette()[k++ % palette().size()];
    }
    auto colour_of = [&](index_t v) {
        const auto sector = drawn_sector(net, v);
        return sector.empty() ? std::string("#95a5a6") : colours.at(sector);
    };

    s.rings.push_back({centre, r1, "#aab7b8", ""});
    if (any_potential) s.rings.push_back({centre, r2, "#7f8c8d", "2 5", "none", 1.5});

    std::vector<std::size_t> node_of(net.actor_count(), std::size_t(-1));
    std::vector<double> angle_of(net.actor_count(), 0.0);
    auto add_node = [&](index_t v, point at, double radius) {
        scene_node node;
        node.actor = v;
        node.at = at;
        node.radius = radius;
        node.shape = a.kind[v] == actor_kind::network ? node_shape::diamond : node_shape::circle;
        node.fill = colour_of(v);
        detail::outline(node, net, v);
        if (a.potential[v]) node.fill = "#ffffff", node.stroke = colour_of(v), node.stroke_width = 2.5, node.stroke_dash = "3 2";
        std::string tip = text.actor_name(net, v) + " — " + text.get("kind." + std::string(to_string(a.kind[v])));
        if (const auto sector = drawn_sector(net, v); !sector.empty()) tip += ", " + net.terms().sector_label(sector, text.lang);
        if (a.potential[v]) tip += " — " + text.get("potential");
        if (auto found = main.find(v); found != main.end()) tip += " — " + text.get(partner_tie_key(found->second));
        node.tooltip = tip;
        node_of[v] = s.nodes.size();
        s.nodes.push_back(std::move(node));
    };
    add_node(centre_actor, centre, 24);
    s.nodes[0].stroke = "#1c2833", s.nodes[0].stroke_width = 3, s.nodes[0].stroke_dash.clear();

    std::vector<label_candidate> zone_labels;
    for (std::size_t zi = 0; zi < zones.size(); ++zi) {
        const auto& zn = zones[zi];
        const int k = zone_kind[zi];
        const std::string colour = k < 7 ? partner_tie_colour(static_cast<partner_tie>(k)) : "#7f8c8d";
        scene_sector w;
        w.centre = centre;
        w.inner = 36, w.outer = r2 + 28, w.start = zn.start - slot * 0.4, w.end = zn.end + slot * 0.4;
        w.fill = colour, w.opacity = k < 7 ? 0.09 : 0.05;
        s.sectors.push_back(w);
        scene_text label;
        label.lines = wrap_text(k < 7 ? text.get(partner_tie_key(static_cast<partner_tie>(k))) : text.get("potential_partners"), 16, 2);
        label.size = 11;
        label.bold = true;
        label.fill = colour;
        label.anchor = text_anchor::middle;
        const point at = detail::polar(centre, r1 * 0.62, (zn.start + zn.end) / 2);
        label.at = {at.x, at.y - label.size * 0.6 * double(label.lines.size() - 1)};
        zone_labels.push_back({{label}, false});
        auto place = [&](const std::vector<index_t>& list, double radius) {
            // Centred in the zone.
            const double offset = (zn.count - double(list.size())) / 2;
            for (std::size_t i = 0; i < list.size(); ++i) {
                const double angle = zn.start + (offset + double(i) + 0.5) * slot;
                angle_of[list[i]] = angle;
                add_node(list[i], detail::polar(centre, radius, angle), a.kind[list[i]] == actor_kind::professional ? 9 : 12);
            }
        };
        if (k < 7) {
            place(existing[k], r1);
            place(potential[k], r2);
        } else {
            place(untied_potential, r2);
        }
    }

    // Ties between the centre and its partners.
    std::vector<index_t> drawn;
    for (const auto& [p, list] : ties_of) drawn.insert(drawn.end(), list.begin(), list.end());
    std::sort(drawn.begin(), drawn.end());
    double lightest = 1e300, heaviest = -1e300;
    for (index_t t : drawn) lightest = std::min(lightest, ties.weight[t]), heaviest = std::max(heaviest, ties.weight[t]);
    const auto bends = parallel_bends(net, drawn, rep);
    std::set<int> kinds_drawn;
    for (std::size_t i = 0; i < drawn.size(); ++i) {
        const index_t t = drawn[i];
        const auto& from = s.nodes[node_of[rep(ties.source[t])]];
        const auto& to = s.nodes[node_of[rep(ties.target[t])]];
        const partner_tie k = partner_tie_of(net, t);
        kinds_drawn.insert(static_cast<int>(k));
        scene_edge e;
        e.tie = t;
        e.from = from.at;
        e.arrow = ties.directed[t] != 0;
        e.to = e.arrow ? shorten(from.at, to.at, to.radius + 2) : to.at;
        e.bend = bends[i];
        e.colour = partner_tie_colour(k);
        e.dash = formality_dash(ties.formality[t]);
        e.width = weight_width(ties.weight[t], lightest, heaviest);
        e.tooltip = tie_tooltip(net, t, text);
        s.edges.push_back(std::move(e));
    }

    // Labels: the centre, the partners, then the zone names where they fit.
    std::vector<box> taken;
    for (const auto& node : s.nodes) taken.push_back(node_box(node));
    taken.push_back({s.legend_at.x, 0, s.width, s.height});
    taken.push_back({0, 0, s.legend_at.x, 40});
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        const index_t v = s.nodes[i].actor;
        label_candidate c;
        c.required = true;
        if (i == 0) {
            scene_text t;
            t.lines = wrap_text(text.actor_name(net, v), 24, 3);
            t.size = 13;
            t.bold = true;
            t.anchor = text_anchor::middle;
            t.at = {centre.x, centre.y + 24 + 16};
            c.options = {t};
        } else {
            c.options = detail::radial_label_options(s.nodes[i], angle_of[v], wrap_text(text.actor_name(net, v), 24, 3), 11);
        }
        const box own = node_box(s.nodes[i]);
        std::vector<box> others;
        for (const auto& b : taken)
            if (!(b.x0 == own.x0 && b.y0 == own.y0 && b.x1 == own.x1 && b.y1 == own.y1)) others.push_back(b);
        const std::size_t before = s.labels.size();
        place_labels(s, others, {c});
        if (s.labels.size() > before) taken.push_back(text_box(s.labels.back()));
    }
    place_labels(s, taken, zone_labels);

    // Legends.
    legend_block kinds{text.get("kinds_of_tie"), {}};
    for (int k : kinds_drawn)
        kinds.items.push_back({legend_symbol::line, partner_tie_colour(static_cast<partner_tie>(k)), "", "", 3,
                               text.get(partner_tie_key(static_cast<partner_tie>(k)))});
    bool informal = false, directed = false;
    for (index_t t : drawn) informal = informal || ties.formality[t] == formality::informal, directed = directed || ties.directed[t];
    if (informal) kinds.items.push_back({legend_symbol::line, "#5d6d7e", "", "7 4", 2, text.get("informal")});
    if (heaviest > lightest) kinds.items.push_back({legend_symbol::line, "#5d6d7e", "", "", 4.5, text.get("width_weight")});
    if (directed) kinds.items.push_back({legend_symbol::line, "#5d6d7e", "arrow", "", 1.5, text.get("directed")});
    if (!kinds.items.empty()) s.legends.push_back(kinds);
    legend_block rings{text.get("actors"), {}};
    rings.items.push_back({legend_symbol::ring, "none", "#aab7b8", "", 8, text.get("existing")});
    if (any_potential) rings.items.push_back({legend_symbol::ring, "none", "#1c2833", "3 2", 8, text.get("potential_partners")});
    legend_block outline_block = detail::outline_legend(net, [&] {
        std::vector<index_t> list;
        for (const auto& [p, k] : main) list.push_back(p);
        return list;
    }(), text);
    for (auto& item : outline_block.items)
        if (item.dash.empty()) rings.items.push_back(item);
    s.legends.push_back(rings);
    legend_block sector_block{text.get("sectors"), {}};
    for (const auto& [sector, colour] : colours)
        sector_block.items.push_back({legend_symbol::dot, colour, "#ffffff", "", 6, net.terms().sector_label(sector, text.lang)});
    if (!sector_block.items.empty()) s.legends.push_back(sector_block);
    s.description = s.title;
    return s;
}

}  // namespace maillage::draw
