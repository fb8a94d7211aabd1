#pragma once
/// The SVG writer of scenes (scene.hpp): one self-contained SVG 1.1 document (no external
/// reference: no images, fonts or style sheets), fonts "DejaVu Sans" first (Debian's
/// fonts-dejavu-core) then generic sans-serif, every text XML-escaped (characters XML 1.0 does
/// not allow dropped), labels with a white halo, a <title> tooltip on every node and tie, arrow
/// markers defined inside the document. The picture grows downwards when its legend column is
/// taller than the frame.
#include <filesystem>
#include <string>
#include <string_view>

#include "maillage/draw/scene.hpp"

namespace maillage::draw {

/// `text` with &, <, >, " and ' escaped and the characters XML 1.0 forbids (controls other than
/// tab, line feed and carriage return, and invalid UTF-8 bytes) left out.
[[nodiscard]] std::string xml_escape(std::string_view text);

/// The SVG text of a scene.
[[nodiscard]] std::string to_svg(const scene& s);

/// Writes the SVG of a scene atomically (io/atomic_file.hpp). @throws io_error.
void write_svg(const scene& s, const std::filesystem::path& path);

}  // namespace maillage::draw
