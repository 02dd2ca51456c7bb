#include "pluginapi.h"

#include "geo/regiontree.h"
#include "map/geography.h"
#include "map/geomap.h"
#include "pluginhost.h"
#include "views/entitypanel.h"
#include "views/historyqueries.h"
#include "views/livefeed.h"
#include "views/regionpanel.h"
#include "views/text.h"

namespace gridwall::plugins {

using views::text;

namespace {

void addPosition(QVariantMap &row, feed::GeoPoint p)
{
    row.insert(QStringLiteral("lon"), p.lon);
    row.insert(QStringLiteral("lat"), p.lat);
}

} // namespace

PluginApi::PluginApi(const Manifest &manifest, const WallParts &wall, PluginHost &host, bool english, QObject *parent)
    : QObject(parent)
    , m_manifest(manifest)
    , m_wall(wall)
    , m_host(host)
    , m_english(english)
{
    if (m_wall.map)
        connect(m_wall.map, &map::GeoMap::viewChanged, this, &PluginApi::viewChanged);
}

QPointF PluginApi::toMap(double lon, double lat) const
{
    if (!m_wall.map || !m_wall.geography)
        return {};
    return m_wall.map->view().sceneToScreen(m_wall.geography->tree().sceneFromGeo(lon, lat));
}

double PluginApi::metresPerPixel() const
{
    return m_wall.map ? m_wall.map->groundMetresPerPixel() : 0;
}

void PluginApi::setUnit(double unit)
{
    if (unit == m_unit)
        return;
    m_unit = unit;
    emit unitChanged();
}

bool PluginApi::allowed(const QString &what, bool declared)
{
    if (declared && m_wall.feed)
        return true;
    if (!declared)
        m_host.reportError(m_manifest.id, QStringLiteral("read %1, which plugin.json does not declare").arg(what));
    return false;
}

double PluginApi::now() const
{
    return m_wall.feed ? double(m_wall.feed->state().now()) : 0;
}

QVariantMap PluginApi::city() const
{
    return m_wall.feed ? views::RegionPanel::figuresMap(m_wall.feed->state().rollups().city()) : QVariantMap();
}

QVariantMap PluginApi::region() const
{
    return m_wall.region ? m_wall.region->figures() : city();
}

QVariantMap PluginApi::selection() const
{
    QVariantMap out;
    if (!m_manifest.data.contains(QStringLiteral("selection")))
        return out;
    if (m_wall.region) {
        const QVariantMap f = m_wall.region->figures();
        out = {{QStringLiteral("code"), m_wall.region->code()},
               {QStringLiteral("name"), f.value(QStringLiteral("name"))},
               {QStringLiteral("level"), f.value(QStringLiteral("level"))}};
    }
    if (m_wall.entity) {
        out.insert(QStringLiteral("kind"), m_wall.entity->kind());
        out.insert(QStringLiteral("id"), m_wall.entity->entityId());
    }
    return out;
}

QObject *PluginApi::history() const
{
    return m_manifest.data.contains(QStringLiteral("history")) ? m_wall.history : nullptr;
}

QVariantList PluginApi::entities(const QString &feedName)
{
    QVariantList rows;
    if (!allowed(QStringLiteral("the %1 feed").arg(feedName), m_manifest.reads(feedName)))
        return rows;
    const state::LiveState &state = m_wall.feed->state();
    const geo::RegionTree &tree = m_wall.geography->tree();
    const auto code = [&](int region) { return region >= 0 ? tree.region(region).code : QString(); };
    if (feedName == QLatin1String("case")) {
        for (const auto &[id, c] : state.cases()) {
            QVariantMap row{{QStringLiteral("id"), text(id)},
                            {QStringLiteral("status"), text(feed::kCaseStatusNames[size_t(c.status)])},
                            {QStringLiteral("category"), text(c.category)},
                            {QStringLiteral("priority"), c.priority},
                            {QStringLiteral("source"), c.source ? text(feed::kCaseSourceNames[size_t(*c.source)]) : QString()},
                            {QStringLiteral("reportedTs"), double(c.reportedTs)},
                            {QStringLiteral("deadline"), double(c.deadline)},
                            {QStringLiteral("overdue"), state.slaOf(c).state == state::SlaState::Overdue},
                            {QStringLiteral("grid"), code(c.region)},
                            {QStringLiteral("dept"), text(c.dept)},
                            {QStringLiteral("outsideFive"), c.outsideFive}};
            if (c.position)
                addPosition(row, *c.position);
            rows.append(row);
        }
    } else if (feedName == QLatin1String("camera")) {
        for (const auto &[id, c] : state.cameras()) {
            QVariantMap row{{QStringLiteral("id"), text(id)},
                            {QStringLiteral("name"), text(c.state.name)},
                            {QStringLiteral("online"), c.state.online},
                            {QStringLiteral("grid"), code(c.region)},
                            {QStringLiteral("events"), int(c.recentEvents.size())}};
            addPosition(row, c.state.position);
            rows.append(row);
        }
    } else if (feedName == QLatin1String("sensor")) {
        for (const auto &[id, s] : state.sensors()) {
            QVariantMap row{{QStringLiteral("id"), text(id)}, {QStringLiteral("level"), s.level}, {QStringLiteral("grid"), code(s.region)}};
            if (s.state) {
                row.insert(QStringLiteral("kind"), text(feed::kSensorKindNames[size_t(s.state->kind)]));
                row.insert(QStringLiteral("site"), text(s.state->site));
                row.insert(QStringLiteral("sector"), text(s.state->sector));
                row.insert(QStringLiteral("warn"), s.state->warn);
                row.insert(QStringLiteral("alarm"), s.state->alarm);
                row.insert(QStringLiteral("unit"), text(s.state->unit));
                addPosition(row, s.state->position);
            }
            if (s.reading)
                row.insert(QStringLiteral("value"), s.reading->value);
            rows.append(row);
        }
    } else if (feedName == QLatin1String("worker")) {
        for (const auto &[id, w] : state.workers()) {
            QVariantMap row{{QStringLiteral("id"), text(id)},
                            {QStringLiteral("name"), text(w.name)},
                            {QStringLiteral("status"), text(feed::kWorkerStatusNames[size_t(w.status)])}};
            addPosition(row, w.position);
            rows.append(row);
        }
    } else if (feedName == QLatin1String("unit")) {
        for (const auto &[id, u] : state.units()) {
            QVariantMap row{{QStringLiteral("id"), text(id)},
                            {QStringLiteral("kind"), text(feed::kUnitKindNames[size_t(u.kind)])},
                            {QStringLiteral("status"), text(u.status)}};
            addPosition(row, u.position);
            rows.append(row);
        }
    } else if (feedName == QLatin1String("poi")) {
        for (const auto &[id, p] : state.pois()) {
            QVariantList rings;
            for (const feed::Ring &r : p.state.rings)
                rings.append(QVariantMap{{QStringLiteral("minutes"), r.minutes}, {QStringLiteral("radiusM"), r.radiusM}});
            QVariantMap row{{QStringLiteral("id"), text(id)},
                            {QStringLiteral("kind"), text(feed::kPoiKindNames[size_t(p.state.kind)])},
                            {QStringLiteral("name"), text(p.state.name)},
                            {QStringLiteral("rings"), rings}};
            addPosition(row, p.state.position);
            rows.append(row);
        }
    } else if (feedName == QLatin1String("grid")) {
        for (const auto &[id, g] : state.grids())
            rows.append(QVariantMap{{QStringLiteral("code"), text(id)},
                                    {QStringLiteral("workersOnDuty"), g.state.workersOnDuty},
                                    {QStringLiteral("workersTotal"), g.state.workersTotal}});
    }
    return rows;
}

QVariantList PluginApi::alarms()
{
    QVariantList rows;
    if (!allowed(QStringLiteral("the alarms"), m_manifest.reads(QStringLiteral("alarm"))))
        return rows;
    const state::AlarmBook &book = m_wall.feed->state().alarms();
    for (int severity = state::kSeverityCount; severity >= 1; --severity)
        for (const state::Alarm *a : book.active(severity))
            rows.append(QVariantMap{{QStringLiteral("id"), double(a->id)},
                                    {QStringLiteral("kind"), QString::fromLatin1(state::alarmKindName(a->kind))},
                                    {QStringLiteral("severity"), a->severity},
                                    {QStringLiteral("subject"), text(a->subject)},
                                    {QStringLiteral("label"), text(a->label)},
                                    {QStringLiteral("raisedAt"), double(a->raisedAt)},
                                    {QStringLiteral("acknowledged"), a->phase == state::AlarmPhase::Acknowledged}});
    return rows;
}

QVariantList PluginApi::regions(const QString &levelName)
{
    QVariantList rows;
    if (!allowed(QStringLiteral("the regions"), m_manifest.data.contains(QStringLiteral("regions"))))
        return rows;
    const geo::RegionTree &tree = m_wall.geography->tree();
    const state::Rollups &rollups = m_wall.feed->state().rollups();
    for (geo::Level level : {geo::Level::District, geo::Level::Street, geo::Level::Community, geo::Level::Grid}) {
        if (geo::levelName(level) != levelName)
            continue;
        for (int index : tree.level(level)) {
            QVariantMap row = views::RegionPanel::figuresMap(rollups.region(index));
            row.insert(QStringLiteral("code"), tree.region(index).code);
            row.insert(QStringLiteral("name"), m_wall.geography->displayName(index));
            rows.append(row);
        }
    }
    return rows;
}

} // namespace gridwall::plugins
