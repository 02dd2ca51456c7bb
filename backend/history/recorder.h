#pragma once
// The history's side of the live feed: after every batch the live state
// applies (and every second's tick), the state's change sets -- cases
// touched, refusals, alarm transitions, case moments for the hourly series,
// readings and positions -- are handed to the history's writer thread, in
// the frame budget but never waiting on the disk. At start it restores the
// live state from the history (docs/history.md).

#include "history/history.h"
#include "state/livestate.h"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

namespace gridwall::history {

class TelemetryBuckets;

class HistoryRecorder
{
public:
    // Both outlive the recorder.
    HistoryRecorder(History &history, state::LiveState &state);
    ~HistoryRecorder(); // the telemetry buckets still open are written
    HistoryRecorder(const HistoryRecorder &) = delete;
    HistoryRecorder &operator=(const HistoryRecorder &) = delete;

    // How telemetry is kept: bucket width and how long (docs/history.md). Before the first batch.
    void setPolicy(int64_t bucketMs, int retentionDays);
    // The live state from the history: stored cases, the journal after them, the alarms active and the
    // last readings and positions. Once, before the feed starts.
    void restore();
    // What the batch just applied changed.
    void recordBatch();
    // What a tick of the state's clock changed (deadlines passed, devices silent), and telemetry buckets closed.
    void recordTick();
    // An alarm acknowledged by the operator.
    void recordAlarms();

    // What restore() brought back: stored cases, journal events replayed, readings and positions, active alarms.
    size_t restoredCases() const { return m_restoredCases; }
    size_t restoredEvents() const { return m_restoredEvents; }
    size_t restoredTelemetry() const { return m_restoredTelemetry; }
    size_t restoredAlarms() const { return m_restoredAlarms; }
    // Readings and positions older than this at start are not shown again.
    static constexpr int64_t kRestoreTelemetryMs = 15 * 60'000;
    // How long after start an alarm raised again still counts as the one from before the restart.
    static constexpr int64_t kCarryAlarmsMs = 10 * 60'000;

private:
    void recordRefusals();
    void recordCases();
    void recordCaseMoments();
    void bucketTelemetry();
    void flushTelemetry(bool everything);

    History &m_history;
    state::LiveState &m_state;
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
    std::unique_ptr<TelemetryBuckets> m_telemetry;
    int m_retentionDays = 400;
    int64_t m_lastRetentionMs = 0;
    int64_t m_run = 0;                                              // this process's start, epoch ms
    std::unordered_map<uint64_t, state::AlarmPhase> m_loggedAlarms; // the last phase logged of each open alarm
};

} // namespace gridwall::history
