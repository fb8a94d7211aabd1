#pragma once
// A small tree of an XML document as the GraphML and GEXF readers walk it, parsed by expat (the
// XML parser Debian and most of the free desktop use: streaming, well fuzzed, and it reports the
// line and column of every element and of every syntax error). The writers' escaping lives here too.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maillage::detail {

struct xml_element {
    std::string name;                  ///< the local name, without a namespace prefix ("color" for "viz:color")
    std::string prefix;                ///< the namespace prefix, or empty
    std::vector<std::pair<std::string, std::string>> attributes;  ///< as written, prefixes kept
    std::string text;                  ///< the character data directly inside (entities resolved)
    std::vector<std::unique_ptr<xml_element>> children;
    std::size_t line = 0, column = 0;  ///< of the start tag, from 1 (column in bytes, as expat counts)

    /// The value of attribute `key`, or nothing.
    [[nodiscard]] const std::string* attribute(std::string_view key) const {
        for (const auto& [k, v] : attributes)
            if (k == key) return &v;
        return nullptr;
    }
    [[nodiscard]] std::string attribute_or(std::string_view key, std::string_view fallback = {}) const {
        const std::string* v = attribute(key);
        return v ? *v : std::string(fallback);
    }
    /// "line:column", the place of problems about this element.
    [[nodiscard]] std::string place() const { return std::to_string(line) + ":" + std::to_string(column); }
};

/// The outcome of parsing: the root element, or the place and message of the syntax error.
struct xml_document {
    std::unique_ptr<xml_element> root;
    std::string error_place;           ///< "line:column" of a syntax error
    std::string error;                 ///< empty when the document is well formed
};

/// Parses `text` (UTF-8, UTF-16 or ISO-8859-1 as its declaration says). External entities are
/// never loaded and nesting deeper than `max_depth` elements is an error, so that hostile input
/// cannot make the reader fetch files or run out of stack.
xml_document parse_xml(std::string_view text, std::size_t max_depth = 256);

/// `text` escaped for XML character data and attribute values: & < > " ' as entities, tab, line
/// feed and carriage return as character references (so that attribute normalisation keeps them),
/// other control characters (which XML 1.0 cannot hold) dropped.
std::string xml_escape(std::string_view text);

}  // namespace maillage::detail
