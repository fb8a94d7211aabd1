#include "maillage/io/map_io.hpp"

#include "maillage/io/csv.hpp"
#include "maillage/io/json.hpp"
#include "maillage/io/dot.hpp"
#include "maillage/io/gexf.hpp"
#include "maillage/io/graphml.hpp"

namespace maillage {

namespace {

std::filesystem::path csv_folder(const std::filesystem::path& path) {
    if (path.extension() == ".csv") return path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    return path;
}

}  // namespace

map_format format_of(const std::filesystem::path& path, std::string_view format) {
    if (format == "json") return map_format::json;
    if (format == "csv") return map_format::csv;
    if (format == "graphml") return map_format::graphml;
    if (format == "gexf") return map_format::gexf;
    if (format == "dot") return map_format::dot;
    if (!format.empty())
        throw invalid_argument("format must be \"json\", \"csv\", \"graphml\", \"gexf\" or \"dot\", got \"" +
                               std::string(format) + "\"");
    std::error_code ec;
    const auto extension = path.extension();
    if (extension == ".json") return map_format::json;
    if (extension == ".graphml") return map_format::graphml;
    if (extension == ".gexf") return map_format::gexf;
    if (extension == ".dot" || extension == ".gv") return map_format::dot;
    if (extension == ".csv" || std::filesystem::is_directory(path, ec)) return map_format::csv;
    if (extension.empty() && !std::filesystem::exists(path, ec)) return map_format::csv;
    throw invalid_argument(path.string() + ": cannot tell the format from the name; use a .json file, a folder of "
                                           "CSV files, a .graphml, .gexf or .dot file, or name the format "
                                           "(json, csv, graphml, gexf, dot)");
}

network read(const std::filesystem::path& path, std::string_view format) {
    switch (format_of(path, format)) {
        case map_format::json: return read_json(path);
        case map_format::csv: return read_csv(csv_folder(path));
        case map_format::graphml: return read_graphml(path);
        case map_format::gexf: return read_gexf(path);
        case map_format::dot:
            throw invalid_argument(path.string() + ": DOT is written, not read (it has no place for actor and tie "
                                                   "fields); read a .maillage.json, CSV, GraphML or GEXF map");
    }
    throw invalid_argument("unknown format");
}

void write(const network& net, const std::filesystem::path& path, std::string_view format) {
    switch (format_of(path, format)) {
        case map_format::json: write_json(net, path); return;
        case map_format::csv: write_csv(net, csv_folder(path)); return;
        case map_format::graphml: write_graphml(net, path); return;
        case map_format::gexf: write_gexf(net, path); return;
        case map_format::dot: write_dot(net, path); return;
    }
}

std::vector<problem> validate(const std::filesystem::path& path, std::string_view format) {
    try {
        (void)read(path, format);
    } catch (const map_error& e) {
        return e.problems();
    }
    return {};
}

}  // namespace maillage
