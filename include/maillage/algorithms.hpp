#pragma once
/// The measures of maillage (DESIGN section 4): include this header for all of them.
#include "maillage/algorithms/betweenness.hpp"
#include "maillage/algorithms/closeness.hpp"
#include "maillage/algorithms/components.hpp"
#include "maillage/algorithms/core.hpp"
#include "maillage/algorithms/cut.hpp"
#include "maillage/algorithms/degree.hpp"
#include "maillage/algorithms/measure_graph.hpp"
#include "maillage/algorithms/reach.hpp"
#include "maillage/algorithms/scores.hpp"
#include "maillage/algorithms/spectral.hpp"
#include "maillage/algorithms/summary.hpp"
