#pragma once
// The wall: the one object that builds and owns every part -- the geography,
// the history, the live feed, the panels' views, the selection, the
// department plugins, the director, a multi-screen wall's shared view, the
// metrics endpoint -- from the command line's options, and wires them
// together once. QML reads it as the singleton `Wall` (Gridwall.Backend);
// the application and the tests create the same object.
//
// Three steps, so that the window's QML loads while the geography does:
//   Wall wall(options);  wall.exposeTo(&engine);  engine.load(...)
//   wall.build(geography)   the parts that need no window (an exit code and a line when it cannot)
//   wall.attach(window)     the parts that draw on the map, then start()

#include "app/options.h"
#include "views/pictureareas.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariant>

#include <memory>

class QQuickWindow;

namespace gridwall::history {
class History;
}
namespace gridwall::map {
class GeoMap;
class Geography;
struct MapData;
}
namespace gridwall::metrics {
class MetricsServer;
class ServiceNotifier;
}
namespace gridwall::plugins {
class PluginHost;
}
namespace gridwall::wall {
class Director;
class WallSync;
}

namespace gridwall::views {
class AlarmTicker;
class EntityPanel;
class FeedStatus;
class HistoryQueries;
class LiveFeed;
class LiveLayers;
class RegionPanel;
class Selection;
}

namespace gridwall::app {

class Wall : public QObject
{
    Q_OBJECT
    Q_MOC_INCLUDE("views/alarmticker.h")
    Q_MOC_INCLUDE("views/entitypanel.h")
    Q_MOC_INCLUDE("views/historyqueries.h")
    Q_MOC_INCLUDE("views/feedstatus.h")
    Q_MOC_INCLUDE("views/livelayers.h")
    Q_MOC_INCLUDE("views/regionpanel.h")
    Q_MOC_INCLUDE("views/selection.h")
    Q_MOC_INCLUDE("plugins/pluginhost.h")
    QML_ELEMENT
    QML_SINGLETON
    // Built by build(), shown to QML at the end of attach() (partsChanged): the window loads before the geography
    // is ready, and a plugin's tile needs its API before it loads.
    // How the feed is doing (connected, live or quiet, stale): the panels' freshness.
    Q_PROPERTY(gridwall::views::FeedStatus *feed READ feedStatus NOTIFY partsChanged)
    Q_PROPERTY(gridwall::views::HistoryQueries *history READ history NOTIFY partsChanged)
    Q_PROPERTY(gridwall::views::Selection *selection READ selection NOTIFY partsChanged)
    // The selected region's live figures (the drill-down panel), and the whole city's (the header).
    Q_PROPERTY(gridwall::views::RegionPanel *regionPanel READ regionPanel NOTIFY partsChanged)
    Q_PROPERTY(gridwall::views::RegionPanel *cityFigures READ cityFigures NOTIFY partsChanged)
    // The selected entity's live details.
    Q_PROPERTY(gridwall::views::EntityPanel *entityPanel READ entityPanel NOTIFY partsChanged)
    Q_PROPERTY(gridwall::views::AlarmTicker *alarms READ alarms NOTIFY partsChanged)
    Q_PROPERTY(gridwall::plugins::PluginHost *plugins READ plugins NOTIFY partsChanged)
    // The map's live layers and their legend: null until attach().
    Q_PROPERTY(gridwall::views::LiveLayers *layers READ layers NOTIFY partsChanged)
    // The critical-alarm chime starts on (not --mute).
    Q_PROPERTY(bool alarmSound READ alarmSound CONSTANT)
    // A node of a multi-screen wall that shows the conductor's view (it does not fly by itself).
    Q_PROPERTY(bool followsConductor READ followsConductor CONSTANT)
    // Where each part is drawn in the picture (the layout for the wall's shape, docs/wall.md).
    Q_PROPERTY(gridwall::views::PictureAreas *areas READ areas CONSTANT)
    // The plugins whose tiles the scene shown wants (undefined: all).
    Q_PROPERTY(QVariant scenePlugins READ scenePlugins NOTIFY scenePluginsChanged)
    // The analysis column's period in days, 1, 7 or 30: the configured one (7 unless --config's "charts" says
    // otherwise) until an operator picks another, which then stays for as long as the wall runs.
    Q_PROPERTY(int trendDays READ trendDays WRITE setTrendDays NOTIFY trendDaysChanged)

public:
    explicit Wall(Options options, QObject *parent = nullptr);
    ~Wall() override;

    // QML's `Wall` in the engine the wall was exposed to (none in a plugin's engine: plugins see their `wall` API).
    static Wall *create(QQmlEngine *engine, QJSEngine *);
    void exposeTo(QQmlEngine *engine);

    // Why the wall cannot start: the line to print and the exit code (docs/usage.md).
    struct Failure
    {
        int exitCode = 0;
        QString message;
    };
    // Builds the parts that need no window from the loaded geography; nullopt when all is well.
    std::optional<Failure> build(std::shared_ptr<const map::MapData> geography);
    // The parts that draw on the window's map (objectName "map", or `map`), the director and the shared view;
    // the frame measurements and readiness follow the window. Neither (panel tests): the plugins and --view only.
    std::optional<Failure> attach(QQuickWindow *window, map::GeoMap *map = nullptr);
    // Connects the feed (the metrics endpoint listens from attach()).
    void start();

    const Options &options() const { return m_options; }
    const map::Geography *geography() const { return m_geography.get(); }
    history::History *historyStore() const { return m_history.get(); }
    map::GeoMap *map() const { return m_map; }
    views::LiveFeed *liveFeed() const { return m_feed.get(); }
    views::FeedStatus *feedStatus() const { return m_feedStatus.get(); }
    views::HistoryQueries *history() const { return m_queries.get(); }
    views::Selection *selection() const { return m_selection.get(); }
    views::RegionPanel *regionPanel() const { return m_regionPanel.get(); }
    views::PictureAreas *areas() const { return m_areas.get(); }
    views::RegionPanel *cityFigures() const { return m_cityFigures.get(); }
    views::EntityPanel *entityPanel() const { return m_entityPanel.get(); }
    views::AlarmTicker *alarms() const { return m_alarms.get(); }
    plugins::PluginHost *plugins() const { return m_plugins.get(); }
    views::LiveLayers *layers() const { return m_layers.get(); }
    wall::Director *director() const { return m_director.get(); }
    wall::WallSync *wallSync() const { return m_wallSync.get(); }
    bool alarmSound() const { return !m_options.mute; }
    bool followsConductor() const { return m_options.wall.multiScreen() && !m_options.wall.conducts(); }
    QVariant scenePlugins() const { return m_scenePlugins; }
    int trendDays() const { return m_trendDays; }
    void setTrendDays(int days);

signals:
    void partsChanged();
    void scenePluginsChanged();
    void trendDaysChanged();

private:
    QString metricsText() const;
    void connectSelection();

    Options m_options;
    bool m_viewRegion = false; // --view names a region (digits), not an entity
    std::unique_ptr<map::Geography> m_geography;
    std::unique_ptr<history::History> m_history;
    std::unique_ptr<views::LiveFeed> m_feed;
    std::unique_ptr<views::FeedStatus> m_feedStatus;
    std::unique_ptr<views::HistoryQueries> m_queries;
    std::unique_ptr<views::Selection> m_selection;
    std::unique_ptr<views::PictureAreas> m_areas;
    std::unique_ptr<views::RegionPanel> m_regionPanel;
    std::unique_ptr<views::RegionPanel> m_cityFigures;
    std::unique_ptr<views::EntityPanel> m_entityPanel;
    std::unique_ptr<views::AlarmTicker> m_alarms;
    std::unique_ptr<plugins::PluginHost> m_plugins;
    map::GeoMap *m_map = nullptr; // the window's
    std::unique_ptr<views::LiveLayers> m_layers;
    std::unique_ptr<wall::Director> m_director;
    std::unique_ptr<wall::WallSync> m_wallSync;
    std::unique_ptr<metrics::MetricsServer> m_metricsServer;
    std::unique_ptr<metrics::ServiceNotifier> m_service;
    QVariant m_scenePlugins;
    int m_trendDays = 7;
    QQmlEngine *m_engine = nullptr;
};

} // namespace gridwall::app
