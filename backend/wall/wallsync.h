#pragma once
// One view for every node of a multi-screen wall, kept in step over MQTT:
// the conductor (node 0,0, or a process drawing every screen) publishes what
// it shows -- the map's centre and scale, the region drilled down to, the
// entity opened -- to ROOT/wall/WALLID/view, retained, QoS 1, whenever it
// changes (at most once a frame); every other node applies each newer view
// as it arrives, so all draw one picture. The retained view also brings a
// restarted node, the conductor included, back to where the wall was.
// A malformed view is counted by reason, logged and dropped.
// Payload: {"ts": ms, "seq": n, "centre": [x, y], "scale": s, "region": "code", "entity": "id"}
// (centre and scale in the map's scene units: every node draws the same picture).

#include "wall/wallinput.h"
#include "wall/walllayout.h"

#include <QJsonObject>
#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QString>

#include <atomic>

namespace gridwall::feed {
class FeedClient;
}
namespace gridwall::geo {
class RegionTree;
}
namespace gridwall::map {
class GeoMap;
}
namespace gridwall::views {
class Selection;
}
namespace gridwall::metrics {
class Histogram;
}

namespace gridwall::wall {

class WallSync : public QObject
{
    Q_OBJECT

public:
    enum class Rejected { Malformed, Invalid, UnknownRegion, TsFuture, OutOfRange, Older };

    // A view whose ts is more than `maxAheadMs` ahead of this machine's clock is refused (docs/wall.md).
    // The conductor publishes the map's centre and scale and the selection; a follower applies them.
    WallSync(WallLayout layout, const QString &topicRoot, feed::FeedClient *client, map::GeoMap *map, views::Selection *selection,
             const geo::RegionTree *tree, int64_t maxAheadMs, QObject *parent = nullptr);
    ~WallSync() override;

    // Called on Paho's thread with every message under ROOT/wall/.
    void onMessage(const std::string &topic, const std::string &payload);

    // gridwall_wall_view_published_total, _applied_total, gridwall_wall_view_lag_seconds,
    // gridwall_wall_messages_rejected_total{reason}.
    QString metricsText() const;
    // What this node shows and knows of the shared view, for /health.
    QJsonObject status() const;

private:
    void apply(const QByteArray &payload);
    void publishSoon();
    void publish();
    void reject(Rejected reason, const QString &detail);

    WallLayout m_layout;
    std::string m_viewTopic;
    feed::FeedClient *m_client = nullptr;
    QPointer<map::GeoMap> m_map;
    QPointer<views::Selection> m_selection;
    const geo::RegionTree *m_tree = nullptr;
    bool m_applying = false;      // a received view is being applied: not ours to publish
    bool m_publishQueued = false; // one publication per turn of the event loop, however many changes
    bool m_mayPublish = false;    // the conductor publishes once it has restored the retained view or found none
    qint64 m_seq = 0;             // published by the conductor
    qint64 m_appliedTs = -1;      // the newest view applied
    int64_t m_maxAheadMs;
    // A follower hearing only views older than the one it shows, since then (0: not so): a conductor whose clock went
    // back, or a view from the future that got through. /health says so after kStuckAfterMs.
    qint64 m_olderSinceMs = 0;
    static constexpr qint64 kStuckAfterMs = 10'000;
    std::atomic<uint64_t> m_published{0};
    std::atomic<uint64_t> m_applied{0};
    LabelCounts m_rejected{"reason", {"malformed", "invalid", "unknown_region", "ts_future", "out_of_range", "older"}};
    std::unique_ptr<metrics::Histogram> m_lag;
};

} // namespace gridwall::wall
