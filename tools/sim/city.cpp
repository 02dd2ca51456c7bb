#include "city.h"

#include <geo/mercator.h>
#include <geo/regionloader.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace gridwall::sim {

namespace {

// Urban communities are numbered 001-199 and villages 200-399 (docs/geography.md).
bool isUrbanGridCode(const QString &code)
{
    return code.size() == 15 && code.mid(9, 3).toInt() < 200;
}

std::string stripSuffix(const QString &name)
{
    for (const QString &suffix : {QStringLiteral("社区"), QStringLiteral("村")})
        if (name.endsWith(suffix) && name.size() > suffix.size())
            return name.chopped(suffix.size()).toStdString();
    return name.toStdString();
}

} // namespace

std::unique_ptr<City> City::load(const QString &regionsFile, const QString &sitesFile, QString *error)
{
    auto loaded = geo::loadRegionFile(regionsFile);
    if (!loaded.tree) {
        *error = loaded.error;
        return nullptr;
    }
    std::unique_ptr<City> city(new City);
    city->m_tree = loaded.tree;
    const geo::RegionTree &tree = *city->m_tree;
    const QList<int> &gridRegions = tree.level(geo::Level::Grid);
    if (gridRegions.isEmpty()) {
        *error = QStringLiteral("%1: no grid regions").arg(regionsFile);
        return nullptr;
    }
    city->m_groundScale = geo::groundScale(tree.geoFromScene(tree.homeBounds().center()).latitude());
    city->m_gridOfRegion.assign(tree.regions().size(), -1);

    GEOSContextHandle_t h = tree.geosHandle();
    Rng rng(0x9d1d); // per-grid population spread; fixed, part of the city, not of a run
    int urbanCount = 0;
    for (int region : gridRegions)
        urbanCount += isUrbanGridCode(tree.region(region).code) ? 1 : 0;
    const int villageCount = int(gridRegions.size()) - urbanCount;

    std::vector<double> weights, urbanWeights;
    for (int region : gridRegions) {
        const geo::Region &r = tree.region(region);
        GridInfo g;
        g.region = region;
        g.code = r.code.toStdString();
        g.name = r.name.toStdString();
        g.urban = urbanCount == 0 || isUrbanGridCode(r.code);
        g.community = r.parent;
        g.street = g.community >= 0 ? tree.region(g.community).parent : -1;
        g.district = g.street >= 0 ? tree.region(g.street).parent : -1;
        // Grids are drawn for roughly equal numbers of households, so the
        // population is split evenly within each kind, with some spread.
        const double share = g.urban ? kUrbanShare / std::max(1, urbanCount)
                                     : (1 - kUrbanShare) / std::max(1, villageCount);
        g.population = kPopulation * share * rng.uniform(0.7, 1.3);
        g.bounds = r.bounds;
        g.anchor = r.bounds.center();
        if (GEOSGeometry *p = GEOSPointOnSurface_r(h, tree.geometry(region))) {
            double x = 0, y = 0;
            if (GEOSGeomGetX_r(h, p, &x) == 1 && GEOSGeomGetY_r(h, p, &y) == 1)
                g.anchor = QPointF(x, y);
            GEOSGeom_destroy_r(h, p);
        }
        city->m_gridOfRegion[size_t(region)] = int(city->m_grids.size());
        city->m_placeWords.push_back(g.community >= 0 ? stripSuffix(tree.region(g.community).name) : g.name);
        weights.push_back(g.population);
        if (g.urban) {
            city->m_urbanGrids.push_back(int(city->m_grids.size()));
            urbanWeights.push_back(g.population);
        }
        city->m_grids.push_back(std::move(g));
    }
    city->m_byPopulation.assign(weights);
    city->m_urbanByPopulation.assign(urbanWeights);

    if (!city->loadSites(sitesFile, error))
        return nullptr;
    return city;
}

bool City::loadSites(const QString &file, QString *error)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read: %2").arg(file, f.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    if (doc.isNull()) {
        *error = QStringLiteral("%1: %2 at offset %3").arg(file, parseError.errorString()).arg(parseError.offset);
        return false;
    }
    static const QStringList kinds = {QStringLiteral("police_station"), QStringLiteral("checkpoint"),
                                      QStringLiteral("mediation_room"), QStringLiteral("mediation_point"),
                                      QStringLiteral("smart_community")};
    const QJsonArray features = doc.object().value(QStringLiteral("features")).toArray();
    int n = 0;
    for (const QJsonValue &v : features) {
        ++n;
        const QJsonObject feature = v.toObject();
        const QJsonObject props = feature.value(QStringLiteral("properties")).toObject();
        const QJsonArray coords
            = feature.value(QStringLiteral("geometry")).toObject().value(QStringLiteral("coordinates")).toArray();
        Site s;
        s.id = props.value(QStringLiteral("id")).toString().toStdString();
        const QString kind = props.value(QStringLiteral("kind")).toString();
        s.kind = kinds.contains(kind) ? kind.toStdString() : std::string("other");
        s.name = props.value(QStringLiteral("name")).toString().toStdString();
        if (s.id.empty() || s.id.find_first_of("/#+") != std::string::npos || coords.size() < 2 || !coords[0].isDouble()
            || !coords[1].isDouble()) {
            *error = QStringLiteral("%1: feature %2: needs a plain id and a Point geometry").arg(file).arg(n);
            return false;
        }
        s.geo = {coords[0].toDouble(), coords[1].toDouble()};
        s.scene = toScene(s.geo);
        s.grid = gridOfCode(props.value(QStringLiteral("region")).toString());
        if (s.grid < 0)
            s.grid = gridAt(s.scene);
        if (s.grid < 0) {
            *error = QStringLiteral("%1: site %2 lies outside every grid").arg(file, QString::fromStdString(s.id));
            return false;
        }
        for (const QJsonValue &rv : props.value(QStringLiteral("rings")).toArray()) {
            const QJsonObject ro = rv.toObject();
            s.rings.push_back(
                {ro.value(QStringLiteral("minutes")).toInt(), ro.value(QStringLiteral("radius_m")).toInt()});
        }
        m_sites.push_back(std::move(s));
    }
    return true;
}

int City::gridAt(QPointF scene) const
{
    return gridOfRegion(m_tree->hitTest(scene, geo::Level::Grid));
}

QPointF City::randomPointInGrid(int grid, Rng &rng) const
{
    const GridInfo &g = m_grids[size_t(grid)];
    for (int attempt = 0; attempt < 48; ++attempt) {
        const QPointF p(rng.uniform(g.bounds.left(), g.bounds.right()), rng.uniform(g.bounds.top(), g.bounds.bottom()));
        if (m_tree->hitTest(p, geo::Level::Grid) == g.region)
            return p;
    }
    return g.anchor;
}

QPointF City::randomPointNear(QPointF centre, double radiusM, Rng &rng) const
{
    const double r = radiusM / m_groundScale;
    for (int attempt = 0; attempt < 24; ++attempt) {
        const double a = rng.uniform(0, 2 * std::numbers::pi);
        const double d = r * std::sqrt(rng.uniform());
        const QPointF p = centre + QPointF(d * std::cos(a), d * std::sin(a));
        if (gridAt(p) >= 0)
            return p;
    }
    return centre;
}

GeoPoint City::toGeo(QPointF scene) const
{
    const QGeoCoordinate c = m_tree->geoFromScene(scene);
    return {c.longitude(), c.latitude()};
}

double City::metres(QPointF a, QPointF b) const
{
    const QPointF d = b - a;
    return std::hypot(d.x(), d.y()) * m_groundScale;
}

std::string City::communityName(int grid) const
{
    const int c = m_grids[size_t(grid)].community;
    return c >= 0 ? m_tree->region(c).name.toStdString() : std::string();
}

std::string City::streetName(int grid) const
{
    const int s = m_grids[size_t(grid)].street;
    return s >= 0 ? m_tree->region(s).name.toStdString() : std::string();
}

std::string City::districtName(int grid) const
{
    const int d = m_grids[size_t(grid)].district;
    return d >= 0 ? m_tree->region(d).name.toStdString() : std::string();
}

} // namespace gridwall::sim
