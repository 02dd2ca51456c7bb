#include "geos_util.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace geogen {

namespace {

std::string g_lastError;

void onGeosError(const char *message, void *)
{
    g_lastError = message ? message : "unknown GEOS error";
}

void onGeosNotice(const char *, void *)
{
    // Notices (e.g. "Self-intersection at ...") are expected for the raw outlines; MakeValid fixes them.
}

[[noreturn]] void fail(const char *op)
{
    throw std::runtime_error(std::string("GEOS ") + op + " failed: " + g_lastError);
}

struct Context
{
    GEOSContextHandle_t handle;
    Context() : handle(GEOS_init_r())
    {
        GEOSContext_setErrorMessageHandler_r(handle, onGeosError, nullptr);
        GEOSContext_setNoticeMessageHandler_r(handle, onGeosNotice, nullptr);
    }
    ~Context() { GEOS_finish_r(handle); }
};

int transformCallback(double *x, double *y, void *userdata)
{
    const auto &fn = *static_cast<const std::function<void(double &, double &)> *>(userdata);
    fn(*x, *y);
    return 1;
}

} // namespace

GEOSContextHandle_t ctx()
{
    static Context context;
    return context.handle;
}

void GeomDeleter::operator()(GEOSGeometry *g) const noexcept
{
    GEOSGeom_destroy_r(ctx(), g);
}

void PreparedDeleter::operator()(const GEOSPreparedGeometry *p) const noexcept
{
    GEOSPreparedGeom_destroy_r(ctx(), p);
}

Geom own(GEOSGeometry *g, const char *op)
{
    if (!g)
        fail(op);
    return Geom(g);
}

Geom clone(const GEOSGeometry *g)
{
    return own(GEOSGeom_clone_r(ctx(), g), "clone");
}

Geom makePoint(Pt p)
{
    return own(GEOSGeom_createPointFromXY_r(ctx(), p.x, p.y), "createPoint");
}

Pt pointXY(const GEOSGeometry *point)
{
    Pt p;
    if (!GEOSGeomGetX_r(ctx(), point, &p.x) || !GEOSGeomGetY_r(ctx(), point, &p.y))
        fail("getXY");
    return p;
}

Geom makeMultiPoint(const std::vector<Pt> &pts)
{
    std::vector<Geom> parts;
    parts.reserve(pts.size());
    for (const Pt &p : pts)
        parts.push_back(makePoint(p));
    return collect(GEOS_MULTIPOINT, std::move(parts));
}

Geom makeRing(const std::vector<Pt> &ring)
{
    std::vector<double> xy;
    xy.reserve(ring.size() * 2 + 2);
    for (const Pt &p : ring) {
        xy.push_back(p.x);
        xy.push_back(p.y);
    }
    if (!ring.empty() && (ring.front().x != ring.back().x || ring.front().y != ring.back().y)) {
        xy.push_back(ring.front().x);
        xy.push_back(ring.front().y);
    }
    const auto n = static_cast<unsigned>(xy.size() / 2);
    GEOSCoordSequence *seq = GEOSCoordSeq_copyFromBuffer_r(ctx(), xy.data(), n, 0, 0);
    if (!seq)
        fail("copyFromBuffer");
    return own(GEOSGeom_createLinearRing_r(ctx(), seq), "createLinearRing");
}

Geom makeRect(const Extent &e)
{
    return makePolygon(makeRing({{e.minx, e.miny}, {e.maxx, e.miny}, {e.maxx, e.maxy}, {e.minx, e.maxy}}), {});
}

Geom makePolygon(Geom shell, std::vector<Geom> holes)
{
    std::vector<GEOSGeometry *> raw;
    raw.reserve(holes.size());
    for (Geom &h : holes)
        raw.push_back(h.release());
    GEOSGeometry *poly = GEOSGeom_createPolygon_r(ctx(), shell.release(), raw.data(), static_cast<unsigned>(raw.size()));
    return own(poly, "createPolygon");
}

Geom collect(int type, std::vector<Geom> parts)
{
    std::vector<GEOSGeometry *> raw;
    raw.reserve(parts.size());
    for (Geom &p : parts)
        raw.push_back(p.release());
    return own(GEOSGeom_createCollection_r(ctx(), type, raw.data(), static_cast<unsigned>(raw.size())),
               "createCollection");
}

int typeId(const GEOSGeometry *g)
{
    return GEOSGeomTypeId_r(ctx(), g);
}

std::vector<const GEOSGeometry *> members(const GEOSGeometry *g)
{
    std::vector<const GEOSGeometry *> out;
    const int type = typeId(g);
    if (type == GEOS_MULTIPOINT || type == GEOS_MULTILINESTRING || type == GEOS_MULTIPOLYGON
        || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(ctx(), g);
        for (int i = 0; i < n; ++i)
            out.push_back(GEOSGetGeometryN_r(ctx(), g, i));
    } else {
        out.push_back(g);
    }
    return out;
}

namespace {
void gatherPolygons(const GEOSGeometry *g, std::vector<Geom> &out)
{
    const int type = typeId(g);
    if (type == GEOS_POLYGON) {
        if (!isEmpty(g))
            out.push_back(clone(g));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        for (const GEOSGeometry *m : members(g))
            gatherPolygons(m, out);
    }
}
} // namespace

Geom polygonal(const GEOSGeometry *g)
{
    std::vector<Geom> polys;
    gatherPolygons(g, polys);
    if (polys.size() == 1)
        return std::move(polys.front());
    return collect(GEOS_MULTIPOLYGON, std::move(polys));
}

int polygonCount(const GEOSGeometry *g)
{
    return typeId(g) == GEOS_POLYGON ? 1 : GEOSGetNumGeometries_r(ctx(), g);
}

bool isEmpty(const GEOSGeometry *g)
{
    const char r = GEOSisEmpty_r(ctx(), g);
    if (r == 2)
        fail("isEmpty");
    return r == 1;
}

bool isValid(const GEOSGeometry *g)
{
    const char r = GEOSisValid_r(ctx(), g);
    if (r == 2)
        fail("isValid");
    return r == 1;
}

double area(const GEOSGeometry *g)
{
    double a = 0.0;
    if (!GEOSArea_r(ctx(), g, &a))
        fail("area");
    return a;
}

Extent extent(const GEOSGeometry *g)
{
    Extent e;
    if (!GEOSGeom_getExtent_r(ctx(), g, &e.minx, &e.miny, &e.maxx, &e.maxy))
        fail("getExtent");
    return e;
}

Pt centroid(const GEOSGeometry *g)
{
    Geom c = own(GEOSGetCentroid_r(ctx(), g), "centroid");
    return pointXY(c.get());
}

Pt pointOnSurface(const GEOSGeometry *g)
{
    Geom c = own(GEOSPointOnSurface_r(ctx(), g), "pointOnSurface");
    return pointXY(c.get());
}

Geom transform(const GEOSGeometry *g, const std::function<void(double &, double &)> &fn)
{
    auto *userdata = const_cast<void *>(static_cast<const void *>(&fn));
    return own(GEOSGeom_transformXY_r(ctx(), g, transformCallback, userdata), "transformXY");
}

Geom makeValid(const GEOSGeometry *g)
{
    return own(GEOSMakeValid_r(ctx(), g), "makeValid");
}

Geom intersection(const GEOSGeometry *a, const GEOSGeometry *b)
{
    return own(GEOSIntersection_r(ctx(), a, b), "intersection");
}

Geom difference(const GEOSGeometry *a, const GEOSGeometry *b)
{
    return own(GEOSDifference_r(ctx(), a, b), "difference");
}

Geom symDifference(const GEOSGeometry *a, const GEOSGeometry *b)
{
    return own(GEOSSymDifference_r(ctx(), a, b), "symDifference");
}

std::vector<double> ringXY(const GEOSGeometry *ring)
{
    const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(ctx(), ring);
    unsigned n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx(), seq, &n))
        fail("getCoordSeq");
    std::vector<double> xy(2 * static_cast<std::size_t>(n));
    if (n > 0 && !GEOSCoordSeq_copyToBuffer_r(ctx(), seq, xy.data(), 0, 0))
        fail("copyToBuffer");
    return xy;
}

namespace {
Geom collectClones(const std::vector<const GEOSGeometry *> &parts)
{
    std::vector<Geom> copies;
    copies.reserve(parts.size());
    for (const GEOSGeometry *p : parts)
        copies.push_back(clone(p));
    return collect(GEOS_GEOMETRYCOLLECTION, std::move(copies));
}

// Rebuilds a polygonal geometry from its rounded coordinates. Two reasons: snapping can leave a
// vertex one ulp away from the printed decimal, and GEOS results carry the fixed precision model
// of the snapping, which later "exact" overlays would silently apply again. The copy has the
// default floating model and exactly the coordinates the writer prints.
Geom rebuildRounded(const GEOSGeometry *g)
{
    auto ring = [](const GEOSGeometry *r) {
        std::vector<double> xy = ringXY(r);
        for (double &v : xy)
            v = roundCoord(v);
        const auto n = static_cast<unsigned>(xy.size() / 2);
        GEOSCoordSequence *out = GEOSCoordSeq_copyFromBuffer_r(ctx(), xy.data(), n, 0, 0);
        if (!out)
            fail("copyFromBuffer");
        return own(GEOSGeom_createLinearRing_r(ctx(), out), "createLinearRing");
    };
    auto polygon = [&ring](const GEOSGeometry *p) {
        std::vector<Geom> holes;
        const int n = GEOSGetNumInteriorRings_r(ctx(), p);
        for (int i = 0; i < n; ++i)
            holes.push_back(ring(GEOSGetInteriorRingN_r(ctx(), p, i)));
        return makePolygon(ring(GEOSGetExteriorRing_r(ctx(), p)), std::move(holes));
    };
    if (typeId(g) == GEOS_POLYGON)
        return polygon(g);
    std::vector<Geom> parts;
    for (const GEOSGeometry *m : members(g))
        parts.push_back(polygon(m));
    return collect(GEOS_MULTIPOLYGON, std::move(parts));
}

Geom finishOnGrid(const GEOSGeometry *g, const char *op)
{
    Geom out = rebuildRounded(polygonal(g).get());
    if (!isValid(out.get()))
        throw std::runtime_error(std::string(op) + ": result is not valid after rounding to 6 decimals");
    return out;
}
} // namespace

Geom unaryUnion(const std::vector<const GEOSGeometry *> &parts)
{
    Geom all = collectClones(parts);
    return own(GEOSUnaryUnion_r(ctx(), all.get()), "unaryUnion");
}

Geom snapToGrid(const GEOSGeometry *g)
{
    Geom snapped = own(GEOSGeom_setPrecision_r(ctx(), g, kGridSize, 0), "setPrecision");
    return finishOnGrid(snapped.get(), "setPrecision");
}

Geom intersectionOnGrid(const GEOSGeometry *a, const GEOSGeometry *b)
{
    Geom r = own(GEOSIntersectionPrec_r(ctx(), a, b, kGridSize), "intersectionPrec");
    return finishOnGrid(r.get(), "intersectionPrec");
}

Geom unionOnGrid(const std::vector<const GEOSGeometry *> &parts)
{
    Geom all = collectClones(parts);
    Geom r = own(GEOSUnaryUnionPrec_r(ctx(), all.get(), kGridSize), "unaryUnionPrec");
    return finishOnGrid(r.get(), "unaryUnionPrec");
}

namespace {
void gatherCoordinates(const GEOSGeometry *g, std::vector<Pt> &out)
{
    const int type = typeId(g);
    if (type == GEOS_POLYGON) {
        std::vector<const GEOSGeometry *> rings{GEOSGetExteriorRing_r(ctx(), g)};
        const int holes = GEOSGetNumInteriorRings_r(ctx(), g);
        for (int i = 0; i < holes; ++i)
            rings.push_back(GEOSGetInteriorRingN_r(ctx(), g, i));
        for (const GEOSGeometry *ring : rings) {
            const std::vector<double> xy = ringXY(ring);
            for (std::size_t i = 0; i + 1 < xy.size(); i += 2)
                out.push_back({xy[i], xy[i + 1]});
        }
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        for (const GEOSGeometry *m : members(g))
            gatherCoordinates(m, out);
    }
}
} // namespace

InsideClipper::InsideClipper(const GEOSGeometry *region) : region_(region), prepared_(prepare(region))
{
    gatherCoordinates(region, vertices_);
    std::sort(vertices_.begin(), vertices_.end(), [](Pt a, Pt b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
}

Pt InsideClipper::placeCrossing(Pt p) const
{
    // Within two grid steps of a region vertex, the vertex itself is the only safe choice: next to a
    // reflex corner a covered grid point can still see the far end of the adjacent edge across
    // the outside.
    const double near = 2.5 * kGridSize;
    auto it = std::lower_bound(vertices_.begin(), vertices_.end(), p.x - near,
                               [](Pt v, double x) { return v.x < x; });
    const Pt *closest = nullptr;
    for (; it != vertices_.end() && it->x <= p.x + near; ++it)
        if (dist2(*it, p) <= near * near && (!closest || dist2(*it, p) < dist2(*closest, p)))
            closest = &*it;
    if (closest)
        return *closest;

    // Elsewhere the boundary is a straight edge here; the nearest grid point on its inner side.
    const double fx = std::floor(p.x * 1e6), fy = std::floor(p.y * 1e6);
    Pt best{roundCoord(p.x), roundCoord(p.y)};
    double bestD = -1.0;
    for (const double gx : {fx, fx + 1.0}) {
        for (const double gy : {fy, fy + 1.0}) {
            const Pt c{gx / 1e6, gy / 1e6};
            const double d = dist2(c, p);
            if ((bestD < 0.0 || d < bestD) && covers(prepared_, c)) {
                best = c;
                bestD = d;
            }
        }
    }
    return best;
}

Geom InsideClipper::clip(const GEOSGeometry *a) const
{
    const Geom exact = polygonal(intersection(a, region_).get());
    Geom moved = transform(exact.get(), [this](double &x, double &y) {
        if (x == roundCoord(x) && y == roundCoord(y))
            return; // an input vertex
        const Pt p = placeCrossing({x, y});
        x = p.x;
        y = p.y;
    });
    if (!isEmpty(moved.get()) && isValid(moved.get())) {
        if (GEOSPreparedCovers_r(ctx(), prepared_.get(), moved.get()) == 1)
            return moved;
        const Geom outside = difference(moved.get(), region_);
        if (area(outside.get()) <= 1e-9 * area(moved.get()))
            return moved;
    }
    return intersectionOnGrid(a, region_);
}

Prepared prepare(const GEOSGeometry *g)
{
    const GEOSPreparedGeometry *p = GEOSPrepare_r(ctx(), g);
    if (!p)
        fail("prepare");
    return Prepared(p);
}

bool contains(const Prepared &p, Pt pt)
{
    Geom point = makePoint(pt);
    const char r = GEOSPreparedContains_r(ctx(), p.get(), point.get());
    if (r == 2)
        fail("preparedContains");
    return r == 1;
}

bool covers(const Prepared &p, Pt pt)
{
    Geom point = makePoint(pt);
    const char r = GEOSPreparedCovers_r(ctx(), p.get(), point.get());
    if (r == 2)
        fail("preparedCovers");
    return r == 1;
}

double distance(const Prepared &p, Pt pt)
{
    Geom point = makePoint(pt);
    double d = 0.0;
    if (!GEOSPreparedDistance_r(ctx(), p.get(), point.get(), &d))
        fail("preparedDistance");
    return d;
}

} // namespace geogen
