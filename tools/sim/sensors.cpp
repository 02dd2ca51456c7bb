#include "sensors.h"

#include "cases.h"
#include "json.h"

#include <cmath>

namespace gridwall::sim {

namespace {

struct SiteType
{
    const char *sector;
    const char *suffix; // site name: place word + suffix
    int count;          // sites of this type in the city
    bool urban;         // in urban grids (else anywhere, population-weighted)
};

// Sites per sector; sensors per site follow from the site type below.
constexpr SiteType kSiteTypes[] = {
    {"crowded_place", "商场", 14, true},       {"crowded_place", "农贸市场", 12, true},
    {"crowded_place", "体育馆", 4, true},      {"crowded_place", "影剧院", 6, true},
    {"public_transport", "客运站", 6, true},   {"public_transport", "公交枢纽", 4, true},
    {"public_transport", "下穿通道", 12, true}, {"fireworks", "烟花爆竹批发站", 4, false},
    {"fireworks", "烟花爆竹零售点", 10, false}, {"food_drug", "冷链仓库", 10, false},
    {"food_drug", "药品仓库", 4, true},        {"food_drug", "中心厨房", 6, true},
    {"logistics", "快递分拨中心", 8, false},   {"logistics", "物流园", 4, false},
    {"logistics", "快递驿站", 6, true},        {"school", "小学", 20, true},
    {"school", "中学", 10, true},              {"school", "幼儿园", 10, true},
    {"construction", "建筑工地", 22, true},
};

} // namespace

const Sensors::KindInfo &Sensors::info(Kind k)
{
    static const KindInfo table[] = {
        {"gas", "%LEL", "可燃气体浓度", 1}, {"gas", "ppm", "一氧化碳浓度", 1},   {"smoke", "%/m", "烟雾浓度", 2},
        {"temperature", "°C", "温度", 1},   {"temperature", "°C", "冷库温度", 1}, {"temperature", "°C", "冷藏温度", 1},
        {"water_level", "m", "积水深度", 2}, {"water_level", "m", "基坑水位", 2},  {"vibration", "mm/s", "振动速度", 2},
    };
    return table[int(k)];
}

// Thresholds are typical two-stage settings: combustible gas 25/50 %LEL
// (GB 15322 detectors), CO 35/100 ppm, smoke obscuration 1.5/3 %/m, heat 45/60 °C,
// frozen store -15/-10 °C, drug fridge 8/10 °C, underpass water 0.15/0.27 m
// (a car's door sill), pit water 0.5/1.0 m, blasting and piling vibration 10/20 mm/s.
void Sensors::setup(Sensor &s, Kind k)
{
    s.kind = k;
    Rng &r = s.rng;
    switch (k) {
    case Kind::GasLel: s.baseline = r.uniform(0.5, 3); s.warn = 25; s.alarm = 50; s.noise = 0.6; break;
    case Kind::GasPpm: s.baseline = r.uniform(1, 6); s.warn = 35; s.alarm = 100; s.noise = 1.2; break;
    case Kind::Smoke: s.baseline = r.uniform(0.05, 0.25); s.warn = 1.5; s.alarm = 3; s.noise = 0.04; break;
    case Kind::Temperature: s.baseline = r.uniform(16, 26); s.warn = 45; s.alarm = 60; s.noise = 0.3; break;
    case Kind::ColdChain: s.baseline = r.uniform(-20, -18); s.warn = -15; s.alarm = -10; s.noise = 0.3; break;
    case Kind::Fridge: s.baseline = r.uniform(4, 5.5); s.warn = 8; s.alarm = 10; s.noise = 0.15; break;
    case Kind::WaterUnderpass: s.baseline = 0.0; s.warn = 0.15; s.alarm = 0.27; s.noise = 0.005; break;
    case Kind::WaterPit: s.baseline = r.uniform(0.1, 0.3); s.warn = 0.5; s.alarm = 1.0; s.noise = 0.02; break;
    case Kind::Vibration: s.baseline = r.uniform(1, 3); s.warn = 10; s.alarm = 20; s.noise = 0.6; break;
    }
}

void Sensors::build()
{
    const City &city = m_world.city;
    Rng rng(streamSeed(m_world.seed, 0x5e5));
    for (const SiteType &type : kSiteTypes) {
        for (int n = 0; n < type.count; ++n) {
            const int grid = type.urban ? city.drawUrbanGrid(rng) : city.drawGrid(rng);
            const QPointF where = city.randomPointInGrid(grid, rng);
            std::string site = city.placeWord(grid) + type.suffix;
            const std::string_view sector = type.sector;
            const std::string_view suffix = type.suffix;
            std::vector<Kind> kinds;
            if (sector == "crowded_place")
                kinds = {Kind::Smoke, Kind::Smoke, Kind::Temperature, Kind::GasLel};
            else if (suffix == "下穿通道")
                kinds = {Kind::WaterUnderpass};
            else if (sector == "public_transport")
                kinds = {Kind::Smoke, Kind::Temperature};
            else if (sector == "fireworks")
                kinds = {Kind::Smoke, Kind::Temperature};
            else if (suffix == "冷链仓库")
                kinds = {Kind::ColdChain, Kind::ColdChain};
            else if (suffix == "药品仓库")
                kinds = {Kind::Fridge, Kind::Fridge, Kind::Temperature};
            else if (sector == "food_drug")
                kinds = {Kind::GasLel, Kind::Smoke, Kind::Temperature};
            else if (sector == "logistics")
                kinds = {Kind::Smoke, Kind::Smoke, Kind::Temperature};
            else if (sector == "school")
                kinds = {Kind::GasLel, Kind::Smoke};
            else
                kinds = {Kind::Vibration, Kind::WaterPit, Kind::GasPpm};
            ++m_siteCount;
            for (Kind k : kinds) {
                Sensor s;
                s.rng = Rng(streamSeed(m_world.seed, 0x5e6, m_sensors.size()));
                s.scene = city.randomPointNear(where, 40, rng);
                s.grid = city.gridAt(s.scene);
                if (s.grid < 0) {
                    s.scene = where;
                    s.grid = grid;
                }
                s.geo = city.toGeo(s.scene);
                int perGrid = 1;
                for (const Sensor &other : m_sensors)
                    perGrid += other.grid == s.grid ? 1 : 0;
                s.id = "sen-" + city.grid(s.grid).code + "-" + std::to_string(perGrid);
                s.site = site;
                s.sector = type.sector;
                s.stateTopic = m_world.outbox.topic("sensor", s.id, "state");
                s.readingTopic = m_world.outbox.topic("sensor", s.id, "reading");
                setup(s, k);
                s.last = s.baseline;
                m_sensors.push_back(std::move(s));
            }
        }
    }
}

void Sensors::start(Ms now)
{
    const Ms period = m_world.telemetryPeriod(kReadingPeriod);
    for (size_t i = 0; i < m_sensors.size(); ++i)
        m_world.agenda.at(now + Ms(m_sensors[i].rng.uniform() * double(period)), Action::SensorReading, int(i));
}

void Sensors::startKeepAlive(Ms now)
{
    const Ms period = m_world.telemetryPeriod(kReadingPeriod);
    // Readings keep the wall's silence timeout (2 min) at bay while they come
    // at least once a keep-alive round; sparser ones (a high --speed, a low
    // --rate) need the state re-announced as well.
    if (period > m_world.keepAliveRound() && !m_sensors.empty())
        m_world.agenda.at(now + m_world.keepAliveStep(), Action::SensorHeartbeat, 0);
}

void Sensors::publishState(const Sensor &s)
{
    if (m_world.replaying)
        return; // a warm start publishes every sensor's state at the start
    const KindInfo &k = info(s.kind);
    Message m;
    m.feed = Feed::SensorState;
    m.topic = s.stateTopic;
    m.payload = JsonObject()
                    .add("ts", m_world.ts())
                    .add("kind", k.kind)
                    .add("unit", k.unit)
                    .add("lon", s.geo.lon, 6)
                    .add("lat", s.geo.lat, 6)
                    .add("warn", s.warn, 3)
                    .add("alarm", s.alarm, 3)
                    .add("site", s.site)
                    .add("sector", s.sector)
                    .finish();
    m.qos = 1;
    m.retained = true;
    m_world.outbox.send(std::move(m));
}

void Sensors::publishStates()
{
    for (const Sensor &s : m_sensors)
        publishState(s);
}

void Sensors::onHeartbeat(int slice, Ms t)
{
    for (size_t i = size_t(slice); i < m_sensors.size(); i += World::kKeepAliveSlices)
        publishState(m_sensors[i]);
    m_world.agenda.at(m_world.nextKeepAlive(t), Action::SensorHeartbeat, (slice + 1) % World::kKeepAliveSlices);
}

// The quiet value: baseline plus the day's rhythm (warmer afternoons, busy
// construction hours).
double Sensors::baseAt(const Sensor &s, Ms t) const
{
    const double h = shanghaiHour(t);
    switch (s.kind) {
    case Kind::Temperature: return s.baseline + 2.0 * std::sin((h - 9) / 24 * 2 * std::numbers::pi);
    case Kind::Vibration: return (h >= 7 && h < 18) ? s.baseline : s.baseline * 0.15;
    case Kind::GasLel: return (h >= 10.5 && h < 13) || (h >= 16.5 && h < 19) ? s.baseline * 1.6 : s.baseline;
    default: return s.baseline;
    }
}

void Sensors::onReading(int index, Ms t)
{
    Sensor &s = m_sensors[size_t(index)];
    const Ms period = m_world.telemetryPeriod(kReadingPeriod);
    if (m_world.replaying) {
        // A pre-roll reads a sensor an hour at a time: through the agenda,
        // millions of readings a day would cost more than the readings.
        Ms at = t;
        for (; at < t + kHour && at < m_world.replayUntil; at += period) {
            m_world.replayAt = at;
            read(s, at);
        }
        m_world.replayAt = t;
        m_world.agenda.at(at, Action::SensorReading, index);
        return;
    }
    m_world.agenda.at(m_world.nextSample(t, period), Action::SensorReading, index);
    read(s, t);
}

void Sensors::read(Sensor &s, Ms t)
{
    Rng &r = s.rng;

    s.drift = 0.8 * s.drift + 0.6 * r.normal();
    const double base = baseAt(s, t);
    double value = base + s.noise * s.drift;

    if (s.step < 0 && r.chance(kExcursionChance)) {
        // Most excursions hover near the warning line; some stay just below,
        // one in 25 goes over the alarm line.
        const double gap = s.alarm - s.warn;
        const double u = r.uniform();
        s.target = u < 0.25 ? s.warn - gap * r.uniform(0.05, 0.3)
                   : u < 0.96 ? s.warn + gap * r.uniform(-0.05, 0.6)
                              : s.alarm + gap * r.uniform(0.05, 0.5);
        s.step = 0;
        s.rise = r.between(1, 3);
        s.hover = r.between(2, 20);
        s.fall = r.between(1, 4);
        s.alarmed = false;
    }
    const bool excursion = s.step >= 0;
    if (excursion) {
        double f = 1;
        if (s.step < s.rise)
            f = double(s.step + 1) / double(s.rise + 1);
        else if (s.step >= s.rise + s.hover)
            f = 1 - double(s.step - s.rise - s.hover + 1) / double(s.fall + 1);
        const double hoverNoise = (s.alarm - s.warn) * 0.06 * r.normal();
        value = base + s.noise * s.drift + f * (s.target - base + hoverNoise);
        if (++s.step >= s.rise + s.hover + s.fall)
            s.step = -1;
    }
    if (s.kind != Kind::Temperature && s.kind != Kind::ColdChain && s.kind != Kind::Fridge)
        value = std::max(0.0, value);
    s.last = value;

    if (!m_world.replaying) { // a warm start's pre-roll runs the model only
        Message m;
        m.feed = Feed::SensorReading;
        m.topic = s.readingTopic;
        m.payload = JsonObject().add("ts", m_world.ts()).add("value", value, info(s.kind).decimals).finish();
        m.qos = 0;
        m_world.outbox.send(std::move(m));
    }

    if (excursion && value >= s.alarm && !s.alarmed) {
        s.alarmed = true;
        CaseReport c;
        c.source = CaseSource::Sensor;
        c.category = s.kind == Kind::WaterUnderpass || s.kind == Kind::WaterPit ? CaseCategory::PipeNetwork
                                                                                : CaseCategory::SafetyHazard;
        c.priority = s.kind == Kind::Smoke || s.kind == Kind::GasLel || s.kind == Kind::GasPpm ? 1 : 2;
        c.scene = s.scene;
        c.grid = s.grid;
        c.title = s.site + info(s.kind).title + "超限报警";
        c.fireRisk = s.kind == Kind::Smoke || s.kind == Kind::GasLel || s.kind == Kind::Temperature;
        m_world.cases->report(c, t);
    }
}

int Sensors::aboveWarn() const
{
    int n = 0;
    for (const Sensor &s : m_sensors)
        n += s.last >= s.warn ? 1 : 0;
    return n;
}

} // namespace gridwall::sim
