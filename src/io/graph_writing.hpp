#pragma once
// What the GraphML and GEXF writers share: the fields of every record, and the keys they use in
// order of first use.
#include <string>
#include <vector>

#include "graph_fields.hpp"

namespace maillage::detail {

struct graph_key {
    std::string name;
    field_type type;
};

struct graph_records {
    std::vector<std::vector<field_value>> actors, ties;
    std::vector<graph_key> actor_keys, tie_keys;
    bool any_directed = false, mixed = false;
};

inline void note_keys(std::vector<graph_key>& keys, const std::vector<field_value>& fields) {
    for (const auto& f : fields) {
        bool found = false;
        for (const auto& k : keys)
            if (k.name == f.name) found = true;
        if (!found) keys.push_back({f.name, f.type});
    }
}

/// The records of `net` as fields; `xml_label` and `xml_weight` leave the label of actors and
/// the weight of ties to XML attributes (GEXF).
inline graph_records graph_records_of(const network& net, bool xml_label, bool xml_weight) {
    graph_records r;
    bool any_undirected = false;
    for (index_t i = 0; i < net.tie_count(); ++i) {
        if (net.ties().directed[i]) r.any_directed = true;
        else any_undirected = true;
    }
    r.mixed = r.any_directed && any_undirected;
    const attribute_plan actor_plan = plan_actor_attributes(net);
    const attribute_plan tie_plan = plan_tie_attributes(net);
    r.actors.reserve(net.actor_count());
    for (index_t i = 0; i < net.actor_count(); ++i) {
        r.actors.push_back(actor_fields(net.actor_record(i), actor_plan, !xml_label));
        note_keys(r.actor_keys, r.actors.back());
    }
    r.ties.reserve(net.tie_count());
    for (index_t i = 0; i < net.tie_count(); ++i) {
        const tie t = net.tie_record(i);
        r.ties.push_back(tie_fields(t, tie_plan, !xml_weight, r.mixed, digits_only(t.id)));
        note_keys(r.tie_keys, r.ties.back());
    }
    return r;
}

}  // namespace maillage::detail
