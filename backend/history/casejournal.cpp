#include "casejournal.h"

#include <algorithm>
#include <string_view>

namespace gridwall::history {

using namespace gridwall::feed;

namespace {

} // namespace

CaseJournal::CaseJournal(const QString &path)
    : m_db(connectHistory(path, &m_error))
{
    // Checkpoints are the writer thread's job: copying WAL pages back inside
    // Paho's callback would delay every acknowledgement behind them.
    if (m_db)
        exec(m_db.get(), "PRAGMA wal_autocheckpoint=0");
    if (m_db)
        m_insert = std::make_unique<Statement>(m_db.get(), kCaseLogInsert);
    if (m_db && !*m_insert) {
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db.get()));
        m_db.reset();
    }
}

CaseJournal::~CaseJournal()
{
    m_insert.reset(); // finalised before its connection closes
}

void bindCaseEvent(sqlite3_stmt *s, const CaseEvent &e, int64_t receivedAt)
{
    bindText(s, 1, e.id);
    sqlite3_bind_int64(s, 2, e.seq);
    bindText(s, 3, kCaseStatusNames[size_t(e.status)]);
    sqlite3_bind_int64(s, 4, e.ts);
    sqlite3_bind_int64(s, 5, receivedAt);
    bindText(s, 6, e.category);
    if (e.source)
        bindText(s, 7, kCaseSourceNames[size_t(*e.source)]);
    if (e.priority > 0)
        sqlite3_bind_int(s, 8, e.priority);
    if (e.position) {
        sqlite3_bind_double(s, 9, e.position->lon);
        sqlite3_bind_double(s, 10, e.position->lat);
    }
    if (e.deadline > 0)
        sqlite3_bind_int64(s, 11, e.deadline);
    bindText(s, 12, e.title);
    bindText(s, 13, e.dept);
    bindText(s, 14, e.assignee);
    bindText(s, 15, e.grid);
    bindText(s, 16, e.note);
    if (e.rating > 0)
        sqlite3_bind_int(s, 17, e.rating);
}

bool CaseJournal::record(const CaseEvent &e, int64_t receivedAt, int64_t *journalId)
{
    if (!m_db)
        return false;
    sqlite3_stmt *s = m_insert->get();
    bindCaseEvent(s, e, receivedAt);
    // Autocommit: the statement is its own transaction, in the WAL when it returns.
    const bool done = sqlite3_step(s) == SQLITE_DONE;
    if (!done)
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db.get()));
    if (journalId)
        *journalId = done && sqlite3_changes(m_db.get()) > 0 ? sqlite3_last_insert_rowid(m_db.get()) : 0;
    m_insert->reset();
    return done;
}

CaseEvent caseEventFromRow(sqlite3_stmt *q)
{
    CaseEvent e;
    const int status = nameIndex(kCaseStatusNames, columnText(q, 2));
    if (status < 0)
        return e;
    e.id = columnText(q, 0);
    e.seq = sqlite3_column_int64(q, 1);
    e.status = CaseStatus(status);
    e.ts = sqlite3_column_int64(q, 3);
    e.category = columnText(q, 4);
    if (const int source = nameIndex(kCaseSourceNames, columnText(q, 5)); source >= 0)
        e.source = CaseSource(source);
    e.priority = sqlite3_column_int(q, 6);
    if (sqlite3_column_type(q, 7) != SQLITE_NULL)
        e.position = GeoPoint{sqlite3_column_double(q, 7), sqlite3_column_double(q, 8)};
    e.deadline = sqlite3_column_int64(q, 9);
    e.title = columnText(q, 10);
    e.dept = columnText(q, 11);
    e.assignee = columnText(q, 12);
    e.grid = columnText(q, 13);
    e.note = columnText(q, 14);
    e.rating = sqlite3_column_int(q, 15);
    e.journalId = sqlite3_column_int64(q, 16);
    return e;
}

std::vector<CaseEvent> readCaseJournal(sqlite3 *db, int64_t afterId)
{
    std::vector<CaseEvent> events;
    // Cases to rebuild (case_rebuild) are replayed whole: their stored record is gone.
    Statement s(db, "SELECT case_id, seq, status, ts, category, source, priority, lon, lat, deadline, title, dept, assignee, "
                    "grid, note, rating, id FROM case_log WHERE id > ?1 AND refused IS NULL UNION ALL "
                    "SELECT case_id, seq, status, ts, category, source, priority, lon, lat, deadline, title, dept, assignee, "
                    "grid, note, rating, id FROM case_log WHERE case_id IN (SELECT case_id FROM case_rebuild) AND id <= ?1 "
                    "AND refused IS NULL ORDER BY 17");
    if (!s)
        return events;
    sqlite3_stmt *q = s.get();
    sqlite3_bind_int64(q, 1, afterId);
    while (sqlite3_step(q) == SQLITE_ROW) {
        CaseEvent e = caseEventFromRow(q);
        if (e.id.empty())
            continue; // a status written by a newer build: not ours to guess
        events.push_back(std::move(e));
    }
    return events;
}

bool markRefused(sqlite3 *db, const std::vector<Refusal> &refusals, QString *error)
{
    if (refusals.empty())
        return true;
    return writeTransaction(db, error, [&] {
        Statement s(db, "UPDATE case_log SET refused = ?1 WHERE case_id = ?2 AND seq = ?3 AND refused IS NULL");
        bool ok = bool(s);
        for (const Refusal &r : refusals) {
            if (!ok)
                break;
            sqlite3_bind_text(s.get(), 1, rejectName(r.reason), -1, SQLITE_STATIC);
            bindText(s.get(), 2, r.caseId);
            sqlite3_bind_int64(s.get(), 3, r.seq);
            ok = sqlite3_step(s.get()) == SQLITE_DONE;
            s.reset();
        }
        return ok;
    });
}

bool recordAlarms(sqlite3 *db, int64_t run, const std::vector<AlarmTransition> &transitions, QString *error)
{
    if (transitions.empty())
        return true;
    return writeTransaction(db, error, [&] {
        Statement s(db, "INSERT INTO alarm_log(run, alarm_id, phase, at, kind, severity, subject, label, district, value) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
        // The active set: a raise (again, after an acknowledgement: an escalation) keeps the first raise time.
        Statement raised(db, "INSERT INTO alarm_active(kind, subject, label, phase, severity, district, raised_at) "
                             "VALUES (?1, ?2, ?3, 'raised', ?4, ?5, ?6) ON CONFLICT(kind, subject, label) DO UPDATE SET "
                             "phase = 'raised', severity = excluded.severity, acknowledged_at = NULL, "
                             "raised_at = min(raised_at, excluded.raised_at)");
        Statement acknowledged(db, "UPDATE alarm_active SET phase = 'acknowledged', acknowledged_at = ?4 "
                                   "WHERE kind = ?1 AND subject = ?2 AND label = ?3");
        Statement cleared(db, "DELETE FROM alarm_active WHERE kind = ?1 AND subject = ?2 AND label = ?3");
        bool ok = s && raised && acknowledged && cleared;
        for (const AlarmTransition &t : transitions) {
            if (!ok)
                break;
            sqlite3_stmt *a = t.phase == "raised" ? raised.get() : t.phase == "acknowledged" ? acknowledged.get() : cleared.get();
            bindText(a, 1, t.kind);
            sqlite3_bind_text(a, 2, t.subject.data(), int(t.subject.size()), SQLITE_STATIC); // never NULL: part of the key
            sqlite3_bind_text(a, 3, t.label.data(), int(t.label.size()), SQLITE_STATIC);
            if (a == raised.get()) {
                sqlite3_bind_int(a, 4, t.severity);
                bindText(a, 5, t.district);
                sqlite3_bind_int64(a, 6, t.at);
            } else if (a == acknowledged.get()) {
                sqlite3_bind_int64(a, 4, t.at);
            }
            ok = sqlite3_step(a) == SQLITE_DONE;
            sqlite3_reset(a);
            if (!ok)
                break;
            sqlite3_stmt *q = s.get();
            sqlite3_bind_int64(q, 1, run);
            sqlite3_bind_int64(q, 2, t.alarmId);
            bindText(q, 3, t.phase);
            sqlite3_bind_int64(q, 4, t.at);
            bindText(q, 5, t.kind);
            sqlite3_bind_int(q, 6, t.severity);
            bindText(q, 7, t.subject);
            bindText(q, 8, t.label);
            bindText(q, 9, t.district);
            sqlite3_bind_double(q, 10, t.value);
            ok = sqlite3_step(q) == SQLITE_DONE;
            s.reset();
        }
        return ok;
    });
}

std::vector<ActiveAlarm> readActiveAlarms(sqlite3 *db)
{
    std::vector<ActiveAlarm> alarms;
    Statement s(db, "SELECT kind, subject, label, phase, severity, district, raised_at, acknowledged_at FROM alarm_active");
    while (s && sqlite3_step(s.get()) == SQLITE_ROW) {
        sqlite3_stmt *q = s.get();
        ActiveAlarm a;
        const std::string kind = columnText(q, 0);
        int k = 0;
        while (k < state::kAlarmKindCount && kind != state::alarmKindName(state::AlarmKind(k)))
            ++k;
        if (k == state::kAlarmKindCount)
            continue;
        a.alarm.kind = state::AlarmKind(k);
        a.alarm.subject = columnText(q, 1);
        a.alarm.label = columnText(q, 2);
        a.alarm.phase = columnText(q, 3) == "acknowledged" ? state::AlarmPhase::Acknowledged : state::AlarmPhase::Raised;
        a.alarm.severity = sqlite3_column_int(q, 4);
        a.district = columnText(q, 5);
        a.alarm.raisedAt = sqlite3_column_int64(q, 6);
        a.alarm.acknowledgedAt = sqlite3_column_int64(q, 7);
        alarms.push_back(std::move(a));
    }
    return alarms;
}

} // namespace gridwall::history
