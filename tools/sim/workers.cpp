#include "workers.h"

#include "json.h"
#include "names.h"

#include <limits>

namespace gridwall::sim {

namespace {
constexpr Ms kNever = std::numeric_limits<Ms>::max() / 4;

Ms clockTime(int64_t day, double hour)
{
    return shanghaiMidnight(day) + Ms(hour * double(kHour));
}
} // namespace

void Workers::build()
{
    const City &city = m_world.city;
    Rng rng(streamSeed(m_world.seed, 0x3012));
    m_byGrid.assign(city.grids().size(), {});
    m_gridOnDuty.assign(city.grids().size(), 0);
    for (size_t g = 0; g < city.grids().size(); ++g) {
        const GridInfo &grid = city.grid(int(g));
        m_gridTopics.push_back(m_world.outbox.topic("grid", grid.code, "state"));
        // Full-time: 2-3 in urban grids, 1-2 in villages; part-time volunteers
        // (party members, street and building chiefs): 1-3 and 0-2.
        const int full = grid.urban ? (rng.chance(0.55) ? 2 : 3) : (rng.chance(0.65) ? 1 : 2);
        const int part = grid.urban ? rng.between(1, 3) : rng.between(0, 2);
        for (int n = 1; n <= full + part; ++n) {
            Worker w;
            w.id = "w-" + grid.code + "-" + std::to_string(n);
            w.name = personName(rng);
            w.topic = m_world.outbox.topic("worker", w.id, "position");
            w.grid = int(g);
            w.fullTime = n <= full;
            w.rng = Rng(streamSeed(m_world.seed, 0x3013, m_workers.size()));
            w.pos = city.randomPointInGrid(int(g), w.rng);
            m_byGrid[g].push_back(int(m_workers.size()));
            m_fullTime += w.fullTime ? 1 : 0;
            m_workers.push_back(std::move(w));
        }
    }
}

// The shifts that start on `day` (Asia/Shanghai), drawn per worker and day.
std::vector<Workers::Interval> Workers::shifts(const Worker &w, size_t index, int64_t day) const
{
    Rng r(streamSeed(m_world.seed, 0x5417, uint64_t(index) * 100'003 + uint64_t(day)));
    std::vector<Interval> out;
    const bool weekend = isWeekend(day);
    const bool urban = m_world.city.grid(w.grid).urban;
    if (w.fullTime) {
        if (urban && r.chance(0.10)) {
            // Night watch instead of the day shift.
            out.push_back(
                {clockTime(day, 20.0 + r.uniform(-0.2, 0.2)), clockTime(day + 1, 7.5 + r.uniform(-0.2, 0.2))});
        } else if (!weekend || r.chance(0.30)) {
            out.push_back(
                {clockTime(day, 8.5 + r.uniform(-0.33, 0.25)), clockTime(day, 17.5 + r.uniform(-0.17, 0.67))});
        }
    } else {
        if (!weekend && r.chance(0.15)) // school-gate and morning-market duty
            out.push_back({clockTime(day, 7.0 + r.uniform(-0.3, 0.3)), clockTime(day, 8.5 + r.uniform(-0.25, 0.25))});
        if (weekend && r.chance(0.25))
            out.push_back({clockTime(day, 14.0 + r.uniform(-0.5, 0.5)), clockTime(day, 17.0 + r.uniform(-0.5, 0.5))});
        if (r.chance(urban ? 0.40 : 0.20)) // evening patrol
            out.push_back(
                {clockTime(day, 18.5 + r.uniform(-0.33, 0.33)), clockTime(day, 20.5 + r.uniform(-0.25, 0.6))});
    }
    return out;
}

bool Workers::scheduledOnDuty(const Worker &w, size_t index, Ms t) const
{
    const int64_t day = shanghaiDay(t);
    for (int64_t d = day - 1; d <= day; ++d)
        for (const Interval &i : shifts(w, index, d))
            if (t >= i.from && t < i.to)
                return true;
    return false;
}

Ms Workers::nextTransition(const Worker &w, size_t index, Ms t) const
{
    Ms next = kNever;
    const int64_t day = shanghaiDay(t);
    for (int64_t d = day - 1; d <= day + 2; ++d)
        for (const Interval &i : shifts(w, index, d)) {
            if (i.from > t)
                next = std::min(next, i.from);
            if (i.to > t)
                next = std::min(next, i.to);
        }
    return next == kNever ? shanghaiMidnight(day + 3) : next;
}

void Workers::start(Ms now)
{
    for (size_t i = 0; i < m_workers.size(); ++i) {
        Worker &w = m_workers[i];
        if (scheduledOnDuty(w, i, now)) {
            w.onDuty = true;
            ++m_gridOnDuty[size_t(w.grid)];
            newLeg(w, now - Ms(w.rng.uniform(0, 1) * double(10 * kMinute)));
        }
        m_world.agenda.at(nextTransition(w, i, now), Action::WorkerShift, int(i));
    }
}

void Workers::startReports(Ms now)
{
    const Ms period = m_world.telemetryPeriod(kReportPeriod);
    for (size_t i = 0; i < m_workers.size(); ++i) {
        Worker &w = m_workers[i];
        if (!w.onDuty)
            continue;
        ++w.generation; // one report chain per worker, whatever was scheduled before
        // Spread the first reports over one period.
        m_world.agenda.at(now + Ms(w.rng.uniform() * double(period)), Action::WorkerReport, int(i), w.generation);
    }
}

void Workers::newLeg(Worker &w, Ms start)
{
    w.paused = false;
    w.idle = false;
    w.from = w.pos;
    w.to = m_world.city.randomPointInGrid(w.grid, w.rng);
    const double speed = kWalkMps * w.rng.uniform(0.8, 1.15);
    w.legStart = start;
    w.legEnd = start + std::max<Ms>(kSecond, Ms(m_world.city.metres(w.from, w.to) / speed * 1000.0));
}

void Workers::advance(Worker &w, Ms t)
{
    for (int guard = 0; guard < 64; ++guard) {
        if (w.paused) {
            if (t < w.pauseUntil)
                return;
            newLeg(w, w.pauseUntil);
            continue;
        }
        if (t < w.legEnd) {
            const double f = double(t - w.legStart) / double(std::max<Ms>(1, w.legEnd - w.legStart));
            w.pos = w.from + (w.to - w.from) * std::clamp(f, 0.0, 1.0);
            return;
        }
        w.pos = w.to;
        if (w.task) { // arrived: stay until released
            w.from = w.to;
            w.legStart = w.legEnd;
            w.legEnd = kNever;
            return;
        }
        // At a waypoint: a lunch break, a pause (talking to residents,
        // checking a building), or straight on.
        const int64_t day = shanghaiDay(w.legEnd);
        const double hour = shanghaiHour(w.legEnd);
        if (w.fullTime && hour >= 11.75 && hour < 12.75 && w.lunchDay != day) {
            w.lunchDay = day;
            w.paused = true;
            w.idle = true;
            w.pauseUntil = clockTime(day, 13.0 + w.rng.uniform(-0.2, 0.3));
        } else if (w.rng.chance(0.35)) {
            w.paused = true;
            w.idle = w.rng.chance(0.3);
            w.pauseUntil = w.legEnd + Ms(w.rng.uniform(1, 8) * double(kMinute));
        } else {
            newLeg(w, w.legEnd);
        }
    }
    // Far behind (a very long gap): restart walking from here.
    newLeg(w, t);
}

void Workers::publishPosition(const Worker &w)
{
    if (m_world.replaying)
        return;
    const char *status = !w.onDuty ? "off_duty" : w.task ? "handling" : (w.paused && w.idle) ? "idle" : "patrol";
    const GeoPoint g = m_world.city.toGeo(w.pos);
    Message m;
    m.feed = Feed::Worker;
    m.topic = w.topic;
    m.payload = JsonObject()
                    .add("ts", m_world.ts())
                    .add("lon", g.lon, 6)
                    .add("lat", g.lat, 6)
                    .add("status", status)
                    .add("name", w.name)
                    .finish();
    m.qos = 0;
    m_world.outbox.send(std::move(m));
}

void Workers::publishGridState(int grid)
{
    if (m_world.replaying)
        return; // a warm start publishes every grid's count at the start
    Message m;
    m.feed = Feed::Grid;
    m.topic = m_gridTopics[size_t(grid)];
    m.payload = JsonObject()
                    .add("ts", m_world.ts())
                    .add("workers_on_duty", m_gridOnDuty[size_t(grid)])
                    .add("workers_total", int(m_byGrid[size_t(grid)].size()))
                    .finish();
    m.qos = 1;
    m.retained = true;
    m_world.outbox.send(std::move(m));
}

void Workers::publishGridStates()
{
    for (size_t g = 0; g < m_byGrid.size(); ++g)
        publishGridState(int(g));
}

void Workers::onReport(int index, uint32_t generation, Ms t)
{
    Worker &w = m_workers[size_t(index)];
    if (!w.onDuty || generation != w.generation)
        return; // a report chain of an earlier shift
    advance(w, t);
    publishPosition(w);
    const Ms next = m_world.nextSample(t, m_world.telemetryPeriod(kReportPeriod));
    m_world.agenda.at(next, Action::WorkerReport, index, w.generation);
}

void Workers::goOnDuty(int index, Ms t)
{
    Worker &w = m_workers[size_t(index)];
    w.onDuty = true;
    w.offPending = false;
    ++w.generation;
    ++m_gridOnDuty[size_t(w.grid)];
    publishGridState(w.grid);
    newLeg(w, t);
    publishPosition(w);
    if (!m_world.replaying) // reports start with the live run (startReports)
        m_world.agenda.at(t + m_world.telemetryPeriod(kReportPeriod), Action::WorkerReport, index, w.generation);
}

void Workers::goOffDuty(int index, Ms t)
{
    Worker &w = m_workers[size_t(index)];
    advance(w, t);
    w.onDuty = false;
    w.offPending = false;
    ++w.generation;
    --m_gridOnDuty[size_t(w.grid)];
    publishGridState(w.grid);
    publishPosition(w);
}

void Workers::onShift(int index, Ms t)
{
    Worker &w = m_workers[size_t(index)];
    const bool due = scheduledOnDuty(w, size_t(index), t);
    if (due && !w.onDuty)
        goOnDuty(index, t);
    else if (due)
        w.offPending = false;
    else if (w.onDuty && w.task)
        w.offPending = true; // stays until the case is dealt with
    else if (w.onDuty)
        goOffDuty(index, t);
    m_world.agenda.at(nextTransition(w, size_t(index), t), Action::WorkerShift, index);
}

int Workers::freeWorkerIn(int grid, Rng &rng) const
{
    std::vector<int> free;
    for (int i : m_byGrid[size_t(grid)]) {
        const Worker &w = m_workers[size_t(i)];
        if (w.onDuty && !w.task && !w.offPending)
            free.push_back(i);
    }
    return free.empty() ? -1 : rng.pick(free);
}

Ms Workers::assign(int index, QPointF where, Ms t)
{
    Worker &w = m_workers[size_t(index)];
    advance(w, t);
    w.task = true;
    w.paused = false;
    w.idle = false;
    w.from = w.pos;
    w.to = where;
    w.legStart = t;
    w.legEnd = t + std::max<Ms>(kSecond, Ms(m_world.city.metres(w.from, w.to) / kWalkMps * 1000.0));
    return w.legEnd;
}

void Workers::release(int index, Ms t)
{
    Worker &w = m_workers[size_t(index)];
    if (!w.task)
        return;
    advance(w, t);
    w.task = false;
    newLeg(w, t);
    if (w.offPending || !scheduledOnDuty(w, size_t(index), t)) {
        if (w.onDuty)
            goOffDuty(index, t);
    }
}

int Workers::onDuty() const
{
    int n = 0;
    for (int c : m_gridOnDuty)
        n += c;
    return n;
}

} // namespace gridwall::sim
