#pragma once
#define MAILLAGE_VERSION_MAJOR 0
#define MAILLAGE_VERSION_MINOR 1
#define MAILLAGE_VERSION_PATCH 0

namespace maillage {
/// The library version, "major.minor.patch".
inline constexpr const char* version = "0.1.0";
}  // namespace maillage
