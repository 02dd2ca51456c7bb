#include "rollups.h"

namespace gridwall::state {

void RunningMedian::insert(int64_t value)
{
    if (m_low.empty() || value <= m_low.top())
        m_low.push(value);
    else
        m_high.push(value);
    // Keep |low| == |high| or |low| == |high| + 1.
    if (m_low.size() > m_high.size() + 1) {
        m_high.push(m_low.top());
        m_low.pop();
    } else if (m_high.size() > m_low.size()) {
        m_low.push(m_high.top());
        m_high.pop();
    }
}

int64_t RunningMedian::median() const
{
    return m_low.empty() ? 0 : m_low.top();
}

void RunningMedian::clear()
{
    m_low = {};
    m_high = {};
}

Rollups::Rollups(std::vector<int> parents)
    : m_parents(std::move(parents))
    , m_figures(m_parents.size() + 1)
{
}

void Rollups::addCase(int region, const CaseShare &share, int sign)
{
    if (!share.open)
        return;
    alongPath(region, [&](RegionFigures &f) {
        f.open += sign;
        f.overdue += share.overdue ? sign : 0;
        f.dueSoon += share.dueSoon ? sign : 0;
        f.openLocated += share.located ? sign : 0;
        f.openOutsideFive += share.outsideFive ? sign : 0;
        f.load += sign * share.load;
        if (share.source >= 0)
            f.openBySource[size_t(share.source)] += sign;
        if (share.category >= 0) {
            if (f.openByCategory.size() <= size_t(share.category))
                f.openByCategory.resize(size_t(share.category) + 1);
            f.openByCategory[size_t(share.category)] += sign;
        }
    });
}

void Rollups::caseReportedToday(int region, int sign)
{
    alongPath(region, [sign](RegionFigures &f) { f.newToday += sign; });
}

void Rollups::caseClosedToday(int region, int64_t handlingMs)
{
    alongPath(region, [&](RegionFigures &f) {
        ++f.closedToday;
        if (handlingMs >= 0)
            f.handlingToday.insert(handlingMs);
    });
}

void Rollups::workers(int region, int onDutyDelta, int totalDelta)
{
    alongPath(region, [&](RegionFigures &f) {
        f.workersOnDuty += onDutyDelta;
        f.workersTotal += totalDelta;
    });
}

void Rollups::camera(int region, int countDelta, int onlineDelta)
{
    alongPath(region, [&](RegionFigures &f) {
        f.cameras += countDelta;
        f.camerasOnline += onlineDelta;
    });
}

void Rollups::sensor(int region, int countDelta, int warnDelta, int alarmDelta)
{
    alongPath(region, [&](RegionFigures &f) {
        f.sensors += countDelta;
        f.sensorsWarn += warnDelta;
        f.sensorsAlarm += alarmDelta;
    });
}

void Rollups::newDay()
{
    for (RegionFigures &f : m_figures) {
        f.newToday = 0;
        f.closedToday = 0;
        f.handlingToday.clear();
    }
}

} // namespace gridwall::state
