// Splitting a district into grids, communities and streets, and numbering them.
#pragma once

#include "model.h"
#include "projection.h"
#include "rng.h"

#include <vector>

namespace geogen {

// Exactly spec.grids seed points inside the district, blue-noise spaced according to its density.
std::vector<Pt> sampleSeeds(const District &d, Rng &rng);

// Damped Lloyd relaxation: evens out cell shapes while keeping every seed inside the district.
void relaxSeeds(const District &d, std::vector<Pt> &seeds, int steps, double damping);

// Voronoi cells of the seeds clipped to the district: one grid per seed, none dropped.
void buildGrids(District &d, const std::vector<Pt> &seeds, const LocalProjection &proj);

// k-means of grid centres into communities; the densest become urban communities.
void buildCommunities(District &d, Rng &rng, const LocalProjection &proj);

// Grid-weighted k-means of community centres into streets (subdistricts and towns).
void buildStreets(District &d, Rng &rng, const LocalProjection &proj);

// Assigns the GB/T 2260-style codes and reorders every level by code.
void numberRegions(District &d);

} // namespace geogen
