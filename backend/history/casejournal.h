#pragma once
// The case journal: every decoded case event is committed to the history
// before the feed returns from Paho's message callback, which is when the
// QoS 1 acknowledgement goes out. A wall killed at any moment loses none;
// one redelivered after a restart is stored once (case id, seq).

#include "historydb.h"
#include "state/alarms.h"

#include "feed/events.h"

#include <functional>
#include <vector>

namespace gridwall::history {

class CaseJournal
{
public:
    // Its own connection to the history at `path` (for the feed's thread).
    explicit CaseJournal(const QString &path);
    ~CaseJournal();
    bool ok() const { return m_db != nullptr; }
    QString error() const { return m_error; }

    // Commits the event; false when the database refused it (logged by the caller).
    // A (case id, seq) already stored is kept as it was. `journalId`: the new
    // row, or 0 when the event was there already.
    bool record(const feed::CaseEvent &event, int64_t receivedAt, int64_t *journalId = nullptr);

private:
    Connection m_db;
    std::unique_ptr<Statement> m_insert;
    QString m_error;
};

// The journal in arrival order, without the events the live state refused:
// replaying it rebuilds the cases as they were.
// The statement that journals one event (each (case id, seq) once), and its bindings.
inline constexpr const char *kCaseLogInsert =
    "INSERT OR IGNORE INTO case_log(case_id, seq, status, ts, received_at, category, source, priority, lon, lat, deadline, "
    "title, dept, assignee, grid, note, rating) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)";
void bindCaseEvent(sqlite3_stmt *insert, const feed::CaseEvent &event, int64_t receivedAt);

// A case_log row read by a query whose first 17 columns are: case_id, seq,
// status, ts, category, source, priority, lon, lat, deadline, title, dept,
// assignee, grid, note, rating, id. An unknown status gives an empty id.
feed::CaseEvent caseEventFromRow(sqlite3_stmt *row);
// Only the rows after `afterId`; each event's journalId is its row.
std::vector<feed::CaseEvent> readCaseJournal(sqlite3 *db, int64_t afterId = 0);

// Marks events the live state refused (stale or illegal), so that the
// contract's case_events view holds the accepted ones only.
struct Refusal
{
    std::string caseId;
    int64_t seq = 0;
    feed::Reject reason = feed::Reject::StaleSeq;
};
bool markRefused(sqlite3 *db, const std::vector<Refusal> &refusals, QString *error = nullptr);

// One alarm transition, as the alarm_log table keeps it.
struct AlarmTransition
{
    int64_t alarmId = 0;
    std::string phase; // raised, acknowledged, cleared
    int64_t at = 0;
    std::string kind;
    int severity = 1;
    std::string subject;
    std::string label;
    std::string district; // code; empty when unknown
    double value = 0;
};
// Appends to alarm_log, and keeps alarm_active (the alarms active now) in step.
bool recordAlarms(sqlite3 *db, int64_t run, const std::vector<AlarmTransition> &transitions, QString *error = nullptr);
// The alarms active when the last run stopped, with their district codes.
struct ActiveAlarm
{
    state::Alarm alarm; // kind, severity, phase, subject, label, raisedAt, acknowledgedAt
    std::string district;
};
std::vector<ActiveAlarm> readActiveAlarms(sqlite3 *db);

} // namespace gridwall::history
