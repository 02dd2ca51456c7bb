#include "recorder.h"

#include "geo/regiontree.h"
#include "history/casestate.h"
#include "history/kpi.h"
#include "history/telemetry.h"
#include "history/timeline.h"

#include <algorithm>
#include <unordered_set>

namespace gridwall::history {

HistoryRecorder::HistoryRecorder(History &history, state::LiveState &state)
    : m_history(history)
    , m_state(state)
    , m_telemetry(std::make_unique<TelemetryBuckets>(60'000))
    , m_run(feed::epochMs())
{
}

HistoryRecorder::~HistoryRecorder()
{
    flushTelemetry(true);
}

void HistoryRecorder::setPolicy(int64_t bucketMs, int retentionDays)
{
    m_telemetry = std::make_unique<TelemetryBuckets>(bucketMs);
    m_retentionDays = retentionDays;
}

void HistoryRecorder::recordBatch()
{
    recordRefusals();
    recordCases();
    recordAlarms();
    recordCaseMoments();
    bucketTelemetry();
}

void HistoryRecorder::recordTick()
{
    recordAlarms();
    recordCaseMoments();
    flushTelemetry(false);
}

void HistoryRecorder::restore()
{
    // The stored cases that the live state still holds (open, or ended within
    // kKeepEndedMs), then the journal after the point they reach, replayed
    // through the same state machine.
    const int64_t now = feed::epochMs();
    // What a producer's clock from the future left in the history goes first (docs/history.md).
    m_history.repairFuture(now + m_state.bounds().maxAheadMs);
    History::Saved saved = m_history.readSaved(now - state::kKeepEndedMs, now - kRestoreTelemetryMs);
    m_restoredCases = saved.cases.size();
    // The alarms active before: raised again below (overdue cases, readings) or as the feeds come back
    // (silence, sensor levels), keeping their raise times and acknowledgements.
    std::vector<state::Alarm> before;
    std::vector<feed::CameraEvent> cameraEvents;
    for (ActiveAlarm &a : saved.alarms) {
        // A camera event has no retained message to repeat it: it comes back from the record, for the rest of its hold.
        const int type = nameIndex(feed::kCameraEventTypeNames, a.alarm.label);
        if (a.alarm.kind == state::AlarmKind::CameraEvent && type >= 0 &&
            a.alarm.raisedAt + m_state.alarms().config().cameraEventHoldMs > now)
            cameraEvents.push_back({a.alarm.subject, a.alarm.raisedAt, feed::CameraEventType(type), a.alarm.severity, {}});
        before.push_back(std::move(a.alarm));
    }
    m_restoredAlarms = before.size();
    m_state.alarms().carryOver(before, now + kCarryAlarmsMs);
    for (auto &[id, record] : saved.cases)
        m_state.restoreCase(id, std::move(record), now);
    m_state.takeCaseMoments(); // counted in the hourly series before the restart
    std::vector<feed::CaseEvent> &events = saved.journal;
    m_restoredEvents = events.size();
    constexpr size_t kBatch = 4096;
    for (size_t i = 0; i < events.size(); i += kBatch) {
        feed::Batch batch;
        const size_t end = std::min(events.size(), i + kBatch);
        batch.events.reserve(end - i);
        for (size_t j = i; j < end; ++j)
            batch.events.emplace_back(std::move(events[j]));
        m_state.apply(std::move(batch), feed::epochMs());
        recordRefusals();
        recordCases();
        recordCaseMoments();
    }
    // The cases rebuilt from their journal are stored again (written before this, in order): none is left to rebuild,
    // unless a write was refused (then the next start rebuilds them again).
    m_history.post([unwritten = m_unwrittenCases, h = &m_history](sqlite3 *db) {
        if (unwritten->empty() && !exec(db, "DELETE FROM case_rebuild"))
            h->countError();
    });
    // The last readings and positions stored (up to a bucket behind), until the feeds send newer ones.
    LatestTelemetry &latest = saved.telemetry;
    m_restoredTelemetry = latest.readings.size() + latest.workers.size() + latest.units.size();
    if (m_restoredTelemetry + cameraEvents.size() > 0) {
        feed::Batch batch;
        batch.events.reserve(m_restoredTelemetry + cameraEvents.size());
        for (feed::CameraEvent &e : cameraEvents)
            batch.events.emplace_back(std::move(e));
        for (feed::SensorReading &r : latest.readings)
            batch.events.emplace_back(std::move(r));
        for (feed::WorkerPosition &w : latest.workers)
            batch.events.emplace_back(std::move(w));
        for (feed::UnitPosition &u : latest.units)
            batch.events.emplace_back(std::move(u));
        m_state.apply(std::move(batch), feed::epochMs());
    }
    m_state.tick(feed::epochMs());
    recordCaseMoments();
}

void HistoryRecorder::recordCases()
{
    // The records of the cases this batch changed, and how far into the journal they reach.
    std::vector<CaseRow> rows;
    std::unordered_set<const std::string *> seen;
    for (const state::LiveState::Touched &t : m_state.touched()) {
        if (t.feed != feed::Feed::Case || !seen.insert(t.id).second)
            continue;
        rows.emplace_back(*t.id, m_state.cases().at(*t.id));
    }
    const int64_t journalId = m_state.journalHighWater();
    if (rows.empty() && journalId <= m_savedJournalId)
        return;
    m_savedJournalId = journalId;
    m_history.post([rows = std::move(rows), journalId, unwritten = m_unwrittenCases, h = &m_history](sqlite3 *db) mutable {
        if (!unwritten->empty()) {
            // Left out before (a case may have ended and left the live state since): they go first, newer rows replace them.
            for (CaseRow &row : rows)
                unwritten->insert_or_assign(std::move(row.first), std::move(row.second));
            rows.assign(unwritten->begin(), unwritten->end());
        }
        if (writeCaseState(db, rows, journalId)) {
            unwritten->clear();
            return;
        }
        h->countError();
        for (CaseRow &row : rows)
            unwritten->insert_or_assign(std::move(row.first), std::move(row.second));
    });
}

void HistoryRecorder::recordCaseMoments()
{
    std::vector<state::LiveState::CaseMoment> moments = m_state.takeCaseMoments();
    if (moments.empty())
        return;
    // Each moment adds to its region's hour and to every region above it, and the city's.
    std::vector<RegionHourDelta> deltas;
    const geo::RegionTree *tree = m_state.tree();
    for (const state::LiveState::CaseMoment &m : moments) {
        RegionHourDelta d;
        d.hour = m.at - ((m.at % state::kHourMs) + state::kHourMs) % state::kHourMs;
        d.reported = m.kind == state::LiveState::CaseMoment::Reported;
        d.closed = m.kind == state::LiveState::CaseMoment::Closed;
        d.overdue = m.kind == state::LiveState::CaseMoment::WentOverdue;
        if (d.closed && m.handlingMs >= 0) {
            d.handlingMs = m.handlingMs;
            d.handled = 1;
        }
        for (int r = m.region; tree && r >= 0; r = tree->region(r).parent) {
            d.region = tree->region(r).code.toStdString();
            deltas.push_back(d);
        }
        d.region = "city";
        deltas.push_back(std::move(d));
    }
    m_history.post([deltas = std::move(deltas), h = &m_history](sqlite3 *db) {
        if (!addRegionHours(db, deltas))
            h->countError();
    });
}

void HistoryRecorder::bucketTelemetry()
{
    for (const state::LiveState::Touched &t : m_state.touched()) {
        switch (t.feed) {
        case feed::Feed::SensorReading:
            if (const auto &r = m_state.sensors().at(*t.id).reading)
                m_telemetry->reading(*t.id, r->ts, r->value);
            break;
        case feed::Feed::Worker: {
            const feed::WorkerPosition &w = m_state.workers().at(*t.id);
            m_telemetry->position(*t.id, false, w.ts, w.position, feed::kWorkerStatusNames[size_t(w.status)], w.name);
            break;
        }
        case feed::Feed::Unit: {
            const feed::UnitPosition &u = m_state.units().at(*t.id);
            m_telemetry->position(*t.id, true, u.ts, u.position, u.status, feed::kUnitKindNames[size_t(u.kind)]);
            break;
        }
        default: break;
        }
    }
}

void HistoryRecorder::flushTelemetry(bool everything)
{
    if (!m_telemetry)
        return;
    std::vector<ReadingBucket> readings;
    std::vector<PositionBucket> positions;
    m_telemetry->takeClosed(m_state.now(), readings, positions, everything);
    const int64_t now = m_state.now();
    const bool retention = now - m_lastRetentionMs > state::kHourMs;
    if (retention)
        m_lastRetentionMs = now;
    if (readings.empty() && positions.empty() && !retention)
        return;
    m_history.post([readings = std::move(readings), positions = std::move(positions), h = &m_history,
                     before = retention ? now - int64_t(m_retentionDays) * state::kDayMs : 0](sqlite3 *db) {
        if (!writeTelemetry(db, readings, positions))
            h->countError();
        if (before > 0 && !applyRetention(db, before))
            h->countError();
    });
}

void HistoryRecorder::recordRefusals()
{
    if (m_state.refused().empty())
        return;
    std::vector<Refusal> refusals;
    refusals.reserve(m_state.refused().size());
    for (const state::LiveState::Refused &r : m_state.refused())
        refusals.push_back({r.id, r.seq, r.reason});
    m_history.refuse(std::move(refusals));
}

void HistoryRecorder::recordAlarms()
{
    std::vector<state::Alarm> changes = m_state.takeAlarmChanges();
    if (changes.empty())
        return;
    // A change reports the alarm as it is now; every step since the last one logged is written.
    std::vector<AlarmTransition> transitions;
    const auto log = [&](const state::Alarm &a, const char *phase, int64_t at) {
        std::string district;
        if (const geo::RegionTree *tree = m_state.tree(); tree && a.district >= 0)
            district = tree->region(a.district).code.toStdString();
        transitions.push_back({int64_t(a.id), phase, at, state::alarmKindName(a.kind), a.severity, a.subject, a.label,
                               std::move(district), a.value});
    };
    for (const state::Alarm &a : changes) {
        const auto it = m_loggedAlarms.find(a.id);
        const bool known = it != m_loggedAlarms.end();
        if (!known || (a.phase == state::AlarmPhase::Raised && it->second == state::AlarmPhase::Acknowledged))
            log(a, "raised", known ? m_state.now() : a.raisedAt);
        if (a.acknowledgedAt > 0 && (!known || it->second == state::AlarmPhase::Raised))
            log(a, "acknowledged", a.acknowledgedAt);
        if (a.phase == state::AlarmPhase::Cleared) {
            log(a, "cleared", a.clearedAt);
            m_loggedAlarms.erase(a.id);
        } else {
            m_loggedAlarms[a.id] = a.phase;
        }
    }
    m_history.post([transitions = std::move(transitions), run = m_run, h = &m_history](sqlite3 *db) {
        if (!history::recordAlarms(db, run, transitions))
            h->countError();
    });
}


} // namespace gridwall::history
