#pragma once
// Work-safety sensors in the high-risk sectors (crowded places, public
// transport, fireworks, food and drugs, logistics and parcel delivery, school
// surroundings, construction sites): gas, smoke, temperature, water level and
// vibration, with noisy readings, occasional excursions over the warning line
// and rare alarms. Publishes ROOT/sensor/ID/state and /reading; the state is
// re-announced every keep-alive round when the readings come less often.

#include "world.h"

#include <QPointF>

#include <string>
#include <vector>

namespace gridwall::sim {

class Sensors
{
public:
    static constexpr Ms kReadingPeriod = 5 * kSecond; // real time, at --rate 1
    // Chance per reading that an excursion starts: about 30 a day city-wide
    // at --rate 1 (454 sensors read 17,280 times a day each), one per sensor
    // in two weeks; about 1 a day goes over the alarm line (docs/simulator.md, "Sensors").
    static constexpr double kExcursionChance = 3.8e-6;

    explicit Sensors(World &world) : m_world(world) {}

    void build();
    void start(Ms now);
    // Starts the keep-alive rounds where readings are sparse (after start(), or a warm start's pre-roll).
    void startKeepAlive(Ms now);
    void publishStates();
    void onReading(int sensor, Ms t);
    void onHeartbeat(int slice, Ms t);

    int count() const { return int(m_sensors.size()); }
    int sites() const { return m_siteCount; }
    int aboveWarn() const;

private:
    enum class Kind : uint8_t {
        GasLel,
        GasPpm,
        Smoke,
        Temperature,
        ColdChain,
        Fridge,
        WaterUnderpass,
        WaterPit,
        Vibration
    };
    struct Sensor
    {
        std::string id;
        std::string site;
        std::string sector;
        std::string stateTopic;
        std::string readingTopic;
        Kind kind = Kind::Smoke;
        GeoPoint geo;
        QPointF scene;
        int grid = -1;
        double baseline = 0, warn = 0, alarm = 0, noise = 0;
        double drift = 0; // slow noise state
        double last = 0;
        // Excursion: rise, hover near the target, fall; counted in readings.
        int step = -1, rise = 0, hover = 0, fall = 0;
        double target = 0;
        bool alarmed = false;
        Rng rng;
    };
    struct KindInfo
    {
        const char *kind;
        const char *unit;
        const char *title;
        int decimals;
    };
    static const KindInfo &info(Kind k);
    void setup(Sensor &s, Kind k);
    double baseAt(const Sensor &s, Ms t) const;
    void read(Sensor &s, Ms t);
    void publishState(const Sensor &s);

    World &m_world;
    std::vector<Sensor> m_sensors;
    int m_siteCount = 0;
};

} // namespace gridwall::sim
