#include "livefeed.h"

#include "secondtick.h"

#include "geo/regiontree.h"
#include "history/history.h"
#include "history/recorder.h"
#include "metrics/exposition.h"

#include <QQuickWindow>

#include <algorithm>
#include <chrono>
#include <climits>
#include <limits>
#include <unordered_set>

namespace gridwall::views {

namespace {

constexpr int kFrameMs = 16;          // at most one hand-over per frame at 60 Hz
constexpr size_t kLatencySamples = 512; // per batch: enough for percentiles, bounded work

} // namespace

LiveFeed::LiveFeed(std::optional<feed::FeedOptions> options, const geo::RegionTree *tree, history::History *history,
                   state::LiveBounds bounds, QObject *parent)
    : QObject(parent)
    , m_queue(m_stats)
    , m_state(m_stats, tree, {}, bounds)
    , m_history(history)
    , m_frameSeconds({0.008, 0.012, 0.017, 0.025, 0.034, 0.050, 0.1, 0.25, 0.5, 1, 2})
    , m_renderSeconds({0.001, 0.002, 0.003, 0.004, 0.005, 0.006, 0.008, 0.010, 0.012, 0.014, 0.016, 0.020, 0.025, 0.033, 0.040,
                       0.050, 0.066, 0.1, 0.2, 0.5})
    , m_latencySeconds({0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.0125, 0.015, 0.0175, 0.02, 0.025, 0.03, 0.035, 0.04, 0.045,
                        0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.125, 0.15, 0.2, 0.3, 0.5, 1, 2, 5})
    , m_applySeconds({0.0001, 0.00025, 0.0005, 0.00075, 0.001, 0.0015, 0.002, 0.003, 0.004, 0.006, 0.008, 0.012, 0.016, 0.033, 0.1})
{
    m_clock.start();
    if (options)
        m_client = std::make_unique<feed::FeedClient>(std::move(*options), m_queue, m_stats);
    if (m_history) {
        m_historyMovedAside = m_history->movedAside();
        m_recorder = std::make_unique<history::HistoryRecorder>(*m_history, m_state);
        m_recorder->restore();
        // Replayed events were received before: count only what arrives from now on.
        for (auto &count : m_stats.rejected)
            count.store(0);
        if (m_client)
            m_client->setCaseSink([h = m_history](feed::CaseEvent &e) { h->recordCase(e, feed::epochMs()); });
    }
    // The first message after a quiet spell wakes the GUI thread at once; under
    // load batches are taken at most once a frame, never once a message.
    m_queue.setWakeUp([this] {
        if (!m_wakePosted.exchange(true))
            QMetaObject::invokeMethod(this, &LiveFeed::drainSoon, Qt::QueuedConnection);
    });
    m_frameTimer.setTimerType(Qt::PreciseTimer);
    m_frameTimer.setSingleShot(true);
    connect(&m_frameTimer, &QTimer::timeout, this, &LiveFeed::drain);
}

LiveFeed::~LiveFeed()
{
    // The window's render thread calls onFrameSwapped directly: no call may start once this is going.
    if (m_window)
        disconnect(m_window, nullptr, this, nullptr);
    if (m_client)
        m_client->stop();
}

void LiveFeed::setHistoryPolicy(int64_t bucketMs, int retentionDays)
{
    if (m_recorder)
        m_recorder->setPolicy(bucketMs, retentionDays);
}

void LiveFeed::handOver()
{
    if (m_recorder) {
        m_recorder->recordBatch();
        return;
    }
    // No history: the change sets are let go, or they would pile up.
    m_state.takeAlarmChanges();
    m_state.takeCaseMoments();
}

void LiveFeed::start()
{
    if (!m_client)
        return;
    m_client->start();
    connect(&SecondTick::instance(), &SecondTick::second, this, &LiveFeed::updateStatus, Qt::UniqueConnection);
}

void LiveFeed::attachWindow(QQuickWindow *window)
{
    m_window = window;
    connect(window, &QQuickWindow::frameSwapped, this, &LiveFeed::onFrameSwapped, Qt::DirectConnection);
    // A frame's own time on the render thread: scene-graph sync, drawing and the swap (where a software
    // rasteriser does its work; on a GPU with vsync the swap may also wait for the display).
    connect(window, &QQuickWindow::beforeSynchronizing, this, [this] { m_frameStartNs.store(m_clock.nsecsElapsed()); },
            Qt::DirectConnection);
}

void LiveFeed::drainSoon()
{
    if (m_frameTimer.isActive())
        return; // a drain is already due
    const qint64 since = m_sinceDrain.isValid() ? m_sinceDrain.elapsed() : kFrameMs;
    if (since >= kFrameMs)
        drain();
    else
        m_frameTimer.start(int(kFrameMs - since));
}

void LiveFeed::drain()
{
    m_sinceDrain.start();
    // Cleared before taking: a message pushed from now on wakes us again.
    m_wakePosted = false;
    feed::Batch batch = m_queue.take();
    if (batch.empty())
        return;
    {
        std::lock_guard lock(m_latencyMutex);
        for (const auto *list : {&batch.events, &batch.positions}) {
            for (const feed::Event &e : *list) {
                if (m_shownTs.size() >= kLatencySamples)
                    break;
                m_shownTs.push_back(feed::timestampOf(e));
            }
        }
    }
    // The GUI thread's share of a frame's updates: the state, the history's hand-over, the views.
    const int64_t startNs = m_clock.nsecsElapsed();
    m_state.apply(std::move(batch), feed::epochMs());
    handOver();
    emit applied();
    m_applySeconds.observe(double(m_clock.nsecsElapsed() - startNs) / 1e9);
    if (m_window)
        m_window->update();
}

void LiveFeed::onFrameSwapped()
{
    // Render thread (or GUI thread with the basic render loop).
    const int64_t nowNs = m_clock.nsecsElapsed();
    if (const int64_t start = m_frameStartNs.exchange(0); start > 0)
        m_renderSeconds.observe(double(nowNs - start) / 1e9);
    const int64_t lastNs = m_lastSwapNs.exchange(nowNs);
    if (lastNs > 0)
        m_frameSeconds.observe(double(nowNs - lastNs) / 1e9);
    std::vector<int64_t> shown;
    {
        std::lock_guard lock(m_latencyMutex);
        shown.swap(m_shownTs);
    }
    const int64_t now = feed::epochMs();
    for (int64_t ts : shown)
        m_latencySeconds.observe(double(now - ts) / 1000.0);
}

void LiveFeed::caseMetrics(metrics::Exposition &out) const
{
    // Per district, by code and name; cases in no district count as "none".
    using metrics::Exposition;
    const state::Rollups &rollups = m_state.rollups();
    const geo::RegionTree *tree = m_state.tree();
    const auto perDistrict = [&](const char *name, const char *help, int state::RegionFigures::*figure) {
        out.family(name, help, Exposition::Gauge);
        int inDistricts = 0;
        if (tree) {
            for (int index : tree->level(geo::Level::District)) {
                const geo::Region &region = tree->region(index);
                const int n = rollups.region(index).*figure;
                out.sample({{"district", region.code}, {"name", region.name}}, n);
                inDistricts += n;
            }
        }
        out.sample({{"district", u"none"}, {"name", u""}}, rollups.city().*figure - inDistricts);
    };
    perDistrict("gridwall_cases_open", "Open cases (not closed or rejected), per district.", &state::RegionFigures::open);
    perDistrict("gridwall_cases_overdue", "Cases in hand past their deadline, per district.", &state::RegionFigures::overdue);
    out.family("gridwall_alarms_active", "Alarms raised or acknowledged and not cleared, per severity (4 critical).", Exposition::Gauge);
    for (int severity = 1; severity <= state::kSeverityCount; ++severity)
        out.sample({{"severity", QString::number(severity)}}, m_state.alarms().activeCount(severity));
    out.family("gridwall_alarms_raised_10m",
               "Alarms raised in the last 10 minutes, per severity: the rate an operator faces (EEMUA 191: over 10 is a flood).",
               Exposition::Gauge);
    for (int severity = 1; severity <= state::kSeverityCount; ++severity)
        out.sample({{"severity", QString::number(severity)}}, m_state.alarms().raisedWithin(severity, m_state.now()));
    out.family("gridwall_alarms_shelved", "Active alarms the operator's shelves keep out of the lanes.", Exposition::Gauge);
    out.sample(m_state.alarms().shelvedCount());
    out.family("gridwall_alarm_shelves", "Shelves in place (a group or a subject's alarms, with a reason, until a time).",
               Exposition::Gauge);
    out.sample(m_state.alarms().shelves().size());
    out.family("gridwall_cases_flagged", "Cases that received an illegal transition.", Exposition::Gauge);
    out.sample(m_state.flaggedCases());
}

bool LiveFeed::acknowledgeAlarm(uint64_t id)
{
    if (!m_state.acknowledgeAlarm(id))
        return false;
    // Only the alarm changed: the last batch's change sets were handed over with it already.
    if (m_recorder)
        m_recorder->recordAlarms();
    else
        m_state.takeAlarmChanges();
    return true;
}

double LiveFeed::secondsSinceLastFrame() const
{
    const int64_t last = m_lastSwapNs.load();
    return last > 0 ? double(m_clock.nsecsElapsed() - last) / 1e9 : -1;
}

int LiveFeed::secondsSinceLastMessage() const
{
    const int64_t last = m_stats.lastMessageMs.load();
    return last > 0 ? int((feed::epochMs() - last) / 1000) : -1;
}

int LiveFeed::historyUnsaved() const
{
    return m_history ? int(std::min<size_t>(m_history->unsaved(), INT_MAX)) : 0;
}

void LiveFeed::updateStatus()
{
    // Deadlines pass and devices fall silent without any message arriving.
    m_state.tick(feed::epochMs());
    if (m_recorder)
        m_recorder->recordTick();
    else
        handOver();
    if (!m_state.touched().empty() || !m_state.removed().empty())
        emit applied(); // deadlines passed: the views restyle those cases
    const uint64_t received = m_stats.totalReceived();
    m_messagesPerSecond = double(received - m_lastReceived);
    m_lastReceived = received;
    emit statusChanged();
}

QString LiveFeed::metricsText() const
{
    using metrics::Exposition;
    Exposition out(16 * 1024);
    out.family("gridwall_messages_received_total", "Messages accepted by the decoder, per feed.", Exposition::Counter);
    for (int f = 0; f < feed::kFeedCount; ++f)
        out.sample({{"feed", feed::feedName(feed::Feed(f))}}, m_stats.received[size_t(f)].load());
    out.family("gridwall_messages_rejected_total", "Messages dropped as malformed or out of order, per reason.", Exposition::Counter);
    for (int r = 0; r < feed::kRejectCount; ++r)
        out.sample({{"reason", feed::rejectName(feed::Reject(r))}}, m_stats.rejected[size_t(r)].load());
    out.family("gridwall_messages_coalesced_total", "Positions and readings replaced by a newer one within a frame.", Exposition::Counter);
    out.sample(m_stats.coalesced.load());
    out.family("gridwall_mqtt_connected", "1 while connected to the broker.", Exposition::Gauge);
    out.sample(m_stats.connected.load() ? 1 : 0);
    out.family("gridwall_mqtt_connects_total", "Successful connections and reconnections.", Exposition::Counter);
    out.sample(m_stats.connects.load());
    out.family("gridwall_feed_queue_depth", "Messages waiting for the next frame.", Exposition::Gauge);
    out.sample(m_queue.depth());
    out.family("gridwall_live_entities", "Entities in the live state, per kind.", Exposition::Gauge);
    const std::pair<const char *, size_t> entities[] = {
        {"case", m_state.cases().size()},     {"camera", m_state.cameras().size()}, {"sensor", m_state.sensors().size()},
        {"grid", m_state.grids().size()},     {"worker", m_state.workers().size()}, {"unit", m_state.units().size()},
        {"poi", m_state.pois().size()},
    };
    for (const auto &[kind, n] : entities)
        out.sample({{"kind", kind}}, n);
    out.family("gridwall_live_limit", "The most entities of a kind the live state holds (docs/state.md).", Exposition::Gauge);
    for (int k = 0; k < state::kBoundedCount; ++k)
        out.sample({{"kind", state::kBoundedNames[size_t(k)]}}, m_state.bounds().limit[size_t(k)]);
    out.family("gridwall_live_evicted_total",
               "Entities that left the live state (not the history) because their kind was over its limit, least recently heard first.",
               Exposition::Counter);
    for (int k = 0; k < state::kBoundedCount; ++k)
        out.sample({{"kind", state::kBoundedNames[size_t(k)]}}, m_state.evicted(state::Bounded(k)));
    caseMetrics(out);
    out.family("gridwall_events_persisted_total", "Case events committed to the history before their acknowledgement.", Exposition::Counter);
    out.sample(m_history ? m_history->persisted() : 0);
    out.family("gridwall_history_errors_total", "Writes the history database refused.", Exposition::Counter);
    out.sample(m_history ? m_history->errors() : 0);
    out.family("gridwall_history_unsaved",
               "Case events accepted while the database refused writes, held in memory until it takes them.", Exposition::Gauge);
    out.sample(m_history ? m_history->unsaved() : 0);
    out.family("gridwall_history_unsaved_dropped_total",
               "Case events not kept for the history: the memory held for a refusing database was full.", Exposition::Counter);
    out.sample(m_history ? m_history->unsavedDropped() : 0);
    m_frameSeconds.write(out, "gridwall_frame_seconds", "Intervals between frames swapped.");
    m_renderSeconds.write(out, "gridwall_frame_time_seconds", "Render-thread time per frame: scene-graph sync, drawing and swap.");
    m_latencySeconds.write(out, "gridwall_e2e_latency_seconds", "Payload ts to the frame that first showed it.");
    m_applySeconds.write(out, "gridwall_apply_seconds", "GUI-thread time to apply one frame's batch: state, history hand-over, views.");
    return out.text();
}

} // namespace gridwall::views
