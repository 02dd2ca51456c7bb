#include "regionmesh.h"

#include <QSet>

#include <cmath>
#include <functional>

namespace gridwall::map {

namespace {

using geo::RegionTree;

void forEachPolygon(GEOSContextHandle_t h, const GEOSGeometry *g, const std::function<void(const GEOSGeometry *)> &fn)
{
    if (GEOSGeomTypeId_r(h, g) == GEOS_POLYGON) {
        fn(g);
        return;
    }
    const int n = GEOSGetNumGeometries_r(h, g);
    for (int i = 0; i < n; ++i)
        forEachPolygon(h, GEOSGetGeometryN_r(h, g, i), fn);
}

void forEachRing(GEOSContextHandle_t h, const GEOSGeometry *g, const std::function<void(const GEOSCoordSequence *)> &fn)
{
    forEachPolygon(h, g, [&](const GEOSGeometry *polygon) {
        fn(GEOSGeom_getCoordSeq_r(h, GEOSGetExteriorRing_r(h, polygon)));
        const int holes = GEOSGetNumInteriorRings_r(h, polygon);
        for (int i = 0; i < holes; ++i)
            fn(GEOSGeom_getCoordSeq_r(h, GEOSGetInteriorRingN_r(h, polygon, i)));
    });
}

std::vector<double> coordinates(GEOSContextHandle_t h, const GEOSCoordSequence *seq)
{
    unsigned int n = 0;
    GEOSCoordSeq_getSize_r(h, seq, &n);
    std::vector<double> xy(size_t(n) * 2);
    if (n)
        GEOSCoordSeq_copyToBuffer_r(h, seq, xy.data(), 0, 0);
    return xy;
}

// Fills are triangulated from the outline simplified to well under what a
// pixel shows at the closest zoom (4 pixels a metre): GEOS's constrained
// Delaunay triangulation grows faster than the vertices do, and one grid ring
// of 50,000 vertices (centimetres apart) took 12 s to triangulate whole. The
// borders are drawn from the outline as given.
constexpr double kFillToleranceMetres = 0.05;

void appendTriangles(GEOSContextHandle_t h, const GEOSGeometry *region, std::vector<float> &out)
{
    GEOSGeometry *simple = GEOSTopologyPreserveSimplify_r(h, region, kFillToleranceMetres);
    GEOSGeometry *triangles = GEOSConstrainedDelaunayTriangulation_r(h, simple ? simple : region);
    if (simple)
        GEOSGeom_destroy_r(h, simple);
    if (!triangles)
        return;
    forEachPolygon(h, triangles, [&](const GEOSGeometry *triangle) {
        const std::vector<double> xy = coordinates(h, GEOSGeom_getCoordSeq_r(h, GEOSGetExteriorRing_r(h, triangle)));
        for (size_t i = 0; i < 6 && i < xy.size(); ++i)
            out.push_back(float(xy[i]));
    });
    GEOSGeom_destroy_r(h, triangles);
}

void appendSegment(std::vector<LineVertex> &out, float ax, float ay, float bx, float by)
{
    const float len = std::hypot(bx - ax, by - ay);
    if (len <= 0)
        return;
    const float dx = (bx - ax) / len, dy = (by - ay) / len;
    const float nx = -dy, ny = dx;
    // Each end is pushed out by half a width along the segment to close joints.
    const LineVertex a1{ax, ay, -dx + nx, -dy + ny, 1}, a2{ax, ay, -dx - nx, -dy - ny, -1};
    const LineVertex b1{bx, by, dx + nx, dy + ny, 1}, b2{bx, by, dx - nx, dy - ny, -1};
    out.insert(out.end(), {a1, a2, b1, b1, a2, b2});
}

// Neighbouring regions share their borders: draw each segment once.
struct SegmentKey
{
    qint64 a, b;
    bool operator==(const SegmentKey &o) const { return a == o.a && b == o.b; }
};
size_t qHash(const SegmentKey &k, size_t seed = 0)
{
    return ::qHash(k.a, seed) ^ (::qHash(k.b, seed) * 31);
}
qint64 pointKey(double x, double y)
{
    // Decimetre cells; scene coordinates stay within a few hundred km of the origin.
    return (qint64(std::llround(x * 10)) << 32) ^ (qint64(std::llround(y * 10)) & 0xffffffff);
}

void appendRings(GEOSContextHandle_t h, const GEOSGeometry *region, std::vector<LineVertex> &out, QSet<SegmentKey> *seen)
{
    forEachRing(h, region, [&](const GEOSCoordSequence *seq) {
        const std::vector<double> xy = coordinates(h, seq);
        for (size_t i = 2; i + 1 < xy.size(); i += 2) {
            if (seen) {
                qint64 ka = pointKey(xy[i - 2], xy[i - 1]), kb = pointKey(xy[i], xy[i + 1]);
                if (ka > kb)
                    std::swap(ka, kb);
                if (ka == kb)
                    continue;
                const SegmentKey key{ka, kb};
                if (seen->contains(key))
                    continue;
                seen->insert(key);
            }
            appendSegment(out, float(xy[i - 2]), float(xy[i - 1]), float(xy[i]), float(xy[i + 1]));
        }
    });
}

} // namespace

RegionMeshes buildRegionMeshes(const RegionTree &tree)
{
    RegionMeshes meshes;
    GEOSContextHandle_t h = tree.geosHandle();
    for (int l = 0; l < geo::kLevelCount; ++l) {
        const QList<int> &regions = tree.level(geo::Level(l));
        FillMesh &fill = meshes.fills[size_t(l)];
        fill.first.reserve(size_t(regions.size()) + 1);
        QSet<SegmentKey> seen;
        for (int index : regions) {
            fill.first.push_back(fill.vertexCount());
            appendTriangles(h, tree.geometry(index), fill.positions);
            appendRings(h, tree.geometry(index), meshes.borders[size_t(l)].vertices, &seen);
        }
        fill.first.push_back(fill.vertexCount());
    }
    return meshes;
}

LineMesh buildOutline(const RegionTree &tree, int region)
{
    LineMesh mesh;
    if (region >= 0)
        appendRings(tree.geosHandle(), tree.geometry(region), mesh.vertices, nullptr);
    return mesh;
}

LineMesh buildClosedLines(const std::vector<std::vector<QPointF>> &lines)
{
    LineMesh mesh;
    for (const std::vector<QPointF> &line : lines) {
        for (size_t i = 0; i < line.size(); ++i) {
            const QPointF &a = line[i], &b = line[(i + 1) % line.size()];
            appendSegment(mesh.vertices, float(a.x()), float(a.y()), float(b.x()), float(b.y()));
        }
    }
    return mesh;
}

} // namespace gridwall::map
