#pragma once
/// Per-actor results of the measures.
#include <cmath>
#include <limits>
#include <vector>

#include "maillage/model/csr.hpp"

namespace maillage {

/// Which arcs of a directed graph a measure follows from an actor: `out` (ties it sends), `in`
/// (ties it receives) or `all` (both). Undirected graphs have one kind of arc.
enum class direction_mode { all, in, out };

/// A value per actor, indexed by actor index (the network's order); NaN for the actors outside
/// the view the measure ran on.
struct actor_scores {
    std::vector<double> values;

    [[nodiscard]] static actor_scores outside_view(index_t actor_count) {
        return {std::vector<double>(actor_count, std::numeric_limits<double>::quiet_NaN())};
    }
};

}  // namespace maillage
