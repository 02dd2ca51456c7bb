#pragma once
// Each region's case figures per hour (table region_hour), added up by the
// writer thread from the moments the live state reports, and read back as
// series by hour or by Asia/Shanghai day for the drill-down panels.

#include "historydb.h"

#include <string>
#include <vector>

namespace gridwall::history {

// One addition to a region's hour.
struct RegionHourDelta
{
    std::string region; // code, or "city"
    int64_t hour = 0;   // start, epoch ms
    int reported = 0;
    int closed = 0;
    int overdue = 0;
    int64_t handlingMs = 0;
    int handled = 0;
};
bool addRegionHours(sqlite3 *db, const std::vector<RegionHourDelta> &deltas, QString *error = nullptr);

struct KpiPoint
{
    int64_t start = 0; // of the hour or the Shanghai day
    int reported = 0;
    int closed = 0;
    int overdue = 0;
    int64_t meanHandlingMs = 0; // of the cases closed in it (0: none)
};
enum class KpiStep { Hour, Day };
// The region's points in [from, to), oldest first; empty steps are left out.
std::vector<KpiPoint> regionSeries(sqlite3 *db, const std::string &region, int64_t from, int64_t to, KpiStep step);

// Today so far (Shanghai midnight to `now`) against the same span on the same weekday last week.
struct WeekComparison
{
    KpiPoint today;
    KpiPoint lastWeek;
};
WeekComparison todayAgainstLastWeek(sqlite3 *db, const std::string &region, int64_t now);

} // namespace gridwall::history
