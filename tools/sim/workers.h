#pragma once
// Grid workers (网格员): full-time workers and part-time volunteers of every
// grid, their shifts, their patrols inside their own grid, and the cases they
// handle. Publishes ROOT/worker/ID/position and ROOT/grid/CODE/state.

#include "world.h"

#include <QPointF>

#include <string>
#include <vector>

namespace gridwall::sim {

class Workers
{
public:
    static constexpr double kWalkMps = 1.2;
    static constexpr Ms kReportPeriod = 10 * kSecond; // real time, at --rate 1

    explicit Workers(World &world) : m_world(world) {}

    void build();
    // Puts on duty whoever is on shift at `now` and schedules the shifts.
    void start(Ms now);
    // Starts the position reports of everyone on duty (after start(), or a warm start's pre-roll).
    void startReports(Ms now);
    // Every grid's state (retained), e.g. after (re)connecting.
    void publishGridStates();

    void onReport(int worker, uint32_t generation, Ms t);
    void onShift(int worker, Ms t);

    // An on-duty worker of the grid who is free, or -1.
    int freeWorkerIn(int grid, Rng &rng) const;
    // Sends the worker to `where` to handle a case; returns the arrival time.
    Ms assign(int worker, QPointF where, Ms t);
    void release(int worker, Ms t);
    const std::string &id(int worker) const { return m_workers[size_t(worker)].id; }

    int total() const { return int(m_workers.size()); }
    int fullTime() const { return m_fullTime; }
    int onDuty() const;

private:
    struct Interval
    {
        Ms from = 0, to = 0;
    };
    struct Worker
    {
        std::string id;
        std::string name;
        std::string topic;
        int grid = -1;
        bool fullTime = true;
        bool onDuty = false;
        bool offPending = false; // shift over, but still handling a case
        bool task = false;       // walking to or handling a case
        bool paused = false;
        bool idle = false; // the pause is a break (status idle)
        int64_t lunchDay = -1;
        QPointF pos, from, to;
        Ms legStart = 0, legEnd = 0, pauseUntil = 0;
        uint32_t generation = 0;
        Rng rng;
    };

    std::vector<Interval> shifts(const Worker &w, size_t index, int64_t day) const;
    bool scheduledOnDuty(const Worker &w, size_t index, Ms t) const;
    Ms nextTransition(const Worker &w, size_t index, Ms t) const;
    void advance(Worker &w, Ms t);
    void newLeg(Worker &w, Ms start);
    void goOnDuty(int index, Ms t);
    void goOffDuty(int index, Ms t);
    void publishPosition(const Worker &w);
    void publishGridState(int grid);

    World &m_world;
    std::vector<Worker> m_workers;
    std::vector<std::vector<int>> m_byGrid;
    std::vector<int> m_gridOnDuty;
    std::vector<std::string> m_gridTopics;
    int m_fullTime = 0;
};

} // namespace gridwall::sim
