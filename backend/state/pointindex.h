#pragma once
// Nearest-neighbour and radius queries over live points (cameras, workers,
// sites, ...) keyed by a slot number the caller chooses. Distances are ground
// metres on a sphere, through a local plane projection that keeps them within
// 0.01 % over a city (see pointindex.cpp).

#include "feed/events.h"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace gridwall::state {

struct PointHit
{
    uint32_t key;
    double metres;
};

class PointIndex
{
public:
    // refLatDeg: a latitude through the middle of the city; longitude does not matter.
    explicit PointIndex(double refLatDeg = 41.1);

    // Inserts the point, or moves it if the key is present (a no-op if unchanged).
    // A point with a non-finite coordinate has no place: the key is removed.
    // Keys are slots: storage grows to the largest key, so keep them dense.
    void upsert(uint32_t key, feed::GeoPoint p);
    bool remove(uint32_t key);
    bool contains(uint32_t key) const;
    size_t size() const;

    // The n nearest, nearest first (ties by key). `out` is cleared and reused;
    // within() allocates nothing once it is warm, the nearest queries only the
    // one small buffer Boost's k-nearest search keeps per query.
    void nearest(feed::GeoPoint p, size_t n, std::vector<PointHit> &out) const;
    // All within `metres`, nearest first (ties by key).
    void within(feed::GeoPoint p, double metres, std::vector<PointHit> &out) const;
    // The n nearest whose key satisfies pred(uint32_t) -> bool, nearest first.
    template<class Pred>
    void nearestIf(feed::GeoPoint p, size_t n, Pred pred, std::vector<PointHit> &out) const;

    // Ground distance in metres, the metric of every query.
    double metres(feed::GeoPoint a, feed::GeoPoint b) const;

private:
    using Point = boost::geometry::model::point<double, 2, boost::geometry::cs::cartesian>;
    using Value = std::pair<Point, uint32_t>;
    using Tree = boost::geometry::index::rtree<Value, boost::geometry::index::quadratic<16>>;

    struct Slot
    {
        double x = 0;
        double y = 0;
        bool present = false;
    };

    Point project(feed::GeoPoint p) const;
    static double distance(const Point &a, const Point &b);
    static void sortHits(std::vector<PointHit> &out);

    double m_n = 0;    // cone constant: sin(refLat)
    double m_rhoF = 0; // earth radius times the cone's scale constant
    Tree m_tree;
    std::vector<Slot> m_slots;
};

template<class Pred>
void PointIndex::nearestIf(feed::GeoPoint p, size_t n, Pred pred, std::vector<PointHit> &out) const
{
    namespace bgi = boost::geometry::index;
    out.clear();
    if (n == 0 || m_tree.empty())
        return;
    const Point q = project(p);
    m_tree.query(bgi::nearest(q, unsigned(std::min<size_t>(n, m_tree.size())))
                     && bgi::satisfies([&pred](const Value &v) { return bool(pred(v.second)); }),
                 boost::make_function_output_iterator(
                     [&out, &q](const Value &v) { out.push_back({v.second, distance(q, v.first)}); }));
    sortHits(out);
}

} // namespace gridwall::state
