#pragma once
// The live feed's pipeline: owns the MQTT client, the ingest queue and the
// live state; takes one batch per frame on the GUI thread and hands the
// state's changes to the history (history/recorder.h); measures frame and
// end-to-end latency. QML sees how it is doing through FeedStatus.

#include "feed/feedclient.h"
#include "feed/feedstats.h"
#include "feed/ingestqueue.h"
#include "metrics/histogram.h"
#include "state/livestate.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

class QQuickWindow;

namespace gridwall::geo {
class RegionTree;
}
namespace gridwall::metrics {
class Exposition;
}
namespace gridwall::history {
class History;
class HistoryRecorder;
}

namespace gridwall::views {

class LiveFeed : public QObject
{
    Q_OBJECT

public:
    // Without options the wall runs with no feed ("no feed" on screen). With a
    // region tree (which must outlive the feed) the state rolls up per region.
    // With a history the feed journals case events before acknowledging
    // them, and the state starts from the journal (docs/history.md).
    // `bounds`: how far the city's clock may run ahead, and how many entities of each kind it holds (docs/state.md).
    explicit LiveFeed(std::optional<feed::FeedOptions> options, const geo::RegionTree *tree = nullptr,
                      history::History *history = nullptr, state::LiveBounds bounds = {}, QObject *parent = nullptr);
    ~LiveFeed() override;

    void start();
    // How the history keeps telemetry: bucket width and how long (docs/history.md). Before start().
    void setHistoryPolicy(int64_t bucketMs, int retentionDays);
    // Frame-interval and end-to-end latency are measured on this window's frames.
    void attachWindow(QQuickWindow *window);

    // The broker connection, for the wall's own topics (ROOT/wall/...), or null without a feed.
    feed::FeedClient *client() const { return m_client.get(); }

    bool configured() const { return m_client != nullptr; }
    bool connected() const { return m_stats.connected.load(); }
    double messagesPerSecond() const { return m_messagesPerSecond; }
    int secondsSinceLastMessage() const;
    QString historyMovedAside() const { return m_historyMovedAside; }
    int historyUnsaved() const;
    // What goes to the history after each batch, and what came back from it at start (null without a history).
    const history::HistoryRecorder *recorder() const { return m_recorder.get(); }

    const feed::FeedStats &stats() const { return m_stats; }
    const state::LiveState &state() const { return m_state; }
    state::LiveState &state() { return m_state; }
    // Prometheus text for the feed, case, alarm, frame and latency metrics.
    QString metricsText() const;
    // Seconds since the last frame was swapped (-1: none yet).
    double secondsSinceLastFrame() const;

    // Queues an event as if it had come from the broker (replays, tests).
    void push(feed::Event event) { m_queue.push(std::move(event)); }
    // Takes and applies what the feed queued (normally driven by the frame timer).
    void drain();
    // The operator acknowledged an alarm: the state changes and the history logs it.
    bool acknowledgeAlarm(uint64_t id);

signals:
    void statusChanged();
    // A batch was applied to the live state (GUI thread): views update what
    // state().touched() lists.
    void applied();

private:
    // Drains now, or when a frame's time has passed since the last drain.
    void drainSoon();
    void onFrameSwapped();
    void updateStatus();
    void caseMetrics(metrics::Exposition &out) const;
    void handOver(); // the change sets of the state, to the history

    feed::FeedStats m_stats;
    feed::IngestQueue m_queue;
    state::LiveState m_state;
    std::unique_ptr<feed::FeedClient> m_client;
    history::History *m_history = nullptr;
    QString m_historyMovedAside;
    std::unique_ptr<history::HistoryRecorder> m_recorder;
    QTimer m_frameTimer; // single shot: the next allowed drain
    std::atomic<bool> m_wakePosted{false};
    QElapsedTimer m_sinceDrain;
    QPointer<QQuickWindow> m_window;

    metrics::Histogram m_frameSeconds;
    metrics::Histogram m_renderSeconds;
    std::atomic<int64_t> m_frameStartNs{0};
    metrics::Histogram m_latencySeconds;
    metrics::Histogram m_applySeconds;
    std::mutex m_latencyMutex;
    std::vector<int64_t> m_shownTs; // producer timestamps applied, waiting for the frame that shows them
    std::atomic<int64_t> m_lastSwapNs{0};
    QElapsedTimer m_clock;

    uint64_t m_lastReceived = 0;
    double m_messagesPerSecond = 0;
};

} // namespace gridwall::views
