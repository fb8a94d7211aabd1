#pragma once
/// Views select part of a network without copying it: masks over actors and ties, and, for the
/// organisation-level view, the organisation each professional is collapsed onto. Vertex indices
/// stay the network's actor indices, so results computed on a view are keyed like the network's.
#include <algorithm>
#include <optional>
#include <vector>

#include "maillage/model/network.hpp"

namespace maillage {

/// What a view keeps. Empty lists and unset options keep everything.
struct view_options {
    std::optional<maillage::layer> layer;            ///< ties of this layer only
    std::vector<maillage::relation> relations;       ///< ties of these relations only
    std::optional<maillage::formality> formality;    ///< ties of this formality only
    std::optional<bool> member;                      ///< actors whose `member` flag equals this
    std::vector<actor_kind> kinds;                   ///< actors of these kinds only
    /// Collapse each professional that has an organisation onto it: the professional leaves the
    /// view and its ties count as its organisation's (ties to its own organisation disappear).
    bool organisation_level = false;
};

class network_view {
public:
    /// The whole network.
    explicit network_view(const network& net) : network_view(net, view_options{}) {}

    /// The part of `net` that `options` keeps. A tie is kept when it passes the tie filters and
    /// both its (collapsed) endpoints are kept actors and differ. O(n + m) time, n + m bytes.
    network_view(const network& net, const view_options& options);

    [[nodiscard]] const network& base() const noexcept { return *net_; }
    [[nodiscard]] bool has_actor(index_t actor) const noexcept { return actor_kept_[actor] != 0; }
    [[nodiscard]] bool has_tie(index_t tie) const noexcept { return tie_kept_[tie] != 0; }
    [[nodiscard]] index_t actor_count() const noexcept { return actor_count_; }
    [[nodiscard]] index_t tie_count() const noexcept { return tie_count_; }
    /// The actor standing for `actor` in this view (its organisation when collapsed, else itself).
    [[nodiscard]] index_t representative(index_t actor) const noexcept {
        return representative_.empty() ? actor : representative_[actor];
    }
    /// Whether some actor stands for another (an organisation-level view).
    [[nodiscard]] bool collapses() const noexcept { return !representative_.empty(); }
    [[nodiscard]] index_t tie_source(index_t tie) const noexcept { return representative(net_->ties().source[tie]); }
    [[nodiscard]] index_t tie_target(index_t tie) const noexcept { return representative(net_->ties().target[tie]); }

    /// The kept actors, in index order.
    [[nodiscard]] std::vector<index_t> actor_indices() const {
        std::vector<index_t> out;
        out.reserve(actor_count_);
        for (index_t i = 0; i < actor_kept_.size(); ++i)
            if (actor_kept_[i]) out.push_back(i);
        return out;
    }
    /// The kept ties, in index order.
    [[nodiscard]] std::vector<index_t> tie_indices() const {
        std::vector<index_t> out;
        out.reserve(tie_count_);
        for (index_t i = 0; i < tie_kept_.size(); ++i)
            if (tie_kept_[i]) out.push_back(i);
        return out;
    }

    /// A CSR of the kept ties over all the network's actor indices (actors outside the view have
    /// no arcs), for kernels that want contiguous adjacency. O(n + m).
    [[nodiscard]] csr_graph snapshot() const {
        std::vector<arc> arcs;
        arcs.reserve(2 * std::size_t(tie_count_));
        const auto& ties = net_->ties();
        for (index_t t = 0; t < tie_kept_.size(); ++t) {
            if (!tie_kept_[t]) continue;
            const index_t s = tie_source(t), d = tie_target(t);
            arcs.push_back({s, d, t});
            if (!ties.directed[t]) arcs.push_back({d, s, t});
        }
        return csr_graph(net_->actor_count(), arcs);
    }

private:
    const network* net_;
    std::vector<std::uint8_t> actor_kept_, tie_kept_;
    std::vector<index_t> representative_;
    index_t actor_count_ = 0, tie_count_ = 0;
};

inline network_view::network_view(const network& net, const view_options& options)
    : net_(&net), actor_kept_(net.actor_count(), 1), tie_kept_(net.tie_count(), 1) {
    const auto& actors = net.actors();
    auto contains = [](const auto& list, auto value) {
        return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
    };
    for (index_t i = 0; i < net.actor_count(); ++i) {
        bool keep = contains(options.kinds, actors.kind[i]);
        if (options.member && (actors.member[i] != 0) != *options.member) keep = false;
        actor_kept_[i] = keep ? 1 : 0;
    }
    if (options.organisation_level) {
        representative_.resize(net.actor_count());
        for (index_t i = 0; i < net.actor_count(); ++i) {
            const bool collapsed = actors.kind[i] == actor_kind::professional && actors.organisation[i] != no_index;
            representative_[i] = collapsed ? actors.organisation[i] : i;
            if (collapsed) actor_kept_[i] = 0;
        }
    }
    const auto& ties = net.ties();
    for (index_t t = 0; t < net.tie_count(); ++t) {
        const index_t s = representative(ties.source[t]), d = representative(ties.target[t]);
        const bool keep = s != d && actor_kept_[s] && actor_kept_[d] &&
                          (!options.layer || ties.layer[t] == *options.layer) &&
                          contains(options.relations, ties.relation[t]) &&
                          (!options.formality || ties.formality[t] == *options.formality);
        tie_kept_[t] = keep ? 1 : 0;
        tie_count_ += keep;
    }
    actor_count_ = static_cast<index_t>(std::count(actor_kept_.begin(), actor_kept_.end(), 1));
}

}  // namespace maillage
