// Local metric projection used for every distance and area computation.
//
// Equirectangular around a fixed centre: over a city-sized area (about 100 km across at 41 deg N)
// its scale error is far below anything the generator cares about, and because it is affine in
// lon/lat, straight edges stay straight in both directions and areas scale by a constant.
#pragma once

#include <cmath>
#include <numbers>

namespace geogen {

struct LocalProjection
{
    static constexpr double kEarthRadius = 6371008.8; // mean radius, metres

    double lon0 = 0.0;
    double lat0 = 0.0;
    double kx = 1.0; // metres per degree of longitude at lat0
    double ky = 1.0; // metres per degree of latitude

    static LocalProjection around(double lon, double lat)
    {
        LocalProjection p;
        p.lon0 = lon;
        p.lat0 = lat;
        const double rad = std::numbers::pi / 180.0;
        p.ky = kEarthRadius * rad;
        p.kx = kEarthRadius * std::cos(lat * rad) * rad;
        return p;
    }

    void toMetric(double &x, double &y) const
    {
        x = (x - lon0) * kx;
        y = (y - lat0) * ky;
    }
    void toLonLat(double &x, double &y) const
    {
        x = lon0 + x / kx;
        y = lat0 + y / ky;
    }
};

} // namespace geogen
