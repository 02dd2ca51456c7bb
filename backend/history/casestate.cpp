#include "casestate.h"

#include <algorithm>
#include <cstring>
#include <string_view>

namespace gridwall::history {

using namespace gridwall::feed;

namespace {

constexpr const char *kColumns =
    "case_id, seq, seen_seqs, status, reported_ts, updated_ts, status_since, resolved_ts, closed_ts, handling_ms, "
    "ms_in_status, category, source, title, priority, lon, lat, deadline, grid, dept, assignee, illegal";

} // namespace

bool writeCaseState(sqlite3 *db, const std::vector<CaseRow> &cases, int64_t journalId, QString *error)
{
    return writeTransaction(db, error, [&] {
        const std::string sql = std::string("INSERT OR REPLACE INTO case_state(") + kColumns +
                                ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
                                "?20, ?21, ?22)";
        Statement s(db, sql.c_str());
        bool ok = bool(s);
        for (const auto &[id, c] : cases) {
            if (!ok)
                break;
            sqlite3_stmt *q = s.get();
            bindText(q, 1, id);
            sqlite3_bind_int64(q, 2, c.seq);
            sqlite3_bind_int64(q, 3, int64_t(c.seenSeqs));
            bindText(q, 4, kCaseStatusNames[size_t(c.status)]);
            sqlite3_bind_int64(q, 5, c.reportedTs);
            sqlite3_bind_int64(q, 6, c.updatedTs);
            sqlite3_bind_int64(q, 7, c.statusSince);
            sqlite3_bind_int64(q, 8, c.resolvedTs);
            sqlite3_bind_int64(q, 9, c.closedTs);
            sqlite3_bind_int64(q, 10, c.handlingMs);
            sqlite3_bind_blob(q, 11, c.msInStatus.data(), int(sizeof(c.msInStatus)), SQLITE_STATIC);
            bindText(q, 12, c.category);
            if (c.source)
                bindText(q, 13, kCaseSourceNames[size_t(*c.source)]);
            bindText(q, 14, c.title);
            sqlite3_bind_int(q, 15, c.priority);
            if (c.position) {
                sqlite3_bind_double(q, 16, c.position->lon);
                sqlite3_bind_double(q, 17, c.position->lat);
            }
            sqlite3_bind_int64(q, 18, c.deadline);
            bindText(q, 19, c.grid);
            bindText(q, 20, c.dept);
            bindText(q, 21, c.assignee);
            sqlite3_bind_int(q, 22, c.illegalTransitions);
            ok = sqlite3_step(q) == SQLITE_DONE;
            s.reset();
        }
        if (ok && journalId > 0) {
            Statement mark(db, "INSERT INTO meta(key, value) VALUES ('case_state_journal_id', ?1) "
                               "ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value)");
            sqlite3_bind_int64(mark.get(), 1, journalId);
            ok = mark && sqlite3_step(mark.get()) == SQLITE_DONE;
        }
        return ok;
    });
}

std::vector<CaseRow> readCaseState(sqlite3 *db, int64_t endedSince)
{
    std::vector<CaseRow> rows;
    // Two indexed reads: the open cases, and the recently ended ones.
    // Cases waiting to be rebuilt from the journal (case_rebuild) are left out, whatever was stored for them.
    const std::string sql = std::string("SELECT ") + kColumns +
                            " FROM case_state WHERE status NOT IN ('closed', 'rejected') AND case_id NOT IN "
                            "(SELECT case_id FROM case_rebuild) UNION ALL SELECT " + kColumns +
                            " FROM case_state WHERE updated_ts >= ?1 AND status IN ('closed', 'rejected') AND case_id NOT IN "
                            "(SELECT case_id FROM case_rebuild)";
    Statement s(db, sql.c_str());
    if (!s)
        return rows;
    sqlite3_stmt *q = s.get();
    sqlite3_bind_int64(q, 1, endedSince);
    while (sqlite3_step(q) == SQLITE_ROW) {
        state::CaseRecord c;
        const int status = nameIndex(kCaseStatusNames, columnText(q, 3));
        if (status < 0)
            continue;
        c.seq = sqlite3_column_int64(q, 1);
        c.seenSeqs = uint64_t(sqlite3_column_int64(q, 2));
        c.status = CaseStatus(status);
        c.reportedTs = sqlite3_column_int64(q, 4);
        c.updatedTs = sqlite3_column_int64(q, 5);
        c.statusSince = sqlite3_column_int64(q, 6);
        c.resolvedTs = sqlite3_column_int64(q, 7);
        c.closedTs = sqlite3_column_int64(q, 8);
        c.handlingMs = sqlite3_column_int64(q, 9);
        if (sqlite3_column_bytes(q, 10) == int(sizeof(c.msInStatus)))
            std::memcpy(c.msInStatus.data(), sqlite3_column_blob(q, 10), sizeof(c.msInStatus));
        c.category = columnText(q, 11);
        if (const int source = nameIndex(kCaseSourceNames, columnText(q, 12)); source >= 0)
            c.source = CaseSource(source);
        c.title = columnText(q, 13);
        c.priority = sqlite3_column_int(q, 14);
        if (sqlite3_column_type(q, 15) != SQLITE_NULL)
            c.position = GeoPoint{sqlite3_column_double(q, 15), sqlite3_column_double(q, 16)};
        c.deadline = sqlite3_column_int64(q, 17);
        c.grid = columnText(q, 18);
        c.dept = columnText(q, 19);
        c.assignee = columnText(q, 20);
        c.illegalTransitions = sqlite3_column_int(q, 21);
        rows.emplace_back(columnText(q, 0), std::move(c));
    }
    return rows;
}

int64_t caseStateJournalId(sqlite3 *db)
{
    Statement s(db, "SELECT value FROM meta WHERE key = 'case_state_journal_id'");
    return s && sqlite3_step(s.get()) == SQLITE_ROW ? sqlite3_column_int64(s.get(), 0) : 0;
}

} // namespace gridwall::history
