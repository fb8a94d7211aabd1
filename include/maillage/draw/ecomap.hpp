#pragma once
/// The ecomap (écocarte) of a person, as social work draws it (Hartman 1978; the primary and
/// secondary networks of DESIGN section 2):
/// - the person at the centre;
/// - the primary network (the persons tied to them: family, friends, neighbours, colleagues, in
///   that order) on an inner ring, in a zone of its own;
/// - the secondary network (the professionals and organisations tied to them, and the
///   organisation of each such professional) on an outer ring, in one zone per sector (the
///   organisation's sector for a professional), each organisation next to its professionals
///   under a band of the sector's colour;
/// - every tie among these actors: solid when formal, dashed when informal; green supportive,
///   red conflictual, orange ambivalent, grey when not stated; width by weight; arrows on
///   directed ties;
/// - the person's needs as badges, green when covered, red when not, by the coverage rules of
///   analysis/coverage.hpp (a need is covered by a provider reaching the person in at most
///   1 + reach steps whose domains include it).
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "maillage/analysis/coverage.hpp"
#include "maillage/draw/radial.hpp"
#include "maillage/draw/scene.hpp"
#include "maillage/draw/tie_style.hpp"

namespace maillage::draw {

struct ecomap_options {
    drawing_text text;
    coverage_options coverage;
    std::string title;                       ///< empty: "Ecomap of <person>" in the text's words
};

namespace detail {

inline int role_rank(person_role r) {
    switch (r) {
    case person_role::family: return 0;
    case person_role::friend_: return 1;
    case person_role::neighbour: return 2;
    case person_role::colleague: return 3;
    default: return 4;
    }
}

/// The actors tied to `v` by any tie, either way, in index order.
inline std::vector<index_t> alters_of(const network& net, index_t v) {
    std::set<index_t> out;
    const auto& ties = net.ties();
    for (index_t t = 0; t < net.tie_count(); ++t) {
        if (ties.source[t] == v && ties.target[t] != v) out.insert(ties.target[t]);
        if (ties.target[t] == v && ties.source[t] != v) out.insert(ties.source[t]);
    }
    return {out.begin(), out.end()};
}

inline std::map<std::string, std::string> sector_colours(const std::vector<std::string>& sectors) {
    std::map<std::string, std::string> out;
    std::size_t k = 0;
    for (const auto& s : sectors)
        if (!s.empty() && !out.contains(s)) out[s] = palette()[k++ % palette().size()];
    return out;
}

}  // namespace detail

/// The ecomap of the person `person` (an actor index). @throws invalid_argument when `person` is
/// not an actor of `net` or not a person.
[[nodiscard]] inline scene ecomap(const network& net, index_t person, const ecomap_options& options = {}) {
    if (person >= net.actor_count())
        throw invalid_argument("ecomap: person must be an actor index below " + std::to_string(net.actor_count()) + ", got " +
                               std::to_string(person));
    const auto& a = net.actors();
    if (a.kind[person] != actor_kind::person)
        throw invalid_argument("ecomap: actor \"" + a.id[person] + "\" is a " + std::string(to_string(a.kind[person])) +
                               "; an ecomap is drawn around a person (for an organisation, draw its partner map)");
    const drawing_text& text = options.text;
    const std::string person_name = text.actor_name(net, person);

    // Who is drawn: the alters, and the organisation of each professional among them.
    std::vector<index_t> alters = detail::alters_of(net, person);
    std::set<index_t> included(alters.begin(), alters.end());
    for (index_t v : alters)
        if (a.kind[v] == actor_kind::professional && a.organisation[v] != no_index && a.organisation[v] != person)
            included.insert(a.organisation[v]);
    std::vector<index_t> primary, secondary;
    for (index_t v : included) (a.kind[v] == actor_kind::person ? primary : secondary).push_back(v);
    std::stable_sort(primary.begin(), primary.end(),
                     [&](index_t x, index_t y) { return detail::role_rank(a.role[x]) < detail::role_rank(a.role[y]); });

    // Secondary groups: an organisation with its drawn professionals; by sector.
    auto head_of = [&](index_t v) {
        return a.kind[v] == actor_kind::professional && a.organisation[v] != no_index && included.contains(a.organisation[v])
                   ? a.organisation[v] : v;
    };
    std::map<std::string, std::map<index_t, std::vector<index_t>>> groups;  // sector -> head -> members
    for (index_t v : secondary) groups[drawn_sector(net, head_of(v))][head_of(v)].push_back(v);
    for (auto& [sector, by_head] : groups)
        for (auto& [head, members] : by_head)
        {
            // The organisation in the middle of its professionals.
            std::vector<index_t> others;
            for (index_t v : members)
                if (v != head) others.push_back(v);
            if (others.size() != members.size()) others.insert(others.begin() + std::ptrdiff_t(others.size() / 2), head);
            members = std::move(others);
        }
    // Sectors in id order, "no sector" last.
    std::vector<std::string> sector_order;
    for (const auto& [sector, by_head] : groups)
        if (!sector.empty()) sector_order.push_back(sector);
    if (groups.contains("")) sector_order.push_back("");
    const auto colours = detail::sector_colours(sector_order);

    // Zones: the primary network first (centred on the left), then one per sector.
    std::vector<detail::zone> zones;
    if (!primary.empty()) zones.push_back({double(primary.size())});
    for (const auto& sector : sector_order) {
        double count = 0;
        for (const auto& [head, members] : groups[sector]) count += double(members.size());
        count += 0.5 * double(groups[sector].size() - 1);  // half a slot between organisations
        zones.push_back({count});
    }
    const double slot = detail::lay_out_zones(zones, 1.5 * detail::pi);
    const double r1 = std::max(135.0, 50.0 / slot);
    const double r2 = std::max(r1 + 150.0, 42.0 / slot);

    scene s;
    s.id = xml_id("ecomap-", a.id[person]);
    s.title = options.title.empty() ? text.format("ecomap", "user", person_name) : options.title;
    s.legend_width = 260;
    const double label_room_x = 175, label_room_y = 80, top = 76;
    const point centre{16 + label_room_x + r2, top + label_room_y + r2};
    s.width = centre.x + r2 + label_room_x + 16 + s.legend_width + 10;
    s.height = centre.y + r2 + label_room_y;
    s.legend_at = {s.width - s.legend_width - 10, 50};

    // Zone wedges, bands and rings.
    std::size_t z = 0;
    if (!primary.empty()) {
        const auto& zp = zones[z++];
        scene_sector w;
        w.centre = centre;
        w.inner = 36, w.outer = r1 + 28, w.start = zp.start - slot * 0.35, w.end = zp.end + slot * 0.35;
        w.fill = person_colour, w.opacity = 0.16;
        w.label = text.get("primary");
        w.label_at = detail::polar(centre, r1 * 0.52, (zp.start + zp.end) / 2);
        w.label_colour = "#9a7d0a";
        s.sectors.push_back(w);
    }
    s.rings.push_back({centre, r1, "#d5d8dc", "2 4"});
    s.rings.push_back({centre, r2, "#d5d8dc", "2 4"});

    std::vector<std::size_t> node_of(net.actor_count(), std::size_t(-1));
    std::vector<double> angle_of(net.actor_count(), 0.0);
    auto add_node = [&](index_t v, point at, double radius, node_shape shape, const std::string& fill) {
        scene_node node;
        node.actor = v;
        node.at = at;
        node.radius = radius;
        node.shape = shape;
        node.fill = fill;
        if (v == person) node.stroke = "#ffffff", node.stroke_width = 3;
        else detail::outline(node, net, v);
        std::string tip = text.actor_name(net, v) + " — ";
        if (a.kind[v] == actor_kind::person) {
            tip += a.role[v] == person_role::none ? text.get("kind.person")
                                                  : text.get("role." + std::string(to_string(a.role[v])));
        } else {
            tip += text.get("kind." + std::string(to_string(a.kind[v])));
            if (!a.profession[v].empty()) tip += ", " + a.profession[v];
            if (a.organisation[v] != no_index) tip += ", " + text.actor_name(net, a.organisation[v]);
            if (const auto sector = drawn_sector(net, v); !sector.empty()) tip += " (" + net.terms().sector_label(sector, text.lang) + ")";
        }
        node.tooltip = tip;
        node_of[v] = s.nodes.size();
        s.nodes.push_back(std::move(node));
    };
    add_node(person, centre, 24, node_shape::circle, user_colour);
    if (!primary.empty()) {
        const auto& zp = zones[0];
        for (std::size_t k = 0; k < primary.size(); ++k) {
            const double angle = zp.start + (double(k) + 0.5) * slot;
            angle_of[primary[k]] = angle;
            add_node(primary[k], detail::polar(centre, r1, angle), 11, node_shape::circle, person_colour);
        }
    }
    for (const auto& sector : sector_order) {
        const auto& zs = zones[z++];
        const std::string colour = sector.empty() ? "#95a5a6" : colours.at(sector);
        scene_sector w;
        w.centre = centre;
        w.inner = r1 + 40, w.outer = r2 + 30, w.start = zs.start - slot * 0.35, w.end = zs.end + slot * 0.35;
        w.fill = colour, w.opacity = 0.10;
        w.label = sector.empty() ? text.get("no_sector") : net.terms().sector_label(sector, text.lang);
        w.label_at = detail::polar(centre, r1 + 62, (zs.start + zs.end) / 2);
        w.label_colour = colour;
        s.sectors.push_back(w);
        double position = 0;
        for (const auto& [head, members] : groups[sector]) {
            const double first = zs.start + (position + 0.5) * slot;
            for (std::size_t k = 0; k < members.size(); ++k) {
                const index_t v = members[k];
                const double angle = zs.start + (position + 0.5) * slot;
                angle_of[v] = angle;
                const bool organisation = a.kind[v] != actor_kind::professional;
                add_node(v, detail::polar(centre, r2, angle), organisation ? 12 : 9,
                         a.kind[v] == actor_kind::network ? node_shape::diamond : organisation ? node_shape::square : node_shape::circle,
                         colour);
                position += 1;
            }
            if (members.size() > 1) {
                scene_sector band;
                band.centre = centre;
                band.inner = r2 - 18, band.outer = r2 + 18;
                band.start = first - slot * 0.42, band.end = zs.start + (position - 0.5) * slot + slot * 0.42;
                band.fill = colour, band.opacity = 0.22;
                s.sectors.push_back(band);
            }
            position += 0.5;
        }
    }

    // Zone labels where they cover no node: along the zone's middle, from the inside out; left
    // out (the legend names the zones) when no place is free.
    for (auto& w : s.sectors) {
        if (w.label.empty()) continue;
        const double mid = (w.start + w.end) / 2;
        const double from = w.inner + 10, to = w.outer - 10;
        bool found = false;
        for (double r = from; r <= to && !found; r += 6) {
            scene_text t;
            t.lines = {w.label};
            t.size = 12;
            t.anchor = text_anchor::middle;
            t.at = detail::polar(centre, r, mid);
            t.at.y += 4;
            box b = text_box(t);
            b.x0 -= 4, b.x1 += 4;
            bool free = b.inside(s.width, s.height);
            for (const auto& node : s.nodes) free = free && !b.overlaps(node_box(node), 3);
            if (free) w.label_at = t.at, found = true;
        }
        if (!found) w.label.clear();
    }

    // Ties among the drawn actors.
    std::set<index_t> drawn_set(included.begin(), included.end());
    drawn_set.insert(person);
    std::vector<index_t> ties;
    for (index_t t = 0; t < net.tie_count(); ++t)
        if (drawn_set.contains(net.ties().source[t]) && drawn_set.contains(net.ties().target[t]) &&
            net.ties().source[t] != net.ties().target[t])
            ties.push_back(t);
    double lightest = 1e300, heaviest = -1e300;
    for (index_t t : ties) lightest = std::min(lightest, net.ties().weight[t]), heaviest = std::max(heaviest, net.ties().weight[t]);
    const auto bends = parallel_bends(net, ties, [](index_t v) { return v; });
    for (std::size_t i = 0; i < ties.size(); ++i) {
        const index_t t = ties[i];
        const auto& from = s.nodes[node_of[net.ties().source[t]]];
        const auto& to = s.nodes[node_of[net.ties().target[t]]];
        scene_edge e;
        e.tie = t;
        e.from = from.at;
        e.arrow = net.ties().directed[t] != 0;
        e.to = e.arrow ? shorten(from.at, to.at, to.radius + 2) : to.at;
        e.bend = bends[i];
        e.colour = valence_colour(net.ties().valence[t]);
        e.dash = formality_dash(net.ties().formality[t]);
        e.width = weight_width(net.ties().weight[t], lightest, heaviest);
        e.tooltip = tie_tooltip(net, t, text);
        s.edges.push_back(std::move(e));
    }

    // Needs: badges under the title, and a legend block naming who covers each.
    legend_block needs{text.format("needs", "user", person_name), {}};
    const coverage_result cov = coverage(net, options.coverage);
    double bx = 16;
    for (const auto& u : cov.users) {
        if (u.user != person) continue;
        for (const auto& need : u.needs) {
            const bool covered = !need.providers.empty();
            std::string providers;
            for (index_t p : need.providers) providers += (providers.empty() ? "" : ", ") + text.actor_name(net, p);
            const std::string label = net.terms().domain_label(need.need, text.lang);
            scene_badge b;
            b.text = (covered ? "✓ " : "✗ ") + label;
            b.width = text_width(b.text, 11) + 18;
            if (bx + b.width > s.legend_at.x - 10) break;
            b.at = {bx, 40};
            if (!covered) b.fill = "#fdedec", b.stroke = "#c0392b", b.text_fill = "#922b21";
            b.tooltip = label + ": " + (covered ? text.format("covered_by", "providers", providers) : text.get("uncovered"));
            bx += b.width + 6;
            s.badges.push_back(b);
            needs.items.push_back({legend_symbol::badge, covered ? "#e8f6ef" : "#fdedec", covered ? "#1e8449" : "#c0392b", "", 7,
                                   label + " — " + (covered ? text.format("covered_by", "providers", providers) : text.get("uncovered"))});
        }
    }
    if (!s.badges.empty()) {
        for (auto& b : s.badges) b.at.y = 42;
    }

    // Labels: the person, then the primary network, then the secondary.
    std::vector<box> taken;
    for (const auto& node : s.nodes) taken.push_back(node_box(node));
    taken.push_back({s.legend_at.x, 0, s.width, s.height});
    taken.push_back({0, 0, s.legend_at.x, 64});
    std::vector<label_candidate> pending;
    {
        scene_text t;
        t.lines = wrap_text(person_name, 22, 2);
        t.size = 13;
        t.bold = true;
        t.anchor = text_anchor::middle;
        t.at = {centre.x, centre.y + 24 + 16};
        pending.push_back({{t}, true});
    }
    for (std::size_t i = 1; i < s.nodes.size(); ++i) {
        const index_t v = s.nodes[i].actor;
        const auto lines = wrap_text(text.actor_name(net, v), a.kind[v] == actor_kind::professional ? 18 : 24, 3);
        pending.push_back({detail::radial_label_options(s.nodes[i], angle_of[v], lines, a.kind[v] == actor_kind::professional ? 10.5 : 11),
                           true});
    }
    for (std::size_t k = 0; k < pending.size(); ++k) {
        // A node's own box does not block its label.
        const box own = node_box(s.nodes[k]);
        std::vector<box> others;
        others.reserve(taken.size());
        for (const auto& b : taken)
            if (!(b.x0 == own.x0 && b.y0 == own.y0 && b.x1 == own.x1 && b.y1 == own.y1)) others.push_back(b);
        const std::size_t before = s.labels.size();
        place_labels(s, others, {pending[k]});
        if (s.labels.size() > before) taken.push_back(text_box(s.labels.back()));
    }

    // Legends.
    legend_block zones_legend{text.get("actors"), {}};
    zones_legend.items.push_back({legend_symbol::dot, user_colour, "#ffffff", "", 8, text.get("user")});
    if (!primary.empty()) zones_legend.items.push_back({legend_symbol::dot, person_colour, "#ffffff", "", 6, text.get("primary")});
    if (!secondary.empty()) {
        zones_legend.items.push_back({legend_symbol::square, "#aab7b8", "#ffffff", "", 6, text.get("kind.organisation")});
        zones_legend.items.push_back({legend_symbol::dot, "#aab7b8", "#ffffff", "", 5, text.get("kind.professional")});
    }
    s.legends.push_back(zones_legend);
    if (!sector_order.empty()) {
        legend_block sectors{text.get("secondary"), {}};
        for (const auto& sector : sector_order)
            sectors.items.push_back({legend_symbol::square, sector.empty() ? "#95a5a6" : colours.at(sector), "#ffffff", "", 6,
                                     sector.empty() ? text.get("no_sector") : net.terms().sector_label(sector, text.lang)});
        s.legends.push_back(sectors);
    }
    if (!secondary.empty()) s.legends.push_back(detail::outline_legend(net, secondary, text));
    if (!ties.empty()) s.legends.push_back(tie_legend(net, ties, text, heaviest > lightest));
    if (!needs.items.empty()) s.legends.push_back(needs);
    else if (a.role[person] == person_role::user) s.legends.push_back({text.get("no_needs"), {}});
    s.description = s.title;
    return s;
}

}  // namespace maillage::draw
