// Live markers follow the live state: a position update moves a marker in
// place, a change of state moves it to another layer, closing a case or
// going off duty takes it off the map.

#include "app/wall.h"
#include "geo/regionloader.h"
#include "history/history.h"
#include "map/geomap.h"
#include "map/heatmap.h"
#include "views/alarmticker.h"
#include "views/entitypanel.h"
#include "history/recorder.h"
#include "views/livefeed.h"
#include "views/livelayers.h"
#include "views/regionpanel.h"
#include "views/selection.h"
#include "wall/director.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
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

// The wall the application builds (no feed), on a map of its own.
struct WallOnMap
{
    explicit WallOnMap(std::shared_ptr<const map::MapData> data)
    {
        map.setSize(QSizeF(1600, 900));
        ready = !wall.build(std::move(data)) && !wall.attach(nullptr, &map);
    }
    map::GeoMap map;
    app::Wall wall{Options{}};
    bool ready = false;
};

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
        views::LiveLayers layers(feed.state(), map, geography.tree());
        connect(&feed, &views::LiveFeed::applied, &layers, &views::LiveLayers::update);
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

    // A unit that moves glides to its new position within kGlideMs instead of jumping.
    void unitsGlideToTheirNewPosition()
    {
        map::Geography geography(m_data, false);
        map::GeoMap map;
        map.setSize(QSizeF(1600, 900));
        map.setGeography(&geography);
        views::LiveFeed feed(std::nullopt, &geography.tree());
        views::LiveLayers layers(feed.state(), map, geography.tree());
        connect(&feed, &views::LiveFeed::applied, &layers, &views::LiveLayers::update);
        const auto unitAt = [](double lon) {
            feed::UnitPosition u;
            u.id = "u-1";
            u.ts = 1;
            u.position = {lon, 41.12};
            u.kind = feed::UnitKind::Police;
            return u;
        };
        feed.push(unitAt(122.07));
        feed.drain();
        const QPointF from = geography.tree().sceneFromGeo(122.07, 41.12), to = geography.tree().sceneFromGeo(122.08, 41.12);
        QCOMPARE(*layers.shownAt(feed::Feed::Unit, "u-1"), from); // the first position: no glide

        feed.push(unitAt(122.08));
        feed.drain();
        QCOMPARE(*layers.shownAt(feed::Feed::Unit, "u-1"), from); // not a jump
        QTest::qWait(int(views::LiveLayers::kGlideMs / 2));
        const QPointF midway = *layers.shownAt(feed::Feed::Unit, "u-1");
        QVERIFY2(midway.x() > from.x() && midway.x() < to.x(), "on its way");
        QTRY_COMPARE_WITH_TIMEOUT(*layers.shownAt(feed::Feed::Unit, "u-1"), to, 2000);
        QCOMPARE(map.markersShown(63), size_t(1)); // still one marker, at its place
    }

    // A glide costs a frame every 16 ms: a move under a pixel at this zoom, or one wholly off
    // screen, takes its place at once (nothing to see, no frames); a visible one still glides.
    void unseenMovesDoNotGlide()
    {
        map::Geography geography(m_data, false);
        map::GeoMap map;
        map.setSize(QSizeF(1600, 900)); // the whole city: some 30 m a pixel
        map.setGeography(&geography);
        views::LiveFeed feed(std::nullopt, &geography.tree());
        views::LiveLayers layers(feed.state(), map, geography.tree());
        connect(&feed, &views::LiveFeed::applied, &layers, &views::LiveLayers::update);
        const auto unitAt = [](const char *id, double lon, double lat) {
            feed::UnitPosition u;
            u.id = id;
            u.ts = 1;
            u.position = {lon, lat};
            u.kind = feed::UnitKind::Police;
            return u;
        };
        const auto scene = [&](double lon, double lat) { return geography.tree().sceneFromGeo(lon, lat); };
        feed.push(unitAt("near", 122.07, 41.12));
        feed.push(unitAt("away", 126.0, 45.0)); // far outside the city and the picture
        feed.push(unitAt("seen", 122.07, 41.10));
        feed.drain();

        feed.push(unitAt("near", 122.07002, 41.12)); // under 2 m
        feed.push(unitAt("away", 126.05, 45.0));     // 4 km, all of it off screen
        feed.push(unitAt("seen", 122.09, 41.10));    // 1.7 km on screen: some 50 px
        feed.drain();
        QCOMPARE(*layers.shownAt(feed::Feed::Unit, "near"), scene(122.07002, 41.12));
        QCOMPARE(*layers.shownAt(feed::Feed::Unit, "away"), scene(126.05, 45.0));
        QCOMPARE(*layers.shownAt(feed::Feed::Unit, "seen"), scene(122.07, 41.10)); // on its way, not there yet
        QTRY_COMPARE_WITH_TIMEOUT(*layers.shownAt(feed::Feed::Unit, "seen"), scene(122.09, 41.10), 2000);
    }

    // "Cases by street": below community zoom the cases are one cluster per
    // street (counted, overdue noted) instead of their markers; closer in, the markers return.
    void casesClusterByStreet()
    {
        map::Geography geography(m_data, false);
        map::GeoMap map;
        map.setSize(QSizeF(1600, 900));
        map.setGeography(&geography);
        views::LiveFeed feed(std::nullopt, &geography.tree());
        views::LiveLayers layers(feed.state(), map, geography.tree());
        connect(&feed, &views::LiveFeed::applied, &layers, &views::LiveLayers::update);
        const geo::RegionTree &tree = geography.tree();
        const auto streetAt = [&](double lon, double lat) {
            return tree.region(tree.hitTestAll(tree.sceneFromGeo(lon, lat))[1]).code;
        };
        const auto report = [&](const std::string &id, double lon, double lat, int64_t deadline) {
            feed::CaseEvent e = caseEvent(id, 1, feed::CaseStatus::Reported);
            e.position = feed::GeoPoint{lon, lat};
            e.deadline = deadline;
            feed.push(e);
        };
        const int64_t now = QDateTime::currentMSecsSinceEpoch();
        report("a-1", 122.07, 41.12, now + 3'600'000);
        report("a-2", 122.0705, 41.1205, now - 60'000); // past its deadline
        report("b-1", 121.80, 41.00, now + 3'600'000);
        feed.drain();
        QVERIFY(streetAt(122.07, 41.12) != streetAt(121.80, 41.00));
        QVERIFY(map.detailLevel() < views::LiveLayers::kClusterBelowDetail);
        QCOMPARE(map.markersShown(50) + map.markersShown(55), size_t(3));
        QVERIFY(layers.clusterRows().isEmpty()); // a choice, off until chosen

        layers.setVisible(QStringLiteral("clusters"), true);
        QCOMPARE(map.markersShown(50) + map.markersShown(55), size_t(0));
        const QVariantList rows = layers.clusterRows();
        QCOMPARE(rows.size(), 2);
        for (const QVariant &row : rows) {
            const QVariantMap c = row.toMap();
            if (c.value(QStringLiteral("code")).toString() == streetAt(122.07, 41.12)) {
                QCOMPARE(c.value(QStringLiteral("count")).toInt(), 2);
                QCOMPARE(c.value(QStringLiteral("overdue")).toInt(), 1);
            } else {
                QCOMPARE(c.value(QStringLiteral("code")).toString(), streetAt(121.80, 41.00));
                QCOMPARE(c.value(QStringLiteral("count")).toInt(), 1);
            }
        }

        // Closer in the cases are themselves again.
        QVERIFY(map.flyTo(tree.region(tree.hitTestAll(tree.sceneFromGeo(122.07, 41.12))[3]).code, 0));
        QTRY_VERIFY(map.detailLevel() >= views::LiveLayers::kClusterBelowDetail);
        emit map.viewChanged(); // the map tells at its next polish, which needs a window
        QTRY_COMPARE(map.markersShown(50) + map.markersShown(55), size_t(3));
        QVERIFY(layers.clusterRows().isEmpty());
    }

    // More case markers than a city view can show one by one (a producer
    // inventing cases): they are clustered by street whatever the legend says,
    // and the legend shows clustering on; fewer again, every case has its marker.
    void aCrowdedCityIsClustered()
    {
        map::Geography geography(m_data, false);
        map::GeoMap map;
        map.setSize(QSizeF(1600, 900));
        map.setGeography(&geography);
        views::LiveFeed feed(std::nullopt, &geography.tree());
        views::LiveLayers layers(feed.state(), map, geography.tree());
        connect(&feed, &views::LiveFeed::applied, &layers, &views::LiveLayers::update);
        const int64_t now = QDateTime::currentMSecsSinceEpoch();
        const int crowd = int(views::LiveLayers::kCrowdedCases) + 1;
        for (int i = 0; i < crowd; ++i) {
            feed::CaseEvent e = caseEvent("crowd-" + std::to_string(i), 1, feed::CaseStatus::Reported);
            e.position = feed::GeoPoint{121.95 + 0.2 * (i % 100) / 100.0, 40.95 + 0.3 * (i / 100) / double(crowd / 100)};
            e.deadline = now + 3'600'000;
            feed.push(e);
        }
        feed.drain();
        QVERIFY(map.detailLevel() < views::LiveLayers::kClusterBelowDetail);
        const auto legendSays = [&](const char *key) {
            for (const QVariant &entry : layers.legend())
                if (entry.toMap().value("key") == QLatin1String(key))
                    return entry.toMap().value("shown").toBool();
            return false;
        };
        QTRY_COMPARE_WITH_TIMEOUT(map.markersShown(50) + map.markersShown(55), size_t(0), 3000); // within the once-a-second check
        QVERIFY(!layers.clusterRows().isEmpty());
        QVERIFY(legendSays("clusters"));
        // Every case is in one disc, and no disc hides another on screen: streets whose discs would
        // overlap at this zoom are one disc, for the smallest region that holds them.
        int counted = 0;
        const QVariantList discs = layers.clusterRows();
        for (const QVariant &row : discs)
            counted += row.toMap().value("count").toInt();
        QCOMPARE(counted, crowd);
        QVERIFY(discs.size() > 1);
        const double pixelsPerScene = map.view().scale();
        for (int i = 0; i < discs.size(); ++i)
            for (int j = i + 1; j < discs.size(); ++j) {
                const QVariantMap a = discs[i].toMap(), b = discs[j].toMap();
                const double apart = QLineF(a.value("sceneX").toDouble(), a.value("sceneY").toDouble(), b.value("sceneX").toDouble(),
                                            b.value("sceneY").toDouble()).length() * pixelsPerScene;
                const double touching = (a.value("diameter").toDouble() + b.value("diameter").toDouble()) / 2 * map.designUnit();
                QVERIFY2(apart >= touching, qPrintable(QStringLiteral("%1 and %2 overlap: %3 px apart, %4 across")
                                                           .arg(a.value("code").toString(), b.value("code").toString()).arg(apart).arg(touching)));
            }

        // Most of them closed: the markers come back.
        for (int i = 0; i < crowd - 10; ++i)
            feed.push(caseEvent("crowd-" + std::to_string(i), 2, feed::CaseStatus::Rejected));
        feed.drain();
        QTRY_COMPARE_WITH_TIMEOUT(map.markersShown(50) + map.markersShown(55), size_t(10), 3000);
        QVERIFY(layers.clusterRows().isEmpty());
        QVERIFY(!legendSays("clusters"));
    }

    // A tap on a marker opens that entity (the topmost marker within a
    // fingertip wins); a tap away from every marker opens nothing.
    void tappingAMarkerOpensItsEntity()
    {
        WallOnMap onMap(m_data);
        QVERIFY(onMap.ready);
        map::GeoMap &map = onMap.map;
        app::Wall &wall = onMap.wall;
        views::LiveFeed &feed = *wall.liveFeed();
        views::LiveLayers &layers = *wall.layers();
        views::EntityPanel &panel = *wall.entityPanel();
        views::Selection &selection = *wall.selection();
        const geo::RegionTree &tree = wall.geography()->tree();

        feed.push(worker("w-1", 122.07, feed::WorkerStatus::Patrol));
        feed::CaseEvent report = caseEvent("c-7", 1, feed::CaseStatus::Reported);
        report.title = "Broken street light";
        report.position = feed::GeoPoint{122.07, 41.12}; // on the worker: the case is drawn above
        feed.push(report);
        feed.drain();

        const QPointF at = map.view().sceneToScreen(tree.sceneFromGeo(122.07, 41.12));
        const auto [layer, slot] = map.markerAt(at + QPointF(3, 0));
        QCOMPARE(layer, 50); // the open case, not the worker under it
        QSignalSpy picked(&layers, &views::LiveLayers::entityPicked);
        emit map.markerTapped(layer, slot);
        QCOMPARE(picked.count(), 1);
        QCOMPARE(picked.first().at(0).value<views::Selection::Kind>(), views::Selection::Kind::Case);
        QCOMPARE(picked.first().at(1).toString(), QStringLiteral("c-7"));
        QCOMPARE(selection.kind(), views::Selection::Kind::Case);
        QCOMPARE(panel.kind(), QStringLiteral("case"));
        QVERIFY(panel.live());
        QCOMPARE(panel.caseFacts().title, QStringLiteral("Broken street light"));
        QCOMPARE(panel.caseFacts().status, QStringLiteral("reported"));
        QCOMPARE(panel.path().size(), qsizetype(4)); // district down to its grid
        // The halo sits under the case's marker (layer 1, below every marker).
        QCOMPARE(map.markersShown(1), size_t(1));

        QCOMPARE(map.markerAt(at + QPointF(200, 200)).first, -1);

        // By id alone, whatever its kind; one not yet seen is opened when it appears.
        selection.selectEntity(QStringLiteral("w-1"), views::Selection::Reason::Tap);
        QCOMPARE(panel.kind(), QStringLiteral("worker"));
        selection.selectEntity(QStringLiteral("w-2"), views::Selection::Reason::Tap);
        QCOMPARE(panel.kind(), QString());
        QCOMPARE(selection.pendingId(), QStringLiteral("w-2"));
        feed.push(worker("w-2", 122.08, feed::WorkerStatus::Idle));
        feed.drain();
        selection.refresh();
        QCOMPARE(panel.kind(), QStringLiteral("worker"));
        QCOMPARE(panel.workerFacts().status, QStringLiteral("idle"));

        // A rejected case leaves the map; the panel follows its new status and keeps its report's title.
        selection.selectEntity(views::Selection::Kind::Case, QStringLiteral("c-7"), views::Selection::Reason::Tap);
        feed.push(caseEvent("c-7", 2, feed::CaseStatus::Rejected));
        feed.drain();
        panel.refresh();
        QCOMPARE(map.markersShown(50), size_t(0));
        QCOMPARE(panel.caseFacts().status, QStringLiteral("rejected"));
        QCOMPARE(panel.caseFacts().title, QStringLiteral("Broken street light"));
    }

    // Every list QML shows (the legend, the clusters, a region's children, the alarm lanes and their
    // chips) is a proper model while the city changes under it, and each row's fields are its roles.
    void everyListModelPassesTheModelTester()
    {
        WallOnMap onMap(m_data);
        QVERIFY(onMap.ready);
        app::Wall &wall = onMap.wall;
        views::LiveFeed &feed = *wall.liveFeed();
        views::RegionPanel &city = *wall.cityFigures();
        views::AlarmTicker &alarms = *wall.alarms();
        const auto rows = [](QAbstractItemModel *m) { return static_cast<views::RowsModel *>(m); };
        std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
        const auto test = [&](QAbstractItemModel *model) {
            testers.push_back(std::make_unique<QAbstractItemModelTester>(model, QAbstractItemModelTester::FailureReportingMode::QtTest));
        };
        test(wall.layers()->legendModel());
        test(wall.layers()->clustersModel());
        test(city.childrenModel());
        test(alarms.lanesModel());

        const int64_t now = QDateTime::currentMSecsSinceEpoch();
        for (int round = 0; round < 3; ++round) {
            for (int i = 0; i < 40; ++i) {
                feed::CaseEvent e = caseEvent("m-" + std::to_string(round) + "-" + std::to_string(i), 1, feed::CaseStatus::Reported);
                e.ts = now;
                e.position = feed::GeoPoint{121.9 + 0.005 * i, 41.0 + 0.004 * i};
                e.deadline = i % 3 == 0 ? now - 60'000 : now + 3'600'000;
                feed.push(std::move(e));
            }
            for (int i = 0; i < 6; ++i) {
                const std::string id = "cam-" + std::to_string(i);
                feed.push(feed::CameraState{id, now, true, "Gate " + std::to_string(i), {122.0 + 0.01 * i, 41.1}, {}, {}});
                feed.push(feed::CameraEvent{id, now, feed::CameraEventType(i % 3), 1 + (i + round) % 4, {}});
            }
            feed.drain();
            wall.layers()->setVisible(QStringLiteral("clusters"), round % 2 == 0);
            wall.layers()->recolour();
            city.refresh();
            alarms.refresh();
            for (int lane = 0; lane < alarms.lanesModel()->rowCount(); ++lane) {
                const int itemsRole = Qt::UserRole + int(rows(alarms.lanesModel())->roles().indexOf("items"));
                auto *items = qobject_cast<QAbstractItemModel *>(
                    alarms.lanesModel()->data(alarms.lanesModel()->index(lane, 0), itemsRole).value<QObject *>());
                QVERIFY(items);
                if (round == 0)
                    test(items);
                QCOMPARE(rows(items)->undeclaredFields(), QStringList());
            }
            for (QAbstractItemModel *m : {wall.layers()->legendModel(), wall.layers()->clustersModel(), city.childrenModel(),
                                          alarms.lanesModel()})
                QCOMPARE(rows(m)->undeclaredFields(), QStringList());
        }
        QVERIFY(city.childrenModel()->rowCount() > 0);
        QVERIFY(alarms.lanesModel()->rowCount() > 0);
        QVERIFY(wall.layers()->legendModel()->rowCount() > 0);
        // A typed row: the children's fields by role name, as a delegate's required properties read them.
        const QHash<int, QByteArray> names = city.childrenModel()->roleNames();
        QVERIFY(names.values().contains("workload"));
        QCOMPARE(city.childrenModel()->data(city.childrenModel()->index(0, 0), names.key("code")).toString(),
                 rows(city.childrenModel())->get(0).value(QStringLiteral("code")).toString());
    }

    // A flood of intrusion alarms in one street: one chip; its ✓ acknowledges all nine; shelved with a
    // reason for an hour, the minor ones leave the lanes and the shelf is one line that counts them,
    // while the group's critical alarm stays in its lane; taken down, the flood's chip is back.
    void aFloodIsAcknowledgedAtOnceAndShelvedToOneLine()
    {
        WallOnMap onMap(m_data);
        QVERIFY(onMap.ready);
        app::Wall &wall = onMap.wall;
        views::LiveFeed &feed = *wall.liveFeed();
        views::AlarmTicker &alarms = *wall.alarms();
        const int64_t now = feed::epochMs();
        for (int i = 0; i < 9; ++i) {
            const std::string id = "gate-" + std::to_string(i);
            feed.push(feed::CameraState{id, now, true, "Gate " + std::to_string(i), {122.07 + 0.0004 * i, 41.12}, {}, {}});
            feed.push(feed::CameraEvent{id, now, feed::CameraEventType::Intrusion, i == 8 ? 4 : 2, {}});
        }
        feed.drain();
        alarms.refresh();
        // One chip for the group, in the highest lane it reaches.
        QCOMPARE(alarms.laneItems(2).size(), 0);
        QCOMPARE(alarms.laneItems(4).size(), 1);
        const QVariantMap flood = alarms.laneItems(4).front().toMap();
        QCOMPARE(flood.value("flood").toInt(), 9);
        QCOMPARE(alarms.criticalUnacknowledged(), 1);

        QCOMPARE(alarms.acknowledgeGroup(flood.value("alarmId").toDouble()), 9);
        QCOMPARE(alarms.criticalUnacknowledged(), 0);
        QCOMPARE(alarms.acknowledgeGroup(flood.value("alarmId").toDouble()), 0); // nothing left to acknowledge

        // Refused: a reason the wall does not know, no time, more than a shift.
        QVERIFY(!alarms.shelve(flood.value("alarmId").toDouble(), true, QStringLiteral("because"), 60));
        QVERIFY(!alarms.shelve(flood.value("alarmId").toDouble(), true, QStringLiteral("planned_work"), 0));
        QVERIFY(!alarms.shelve(flood.value("alarmId").toDouble(), true, QStringLiteral("planned_work"), 9 * 60));
        // The chip's alarm is the critical one: its subject alone cannot be shelved; its group can,
        // and the shelf takes the eight below critical.
        QVERIFY(!alarms.shelve(flood.value("alarmId").toDouble(), false, QStringLiteral("planned_work"), 60));
        QVERIFY(alarms.shelve(flood.value("alarmId").toDouble(), true, QStringLiteral("planned_work"), 60));
        QCOMPARE(alarms.shelved(), 8);
        QCOMPARE(alarms.active(), 9);
        QCOMPARE(alarms.laneItems(2).size(), 0);
        QCOMPARE(alarms.laneItems(4).size(), 1);
        QCOMPARE(alarms.laneItems(4).front().toMap().value("flood").toInt(), 0); // the critical one, as itself
        QCOMPARE(alarms.shelves().size(), 1);
        const QVariantMap shelf = alarms.shelves().front().toMap();
        QCOMPARE(shelf.value("alarms").toInt(), 8);
        QCOMPARE(shelf.value("reason").toString(), QStringLiteral("planned_work"));
        QCOMPARE(shelf.value("kind").toString(), QStringLiteral("camera_event"));
        QVERIFY(!shelf.value("district").toString().isEmpty());
        QVERIFY(qAbs(shelf.value("until").toDouble() - shelf.value("since").toDouble() - 3'600'000) < 1);
        QVERIFY(wall.liveFeed()->metricsText().contains(QStringLiteral("gridwall_alarms_shelved 8")));
        QVERIFY(wall.liveFeed()->metricsText().contains(QStringLiteral("gridwall_alarm_shelves 1")));

        QVERIFY(alarms.unshelve(shelf.value("shelfId").toDouble()));
        QCOMPARE(alarms.shelved(), 0);
        QCOMPARE(alarms.shelves().size(), 0);
        QCOMPARE(alarms.laneItems(4).front().toMap().value("flood").toInt(), 9);
    }

    // A case still in hand when its deadline passes turns to the overdue
    // layer with the clock, without any message about it.
    void deadlinePassingRestylesTheCase()
    {
        map::Geography geography(m_data, false);
        map::GeoMap map;
        map.setGeography(&geography);
        views::LiveFeed feed(std::nullopt, &geography.tree());
        views::LiveLayers layers(feed.state(), map, geography.tree());
        connect(&feed, &views::LiveFeed::applied, &layers, &views::LiveLayers::update);
        constexpr int openCases = 50, overdue = 55;
        const int64_t now = feed::epochMs();
        feed::CaseEvent c = caseEvent("late", 1, feed::CaseStatus::Reported);
        c.ts = now;
        c.deadline = now + 500;
        feed.push(std::move(c));
        feed.drain();
        QCOMPARE(layers.markerCount(openCases), size_t(1));
        QCOMPARE(layers.markerCount(overdue), size_t(0));
        feed.state().tick(now + 2000);
        layers.update();
        QCOMPARE(layers.markerCount(openCases), size_t(0));
        QCOMPARE(layers.markerCount(overdue), size_t(1));
    }

    // The legend lists every layer with its count; switching one off keeps
    // its markers (counted, ready) and says so.
    void legendSwitchesLayers()
    {
        map::Geography geography(m_data, false);
        map::GeoMap map;
        map.setGeography(&geography);
        views::LiveFeed feed(std::nullopt, &geography.tree());
        views::LiveLayers layers(feed.state(), map, geography.tree());
        connect(&feed, &views::LiveFeed::applied, &layers, &views::LiveLayers::update);
        feed.push(worker("w-1", 122.07, feed::WorkerStatus::Patrol));
        feed.push(worker("w-2", 122.08, feed::WorkerStatus::Handling));
        feed.drain();
        const auto entry = [&](const QString &key) {
            for (const QVariant &v : layers.legend())
                if (v.toMap().value(QStringLiteral("key")).toString() == key)
                    return v.toMap();
            return QVariantMap();
        };
        QCOMPARE(layers.legend().size(), qsizetype(11));
        QCOMPARE(entry(QStringLiteral("workers")).value(QStringLiteral("count")).toInt(), 2);
        QVERIFY(entry(QStringLiteral("workers")).value(QStringLiteral("shown")).toBool());
        constexpr int patrol = 31;
        QCOMPARE(map.markersShown(patrol), size_t(0)); // a city-wide view: workers wait for a closer zoom
        QSignalSpy changed(&layers, &views::LiveLayers::legendChanged);
        layers.setVisible(QStringLiteral("workers"), false);
        QCOMPARE(changed.size(), 1);
        QVERIFY(!entry(QStringLiteral("workers")).value(QStringLiteral("shown")).toBool());
        QCOMPARE(entry(QStringLiteral("workers")).value(QStringLiteral("count")).toInt(), 2);
        feed.push(worker("w-3", 122.09, feed::WorkerStatus::Patrol)); // still followed while hidden
        feed.drain();
        layers.setVisible(QStringLiteral("workers"), true);
        QCOMPARE(entry(QStringLiteral("workers")).value(QStringLiteral("count")).toInt(), 3);
        layers.setVisible(QStringLiteral("workload"), false);
        QVERIFY(!entry(QStringLiteral("workload")).value(QStringLiteral("shown")).toBool());
        QVERIFY(!entry(QStringLiteral("rings")).value(QStringLiteral("shown")).toBool()); // off until asked for
        layers.setVisible(QStringLiteral("rings"), true);
        QVERIFY(entry(QStringLiteral("rings")).value(QStringLiteral("shown")).toBool());
    }

    // The density image: transparent where there are no cases, strongest where
    // they gather, a lone case faint (not a hotspot), saturating at the set count.
    void densityImageFollowsThePoints()
    {
        map::HeatmapSpec spec;
        spec.area = QRectF(0, 0, 1000, 500);
        spec.width = 200; // 5 units a pixel
        spec.sigma = 20;
        spec.saturation = 3;
        std::vector<QPointF> points(3, QPointF(250, 250)); // three cases at one place
        points.push_back(QPointF(750, 250));                 // and one alone
        const QImage image = map::densityImage(points, spec);
        QCOMPARE(image.size(), QSize(200, 100));
        const int cluster = qAlpha(image.pixel(50, 50)), lone = qAlpha(image.pixel(150, 50));
        QVERIFY2(cluster >= 225, qPrintable(QString::number(cluster))); // saturated
        QVERIFY2(lone > 0 && lone < cluster / 2, qPrintable(QString::number(lone)));
        QCOMPARE(qAlpha(image.pixel(100, 50)), 0); // between them: nothing
        QCOMPARE(qAlpha(image.pixel(5, 95)), 0);
        QVERIFY(qAlpha(image.pixel(54, 50)) < cluster); // falls off around the peak
        QCOMPARE(map::heatColor(0), qRgba(0, 0, 0, 0));
        QVERIFY(map::densityImage({}, map::HeatmapSpec{}).isNull());
    }

    // The workload map's classes: fifths of the loaded regions whatever the
    // city's level (a quiet morning's 0.0x and a busy day's 2.x both show five
    // classes), equal loads in one class, colours from dark to light without
    // turning back (more load always reads brighter), idle regions darker still.
    void workloadClassesAreFifthsOfTheLoadedRegions()
    {
        // The legend's keys are the ones scenes may switch, in the same order (one list, docs/wall.md).
        QCOMPARE(views::LiveLayers::legendKeys(), wall::layerKeys());
        for (double scale : {0.01, 1.0, 40.0}) {
            std::vector<double> loads;
            for (int i = 1; i <= 50; ++i)
                loads.push_back(scale * i * i); // skewed, as a city's load is
            const views::WorkloadClasses classes = views::WorkloadClasses::of(loads);
            for (int c = 0; c < views::WorkloadClasses::kClasses; ++c)
                QCOMPARE(classes.regions[size_t(c)], 10);
            QCOMPARE(classes.classOf(scale), 0);
            QCOMPARE(classes.classOf(scale * 2500), 4);
            QCOMPARE(classes.edges.front(), scale);
            QCOMPARE(classes.edges.back(), scale * 2500);
        }
        // Ties: one value everywhere is one class, not five colours for the same load.
        const views::WorkloadClasses flat = views::WorkloadClasses::of(std::vector<double>(30, 0.5));
        QCOMPARE(flat.regions[0] + flat.regions[4], 30);
        QCOMPARE(flat.classOf(0.5), flat.classOf(0.5));
        QCOMPARE(views::WorkloadClasses::of({}).regions, (std::array<int, 5>{}));
        const auto luma = [](QRgb c) { return 0.2126 * qRed(c) + 0.7152 * qGreen(c) + 0.0722 * qBlue(c); };
        double last = luma(views::LiveLayers::idleColor());
        for (int c = 0; c < views::WorkloadClasses::kClasses; ++c) {
            const double l = luma(views::LiveLayers::workloadClassColor(c));
            QVERIFY2(l > last + 10, qPrintable(QStringLiteral("class %1").arg(c)));
            last = l;
        }
    }

    // The drill-down panel's figures are the region's live roll-ups, its
    // children ranked by workload, and its path back up to the city.
    void regionPanelFollowsTheState()
    {
        map::Geography geography(m_data, false);
        const geo::RegionTree &tree = geography.tree();
        views::LiveFeed feed(std::nullopt, &tree);
        views::RegionPanel panel(feed.state(), geography);
        const int grid = tree.level(geo::Level::Grid).front();
        const QList<int> path = tree.pathTo(grid);
        const QString district = tree.region(path.front()).code;
        const QString street = tree.region(path[1]).code;
        const QGeoCoordinate at = tree.geoFromScene(tree.region(grid).labelPoint);
        for (int i = 0; i < 3; ++i) {
            feed::CaseEvent c = caseEvent("p-" + std::to_string(i), 1, feed::CaseStatus::Reported);
            c.ts = feed::epochMs();
            c.position = feed::GeoPoint{at.longitude(), at.latitude()};
            c.grid = tree.region(grid).code.toStdString();
            c.priority = 1;
            c.deadline = c.ts + state::kHourMs;
            feed.push(std::move(c));
        }
        feed.drain();
        panel.refresh(); // as its once-a-second timer does
        QCOMPARE(panel.figures().level, QStringLiteral("city"));
        QCOMPARE(panel.figures().open, 3);
        QCOMPARE(panel.children().size(), tree.level(geo::Level::District).size());
        QCOMPARE(panel.children().front().toMap().value(QStringLiteral("code")).toString(), district); // the loaded one first

        QSignalSpy moved(&panel, &views::RegionPanel::codeChanged);
        panel.setCode(district);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(panel.figures().name, tree.region(path.front()).name);
        QCOMPARE(panel.figures().open, 3);
        QCOMPARE(panel.children().front().toMap().value(QStringLiteral("code")).toString(), street);
        QCOMPARE(panel.children().front().toMap().value(QStringLiteral("open")).toInt(), 3);
        QCOMPARE(panel.path().size(), qsizetype(1));
        panel.setCode(tree.region(grid).code);
        QCOMPARE(panel.path().size(), qsizetype(4));
        QVERIFY(panel.children().isEmpty());
        panel.setCode(QStringLiteral("no-such-code")); // unknown: the city
        QCOMPARE(panel.code(), QString());
        QCOMPARE(panel.figures().level, QStringLiteral("city"));
    }

    // After a restart the map shows at once what it showed before: the stored
    // cases, and the last positions of workers and units (the sensors' last
    // readings wait for their retained states, which carry the positions).
    void aRestartShowsTheSameMarkers()
    {
        map::Geography geography(m_data, false);
        QTemporaryDir dir;
        QString error;
        std::unique_ptr<history::History> h = history::History::open(dir.path(), &error);
        QVERIFY2(h, qPrintable(error));
        constexpr int patrol = 31, handling = 32, openCases = 50, inHand = 51, fire = 62;
        const int64_t now = feed::epochMs();
        std::map<int, size_t> before;
        {
            map::GeoMap map;
            map.setGeography(&geography);
            views::LiveFeed feed(std::nullopt, &geography.tree(), h.get());
            views::LiveLayers layers(feed.state(), map, geography.tree());
            connect(&feed, &views::LiveFeed::applied, &layers, &views::LiveLayers::update);
            for (int i = 0; i < 30; ++i) {
                feed::WorkerPosition w = worker("w-" + std::to_string(i), 122.0 + i * 0.002,
                                                i % 3 ? feed::WorkerStatus::Patrol : feed::WorkerStatus::Handling);
                w.ts = now - 60'000 + i;
                w.name = "网格员" + std::to_string(i);
                feed.push(std::move(w));
                feed::CaseEvent c = caseEvent("c-" + std::to_string(i), 1, feed::CaseStatus::Reported);
                c.ts = now - 60'000;
                feed.push(std::move(c));
            }
            for (int i = 0; i < 10; ++i)
                feed.push(caseEvent("c-" + std::to_string(i), 3, feed::CaseStatus::Dispatched));
            feed::UnitPosition u;
            u.id = "fire-7";
            u.ts = now - 30'000;
            u.position = {122.05, 41.13};
            u.kind = feed::UnitKind::Fire;
            u.status = "on_scene";
            feed.push(std::move(u));
            feed.push(feed::SensorReading{"gas-3", now - 20'000, 17.5});
            feed.drain();
            for (int layer : {patrol, handling, openCases, inHand, fire})
                before[layer] = layers.markerCount(layer);
        } // the feed writes its open telemetry buckets as it goes
        h->flush();
        QCOMPARE(before[patrol], size_t(20));
        QCOMPARE(before[inHand], size_t(10));

        map::GeoMap map;
        map.setGeography(&geography);
        views::LiveFeed restarted(std::nullopt, &geography.tree(), h.get());
        views::LiveLayers layers(restarted.state(), map, geography.tree());
        connect(&restarted, &views::LiveFeed::applied, &layers, &views::LiveLayers::update);
        for (int layer : {patrol, handling, openCases, inHand, fire}) {
            QCOMPARE(layers.markerCount(layer), before[layer]);
            if (layer != patrol && layer != handling) // workers appear from community zoom
                QCOMPARE(map.markersShown(layer), before[layer]); // handed to the map, not only counted
        }
        QCOMPARE(restarted.recorder()->restoredCases(), size_t(30));
        QCOMPARE(restarted.recorder()->restoredTelemetry(), size_t(32));
        QCOMPARE(restarted.state().workers().at("w-4").name, std::string("网格员4"));
        QCOMPARE(restarted.state().units().at("fire-7").status, std::string("on_scene"));
        QCOMPARE(restarted.state().sensors().at("gas-3").reading->value, 17.5);
        QCOMPARE(restarted.state().sensors().at("gas-3").reading->ts, now - 20'000);
    }
};

QTEST_MAIN(TestLiveLayers)
#include "tst_livelayers.moc"
