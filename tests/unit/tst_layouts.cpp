// The wall's picture at every built-in layout: the application's own
// window (Main.qml, the wall of app/wall.h) at the sizes command centers and
// kiosks have. At home view each district's label point lies on the map and
// under no panel, card or key; the map is the largest area and takes at
// least 55 % of a 16:9 picture and 60 % of a wider one; six department
// plugins are each shown (on a page of the tile area) or said not to be;
// the analysis column's rows fit it, whatever it leaves out. The column on a
// 48:9 wall: its period toggle, the open cases by category from the live
// state, the on-time rate from the history.
// Also the layouts as data: the presets' areas tile the picture, and a
// configuration's layout is read or refused with its reason.

#include "app/wall.h"
#include "geo/regiontree.h"
#include "history/history.h"
#include "map/geography.h"
#include "map/geomap.h"
#include "state/alarms.h"
#include "state/livestate.h"
#include "views/alarmticker.h"
#include "views/livefeed.h"
#include "views/pictureareas.h"
#include "views/regionpanel.h"
#include "views/selection.h"
#include "wall/picturelayout.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

Q_IMPORT_QML_PLUGIN(Gridwall_BackendPlugin)
Q_IMPORT_QML_PLUGIN(GridwallPlugin)

using namespace gridwall;

class TestLayouts : public QObject
{
    Q_OBJECT

    std::shared_ptr<const map::MapData> m_data;

    // An item by objectName among the visual children (a Repeater's delegates are none of its QObject children).
    static QQuickItem *itemNamed(QQuickItem *root, const QString &name)
    {
        for (QQuickItem *child : root->childItems()) {
            if (child->objectName() == name)
                return child;
            if (QQuickItem *found = itemNamed(child, name))
                return found;
        }
        return nullptr;
    }
    QTemporaryDir m_extraPlugins; // two more departments: six in all

    // Copies a bundled plugin under another id.
    bool addPlugin(const QString &from, const QString &id)
    {
        const QDir source(QStringLiteral(GRIDWALL_PLUGINS "/") + from);
        QDir target(m_extraPlugins.filePath(id));
        if (!QDir().mkpath(target.path()))
            return false;
        for (const QString &file : source.entryList(QDir::Files)) {
            if (file == QLatin1String("plugin.json")) {
                QFile in(source.filePath(file));
                if (!in.open(QIODevice::ReadOnly))
                    return false;
                QJsonObject manifest = QJsonDocument::fromJson(in.readAll()).object();
                manifest.insert(QStringLiteral("id"), id);
                QFile out(target.filePath(file));
                if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(manifest).toJson()) < 0)
                    return false;
            } else if (!QFile::copy(source.filePath(file), target.filePath(file))) {
                return false;
            }
        }
        return true;
    }

private slots:
    void initTestCase()
    {
        const map::MapDataLoad loaded = map::loadMapData(QStringLiteral(GRIDWALL_REGIONS));
        QVERIFY2(loaded.data, qPrintable(loaded.error));
        m_data = loaded.data;
        QVERIFY(addPlugin(QStringLiteral("petitions-mediation"), QStringLiteral("mediation-copy")));
        QVERIFY(addPlugin(QStringLiteral("emergency-safety"), QStringLiteral("safety-copy")));
    }

    void presetsTileThePicture_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QSize>("picture");
        QTest::addColumn<double>("mapShare");
        QTest::newRow("16:9 1080p") << "16:9" << QSize(1920, 1080) << 0.55;
        QTest::newRow("16:9 4K") << "16:9" << QSize(3840, 2160) << 0.55;
        QTest::newRow("32:9") << "32:9" << QSize(7680, 2160) << 0.60;
        QTest::newRow("48:9") << "48:9" << QSize(11520, 2160) << 0.60;
        QTest::newRow("3x3") << "3x3" << QSize(5760, 3240) << 0.55;
        QTest::newRow("portrait") << "portrait" << QSize(1080, 1920) << 0.50;
    }
    void presetsTileThePicture()
    {
        QFETCH(QString, name);
        QFETCH(QSize, picture);
        QFETCH(double, mapShare);
        wall::WallLayout screens;
        if (name == QLatin1String("3x3"))
            screens.columns = screens.rows = 3;
        const wall::PictureLayout &layout = wall::presetFor(QSizeF(picture), screens);
        QCOMPARE(layout.name, name);
        const std::map<QString, QRectF> areas = layout.place(QSizeF(picture));
        double covered = 0;
        for (const auto &[area, rect] : areas) {
            QVERIFY2(QRectF(QPointF(0, 0), QSizeF(picture)).adjusted(-0.5, -0.5, 0.5, 0.5).contains(rect), qPrintable(area));
            for (const auto &[other, otherRect] : areas)
                if (other != area)
                    QVERIFY2(rect.intersected(otherRect).width() < 0.5 || rect.intersected(otherRect).height() < 0.5,
                             qPrintable(area + QStringLiteral(" over ") + other));
            covered += rect.width() * rect.height();
        }
        // No black bands: the areas cover the whole picture.
        QVERIFY(std::abs(covered - double(picture.width()) * picture.height()) < picture.width() + picture.height());
        const QRectF map = areas.at(QStringLiteral("map"));
        for (const auto &[area, rect] : areas)
            QVERIFY2(rect.width() * rect.height() <= map.width() * map.height(), qPrintable(area + QStringLiteral(" is larger than the map")));
        const double share = map.width() * map.height() / (double(picture.width()) * picture.height());
        QVERIFY2(share >= mapShare, qPrintable(QStringLiteral("the map takes %1 of the picture").arg(share)));
        // On a 3x3 wall the panel is one whole screen: no line of its text crosses a bezel.
        if (name == QLatin1String("3x3")) {
            const QRectF panel = areas.at(QStringLiteral("panel"));
            QCOMPARE(panel, QRectF(3840, 1080, 1920, 1080));
        }
    }

    void layoutsAreReadOrRefusedWithTheirReason_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("problem");
        QTest::newRow("preset") << "\"48:9\"" << "";
        QTest::newRow("custom") << R"({"columns": [400, "1fr"], "rows": [60, "1fr", 100],
                                       "areas": ["header header", "panel map", "ticker map"]})" << "";
        QTest::newRow("unknown preset") << "\"21:9\"" << "layout \"21:9\" is none of 16:9, 32:9, 48:9, 3x3, portrait";
        QTest::newRow("no map") << R"({"columns": ["1fr"], "rows": [60, "1fr", 100], "areas": ["header", "panel", "ticker"]})"
                                << "layout.areas has no \"map\"";
        QTest::newRow("not a rectangle") << R"({"columns": ["1fr", "1fr"], "rows": [60, "1fr", "1fr"],
                                                "areas": ["header header", "map panel", "panel ticker"]})"
                                         << "layout.areas: \"panel\" is not a rectangle of cells";
        QTest::newRow("unknown area") << R"({"columns": ["1fr"], "rows": ["1fr"], "areas": ["clock"]})"
                                      << "layout.areas: \"clock\" is none of header, map, panel, ticker, charts, tiles (or \".\" for an empty cell)";
        QTest::newRow("short row") << R"({"columns": ["1fr", 300], "rows": ["1fr"], "areas": ["map"]})"
                                   << "layout.areas row 1 names 1 areas for 2 columns";
        QTest::newRow("map not the largest") << R"({"columns": [400, "1fr"], "rows": [60, "1fr", 100],
                                                   "areas": ["header header", "map panel", "ticker panel"]})"
                                             << "layout: \"panel\" (1520x1020 design units) is larger than the map (400x920): the map must be the largest area";
        QTest::newRow("bad track") << R"({"columns": ["wide"], "rows": ["1fr"], "areas": ["map"]})"
                                   << "layout.columns wants a list of design units (numbers) and shares (\"1fr\")";
    }
    void layoutsAreReadOrRefusedWithTheirReason()
    {
        QFETCH(QString, json);
        QFETCH(QString, problem);
        const QJsonDocument doc = QJsonDocument::fromJson("[" + json.toUtf8() + "]");
        wall::PictureLayout layout;
        QCOMPARE(wall::readPictureLayout(doc.array().first(), &layout), problem);
        if (problem.isEmpty())
            QVERIFY(layout.areas.count(QStringLiteral("map")));
    }

    void theWallAtEachShape_data()
    {
        QTest::addColumn<QSize>("window");
        QTest::addColumn<QString>("layout"); // forced, as --layout would
        QTest::addColumn<QString>("expected");
        QTest::addColumn<double>("mapShare");
        QTest::newRow("1920x1080") << QSize(1920, 1080) << QString() << "16:9" << 0.55;
        QTest::newRow("7680x2160") << QSize(7680, 2160) << QString() << "32:9" << 0.60;
        QTest::newRow("11520x2160") << QSize(11520, 2160) << QString() << "48:9" << 0.60;
        QTest::newRow("5760x3240 3x3") << QSize(5760, 3240) << "3x3" << "3x3" << 0.55;
        QTest::newRow("1080x1920") << QSize(1080, 1920) << QString() << "portrait" << 0.50;
    }
    void theWallAtEachShape()
    {
        QFETCH(QSize, window);
        QFETCH(QString, layout);
        QFETCH(QString, expected);
        QFETCH(double, mapShare);
        Options options;
        options.language = QStringLiteral("en");
        options.pluginDirs = {QStringLiteral(GRIDWALL_PLUGINS), m_extraPlugins.path()};
        if (!layout.isEmpty()) {
            options.layout = *wall::presetLayout(layout);
        }
        app::Wall wall(options);
        QQmlApplicationEngine engine;
        wall.exposeTo(&engine);
        engine.addImportPath(QStringLiteral("qrc:/"));
        engine.setInitialProperties({{QStringLiteral("windowSize"), window}});
        engine.load(QUrl(QStringLiteral("qrc:/Gridwall/Main.qml")));
        QVERIFY(!engine.rootObjects().isEmpty());
        auto *win = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QVERIFY(win);
        QVERIFY(!wall.build(m_data));
        QVERIFY(!wall.attach(win));
        win->show();
        QVERIFY(QTest::qWaitForWindowExposed(win));
        QCOMPARE(wall.areas()->name(), expected);

        auto *map = win->findChild<map::GeoMap *>(QStringLiteral("map"));
        QVERIFY(map);
        const QRectF mapRect(map->position(), map->size());
        const double share = mapRect.width() * mapRect.height() / (double(window.width()) * window.height());
        QVERIFY2(share >= mapShare, qPrintable(QStringLiteral("the map takes %1 of the picture").arg(share)));
        // Everything drawn over or beside the map.
        QList<QRectF> overlays;
        for (const char *name : {"legend", "scaleBar", "drillDown", "pluginDock", "ticker", "header", "analysis"}) {
            auto *item = win->findChild<QQuickItem *>(QLatin1String(name));
            QVERIFY2(item, name);
            if (item->isVisible())
                overlays.append(QRectF(item->mapToScene(QPointF(0, 0)), item->size()));
        }
        const geo::RegionTree &tree = wall.geography()->tree();
        for (int d : tree.level(geo::Level::District)) {
            const QPointF at = map->mapToScene(map->view().sceneToScreen(tree.region(d).labelPoint));
            QVERIFY2(mapRect.contains(at), qPrintable(tree.region(d).code + QStringLiteral(" is off the map")));
            for (const QRectF &overlay : overlays)
                QVERIFY2(!overlay.contains(at), qPrintable(tree.region(d).code + QStringLiteral(" is under an overlay")));
        }

        // The analysis column, where there is one: what it shows fits it (nothing clipped at the bottom).
        auto *analysis = win->findChild<QQuickItem *>(QStringLiteral("analysis"));
        if (analysis->isVisible()) {
            auto *rows = analysis->findChild<QQuickItem *>(QStringLiteral("analysisRows"));
            QVERIFY(rows);
            double bottom = 0;
            for (QQuickItem *row : rows->childItems())
                if (row->isVisible())
                    bottom = std::max(bottom, row->y() + row->height());
            QVERIFY2(bottom <= rows->height() + 0.5, qPrintable(QStringLiteral("the column's rows need %1 px of %2").arg(bottom).arg(rows->height())));
            QVERIFY(analysis->findChild<QQuickItem *>(QStringLiteral("trend"))->isVisible());
        }

        // Six departments: each on a page of the tile area, or said not to be shown.
        auto *dock = win->findChild<QQuickItem *>(QStringLiteral("pluginDock"));
        const int shown = dock->property("shownCount").toInt();
        const int notShown = dock->property("notShown").toStringList().size();
        QCOMPARE(shown + notShown, 6);
        if (notShown > 0)
            QVERIFY(win->findChild<QQuickItem *>(QStringLiteral("tilesNotShown"))->isVisible());

        // A district chosen: the grid department's section asked to sit under the figures, so its
        // title is in the panel's picture (not below its fold) and above the region's own chart.
        QVERIFY(wall.selection()->selectRegion(tree.region(tree.level(geo::Level::District).front()).code, views::Selection::Reason::Tap));
        auto *panel = win->findChild<QQuickItem *>(QStringLiteral("drillDown"));
        auto *underFigures = win->findChild<QQuickItem *>(QStringLiteral("sectionsUnderFigures"));
        QVERIFY(underFigures);
        QCOMPARE(underFigures->property("count").toInt(), 1);
        QQuickItem *section = nullptr; // a Repeater's item: reached through it
        QVERIFY(QMetaObject::invokeMethod(underFigures, "itemAt", Q_RETURN_ARG(QQuickItem *, section), Q_ARG(int, 0)));
        QCOMPARE(section->objectName(), QStringLiteral("section-grid-management-grids"));
        QTRY_VERIFY_WITH_TIMEOUT(section->isVisible(), 5000);
        auto *title = section->findChild<QQuickItem *>(QStringLiteral("sectionTitle"));
        QVERIFY(title);
        const QRectF panelRect(panel->mapToScene(QPointF(0, 0)), panel->size());
        const QRectF titleRect(title->mapToScene(QPointF(0, 0)), title->size());
        // (A 3x3 wall keeps each area on one screen, between bezels: its panel has 360 units, where
        // the section, under the figures, is a swipe away.)
        if (expected != QLatin1String("3x3"))
            QVERIFY2(panelRect.contains(titleRect), qPrintable(QStringLiteral("the section's title at y %1, the panel ends at %2")
                                                                 .arg(titleRect.bottom()).arg(panelRect.bottom())));
        auto *trend = win->findChild<QQuickItem *>(QStringLiteral("regionTrend"));
        QVERIFY(trend->mapToScene(QPointF(0, 0)).y() > titleRect.bottom());
        win->close();
    }

    // The analysis column of a 48:9 wall (everything shown): the period toggle changes the chart's slots and
    // the wall keeps the choice; the categories are the live state's; the on-time rate is the history's.
    void theAnalysisColumnFollowsItsPeriodAndTheCity()
    {
        QTemporaryDir data;
        Options options;
        options.language = QStringLiteral("en");
        options.dataDir = data.path();
        options.dataDirSet = true;
        app::Wall wall(options);
        QQmlApplicationEngine engine;
        wall.exposeTo(&engine);
        engine.addImportPath(QStringLiteral("qrc:/"));
        engine.setInitialProperties({{QStringLiteral("windowSize"), QSize(11520, 2160)}});
        engine.load(QUrl(QStringLiteral("qrc:/Gridwall/Main.qml")));
        QVERIFY(!engine.rootObjects().isEmpty());
        auto *win = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QVERIFY(win);
        QVERIFY(!wall.build(m_data));

        // The city before QML sees it: six open cases in three categories, and five closed today, four of them by
        // their deadline.
        const int64_t now = feed::epochMs(), hour = 3600'000;
        const auto report = [&](const std::string &id, const std::string &category, int64_t ts, int64_t deadline) {
            feed::CaseEvent e;
            e.id = id;
            e.seq = 1;
            e.status = feed::CaseStatus::Reported;
            e.ts = ts;
            e.category = category;
            e.deadline = deadline;
            e.grid = "211103001001001";
            e.position = feed::GeoPoint{122.07, 41.12};
            QVERIFY(wall.historyStore()->recordCase(e, ts + 100));
            wall.liveFeed()->push(std::move(e));
        };
        const auto close = [&](const std::string &id, int64_t ts) {
            feed::CaseEvent e;
            e.id = id;
            e.seq = 6; // reported, accepted, dispatched, handling, resolved, closed
            e.status = feed::CaseStatus::Closed;
            e.ts = ts;
            QVERIFY(wall.historyStore()->recordCase(e, ts + 100));
            wall.liveFeed()->push(std::move(e));
        };
        for (int i = 0; i < 6; ++i)
            report("open-" + std::to_string(i), i < 3 ? "dispute" : i < 5 ? "petition" : "safety_hazard", now - 2 * hour, now + 4 * hour);
        for (int i = 0; i < 5; ++i) {
            report("done-" + std::to_string(i), "dispute", now - 6 * hour, now - 3 * hour);
            close("done-" + std::to_string(i), i < 4 ? now - 4 * hour : now - 2 * hour);
        }
        wall.liveFeed()->drain();
        wall.historyStore()->flush();
        wall.cityFigures()->refresh();

        QVERIFY(!wall.attach(win));
        win->show();
        QVERIFY(QTest::qWaitForWindowExposed(win));
        QCOMPARE(wall.areas()->name(), QStringLiteral("48:9"));
        auto *analysis = win->findChild<QQuickItem *>(QStringLiteral("analysis"));
        auto *trend = analysis->findChild<QQuickItem *>(QStringLiteral("trend"));
        QVERIFY(trend);

        // The configured period (7 d) until a tap; each tap's period stays with the wall.
        QCOMPARE(wall.trendDays(), 7);
        QCOMPARE(trend->property("slots").toInt(), 7);
        const auto tap = [&](const char *name) {
            QQuickItem *button = itemNamed(analysis, QLatin1String(name));
            QVERIFY2(button && button->isVisible(), name);
            QVERIFY(button->height() >= 40 * wall.areas()->unit()); // a fingertip's size
            QTest::mouseClick(win, Qt::LeftButton, {}, button->mapToScene(QPointF(button->width() / 2, button->height() / 2)).toPoint());
        };
        tap("period-30");
        QTRY_COMPARE(trend->property("slots").toInt(), 30);
        QCOMPARE(trend->property("stepMs").toDouble(), 86400000.0);
        QCOMPARE(wall.trendDays(), 30);
        // Thirty days' labels: one every few days, wide apart.
        QTRY_VERIFY(trend->property("labelEvery").toInt() >= 2);
        tap("period-1");
        QTRY_COMPARE(trend->property("slots").toInt(), 24);
        QCOMPARE(trend->property("stepMs").toDouble(), 3600000.0);
        QCOMPARE(wall.trendDays(), 1);
        tap("period-7");
        QTRY_COMPARE(trend->property("slots").toInt(), 7);

        // Open cases by category, most first, with the live counts (named in the UI's language).
        auto *bars = analysis->findChild<QQuickItem *>(QStringLiteral("categoryBarsTall"));
        QVERIFY(bars && bars->isVisible());
        const std::map<QString, int> expected{{QStringLiteral("dispute"), 3}, {QStringLiteral("petition"), 2},
                                              {QStringLiteral("safety_hazard"), 1}};
        double lastY = -1;
        for (const QString &category : {QStringLiteral("dispute"), QStringLiteral("petition"), QStringLiteral("safety_hazard")}) {
            QQuickItem *row = nullptr;
            QTRY_VERIFY((row = itemNamed(bars, QStringLiteral("category-") + category)) != nullptr);
            QVERIFY(row->isVisible());
            QVERIFY2(row->y() > lastY, qPrintable(category + QStringLiteral(" is out of order")));
            lastY = row->y();
            QCOMPARE(row->property("open").toInt(), expected.at(category));
            QQuickItem *count = itemNamed(row, QStringLiteral("count"));
            QCOMPARE(count->property("text").toString(), QString::number(expected.at(category)));
        }
        QCOMPARE(wall.cityFigures()->categoriesModel()->count(), 3);
        QCOMPARE(itemNamed(itemNamed(bars, QStringLiteral("category-dispute")), QStringLiteral("name"))->property("text").toString(),
                 QStringLiteral("Dispute"));

        // The on-time rate of the week: four of five closed by their deadline.
        auto *rate = analysis->findChild<QQuickItem *>(QStringLiteral("onTimeRate"));
        QVERIFY(rate && rate->isVisible());
        QTRY_COMPARE(rate->property("text").toString(), QStringLiteral("80%"));
        win->close();
    }

    // An operator at a 1080p wall takes a flood in hand by touch: the flood's ✓ acknowledges all of
    // it, "Shelve", 30 min, "Planned work or drill": the lane empties and one button says what the
    // shelf holds; it lists the shelf, whose "Unshelve" puts the flood back.
    void anOperatorShelvesAFloodByTouch()
    {
        Options options;
        options.language = QStringLiteral("en");
        app::Wall wall(options);
        QQmlApplicationEngine engine;
        wall.exposeTo(&engine);
        engine.addImportPath(QStringLiteral("qrc:/"));
        engine.setInitialProperties({{QStringLiteral("windowSize"), QSize(1920, 1080)}});
        engine.load(QUrl(QStringLiteral("qrc:/Gridwall/Main.qml")));
        QVERIFY(!engine.rootObjects().isEmpty());
        auto *win = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QVERIFY(!wall.build(m_data));
        QVERIFY(!wall.attach(win));
        win->show();
        QVERIFY(QTest::qWaitForWindowExposed(win));

        views::LiveFeed &feed = *wall.liveFeed();
        const int64_t now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < 7; ++i) {
            const std::string id = "gate-" + std::to_string(i);
            feed.push(feed::CameraState{id, now, true, "Gate " + std::to_string(i), {122.07 + 0.0004 * i, 41.12}, {}, {}});
            feed.push(feed::CameraEvent{id, now, feed::CameraEventType::Intrusion, 2, {}});
        }
        feed.drain();
        wall.alarms()->refresh();

        // Items by name in the window's visual tree (delegates included), the visible one first.
        const std::function<QQuickItem *(QQuickItem *, const QString &)> find = [&](QQuickItem *in, const QString &name) -> QQuickItem * {
            for (QQuickItem *child : in->childItems()) {
                if (child->objectName() == name && child->isVisible())
                    return child;
                if (QQuickItem *found = find(child, name))
                    return found;
            }
            return nullptr;
        };
        const auto tap = [&](const QString &name) {
            QQuickItem *item = nullptr;
            QTRY_VERIFY2_WITH_TIMEOUT((item = find(win->contentItem(), name)), qPrintable(name), 3000);
            QTest::mouseClick(win, Qt::LeftButton, {}, item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint());
        };
        tap(QStringLiteral("acknowledge"));
        QTRY_COMPARE(wall.alarms()->laneItems(2).front().toMap().value("acknowledged").toBool(), true);
        for (const state::Alarm *a : feed.state().alarms().active(2))
            QCOMPARE(a->phase, state::AlarmPhase::Acknowledged); // all seven, with one tap
        tap(QStringLiteral("shelve"));
        tap(QStringLiteral("minutes30"));
        QVERIFY(win->grabWindow().save(QDir::temp().filePath(QStringLiteral("gridwall-shelving.png"))));
        tap(QStringLiteral("reason_planned_work"));
        QTRY_COMPARE(wall.alarms()->shelved(), 7);
        const QVariantMap shelf = wall.alarms()->shelves().front().toMap();
        QCOMPARE(shelf.value("reason").toString(), QStringLiteral("planned_work"));
        QVERIFY(qAbs(shelf.value("until").toDouble() - shelf.value("since").toDouble() - 30 * 60'000) < 1);
        QCOMPARE(wall.alarms()->laneItems(2).size(), 0);
        QTRY_VERIFY(find(win->contentItem(), QStringLiteral("shelvesButton")));
        tap(QStringLiteral("shelvesButton"));
        QVERIFY(win->grabWindow().save(QDir::temp().filePath(QStringLiteral("gridwall-shelves.png"))));
        tap(QStringLiteral("unshelve"));
        QTRY_COMPARE(wall.alarms()->shelved(), 0);
        QCOMPARE(wall.alarms()->laneItems(2).front().toMap().value("flood").toInt(), 7);
        win->close();
    }
};

QTEST_MAIN(TestLayouts)
#include "tst_layouts.moc"
