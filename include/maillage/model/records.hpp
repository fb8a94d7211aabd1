#pragma once
/// The records of a network map as a caller builds or reads them: actors, ties, meetings and the
/// network metadata, field for field as ../shared/DESIGN.md section 3 and docs/FORMAT.md list them.
///
/// Free `attributes` and the fields a reader did not know (`extra`) are kept as compact JSON
/// object text ("" when there are none), so that they survive every round trip unchanged.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "maillage/model/vocabulary.hpp"

namespace maillage {

/// Compact JSON text of an object ({"k": v, ...}); the empty string means no object.
using json_object_text = std::string;

struct actor {
    std::string id;
    actor_kind kind = actor_kind::person;
    std::string label;
    person_role role = person_role::none;      ///< persons only
    std::string organisation;                  ///< professionals: the id of their organisation
    std::string profession;
    std::string sector;                        ///< a sector of the vocabulary, or empty
    actor_status status = actor_status::none;
    std::string territory;
    std::vector<std::string> service_area;     ///< empty: serves its own territory
    std::vector<std::string> domains;          ///< need domains it can answer
    std::vector<std::string> needs;            ///< users: their need domains
    bool member = false;
    bool potential = false;
    json_object_text attributes;
    json_object_text extra;

    /// The territories the actor serves: `service_area`, or its `territory` when none is given.
    [[nodiscard]] std::vector<std::string> effective_service_area() const {
        if (!service_area.empty() || territory.empty()) return service_area;
        return {territory};
    }
    friend bool operator==(const actor&, const actor&) = default;
};

/// The frame of a partnership (DESIGN section 2): a partnership without it is a gap.
struct convention {
    bool is_signed = false;
    std::vector<std::string> tasks, means, contributions, responsibilities, expected_results;
    json_object_text extra;
    friend bool operator==(const convention&, const convention&) = default;
};

/// Perceived trust, as collaboration surveys collect it: ratings from 1 to 4.
struct trust_rating {
    std::optional<double> reliability, shared_mission, openness;
    [[nodiscard]] bool empty() const { return !reliability && !shared_mission && !openness; }
    friend bool operator==(const trust_rating&, const trust_rating&) = default;
};

/// Perceived value of a partner, as collaboration surveys collect it: ratings from 1 to 4.
struct value_rating {
    std::optional<double> influence, resources, involvement;
    [[nodiscard]] bool empty() const { return !influence && !resources && !involvement; }
    friend bool operator==(const value_rating&, const value_rating&) = default;
};

/// A tie. `formality`, `layer` and `directed` left empty take their defaults when the network is
/// built (docs/FORMAT.md); a tie read back from a network has all three set.
struct tie {
    std::string id;                            ///< optional; unique when given
    std::string source, target;
    maillage::relation relation = maillage::relation::other;
    std::optional<maillage::formality> formality;
    std::optional<maillage::layer> layer;
    std::optional<bool> directed;
    double weight = 1.0;
    maillage::valence valence = maillage::valence::none;
    std::string about;                         ///< the user this tie exists for
    std::optional<bool> consent;
    std::optional<maillage::convention> convention;
    maillage::intensity intensity = maillage::intensity::none;
    trust_rating trust;
    value_rating value;
    std::vector<std::string> resources;
    std::string since, last_activity;          ///< ISO dates
    json_object_text attributes;
    json_object_text extra;
    friend bool operator==(const tie&, const tie&) = default;
};

/// Who does what by when, decided in a network meeting.
struct decision {
    std::string id;                            ///< the same id in a later meeting follows it up
    std::string who;                           ///< an actor id, or empty (no owner)
    std::string what;
    std::string due;                           ///< an ISO date, or empty (no deadline)
    decision_status status = decision_status::open;
    json_object_text extra;
    friend bool operator==(const decision&, const decision&) = default;
};

/// A network meeting (entretien en réseau).
struct meeting {
    std::string id;
    std::string date;
    std::string about;
    std::string facilitator, minute_taker;
    std::vector<std::string> participants, minutes_sent_to;
    std::vector<maillage::decision> decisions;
    std::vector<std::string> pending;
    json_object_text attributes;
    json_object_text extra;
    friend bool operator==(const meeting&, const meeting&) = default;
};

struct financing_entry {
    std::string funder;                        ///< an actor id or a name
    financing_kind kind = financing_kind::none;
    std::string nature;
    std::optional<double> amount;
    json_object_text extra;
    friend bool operator==(const financing_entry&, const financing_entry&) = default;
};

/// What a map declares about the network under analysis: the material of the analysis plan.
struct network_info {
    std::string name, legal_status, genesis;
    std::vector<std::string> objectives, domains, territory;
    /// Inhabitants of the territories of `territory` that declare one (in JSON a territory is
    /// written {"name": ..., "population": ...}); coverage weighs uncovered territories by it.
    std::map<std::string, double> population;
    std::string charter, internal_rules;
    std::vector<std::string> coordinators;     ///< coordination.coordinators
    std::string coordination_how;              ///< coordination.how
    json_object_text coordination_extra;
    std::vector<financing_entry> financing;
    std::string users_description, users_role; ///< users.description, users.role
    json_object_text users_extra;
    json_object_text attributes;
    json_object_text extra;
    friend bool operator==(const network_info&, const network_info&) = default;
};

}  // namespace maillage
