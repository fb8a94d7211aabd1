#pragma once
// Small maps shared by the C++ tests.
#include <filesystem>
#include <string>

#include "maillage/maillage.hpp"

namespace fixtures {

inline const std::filesystem::path source_dir = MAILLAGE_SOURCE_DIR;

/// A user with a brother and a friend (primary), a nurse of the CMS, the CMS and a social service
/// tied by a partnership, and a referral (directed) from the social service to the CMS.
inline const char* small_map = R"({
  "maillage": 1,
  "network": {"name": "Réseau test", "coordination": {"coordinators": ["cms"], "how": "séances mensuelles"}},
  "actors": [
    {"id": "usr", "kind": "person", "role": "user", "label": "M. D.", "needs": ["housing", "health"]},
    {"id": "bro", "kind": "person", "role": "family", "label": "Frère"},
    {"id": "fri", "kind": "person", "role": "friend"},
    {"id": "cms", "kind": "organisation", "label": "Centre médico-social", "sector": "health",
     "status": "public", "territory": "Tavannes", "domains": ["health", "elderly_care"], "member": true},
    {"id": "inf", "kind": "professional", "label": "E. F.", "organisation": "cms", "profession": "infirmière"},
    {"id": "ss", "kind": "organisation", "label": "Service social", "sector": "social", "domains": ["housing"],
     "member": false, "potential": true}
  ],
  "ties": [
    {"source": "usr", "target": "bro", "relation": "family", "valence": "supportive"},
    {"source": "usr", "target": "fri", "relation": "friendship", "weight": 2.5},
    {"source": "usr", "target": "inf", "relation": "accompaniment", "formality": "formal"},
    {"source": "inf", "target": "cms", "relation": "membership"},
    {"source": "cms", "target": "ss", "relation": "partnership",
     "convention": {"signed": true, "tasks": ["visites"], "means": "0.2 EPT"}},
    {"source": "ss", "target": "cms", "relation": "referral", "about": "usr"},
    {"source": "cms", "target": "ss", "relation": "information", "about": "usr", "consent": false}
  ]
})";

inline maillage::network small() { return maillage::read_json_string(small_map, "small.maillage.json"); }

/// The problems of reading `text`, or none.
inline std::vector<maillage::problem> problems_of(const std::string& text) {
    try {
        (void)maillage::read_json_string(text, "bad.json");
    } catch (const maillage::map_error& e) {
        return e.problems();
    }
    return {};
}

/// A map with the given actors and ties arrays (JSON text).
inline std::string map_of(const std::string& actors, const std::string& ties, const std::string& rest = "") {
    return R"({"maillage": 1, "actors": )" + actors + R"(, "ties": )" + ties + rest + "}";
}

/// A fresh empty temporary folder.
inline std::filesystem::path temp_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / ("maillage-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace fixtures

namespace fixtures {

/// Whether two networks hold the same map, record by record.
inline bool same_map(const maillage::network& a, const maillage::network& b) {
    if (a.actor_count() != b.actor_count() || a.tie_count() != b.tie_count()) return false;
    for (maillage::index_t i = 0; i < a.actor_count(); ++i)
        if (!(a.actor_record(i) == b.actor_record(i))) return false;
    for (maillage::index_t i = 0; i < a.tie_count(); ++i)
        if (!(a.tie_record(i) == b.tie_record(i))) return false;
    return a.meetings() == b.meetings() && a.info() == b.info() && a.own_vocabulary() == b.own_vocabulary() &&
           a.extra() == b.extra();
}

inline const char* example_names[] = {"reseau_regional", "ecocarte_usager", "suivi_entretiens"};

inline std::filesystem::path example(const std::string& name) {
    return source_dir / "examples" / (name + ".maillage.json");
}

}  // namespace fixtures
