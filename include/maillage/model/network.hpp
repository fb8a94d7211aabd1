#pragma once
/// The immutable network: actor and tie tables in struct-of-arrays form, id <-> index maps, the
/// CSR adjacency, meetings, metadata and vocabulary. Built once by a network_builder; never
/// mutated afterwards, so any number of threads may read it at once.
#include <cstdint>
#include <optional>
#include <span>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "maillage/detail/id_index.hpp"
#include "maillage/error.hpp"
#include "maillage/model/csr.hpp"
#include "maillage/model/records.hpp"
#include "maillage/model/uniform_column.hpp"
#include "maillage/model/vocabulary.hpp"

namespace maillage {

/// Actor attributes, one vector per field, indexed by actor index (0..n-1, in map order).
struct actor_table {
    /// Actor fields, one column per field, indexed by actor index. Every column but the ids
    /// stores one value while all actors share it (see uniform_column).
    std::vector<std::string> id;
    uniform_column<std::string> label, profession, sector, territory;
    uniform_column<actor_kind> kind;
    uniform_column<person_role> role;
    uniform_column<actor_status> status;
    uniform_column<index_t> organisation;              ///< actor index, or no_index
    uniform_column<std::vector<std::string>> service_area, domains, needs;
    uniform_column<std::uint8_t> member, potential;    ///< 0 or 1
    uniform_column<json_object_text> attributes, extra;

    [[nodiscard]] index_t size() const noexcept { return static_cast<index_t>(id.size()); }
};

/// The fields that few ties carry, kept once per such tie (see tie_table::detail).
struct tie_detail {
    std::string id;
    index_t about = no_index;
    std::optional<bool> consent;
    std::optional<maillage::convention> convention;
    trust_rating trust;
    value_rating value;
    std::vector<std::string> resources;
    std::string since, last_activity;
    json_object_text attributes, extra;
};

/// Tie attributes, one column per field, indexed by tie index (in map order). The frequent fields
/// are columns (the ends as vectors, the others storing one value while all ties share it); the
/// rare ones live in `details`, reached through `detail` (no_index: none), which keeps a map of
/// millions of plain ties small.
struct tie_table {
    std::vector<index_t> source, target;
    uniform_column<maillage::relation> relation;
    uniform_column<maillage::formality> formality;
    uniform_column<maillage::layer> layer;
    uniform_column<std::uint8_t> directed;             ///< 0 or 1
    uniform_column<double> weight;
    uniform_column<maillage::valence> valence;
    uniform_column<maillage::intensity> intensity;
    uniform_column<index_t> detail;
    std::vector<tie_detail> details;

    [[nodiscard]] index_t size() const noexcept { return static_cast<index_t>(source.size()); }
};

class network_builder;

class network {
public:
    /// An empty network.
    network() = default;

    [[nodiscard]] index_t actor_count() const noexcept { return actors_.size(); }
    [[nodiscard]] index_t tie_count() const noexcept { return ties_.size(); }
    [[nodiscard]] std::size_t meeting_count() const noexcept { return meetings_.size(); }

    [[nodiscard]] const actor_table& actors() const noexcept { return actors_; }
    [[nodiscard]] const tie_table& ties() const noexcept { return ties_; }
    [[nodiscard]] const std::vector<meeting>& meetings() const noexcept { return meetings_; }
    [[nodiscard]] const network_info& info() const noexcept { return info_; }
    /// The map's own vocabulary additions (the standard vocabulary is vocabulary::standard()).
    [[nodiscard]] const vocabulary& own_vocabulary() const noexcept { return own_vocabulary_; }
    /// The standard vocabulary extended by the map's own terms.
    [[nodiscard]] const vocabulary& terms() const noexcept { return terms_; }
    /// Fields of the map's root object that maillage does not know.
    [[nodiscard]] const json_object_text& extra() const noexcept { return extra_; }
    /// The adjacency: one arc per directed tie, two per undirected tie.
    [[nodiscard]] const csr_graph& graph() const noexcept { return *graph_; }
    /// The same adjacency, shared: it never changes once the network is built, so a measure graph
    /// whose arcs are the network's own keeps this pointer instead of a copy of the arrays.
    [[nodiscard]] const std::shared_ptr<const csr_graph>& shared_graph() const noexcept { return graph_; }

    /// The index of the actor `id`, or nothing.
    [[nodiscard]] std::optional<index_t> find_actor(std::string_view id) const {
        const index_t found = actor_index_.find(id);
        if (found == no_index) return std::nullopt;
        return found;
    }
    /// The index of the actor `id`. @throws unknown_id when the network has no such actor.
    [[nodiscard]] index_t actor_index(std::string_view id) const {
        if (auto found = find_actor(id)) return *found;
        throw unknown_id("unknown actor \"" + std::string(id) + "\"");
    }
    [[nodiscard]] const std::string& actor_id(index_t actor) const { return actors_.id.at(actor); }

    /// The index of the meeting `id`, or nothing.
    [[nodiscard]] std::optional<std::size_t> find_meeting(std::string_view id) const {
        for (std::size_t i = 0; i < meetings_.size(); ++i)
            if (meetings_[i].id == id) return i;
        return std::nullopt;
    }

    /// The full record of an actor, as a caller would build it.
    [[nodiscard]] actor actor_record(index_t i) const;
    /// The full record of a tie, with formality, layer and directed resolved.
    [[nodiscard]] tie tie_record(index_t i) const;

    /// Whether a tie is a person-to-person tie of the primary network.
    [[nodiscard]] bool is_primary(index_t tie) const { return ties_.layer[tie] == layer::primary; }

    /// Bytes held by the tables and the adjacency (strings counted by capacity).
    [[nodiscard]] std::size_t memory_bytes() const noexcept;

private:
    friend class network_builder;
    friend struct edge_list_builder;  // maillage/model/from_edges.hpp

    actor_table actors_;
    tie_table ties_;
    std::vector<meeting> meetings_;
    network_info info_;
    vocabulary own_vocabulary_;
    vocabulary terms_ = vocabulary::standard();
    json_object_text extra_;
    detail::id_index actor_index_;
    std::shared_ptr<const csr_graph> graph_ = std::make_shared<const csr_graph>();
};

inline actor network::actor_record(index_t i) const {
    const auto& t = actors_;
    actor a;
    a.id = t.id.at(i);
    a.kind = t.kind[i];
    a.label = t.label[i];
    a.role = t.role[i];
    a.organisation = t.organisation[i] == no_index ? std::string() : t.id[t.organisation[i]];
    a.profession = t.profession[i];
    a.sector = t.sector[i];
    a.status = t.status[i];
    a.territory = t.territory[i];
    a.service_area = t.service_area[i];
    a.domains = t.domains[i];
    a.needs = t.needs[i];
    a.member = t.member[i] != 0;
    a.potential = t.potential[i] != 0;
    a.attributes = t.attributes[i];
    a.extra = t.extra[i];
    return a;
}

inline tie network::tie_record(index_t i) const {
    const auto& t = ties_;
    tie r;
    r.source = actors_.id[t.source.at(i)];
    r.target = actors_.id[t.target[i]];
    r.relation = t.relation[i];
    r.formality = t.formality[i];
    r.layer = t.layer[i];
    r.directed = t.directed[i] != 0;
    r.weight = t.weight[i];
    r.valence = t.valence[i];
    r.intensity = t.intensity[i];
    if (t.detail[i] != no_index) {
        const tie_detail& d = t.details[t.detail[i]];
        r.id = d.id;
        r.about = d.about == no_index ? std::string() : actors_.id[d.about];
        r.consent = d.consent;
        r.convention = d.convention;
        r.trust = d.trust;
        r.value = d.value;
        r.resources = d.resources;
        r.since = d.since;
        r.last_activity = d.last_activity;
        r.attributes = d.attributes;
        r.extra = d.extra;
    }
    return r;
}

inline std::size_t network::memory_bytes() const noexcept {
    auto text = [](const std::string& s) -> std::size_t { return s.capacity() > 15 ? s.capacity() + 1 : 0; };
    auto strings = [&](const std::vector<std::string>& v) {
        std::size_t bytes = v.capacity() * sizeof(std::string);
        for (const auto& s : v) bytes += text(s);
        return bytes;
    };
    auto string_column = [&](const uniform_column<std::string>& c) {
        std::size_t bytes = c.capacity_bytes();
        c.for_each_stored([&](const std::string& s) { bytes += text(s); });
        return bytes;
    };
    auto list_column = [&](const uniform_column<std::vector<std::string>>& c) {
        std::size_t bytes = c.capacity_bytes();
        c.for_each_stored([&](const std::vector<std::string>& l) { bytes += strings(l); });
        return bytes;
    };
    const auto& a = actors_;
    std::size_t bytes = strings(a.id) + string_column(a.label) + string_column(a.profession) +
                        string_column(a.sector) + string_column(a.territory) + string_column(a.attributes) +
                        string_column(a.extra) + list_column(a.service_area) + list_column(a.domains) +
                        list_column(a.needs) + a.kind.capacity_bytes() + a.role.capacity_bytes() +
                        a.status.capacity_bytes() + a.organisation.capacity_bytes() + a.member.capacity_bytes() +
                        a.potential.capacity_bytes();
    const auto& t = ties_;
    bytes += sizeof(index_t) * (t.source.capacity() + t.target.capacity()) + t.relation.capacity_bytes() +
             t.formality.capacity_bytes() + t.layer.capacity_bytes() + t.directed.capacity_bytes() +
             t.weight.capacity_bytes() + t.valence.capacity_bytes() + t.intensity.capacity_bytes() +
             t.detail.capacity_bytes();
    bytes += t.details.capacity() * sizeof(tie_detail);
    bytes += graph_->memory_bytes();
    bytes += actor_index_.memory_bytes();
    return bytes;
}

/// Collects the records of a map, then checks them and freezes them into a network.
///
/// Each record may carry its place in the input (`ties[12]` in JSON, `ties.csv:14` in CSV) so that
/// the problems found by build() name it. build() checks every rule of docs/FORMAT.md that does not
/// depend on the format: unique ids, references to existing actors of the right kind, need domains
/// and sectors in the vocabulary, role only on persons, weights finite and positive, ratings in
/// [1, 4], valid dates, no self-ties.
class network_builder {
public:
    /// How problem places are written: JSON paths (`ties[3].target`), CSV lines
    /// (`ties.csv:4: column "target"`) or XML positions (`12:5: "target"`, the line and column of
    /// the element).
    enum class place_style { json, csv, xml };

    /// `file` names the input in problem messages.
    explicit network_builder(std::string file = {}, place_style style = place_style::json)
        : file_(std::move(file)), style_(style) {}

    /// Adds an actor; `place` is where the record sits in the input. Returns its index.
    index_t add_actor(actor a, std::string place = {});
    /// Adds a tie between two actors given by id; they may be added after the tie.
    index_t add_tie(tie t, std::string place = {});
    /// Adds a meeting; `decision_places` (optional) gives the place of each decision.
    void add_meeting(meeting m, std::string place = {}, std::vector<std::string> decision_places = {});
    void set_info(network_info info, std::string place = {});
    void set_vocabulary(vocabulary own, std::string place = {});
    void set_extra(json_object_text extra) { extra_ = std::move(extra); }

    /// Records a problem that a reader found, so that build() reports it with the others.
    void add_problem(std::string place, std::string message) {
        problems_.push_back({file_, std::move(place), std::move(message)});
    }
    /// The place of `field` within a record at `place`, in this builder's style.
    [[nodiscard]] std::string field_place(const std::string& place, std::string_view field) const;
    [[nodiscard]] const std::string& file() const noexcept { return file_; }
    [[nodiscard]] place_style style() const noexcept { return style_; }

    [[nodiscard]] std::size_t actor_count() const noexcept { return actors_.size(); }
    [[nodiscard]] std::size_t tie_count() const noexcept { return ties_.size(); }

    /// Every problem of the records (and those the reader added), in input order.
    [[nodiscard]] std::vector<problem> check() const;

    /// Checks the records and builds the network; the builder is left empty.
    /// @throws map_error listing every problem when there is any.
    [[nodiscard]] network build();

private:
    /// check(), also filling `endpoints` (when given) with the actor index of each tie's source
    /// and target, so that build() does not look the ids up twice.
    std::vector<problem> check(std::vector<index_t>* endpoints) const;
    void report(std::vector<problem>& out, const std::string& place, std::string_view field,
                std::string message) const;

    std::string file_;
    place_style style_;
    std::vector<actor> actors_;
    std::vector<std::string> actor_places_;
    /// A tie as the builder keeps it: the frequent fields inline and, when the tie has any of the
    /// rare ones, its whole record in `rare_ties_`; a map of millions of plain ties stays small
    /// until it is built.
    struct pending_tie {
        std::string source, target;
        maillage::relation relation;
        std::optional<maillage::formality> formality;
        std::optional<maillage::layer> layer;
        std::optional<bool> directed;
        double weight;
        maillage::valence valence;
        maillage::intensity intensity;
        index_t rare = no_index;
    };
    // Deques: a map read one tie at a time grows without copying its records or holding spare
    // capacity (a vector would need 1.5 to 3 times the records' size when it grows).
    std::deque<pending_tie> ties_;
    std::vector<tie> rare_ties_;
    std::deque<std::string> tie_places_;
    std::vector<meeting> meetings_;
    std::vector<std::string> meeting_places_;
    std::vector<std::vector<std::string>> decision_places_;
    network_info info_;
    std::string info_place_;
    vocabulary own_vocabulary_;
    std::string vocabulary_place_;
    json_object_text extra_;
    std::vector<problem> problems_;
};

}  // namespace maillage
