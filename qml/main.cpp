// gridwall: the command-center wall. Parses options, loads the geography
// (in parallel with the QML), shows the wall.

#include "options.h"

#include "history/history.h"
#include "map/geography.h"
#include "map/geomap.h"
#include "metrics/metricsserver.h"
#include "metrics/servicenotifier.h"
#include "metrics/stopsignals.h"
#include "plugins/pluginhost.h"
#include "views/alarmticker.h"
#include "views/entitypanel.h"
#include "views/historyqueries.h"
#include "views/livefeed.h"
#include "views/livelayers.h"
#include "views/regionpanel.h"
#include "wall/activityfilter.h"
#include "wall/director.h"
#include "wall/wallsync.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QJsonObject>
#include <QGuiApplication>
#include <QStandardPaths>
#include <QLoggingCategory>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QScreen>
#include <QQuickWindow>
#include <QSurfaceFormat>
#include <QTimer>
#include <QTranslator>
#include <QtConcurrent/QtConcurrentRun>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(Gridwall_BackendPlugin)
Q_IMPORT_QML_PLUGIN(GridwallPlugin)

Q_LOGGING_CATEGORY(lcStartup, "gridwall.startup", QtInfoMsg)

namespace {

void printLine(FILE *stream, const QString &text)
{
    std::fputs(qPrintable(text.endsWith(QLatin1Char('\n')) ? text : text + QLatin1Char('\n')), stream);
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();

    // The wall shows the city's time (Panjin: China Standard Time) whatever
    // the machine's zone; TZ set in the environment wins.
    if (!qEnvironmentVariableIsSet("TZ"))
        qputenv("TZ", "Asia/Shanghai");

    // Borders smooth their own edges in the shader, so multisampling is off by
    // default (software rendering pays for every sample); GRIDWALL_MSAA_SAMPLES
    // turns it on for smoother polygon edges on a real GPU.
    if (const int samples = qEnvironmentVariableIntValue("GRIDWALL_MSAA_SAMPLES"); samples > 0) {
        QSurfaceFormat format = QSurfaceFormat::defaultFormat();
        format.setSamples(samples);
        QSurfaceFormat::setDefaultFormat(format);
    }

    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("gridwall"));
    QGuiApplication::setOrganizationName(QStringLiteral("gridwall"));

    const ParsedOptions parsed = parseOptions(QGuiApplication::arguments());
    if (!parsed.options) {
        printLine(parsed.exitCode == 0 ? stdout : stderr, parsed.message);
        return parsed.exitCode;
    }
    const Options &options = *parsed.options;
    // SIGTERM and SIGINT: a graceful quit when the event loop takes it within 3 s, else a hard exit.
    // Installed after the platform plugin, whose own handler (eglfs, linuxfb) waits for the event loop and then _exit(1)s.
    const gridwall::metrics::StopSignals stopSignals(std::chrono::seconds(3), std::chrono::seconds(10));

    const QString geoFile = options.geoFile.isEmpty() ? QStringLiteral(":/gridwall/geo/panjin-regions.geojson") : options.geoFile;
    QFuture<gridwall::map::MapDataLoad> loading = QtConcurrent::run(gridwall::map::loadMapData, geoFile);

    QTranslator translator;
    if (translator.load(QStringLiteral(":/i18n/gridwall_%1.qm").arg(options.language)))
        QGuiApplication::installTranslator(&translator);

    QQmlApplicationEngine engine;
    // The wall's modules are compiled in, under qrc:/ (plugin engines import them from there too).
    engine.addImportPath(QStringLiteral("qrc:/"));
    // A wall of several screens: --size (or the screen) is one screen; a node draws its own screen's part
    // of the whole picture, one process drawing every screen spans them all (docs/wall.md).
    const gridwall::wall::WallLayout &wall = options.wall;
    QSize windowSize = options.size;
    QSize cell = options.size;
    if (wall.multiScreen()) {
        if (!cell.isValid()) {
            // A node's screen is its own; one process spans every screen of its display.
            cell = wall.node ? QGuiApplication::primaryScreen()->size()
                             : QSize(QGuiApplication::primaryScreen()->virtualSize().width() / wall.columns,
                                     QGuiApplication::primaryScreen()->virtualSize().height() / wall.rows);
        }
        if (!wall.node && options.size.isValid())
            windowSize = QSize(wall.columns * cell.width(), wall.rows * cell.height());
    }
    engine.setInitialProperties({{QStringLiteral("windowSize"), windowSize},
                                 {QStringLiteral("wallColumns"), wall.columns},
                                 {QStringLiteral("wallRows"), wall.rows},
                                 {QStringLiteral("cellSize"), cell},
                                 {QStringLiteral("bezel"), wall.bezel},
                                 // One window over every screen, bezels between them: each screen shows its part.
                                 {QStringLiteral("throughScreens"), wall.multiScreen() && !wall.node && !wall.bezel.isNull()},
                                 {QStringLiteral("pictureSize"), wall.multiScreen() ? wall.picture(cell) : QSize()},
                                 {QStringLiteral("cellOrigin"), wall.node ? wall.origin(*wall.node, cell) : QPoint()}});
    engine.load(QUrl(QStringLiteral("qrc:/Gridwall/Main.qml")));
    auto *window = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    auto *map = window ? window->findChild<gridwall::map::GeoMap *>(QStringLiteral("map")) : nullptr;
    if (!map) {
        printLine(stderr, QStringLiteral("gridwall: the user interface failed to load"));
        return 1;
    }

    const gridwall::map::MapDataLoad loaded = loading.result();
    if (!loaded.data) {
        printLine(stderr, QStringLiteral("gridwall: ") + loaded.error);
        return 2;
    }
    // --view: digits name a region (which must exist); anything else an entity, shown when it appears.
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    const bool viewRegion = digits.match(options.viewCode).hasMatch();
    if (viewRegion && loaded.data->tree->indexOf(options.viewCode) < 0) {
        printLine(stderr, QStringLiteral("gridwall: --view %1: no region with that code in %2").arg(options.viewCode, geoFile));
        return 2;
    }
    gridwall::map::Geography geography(loaded.data, options.language == QLatin1String("en"));
    qCInfo(lcStartup, "geography loaded after %lld ms: %d regions", qint64(sinceStart.elapsed()),
           int(geography.tree().regions().size()));

    QObject::connect(map, &gridwall::map::GeoMap::firstFrameSwapped, map, [&sinceStart] {
        qCInfo(lcStartup, "first complete frame after %lld ms", qint64(sinceStart.elapsed()));
    }, Qt::DirectConnection);
    map->setGeography(&geography);
    if (viewRegion)
        map->flyTo(options.viewCode, 1200);

    std::optional<gridwall::feed::FeedOptions> feedOptions;
    if (!options.broker.isEmpty()) {
        feedOptions = gridwall::feed::FeedOptions{options.broker,   options.topicRoot, options.clientId,
                                                  options.username, options.password,  options.caFile,
                                                  options.certFile, options.keyFile,   options.maxAheadSeconds * 1000};
    }
    // The history: kept whenever there is a feed to keep, or a --data-dir to read.
    std::unique_ptr<gridwall::history::History> history;
    if (options.dataDirSet || feedOptions) {
        const QString dataDir = options.dataDirSet ? options.dataDir
                                                   : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QString error;
        history = gridwall::history::History::open(dataDir, &error);
        if (!history) {
            printLine(stderr, QStringLiteral("gridwall: ") + error);
            return 3;
        }
    }
    gridwall::state::LiveBounds bounds;
    bounds.maxAheadMs = options.maxAheadSeconds * 1000;
    gridwall::views::LiveFeed liveFeed(std::move(feedOptions), &geography.tree(), history.get(), bounds);
    liveFeed.setHistoryPolicy(int64_t(options.telemetryBucketSeconds) * 1000, options.retentionDays);
    if (history)
        qCInfo(lcStartup, "history %s: %zu cases, %zu journal events and %zu readings and positions restored after %lld ms",
               qPrintable(history->path()), liveFeed.restoredCases(), liveFeed.restoredEvents(), liveFeed.restoredTelemetry(),
               qint64(sinceStart.elapsed()));
    liveFeed.attachWindow(window);
    window->setProperty("feed", QVariant::fromValue(&liveFeed));
    gridwall::views::HistoryQueries historyQueries(history ? history->path() : QString(),
                                                   [&liveFeed] { return liveFeed.state().now(); });
    window->setProperty("history", QVariant::fromValue(&historyQueries));
    gridwall::views::LiveLayers liveLayers(liveFeed, *map, geography.tree());
    window->setProperty("layers", QVariant::fromValue(&liveLayers));
    gridwall::views::RegionPanel regionPanel(liveFeed, geography);
    window->setProperty("regionPanel", QVariant::fromValue(&regionPanel));
    gridwall::views::RegionPanel cityFigures(liveFeed, geography);
    window->setProperty("cityFigures", QVariant::fromValue(&cityFigures));
    gridwall::views::EntityPanel entityPanel(liveFeed, geography);
    QObject::connect(&liveLayers, &gridwall::views::LiveLayers::entityPicked, &entityPanel, &gridwall::views::EntityPanel::select);
    window->setProperty("entityPanel", QVariant::fromValue(&entityPanel));
    QObject::connect(&entityPanel, &gridwall::views::EntityPanel::refreshed, &liveLayers, [&entityPanel, &liveLayers] {
        const QVariantMap d = entityPanel.details();
        if (!entityPanel.kind().isEmpty() && d.contains(QStringLiteral("lat")))
            liveLayers.highlight(d.value(QStringLiteral("lon")).toDouble(), d.value(QStringLiteral("lat")).toDouble());
        else
            liveLayers.clearHighlight();
    });
    gridwall::views::AlarmTicker alarmTicker(liveFeed, geography);
    window->setProperty("alarms", QVariant::fromValue(&alarmTicker));
    window->setProperty("alarmSound", !options.mute);
    // Department plugins from --plugins-dir (kiosk/demo passes the bundled plugins/), read before any is loaded.
    gridwall::plugins::PluginHost pluginHost(options.language == QLatin1String("en"));
    pluginHost.setMemoryLimitMb(options.pluginMemoryLimitMb);
    pluginHost.scan(options.pluginDirs);
    pluginHost.connectWall({&liveFeed, &geography, &historyQueries, &regionPanel, &entityPanel, map});
    // Guarded before their files load (below, as the window gets them); the scripts they run on their
    // own once the wall draws: its own start is no plugin's fault.
    pluginHost.startWatchdog();
    QObject::connect(map, &gridwall::map::GeoMap::firstFrameSwapped, &pluginHost, [&pluginHost] { pluginHost.wallDrawn(); },
                     Qt::DirectConnection);
    window->setProperty("plugins", QVariant::fromValue(&pluginHost));
    if (!options.viewCode.isEmpty() && !viewRegion)
        entityPanel.show(options.viewCode);

    // Scenes, the briefing tour and the director's commands (docs/wall.md): carried out by the wall's
    // conductor (every other node follows its view).
    for (const gridwall::wall::Scene &scene : options.scenes) {
        if (!scene.region.isEmpty() && geography.tree().indexOf(scene.region) < 0) {
            printLine(stderr, QStringLiteral("gridwall: --config %1: scene %2: no region %3 in %4")
                                  .arg(options.configFile, scene.id, scene.region, geoFile));
            return 2;
        }
    }
    std::unique_ptr<gridwall::wall::Director> director;
    if (wall.conducts()) {
        gridwall::wall::Director::Actions actions;
        actions.showScene = [map, window, &entityPanel, &liveLayers](const gridwall::wall::Scene &scene) {
            for (const auto &[key, on] : scene.layers)
                liveLayers.setVisible(key, on);
            window->setProperty("scenePlugins", scene.plugins ? QVariant(*scene.plugins) : QVariant());
            map->flyTo(scene.region);
            if (scene.entity.isEmpty())
                entityPanel.clear();
            else
                entityPanel.show(scene.entity);
        };
        actions.drill = [map, &entityPanel](const QString &code) {
            entityPanel.clear();
            map->flyTo(code);
        };
        actions.open = [&entityPanel](const QString &id) { entityPanel.show(id); };
        actions.regionExists = [&geography](const QString &code) { return geography.tree().indexOf(code) >= 0; };
        director = std::make_unique<gridwall::wall::Director>(options.scenes, options.playlist, std::move(actions),
                                                             options.topicRoot + QStringLiteral("/wall/") + wall.id + QStringLiteral("/command"));
        // A touch, click, wheel or key on the wall: the operator has taken over, the tour waits.
        window->installEventFilter(new gridwall::wall::ActivityFilter([d = director.get()] { d->touched(); }, window));
    }

    // The nodes of a multi-screen wall show one view: the conductor's, kept in step over MQTT.
    std::unique_ptr<gridwall::wall::WallSync> wallSync;
    if (wall.multiScreen() && liveFeed.client())
        wallSync = std::make_unique<gridwall::wall::WallSync>(wall, options.topicRoot, liveFeed.client(), map, &entityPanel,
                                                              &geography.tree(), bounds.maxAheadMs);
    if (liveFeed.client() && (wallSync || director)) {
        // Called on Paho's thread; each takes its own topic and carries on on the GUI thread.
        liveFeed.client()->setWallSink([sync = wallSync.get(), d = director.get()](const std::string &topic, const std::string &payload) {
            if (sync)
                sync->onMessage(topic, payload);
            if (d)
                d->onMessage(topic, payload);
        });
    }
    window->setProperty("followsConductor", wall.multiScreen() && !wall.conducts());

    std::unique_ptr<gridwall::metrics::MetricsServer> metricsServer;
    if (options.metricsPort > 0) {
        metricsServer = std::make_unique<gridwall::metrics::MetricsServer>(
            [&liveFeed, &pluginHost, &wallSync, &director] {
                return liveFeed.metricsText() + pluginHost.metricsText() + (wallSync ? wallSync->metricsText() : QString())
                       + (director ? director->metricsText() : QString());
            },
            [&liveFeed, &wallSync, &director] {
                // The clock redraws every second: no frame for 5 s means a stuck render loop.
                const double sinceFrame = liveFeed.secondsSinceLastFrame();
                const bool alive = sinceFrame >= 0 && sinceFrame < 5;
                return gridwall::metrics::MetricsServer::Health{
                    alive, QJsonObject{{QStringLiteral("status"), alive ? QStringLiteral("ok") : QStringLiteral("render loop stalled")},
                                       {QStringLiteral("secondsSinceLastFrame"), sinceFrame},
                                       {QStringLiteral("mqttConnected"), liveFeed.connected()},
                                       {QStringLiteral("feedConfigured"), liveFeed.configured()},
                                       {QStringLiteral("historyUnsaved"), liveFeed.historyUnsaved()},
                                       // The city's clock against this machine's: never more than --max-ahead ahead.
                                       {QStringLiteral("cityClockAheadSeconds"),
                                        double(liveFeed.state().now() - gridwall::feed::epochMs()) / 1000},
                                       {QStringLiteral("wall"), wallSync ? wallSync->status() : QJsonObject()},
                                       {QStringLiteral("director"), director ? director->status() : QJsonObject()}}};
            });
        QString error;
        if (!metricsServer->listen(quint16(options.metricsPort), &error)) {
            printLine(stderr, QStringLiteral("gridwall: --metrics-port: ") + error);
            return 2;
        }
    }
    // Under systemd (kiosk/systemd): ready at the first complete frame, the watchdog fed while frames come.
    gridwall::metrics::ServiceNotifier service([&liveFeed] { return liveFeed.secondsSinceLastFrame(); });
    QObject::connect(map, &gridwall::map::GeoMap::firstFrameSwapped, &service, [&service, &options] {
        service.ready(options.wall.node ? QStringLiteral("drawing screen %1,%2 of wall %3")
                                              .arg(options.wall.node->x()).arg(options.wall.node->y()).arg(options.wall.id)
                                        : QStringLiteral("drawing the wall"));
    }, Qt::QueuedConnection);
    liveFeed.start();

    if (windowSize.isValid())
        window->show();
    else
        window->showFullScreen();

    if (options.quitAfterMs >= 0) {
        QTimer::singleShot(options.quitAfterMs, window, [window, &options] {
            if (options.screenshotFile.isEmpty()) {
                QGuiApplication::exit(0);
                return;
            }
            const QImage frame = window->grabWindow();
            if (frame.isNull() || !frame.save(options.screenshotFile, "PNG")) {
                printLine(stderr, QStringLiteral("gridwall: cannot write screenshot %1").arg(options.screenshotFile));
                QGuiApplication::exit(1);
                return;
            }
            QGuiApplication::exit(0);
        });
    }
    const int exitCode = QGuiApplication::exec();
    // No message may reach the wall's parts (destroyed in reverse order from here) from Paho's thread.
    if (liveFeed.client())
        liveFeed.client()->stop();
    return exitCode;
}
