#pragma once
// ISO 8601 calendar dates as maps write them: YYYY-MM-DD, or a coarser YYYY-MM or YYYY.
#include <chrono>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>

namespace maillage::detail {

/// Days since 1970-01-01 of a date; a coarser date stands for its first day (`end` = false) or its
/// last day (`end` = true). Empty or malformed: nullopt.
inline std::optional<long> parse_iso_date(std::string_view text, bool end = false) {
    auto number = [&](std::size_t from, std::size_t length) -> std::optional<int> {
        if (from + length > text.size()) return std::nullopt;
        int value = 0;
        const char* first = text.data() + from;
        auto [ptr, ec] = std::from_chars(first, first + length, value);
        if (ec != std::errc() || ptr != first + length) return std::nullopt;
        return value;
    };
    using namespace std::chrono;
    if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
    const auto y = number(0, 4);
    if (!y) return std::nullopt;
    unsigned m = end ? 12 : 1;
    if (text.size() >= 7) {
        const auto mm = number(5, 2);
        if (text[4] != '-' || !mm) return std::nullopt;
        m = static_cast<unsigned>(*mm);
    }
    year_month_day date{year{*y}, month{m}, day{1}};
    if (text.size() == 10) {
        const auto dd = number(8, 2);
        if (text[7] != '-' || !dd) return std::nullopt;
        date = year_month_day{year{*y}, month{m}, day{static_cast<unsigned>(*dd)}};
    } else if (end) {
        date = year_month_day{year_month_day_last{year{*y}, month_day_last{month{m}}}};
    }
    if (!date.ok()) return std::nullopt;
    return static_cast<long>(sys_days{date}.time_since_epoch().count());
}

inline std::string format_iso_date(long days) {
    using namespace std::chrono;
    const year_month_day date{sys_days{std::chrono::days{days}}};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                  static_cast<unsigned>(date.day()));
    return buffer;
}

}  // namespace maillage::detail
