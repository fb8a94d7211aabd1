#pragma once
/// ISO 8601 calendar dates as maps write them: YYYY-MM-DD, or YYYY-MM / YYYY where only that is known.
#include <string_view>

namespace maillage {

enum class date_precision { day, month, year };

/// Whether `text` is a valid date of at least `coarsest` precision (month 1-12, day valid for the
/// month, leap years by the Gregorian rule).
[[nodiscard]] constexpr bool is_valid_date(std::string_view text, date_precision coarsest = date_precision::year) noexcept {
    auto digits = [&](std::size_t from, std::size_t count, int& value) {
        value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return false;
            value = value * 10 + (text[i] - '0');
        }
        return true;
    };
    int year = 0, month = 0, day = 0;
    if (text.size() == 4) return coarsest == date_precision::year && digits(0, 4, year);
    if (text.size() == 7)
        return coarsest != date_precision::day && digits(0, 4, year) && text[4] == '-' &&
               digits(5, 2, month) && month >= 1 && month <= 12;
    if (text.size() != 10 || !digits(0, 4, year) || text[4] != '-' || !digits(5, 2, month) ||
        text[7] != '-' || !digits(8, 2, day) || month < 1 || month > 12 || day < 1)
        return false;
    constexpr int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= month_days[month - 1] + (month == 2 && leap ? 1 : 0);
}

}  // namespace maillage
