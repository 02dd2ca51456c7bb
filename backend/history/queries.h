#pragma once
// Read-only queries for the drill-down panels. Each runs on the caller's
// connection (a worker thread's, never the GUI thread's) through an index.

#include "casejournal.h"
#include "historydb.h"
#include "telemetry.h"

#include <string>
#include <vector>

namespace gridwall::history {

// Every event of a case, in seq order, refused ones included (with why): its full timeline.
struct TimelineEntry
{
    feed::CaseEvent event;
    int64_t receivedAt = 0;
    std::string refused; // empty when applied
};
std::vector<TimelineEntry> caseTimeline(sqlite3 *db, const std::string &caseId);

// A sensor's downsampled readings with bucket start in [from, to), oldest first.
std::vector<ReadingBucket> sensorSeries(sqlite3 *db, const std::string &sensorId, int64_t from, int64_t to);

// The cases in hand (not resolved, closed or rejected) whose deadline has
// passed by `now`, most overdue first, at most `limit`, within a region (any
// level's code: the grid codes under it start with it) or the whole city
// (empty code or "city"). Partial indexes on the cases in hand answer it
// without reading the ended ones.
struct OverdueCase
{
    std::string id;
    std::string status;
    std::string category;
    std::string title;
    int priority = 0;
    int64_t deadline = 0;
    std::string grid;
    std::string dept;
    std::string assignee;
};
std::vector<OverdueCase> topOverdue(sqlite3 *db, const std::string &region, int64_t now, int limit);

} // namespace gridwall::history
