#pragma once
// Mobile units: police patrol cars from the police stations, fire engines,
// ambulances and urban-management (城管) enforcement teams. They move along
// straight legs at road speeds, patrol or stand by, and respond to cases and
// emergency calls. Publishes ROOT/unit/ID/position.

#include "world.h"

#include <QPointF>

#include <string>
#include <vector>

namespace gridwall::sim {

enum class UnitKind : uint8_t { Police, Fire, Ambulance, Enforcement };

class Units
{
public:
    static constexpr Ms kReportPeriod = 2 * kSecond; // real time, at --rate 1
    static constexpr double kAmbulanceCallsPerDay = 80;
    static constexpr double kFireCallsPerDay = 6;

    explicit Units(World &world) : m_world(world) {}

    void build();
    void start(Ms now);
    // Starts the position reports (after start(), or a warm start's pre-roll).
    void startReports(Ms now);

    void onReport(int unit, Ms t);
    void onRelease(int unit, uint32_t generation, Ms t);
    void onEmergencyCall(Ms t);

    // The nearest available unit of a kind is sent to `where`; returns it
    // (or -1 when none is free) and its arrival time.
    int dispatch(UnitKind kind, QPointF where, Ms t, Ms *arrival);
    // The job at the scene is done: the unit resumes patrol or returns to base.
    void release(int unit, Ms t);
    const std::string &id(int unit) const { return m_units[size_t(unit)].id; }
    uint32_t generation(int unit) const { return m_units[size_t(unit)].generation; }

    int count() const { return int(m_units.size()); }
    int busy() const;

private:
    enum class Phase : uint8_t { Patrol, Parked, Standby, Responding, OnScene, Returning, Transporting };
    struct Unit
    {
        std::string id;
        std::string topic;
        UnitKind kind = UnitKind::Police;
        QPointF home, pos, from, to;
        Ms legStart = 0, legEnd = 0;
        Phase phase = Phase::Standby;
        double patrolRadiusM = 2500;
        uint32_t generation = 0; // bumps on every dispatch, invalidates old release timers
        Rng rng;
    };

    void advance(Unit &u, Ms t);
    void startLeg(Unit &u, QPointF to, double mps, Ms start, Phase phase);
    void nextMove(Unit &u, Ms t);
    bool onPatrolDuty(const Unit &u, Ms t) const;
    void publishPosition(const Unit &u);
    void addUnit(UnitKind kind, std::string id, QPointF home, double patrolRadiusM);

    World &m_world;
    std::vector<Unit> m_units;
    Rng m_rng;
};

} // namespace gridwall::sim
