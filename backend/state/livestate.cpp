#include "livestate.h"

#include <string_view>

namespace gridwall::state {

using namespace gridwall::feed;

LiveState::LiveState(FeedStats &stats)
    : m_stats(stats)
{
}

LiveState::Applied LiveState::apply(Batch &&batch)
{
    Applied result;
    m_touched.clear();
    m_touched.reserve(batch.size());
    for (Event &event : batch.events)
        applyOne(std::move(event), result);
    for (Event &event : batch.positions)
        applyOne(std::move(event), result);
    return result;
}

const std::string *LiveState::applyCase(CaseEvent &&e)
{
    auto [it, inserted] = m_cases.try_emplace(e.id);
    CaseRecord &c = it->second;
    if (!inserted && e.seq <= c.seq) {
        // Idempotent on (case id, seq); an older seq never rolls a case back.
        const Reject reason = e.seq == c.seq ? Reject::DuplicateSeq : Reject::StaleSeq;
        m_stats.rejected[size_t(reason)].fetch_add(1, std::memory_order_relaxed);
        const std::string detail = "case " + e.id + " seq " + std::to_string(e.seq) + " after seq " + std::to_string(c.seq);
        m_rejectLog.note(reason, "case/" + e.id + "/event", detail);
        return nullptr;
    }
    c.seq = e.seq;
    c.status = e.status;
    c.updatedTs = e.ts;
    if (e.status == CaseStatus::Reported) {
        c.reportedTs = e.ts;
        c.category = std::move(e.category);
        c.title = std::move(e.title);
        c.priority = e.priority;
        c.deadline = e.deadline;
    }
    if (e.position)
        c.position = e.position;
    if (!e.grid.empty())
        c.grid = std::move(e.grid);
    return &it->first;
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
    if (feed == Feed::CameraEvent) {
        // Not kept as state: camera events become alarms in the alarm stage.
        ++result.applied;
        return;
    }
    const std::string *id = std::visit(
        [&](auto &&e) -> const std::string * {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, CaseEvent>)
                return applyCase(std::move(e));
            else if constexpr (std::is_same_v<T, CameraState>)
                return store(m_cameras, e.id, std::move(e));
            else if constexpr (std::is_same_v<T, CameraEvent>)
                return nullptr; // handled above
            else if constexpr (std::is_same_v<T, SensorState>) {
                auto [it, inserted] = m_sensors.try_emplace(e.id);
                it->second.state = std::move(e);
                return &it->first;
            } else if constexpr (std::is_same_v<T, SensorReading>) {
                auto [it, inserted] = m_sensors.try_emplace(e.id);
                it->second.reading = std::move(e);
                return &it->first;
            } else if constexpr (std::is_same_v<T, GridState>)
                return store(m_grids, e.code, std::move(e));
            else if constexpr (std::is_same_v<T, WorkerPosition>)
                return store(m_workers, e.id, std::move(e));
            else if constexpr (std::is_same_v<T, UnitPosition>)
                return store(m_units, e.id, std::move(e));
            else if constexpr (std::is_same_v<T, PoiState>)
                return store(m_pois, e.id, std::move(e));
        },
        std::move(event));
    if (!id) {
        ++result.rejected;
        return;
    }
    ++result.applied;
    m_touched.push_back({feed, id});
}

} // namespace gridwall::state
