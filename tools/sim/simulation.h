#pragma once
// The whole simulated city: builds the actors from the assets, runs the
// agenda against the simulated clock, and republishes the retained state
// (sites, grids, cameras, sensors) whenever the broker connection is new.

#include "cameras.h"
#include "cases.h"
#include "sensors.h"
#include "units.h"
#include "workers.h"
#include "world.h"

#include <atomic>
#include <chrono>

namespace gridwall::sim {

class Simulation
{
public:
    Simulation(const City &city, Outbox &outbox, const SimClock &clock, double rate, double speed, uint64_t seed);

    void build();
    void start(Ms now);
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
