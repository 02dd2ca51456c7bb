#include "livelayers.h"

#include "geo/regiontree.h"
#include "livefeed.h"
#include "map/geomap.h"

#include <QColor>

namespace gridwall::views {

namespace {

using feed::Feed;

// Layer order is drawing order: small, numerous things below, rare urgent ones on top.
struct Style
{
    int layer;
    QColor color;
    double radius; // design pixels
};

const Style kCameraOnline{10, QColor(57, 192, 232), 2.5};
const Style kCameraOffline{11, QColor(122, 133, 148), 2.5};
const Style kSensorNormal{20, QColor(46, 196, 182), 3.5};
const Style kWorkerIdle{30, QColor(159, 217, 176), 3};
const Style kWorkerPatrol{31, QColor(69, 212, 131), 3};
const Style kWorkerHandling{32, QColor(255, 176, 32), 3.5};
const Style kSensorWarning{40, QColor(255, 159, 28), 5};
const Style kCaseOpen{50, QColor(255, 209, 102), 5};
const Style kCaseInHand{51, QColor(255, 140, 66), 5};
const Style kUnitEnforcement{60, QColor(179, 140, 255), 6};
const Style kUnitAmbulance{61, QColor(242, 246, 250), 6};
const Style kUnitFire{62, QColor(255, 90, 79), 6};
const Style kUnitPolice{63, QColor(77, 141, 255), 6};
const Style kSensorAlarm{70, QColor(255, 59, 48), 7};

const Style kStyles[] = {kCameraOnline, kCameraOffline, kSensorNormal, kWorkerIdle, kWorkerPatrol, kWorkerHandling, kSensorWarning,
                         kCaseOpen, kCaseInHand, kUnitEnforcement, kUnitAmbulance, kUnitFire, kUnitPolice, kSensorAlarm};

const Style *styleOf(int layer)
{
    for (const Style &s : kStyles) {
        if (s.layer == layer)
            return &s;
    }
    return nullptr;
}

// Events of these feeds move markers; the others (camera events, grid and site states) do not.
Feed markerKind(Feed feed)
{
    switch (feed) {
    case Feed::SensorReading: return Feed::SensorState; // one marker per sensor
    default: return feed;
    }
}

} // namespace

LiveLayers::LiveLayers(LiveFeed &feed, map::GeoMap &map, const geo::RegionTree &tree, QObject *parent)
    : QObject(parent)
    , m_feed(feed)
    , m_map(&map)
    , m_tree(tree)
{
    connect(&feed, &LiveFeed::applied, this, &LiveLayers::update, Qt::DirectConnection);
    // What the state holds already (restored from the history) is on the map from the first frame.
    const state::LiveState &state = feed.state();
    for (const auto &[id, c] : state.cases())
        updateEntity(Feed::Case, id);
    for (const auto &[id, c] : state.cameras())
        updateEntity(Feed::CameraState, id);
    for (const auto &[id, s] : state.sensors())
        updateEntity(Feed::SensorState, id);
    for (const auto &[id, w] : state.workers())
        updateEntity(Feed::Worker, id);
    for (const auto &[id, u] : state.units())
        updateEntity(Feed::Unit, id);
    flush();
}

size_t LiveLayers::markerCount(int layer) const
{
    const auto it = m_layers.find(layer);
    return it == m_layers.end() ? 0 : it->second.points.size();
}

void LiveLayers::update()
{
    for (const state::LiveState::Touched &t : m_feed.state().touched())
        updateEntity(t.feed, *t.id);
    flush();
}

void LiveLayers::flush()
{
    if (!m_map)
        return;
    for (auto &[layer, data] : m_layers) {
        if (!data.dirty)
            continue;
        const Style *style = styleOf(layer);
        m_map->setMarkers(layer, style->color, style->radius, data.points);
        data.dirty = false;
    }
}

void LiveLayers::updateEntity(Feed feed, const std::string &id)
{
    const state::LiveState &state = m_feed.state();
    const auto at = [&](const feed::GeoPoint &p) { return m_tree.sceneFromGeo(p.lon, p.lat); };
    switch (feed) {
    case Feed::CameraState: {
        const feed::CameraState &c = state.cameras().at(id).state;
        place(feed, id, (c.online ? kCameraOnline : kCameraOffline).layer, at(c.position));
        break;
    }
    case Feed::SensorState:
    case Feed::SensorReading: {
        const state::SensorRecord &s = state.sensors().at(id);
        if (!s.state)
            return; // no position until its state arrives
        // The level after hysteresis and minimum duration: a value hovering at a line does not flicker.
        const Style &style = s.level == 2 ? kSensorAlarm : s.level == 1 ? kSensorWarning : kSensorNormal;
        place(markerKind(feed), id, style.layer, at(s.state->position));
        break;
    }
    case Feed::Worker: {
        const feed::WorkerPosition &w = state.workers().at(id);
        int layer = -1;
        switch (w.status) {
        case feed::WorkerStatus::OffDuty: layer = -1; break;
        case feed::WorkerStatus::Idle: layer = kWorkerIdle.layer; break;
        case feed::WorkerStatus::Patrol: layer = kWorkerPatrol.layer; break;
        case feed::WorkerStatus::Handling: layer = kWorkerHandling.layer; break;
        }
        place(feed, id, layer, at(w.position));
        break;
    }
    case Feed::Case: {
        const auto it = state.cases().find(id);
        if (it == state.cases().end() || !it->second.position) {
            place(feed, id, -1, {});
            return;
        }
        using feed::CaseStatus;
        int layer = -1;
        switch (it->second.status) {
        case CaseStatus::Reported:
        case CaseStatus::Accepted:
        case CaseStatus::Returned:
        case CaseStatus::Escalated: layer = kCaseOpen.layer; break;
        case CaseStatus::Dispatched:
        case CaseStatus::Handling: layer = kCaseInHand.layer; break;
        case CaseStatus::Resolved:
        case CaseStatus::Closed:
        case CaseStatus::Rejected: layer = -1; break; // no longer on the map
        }
        place(feed, id, layer, at(*it->second.position));
        break;
    }
    case Feed::Unit: {
        const feed::UnitPosition &u = state.units().at(id);
        int layer = kUnitPolice.layer;
        switch (u.kind) {
        case feed::UnitKind::Enforcement: layer = kUnitEnforcement.layer; break;
        case feed::UnitKind::Ambulance: layer = kUnitAmbulance.layer; break;
        case feed::UnitKind::Fire: layer = kUnitFire.layer; break;
        case feed::UnitKind::Police: layer = kUnitPolice.layer; break;
        }
        place(feed, id, layer, at(u.position));
        break;
    }
    case Feed::CameraEvent:
    case Feed::Grid:
    case Feed::Poi:
        break;
    }
}

void LiveLayers::place(Feed kind, const std::string &id, int layer, QPointF point)
{
    auto &places = m_places[size_t(kind)];
    auto it = places.find(id);
    if (it != places.end() && it->second.layer == layer) {
        Layer &l = m_layers[layer];
        l.points[it->second.slot] = point; // moves in place
        l.dirty = true;
        return;
    }
    if (it != places.end()) {
        // Leave the old layer: the last marker takes the freed slot.
        Layer &old = m_layers[it->second.layer];
        const size_t slot = it->second.slot;
        if (slot + 1 != old.points.size()) {
            old.points[slot] = old.points.back();
            old.ids[slot] = std::move(old.ids.back());
            places[old.ids[slot]].slot = slot;
        }
        old.points.pop_back();
        old.ids.pop_back();
        old.dirty = true;
        if (layer < 0) {
            places.erase(it);
            return;
        }
    }
    if (layer < 0)
        return;
    Layer &l = m_layers[layer];
    places[id] = Place{layer, l.points.size()};
    l.points.push_back(point);
    l.ids.push_back(id);
    l.dirty = true;
}

} // namespace gridwall::views
