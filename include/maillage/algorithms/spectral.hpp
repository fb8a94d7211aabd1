#pragma once
/// Centralities of the eigenvector family: PageRank, eigenvector, Katz and Bonacich power.
///
/// All run on the measure graph of the view (measure_graph.hpp: parallel ties merged, their
/// weights summed; directed ties one way, others both ways), over the n actors of the view;
/// `weighted` uses the summed tie weights as arc values, otherwise every arc counts 1.
///
/// The three iterative ones stop when sum_v |x_v - x'_v| < n * tolerance between two
/// iterations (networkx's rule) and report the iterations and whether they converged.
/// Eigenvector and Katz follow networkx's iterations step for step, so that they agree with it to
/// the tolerance even where the limit depends on the start (eigenvector centrality of a
/// disconnected graph); PageRank does too, in one pass per iteration. Each iteration pulls along
/// in-arcs in parallel over fixed blocks of actors, and sums in block order, so the results do not
/// depend on the thread count.
#include <algorithm>
#include <atomic>
#include <barrier>
#include <cmath>
#include <vector>

#include <Eigen/Sparse>
#include <Eigen/SparseLU>

#include "maillage/algorithms/measure_graph.hpp"
#include "maillage/algorithms/scores.hpp"
#include "maillage/detail/parallel.hpp"
#include "maillage/error.hpp"

namespace maillage {

/// Scores of an iterative measure, with how the iteration ended.
struct iterative_scores {
    actor_scores scores;
    unsigned iterations = 0;
    bool converged = false;
};

struct pagerank_options {
    double alpha = 0.85;          ///< damping: the probability of following a tie
    bool weighted = false;
    double tolerance = 1e-10;
    unsigned max_iterations = 1000;
    graph_options graph;
    unsigned threads = 0;
};

struct eigenvector_options {
    bool weighted = false;
    double tolerance = 1e-10;
    unsigned max_iterations = 1000;
    graph_options graph;
    unsigned threads = 0;
};

struct katz_options {
    double alpha = 0.1;           ///< attenuation; converges when alpha < 1 / largest eigenvalue
    double beta = 1.0;            ///< exogenous centrality given to every actor
    bool normalized = true;       ///< scale to unit Euclidean norm, as networkx
    bool weighted = false;
    double tolerance = 1e-10;
    unsigned max_iterations = 1000;
    graph_options graph;
    unsigned threads = 0;
};

struct bonacich_options {
    double beta = 0.0;            ///< attenuation (negative: power from ties to weak actors)
    bool weighted = false;
    graph_options graph;
};

namespace detail {

inline constexpr std::size_t spectral_block = 2048;

/// The actors of the view, and the position of each in that list.
struct view_actors {
    std::vector<index_t> actors;
    explicit view_actors(const measure_graph& g) {
        for (index_t v = 0; v < g.vertex_count(); ++v)
            if (g.in_view(v)) actors.push_back(v);
    }
    [[nodiscard]] std::size_t size() const noexcept { return actors.size(); }
};

/// Runs `step(x, next, begin, end)` (fills next[actors[begin..end)] and returns the sum of
/// |next - x| over them) until networkx's stopping rule holds, calling `finish(next)` after each
/// step (normalisation). `x` holds the start and ends with the result.
template <class Step, class Finish>
iterative_scores iterate(const measure_graph& g, const view_actors& va, std::vector<double> x, double tolerance,
                         unsigned max_iterations, unsigned threads, Step&& step, Finish&& finish) {
    const std::size_t n = va.size();
    threads = thread_count(threads, n / spectral_block + 1);
    std::vector<double> next(x.size(), 0.0);
    iterative_scores out;
    out.scores = actor_scores::outside_view(g.vertex_count());
    if (n == 0) {
        out.converged = true;
        return out;
    }
    for (unsigned it = 1; it <= max_iterations; ++it) {
        parallel_blocks(n, threads, spectral_block, [&](std::size_t, std::size_t begin, std::size_t end) {
            step(x, next, begin, end);
            return 0.0;
        });
        finish(next);
        const auto errors = parallel_blocks(n, threads, spectral_block, [&](std::size_t, std::size_t begin, std::size_t end) {
            double e = 0;
            for (std::size_t k = begin; k < end; ++k) e += std::abs(next[va.actors[k]] - x[va.actors[k]]);
            return e;
        });
        x.swap(next);
        out.iterations = it;
        if (ordered_sum(errors) < static_cast<double>(n) * tolerance) {
            out.converged = true;
            break;
        }
    }
    for (index_t v : va.actors) out.scores.values[v] = x[v];
    return out;
}

/// Sums of x over the view's actors in block order (thread-count independent).
template <class Value>
double block_sum(const view_actors& va, unsigned threads, Value&& value) {
    return ordered_sum(parallel_blocks(va.size(), thread_count(threads, va.size() / spectral_block + 1), spectral_block,
                                       [&](std::size_t, std::size_t begin, std::size_t end) {
                                           double s = 0;
                                           for (std::size_t k = begin; k < end; ++k) s += value(va.actors[k]);
                                           return s;
                                       }));
}

}  // namespace detail

namespace detail {

/// The error and dangling mass of one block of a PageRank iteration.
struct pagerank_block_sums {
    double change = 0;
    double dangling = 0;
};

/// Below this many arcs an iteration takes a few microseconds, less than waking a second thread
/// for each of the iterations: one thread runs them (the same blocks, so the same bits).
inline constexpr std::size_t pagerank_parallel_arcs = 200000;

}  // namespace detail

/// PageRank (Brin & Page 1998), as networkx.pagerank with uniform teleportation and the mass of
/// dangling actors (no out-arc) spread uniformly:
///     x'_v = alpha * (sum over arcs u->v of x_u w_uv / s_u + D / n) + (1 - alpha) / n,
/// where s_u is u's out-strength (out-degree when unweighted) and D the dangling actors' total.
/// Starts from 1/n; the scores sum to 1. networkx weighs by default (weight="weight"); here
/// `weighted` says so.
///
/// Stops when sum_v |x_v - x'_v| < n * tolerance (networkx's rule). Error bound: with P the
/// column-stochastic transition matrix (dangling columns uniform) and x* the limit, the residual
/// of x' is x' - alpha P x' - b = alpha P (x - x'), so ||x' - x*||_1 <= alpha / (1 - alpha) *
/// ||x - x'||_1 < alpha / (1 - alpha) * n * tolerance (for alpha < 1).
///
/// Each iteration is one pass over fixed blocks of actors (spectral_block, in actor order): per
/// actor the pull along its in-arcs of the previous iterate's contributions x_u w_uv / s_u (kept
/// per vertex, in two arrays used in turn), the new score, its change and its own contribution
/// or dangling mass; per block the sums of the changes and of the dangling mass in actor order,
/// added in block order. The blocks run on the threads from one start per call with one barrier
/// per iteration, and the results are the same to the bit with any number of threads.
/// On a measure graph built beforehand (options.graph is not read).
[[nodiscard]] inline iterative_scores pagerank(const measure_graph& g, const pagerank_options& options = {}) {
    if (!(options.alpha >= 0 && options.alpha <= 1))
        throw invalid_argument("pagerank: alpha must be in [0, 1], got " + std::to_string(options.alpha));
    const detail::view_actors va(g);
    const std::size_t n = va.size();
    iterative_scores out;
    out.scores = actor_scores::outside_view(g.vertex_count());
    if (n == 0) {
        out.converged = true;
        return out;
    }
    const double alpha = options.alpha;
    const double size = static_cast<double>(n);
    const bool weighted = options.weighted && !g.unit_weights();
    const index_t* in_offsets = g.in_offsets().data();
    const index_t* in_sources = g.in_sources().data();
    const std::size_t vertices = g.vertex_count();
    // Per vertex: the score, the out-strength (0: dangling), and the contributions x_u / s_u of
    // the previous iterate and of this one (by parity), in one array.
    std::vector<double> x(vertices, 0.0), strength(vertices, 0.0), contribution(2 * vertices, 0.0);
    double dangling = 0;
    for (index_t v : va.actors) {
        if (options.weighted)
            for (double w : g.out_weights(v)) strength[v] += w;
        else
            strength[v] = static_cast<double>(g.out_neighbours(v).size());
        x[v] = 1.0 / size;
        if (strength[v] > 0) contribution[v] = x[v] / strength[v];
        else dangling += x[v];
    }
    const std::size_t blocks = (n + detail::spectral_block - 1) / detail::spectral_block;
    // Per parity and block: the sums of the iteration that wrote them.
    std::vector<detail::pagerank_block_sums> sums(2 * blocks);
    // Block b of the iteration that reads contribution[parity] and writes the other half.
    auto pass = [&](std::size_t b, unsigned parity, double base) {
        const std::size_t begin = b * detail::spectral_block, end = std::min(n, begin + detail::spectral_block);
        const double* previous = contribution.data() + parity * vertices;
        double* current = contribution.data() + (1 - parity) * vertices;
        detail::pagerank_block_sums s;
        for (std::size_t k = begin; k < end; ++k) {
            const index_t v = va.actors[k];
            double sum = 0;
            const index_t first = in_offsets[v], last = in_offsets[v + 1];
            if (weighted) {
                const double* weights = g.in_weights(v).data();
                for (index_t a = first; a < last; ++a) sum += previous[in_sources[a]] * weights[a - first];
            } else {
                for (index_t a = first; a < last; ++a) sum += previous[in_sources[a]];
            }
            const double next = alpha * sum + base;
            s.change += std::abs(next - x[v]);
            x[v] = next;
            if (strength[v] > 0) current[v] = next / strength[v];
            else s.dangling += next;
        }
        sums[parity * blocks + b] = s;
    };
    const double limit = size * options.tolerance;
    // The sums of the iteration that wrote `parity`, in block order: every thread takes the same
    // decision and the same next base.
    auto converged = [&](unsigned parity, double& base) {
        double change = 0, mass = 0;
        for (std::size_t b = 0; b < blocks; ++b) {
            change += sums[parity * blocks + b].change;
            mass += sums[parity * blocks + b].dangling;
        }
        base = (alpha * mass + 1.0 - alpha) / size;
        return change < limit;
    };
    const double first_base = (alpha * dangling + 1.0 - alpha) / size;
    const unsigned threads =
        g.arc_count() < detail::pagerank_parallel_arcs ? 1u : detail::thread_count(options.threads, blocks);
    if (threads == 1) {
        double base = first_base;
        for (unsigned it = 0; it < options.max_iterations; ++it) {
            const unsigned parity = it % 2;
            for (std::size_t b = 0; b < blocks; ++b) pass(b, parity, base);
            out.iterations = it + 1;
            if (converged(parity, base)) {
                out.converged = true;
                break;
            }
        }
    } else {
        // One barrier per iteration: an iteration writes only its own blocks' entries of the
        // half of its parity and reads the other half, which no thread writes before all have
        // passed the barrier that ends the iteration.
        std::barrier sync(static_cast<std::ptrdiff_t>(threads));
        detail::run_threads(threads, [&](unsigned thread, const std::atomic<bool>&) {
            double base = first_base;
            for (unsigned it = 0; it < options.max_iterations; ++it) {
                const unsigned parity = it % 2;
                for (std::size_t b = thread; b < blocks; b += threads) pass(b, parity, base);
                sync.arrive_and_wait();
                const bool done = converged(parity, base);
                if (thread == 0) {
                    out.iterations = it + 1;
                    out.converged = done;
                }
                if (done) break;
            }
        });
    }
    for (index_t v : va.actors) out.scores.values[v] = x[v];
    return out;
}

[[nodiscard]] inline iterative_scores pagerank(const network_view& view, const pagerank_options& options = {}) {
    if (!(options.alpha >= 0 && options.alpha <= 1))
        throw invalid_argument("pagerank: alpha must be in [0, 1], got " + std::to_string(options.alpha));
    return pagerank(measure_graph(view, options.graph), options);
}

/// Eigenvector centrality (Bonacich 1972), as networkx.eigenvector_centrality: power iteration
/// of (A + I) along in-arcs (an actor is central when central actors send it ties), from the
/// uniform vector, scaled to unit Euclidean norm after each step. In a disconnected graph the
/// limit keeps networkx's weights between components (both start from the same vector).
[[nodiscard]] inline iterative_scores eigenvector(const measure_graph& g, const eigenvector_options& options = {}) {
    const detail::view_actors va(g);
    std::vector<double> start(g.vertex_count(), 0.0);
    for (index_t v : va.actors) start[v] = 1.0 / static_cast<double>(va.size());
    return detail::iterate(
        g, va, std::move(start), options.tolerance, options.max_iterations, options.threads,
        [&](const std::vector<double>& x, std::vector<double>& next, std::size_t begin, std::size_t end) {
            for (std::size_t k = begin; k < end; ++k) {
                const index_t v = va.actors[k];
                double sum = x[v];
                auto sources = g.in_neighbours(v);
                auto weights = g.in_weights(v);
                for (std::size_t a = 0; a < sources.size(); ++a) sum += x[sources[a]] * (options.weighted ? weights[a] : 1.0);
                next[v] = sum;
            }
        },
        [&](std::vector<double>& next) {
            double norm = std::sqrt(detail::block_sum(va, options.threads, [&](index_t v) { return next[v] * next[v]; }));
            if (norm == 0) norm = 1;
            for (index_t v : va.actors) next[v] /= norm;
        });
}

[[nodiscard]] inline iterative_scores eigenvector(const network_view& view, const eigenvector_options& options = {}) {
    return eigenvector(measure_graph(view, options.graph), options);
}

/// Katz centrality (Katz 1953), as networkx.katz_centrality: x'_v = alpha * sum over arcs u->v of
/// w_uv x_u + beta, from x = 0; `normalized` scales the limit to unit Euclidean norm.
[[nodiscard]] inline iterative_scores katz(const measure_graph& g, const katz_options& options = {}) {
    const detail::view_actors va(g);
    auto result = detail::iterate(
        g, va, std::vector<double>(g.vertex_count(), 0.0), options.tolerance, options.max_iterations, options.threads,
        [&](const std::vector<double>& x, std::vector<double>& next, std::size_t begin, std::size_t end) {
            for (std::size_t k = begin; k < end; ++k) {
                const index_t v = va.actors[k];
                double sum = 0;
                auto sources = g.in_neighbours(v);
                auto weights = g.in_weights(v);
                for (std::size_t a = 0; a < sources.size(); ++a) sum += x[sources[a]] * (options.weighted ? weights[a] : 1.0);
                next[v] = options.alpha * sum + options.beta;
            }
        },
        [](std::vector<double>&) {});
    if (options.normalized) {
        double norm = 0;
        for (index_t v : va.actors) norm += result.scores.values[v] * result.scores.values[v];
        norm = std::sqrt(norm);
        if (norm > 0)
            for (index_t v : va.actors) result.scores.values[v] /= norm;
    }
    return result;
}

[[nodiscard]] inline iterative_scores katz(const network_view& view, const katz_options& options = {}) {
    return katz(measure_graph(view, options.graph), options);
}

/// Bonacich power centrality (Bonacich 1987, "Power and centrality: a family of measures"):
///     c = (I - beta A)^-1 A 1,   A_uv = 1 (or w_uv) for an arc u -> v,
/// so an actor is powerful by the ties it sends, to actors that are themselves powerful (beta > 0)
/// or weak (beta < 0); beta = 0 gives the out-degree. Normalised as UCINET and R's
/// sna::bonpow(rescale=FALSE): scaled so that the sum of squares equals n (all zeros stay zero).
/// Solved exactly with Eigen's sparse LU; a beta whose inverse is an eigenvalue of A makes
/// I - beta A singular, which is an invalid_argument.
[[nodiscard]] inline actor_scores bonacich(const network_view& view, const bonacich_options& options = {}) {
    const measure_graph g(view, options.graph);
    const detail::view_actors va(g);
    const auto n = static_cast<Eigen::Index>(va.size());
    std::vector<index_t> position(g.vertex_count(), no_index);
    for (std::size_t k = 0; k < va.size(); ++k) position[va.actors[k]] = static_cast<index_t>(k);
    std::vector<Eigen::Triplet<double>> entries;
    entries.reserve(std::size_t(g.arc_count()) + va.size());
    Eigen::VectorXd outgoing = Eigen::VectorXd::Zero(n);
    for (std::size_t k = 0; k < va.size(); ++k) {
        const index_t u = va.actors[k];
        auto targets = g.out_neighbours(u);
        auto weights = g.out_weights(u);
        entries.emplace_back(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(k), 1.0);
        for (std::size_t a = 0; a < targets.size(); ++a) {
            const double w = options.weighted ? weights[a] : 1.0;
            entries.emplace_back(static_cast<Eigen::Index>(k), position[targets[a]], -options.beta * w);
            outgoing[static_cast<Eigen::Index>(k)] += w;
        }
    }
    actor_scores out = actor_scores::outside_view(g.vertex_count());
    if (n == 0) return out;
    Eigen::SparseMatrix<double> system(n, n);
    system.setFromTriplets(entries.begin(), entries.end());
    Eigen::SparseLU<Eigen::SparseMatrix<double>> lu;
    lu.compute(system);
    if (lu.info() != Eigen::Success)
        throw invalid_argument("bonacich: I - beta A is singular for beta = " + std::to_string(options.beta) +
                               " (1/beta is an eigenvalue of the adjacency matrix); choose another beta");
    const Eigen::VectorXd power = lu.solve(outgoing);
    const double squares = power.squaredNorm();
    const double scale = squares > 0 ? std::sqrt(static_cast<double>(n) / squares) : 0.0;
    for (std::size_t k = 0; k < va.size(); ++k) out.values[va.actors[k]] = power[static_cast<Eigen::Index>(k)] * scale;
    return out;
}

}  // namespace maillage
