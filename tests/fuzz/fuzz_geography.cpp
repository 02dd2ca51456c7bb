// libFuzzer target: the region tree loader (backend/geo/regionloader.h) on
// GeoJSON bytes. Run it with a small -max_len: GEOS's validity checks grow
// with the number of vertices.
//
// regionloader.h promises a tree or one line that names the problem, never
// both; a tree that loads is a consistent four-level tree whose regions
// hit-test where they lie.

#include "fuzzcheck.h"

#include "geo/regionloader.h"

#include <QByteArray>
#include <QString>

#include <cmath>
#include <cstdint>

using namespace gridwall::geo;

namespace {

const QString kSource = QStringLiteral("fuzz.geojson");

bool finiteRect(const QRectF &r)
{
    return std::isfinite(r.x()) && std::isfinite(r.y()) && std::isfinite(r.width()) && std::isfinite(r.height())
        && r.width() >= 0 && r.height() >= 0;
}

void checkTree(const RegionTree &tree)
{
    const std::vector<Region> &regions = tree.regions();
    FUZZ_CHECK(!regions.empty());
    FUZZ_CHECK(!tree.level(Level::District).isEmpty());
    FUZZ_CHECK(finiteRect(tree.bounds()));

    qsizetype perLevel = 0;
    for (int l = 0; l < kLevelCount; ++l) {
        perLevel += tree.level(Level(l)).size();
        for (const int i : tree.level(Level(l)))
            FUZZ_CHECK(i >= 0 && size_t(i) < regions.size() && regions[size_t(i)].level == Level(l));
        FUZZ_CHECK(std::isfinite(tree.typicalSize(Level(l))) && tree.typicalSize(Level(l)) >= 0);
    }
    FUZZ_CHECK(size_t(perLevel) == regions.size());

    for (size_t i = 0; i < regions.size(); ++i) {
        const Region &r = regions[i];
        FUZZ_CHECK(!r.code.trimmed().isEmpty() && !r.name.trimmed().isEmpty());
        FUZZ_CHECK(tree.indexOf(r.code) == int(i));
        if (r.level == Level::District) {
            FUZZ_CHECK(r.parent == -1);
        } else {
            FUZZ_CHECK(r.parent >= 0 && size_t(r.parent) < regions.size());
            const Region &parent = regions[size_t(r.parent)];
            FUZZ_CHECK(int(parent.level) == int(r.level) - 1);
            FUZZ_CHECK(parent.children.contains(int(i)));
        }
        for (const int child : r.children)
            FUZZ_CHECK(child >= 0 && size_t(child) < regions.size() && regions[size_t(child)].parent == int(i));
        const QList<int> path = tree.pathTo(int(i));
        FUZZ_CHECK(path.size() == int(r.level) + 1 && path.back() == int(i));
        FUZZ_CHECK(regions[size_t(path.front())].level == Level::District);

        FUZZ_CHECK(finiteRect(r.bounds) && finiteRect(r.focusBounds));
        FUZZ_CHECK(std::isfinite(r.areaKm2) && r.areaKm2 >= 0);
        FUZZ_CHECK(std::isfinite(r.labelPoint.x()) && std::isfinite(r.labelPoint.y()));
        FUZZ_CHECK(tree.geometry(int(i)) != nullptr);
    }

    // A point inside a region hits a region of its level there (tiles may
    // overlap, so not necessarily the same one). Bounded: a few regions.
    GEOSContextHandle_t h = tree.geosHandle();
    for (size_t i = 0; i < regions.size() && i < 16; ++i) {
        GEOSGeometry *inside = GEOSPointOnSurface_r(h, tree.geometry(int(i)));
        if (!inside)
            continue;
        double x = 0, y = 0;
        const bool gotXY = GEOSGeomGetX_r(h, inside, &x) == 1 && GEOSGeomGetY_r(h, inside, &y) == 1;
        const bool interior = GEOSContains_r(h, tree.geometry(int(i)), inside) == 1;
        GEOSGeom_destroy_r(h, inside);
        if (gotXY && interior)
            FUZZ_CHECK(tree.hitTest(QPointF(x, y), regions[i].level) >= 0);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const RegionLoadResult result = loadRegionJson(json, kSource);
    if (!result.tree) {
        FUZZ_CHECK(!result.error.isEmpty());
        FUZZ_CHECK(result.error.startsWith(kSource + QLatin1String(": ")));
        FUZZ_CHECK(!result.error.contains(QLatin1Char('\n'))); // one line
        return 0;
    }
    FUZZ_CHECK(result.error.isEmpty());
    checkTree(*result.tree);
    return 0;
}
