#include "regionloader.h"

#include "common/oneline.h"

#include "mercator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace gridwall::geo {

// Builds a RegionTree; lives here because only the loader may assemble one.
class RegionTreeBuilder
{
public:
    explicit RegionTreeBuilder(const QString &source)
        : m_source(source)
    {
    }
    RegionLoadResult load(const QByteArray &json);

private:
    struct Ring
    {
        std::vector<double> xy; // lon, lat pairs
    };
    struct Polygon
    {
        std::vector<Ring> rings; // outer first
    };
    struct Feature
    {
        Region region;
        QString parentCode;
        std::vector<Polygon> polygons;
    };

    RegionLoadResult fail(const QString &problem) const;
    QString parseFeature(int number, const QJsonValue &value, Feature &out) const;
    static QString parsePolygon(const QJsonArray &rings, Polygon &out);
    GEOSGeometry *makeGeometry(const Feature &feature) const;
    QString describe(const Feature &f) const;
    static QRectF mainBounds(GEOSContextHandle_t h, const GEOSGeometry *g);
    static QPointF widestPoint(GEOSContextHandle_t h, const GEOSGeometry *g, const QRectF &bounds, double area);

    QString m_source;
    std::unique_ptr<RegionTree> m_tree;
};

namespace {

QString quoted(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}


double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    auto mid = values.begin() + std::ptrdiff_t(values.size() / 2);
    std::nth_element(values.begin(), mid, values.end());
    return *mid;
}

} // namespace

// Bounds of a region's substantial parts (at least 5 % of its largest part),
// so that far-off small exclaves (Panjin's oil-field parcels) do not shrink
// the view that focuses on it.
QRectF RegionTreeBuilder::mainBounds(GEOSContextHandle_t h, const GEOSGeometry *g)
{
    struct Part
    {
        double area;
        QRectF bounds;
    };
    std::vector<Part> parts;
    double largest = 0;
    for (int i = 0; i < GEOSGetNumGeometries_r(h, g); ++i) {
        const GEOSGeometry *part = GEOSGetGeometryN_r(h, g, i);
        Part p{0, {}};
        GEOSArea_r(h, part, &p.area);
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        GEOSGeom_getXMin_r(h, part, &x0);
        GEOSGeom_getYMin_r(h, part, &y0);
        GEOSGeom_getXMax_r(h, part, &x1);
        GEOSGeom_getYMax_r(h, part, &y1);
        p.bounds = QRectF(QPointF(x0, y0), QPointF(x1, y1));
        largest = std::max(largest, p.area);
        parts.push_back(p);
    }
    QRectF bounds;
    for (const Part &p : parts) {
        if (p.area >= 0.05 * largest)
            bounds = bounds.isNull() ? p.bounds : bounds.united(p.bounds);
    }
    return bounds;
}

RegionLoadResult RegionTreeBuilder::fail(const QString &problem) const
{
    return {nullptr, oneLine(m_source + QLatin1String(": ") + problem)};
}

// The centre of the largest inscribed circle, to sqrt(area) / 200. GEOS finds
// it by refining a grid over the envelope (in GEOS 3.11, starting from
// square cells of the envelope's shorter side) until the cells are below the
// tolerance, so the work grows with the envelope's aspect and with its size
// over the tolerance: a sliver a few centimetres wide and hundreds of
// kilometres long took minutes and gigabytes. The tolerance is therefore at
// least 1/20000 of the envelope's diagonal (regions of ordinary shape keep
// sqrt(area) / 200), and an envelope more than 1000 times longer than wide
// gets a point on the surface instead.
QPointF RegionTreeBuilder::widestPoint(GEOSContextHandle_t h, const GEOSGeometry *g, const QRectF &bounds, double area)
{
    constexpr double kMaxAspect = 1000;
    constexpr double kMaxSteps = 20000;
    const double shorter = std::min(bounds.width(), bounds.height());
    const double longer = std::max(bounds.width(), bounds.height());
    GEOSGeometry *found = nullptr;
    if (shorter > 0 && longer / shorter <= kMaxAspect) {
        const double diagonal = std::hypot(bounds.width(), bounds.height());
        GEOSGeometry *circle = GEOSMaximumInscribedCircle_r(h, g, std::max(std::sqrt(area) / 200, diagonal / kMaxSteps));
        if (circle) {
            found = GEOSGeomGetStartPoint_r(h, circle);
            GEOSGeom_destroy_r(h, circle);
        }
    }
    if (!found)
        found = GEOSPointOnSurface_r(h, g);
    QPointF point = bounds.center();
    if (found) {
        double x = 0, y = 0;
        if (GEOSGeomGetX_r(h, found, &x) == 1 && GEOSGeomGetY_r(h, found, &y) == 1)
            point = QPointF(x, y);
        GEOSGeom_destroy_r(h, found);
    }
    return point;
}

QString RegionTreeBuilder::describe(const Feature &f) const
{
    return QStringLiteral("region %1 (%2)").arg(f.region.code, f.region.name);
}

QString RegionTreeBuilder::parsePolygon(const QJsonArray &rings, Polygon &out)
{
    if (rings.isEmpty())
        return QStringLiteral("a polygon has no rings");
    for (const QJsonValue &ringValue : rings) {
        const QJsonArray points = ringValue.toArray();
        if (points.size() < 4)
            return QStringLiteral("invalid polygon: a ring has fewer than 4 positions");
        Ring ring;
        ring.xy.reserve(size_t(points.size()) * 2);
        for (const QJsonValue &pointValue : points) {
            const QJsonArray p = pointValue.toArray();
            if (p.size() < 2 || !p[0].isDouble() || !p[1].isDouble())
                return QStringLiteral("a position is not a [lon, lat] pair of numbers");
            const double lon = p[0].toDouble();
            const double lat = p[1].toDouble();
            if (!std::isfinite(lon) || !std::isfinite(lat) || std::abs(lon) > 180 || std::abs(lat) > kMaxLatitude)
                return QStringLiteral("position [%1, %2] is outside the world").arg(lon).arg(lat);
            ring.xy.push_back(lon);
            ring.xy.push_back(lat);
        }
        const size_t n = ring.xy.size();
        if (ring.xy[0] != ring.xy[n - 2] || ring.xy[1] != ring.xy[n - 1])
            return QStringLiteral("invalid polygon: a ring is not closed");
        out.rings.push_back(std::move(ring));
    }
    return {};
}

QString RegionTreeBuilder::parseFeature(int number, const QJsonValue &value, Feature &out) const
{
    const QString where = QStringLiteral("feature #%1").arg(number);
    const QJsonObject feature = value.toObject();
    if (feature.value(QLatin1String("type")).toString() != QLatin1String("Feature"))
        return where + QStringLiteral(": not a GeoJSON Feature");
    const QJsonObject props = feature.value(QLatin1String("properties")).toObject();
    for (const char *key : {"code", "name", "level"}) {
        const QJsonValue v = props.value(QLatin1String(key));
        if (!v.isString() || v.toString().trimmed().isEmpty())
            return where + QStringLiteral(": missing property %1").arg(quoted(QLatin1String(key)));
    }
    Region &r = out.region;
    r.code = props.value(QLatin1String("code")).toString();
    r.name = props.value(QLatin1String("name")).toString();
    r.nameEn = props.value(QLatin1String("name_en")).toString();
    const auto level = levelFromName(props.value(QLatin1String("level")).toString());
    if (!level)
        return describe(out) + QStringLiteral(": unknown level %1 (expected district, street, community or grid)")
                                   .arg(quoted(props.value(QLatin1String("level")).toString()));
    r.level = *level;
    const QJsonValue parent = props.value(QLatin1String("parent"));
    if (r.level == Level::District) {
        if (parent.isString() && !parent.toString().isEmpty())
            return describe(out) + QStringLiteral(": a district has no parent, but names %1").arg(quoted(parent.toString()));
    } else {
        if (!parent.isString() || parent.toString().isEmpty())
            return describe(out) + QStringLiteral(": missing property \"parent\"");
        out.parentCode = parent.toString();
    }

    const QJsonObject geometry = feature.value(QLatin1String("geometry")).toObject();
    const QString type = geometry.value(QLatin1String("type")).toString();
    const QJsonArray coordinates = geometry.value(QLatin1String("coordinates")).toArray();
    QString problem;
    if (type == QLatin1String("Polygon")) {
        out.polygons.resize(1);
        problem = parsePolygon(coordinates, out.polygons[0]);
    } else if (type == QLatin1String("MultiPolygon")) {
        if (coordinates.isEmpty())
            problem = QStringLiteral("an empty MultiPolygon");
        for (const QJsonValue &polygon : coordinates) {
            out.polygons.emplace_back();
            problem = parsePolygon(polygon.toArray(), out.polygons.back());
            if (!problem.isEmpty())
                break;
        }
    } else {
        problem = QStringLiteral("geometry must be a Polygon or MultiPolygon, not %1").arg(type.isEmpty() ? QStringLiteral("missing") : quoted(type));
    }
    return problem.isEmpty() ? QString() : describe(out) + QStringLiteral(": ") + problem;
}

GEOSGeometry *RegionTreeBuilder::makeGeometry(const Feature &feature) const
{
    GEOSContextHandle_t h = m_tree->geosHandle();
    std::vector<GEOSGeometry *> polygons;
    for (const Polygon &polygon : feature.polygons) {
        std::vector<GEOSGeometry *> rings;
        for (const Ring &ring : polygon.rings) {
            std::vector<double> scene(ring.xy.size());
            for (size_t i = 0; i < ring.xy.size(); i += 2) {
                const QPointF p = m_tree->sceneFromGeo(ring.xy[i], ring.xy[i + 1]);
                scene[i] = p.x();
                scene[i + 1] = p.y();
            }
            GEOSCoordSequence *seq = GEOSCoordSeq_copyFromBuffer_r(h, scene.data(), unsigned(scene.size() / 2), 0, 0);
            rings.push_back(GEOSGeom_createLinearRing_r(h, seq));
        }
        polygons.push_back(GEOSGeom_createPolygon_r(h, rings[0], rings.data() + 1, unsigned(rings.size() - 1)));
    }
    if (polygons.size() == 1)
        return polygons[0];
    return GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, polygons.data(), unsigned(polygons.size()));
}

RegionLoadResult RegionTreeBuilder::load(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("not GeoJSON: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset));
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("type")).toString() != QLatin1String("FeatureCollection")
        || !root.value(QLatin1String("features")).isArray())
        return fail(QStringLiteral("not a GeoJSON FeatureCollection"));
    const QJsonArray featureValues = root.value(QLatin1String("features")).toArray();

    std::vector<Feature> features(size_t(featureValues.size()));
    double minLon = 180, maxLon = -180, minLat = 90, maxLat = -90;
    for (int i = 0; i < featureValues.size(); ++i) {
        Feature &f = features[size_t(i)];
        if (const QString problem = parseFeature(i + 1, featureValues[i], f); !problem.isEmpty())
            return fail(problem);
        for (const Polygon &polygon : f.polygons) {
            const Ring &outer = polygon.rings[0];
            for (size_t k = 0; k < outer.xy.size(); k += 2) {
                minLon = std::min(minLon, outer.xy[k]);
                maxLon = std::max(maxLon, outer.xy[k]);
                minLat = std::min(minLat, outer.xy[k + 1]);
                maxLat = std::max(maxLat, outer.xy[k + 1]);
            }
        }
    }
    if (features.empty())
        return fail(QStringLiteral("no regions in the file"));

    m_tree.reset(new RegionTree(mercatorFromGeo((minLon + maxLon) / 2, (minLat + maxLat) / 2)));
    RegionTree &tree = *m_tree;
    GEOSContextHandle_t h = tree.geosHandle();

    // Codes and parents first: a structural problem is clearer than a geometric one.
    for (size_t i = 0; i < features.size(); ++i) {
        const Region &r = features[i].region;
        if (tree.m_byCode.contains(r.code))
            return fail(QStringLiteral("duplicate code %1").arg(quoted(r.code)));
        tree.m_byCode.insert(r.code, int(i));
    }
    for (Feature &f : features) {
        if (f.region.level == Level::District)
            continue;
        const int parent = tree.m_byCode.value(f.parentCode, -1);
        if (parent < 0)
            return fail(describe(f) + QStringLiteral(": dangling parent %1, no such region in the file").arg(quoted(f.parentCode)));
        const Level parentLevel = features[size_t(parent)].region.level;
        if (int(parentLevel) != int(f.region.level) - 1)
            return fail(describe(f) + QStringLiteral(": parent %1 is a %2, but a %3 needs a %4 as parent")
                                          .arg(quoted(f.parentCode), levelName(parentLevel), levelName(f.region.level),
                                               levelName(Level(int(f.region.level) - 1))));
        f.region.parent = parent;
    }

    tree.m_regions.reserve(features.size());
    tree.m_geometries.reserve(features.size());
    std::array<std::vector<double>, kLevelCount> sizes;
    for (size_t i = 0; i < features.size(); ++i) {
        Feature &f = features[i];
        auto geometry = tree.m_geos.own(makeGeometry(f));
        if (!geometry)
            return fail(describe(f) + QStringLiteral(": invalid polygon: %1").arg(tree.m_geos.lastMessage()));
        char *reason = nullptr;
        GEOSGeometry *location = nullptr;
        if (GEOSisValidDetail_r(h, geometry.get(), 0, &reason, &location) != 1) {
            QString where;
            if (location) {
                double x = 0, y = 0;
                GEOSGeomGetX_r(h, location, &x);
                GEOSGeomGetY_r(h, location, &y);
                const QGeoCoordinate c = tree.geoFromScene({x, y});
                where = QStringLiteral(" near %1, %2").arg(c.longitude(), 0, 'f', 6).arg(c.latitude(), 0, 'f', 6);
                GEOSGeom_destroy_r(h, location);
            }
            const QString why = reason ? QString::fromUtf8(reason) : tree.m_geos.lastMessage();
            GEOSFree_r(h, reason);
            return fail(describe(f) + QStringLiteral(": invalid polygon: %1%2").arg(why, where));
        }

        Region &r = f.region;
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        GEOSGeom_getXMin_r(h, geometry.get(), &x0);
        GEOSGeom_getYMin_r(h, geometry.get(), &y0);
        GEOSGeom_getXMax_r(h, geometry.get(), &x1);
        GEOSGeom_getYMax_r(h, geometry.get(), &y1);
        r.bounds = QRectF(QPointF(x0, y0), QPointF(x1, y1));
        r.focusBounds = mainBounds(h, geometry.get());
        if (r.level == Level::District)
            tree.m_homeBounds = tree.m_homeBounds.isNull() ? r.focusBounds : tree.m_homeBounds.united(r.focusBounds);
        double sceneArea = 0;
        GEOSArea_r(h, geometry.get(), &sceneArea);
        const double scale = groundScale(tree.geoFromScene(r.bounds.center()).latitude());
        r.areaKm2 = sceneArea * scale * scale / 1e6;
        sizes[size_t(r.level)].push_back(std::sqrt(sceneArea));

        // Labels go where the region is widest, not at a centroid that may lie outside it.
        if (r.level == Level::District || r.level == Level::Street)
            r.labelPoint = widestPoint(h, geometry.get(), r.bounds, sceneArea);
        else
            r.labelPoint = r.bounds.center();

        tree.m_bounds = tree.m_bounds.isNull() ? r.bounds : tree.m_bounds.united(r.bounds);
        tree.m_levels[size_t(r.level)].append(int(i));
        tree.m_geometries.push_back(std::move(geometry));
        tree.m_regions.push_back(r);
    }
    for (size_t i = 0; i < tree.m_regions.size(); ++i) {
        if (const int parent = tree.m_regions[i].parent; parent >= 0)
            tree.m_regions[size_t(parent)].children.append(int(i));
    }
    if (tree.m_levels[size_t(Level::District)].isEmpty())
        return fail(QStringLiteral("no district in the file"));

    for (int l = 0; l < kLevelCount; ++l) {
        tree.m_typicalSize[size_t(l)] = median(sizes[size_t(l)]);
        if (tree.m_levels[size_t(l)].isEmpty())
            continue;
        GEOSSTRtree *index = GEOSSTRtree_create_r(h, 10);
        for (int i : tree.m_levels[size_t(l)])
            GEOSSTRtree_insert_r(h, index, tree.m_geometries[size_t(i)].get(), reinterpret_cast<void *>(quintptr(i)));
        tree.m_index[size_t(l)] = index;
    }
    tree.m_prepared.reserve(tree.m_geometries.size());
    for (const auto &geometry : tree.m_geometries)
        tree.m_prepared.push_back(GEOSPrepare_r(h, geometry.get()));

    return {std::shared_ptr<const RegionTree>(m_tree.release()), {}};
}

RegionLoadResult loadRegionJson(const QByteArray &json, const QString &sourceName)
{
    return RegionTreeBuilder(sourceName).load(json);
}

RegionLoadResult loadRegionFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {nullptr, QStringLiteral("%1: cannot read: %2").arg(path, file.errorString())};
    return loadRegionJson(file.readAll(), path);
}

} // namespace gridwall::geo
