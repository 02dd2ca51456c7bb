#include "pointindex.h"

#include <cmath>
#include <numbers>

namespace gridwall::state {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {
constexpr double kEarthRadiusM = 6371008.8; // mean radius
constexpr double kDeg = std::numbers::pi / 180.0;
} // namespace

// The plane is a Lambert conformal conic projection of the sphere touching it
// at refLat. A plain equirectangular plane (x = lon * cos(refLat)) is off by
// tan(lat) * dLat along parallels, 0.7 % half a degree from refLat, which is
// the city's own extent; the cone's scale is off by about dLat^2 / 2 (0.004 %).
// Distances do not depend on the cone's central meridian, so it is 0.
PointIndex::PointIndex(double refLatDeg)
{
    // Near the equator the cone flattens into a cylinder; keep n away from 0.
    double lat = std::clamp(refLatDeg, -89.0, 89.0);
    if (std::abs(lat) < 0.01)
        lat = lat < 0 ? -0.01 : 0.01;
    const double phi1 = lat * kDeg;
    m_n = std::sin(phi1);
    const double f = std::cos(phi1) * std::pow(std::tan(std::numbers::pi / 4 + phi1 / 2), m_n) / m_n;
    m_rhoF = kEarthRadiusM * f;
}

PointIndex::Point PointIndex::project(feed::GeoPoint p) const
{
    // tan(pi/4 + phi/2)^-n, written with one sine and one pow.
    const double s = std::sin(std::clamp(p.lat, -89.9, 89.9) * kDeg);
    const double rho = m_rhoF * std::pow((1 - s) / (1 + s), m_n / 2);
    const double theta = m_n * p.lon * kDeg;
    return Point(rho * std::sin(theta), -rho * std::cos(theta));
}

double PointIndex::distance(const Point &a, const Point &b)
{
    const double dx = bg::get<0>(a) - bg::get<0>(b);
    const double dy = bg::get<1>(a) - bg::get<1>(b);
    return std::sqrt(dx * dx + dy * dy);
}

void PointIndex::sortHits(std::vector<PointHit> &out)
{
    std::sort(out.begin(), out.end(), [](const PointHit &a, const PointHit &b) {
        return a.metres < b.metres || (a.metres == b.metres && a.key < b.key);
    });
}

void PointIndex::upsert(uint32_t key, feed::GeoPoint p)
{
    // NaN never compares equal, so such an entry could never be removed again.
    if (!std::isfinite(p.lon) || !std::isfinite(p.lat)) {
        remove(key);
        return;
    }
    const Point pt = project(p);
    if (key >= m_slots.size())
        m_slots.resize(size_t(key) + 1);
    Slot &slot = m_slots[key];
    if (slot.present) {
        if (slot.x == bg::get<0>(pt) && slot.y == bg::get<1>(pt))
            return;
        m_tree.remove(Value(Point(slot.x, slot.y), key));
    }
    m_tree.insert(Value(pt, key));
    slot = {bg::get<0>(pt), bg::get<1>(pt), true};
}

bool PointIndex::remove(uint32_t key)
{
    if (!contains(key))
        return false;
    Slot &slot = m_slots[key];
    m_tree.remove(Value(Point(slot.x, slot.y), key));
    slot.present = false;
    return true;
}

bool PointIndex::contains(uint32_t key) const
{
    return key < m_slots.size() && m_slots[key].present;
}

size_t PointIndex::size() const
{
    return m_tree.size();
}

void PointIndex::nearest(feed::GeoPoint p, size_t n, std::vector<PointHit> &out) const
{
    out.clear();
    if (n == 0 || m_tree.empty())
        return;
    const Point q = project(p);
    m_tree.query(bgi::nearest(q, unsigned(std::min<size_t>(n, m_tree.size()))),
                 boost::make_function_output_iterator(
                     [&out, &q](const Value &v) { out.push_back({v.second, distance(q, v.first)}); }));
    sortHits(out);
}

void PointIndex::within(feed::GeoPoint p, double metres, std::vector<PointHit> &out) const
{
    out.clear();
    if (!(metres >= 0) || m_tree.empty())
        return;
    const Point q = project(p);
    const bg::model::box<Point> box(Point(bg::get<0>(q) - metres, bg::get<1>(q) - metres),
                                    Point(bg::get<0>(q) + metres, bg::get<1>(q) + metres));
    m_tree.query(bgi::intersects(box), boost::make_function_output_iterator([&out, &q, metres](const Value &v) {
                     const double d = distance(q, v.first);
                     if (d <= metres)
                         out.push_back({v.second, d});
                 }));
    sortHits(out);
}

double PointIndex::metres(feed::GeoPoint a, feed::GeoPoint b) const
{
    return distance(project(a), project(b));
}

} // namespace gridwall::state
