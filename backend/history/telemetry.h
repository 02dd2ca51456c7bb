#pragma once
// Sensor readings and worker/unit positions, downsampled: per entity and
// time bucket the history keeps count, min, max, sum and last of a sensor's
// values, and the last position. A bucket is written once it has closed.

#include "historydb.h"

#include "feed/events.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gridwall::history {

struct ReadingBucket
{
    std::string sensorId;
    int64_t bucket = 0;
    int64_t n = 0;
    double min = 0, max = 0, sum = 0, last = 0;
};
struct PositionBucket
{
    std::string entity; // worker/ID or unit/ID (the prefix is added when written)
    bool unit = false;
    int64_t bucket = 0;
    int64_t n = 0;
    feed::GeoPoint last;
    std::string status;
};

class TelemetryBuckets
{
public:
    explicit TelemetryBuckets(int64_t bucketMs) : m_bucketMs(bucketMs) {}
    int64_t bucketOf(int64_t ts) const { return ts - ((ts % m_bucketMs) + m_bucketMs) % m_bucketMs; }

    void reading(const std::string &sensorId, int64_t ts, double value);
    void position(const std::string &id, bool unit, int64_t ts, feed::GeoPoint at, std::string_view status);
    // The buckets that closed before `now`'s bucket (all of them with `everything`), taken out.
    void takeClosed(int64_t now, std::vector<ReadingBucket> &readings, std::vector<PositionBucket> &positions, bool everything = false);

private:
    int64_t m_bucketMs;
    std::unordered_map<std::string, ReadingBucket> m_readings;  // by sensor: its open bucket
    std::unordered_map<std::string, PositionBucket> m_positions[2]; // workers, units: each one's open bucket
    std::vector<ReadingBucket> m_closedReadings;  // closed by a newer value, not yet taken
    std::vector<PositionBucket> m_closedPositions;
};

// Adds to stored buckets (a bucket written twice, e.g. around a restart, merges).
bool writeTelemetry(sqlite3 *db, const std::vector<ReadingBucket> &readings, const std::vector<PositionBucket> &positions,
                    QString *error = nullptr);
// Deletes telemetry buckets and alarm transitions older than `before` (epoch ms).
bool applyRetention(sqlite3 *db, int64_t before, QString *error = nullptr);

} // namespace gridwall::history
