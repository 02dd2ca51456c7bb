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

// The cases closed in [from, to) that had a deadline, in a region (any level's
// code) or the whole city (empty code or "city"), and how many of them were
// on time: their SLA clock stopped by the deadline, that is their resolution
// (the first since their last return) or, never resolved, their closing at or
// before it -- the live state's "met" (docs/state.md). Rejected cases and
// cases without a deadline are not counted. Read from the partial index
// case_state_closed alone.
struct OnTimeCount
{
    int64_t from = 0;
    int64_t to = 0;
    int closed = 0;
    int onTime = 0;
};
OnTimeCount onTimeCount(sqlite3 *db, const std::string &region, int64_t from, int64_t to);

} // namespace gridwall::history
