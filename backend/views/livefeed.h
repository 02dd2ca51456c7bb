#pragma once
// The live feed as the wall sees it: owns the MQTT client, the ingest queue
// and the live state; takes one batch per frame on the GUI thread; tells
// QML how the feed is doing; measures frame and end-to-end latency.

#include "feed/feedclient.h"
#include "feed/feedstats.h"
#include "feed/ingestqueue.h"
#include "metrics/histogram.h"
#include "state/livestate.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
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
namespace gridwall::history {
class History;
class TelemetryBuckets;
}

namespace gridwall::views {

class LiveFeed : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("LiveFeed is created by the application")
    Q_PROPERTY(bool configured READ configured CONSTANT)
    Q_PROPERTY(bool connected READ connected NOTIFY statusChanged)
    Q_PROPERTY(double messagesPerSecond READ messagesPerSecond NOTIFY statusChanged)
    Q_PROPERTY(int secondsSinceLastMessage READ secondsSinceLastMessage NOTIFY statusChanged)
    Q_PROPERTY(int cases READ cases NOTIFY statusChanged)
    Q_PROPERTY(int cameras READ cameras NOTIFY statusChanged)
    Q_PROPERTY(int sensors READ sensors NOTIFY statusChanged)
    Q_PROPERTY(int workers READ workers NOTIFY statusChanged)
    Q_PROPERTY(int units READ units NOTIFY statusChanged)
    // The feed has stopped: down, or silent for longer than staleAfterSeconds.
    // Panels then dim and say their figures are as of the last message.
    Q_PROPERTY(bool stale READ stale NOTIFY statusChanged)
    Q_PROPERTY(int staleAfterSeconds READ staleAfterSeconds WRITE setStaleAfterSeconds NOTIFY statusChanged)
    // Where a corrupt history database found at start was moved (a fresh one
    // was started); empty when all is well. The operator must see this.
    Q_PROPERTY(QString historyMovedAside READ historyMovedAside CONSTANT)
    // Case events held in memory while the history database refuses writes (a full disk).
    Q_PROPERTY(int historyUnsaved READ historyUnsaved NOTIFY statusChanged)

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
    int cases() const { return int(m_state.cases().size()); }
    int cameras() const { return int(m_state.cameras().size()); }
    int sensors() const { return int(m_state.sensors().size()); }
    int workers() const { return int(m_state.workers().size()); }
    int units() const { return int(m_state.units().size()); }
    bool stale() const { return m_stale; }
    int staleAfterSeconds() const { return m_staleAfterSeconds; }
    void setStaleAfterSeconds(int seconds);
    QString historyMovedAside() const { return m_historyMovedAside; }
    int historyUnsaved() const;
    // What was restored from the history at start: stored cases, then journal events replayed.
    size_t restoredCases() const { return m_restoredCases; }
    size_t restoredEvents() const { return m_restoredEvents; }
    size_t restoredTelemetry() const { return m_restoredTelemetry; } // readings and positions
    // Readings and positions older than this at start are not shown again.
    static constexpr int64_t kRestoreTelemetryMs = 15 * 60'000;
    size_t restoredAlarms() const { return m_restoredAlarms; } // active when the last run stopped
    // How long after start an alarm raised again still counts as the one from before the restart.
    static constexpr int64_t kCarryAlarmsMs = 10 * 60'000;

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
    bool computeStale() const;
    QString caseMetrics() const;
    void restore();
    void recordRefusals();
    void recordCases();
    void recordAlarms();
    void recordCaseMoments();
    void bucketTelemetry();
    void flushTelemetry(bool everything);

    feed::FeedStats m_stats;
    feed::IngestQueue m_queue;
    state::LiveState m_state;
    std::unique_ptr<feed::FeedClient> m_client;
    history::History *m_history = nullptr;
    QString m_historyMovedAside;
    size_t m_restoredEvents = 0;
    size_t m_restoredCases = 0;
    size_t m_restoredTelemetry = 0;
    size_t m_restoredAlarms = 0;
    int64_t m_savedJournalId = 0;
    // Case records a refused write (a full disk) left out: the writer thread
    // adds them to its next write, in the transaction that moves the journal
    // mark, so that the mark never passes a record that is not on disk.
    std::shared_ptr<std::unordered_map<std::string, state::CaseRecord>> m_unwrittenCases =
        std::make_shared<std::unordered_map<std::string, state::CaseRecord>>();
    std::unique_ptr<history::TelemetryBuckets> m_telemetry;
    int m_retentionDays = 400;
    int m_staleAfterSeconds = 30;
    bool m_stale = false;
    int64_t m_lastRetentionMs = 0;
    int64_t m_run = 0;                                         // this process's start, epoch ms
    std::unordered_map<uint64_t, state::AlarmPhase> m_loggedAlarms; // the last phase logged of each open alarm
    QTimer m_frameTimer; // single shot: the next allowed drain
    std::atomic<bool> m_wakePosted{false};
    QElapsedTimer m_sinceDrain;
    QTimer m_statusTimer;
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
