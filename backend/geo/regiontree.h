#pragma once
// The four-level region tree (district > street > community > grid) with its
// geometry in scene coordinates, and point lookup at every level.

#include "geos.h"

#include <QGeoCoordinate>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <array>
#include <optional>
#include <vector>

namespace gridwall::geo {

enum class Level : int { District = 0, Street = 1, Community = 2, Grid = 3 };
inline constexpr int kLevelCount = 4;

std::optional<Level> levelFromName(QStringView name);
QString levelName(Level level);

struct Region
{
    QString code;
    QString name;   // as given (Chinese for Panjin)
    QString nameEn; // optional English name; falls back to name
    Level level = Level::District;
    int parent = -1;
    QList<int> children;
    QRectF bounds;      // scene coordinates
    QRectF focusBounds; // bounds of its substantial parts: what a view of it shows
    QPointF labelPoint; // scene; the centre of the largest inscribed circle
    double areaKm2 = 0; // ground area
};

class RegionTree
{
public:
    explicit RegionTree(QPointF originMercator);
    ~RegionTree();
    RegionTree(const RegionTree &) = delete;
    RegionTree &operator=(const RegionTree &) = delete;

    const std::vector<Region> &regions() const { return m_regions; }
    const Region &region(int index) const { return m_regions[size_t(index)]; }
    int indexOf(const QString &code) const { return m_byCode.value(code, -1); }
    // Indices of the regions of one level, in file order.
    const QList<int> &level(Level l) const { return m_levels[size_t(l)]; }
    // Scene bounds of the whole tree.
    QRectF bounds() const { return m_bounds; }
    // What the home view shows: the districts' focus bounds.
    QRectF homeBounds() const { return m_homeBounds; }
    // Median side (sqrt of area, in scene units) of the regions of a level:
    // how large a region of that level typically looks, for level of detail.
    double typicalSize(Level l) const { return m_typicalSize[size_t(l)]; }

    QPointF originMercator() const { return m_origin; }
    QPointF sceneFromGeo(double lon, double lat) const;
    QGeoCoordinate geoFromScene(QPointF scene) const;

    // The region of a level under a scene point, or -1.
    int hitTest(QPointF scene, Level level) const;
    // The regions under a scene point, one per level (-1 where none).
    std::array<int, kLevelCount> hitTestAll(QPointF scene) const;
    // The chain from a district down to the given region.
    QList<int> pathTo(int index) const;

    const GEOSGeometry *geometry(int index) const { return m_geometries[size_t(index)].get(); }
    GEOSContextHandle_t geosHandle() const { return m_geos.handle(); }

private:
    friend class RegionTreeBuilder;

    Geos m_geos;
    QPointF m_origin;
    std::vector<Region> m_regions;
    std::vector<Geos::GeometryPtr> m_geometries;
    std::vector<const GEOSPreparedGeometry *> m_prepared;
    std::array<GEOSSTRtree *, kLevelCount> m_index{};
    std::array<QList<int>, kLevelCount> m_levels;
    std::array<double, kLevelCount> m_typicalSize{};
    QHash<QString, int> m_byCode;
    QRectF m_bounds;
    QRectF m_homeBounds;
};

} // namespace gridwall::geo
