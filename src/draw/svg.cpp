// The SVG writer of scenes (include/maillage/draw/svg.hpp).
#include "maillage/draw/svg.hpp"

#include <cmath>
#include <cstdio>
#include <map>

#include "maillage/io/atomic_file.hpp"

namespace maillage::draw {

namespace {

constexpr double pi = 3.14159265358979323846;

std::string num(double v) {
    if (!std::isfinite(v)) v = 0;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", v);
    std::string s = buffer;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    if (s == "-0") s = "0";
    return s;
}

const char* anchor_name(text_anchor a) {
    return a == text_anchor::start ? "start" : a == text_anchor::end ? "end" : "middle";
}

/// Clockwise from the top.
point polar(point c, double r, double angle) { return {c.x + r * std::sin(angle), c.y - r * std::cos(angle)}; }

void title_element(std::string& out, const std::string& tooltip) {
    if (!tooltip.empty()) out += "<title>" + xml_escape(tooltip) + "</title>";
}

void text_element(std::string& out, const scene_text& t) {
    out += "<text x=\"" + num(t.at.x) + "\" y=\"" + num(t.at.y) + "\" font-size=\"" + num(t.size) +
           "\" text-anchor=\"" + anchor_name(t.anchor) + "\" fill=\"" + xml_escape(t.fill) + "\"";
    if (t.bold) out += " font-weight=\"bold\"";
    if (t.halo) out += " stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"";
    out += ">";
    title_element(out, t.tooltip);
    for (std::size_t i = 0; i < t.lines.size(); ++i) {
        if (i == 0) out += "<tspan x=\"" + num(t.at.x) + "\">";
        else out += "<tspan x=\"" + num(t.at.x) + "\" dy=\"" + num(t.size * 1.2) + "\">";
        out += xml_escape(t.lines[i]) + "</tspan>";
    }
    out += "</text>\n";
}

std::string wedge_path(const scene_sector& w) {
    const double sweep = w.end - w.start;
    const int large = sweep > pi ? 1 : 0;
    const point o0 = polar(w.centre, w.outer, w.start), o1 = polar(w.centre, w.outer, w.end);
    std::string d = "M" + num(o0.x) + "," + num(o0.y) + " A" + num(w.outer) + "," + num(w.outer) + " 0 " +
                    std::to_string(large) + " 1 " + num(o1.x) + "," + num(o1.y);
    if (w.inner <= 0) {
        d += " L" + num(w.centre.x) + "," + num(w.centre.y) + " Z";
        return d;
    }
    const point i1 = polar(w.centre, w.inner, w.end), i0 = polar(w.centre, w.inner, w.start);
    d += " L" + num(i1.x) + "," + num(i1.y) + " A" + num(w.inner) + "," + num(w.inner) + " 0 " + std::to_string(large) +
         " 0 " + num(i0.x) + "," + num(i0.y) + " Z";
    return d;
}

void node_shape_element(std::string& out, const scene_node& n) {
    std::string paint = " fill=\"" + xml_escape(n.fill) + "\" stroke=\"" + xml_escape(n.stroke) + "\" stroke-width=\"" +
                        num(n.stroke_width) + "\"";
    if (!n.stroke_dash.empty()) paint += " stroke-dasharray=\"" + xml_escape(n.stroke_dash) + "\"";
    switch (n.shape) {
    case node_shape::circle:
        out += "<circle cx=\"" + num(n.at.x) + "\" cy=\"" + num(n.at.y) + "\" r=\"" + num(n.radius) + "\"" + paint + "/>";
        break;
    case node_shape::square: {
        const double h = n.radius * 0.9;
        out += "<rect x=\"" + num(n.at.x - h) + "\" y=\"" + num(n.at.y - h) + "\" width=\"" + num(2 * h) + "\" height=\"" +
               num(2 * h) + "\" rx=\"2\"" + paint + "/>";
        break;
    }
    case node_shape::diamond: {
        const double r = n.radius * 1.15;
        out += "<polygon points=\"" + num(n.at.x) + "," + num(n.at.y - r) + " " + num(n.at.x + r) + "," + num(n.at.y) + " " +
               num(n.at.x) + "," + num(n.at.y + r) + " " + num(n.at.x - r) + "," + num(n.at.y) + "\"" + paint + "/>";
        break;
    }
    }
}

/// Legend column: a light panel, blocks of a title and entries.
void legend_elements(std::string& out, const scene& s, const std::map<std::string, std::string>& markers) {
    if (s.legends.empty()) return;
    const double x = s.legend_at.x, w = s.legend_width;
    double y = s.legend_at.y;
    out += "<g class=\"legend\">\n<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" +
           num(legend_height(s)) + "\" rx=\"6\" fill=\"#fbfcfc\" stroke=\"#d5d8dc\"/>\n";
    y += legend_padding;
    for (const auto& block : s.legends) {
        const auto title = legend_lines(block.title, w);
        for (const auto& line : title) {
            out += "<text x=\"" + num(x + legend_padding) + "\" y=\"" + num(y + 13) + "\" font-size=\"" +
                   (block.items.empty() ? std::string("10.5\" fill=\"#566573\" font-style=\"italic\"")
                                        : std::string("12\" font-weight=\"bold\" fill=\"#1c2833\"")) +
                   ">" + xml_escape(line) + "</text>\n";
            y += legend_title_height;
        }
        for (const auto& item : block.items) {
            const double h = legend_item_height(item, w);
            const double cy = y + h / 2;
            const double sx = x + legend_padding;
            switch (item.symbol) {
            case legend_symbol::dot:
            case legend_symbol::ring:
                out += "<circle cx=\"" + num(sx + 11) + "\" cy=\"" + num(cy) + "\" r=\"" + num(std::min(item.width, 11.0)) +
                       "\" fill=\"" + (item.symbol == legend_symbol::ring ? std::string("none") : xml_escape(item.colour)) +
                       "\" stroke=\"" + xml_escape(item.stroke) + "\" stroke-width=\"1.6\"" +
                       (item.dash.empty() ? std::string() : " stroke-dasharray=\"" + xml_escape(item.dash) + "\"") + "/>\n";
                break;
            case legend_symbol::square:
                out += "<rect x=\"" + num(sx + 5) + "\" y=\"" + num(cy - 6) + "\" width=\"12\" height=\"12\" rx=\"2\" fill=\"" +
                       xml_escape(item.colour) + "\" stroke=\"" + xml_escape(item.stroke) + "\"" +
                       (item.dash.empty() ? std::string() : " stroke-dasharray=\"" + xml_escape(item.dash) + "\"") + "/>\n";
                break;
            case legend_symbol::badge:
                out += "<rect x=\"" + num(sx) + "\" y=\"" + num(cy - 7) + "\" width=\"22\" height=\"14\" rx=\"7\" fill=\"" +
                       xml_escape(item.colour) + "\" stroke=\"" + xml_escape(item.stroke) + "\"/>\n";
                break;
            case legend_symbol::line: {
                std::string marker;
                if (item.stroke == "arrow") marker = " marker-end=\"url(#" + markers.at(item.colour) + ")\"";
                out += "<line x1=\"" + num(sx) + "\" y1=\"" + num(cy) + "\" x2=\"" + num(sx + 22) + "\" y2=\"" + num(cy) +
                       "\" stroke=\"" + xml_escape(item.colour) + "\" stroke-width=\"" + num(item.width) + "\"" +
                       (item.dash.empty() ? std::string() : " stroke-dasharray=\"" + xml_escape(item.dash) + "\"") + marker + "/>\n";
                break;
            }
            }
            const auto lines = legend_lines(item.text, w);
            const double first = cy - (double(lines.size()) - 1) * legend_font * 0.6 + legend_font * 0.36;
            for (std::size_t k = 0; k < lines.size(); ++k)
                out += "<text x=\"" + num(sx + 30) + "\" y=\"" + num(first + double(k) * legend_font * 1.2) + "\" font-size=\"" +
                       num(legend_font) + "\" fill=\"#283747\">" + xml_escape(lines[k]) + "</text>\n";
            y += h;
        }
        y += legend_gap;
    }
    out += "</g>\n";
}

}  // namespace

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += static_cast<char>(c);
            }
            ++i;
            continue;
        }
        // A UTF-8 sequence: copied when well formed and allowed in XML 1.0, dropped otherwise.
        const std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        bool ok = len > 0 && i + len <= text.size();
        std::uint32_t cp = len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
        for (std::size_t k = 1; ok && k < len; ++k) {
            const unsigned char d = static_cast<unsigned char>(text[i + k]);
            ok = (d & 0xC0) == 0x80;
            cp = (cp << 6) | (d & 0x3F);
        }
        if (ok) {
            const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
            ok = !overlong && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE && cp != 0xFFFF;
        }
        if (ok) out.append(text.substr(i, len));
        i += ok ? len : 1;
    }
    return out;
}

std::string to_svg(const scene& s) {
    const double height = std::max(s.height, s.legend_at.y + legend_height(s) + 12);
    std::string out;
    out.reserve(4096 + 400 * (s.nodes.size() + s.edges.size()));
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + num(s.width) + "\" height=\"" + num(height) +
           "\" viewBox=\"0 0 " + num(s.width) + " " + num(height) +
           "\" role=\"img\" aria-labelledby=\"" + xml_escape(s.id) + "-title\" font-family=\"'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif\">\n";
    out += "<title id=\"" + xml_escape(s.id) + "-title\">" + xml_escape(s.title) + "</title>\n";
    if (!s.description.empty()) out += "<desc>" + xml_escape(s.description) + "</desc>\n";
    // Arrow heads, one marker per colour.
    std::map<std::string, std::string> markers;
    for (const auto& e : s.edges)
        if (e.arrow) markers.emplace(e.colour, "");
    for (const auto& block : s.legends)
        for (const auto& item : block.items)
            if (item.symbol == legend_symbol::line && item.stroke == "arrow") markers.emplace(item.colour, "");
    out += "<defs>\n";
    int k = 0;
    for (auto& [colour, id] : markers) {
        id = s.id + "-arrow-" + std::to_string(k++);
        out += "<marker id=\"" + id + "\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" "
               "markerWidth=\"9\" markerHeight=\"9\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"" +
               xml_escape(colour) + "\"/></marker>\n";
    }
    out += "</defs>\n";
    out += "<rect x=\"0\" y=\"0\" width=\"" + num(s.width) + "\" height=\"" + num(height) + "\" fill=\"#ffffff\"/>\n";
    if (!s.title.empty())
        out += "<text x=\"16\" y=\"28\" font-size=\"17\" font-weight=\"bold\" fill=\"#1c2833\">" + xml_escape(s.title) + "</text>\n";

    out += "<g class=\"sectors\">\n";
    for (const auto& w : s.sectors) {
        char op[16];
        std::snprintf(op, sizeof op, "%.2f", w.opacity);
        out += "<path d=\"" + wedge_path(w) + "\" fill=\"" + xml_escape(w.fill) + "\" fill-opacity=\"" + op + "\" stroke=\"" +
               xml_escape(w.stroke) + "\" stroke-width=\"1\"/>\n";
    }
    for (const auto& r : s.rings) {
        out += "<circle cx=\"" + num(r.centre.x) + "\" cy=\"" + num(r.centre.y) + "\" r=\"" + num(r.radius) + "\" fill=\"" +
               xml_escape(r.fill) + "\" stroke=\"" + xml_escape(r.stroke) + "\" stroke-width=\"" + num(r.width) + "\"" +
               (r.dash.empty() ? std::string() : " stroke-dasharray=\"" + xml_escape(r.dash) + "\"") + "/>\n";
    }
    for (const auto& w : s.sectors) {
        if (w.label.empty()) continue;
        scene_text t;
        t.at = w.label_at;
        t.lines = {w.label};
        t.size = 12;
        t.bold = true;
        t.anchor = w.anchor;
        t.fill = w.label_colour;
        text_element(out, t);
    }
    out += "</g>\n<g class=\"ties\" fill=\"none\">\n";
    for (const auto& e : s.edges) {
        out += "<g>";
        title_element(out, e.tooltip);
        std::string d = "M" + num(e.from.x) + "," + num(e.from.y);
        if (std::abs(e.bend) > 1e-9) {
            const point c = control_point(e.from, e.to, e.bend);
            d += " Q" + num(c.x) + "," + num(c.y) + " " + num(e.to.x) + "," + num(e.to.y);
        } else {
            d += " L" + num(e.to.x) + "," + num(e.to.y);
        }
        char op[16];
        std::snprintf(op, sizeof op, "%.2f", e.opacity);
        out += "<path d=\"" + d + "\" stroke=\"" + xml_escape(e.colour) + "\" stroke-width=\"" + num(e.width) +
               "\" stroke-opacity=\"" + op + "\" stroke-linecap=\"round\"";
        if (!e.dash.empty()) out += " stroke-dasharray=\"" + xml_escape(e.dash) + "\"";
        if (e.arrow) out += " marker-end=\"url(#" + markers.at(e.colour) + ")\"";
        out += "/></g>\n";
    }
    out += "</g>\n<g class=\"actors\">\n";
    for (const auto& n : s.nodes) {
        out += "<g>";
        title_element(out, n.tooltip);
        node_shape_element(out, n);
        if (!n.inner_text.empty())
            out += "<text x=\"" + num(n.at.x) + "\" y=\"" + num(n.at.y + 4.5) +
                   "\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#ffffff\">" + xml_escape(n.inner_text) +
                   "</text>";
        out += "</g>\n";
    }
    out += "</g>\n<g class=\"labels\">\n";
    for (const auto& t : s.labels) text_element(out, t);
    out += "</g>\n<g class=\"badges\">\n";
    for (const auto& b : s.badges) {
        out += "<g>";
        title_element(out, b.tooltip);
        out += "<rect x=\"" + num(b.at.x) + "\" y=\"" + num(b.at.y) + "\" width=\"" + num(b.width) + "\" height=\"" + num(b.height) +
               "\" rx=\"" + num(b.height / 2) + "\" fill=\"" + xml_escape(b.fill) + "\" stroke=\"" + xml_escape(b.stroke) + "\"/>";
        out += "<text x=\"" + num(b.at.x + 9) + "\" y=\"" + num(b.at.y + b.height / 2 + 4) + "\" font-size=\"11\" fill=\"" +
               xml_escape(b.text_fill) + "\">" + xml_escape(b.text) + "</text></g>\n";
    }
    out += "</g>\n";
    legend_elements(out, s, markers);
    out += "</svg>\n";
    return out;
}

void write_svg(const scene& s, const std::filesystem::path& path) { write_file_atomically(path, to_svg(s)); }

}  // namespace maillage::draw
