#include "livestate.h"

#include "geo/adjacency.h"
#include "geo/regiontree.h"

#include <algorithm>
#include <unordered_set>

namespace gridwall::state {

using namespace gridwall::feed;

namespace {

std::vector<int> parentsOf(const geo::RegionTree *tree)
{
    std::vector<int> parents;
    if (tree) {
        parents.reserve(tree->regions().size());
        for (const geo::Region &r : tree->regions())
            parents.push_back(r.parent);
    }
    return parents;
}

// A slot of a point index for a new entity: one freed by an eviction first, so
// the slots stay dense however many come and go.
uint32_t takeSlot(std::vector<const std::string *> &bySlot, std::vector<uint32_t> &freed, const std::string *id)
{
    if (freed.empty()) {
        bySlot.push_back(id);
        return uint32_t(bySlot.size() - 1);
    }
    const uint32_t slot = freed.back();
    freed.pop_back();
    bySlot[slot] = id;
    return slot;
}

bool samePlace(GeoPoint a, GeoPoint b) { return a.lon == b.lon && a.lat == b.lat; }

bool isMediation(PoiKind kind) { return kind == PoiKind::MediationRoom || kind == PoiKind::MediationPoint; }

int fiveMinuteRadius(const PoiState &poi)
{
    int radius = 0;
    for (const Ring &ring : poi.rings)
        if (ring.minutes <= 5)
            radius = std::max(radius, ring.radiusM);
    return radius;
}

int outerRadius(const PoiState &poi)
{
    int radius = 0;
    for (const Ring &ring : poi.rings)
        radius = std::max(radius, ring.radiusM);
    return radius;
}

} // namespace

LiveState::LiveState(FeedStats &stats, const geo::RegionTree *tree, AlarmConfig alarms, LiveBounds bounds)
    : m_stats(stats)
    , m_tree(tree)
    , m_rollups(parentsOf(tree))
    , m_alarms(alarms)
    , m_bounds(bounds)
{
    // Room for a city's cases and devices up front: growing a hash table rehashes every entry
    // at once, a frame-long stall in the middle of a busy minute.
    m_cases.reserve(kExpectedCases);
    m_workers.reserve(kExpectedDevices);
    m_cameras.reserve(kExpectedDevices);
    m_sensors.reserve(kExpectedDevices);
    if (tree) {
        m_districtOf.resize(tree->regions().size(), -1);
        for (size_t i = 0; i < tree->regions().size(); ++i) {
            int r = int(i);
            while (tree->region(r).parent >= 0)
                r = tree->region(r).parent;
            m_districtOf[i] = r;
        }
        for (int g : tree->level(geo::Level::Grid))
            m_gridByCode.emplace(tree->region(g).code.toStdString(), g);
    }
}

LiveState::~LiveState() = default;

// --- time -------------------------------------------------------------------

void LiveState::advanceClock(int64_t ts)
{
    // Payload times move the city's clock at most the bound ahead of the
    // wall's: one producer with a broken clock must not end everybody's day.
    const int64_t target = std::min(ts, m_wall + m_bounds.maxAheadMs);
    if (target <= m_now)
        return;
    m_now = target;
    const int64_t day = shanghaiDay(m_now);
    if (day != m_day) {
        m_day = day;
        m_rollups.newDay();
    }
}

void LiveState::followWallClock(int64_t now)
{
    // The city's clock runs with the wall clock, also when it is ahead of it
    // (up to the bound, counted from the wall clock's new reading).
    const int64_t elapsed = m_wall > 0 && now > m_wall ? now - m_wall : 0;
    m_wall = std::max(m_wall, now);
    advanceClock(m_now + elapsed);
    advanceClock(now);
}

void LiveState::tick(int64_t now)
{
    m_touched.clear(); // from here: the cases whose deadline clock moved them on
    m_removed.clear();
    followWallClock(now);
    enforceBounds(); // after a restore, which stores cases without apply()
    runTimers();
    evictEnded();
    recheckCoverage();
    followAlarms();
}

void LiveState::evictEnded()
{
    while (!m_evictions.empty() && m_evictions.top().at <= m_now) {
        const CaseTimer timer = m_evictions.top();
        m_evictions.pop();
        const auto it = m_cases.find(timer.id);
        if (it == m_cases.end() || it->second.evictAt != timer.at || !isTerminal(it->second.status))
            continue;
        if (it->second.flagged())
            --m_flaggedCases;
        const std::string *gone = &it->first;
        std::erase_if(m_touched, [gone](const Touched &t) { return t.id == gone; });
        m_cases.erase(it);
    }
}

// --- bounds -----------------------------------------------------------------

template <typename Map, typename Heard, typename Drop>
void LiveState::evictOldest(Bounded kind, Map &map, Heard heard, Drop drop)
{
    const size_t limit = m_bounds.limit[size_t(kind)];
    if (map.size() <= limit)
        return;
    // Down to 99 % of the bound: one pass over the kind serves the next 1 % of
    // new entities, so a producer inventing ids costs O(1) a message.
    const size_t keep = limit - limit / 100;
    std::vector<std::pair<uint64_t, typename Map::iterator>> order;
    order.reserve(map.size());
    for (auto it = map.begin(); it != map.end(); ++it)
        order.emplace_back(heard(it->second), it);
    const size_t out = map.size() - keep;
    std::nth_element(order.begin(), order.begin() + ptrdiff_t(out), order.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    std::unordered_set<const std::string *> gone;
    gone.reserve(out);
    const Feed feed = kind == Bounded::Case ? Feed::Case
                      : kind == Bounded::Camera ? Feed::CameraState
                      : kind == Bounded::Sensor ? Feed::SensorState
                      : kind == Bounded::Worker ? Feed::Worker
                      : kind == Bounded::Unit   ? Feed::Unit
                                                : Feed::Poi;
    for (size_t i = 0; i < out; ++i) {
        const auto it = order[i].second;
        gone.insert(&it->first);
        m_removed.push_back({feed, it->first});
        drop(it->first, it->second);
    }
    // Views follow touched() by pointer: none may point at an entity gone.
    std::erase_if(m_touched, [&gone](const Touched &t) { return gone.count(t.id) > 0; });
    for (size_t i = 0; i < out; ++i)
        map.erase(order[i].second);
    m_evicted[size_t(kind)] += out;
}

void LiveState::enforceBounds()
{
    evictOldest(Bounded::Case, m_cases, [](const CaseRecord &c) { return c.heard; },
                [this](const std::string &id, CaseRecord &c) { dropCase(id, c); });
    evictOldest(Bounded::Camera, m_cameras, [](const CameraRecord &r) { return r.heard; },
                [this](const std::string &id, CameraRecord &r) { dropCamera(id, r); });
    evictOldest(Bounded::Sensor, m_sensors, [](const SensorRecord &r) { return r.heard; },
                [this](const std::string &id, SensorRecord &r) { dropSensor(id, r); });
    evictOldest(Bounded::Worker, m_workers, [](const WorkerPosition &w) { return w.heard; }, [](const std::string &, auto &) {});
    evictOldest(Bounded::Unit, m_units, [](const UnitPosition &u) { return u.heard; }, [](const std::string &, auto &) {});
    evictOldest(Bounded::Poi, m_pois, [](const PoiRecord &r) { return r.heard; },
                [this](const std::string &id, PoiRecord &r) { dropPoi(id, r); });
}

// What an entity adds to the roll-ups, indexes and alarms goes with it.
void LiveState::dropCase(const std::string &id, CaseRecord &c)
{
    if (c.flagged())
        --m_flaggedCases;
    m_rollups.addCase(c.countedRegion, c.share, -1);
    m_alarms.caseSettled(id, m_wall);
}

void LiveState::dropCamera(const std::string &id, CameraRecord &r)
{
    m_rollups.camera(r.region, -1, r.state.online ? -1 : 0);
    m_cameraIndex.remove(r.slot);
    m_cameraBySlot[r.slot] = nullptr;
    m_freeCameraSlots.push_back(r.slot);
    m_alarms.forget(id);
}

void LiveState::dropSensor(const std::string &id, SensorRecord &r)
{
    if (r.state)
        m_rollups.sensor(r.region, -1, r.level == 1 ? -1 : 0, r.level == 2 ? -1 : 0);
    m_alarms.forget(id);
}

void LiveState::dropPoi(const std::string &, PoiRecord &r)
{
    m_mediationIndex.remove(r.slot);
    m_ringIndex.remove(r.slot);
    m_poiBySlot[r.slot] = nullptr;
    m_freePoiSlots.push_back(r.slot);
    if (!r.state.rings.empty()) {
        m_fiveRadiusBySlot[r.slot] = 0;
        m_coverageStale = true;
    }
}

void LiveState::runTimers()
{
    while (!m_caseTimers.empty() && m_caseTimers.top().at <= m_now) {
        const CaseTimer timer = m_caseTimers.top();
        m_caseTimers.pop();
        const auto it = m_cases.find(timer.id);
        if (it == m_cases.end())
            continue;
        CaseRecord &c = it->second;
        if (timer.generation != c.slaGeneration)
            continue; // superseded by a later event of the case
        c.slaNext = 0;
        refresh(it->first, c);
        m_touched.push_back({feed::Feed::Case, &it->first});
    }
    // Alarms time durations and silence on the wall clock: when messages
    // arrive, whatever the producers' clocks say.
    m_alarms.advance(m_wall);
}

// --- batches ----------------------------------------------------------------

LiveState::Applied LiveState::apply(Batch &&batch, int64_t now)
{
    Applied result;
    m_touched.clear();
    m_touched.reserve(batch.size());
    m_refused.clear();
    m_removed.clear();
    followWallClock(now);
    for (Event &event : batch.events)
        applyOne(std::move(event), result);
    for (Event &event : batch.positions)
        applyOne(std::move(event), result);
    enforceBounds();
    runTimers();
    recheckCoverage();
    followAlarms();
    return result;
}

namespace {

// Stores the newest state of an entity under its id; returns the stored id.
template<typename Map, typename T>
const std::string *store(Map &map, const std::string &key, T &&value)
{
    auto [it, inserted] = map.try_emplace(key);
    it->second = std::forward<T>(value);
    return &it->first;
}

} // namespace

void LiveState::applyOne(Event &&event, Applied &result)
{
    const Feed feed = feedOf(event);
    advanceClock(timestampOf(event));
    if (feed == Feed::CameraEvent) {
        // Camera events become alarms; the camera keeps its latest few.
        applyCameraEvent(std::get<CameraEvent>(event));
        ++result.applied;
        return;
    }
    const std::string *id = std::visit(
        [&](auto &&e) -> const std::string * {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, CaseEvent>)
                return applyCase(std::move(e));
            else if constexpr (std::is_same_v<T, CameraState>)
                return applyCamera(std::move(e));
            else if constexpr (std::is_same_v<T, CameraEvent>)
                return nullptr; // handled above
            else if constexpr (std::is_same_v<T, SensorState>)
                return applySensorState(std::move(e));
            else if constexpr (std::is_same_v<T, SensorReading>)
                return applySensorReading(std::move(e));
            else if constexpr (std::is_same_v<T, GridState>)
                return applyGrid(std::move(e));
            else if constexpr (std::is_same_v<T, WorkerPosition>) {
                e.heard = ++m_arrivals;
                return store(m_workers, e.id, std::move(e));
            } else if constexpr (std::is_same_v<T, UnitPosition>) {
                e.heard = ++m_arrivals;
                return store(m_units, e.id, std::move(e));
            }
            else if constexpr (std::is_same_v<T, PoiState>)
                return applyPoi(std::move(e));
        },
        std::move(event));
    if (!id) {
        ++result.rejected;
        return;
    }
    ++result.applied;
    m_touched.push_back({feed, id});
}

// --- cases ------------------------------------------------------------------

void LiveState::rejectCase(Reject reason, const CaseEvent &e, const CaseRecord &c)
{
    m_stats.rejected[size_t(reason)].fetch_add(1, std::memory_order_relaxed);
    if (reason != Reject::DuplicateSeq)
        m_refused.push_back({e.id, e.seq, reason});
    std::string detail = "case " + e.id + " seq " + std::to_string(e.seq) + " (" + std::string(kCaseStatusNames[size_t(e.status)]) +
                         ") after seq " + std::to_string(c.seq) + " (" + std::string(kCaseStatusNames[size_t(c.status)]) + ")";
    m_rejectLog.note(reason, "case/" + e.id + "/event", detail);
}

void LiveState::takeReport(CaseRecord &c, CaseEvent &e)
{
    c.reportedTs = e.ts;
    c.category = std::move(e.category);
    c.categoryIndex = internCategory(c.category);
    c.source = e.source;
    c.title = std::move(e.title);
    c.priority = e.priority;
    c.deadline = e.deadline;
    if (e.position)
        c.position = e.position;
}

const std::string *LiveState::applyCase(CaseEvent &&e)
{
    m_journalHighWater = std::max(m_journalHighWater, e.journalId);
    auto [it, inserted] = m_cases.try_emplace(e.id);
    const std::string &id = it->first;
    CaseRecord &c = it->second;
    c.heard = ++m_arrivals;
    const auto seen = [&c](int64_t seq) { return seq >= 1 && seq <= 64 && ((c.seenSeqs >> (seq - 1)) & 1u); };
    const auto markSeen = [&c](int64_t seq) {
        if (seq >= 1 && seq <= 64)
            c.seenSeqs |= uint64_t(1) << (seq - 1);
    };
    const std::optional<GeoPoint> oldPosition = c.position;
    const std::string oldGrid = c.grid;
    const bool knewReport = c.reportedTs > 0;

    if (!inserted) {
        // Idempotent on (case id, seq); an older seq never rolls a case back.
        if (e.seq == c.seq || seen(e.seq)) {
            rejectCase(Reject::DuplicateSeq, e, c);
            return nullptr;
        }
        if (e.seq < c.seq) {
            if (e.status != CaseStatus::Reported || knewReport) {
                rejectCase(Reject::StaleSeq, e, c);
                return nullptr;
            }
            // The report arrived after later events: take what it says
            // (category, deadline, place) without touching the status.
            markSeen(e.seq);
            takeReport(c, e);
        } else if (!mayFollow(c.status, e.status, e.seq - c.seq)) {
            if (c.illegalTransitions++ == 0)
                ++m_flaggedCases;
            rejectCase(Reject::IllegalTransition, e, c);
            // Not applied, but the case changed: it is flagged now (its record is stored with the flag).
            m_touched.push_back({Feed::Case, &id});
            return nullptr;
        } else {
            c.msInStatus[size_t(c.status)] += std::max<int64_t>(0, e.ts - c.statusSince);
        }
    }
    if (inserted || e.seq > c.seq) {
        markSeen(e.seq);
        c.seq = e.seq;
        c.status = e.status;
        c.statusSince = e.ts;
        c.updatedTs = e.ts;
        if (e.status == CaseStatus::Reported)
            takeReport(c, e);
        else if (e.position)
            c.position = e.position;
        if (!e.dept.empty())
            c.dept = std::move(e.dept);
        if (!e.assignee.empty())
            c.assignee = std::move(e.assignee);
        if (e.status == CaseStatus::Resolved && c.resolvedTs == 0)
            c.resolvedTs = e.ts;
        else if (isInHand(e.status))
            c.resolvedTs = 0; // returned after resolving: the clock runs again
    }
    if (!e.grid.empty())
        c.grid = std::move(e.grid);

    // A closed or rejected case stays where it was counted.
    const bool placeChanged = c.grid != oldGrid || c.position.has_value() != oldPosition.has_value() ||
                              (c.position && !samePlace(*c.position, *oldPosition));
    if (placeChanged && !(isTerminal(c.status) && !inserted && e.seq < c.seq)) {
        c.region = regionOfCase(c);
        if (!c.grid.empty() && c.region < 0 && m_tree && c.position)
            c.region = gridAt(*c.position); // an unknown grid code: find it by the position
        if (c.grid.empty() && c.region >= 0)
            c.grid = m_tree->region(c.region).code.toStdString();
        c.outsideFive = c.position && !coveredByFiveMinutes(*c.position);
    }
    if (!knewReport && c.reportedTs > 0)
        m_caseMoments.push_back({CaseMoment::Reported, c.region, c.reportedTs, -1});
    if (!knewReport && c.reportedTs > 0 && shanghaiDay(c.reportedTs) == m_day) {
        // Counted where the case is counted now; refresh() moves it with the case.
        m_rollups.caseReportedToday(c.countedRegion, +1);
        c.newOnDay = m_day;
    }
    if (c.status == CaseStatus::Closed && e.seq == c.seq) {
        c.closedTs = e.ts;
        c.handlingMs = c.reportedTs > 0 ? std::max<int64_t>(0, e.ts - c.reportedTs) : -1;
        m_caseMoments.push_back({CaseMoment::Closed, c.region, e.ts, c.handlingMs});
        if (shanghaiDay(e.ts) == m_day)
            m_rollups.caseClosedToday(c.region, c.handlingMs);
    }
    refresh(id, c);
    return &id;
}

void LiveState::restoreCase(const std::string &id, CaseRecord record, int64_t now)
{
    followWallClock(now);
    advanceClock(record.updatedTs);
    auto [it, inserted] = m_cases.try_emplace(id);
    if (!inserted)
        return;
    CaseRecord &c = it->second;
    c = std::move(record);
    // What the stored record does not carry is derived again, as when its events were applied.
    c.share = {};
    c.countedRegion = -1;
    c.newOnDay = -1;
    c.slaNext = 0;
    c.slaGeneration = 0;
    c.evictAt = 0;
    c.categoryIndex = internCategory(c.category);
    c.region = regionOfCase(c);
    if (c.region < 0 && c.position)
        c.region = gridAt(*c.position);
    c.outsideFive = c.position && !coveredByFiveMinutes(*c.position);
    if (c.illegalTransitions > 0)
        ++m_flaggedCases;
    if (c.reportedTs > 0 && shanghaiDay(c.reportedTs) == m_day) {
        m_rollups.caseReportedToday(c.countedRegion, +1);
        c.newOnDay = m_day;
    }
    if (c.status == CaseStatus::Closed && c.closedTs > 0 && shanghaiDay(c.closedTs) == m_day)
        m_rollups.caseClosedToday(c.region, c.handlingMs);
    refresh(it->first, c);
}

int LiveState::regionOfCase(const CaseRecord &c) const
{
    if (!c.grid.empty()) {
        const int region = gridRegion(c.grid);
        if (region >= 0)
            return region;
    }
    return c.position ? gridAt(*c.position) : -1;
}

int64_t LiveState::dueSoonWindow(const CaseRecord &c)
{
    const int64_t span = c.reportedTs > 0 && c.deadline > c.reportedTs ? c.deadline - c.reportedTs : 4 * kHourMs;
    return std::min(kHourMs, span / 4);
}

int32_t LiveState::loadUnits(int priority, int64_t overdueMs)
{
    // Priority 1 weighs 8, 2 weighs 4, 3 weighs 2, 4 weighs 1 (unknown: 2);
    // overdue doubles it, past an hour triples, past a day quadruples it.
    const int32_t weight = priority >= 1 && priority <= 4 ? int32_t(1) << (4 - priority) : 2;
    const int32_t age = overdueMs <= 0 ? 1 : overdueMs < kHourMs ? 2 : overdueMs < kDayMs ? 3 : 4;
    return weight * age;
}

CaseShare LiveState::shareOf(const CaseRecord &c) const
{
    CaseShare s;
    s.open = isOpen(c.status);
    if (!s.open)
        return s;
    if (isInHand(c.status)) {
        const int64_t overdueMs = c.deadline > 0 ? m_now - c.deadline : 0;
        s.overdue = overdueMs > 0;
        s.dueSoon = c.deadline > 0 && !s.overdue && -overdueMs <= dueSoonWindow(c);
        s.load = loadUnits(c.priority, overdueMs);
    }
    s.located = c.position.has_value();
    s.outsideFive = s.located && c.outsideFive;
    s.source = c.source ? int8_t(*c.source) : int8_t(-1);
    s.category = c.categoryIndex;
    return s;
}

void LiveState::refresh(const std::string &id, CaseRecord &c)
{
    const CaseShare next = shareOf(c);
    if (next != c.share || c.region != c.countedRegion) {
        m_rollups.addCase(c.countedRegion, c.share, -1);
        m_rollups.addCase(c.region, next, +1);
        if (c.newOnDay == m_day && c.region != c.countedRegion) {
            m_rollups.caseReportedToday(c.countedRegion, -1);
            m_rollups.caseReportedToday(c.region, +1);
        }
        if (next.overdue != c.share.overdue) {
            if (next.overdue) {
                m_alarms.caseOverdue(id, c.category, c.priority, districtOf(c.region), m_wall);
                m_caseMoments.push_back({CaseMoment::WentOverdue, c.region, c.deadline + 1, -1});
            }
            else
                m_alarms.caseSettled(id, m_wall);
        }
        c.share = next;
        c.countedRegion = c.region;
    }
    scheduleSla(id, c);
}

void LiveState::scheduleSla(const std::string &id, CaseRecord &c)
{
    // The next moment its share changes by time alone: due soon, overdue,
    // overdue for an hour, for a day.
    int64_t next = 0;
    if (isInHand(c.status) && c.deadline > 0) {
        for (int64_t at : {c.deadline - dueSoonWindow(c), c.deadline + 1, c.deadline + kHourMs, c.deadline + kDayMs}) {
            if (at > m_now) {
                next = at;
                break;
            }
        }
    }
    if (isTerminal(c.status) && c.evictAt == 0) {
        c.evictAt = std::max(c.updatedTs, c.closedTs) + kKeepEndedMs;
        m_evictions.push({c.evictAt, id, 0});
    }
    if (next == c.slaNext)
        return;
    ++c.slaGeneration;
    c.slaNext = next;
    if (next > 0)
        m_caseTimers.push({next, id, c.slaGeneration});
}

Sla LiveState::slaOf(const CaseRecord &c) const
{
    if (c.deadline <= 0)
        return {};
    if (c.status == CaseStatus::Rejected)
        return {SlaState::Stopped, 0};
    if (isInHand(c.status)) {
        const int64_t margin = c.deadline - m_now;
        return {margin < 0 ? SlaState::Overdue : margin <= dueSoonWindow(c) ? SlaState::DueSoon : SlaState::OnTime, margin};
    }
    const int64_t done = c.resolvedTs > 0 ? c.resolvedTs : c.closedTs > 0 ? c.closedTs : c.updatedTs;
    const int64_t margin = c.deadline - done;
    return {margin >= 0 ? SlaState::Met : SlaState::Missed, margin};
}

int64_t LiveState::msIn(const CaseRecord &c, CaseStatus status) const
{
    int64_t ms = c.msInStatus[size_t(status)];
    if (status == c.status && !isTerminal(status))
        ms += std::max<int64_t>(0, m_now - c.statusSince);
    return ms;
}

int LiveState::internCategory(const std::string &name)
{
    if (name.empty())
        return -1;
    auto [it, inserted] = m_categoryIndex.try_emplace(name, int(m_categoryNames.size()));
    if (inserted)
        m_categoryNames.push_back(name);
    return it->second;
}

// --- devices, grids, sites --------------------------------------------------

int LiveState::districtOf(int region) const
{
    return region >= 0 && size_t(region) < m_districtOf.size() ? m_districtOf[size_t(region)] : -1;
}

int LiveState::gridRegion(const std::string &code) const
{
    const auto it = m_gridByCode.find(code);
    return it != m_gridByCode.end() ? it->second : -1;
}

int LiveState::gridAt(GeoPoint p) const
{
    return m_tree ? m_tree->hitTest(m_tree->sceneFromGeo(p.lon, p.lat), geo::Level::Grid) : -1;
}

const std::string *LiveState::applyCamera(CameraState &&e)
{
    auto [it, inserted] = m_cameras.try_emplace(e.id);
    CameraRecord &r = it->second;
    r.heard = ++m_arrivals;
    if (inserted) {
        r.slot = takeSlot(m_cameraBySlot, m_freeCameraSlots, &it->first);
    } else {
        m_rollups.camera(r.region, -1, r.state.online ? -1 : 0);
    }
    if (inserted || !samePlace(r.state.position, e.position)) {
        r.region = gridAt(e.position);
        m_cameraIndex.upsert(r.slot, e.position);
    }
    r.state = std::move(e);
    m_rollups.camera(r.region, +1, r.state.online ? 1 : 0);
    // One label for all cameras: a district's cameras going silent together is one flood.
    m_alarms.cameraHeard(it->first, "camera", districtOf(r.region), m_wall);
    return &it->first;
}

void LiveState::applyCameraEvent(const CameraEvent &e)
{
    const auto it = m_cameras.find(e.id);
    const int district = it != m_cameras.end() ? districtOf(it->second.region) : -1;
    if (it != m_cameras.end()) {
        auto &recent = it->second.recentEvents;
        recent.push_back(e);
        if (recent.size() > CameraRecord::kRecentEvents)
            recent.pop_front();
    }
    m_alarms.cameraEvent(e.id, std::string(kCameraEventTypeNames[size_t(e.type)]), e.severity, district, m_wall);
}

const std::string *LiveState::applySensorState(SensorState &&e)
{
    auto [it, inserted] = m_sensors.try_emplace(e.id);
    SensorRecord &r = it->second;
    r.heard = ++m_arrivals;
    const bool counted = r.state.has_value();
    if (!counted || !samePlace(r.state->position, e.position)) {
        if (counted)
            m_rollups.sensor(r.region, -1, r.level == 1 ? -1 : 0, r.level == 2 ? -1 : 0);
        r.region = gridAt(e.position);
        m_rollups.sensor(r.region, +1, r.level == 1 ? 1 : 0, r.level == 2 ? 1 : 0);
    }
    m_alarms.sensorState(it->first, e.warn, e.alarm, std::string(kSensorKindNames[size_t(e.kind)]), districtOf(r.region), m_wall);
    r.state = std::move(e);
    return &it->first;
}

const std::string *LiveState::applySensorReading(SensorReading &&e)
{
    auto [it, inserted] = m_sensors.try_emplace(e.id);
    it->second.heard = ++m_arrivals;
    m_alarms.sensorReading(it->first, e.value, m_wall);
    it->second.reading = std::move(e);
    return &it->first;
}

const std::string *LiveState::applyGrid(GridState &&e)
{
    const int region = gridRegion(e.code);
    if (m_tree && region < 0) {
        // Figures for a grid the wall cannot draw would count nowhere (and a producer could add grids without end).
        m_stats.rejected[size_t(Reject::UnknownRegion)].fetch_add(1, std::memory_order_relaxed);
        m_rejectLog.note(Reject::UnknownRegion, "grid/" + e.code + "/state", "no grid " + e.code + " in the geography");
        return nullptr;
    }
    auto [it, inserted] = m_grids.try_emplace(e.code);
    GridRecord &r = it->second;
    if (inserted)
        r.region = region;
    else
        m_rollups.workers(r.region, -r.state.workersOnDuty, -r.state.workersTotal);
    r.state = std::move(e);
    m_rollups.workers(r.region, r.state.workersOnDuty, r.state.workersTotal);
    return &it->first;
}

const std::string *LiveState::applyPoi(PoiState &&e)
{
    auto [it, inserted] = m_pois.try_emplace(e.id);
    PoiRecord &r = it->second;
    r.heard = ++m_arrivals;
    if (inserted)
        r.slot = takeSlot(m_poiBySlot, m_freePoiSlots, &it->first);
    const bool hadRings = !inserted && !r.state.rings.empty();
    r.state = std::move(e);
    if (isMediation(r.state.kind))
        m_mediationIndex.upsert(r.slot, r.state.position);
    else
        m_mediationIndex.remove(r.slot);
    if (m_fiveRadiusBySlot.size() <= r.slot)
        m_fiveRadiusBySlot.resize(r.slot + 1);
    m_fiveRadiusBySlot[r.slot] = fiveMinuteRadius(r.state);
    if (!r.state.rings.empty()) {
        m_ringIndex.upsert(r.slot, r.state.position);
        m_maxFiveRadius = std::max(m_maxFiveRadius, double(fiveMinuteRadius(r.state)));
        m_maxRingRadius = std::max(m_maxRingRadius, double(outerRadius(r.state)));
    } else {
        m_ringIndex.remove(r.slot);
    }
    if (hadRings || !r.state.rings.empty())
        m_coverageStale = true; // cases' five-minute coverage is rechecked once, after the batch
    return &it->first;
}

// --- alarms -----------------------------------------------------------------

bool LiveState::acknowledgeAlarm(uint64_t id)
{
    if (!m_alarms.acknowledge(id, m_wall))
        return false;
    followAlarms();
    return true;
}

void LiveState::followAlarms()
{
    // Sensors at warning or alarm level, counted from the alarms' own lifecycle.
    for (uint64_t id : m_alarms.takeChanges()) {
        const Alarm *alarm = m_alarms.find(id);
        if (alarm)
            m_alarmChanges.push_back(*alarm);
        if (!alarm || (alarm->kind != AlarmKind::SensorWarn && alarm->kind != AlarmKind::SensorAlarm))
            continue;
        const auto it = m_sensors.find(alarm->subject);
        if (it == m_sensors.end())
            continue;
        SensorRecord &s = it->second;
        int level = s.level;
        if (alarm->phase == AlarmPhase::Cleared) {
            if (s.levelAlarm != id)
                continue;
            level = 0;
            s.levelAlarm = 0;
        } else if (s.levelAlarm != id) {
            level = alarm->kind == AlarmKind::SensorAlarm ? 2 : 1;
            s.levelAlarm = id;
        }
        if (level == s.level)
            continue;
        if (s.state)
            m_rollups.sensor(s.region, 0, (level == 1) - (s.level == 1), (level == 2) - (s.level == 2));
        s.level = level;
    }
}

// --- space ------------------------------------------------------------------

bool LiveState::coveredByFiveMinutes(GeoPoint p) const
{
    if (m_maxFiveRadius <= 0)
        return false;
    m_ringIndex.within(p, m_maxFiveRadius, m_hits);
    for (const PointHit &hit : m_hits)
        if (hit.metres <= m_fiveRadiusBySlot[hit.key])
            return true;
    return false;
}

void LiveState::recheckCoverage()
{
    if (!m_coverageStale)
        return;
    m_coverageStale = false;
    for (auto &[id, c] : m_cases) {
        if (!isOpen(c.status) || !c.position)
            continue;
        const bool outside = !coveredByFiveMinutes(*c.position);
        if (outside != c.outsideFive) {
            c.outsideFive = outside;
            refresh(id, c);
        }
    }
}

SpatialContext LiveState::contextAt(GeoPoint p, size_t cameraCount) const
{
    SpatialContext context;
    context.at = p;
    context.region = gridAt(p);

    m_cameraIndex.nearest(p, cameraCount, m_hits);
    for (const PointHit &hit : m_hits) {
        const std::string &id = *m_cameraBySlot[hit.key];
        SpatialContext::Camera camera;
        camera.id = id;
        camera.metres = hit.metres;
        camera.online = m_cameras.at(id).state.online;
        context.cameras.push_back(std::move(camera));
    }

    for (const PoiKind kind : {PoiKind::MediationRoom, PoiKind::MediationPoint}) {
        m_mediationIndex.nearestIf(
            p, 1, [&](uint32_t slot) { return m_pois.at(*m_poiBySlot[slot]).state.kind == kind; }, m_hits);
        if (m_hits.empty())
            continue;
        SpatialContext::Near near{*m_poiBySlot[m_hits.front().key], m_hits.front().metres};
        (kind == PoiKind::MediationRoom ? context.mediationRoom : context.mediationPoint) = std::move(near);
    }

    if (m_maxRingRadius > 0) {
        m_ringIndex.within(p, m_maxRingRadius, m_hits);
        for (const PointHit &hit : m_hits) {
            const std::string &id = *m_poiBySlot[hit.key];
            const PoiState &poi = m_pois.at(id).state;
            for (const Ring &ring : poi.rings)
                if (hit.metres <= ring.radiusM)
                    context.rings.push_back({id, poi.kind, ring.minutes, ring.radiusM, hit.metres});
        }
        std::sort(context.rings.begin(), context.rings.end(), [](const auto &a, const auto &b) {
            return a.minutes != b.minutes ? a.minutes < b.minutes : a.metres != b.metres ? a.metres < b.metres : a.poi < b.poi;
        });
    }

    if (context.region >= 0) {
        // The grid and the grids around it; workers are placed only now, not on every position message.
        if (m_neighbours.empty())
            m_neighbours = geo::gridNeighbours(*m_tree);
        std::unordered_set<int> grids(m_neighbours[size_t(context.region)].begin(), m_neighbours[size_t(context.region)].end());
        grids.insert(context.region);
        QRectF bounds;
        for (int g : grids)
            bounds |= m_tree->region(g).bounds;
        for (const auto &[id, w] : m_workers) {
            if (w.status == WorkerStatus::OffDuty)
                continue;
            const QPointF scene = m_tree->sceneFromGeo(w.position.lon, w.position.lat);
            if (!bounds.contains(scene))
                continue;
            const int grid = m_tree->hitTest(scene, geo::Level::Grid);
            if (grids.count(grid))
                context.workers.push_back({{id, m_cameraIndex.metres(p, w.position)}, grid});
        }
        std::sort(context.workers.begin(), context.workers.end(),
                  [](const auto &a, const auto &b) { return a.metres != b.metres ? a.metres < b.metres : a.id < b.id; });
    }
    return context;
}

std::optional<SpatialContext> LiveState::contextOfCase(const std::string &id, size_t cameraCount) const
{
    const auto it = m_cases.find(id);
    if (it == m_cases.end() || !it->second.position)
        return std::nullopt;
    return contextAt(*it->second.position, cameraCount);
}

std::optional<SpatialContext> LiveState::contextOfSensor(const std::string &id, size_t cameraCount) const
{
    const auto it = m_sensors.find(id);
    if (it == m_sensors.end() || !it->second.state)
        return std::nullopt;
    return contextAt(it->second.state->position, cameraCount);
}

} // namespace gridwall::state
