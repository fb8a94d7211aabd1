#pragma once
/// Writing files so that no half-written output survives a failure.
#include <filesystem>
#include <string_view>

namespace maillage {

/// Writes `content` to a temporary file beside `path`, flushes it to disk (fsync) and renames it
/// onto `path`: readers see the old file or the new one, never a part. @throws io_error.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace maillage
