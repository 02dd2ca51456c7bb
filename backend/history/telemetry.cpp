#include "telemetry.h"

#include <algorithm>

namespace gridwall::history {


void TelemetryBuckets::reading(const std::string &sensorId, int64_t ts, double value)
{
    const int64_t bucket = bucketOf(ts);
    auto [it, inserted] = m_readings.try_emplace(sensorId);
    ReadingBucket &b = it->second;
    if (inserted || b.n == 0) {
        b = {sensorId, bucket, 0, value, value, 0, value};
    } else if (bucket != b.bucket) {
        if (bucket < b.bucket)
            return; // late for a bucket already handed over: dropped, the bucket stands
        m_closedReadings.push_back(b);
        b = {sensorId, bucket, 0, value, value, 0, value};
    }
    ++b.n;
    b.min = std::min(b.min, value);
    b.max = std::max(b.max, value);
    b.sum += value;
    b.last = value;
    b.lastTs = ts;
}

void TelemetryBuckets::position(const std::string &id, bool unit, int64_t ts, feed::GeoPoint at, std::string_view status,
                                std::string_view detail)
{
    const int64_t bucket = bucketOf(ts);
    auto [it, inserted] = m_positions[unit ? 1 : 0].try_emplace(id);
    PositionBucket &b = it->second;
    if (!inserted && b.n > 0 && bucket != b.bucket) {
        if (bucket < b.bucket)
            return;
        m_closedPositions.push_back(std::move(b));
        b = {};
    }
    if (b.n == 0) {
        b.entity = id;
        b.unit = unit;
        b.bucket = bucket;
    }
    ++b.n;
    b.last = at;
    b.lastTs = ts;
    b.status.assign(status);
    b.detail.assign(detail);
}

void TelemetryBuckets::takeClosed(int64_t now, std::vector<ReadingBucket> &readings, std::vector<PositionBucket> &positions,
                                  bool everything)
{
    readings = std::move(m_closedReadings);
    positions = std::move(m_closedPositions);
    m_closedReadings.clear();
    m_closedPositions.clear();
    const int64_t current = bucketOf(now);
    // Entities that went quiet: their open bucket is over once time has moved past it.
    for (auto it = m_readings.begin(); it != m_readings.end();) {
        if (everything || it->second.bucket < current) {
            readings.push_back(std::move(it->second));
            it = m_readings.erase(it);
        } else {
            ++it;
        }
    }
    for (auto &open : m_positions) {
        for (auto it = open.begin(); it != open.end();) {
            if (everything || it->second.bucket < current) {
                positions.push_back(std::move(it->second));
                it = open.erase(it);
            } else {
                ++it;
            }
        }
    }
}

bool writeTelemetry(sqlite3 *db, const std::vector<ReadingBucket> &readings, const std::vector<PositionBucket> &positions,
                    QString *error)
{
    if (readings.empty() && positions.empty())
        return true;
    return writeTransaction(db, error, [&] {
        Statement r(db, "INSERT INTO reading_bucket(sensor_id, bucket, n, min, max, sum, last) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                        "ON CONFLICT(sensor_id, bucket) DO UPDATE SET n = n + excluded.n, min = min(min, excluded.min), "
                        "max = max(max, excluded.max), sum = sum + excluded.sum, last = excluded.last");
        Statement p(db, "INSERT INTO position_bucket(entity, bucket, n, lon, lat, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                        "ON CONFLICT(entity, bucket) DO UPDATE SET n = n + excluded.n, lon = excluded.lon, lat = excluded.lat, "
                        "status = excluded.status");
        // Only a newer value replaces the latest (buckets of one entity may be written out of order).
        Statement last(db, "INSERT INTO telemetry_last(entity, ts, value, lon, lat, status, detail) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(entity) DO UPDATE SET ts = excluded.ts, "
                           "value = excluded.value, lon = excluded.lon, lat = excluded.lat, status = excluded.status, "
                           "detail = excluded.detail WHERE excluded.ts >= ts");
        bool ok = r && p && last;
        const auto keepLast = [&](const std::string &entity, int64_t ts) {
            bindText(last.get(), 1, entity);
            sqlite3_bind_int64(last.get(), 2, ts);
            const bool done = sqlite3_step(last.get()) == SQLITE_DONE;
            last.reset();
            return done;
        };
        for (const ReadingBucket &b : readings) {
            if (!ok)
                break;
            bindText(r.get(), 1, b.sensorId);
            sqlite3_bind_int64(r.get(), 2, b.bucket);
            sqlite3_bind_int64(r.get(), 3, b.n);
            sqlite3_bind_double(r.get(), 4, b.min);
            sqlite3_bind_double(r.get(), 5, b.max);
            sqlite3_bind_double(r.get(), 6, b.sum);
            sqlite3_bind_double(r.get(), 7, b.last);
            ok = sqlite3_step(r.get()) == SQLITE_DONE;
            r.reset();
            sqlite3_bind_double(last.get(), 3, b.last);
            ok = ok && keepLast("sensor/" + b.sensorId, b.lastTs);
        }
        for (const PositionBucket &b : positions) {
            if (!ok)
                break;
            const std::string entity = (b.unit ? "unit/" : "worker/") + b.entity;
            bindText(p.get(), 1, entity);
            sqlite3_bind_int64(p.get(), 2, b.bucket);
            sqlite3_bind_int64(p.get(), 3, b.n);
            sqlite3_bind_double(p.get(), 4, b.last.lon);
            sqlite3_bind_double(p.get(), 5, b.last.lat);
            bindText(p.get(), 6, b.status);
            ok = sqlite3_step(p.get()) == SQLITE_DONE;
            p.reset();
            sqlite3_bind_double(last.get(), 4, b.last.lon);
            sqlite3_bind_double(last.get(), 5, b.last.lat);
            bindText(last.get(), 6, b.status);
            bindText(last.get(), 7, b.detail);
            ok = ok && keepLast(entity, b.lastTs);
        }
        return ok;
    });
}

LatestTelemetry readLatestTelemetry(sqlite3 *db, int64_t since)
{
    LatestTelemetry latest;
    Statement s(db, "SELECT entity, ts, value, lon, lat, status, detail FROM telemetry_last WHERE ts >= ?1");
    if (!s)
        return latest;
    sqlite3_stmt *q = s.get();
    sqlite3_bind_int64(q, 1, since);
    while (sqlite3_step(q) == SQLITE_ROW) {
        const std::string entity = columnText(q, 0);
        const size_t slash = entity.find('/');
        if (slash == std::string::npos)
            continue;
        const std::string_view kind = std::string_view(entity).substr(0, slash);
        std::string id = entity.substr(slash + 1);
        const int64_t ts = sqlite3_column_int64(q, 1);
        const feed::GeoPoint at{sqlite3_column_double(q, 3), sqlite3_column_double(q, 4)};
        if (kind == "sensor") {
            latest.readings.push_back({std::move(id), ts, sqlite3_column_double(q, 2)});
        } else if (kind == "worker") {
            const int status = nameIndex(feed::kWorkerStatusNames, columnText(q, 5));
            latest.workers.push_back({std::move(id), ts, at, feed::WorkerStatus(std::max(0, status)), columnText(q, 6)});
        } else if (kind == "unit") {
            const int unitKind = nameIndex(feed::kUnitKindNames, columnText(q, 6));
            latest.units.push_back({std::move(id), ts, at, feed::UnitKind(std::max(0, unitKind)), columnText(q, 5)});
        }
    }
    return latest;
}

bool applyRetention(sqlite3 *db, int64_t before, QString *error)
{
    Statement del1(db, "DELETE FROM reading_bucket WHERE bucket < ?1");
    Statement del2(db, "DELETE FROM position_bucket WHERE bucket < ?1");
    Statement del3(db, "DELETE FROM alarm_log WHERE at < ?1");
    Statement del4(db, "DELETE FROM telemetry_last WHERE ts < ?1");
    return writeTransaction(db, error, [&] {
        for (Statement *s : {&del1, &del2, &del3, &del4}) {
            if (!*s)
                return false;
            sqlite3_bind_int64(s->get(), 1, before);
            if (sqlite3_step(s->get()) != SQLITE_DONE)
                return false;
        }
        return true;
    });
}

} // namespace gridwall::history
