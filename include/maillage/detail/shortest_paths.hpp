#pragma once
// Single-source shortest paths on a measure graph, with the workspace reused from source to
// source (nothing is allocated per source): breadth-first search for hop distances, Dijkstra with
// a binary heap for weighted distances. Records the visit order and the number of shortest paths
// (sigma), which Brandes' accumulation and the closeness measures read.
#include <algorithm>
#include <functional>
#include <limits>
#include <vector>

#include "maillage/algorithms/measure_graph.hpp"

namespace maillage::detail {

/// How a tie's weight becomes a length: not at all (every arc 1, breadth-first search), its
/// inverse (a strong tie is a short one, the default for weighted paths), or the weight itself.
enum class length_rule { hops, inverse_weight, weight };

class shortest_paths {
public:
    explicit shortest_paths(index_t vertex_count)
        : distance_(vertex_count, infinity), sigma_(vertex_count, 0.0), popped_(vertex_count, 0) {
        order_.reserve(vertex_count);
    }

    static constexpr double infinity = std::numeric_limits<double>::infinity();

    /// Paths from `source` along out-arcs (or along in-arcs when `reverse`). With `stop_at`, a
    /// breadth-first search stops once the distance and sigma of that vertex are final (the
    /// vertices beyond its level are then left unvisited); Dijkstra runs in full.
    void run(const measure_graph& g, index_t source, length_rule rule, bool reverse = false, index_t stop_at = no_index) {
        for (index_t v : order_) {
            distance_[v] = infinity;
            sigma_[v] = 0;
            popped_[v] = 0;
        }
        order_.clear();
        distance_[source] = 0;
        sigma_[source] = 1;
        if (rule == length_rule::hops) bfs(g, source, reverse, stop_at);
        else dijkstra(g, source, rule, reverse);
    }

    /// Vertices reached, in non-decreasing distance (the source first).
    [[nodiscard]] const std::vector<index_t>& order() const noexcept { return order_; }
    [[nodiscard]] double distance(index_t v) const noexcept { return distance_[v]; }
    [[nodiscard]] double sigma(index_t v) const noexcept { return sigma_[v]; }
    [[nodiscard]] static double length(double weight, length_rule rule) noexcept {
        return rule == length_rule::hops ? 1.0 : rule == length_rule::inverse_weight ? 1.0 / weight : weight;
    }

private:
    void bfs(const measure_graph& g, index_t source, bool reverse, index_t stop_at) {
        order_.push_back(source);
        for (std::size_t head = 0; head < order_.size(); ++head) {
            const index_t v = order_[head];
            if (stop_at != no_index && distance_[v] >= distance_[stop_at]) break;
            const double next = distance_[v] + 1;
            for (index_t w : reverse ? g.in_neighbours(v) : g.out_neighbours(v)) {
                if (distance_[w] == infinity) {
                    distance_[w] = next;
                    order_.push_back(w);
                }
                if (distance_[w] == next) sigma_[w] += sigma_[v];
            }
        }
    }

    void dijkstra(const measure_graph& g, index_t source, length_rule rule, bool reverse) {
        // Lazy deletion: stale heap entries are skipped when popped. Ties in distance are broken
        // by vertex index, so the visit order does not depend on the heap's internals.
        heap_.clear();
        heap_.push_back({0.0, source});
        while (!heap_.empty()) {
            std::pop_heap(heap_.begin(), heap_.end(), std::greater<>());
            const auto [d, v] = heap_.back();
            heap_.pop_back();
            if (d > distance_[v] || popped_[v]) continue;
            popped_[v] = 1;
            order_.push_back(v);
            auto neighbours = reverse ? g.in_neighbours(v) : g.out_neighbours(v);
            auto weights = reverse ? g.in_weights(v) : g.out_weights(v);
            for (std::size_t k = 0; k < neighbours.size(); ++k) {
                const index_t w = neighbours[k];
                const double candidate = d + length(weights[k], rule);
                if (candidate < distance_[w]) {
                    distance_[w] = candidate;
                    sigma_[w] = sigma_[v];
                    heap_.push_back({candidate, w});
                    std::push_heap(heap_.begin(), heap_.end(), std::greater<>());
                } else if (candidate == distance_[w] && !popped_[w]) {
                    sigma_[w] += sigma_[v];
                }
            }
        }
    }

    std::vector<double> distance_;
    std::vector<double> sigma_;
    std::vector<index_t> order_;
    std::vector<std::pair<double, index_t>> heap_;
    std::vector<std::uint8_t> popped_;
};

}  // namespace maillage::detail
