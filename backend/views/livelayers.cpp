#include "livelayers.h"

#include "secondtick.h"

#include "geo/regiontree.h"
#include "livefeed.h"
#include "map/geomap.h"
#include "map/heatmap.h"
#include "map/regionmesh.h"

#include <QColor>
#include <QGeoCoordinate>
#include <QtConcurrent/QtConcurrentRun>
#include <QVariantMap>

#include <cmath>
#include <map>
#include <iterator>

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

const Style kHighlight{1, QColor(255, 255, 255), 13};
const Style kSite{5, QColor(200, 162, 122), 5}; // police stations, checkpoints, mediation rooms and points
const Style kCameraOnline{10, QColor(57, 192, 232), 2.5};
const Style kCameraOffline{11, QColor(122, 133, 148), 2.5};
const Style kSensorNormal{20, QColor(46, 196, 182), 3.5};
const Style kWorkerIdle{30, QColor(159, 217, 176), 3};
const Style kWorkerPatrol{31, QColor(69, 212, 131), 3};
const Style kWorkerHandling{32, QColor(255, 176, 32), 3.5};
const Style kSensorWarning{40, QColor(255, 159, 28), 5};
const Style kCaseOpen{50, QColor(255, 209, 102), 5};
const Style kCaseInHand{51, QColor(255, 140, 66), 5};
const Style kCaseOverdue{55, QColor(255, 64, 129), 6.5};
const Style kUnitEnforcement{60, QColor(179, 140, 255), 6};
const Style kUnitAmbulance{61, QColor(242, 246, 250), 6};
const Style kUnitFire{62, QColor(255, 90, 79), 6};
const Style kUnitPolice{63, QColor(77, 141, 255), 6};
const Style kSensorAlarm{70, QColor(255, 59, 48), 7};

const Style kStyles[] = {kSite, kCameraOnline, kCameraOffline, kSensorNormal, kWorkerIdle, kWorkerPatrol, kWorkerHandling, kSensorWarning,
                         kCaseOpen, kCaseInHand, kCaseOverdue, kUnitEnforcement, kUnitAmbulance, kUnitFire, kUnitPolice, kSensorAlarm};

// The legend: each key switches these marker layers (workload: the region fills).
// Thousands of workers and cameras carpet a city-wide view: they appear from
// the zoom at which communities show (GeoMap::detailLevel() 2) unless hidden.
struct LegendEntry
{
    const char *key;
    QColor color;
    std::vector<int> layers;
    int minDetail = 0;
};
const LegendEntry kLegend[] = {
    {"workload", QColor(253, 231, 37), {}},
    {"heatmap", QColor(212, 72, 66), {}},
    {"rings", QColor(90, 200, 250), {}},
    {"clusters", QColor(255, 140, 66), {}},
    {"overdue", kCaseOverdue.color, {kCaseOverdue.layer}},
    {"cases", kCaseInHand.color, {kCaseOpen.layer, kCaseInHand.layer}},
    {"units", kUnitPolice.color, {kUnitEnforcement.layer, kUnitAmbulance.layer, kUnitFire.layer, kUnitPolice.layer}},
    {"sensors", kSensorNormal.color, {kSensorNormal.layer, kSensorWarning.layer, kSensorAlarm.layer}},
    {"workers", kWorkerPatrol.color, {kWorkerIdle.layer, kWorkerPatrol.layer, kWorkerHandling.layer}, 2},
    {"cameras", kCameraOnline.color, {kCameraOnline.layer, kCameraOffline.layer}, 2},
    {"sites", kSite.color, {kSite.layer}, 2},
};

// Five stops of viridis (perceptually uniform, readable by the colour-blind), dark to light.
constexpr QRgb kClassColors[WorkloadClasses::kClasses] = {0x472d7b, 0x2c728e, 0x21918c, 0x5ec962, 0xfde725};
// Regions with no open case: quieter than the lowest class, still a fill (not the sea).
constexpr QRgb kIdle = 0x202a40;
// Regions with neither open cases nor workers on duty: no workload to show.
constexpr QRgb kNoWorkload = 0x1b2433;

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

LiveLayers::LiveLayers(const state::LiveState &state, map::GeoMap &map, const geo::RegionTree &tree, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_map(&map)
    , m_tree(tree)
    , m_legendModel({"key", "color", "shown", "zoomIn", "count"})
    , m_clusters({"code", "sceneX", "sceneY", "count", "overdue", "diameter"})
    , m_workloadKey({"color", "lower", "upper", "regions", "idle"})
{
    // As the state does: no rehash of a growing table in the middle of a frame.
    m_places[size_t(Feed::Case)].reserve(state::LiveState::kExpectedCases);
    for (Feed kind : {Feed::Worker, Feed::CameraState, Feed::SensorState})
        m_places[size_t(kind)].reserve(state::LiveState::kExpectedDevices);
    connect(&map, &map::GeoMap::markerTapped, this, &LiveLayers::onMarkerTapped);
    m_sinceStart.start();
    m_glideTimer.setInterval(16); // a frame at 60 Hz, only while something glides
    m_glideTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_glideTimer, &QTimer::timeout, this, &LiveLayers::glide);
    // Every site's rings at once tangle the view: they start switched off, one tap away in the legend.
    m_hidden[QStringLiteral("rings")] = true;
    // Clusters are a choice for a crowded city view, not the default: every case keeps its own marker.
    m_hidden[QStringLiteral("clusters")] = true;
    // What the state holds already (restored from the history) is on the map from the first frame.
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
    for (const auto &[id, p] : state.pois())
        updateEntity(Feed::Poi, id);
    flush();
    // The choropleth and the legend's counts follow the city once a second.
    connect(&SecondTick::instance(), &SecondTick::second, this, [this] {
        recolour();
        if (crowded() != m_crowded) {
            m_crowded = !m_crowded;
            for (int layer : {kCaseOpen.layer, kCaseInHand.layer, kCaseOverdue.layer})
                m_layers[layer].dirty = true;
            flush();
        }
        recluster();
        if (m_ringsDirty)
            redrawRings();
        legendMayHaveChanged();
    });
    redrawRings();
    m_legendModel.update(legend());
    recolour();
    connect(&map, &map::GeoMap::viewChanged, this, &LiveLayers::followZoom);
    followZoom();
    // The density of recent cases, recomputed every few seconds on a pool thread.
    connect(&m_heatWatcher, &QFutureWatcher<QImage>::finished, this, [this] {
        if (m_map && !m_hidden[QStringLiteral("heatmap")])
            m_map->setHeatmap(m_heatWatcher.result(), m_tree.bounds());
    });
    m_heatTimer.setInterval(kHeatmapEveryMs);
    connect(&m_heatTimer, &QTimer::timeout, this, &LiveLayers::refreshHeatmap);
    m_heatTimer.start();
    refreshHeatmap();
}

LiveLayers::~LiveLayers()
{
    m_heatWatcher.waitForFinished();
}

void LiveLayers::redrawRings()
{
    m_ringsDirty = false;
    if (!m_map)
        return;
    if (m_hidden[QStringLiteral("rings")]) {
        m_map->setRings({});
        return;
    }
    // Each ring a closed polygon of 96 sides, its radius on the ground turned into scene units at the site.
    constexpr int kSides = 96;
    std::vector<std::vector<QPointF>> circles;
    for (const auto &[id, poi] : m_state.pois()) {
        const feed::GeoPoint at = poi.state.position;
        const QPointF centre = m_tree.sceneFromGeo(at.lon, at.lat);
        for (const feed::Ring &ring : poi.state.rings) {
            const double degrees = ring.radiusM / (111'320.0 * std::cos(at.lat * M_PI / 180));
            const double radius = QLineF(centre, m_tree.sceneFromGeo(at.lon + degrees, at.lat)).length();
            std::vector<QPointF> circle;
            circle.reserve(kSides);
            for (int i = 0; i < kSides; ++i) {
                const double a = 2 * M_PI * i / kSides;
                circle.emplace_back(centre.x() + radius * std::cos(a), centre.y() + radius * std::sin(a));
            }
            circles.push_back(std::move(circle));
        }
    }
    m_map->setRings(map::buildClosedLines(circles));
}

void LiveLayers::refreshHeatmap()
{
    if (!m_map || m_hidden[QStringLiteral("heatmap")] || m_heatWatcher.isRunning())
        return;
    // Cases reported within the window, wherever they stand now (the GUI thread only gathers the points).
    const state::LiveState &state = m_state;
    const int64_t since = state.now() - kHeatmapWindowMs;
    std::vector<QPointF> points;
    for (const auto &[id, c] : state.cases())
        if (c.position && c.reportedTs >= since)
            points.push_back(m_tree.sceneFromGeo(c.position->lon, c.position->lat));
    map::HeatmapSpec spec;
    spec.area = m_tree.bounds();
    // The kernel: kHeatmapSigmaKm on the ground, in scene units at the city's centre.
    const QGeoCoordinate centre = m_tree.geoFromScene(spec.area.center());
    const double degrees = kHeatmapSigmaKm / (111.32 * std::cos(centre.latitude() * M_PI / 180));
    spec.sigma = QLineF(m_tree.sceneFromGeo(centre.longitude(), centre.latitude()),
                        m_tree.sceneFromGeo(centre.longitude() + degrees, centre.latitude()))
                     .length();
    m_heatWatcher.setFuture(QtConcurrent::run([points = std::move(points), spec] { return map::densityImage(points, spec); }));
}

size_t LiveLayers::markerCount(int layer) const
{
    const auto it = m_layers.find(layer);
    return it == m_layers.end() ? 0 : it->second.points.size();
}

void LiveLayers::update()
{
    for (const state::LiveState::Removed &r : m_state.removed())
        place(r.feed, r.id, -1, {}); // over its kind's bound: off the map
    for (const state::LiveState::Touched &t : m_state.touched()) {
        updateEntity(t.feed, *t.id);
        m_ringsDirty = m_ringsDirty || t.feed == Feed::Poi;
    }
    flush();
}

bool LiveLayers::entryShown(const char *key, int minDetail) const
{
    const auto hidden = m_hidden.find(QString::fromLatin1(key));
    return (hidden == m_hidden.end() || !hidden->second) && (minDetail == 0 || m_detailLevel >= minDetail);
}

bool LiveLayers::crowded() const
{
    return markerCount(kCaseOpen.layer) + markerCount(kCaseInHand.layer) + markerCount(kCaseOverdue.layer) > kCrowdedCases;
}

bool LiveLayers::clustering() const
{
    return (m_crowded || entryShown("clusters", 0)) && m_detailLevel < kClusterBelowDetail;
}

bool LiveLayers::layerShown(int layer) const
{
    if (clustering() && (layer == kCaseOpen.layer || layer == kCaseInHand.layer || layer == kCaseOverdue.layer))
        return false; // drawn as clusters by street

    for (const LegendEntry &e : kLegend)
        for (int l : e.layers)
            if (l == layer)
                return entryShown(e.key, e.minDetail);
    return true;
}

void LiveLayers::followZoom()
{
    const int level = m_map ? m_map->detailLevel() : 0;
    if (level == m_detailLevel)
        return;
    m_detailLevel = level;
    updateWorkloadKey();
    for (const LegendEntry &e : kLegend)
        if (e.minDetail > 0)
            for (int layer : e.layers)
                m_layers[layer].dirty = true;
    for (int layer : {kCaseOpen.layer, kCaseInHand.layer, kCaseOverdue.layer})
        m_layers[layer].dirty = true;
    recluster();
    flush();
    legendMayHaveChanged();
}

void LiveLayers::recluster()
{
    if (!clustering()) {
        m_clusters.update({});
        return;
    }
    if (m_streetOf.empty()) {
        // Each region's street (itself for a street; -1 for a district), found once.
        m_streetOf.assign(m_tree.regions().size(), -1);
        for (size_t i = 0; i < m_streetOf.size(); ++i) {
            int r = int(i);
            while (r >= 0 && m_tree.region(r).level != geo::Level::Street)
                r = m_tree.region(r).parent;
            m_streetOf[i] = r;
        }
    }
    struct Cluster
    {
        QPointF sum;
        int count = 0;
        int overdue = 0;
    };
    std::map<int, Cluster> byStreet; // ordered: the rows keep their order from one second to the next
    for (int layer : {kCaseOpen.layer, kCaseInHand.layer, kCaseOverdue.layer}) {
        const Layer &l = m_layers[layer];
        for (size_t i = 0; i < l.points.size(); ++i) {
            const auto c = m_state.cases().find(l.ids[i]);
            const int region = c != m_state.cases().end() ? c->second.region : -1;
            Cluster &cluster = byStreet[region >= 0 ? m_streetOf[size_t(region)] : -1];
            cluster.sum += l.points[i];
            ++cluster.count;
            cluster.overdue += layer == kCaseOverdue.layer;
        }
    }
    // Streets of the urban core lie closer than their discs are wide at city zoom: discs that would
    // overlap on screen are merged (largest first), into one at their cases' centre that stands for
    // the smallest region holding them all, so every count stays readable and none hides another.
    struct Disc
    {
        int region; // -1: outside every street
        QPointF at;
        int count;
        int overdue;
    };
    std::vector<Disc> discs;
    for (const auto &[street, c] : byStreet)
        discs.push_back({street, c.sum / c.count, c.count, c.overdue}); // where its cases are, not the street's middle
    const double pixelsPerScene = m_map ? m_map->view().scale() : 0;
    if (pixelsPerScene > 0) {
        const double unit = m_map->designUnit();
        const auto radius = [&](int count) { return discDiameter(count) * unit / 2 / pixelsPerScene; };
        const auto commonRegion = [&](int a, int b) {
            if (a < 0 || b < 0)
                return -1;
            std::set<int> above;
            for (int r = a; r >= 0; r = m_tree.region(r).parent)
                above.insert(r);
            for (int r = b; r >= 0; r = m_tree.region(r).parent)
                if (above.count(r))
                    return r;
            return -1;
        };
        std::stable_sort(discs.begin(), discs.end(), [](const Disc &a, const Disc &b) { return a.count > b.count; });
        for (bool merged = true; merged;) {
            merged = false;
            std::vector<Disc> kept;
            for (const Disc &d : discs) {
                auto into = std::find_if(kept.begin(), kept.end(), [&](const Disc &k) {
                    return QLineF(k.at, d.at).length() < radius(k.count) + radius(d.count);
                });
                if (into == kept.end()) {
                    kept.push_back(d);
                    continue;
                }
                into->at = (into->at * into->count + d.at * d.count) / (into->count + d.count);
                into->count += d.count;
                into->overdue += d.overdue;
                into->region = commonRegion(into->region, d.region);
                merged = true; // a grown disc may now touch another: once more
            }
            discs = std::move(kept);
        }
        std::sort(discs.begin(), discs.end(), [](const Disc &a, const Disc &b) { return a.region < b.region; }); // rows keep their order
    }
    QVariantList rows;
    for (const Disc &d : discs)
        rows.append(QVariantMap{{QStringLiteral("code"), d.region >= 0 ? m_tree.region(d.region).code : QString()},
                                {QStringLiteral("sceneX"), d.at.x()},
                                {QStringLiteral("sceneY"), d.at.y()},
                                {QStringLiteral("count"), d.count},
                                {QStringLiteral("overdue"), d.overdue},
                                {QStringLiteral("diameter"), discDiameter(d.count)}});
    m_clusters.update(rows);
}

std::optional<QPointF> LiveLayers::shownAt(Feed kind, const std::string &id) const
{
    const auto &places = m_places[size_t(kind)];
    const auto it = places.find(id);
    if (it == places.end())
        return std::nullopt;
    return m_layers.at(it->second.layer).points[it->second.slot];
}

void LiveLayers::glide()
{
    const qint64 now = m_sinceStart.elapsed();
    bool moving = false;
    for (Feed kind : {Feed::Worker, Feed::Unit}) {
        auto &glides = m_glides[size_t(kind)];
        const auto &places = m_places[size_t(kind)];
        for (auto it = glides.begin(); it != glides.end();) {
            const auto place = places.find(it->first);
            const double t = std::min(1.0, double(now - it->second.startMs) / kGlideMs);
            if (place != places.end()) {
                const double eased = t * t * (3 - 2 * t); // smooth start and stop
                Layer &l = m_layers[place->second.layer];
                l.points[place->second.slot] = it->second.from + (it->second.to - it->second.from) * eased;
                l.dirty = true;
            }
            if (t >= 1 || place == places.end()) {
                it = glides.erase(it);
            } else {
                moving = true;
                ++it;
            }
        }
    }
    flush();
    if (!moving)
        m_glideTimer.stop();
}

void LiveLayers::legendMayHaveChanged()
{
    m_legendModel.update(legend());
    emit legendChanged();
}

void LiveLayers::highlight(double lon, double lat)
{
    if (m_map)
        m_map->setMarkers(kHighlight.layer, kHighlight.color, kHighlight.radius, {m_tree.sceneFromGeo(lon, lat)}, false);
}

void LiveLayers::clearHighlight()
{
    if (m_map)
        m_map->setMarkers(kHighlight.layer, kHighlight.color, kHighlight.radius, {}, false);
}

void LiveLayers::onMarkerTapped(int layer, int slot)
{
    const auto it = m_layers.find(layer);
    if (it == m_layers.end() || slot < 0 || size_t(slot) >= it->second.ids.size())
        return;
    using Kind = Selection::Kind;
    const Kind kind = layer >= kSensorAlarm.layer ? Kind::Sensor
                      : layer >= kUnitEnforcement.layer ? Kind::Unit
                      : layer >= kCaseOpen.layer ? Kind::Case
                      : layer >= kSensorWarning.layer ? Kind::Sensor
                      : layer >= kWorkerIdle.layer ? Kind::Worker
                      : layer >= kSensorNormal.layer ? Kind::Sensor
                                                     : Kind::Camera;
    emit entityPicked(kind, QString::fromStdString(it->second.ids[size_t(slot)]));
}

void LiveLayers::flush()
{
    if (!m_map)
        return;
    for (auto &[layer, data] : m_layers) {
        if (!data.dirty)
            continue;
        const Style *style = styleOf(layer);
        m_map->setMarkers(layer, style->color, style->radius, layerShown(layer) ? data.points : std::vector<QPointF>(),
                          layer != kSite.layer);
        data.dirty = false;
    }
}

QColor LiveLayers::caseColor(bool overdue)
{
    return overdue ? kCaseOverdue.color : kCaseInHand.color;
}

QStringList LiveLayers::legendKeys()
{
    QStringList keys;
    for (const LegendEntry &e : kLegend)
        keys.append(QString::fromLatin1(e.key));
    return keys;
}

WorkloadClasses WorkloadClasses::of(std::vector<double> workloads)
{
    WorkloadClasses classes;
    if (workloads.empty())
        return classes;
    std::sort(workloads.begin(), workloads.end());
    const size_t n = workloads.size();
    for (int c = 0; c <= kClasses; ++c)
        classes.edges[size_t(c)] = workloads[std::min(n - 1, n * size_t(c) / kClasses)];
    classes.edges[kClasses] = workloads.back();
    for (double w : workloads)
        ++classes.regions[size_t(classes.classOf(w))];
    return classes;
}

int WorkloadClasses::classOf(double workload) const
{
    // The first class whose upper edge holds it (ties go to the lower class, so equal loads share a colour).
    for (int c = 0; c < kClasses - 1; ++c)
        if (workload < edges[size_t(c) + 1])
            return c;
    return kClasses - 1;
}

QRgb LiveLayers::workloadClassColor(int workloadClass)
{
    return kClassColors[std::clamp(workloadClass, 0, WorkloadClasses::kClasses - 1)] | 0xff000000;
}

QRgb LiveLayers::idleColor()
{
    return kIdle | 0xff000000;
}

void LiveLayers::recolour()
{
    if (!m_map)
        return;
    const state::Rollups &rollups = m_state.rollups();
    // Workload is cases per worker on duty: until the grids report their workers
    // there is none to show, and the map keeps its geography tints.
    const bool anyWorkload = rollups.city().workersOnDuty > 0;
    const bool shown = !m_hidden[QStringLiteral("workload")] && anyWorkload;
    for (int l = 0; l < geo::kLevelCount; ++l) {
        const QList<int> &regions = m_tree.level(geo::Level(l));
        const auto figuresOf = [&](int index) -> const state::RegionFigures & {
            return size_t(index) < rollups.regionCount() ? rollups.region(index) : rollups.city();
        };
        std::vector<double> loaded;
        int idle = 0;
        for (int index : regions) {
            const state::RegionFigures &f = figuresOf(index);
            if (f.open > 0)
                loaded.push_back(f.workload());
            else
                idle += f.workersOnDuty > 0;
        }
        WorkloadClasses classes = WorkloadClasses::of(std::move(loaded));
        classes.idle = idle;
        m_classes[size_t(l)] = classes;
        std::vector<QRgb> colors;
        if (shown) {
            colors.reserve(size_t(regions.size()));
            for (int index : regions) {
                const state::RegionFigures &f = figuresOf(index);
                colors.push_back(f.open > 0 ? workloadClassColor(classes.classOf(f.workload()))
                                 : f.workersOnDuty > 0 ? idleColor()
                                                       : qRgb(qRed(kNoWorkload), qGreen(kNoWorkload), qBlue(kNoWorkload)));
            }
        }
        if (colors == m_fills[size_t(l)])
            continue;
        m_fills[size_t(l)] = colors;
        if (shown)
            m_map->setFillColors(geo::Level(l), std::move(colors));
        else
            m_map->resetFillColors(geo::Level(l));
    }
    updateWorkloadKey();
}

QVariantList LiveLayers::legend() const
{
    QVariantList entries;
    for (const LegendEntry &e : kLegend) {
        size_t count = 0;
        for (int layer : e.layers)
            count += markerCount(layer);
        const QString key = QString::fromLatin1(e.key);
        const auto hidden = m_hidden.find(key);
        entries.append(QVariantMap{{QStringLiteral("key"), key},
                                   {QStringLiteral("color"), e.color},
                                   {QStringLiteral("shown"), hidden == m_hidden.end() || !hidden->second
                                                                   || (m_crowded && key == QLatin1String("clusters"))},
                                   {QStringLiteral("zoomIn"), m_detailLevel < e.minDetail}, // switched on, shown closer in
                                   {QStringLiteral("count"), double(count)}});
    }
    return entries;
}

void LiveLayers::updateWorkloadKey()
{
    // The level whose fills the map shows now.
    const WorkloadClasses &classes = m_classes[size_t(std::clamp(m_detailLevel, 0, geo::kLevelCount - 1))];
    QVariantList rows{QVariantMap{{QStringLiteral("color"), QColor::fromRgb(idleColor())},
                                  {QStringLiteral("lower"), 0.0},
                                  {QStringLiteral("upper"), 0.0},
                                  {QStringLiteral("regions"), classes.idle},
                                  {QStringLiteral("idle"), true}}};
    for (int c = 0; c < WorkloadClasses::kClasses; ++c)
        rows.append(QVariantMap{{QStringLiteral("color"), QColor::fromRgb(workloadClassColor(c))},
                                {QStringLiteral("lower"), classes.edges[size_t(c)]},
                                {QStringLiteral("upper"), classes.edges[size_t(c) + 1]},
                                {QStringLiteral("regions"), classes.regions[size_t(c)]},
                                {QStringLiteral("idle"), false}});
    m_workloadKey.update(rows);
}

void LiveLayers::setVisible(const QString &key, bool visible)
{
    if (m_hidden[key] == !visible)
        return;
    m_hidden[key] = !visible;
    for (const LegendEntry &e : kLegend)
        if (key == QLatin1String(e.key))
            for (int layer : e.layers)
                m_layers[layer].dirty = true;
    flush();
    if (key == QLatin1String("workload"))
        recolour();
    if (key == QLatin1String("rings"))
        redrawRings();
    if (key == QLatin1String("clusters")) {
        for (int layer : {kCaseOpen.layer, kCaseInHand.layer, kCaseOverdue.layer})
            m_layers[layer].dirty = true;
        flush();
        recluster();
    }
    if (key == QLatin1String("heatmap")) {
        if (visible)
            refreshHeatmap();
        else if (m_map)
            m_map->setHeatmap({}, {});
    }
    legendMayHaveChanged();
}

void LiveLayers::updateEntity(Feed feed, const std::string &id)
{
    const state::LiveState &state = m_state;
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
        if (layer >= 0 && state.slaOf(it->second).state == state::SlaState::Overdue)
            layer = kCaseOverdue.layer; // past its deadline and still in hand: stands out
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
    case Feed::Poi:
        place(feed, id, kSite.layer, at(state.pois().at(id).state.position));
        break;
    case Feed::CameraEvent:
    case Feed::Grid:
        break;
    }
}

bool LiveLayers::seenToMove(QPointF from, QPointF to) const
{
    // A glide costs a frame every 16 ms for 0.8 s: worth it only for a move a viewer can see, at
    // least a pixel long and with a part of it on screen. Anything else moves in place, unseen.
    if (!m_map)
        return true;
    const map::MapView &view = m_map->view();
    if (view.scale() <= 0 || view.viewport().isEmpty())
        return true;
    const QPointF a = view.sceneToScreen(from), b = view.sceneToScreen(to);
    if (QLineF(a, b).length() < 1)
        return false;
    const QRectF screen = QRectF(QPointF(0, 0), view.viewport()).adjusted(-20, -20, 20, 20); // a marker's radius beyond the edge
    return screen.intersects(QRectF(a, b).normalized().adjusted(-1, -1, 1, 1));
}

void LiveLayers::place(Feed kind, const std::string &id, int layer, QPointF point)
{
    auto &places = m_places[size_t(kind)];
    auto it = places.find(id);
    if (it != places.end() && it->second.layer == layer) {
        Layer &l = m_layers[layer];
        QPointF &shown = l.points[it->second.slot];
        if ((kind == Feed::Worker || kind == Feed::Unit) && layerShown(layer) && shown != point && seenToMove(shown, point)) {
            // Workers and units glide from where they are drawn to the new position instead of jumping.
            m_glides[size_t(kind)][id] = Glide{shown, point, m_sinceStart.elapsed()};
            if (!m_glideTimer.isActive())
                m_glideTimer.start();
            return;
        }
        shown = point; // moves in place
        m_glides[size_t(kind)].erase(id);
        l.dirty = true;
        return;
    }
    m_glides[size_t(kind)].erase(id);
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
