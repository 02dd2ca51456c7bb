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
    int64_t lastTs = 0; // producer time of `last`
};
struct PositionBucket
{
    std::string entity; // worker/ID or unit/ID (the prefix is added when written)
    bool unit = false;
    int64_t bucket = 0;
    int64_t n = 0;
    feed::GeoPoint last;
    int64_t lastTs = 0;
    std::string status;
    std::string detail; // a worker's name, or a unit's kind
};

class TelemetryBuckets
{
public:
    explicit TelemetryBuckets(int64_t bucketMs) : m_bucketMs(bucketMs) {}
    int64_t bucketOf(int64_t ts) const { return ts - ((ts % m_bucketMs) + m_bucketMs) % m_bucketMs; }

    void reading(const std::string &sensorId, int64_t ts, double value);
    void position(const std::string &id, bool unit, int64_t ts, feed::GeoPoint at, std::string_view status,
                  std::string_view detail);
    // The buckets that closed before `now`'s bucket (all of them with `everything`), taken out.
    void takeClosed(int64_t now, std::vector<ReadingBucket> &readings, std::vector<PositionBucket> &positions, bool everything = false);

private:
    int64_t m_bucketMs;
    std::unordered_map<std::string, ReadingBucket> m_readings;  // by sensor: its open bucket
    std::unordered_map<std::string, PositionBucket> m_positions[2]; // workers, units: each one's open bucket
    std::vector<ReadingBucket> m_closedReadings;  // closed by a newer value, not yet taken
    std::vector<PositionBucket> m_closedPositions;
};

// Adds to stored buckets (a bucket written twice, e.g. around a restart, merges),
// and keeps each entity's latest value in `telemetry_last` for a restart.
bool writeTelemetry(sqlite3 *db, const std::vector<ReadingBucket> &readings, const std::vector<PositionBucket> &positions,
                    QString *error = nullptr);
// The latest reading of each sensor and position of each worker and unit
// stored with a producer time at or after `since`: what a restart shows first.
struct LatestTelemetry
{
    std::vector<feed::SensorReading> readings;
    std::vector<feed::WorkerPosition> workers;
    std::vector<feed::UnitPosition> units;
};
LatestTelemetry readLatestTelemetry(sqlite3 *db, int64_t since);

// Deletes telemetry buckets and alarm transitions older than `before` (epoch ms).
bool applyRetention(sqlite3 *db, int64_t before, QString *error = nullptr);

} // namespace gridwall::history
