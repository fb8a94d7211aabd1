// libFuzzer target: the CSV folder reader. An input is the files of a folder joined by NUL bytes,
// in the order actors.csv, ties.csv, meetings.csv, decisions.csv, network.csv (missing trailing
// parts mean absent files); fuzz/make_corpus.py writes such inputs from real folders. Any input
// must give a network or a maillage::error, never a crash, a hang or a sanitizer report; a map
// that reads must write back to a folder that reads to the same network.
#include <unistd.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "maillage/error.hpp"
#include "maillage/io/csv.hpp"
#include "maillage/io/json.hpp"

namespace {

const std::filesystem::path& scratch() {
    static const std::filesystem::path folder = [] {
        std::filesystem::path base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
        return base / ("maillage-fuzz-csv-" + std::to_string(::getpid()));
    }();
    return folder;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static constexpr std::array<const char*, 5> files{"actors.csv", "ties.csv", "meetings.csv", "decisions.csv",
                                                      "network.csv"};
    const std::filesystem::path in = scratch() / "in", out = scratch() / "out";
    std::filesystem::remove_all(scratch());
    std::filesystem::create_directories(in);
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    for (std::size_t k = 0; k < files.size() && (k == 0 || !rest.empty()); ++k) {
        const std::size_t end = rest.find('\0');
        const std::string_view part = rest.substr(0, end);
        std::ofstream(in / files[k], std::ios::binary).write(part.data(), static_cast<std::streamsize>(part.size()));
        rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    }
    try {
        const maillage::network net = maillage::read_csv(in);
        maillage::write_csv(net, out);
        const maillage::network again = maillage::read_csv(out);
        if (maillage::to_json_string(again) != maillage::to_json_string(net)) std::abort();  // lost on the way
    } catch (const maillage::error&) {
    }
    return 0;
}
