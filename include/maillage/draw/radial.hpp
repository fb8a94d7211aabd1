#pragma once
/// What the two ego drawings (ecomap.hpp, partners.hpp) share: actors on rings around a centre,
/// grouped in angular zones (slots of equal angle, one empty slot between zones), labels placed
/// radially outside their node, zones drawn as labelled wedges.
///
/// Angles are in radians, clockwise from the top (12 o'clock).
#include <cmath>
#include <string>
#include <vector>

#include "maillage/draw/scene.hpp"

namespace maillage::draw::detail {

inline constexpr double pi = 3.14159265358979323846;

[[nodiscard]] inline point polar(point centre, double radius, double angle) {
    return {centre.x + radius * std::sin(angle), centre.y - radius * std::cos(angle)};
}

/// Label options for a node at `angle` on a ring: outside the node along the radius, then
/// further out in steps, so that crowded neighbours stagger.
[[nodiscard]] inline std::vector<scene_text> radial_label_options(const scene_node& n, double angle,
                                                                  const std::vector<std::string>& lines, double size) {
    std::vector<scene_text> out;
    const double s = std::sin(angle), c = std::cos(angle);
    const double h = size * 1.2 * double(lines.size());
    for (double extra : {0.0, 12.0, 26.0, 40.0, 56.0}) {
        const double d = n.radius + 5 + extra;
        scene_text t;
        t.lines = lines;
        t.size = size;
        const double x = n.at.x + d * s, y = n.at.y - d * c;
        if (s > 0.35) t.anchor = text_anchor::start;
        else if (s < -0.35) t.anchor = text_anchor::end;
        else t.anchor = text_anchor::middle;
        if (t.anchor != text_anchor::middle) t.at = {x, y - h / 2 + size * 0.85};
        else if (c > 0) t.at = {x, y - h + size * 0.85};   // top: the text ends above the node
        else t.at = {x, y + size * 0.85};                   // bottom: it starts below
        out.push_back(std::move(t));
    }
    return out;
}

/// One zone of a ring: `count` nodes in consecutive slots; `start` is set by lay_out_zones.
struct zone {
    double count = 0;
    double start = 0, end = 0;               ///< angles
};

/// Lays zones out clockwise, the first centred on `first_centre`, one empty slot between zones;
/// returns the angle of one slot (at most pi / 4, so that a few actors do not spread too far).
inline double lay_out_zones(std::vector<zone>& zones, double first_centre, double gap = 1.0) {
    double slots = 0;
    for (const auto& z : zones) slots += z.count;
    if (zones.size() > 1) slots += gap * double(zones.size());
    const double slot = slots > 0 ? std::min(2 * pi / slots, pi / 4) : pi / 4;
    double angle = zones.empty() ? 0 : first_centre - zones[0].count * slot / 2;
    for (auto& z : zones) {
        z.start = angle;
        z.end = angle + z.count * slot;
        angle = z.end + (zones.size() > 1 ? gap * slot : 0);
    }
    return slot;
}

/// The anchor for a wedge label at `angle`.
[[nodiscard]] inline text_anchor anchor_at(double angle) {
    const double s = std::sin(angle);
    return s > 0.35 ? text_anchor::start : s < -0.35 ? text_anchor::end : text_anchor::middle;
}

}  // namespace maillage::draw::detail
