#include "entitypanel.h"

#include "geo/regiontree.h"
#include "state/livestate.h"
#include "map/geography.h"
#include "text.h"

#include <QVariantList>

namespace gridwall::views {

namespace {

const char *slaName(state::SlaState s)
{
    switch (s) {
    case state::SlaState::None: return "none";
    case state::SlaState::OnTime: return "on_time";
    case state::SlaState::DueSoon: return "due_soon";
    case state::SlaState::Overdue: return "overdue";
    case state::SlaState::Met: return "met";
    case state::SlaState::Missed: return "missed";
    case state::SlaState::Stopped: return "stopped";
    }
    return "none";
}

void addPosition(QVariantMap &m, feed::GeoPoint p)
{
    m.insert(QStringLiteral("lat"), p.lat);
    m.insert(QStringLiteral("lon"), p.lon);
}

} // namespace

EntityPanel::EntityPanel(const state::LiveState &state, const map::Geography &geography, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_geography(geography)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &EntityPanel::refresh);
}

void EntityPanel::select(const QString &kind, const QString &id)
{
    static const QStringList kinds = {QStringLiteral("case"), QStringLiteral("camera"), QStringLiteral("sensor"),
                                      QStringLiteral("worker"), QStringLiteral("unit")};
    const bool known = kinds.contains(kind) && !id.isEmpty();
    const QString newKind = known ? kind : QString();
    const QString newId = known ? id : QString();
    if (newKind == m_kind && newId == m_id)
        return;
    m_kind = newKind;
    m_id = newId;
    m_details.clear();
    m_position.reset();
    if (m_kind.isEmpty())
        m_timer.stop();
    else
        m_timer.start();
    emit selectionChanged();
    refresh();
}

QVariantList EntityPanel::pathOf(int region) const
{
    QVariantList chain;
    if (region < 0)
        return chain;
    const geo::RegionTree &tree = m_geography.tree();
    for (int i : tree.pathTo(region)) {
        const geo::Region &r = tree.region(i);
        chain.append(QVariantMap{{QStringLiteral("code"), r.code},
                                 {QStringLiteral("name"), m_geography.displayName(i)},
                                 {QStringLiteral("level"), geo::levelName(r.level)}});
    }
    return chain;
}

void EntityPanel::refresh()
{
    bool found = false;
    QVariantMap details;
    if (m_kind == QLatin1String("case"))
        details = caseDetails(found);
    else if (m_kind == QLatin1String("camera"))
        details = cameraDetails(found);
    else if (m_kind == QLatin1String("sensor"))
        details = sensorDetails(found);
    else if (m_kind == QLatin1String("worker"))
        details = workerDetails(found);
    else if (m_kind == QLatin1String("unit"))
        details = unitDetails(found);
    m_live = found;
    // Gone from the live state: keep showing what was last known (the panel says it is no longer live).
    if (found || m_details.isEmpty()) {
        m_details = details;
        m_position = found ? positionNow() : std::nullopt;
    }
    emit refreshed();
}

std::optional<feed::GeoPoint> EntityPanel::positionNow() const
{
    const state::LiveState &state = m_state;
    const std::string id = m_id.toStdString();
    if (m_kind == QLatin1String("case")) {
        if (const auto it = state.cases().find(id); it != state.cases().end())
            return it->second.position;
    } else if (m_kind == QLatin1String("camera")) {
        if (const auto it = state.cameras().find(id); it != state.cameras().end())
            return it->second.state.position;
    } else if (m_kind == QLatin1String("sensor")) {
        if (const auto it = state.sensors().find(id); it != state.sensors().end() && it->second.state)
            return it->second.state->position;
    } else if (m_kind == QLatin1String("worker")) {
        if (const auto it = state.workers().find(id); it != state.workers().end())
            return it->second.position;
    } else if (m_kind == QLatin1String("unit")) {
        if (const auto it = state.units().find(id); it != state.units().end())
            return it->second.position;
    }
    return std::nullopt;
}

QVariantMap EntityPanel::caseDetails(bool &found) const
{
    const state::LiveState &state = m_state;
    const auto it = state.cases().find(m_id.toStdString());
    found = it != state.cases().end();
    if (!found)
        return {};
    const state::CaseRecord &c = it->second;
    const state::Sla sla = state.slaOf(c);
    QVariantMap m{{QStringLiteral("id"), m_id},
                  {QStringLiteral("title"), text(c.title)},
                  {QStringLiteral("category"), text(c.category)},
                  {QStringLiteral("status"), text(feed::kCaseStatusNames[size_t(c.status)])},
                  {QStringLiteral("priority"), c.priority},
                  {QStringLiteral("source"), c.source ? text(feed::kCaseSourceNames[size_t(*c.source)]) : QString()},
                  {QStringLiteral("reportedTs"), double(c.reportedTs)},
                  {QStringLiteral("ts"), double(c.updatedTs)},
                  {QStringLiteral("statusSince"), double(c.statusSince)},
                  {QStringLiteral("deadline"), double(c.deadline)},
                  {QStringLiteral("sla"), QString::fromLatin1(slaName(sla.state))},
                  {QStringLiteral("slaMarginMs"), double(sla.marginMs)},
                  {QStringLiteral("grid"), text(c.grid)},
                  {QStringLiteral("dept"), text(c.dept)},
                  {QStringLiteral("assignee"), text(c.assignee)},
                  {QStringLiteral("flagged"), c.flagged()},
                  {QStringLiteral("outsideFive"), c.outsideFive},
                  {QStringLiteral("path"), pathOf(c.region)}};
    if (c.position)
        addPosition(m, *c.position);
    // Who and what is near: the nearest cameras, workers on duty around, the response rings covering it.
    if (const auto context = state.contextOfCase(it->first, 3)) {
        QVariantList cameras, workers, rings;
        for (const auto &cam : context->cameras) {
            const auto cit = state.cameras().find(cam.id);
            cameras.append(QVariantMap{{QStringLiteral("id"), text(cam.id)},
                                       {QStringLiteral("name"), cit != state.cameras().end() ? text(cit->second.state.name) : QString()},
                                       {QStringLiteral("metres"), cam.metres},
                                       {QStringLiteral("online"), cam.online}});
        }
        for (size_t i = 0; i < context->workers.size() && i < 3; ++i) {
            const auto &w = context->workers[i];
            const auto wit = state.workers().find(w.id);
            workers.append(QVariantMap{{QStringLiteral("id"), text(w.id)},
                                       {QStringLiteral("name"), wit != state.workers().end() ? text(wit->second.name) : QString()},
                                       {QStringLiteral("metres"), w.metres}});
        }
        for (const auto &r : context->rings) {
            const auto pit = state.pois().find(r.poi);
            rings.append(QVariantMap{{QStringLiteral("site"), pit != state.pois().end() ? text(pit->second.state.name) : text(r.poi)},
                                     {QStringLiteral("minutes"), r.minutes}});
        }
        m.insert(QStringLiteral("cameras"), cameras);
        m.insert(QStringLiteral("workersNear"), workers);
        m.insert(QStringLiteral("workersNearCount"), int(context->workers.size()));
        m.insert(QStringLiteral("rings"), rings);
    }
    return m;
}

QVariantMap EntityPanel::cameraDetails(bool &found) const
{
    const state::LiveState &state = m_state;
    const auto it = state.cameras().find(m_id.toStdString());
    found = it != state.cameras().end();
    if (!found)
        return {};
    const state::CameraRecord &r = it->second;
    QVariantList events;
    // Newest first, as the panel lists them.
    for (auto e = r.recentEvents.rbegin(); e != r.recentEvents.rend(); ++e)
        events.append(QVariantMap{{QStringLiteral("ts"), double(e->ts)},
                                  {QStringLiteral("type"), text(feed::kCameraEventTypeNames[size_t(e->type)])},
                                  {QStringLiteral("severity"), e->severity},
                                  {QStringLiteral("snapshot"), text(e->snapshot)}});
    QVariantMap m{{QStringLiteral("id"), m_id},
                  {QStringLiteral("name"), text(r.state.name)},
                  {QStringLiteral("online"), r.state.online},
                  {QStringLiteral("stream"), text(r.state.stream)},
                  {QStringLiteral("cameraKind"), text(r.state.kind)},
                  {QStringLiteral("ts"), double(r.state.ts)},
                  {QStringLiteral("events"), events},
                  {QStringLiteral("path"), pathOf(r.region)}};
    addPosition(m, r.state.position);
    return m;
}

QVariantMap EntityPanel::sensorDetails(bool &found) const
{
    const state::LiveState &state = m_state;
    const auto it = state.sensors().find(m_id.toStdString());
    found = it != state.sensors().end();
    if (!found)
        return {};
    const state::SensorRecord &r = it->second;
    QVariantMap m{{QStringLiteral("id"), m_id},
                  {QStringLiteral("level"), r.level},
                  {QStringLiteral("path"), pathOf(r.region)}};
    if (r.state) {
        m.insert(QStringLiteral("sensorKind"), text(feed::kSensorKindNames[size_t(r.state->kind)]));
        m.insert(QStringLiteral("unit"), text(r.state->unit));
        m.insert(QStringLiteral("warn"), r.state->warn);
        m.insert(QStringLiteral("alarm"), r.state->alarm);
        m.insert(QStringLiteral("site"), text(r.state->site));
        m.insert(QStringLiteral("sector"), text(r.state->sector));
        addPosition(m, r.state->position);
    }
    if (r.reading) {
        m.insert(QStringLiteral("value"), r.reading->value);
        m.insert(QStringLiteral("ts"), double(r.reading->ts));
    } else if (r.state) {
        m.insert(QStringLiteral("ts"), double(r.state->ts));
    }
    return m;
}

QVariantMap EntityPanel::workerDetails(bool &found) const
{
    const state::LiveState &state = m_state;
    const auto it = state.workers().find(m_id.toStdString());
    found = it != state.workers().end();
    if (!found)
        return {};
    const feed::WorkerPosition &w = it->second;
    QVariantMap m{{QStringLiteral("id"), m_id},
                  {QStringLiteral("name"), text(w.name)},
                  {QStringLiteral("status"), text(feed::kWorkerStatusNames[size_t(w.status)])},
                  {QStringLiteral("ts"), double(w.ts)},
                  {QStringLiteral("path"), pathOf(state.gridAt(w.position))}};
    addPosition(m, w.position);
    return m;
}

QVariantMap EntityPanel::unitDetails(bool &found) const
{
    const state::LiveState &state = m_state;
    const auto it = state.units().find(m_id.toStdString());
    found = it != state.units().end();
    if (!found)
        return {};
    const feed::UnitPosition &u = it->second;
    QVariantMap m{{QStringLiteral("id"), m_id},
                  {QStringLiteral("unitKind"), text(feed::kUnitKindNames[size_t(u.kind)])},
                  {QStringLiteral("status"), text(u.status)},
                  {QStringLiteral("ts"), double(u.ts)},
                  {QStringLiteral("path"), pathOf(state.gridAt(u.position))}};
    addPosition(m, u.position);
    return m;
}

} // namespace gridwall::views
