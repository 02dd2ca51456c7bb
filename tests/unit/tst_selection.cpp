// One selection, every way in: a tap on a region and on a marker, --view
// (a region, and an entity before its first message), a scene, the
// director's commands, the conductor's view on a follower and a plugin. Each
// time the map (ring and flight), the drill-down panel (region figures or
// entity details) and the breadcrumb agree with the selection. The wall is
// the one the application runs (app/wall.h), on a real map in a window.

#include "app/wall.h"
#include "geo/regiontree.h"
#include "map/geography.h"
#include "map/geomap.h"
#include "plugins/pluginapi.h"
#include "plugins/pluginhost.h"
#include "views/entitypanel.h"
#include "views/livefeed.h"
#include "views/regionpanel.h"
#include "views/selection.h"
#include "wall/director.h"
#include "wall/wallsync.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>

using namespace gridwall;
using Kind = views::Selection::Kind;
using Reason = views::Selection::Reason;

namespace {

feed::CaseEvent reportedCase(const std::string &id, double lon, double lat)
{
    feed::CaseEvent e;
    e.id = id;
    e.seq = 1;
    e.ts = feed::epochMs();
    e.status = feed::CaseStatus::Reported;
    e.category = "dispute";
    e.title = "Blocked lane " + id;
    e.priority = 2;
    e.position = feed::GeoPoint{lon, lat};
    e.deadline = e.ts + 3'600'000;
    return e;
}

feed::WorkerPosition worker(const std::string &id, double lon, double lat)
{
    feed::WorkerPosition w;
    w.id = id;
    w.ts = feed::epochMs();
    w.position = {lon, lat};
    w.status = feed::WorkerStatus::Patrol;
    w.name = "Worker " + id;
    return w;
}

} // namespace

class TestSelection : public QObject
{
    Q_OBJECT

    std::shared_ptr<const map::MapData> m_data;
    std::unique_ptr<QQuickWindow> m_window;
    map::GeoMap *m_map = nullptr;
    std::unique_ptr<app::Wall> m_wall;

    // A wall as `gridwall` builds it from these options, on a 1280x720 map.
    void start(Options options)
    {
        m_window = std::make_unique<QQuickWindow>();
        m_window->resize(1280, 720);
        m_map = new map::GeoMap(m_window->contentItem());
        m_map->setObjectName(QStringLiteral("map"));
        m_map->setSize(QSizeF(1280, 720));
        m_wall = std::make_unique<app::Wall>(std::move(options));
        QVERIFY(!m_wall->build(m_data));
        QVERIFY(!m_wall->attach(m_window.get()));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    const geo::RegionTree &tree() const { return m_wall->geography()->tree(); }
    views::Selection &selection() const { return *m_wall->selection(); }

    QString gridAt(double lon, double lat) const
    {
        const auto path = tree().hitTestAll(tree().sceneFromGeo(lon, lat)); // district down to grid, -1 where none
        return path.back() < 0 ? QString() : tree().region(path.back()).code;
    }
    QPointF onScreen(double lon, double lat) const { return m_map->view().sceneToScreen(tree().sceneFromGeo(lon, lat)); }
    QPointF insideRegion(const QString &code) const
    {
        GEOSContextHandle_t h = tree().geosHandle();
        GEOSGeometry *inside = GEOSPointOnSurface_r(h, tree().geometry(tree().indexOf(code)));
        double x = 0, y = 0;
        GEOSGeomGetX_r(h, inside, &x);
        GEOSGeomGetY_r(h, inside, &y);
        GEOSGeom_destroy_r(h, inside);
        return m_map->view().sceneToScreen({x, y});
    }
    bool inView(const QString &code) const
    {
        return m_map->view().visibleScene().intersects(tree().region(tree().indexOf(code)).focusBounds)
               && m_map->view().visibleScene().contains(tree().region(tree().indexOf(code)).focusBounds.center());
    }

    // The map's ring, the panel's region and its breadcrumb's last step, and the entity panel: all the selection's.
    void checkAgree(const QString &region, Kind kind, const QString &entity)
    {
        QCOMPARE(selection().region(), region);
        QCOMPARE(m_map->selectedCode(), region);
        QCOMPARE(m_wall->regionPanel()->code(), region);
        const QList<views::RegionRef> crumbs = m_wall->regionPanel()->path();
        QCOMPARE(crumbs.isEmpty() ? QString() : crumbs.last().code, region);
        QCOMPARE(selection().kind(), kind);
        QCOMPARE(selection().entityId(), entity);
        QCOMPARE(m_wall->entityPanel()->kind(), views::Selection::kindName(kind));
        QCOMPARE(m_wall->entityPanel()->entityId(), entity);
    }

private slots:
    void initTestCase()
    {
        const map::MapDataLoad loaded = map::loadMapData(QStringLiteral(GRIDWALL_REGIONS));
        QVERIFY2(loaded.data, qPrintable(loaded.error));
        m_data = loaded.data;
    }

    void cleanup()
    {
        // As the application: the window (and its render thread) goes before the wall it shows.
        m_window.reset();
        m_wall.reset();
    }

    void aTapOnARegionSelectsItWhereItIs()
    {
        start({});
        const QString street = tree().region(tree().level(geo::Level::Street).at(3)).code;
        QSignalSpy flights(&selection(), &views::Selection::flyRequested);
        const double scale = m_map->view().scale();
        QTest::mouseClick(m_window.get(), Qt::LeftButton, {}, insideRegion(street).toPoint());
        checkAgree(street, Kind::None, {});
        QCOMPARE(selection().reason(), Reason::Map);
        QCOMPARE(flights.count(), 0); // in view already: the map stays where the operator put it
        QCOMPARE(m_map->view().scale(), scale);
        // Outside the city: the whole city again.
        QTest::mouseClick(m_window.get(), Qt::LeftButton, {}, QPoint(3, 3));
        checkAgree({}, Kind::None, {});
    }

    void aTapOnAMarkerOpensTheEntityAndFliesToItsGrid()
    {
        start({});
        m_wall->liveFeed()->push(reportedCase("c-7", 122.07, 41.12));
        m_wall->liveFeed()->drain();
        const QString grid = gridAt(122.07, 41.12);
        QVERIFY(!grid.isEmpty());
        QSignalSpy flights(&selection(), &views::Selection::flyRequested);
        QSignalSpy changes(&selection(), &views::Selection::changed);
        QTest::mouseClick(m_window.get(), Qt::LeftButton, {}, onScreen(122.07, 41.12).toPoint());
        checkAgree(grid, Kind::Case, QStringLiteral("c-7"));
        QCOMPARE(selection().reason(), Reason::Map);
        // One pick, one flight and one change (the panels it reaches do not make another).
        QCOMPARE(flights.count(), 1);
        QCOMPARE(flights.first().first().toString(), grid);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(m_wall->entityPanel()->caseFacts().title, QStringLiteral("Blocked lane c-7"));
        QTRY_VERIFY_WITH_TIMEOUT(m_map->detailLevel() == int(geo::Level::Grid) && inView(grid), 3000);
        // A tap on its region (not a marker) lets the entity go.
        m_map->flyTo(QString(), 0);
        QTest::mouseClick(m_window.get(), Qt::LeftButton, {}, QPoint(3, 3));
        checkAgree({}, Kind::None, {});
    }

    void viewARegionShowsItsFiguresNotTheCity()
    {
        Options options;
        options.viewCode = QStringLiteral("211104");
        start(options);
        checkAgree(QStringLiteral("211104"), Kind::None, {});
        QCOMPARE(selection().reason(), Reason::CommandLine);
        QVERIFY(m_wall->regionPanel()->figures().name != QStringLiteral("Panjin"));
        QCOMPARE(m_wall->regionPanel()->figures().code, QStringLiteral("211104"));
        QTRY_VERIFY_WITH_TIMEOUT(inView(QStringLiteral("211104")), 3000);
    }

    void viewAnEntityWaitsForItsFirstMessage()
    {
        Options options;
        options.viewCode = QStringLiteral("w-9");
        start(options);
        QCOMPARE(selection().pendingId(), QStringLiteral("w-9"));
        checkAgree({}, Kind::None, {});
        m_wall->liveFeed()->push(worker("w-9", 122.07, 41.12));
        m_wall->liveFeed()->drain();
        QTRY_COMPARE_WITH_TIMEOUT(selection().kind(), Kind::Worker, 3000);
        checkAgree(gridAt(122.07, 41.12), Kind::Worker, QStringLiteral("w-9"));
        QVERIFY(selection().pendingId().isEmpty());
        // The worker walks into another grid: the region follows it.
        m_wall->liveFeed()->push(worker("w-9", 121.80, 41.00));
        m_wall->liveFeed()->drain();
        const QString next = gridAt(121.80, 41.00);
        QVERIFY(!next.isEmpty() && next != gridAt(122.07, 41.12));
        m_wall->entityPanel()->refresh();
        checkAgree(next, Kind::Worker, QStringLiteral("w-9"));
    }

    void aSceneAndTheDirectorsCommandsSelect()
    {
        Options options;
        wall::Scene scene;
        scene.id = QStringLiteral("morning");
        scene.region = QStringLiteral("211103");
        options.scenes.push_back(scene);
        wall::Scene withCase;
        withCase.id = QStringLiteral("incident");
        withCase.region = QStringLiteral("211103");
        withCase.entity = QStringLiteral("c-1");
        options.scenes.push_back(withCase);
        start(options);
        QVERIFY(m_wall->director());
        m_wall->liveFeed()->push(reportedCase("c-1", 122.07, 41.12));
        m_wall->liveFeed()->drain();

        m_wall->director()->command(R"({"command":"scene","scene":"morning"})");
        checkAgree(QStringLiteral("211103"), Kind::None, {});
        QCOMPARE(selection().reason(), Reason::Scene);
        QTRY_VERIFY_WITH_TIMEOUT(inView(QStringLiteral("211103")), 3000);

        // A scene with an entity: the entity's grid is the region, not the scene's district.
        m_wall->director()->command(R"({"command":"scene","scene":"incident"})");
        checkAgree(gridAt(122.07, 41.12), Kind::Case, QStringLiteral("c-1"));

        m_wall->director()->command(R"({"command":"drill","region":"211104"})");
        checkAgree(QStringLiteral("211104"), Kind::None, {});
        QCOMPARE(selection().reason(), Reason::Director);

        m_wall->director()->command(R"({"command":"show","entity":"c-1"})");
        checkAgree(gridAt(122.07, 41.12), Kind::Case, QStringLiteral("c-1"));
        QCOMPARE(selection().reason(), Reason::Director);

        // A drill to a region that does not exist is refused: nothing changes.
        m_wall->director()->command(R"({"command":"drill","region":"999999"})");
        checkAgree(gridAt(122.07, 41.12), Kind::Case, QStringLiteral("c-1"));
    }

    void aFollowerTakesTheConductorsSelectionWithoutFlying()
    {
        Options options;
        options.wall.id = QStringLiteral("w");
        options.wall.columns = 2;
        options.wall.node = QPoint(1, 0);
        start(options);
        QVERIFY(!m_wall->director()); // only the conductor steers
        m_wall->liveFeed()->push(reportedCase("c-3", 122.07, 41.12));
        m_wall->liveFeed()->drain();
        wall::WallSync sync(options.wall, options.topicRoot, nullptr, m_map, m_wall->selection(), &tree(), 300'000);
        QSignalSpy flights(&selection(), &views::Selection::flyRequested);
        const QPointF centre = m_map->view().center();
        const auto view = [&](const QString &region, const QString &entity, double ts) {
            const QJsonObject o{{QStringLiteral("ts"), ts},
                                {QStringLiteral("seq"), 1},
                                {QStringLiteral("centre"), QJsonArray{centre.x(), centre.y()}},
                                {QStringLiteral("scale"), m_map->view().scale()},
                                {QStringLiteral("region"), region},
                                {QStringLiteral("entity"), entity}};
            sync.onMessage("panjin/wall/w/view", QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString());
        };
        const QString grid = gridAt(122.07, 41.12);
        view(grid, QStringLiteral("c-3"), double(feed::epochMs()));
        QTRY_COMPARE(selection().entityId(), QStringLiteral("c-3"));
        checkAgree(grid, Kind::Case, QStringLiteral("c-3"));
        QCOMPARE(selection().reason(), Reason::Follower);
        QCOMPARE(flights.count(), 0); // the conductor's centre and scale are the view
        view(QStringLiteral("211103"), QString(), double(feed::epochMs() + 1));
        QTRY_COMPARE(selection().region(), QStringLiteral("211103"));
        checkAgree(QStringLiteral("211103"), Kind::None, {});
    }

    void aPluginSelectsOnlyWhenItDeclaresTheSelection()
    {
        Options options;
        options.pluginDirs = {QStringLiteral(GRIDWALL_PLUGINS)};
        start(options);
        auto *grid = qobject_cast<plugins::PluginApi *>(m_wall->plugins()->api(QStringLiteral("grid-management")));
        QVERIFY(grid); // declares "selection"
        QSignalSpy changed(grid, &plugins::PluginApi::selectionChanged);
        QVERIFY(grid->selectRegion(QStringLiteral("211104")));
        checkAgree(QStringLiteral("211104"), Kind::None, {});
        QCOMPARE(selection().reason(), Reason::Plugin);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(grid->selection().value(QStringLiteral("code")).toString(), QStringLiteral("211104"));
        QTRY_VERIFY_WITH_TIMEOUT(inView(QStringLiteral("211104")), 3000);
        QVERIFY(!grid->selectRegion(QStringLiteral("no-such-region")));
        checkAgree(QStringLiteral("211104"), Kind::None, {});

        m_wall->liveFeed()->push(reportedCase("c-5", 122.07, 41.12));
        m_wall->liveFeed()->drain();
        QVERIFY(grid->selectEntity(QStringLiteral("c-5")));
        checkAgree(gridAt(122.07, 41.12), Kind::Case, QStringLiteral("c-5"));
        QCOMPARE(grid->selection().value(QStringLiteral("id")).toString(), QStringLiteral("c-5"));

        // A plugin that does not declare the selection (emergency-safety) may not steer the wall: refused, and its error.
        auto *safety = qobject_cast<plugins::PluginApi *>(m_wall->plugins()->api(QStringLiteral("emergency-safety")));
        QVERIFY(safety);
        QVERIFY(!safety->selectRegion(QStringLiteral("211103")));
        QVERIFY(!safety->selectEntity(QStringLiteral("c-5")));
        checkAgree(gridAt(122.07, 41.12), Kind::Case, QStringLiteral("c-5"));
        QVERIFY(m_wall->plugins()->metricsText().contains(QStringLiteral("gridwall_plugin_errors_total{plugin=\"emergency-safety\"} 2")));
    }
};

QTEST_MAIN(TestSelection)
#include "tst_selection.moc"
