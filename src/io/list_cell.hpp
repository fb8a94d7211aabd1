#pragma once
// List cells of the CSV format: items separated by '|', an item's own '|' and '\' escaped with a
// backslash ("a\|b" is one item "a|b"), blanks around items trimmed (so not kept), empty items
// dropped.
#include <string>
#include <string_view>
#include <vector>

namespace maillage::detail {

inline std::vector<std::string> split_list_cell(std::string_view cell) {
    std::vector<std::string> items;
    std::string item;
    auto finish = [&] {
        std::size_t begin = 0, end = item.size();
        while (begin < end && (item[begin] == ' ' || item[begin] == '\t')) ++begin;
        while (end > begin && (item[end - 1] == ' ' || item[end - 1] == '\t' || item[end - 1] == '\r')) --end;
        if (end > begin) items.emplace_back(item.substr(begin, end - begin));
        item.clear();
    };
    for (std::size_t i = 0; i < cell.size(); ++i) {
        const char c = cell[i];
        if (c == '\\' && i + 1 < cell.size() && (cell[i + 1] == '|' || cell[i + 1] == '\\')) {
            item += cell[++i];
        } else if (c == '|') {
            finish();
        } else {
            item += c;
        }
    }
    finish();
    return items;
}

inline std::string join_list_cell(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t k = 0; k < items.size(); ++k) {
        if (k > 0) out += '|';
        for (char c : items[k]) {
            if (c == '|' || c == '\\') out += '\\';
            out += c;
        }
    }
    return out;
}

}  // namespace maillage::detail
