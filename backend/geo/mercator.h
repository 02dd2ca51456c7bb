#pragma once
// Spherical Web Mercator (EPSG:3857), the projection of every web map, so the
// wall lines up with any tile or screenshot an operator compares it with.
// Scene coordinates are Mercator metres with y pointing south (screen-like),
// relative to an origin near the city so that floats keep centimetre precision.

#include <QGeoCoordinate>
#include <QPointF>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace gridwall::geo {

inline constexpr double kEarthRadiusM = 6378137.0;
// Web Mercator is undefined at the poles; clamp like every web map does.
inline constexpr double kMaxLatitude = 85.05112878;

inline QPointF mercatorFromGeo(double lon, double lat)
{
    const double clamped = std::clamp(lat, -kMaxLatitude, kMaxLatitude);
    const double phi = clamped * std::numbers::pi / 180.0;
    return {kEarthRadiusM * lon * std::numbers::pi / 180.0,
            -kEarthRadiusM * std::log(std::tan(std::numbers::pi / 4.0 + phi / 2.0))};
}

inline QGeoCoordinate geoFromMercator(QPointF m)
{
    const double lon = m.x() / kEarthRadiusM * 180.0 / std::numbers::pi;
    const double lat = (2.0 * std::atan(std::exp(-m.y() / kEarthRadiusM)) - std::numbers::pi / 2.0) * 180.0
                       / std::numbers::pi;
    return QGeoCoordinate(lat, lon);
}

// Ground metres per Mercator metre at a latitude (Mercator stretches by 1/cos).
inline double groundScale(double lat)
{
    return std::cos(lat * std::numbers::pi / 180.0);
}

} // namespace gridwall::geo
