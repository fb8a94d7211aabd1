#pragma once
/// A deterministic force-directed layout of a whole map: stress majorisation, components packed.
///
/// Definition: for each connected component (ties either way, parallel ties once), positions x_i
/// minimising the stress  sum_{i<j} w_ij (|x_i - x_j| - d_ij)^2  with d_ij the number of steps
/// between i and j and w_ij = d_ij^-2 (Kamada and Kawai's energy, minimised by majorisation as
/// Gansner, Koren and North, "Graph drawing by stress majorization", GD 2004, with the localised
/// update of their section 2.3). Start: classical multidimensional scaling of the distances
/// (Torgerson) for components of at most `exact_mds_limit` actors, pivot MDS beyond (Brandes and
/// Pich, "Eigensolver methods for progressive multidimensional scaling of large data", GD 2006,
/// with `pivots` pivots chosen farthest-first from the first actor), plus a jitter of 1e-3 from a
/// seeded generator so that twins (actors with the same ties) part. Iterates until the relative
/// decrease of the stress is below `tolerance` or `max_iterations`; reports both.
///
/// Components are laid out alone, scaled so that one step is one unit, and packed: the largest at
/// the left, the others (by size, then first actor) in columns to its right, each column as tall
/// as the largest component (at least sqrt(total area / aspect)), one unit apart; isolates come last. Positions are in layout units, the first component's
/// bounding box starting at (0, 0); the caller scales them into its frame.
///
/// Like networkx.kamada_kawai_layout, but deterministic for a given seed on every platform
/// (std::mt19937_64 bits, no std distributions). Cost for a component of k actors: k * m for the
/// distances, O(k^2) memory and O(k^2) time per iteration, the iterations capped so that
/// iterations * k^2 stays near `pair_budget` (at least 30); beyond `majorisation_limit` actors,
/// pivot MDS alone (O(pivots * (k + m)) time and memory), which reports converged = false.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <vector>

#include <Eigen/Dense>

#include "maillage/algorithms/measure_graph.hpp"
#include "maillage/error.hpp"

namespace maillage::draw {

struct point {
    double x = 0, y = 0;
    friend bool operator==(const point&, const point&) = default;
};

struct layout_options {
    std::uint64_t seed = 1;
    unsigned max_iterations = 500;
    double tolerance = 1e-5;               ///< relative decrease of the stress that stops
    std::size_t exact_mds_limit = 400;     ///< classical MDS up to this many actors, pivot MDS beyond
    std::size_t pivots = 50;
    std::size_t majorisation_limit = 3000; ///< beyond this many actors, pivot MDS alone (no k^2 matrix)
    double pair_budget = 1.5e8;            ///< pair updates per component: fewer iterations on large ones
    double aspect = 1.5;                   ///< width / height of the frame the components fill
};

struct layout_result {
    std::vector<point> positions;          ///< per actor index; NaN for actors outside the view
    std::vector<index_t> component;        ///< per actor index; no_index outside the view
    double width = 0, height = 0;          ///< extent of the packed layout, in steps
    unsigned iterations = 0;               ///< the most any component took
    bool converged = true;                 ///< every component reached the tolerance
    double stress = 0;                     ///< summed over components, in steps^2
};

namespace detail {

inline double unit_random(std::mt19937_64& random) { return static_cast<double>(random() >> 11) * 0x1.0p-53; }

/// Steps from `source` to every member of the component (by local index), BFS.
inline void bfs_steps(const measure_graph& g, const std::vector<index_t>& local, const std::vector<index_t>& members,
                      std::size_t source, std::vector<double>& out) {
    const std::size_t k = members.size();
    out.assign(k, std::numeric_limits<double>::infinity());
    std::vector<std::size_t> queue{source};
    out[source] = 0;
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const std::size_t u = queue[head];
        for (index_t w : g.out_neighbours(members[u])) {
            const std::size_t lw = local[w];
            if (out[lw] == std::numeric_limits<double>::infinity()) {
                out[lw] = out[u] + 1;
                queue.push_back(lw);
            }
        }
    }
}

/// Two coordinates per member from the top two eigenvectors of the double-centred squared
/// distances (classical MDS), or of the pivot columns (pivot MDS).
inline std::vector<point> mds_start(const std::vector<std::vector<double>>& columns, std::size_t k, bool pivots) {
    const std::size_t c = columns.size();
    Eigen::MatrixXd d2(k, c);
    for (std::size_t j = 0; j < c; ++j)
        for (std::size_t i = 0; i < k; ++i) d2(i, j) = columns[j][i] * columns[j][i];
    // Double centring: B = -1/2 J D2 J (rows and columns of D2 centred).
    Eigen::VectorXd row_mean = d2.rowwise().mean(), col_mean = d2.colwise().mean();
    const double all_mean = d2.mean();
    Eigen::MatrixXd b(k, c);
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < c; ++j) b(i, j) = -0.5 * (d2(i, j) - row_mean(i) - col_mean(j) + all_mean);
    std::vector<point> out(k);
    if (!pivots) {
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(b);
        const auto& values = solver.eigenvalues();
        const auto& vectors = solver.eigenvectors();
        for (std::size_t i = 0; i < k; ++i) {
            out[i].x = vectors(i, k - 1) * std::sqrt(std::max(values(k - 1), 0.0));
            out[i].y = k > 1 ? vectors(i, k - 2) * std::sqrt(std::max(values(k - 2), 0.0)) : 0;
        }
        return out;
    }
    // Pivot MDS: the top eigenvectors of C^T C are the right singular vectors of C, and C v the
    // coordinates (the scale is set by the caller).
    Eigen::MatrixXd ctc = b.transpose() * b;
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(ctc);
    Eigen::VectorXd x = b * solver.eigenvectors().col(c - 1), y = b * solver.eigenvectors().col(c - 2);
    for (std::size_t i = 0; i < k; ++i) out[i] = {x(i), y(i)};
    return out;
}

struct component_layout {
    std::vector<point> positions;
    unsigned iterations = 0;
    bool converged = true;
    double stress = 0;
};

inline component_layout layout_component(const measure_graph& g, const std::vector<index_t>& members,
                                         std::vector<index_t>& local, const layout_options& options,
                                         std::mt19937_64& random) {
    const std::size_t k = members.size();
    component_layout out;
    if (k == 1) {
        out.positions = {{0, 0}};
        return out;
    }
    if (k == 2) {
        out.positions = {{0, 0}, {1, 0}};
        return out;
    }
    for (std::size_t i = 0; i < k; ++i) local[members[i]] = static_cast<index_t>(i);
    // Distances: all pairs for the majorisation (float, k^2) up to `majorisation_limit` actors;
    // beyond, only the pivots' columns (pivot MDS alone, k * pivots).
    const bool majorise = k <= options.majorisation_limit;
    const bool pivot = k > options.exact_mds_limit || !majorise;
    std::vector<float> dist(majorise ? k * k : 0);
    std::vector<double> row;
    if (majorise)
        for (std::size_t s = 0; s < k; ++s) {
            bfs_steps(g, local, members, s, row);
            for (std::size_t t = 0; t < k; ++t) dist[s * k + t] = static_cast<float>(row[t]);
        }
    // Start.
    std::vector<std::vector<double>> columns;
    if (!pivot) {
        columns.resize(k, std::vector<double>(k));
        for (std::size_t j = 0; j < k; ++j)
            for (std::size_t i = 0; i < k; ++i) columns[j][i] = dist[i * k + j];
    } else {
        const std::size_t p = std::min(std::max<std::size_t>(options.pivots, 3), k);
        std::vector<double> nearest(k, std::numeric_limits<double>::infinity());
        std::size_t next = 0;
        for (std::size_t c = 0; c < p; ++c) {
            std::vector<double> col(k);
            if (majorise) {
                for (std::size_t i = 0; i < k; ++i) col[i] = dist[next * k + i];
            } else {
                bfs_steps(g, local, members, next, col);
            }
            for (std::size_t i = 0; i < k; ++i) nearest[i] = std::min(nearest[i], col[i]);
            columns.push_back(std::move(col));
            next = static_cast<std::size_t>(std::max_element(nearest.begin(), nearest.end()) - nearest.begin());
        }
    }
    std::vector<point> x = mds_start(columns, k, pivot);
    if (!majorise) {
        // Pivot MDS alone: scaled so that tied actors are about one unit apart on average.
        double total = 0;
        std::size_t count = 0;
        for (std::size_t i = 0; i < k; ++i)
            for (index_t w : g.out_neighbours(members[i])) {
                total += std::hypot(x[i].x - x[local[w]].x, x[i].y - x[local[w]].y);
                ++count;
            }
        const double scale = count > 0 && total > 0 ? double(count) / total : 1.0;
        for (auto& q : x) q = {q.x * scale + 1e-3 * (unit_random(random) - 0.5), q.y * scale + 1e-3 * (unit_random(random) - 0.5)};
        out.positions = std::move(x);
        out.converged = false;
        return out;
    }
    {
        // The scale that minimises the stress of the start: sum w d len / sum w len^2.
        double top = 0, bottom = 0;
        for (std::size_t i = 0; i < k; ++i)
            for (std::size_t j = i + 1; j < k; ++j) {
                const double d = dist[i * k + j];
                const double len = std::hypot(x[i].x - x[j].x, x[i].y - x[j].y);
                top += len / d;
                bottom += len * len / (d * d);
            }
        const double scale = bottom > 0 ? top / bottom : 1.0;
        for (auto& q : x) {
            q.x = q.x * scale + 1e-3 * (unit_random(random) - 0.5);
            q.y = q.y * scale + 1e-3 * (unit_random(random) - 0.5);
        }
    }
    auto stress_of = [&] {
        double s = 0;
        for (std::size_t i = 0; i < k; ++i)
            for (std::size_t j = i + 1; j < k; ++j) {
                const double d = dist[i * k + j];
                const double len = std::hypot(x[i].x - x[j].x, x[i].y - x[j].y);
                s += (len - d) * (len - d) / (d * d);
            }
        return s;
    };
    double stress = stress_of();
    out.converged = false;
    // At most about `pair_budget` pair updates per component, so that large maps stay quick.
    const double pairs = double(k) * double(k);
    const unsigned iterations = static_cast<unsigned>(std::clamp(options.pair_budget / pairs, 30.0, double(options.max_iterations)));
    for (unsigned it = 0; it < std::min(iterations, options.max_iterations); ++it) {
        // Localised majorisation: each x_i moves to the weighted mean of where each j wants it.
        for (std::size_t i = 0; i < k; ++i) {
            double sx = 0, sy = 0, sw = 0;
            for (std::size_t j = 0; j < k; ++j) {
                if (j == i) continue;
                const double d = dist[i * k + j];
                const double w = 1.0 / (d * d);
                const double dx = x[i].x - x[j].x, dy = x[i].y - x[j].y;
                const double len = std::hypot(dx, dy);
                const double f = len > 1e-12 ? d / len : 0.0;
                sx += w * (x[j].x + f * dx);
                sy += w * (x[j].y + f * dy);
                sw += w;
            }
            x[i] = {sx / sw, sy / sw};
        }
        const double next = stress_of();
        out.iterations = it + 1;
        const double decrease = (stress - next) / std::max(stress, 1e-300);
        stress = next;
        if (decrease >= 0 && decrease < options.tolerance) {
            out.converged = true;
            break;
        }
    }
    out.stress = stress;
    // A canonical orientation: the widest spread along x (principal axis), first member left.
    double mx = 0, my = 0;
    for (const auto& q : x) mx += q.x, my += q.y;
    mx /= double(k), my /= double(k);
    double sxx = 0, syy = 0, sxy = 0;
    for (const auto& q : x) {
        sxx += (q.x - mx) * (q.x - mx), syy += (q.y - my) * (q.y - my), sxy += (q.x - mx) * (q.y - my);
    }
    const double angle = 0.5 * std::atan2(2 * sxy, sxx - syy);
    const double c = std::cos(-angle), s = std::sin(-angle);
    for (auto& q : x) q = {c * (q.x - mx) - s * (q.y - my), s * (q.x - mx) + c * (q.y - my)};
    if (x[0].x > 0)
        for (auto& q : x) q.x = -q.x;
    out.positions = std::move(x);
    return out;
}

}  // namespace detail

/// The stress layout of the actors of `view` (ties either way). @throws invalid_argument when an
/// option is out of range.
[[nodiscard]] inline layout_result stress_layout(const network_view& view, const layout_options& options = {}) {
    if (!(options.tolerance > 0)) throw invalid_argument("stress_layout: tolerance must be > 0, got " + std::to_string(options.tolerance));
    if (!(options.aspect > 0)) throw invalid_argument("stress_layout: aspect must be > 0, got " + std::to_string(options.aspect));
    const measure_graph g(view, {.directed = false});
    const index_t n = g.vertex_count();
    layout_result result;
    result.positions.assign(n, {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()});
    result.component.assign(n, no_index);
    // Components in order of their first actor.
    std::vector<std::vector<index_t>> components;
    for (index_t v = 0; v < n; ++v) {
        if (!g.in_view(v) || result.component[v] != no_index) continue;
        const index_t c = static_cast<index_t>(components.size());
        std::vector<index_t> members{v};
        result.component[v] = c;
        for (std::size_t head = 0; head < members.size(); ++head)
            for (index_t w : g.out_neighbours(members[head]))
                if (result.component[w] == no_index) {
                    result.component[w] = c;
                    members.push_back(w);
                }
        std::sort(members.begin(), members.end());
        components.push_back(std::move(members));
    }
    if (components.empty()) return result;
    std::mt19937_64 random(options.seed);
    std::vector<index_t> local(n, 0);
    struct box {
        std::size_t component;
        std::vector<point> positions;
        double w, h;
    };
    std::vector<box> boxes;
    for (std::size_t c = 0; c < components.size(); ++c) {
        auto laid = detail::layout_component(g, components[c], local, options, random);
        result.iterations = std::max(result.iterations, laid.iterations);
        result.converged = result.converged && laid.converged;
        result.stress += laid.stress;
        double x0 = std::numeric_limits<double>::infinity(), y0 = x0, x1 = -x0, y1 = -x0;
        for (const auto& q : laid.positions) x0 = std::min(x0, q.x), y0 = std::min(y0, q.y), x1 = std::max(x1, q.x), y1 = std::max(y1, q.y);
        for (auto& q : laid.positions) q = {q.x - x0, q.y - y0};
        boxes.push_back({c, std::move(laid.positions), x1 - x0, y1 - y0});
    }
    // Packing, largest first (by actors, then by first actor).
    std::vector<std::size_t> order(boxes.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return components[a].size() > components[b].size();
    });
    // The largest component first; the others in columns beside it, so that a few isolates do
    // not stretch the picture.
    const box& first = boxes[order[0]];
    double width = 0, height = 0;
    auto put = [&](const box& b, double x, double y) {
        for (std::size_t k = 0; k < b.positions.size(); ++k)
            result.positions[components[b.component][k]] = {b.positions[k].x + x, b.positions[k].y + y};
        width = std::max(width, x + b.w);
        height = std::max(height, y + b.h);
    };
    put(first, 0, 0);
    double area = 0;
    for (const auto& b : boxes) area += (b.w + 1) * (b.h + 1);
    const double column_height = std::max({first.h, 2.0, std::sqrt(area / options.aspect)});
    double cx = first.w + 1.5, cy = 0, column = 0;
    for (std::size_t r = 1; r < order.size(); ++r) {
        const box& b = boxes[order[r]];
        if (cy > 0 && cy + b.h > column_height) {
            cx += column + 1;
            cy = 0;
            column = 0;
        }
        put(b, cx, cy);
        column = std::max(column, b.w);
        cy += b.h + 1;
    }
    result.width = width;
    result.height = height;
    return result;
}

struct spread_options {
    unsigned iterations = 250;
    double temperature = 3.0;   ///< the largest step of the first iteration, in units of k
    double k_factor = 1.0;      ///< k = k_factor * sqrt(frame area / actors)
    double gravity = 0.05;      ///< pull towards the frame's centre, per unit of distance
    double max_stretch = 1.35;  ///< the most the final fit may scale x and y apart
};

/// Spreads a layout over a frame: Fruchterman and Reingold's forces ("Graph drawing by
/// force-directed placement", Software: Practice and Experience 21(11), 1991), in their grid
/// variant (repulsion k^2/d only between actors closer than 2k, found through a grid of 2k
/// cells), attraction d^2/k along the ties of `g` (each pair once), a weak linear gravity towards
/// the centre of the frame that keeps small components near the large one, and linear cooling
/// from `temperature * k` to 0 over `iterations`. It starts from `positions` (the stress layout
/// scaled into the frame) and has no randomness: the same start gives the same picture. The
/// result is then fitted into the frame, x and y scaled apart by at most `max_stretch`, so that
/// the picture fills the frame's aspect ratio. Stress keeps distances but crowds the hubs of a
/// large map into its centre and leaves the frame's corners empty; this evens the density out
/// over the whole frame, keeping neighbours near. Only the actors in `members` move.
/// Cost: O(iterations * (n + m + close pairs)).
inline void spread_in_frame(const measure_graph& g, const std::vector<index_t>& members, std::vector<point>& positions,
                            double x0, double y0, double x1, double y1, const spread_options& options = {}) {
    const std::size_t n = members.size();
    if (n < 2 || !(x1 > x0) || !(y1 > y0)) return;
    const double k = options.k_factor * std::sqrt((x1 - x0) * (y1 - y0) / double(n));
    const double reach = 2 * k, kk = k * k;
    const std::size_t gx = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil((x1 - x0) / reach)));
    const std::size_t gy = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil((y1 - y0) / reach)));
    std::vector<std::size_t> local(g.vertex_count(), std::size_t(-1));
    for (std::size_t i = 0; i < n; ++i) local[members[i]] = i;
    std::vector<point> p(n), disp(n);
    for (std::size_t i = 0; i < n; ++i) p[i] = positions[members[i]];
    std::vector<std::vector<std::size_t>> cells(gx * gy);
    auto cell_of = [&](const point& q) {
        const auto cx = std::min(gx - 1, static_cast<std::size_t>(std::max(0.0, (q.x - x0) / reach)));
        const auto cy = std::min(gy - 1, static_cast<std::size_t>(std::max(0.0, (q.y - y0) / reach)));
        return std::pair{cx, cy};
    };
    for (unsigned it = 0; it < options.iterations; ++it) {
        const double t = options.temperature * k * (1.0 - double(it) / double(options.iterations));
        for (auto& c : cells) c.clear();
        for (std::size_t i = 0; i < n; ++i) {
            const auto [cx, cy] = cell_of(p[i]);
            cells[cy * gx + cx].push_back(i);
        }
        std::fill(disp.begin(), disp.end(), point{});
        // Repulsion between close actors, each pair once (j > i), cells in a fixed order.
        for (std::size_t i = 0; i < n; ++i) {
            const auto [cx, cy] = cell_of(p[i]);
            for (std::size_t yy = cy > 0 ? cy - 1 : 0; yy <= std::min(gy - 1, cy + 1); ++yy)
                for (std::size_t xx = cx > 0 ? cx - 1 : 0; xx <= std::min(gx - 1, cx + 1); ++xx)
                    for (std::size_t j : cells[yy * gx + xx]) {
                        if (j <= i) continue;
                        double dx = p[i].x - p[j].x, dy = p[i].y - p[j].y;
                        double d = std::hypot(dx, dy);
                        if (d >= reach) continue;
                        if (d < 1e-9) {  // the same spot: a direction fixed by the pair
                            const double angle = double((i * 7919 + j * 104729) % 360) * 3.14159265358979 / 180;
                            dx = std::cos(angle), dy = std::sin(angle), d = 1e-3;
                        } else {
                            dx /= d, dy /= d;
                        }
                        const double f = kk / d;
                        disp[i].x += dx * f, disp[i].y += dy * f;
                        disp[j].x -= dx * f, disp[j].y -= dy * f;
                    }
        }
        // Attraction along the ties.
        for (std::size_t i = 0; i < n; ++i)
            for (index_t w : g.out_neighbours(members[i])) {
                const std::size_t j = local[w];
                if (j == std::size_t(-1) || j <= i) continue;
                const double dx = p[i].x - p[j].x, dy = p[i].y - p[j].y;
                const double d = std::hypot(dx, dy);
                if (d < 1e-12) continue;
                const double f = d / k;  // d^2/k along the unit vector dx/d
                disp[i].x -= dx * f, disp[i].y -= dy * f;
                disp[j].x += dx * f, disp[j].y += dy * f;
            }
        const double mx = (x0 + x1) / 2, my = (y0 + y1) / 2;
        for (std::size_t i = 0; i < n; ++i) {
            disp[i].x -= options.gravity * (p[i].x - mx), disp[i].y -= options.gravity * (p[i].y - my);
            const double len = std::hypot(disp[i].x, disp[i].y);
            if (len > 1e-12) {
                const double step = std::min(len, t) / len;
                p[i].x += disp[i].x * step, p[i].y += disp[i].y * step;
            }
        }
    }
    // The fit: the bounding box onto the frame, centred, x and y scaled apart by at most max_stretch.
    double bx0 = p[0].x, by0 = p[0].y, bx1 = p[0].x, by1 = p[0].y;
    for (const auto& q : p) bx0 = std::min(bx0, q.x), by0 = std::min(by0, q.y), bx1 = std::max(bx1, q.x), by1 = std::max(by1, q.y);
    double sx = bx1 > bx0 ? (x1 - x0) / (bx1 - bx0) : 1e300, sy = by1 > by0 ? (y1 - y0) / (by1 - by0) : 1e300;
    if (sx > 1e299 && sy > 1e299) sx = sy = 1;
    else if (sx > 1e299) sx = sy;
    else if (sy > 1e299) sy = sx;
    const double stretch = std::max(1.0, options.max_stretch);
    if (sx > sy * stretch) sx = sy * stretch;
    if (sy > sx * stretch) sy = sx * stretch;
    const double cx = (bx0 + bx1) / 2, cy = (by0 + by1) / 2;
    for (std::size_t i = 0; i < n; ++i)
        positions[members[i]] = {(x0 + x1) / 2 + (p[i].x - cx) * sx, (y0 + y1) / 2 + (p[i].y - cy) * sy};
}

}  // namespace maillage::draw
