#pragma once
/// The drawings of maillage: ecomaps, partner maps and whole maps as scenes, and their SVG.
#include "maillage/draw/ecomap.hpp"
#include "maillage/draw/layout.hpp"
#include "maillage/draw/partners.hpp"
#include "maillage/draw/scene.hpp"
#include "maillage/draw/svg.hpp"
#include "maillage/draw/tie_style.hpp"
#include "maillage/draw/whole_map.hpp"
