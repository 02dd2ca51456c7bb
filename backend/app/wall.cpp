#include "wall.h"

#include "feed/feedstats.h"
#include "geo/regiontree.h"
#include "history/history.h"
#include "history/recorder.h"
#include "map/geography.h"
#include "map/geomap.h"
#include "metrics/metricsserver.h"
#include "metrics/servicenotifier.h"
#include "plugins/pluginhost.h"
#include "views/alarmticker.h"
#include "views/entitypanel.h"
#include "views/feedstatus.h"
#include "views/pictureareas.h"
#include "views/historyqueries.h"
#include "views/livefeed.h"
#include "views/livelayers.h"
#include "views/regionpanel.h"
#include "views/selection.h"
#include "wall/activityfilter.h"
#include "wall/director.h"
#include "wall/wallsync.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

Q_LOGGING_CATEGORY(lcStartup, "gridwall.startup", QtInfoMsg)

namespace gridwall::app {

namespace {

Wall *g_wall = nullptr; // the one QML sees, in g_wall->m_engine

// Started as the program loads, before main(): start-up is logged from the process's start.
const QElapsedTimer g_sinceStart = [] {
    QElapsedTimer t;
    t.start();
    return t;
}();

const QElapsedTimer &sinceStart()
{
    return g_sinceStart;
}

} // namespace

Wall::Wall(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_areas(std::make_unique<views::PictureAreas>(m_options.layout, m_options.wall))
    , m_trendDays(m_options.trendDays)
{
    QJSEngine::setObjectOwnership(this, QJSEngine::CppOwnership);
}

void Wall::setTrendDays(int days)
{
    // The toggle offers these three; anything else keeps the period shown.
    if (days == m_trendDays || (days != 1 && days != 7 && days != 30))
        return;
    m_trendDays = days;
    emit trendDaysChanged();
}

Wall::~Wall()
{
    // No message may reach the wall's parts (destroyed in reverse order from here) from Paho's thread.
    if (m_feed && m_feed->client())
        m_feed->client()->stop();
    if (g_wall == this)
        g_wall = nullptr;
}

Wall *Wall::create(QQmlEngine *engine, QJSEngine *)
{
    if (!g_wall || g_wall->m_engine != engine) {
        qCWarning(lcStartup, "the Wall singleton belongs to the wall's own engine");
        return nullptr;
    }
    return g_wall;
}

void Wall::exposeTo(QQmlEngine *engine)
{
    m_engine = engine;
    g_wall = this;
}

std::optional<Wall::Failure> Wall::build(std::shared_ptr<const map::MapData> geography)
{
    const QString geoFile = m_options.geoFile.isEmpty() ? QStringLiteral(":/gridwall/geo/panjin-regions.geojson") : m_options.geoFile;
    if (!geography)
        return Failure{2, QStringLiteral("no geography loaded from %1").arg(geoFile)};
    m_geography = std::make_unique<map::Geography>(std::move(geography), m_options.language == QLatin1String("en"));
    const geo::RegionTree &tree = m_geography->tree();
    qCInfo(lcStartup, "geography loaded after %lld ms: %d regions", qint64(sinceStart().elapsed()), int(tree.regions().size()));

    // --view: digits name a region (which must exist); anything else an entity, shown when it appears.
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    m_viewRegion = digits.match(m_options.viewCode).hasMatch();
    if (m_viewRegion && tree.indexOf(m_options.viewCode) < 0)
        return Failure{2, QStringLiteral("--view %1: no region with that code in %2").arg(m_options.viewCode, geoFile)};
    for (const wall::Scene &scene : m_options.scenes) {
        if (!scene.region.isEmpty() && tree.indexOf(scene.region) < 0)
            return Failure{2, QStringLiteral("--config %1: scene %2: no region %3 in %4")
                                  .arg(m_options.configFile, scene.id, scene.region, geoFile)};
    }

    std::optional<feed::FeedOptions> feedOptions;
    if (!m_options.broker.isEmpty()) {
        feedOptions = feed::FeedOptions{m_options.broker,   m_options.topicRoot, m_options.clientId,
                                        m_options.username, m_options.password,  m_options.caFile,
                                        m_options.certFile, m_options.keyFile,   m_options.maxAheadSeconds * 1000};
    }
    // The history: kept whenever there is a feed to keep, or a --data-dir to read.
    if (m_options.dataDirSet || feedOptions) {
        const QString dataDir = m_options.dataDirSet ? m_options.dataDir
                                                     : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QString error;
        m_history = history::History::open(dataDir, &error);
        if (!m_history)
            return Failure{3, error};
    }
    state::LiveBounds bounds;
    bounds.maxAheadMs = m_options.maxAheadSeconds * 1000;
    m_feed = std::make_unique<views::LiveFeed>(std::move(feedOptions), &tree, m_history.get(), bounds);
    m_feed->setHistoryPolicy(int64_t(m_options.telemetryBucketSeconds) * 1000, m_options.retentionDays);
    if (m_history)
        qCInfo(lcStartup, "history %s: %zu cases, %zu journal events and %zu readings and positions restored after %lld ms",
               qPrintable(m_history->path()), m_feed->recorder()->restoredCases(), m_feed->recorder()->restoredEvents(),
               m_feed->recorder()->restoredTelemetry(),
               qint64(sinceStart().elapsed()));
    m_feedStatus = std::make_unique<views::FeedStatus>(*m_feed);
    m_queries = std::make_unique<views::HistoryQueries>(m_history ? m_history->path() : QString(),
                                                        [feed = m_feed.get()] { return feed->state().now(); });

    const auto gridCode = [&tree](int index) { return index >= 0 ? tree.region(index).code : QString(); };
    m_selection = std::make_unique<views::Selection>(
        [feed = m_feed.get(), gridCode](views::Selection::Kind kind, const QString &id) -> std::optional<views::Selection::Found> {
            using Kind = views::Selection::Kind;
            const state::LiveState &state = feed->state();
            const std::string key = id.toStdString();
            const auto any = [kind](Kind k) { return kind == Kind::None || kind == k; };
            if (any(Kind::Case))
                if (const auto it = state.cases().find(key); it != state.cases().end())
                    return views::Selection::Found{Kind::Case, gridCode(it->second.region)};
            if (any(Kind::Camera))
                if (const auto it = state.cameras().find(key); it != state.cameras().end())
                    return views::Selection::Found{Kind::Camera, gridCode(it->second.region)};
            if (any(Kind::Sensor))
                if (const auto it = state.sensors().find(key); it != state.sensors().end())
                    return views::Selection::Found{Kind::Sensor, gridCode(it->second.region)};
            if (any(Kind::Worker))
                if (const auto it = state.workers().find(key); it != state.workers().end())
                    return views::Selection::Found{Kind::Worker, gridCode(state.gridAt(it->second.position))};
            if (any(Kind::Unit))
                if (const auto it = state.units().find(key); it != state.units().end())
                    return views::Selection::Found{Kind::Unit, gridCode(state.gridAt(it->second.position))};
            return std::nullopt;
        },
        [&tree](const QString &code) { return tree.indexOf(code) >= 0; });
    // The views read the live state; only the wall writes to it (the operator's acknowledgements and shelves).
    const state::LiveState &live = m_feed->state();
    m_selection->setFollowsConductor(followsConductor());
    m_regionPanel = std::make_unique<views::RegionPanel>(live, *m_geography);
    m_cityFigures = std::make_unique<views::RegionPanel>(live, *m_geography);
    m_entityPanel = std::make_unique<views::EntityPanel>(live, *m_geography);
    views::LiveFeed *feed = m_feed.get();
    m_alarms = std::make_unique<views::AlarmTicker>(
        live, *m_geography,
        views::AlarmTicker::Actions{
            [feed](uint64_t id) { return feed->acknowledgeAlarm(id); },
            [feed](uint64_t id, bool wholeGroup, const std::string &reason, int64_t durationMs) {
                return feed->state().shelveAlarms(id, wholeGroup, reason, durationMs);
            },
            [feed](uint64_t shelfId) { return feed->state().alarms().unshelve(shelfId); }});
    connectSelection();

    // Department plugins from --plugins-dir (kiosk/demo passes the bundled plugins/), read before any is loaded.
    m_plugins = std::make_unique<plugins::PluginHost>(m_options.language == QLatin1String("en"));
    m_plugins->setMemoryLimitMb(m_options.pluginMemoryLimitMb);
    m_plugins->scan(m_options.pluginDirs);
    // QML sees the parts once attach() has given the plugins their API and their watchdog.
    return std::nullopt;
}

void Wall::connectSelection()
{
    views::Selection *selection = m_selection.get();
    connect(selection, &views::Selection::regionChanged, m_regionPanel.get(),
            [this] { m_regionPanel->setCode(m_selection->region()); });
    connect(selection, &views::Selection::entityChanged, m_entityPanel.get(), [this] {
        m_entityPanel->select(views::Selection::kindName(m_selection->kind()), m_selection->entityId());
    });
    // Once a second: an id waited for may have appeared, a worker followed may have crossed into another grid.
    connect(m_entityPanel.get(), &views::EntityPanel::refreshed, selection, &views::Selection::refresh);
    auto *pendingTimer = new QTimer(this);
    pendingTimer->setInterval(1000);
    connect(pendingTimer, &QTimer::timeout, selection, [selection] {
        if (!selection->pendingId().isEmpty())
            selection->refresh();
    });
    pendingTimer->start();
}

std::optional<Wall::Failure> Wall::attach(QQuickWindow *window, map::GeoMap *map)
{
    Q_ASSERT(m_feed);
    const wall::WallLayout &layout = m_options.wall;
    m_map = map ? map : window ? window->findChild<map::GeoMap *>(QStringLiteral("map")) : nullptr;
    views::Selection *selection = m_selection.get();
    if (m_map) {
        connect(m_map, &map::GeoMap::firstFrameSwapped, m_map, [] {
            qCInfo(lcStartup, "first complete frame after %lld ms", qint64(sinceStart().elapsed()));
        }, Qt::DirectConnection);
        m_map->setGeography(m_geography.get());
        // The map shows the selection: its region ringed, flown to when the selection says so.
        connect(selection, &views::Selection::regionChanged, m_map, [this] { m_map->setSelectedCode(m_selection->region()); });
        connect(selection, &views::Selection::flyRequested, m_map, [this](const QString &code) { m_map->flyTo(code); });
        connect(m_map, &map::GeoMap::regionPicked, selection,
                [selection](const QString &code) { selection->selectRegion(code, views::Selection::Reason::Map); });

        m_layers = std::make_unique<views::LiveLayers>(m_feed->state(), *m_map, m_geography->tree());
        // Each batch's markers move in the same frame, before it is drawn.
        connect(m_feed.get(), &views::LiveFeed::applied, m_layers.get(), &views::LiveLayers::update, Qt::DirectConnection);
        connect(m_layers.get(), &views::LiveLayers::entityPicked, selection,
                [selection](views::Selection::Kind kind, const QString &id) {
                    selection->selectEntity(kind, id, views::Selection::Reason::Map);
                });
        // A halo under the marker of the entity the panel shows.
        connect(m_entityPanel.get(), &views::EntityPanel::refreshed, m_layers.get(), [this] {
            if (const std::optional<feed::GeoPoint> at = m_entityPanel->position())
                m_layers->highlight(at->lon, at->lat);
            else
                m_layers->clearHighlight();
        });
    }
    if (window)
        m_feed->attachWindow(window);

    // Guarded before their files load (as the window gets them); the scripts they run on their
    // own once the wall draws: its own start is no plugin's fault.
    m_plugins->connectWall({&m_feed->state(), m_geography.get(), m_queries.get(), m_regionPanel.get(), selection, m_map});
    m_plugins->startWatchdog();
    if (m_map)
        connect(m_map, &map::GeoMap::firstFrameSwapped, m_plugins.get(), [p = m_plugins.get()] { p->wallDrawn(); },
                Qt::DirectConnection);

    if (m_viewRegion)
        selection->selectRegion(m_options.viewCode, views::Selection::Reason::CommandLine);
    else if (!m_options.viewCode.isEmpty())
        selection->selectEntity(m_options.viewCode, views::Selection::Reason::CommandLine);

    // Scenes, the briefing tour and the director's commands (docs/wall.md): carried out by the wall's
    // conductor (every other node follows its view).
    if (layout.conducts() && m_map && window) {
        wall::Director::Actions actions;
        actions.showScene = [this, selection](const wall::Scene &scene) {
            for (const auto &[key, on] : scene.layers)
                m_layers->setVisible(key, on);
            m_scenePlugins = scene.plugins ? QVariant(*scene.plugins) : QVariant();
            emit scenePluginsChanged();
            selection->selectRegion(scene.region, views::Selection::Reason::Scene);
            if (!scene.entity.isEmpty())
                selection->selectEntity(scene.entity, views::Selection::Reason::Scene);
        };
        actions.drill = [selection](const QString &code) { selection->selectRegion(code, views::Selection::Reason::Director); };
        actions.open = [selection](const QString &id) { selection->selectEntity(id, views::Selection::Reason::Director); };
        actions.regionExists = [this](const QString &code) { return m_geography->tree().indexOf(code) >= 0; };
        m_director = std::make_unique<wall::Director>(m_options.scenes, m_options.playlist, std::move(actions),
                                                      m_options.topicRoot + QStringLiteral("/wall/") + layout.id
                                                          + QStringLiteral("/command"));
        // A touch, click, wheel or key on the wall: the operator has taken over, the tour waits.
        window->installEventFilter(new wall::ActivityFilter([d = m_director.get()] { d->touched(); }, window));
    }

    // The nodes of a multi-screen wall show one view: the conductor's, kept in step over MQTT.
    if (layout.multiScreen() && m_feed->client() && m_map)
        m_wallSync = std::make_unique<wall::WallSync>(layout, m_options.topicRoot, m_feed->client(), m_map, selection,
                                                      &m_geography->tree(), m_options.maxAheadSeconds * 1000);
    if (m_feed->client() && (m_wallSync || m_director)) {
        // Called on Paho's thread; each takes its own topic and carries on on the GUI thread.
        m_feed->client()->setWallSink([sync = m_wallSync.get(), d = m_director.get()](const std::string &topic, const std::string &payload) {
            if (sync)
                sync->onMessage(topic, payload);
            if (d)
                d->onMessage(topic, payload);
        });
    }

    if (m_options.metricsPort > 0) {
        views::LiveFeed *feed = m_feed.get();
        m_metricsServer = std::make_unique<metrics::MetricsServer>([this] { return metricsText(); }, [this, feed] {
            // The clock redraws every second: no frame for 5 s means a stuck render loop.
            const double sinceFrame = feed->secondsSinceLastFrame();
            const bool alive = sinceFrame >= 0 && sinceFrame < 5;
            return metrics::MetricsServer::Health{
                alive, QJsonObject{{QStringLiteral("status"), alive ? QStringLiteral("ok") : QStringLiteral("render loop stalled")},
                                   {QStringLiteral("secondsSinceLastFrame"), sinceFrame},
                                   {QStringLiteral("mqttConnected"), feed->connected()},
                                   {QStringLiteral("feedConfigured"), feed->configured()},
                                   {QStringLiteral("historyUnsaved"), feed->historyUnsaved()},
                                   // The city's clock against this machine's: never more than --max-ahead ahead.
                                   {QStringLiteral("cityClockAheadSeconds"), double(feed->state().now() - feed::epochMs()) / 1000},
                                   {QStringLiteral("wall"), m_wallSync ? m_wallSync->status() : QJsonObject()},
                                   {QStringLiteral("director"), m_director ? m_director->status() : QJsonObject()}}};
        });
        QString error;
        if (!m_metricsServer->listen(quint16(m_options.metricsPort), &error))
            return Failure{2, QStringLiteral("--metrics-port: ") + error};
    }
    // Under systemd (kiosk/systemd): ready at the first complete frame, the watchdog fed while frames come.
    m_service = std::make_unique<metrics::ServiceNotifier>([feed = m_feed.get()] { return feed->secondsSinceLastFrame(); });
    if (m_map) {
        connect(m_map, &map::GeoMap::firstFrameSwapped, m_service.get(), [this] {
            const wall::WallLayout &layout = m_options.wall;
            m_service->ready(layout.node ? QStringLiteral("drawing screen %1,%2 of wall %3")
                                               .arg(layout.node->x()).arg(layout.node->y()).arg(layout.id)
                                         : QStringLiteral("drawing the wall"));
        }, Qt::QueuedConnection);
    }
    emit partsChanged();
    return std::nullopt;
}

void Wall::start()
{
    m_feed->start();
}

QString Wall::metricsText() const
{
    return m_feed->metricsText() + m_plugins->metricsText() + (m_wallSync ? m_wallSync->metricsText() : QString())
           + (m_director ? m_director->metricsText() : QString());
}

} // namespace gridwall::app
