#pragma once
// What every actor of the simulation shares: the city, the agenda, the outbox,
// the clock and the run's settings, and the other actors it talks to.

#include "city.h"
#include "outbox.h"
#include "scheduler.h"
#include "simclock.h"

#include <algorithm>

namespace gridwall::sim {

class Workers;
class Cameras;
class Sensors;
class Units;
class Cases;

struct World
{
    World(const City &c, Scheduler &a, Outbox &o, const SimClock &k, double r, double s, uint64_t sd)
        : city(c), agenda(a), outbox(o), clock(k), rate(r), speed(s), seed(sd)
    {
    }

    const City &city;
    Scheduler &agenda;
    Outbox &outbox;
    const SimClock &clock;
    double rate = 1;  // --rate
    double speed = 1; // --speed
    uint64_t seed = 2648;

    Workers *workers = nullptr;
    Cameras *cameras = nullptr;
    Sensors *sensors = nullptr;
    Units *units = nullptr;
    Cases *cases = nullptr;

    // Warm start (Simulation::warmStart): while the hours before the start
    // are pre-rolled, time is that of the action being run, not the clock's,
    // and only case and camera events are made (the outbox keeps them);
    // telemetry and retained states go out once, at the start.
    bool replaying = false;
    Ms replayAt = 0;
    Ms replayUntil = 0; // the start: the pre-roll runs what falls due before it

    // The simulated now: the clock's, or the pre-roll's.
    Ms now() const { return replaying ? replayAt : clock.now(); }
    // Payload time: the simulated clock at the moment of publishing.
    Ms ts() const { return now(); }
    // Telemetry (positions, readings) is sampled on the real clock: a stream
    // with a period of `base` real ms at --rate 1 samples every base/rate real
    // ms, whatever --speed is. This converts that to simulated ms.
    Ms telemetryPeriod(Ms base) const { return std::max<Ms>(1, Ms(double(base) * speed / rate)); }
    // The next sample of a telemetry stream after the one due at `t`. When
    // the simulation lags (a --max-rate cap, a slow broker) by more than a
    // period, missed samples are skipped rather than sent in a burst.
    Ms nextSample(Ms t, Ms period) const
    {
        const Ms next = t + period;
        const Ms current = now();
        if (next >= current - period)
            return next;
        return current + ((next - current) % period + period) % period;
    }

    // Keep-alive: cameras (and sensors whose readings are sparser) re-announce
    // their retained state once a round, in kKeepAliveSlices even slices. A
    // round is a minute of real time at any --speed: the wall times silence
    // (2 and 5 min) on its own clock, and the cost stays ~105 messages/s.
    static constexpr int kKeepAliveSlices = 60;
    Ms keepAliveStep() const { return std::max<Ms>(1, Ms(double(kSecond) * speed)); }
    Ms keepAliveRound() const { return keepAliveStep() * kKeepAliveSlices; }
    // The slice after the one due at `t`. More than a round behind, whole
    // rounds are skipped, so every device keeps its place in the round and
    // a lagging simulation does not send a backlog of stale heartbeats.
    Ms nextKeepAlive(Ms t) const
    {
        const Ms round = keepAliveRound();
        const Ms next = t + keepAliveStep();
        const Ms behind = now() - round - next;
        return behind > 0 ? next + (behind / round + 1) * round : next;
    }
};

} // namespace gridwall::sim
