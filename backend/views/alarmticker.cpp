#include "alarmticker.h"

#include "state/livestate.h"
#include "map/geography.h"
#include "text.h"

#include <QVariantMap>

#include <array>
#include <map>
#include <set>
#include <tuple>

namespace gridwall::views {

AlarmTicker::AlarmTicker(const state::LiveState &state, const map::Geography &geography,
                         std::function<bool(uint64_t)> acknowledge, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_acknowledge(std::move(acknowledge))
    , m_geography(geography)
    , m_lanes({"severity", "count", "items"})
{
    for (RowsModel &lane : m_items)
        lane.setRoles({"alarmId", "kind", "severity", "label", "subject", "subjectName", "district", "raisedAt", "acknowledged", "value",
                       "flood"});
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &AlarmTicker::refresh);
    m_timer.start();
    refresh();
}

bool AlarmTicker::acknowledge(double alarmId)
{
    if (!m_acknowledge || !m_acknowledge(uint64_t(alarmId)))
        return false;
    refresh();
    return true;
}

void AlarmTicker::refresh()
{
    const state::LiveState &state = m_state;
    const state::AlarmBook &book = state.alarms();
    // The name the operator knows the subject by: the camera's, the sensor's site, the case's title.
    const auto subjectName = [&](const state::Alarm &a) -> QString {
        switch (a.kind) {
        case state::AlarmKind::CameraEvent:
        case state::AlarmKind::CameraSilent:
            if (const auto it = state.cameras().find(a.subject); it != state.cameras().end() && !it->second.state.name.empty())
                return text(it->second.state.name);
            break;
        case state::AlarmKind::SensorWarn:
        case state::AlarmKind::SensorAlarm:
        case state::AlarmKind::SensorSilent:
            if (const auto it = state.sensors().find(a.subject); it != state.sensors().end() && it->second.state && !it->second.state->site.empty())
                return text(it->second.state->site);
            break;
        case state::AlarmKind::CaseOverdue:
            if (const auto it = state.cases().find(a.subject); it != state.cases().end() && !it->second.title.empty())
                return text(it->second.title);
            break;
        }
        return text(a.subject);
    };

    // A flood's chip stands for its whole group (kind, label, district), whatever the lanes of its members.
    using Group = std::tuple<state::AlarmKind, std::string, int>;
    std::map<Group, int> floodSize;
    std::array<std::vector<const state::Alarm *>, state::kSeverityCount> byLane;
    int active = 0;
    for (int severity = 1; severity <= state::kSeverityCount; ++severity) {
        byLane[size_t(severity - 1)] = book.active(severity);
        active += int(byLane[size_t(severity - 1)].size());
        for (const state::Alarm *a : byLane[size_t(severity - 1)])
            if (book.isFlooded(*a))
                ++floodSize[Group(a->kind, a->label, a->district)];
    }

    QVariantList lanes;
    int criticalUnacknowledged = 0;
    std::set<Group> floodShown; // one chip per flood, in the highest lane it reaches
    for (int severity = state::kSeverityCount; severity >= 1; --severity) {
        const std::vector<const state::Alarm *> &alarms = byLane[size_t(severity - 1)];
        if (alarms.empty()) {
            m_items[size_t(severity - 1)].update({});
            continue;
        }
        QVariantList items;
        for (const state::Alarm *a : alarms) {
            if (severity == state::kSeverityCount && a->phase == state::AlarmPhase::Raised)
                ++criticalUnacknowledged;
            const auto flood = floodSize.find(Group(a->kind, a->label, a->district));
            if (flood != floodSize.end() && !floodShown.insert(flood->first).second)
                continue;
            if (items.size() >= kItemsPerLane)
                continue;
            items.append(QVariantMap{{QStringLiteral("alarmId"), double(a->id)},
                                     {QStringLiteral("kind"), QString::fromLatin1(state::alarmKindName(a->kind))},
                                     {QStringLiteral("severity"), a->severity},
                                     {QStringLiteral("label"), text(a->label)},
                                     {QStringLiteral("subject"), text(a->subject)},
                                     {QStringLiteral("subjectName"), subjectName(*a)},
                                     {QStringLiteral("district"), a->district >= 0 ? m_geography.displayName(a->district) : QString()},
                                     {QStringLiteral("raisedAt"), double(a->raisedAt)},
                                     {QStringLiteral("acknowledged"), a->phase == state::AlarmPhase::Acknowledged},
                                     {QStringLiteral("value"), a->value},
                                     {QStringLiteral("flood"), flood != floodSize.end() ? flood->second : 0}});
        }
        RowsModel &laneItems = m_items[size_t(severity - 1)];
        laneItems.update(items);
        lanes.append(QVariantMap{{QStringLiteral("severity"), severity},
                                 {QStringLiteral("count"), int(alarms.size())},
                                 {QStringLiteral("items"), QVariant::fromValue(static_cast<QObject *>(&laneItems))}});
    }
    m_lanes.update(lanes);
    m_criticalUnacknowledged = criticalUnacknowledged;
    m_active = active;
    emit refreshed();
}

} // namespace gridwall::views
