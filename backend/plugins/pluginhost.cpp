#include "pluginhost.h"

#include "plugins/logging.h"

#include "engineheap.h"
#include "pluginview.h"

#include <QDir>
#include <QFile>
#include <QUrl>

#include <unistd.h>

namespace gridwall::plugins {

namespace {

QVariantList widgetRows(const std::vector<Manifest> &plugins, bool english)
{
    QVariantList out;
    for (const Manifest &m : plugins) {
        for (const Widget &w : m.widgets) {
            out.append(QVariantMap{{QStringLiteral("plugin"), m.id},
                                   {QStringLiteral("pluginName"), english ? m.nameEn : m.name},
                                   {QStringLiteral("department"), m.department},
                                   {QStringLiteral("widget"), w.id},
                                   {QStringLiteral("name"), english ? w.nameEn : w.name},
                                   {QStringLiteral("url"), QUrl::fromLocalFile(QDir(m.folder).filePath(w.qml))},
                                   {QStringLiteral("columns"), w.size.width()},
                                   {QStringLiteral("rows"), w.size.height()}});
        }
    }
    return out;
}

QVariantMap overlayRow(const Manifest &m, const Layer &l, const char *key, bool english)
{
    return QVariantMap{{QStringLiteral("plugin"), m.id},
                       {QStringLiteral("pluginName"), english ? m.nameEn : m.name},
                       {QLatin1String(key), l.id},
                       {QStringLiteral("name"), english ? l.nameEn : l.name},
                       {QStringLiteral("url"), QUrl::fromLocalFile(QDir(m.folder).filePath(l.qml))}};
}

QVariantList layerRows(const std::vector<Manifest> &plugins, bool english)
{
    QVariantList out;
    for (const Manifest &m : plugins)
        for (const Layer &l : m.layers)
            out.append(overlayRow(m, l, "layerId", english));
    return out;
}

// The sections that asked for one place in the region's view.
QVariantList sectionRows(const std::vector<Manifest> &plugins, Section::Place place, bool english)
{
    QVariantList out;
    for (const Manifest &m : plugins)
        for (const Section &section : m.sections)
            if (section.place == place) {
                QVariantMap row = overlayRow(m, section, "section", english);
                row.insert(QStringLiteral("collapsed"), section.collapsed);
                out.append(row);
            }
    return out;
}

} // namespace

PluginHost::PluginHost(bool english, QObject *parent)
    : QObject(parent)
    , m_english(english)
    , m_widgets({"plugin", "pluginName", "department", "widget", "name", "url", "columns", "rows"})
    , m_layers({"plugin", "pluginName", "layerId", "name", "url"})
    , m_sectionsUnderFigures({"plugin", "pluginName", "section", "name", "url", "collapsed"})
    , m_sectionsAtEnd({"plugin", "pluginName", "section", "name", "url", "collapsed"})
{
    m_clock.start();
}

PluginHost::~PluginHost()
{
    if (m_watchdog) {
        m_watchdog->requestInterruption();
        m_watchdog->wait();
    }
    // The wall is closing: no plugin script runs any more (an onDestruction handler could hold the exit,
    // with the watchdog gone). The plugins' items go before the engines they were made in.
    for (auto &[plugin, engine] : m_engines)
        engine->setInterrupted(true);
    for (PluginView *view : std::set<PluginView *>(m_views))
        view->unload();
    m_retired.clear();
}

void PluginHost::scan(const QStringList &directories)
{
    for (const QString &directory : directories) {
        const QDir dir(directory);
        for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const QString folder = dir.filePath(name);
            if (!QFileInfo::exists(QDir(folder).filePath(QStringLiteral("plugin.json"))))
                continue; // not a plugin (the SDK, a template's assets)
            ManifestRead read = readManifest(folder);
            if (read.manifest) {
                const QString id = read.manifest->id;
                const bool taken = std::any_of(m_plugins.begin(), m_plugins.end(), [&](const Manifest &m) { return m.id == id; });
                if (taken)
                    read.problems << QStringLiteral("id: \"%1\" is already taken by another plugin").arg(id);
                else
                    m_plugins.push_back(std::move(*read.manifest));
            }
            if (!read.problems.isEmpty()) {
                qCWarning(lcPlugins, "plugin %s refused: %s", qPrintable(folder), qPrintable(read.problems.join(QStringLiteral("; "))));
                m_refused.emplace_back(QFileInfo(folder).absoluteFilePath(), read.problems);
                ++m_errors[name];
            } else {
                const Manifest &m = m_plugins.back();
                qCInfo(lcPlugins, "plugin %s %s (API %s) from %s", qPrintable(m.id), qPrintable(m.version), qPrintable(m.api.toString()),
                       qPrintable(folder));
                if (m.memoryBudgetMb > m_memoryLimitMb)
                    qCWarning(lcPlugins, "plugin %s asks for %d MB of memory, this wall allows %d MB (--plugin-memory-mb)", qPrintable(m.id),
                              m.memoryBudgetMb, m_memoryLimitMb);
            }
        }
    }
    m_widgets.update(widgetRows(m_plugins, m_english));
    m_layers.update(layerRows(m_plugins, m_english));
    m_sectionsUnderFigures.update(sectionRows(m_plugins, Section::Place::UnderFigures, m_english));
    m_sectionsAtEnd.update(sectionRows(m_plugins, Section::Place::End, m_english));
    emit pluginsChanged();
}

QQmlEngine *PluginHost::engineFor(const QString &pluginId)
{
    const Manifest *m = manifest(pluginId);
    if (!m || m_switchedOff.count(pluginId))
        return nullptr;
    auto &engine = m_engines[pluginId];
    if (!engine) {
        engine = std::make_unique<QQmlEngine>();
        // The wall's modules are compiled in (Theme, the backend's types); a plugin's own module lies in its folder.
        engine->addImportPath(QStringLiteral("qrc:/"));
        if (!m->module.isEmpty())
            engine->addImportPath(m->folder);
        engine->setOutputWarningsToStandardError(false);
        connect(engine.get(), &QQmlEngine::warnings, this, [this, pluginId](const QList<QQmlError> &warnings) {
            reportErrors(pluginId, warnings);
        });
        const QMutexLocker lock(&m_watchMutex);
        m_guardedEngines.emplace_back(pluginId, engine.get());
    }
    return engine.get();
}

void PluginHost::startWatchdog()
{
    if (m_watchdog)
        return;
    // Live reload: a change in a plugin's folder loads its QML again (its manifest is read at start only).
    for (const Manifest &m : m_plugins) {
        m_watcher.addPath(m.folder);
        for (const QString &file : QDir(m.folder).entryList({QStringLiteral("*.qml"), QStringLiteral("*.js")}, QDir::Files))
            m_watcher.addPath(QDir(m.folder).filePath(file));
    }
    const auto changed = [this](const QString &path) {
        m_changed << path;
        if (QFileInfo::exists(path) && !m_watcher.files().contains(path) && QFileInfo(path).isFile())
            m_watcher.addPath(path); // editors replace files: watch the new one
        m_reloadSoon.start();
    };
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, changed);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, changed);
    m_reloadSoon.setSingleShot(true);
    m_reloadSoon.setInterval(300);
    connect(&m_reloadSoon, &QTimer::timeout, this, &PluginHost::reloadChanged);

    // Beats from the event loop on (until then the GUI thread is the wall's own start, or guarded loads).
    m_heartbeat.setInterval(100);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        beat();
        m_retired.clear(); // from the event loop: no component of theirs is on the stack
        QStringList stopped;
        {
            const QMutexLocker lock(&m_watchMutex);
            stopped.swap(m_stopped);
        }
        for (const QString &plugin : stopped)
            switchOff(plugin, StopReason::Script,
                      m_english ? QStringLiteral("a script ran over %1 ms and was stopped; the plugin is off until its files change")
                                      .arg(kScriptBudgetMs)
                                : QStringLiteral("脚本运行超过 %1 毫秒已被停止，插件已停用，文件更新后重新加载").arg(kScriptBudgetMs));
        // Memory that grows fast is looked at now, not in the plugins' next refresh turns.
        const qint64 resident = residentBytes();
        m_residentLow = std::min(m_residentLow, resident);
        if (resident - m_residentLow > kSuddenGrowthBytes) {
            for (const Manifest &m : m_plugins)
                checkMemory(m.id);
            m_residentLow = residentBytes();
        }
    });
    m_residentLow = residentBytes();
    beat();
    m_watchStartMs.store(m_clock.elapsed());
    m_heartbeat.start();
    m_watchdog.reset(QThread::create([this] { watchdogLoop(); }));
    m_watchdog->start();
}

bool PluginHost::guarded(const QString &pluginId, Work kind, const QString &what, const std::function<void()> &work)
{
    // Entering and leaving a plugin's code are beats: the GUI thread is the wall's between them.
    beat();
    {
        const QMutexLocker lock(&m_watchMutex);
        m_running.push_back({pluginId, m_clock.elapsed(), false});
    }
    QElapsedTimer took;
    took.start();
    work();
    bool interrupted = false;
    {
        const QMutexLocker lock(&m_watchMutex);
        interrupted = m_running.back().interrupted;
        m_running.pop_back();
    }
    beat();
    qCDebug(lcPlugins, "plugin %s: %s %s took %lld ms", qPrintable(pluginId), kind == Work::Loading ? "loading" : "refresh", qPrintable(what),
            qint64(took.elapsed()));
    if (!interrupted)
        return true;
    if (kind == Work::Loading)
        switchOff(pluginId, StopReason::Loading,
                  m_english ? QStringLiteral("%1: loading ran over %2 ms and was stopped; the plugin is off until its files change")
                                  .arg(what)
                                  .arg(kScriptBudgetMs)
                            : QStringLiteral("%1：加载超过 %2 毫秒已被停止，插件已停用，文件更新后重新加载").arg(what).arg(kScriptBudgetMs));
    else
        switchOff(pluginId, StopReason::Script,
                  m_english ? QStringLiteral("%1 ran over %2 ms and was stopped; the plugin is off until its files change")
                                  .arg(what)
                                  .arg(kScriptBudgetMs)
                            : QStringLiteral("%1 超过 %2 毫秒已被停止，插件已停用，文件更新后重新加载").arg(what).arg(kScriptBudgetMs));
    return false;
}

void PluginHost::interruptLocked(const QString &pluginId, bool interrupted)
{
    for (const auto &[plugin, engine] : m_guardedEngines)
        if (plugin == pluginId)
            engine->setInterrupted(interrupted); // the one engine call made for another thread
}

void PluginHost::watchdogLoop()
{
    constexpr int kTryMs = 250; // how long one engine stays interrupted to see whether the GUI thread comes back
    const auto stopRequested = [] { return QThread::currentThread()->isInterruptionRequested(); };
    while (!stopRequested()) {
        QThread::msleep(100);
        const qint64 now = m_clock.elapsed();
        {
            // Work guarded by name: past the budget, its plugin is stopped; the round below waits for it.
            const QMutexLocker lock(&m_watchMutex);
            if (!m_running.empty()) {
                Running &innermost = m_running.back();
                if (!innermost.interrupted && now - innermost.sinceMs > kScriptBudgetMs) {
                    interruptLocked(innermost.plugin, true);
                    innermost.interrupted = true;
                    m_interruptions.fetch_add(1);
                }
                continue;
            }
        }
        // Scripts a plugin runs on its own: once the wall draws (its own start is no plugin's fault),
        // or when no frame has come long after the plugins loaded (a plugin's timer may hold the GUI thread).
        if (!m_wallDrawn.load() && now - m_watchStartMs.load() <= kFirstFrameGraceMs)
            continue;
        const qint64 beat = m_lastBeatMs.load();
        if (now - beat <= kScriptBudgetMs)
            continue;
        // The GUI thread is stuck. Only an engine with a script on the GUI thread's stack can hold it:
        // that one is interrupted, and blamed if the GUI thread then beats again. An idle engine is
        // never touched, so a slow frame of the wall's own ends without a plugin blamed for it.
        QString culprit;
        {
            const QMutexLocker lock(&m_watchMutex);
            for (const auto &[plugin, engine] : m_guardedEngines)
                if (runsScript(*engine)) {
                    culprit = plugin;
                    interruptLocked(plugin, true); // stays interrupted until the GUI thread has switched it off
                    break;
                }
        }
        if (!culprit.isEmpty()) {
            for (int waited = 0; waited < kTryMs && !beatSince(beat) && !stopRequested(); waited += 10)
                QThread::msleep(10);
            const QMutexLocker lock(&m_watchMutex);
            if (beatSince(beat)) {
                m_interruptions.fetch_add(1);
                m_stopped << culprit;
                continue;
            }
            interruptLocked(culprit, false); // its script was not what held the GUI thread
        }
        // Not a plugin's script (the wall's own work, or the machine): wait for the GUI thread, blame no one.
        while (!beatSince(beat) && !stopRequested())
            QThread::msleep(100);
    }
}

void PluginHost::switchOff(const QString &pluginId, StopReason reason, const QString &message)
{
    if (m_switchedOff.count(pluginId))
        return;
    m_switchedOff.insert(pluginId);
    ++m_stops[{pluginId, reason}];
    if (const auto it = m_engines.find(pluginId); it != m_engines.end()) {
        {
            // Out of the watchdog's reach before it goes; no script of the plugin runs again in it.
            const QMutexLocker lock(&m_watchMutex);
            interruptLocked(pluginId, true);
            std::erase_if(m_guardedEngines, [&](const auto &guarded) { return guarded.first == pluginId; });
        }
        unloadViews({pluginId});
        disconnect(it->second.get(), nullptr, this, nullptr); // what it says as it goes is not news
        // Its heap (and the memory it took) goes with it; deleted from the event loop, as a load of
        // one of its files may still be on the stack.
        m_retired.push_back(std::move(it->second));
        m_engines.erase(it);
        m_heapBytes.erase(pluginId);
    }
    countError(pluginId, message);
}

std::size_t PluginHost::memoryBudget(const QString &pluginId) const
{
    const Manifest *m = manifest(pluginId);
    const int asked = m && m->memoryBudgetMb > 0 ? m->memoryBudgetMb : kDefaultMemoryBudgetMb;
    return std::size_t(std::min(asked, m_memoryLimitMb)) * 1024 * 1024;
}

qint64 PluginHost::residentBytes()
{
    // /proc/self/statm: size, resident, … in pages.
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    return statm.readAll().split(' ').value(1).toLongLong() * qint64(sysconf(_SC_PAGESIZE));
}

void PluginHost::checkMemory(const QString &pluginId)
{
    // On the GUI thread between scripts: the heap is walked, which a running script or the collector
    // would change under a reader on another thread.
    const auto it = m_engines.find(pluginId);
    if (it == m_engines.end())
        return;
    const std::size_t budget = memoryBudget(pluginId);
    std::size_t used = measureHeap(*it->second, budget).total();
    if (used > budget) {
        // Garbage counts until the collector has run: collect before judging.
        it->second->collectGarbage();
        used = measureHeap(*it->second).total();
    }
    m_heapBytes[pluginId] = used;
    if (used <= budget)
        return;
    const auto mb = [](std::size_t bytes) { return QString::number(double(bytes) / (1024 * 1024), 'f', 0); };
    switchOff(pluginId, StopReason::Memory,
              m_english ? QStringLiteral("used %1 MB of its %2 MB budget; the plugin is off until its files change").arg(mb(used), mb(budget))
                        : QStringLiteral("内存用量 %1 MB，超出 %2 MB 预算，插件已停用，文件更新后重新加载").arg(mb(used), mb(budget)));
}

void PluginHost::connectWall(const WallParts &parts)
{
    m_rows = std::make_unique<FeedRows>(parts);
    for (const Manifest &m : m_plugins) {
        auto &api = m_apis[m.id] = std::make_unique<PluginApi>(m, parts, *m_rows, *this, m_english);
        QQmlEngine::setObjectOwnership(api.get(), QQmlEngine::CppOwnership); // handed to QML, kept by the host
    }
    for (const Manifest &m : m_plugins)
        m_refreshTimes[m.id] = std::make_unique<metrics::Histogram>(
            std::vector<double>{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5});
    // Each plugin refreshes once a second in a turn of its own, spread over the second: the
    // frames between them go on, and the watchdog sees one plugin's time, never all of theirs.
    int turn = 0;
    for (auto &[id, api] : m_apis) {
        auto &timer = m_ticks.emplace_back(std::make_unique<QTimer>());
        timer->setInterval(1000);
        connect(timer.get(), &QTimer::timeout, this, [this, id = id, api = api.get()] {
            if (m_switchedOff.count(id))
                return;
            QElapsedTimer spent;
            spent.start();
            // The plugin's handlers of `refreshed` run in here.
            const bool finished = guarded(id, Work::Refresh, QStringLiteral("a handler of refreshed"), [api] { api->tick(); });
            m_refreshTimes.at(id)->observe(double(spent.nsecsElapsed()) / 1e9);
            if (finished)
                checkMemory(id);
        });
        QTimer::singleShot(1000 * turn++ / int(m_apis.size()), timer.get(), qOverload<>(&QTimer::start));
    }
}

QObject *PluginHost::api(const QString &pluginId) const
{
    const auto it = m_apis.find(pluginId);
    return it == m_apis.end() ? nullptr : it->second.get();
}

void PluginHost::setDesignUnit(double unit)
{
    for (auto &[id, api] : m_apis)
        api->setUnit(unit);
}

void PluginHost::reloadChanged()
{
    QStringList reloaded;
    for (const Manifest &m : m_plugins) {
        const bool touched = std::any_of(m_changed.begin(), m_changed.end(), [&](const QString &path) {
            return path == m.folder || path.startsWith(m.folder + QLatin1Char('/'));
        });
        if (!touched)
            continue;
        // Re-read the files from disk: the engine caches compiled components by URL.
        for (const QString &file : QDir(m.folder).entryList({QStringLiteral("*.qml"), QStringLiteral("*.js")}, QDir::Files))
            if (!m_watcher.files().contains(QDir(m.folder).filePath(file)))
                m_watcher.addPath(QDir(m.folder).filePath(file));
        m_revisions[m.id] = m_revisions.value(m.id).toInt() + 1;
        m_lastErrors.remove(m.id); // a fresh start: its tiles show it again, or its new error
        m_switchedOff.erase(m.id);
        reloaded << m.id;
    }
    m_changed.clear();
    if (reloaded.isEmpty())
        return;
    // The old items go before their components leave the cache; the views load the new files on revisionsChanged.
    unloadViews(reloaded);
    for (const QString &id : reloaded)
        if (const auto it = m_engines.find(id); it != m_engines.end())
            it->second->clearComponentCache();
    qCInfo(lcPlugins, "reloading %s", qPrintable(reloaded.join(QStringLiteral(", "))));
    emit errorsChanged();
    emit revisionsChanged();
}

bool PluginHost::insidePluginFolder(const QString &pluginId, const QString &file) const
{
    const Manifest *m = manifest(pluginId);
    return m && leadsInside(m->folder, file);
}

const Manifest *PluginHost::manifest(const QString &pluginId) const
{
    const auto it = std::find_if(m_plugins.begin(), m_plugins.end(), [&](const Manifest &m) { return m.id == pluginId; });
    return it == m_plugins.end() ? nullptr : &*it;
}

void PluginHost::countError(const QString &pluginId, const QString &message)
{
    ++m_errors[pluginId];
    m_lastErrors[pluginId] = message;
    qCWarning(lcPlugins, "plugin %s: %s", qPrintable(pluginId), qPrintable(message));
    emit errorsChanged();
}

void PluginHost::reportErrors(const QString &pluginId, const QList<QQmlError> &errors)
{
    for (const QQmlError &e : errors) {
        const QString where = e.url().isEmpty() ? QString() : QStringLiteral("%1:%2: ").arg(e.url().fileName()).arg(e.line());
        countError(pluginId, where + e.description());
    }
}

void PluginHost::reportError(const QString &pluginId, const QString &message)
{
    ++m_errors[pluginId];
    // The engine's own words (file, line, what) say more: keep them when they came first.
    if (!m_lastErrors.contains(pluginId))
        m_lastErrors[pluginId] = message;
    qCWarning(lcPlugins, "plugin %s: %s", qPrintable(pluginId), qPrintable(message));
    emit errorsChanged();
}

void PluginHost::unloadViews(const QStringList &pluginIds)
{
    for (PluginView *view : std::set<PluginView *>(m_views))
        if (pluginIds.contains(view->plugin()))
            view->unload();
}

void PluginHost::reportTilesNotShown(const QStringList &tiles)
{
    if (tiles == m_tilesNotShown)
        return;
    m_tilesNotShown = tiles;
    if (tiles.isEmpty())
        qCInfo(lcPlugins, "every plugin tile is shown");
    else
        qCWarning(lcPlugins, "%lld plugin tile(s) not shown, no room in the layout's tile area: %s", qlonglong(tiles.size()),
                  qPrintable(tiles.join(QStringLiteral("; "))));
}

QVariantList PluginHost::refused() const
{
    QVariantList out;
    for (const auto &[folder, problems] : m_refused)
        out.append(QVariantMap{{QStringLiteral("folder"), folder},
                               {QStringLiteral("id"), QFileInfo(folder).fileName()},
                               {QStringLiteral("problems"), problems}});
    return out;
}

QString PluginHost::metricsText() const
{
    using metrics::Exposition;
    Exposition out(4096);
    out.family(u"gridwall_plugins_loaded", u"Department plugins accepted at start.", Exposition::Gauge);
    out.sample(m_plugins.size());
    out.family(u"gridwall_plugin_errors_total",
               u"Errors of a plugin: a refused manifest, QML and script errors, interruptions, its memory budget passed.", Exposition::Counter);
    for (const auto &[plugin, count] : m_errors)
        out.sample({{u"plugin", plugin}}, count);
    out.family(u"gridwall_plugin_tiles_not_shown", u"Department widgets the layout's tile area has no room for.", Exposition::Gauge);
    out.sample(m_tilesNotShown.size());
    out.family(u"gridwall_plugin_interruptions_total",
               QStringLiteral("Scripts and loads stopped for keeping the GUI thread busy over %1 ms.").arg(kScriptBudgetMs), Exposition::Counter);
    out.sample(m_interruptions.load());
    const auto reasonName = [](StopReason reason) {
        switch (reason) {
        case StopReason::Loading: return QLatin1String("loading");
        case StopReason::Script: return QLatin1String("script");
        case StopReason::Memory: return QLatin1String("memory");
        }
        return QLatin1String();
    };
    out.family(u"gridwall_plugin_switched_off_total",
               QStringLiteral("Plugins the wall switched off until their files change: "
                              "loading or script (ran over %1 ms), memory (its engine passed its memory budget).")
                   .arg(kScriptBudgetMs),
               Exposition::Counter);
    for (const auto &[key, count] : m_stops)
        out.sample({{u"plugin", key.first}, {u"reason", reasonName(key.second)}}, count);
    out.family(u"gridwall_plugin_memory_bytes", u"The heap of a plugin's engine at its last check (objects, strings, ArrayBuffers).",
               Exposition::Gauge);
    for (const auto &[plugin, bytes] : m_heapBytes)
        out.sample({{u"plugin", plugin}}, bytes);
    out.family(u"gridwall_plugin_memory_budget_bytes", u"The heap a plugin's engine may hold before it is switched off.", Exposition::Gauge);
    for (const Manifest &m : m_plugins)
        out.sample({{u"plugin", m.id}}, memoryBudget(m.id));
    out.family(u"gridwall_plugin_refresh_seconds", u"GUI-thread time of a plugin's once-a-second refresh.", Exposition::Histogram);
    for (const auto &[plugin, histogram] : m_refreshTimes)
        histogram->writeSamples(out, {{u"plugin", plugin}});
    return out.text();
}

} // namespace gridwall::plugins
