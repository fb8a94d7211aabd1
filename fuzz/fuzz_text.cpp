// libFuzzer target for the readers of one text file: the JSON map, GraphML and GEXF, chosen at
// build time by MAILLAGE_FUZZ_FORMAT (fuzz/CMakeLists.txt builds one binary per format). Any input
// must give a network or a maillage::error, never a crash, a hang or a sanitizer report; a map
// that reads must write back to text that reads to the same network (the round trip of
// docs/FORMAT.md), so the writer is fuzzed too.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "maillage/error.hpp"
#include "maillage/io/gexf.hpp"
#include "maillage/io/graphml.hpp"
#include "maillage/io/json.hpp"

namespace {

struct json_format {
    static maillage::network read(std::string_view text) { return maillage::read_json_string(text, "fuzz.maillage.json"); }
    static std::string write(const maillage::network& net) { return maillage::to_json_string(net); }
};
struct graphml_format {
    static maillage::network read(std::string_view text) { return maillage::read_graphml_string(text, "fuzz.graphml"); }
    static std::string write(const maillage::network& net) { return maillage::to_graphml_string(net); }
};
struct gexf_format {
    static maillage::network read(std::string_view text) { return maillage::read_gexf_string(text, "fuzz.gexf"); }
    static std::string write(const maillage::network& net) { return maillage::to_gexf_string(net); }
};

using format = MAILLAGE_FUZZ_FORMAT;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const maillage::network net = format::read(text);
        const std::string written = format::write(net);
        const maillage::network again = format::read(written);
        // The round trip lost or changed something: compare through the native format, which holds everything.
        if (maillage::to_json_string(again) != maillage::to_json_string(net)) std::abort();
    } catch (const maillage::error&) {
        // A clear, placed error is the expected outcome for most inputs.
    }
    return 0;
}
