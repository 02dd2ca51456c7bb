#pragma once
// The live city as the feeds describe it: the latest state of every case,
// camera, sensor, grid, worker, unit and site, the roll-ups of every region,
// the alarms and the spatial context (docs/state.md). Applied a whole batch
// at a time on the GUI thread; the cost is proportional to the batch.

#include "alarms.h"
#include "casemachine.h"
#include "pointindex.h"
#include "rollups.h"

#include "feed/events.h"
#include "feed/feedstats.h"
#include "feed/ingestqueue.h"

#include <array>
#include <deque>
#include <optional>
#include <queue>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace gridwall::geo {
class RegionTree;
}

namespace gridwall::state {

inline constexpr int64_t kMinuteMs = 60'000;
inline constexpr int64_t kHourMs = 60 * kMinuteMs;
inline constexpr int64_t kDayMs = 24 * kHourMs;
// Asia/Shanghai is UTC+8 all year (no daylight saving time).
inline constexpr int64_t kShanghaiOffsetMs = 8 * kHourMs;
// An ended (closed or rejected) case stays in the live state this long after
// its last event; the history keeps it for good.
inline constexpr int64_t kKeepEndedMs = 2 * kDayMs;
// The Asia/Shanghai calendar day of an epoch-ms time (day 0 = 1970-01-01).
constexpr int64_t shanghaiDay(int64_t ms)
{
    const int64_t local = ms + kShanghaiOffsetMs;
    return local >= 0 ? local / kDayMs : (local - kDayMs + 1) / kDayMs;
}
constexpr int64_t shanghaiMidnight(int64_t day) { return day * kDayMs - kShanghaiOffsetMs; }

// Where a case stands against its deadline.
enum class SlaState : uint8_t {
    None,    // no deadline known
    OnTime,  // in hand, deadline not near
    DueSoon, // in hand, within the due-soon window
    Overdue, // in hand, past the deadline
    Met,     // resolved or closed by the deadline
    Missed,  // resolved or closed after it
    Stopped, // rejected
};
struct Sla
{
    SlaState state = SlaState::None;
    int64_t marginMs = 0; // deadline - now (in hand) or deadline - time resolved (met/missed): negative is late
};

struct CaseRecord
{
    int64_t seq = 0;
    uint64_t seenSeqs = 0; // bit s-1 for each seq s <= 64 applied: older gaps may still be filled by their report
    feed::CaseStatus status = feed::CaseStatus::Reported;
    int64_t reportedTs = 0; // 0: the report has not been seen (events came out of order)
    int64_t updatedTs = 0;
    int64_t statusSince = 0; // when the current status began
    int64_t resolvedTs = 0;  // the first time it was resolved (the SLA clock stops)
    int64_t closedTs = 0;
    int64_t handlingMs = -1; // reported -> closed, once closed and the report is known
    std::array<int64_t, feed::kCaseStatusCount> msInStatus{}; // time spent in each earlier status
    std::string category;
    int categoryIndex = -1;
    std::optional<feed::CaseSource> source;
    std::string title;
    int priority = 0;
    std::optional<feed::GeoPoint> position;
    int64_t deadline = 0;
    std::string grid;    // grid code as published, or found by point-in-polygon
    int region = -1;     // the grid's region index; -1 outside every grid (or no geography)
    int countedRegion = -1;  // where `share` is counted
    int64_t newOnDay = -1;   // the day it was counted as new (in countedRegion)
    int64_t slaNext = 0;     // the SLA boundary its live timer waits for (0: none)
    std::string dept;
    std::string assignee;
    int illegalTransitions = 0; // events refused as illegal transitions: the case is flagged
    bool outsideFive = false;   // located outside every ring of five minutes or less
    CaseShare share;            // what it adds to the roll-ups now
    uint32_t slaGeneration = 0; // invalidates earlier SLA timers
    int64_t evictAt = 0;        // an ended case leaves the live state then (0: open)
    uint64_t heard = 0;         // when its last event arrived, in the state's arrival order (the live bound)

    bool flagged() const { return illegalTransitions > 0; }
};

struct CameraRecord
{
    feed::CameraState state;
    uint32_t slot = 0;
    int region = -1;
    // Its latest events, newest last (the camera's panel lists them with their snapshots).
    static constexpr size_t kRecentEvents = 5;
    std::deque<feed::CameraEvent> recentEvents;
    uint64_t heard = 0;
};

struct SensorRecord
{
    std::optional<feed::SensorState> state;
    std::optional<feed::SensorReading> reading;
    int region = -1;
    int level = 0; // 0 normal, 1 warning, 2 alarm: as counted in the roll-ups
    uint64_t levelAlarm = 0;
    uint64_t heard = 0;
};

struct GridRecord
{
    feed::GridState state;
    int region = -1;
};

struct PoiRecord
{
    feed::PoiState state;
    uint32_t slot = 0;
    uint64_t heard = 0;
};

// The kinds of entity the live state bounds, and how many of each it holds
// at most (docs/state.md). Sized for ten times Panjin (9,321 grid workers,
// 6,283 cameras, 454 sensors, 71 units, 762 sites, about 16,000 cases open
// or ended within two days); beyond, the least recently heard of that kind
// leave the live state, never the history. Grids need no bound: a grid
// state must name a grid of the geography.
enum class Bounded : uint8_t { Case, Camera, Sensor, Worker, Unit, Poi };
inline constexpr int kBoundedCount = 6;
inline constexpr std::array<const char *, kBoundedCount> kBoundedNames = {"case", "camera", "sensor", "worker", "unit", "poi"};
struct LiveBounds
{
    // The city's clock runs at most this far ahead of the wall's (docs/feeds.md).
    int64_t maxAheadMs = feed::kDefaultMaxAheadMs;
    std::array<size_t, kBoundedCount> limit = {160'000, 64'000, 10'000, 100'000, 1'000, 10'000};
};

// What lies around a point: answers "who and what is near this case?".
struct SpatialContext
{
    struct Near
    {
        std::string id;
        double metres = 0;
    };
    struct Camera : Near
    {
        bool online = false;
    };
    struct Worker : Near
    {
        int region = -1; // the grid the worker is in
    };
    struct Ring
    {
        std::string poi;
        feed::PoiKind kind = feed::PoiKind::Other;
        int minutes = 0;
        int radiusM = 0;
        double metres = 0; // from the site
    };
    feed::GeoPoint at;
    int region = -1;                     // the grid under the point
    std::vector<Camera> cameras;         // nearest first
    std::vector<Worker> workers;         // on duty in the grid and the grids around it, nearest first
    std::optional<Near> mediationRoom;   // the nearest
    std::optional<Near> mediationPoint;  // the nearest
    std::vector<Ring> rings;             // every response ring covering the point, smallest first
};

class LiveState
{
public:
    // Without a tree the state keeps only city-wide figures.
    explicit LiveState(feed::FeedStats &stats, const geo::RegionTree *tree = nullptr, AlarmConfig alarms = {},
                       LiveBounds bounds = {});
    // Capacity reserved at start (tables still grow beyond it): cases in hand or
    // ended within two days, and workers, cameras or sensors of each kind.
    static constexpr size_t kExpectedCases = 32768;
    static constexpr size_t kExpectedDevices = 8192;
    ~LiveState();
    LiveState(const LiveState &) = delete;
    LiveState &operator=(const LiveState &) = delete;

    struct Applied
    {
        size_t applied = 0;
        size_t rejected = 0; // duplicate, stale or illegal case events
    };
    // Moves the batch's events into the state. `now` is the wall clock (epoch ms).
    Applied apply(feed::Batch &&batch, int64_t now);
    // Time passes without events: SLA clocks, silence, the new day.
    void tick(int64_t now);
    // A case as stored by the history (its derived figures are recomputed);
    // ignored if the case is known already. `now` is the wall clock.
    void restoreCase(const std::string &id, CaseRecord record, int64_t now);
    // The newest journal row among the case events applied or refused so far.
    int64_t journalHighWater() const { return m_journalHighWater; }

    // What the last apply() changed: one entry per applied event, pointing at
    // the entity's id as stored here, for views that follow the state; after
    // tick(), the cases whose deadline clock changed their standing.
    struct Touched
    {
        feed::Feed feed;
        const std::string *id;
    };
    const std::vector<Touched> &touched() const { return m_touched; }

    // Case events the last apply() refused as stale or illegal (not
    // duplicates: the first copy stands), for the history to mark.
    struct Refused
    {
        std::string id;
        int64_t seq;
        feed::Reject reason;
    };
    const std::vector<Refused> &refused() const { return m_refused; }
    // Entities that left the live state in the last apply() because their
    // kind was over its bound (docs/state.md), for views to drop.
    struct Removed
    {
        feed::Feed feed;
        std::string id;
    };
    const std::vector<Removed> &removed() const { return m_removed; }
    const LiveBounds &bounds() const { return m_bounds; }
    // Entities evicted over their kind's bound since the start.
    uint64_t evicted(Bounded kind) const { return m_evicted[size_t(kind)]; }
    // Moments that count in the history's hourly series, since the last call.
    struct CaseMoment
    {
        enum Kind : uint8_t { Reported, Closed, WentOverdue } kind;
        int region;         // -1: the city only
        int64_t at;         // when (event time; the city clock for going overdue)
        int64_t handlingMs; // Closed: reported -> closed, -1 unknown
    };
    std::vector<CaseMoment> takeCaseMoments() { return std::exchange(m_caseMoments, {}); }
    // Alarms raised, acknowledged or cleared since the last call, each with
    // its state after the change, for the history.
    std::vector<Alarm> takeAlarmChanges() { return std::exchange(m_alarmChanges, {}); }
    // The operator acknowledged an alarm (raised -> acknowledged, at the wall
    // clock of the last apply or tick); false if unknown or not raised.
    bool acknowledgeAlarm(uint64_t id);
    // The operator shelved an alarm's group (or its subject in it) for a reason, for
    // `durationMs` from the wall clock of the last apply or tick: the shelf's id, 0 refused
    // (AlarmBook::shelve). Shelving changes no alarm: the lanes leave them out.
    uint64_t shelveAlarms(uint64_t alarmId, bool wholeGroup, std::string reason, int64_t durationMs)
    {
        return m_alarms.shelve(alarmId, wholeGroup, std::move(reason), m_wall + durationMs, m_wall);
    }

    // The city's clock: the wall clock, or the newest payload time when
    // producers run ahead of it (a simulator in accelerated time).
    int64_t now() const { return m_now; }
    int64_t today() const { return m_day; }

    const std::unordered_map<std::string, CaseRecord> &cases() const { return m_cases; }
    const std::unordered_map<std::string, CameraRecord> &cameras() const { return m_cameras; }
    const std::unordered_map<std::string, SensorRecord> &sensors() const { return m_sensors; }
    const std::unordered_map<std::string, GridRecord> &grids() const { return m_grids; }
    const std::unordered_map<std::string, feed::WorkerPosition> &workers() const { return m_workers; }
    const std::unordered_map<std::string, feed::UnitPosition> &units() const { return m_units; }
    const std::unordered_map<std::string, PoiRecord> &pois() const { return m_pois; }

    const Rollups &rollups() const { return m_rollups; }
    // Cases that received an event refused as an illegal transition.
    int flaggedCases() const { return m_flaggedCases; }
    const AlarmBook &alarms() const { return m_alarms; }
    AlarmBook &alarms() { return m_alarms; }
    const std::vector<std::string> &categories() const { return m_categoryNames; }
    const geo::RegionTree *tree() const { return m_tree; }

    Sla slaOf(const CaseRecord &c) const;
    // Time in a status so far, the current one included.
    int64_t msIn(const CaseRecord &c, feed::CaseStatus status) const;
    // The grid (region index) under a point, or -1.
    int gridAt(feed::GeoPoint p) const;
    // Whether a ring of five minutes or less covers the point.
    bool coveredByFiveMinutes(feed::GeoPoint p) const;

    SpatialContext contextAt(feed::GeoPoint p, size_t cameraCount = 5) const;
    std::optional<SpatialContext> contextOfCase(const std::string &id, size_t cameraCount = 5) const;
    std::optional<SpatialContext> contextOfSensor(const std::string &id, size_t cameraCount = 5) const;

    // Due-soon window of a case: the last quarter of its time, at most an hour.
    static int64_t dueSoonWindow(const CaseRecord &c);
    // Workload units of a case in hand (docs/state.md).
    static int32_t loadUnits(int priority, int64_t overdueMs);

private:
    const std::string *applyCase(feed::CaseEvent &&e);
    void applyOne(feed::Event &&event, Applied &result);
    const std::string *applyCamera(feed::CameraState &&e);
    const std::string *applySensorState(feed::SensorState &&e);
    const std::string *applySensorReading(feed::SensorReading &&e);
    const std::string *applyGrid(feed::GridState &&e);
    const std::string *applyPoi(feed::PoiState &&e);
    void applyCameraEvent(const feed::CameraEvent &e);

    void advanceClock(int64_t ts);
    void followWallClock(int64_t now);
    // Keeps each kind within its bound, least recently heard out first.
    void enforceBounds();
    template <typename Map, typename Heard, typename Drop>
    void evictOldest(Bounded kind, Map &map, Heard heard, Drop drop);
    void dropCase(const std::string &id, CaseRecord &c);
    void dropCamera(const std::string &id, CameraRecord &r);
    void dropSensor(const std::string &id, SensorRecord &r);
    void dropPoi(const std::string &id, PoiRecord &r);
    void runTimers();
    void rejectCase(feed::Reject reason, const feed::CaseEvent &e, const CaseRecord &c);
    void takeReport(CaseRecord &c, feed::CaseEvent &e);
    int regionOfCase(const CaseRecord &c) const;
    CaseShare shareOf(const CaseRecord &c) const;
    // Brings the case's roll-up share, region, SLA timer and overdue alarm up to date.
    void refresh(const std::string &id, CaseRecord &c);
    void scheduleSla(const std::string &id, CaseRecord &c);
    void recheckCoverage();
    void followAlarms();
    int districtOf(int region) const;
    int gridRegion(const std::string &code) const;
    int internCategory(const std::string &name);

    feed::FeedStats &m_stats;
    feed::RejectLog m_rejectLog;
    const geo::RegionTree *m_tree;
    Rollups m_rollups;
    AlarmBook m_alarms;

    int64_t m_now = 0;
    int64_t m_wall = 0; // the wall clock at the last apply or tick
    int64_t m_day = 0;

    std::unordered_map<std::string, CaseRecord> m_cases;
    std::unordered_map<std::string, CameraRecord> m_cameras;
    std::unordered_map<std::string, SensorRecord> m_sensors;
    std::unordered_map<std::string, GridRecord> m_grids;
    std::unordered_map<std::string, feed::WorkerPosition> m_workers;
    std::unordered_map<std::string, feed::UnitPosition> m_units;
    std::unordered_map<std::string, PoiRecord> m_pois;
    std::vector<Touched> m_touched;
    std::vector<Refused> m_refused;
    std::vector<Removed> m_removed;
    LiveBounds m_bounds;
    std::array<uint64_t, kBoundedCount> m_evicted{};
    uint64_t m_arrivals = 0; // arrival order of every event applied, for the bounds
    std::vector<Alarm> m_alarmChanges;
    std::vector<CaseMoment> m_caseMoments;
    int64_t m_journalHighWater = 0;
    int m_flaggedCases = 0;

    std::unordered_map<std::string, int> m_categoryIndex;
    std::vector<std::string> m_categoryNames;

    // Timed changes of a case, earliest first: SLA boundaries (due soon,
    // overdue, a later overdue-age step), and when an ended case leaves the
    // live state. By id: the case may be gone when one comes due.
    struct CaseTimer
    {
        int64_t at;
        std::string id;
        uint32_t generation; // the case's slaGeneration when set
        bool operator>(const CaseTimer &o) const { return at > o.at; }
    };
    std::priority_queue<CaseTimer, std::vector<CaseTimer>, std::greater<CaseTimer>> m_caseTimers;
    std::priority_queue<CaseTimer, std::vector<CaseTimer>, std::greater<CaseTimer>> m_evictions;
    // Only from tick() (touched() loses the cases evicted).
    void evictEnded();

    PointIndex m_cameraIndex;
    std::vector<const std::string *> m_cameraBySlot; // null: a slot freed by eviction
    std::vector<uint32_t> m_freeCameraSlots;
    PointIndex m_mediationIndex; // rooms and points
    PointIndex m_ringIndex;      // sites with response rings
    std::vector<const std::string *> m_poiBySlot;
    std::vector<uint32_t> m_freePoiSlots;
    double m_maxFiveRadius = 0;  // the largest ring of five minutes or less
    double m_maxRingRadius = 0;
    bool m_coverageStale = false;

    std::vector<int> m_districtOf; // per region: its district's region index
    std::unordered_map<std::string, int> m_gridByCode;
    std::vector<double> m_fiveRadiusBySlot; // per site slot: its largest ring of five minutes or less
    mutable std::vector<std::vector<int>> m_neighbours; // grid adjacency, computed on first use
    mutable std::vector<PointHit> m_hits;
};

} // namespace gridwall::state
