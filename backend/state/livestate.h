#pragma once
// The live city as the feeds describe it: the latest state of every case,
// camera, sensor, grid, worker, unit and site. Applied a whole batch at a
// time on the GUI thread; the cost is proportional to the batch.

#include "feed/events.h"
#include "feed/feedstats.h"
#include "feed/ingestqueue.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace gridwall::state {

struct CaseRecord
{
    int64_t seq = 0;
    feed::CaseStatus status = feed::CaseStatus::Reported;
    int64_t reportedTs = 0; // 0: the report has not been seen (events came out of order)
    int64_t updatedTs = 0;
    std::string category;
    std::string title;
    int priority = 0;
    std::optional<feed::GeoPoint> position;
    int64_t deadline = 0;
    std::string grid;
};

struct SensorRecord
{
    std::optional<feed::SensorState> state;
    std::optional<feed::SensorReading> reading;
};

class LiveState
{
public:
    explicit LiveState(feed::FeedStats &stats);

    struct Applied
    {
        size_t applied = 0;
        size_t rejected = 0; // duplicate or stale case events
    };
    // Moves the batch's events into the state (the batch is left empty-ish).
    Applied apply(feed::Batch &&batch);

    // What the last apply() changed: one entry per applied event, pointing at
    // the entity's id as stored here, for views that follow the state.
    struct Touched
    {
        feed::Feed feed;
        const std::string *id;
    };
    const std::vector<Touched> &touched() const { return m_touched; }

    const std::unordered_map<std::string, CaseRecord> &cases() const { return m_cases; }
    const std::unordered_map<std::string, feed::CameraState> &cameras() const { return m_cameras; }
    const std::unordered_map<std::string, SensorRecord> &sensors() const { return m_sensors; }
    const std::unordered_map<std::string, feed::GridState> &grids() const { return m_grids; }
    const std::unordered_map<std::string, feed::WorkerPosition> &workers() const { return m_workers; }
    const std::unordered_map<std::string, feed::UnitPosition> &units() const { return m_units; }
    const std::unordered_map<std::string, feed::PoiState> &pois() const { return m_pois; }

private:
    const std::string *applyCase(feed::CaseEvent &&e);
    void applyOne(feed::Event &&event, Applied &result);

    feed::FeedStats &m_stats;
    feed::RejectLog m_rejectLog;
    std::unordered_map<std::string, CaseRecord> m_cases;
    std::unordered_map<std::string, feed::CameraState> m_cameras;
    std::unordered_map<std::string, SensorRecord> m_sensors;
    std::unordered_map<std::string, feed::GridState> m_grids;
    std::unordered_map<std::string, feed::WorkerPosition> m_workers;
    std::unordered_map<std::string, feed::UnitPosition> m_units;
    std::unordered_map<std::string, feed::PoiState> m_pois;
    std::vector<Touched> m_touched;
};

} // namespace gridwall::state
