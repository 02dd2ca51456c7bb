#include "entitypanel.h"

#include "secondtick.h"

#include "geo/regiontree.h"
#include "state/livestate.h"
#include "map/geography.h"
#include "text.h"

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

} // namespace

EntityPanel::EntityPanel(const state::LiveState &state, const map::Geography &geography, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_geography(geography)
{
    // While an entity is shown.
    connect(&SecondTick::instance(), &SecondTick::second, this, [this] {
        if (!m_kind.isEmpty())
            refresh();
    });
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
    m_shown = {};
    m_seen = false;
    emit selectionChanged();
    refresh();
}

QList<RegionRef> EntityPanel::pathOf(int region) const
{
    QList<RegionRef> chain;
    if (region < 0)
        return chain;
    const geo::RegionTree &tree = m_geography.tree();
    for (int i : tree.pathTo(region))
        chain.append({tree.region(i).code, m_geography.displayName(i), geo::levelName(tree.region(i).level)});
    return chain;
}

void EntityPanel::refresh()
{
    Shown shown;
    bool found = false;
    if (m_kind == QLatin1String("case"))
        found = readCase(shown);
    else if (m_kind == QLatin1String("camera"))
        found = readCamera(shown);
    else if (m_kind == QLatin1String("sensor"))
        found = readSensor(shown);
    else if (m_kind == QLatin1String("worker"))
        found = readWorker(shown);
    else if (m_kind == QLatin1String("unit"))
        found = readUnit(shown);
    m_live = found;
    // Gone from the live state: keep showing what was last known (the panel says it is no longer live).
    if (found || !m_seen) {
        m_shown = std::move(shown);
        m_seen = found;
    }
    emit refreshed();
}

bool EntityPanel::readCase(Shown &shown) const
{
    const state::LiveState &state = m_state;
    const auto it = state.cases().find(m_id.toStdString());
    if (it == state.cases().end())
        return false;
    const state::CaseRecord &c = it->second;
    const state::Sla sla = state.slaOf(c);
    CaseFacts &facts = shown.caseFacts;
    facts.title = text(c.title);
    facts.category = text(c.category);
    facts.status = text(feed::kCaseStatusNames[size_t(c.status)]);
    facts.priority = c.priority;
    facts.source = c.source ? text(feed::kCaseSourceNames[size_t(*c.source)]) : QString();
    facts.reportedTs = double(c.reportedTs);
    facts.statusSince = double(c.statusSince);
    facts.deadline = double(c.deadline);
    facts.sla = QString::fromLatin1(slaName(sla.state));
    facts.slaMarginMs = double(sla.marginMs);
    facts.grid = text(c.grid);
    facts.dept = text(c.dept);
    facts.assignee = text(c.assignee);
    facts.flagged = c.flagged();
    facts.outsideFive = c.outsideFive;
    shown.lastMessage = double(c.updatedTs);
    shown.path = pathOf(c.region);
    shown.position = c.position;
    // Who and what is near: the nearest cameras, workers on duty around, the response rings covering it.
    if (const auto context = state.contextOfCase(it->first, 3)) {
        for (const auto &cam : context->cameras) {
            const auto cit = state.cameras().find(cam.id);
            facts.cameras.append({text(cam.id), cit != state.cameras().end() ? text(cit->second.state.name) : QString(),
                                  cam.metres, cam.online});
        }
        for (size_t i = 0; i < context->workers.size() && i < 3; ++i) {
            const auto &w = context->workers[i];
            const auto wit = state.workers().find(w.id);
            facts.workersNear.append({text(w.id), wit != state.workers().end() ? text(wit->second.name) : QString(), w.metres});
        }
        facts.workersNearCount = int(context->workers.size());
        for (const auto &r : context->rings) {
            const auto pit = state.pois().find(r.poi);
            facts.rings.append({pit != state.pois().end() ? text(pit->second.state.name) : text(r.poi), r.minutes});
        }
    }
    return true;
}

bool EntityPanel::readCamera(Shown &shown) const
{
    const state::LiveState &state = m_state;
    const auto it = state.cameras().find(m_id.toStdString());
    if (it == state.cameras().end())
        return false;
    const state::CameraRecord &r = it->second;
    CameraFacts &facts = shown.cameraFacts;
    facts.name = text(r.state.name);
    facts.online = r.state.online;
    facts.stream = text(r.state.stream);
    facts.cameraKind = text(r.state.kind);
    // Newest first, as the panel lists them.
    for (auto e = r.recentEvents.rbegin(); e != r.recentEvents.rend(); ++e)
        facts.events.append({double(e->ts), text(feed::kCameraEventTypeNames[size_t(e->type)]), e->severity, text(e->snapshot)});
    shown.lastMessage = double(r.state.ts);
    shown.path = pathOf(r.region);
    shown.position = r.state.position;
    return true;
}

bool EntityPanel::readSensor(Shown &shown) const
{
    const state::LiveState &state = m_state;
    const auto it = state.sensors().find(m_id.toStdString());
    if (it == state.sensors().end())
        return false;
    const state::SensorRecord &r = it->second;
    SensorFacts &facts = shown.sensorFacts;
    facts.level = r.level;
    if (r.state) {
        facts.sensorKind = text(feed::kSensorKindNames[size_t(r.state->kind)]);
        facts.unit = text(r.state->unit);
        facts.warn = r.state->warn;
        facts.alarm = r.state->alarm;
        facts.site = text(r.state->site);
        facts.sector = text(r.state->sector);
        shown.position = r.state->position;
        shown.lastMessage = double(r.state->ts);
    }
    if (r.reading) {
        facts.hasReading = true;
        facts.value = r.reading->value;
        shown.lastMessage = double(r.reading->ts);
    }
    shown.path = pathOf(r.region);
    return true;
}

bool EntityPanel::readWorker(Shown &shown) const
{
    const state::LiveState &state = m_state;
    const auto it = state.workers().find(m_id.toStdString());
    if (it == state.workers().end())
        return false;
    const feed::WorkerPosition &w = it->second;
    shown.workerFacts = {text(w.name), text(feed::kWorkerStatusNames[size_t(w.status)])};
    shown.lastMessage = double(w.ts);
    shown.path = pathOf(state.gridAt(w.position));
    shown.position = w.position;
    return true;
}

bool EntityPanel::readUnit(Shown &shown) const
{
    const state::LiveState &state = m_state;
    const auto it = state.units().find(m_id.toStdString());
    if (it == state.units().end())
        return false;
    const feed::UnitPosition &u = it->second;
    shown.unitFacts = {text(feed::kUnitKindNames[size_t(u.kind)]), text(u.status)};
    shown.lastMessage = double(u.ts);
    shown.path = pathOf(state.gridAt(u.position));
    shown.position = u.position;
    return true;
}

} // namespace gridwall::views
