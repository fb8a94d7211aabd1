// libFuzzer target: the JSON map reader. Any input must give a network or a maillage::error,
// never a crash, a hang or a sanitizer report; a map that reads must write back to JSON that
// reads to the same network (the round trip of docs/FORMAT.md), so the writer is fuzzed too.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "maillage/error.hpp"
#include "maillage/io/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const maillage::network net = maillage::read_json_string(text, "fuzz.maillage.json");
        const std::string written = maillage::to_json_string(net);
        const maillage::network again = maillage::read_json_string(written, "rewritten.maillage.json");
        if (maillage::to_json_string(again) != written) std::abort();  // the round trip lost or changed something
    } catch (const maillage::error&) {
        // A clear, placed error is the expected outcome for most inputs.
    }
    return 0;
}
