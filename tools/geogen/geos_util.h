// Thin RAII layer over the reentrant GEOS C API. All computational geometry of the generator
// goes through these helpers; a GEOS failure becomes a std::runtime_error carrying GEOS's message.
#pragma once

#include <geos_c.h>

#include <cmath>
#include <functional>
#include <memory>
#include <vector>

namespace geogen {

// Grid size (degrees) every written coordinate is snapped to: 6 decimals, about 0.1 m.
inline constexpr double kGridSize = 1e-6;

// Same arithmetic GEOS uses for a fixed precision model with scale 1e6, so re-rounding a
// coordinate GEOS has already snapped is a no-op and the printed decimals parse back exactly.
inline double roundCoord(double v)
{
    return std::round(v * 1e6) / 1e6;
}

GEOSContextHandle_t ctx();

struct GeomDeleter
{
    void operator()(GEOSGeometry *g) const noexcept;
};
using Geom = std::unique_ptr<GEOSGeometry, GeomDeleter>;

struct PreparedDeleter
{
    void operator()(const GEOSPreparedGeometry *p) const noexcept;
};
using Prepared = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

struct Pt
{
    double x = 0.0;
    double y = 0.0;
};

inline double dist2(Pt a, Pt b)
{
    return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y);
}

struct Extent
{
    double minx = 0, miny = 0, maxx = 0, maxy = 0;
};

// Takes ownership of a GEOS result; throws with GEOS's last message when it is null.
Geom own(GEOSGeometry *g, const char *op);

Geom clone(const GEOSGeometry *g);
Geom makePoint(Pt p);
Pt pointXY(const GEOSGeometry *point);
Geom makeMultiPoint(const std::vector<Pt> &pts);
Geom makeRect(const Extent &e);
Geom makeRing(const std::vector<Pt> &ring); // closes the ring if needed
Geom makePolygon(Geom shell, std::vector<Geom> holes);
// Collection of the given type (GEOS_MULTIPOLYGON, GEOS_GEOMETRYCOLLECTION, ...) taking ownership.
Geom collect(int type, std::vector<Geom> parts);

int typeId(const GEOSGeometry *g);
// Direct members of a collection, or the geometry itself; pointers stay owned by g.
std::vector<const GEOSGeometry *> members(const GEOSGeometry *g);
// Coordinates of a LinearRing (or LineString) as x0, y0, x1, y1, ...
std::vector<double> ringXY(const GEOSGeometry *ring);
// Only the polygonal content of g, as a Polygon (one part) or MultiPolygon (none or several).
Geom polygonal(const GEOSGeometry *g);
int polygonCount(const GEOSGeometry *g);

bool isEmpty(const GEOSGeometry *g);
bool isValid(const GEOSGeometry *g);
double area(const GEOSGeometry *g);
Extent extent(const GEOSGeometry *g);
Pt centroid(const GEOSGeometry *g);
Pt pointOnSurface(const GEOSGeometry *g);

Geom transform(const GEOSGeometry *g, const std::function<void(double &, double &)> &fn);

Geom makeValid(const GEOSGeometry *g);
Geom intersection(const GEOSGeometry *a, const GEOSGeometry *b);
Geom difference(const GEOSGeometry *a, const GEOSGeometry *b);
Geom symDifference(const GEOSGeometry *a, const GEOSGeometry *b);
Geom unaryUnion(const std::vector<const GEOSGeometry *> &parts);

// Grid-snapped variants (kGridSize): results are valid polygonal geometries whose coordinates
// are exactly what the writer prints.
Geom snapToGrid(const GEOSGeometry *g);
Geom intersectionOnGrid(const GEOSGeometry *a, const GEOSGeometry *b);
Geom unionOnGrid(const std::vector<const GEOSGeometry *> &parts);

Prepared prepare(const GEOSGeometry *g);

// Clips geometries whose vertices are on the grid to a polygonal region whose vertices are on
// the grid. Plain snapping rounds each new crossing point to the nearest grid point, which can
// lie a fraction of a grid step outside the region; here crossings go to a grid point inside
// (or onto a region vertex next to them), so clipped pieces never poke out of the region.
// If that would make a piece invalid, it falls back to intersectionOnGrid().
class InsideClipper
{
public:
    explicit InsideClipper(const GEOSGeometry *region);
    Geom clip(const GEOSGeometry *a) const;

private:
    Pt placeCrossing(Pt p) const;

    const GEOSGeometry *region_;
    Prepared prepared_;
    std::vector<Pt> vertices_; // sorted by x
};

bool covers(const Prepared &p, Pt pt);

bool contains(const Prepared &p, Pt pt);
double distance(const Prepared &p, Pt pt);

} // namespace geogen
