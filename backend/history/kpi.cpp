#include "kpi.h"

#include "state/livestate.h"

namespace gridwall::history {

bool addRegionHours(sqlite3 *db, const std::vector<RegionHourDelta> &deltas, QString *error)
{
    if (deltas.empty())
        return true;
    return writeTransaction(db, error, [&] {
        Statement s(db, "INSERT INTO region_hour(region, hour, reported, closed, overdue, handling_ms, handled) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(region, hour) DO UPDATE SET "
                        "reported = reported + excluded.reported, closed = closed + excluded.closed, "
                        "overdue = overdue + excluded.overdue, handling_ms = handling_ms + excluded.handling_ms, "
                        "handled = handled + excluded.handled");
        bool ok = bool(s);
        for (const RegionHourDelta &d : deltas) {
            if (!ok)
                break;
            sqlite3_bind_text(s.get(), 1, d.region.data(), int(d.region.size()), SQLITE_STATIC);
            sqlite3_bind_int64(s.get(), 2, d.hour);
            sqlite3_bind_int(s.get(), 3, d.reported);
            sqlite3_bind_int(s.get(), 4, d.closed);
            sqlite3_bind_int(s.get(), 5, d.overdue);
            sqlite3_bind_int64(s.get(), 6, d.handlingMs);
            sqlite3_bind_int(s.get(), 7, d.handled);
            ok = sqlite3_step(s.get()) == SQLITE_DONE;
            s.reset();
        }
        return ok;
    });
}

std::vector<KpiPoint> regionSeries(sqlite3 *db, const std::string &region, int64_t from, int64_t to, KpiStep step)
{
    std::vector<KpiPoint> points;
    // Days start at Shanghai midnight: shift by the offset, floor to the day, shift back.
    const char *sql = step == KpiStep::Hour
                          ? "SELECT hour, reported, closed, overdue, handling_ms, handled FROM region_hour "
                            "WHERE region = ?1 AND hour >= ?2 AND hour < ?3 ORDER BY hour"
                          : "SELECT ((hour + ?4) / 86400000) * 86400000 - ?4 AS day, sum(reported), sum(closed), sum(overdue), "
                            "sum(handling_ms), sum(handled) FROM region_hour WHERE region = ?1 AND hour >= ?2 AND hour < ?3 "
                            "GROUP BY day ORDER BY day";
    Statement s(db, sql);
    if (!s)
        return points;
    sqlite3_bind_text(s.get(), 1, region.data(), int(region.size()), SQLITE_STATIC);
    sqlite3_bind_int64(s.get(), 2, from);
    sqlite3_bind_int64(s.get(), 3, to);
    if (step == KpiStep::Day)
        sqlite3_bind_int64(s.get(), 4, state::kShanghaiOffsetMs);
    while (sqlite3_step(s.get()) == SQLITE_ROW) {
        const int64_t handled = sqlite3_column_int64(s.get(), 5);
        points.push_back({sqlite3_column_int64(s.get(), 0), sqlite3_column_int(s.get(), 1), sqlite3_column_int(s.get(), 2),
                          sqlite3_column_int(s.get(), 3), handled > 0 ? sqlite3_column_int64(s.get(), 4) / handled : 0});
    }
    return points;
}

namespace {

KpiPoint total(sqlite3 *db, const std::string &region, int64_t from, int64_t to)
{
    KpiPoint sum{from, 0, 0, 0, 0};
    int64_t handlingMs = 0, handled = 0;
    Statement s(db, "SELECT sum(reported), sum(closed), sum(overdue), sum(handling_ms), sum(handled) FROM region_hour "
                    "WHERE region = ?1 AND hour >= ?2 AND hour < ?3");
    if (!s)
        return sum;
    sqlite3_bind_text(s.get(), 1, region.data(), int(region.size()), SQLITE_STATIC);
    sqlite3_bind_int64(s.get(), 2, from);
    sqlite3_bind_int64(s.get(), 3, to);
    if (sqlite3_step(s.get()) == SQLITE_ROW) {
        sum.reported = sqlite3_column_int(s.get(), 0);
        sum.closed = sqlite3_column_int(s.get(), 1);
        sum.overdue = sqlite3_column_int(s.get(), 2);
        handlingMs = sqlite3_column_int64(s.get(), 3);
        handled = sqlite3_column_int64(s.get(), 4);
    }
    sum.meanHandlingMs = handled > 0 ? handlingMs / handled : 0;
    return sum;
}

} // namespace

WeekComparison todayAgainstLastWeek(sqlite3 *db, const std::string &region, int64_t now)
{
    // Whole hours so far, the current one included.
    const int64_t midnight = state::shanghaiMidnight(state::shanghaiDay(now));
    const int64_t end = (now / state::kHourMs + 1) * state::kHourMs;
    const int64_t week = 7 * state::kDayMs;
    return {total(db, region, midnight, end), total(db, region, midnight - week, end - week)};
}

} // namespace gridwall::history
