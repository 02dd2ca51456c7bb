#pragma once
// GCJ-02 ("Mars coordinates"), the obfuscated datum that maps published in
// mainland China use, and its conversion to and from WGS-84.
//
// The forward transform (WGS-84 -> GCJ-02) is the formula in general public
// use (Krasovsky 1940 ellipsoid, a = 6378245 m, e² = 0.00669342162296594323,
// plus a polynomial-and-sine offset of a few hundred metres). The official
// implementation is not public; the published formula is what Chinese map
// SDKs are matched against in practice.
//
// The inverse has no closed form: gcj02ToWgs84() solves forward(w) = g by
// fixed-point iteration (w <- w - (forward(w) - g)). The offset changes by
// less than 1e-2 per unit of position, so each step gains about two digits;
// it stops when a step moves less than 1e-9° (about 0.1 mm) or after 10
// steps, so a round trip WGS -> GCJ -> WGS agrees to well under a centimetre.
//
// Outside the rough bounding box of China (lon 72.004..137.8347,
// lat 0.8293..55.8271) no offset applies and both functions return the point
// unchanged, as the usual implementations do.

namespace gridwall::feed::gcj02 {

struct LonLat
{
    double lon = 0;
    double lat = 0;
};

bool inChina(double lon, double lat);
LonLat fromWgs84(double lon, double lat);
LonLat toWgs84(double lon, double lat);

} // namespace gridwall::feed::gcj02
