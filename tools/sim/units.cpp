#include "units.h"

#include "json.h"

#include <geo/regiontree.h>

#include <limits>

namespace gridwall::sim {

namespace {

constexpr Ms kNever = std::numeric_limits<Ms>::max() / 4;
// Road speeds, m/s.
constexpr double kPatrolMps = 30 / 3.6;
constexpr double kEnforcementMps = 20 / 3.6;
constexpr double kResponseMps = 50 / 3.6;
constexpr double kFireMps = 40 / 3.6;
constexpr double kReturnMps = 35 / 3.6;

const char *kindName(UnitKind k)
{
    switch (k) {
    case UnitKind::Police: return "police";
    case UnitKind::Fire: return "fire";
    case UnitKind::Ambulance: return "ambulance";
    case UnitKind::Enforcement: return "enforcement";
    }
    return "police";
}

// Emergency calls that do not become grid cases (medical calls, small fires).
const DayProfile kCallProfile({0.5, 0.4, 0.35, 0.35, 0.4, 0.5, 0.8, 1.1, 1.3, 1.3, 1.3, 1.2, 1.2, 1.1, 1.1, 1.1, 1.2,
                               1.3, 1.3, 1.2, 1.1, 1.0, 0.8, 0.6});

} // namespace

void Units::addUnit(UnitKind kind, std::string id, QPointF home, double patrolRadiusM)
{
    Unit u;
    u.id = std::move(id);
    u.topic = m_world.outbox.topic("unit", u.id, "position");
    u.kind = kind;
    u.home = u.pos = u.from = u.to = home;
    u.patrolRadiusM = patrolRadiusM;
    u.rng = Rng(streamSeed(m_world.seed, 0x0417, m_units.size()));
    m_units.push_back(std::move(u));
}

void Units::build()
{
    const City &city = m_world.city;
    Rng rng(streamSeed(m_world.seed, 0x0416));
    m_rng = Rng(streamSeed(m_world.seed, 0x0418));
    auto code2 = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };

    // Police: one patrol car per police station, a second one at about half
    // of those in the urban core (双台子区, 兴隆台区). Patrol within the 5-minute ring.
    for (const Site &s : city.sites()) {
        if (s.kind != "police_station")
            continue;
        const std::string district = city.grid(s.grid).code.substr(0, 6);
        const bool core = district == "211102" || district == "211103";
        const int cars = core && rng.chance(0.5) ? 2 : 1;
        for (int n = 1; n <= cars; ++n)
            addUnit(UnitKind::Police, s.id + "-car" + std::to_string(n), s.scene, 2500);
    }
    // Fire stations (6) and ambulance bases (5), in populous urban grids.
    for (int station = 1, n = 1; station <= 6; ++station) {
        const QPointF home = city.grid(city.drawUrbanGrid(rng)).anchor;
        for (int e = 0; e < (station <= 2 ? 2 : 1); ++e)
            addUnit(UnitKind::Fire, "fire-" + code2(n++), home, 0);
    }
    for (int base = 1, n = 1; base <= 5; ++base) {
        const QPointF home = city.grid(city.drawUrbanGrid(rng)).anchor;
        for (int a = 0; a < 2; ++a)
            addUnit(UnitKind::Ambulance, "amb-" + code2(n++), home, 0);
    }
    // Urban-management teams: one per subdistrict (街道) of the urban core, up to 12.
    const geo::RegionTree &tree = city.tree();
    int teams = 0;
    for (int street : tree.level(geo::Level::Street)) {
        const geo::Region &r = tree.region(street);
        const QString district = r.code.left(6);
        if (teams >= 12 || r.code.size() != 9 || r.code.mid(6, 3).toInt() >= 100
            || (district != QLatin1String("211102") && district != QLatin1String("211103")))
            continue;
        addUnit(UnitKind::Enforcement, "enf-" + code2(++teams), r.labelPoint, 2000);
    }
}

bool Units::onPatrolDuty(const Unit &u, Ms t) const
{
    switch (u.kind) {
    case UnitKind::Police: return true;
    case UnitKind::Enforcement: {
        const double h = shanghaiHour(t);
        return h >= 8 && h < 18;
    }
    default: return false;
    }
}

void Units::startLeg(Unit &u, QPointF to, double mps, Ms start, Phase phase)
{
    u.from = u.pos;
    u.to = to;
    u.legStart = start;
    u.legEnd = start + std::max<Ms>(kSecond, Ms(m_world.city.metres(u.from, u.to) / mps * 1000.0));
    u.phase = phase;
}

// What a unit does when its current leg or stop is over.
void Units::nextMove(Unit &u, Ms t)
{
    switch (u.phase) {
    case Phase::Responding: // arrived: stays until released
        u.phase = Phase::OnScene;
        u.from = u.to = u.pos;
        u.legStart = t;
        u.legEnd = kNever;
        return;
    case Phase::OnScene: return;
    case Phase::Returning:
    case Phase::Transporting:
    case Phase::Standby:
        if (onPatrolDuty(u, t))
            break;
        u.phase = Phase::Standby;
        u.from = u.to = u.pos = u.home;
        u.legStart = t;
        // Stand by; look again in a while (enforcement teams start at 8:00).
        u.legEnd = t + (u.kind == UnitKind::Enforcement ? 15 * kMinute : kNever);
        return;
    case Phase::Patrol:
        if (u.rng.chance(0.4)) { // park at a hot spot for a while
            u.phase = Phase::Parked;
            u.from = u.to = u.pos;
            u.legStart = t;
            u.legEnd = t + Ms(u.rng.uniform(2, 15) * double(kMinute));
            return;
        }
        break;
    case Phase::Parked: break;
    }
    if (!onPatrolDuty(u, t)) {
        startLeg(u, u.home, kReturnMps, t, Phase::Returning);
        return;
    }
    const QPointF target = m_world.city.randomPointNear(u.home, u.patrolRadiusM, u.rng);
    startLeg(u, target, u.kind == UnitKind::Enforcement ? kEnforcementMps : kPatrolMps, t, Phase::Patrol);
}

void Units::advance(Unit &u, Ms t)
{
    for (int guard = 0; guard < 64 && t >= u.legEnd; ++guard) {
        u.pos = u.to;
        nextMove(u, u.legEnd);
    }
    if (t >= u.legEnd) // far behind: continue from here
        nextMove(u, t);
    if (u.legEnd < kNever && u.legEnd > u.legStart) {
        const double f = double(t - u.legStart) / double(u.legEnd - u.legStart);
        u.pos = u.from + (u.to - u.from) * std::clamp(f, 0.0, 1.0);
    }
}

void Units::start(Ms now)
{
    for (Unit &u : m_units) {
        u.phase = Phase::Standby;
        u.legStart = now;
        u.legEnd = now;
        advance(u, now);
    }
    const double perMs = (kAmbulanceCallsPerDay + kFireCallsPerDay) * m_world.rate / double(kDay) * kCallProfile.peak();
    m_world.agenda.at(now + Ms(m_rng.exponential(1.0 / perMs)), Action::EmergencyCall);
}

void Units::startReports(Ms now)
{
    const Ms period = m_world.telemetryPeriod(kReportPeriod);
    for (size_t i = 0; i < m_units.size(); ++i)
        m_world.agenda.at(now + Ms(m_units[i].rng.uniform() * double(period)), Action::UnitReport, int(i));
}

void Units::publishPosition(const Unit &u)
{
    static constexpr const char *phaseNames[] = {"patrol",   "patrol",    "standby",     "responding",
                                                 "on_scene", "returning", "transporting"};
    const GeoPoint g = m_world.city.toGeo(u.pos);
    Message m;
    m.feed = Feed::Unit;
    m.topic = u.topic;
    m.payload = JsonObject()
                    .add("ts", m_world.ts())
                    .add("lon", g.lon, 6)
                    .add("lat", g.lat, 6)
                    .add("kind", kindName(u.kind))
                    .add("status", phaseNames[int(u.phase)])
                    .finish();
    m.qos = 0;
    m_world.outbox.send(std::move(m));
}

void Units::onReport(int index, Ms t)
{
    Unit &u = m_units[size_t(index)];
    advance(u, t);
    publishPosition(u);
    m_world.agenda.at(m_world.nextSample(t, m_world.telemetryPeriod(kReportPeriod)), Action::UnitReport, index);
}

int Units::dispatch(UnitKind kind, QPointF where, Ms t, Ms *arrival)
{
    int best = -1;
    double bestDistance = 0;
    for (size_t i = 0; i < m_units.size(); ++i) {
        Unit &u = m_units[i];
        if (u.kind != kind)
            continue;
        advance(u, t);
        if (u.phase == Phase::Responding || u.phase == Phase::OnScene || u.phase == Phase::Transporting)
            continue;
        const double d = m_world.city.metres(u.pos, where);
        if (best < 0 || d < bestDistance) {
            best = int(i);
            bestDistance = d;
        }
    }
    if (best < 0)
        return -1;
    Unit &u = m_units[size_t(best)];
    ++u.generation;
    startLeg(u, where, kind == UnitKind::Fire ? kFireMps : kResponseMps, t, Phase::Responding);
    // Dispatch and turn-out time before the wheels roll.
    const Ms turnOut = Ms(u.rng.uniform(0.5, 2.0) * double(kMinute));
    u.legStart += turnOut;
    u.legEnd += turnOut;
    *arrival = u.legEnd;
    return best;
}

void Units::release(int index, Ms t)
{
    Unit &u = m_units[size_t(index)];
    advance(u, t);
    if (u.phase != Phase::Responding && u.phase != Phase::OnScene)
        return;
    ++u.generation;
    switch (u.kind) {
    case UnitKind::Ambulance: startLeg(u, u.home, kReturnMps, t, Phase::Transporting); break; // to hospital
    case UnitKind::Fire: startLeg(u, u.home, kReturnMps, t, Phase::Returning); break;
    default:
        u.phase = Phase::Patrol;
        u.from = u.to = u.pos;
        u.legStart = u.legEnd = t;
        advance(u, t);
        break;
    }
}

void Units::onRelease(int index, uint32_t generation, Ms t)
{
    if (m_units[size_t(index)].generation == generation)
        release(index, t);
}

void Units::onEmergencyCall(Ms t)
{
    const double perMs = (kAmbulanceCallsPerDay + kFireCallsPerDay) * m_world.rate / double(kDay) * kCallProfile.peak();
    m_world.agenda.at(t + Ms(std::max(1.0, m_rng.exponential(1.0 / perMs))), Action::EmergencyCall);
    if (!m_rng.chance(kCallProfile.at(t) / kCallProfile.peak()))
        return;
    const bool fire = m_rng.chance(kFireCallsPerDay / (kAmbulanceCallsPerDay + kFireCallsPerDay));
    const int grid = m_world.city.drawGrid(m_rng);
    const QPointF where = m_world.city.randomPointInGrid(grid, m_rng);
    Ms arrival = 0;
    const int unit = dispatch(fire ? UnitKind::Fire : UnitKind::Ambulance, where, t, &arrival);
    if (unit < 0)
        return;
    const Ms onScene = Ms((fire ? m_rng.uniform(20, 60) : m_rng.uniform(10, 25)) * double(kMinute));
    m_world.agenda.at(arrival + onScene, Action::UnitRelease, unit, m_units[size_t(unit)].generation);
}

int Units::busy() const
{
    int n = 0;
    for (const Unit &u : m_units)
        n += (u.phase == Phase::Responding || u.phase == Phase::OnScene) ? 1 : 0;
    return n;
}

} // namespace gridwall::sim
