// Panel queries against a large history: a region's hourly and daily series,
// a case's timeline, "what changed since" and the top-N overdue lists, p50 and p99 over repeated
// calls with random regions and cases. The history comes from
// `bench_history build DIR N`; its region_hour table is filled here from the
// journal by SQL (the same counts the wall's writer adds batch by batch:
// region codes share their parents' prefixes).
//
//   bench_queries DIR [QUERIES=200]

#include "benchkit.h"
#include "history/historydb.h"
#include "history/kpi.h"
#include "history/queries.h"
#include "history/timeline.h"
#include "state/livestate.h"

#include <QString>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using namespace gridwall;
using bench::msSince;

namespace {

std::vector<std::string> column(sqlite3 *db, const char *sql)
{
    std::vector<std::string> values;
    history::Statement s(db, sql);
    while (s && sqlite3_step(s.get()) == SQLITE_ROW)
        values.emplace_back(reinterpret_cast<const char *>(sqlite3_column_text(s.get(), 0)));
    return values;
}

int64_t scalar(sqlite3 *db, const char *sql)
{
    history::Statement s(db, sql);
    return s && sqlite3_step(s.get()) == SQLITE_ROW ? sqlite3_column_int64(s.get(), 0) : -1;
}

// Fills region_hour from the journal, once: reported and closed per region prefix and hour.
bool fillRegionHours(sqlite3 *db)
{
    if (scalar(db, "SELECT count(*) FROM region_hour") > 0)
        return true;
    std::string sql = "BEGIN;";
    for (const char *region : {"substr(r.grid, 1, 6)", "substr(r.grid, 1, 9)", "substr(r.grid, 1, 12)", "r.grid", "'city'"}) {
        // Reported: the report's hour. Closed: the closing hour, with the handling time.
        sql += std::string("INSERT INTO region_hour(region, hour, reported, closed, overdue, handling_ms, handled) "
                           "SELECT ") + region + ", (r.ts / 3600000) * 3600000, count(*), 0, 0, 0, 0 FROM case_log r "
               "WHERE r.status = 'reported' AND r.refused IS NULL AND r.grid IS NOT NULL GROUP BY 1, 2 "
               "ON CONFLICT(region, hour) DO UPDATE SET reported = reported + excluded.reported;";
        sql += std::string("INSERT INTO region_hour(region, hour, reported, closed, overdue, handling_ms, handled) "
                           "SELECT ") + region + ", (c.ts / 3600000) * 3600000, 0, count(*), 0, sum(c.ts - r.ts), count(*) "
               "FROM case_log c JOIN case_log r ON r.case_id = c.case_id AND r.seq = 1 "
               "WHERE c.status = 'closed' AND c.refused IS NULL AND r.grid IS NOT NULL GROUP BY 1, 2 "
               "ON CONFLICT(region, hour) DO UPDATE SET closed = closed + excluded.closed, "
               "handling_ms = handling_ms + excluded.handling_ms, handled = handled + excluded.handled;";
    }
    sql += "COMMIT;";
    QString error;
    if (!history::exec(db, sql.c_str(), &error)) {
        std::fprintf(stderr, "bench_queries: %s\n", qPrintable(error));
        return false;
    }
    return true;
}

struct Percentiles
{
    double p50, p99, max;
};

Percentiles measure(int count, const std::function<void(int)> &query)
{
    std::vector<double> ms;
    for (int i = 0; i < count; ++i) {
        const auto start = std::chrono::steady_clock::now();
        query(i);
        ms.push_back(msSince(start));
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, size_t(double(ms.size()) * 0.99))], ms.back()};
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_queries DIR [QUERIES=200]   (DIR from `bench_history build DIR N`)\n");
        return 2;
    }
    const int queries = argc > 2 ? std::max(10, std::atoi(argv[2])) : 200;
    history::OpenResult opened = history::openHistory(QString::fromLocal8Bit(argv[1]));
    if (!opened.db) {
        std::fprintf(stderr, "bench_queries: %s\n", qPrintable(opened.error));
        return 1;
    }
    sqlite3 *db = opened.db.get();
    const auto fillStart = std::chrono::steady_clock::now();
    if (!fillRegionHours(db))
        return 1;
    const double fillMs = msSince(fillStart);
    const int64_t events = scalar(db, "SELECT count(*) FROM case_log");
    const int64_t last = scalar(db, "SELECT max(ts) FROM case_log");
    std::vector<std::string> regions = column(db, "SELECT DISTINCT region FROM region_hour");
    std::vector<std::string> cases = column(db, "SELECT case_id FROM case_log WHERE status = 'reported' AND id % 97 = 0");
    std::printf("bench_queries: %lld case events, %zu regions with hours, %zu sample cases, %d queries each; region_hour filled "
                "in %.0f ms (once)\n",
                static_cast<long long>(events), regions.size(), cases.size(), queries, fillMs);
    std::mt19937 rng(70);
    bench::figure("events", double(events));
    bench::figure("fill_ms", fillMs, "ms");
    const auto report = [](const char *what, const std::string &key, Percentiles p) {
        std::printf("%-46s p50 %8.3f ms   p99 %8.3f ms   max %8.3f ms\n", what, p.p50, p.p99, p.max);
        bench::figure(key + ".p50_ms", p.p50, "ms");
        bench::figure(key + ".p99_ms", p.p99, "ms");
    };
    size_t sink = 0;
    for (const auto &[label, key, span, step] :
         {std::tuple{"region series, 24 h by hour", "series_24h", state::kDayMs, history::KpiStep::Hour},
          std::tuple{"region series, 7 d by hour", "series_7d", 7 * state::kDayMs, history::KpiStep::Hour},
          std::tuple{"region series, 30 d by day", "series_30d", 30 * state::kDayMs, history::KpiStep::Day}}) {
        report(label, key, measure(queries, [&, span = span, step = step](int) {
                   const std::string &region = regions[rng() % regions.size()];
                   sink += history::regionSeries(db, region, last - span, last + 1, step).size();
               }));
    }
    report("today against the same weekday last week", "week", measure(queries, [&](int) {
               sink += size_t(history::todayAgainstLastWeek(db, regions[rng() % regions.size()], last).today.reported);
           }));
    report("a case's timeline", "timeline", measure(queries, [&](int) {
               sink += history::caseTimeline(db, cases[rng() % cases.size()]).size();
           }));
    report("what changed in the last hour (city)", "changes", measure(std::max(10, queries / 10), [&](int) {
               const history::Changes c = history::changesSince(db, last - state::kHourMs, last);
               sink += c.reported.size() + c.closed.size();
           }));
    const int64_t inHand = scalar(db, "SELECT count(*) FROM case_state WHERE status NOT IN ('resolved', 'closed', 'rejected') "
                                      "AND deadline > 0");
    std::printf("top-N overdue: %lld cases in hand\n", static_cast<long long>(inHand));
    bench::figure("in_hand", double(inHand));
    report("top 20 overdue, city", "overdue_city", measure(queries, [&](int) {
               sink += history::topOverdue(db, "city", last, 20).size();
           }));
    for (const auto &[label, key, length] : {std::tuple{"top 20 overdue, a district", "overdue_district", size_t(6)},
                                             std::tuple{"top 20 overdue, a street", "overdue_street", size_t(9)},
                                             std::tuple{"top 20 overdue, a community", "overdue_community", size_t(12)},
                                             std::tuple{"top 20 overdue, a grid", "overdue_grid", size_t(15)}}) {
        std::vector<std::string> level;
        for (const std::string &r : regions)
            if (r.size() == length)
                level.push_back(r);
        if (level.empty())
            continue;
        report(label, key, measure(queries, [&, &level = level](int) {
                   sink += history::topOverdue(db, level[rng() % level.size()], last, 20).size();
               }));
    }
    std::printf("checksum %zu\n", sink);
    return 0;
}
