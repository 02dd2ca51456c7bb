// Live markers follow the live state: a position update moves a marker in
// place, a change of state moves it to another layer, closing a case or
// going off duty takes it off the map.

#include "geo/regionloader.h"
#include "map/geomap.h"
#include "views/livefeed.h"
#include "views/livelayers.h"

#include <QTest>

using namespace gridwall;
using feed::Feed;

namespace {

feed::WorkerPosition worker(const std::string &id, double lon, feed::WorkerStatus status)
{
    feed::WorkerPosition w;
    w.id = id;
    w.ts = 1;
    w.position = {lon, 41.12};
    w.status = status;
    return w;
}

feed::CaseEvent caseEvent(const std::string &id, int64_t seq, feed::CaseStatus status)
{
    feed::CaseEvent e;
    e.id = id;
    e.ts = 1;
    e.seq = seq;
    e.status = status;
    if (status == feed::CaseStatus::Reported)
        e.position = feed::GeoPoint{122.07, 41.12};
    return e;
}

} // namespace

class TestLiveLayers : public QObject
{
    Q_OBJECT

    std::shared_ptr<const map::MapData> m_data;

private slots:
    void initTestCase()
    {
        const map::MapDataLoad loaded = map::loadMapData(QStringLiteral(GRIDWALL_REGIONS));
        QVERIFY2(loaded.data, qPrintable(loaded.error));
        m_data = loaded.data;
    }

    void markersFollowTheState()
    {
        map::Geography geography(m_data, false);
        map::GeoMap map;
        map.setGeography(&geography);
        views::LiveFeed feed(std::nullopt);
        views::LiveLayers layers(feed, map, geography.tree());
        constexpr int patrol = 31, handling = 32, openCases = 50, inHand = 51;

        feed.push(worker("w-1", 122.07, feed::WorkerStatus::Patrol));
        feed.push(worker("w-2", 122.08, feed::WorkerStatus::Patrol));
        feed.push(worker("w-3", 122.09, feed::WorkerStatus::Patrol));
        feed.drain();
        QCOMPARE(layers.markerCount(patrol), size_t(3));

        // Moving keeps the count; a new state changes the layer.
        feed.push(worker("w-1", 122.071, feed::WorkerStatus::Patrol));
        feed.push(worker("w-2", 122.08, feed::WorkerStatus::Handling));
        feed.drain();
        QCOMPARE(layers.markerCount(patrol), size_t(2));
        QCOMPARE(layers.markerCount(handling), size_t(1));

        // Off duty: off the map. The remaining slots stay consistent.
        feed.push(worker("w-1", 122.07, feed::WorkerStatus::OffDuty));
        feed.drain();
        QCOMPARE(layers.markerCount(patrol), size_t(1));
        feed.push(worker("w-3", 122.1, feed::WorkerStatus::Handling));
        feed.drain();
        QCOMPARE(layers.markerCount(patrol), size_t(0));
        QCOMPARE(layers.markerCount(handling), size_t(2));

        // A case is on the map while open, and leaves it when closed.
        feed.push(caseEvent("c-1", 1, feed::CaseStatus::Reported));
        feed.drain();
        QCOMPARE(layers.markerCount(openCases), size_t(1));
        feed.push(caseEvent("c-1", 3, feed::CaseStatus::Dispatched)); // seq 2 (accepted) missing: still reachable
        feed.drain();
        QCOMPARE(layers.markerCount(openCases), size_t(0));
        QCOMPARE(layers.markerCount(inHand), size_t(1));
        feed.push(caseEvent("c-1", 2, feed::CaseStatus::Accepted)); // stale: changes nothing
        feed.drain();
        QCOMPARE(layers.markerCount(inHand), size_t(1));
        QCOMPARE(feed.stats().rejected[size_t(feed::Reject::StaleSeq)].load(), uint64_t(1));
        feed.push(caseEvent("c-1", 6, feed::CaseStatus::Closed));
        feed.drain();
        QCOMPARE(layers.markerCount(inHand), size_t(0));
    }
};

QTEST_MAIN(TestLiveLayers)
#include "tst_livelayers.moc"
