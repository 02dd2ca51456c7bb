#include "alarmticker.h"

#include "secondtick.h"

#include "state/livestate.h"
#include "map/geography.h"
#include "logging.h"
#include "text.h"

#include <QVariantMap>

#include <array>
#include <map>
#include <set>
#include <tuple>

namespace gridwall::views {

namespace {

// The reasons an operator gives for shelving, as ids (the wall's QML names them in the UI language).
const QStringList kShelfReasons{QStringLiteral("cause_known"), QStringLiteral("device_fault"), QStringLiteral("planned_work"),
                                QStringLiteral("duplicate")};
constexpr int kLongestShelfMinutes = int(state::AlarmBook::kLongestShelfMs / 60'000);

} // namespace

AlarmTicker::AlarmTicker(const state::LiveState &state, const map::Geography &geography, Actions actions, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_actions(std::move(actions))
    , m_geography(geography)
    , m_lanes({"severity", "count", "items"})
    , m_shelves({"shelfId", "kind", "label", "subject", "subjectName", "district", "reason", "since", "until", "alarms"})
{
    for (RowsModel &lane : m_items)
        lane.setRoles({"alarmId", "kind", "severity", "label", "subject", "subjectName", "district", "raisedAt", "acknowledged", "value",
                       "flood"});
    connect(&SecondTick::instance(), &SecondTick::second, this, &AlarmTicker::refresh);
    refresh();
}

QStringList AlarmTicker::shelfReasons()
{
    return kShelfReasons;
}

bool AlarmTicker::acknowledge(double alarmId)
{
    if (!m_actions.acknowledge || !m_actions.acknowledge(uint64_t(alarmId)))
        return false;
    refresh();
    return true;
}

int AlarmTicker::acknowledgeGroup(double alarmId)
{
    const state::AlarmBook &book = m_state.alarms();
    const state::Alarm *chosen = book.find(uint64_t(alarmId));
    if (!chosen || !m_actions.acknowledge)
        return 0;
    const state::AlarmKind kind = chosen->kind;
    const std::string label = chosen->label;
    const int district = chosen->district;
    std::vector<uint64_t> raised;
    for (int severity = 1; severity <= state::kSeverityCount; ++severity)
        for (const state::Alarm *a : book.active(severity))
            if (a->kind == kind && a->label == label && a->district == district && a->phase == state::AlarmPhase::Raised)
                raised.push_back(a->id);
    int acknowledged = 0;
    for (uint64_t id : raised)
        acknowledged += m_actions.acknowledge(id) ? 1 : 0;
    if (acknowledged > 0)
        refresh();
    return acknowledged;
}

bool AlarmTicker::shelve(double alarmId, bool wholeGroup, const QString &reason, int minutes)
{
    const state::Alarm *alarm = m_state.alarms().find(uint64_t(alarmId));
    if (!alarm || !m_actions.shelve || !kShelfReasons.contains(reason) || minutes < 1 || minutes > kLongestShelfMinutes) {
        qCWarning(lcViews, "alarm %.0f: shelving refused (reason \"%s\", %d min)", alarmId, qPrintable(reason), minutes);
        return false;
    }
    const QString what = QStringLiteral("%1 %2%3%4")
                             .arg(QString::fromLatin1(state::alarmKindName(alarm->kind)), text(alarm->label),
                                  wholeGroup ? QString() : QStringLiteral(" of ") + text(alarm->subject),
                                  alarm->district >= 0 ? QStringLiteral(" in ") + districtName(alarm->district) : QString());
    const uint64_t shelf = m_actions.shelve(alarm->id, wholeGroup, reason.toStdString(), int64_t(minutes) * 60'000);
    if (shelf == 0) {
        qCWarning(lcViews, "alarms %s: shelving refused (a critical alarm, or %zu shelves in place)", qPrintable(what),
                  state::AlarmBook::kMostShelves);
        return false;
    }
    qCInfo(lcViews, "alarms %s shelved for %d min: %s", qPrintable(what), minutes, qPrintable(reason));
    m_shelvesSeen[shelf] = what;
    refresh();
    return true;
}

bool AlarmTicker::unshelve(double shelfId)
{
    if (!m_actions.unshelve || !m_actions.unshelve(uint64_t(shelfId)))
        return false;
    if (const auto seen = m_shelvesSeen.find(uint64_t(shelfId)); seen != m_shelvesSeen.end()) {
        qCInfo(lcViews, "alarms %s back in the lanes: shelf taken down", qPrintable(seen->second));
        m_shelvesSeen.erase(seen);
    }
    refresh();
    return true;
}

QString AlarmTicker::districtName(int district) const
{
    return district >= 0 ? m_geography.displayName(district) : QString();
}

// The name the operator knows the subject by: the camera's, the sensor's site, the case's title.
QString AlarmTicker::subjectName(const state::Alarm &a) const
{
    const state::LiveState &state = m_state;
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
}

void AlarmTicker::refresh()
{
    const state::AlarmBook &book = m_state.alarms();

    // A flood's chip stands for its whole group (kind, label, district), whatever the lanes of its members.
    using Group = std::tuple<state::AlarmKind, std::string, int>;
    std::map<Group, int> floodSize;
    std::array<std::vector<const state::Alarm *>, state::kSeverityCount> byLane;
    std::map<uint64_t, int> onShelf; // shelf id -> active alarms it keeps out
    int active = 0;
    int shelved = 0;
    for (int severity = 1; severity <= state::kSeverityCount; ++severity) {
        for (const state::Alarm *a : book.active(severity)) {
            ++active;
            if (const state::Shelf *shelf = book.shelfOf(*a)) {
                ++onShelf[shelf->id];
                ++shelved;
                continue;
            }
            byLane[size_t(severity - 1)].push_back(a);
            if (book.isFlooded(*a))
                ++floodSize[Group(a->kind, a->label, a->district)];
        }
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
            auto flood = floodSize.find(Group(a->kind, a->label, a->district));
            if (flood != floodSize.end() && flood->second < 2)
                flood = floodSize.end(); // the rest of a flood on a shelf: one alarm reads as itself
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
                                     {QStringLiteral("district"), districtName(a->district)},
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

    // Each shelf is one line; one that left without being taken down had its time up.
    QVariantList shelves;
    std::map<uint64_t, QString> seen;
    for (const state::Shelf &shelf : book.shelves()) {
        QString subjectName;
        if (!shelf.subject.empty()) {
            state::Alarm subject;
            subject.kind = shelf.kind;
            subject.subject = shelf.subject;
            subjectName = this->subjectName(subject);
        }
        shelves.append(QVariantMap{{QStringLiteral("shelfId"), double(shelf.id)},
                                   {QStringLiteral("kind"), QString::fromLatin1(state::alarmKindName(shelf.kind))},
                                   {QStringLiteral("label"), text(shelf.label)},
                                   {QStringLiteral("subject"), text(shelf.subject)},
                                   {QStringLiteral("subjectName"), subjectName},
                                   {QStringLiteral("district"), districtName(shelf.district)},
                                   {QStringLiteral("reason"), text(shelf.reason)},
                                   {QStringLiteral("since"), double(shelf.since)},
                                   {QStringLiteral("until"), double(shelf.until)},
                                   {QStringLiteral("alarms"), onShelf[shelf.id]}});
        const auto before = m_shelvesSeen.find(shelf.id);
        seen[shelf.id] = before != m_shelvesSeen.end() ? before->second : QString::fromLatin1(state::alarmKindName(shelf.kind));
    }
    for (const auto &[id, what] : m_shelvesSeen)
        if (!seen.count(id))
            qCInfo(lcViews, "alarms %s back in the lanes: the shelf's time is up", qPrintable(what));
    m_shelvesSeen = std::move(seen);
    m_shelves.update(shelves);

    m_criticalUnacknowledged = criticalUnacknowledged;
    m_active = active;
    m_shelved = shelved;
    emit refreshed();
}

} // namespace gridwall::views
