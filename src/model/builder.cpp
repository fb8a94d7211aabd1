// Checks the records of a map and freezes them into a network (see network.hpp).
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "maillage/detail/id_index.hpp"
#include "maillage/model/dates.hpp"
#include "maillage/model/network.hpp"

namespace maillage {

namespace {

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

}  // namespace

std::string network_builder::field_place(const std::string& place, std::string_view field) const {
    if (field.empty()) return place;
    if (style_ == place_style::csv || style_ == place_style::xml) return place;
    if (place.empty()) return std::string(field);
    return field.front() == '[' ? place + std::string(field) : place + "." + std::string(field);
}

void network_builder::report(std::vector<problem>& out, const std::string& place, std::string_view field,
                             std::string message) const {
    if (style_ == place_style::csv && !field.empty()) {
        std::string column(field);
        if (auto bracket = column.find('['); bracket != std::string::npos) column.resize(bracket);
        message = "column " + in_quotes(column) + ": " + message;
    } else if (style_ == place_style::xml && !field.empty()) {
        message = in_quotes(field) + ": " + message;
    }
    out.push_back({file_, field_place(place, field), std::move(message)});
}

index_t network_builder::add_actor(actor a, std::string place) {
    actors_.push_back(std::move(a));
    actor_places_.push_back(std::move(place));
    return static_cast<index_t>(actors_.size() - 1);
}

index_t network_builder::add_tie(tie t, std::string place) {
    const bool rare = !t.id.empty() || !t.about.empty() || t.consent || t.convention || !t.trust.empty() ||
                      !t.value.empty() || !t.resources.empty() || !t.since.empty() || !t.last_activity.empty() ||
                      !t.attributes.empty() || !t.extra.empty();
    ties_.push_back({std::move(t.source), std::move(t.target), t.relation, t.formality, t.layer, t.directed, t.weight,
                     t.valence, t.intensity, rare ? static_cast<index_t>(rare_ties_.size()) : no_index});
    if (rare) rare_ties_.push_back(std::move(t));
    tie_places_.push_back(std::move(place));
    return static_cast<index_t>(ties_.size() - 1);
}

void network_builder::add_meeting(meeting m, std::string place, std::vector<std::string> decision_places) {
    decision_places.resize(m.decisions.size());
    for (std::size_t i = 0; i < m.decisions.size(); ++i)
        if (decision_places[i].empty())
            decision_places[i] = field_place(place, "decisions[" + std::to_string(i) + "]");
    meetings_.push_back(std::move(m));
    meeting_places_.push_back(std::move(place));
    decision_places_.push_back(std::move(decision_places));
}

void network_builder::set_info(network_info info, std::string place) {
    info_ = std::move(info);
    info_place_ = std::move(place);
}

void network_builder::set_vocabulary(vocabulary own, std::string place) {
    own_vocabulary_ = std::move(own);
    vocabulary_place_ = std::move(place);
}

std::vector<problem> network_builder::check() const { return check(nullptr); }

std::vector<problem> network_builder::check(std::vector<index_t>* endpoints) const {
    std::vector<problem> out = problems_;
    vocabulary terms = vocabulary::standard();
    for (const auto& [id, labels] : own_vocabulary_.domains()) terms.add_domain(id, labels);
    for (const auto& [id, labels] : own_vocabulary_.sectors()) terms.add_sector(id, labels);

    detail::id_index first_actor;
    first_actor.reserve(actors_.size());
    for (std::size_t i = 0; i < actors_.size(); ++i) {
        const actor& a = actors_[i];
        const std::string& at = actor_places_[i];
        if (a.id.empty()) {
            report(out, at, "id", "is empty");
            continue;
        }
        if (const index_t first = first_actor.insert(a.id, static_cast<index_t>(i)); first != i)
            report(out, at, "id", "duplicate actor id " + in_quotes(a.id) + " (first at " + actor_places_[first] + ")");
    }
    auto find_actor = [&](const std::string& id) -> const actor* {
        const index_t found = first_actor.find(id);
        return found == no_index ? nullptr : &actors_[found];
    };
    auto check_ref = [&](const std::string& place, std::string_view field, const std::string& id) -> const actor* {
        if (id.empty()) {
            report(out, place, field, "is empty");
            return nullptr;
        }
        const actor* found = find_actor(id);
        if (!found) report(out, place, field, "unknown actor " + in_quotes(id));
        return found;
    };
    auto check_user = [&](const std::string& place, std::string_view field, const std::string& id) {
        if (id.empty()) return;
        if (const actor* a = check_ref(place, field, id); a && a->role != person_role::user)
            report(out, place, field, in_quotes(id) + " is not a user (a person with role \"user\")");
    };
    auto check_terms = [&](const std::string& place, std::string_view field, const std::vector<std::string>& ids,
                           bool domains) {
        for (std::size_t k = 0; k < ids.size(); ++k) {
            const bool known = domains ? terms.has_domain(ids[k]) : terms.has_sector(ids[k]);
            if (known) continue;
            std::string allowed;
            for (const auto& [id, labels] : domains ? terms.domains() : terms.sectors())
                allowed += (allowed.empty() ? "" : ", ") + id;
            report(out, place, std::string(field) + "[" + std::to_string(k) + "]",
                   std::string("unknown ") + (domains ? "need domain " : "sector ") + in_quotes(ids[k]) +
                       "; allowed: " + allowed + " (a map may add its own in \"vocabulary\")");
        }
    };
    auto check_date = [&](const std::string& place, std::string_view field, const std::string& text,
                          date_precision coarsest) {
        if (!text.empty() && !is_valid_date(text, coarsest))
            report(out, place, field,
                   "malformed date " + in_quotes(text) +
                       (coarsest == date_precision::day ? "; expected YYYY-MM-DD"
                                                        : "; expected YYYY-MM-DD, YYYY-MM or YYYY"));
    };
    auto check_rating = [&](const std::string& place, std::string_view field, const std::optional<double>& r) {
        if (r && !(*r >= 1.0 && *r <= 4.0))
            report(out, place, field, "rating " + std::to_string(*r) + " is outside [1, 4]");
    };

    for (std::size_t i = 0; i < actors_.size(); ++i) {
        const actor& a = actors_[i];
        const std::string& at = actor_places_[i];
        if (a.role != person_role::none && a.kind != actor_kind::person)
            report(out, at, "role", "a role is only for persons; this actor is a " + std::string(to_string(a.kind)));
        if (!a.needs.empty() && a.kind != actor_kind::person)
            report(out, at, "needs", "needs are only for persons; this actor is a " + std::string(to_string(a.kind)));
        if (!a.organisation.empty()) {
            if (const actor* org = check_ref(at, "organisation", a.organisation);
                org && org->kind != actor_kind::organisation)
                report(out, at, "organisation", in_quotes(a.organisation) + " is a " +
                                                    std::string(to_string(org->kind)) + ", not an organisation");
        }
        if (!a.sector.empty()) check_terms(at, "sector", {a.sector}, false);
        check_terms(at, "domains", a.domains, true);
        check_terms(at, "needs", a.needs, true);
    }

    std::unordered_map<std::string_view, std::size_t> first_tie;
    for (std::size_t i = 0; i < ties_.size(); ++i) {
        const pending_tie& p = ties_[i];
        const std::string& at = tie_places_[i];
        if (p.rare != no_index) {
            const tie& t = rare_ties_[p.rare];
            if (!t.id.empty()) {
                auto [it, inserted] = first_tie.emplace(t.id, i);
                if (!inserted)
                    report(out, at, "id", "duplicate tie id " + in_quotes(t.id) + " (first at " + tie_places_[it->second] + ")");
            }
        }
        const actor* source = check_ref(at, "source", p.source);
        const actor* target = check_ref(at, "target", p.target);
        if (endpoints) {
            endpoints->push_back(source ? static_cast<index_t>(source - actors_.data()) : no_index);
            endpoints->push_back(target ? static_cast<index_t>(target - actors_.data()) : no_index);
        }
        if (!p.source.empty() && p.source == p.target)
            report(out, at, "target", "a tie from " + in_quotes(p.source) + " to itself");
        if (!std::isfinite(p.weight) || p.weight <= 0)
            report(out, at, "weight", "must be a finite number > 0, got " + std::to_string(p.weight));
        if (p.rare == no_index) continue;
        const tie& t = rare_ties_[p.rare];
        check_user(at, "about", t.about);
        check_rating(at, "trust.reliability", t.trust.reliability);
        check_rating(at, "trust.shared_mission", t.trust.shared_mission);
        check_rating(at, "trust.openness", t.trust.openness);
        check_rating(at, "value.influence", t.value.influence);
        check_rating(at, "value.resources", t.value.resources);
        check_rating(at, "value.involvement", t.value.involvement);
        check_date(at, "since", t.since, date_precision::year);
        check_date(at, "last_activity", t.last_activity, date_precision::year);
    }

    std::unordered_map<std::string_view, std::size_t> first_meeting;
    for (std::size_t i = 0; i < meetings_.size(); ++i) {
        const meeting& m = meetings_[i];
        const std::string& at = meeting_places_[i];
        if (m.id.empty()) {
            report(out, at, "id", "is empty");
        } else if (auto [it, inserted] = first_meeting.emplace(m.id, i); !inserted) {
            report(out, at, "id", "duplicate meeting id " + in_quotes(m.id) + " (first at " + meeting_places_[it->second] + ")");
        }
        check_date(at, "date", m.date, date_precision::day);
        check_user(at, "about", m.about);
        if (!m.facilitator.empty()) check_ref(at, "facilitator", m.facilitator);
        if (!m.minute_taker.empty()) check_ref(at, "minute_taker", m.minute_taker);
        for (std::size_t k = 0; k < m.participants.size(); ++k)
            check_ref(at, "participants[" + std::to_string(k) + "]", m.participants[k]);
        for (std::size_t k = 0; k < m.minutes_sent_to.size(); ++k)
            check_ref(at, "minutes_sent_to[" + std::to_string(k) + "]", m.minutes_sent_to[k]);
        for (std::size_t k = 0; k < m.decisions.size(); ++k) {
            const decision& d = m.decisions[k];
            const std::string& dat = decision_places_[i][k];
            if (!d.who.empty()) check_ref(dat, "who", d.who);
            check_date(dat, "due", d.due, date_precision::day);
        }
    }

    for (std::size_t k = 0; k < info_.coordinators.size(); ++k)
        check_ref(info_place_, "coordination.coordinators[" + std::to_string(k) + "]", info_.coordinators[k]);
    check_terms(info_place_, "domains", info_.domains, true);
    for (const auto& [id, labels] : own_vocabulary_.domains())
        if (id.empty()) report(out, vocabulary_place_, "domains", "a domain id is empty");
    for (const auto& [id, labels] : own_vocabulary_.sectors())
        if (id.empty()) report(out, vocabulary_place_, "sectors", "a sector id is empty");
    return out;
}

network network_builder::build() {
    std::vector<index_t> endpoints;
    endpoints.reserve(2 * ties_.size());
    if (auto problems = check(&endpoints); !problems.empty()) throw map_error(std::move(problems));
    actor_places_ = {};  // only problems need the places
    tie_places_ = {};

    network net;
    net.own_vocabulary_ = std::move(own_vocabulary_);
    for (const auto& [id, labels] : net.own_vocabulary_.domains()) net.terms_.add_domain(id, labels);
    for (const auto& [id, labels] : net.own_vocabulary_.sectors()) net.terms_.add_sector(id, labels);

    const std::size_t n = actors_.size();
    auto& a = net.actors_;
    a.id.reserve(n); a.label.reserve(n); a.profession.reserve(n); a.sector.reserve(n);
    a.territory.reserve(n); a.kind.reserve(n); a.role.reserve(n); a.status.reserve(n);
    a.organisation.reserve(n); a.service_area.reserve(n); a.domains.reserve(n); a.needs.reserve(n);
    a.member.reserve(n); a.potential.reserve(n); a.attributes.reserve(n); a.extra.reserve(n);
    net.actor_index_.reserve(n);
    for (std::size_t i = 0; i < n; ++i) net.actor_index_.insert(actors_[i].id, static_cast<index_t>(i));
    auto index_of = [&](const std::string& id) { return id.empty() ? no_index : net.actor_index_.find(id); };
    for (auto& r : actors_) {
        a.organisation.push_back(index_of(r.organisation));
        a.id.push_back(std::move(r.id));
        a.label.push_back(std::move(r.label));
        a.profession.push_back(std::move(r.profession));
        a.sector.push_back(std::move(r.sector));
        a.territory.push_back(std::move(r.territory));
        a.kind.push_back(r.kind);
        a.role.push_back(r.role);
        a.status.push_back(r.status);
        a.service_area.push_back(std::move(r.service_area));
        a.domains.push_back(std::move(r.domains));
        a.needs.push_back(std::move(r.needs));
        a.member.push_back(r.member ? 1 : 0);
        a.potential.push_back(r.potential ? 1 : 0);
        a.attributes.push_back(std::move(r.attributes));
        a.extra.push_back(std::move(r.extra));
    }
    actors_ = {};
    actor_places_ = {};

    const std::size_t m = ties_.size();
    auto& t = net.ties_;
    t.source.reserve(m); t.target.reserve(m); t.relation.reserve(m); t.formality.reserve(m);
    t.layer.reserve(m); t.directed.reserve(m); t.weight.reserve(m); t.valence.reserve(m);
    t.intensity.reserve(m); t.detail.reserve(m);
    std::vector<arc> arcs;
    arcs.reserve(2 * m);
    for (; !ties_.empty(); ties_.pop_front()) {
        pending_tie& p = ties_.front();
        const index_t tie_index = static_cast<index_t>(t.source.size());
        const index_t s = endpoints[2 * std::size_t(tie_index)], d = endpoints[2 * std::size_t(tie_index) + 1];
        const bool directed = p.directed.value_or(default_directed(p.relation));
        t.source.push_back(s);
        t.target.push_back(d);
        t.relation.push_back(p.relation);
        t.formality.push_back(p.formality.value_or(default_formality(a.kind[s], a.kind[d])));
        t.layer.push_back(p.layer.value_or(derived_layer(a.kind[s], a.kind[d])));
        t.directed.push_back(directed ? 1 : 0);
        t.weight.push_back(p.weight);
        t.valence.push_back(p.valence);
        t.intensity.push_back(p.intensity);
        if (p.rare != no_index) {
            tie& r = rare_ties_[p.rare];
            t.detail.push_back(static_cast<index_t>(t.details.size()));
            t.details.push_back({std::move(r.id), index_of(r.about), r.consent, std::move(r.convention), r.trust,
                                 r.value, std::move(r.resources), std::move(r.since), std::move(r.last_activity),
                                 std::move(r.attributes), std::move(r.extra)});
        } else {
            t.detail.push_back(no_index);
        }
        arcs.push_back({s, d, tie_index});
        if (!directed) arcs.push_back({d, s, tie_index});
    }
    ties_ = {};
    rare_ties_ = {};
    tie_places_ = {};
    net.graph_ = std::make_shared<const csr_graph>(static_cast<index_t>(n), arcs);
    net.meetings_ = std::move(meetings_);
    net.info_ = std::move(info_);
    net.extra_ = std::move(extra_);
    meetings_.clear();
    actor_places_.clear();
    tie_places_.clear();
    meeting_places_.clear();
    decision_places_.clear();
    problems_.clear();
    return net;
}

}  // namespace maillage
