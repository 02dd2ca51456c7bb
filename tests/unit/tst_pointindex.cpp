// The point index answers exactly what a scan of every point answers, its
// metric is ground distance, and grid neighbours are exactly the grids GEOS
// finds within the tolerance.

#include "geo/adjacency.h"
#include "geo/regionloader.h"
#include "state/pointindex.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

using gridwall::feed::GeoPoint;
using gridwall::state::PointHit;
using gridwall::state::PointIndex;
using namespace gridwall::geo;

namespace {

constexpr double kLon0 = 121.4, kLon1 = 122.5, kLat0 = 40.6, kLat1 = 41.5; // Panjin
constexpr int kPoints = 20000;
constexpr int kQueries = 1000;
constexpr int kWithinQueries = 300;
constexpr double kWithinMax = 5000;

double haversine(GeoPoint a, GeoPoint b)
{
    constexpr double r = 6371008.8, deg = std::numbers::pi / 180.0;
    const double s1 = std::sin((b.lat - a.lat) * deg / 2), s2 = std::sin((b.lon - a.lon) * deg / 2);
    const double h = s1 * s1 + std::cos(a.lat * deg) * std::cos(b.lat * deg) * s2 * s2;
    return 2 * r * std::asin(std::min(1.0, std::sqrt(h)));
}

GeoPoint randomPoint(std::mt19937_64 &rng, double margin = 0)
{
    std::uniform_real_distribution<double> lon(kLon0 - margin, kLon1 + margin), lat(kLat0 - margin, kLat1 + margin);
    const double x = lon(rng);
    return {x, lat(rng)};
}

bool byDistance(const PointHit &a, const PointHit &b)
{
    return a.metres < b.metres || (a.metres == b.metres && a.key < b.key);
}

// Every point with its distance by the index's own metric, in key order.
std::vector<PointHit> scan(const PointIndex &index, const std::vector<GeoPoint> &points,
                           const std::vector<bool> &present, GeoPoint q)
{
    std::vector<PointHit> all;
    all.reserve(points.size());
    for (size_t k = 0; k < points.size(); ++k) {
        if (present[k])
            all.push_back({uint32_t(k), index.metres(q, points[k])});
    }
    return all;
}

// The n nearest of a scan, nearest first.
std::vector<PointHit> firstOf(std::vector<PointHit> all, size_t n)
{
    n = std::min(n, all.size());
    std::partial_sort(all.begin(), all.begin() + std::ptrdiff_t(n), all.end(), byDistance);
    all.resize(n);
    return all;
}

// Equal up to the order of equally distant points: the same distances, and
// each key really at the distance it came with.
bool sameHits(const std::vector<PointHit> &got, const std::vector<PointHit> &want, const PointIndex &index,
              const std::vector<GeoPoint> &points, GeoPoint q)
{
    if (got.size() != want.size())
        return false;
    for (size_t i = 0; i < got.size(); ++i) {
        if (got[i].metres != want[i].metres || index.metres(q, points[got[i].key]) != got[i].metres)
            return false;
        if (i > 0 && got[i].key == got[i - 1].key)
            return false;
    }
    return true;
}

} // namespace

class Tst_pointindex : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void emptyAndDegenerateQueries();
    void nearestMatchesScan_data();
    void nearestMatchesScan();
    void withinMatchesScan_data();
    void withinMatchesScan();
    void nearestIfMatchesScan();
    void upsertMovesPoint();
    void removeDropsPoint();
    void churnKeepsIndexExact();
    void metricIsGroundDistance();
    void neighboursAreSymmetricGrids();
    void neighboursAgreeWithGeos();

private:
    std::mt19937_64 m_rng{2648};
    std::vector<GeoPoint> m_points;
    std::vector<bool> m_present;
    std::vector<GeoPoint> m_queries;
    // Per query, by scanning every point: the 20 nearest, and for the first
    // kWithinQueries all within kWithinMax, nearest first.
    std::vector<std::vector<PointHit>> m_nearest;
    std::vector<std::vector<PointHit>> m_within;
    PointIndex m_index;
    std::shared_ptr<const RegionTree> m_tree;
    std::vector<std::vector<int>> m_neighbours;
};

void Tst_pointindex::initTestCase()
{
    for (int i = 0; i < kPoints; ++i)
        m_points.push_back(randomPoint(m_rng));
    m_present.assign(m_points.size(), true);
    for (size_t k = 0; k < m_points.size(); ++k)
        m_index.upsert(uint32_t(k), m_points[k]);
    QCOMPARE(m_index.size(), size_t(kPoints));
    // Some queries fall just outside the city, where nothing is around them.
    for (int i = 0; i < kQueries; ++i)
        m_queries.push_back(randomPoint(m_rng, i % 10 == 0 ? 0.2 : 0.0));
    for (size_t i = 0; i < m_queries.size(); ++i) {
        std::vector<PointHit> all = scan(m_index, m_points, m_present, m_queries[i]);
        if (i < kWithinQueries) {
            std::vector<PointHit> close;
            std::copy_if(all.begin(), all.end(), std::back_inserter(close),
                         [](const PointHit &h) { return h.metres <= kWithinMax; });
            std::sort(close.begin(), close.end(), byDistance);
            m_within.push_back(std::move(close));
        }
        m_nearest.push_back(firstOf(std::move(all), 20));
    }

    const RegionLoadResult loaded = loadRegionFile(QStringLiteral(GRIDWALL_REGIONS));
    QVERIFY2(loaded.tree, qPrintable(loaded.error));
    m_tree = loaded.tree;
    QElapsedTimer timer;
    timer.start();
    m_neighbours = gridNeighbours(*m_tree);
    qInfo("gridNeighbours: %lld grids in %lld ms", qlonglong(m_tree->level(Level::Grid).size()),
          qlonglong(timer.elapsed()));
}

void Tst_pointindex::emptyAndDegenerateQueries()
{
    PointIndex index;
    std::vector<PointHit> out{{1, 1.0}};
    index.nearest({122.0, 41.0}, 5, out);
    QVERIFY(out.empty());
    index.within({122.0, 41.0}, 1000, out);
    QVERIFY(out.empty());
    QVERIFY(!index.remove(3));
    QVERIFY(!index.contains(3));

    index.upsert(3, {122.0, 41.0});
    index.upsert(9, {122.01, 41.0});
    index.nearest({122.0, 41.0}, 0, out);
    QVERIFY(out.empty());
    index.nearest({122.0, 41.0}, 10, out);
    QCOMPARE(out.size(), size_t(2));
    QCOMPARE(out[0].key, 3u);
    QCOMPARE(out[0].metres, 0.0);
    QCOMPARE(out[1].key, 9u);
    index.within({122.0, 41.0}, 0, out);
    QCOMPARE(out.size(), size_t(1));
    index.within({122.0, 41.0}, -1, out);
    QVERIFY(out.empty());
    QVERIFY(!index.contains(4));
    QVERIFY(!index.contains(100));

    // No position: the point leaves the index rather than haunt it.
    index.upsert(9, {std::nan(""), 41.0});
    QVERIFY(!index.contains(9));
    QCOMPARE(index.size(), size_t(1));
    index.upsert(9, {122.01, 41.0});
    QCOMPARE(index.size(), size_t(2));
}

void Tst_pointindex::nearestMatchesScan_data()
{
    QTest::addColumn<size_t>("n");
    QTest::newRow("1") << size_t(1);
    QTest::newRow("5") << size_t(5);
    QTest::newRow("20") << size_t(20);
}

void Tst_pointindex::nearestMatchesScan()
{
    QFETCH(size_t, n);
    std::vector<PointHit> got;
    for (size_t i = 0; i < m_queries.size(); ++i) {
        const GeoPoint q = m_queries[i];
        const std::vector<PointHit> want(m_nearest[i].begin(), m_nearest[i].begin() + std::ptrdiff_t(n));
        m_index.nearest(q, n, got);
        QVERIFY2(sameHits(got, want, m_index, m_points, q), qPrintable(QStringLiteral("at %1, %2").arg(q.lon).arg(q.lat)));
    }
}

void Tst_pointindex::withinMatchesScan_data()
{
    QTest::addColumn<double>("radius");
    QTest::newRow("100 m") << 100.0;
    QTest::newRow("1500 m") << 1500.0;
    QTest::newRow("5000 m") << 5000.0;
}

void Tst_pointindex::withinMatchesScan()
{
    QFETCH(double, radius);
    std::vector<PointHit> got;
    size_t found = 0;
    for (size_t i = 0; i < kWithinQueries; ++i) {
        const GeoPoint q = m_queries[i];
        std::vector<PointHit> want = m_within[i];
        want.erase(std::find_if(want.begin(), want.end(), [radius](const PointHit &h) { return h.metres > radius; }),
                   want.end());
        m_index.within(q, radius, got);
        QVERIFY(sameHits(got, want, m_index, m_points, q));
        found += got.size();
    }
    QVERIFY(found > 0);
}

void Tst_pointindex::nearestIfMatchesScan()
{
    // About a third of the cameras online.
    std::vector<bool> online(m_points.size());
    std::bernoulli_distribution coin(0.3);
    for (size_t k = 0; k < online.size(); ++k)
        online[k] = coin(m_rng);
    const auto isOnline = [&online](uint32_t key) { return bool(online[key]); };

    std::vector<PointHit> got;
    for (int i = 0; i < 300; ++i) {
        const GeoPoint q = m_queries[size_t(i)];
        std::vector<PointHit> all = scan(m_index, m_points, m_present, q);
        std::erase_if(all, [&online](const PointHit &h) { return !online[h.key]; });
        all = firstOf(std::move(all), 20);
        for (size_t n : {size_t(1), size_t(5), size_t(20)}) {
            std::vector<PointHit> want(all.begin(), all.begin() + std::ptrdiff_t(n));
            m_index.nearestIf(q, n, isOnline, got);
            QVERIFY(sameHits(got, want, m_index, m_points, q));
        }
    }
    // Nothing qualifies: nothing comes back.
    m_index.nearestIf(m_queries[0], 5, [](uint32_t) { return false; }, got);
    QVERIFY(got.empty());
}

void Tst_pointindex::upsertMovesPoint()
{
    PointIndex index;
    for (uint32_t k = 0; k < 100; ++k)
        index.upsert(k, {121.9 + 0.001 * k, 41.1});
    const GeoPoint before{121.9 + 0.001 * 42, 41.1};
    const GeoPoint after{122.3, 40.8};
    std::vector<PointHit> out;

    index.upsert(42, before); // unchanged: nothing happens
    QCOMPARE(index.size(), size_t(100));

    index.upsert(42, after);
    QCOMPARE(index.size(), size_t(100));
    QVERIFY(index.contains(42));
    index.within(before, 10, out);
    QVERIFY(out.empty());
    index.nearest(before, 3, out);
    QVERIFY(std::none_of(out.begin(), out.end(), [](const PointHit &h) { return h.key == 42; }));
    index.nearest(after, 1, out);
    QCOMPARE(out.size(), size_t(1));
    QCOMPARE(out[0].key, 42u);
    QCOMPARE(out[0].metres, 0.0);

    // Slots need not be dense to work.
    index.upsert(100000, before);
    index.nearest(before, 1, out);
    QCOMPARE(out[0].key, 100000u);
    QCOMPARE(index.size(), size_t(101));
}

void Tst_pointindex::removeDropsPoint()
{
    PointIndex index;
    index.upsert(1, {122.0, 41.0});
    index.upsert(2, {122.0, 41.0}); // same position, another key
    index.upsert(3, {122.1, 41.0});
    QVERIFY(index.remove(1));
    QVERIFY(!index.remove(1));
    QVERIFY(!index.contains(1));
    QCOMPARE(index.size(), size_t(2));
    std::vector<PointHit> out;
    index.within({122.0, 41.0}, 1, out);
    QCOMPARE(out.size(), size_t(1));
    QCOMPARE(out[0].key, 2u);

    index.upsert(1, {122.2, 41.0}); // back, elsewhere
    index.nearest({122.2, 41.0}, 1, out);
    QCOMPARE(out[0].key, 1u);
    QCOMPARE(index.size(), size_t(3));
}

void Tst_pointindex::churnKeepsIndexExact()
{
    // Workers move and log off: a run of random moves, removals and returns.
    PointIndex index;
    std::vector<GeoPoint> points(2000);
    std::vector<bool> present(points.size(), false);
    std::uniform_int_distribution<uint32_t> anyKey(0, uint32_t(points.size() - 1));
    std::uniform_real_distribution<double> step(-0.01, 0.01);
    for (int i = 0; i < 20000; ++i) {
        const uint32_t k = anyKey(m_rng);
        if (i % 5 == 4) {
            QCOMPARE(index.remove(k), bool(present[k]));
            present[k] = false;
            continue;
        }
        points[k] = present[k] ? GeoPoint{points[k].lon + step(m_rng), points[k].lat + step(m_rng)} : randomPoint(m_rng);
        index.upsert(k, points[k]);
        present[k] = true;
    }
    QCOMPARE(index.size(), size_t(std::count(present.begin(), present.end(), true)));
    for (uint32_t k = 0; k < points.size(); ++k)
        QCOMPARE(index.contains(k), bool(present[k]));

    std::vector<PointHit> got;
    for (int i = 0; i < 200; ++i) {
        const GeoPoint q = m_queries[size_t(i)];
        const std::vector<PointHit> want = firstOf(scan(index, points, present, q), 10);
        index.nearest(q, 10, got);
        QVERIFY(sameHits(got, want, index, points, q));
    }
}

void Tst_pointindex::metricIsGroundDistance()
{
    // Pairs across the whole city, and short hops anywhere in it.
    double worst = 0;
    std::uniform_real_distribution<double> hop(-0.02, 0.02);
    for (int i = 0; i < 20000; ++i) {
        const GeoPoint a = randomPoint(m_rng);
        const GeoPoint b = i % 2 ? randomPoint(m_rng) : GeoPoint{a.lon + hop(m_rng), a.lat + hop(m_rng)};
        const double truth = haversine(a, b);
        if (truth < 10)
            continue;
        worst = std::max(worst, std::abs(m_index.metres(a, b) - truth) / truth);
        QCOMPARE(m_index.metres(a, b), m_index.metres(b, a));
    }
    qInfo("largest relative error against haversine: %.2e", worst);
    QVERIFY(worst < 0.005);
    QCOMPARE(m_index.metres({122.0, 41.0}, {122.0, 41.0}), 0.0);

    // The reference latitude only needs to be near the city.
    PointIndex elsewhere(40.0);
    const GeoPoint a{121.5, 40.7}, b{122.4, 41.4};
    QVERIFY(std::abs(elsewhere.metres(a, b) - haversine(a, b)) / haversine(a, b) < 0.005);
}

void Tst_pointindex::neighboursAreSymmetricGrids()
{
    const RegionTree &tree = *m_tree;
    QCOMPARE(m_neighbours.size(), tree.regions().size());
    size_t pairs = 0;
    for (size_t i = 0; i < m_neighbours.size(); ++i) {
        const std::vector<int> &list = m_neighbours[i];
        if (tree.regions()[i].level != Level::Grid) {
            QVERIFY(list.empty());
            continue;
        }
        QVERIFY2(!list.empty(), qPrintable(tree.regions()[i].code));
        QVERIFY(std::adjacent_find(list.begin(), list.end(), std::greater_equal<int>()) == list.end());
        for (int j : list) {
            QVERIFY(j != int(i));
            QCOMPARE(tree.region(j).level, Level::Grid);
            const std::vector<int> &back = m_neighbours[size_t(j)];
            QVERIFY(std::binary_search(back.begin(), back.end(), int(i)));
        }
        pairs += list.size();
    }
    qInfo("%zu neighbouring grid pairs", pairs / 2);
}

void Tst_pointindex::neighboursAgreeWithGeos()
{
    const RegionTree &tree = *m_tree;
    const QList<int> &grids = tree.level(Level::Grid);
    std::uniform_int_distribution<qsizetype> anyGrid(0, grids.size() - 1);
    const auto check = [&](int a, int b) {
        double d = 0;
        QVERIFY(GEOSDistance_r(tree.geosHandle(), tree.geometry(a), tree.geometry(b), &d) == 1);
        // Exactly at the tolerance either answer is right.
        if (std::abs(d - kNeighbourTolerance) < 1e-6)
            return;
        const std::vector<int> &list = m_neighbours[size_t(a)];
        QCOMPARE(std::binary_search(list.begin(), list.end(), b), a != b && d <= kNeighbourTolerance);
    };

    // Uniform pairs are almost never neighbours; pairs with overlapping
    // bounds mostly are, or are close to being.
    int positives = 0;
    for (int i = 0; i < 200; ++i) {
        check(grids[anyGrid(m_rng)], grids[anyGrid(m_rng)]);
        if (QTest::currentTestFailed())
            return;
        const int a = grids[anyGrid(m_rng)];
        const QRectF around = tree.region(a).bounds.adjusted(-200, -200, 200, 200);
        std::vector<int> near;
        for (int g : grids) {
            if (g != a && around.intersects(tree.region(g).bounds))
                near.push_back(g);
        }
        const int b = near[std::uniform_int_distribution<size_t>(0, near.size() - 1)(m_rng)];
        check(a, b);
        if (QTest::currentTestFailed())
            return;
        positives += std::binary_search(m_neighbours[size_t(a)].begin(), m_neighbours[size_t(a)].end(), b);
    }
    QVERIFY(positives > 50);
}

QTEST_GUILESS_MAIN(Tst_pointindex)
#include "tst_pointindex.moc"
