#include "cameras.h"

#include "cases.h"
#include "json.h"

#include <array>

namespace gridwall::sim {

namespace {

enum EventType { Crowd, Intrusion, FireSmoke, Vehicle, Loitering, Other, TypeCount };
constexpr const char *kTypeNames[TypeCount] = {"crowd", "intrusion", "fire_smoke", "vehicle", "loitering", "other"};
constexpr const char *kTypeTitles[TypeCount] = {"人员聚集", "非法闯入", "烟火", "可疑车辆", "人员徘徊", "异常"};
// Events a day city-wide at --rate 1, as the platform forwards them to the
// centre: one per incident after its confidence threshold and its
// deduplication (docs/simulator.md, "Cameras"). About 450 a day: 19 an hour
// on average, 34 in the evening peak.
constexpr double kTypePerDay[TypeCount] = {
    100, // crowd: squares, markets, stations, night markets
    50,  // intrusion: fenced perimeters (waterworks, substations, well sites, building sites)
    4,   // fire_smoke
    160, // vehicle: control-list plate hits at checkpoints and on main roads
    60,  // loitering: school gates, bank fronts, community entrances at night
    80,  // other: street vending, overflowing bins, objects left on the road
};
// Hourly rhythm of each type (Asia/Shanghai).
const DayProfile kTypeProfile[TypeCount] = {
    // crowd: markets in the morning, lunch, the evening square dances and night markets
    DayProfile({0.1, 0.05, 0.05, 0.05, 0.05, 0.2, 0.6, 1.0, 1.1, 0.9, 0.9, 1.2, 1.3, 1.0, 0.9, 1.0, 1.2, 1.8, 2.6, 2.8,
                2.4, 1.5, 0.6, 0.2}),
    // intrusion: at night
    DayProfile({3.0, 3.2, 3.2, 3.0, 2.4, 1.2, 0.4, 0.2, 0.15, 0.15, 0.15, 0.15, 0.2, 0.2, 0.15, 0.15, 0.2, 0.3, 0.5,
                0.8, 1.2, 1.8, 2.4, 2.8}),
    // fire_smoke: cooking hours and winter heating evenings, otherwise flat
    DayProfile({0.7, 0.6, 0.6, 0.6, 0.6, 0.7, 0.9, 1.0, 0.9, 0.9, 1.0, 1.4, 1.3, 1.0, 0.9, 0.9, 1.1, 1.5, 1.6, 1.3,
                1.1, 1.0, 0.9, 0.8}),
    // vehicle: traffic, rush hours
    DayProfile({0.2, 0.1, 0.1, 0.1, 0.15, 0.4, 1.0, 2.0, 2.2, 1.4, 1.2, 1.2, 1.1, 1.1, 1.2, 1.3, 1.6, 2.0, 2.1, 1.3,
                0.9, 0.6, 0.4, 0.3}),
    // loitering: evenings and nights
    DayProfile({1.2, 1.0, 0.8, 0.6, 0.4, 0.3, 0.4, 0.6, 0.7, 0.7, 0.7, 0.8, 0.8, 0.8, 0.8, 0.9, 1.0, 1.2, 1.4, 1.6,
                1.8, 1.8, 1.6, 1.4}),
    // other
    DayProfile({0.5, 0.4, 0.4, 0.4, 0.4, 0.6, 0.8, 1.1, 1.2, 1.2, 1.2, 1.2, 1.1, 1.1, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2,
                1.1, 1.0, 0.8, 0.6}),
};

// Events a day, weighted by each type's peak: the rate the thinning starts from.
double typePeakSum()
{
    double sum = 0;
    for (int i = 0; i < TypeCount; ++i)
        sum += kTypePerDay[i] * kTypeProfile[i].peak();
    return sum;
}

// Video analytics runs on every checkpoint's plate reader and every
// smart-security community's face camera, and on a share of the others:
// points chosen for a rule (a square, a school gate, a fence), as GPU
// channels are licensed per stream.
constexpr double kAnalyticsUrbanStreet = 0.12;
constexpr double kAnalyticsVillageStreet = 0.04;
constexpr double kAnalyticsOtherSite = 0.10;

} // namespace

void Cameras::build()
{
    const City &city = m_world.city;
    Rng rng(streamSeed(m_world.seed, 0xca3));
    m_rng = Rng(streamSeed(m_world.seed, 0xca4));
    m_silenceRng = Rng(streamSeed(m_world.seed, 0xca5));
    std::vector<int> perGrid(city.grids().size(), 0);
    std::vector<double> weights;

    auto add = [&](int grid, QPointF scene, std::string name, std::string kind, bool atSite) {
        Camera c;
        const GridInfo &g = city.grid(grid);
        const int n = ++perGrid[size_t(grid)];
        c.id = "cam-" + g.code + "-" + (n < 10 ? "0" : "") + std::to_string(n);
        c.name = std::move(name);
        c.kind = std::move(kind);
        c.stateTopic = m_world.outbox.topic("camera", c.id, "state");
        c.eventTopic = m_world.outbox.topic("camera", c.id, "event");
        c.scene = scene;
        c.geo = city.toGeo(scene);
        c.grid = grid;
        c.atSite = atSite;
        c.online = !rng.chance(kOfflineShare);
        if (c.kind == "anpr")
            m_anpr.push_back(int(m_cameras.size()));
        m_cameras.push_back(std::move(c));
    };

    // Street cameras: 1-4 per urban grid, 0-2 per village grid.
    for (size_t g = 0; g < city.grids().size(); ++g) {
        const GridInfo &grid = city.grid(int(g));
        const int n = grid.urban ? rng.between(1, 4) : (rng.chance(0.3) ? 0 : rng.chance(0.72) ? 1 : 2);
        for (int i = 1; i <= n; ++i) {
            const double k = rng.uniform();
            add(int(g), city.randomPointInGrid(int(g), rng), grid.name + "监控点" + std::to_string(i),
                k < 0.5 ? "dome" : k < 0.9 ? "bullet" : "ptz", false);
        }
    }
    // Cameras at the fixed sites.
    for (const Site &s : city.sites()) {
        int n = 0;
        std::string kind = "dome";
        if (s.kind == "smart_community") {
            n = rng.between(6, 10);
            kind = "face";
        } else if (s.kind == "police_station") {
            n = rng.between(4, 8);
        } else if (s.kind == "checkpoint") {
            n = rng.between(4, 8);
            kind = "anpr";
        } else if (s.kind == "mediation_room") {
            n = 1;
        } else if (s.kind == "mediation_point") {
            n = rng.chance(0.3) ? 1 : 0;
        }
        for (int i = 1; i <= n; ++i) {
            const QPointF p = city.randomPointNear(s.scene, 80, rng);
            const int grid = city.gridAt(p);
            const std::string k = (kind == "face" && i > 2) ? std::string(rng.chance(0.5) ? "dome" : "bullet") : kind;
            add(grid >= 0 ? grid : s.grid, grid >= 0 ? p : s.scene, s.name + std::to_string(i) + "号机位", k, true);
        }
    }
    // Which cameras have analytics: a stream of its own, so that the cameras
    // themselves stay as they were for a seed.
    Rng analytics(streamSeed(m_world.seed, 0xca6));
    for (Camera &c : m_cameras) {
        const bool urban = city.grid(c.grid).urban;
        const double share = c.kind == "anpr" || c.kind == "face" ? 1.0
                             : c.atSite                         ? kAnalyticsOtherSite
                             : urban                            ? kAnalyticsUrbanStreet
                                                                : kAnalyticsVillageStreet;
        c.analytics = analytics.chance(share);
        weights.push_back(c.analytics ? (urban ? 1.0 : 0.5) * (c.atSite ? 1.5 : 1.0) : 0.0);
    }
    m_eventWeights.assign(weights);

    // A handful of cameras with a loose connector or a weak uplink.
    for (int i = 0; i < kFlapping && !m_cameras.empty(); ++i)
        m_cameras[size_t(rng.below(m_cameras.size()))].flapping = true;
    // Failures balance repairs at kOfflineShare offline.
    const double failuresPerMs = double(m_cameras.size()) * kOfflineShare / (1 - kOfflineShare) / double(kMeanRepair);
    m_failureMean = std::max<Ms>(1, Ms(1.0 / std::max(failuresPerMs, 1e-12)));
    // Cuts balance resumptions at kSilentShare silent.
    const double cutsPerMs =
        double(m_cameras.size()) * kSilentShare / (1 - kSilentShare) / double((kSilentMin + kSilentMax) / 2);
    m_silenceMean = std::max<Ms>(1, Ms(1.0 / std::max(cutsPerMs, 1e-12)));
}

void Cameras::start(Ms now)
{
    for (size_t i = 0; i < m_cameras.size(); ++i) {
        const Camera &c = m_cameras[i];
        if (c.flapping)
            m_world.agenda.at(now + Ms(m_rng.uniform(0.5, 6) * double(kMinute)), Action::CameraFlap, int(i));
        else if (!c.online)
            m_world.agenda.at(now + Ms(m_rng.exponential(double(kMeanRepair))), Action::CameraRepair, int(i));
    }
    m_world.agenda.at(now + Ms(m_rng.exponential(double(m_failureMean))), Action::CameraFailure);
    if (!m_eventWeights.empty()) {
        const double perMs = typePeakSum() * m_world.rate / double(kDay);
        m_world.agenda.at(now + Ms(m_rng.exponential(1.0 / perMs)), Action::CameraEvent);
    }

    // Start in the steady state: some uplinks are already cut, for part of a cut's length.
    for (size_t i = 0; i < m_cameras.size(); ++i) {
        if (!m_silenceRng.chance(kSilentShare))
            continue;
        m_cameras[i].silent = true;
        const double left = m_silenceRng.uniform() * m_silenceRng.uniform(double(kSilentMin), double(kSilentMax));
        m_world.agenda.at(now + std::max<Ms>(1, Ms(left)), Action::CameraResume, int(i));
    }
    if (m_cameras.empty())
        return;
    m_world.agenda.at(now + Ms(m_silenceRng.exponential(double(m_silenceMean))), Action::CameraSilence);
}

void Cameras::startKeepAlive(Ms now)
{
    if (!m_cameras.empty())
        m_world.agenda.at(now + m_world.keepAliveStep(), Action::CameraHeartbeat, 0);
}

void Cameras::publishState(const Camera &c)
{
    if (m_world.replaying)
        return; // a warm start publishes every camera's state at the start
    Message m;
    m.feed = Feed::CameraState;
    m.topic = c.stateTopic;
    m.payload = JsonObject()
                    .add("ts", m_world.ts())
                    .add("online", c.online)
                    .add("name", c.name)
                    .add("lon", c.geo.lon, 6)
                    .add("lat", c.geo.lat, 6)
                    .add("kind", c.kind)
                    .finish();
    m.qos = 1;
    m.retained = true;
    m_world.outbox.send(std::move(m));
}

void Cameras::report(const Camera &c)
{
    if (!c.silent)
        publishState(c);
}

// The (re)connection snapshot includes the silent cameras: the wall must
// know a camera to notice that it has gone quiet.
void Cameras::publishStates()
{
    for (const Camera &c : m_cameras)
        publishState(c);
}

// One slice of the round: cameras slice, slice + 60, ... (ids follow the
// grids, so every slice is spread over the whole city).
void Cameras::onHeartbeat(int slice, Ms t)
{
    for (size_t i = size_t(slice); i < m_cameras.size(); i += World::kKeepAliveSlices)
        report(m_cameras[i]);
    m_world.agenda.at(m_world.nextKeepAlive(t), Action::CameraHeartbeat, (slice + 1) % World::kKeepAliveSlices);
}

void Cameras::onSilence(Ms t)
{
    m_world.agenda.at(t + Ms(m_silenceRng.exponential(double(m_silenceMean))), Action::CameraSilence);
    for (int attempt = 0; attempt < 8; ++attempt) {
        const size_t index = size_t(m_silenceRng.below(m_cameras.size()));
        Camera &c = m_cameras[index];
        if (c.silent)
            continue;
        // Failures, repairs and flaps go on unseen; the state on resumption tells.
        c.silent = true;
        const Ms length = Ms(m_silenceRng.uniform(double(kSilentMin), double(kSilentMax)));
        m_world.agenda.at(t + length, Action::CameraResume, int(index));
        break;
    }
}

void Cameras::onResume(int index, Ms)
{
    Camera &c = m_cameras[size_t(index)];
    c.silent = false;
    // The platform re-registers the camera at once, not at its next heartbeat.
    publishState(c);
}

void Cameras::onFlap(int index, Ms t)
{
    Camera &c = m_cameras[size_t(index)];
    c.online = !c.online;
    report(c);
    // Down for a minute or two, up for a few minutes.
    const double minutes = c.online ? m_rng.uniform(2, 8) : m_rng.uniform(0.5, 3);
    m_world.agenda.at(t + Ms(minutes * double(kMinute)), Action::CameraFlap, index);
}

void Cameras::onRepair(int index, Ms)
{
    Camera &c = m_cameras[size_t(index)];
    if (c.online || c.flapping)
        return;
    c.online = true;
    report(c);
}

void Cameras::onFailure(Ms t)
{
    for (int attempt = 0; attempt < 8; ++attempt) {
        Camera &c = m_cameras[size_t(m_rng.below(m_cameras.size()))];
        if (!c.online || c.flapping)
            continue;
        c.online = false;
        report(c);
        const Ms repair = std::clamp<Ms>(Ms(m_rng.exponential(double(kMeanRepair))), 20 * kMinute, 3 * kDay);
        m_world.agenda.at(t + repair, Action::CameraRepair, int(&c - m_cameras.data()));
        break;
    }
    m_world.agenda.at(t + Ms(m_rng.exponential(double(m_failureMean))), Action::CameraFailure);
}

int Cameras::pickCamera(bool vehicle, bool urbanOnly)
{
    for (int attempt = 0; attempt < 12; ++attempt) {
        const int i = vehicle && !m_anpr.empty() && m_rng.chance(0.5) ? m_rng.pick(m_anpr)
                                                                       : int(m_eventWeights.draw(m_rng));
        const Camera &c = m_cameras[size_t(i)];
        if (c.online && !c.silent && (!urbanOnly || m_world.city.grid(c.grid).urban))
            return i;
    }
    return -1;
}

void Cameras::onEvent(Ms t)
{
    const double peakSum = typePeakSum();
    const double perMs = peakSum * m_world.rate / double(kDay);
    m_world.agenda.at(t + Ms(std::max(1.0, m_rng.exponential(1.0 / perMs))), Action::CameraEvent);

    // Thinning: accept in proportion to the hour's rate; pick the type by it.
    std::vector<double> w(TypeCount);
    double sum = 0;
    for (int i = 0; i < TypeCount; ++i)
        sum += (w[size_t(i)] = kTypePerDay[i] * kTypeProfile[i].at(t));
    if (!m_rng.chance(sum / peakSum))
        return;
    const int type = int(m_rng.weighted(w));
    const int index = pickCamera(type == Vehicle, type == Crowd);
    if (index < 0)
        return;
    const Camera &c = m_cameras[size_t(index)];

    const double hour = shanghaiHour(t);
    const bool evening = hour >= 17 && hour < 22;
    const bool night = hour >= 22 || hour < 5;
    // Severity as the platform's rules grade an incident: 1 for the record,
    // 2 to look at when there is time, 3 to verify now, 4 to act now. About
    // one event in ten is 3 or 4 (intrusions at night most of them).
    const double u = m_rng.uniform();
    auto grade = [u](double one, double two, double three) { return u < one ? 1 : u < two ? 2 : u < three ? 3 : 4; };
    int severity = 1;
    switch (type) {
    case Crowd: severity = evening ? grade(0.45, 0.87, 0.99) : grade(0.60, 0.93, 1.0); break;
    case Intrusion: severity = night ? grade(0.0, 0.50, 0.92) : grade(0.30, 0.85, 0.99); break;
    case FireSmoke: severity = grade(0.0, 0.0, 0.70); break;
    case Vehicle: severity = grade(0.60, 0.92, 0.99); break; // 4: a wanted vehicle
    case Loitering: severity = grade(0.55, 0.93, 1.0); break;
    default: severity = grade(0.85, 1.0, 1.0); break;
    }

    Message m;
    m.feed = Feed::CameraEvent;
    m.topic = c.eventTopic;
    m.payload = JsonObject().add("ts", m_world.ts()).add("type", kTypeNames[type]).add("severity", severity).finish();
    m.qos = 1;
    m_world.outbox.send(std::move(m));

    // The serious ones are filed as cases by the video-patrol desk once it
    // has looked at the picture (the rest were harmless or gone).
    if (severity < 3)
        return;
    static constexpr double kCaseShare[TypeCount] = {0.4, 0.4, 0.6, 0.5, 0.35, 0.0};
    if (!m_rng.chance(kCaseShare[type]))
        return;
    CaseReport r;
    r.source = CaseSource::Camera;
    r.category = type == FireSmoke ? CaseCategory::SafetyHazard : CaseCategory::PublicOrder;
    r.priority = type == FireSmoke ? 1 : severity >= 4 ? 1 : severity == 3 && type == Intrusion ? 2 : 3;
    r.scene = c.scene;
    r.grid = c.grid;
    r.title = c.name + "视频告警：" + kTypeTitles[type];
    m_world.cases->report(r, t);
}

int Cameras::analytics() const
{
    int n = 0;
    for (const Camera &c : m_cameras)
        n += c.analytics ? 1 : 0;
    return n;
}

int Cameras::online() const
{
    int n = 0;
    for (const Camera &c : m_cameras)
        n += c.online ? 1 : 0;
    return n;
}

} // namespace gridwall::sim
