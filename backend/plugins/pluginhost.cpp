#include "pluginhost.h"

#include <QDir>
#include <QLoggingCategory>
#include <QUrl>

Q_LOGGING_CATEGORY(lcPlugins, "gridwall.plugins", QtInfoMsg)

namespace gridwall::plugins {

PluginHost::PluginHost(bool english, QObject *parent)
    : QObject(parent)
    , m_english(english)
{
    m_clock.start();
}

PluginHost::~PluginHost()
{
    if (m_watchdog) {
        m_watchdog->requestInterruption();
        m_watchdog->wait();
    }
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
                qCInfo(lcPlugins, "plugin %s %s (API %s) from %s", qPrintable(m_plugins.back().id), qPrintable(m_plugins.back().version),
                       qPrintable(m_plugins.back().api.toString()), qPrintable(folder));
            }
        }
    }
    emit pluginsChanged();
}

void PluginHost::watch(QQmlEngine *engine)
{
    m_engine = engine;
    engine->setOutputWarningsToStandardError(true);
    connect(engine, &QQmlEngine::warnings, this, &PluginHost::onWarnings);
    // Every plugin folder may be imported from (a plugin's own QML module, its qmldir).
    for (const Manifest &m : m_plugins)
        if (!m.module.isEmpty())
            engine->addImportPath(m.folder);

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

    m_heartbeat.setInterval(100);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        m_lastBeatMs.store(m_clock.elapsed());
        if (m_interrupting.exchange(false))
            m_engine->setInterrupted(false); // the stuck script has been stopped: scripts run again
    });
    m_lastBeatMs.store(m_clock.elapsed());
    m_heartbeat.start();
    m_watchdog.reset(QThread::create([this] {
        while (!QThread::currentThread()->isInterruptionRequested()) {
            QThread::msleep(100);
            if (m_clock.elapsed() - m_lastBeatMs.load() > kScriptBudgetMs && !m_interrupting.exchange(true)) {
                // setInterrupted is the one engine call made to be used from another thread.
                m_engine->setInterrupted(true);
                m_interruptions.fetch_add(1);
            }
        }
    }));
    m_watchdog->start();
}

void PluginHost::connectWall(const WallParts &parts)
{
    for (const Manifest &m : m_plugins)
        m_apis[m.id] = std::make_unique<PluginApi>(m, parts, *this, m_english);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        for (auto &[id, api] : m_apis)
            api->tick();
    });
    m_tick.start();
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
        reloaded << m.id;
    }
    m_changed.clear();
    if (reloaded.isEmpty())
        return;
    if (m_engine)
        m_engine->clearComponentCache();
    qCInfo(lcPlugins, "reloading %s", qPrintable(reloaded.join(QStringLiteral(", "))));
    emit errorsChanged();
    emit revisionsChanged();
}

QString PluginHost::pluginOf(const QUrl &url) const
{
    const QString path = url.isLocalFile() ? url.toLocalFile() : QString();
    if (path.isEmpty())
        return {};
    for (const Manifest &m : m_plugins)
        if (path.startsWith(m.folder + QLatin1Char('/')))
            return m.id;
    return {};
}

void PluginHost::onWarnings(const QList<QQmlError> &warnings)
{
    bool changed = false;
    for (const QQmlError &w : warnings) {
        const QString plugin = pluginOf(w.url());
        if (plugin.isEmpty())
            continue;
        ++m_errors[plugin];
        m_lastErrors[plugin] = QStringLiteral("%1:%2: %3").arg(w.url().fileName()).arg(w.line()).arg(w.description());
        changed = true;
    }
    if (changed)
        emit errorsChanged();
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

uint64_t PluginHost::errorCount(const QString &pluginId) const
{
    const auto it = m_errors.find(pluginId);
    return it == m_errors.end() ? 0 : it->second;
}

QVariantList PluginHost::widgets() const
{
    QVariantList out;
    for (const Manifest &m : m_plugins) {
        for (const Widget &w : m.widgets) {
            out.append(QVariantMap{{QStringLiteral("plugin"), m.id},
                                   {QStringLiteral("pluginName"), m_english ? m.nameEn : m.name},
                                   {QStringLiteral("department"), m.department},
                                   {QStringLiteral("widget"), w.id},
                                   {QStringLiteral("name"), m_english ? w.nameEn : w.name},
                                   {QStringLiteral("url"), QUrl::fromLocalFile(QDir(m.folder).filePath(w.qml))},
                                   {QStringLiteral("columns"), w.size.width()},
                                   {QStringLiteral("rows"), w.size.height()}});
        }
    }
    return out;
}

namespace {

QVariantList overlayRows(const std::vector<Manifest> &plugins, std::vector<Layer> Manifest::*which, const char *key, bool english)
{
    QVariantList out;
    for (const Manifest &m : plugins)
        for (const Layer &l : m.*which)
            out.append(QVariantMap{{QStringLiteral("plugin"), m.id},
                                   {QStringLiteral("pluginName"), english ? m.nameEn : m.name},
                                   {QLatin1String(key), l.id},
                                   {QStringLiteral("name"), english ? l.nameEn : l.name},
                                   {QStringLiteral("url"), QUrl::fromLocalFile(QDir(m.folder).filePath(l.qml))}});
    return out;
}

} // namespace

QVariantList PluginHost::layers() const
{
    return overlayRows(m_plugins, &Manifest::layers, "layer", m_english);
}

QVariantList PluginHost::sections() const
{
    return overlayRows(m_plugins, &Manifest::sections, "section", m_english);
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
    QString out = QStringLiteral("# HELP gridwall_plugins_loaded Department plugins accepted at start.\n"
                                 "# TYPE gridwall_plugins_loaded gauge\n"
                                 "gridwall_plugins_loaded %1\n")
                      .arg(m_plugins.size());
    out += QStringLiteral("# HELP gridwall_plugin_errors_total Errors of a plugin: a refused manifest, QML and script errors, interruptions.\n"
                          "# TYPE gridwall_plugin_errors_total counter\n");
    for (const auto &[plugin, count] : m_errors)
        out += QStringLiteral("gridwall_plugin_errors_total{plugin=\"%1\"} %2\n").arg(plugin).arg(count);
    out += QStringLiteral("# HELP gridwall_plugin_interruptions_total Scripts stopped for keeping the GUI thread busy over %1 ms.\n"
                          "# TYPE gridwall_plugin_interruptions_total counter\n"
                          "gridwall_plugin_interruptions_total %2\n")
               .arg(kScriptBudgetMs)
               .arg(m_interruptions.load());
    return out;
}

} // namespace gridwall::plugins
