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

} // namespace gridwall::history
