#include "simulation.h"

#include "json.h"

#include <algorithm>
#include <ctime>

namespace gridwall::sim {

Simulation::Simulation(const City &city, Outbox &outbox, const SimClock &clock, double rate, double speed,
                       uint64_t seed)
    : m_world(city, m_agenda, outbox, clock, rate, speed, seed),
      m_workers(m_world), m_cameras(m_world), m_sensors(m_world), m_units(m_world), m_cases(m_world)
{
    m_world.workers = &m_workers;
    m_world.cameras = &m_cameras;
    m_world.sensors = &m_sensors;
    m_world.units = &m_units;
    m_world.cases = &m_cases;
}

void Simulation::build()
{
    m_workers.build();
    m_cameras.build();
    m_sensors.build();
    m_units.build();
    for (const Site &s : m_world.city.sites())
        m_poiTopics.push_back(m_world.outbox.topic("poi", s.id, "state"));
}

void Simulation::startProcesses(Ms now)
{
    m_workers.start(now);
    m_cameras.start(now);
    m_sensors.start(now);
    m_units.start(now);
    m_cases.start(now);
}

void Simulation::startTelemetry(Ms now)
{
    m_workers.startReports(now);
    m_cameras.startKeepAlive(now);
    m_sensors.startKeepAlive(now);
    m_units.startReports(now);
}

void Simulation::start(Ms now)
{
    startProcesses(now);
    startTelemetry(now);
}

namespace {
double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}
} // namespace

WarmStartSummary Simulation::warmStart(Ms from, Ms now)
{
    const double cpu = threadCpuSeconds();
    startProcesses(from);
    m_world.replaying = true;
    m_world.replayAt = from;
    m_world.replayUntil = now;
    m_world.outbox.record(&m_world.replayAt);
    // "Closed today" counts from midnight: the cases ended since then are shown too.
    m_cases.keepEndedSince(shanghaiMidnight(shanghaiDay(now)));
    while (m_agenda.hasDue(now - 1)) {
        const Scheduled s = m_agenda.pop();
        m_world.replayAt = s.at;
        run(s);
    }
    m_world.outbox.record(nullptr);
    m_world.replaying = false;

    // Every event of the cases a wall must know, in the order they happened
    // (so each case's in seq order, with its own ts), and the camera events
    // whose alarms would still be up.
    WarmStartSummary summary;
    const std::unordered_set<std::string> shown = m_cases.shownAtStart();
    summary.openCases = m_cases.open();
    summary.endedCases = int(shown.size()) - summary.openCases;
    std::vector<Outbox::Recorded> recorded = m_world.outbox.takeRecorded();
    // Sensors read ahead of the agenda (Sensors::onReading): back in time
    // order, each case's events still in seq order.
    std::stable_sort(recorded.begin(), recorded.end(),
                     [](const Outbox::Recorded &a, const Outbox::Recorded &b) { return a.at < b.at; });
    std::vector<Message> first;
    for (Outbox::Recorded &r : recorded) {
        if (r.message.feed == Feed::Case && shown.count(r.message.topic) > 0)
            ++summary.caseEvents;
        else if (r.message.feed == Feed::CameraEvent && r.at >= now - kCameraWindow)
            ++summary.cameraEvents;
        else
            continue;
        first.push_back(std::move(r.message));
    }
    m_world.outbox.hold(std::move(first));
    startTelemetry(now);
    summary.cpuSeconds = threadCpuSeconds() - cpu;
    return summary;
}

void Simulation::publishPois()
{
    const auto &sites = m_world.city.sites();
    for (size_t i = 0; i < sites.size(); ++i) {
        const Site &s = sites[i];
        JsonObject o;
        o.add("ts", m_world.ts())
            .add("kind", s.kind)
            .add("name", s.name)
            .add("lon", s.geo.lon, 6)
            .add("lat", s.geo.lat, 6);
        if (!s.rings.empty()) {
            std::string rings = "[";
            for (const Ring &r : s.rings) {
                if (rings.size() > 1)
                    rings += ',';
                rings += JsonObject().add("minutes", r.minutes).add("radius_m", r.radiusM).finish();
            }
            rings += ']';
            o.addRaw("rings", rings);
        }
        Message m;
        m.feed = Feed::Poi;
        m.topic = m_poiTopics[i];
        m.payload = o.finish();
        m.qos = 1;
        m.retained = true;
        m_world.outbox.send(std::move(m));
    }
}

void Simulation::publishSnapshot()
{
    publishPois();
    m_workers.publishGridStates();
    m_cameras.publishStates();
    m_sensors.publishStates();
}

void Simulation::run(const Scheduled &s)
{
    switch (s.action) {
    case Action::WorkerReport: m_workers.onReport(s.index, s.tag, s.at); break;
    case Action::WorkerShift: m_workers.onShift(s.index, s.at); break;
    case Action::CameraFlap: m_cameras.onFlap(s.index, s.at); break;
    case Action::CameraRepair: m_cameras.onRepair(s.index, s.at); break;
    case Action::CameraFailure: m_cameras.onFailure(s.at); break;
    case Action::CameraEvent: m_cameras.onEvent(s.at); break;
    case Action::CameraHeartbeat: m_cameras.onHeartbeat(s.index, s.at); break;
    case Action::CameraSilence: m_cameras.onSilence(s.at); break;
    case Action::CameraResume: m_cameras.onResume(s.index, s.at); break;
    case Action::SensorReading: m_sensors.onReading(s.index, s.at); break;
    case Action::SensorHeartbeat: m_sensors.onHeartbeat(s.index, s.at); break;
    case Action::UnitReport: m_units.onReport(s.index, s.at); break;
    case Action::UnitRelease: m_units.onRelease(s.index, s.tag, s.at); break;
    case Action::EmergencyCall: m_units.onEmergencyCall(s.at); break;
    case Action::CaseArrival: m_cases.onArrival(s.at); break;
    case Action::CaseStep: m_cases.onStep(s.index, s.tag, s.at); break;
    }
}

void Simulation::runUntil(Ms now, std::chrono::milliseconds budget, const std::atomic<bool> &stop)
{
    const auto until = std::chrono::steady_clock::now() + budget;
    int n = 0;
    while (m_agenda.hasDue(now) && !stop) {
        run(m_agenda.pop());
        if (++n % 64 == 0 && std::chrono::steady_clock::now() > until)
            return;
    }
}

} // namespace gridwall::sim
