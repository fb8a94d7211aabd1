#pragma once
/// A finding of the gap analysis: a code that never changes meaning, a severity, the ids it is
/// about and the figures behind it. Findings carry no text: the message and the suggestion of
/// each code live in the message catalogues (bindings/python/maillage/data/messages/{fr,en,de}.json,
/// shipped in the Python package), whose `{name}` placeholders are filled
/// from `evidence` (and `{subjects}`).
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace maillage {

enum class severity : std::uint8_t { info, warning, critical };

[[nodiscard]] constexpr std::string_view to_string(severity s) noexcept {
    switch (s) {
        case severity::info: return "info";
        case severity::warning: return "warning";
        case severity::critical: return "critical";
    }
    return "info";
}

inline std::ostream& operator<<(std::ostream& out, severity s) { return out << to_string(s); }

/// One number, text or list of texts behind a finding.
using evidence_value = std::variant<double, std::string, std::vector<std::string>>;

struct finding {
    std::string code;
    maillage::severity severity = severity::info;
    /// The ids concerned: actors, both endpoints of a tie, or the meeting of a meeting or
    /// decision finding.
    std::vector<std::string> subjects;
    std::vector<std::pair<std::string, evidence_value>> evidence;

    finding& with(std::string key, evidence_value value) {
        evidence.emplace_back(std::move(key), std::move(value));
        return *this;
    }
    [[nodiscard]] const evidence_value* find(std::string_view key) const {
        for (const auto& [k, v] : evidence)
            if (k == key) return &v;
        return nullptr;
    }
};

/// Every gap code, in the order reports list them (DESIGN section 4).
inline constexpr std::string_view gap_codes[] = {
    "uncovered_need", "single_provider", "fragmented_care_team", "missing_link", "unformalised_partnership",
    "paper_partnership", "missing_consent", "isolated_actor", "single_point_of_failure", "over_centralised",
    "excluded_competent_service", "no_primary_support", "conflictual_tie", "same_facilitator_and_minute_taker",
    "user_absent", "decision_without_owner", "decision_without_deadline", "overdue_decision", "minutes_not_sent",
    "meeting_overload", "plan_information_missing"};

}  // namespace maillage
