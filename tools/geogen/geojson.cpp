#include "geojson.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

#include <stdexcept>

namespace geogen {

namespace {

[[noreturn]] void bad(const QString &what)
{
    throw std::runtime_error(what.toStdString());
}

std::vector<Pt> ringFromJson(const QJsonArray &ring)
{
    std::vector<Pt> pts;
    pts.reserve(static_cast<std::size_t>(ring.size()));
    for (const QJsonValue &v : ring) {
        const QJsonArray c = v.toArray();
        if (c.size() < 2 || !c.at(0).isDouble() || !c.at(1).isDouble())
            bad(QStringLiteral("bad coordinate in GeoJSON ring"));
        pts.push_back({c.at(0).toDouble(), c.at(1).toDouble()});
    }
    return pts;
}

// A ring needs four positions once closed; anything less is a degenerate sliver of the source
// data and carries no area, so it is skipped rather than rejected.
bool usableRing(const std::vector<Pt> &ring)
{
    if (ring.size() < 3)
        return false;
    const bool closed = ring.front().x == ring.back().x && ring.front().y == ring.back().y;
    return ring.size() >= (closed ? 4u : 3u);
}

Geom polygonFromJson(const QJsonArray &rings)
{
    if (rings.isEmpty())
        return nullptr;
    std::vector<Pt> shell = ringFromJson(rings.at(0).toArray());
    if (!usableRing(shell))
        return nullptr;
    std::vector<Geom> holes;
    for (qsizetype i = 1; i < rings.size(); ++i) {
        std::vector<Pt> hole = ringFromJson(rings.at(i).toArray());
        if (usableRing(hole))
            holes.push_back(makeRing(hole));
    }
    return makePolygon(makeRing(shell), std::move(holes));
}

double signedArea(const std::vector<double> &xy)
{
    double a = 0.0;
    const std::size_t n = xy.size() / 2;
    for (std::size_t i = 0; i + 1 < n; ++i)
        a += xy[2 * i] * xy[2 * i + 3] - xy[2 * i + 2] * xy[2 * i + 1];
    return a / 2.0;
}

QJsonArray ringToJson(const GEOSGeometry *ring, bool counterClockwise)
{
    std::vector<double> xy = ringXY(ring);
    const std::size_t n = xy.size() / 2;
    for (double &v : xy)
        v = roundCoord(v);
    const bool isCcw = signedArea(xy) > 0.0;
    QJsonArray out;
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = (isCcw == counterClockwise) ? k : n - 1 - k;
        out.append(QJsonArray{xy[2 * i], xy[2 * i + 1]});
    }
    return out;
}

QJsonArray polygonToJson(const GEOSGeometry *poly)
{
    QJsonArray rings;
    rings.append(ringToJson(GEOSGetExteriorRing_r(ctx(), poly), true));
    const int holes = GEOSGetNumInteriorRings_r(ctx(), poly);
    for (int i = 0; i < holes; ++i)
        rings.append(ringToJson(GEOSGetInteriorRingN_r(ctx(), poly, i), false));
    return rings;
}

} // namespace

QJsonObject readJsonObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        bad(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &err);
    if (err.error != QJsonParseError::NoError)
        bad(QStringLiteral("%1: invalid JSON at offset %2: %3").arg(path).arg(err.offset).arg(err.errorString()));
    if (!doc.isObject())
        bad(QStringLiteral("%1: top-level JSON value is not an object").arg(path));
    return doc.object();
}

Geom geometryFromJson(const QJsonObject &geometry)
{
    const QString type = geometry.value(QStringLiteral("type")).toString();
    const QJsonArray coords = geometry.value(QStringLiteral("coordinates")).toArray();
    if (type == QStringLiteral("Point")) {
        if (coords.size() < 2)
            bad(QStringLiteral("bad Point coordinates"));
        return makePoint({coords.at(0).toDouble(), coords.at(1).toDouble()});
    }
    std::vector<Geom> polys;
    if (type == QStringLiteral("Polygon")) {
        if (Geom p = polygonFromJson(coords))
            polys.push_back(std::move(p));
    } else if (type == QStringLiteral("MultiPolygon")) {
        for (const QJsonValue &v : coords)
            if (Geom p = polygonFromJson(v.toArray()))
                polys.push_back(std::move(p));
    } else {
        bad(QStringLiteral("unsupported geometry type '%1'").arg(type));
    }
    if (type == QStringLiteral("Polygon") && polys.size() == 1)
        return std::move(polys.front());
    return collect(GEOS_MULTIPOLYGON, std::move(polys));
}

QJsonObject geometryToJson(const GEOSGeometry *g)
{
    QJsonObject out;
    const int type = typeId(g);
    if (type == GEOS_POINT) {
        const Pt p = pointXY(g);
        out.insert(QStringLiteral("type"), QStringLiteral("Point"));
        out.insert(QStringLiteral("coordinates"), QJsonArray{roundCoord(p.x), roundCoord(p.y)});
    } else if (type == GEOS_POLYGON) {
        out.insert(QStringLiteral("type"), QStringLiteral("Polygon"));
        out.insert(QStringLiteral("coordinates"), polygonToJson(g));
    } else if (type == GEOS_MULTIPOLYGON) {
        QJsonArray polys;
        for (const GEOSGeometry *p : members(g))
            polys.append(polygonToJson(p));
        out.insert(QStringLiteral("type"), QStringLiteral("MultiPolygon"));
        out.insert(QStringLiteral("coordinates"), polys);
    } else {
        bad(QStringLiteral("cannot write geometry of GEOS type %1").arg(type));
    }
    return out;
}

QByteArray featureLine(const QJsonObject &properties, const QJsonObject &geometry)
{
    // QJsonObject orders keys alphabetically; framing the feature by hand keeps
    // "type" and "properties" at the start of each line.
    QByteArray line = QByteArrayLiteral("{\"type\":\"Feature\",\"properties\":");
    line += QJsonDocument(properties).toJson(QJsonDocument::Compact);
    line += QByteArrayLiteral(",\"geometry\":");
    line += QJsonDocument(geometry).toJson(QJsonDocument::Compact);
    line += '}';
    return line;
}

qint64 writeFeatureCollection(const QString &path, const std::vector<QByteArray> &features)
{
    QByteArray out = QByteArrayLiteral("{\"type\":\"FeatureCollection\",\"features\":[\n");
    for (std::size_t i = 0; i < features.size(); ++i) {
        out += features[i];
        out += (i + 1 < features.size()) ? QByteArrayLiteral(",\n") : QByteArrayLiteral("\n");
    }
    out += QByteArrayLiteral("]}\n");

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(out) != out.size() || !file.commit())
        bad(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return out.size();
}

} // namespace geogen
