#pragma once
/// The compressed-sparse-row adjacency of a network: the arcs of its ties, by source and by
/// target, with 32-bit indices. A directed tie gives one arc (source -> target); an undirected
/// tie gives two (both ways). Every arc remembers its tie, so parallel ties stay distinct.
/// `maillage/model/bgl.hpp` makes it a Boost.Graph bidirectional graph.
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace maillage {

using index_t = std::uint32_t;
inline constexpr index_t no_index = std::numeric_limits<index_t>::max();

/// One arc before the CSR is built.
struct arc {
    index_t source, target, tie;
};

class csr_graph {
public:
    csr_graph() : out_offsets_(1, 0), in_offsets_(1, 0) {}

    /// Builds the CSR of `vertex_count` vertices from arcs in any order. Out-arcs of a vertex are
    /// sorted by target, then by tie; in-arcs by source, then by tie. O(n + m).
    csr_graph(index_t vertex_count, const std::vector<arc>& arcs)
        : csr_graph(vertex_count, arcs.size(), [&arcs](std::size_t i) { return arcs[i]; }) {}

    /// The same from `arc_count` arcs given by `arc_at(i)` (an `arc`, in input order), so that a
    /// caller whose arcs follow from its ties need not hold them all in a list.
    template <class ArcAt>
    csr_graph(index_t vertex_count, std::size_t arc_count, ArcAt&& arc_at);

    [[nodiscard]] index_t vertex_count() const noexcept { return static_cast<index_t>(out_offsets_.size() - 1); }
    [[nodiscard]] index_t arc_count() const noexcept { return static_cast<index_t>(out_targets_.size()); }

    [[nodiscard]] index_t out_degree(index_t v) const noexcept { return out_offsets_[v + 1] - out_offsets_[v]; }
    [[nodiscard]] index_t in_degree(index_t v) const noexcept { return in_offsets_[v + 1] - in_offsets_[v]; }

    /// Targets of the arcs leaving `v`.
    [[nodiscard]] std::span<const index_t> out_neighbours(index_t v) const noexcept {
        return {out_targets_.data() + out_offsets_[v], out_degree(v)};
    }
    /// Ties of the arcs leaving `v`, parallel to out_neighbours(v).
    [[nodiscard]] std::span<const index_t> out_ties(index_t v) const noexcept {
        return {out_tie_.data() + out_offsets_[v], out_degree(v)};
    }
    /// Sources of the arcs entering `v`.
    [[nodiscard]] std::span<const index_t> in_neighbours(index_t v) const noexcept {
        return {in_sources().data() + in_offsets_[v], in_degree(v)};
    }
    /// For each arc entering `v`, its position among all out-arcs (its arc index).
    [[nodiscard]] std::span<const index_t> in_arcs(index_t v) const noexcept {
        return {in_arc_.data() + in_offsets_[v], in_degree(v)};
    }

    [[nodiscard]] const std::vector<index_t>& out_offsets() const noexcept { return out_offsets_; }
    [[nodiscard]] const std::vector<index_t>& out_targets() const noexcept { return out_targets_; }
    [[nodiscard]] const std::vector<index_t>& arc_ties() const noexcept { return out_tie_; }
    [[nodiscard]] const std::vector<index_t>& in_offsets() const noexcept { return in_offsets_; }
    /// The in-arcs' sources, by target. When every arc has its mirror (a network of undirected
    /// ties), they equal the out-arcs' targets, which serve for both (one array fewer).
    [[nodiscard]] const std::vector<index_t>& in_sources() const noexcept {
        return mirrored_ ? out_targets_ : in_sources_;
    }
    [[nodiscard]] const std::vector<index_t>& in_arc_index() const noexcept { return in_arc_; }

    /// Bytes held by the arrays.
    [[nodiscard]] std::size_t memory_bytes() const noexcept {
        return sizeof(index_t) * (out_offsets_.capacity() + out_targets_.capacity() + out_tie_.capacity() +
                                  in_offsets_.capacity() + in_sources_.capacity() + in_arc_.capacity());
    }

private:
    std::vector<index_t> out_offsets_, out_targets_, out_tie_;
    std::vector<index_t> in_offsets_, in_sources_, in_arc_;
    bool mirrored_ = false;  ///< in_sources_ is left empty: it would equal out_targets_
};

template <class ArcAt>
csr_graph::csr_graph(index_t vertex_count, std::size_t m, ArcAt&& arc_at)
    : out_offsets_(std::size_t(vertex_count) + 1, 0), in_offsets_(std::size_t(vertex_count) + 1, 0) {
    // Two stable counting sorts (by target, then by source) order the arcs by (source, target),
    // keeping input (tie) order among parallel arcs.
    std::vector<index_t> by_target(m);
    {
        std::vector<index_t> start(std::size_t(vertex_count) + 1, 0);
        for (std::size_t i = 0; i < m; ++i) {
            const arc a = arc_at(i);
            ++start[a.target + 1];
            ++out_offsets_[a.source + 1];
            ++in_offsets_[a.target + 1];
        }
        for (std::size_t v = 0; v < vertex_count; ++v) start[v + 1] += start[v];
        for (std::size_t i = 0; i < m; ++i) by_target[start[arc_at(i).target]++] = static_cast<index_t>(i);
    }
    for (std::size_t v = 0; v < vertex_count; ++v) out_offsets_[v + 1] += out_offsets_[v];
    out_targets_.resize(m);
    out_tie_.resize(m);
    {
        std::vector<index_t> next(out_offsets_.begin(), out_offsets_.end() - 1);
        for (index_t i : by_target) {
            const arc a = arc_at(i);
            const index_t pos = next[a.source]++;
            out_targets_[pos] = a.target;
            out_tie_[pos] = a.tie;
        }
    }
    by_target = {};
    // In-arcs: the out-arcs visited in (source, target) order are stably bucketed by target,
    // which leaves each vertex's in-arcs sorted by source. When each in-arc's source is the
    // out-arc target at the same slot (every arc has its mirror), the sources are not stored.
    for (std::size_t v = 0; v < vertex_count; ++v) in_offsets_[v + 1] += in_offsets_[v];
    in_arc_.resize(m);
    std::vector<index_t> next(in_offsets_.begin(), in_offsets_.end() - 1);
    mirrored_ = in_offsets_ == out_offsets_;
    for (index_t u = 0; u < vertex_count && mirrored_; ++u) {
        for (index_t pos = out_offsets_[u]; pos < out_offsets_[u + 1]; ++pos) {
            const index_t slot = next[out_targets_[pos]]++;
            in_arc_[slot] = pos;
            if (out_targets_[slot] != u) {
                mirrored_ = false;
                break;
            }
        }
    }
    if (mirrored_) return;
    next.assign(in_offsets_.begin(), in_offsets_.end() - 1);
    in_sources_.resize(m);
    for (index_t u = 0; u < vertex_count; ++u) {
        for (index_t pos = out_offsets_[u]; pos < out_offsets_[u + 1]; ++pos) {
            const index_t slot = next[out_targets_[pos]]++;
            in_sources_[slot] = u;
            in_arc_[slot] = pos;
        }
    }
}

}  // namespace maillage
