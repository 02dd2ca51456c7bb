// The wall's picture at every built-in layout: the application's own
// window (Main.qml, the wall of app/wall.h) at the sizes command centers and
// kiosks have. At home view each district's label point lies on the map and
// under no panel, card or key; the map is the largest area and takes at
// least 55 % of a 16:9 picture and 60 % of a wider one; six department
// plugins are each shown (on a page of the tile area) or said not to be.
// Also the layouts as data: the presets' areas tile the picture, and a
// configuration's layout is read or refused with its reason.

#include "app/wall.h"
#include "geo/regiontree.h"
#include "map/geography.h"
#include "map/geomap.h"
#include "views/pictureareas.h"
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

Q_IMPORT_QML_PLUGIN(Gridwall_BackendPlugin)
Q_IMPORT_QML_PLUGIN(GridwallPlugin)

using namespace gridwall;

class TestLayouts : public QObject
{
    Q_OBJECT

    std::shared_ptr<const map::MapData> m_data;
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
        QVERIFY2(panelRect.contains(titleRect), qPrintable(QStringLiteral("the section's title at y %1, the panel ends at %2")
                                                                 .arg(titleRect.bottom()).arg(panelRect.bottom())));
        auto *trend = win->findChild<QQuickItem *>(QStringLiteral("regionTrend"));
        QVERIFY(trend->mapToScene(QPointF(0, 0)).y() > titleRect.bottom());
        win->close();
    }
};

QTEST_MAIN(TestLayouts)
#include "tst_layouts.moc"
