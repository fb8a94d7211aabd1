#pragma once
/// The graph a measure sees: the ties of a view as a simple weighted graph in CSR form.
///
/// - Direction: with `directed = true` (the default), a directed tie is one arc source -> target
///   and an undirected tie two arcs; with `directed = false`, every tie is two arcs (the ties
///   are symmetrised). A view without any directed tie is an undirected graph either way, so
///   that measures take their undirected definitions (as networkx on an nx.Graph).
/// - Parallel ties between the same ordered pair (a family tie and an information tie, say)
///   make one arc, whose weight is the sum of their weights: measures count alters, not ties, and
///   strength adds up every tie.
/// - Actors outside the view have no arcs; `in_view` tells them apart from isolates.
///
/// This is the graph the networkx references of the tests are built from (nx.DiGraph or
/// nx.Graph with the summed `weight`).
#include <vector>

#include "maillage/model/view.hpp"

namespace maillage {

struct graph_options {
    bool directed = true;  ///< follow tie direction; false: every tie counts both ways
};

class measure_graph {
public:
    measure_graph() = default;

    /// O(n + m log(max degree)).
    measure_graph(const network_view& view, const graph_options& options = {});
    explicit measure_graph(const network& net, const graph_options& options = {})
        : measure_graph(network_view(net), options) {}

    [[nodiscard]] index_t vertex_count() const noexcept { return static_cast<index_t>(in_view_.size()); }
    [[nodiscard]] index_t arc_count() const noexcept { return static_cast<index_t>(out_targets_.size()); }
    /// Whether arcs follow tie direction (some tie is directed and the caller did not symmetrise).
    [[nodiscard]] bool directed() const noexcept { return directed_; }
    [[nodiscard]] bool in_view(index_t v) const noexcept { return in_view_[v] != 0; }
    [[nodiscard]] index_t view_size() const noexcept { return view_size_; }

    [[nodiscard]] std::span<const index_t> out_neighbours(index_t v) const noexcept {
        return {out_targets_.data() + out_offsets_[v], out_offsets_[v + 1] - out_offsets_[v]};
    }
    [[nodiscard]] std::span<const double> out_weights(index_t v) const noexcept {
        return {out_weights_.data() + out_offsets_[v], out_offsets_[v + 1] - out_offsets_[v]};
    }
    /// In-arcs; the same as the out-arcs when the graph is undirected.
    [[nodiscard]] std::span<const index_t> in_neighbours(index_t v) const noexcept {
        if (!directed_) return out_neighbours(v);
        return {in_sources_.data() + in_offsets_[v], in_offsets_[v + 1] - in_offsets_[v]};
    }
    [[nodiscard]] std::span<const double> in_weights(index_t v) const noexcept {
        if (!directed_) return out_weights(v);
        return {in_weights_.data() + in_offsets_[v], in_offsets_[v + 1] - in_offsets_[v]};
    }
    [[nodiscard]] const std::vector<index_t>& out_offsets() const noexcept { return out_offsets_; }
    [[nodiscard]] const std::vector<index_t>& out_targets() const noexcept { return out_targets_; }
    [[nodiscard]] const std::vector<double>& out_weight_array() const noexcept { return out_weights_; }

private:
    bool directed_ = true;
    index_t view_size_ = 0;
    std::vector<std::uint8_t> in_view_;
    std::vector<index_t> out_offsets_{0}, out_targets_;
    std::vector<double> out_weights_;
    std::vector<index_t> in_offsets_{0}, in_sources_;
    std::vector<double> in_weights_;
};

inline measure_graph::measure_graph(const network_view& view, const graph_options& options)
    : directed_(options.directed) {
    const network& net = view.base();
    const index_t n = net.actor_count();
    in_view_.resize(n);
    for (index_t v = 0; v < n; ++v) in_view_[v] = view.has_actor(v) ? 1 : 0;
    view_size_ = view.actor_count();
    const auto& ties = net.ties();
    bool any_directed = false;
    for (index_t t = 0; t < net.tie_count() && !any_directed; ++t) any_directed = view.has_tie(t) && ties.directed[t];
    directed_ = options.directed && any_directed;
    std::vector<arc> arcs;
    arcs.reserve(2 * std::size_t(view.tie_count()));
    for (index_t t = 0; t < net.tie_count(); ++t) {
        if (!view.has_tie(t)) continue;
        const index_t s = view.tie_source(t), d = view.tie_target(t);
        arcs.push_back({s, d, t});
        if (!directed_ || !ties.directed[t]) arcs.push_back({d, s, t});
    }
    // The CSR sorts each vertex's arcs by target, so parallel arcs are adjacent: merge them.
    const csr_graph csr(n, arcs);
    out_offsets_.assign(std::size_t(n) + 1, 0);
    out_targets_.reserve(csr.arc_count());
    out_weights_.reserve(csr.arc_count());
    for (index_t v = 0; v < n; ++v) {
        auto targets = csr.out_neighbours(v);
        auto arc_ties = csr.out_ties(v);
        for (std::size_t k = 0; k < targets.size(); ++k) {
            const double w = ties.weight[arc_ties[k]];
            if (k > 0 && targets[k] == targets[k - 1]) {
                out_weights_.back() += w;
            } else {
                out_targets_.push_back(targets[k]);
                out_weights_.push_back(w);
            }
        }
        out_offsets_[v + 1] = static_cast<index_t>(out_targets_.size());
    }
    if (!directed_) return;
    // In-arcs of the merged graph: bucket the out-arcs by target (sources come out sorted).
    in_offsets_.assign(std::size_t(n) + 1, 0);
    for (index_t d : out_targets_) ++in_offsets_[d + 1];
    for (index_t v = 0; v < n; ++v) in_offsets_[v + 1] += in_offsets_[v];
    in_sources_.resize(out_targets_.size());
    in_weights_.resize(out_targets_.size());
    std::vector<index_t> next(in_offsets_.begin(), in_offsets_.end() - 1);
    for (index_t u = 0; u < n; ++u)
        for (index_t a = out_offsets_[u]; a < out_offsets_[u + 1]; ++a) {
            const index_t slot = next[out_targets_[a]]++;
            in_sources_[slot] = u;
            in_weights_[slot] = out_weights_[a];
        }
}

}  // namespace maillage
