#pragma once
// The city as the simulator sees it: the region tree (gridwall_geo), the grids
// with a population estimate, the fixed sites, and point sampling inside them.
// Single-threaded: the tree's GEOS context is used from the simulation thread only.

#include "rng.h"

#include <geo/regiontree.h>

#include <QPointF>
#include <QRectF>
#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace gridwall::sim {

struct GeoPoint
{
    double lon = 0;
    double lat = 0;
};

struct Ring
{
    int minutes = 0;
    int radiusM = 0;
};

struct Site
{
    std::string id;
    std::string kind; // police_station, checkpoint, mediation_room, mediation_point, smart_community, other
    std::string name;
    GeoPoint geo;
    QPointF scene;
    int grid = -1; // index into City::grids()
    std::vector<Ring> rings;
};

struct GridInfo
{
    int region = -1; // index in the tree
    std::string code;
    std::string name;
    bool urban = false; // in an urban community (社区), not a village (村)
    int community = -1, street = -1, district = -1; // tree indices
    double population = 0;
    QPointF anchor; // a point surely inside the grid
    QRectF bounds;
};

// Panjin, 2020 census (第七次全国人口普查): 1,389,691 residents.
inline constexpr double kPopulation = 1'389'691;
// Assumed share living in urban communities (社区) rather than villages (村).
inline constexpr double kUrbanShare = 0.75;

class City
{
public:
    static std::unique_ptr<City> load(const QString &regionsFile, const QString &sitesFile, QString *error);

    const geo::RegionTree &tree() const { return *m_tree; }
    const std::vector<GridInfo> &grids() const { return m_grids; }
    const GridInfo &grid(int i) const { return m_grids[size_t(i)]; }
    const std::vector<Site> &sites() const { return m_sites; }
    int gridOfRegion(int region) const { return region >= 0 ? m_gridOfRegion[size_t(region)] : -1; }
    int gridOfCode(const QString &code) const { return gridOfRegion(m_tree->indexOf(code)); }

    // The grid under a scene point, or -1 outside the territory.
    int gridAt(QPointF scene) const;
    // A uniformly random point inside the grid.
    QPointF randomPointInGrid(int grid, Rng &rng) const;
    // A random point within radiusM of centre that lies on the territory.
    QPointF randomPointNear(QPointF centre, double radiusM, Rng &rng) const;
    // A grid drawn in proportion to its population (all, or urban ones only).
    int drawGrid(Rng &rng) const { return int(m_byPopulation.draw(rng)); }
    int drawUrbanGrid(Rng &rng) const { return m_urbanGrids[m_urbanByPopulation.draw(rng)]; }

    GeoPoint toGeo(QPointF scene) const;
    QPointF toScene(GeoPoint g) const { return m_tree->sceneFromGeo(g.lon, g.lat); }
    // Ground metres between scene points (scene units are Web Mercator metres).
    double metres(QPointF a, QPointF b) const;
    double sceneUnitsPerMetre() const { return 1.0 / m_groundScale; }

    // Names for titles and sites: "曙光" from 曙光社区, the community, street and district names.
    const std::string &placeWord(int grid) const { return m_placeWords[size_t(grid)]; }
    std::string communityName(int grid) const;
    std::string streetName(int grid) const;
    std::string districtName(int grid) const;

private:
    City() = default;
    bool loadSites(const QString &file, QString *error);

    std::shared_ptr<const geo::RegionTree> m_tree;
    std::vector<GridInfo> m_grids;
    std::vector<int> m_gridOfRegion;
    std::vector<int> m_urbanGrids;
    std::vector<std::string> m_placeWords;
    std::vector<Site> m_sites;
    WeightedTable m_byPopulation;
    WeightedTable m_urbanByPopulation;
    double m_groundScale = 1; // ground metres per scene unit
};

} // namespace gridwall::sim
