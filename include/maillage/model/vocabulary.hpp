#pragma once
/// The closed vocabularies of a map (actor kinds, roles, relations, ...), their names in the
/// formats, and the open vocabularies of need domains and sectors with their fr/en/de labels.
/// Definitions: ../shared/DESIGN.md section 3; format: docs/FORMAT.md.
#include <array>
#include <cstdint>
#include <map>
#include <ostream>
#include <optional>
#include <string>
#include <string_view>

namespace maillage {

enum class actor_kind : std::uint8_t { person, professional, organisation, network };
enum class person_role : std::uint8_t { none, user, family, friend_, neighbour, colleague, other };
enum class actor_status : std::uint8_t { none, public_, associative, private_, informal };
enum class relation : std::uint8_t {
    family, friendship, neighbourhood, work, partnership, coordination, referral, information,
    funding, accompaniment, supervision, membership, other
};
enum class formality : std::uint8_t { formal, informal };
enum class layer : std::uint8_t { primary, secondary };
enum class valence : std::uint8_t { none, supportive, conflictual, ambivalent };
/// The collaboration scale; integration means a contract or convention and pooled means.
enum class intensity : std::uint8_t { none, awareness, cooperation, coordination, integration };
enum class decision_status : std::uint8_t { open, in_progress, done, cancelled };
enum class financing_kind : std::uint8_t { none, direct, indirect };

/// The names of an enumeration in the formats, in the order of its enumerators. An enumerator
/// `none` (meaning: absent) has the empty name and is never parsed from text.
template <class Enum> struct enum_names;

#define MAILLAGE_ENUM_NAMES(Enum, ...)                                                     \
    template <> struct enum_names<Enum> {                                                  \
        static constexpr auto names = std::to_array<std::string_view>({__VA_ARGS__});      \
        static constexpr std::string_view type_name = #Enum;                               \
    };
MAILLAGE_ENUM_NAMES(actor_kind, "person", "professional", "organisation", "network")
MAILLAGE_ENUM_NAMES(person_role, "", "user", "family", "friend", "neighbour", "colleague", "other")
MAILLAGE_ENUM_NAMES(actor_status, "", "public", "associative", "private", "informal")
MAILLAGE_ENUM_NAMES(relation, "family", "friendship", "neighbourhood", "work", "partnership",
                    "coordination", "referral", "information", "funding", "accompaniment",
                    "supervision", "membership", "other")
MAILLAGE_ENUM_NAMES(formality, "formal", "informal")
MAILLAGE_ENUM_NAMES(layer, "primary", "secondary")
MAILLAGE_ENUM_NAMES(valence, "", "supportive", "conflictual", "ambivalent")
MAILLAGE_ENUM_NAMES(intensity, "", "awareness", "cooperation", "coordination", "integration")
MAILLAGE_ENUM_NAMES(decision_status, "open", "in_progress", "done", "cancelled")
MAILLAGE_ENUM_NAMES(financing_kind, "", "direct", "indirect")
#undef MAILLAGE_ENUM_NAMES

template <class Enum>
[[nodiscard]] constexpr std::string_view to_string(Enum value) noexcept {
    return enum_names<Enum>::names[static_cast<std::size_t>(value)];
}

/// The enumerator named `text`, or nothing. The empty name of `none` is never matched.
template <class Enum>
[[nodiscard]] constexpr std::optional<Enum> parse_enum(std::string_view text) noexcept {
    if (text.empty()) return std::nullopt;
    const auto& names = enum_names<Enum>::names;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == text) return static_cast<Enum>(i);
    return std::nullopt;
}

/// Writes the name of an enumerator (nothing for `none`).
template <class Enum>
    requires requires { enum_names<Enum>::names; }
std::ostream& operator<<(std::ostream& out, Enum value) {
    return out << to_string(value);
}

/// "a, b, c": the names an error message lists as the allowed values.
template <class Enum>
[[nodiscard]] std::string allowed_names() {
    std::string text;
    for (auto name : enum_names<Enum>::names) {
        if (name.empty()) continue;
        if (!text.empty()) text += ", ";
        text += name;
    }
    return text;
}

/// The layer of a tie that does not state one: a tie between two persons is primary, any other
/// is secondary (DESIGN section 3).
[[nodiscard]] constexpr layer derived_layer(actor_kind source, actor_kind target) noexcept {
    return source == actor_kind::person && target == actor_kind::person ? layer::primary
                                                                         : layer::secondary;
}

/// Whether a tie of this relation is directed when the map does not say: referral, funding,
/// supervision and information are, the others are not (DESIGN section 3).
[[nodiscard]] constexpr bool default_directed(relation r) noexcept {
    return r == relation::referral || r == relation::funding || r == relation::supervision ||
           r == relation::information;
}

/// The formality of a tie that does not state one: informal between two persons, formal
/// otherwise (docs/FORMAT.md).
[[nodiscard]] constexpr formality default_formality(actor_kind source, actor_kind target) noexcept {
    return derived_layer(source, target) == layer::primary ? formality::informal : formality::formal;
}

/// The labels of a vocabulary term in the three languages of the catalogues.
struct term_labels {
    std::string fr, en, de;
    friend bool operator==(const term_labels&, const term_labels&) = default;
};

/// Need domains and sectors: the defaults shipped with maillage, extended by a map. Keys are the
/// ids used in maps; iteration is in id order.
class vocabulary {
public:
    /// The default vocabulary: 18 need domains and 13 sectors.
    static const vocabulary& standard();

    [[nodiscard]] bool has_domain(std::string_view id) const { return domains_.contains(std::string(id)); }
    [[nodiscard]] bool has_sector(std::string_view id) const { return sectors_.contains(std::string(id)); }
    [[nodiscard]] const std::map<std::string, term_labels>& domains() const noexcept { return domains_; }
    [[nodiscard]] const std::map<std::string, term_labels>& sectors() const noexcept { return sectors_; }

    /// The label of a domain or sector in `lang` ("fr", "en" or "de"); the id itself when unknown.
    [[nodiscard]] std::string domain_label(std::string_view id, std::string_view lang) const {
        return label_of(domains_, id, lang);
    }
    [[nodiscard]] std::string sector_label(std::string_view id, std::string_view lang) const {
        return label_of(sectors_, id, lang);
    }

    void add_domain(std::string id, term_labels labels) { domains_.insert_or_assign(std::move(id), std::move(labels)); }
    void add_sector(std::string id, term_labels labels) { sectors_.insert_or_assign(std::move(id), std::move(labels)); }

    friend bool operator==(const vocabulary&, const vocabulary&) = default;

private:
    static std::string label_of(const std::map<std::string, term_labels>& terms, std::string_view id,
                                std::string_view lang) {
        auto found = terms.find(std::string(id));
        if (found == terms.end()) return std::string(id);
        const auto& labels = found->second;
        const std::string& text = lang == "de" ? labels.de : lang == "en" ? labels.en : labels.fr;
        return text.empty() ? std::string(id) : text;
    }
    std::map<std::string, term_labels> domains_;
    std::map<std::string, term_labels> sectors_;
};

inline const vocabulary& vocabulary::standard() {
    static const vocabulary instance = [] {
        vocabulary v;
        v.add_domain("housing", {"logement", "housing", "Wohnen"});
        v.add_domain("health", {"santé", "health", "Gesundheit"});
        v.add_domain("mental_health", {"santé mentale", "mental health", "psychische Gesundheit"});
        v.add_domain("addiction", {"addictions", "addiction", "Sucht"});
        v.add_domain("employment", {"emploi", "employment", "Arbeit"});
        v.add_domain("training", {"formation", "training", "Ausbildung"});
        v.add_domain("income", {"revenu", "income", "Einkommen"});
        v.add_domain("debt", {"dettes", "debt", "Schulden"});
        v.add_domain("legal", {"droit et justice", "legal matters", "Recht"});
        v.add_domain("family", {"famille", "family", "Familie"});
        v.add_domain("child_protection", {"protection de l'enfance", "child protection", "Kindesschutz"});
        v.add_domain("disability", {"handicap", "disability", "Behinderung"});
        v.add_domain("elderly_care", {"soins aux personnes âgées", "elderly care", "Altersbetreuung"});
        v.add_domain("migration", {"migration", "migration", "Migration"});
        v.add_domain("social_ties", {"liens sociaux", "social ties", "soziale Beziehungen"});
        v.add_domain("mobility", {"mobilité", "mobility", "Mobilität"});
        v.add_domain("food", {"alimentation", "food", "Ernährung"});
        v.add_domain("administration", {"démarches administratives", "administration", "Administratives"});
        v.add_sector("social", {"social", "social", "Soziales"});
        v.add_sector("health", {"santé", "health", "Gesundheit"});
        v.add_sector("mental_health", {"santé mentale", "mental health", "Psychiatrie"});
        v.add_sector("justice", {"justice", "justice", "Justiz"});
        v.add_sector("education", {"éducation", "education", "Bildung"});
        v.add_sector("housing", {"logement", "housing", "Wohnen"});
        v.add_sector("employment", {"emploi", "employment", "Arbeit"});
        v.add_sector("youth", {"jeunesse", "youth", "Jugend"});
        v.add_sector("disability", {"handicap", "disability", "Behinderung"});
        v.add_sector("elderly", {"personnes âgées", "elderly", "Alter"});
        v.add_sector("migration", {"migration", "migration", "Migration"});
        v.add_sector("culture", {"culture", "culture", "Kultur"});
        v.add_sector("other", {"autre", "other", "andere"});
        return v;
    }();
    return instance;
}

}  // namespace maillage
