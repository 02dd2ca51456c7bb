#include "gcj02.h"

#include <cmath>
#include <numbers>

namespace gridwall::feed::gcj02 {

namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kA = 6378245.0;                // Krasovsky 1940 semi-major axis, metres
constexpr double kEe = 0.00669342162296594323;  // first eccentricity squared

// GCJ-02 minus WGS-84 at a WGS-84 point inside China, in degrees: the
// published polynomial-and-sine offsets, in "metres" on the Krasovsky
// ellipsoid, of x = lon - 105 and y = lat - 35, turned into degrees there.
LonLat offset(double lon, double lat)
{
    const double x = lon - 105.0;
    const double y = lat - 35.0;
    // Shared by both offsets.
    const double waves = (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    const double rootX = std::sqrt(std::abs(x));

    double dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * rootX + waves;
    dLat += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
    dLat += (160.0 * std::sin(y / 12.0 * kPi) + 320.0 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;

    double dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * rootX + waves;
    dLon += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
    dLon += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;

    const double radLat = lat / 180.0 * kPi;
    const double s = std::sin(radLat);
    const double magic = 1.0 - kEe * s * s;
    const double sqrtMagic = std::sqrt(magic);
    dLat = (dLat * 180.0) / ((kA * (1.0 - kEe)) / (magic * sqrtMagic) * kPi);
    dLon = (dLon * 180.0) / (kA / sqrtMagic * std::cos(radLat) * kPi);
    return {dLon, dLat};
}

} // namespace

bool inChina(double lon, double lat)
{
    return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

LonLat fromWgs84(double lon, double lat)
{
    if (!inChina(lon, lat))
        return {lon, lat};
    const LonLat d = offset(lon, lat);
    return {lon + d.lon, lat + d.lat};
}

LonLat toWgs84(double lon, double lat)
{
    if (!inChina(lon, lat))
        return {lon, lat};
    LonLat w{lon, lat};
    for (int i = 0; i < 10; ++i) {
        const LonLat d = offset(w.lon, w.lat);
        // Residual of forward(w) against the given GCJ-02 point.
        const double rLon = w.lon + d.lon - lon;
        const double rLat = w.lat + d.lat - lat;
        w.lon -= rLon;
        w.lat -= rLat;
        // Each step shrinks the error about a thousandfold: after a step of
        // under 1e-7° (1 cm) the error left is far below a millimetre.
        if (std::abs(rLon) < 1e-7 && std::abs(rLat) < 1e-7)
            break;
    }
    return w;
}

} // namespace gridwall::feed::gcj02
