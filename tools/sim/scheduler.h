#pragma once
// The simulation's agenda: actions at simulated times, run in time order and,
// for equal times, in the order they were scheduled (so a run is reproducible).

#include "simclock.h"

#include <cstdint>
#include <queue>
#include <vector>

namespace gridwall::sim {

enum class Action : uint8_t {
    WorkerReport,    // index: worker; tag: report generation
    WorkerShift,     // index: worker
    CameraFlap,      // index: camera
    CameraRepair,    // index: camera
    CameraFailure,   // city-wide failure process
    CameraEvent,     // city-wide event process
    CameraHeartbeat, // index: keep-alive slice
    CameraSilence,   // city-wide process: a camera's uplink is cut
    CameraResume,    // index: camera
    SensorReading,   // index: sensor
    SensorHeartbeat, // index: keep-alive slice
    UnitReport,      // index: unit
    UnitRelease,     // index: unit; tag: dispatch generation (an emergency call is over)
    EmergencyCall,   // city-wide ambulance and fire calls not filed as cases
    CaseArrival,     // city-wide case process
    CaseStep,        // index: case slot; tag: case serial
};

struct Scheduled
{
    Ms at = 0;
    uint64_t order = 0;
    Action action = Action::CaseArrival;
    int32_t index = 0;
    uint32_t tag = 0;
};

class Scheduler
{
public:
    void at(Ms when, Action action, int32_t index = 0, uint32_t tag = 0)
    {
        m_queue.push({when, m_next++, action, index, tag});
    }
    bool hasDue(Ms now) const { return !m_queue.empty() && m_queue.top().at <= now; }
    Scheduled pop()
    {
        Scheduled s = m_queue.top();
        m_queue.pop();
        return s;
    }
    size_t size() const { return m_queue.size(); }

private:
    struct Later
    {
        bool operator()(const Scheduled &a, const Scheduled &b) const
        {
            return a.at != b.at ? a.at > b.at : a.order > b.order;
        }
    };
    std::priority_queue<Scheduled, std::vector<Scheduled>, Later> m_queue;
    uint64_t m_next = 0;
};

} // namespace gridwall::sim
