#pragma once
// Which grids border which: the neighbourhood behind "the grids around this
// one" (hand-over of cases and patrols, context around an alarm).

#include "regiontree.h"

#include <vector>

namespace gridwall::geo {

// Scene units (Web Mercator metres, about 0.75 ground metres in Panjin).
// Grids on either side of a district border do not quite meet: most such
// pairs are a fraction of a metre apart or overlap slightly.
inline constexpr double kNeighbourTolerance = 1.0;

// For every region index (the result has tree.regions().size() entries; all
// but grids are empty), the indices of the grids whose geometry comes within
// `tolerance` of its own: sorted, without itself, symmetric. Uses the tree's
// GEOS context, so call it from the thread that owns the tree.
std::vector<std::vector<int>> gridNeighbours(const RegionTree &tree, double tolerance = kNeighbourTolerance);

} // namespace gridwall::geo
