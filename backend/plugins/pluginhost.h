#pragma once
// The wall's side of department plugins: finds plugin folders, reads and
// checks each manifest before anything of it is loaded (refusing a bad or
// incompatible one with its reasons), lists the widgets of the plugins it
// accepted for the wall's tiles, and keeps plugins contained. Each plugin's
// QML runs in an engine of its own (PluginView creates its files there), so
// every QML or JavaScript error it causes is known to be its own: counted
// (gridwall_plugin_errors_total{plugin}) and shown on its tiles.
//
// A watchdog thread keeps plugins from holding the GUI thread. What the host
// runs on a plugin's behalf (loading one of its files: compiling, creating,
// bindings, onCompleted; its once-a-second refresh) is guarded by name: past
// the budget, that plugin's engine is interrupted. What a plugin runs on its
// own (a timer, a handler of a wall signal) is found by the GUI thread's
// heartbeat: when a beat is late, the plugin engine running a script at that
// moment is interrupted, and blamed if the GUI thread then runs again (an idle
// engine is never touched: a slow frame of the wall's own blames no plugin). Each plugin's engine also has a memory budget, checked in the
// plugin's refresh turn, and at once when the wall's memory grows fast, on
// the GUI thread. A plugin stopped for time or memory is switched off
// (its items unloaded, its engine dropped) until a file in its folder
// changes. The wall's own engine is never interrupted.

#include "feedrows.h"
#include "manifest.h"
#include "metrics/histogram.h"
#include "pluginapi.h"
#include "views/rowsmodel.h"

#include <QMutex>
#include <QElapsedTimer>
#include <QFileSystemWatcher>
#include <QObject>
#include <QQmlEngine>
#include <QThread>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <vector>

namespace gridwall::plugins {

class PluginView;

class PluginHost : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("PluginHost is created by the application")
    // The accepted plugins' widgets, in folder order; roles plugin, pluginName,
    // department, widget, name, url, columns, rows (names in the UI language).
    Q_PROPERTY(gridwall::views::RowsModel *widgets READ widgetsModel CONSTANT)
    // The accepted plugins' map layers; roles plugin, pluginName, layerId (`layer` is
    // every Item's own), name, url.
    Q_PROPERTY(gridwall::views::RowsModel *layers READ layersModel CONSTANT)
    // The accepted plugins' drill-down sections, by the place each asked for in a region's view:
    // right under its figures, or after the wall's own content (the default); roles plugin,
    // pluginName, section, name, url, collapsed (starts folded to its title).
    Q_PROPERTY(gridwall::views::RowsModel *sectionsUnderFigures READ sectionsUnderFiguresModel CONSTANT)
    Q_PROPERTY(gridwall::views::RowsModel *sectionsAtEnd READ sectionsAtEndModel CONSTANT)
    // Plugins refused at their manifest: [{folder, id, problems}].
    Q_PROPERTY(QVariantList refused READ refused NOTIFY pluginsChanged)
    // Bumped for a plugin each time its folder changes on disk: its widgets, layers and
    // sections load again (live reload while a department develops it). {pluginId: n}
    Q_PROPERTY(QVariantMap revisions READ revisions NOTIFY revisionsChanged)
    // The last error of each plugin that had one: {pluginId: "file:line: message"}.
    Q_PROPERTY(QVariantMap lastErrors READ lastErrors NOTIFY errorsChanged)

public:
    // A plugin's script (or the loading of one of its files) running longer than this on the GUI thread is interrupted.
    static constexpr int kScriptBudgetMs = 1000;
    // The heap a plugin's engine may hold unless its manifest asks for another budget (memoryBudgetMb).
    static constexpr int kDefaultMemoryBudgetMb = 64;
    // The most any plugin's engine may hold, unless the operator says otherwise (--plugin-memory-mb).
    static constexpr int kDefaultMemoryLimitMb = 256;
    // The wall's memory growing by this much since its low mark has every plugin's engine measured at once.
    static constexpr qint64 kSuddenGrowthBytes = 64 * 1024 * 1024;
    // Scripts a plugin runs on its own are guarded once the wall draws, or this long after the
    // watchdog started when no frame comes (a plugin's timer may hold the GUI thread before it).
    static constexpr int kFirstFrameGraceMs = 15000;

    // Why the wall switched a plugin off (gridwall_plugin_switched_off_total{plugin, reason}).
    enum class StopReason { Loading, Script, Memory };

    explicit PluginHost(bool english, QObject *parent = nullptr);
    ~PluginHost() override;

    // The operator's limit on every plugin's memory budget, in MB; set before scan().
    void setMemoryLimitMb(int megabytes) { m_memoryLimitMb = megabytes; }
    // Reads every plugin folder directly under these directories (a folder
    // with a plugin.json), in name order; a second plugin with an id already
    // taken is refused.
    void scan(const QStringList &directories);
    // From now on the plugins are guarded: call it before any of their files
    // load. Loads and refreshes are watched at once; the scripts a plugin runs
    // on its own once the wall draws (wallDrawn). Plugin folders are watched
    // for live reload from here.
    void startWatchdog();
    // The wall's first frame is on screen; callable from the render thread.
    void wallDrawn() { m_wallDrawn.store(true); }

    // Runs `work`, which runs the plugin's code (loading one of its files, its
    // refresh), under the watchdog's eye by the plugin's name; `what` names it
    // in the error. Returns false when the watchdog had to interrupt it: the
    // plugin is then switched off.
    enum class Work { Loading, Refresh };
    bool guarded(const QString &pluginId, Work kind, const QString &what, const std::function<void()> &work);

    views::RowsModel *widgetsModel() { return &m_widgets; }
    views::RowsModel *layersModel() { return &m_layers; }
    views::RowsModel *sectionsUnderFiguresModel() { return &m_sectionsUnderFigures; }
    views::RowsModel *sectionsAtEndModel() { return &m_sectionsAtEnd; }
    QVariantList refused() const;
    QVariantMap lastErrors() const { return m_lastErrors; }
    QVariantMap revisions() const { return m_revisions; }
    // gridwall_plugins_loaded, gridwall_plugin_errors_total{plugin}, gridwall_plugin_interruptions_total,
    // gridwall_plugin_switched_off_total{plugin,reason}, gridwall_plugin_memory_bytes{plugin},
    // gridwall_plugin_memory_budget_bytes{plugin}, gridwall_plugin_refresh_seconds{plugin}.
    QString metricsText() const;

    // What the plugins may read (their `wall`), given once the wall's parts exist.
    void connectWall(const WallParts &parts);
    // A plugin's API object (`wall` in its widgets), or null for an unknown plugin.
    Q_INVOKABLE QObject *api(const QString &pluginId) const;
    // The design unit the widgets are drawn at.
    Q_INVOKABLE void setDesignUnit(double unit);

    // The widgets the layout's tile area has no room for ("name · plugin"): logged when
    // they change, and counted (gridwall_plugin_tiles_not_shown).
    Q_INVOKABLE void reportTilesNotShown(const QStringList &tiles);

    // A plugin's error that did not come through the engine's warnings.
    Q_INVOKABLE void reportError(const QString &pluginId, const QString &message);
    void reportErrors(const QString &pluginId, const QList<QQmlError> &errors);

    // The engine a plugin's files are created in (made on first use), or null for an unknown
    // plugin or one switched off (the watchdog had to stop one of its scripts, or its memory passed its budget).
    QQmlEngine *engineFor(const QString &pluginId);
    // Whether a file the wall is about to load for a plugin still lies inside its folder, links
    // followed (a file may have been replaced by a link since the manifest was read).
    bool insidePluginFolder(const QString &pluginId, const QString &file) const;
    // The plugin's memory budget in bytes: its manifest's ask or the default, at most the operator's limit.
    std::size_t memoryBudget(const QString &pluginId) const;
    // How often a plugin's folder has changed on disk since the start.
    int revision(const QString &pluginId) const { return m_revisions.value(pluginId).toInt(); }
    // The views showing plugins: emptied before the engines go.
    void remember(PluginView *view) { m_views.insert(view); }
    void forget(PluginView *view) { m_views.erase(view); }

signals:
    void pluginsChanged();
    void errorsChanged();
    void revisionsChanged();

private:
    void countError(const QString &pluginId, const QString &message);
    void unloadViews(const QStringList &pluginIds);
    const Manifest *manifest(const QString &pluginId) const;
    void watchdogLoop();
    bool beatSince(qint64 ms) const { return m_lastBeatMs.load() > ms; }
    void beat() { m_lastBeatMs.store(m_clock.elapsed()); }
    // Sets a plugin's engine interrupted or not, if it still has one (watchdog thread: under m_watchMutex).
    void interruptLocked(const QString &pluginId, bool interrupted);
    // Its items unloaded, its engine dropped, counted and shown on its tiles; back when its files change.
    void switchOff(const QString &pluginId, StopReason reason, const QString &message);
    // Measures the plugin's engine and switches it off past its budget.
    void checkMemory(const QString &pluginId);
    // The wall's resident memory (0 where it cannot be read).
    static qint64 residentBytes();

    bool m_english = false;
    int m_memoryLimitMb = kDefaultMemoryLimitMb;
    std::vector<Manifest> m_plugins;
    std::vector<std::pair<QString, QStringList>> m_refused; // folder, problems
    std::map<QString, uint64_t> m_errors;                   // by plugin id, refusals included
    std::map<std::pair<QString, StopReason>, uint64_t> m_stops;
    std::map<QString, std::size_t> m_heapBytes; // each plugin engine's heap at its last check
    qint64 m_residentLow = 0;                   // the wall's resident memory at its lowest since the last sudden growth
    QVariantMap m_lastErrors;

    // One engine per plugin, made on first use. The watchdog thread reaches them only through
    // m_guardedEngines, under m_watchMutex; a dropped engine leaves that list before it is retired.
    std::map<QString, std::unique_ptr<QQmlEngine>> m_engines;
    std::vector<std::unique_ptr<QQmlEngine>> m_retired; // dropped engines, deleted from the event loop
    std::set<PluginView *> m_views;
    std::set<QString> m_switchedOff; // not loaded again until their files change

    // Shared with the watchdog thread, under m_watchMutex.
    mutable QMutex m_watchMutex;
    std::vector<std::pair<QString, QQmlEngine *>> m_guardedEngines;
    struct Running
    {
        QString plugin;
        qint64 sinceMs = 0;
        bool interrupted = false; // the watchdog stopped it
    };
    std::vector<Running> m_running; // guarded work in progress, innermost last
    QStringList m_stopped;          // plugins whose script the heartbeat round stopped, for the GUI thread to switch off

    // The heartbeat: the GUI thread beats every 100 ms (and as guarded work starts and ends).
    QTimer m_heartbeat;
    QElapsedTimer m_clock;
    std::atomic<qint64> m_lastBeatMs{0};
    std::atomic<qint64> m_watchStartMs{0};
    std::atomic<bool> m_wallDrawn{false};
    std::atomic<uint64_t> m_interruptions{0};
    std::unique_ptr<QThread> m_watchdog;
    std::unique_ptr<FeedRows> m_rows; // shared by the plugins' APIs
    std::map<QString, std::unique_ptr<PluginApi>> m_apis;
    std::vector<std::unique_ptr<QTimer>> m_ticks; // each plugin's `refreshed`, once a second
    // The GUI thread's time in each plugin's handlers of `refreshed` (gridwall_plugin_refresh_seconds{plugin}).
    std::map<QString, std::unique_ptr<metrics::Histogram>> m_refreshTimes;
    QFileSystemWatcher m_watcher; // the plugin folders and their files
    QTimer m_reloadSoon;          // an editor writes in bursts: reload once it is quiet
    QStringList m_changed;        // folders changed since the last reload
    QVariantMap m_revisions;
    QStringList m_tilesNotShown;
    views::RowsModel m_widgets;
    views::RowsModel m_layers;
    views::RowsModel m_sectionsUnderFigures;
    views::RowsModel m_sectionsAtEnd;
    void reloadChanged();
};

} // namespace gridwall::plugins
