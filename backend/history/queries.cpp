#include "queries.h"

namespace gridwall::history {

namespace {

// The whole city, or one region: a code or "city"/"" for the city.
bool isCity(const std::string &region)
{
    return region.empty() || region == "city";
}

// A region's grids are the codes from its own up to `end` (its code and ':', which sorts right
// after the digits): bound as ?3 and ?4. `end` must outlive the statement's steps.
void bindRegionGrids(sqlite3_stmt *q, const std::string &region, std::string &end)
{
    end = region + ':';
    bindText(q, 3, region);
    bindText(q, 4, end);
}

} // namespace

std::vector<TimelineEntry> caseTimeline(sqlite3 *db, const std::string &caseId)
{
    std::vector<TimelineEntry> entries;
    Statement s(db, "SELECT case_id, seq, status, ts, category, source, priority, lon, lat, deadline, title, dept, assignee, "
                    "grid, note, rating, id, received_at, refused FROM case_log WHERE case_id = ?1 ORDER BY seq");
    if (!s)
        return entries;
    sqlite3_bind_text(s.get(), 1, caseId.data(), int(caseId.size()), SQLITE_STATIC);
    while (sqlite3_step(s.get()) == SQLITE_ROW) {
        TimelineEntry entry;
        entry.event = caseEventFromRow(s.get());
        if (entry.event.id.empty())
            continue;
        entry.receivedAt = sqlite3_column_int64(s.get(), 17);
        if (const unsigned char *why = sqlite3_column_text(s.get(), 18))
            entry.refused = reinterpret_cast<const char *>(why);
        entries.push_back(std::move(entry));
    }
    return entries;
}

std::vector<ReadingBucket> sensorSeries(sqlite3 *db, const std::string &sensorId, int64_t from, int64_t to)
{
    std::vector<ReadingBucket> series;
    Statement s(db, "SELECT bucket, n, min, max, sum, last FROM reading_bucket WHERE sensor_id = ?1 AND bucket >= ?2 AND bucket < ?3 "
                    "ORDER BY bucket");
    if (!s)
        return series;
    sqlite3_bind_text(s.get(), 1, sensorId.data(), int(sensorId.size()), SQLITE_STATIC);
    sqlite3_bind_int64(s.get(), 2, from);
    sqlite3_bind_int64(s.get(), 3, to);
    while (sqlite3_step(s.get()) == SQLITE_ROW)
        series.push_back({sensorId, sqlite3_column_int64(s.get(), 0), sqlite3_column_int64(s.get(), 1),
                          sqlite3_column_double(s.get(), 2), sqlite3_column_double(s.get(), 3), sqlite3_column_double(s.get(), 4),
                          sqlite3_column_double(s.get(), 5)});
    return series;
}

std::vector<OverdueCase> topOverdue(sqlite3 *db, const std::string &region, int64_t now, int limit)
{
    std::vector<OverdueCase> cases;
    // The WHERE repeats the partial indexes' condition word for word, so that SQLite may use them.
    constexpr const char *kInHand = "status NOT IN ('resolved', 'closed', 'rejected') AND deadline > 0 AND deadline < ?1";
    constexpr const char *kColumns = "case_id, status, category, title, priority, deadline, grid, dept, assignee";
    const bool city = isCity(region);
    // The N first come from the index alone (it carries grid, deadline, status
    // and the key); only their N rows are read from the table.
    const std::string sql = std::string("SELECT ") + kColumns + " FROM case_state WHERE case_id IN (SELECT case_id FROM case_state " +
                            (city ? "INDEXED BY case_state_in_hand WHERE " : "INDEXED BY case_state_in_hand_grid WHERE ") +
                            kInHand + (city ? "" : " AND grid >= ?3 AND grid < ?4") +
                            " ORDER BY deadline, case_id LIMIT ?2) ORDER BY deadline, case_id";
    Statement s(db, sql.c_str());
    if (!s)
        return cases;
    sqlite3_stmt *q = s.get();
    sqlite3_bind_int64(q, 1, now);
    sqlite3_bind_int(q, 2, limit);
    std::string end;
    if (!city)
        bindRegionGrids(q, region, end);
    while (sqlite3_step(q) == SQLITE_ROW) {
        OverdueCase c;
        c.id = columnText(q, 0);
        c.status = columnText(q, 1);
        c.category = columnText(q, 2);
        c.title = columnText(q, 3);
        c.priority = sqlite3_column_int(q, 4);
        c.deadline = sqlite3_column_int64(q, 5);
        c.grid = columnText(q, 6);
        c.dept = columnText(q, 7);
        c.assignee = columnText(q, 8);
        cases.push_back(std::move(c));
    }
    return cases;
}

OnTimeCount onTimeCount(sqlite3 *db, const std::string &region, int64_t from, int64_t to)
{
    OnTimeCount count{from, to, 0, 0};
    const bool city = isCity(region);
    // The WHERE repeats the partial index's condition word for word, so that SQLite may use it.
    const std::string sql = std::string("SELECT count(*), coalesce(sum(CASE WHEN resolved_ts > 0 THEN resolved_ts ELSE closed_ts END "
                                        "<= deadline), 0) FROM case_state INDEXED BY case_state_closed WHERE status = 'closed' "
                                        "AND deadline > 0 AND closed_ts >= ?1 AND closed_ts < ?2") +
                            (city ? "" : " AND grid >= ?3 AND grid < ?4");
    Statement s(db, sql.c_str());
    if (!s)
        return count;
    sqlite3_stmt *q = s.get();
    sqlite3_bind_int64(q, 1, from);
    sqlite3_bind_int64(q, 2, to);
    std::string end;
    if (!city)
        bindRegionGrids(q, region, end);
    if (sqlite3_step(q) == SQLITE_ROW) {
        count.closed = sqlite3_column_int(q, 0);
        count.onTime = sqlite3_column_int(q, 1);
    }
    return count;
}

} // namespace gridwall::history
