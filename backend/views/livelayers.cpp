#include "livelayers.h"

#include "geo/regiontree.h"
#include "livefeed.h"
#include "map/geomap.h"

#include <QColor>

namespace gridwall::views {

namespace {

using feed::Feed;

// Layer order is drawing order: small, numerous things below, rare urgent ones on top.
enum Layer : int {
    CamerasOnline = 10,
    CamerasOffline,
    SensorsNormal = 20,
    WorkersIdle = 30,
    WorkersPatrol,
    WorkersHandling,
    SensorsWarning = 40,
    CasesOpen = 50,
    CasesInHand,
    UnitsEnforcement = 60,
    UnitsAmbulance,
    UnitsFire,
    UnitsPolice,
    SensorsAlarm = 70,
};

struct Style
{
    Layer layer;
    QColor color;
    double radius; // design pixels
};

const Style kCameraOnline{CamerasOnline, QColor(57, 192, 232), 2.5};
const Style kCameraOffline{CamerasOffline, QColor(122, 133, 148), 2.5};
const Style kSensorNormal{SensorsNormal, QColor(46, 196, 182), 3.5};
const Style kSensorWarning{SensorsWarning, QColor(255, 159, 28), 5};
const Style kSensorAlarm{SensorsAlarm, QColor(255, 59, 48), 7};
const Style kWorkerIdle{WorkersIdle, QColor(159, 217, 176), 3};
const Style kWorkerPatrol{WorkersPatrol, QColor(69, 212, 131), 3};
const Style kWorkerHandling{WorkersHandling, QColor(255, 176, 32), 3.5};
const Style kCaseOpen{CasesOpen, QColor(255, 209, 102), 5};
const Style kCaseInHand{CasesInHand, QColor(255, 140, 66), 5};
const Style kUnitPolice{UnitsPolice, QColor(77, 141, 255), 6};
const Style kUnitFire{UnitsFire, QColor(255, 90, 79), 6};
const Style kUnitAmbulance{UnitsAmbulance, QColor(242, 246, 250), 6};
const Style kUnitEnforcement{UnitsEnforcement, QColor(179, 140, 255), 6};

} // namespace

LiveLayers::LiveLayers(LiveFeed &feed, map::GeoMap &map, const geo::RegionTree &tree, QObject *parent)
    : QObject(parent)
    , m_feed(feed)
    , m_map(&map)
    , m_tree(tree)
{
    connect(&feed, &LiveFeed::applied, this, &LiveLayers::refresh);
}

void LiveLayers::refresh()
{
    if (!m_map)
        return;
    const state::LiveState &state = m_feed.state();
    auto changed = [&](std::initializer_list<Feed> feeds) {
        bool any = false;
        for (Feed f : feeds) {
            any = any || state.revision(f) != m_seen[size_t(f)];
            m_seen[size_t(f)] = state.revision(f);
        }
        return any;
    };
    if (changed({Feed::CameraState}))
        rebuildCameras();
    if (changed({Feed::SensorState, Feed::SensorReading}))
        rebuildSensors();
    if (changed({Feed::Worker}))
        rebuildWorkers();
    if (changed({Feed::Case}))
        rebuildCases();
    if (changed({Feed::Unit}))
        rebuildUnits();
}

namespace {

// Points of several styles collected in one pass, handed to the map together.
template<size_t N>
struct Buckets
{
    std::array<Style, N> styles;
    std::array<std::vector<QPointF>, N> points{};
    void publish(map::GeoMap &map)
    {
        for (size_t i = 0; i < N; ++i)
            map.setMarkers(styles[i].layer, styles[i].color, styles[i].radius, std::move(points[i]));
    }
};

} // namespace

void LiveLayers::rebuildCameras()
{
    Buckets<2> b{{kCameraOnline, kCameraOffline}};
    for (const auto &[id, camera] : m_feed.state().cameras())
        b.points[camera.online ? 0 : 1].push_back(m_tree.sceneFromGeo(camera.position.lon, camera.position.lat));
    b.publish(*m_map);
}

void LiveLayers::rebuildSensors()
{
    Buckets<3> b{{kSensorNormal, kSensorWarning, kSensorAlarm}};
    for (const auto &[id, sensor] : m_feed.state().sensors()) {
        if (!sensor.state)
            continue; // no position until its state arrives
        size_t level = 0;
        if (sensor.reading) {
            const double value = sensor.reading->value;
            level = value >= sensor.state->alarm ? 2 : value >= sensor.state->warn ? 1 : 0;
        }
        b.points[level].push_back(m_tree.sceneFromGeo(sensor.state->position.lon, sensor.state->position.lat));
    }
    b.publish(*m_map);
}

void LiveLayers::rebuildWorkers()
{
    Buckets<3> b{{kWorkerIdle, kWorkerPatrol, kWorkerHandling}};
    for (const auto &[id, worker] : m_feed.state().workers()) {
        size_t bucket = 0;
        switch (worker.status) {
        case feed::WorkerStatus::OffDuty: continue;
        case feed::WorkerStatus::Idle: bucket = 0; break;
        case feed::WorkerStatus::Patrol: bucket = 1; break;
        case feed::WorkerStatus::Handling: bucket = 2; break;
        }
        b.points[bucket].push_back(m_tree.sceneFromGeo(worker.position.lon, worker.position.lat));
    }
    b.publish(*m_map);
}

void LiveLayers::rebuildCases()
{
    using feed::CaseStatus;
    Buckets<2> b{{kCaseOpen, kCaseInHand}};
    for (const auto &[id, c] : m_feed.state().cases()) {
        if (!c.position)
            continue;
        switch (c.status) {
        case CaseStatus::Reported:
        case CaseStatus::Accepted:
        case CaseStatus::Returned:
        case CaseStatus::Escalated:
            b.points[0].push_back(m_tree.sceneFromGeo(c.position->lon, c.position->lat));
            break;
        case CaseStatus::Dispatched:
        case CaseStatus::Handling:
            b.points[1].push_back(m_tree.sceneFromGeo(c.position->lon, c.position->lat));
            break;
        case CaseStatus::Resolved:
        case CaseStatus::Closed:
        case CaseStatus::Rejected:
            break; // no longer on the map
        }
    }
    b.publish(*m_map);
}

void LiveLayers::rebuildUnits()
{
    Buckets<4> b{{kUnitEnforcement, kUnitAmbulance, kUnitFire, kUnitPolice}};
    for (const auto &[id, unit] : m_feed.state().units()) {
        size_t bucket = 0;
        switch (unit.kind) {
        case feed::UnitKind::Enforcement: bucket = 0; break;
        case feed::UnitKind::Ambulance: bucket = 1; break;
        case feed::UnitKind::Fire: bucket = 2; break;
        case feed::UnitKind::Police: bucket = 3; break;
        }
        b.points[bucket].push_back(m_tree.sceneFromGeo(unit.position.lon, unit.position.lat));
    }
    b.publish(*m_map);
}

} // namespace gridwall::views
