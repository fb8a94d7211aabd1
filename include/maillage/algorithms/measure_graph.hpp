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
/// Memory: when the measure graph's arcs are the network's own (every tie in view, no parallel
/// ties to merge, and tie direction kept or absent), its index arrays are the network's CSR,
/// shared (the CSR never changes once built), and only the weights, if any differ from 1, are
/// stored apart. Otherwise it holds its own arrays. Either way it keeps them alive: a measure
/// graph may outlive its network.
#include <algorithm>
#include <memory>
#include <span>
#include <vector>

#include "maillage/model/view.hpp"

namespace maillage {

struct graph_options {
    bool directed = true;  ///< follow tie direction; false: every tie counts both ways
};

class measure_graph {
public:
    measure_graph() = default;

    /// O(n + m) from the network's CSR (whose arcs are sorted by target); an organisation-level
    /// view, whose arcs change ends, is sorted afresh (O(n + m) counting sorts).
    measure_graph(const network_view& view, const graph_options& options = {});
    explicit measure_graph(const network& net, const graph_options& options = {})
        : measure_graph(network_view(net), options) {}

    [[nodiscard]] index_t vertex_count() const noexcept { return static_cast<index_t>(in_view_.size()); }
    [[nodiscard]] index_t arc_count() const noexcept { return static_cast<index_t>(out_targets_->size()); }
    /// Whether arcs follow tie direction (some tie is directed and the caller did not symmetrise).
    [[nodiscard]] bool directed() const noexcept { return directed_; }
    [[nodiscard]] bool in_view(index_t v) const noexcept { return in_view_[v] != 0; }
    [[nodiscard]] index_t view_size() const noexcept { return view_size_; }
    /// Whether every arc weighs 1 (no weight stored: the weight spans read a row of ones).
    [[nodiscard]] bool unit_weights() const noexcept { return out_weights_.empty(); }

    [[nodiscard]] std::span<const index_t> out_neighbours(index_t v) const noexcept {
        const index_t* offsets = out_offsets_->data();
        return {out_targets_->data() + offsets[v], offsets[v + 1] - offsets[v]};
    }
    [[nodiscard]] std::span<const double> out_weights(index_t v) const noexcept {
        const index_t* offsets = out_offsets_->data();
        const std::size_t d = offsets[v + 1] - offsets[v];
        if (out_weights_.empty()) return {ones_.data(), d};
        return {out_weights_.data() + offsets[v], d};
    }
    /// In-arcs; the same as the out-arcs when the graph is undirected.
    [[nodiscard]] std::span<const index_t> in_neighbours(index_t v) const noexcept {
        if (!directed_) return out_neighbours(v);
        const index_t* offsets = in_offsets_->data();
        return {in_sources_->data() + offsets[v], offsets[v + 1] - offsets[v]};
    }
    [[nodiscard]] std::span<const double> in_weights(index_t v) const noexcept {
        if (!directed_) return out_weights(v);
        const index_t* offsets = in_offsets_->data();
        const std::size_t d = offsets[v + 1] - offsets[v];
        if (in_weights_.empty()) return {ones_.data(), d};
        return {in_weights_.data() + offsets[v], d};
    }
    [[nodiscard]] const std::vector<index_t>& out_offsets() const noexcept { return *out_offsets_; }
    [[nodiscard]] const std::vector<index_t>& out_targets() const noexcept { return *out_targets_; }
    /// The in-arcs as CSR arrays; the out-arcs' when the graph is undirected.
    [[nodiscard]] const std::vector<index_t>& in_offsets() const noexcept { return directed_ ? *in_offsets_ : *out_offsets_; }
    [[nodiscard]] const std::vector<index_t>& in_sources() const noexcept { return directed_ ? *in_sources_ : *out_targets_; }
    /// Whether the index arrays are the network's CSR (see the header comment).
    [[nodiscard]] bool shares_network_arrays() const noexcept { return shared_; }

    /// Bytes held by this graph's own arrays (not the network's, when it shares them).
    [[nodiscard]] std::size_t memory_bytes() const noexcept {
        std::size_t indices = 0;
        if (!shared_)
            indices = out_offsets_->capacity() + out_targets_->capacity() + in_offsets_->capacity() +
                      in_sources_->capacity();
        return in_view_.capacity() + sizeof(index_t) * indices +
               sizeof(double) * (out_weights_.capacity() + in_weights_.capacity() + ones_.capacity());
    }

private:
    using index_array = std::shared_ptr<const std::vector<index_t>>;
    static index_array own(std::vector<index_t> values) {
        return std::make_shared<const std::vector<index_t>>(std::move(values));
    }

    /// Appends the merged arcs of every vertex to `offsets` / `targets` (and the weights), walking
    /// `row(v, emit)` (which calls emit(target, tie) in target order); `weighted`: keep the summed
    /// weights. Returns whether two arcs merged.
    template <class Row>
    bool fill(index_t n, const tie_table& ties, bool weighted, Row&& row, std::vector<index_t>& offsets,
              std::vector<index_t>& targets);
    /// Takes the network's CSR as the arcs (the caller checked that they are the measure graph's).
    void share(const network& net, bool unit);
    void finish(index_t n);

    bool directed_ = true;
    bool shared_ = false;
    index_t view_size_ = 0;
    std::vector<std::uint8_t> in_view_;
    index_array out_offsets_ = own({0}), out_targets_ = own({});
    std::vector<double> out_weights_;
    index_array in_offsets_ = own({0}), in_sources_ = own({});
    std::vector<double> in_weights_;
    std::vector<double> ones_;
};

/// Whether two arcs of a CSR (sorted by target within each vertex) join the same ordered pair.
inline bool has_parallel_arcs(const csr_graph& csr) {
    const auto& offsets = csr.out_offsets();
    const auto& targets = csr.out_targets();
    for (index_t v = 0; v < csr.vertex_count(); ++v)
        for (index_t a = offsets[v] + 1; a < offsets[v + 1]; ++a)
            if (targets[a] == targets[a - 1]) return true;
    return false;
}

template <class Row>
bool measure_graph::fill(index_t n, const tie_table& ties, bool weighted, Row&& row, std::vector<index_t>& offsets,
                         std::vector<index_t>& targets) {
    offsets.assign(std::size_t(n) + 1, 0);
    targets.clear();
    out_weights_.clear();
    bool merged = false;
    for (index_t v = 0; v < n; ++v) {
        const std::size_t first = targets.size();
        row(v, [&](index_t target, index_t tie) {
            if (targets.size() > first && targets.back() == target) {
                merged = true;
                if (weighted) out_weights_.back() += ties.weight[tie];
                return;
            }
            targets.push_back(target);
            if (weighted) out_weights_.push_back(ties.weight[tie]);
        });
        offsets[v + 1] = static_cast<index_t>(targets.size());
    }
    return merged;
}

inline void measure_graph::share(const network& net, bool unit) {
    const std::shared_ptr<const csr_graph>& base = net.shared_graph();
    const csr_graph& csr = *base;
    const auto& weight = net.ties().weight;
    shared_ = true;
    // Aliasing pointers: each points to one array of the CSR and keeps the whole CSR alive.
    out_offsets_ = index_array(base, &csr.out_offsets());
    out_targets_ = index_array(base, &csr.out_targets());
    const auto& arc_tie = csr.arc_ties();
    if (!unit) {
        out_weights_.resize(arc_tie.size());
        for (std::size_t a = 0; a < arc_tie.size(); ++a) out_weights_[a] = weight[arc_tie[a]];
    }
    index_t max_degree = 0;
    for (index_t v = 0; v < csr.vertex_count(); ++v) max_degree = std::max({max_degree, csr.out_degree(v), csr.in_degree(v)});
    if (directed_) {
        in_offsets_ = index_array(base, &csr.in_offsets());
        in_sources_ = index_array(base, &csr.in_sources());
        if (!unit) {
            const auto& in_arc = csr.in_arc_index();
            in_weights_.resize(in_arc.size());
            for (std::size_t slot = 0; slot < in_arc.size(); ++slot) in_weights_[slot] = weight[arc_tie[in_arc[slot]]];
        }
    }
    if (unit) ones_.assign(max_degree, 1.0);
}

inline measure_graph::measure_graph(const network_view& view, const graph_options& options)
    : directed_(options.directed) {
    const network& net = view.base();
    const index_t n = net.actor_count();
    in_view_.resize(n);
    for (index_t v = 0; v < n; ++v) in_view_[v] = view.has_actor(v) ? 1 : 0;
    view_size_ = view.actor_count();
    const auto& ties = net.ties();
    const bool all_ties = view.tie_count() == net.tie_count();
    bool any_directed = false, unit = true;
    for (index_t t = 0; t < net.tie_count(); ++t) {
        if (!all_ties && !view.has_tie(t)) continue;
        any_directed |= ties.directed[t] != 0;
        unit &= ties.weight[t] == 1.0;
    }
    directed_ = options.directed && any_directed;
    const csr_graph& csr = net.graph();
    auto kept = [&](index_t tie) { return all_ties || view.has_tie(tie); };

    // Builds the arcs, with weights unless every tie weighs 1 and no arcs merge.
    std::vector<index_t> offsets, targets;
    auto build = [&](auto&& row) {
        if (fill(n, ties, !unit, row, offsets, targets) && unit) fill(n, ties, true, row, offsets, targets);
    };
    if (!view.collapses() && (directed_ || !any_directed) && all_ties && !has_parallel_arcs(csr)) {
        share(net, unit);
        return;
    }
    if (!view.collapses() && (directed_ || !any_directed)) {
        // The network's out-arcs are the measure graph's arcs (before merging): at most as many,
        // reserved so that the arrays do not grow by doubling.
        targets.reserve(csr.arc_count());
        if (!unit) out_weights_.reserve(csr.arc_count());
        build([&](index_t v, auto&& emit) {
            auto targets = csr.out_neighbours(v);
            auto arc_ties = csr.out_ties(v);
            for (std::size_t k = 0; k < targets.size(); ++k)
                if (kept(arc_ties[k])) emit(targets[k], arc_ties[k]);
        });
    } else if (!view.collapses()) {
        // Symmetrised: the out-arcs and the in-arcs of directed ties, merged in neighbour order.
        const auto& in_arc = csr.in_arc_index();
        const auto& in_offsets = csr.in_offsets();
        const auto& arc_tie = csr.arc_ties();
        build([&](index_t v, auto&& emit) {
            auto targets = csr.out_neighbours(v);
            auto out_tie = csr.out_ties(v);
            auto sources = csr.in_neighbours(v);
            std::size_t a = 0, b = 0;
            const std::size_t b_begin = in_offsets[v];
            auto next_in = [&] {
                while (b < sources.size()) {
                    const index_t tie = arc_tie[in_arc[b_begin + b]];
                    if (ties.directed[tie] && kept(tie)) return;
                    ++b;
                }
            };
            next_in();
            while (a < targets.size() || b < sources.size()) {
                if (a < targets.size() && !kept(out_tie[a])) { ++a; continue; }
                if (b >= sources.size() || (a < targets.size() && targets[a] <= sources[b])) {
                    emit(targets[a], out_tie[a]);
                    ++a;
                } else {
                    emit(sources[b], arc_tie[in_arc[b_begin + b]]);
                    ++b;
                    next_in();
                }
            }
        });
    } else {
        // Collapsed ends: sort the arcs afresh (the CSR orders each vertex's arcs by target).
        std::vector<arc> arcs;
        arcs.reserve(2 * std::size_t(view.tie_count()));
        for (index_t t = 0; t < net.tie_count(); ++t) {
            if (!view.has_tie(t)) continue;
            const index_t s = view.tie_source(t), d = view.tie_target(t);
            arcs.push_back({s, d, t});
            if (!directed_ || !ties.directed[t]) arcs.push_back({d, s, t});
        }
        const csr_graph sorted(n, arcs);
        arcs = {};
        build([&](index_t v, auto&& emit) {
            auto targets = sorted.out_neighbours(v);
            auto arc_ties = sorted.out_ties(v);
            for (std::size_t k = 0; k < targets.size(); ++k) emit(targets[k], arc_ties[k]);
        });
    }
    targets.shrink_to_fit();
    out_weights_.shrink_to_fit();
    out_offsets_ = own(std::move(offsets));
    out_targets_ = own(std::move(targets));
    finish(n);
}

inline void measure_graph::finish(index_t n) {
    const auto& offsets = *out_offsets_;
    const auto& targets = *out_targets_;
    index_t max_degree = 0;
    for (index_t v = 0; v < n; ++v) max_degree = std::max(max_degree, offsets[v + 1] - offsets[v]);
    if (directed_) {
        // In-arcs of the merged graph: bucket the out-arcs by target (sources come out sorted).
        std::vector<index_t> in_offsets(std::size_t(n) + 1, 0);
        for (index_t d : targets) ++in_offsets[d + 1];
        for (index_t v = 0; v < n; ++v) {
            max_degree = std::max(max_degree, in_offsets[v + 1]);
            in_offsets[v + 1] += in_offsets[v];
        }
        std::vector<index_t> in_sources(targets.size());
        if (!out_weights_.empty()) in_weights_.resize(targets.size());
        std::vector<index_t> next(in_offsets.begin(), in_offsets.end() - 1);
        for (index_t u = 0; u < n; ++u)
            for (index_t a = offsets[u]; a < offsets[u + 1]; ++a) {
                const index_t slot = next[targets[a]]++;
                in_sources[slot] = u;
                if (!out_weights_.empty()) in_weights_[slot] = out_weights_[a];
            }
        in_offsets_ = own(std::move(in_offsets));
        in_sources_ = own(std::move(in_sources));
    }
    if (out_weights_.empty()) ones_.assign(max_degree, 1.0);
}

}  // namespace maillage
