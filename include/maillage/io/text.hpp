#pragma once
/// Reading whole text files, and turning a byte offset into a line and column for messages.
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "maillage/error.hpp"

namespace maillage {

/// The whole content of a file. @throws io_error naming the file and the reason.
inline std::string read_text_file(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw io_error(path.string() + ": is a folder, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw io_error(path.string() + ": cannot open: " + std::strerror(errno));
    std::string text;
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    if (size > 0) {
        text.resize(static_cast<std::size_t>(size));
        in.seekg(0);
        in.read(text.data(), size);
        if (in.bad()) throw io_error(path.string() + ": cannot read: " + std::strerror(errno));
        text.resize(static_cast<std::size_t>(in.gcount()));
    }
    return text;
}

struct text_position {
    std::size_t line = 1;    ///< from 1
    std::size_t column = 1;  ///< from 1, in characters (UTF-8 code points), not bytes
};

/// The line and column of byte `offset` in `text`.
inline text_position line_column(std::string_view text, std::size_t offset) {
    text_position pos;
    offset = std::min(offset, text.size());
    for (std::size_t i = 0; i < offset; ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++pos.column;
        }
    }
    return pos;
}

}  // namespace maillage
