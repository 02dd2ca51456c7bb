#include "director.h"

#include "wall/logging.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace gridwall::wall {

namespace {

bool goodId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_.:-]{1,128}$"));
    return pattern.match(id).hasMatch();
}

} // namespace

const QStringList &layerKeys()
{
    static const QStringList keys{QStringLiteral("workload"), QStringLiteral("heatmap"), QStringLiteral("rings"),
                                  QStringLiteral("clusters"), QStringLiteral("overdue"), QStringLiteral("cases"),
                                  QStringLiteral("units"),    QStringLiteral("sensors"), QStringLiteral("workers"),
                                  QStringLiteral("cameras"),  QStringLiteral("sites")};
    return keys;
}

QString readScenes(const QJsonObject &config, std::vector<Scene> *scenes, Playlist *playlist)
{
    const QJsonValue list = config.value(QStringLiteral("scenes"));
    if (!list.isUndefined() && !list.isArray())
        return QStringLiteral("scenes wants a list of scenes");
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject o = array[i].toObject();
        const QString where = QStringLiteral("scenes[%1]").arg(i);
        Scene s;
        s.id = o.value(QStringLiteral("id")).toString();
        if (!goodId(s.id))
            return where + QStringLiteral(".id wants 1 to 128 of A-Z, a-z, 0-9, _ . : -");
        if (std::any_of(scenes->begin(), scenes->end(), [&](const Scene &other) { return other.id == s.id; }))
            return where + QStringLiteral(".id: \"%1\" is taken by another scene").arg(s.id);
        const QJsonObject name = o.value(QStringLiteral("name")).toObject();
        s.name = name.value(QStringLiteral("zh_CN")).toString(s.id);
        s.nameEn = name.value(QStringLiteral("en")).toString(s.name);
        const QJsonValue region = o.value(QStringLiteral("region"));
        if (!region.isUndefined() && !region.isString())
            return where + QStringLiteral(".region wants a region code (empty: the whole city)");
        s.region = region.toString();
        const QJsonValue entity = o.value(QStringLiteral("entity"));
        if (!entity.isUndefined() && !(entity.isString() && (entity.toString().isEmpty() || goodId(entity.toString()))))
            return where + QStringLiteral(".entity wants a case, camera, sensor, worker or unit id");
        s.entity = entity.toString();
        const QJsonValue layers = o.value(QStringLiteral("layers"));
        if (!layers.isUndefined() && !layers.isObject())
            return where + QStringLiteral(".layers wants {\"layer\": true or false}");
        const QJsonObject l = layers.toObject();
        for (auto it = l.begin(); it != l.end(); ++it) {
            if (!layerKeys().contains(it.key()))
                return where + QStringLiteral(".layers: \"%1\" is not one of %2").arg(it.key(), layerKeys().join(QStringLiteral(", ")));
            if (!it->isBool())
                return where + QStringLiteral(".layers.%1 wants true or false").arg(it.key());
            s.layers.emplace_back(it.key(), it->toBool());
        }
        const QJsonValue plugins = o.value(QStringLiteral("plugins"));
        if (!plugins.isUndefined()) {
            if (!plugins.isArray())
                return where + QStringLiteral(".plugins wants a list of plugin ids");
            s.plugins = QStringList();
            for (const QJsonValue &v : plugins.toArray()) {
                if (!v.isString() || !goodId(v.toString()))
                    return where + QStringLiteral(".plugins wants a list of plugin ids");
                *s.plugins << v.toString();
            }
        }
        scenes->push_back(std::move(s));
    }
    const QJsonValue p = config.value(QStringLiteral("playlist"));
    if (p.isUndefined())
        return {};
    if (!p.isObject())
        return QStringLiteral("playlist wants {\"scenes\": [...], \"seconds\": 30, \"idleResumeSeconds\": 120, \"autostart\": true}");
    const QJsonObject o = p.toObject();
    for (const QJsonValue &v : o.value(QStringLiteral("scenes")).toArray()) {
        const QString id = v.toString();
        if (std::none_of(scenes->begin(), scenes->end(), [&](const Scene &s) { return s.id == id; }))
            return QStringLiteral("playlist.scenes: \"%1\" is not a scene").arg(id);
        playlist->scenes << id;
    }
    if (playlist->scenes.isEmpty())
        return QStringLiteral("playlist.scenes wants at least one scene id");
    const auto seconds = [&](const char *key, int *out, double lowest) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return true;
        if (!v.isDouble() || v.toDouble() < lowest || v.toDouble() > 86400)
            return false;
        *out = int(v.toDouble() * 1000);
        return true;
    };
    if (!seconds("seconds", &playlist->sceneMs, 0.1))
        return QStringLiteral("playlist.seconds wants seconds from 0.1 to 86400");
    if (!seconds("idleResumeSeconds", &playlist->idleResumeMs, 0.1))
        return QStringLiteral("playlist.idleResumeSeconds wants seconds from 0.1 to 86400");
    const QJsonValue autostart = o.value(QStringLiteral("autostart"));
    if (!autostart.isUndefined() && !autostart.isBool())
        return QStringLiteral("playlist.autostart wants true or false");
    playlist->autostart = autostart.toBool();
    return {};
}

Director::Director(std::vector<Scene> scenes, Playlist playlist, Actions actions, const QString &commandTopic, QObject *parent)
    : QObject(parent)
    , m_scenes(std::move(scenes))
    , m_playlist(std::move(playlist))
    , m_actions(std::move(actions))
    , m_commandTopic(commandTopic.toStdString())
{
    m_advance.setSingleShot(true);
    connect(&m_advance, &QTimer::timeout, this, &Director::next);
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        m_paused = false;
        next(); // the operator has left: on with the tour, from the next scene
    });
    if (m_playlist.autostart && !m_playlist.scenes.isEmpty())
        QMetaObject::invokeMethod(this, &Director::startTour, Qt::QueuedConnection);
}

bool Director::showScene(const QString &id)
{
    const auto it = std::find_if(m_scenes.begin(), m_scenes.end(), [&](const Scene &s) { return s.id == id; });
    if (it == m_scenes.end())
        return false;
    m_scene = id;
    if (m_actions.showScene)
        m_actions.showScene(*it);
    emit changed();
    return true;
}

void Director::startTour()
{
    if (m_playlist.scenes.isEmpty())
        return;
    m_touring = true;
    m_paused = false;
    m_idle.stop();
    m_position = -1;
    next();
}

void Director::stopTour()
{
    m_touring = false;
    m_paused = false;
    m_advance.stop();
    m_idle.stop();
    emit changed();
}

void Director::next()
{
    if (!m_touring || m_paused)
        return;
    m_position = int((m_position + 1) % m_playlist.scenes.size());
    showScene(m_playlist.scenes[m_position]);
    m_advance.start(m_playlist.sceneMs);
}

void Director::touched()
{
    if (!m_touring)
        return;
    if (!m_paused) {
        m_paused = true;
        m_advance.stop();
        emit changed();
    }
    m_idle.start(m_playlist.idleResumeMs); // every touch starts the idle time again
}

void Director::onMessage(const std::string &topic, const std::string &payload)
{
    if (topic != m_commandTopic)
        return; // the shared view, or another wall's commands
    QMetaObject::invokeMethod(this, [this, p = QByteArray::fromStdString(payload)] { command(p); }, Qt::QueuedConnection);
}

void Director::reject(Rejected reason, const QString &detail)
{
    if (m_rejected.add(size_t(reason)))
        qCWarning(lcWall, "command rejected (%s, %llu so far): %s", m_rejected.value(size_t(reason)),
                  static_cast<unsigned long long>(m_rejected.count(size_t(reason))), qPrintable(detail));
}

void Director::command(const QByteArray &payload)
{
    QString problem;
    const std::optional<QJsonObject> message = readObject(payload, &problem);
    if (!message)
        return reject(Rejected::Malformed, problem);
    const QJsonObject &o = *message;
    const QString name = o.value(QStringLiteral("command")).toString();
    Command done;
    if (name == QLatin1String("scene")) {
        const QString id = o.value(QStringLiteral("scene")).toString();
        if (std::none_of(m_scenes.begin(), m_scenes.end(), [&](const Scene &s) { return s.id == id; }))
            return reject(Rejected::UnknownScene, id.left(128));
        if (m_touring)
            stopTour(); // the director chose: the tour stops
        showScene(id);
        done = Command::Scene;
    } else if (name == QLatin1String("playlist")) {
        const QString action = o.value(QStringLiteral("action")).toString();
        if (action == QLatin1String("start") && !m_playlist.scenes.isEmpty())
            startTour();
        else if (action == QLatin1String("stop"))
            stopTour();
        else
            return reject(Rejected::Invalid, QStringLiteral("playlist action \"%1\"").arg(action.left(32)));
        done = Command::Playlist;
    } else if (name == QLatin1String("drill")) {
        const QJsonValue region = o.value(QStringLiteral("region"));
        if (!region.isString())
            return reject(Rejected::Invalid, QStringLiteral("drill without a region"));
        if (!region.toString().isEmpty() && m_actions.regionExists && !m_actions.regionExists(region.toString()))
            return reject(Rejected::UnknownRegion, region.toString().left(32));
        if (m_touring)
            stopTour();
        if (m_actions.drill)
            m_actions.drill(region.toString());
        done = Command::Drill;
    } else if (name == QLatin1String("show")) {
        const QString id = o.value(QStringLiteral("entity")).toString();
        if (!goodId(id))
            return reject(Rejected::Invalid, QStringLiteral("show without a good entity id"));
        if (m_touring)
            stopTour();
        if (m_actions.open)
            m_actions.open(id);
        done = Command::Show;
    } else {
        return reject(Rejected::UnknownCommand, name.left(32));
    }
    m_commands.add(size_t(done));
    if (quint64 unlogged = 0; m_commandLog.due(&unlogged))
        qCInfo(lcWall, "command %s (%llu more since the last line: gridwall_wall_commands_total counts them all)",
               payload.left(200).constData(), static_cast<unsigned long long>(unlogged));
}

QString Director::metricsText() const
{
    metrics::Exposition out;
    m_commands.write(out, u"gridwall_wall_commands_total", u"Director commands carried out, by command.");
    m_rejected.write(out, u"gridwall_wall_commands_rejected_total", u"Director commands dropped, by reason.");
    return out.text();
}

QJsonObject Director::status() const
{
    return {{QStringLiteral("scene"), m_scene}, {QStringLiteral("touring"), m_touring}, {QStringLiteral("paused"), m_paused}};
}

} // namespace gridwall::wall
