#include "regiontree.h"

#include "mercator.h"

namespace gridwall::geo {

namespace {
constexpr std::array<const char *, kLevelCount> kLevelNames = {"district", "street", "community", "grid"};
}

std::optional<Level> levelFromName(QStringView name)
{
    for (int i = 0; i < kLevelCount; ++i) {
        if (name == QLatin1String(kLevelNames[size_t(i)]))
            return Level(i);
    }
    return std::nullopt;
}

QString levelName(Level level)
{
    return QString::fromLatin1(kLevelNames[size_t(level)]);
}

RegionTree::RegionTree(QPointF originMercator)
    : m_origin(originMercator)
{
}

RegionTree::~RegionTree()
{
    for (GEOSSTRtree *index : m_index) {
        if (index)
            GEOSSTRtree_destroy_r(m_geos.handle(), index);
    }
    for (const GEOSPreparedGeometry *prepared : m_prepared)
        GEOSPreparedGeom_destroy_r(m_geos.handle(), prepared);
}

QPointF RegionTree::sceneFromGeo(double lon, double lat) const
{
    return mercatorFromGeo(lon, lat) - m_origin;
}

QGeoCoordinate RegionTree::geoFromScene(QPointF scene) const
{
    return geoFromMercator(scene + m_origin);
}

int RegionTree::hitTest(QPointF scene, Level level) const
{
    GEOSSTRtree *index = m_index[size_t(level)];
    if (!index || !m_bounds.contains(scene))
        return -1;
    GEOSContextHandle_t h = m_geos.handle();
    auto point = m_geos.own(GEOSGeom_createPointFromXY_r(h, scene.x(), scene.y()));

    struct Query
    {
        const RegionTree *tree;
        const GEOSGeometry *point;
        int found = -1;
    } query{this, point.get()};
    GEOSSTRtree_query_r(
        h, index, point.get(),
        [](void *item, void *userdata) {
            auto *q = static_cast<Query *>(userdata);
            const int candidate = int(reinterpret_cast<quintptr>(item));
            // Tiles share borders: the first region that contains the point wins.
            if (q->found < 0 && GEOSPreparedContains_r(q->tree->m_geos.handle(), q->tree->m_prepared[size_t(candidate)], q->point) == 1)
                q->found = candidate;
        },
        &query);
    return query.found;
}

std::array<int, kLevelCount> RegionTree::hitTestAll(QPointF scene) const
{
    std::array<int, kLevelCount> hits;
    for (int l = 0; l < kLevelCount; ++l)
        hits[size_t(l)] = hitTest(scene, Level(l));
    return hits;
}

QList<int> RegionTree::pathTo(int index) const
{
    QList<int> path;
    for (int i = index; i >= 0; i = m_regions[size_t(i)].parent)
        path.prepend(i);
    return path;
}

} // namespace gridwall::geo
