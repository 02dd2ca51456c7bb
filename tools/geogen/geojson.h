// GeoJSON reading and writing with Qt Core, converting to and from GEOS geometries.
#pragma once

#include "geos_util.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace geogen {

// Parses a whole file as a JSON object; throws with the file name on any error.
QJsonObject readJsonObject(const QString &path);

// Polygon, MultiPolygon or Point from a GeoJSON geometry object.
Geom geometryFromJson(const QJsonObject &geometry);

// GeoJSON geometry with coordinates rounded to 6 decimals and RFC 7946 winding
// (outer rings counter-clockwise, holes clockwise).
QJsonObject geometryToJson(const GEOSGeometry *g);

// One compact feature, properties first so a line starts with what a reader looks for.
QByteArray featureLine(const QJsonObject &properties, const QJsonObject &geometry);

// Writes a FeatureCollection with one feature per line; returns the number of bytes written.
qint64 writeFeatureCollection(const QString &path, const std::vector<QByteArray> &features);

} // namespace geogen
