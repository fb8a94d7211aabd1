// Builds an xml_element tree with expat (see xml_tree.hpp).
#include "xml_tree.hpp"

#include <expat.h>

namespace maillage::detail {

namespace {

struct tree_state {
    XML_Parser parser = nullptr;
    std::unique_ptr<xml_element> root;
    std::vector<xml_element*> open;
    std::size_t max_depth = 256;
    bool too_deep = false;
};

void split_name(const char* qualified, xml_element& e) {
    std::string_view name(qualified);
    if (auto colon = name.find(':'); colon != std::string_view::npos) {
        e.prefix = std::string(name.substr(0, colon));
        e.name = std::string(name.substr(colon + 1));
    } else {
        e.name = std::string(name);
    }
}

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attributes) {
    auto& state = *static_cast<tree_state*>(data);
    if (state.open.size() >= state.max_depth) {
        state.too_deep = true;
        XML_StopParser(state.parser, XML_FALSE);
        return;
    }
    auto element = std::make_unique<xml_element>();
    split_name(name, *element);
    for (const XML_Char** a = attributes; a && *a; a += 2) element->attributes.emplace_back(a[0], a[1]);
    element->line = static_cast<std::size_t>(XML_GetCurrentLineNumber(state.parser));
    element->column = static_cast<std::size_t>(XML_GetCurrentColumnNumber(state.parser)) + 1;
    xml_element* raw = element.get();
    if (state.open.empty()) state.root = std::move(element);
    else state.open.back()->children.push_back(std::move(element));
    state.open.push_back(raw);
}

void XMLCALL on_end(void* data, const XML_Char*) {
    auto& state = *static_cast<tree_state*>(data);
    if (!state.open.empty()) state.open.pop_back();
}

void XMLCALL on_text(void* data, const XML_Char* text, int length) {
    auto& state = *static_cast<tree_state*>(data);
    if (!state.open.empty()) state.open.back()->text.append(text, static_cast<std::size_t>(length));
}

/// Refuses every external entity (a DTD or a file named by the document is never read).
int XMLCALL on_external_entity(XML_Parser, const XML_Char*, const XML_Char*, const XML_Char*, const XML_Char*) {
    return XML_STATUS_ERROR;
}

}  // namespace

xml_document parse_xml(std::string_view text, std::size_t max_depth) {
    xml_document doc;
    std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> parser(XML_ParserCreate(nullptr), XML_ParserFree);
    if (!parser) {
        doc.error = "out of memory";
        return doc;
    }
    tree_state state;
    state.parser = parser.get();
    state.max_depth = max_depth;
    XML_SetUserData(parser.get(), &state);
    XML_SetElementHandler(parser.get(), on_start, on_end);
    XML_SetCharacterDataHandler(parser.get(), on_text);
    XML_SetExternalEntityRefHandler(parser.get(), on_external_entity);
    XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);
    // Parsed in slices: expat takes an int length.
    constexpr std::size_t slice = 1 << 24;
    std::size_t done = 0;
    bool ok = true;
    do {
        const std::size_t n = std::min(slice, text.size() - done);
        const bool last = done + n == text.size();
        if (XML_Parse(parser.get(), text.data() + done, static_cast<int>(n), last ? XML_TRUE : XML_FALSE) !=
            XML_STATUS_OK) {
            ok = false;
            break;
        }
        done += n;
    } while (done < text.size());
    if (!ok) {
        doc.error_place = std::to_string(XML_GetCurrentLineNumber(parser.get())) + ":" +
                          std::to_string(XML_GetCurrentColumnNumber(parser.get()) + 1);
        if (state.too_deep) {
            doc.error = "elements nested deeper than " + std::to_string(max_depth) + " levels";
        } else {
            const XML_Error code = XML_GetErrorCode(parser.get());
            doc.error = std::string("malformed XML: ") + XML_ErrorString(code);
            if (code == XML_ERROR_NO_ELEMENTS || code == XML_ERROR_UNCLOSED_TOKEN)
                doc.error += " (the file may be truncated)";
        }
        return doc;
    }
    doc.root = std::move(state.root);
    if (!doc.root) {
        doc.error_place = "1:1";
        doc.error = "no XML element in the file";
    }
    return doc;
}

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            case '\t': out += "&#9;"; break;
            case '\n': out += "&#10;"; break;
            case '\r': out += "&#13;"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) break;
                out += c;
        }
    }
    return out;
}

}  // namespace maillage::detail
