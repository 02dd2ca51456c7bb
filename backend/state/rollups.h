#pragma once
// Per-region figures for all four levels of the grid tree plus the whole
// city, kept up to date by adding and removing each entity's share along its
// grid's path to the top (at most five updates, never a rescan).

#include "feed/events.h"

#include <array>
#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

namespace gridwall::state {

// The median of a growing set (handling times closed today): two heaps, O(log n) insert, O(1) median.
class RunningMedian
{
public:
    void insert(int64_t value);
    int64_t median() const; // the lower of the two middle values; 0 when empty
    size_t size() const { return m_low.size() + m_high.size(); }
    void clear();

private:
    std::priority_queue<int64_t> m_low;                                              // the smaller half (max on top)
    std::priority_queue<int64_t, std::vector<int64_t>, std::greater<int64_t>> m_high; // the larger half
};

// What one case adds to the figures of every region above its grid.
struct CaseShare
{
    bool open = false;
    bool overdue = false;
    bool dueSoon = false;
    bool located = false;    // has a position (the five-minute ring share counts these)
    bool outsideFive = false; // open, located and outside every ring of five minutes or less
    int8_t source = -1;       // feed::CaseSource, -1 unknown
    int category = -1;        // interned category, -1 unknown
    int32_t load = 0;         // workload units (docs/state.md)

    bool operator==(const CaseShare &) const = default;
};

struct RegionFigures
{
    // Cases
    int open = 0;
    int overdue = 0;
    int dueSoon = 0;
    int newToday = 0;    // reported on today's Asia/Shanghai calendar day
    int closedToday = 0; // closed today
    int openLocated = 0;
    int openOutsideFive = 0;
    std::array<int, feed::kCaseSourceCount> openBySource{};
    std::vector<int> openByCategory; // by interned category; may be shorter than the category list
    RunningMedian handlingToday;     // reported -> closed, ms, of the cases closed today
    // People and devices
    int workersOnDuty = 0;
    int workersTotal = 0;
    int cameras = 0;
    int camerasOnline = 0;
    int sensors = 0;
    int sensorsWarn = 0;  // at warning level now
    int sensorsAlarm = 0; // at alarm level now
    int64_t load = 0;     // workload units of the open cases below

    // Share of the cases in hand today that are closed: closed today / (closed today + open).
    double closureRate() const { return closedToday + open > 0 ? double(closedToday) / double(closedToday + open) : 0.0; }
    int64_t medianHandlingMs() const { return handlingToday.median(); }
    double camerasOnlinePercent() const { return cameras > 0 ? 100.0 * camerasOnline / cameras : 0.0; }
    // Workload index: units per worker on duty (docs/state.md).
    double workload() const { return double(load) / double(workersOnDuty > 0 ? workersOnDuty : 1); }
    double shareOutsideFive() const { return openLocated > 0 ? double(openOutsideFive) / openLocated : 0.0; }
    int openInCategory(int category) const
    {
        return category >= 0 && size_t(category) < openByCategory.size() ? openByCategory[size_t(category)] : 0;
    }
};

// Workload index at which the colour ramp saturates (docs/state.md).
inline constexpr double kWorkloadSaturation = 16.0;
inline double workloadRamp(double index) { return index >= kWorkloadSaturation ? 1.0 : index / kWorkloadSaturation; }

class Rollups
{
public:
    // parents[i]: region i's parent index, -1 for a district. Index size() is the city.
    explicit Rollups(std::vector<int> parents);

    size_t regionCount() const { return m_parents.size(); }
    const RegionFigures &region(int index) const { return m_figures[size_t(index)]; }
    // The whole city, including what lies in no region.
    const RegionFigures &city() const { return m_figures.back(); }

    // Adds (sign +1) or removes (-1) a case's share at a region (-1: the city only) and above.
    void addCase(int region, const CaseShare &share, int sign);
    void caseReportedToday(int region, int sign);
    void caseClosedToday(int region, int64_t handlingMs); // handlingMs < 0: reported time unknown
    void workers(int region, int onDutyDelta, int totalDelta);
    void camera(int region, int countDelta, int onlineDelta);
    void sensor(int region, int countDelta, int warnDelta, int alarmDelta);
    // A new Asia/Shanghai day: today's counts start from zero.
    void newDay();

    // Calls f(figures) for the region, its ancestors and the city.
    template<typename F>
    void alongPath(int region, F &&f)
    {
        for (int r = region; r >= 0; r = m_parents[size_t(r)])
            f(m_figures[size_t(r)]);
        f(m_figures.back());
    }

private:
    std::vector<int> m_parents;
    std::vector<RegionFigures> m_figures; // one per region, then the city
};

} // namespace gridwall::state
