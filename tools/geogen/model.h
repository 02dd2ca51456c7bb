// The region tree of one run: districts (real outlines) and the synthetic streets,
// communities and grids generated inside them.
#pragma once

#include "density.h"
#include "geos_util.h"

#include <string>
#include <vector>

namespace geogen {

// Planning figures per district (see docs/geography.md for the reasoning behind them).
struct DistrictSpec
{
    const char *code;
    const char *nameEn;
    int grids;
    int streets;
    int urbanCommunities;
    int villages;
    double urbanShare; // fraction of the district's grids that belong to its urban peak
    double sigmaKm;    // spread of the urban peak around the label point
    const char *sharedCore; // district whose centre also pulls urban grids in (the joint city core), or null
};

const std::vector<DistrictSpec> &districtSpecs();
int totalGrids();

struct Grid
{
    Geom geom;          // lon/lat, snapped to the 1e-6 degree grid
    double areaM2 = 0;  // in the local metric projection
    Pt centre;          // metric centroid
    int community = -1; // index into District::communities
    std::string code, name, nameEn;
};

struct Community
{
    Geom geom;
    double areaM2 = 0;
    Pt centre;
    std::vector<int> grids;
    bool urban = false; // 社区 (urban community) or 村 (village)
    int street = -1;
    int ordinal = 0;    // number inside the street, without the kind offset
    std::string code, name, nameEn;

    double gridsPerKm2() const { return static_cast<double>(grids.size()) / (areaM2 / 1e6); }
};

struct Street
{
    Geom geom;
    double areaM2 = 0;
    Pt centre;
    std::vector<int> communities;
    bool subdistrict = false; // 街道 (subdistrict) or 镇 (town)
    std::string code, name, nameEn;
};

struct District
{
    const DistrictSpec *spec = nullptr;
    std::string code, name, nameEn;
    Pt labelLonLat;   // properties.cp of the source outline
    Pt label;         // the same point, metric
    Geom geom;        // lon/lat outline after MakeValid, snapped to the grid
    Geom metric;      // the same outline in the local projection
    double areaM2 = 0;
    Density density;
    std::vector<Grid> grids;
    std::vector<Community> communities;
    std::vector<Street> streets;
};

} // namespace geogen
