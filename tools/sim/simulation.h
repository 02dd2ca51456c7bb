#pragma once
// The whole simulated city: builds the actors from the assets, runs the
// agenda against the simulated clock, and republishes the retained state
// (sites, grids, cameras, sensors) whenever the broker connection is new.
// A warm start first plays the hours before the start as fast as it can,
// sending nothing, and holds the events a wall needs to see the city as it
// is at the start (docs/simulator.md, "Warm start").

#include "cameras.h"
#include "cases.h"
#include "sensors.h"
#include "units.h"
#include "workers.h"
#include "world.h"

#include <atomic>
#include <chrono>

namespace gridwall::sim {

struct WarmStartSummary
{
    int openCases = 0;        // open at the start
    int endedCases = 0;       // closed or rejected since 00:00 of the start day
    size_t caseEvents = 0;    // their events, held for the first connection
    size_t cameraEvents = 0;  // camera events of the last kCameraWindow, held too
    double cpuSeconds = 0;    // of the pre-roll
};

class Simulation
{
public:
    Simulation(const City &city, Outbox &outbox, const SimClock &clock, double rate, double speed, uint64_t seed);

    // A camera event's alarm lasts this long on the wall (docs/state.md):
    // the camera events a warm start publishes.
    static constexpr Ms kCameraWindow = 10 * kMinute;

    void build();
    void start(Ms now);
    // Starts the city at `from`, plays it up to `now` without sending, then
    // holds the events to send first and starts the telemetry at `now`.
    WarmStartSummary warmStart(Ms from, Ms now);
    void publishSnapshot();
    // Runs every action due by `now`, for at most `budget` of real time.
    void runUntil(Ms now, std::chrono::milliseconds budget, const std::atomic<bool> &stop);

    const Workers &workers() const { return m_workers; }
    const Cameras &cameras() const { return m_cameras; }
    const Sensors &sensors() const { return m_sensors; }
    const Units &units() const { return m_units; }
    const Cases &cases() const { return m_cases; }
    Cases &cases() { return m_cases; }

private:
    void startProcesses(Ms now);
    void startTelemetry(Ms now);
    void publishPois();
    void run(const Scheduled &s);

    Scheduler m_agenda;
    World m_world;
    Workers m_workers;
    Cameras m_cameras;
    Sensors m_sensors;
    Units m_units;
    Cases m_cases;
    std::vector<std::string> m_poiTopics;
};

} // namespace gridwall::sim
