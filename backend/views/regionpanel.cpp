#include "regionpanel.h"

#include "secondtick.h"

#include "geo/regiontree.h"
#include "map/geography.h"
#include "state/livestate.h"

#include <QSet>

#include <algorithm>
#include <tuple>

namespace gridwall::views {

QVariantMap RegionPanel::figuresMap(const state::RegionFigures &rollup)
{
    // What the panel adds itself is not the roll-ups'.
    static const QSet<QByteArray> panelOwn = {"code", "name", "level", "alarms", "alarmsCritical"};
    QVariantMap map = Figures::of(rollup).toMap();
    for (const QByteArray &own : panelOwn)
        map.remove(QString::fromLatin1(own));
    return map;
}


RegionPanel::RegionPanel(const state::LiveState &state, const map::Geography &geography, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_geography(geography)
    , m_tree(geography.tree())
    , m_children({"code", "name", "level", "workload", "open", "overdue", "workersOnDuty", "workloadShare", "openShare"})
    , m_categories({"category", "open", "openShare"})
{
    connect(&SecondTick::instance(), &SecondTick::second, this, &RegionPanel::refresh);
    refresh();
}

void RegionPanel::setCode(const QString &code)
{
    const int index = code.isEmpty() ? -1 : m_tree.indexOf(code);
    const QString known = index >= 0 ? code : QString();
    if (known == m_code)
        return;
    m_code = known;
    m_index = index;
    emit codeChanged();
    refresh();
}

RegionRef RegionPanel::describe(int index) const
{
    const geo::Region &r = m_tree.region(index);
    return {r.code, m_geography.displayName(index), geo::levelName(r.level)};
}

QList<RegionRef> RegionPanel::path() const
{
    QList<RegionRef> chain;
    if (m_index >= 0)
        for (int i : m_tree.pathTo(m_index))
            chain.append(describe(i));
    return chain;
}

std::pair<int, int> RegionPanel::activeAlarms() const
{
    const state::LiveState &state = m_state;
    const state::AlarmBook &book = state.alarms();
    if (m_index < 0)
        return {book.activeCount(1) + book.activeCount(2) + book.activeCount(3) + book.activeCount(4), book.activeCount(4)};
    // Where each alarm's subject is: the case's, camera's or sensor's grid, then up the tree.
    const auto regionOf = [&](const state::Alarm &a) {
        switch (a.kind) {
        case state::AlarmKind::CaseOverdue:
            if (const auto it = state.cases().find(a.subject); it != state.cases().end())
                return it->second.region;
            break;
        case state::AlarmKind::CameraEvent:
        case state::AlarmKind::CameraSilent:
            if (const auto it = state.cameras().find(a.subject); it != state.cameras().end())
                return it->second.region;
            break;
        case state::AlarmKind::SensorWarn:
        case state::AlarmKind::SensorAlarm:
        case state::AlarmKind::SensorSilent:
            if (const auto it = state.sensors().find(a.subject); it != state.sensors().end())
                return it->second.region;
            break;
        }
        return -1;
    };
    int alarms = 0, critical = 0;
    for (int severity = 1; severity <= state::kSeverityCount; ++severity) {
        for (const state::Alarm *a : book.active(severity)) {
            for (int r = regionOf(*a); r >= 0; r = m_tree.region(r).parent) {
                if (r == m_index) {
                    ++alarms;
                    critical += severity == state::kSeverityCount;
                    break;
                }
            }
        }
    }
    return {alarms, critical};
}

QVariantList RegionPanel::categoryRows(const state::RegionFigures &figures) const
{
    const std::vector<std::string> &names = m_state.categories();
    std::vector<std::pair<int, size_t>> ranked; // open, category
    for (size_t c = 0; c < figures.openByCategory.size() && c < names.size(); ++c)
        if (figures.openByCategory[c] > 0)
            ranked.emplace_back(figures.openByCategory[c], c);
    // Most first; a tie in the name's order, so that equal rows keep their place from one second to the next.
    std::sort(ranked.begin(), ranked.end(), [&](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : names[a.second] < names[b.second];
    });
    QVariantList rows;
    for (const auto &[open, c] : ranked)
        rows.append(QVariantMap{{QStringLiteral("category"), QString::fromStdString(names[c])},
                                {QStringLiteral("open"), open},
                                {QStringLiteral("openShare"), double(open) / ranked.front().first}});
    return rows;
}

void RegionPanel::refresh()
{
    const state::Rollups &rollups = m_state.rollups();
    const auto figuresAt = [&](int index) -> const state::RegionFigures & {
        return index >= 0 && size_t(index) < rollups.regionCount() ? rollups.region(index) : rollups.city();
    };
    m_figures = Figures::of(figuresAt(m_index));
    const RegionRef region = m_index >= 0 ? describe(m_index) : RegionRef{QString(), QString(), QStringLiteral("city")};
    m_figures.code = region.code;
    m_figures.name = region.name;
    m_figures.level = region.level;
    std::tie(m_figures.alarms, m_figures.alarmsCritical) = activeAlarms();
    const QList<int> &below = m_index >= 0 ? m_tree.region(m_index).children : m_tree.level(geo::Level::District);
    std::vector<std::pair<double, int>> ranked;
    ranked.reserve(size_t(below.size()));
    for (int child : below) {
        const state::RegionFigures &f = figuresAt(child);
        ranked.emplace_back(f.open > 0 ? f.workload() : 0.0, child);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    // Bars are drawn against the largest sibling: the rows say each one's share of it.
    double mostLoad = 0;
    int mostOpen = 0;
    for (const auto &[workload, child] : ranked) {
        mostLoad = std::max(mostLoad, workload);
        mostOpen = std::max(mostOpen, figuresAt(child).open);
    }
    QVariantList children;
    for (const auto &[workload, child] : ranked) {
        const state::RegionFigures &f = figuresAt(child);
        const RegionRef ref = describe(child);
        children.append(QVariantMap{{QStringLiteral("code"), ref.code},
                                    {QStringLiteral("name"), ref.name},
                                    {QStringLiteral("level"), ref.level},
                                    {QStringLiteral("workload"), workload},
                                    {QStringLiteral("open"), f.open},
                                    {QStringLiteral("overdue"), f.overdue},
                                    {QStringLiteral("workersOnDuty"), f.workersOnDuty},
                                    {QStringLiteral("workloadShare"), mostLoad > 0 ? workload / mostLoad : 0.0},
                                    {QStringLiteral("openShare"), mostOpen > 0 ? double(f.open) / mostOpen : 0.0}});
    }
    m_children.update(children);
    m_categories.update(categoryRows(figuresAt(m_index)));
    emit refreshed();
}

} // namespace gridwall::views
