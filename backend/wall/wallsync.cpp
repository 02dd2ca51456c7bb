#include "wallsync.h"

#include "wall/logging.h"

#include "feed/feedclient.h"
#include "geo/regiontree.h"
#include "map/geomap.h"
#include "metrics/histogram.h"
#include "views/selection.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <cmath>

namespace gridwall::wall {

namespace {

// How long a starting conductor waits for the retained view (its own, from before a restart) before it
// shows its own view to the wall.
constexpr int kRestoreWindowMs = 2000;

} // namespace

WallSync::WallSync(WallLayout layout, const QString &topicRoot, feed::FeedClient *client, map::GeoMap *map,
                   views::Selection *selection, const geo::RegionTree *tree, int64_t maxAheadMs, QObject *parent)
    : QObject(parent)
    , m_layout(std::move(layout))
    , m_viewTopic((topicRoot + QStringLiteral("/wall/") + m_layout.id + QStringLiteral("/view")).toStdString())
    , m_client(client)
    , m_map(map)
    , m_selection(selection)
    , m_tree(tree)
    , m_maxAheadMs(maxAheadMs)
    , m_lag(std::make_unique<metrics::Histogram>(std::vector<double>{0.001, 0.0025, 0.005, 0.01, 0.016, 0.025, 0.05, 0.1, 0.25, 1}))
{
    if (!m_layout.conducts())
        return;
    connect(m_map, &map::GeoMap::viewChanged, this, &WallSync::publishSoon);
    if (m_selection)
        connect(m_selection, &views::Selection::changed, this, &WallSync::publishSoon);
    QTimer::singleShot(kRestoreWindowMs, this, [this] {
        if (m_mayPublish)
            return;
        m_mayPublish = true;
        publishSoon();
    });
}

WallSync::~WallSync() = default;

void WallSync::onMessage(const std::string &topic, const std::string &payload)
{
    if (topic != m_viewTopic)
        return; // another wall's view, or the director's commands (Director)
    QMetaObject::invokeMethod(this, [this, p = QByteArray::fromStdString(payload)] { apply(p); }, Qt::QueuedConnection);
}

void WallSync::reject(Rejected reason, const QString &detail)
{
    if (m_rejected.add(size_t(reason)))
        qCWarning(lcWall, "view on %s rejected (%s, %llu so far): %s", m_viewTopic.c_str(), m_rejected.value(size_t(reason)),
                  static_cast<unsigned long long>(m_rejected.count(size_t(reason))), qPrintable(detail));
}

void WallSync::apply(const QByteArray &payload)
{
    QString problem;
    const std::optional<QJsonObject> message = readObject(payload, &problem);
    if (!message)
        return reject(Rejected::Malformed, problem);
    const QJsonObject &o = *message;
    const QJsonArray centreXY = o.value(QStringLiteral("centre")).toArray();
    const auto finite = [](const QJsonValue &v) { return v.isDouble() && std::isfinite(v.toDouble()); };
    if (!finite(o.value(QStringLiteral("ts"))) || !finite(o.value(QStringLiteral("seq"))) || centreXY.size() != 2 || !finite(centreXY[0])
        || !finite(centreXY[1]) || !finite(o.value(QStringLiteral("scale"))) || o.value(QStringLiteral("scale")).toDouble() <= 0
        || !o.value(QStringLiteral("region")).isString() || !o.value(QStringLiteral("entity")).isString()
        || o.value(QStringLiteral("entity")).toString().size() > 128)
        return reject(Rejected::Invalid, QString::fromUtf8(payload.left(200)));
    const QString region = o.value(QStringLiteral("region")).toString();
    if (!region.isEmpty() && m_tree && m_tree->indexOf(region) < 0)
        return reject(Rejected::UnknownRegion, region);
    const double tsValue = o.value(QStringLiteral("ts")).toDouble();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // A view from the future would hide every later one from this node.
    if (tsValue > double(now + m_maxAheadMs))
        return reject(Rejected::TsFuture, QStringLiteral("ts %1 is %2 s ahead of this machine's clock")
                                              .arg(tsValue, 0, 'f', 0)
                                              .arg((tsValue - double(now)) / 1000, 0, 'f', 0));
    const QPointF centre(centreXY[0].toDouble(), centreXY[1].toDouble());
    const double scale = o.value(QStringLiteral("scale")).toDouble();
    if (m_tree) {
        // Within the geography with a margin of its own size: a view a wall could show.
        const QRectF b = m_tree->bounds();
        if (!b.adjusted(-b.width(), -b.height(), b.width(), b.height()).contains(centre))
            return reject(Rejected::OutOfRange, QStringLiteral("centre %1,%2 is far outside the geography").arg(centre.x()).arg(centre.y()));
    }
    if (m_map && (scale < m_map->view().minimumScale() / 4 || scale > m_map->view().maximumScale() * 4))
        return reject(Rejected::OutOfRange, QStringLiteral("scale %1 is beyond this map's zoom").arg(scale));
    const qint64 ts = qint64(tsValue);
    const qint64 seq = qint64(o.value(QStringLiteral("seq")).toDouble());

    if (m_layout.conducts()) {
        // The conductor takes a view only to restore the wall after its own restart; then it leads.
        if (m_mayPublish)
            return;
        m_mayPublish = true;
        m_seq = seq;
    } else if (ts < m_appliedTs) {
        // Older than what the wall already shows: reordered, or the conductor's clock went back.
        if (m_olderSinceMs == 0)
            m_olderSinceMs = now;
        return reject(Rejected::Older, QStringLiteral("ts %1 before the view shown (%2)").arg(ts).arg(m_appliedTs));
    }
    m_olderSinceMs = 0;
    if (!m_map)
        return;
    m_applying = true;
    m_map->setView(centre, scale);
    if (m_selection)
        m_selection->follow(region, o.value(QStringLiteral("entity")).toString(),
                            m_layout.conducts() ? views::Selection::Reason::Restored : views::Selection::Reason::Follower);
    m_applying = false;
    m_appliedTs = ts;
    if (!m_layout.conducts())
        m_seq = seq;
    m_applied.fetch_add(1);
    m_lag->observe(std::max(0.0, double(QDateTime::currentMSecsSinceEpoch() - ts) / 1000.0));
}

void WallSync::publishSoon()
{
    if (!m_layout.conducts() || m_applying || !m_mayPublish || m_publishQueued)
        return;
    m_publishQueued = true;
    QMetaObject::invokeMethod(this, &WallSync::publish, Qt::QueuedConnection);
}

void WallSync::publish()
{
    m_publishQueued = false;
    if (!m_map || !m_client)
        return;
    const map::MapView &view = m_map->view();
    const QJsonObject o{{QStringLiteral("ts"), double(QDateTime::currentMSecsSinceEpoch())},
                        {QStringLiteral("seq"), double(++m_seq)},
                        {QStringLiteral("centre"), QJsonArray{view.center().x(), view.center().y()}},
                        {QStringLiteral("scale"), view.scale()},
                        {QStringLiteral("region"), m_selection ? m_selection->region() : QString()},
                        {QStringLiteral("entity"), m_selection ? m_selection->entityId() : QString()}};
    if (m_client->publish(m_viewTopic, QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString(), 1, true))
        m_published.fetch_add(1);
}

QString WallSync::metricsText() const
{
    metrics::Exposition out(4096);
    out.family(u"gridwall_wall_view_published_total", u"Views this node published as the wall's conductor.", metrics::Exposition::Counter);
    out.sample(m_published.load());
    out.family(u"gridwall_wall_view_applied_total", u"Views of the conductor this node applied.", metrics::Exposition::Counter);
    out.sample(m_applied.load());
    m_lag->write(out, u"gridwall_wall_view_lag_seconds",
                 u"From the conductor publishing a view to this node applying it (the two clocks' offset included).");
    m_rejected.write(out, u"gridwall_wall_messages_rejected_total", u"Shared-view messages dropped, by reason.");
    return out.text();
}

QJsonObject WallSync::status() const
{
    QJsonObject o{{QStringLiteral("id"), m_layout.id},
                  {QStringLiteral("node"), m_layout.node ? QStringLiteral("%1,%2").arg(m_layout.node->x()).arg(m_layout.node->y())
                                                         : QStringLiteral("all")},
                  {QStringLiteral("conductor"), m_layout.conducts()},
                  {QStringLiteral("seq"), double(m_seq)}};
    if (m_map) {
        o.insert(QStringLiteral("centre"), QJsonArray{m_map->view().center().x(), m_map->view().center().y()});
        o.insert(QStringLiteral("scale"), m_map->view().scale());
    }
    if (m_selection) {
        o.insert(QStringLiteral("region"), m_selection->region());
        o.insert(QStringLiteral("entity"), m_selection->entityId());
    }
    if (m_olderSinceMs > 0 && QDateTime::currentMSecsSinceEpoch() - m_olderSinceMs >= kStuckAfterMs) {
        o.insert(QStringLiteral("viewStuck"), true);
        o.insert(QStringLiteral("viewStuckSeconds"), double(QDateTime::currentMSecsSinceEpoch() - m_olderSinceMs) / 1000);
    }
    return o;
}

} // namespace gridwall::wall
