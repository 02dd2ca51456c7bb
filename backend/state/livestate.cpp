#include "livestate.h"

#include <string_view>

namespace gridwall::state {

using namespace gridwall::feed;

LiveState::LiveState(FeedStats &stats)
    : m_stats(stats)
{
}

LiveState::Applied LiveState::apply(const Batch &batch)
{
    Applied result;
    for (const Event &event : batch.events)
        applyOne(event, result);
    for (const Event &event : batch.positions)
        applyOne(event, result);
    return result;
}

bool LiveState::applyCase(const CaseEvent &e)
{
    auto [it, inserted] = m_cases.try_emplace(e.id);
    CaseRecord &c = it->second;
    if (!inserted && e.seq <= c.seq) {
        // Idempotent on (case id, seq); an older seq never rolls a case back.
        const Reject reason = e.seq == c.seq ? Reject::DuplicateSeq : Reject::StaleSeq;
        m_stats.rejected[size_t(reason)].fetch_add(1, std::memory_order_relaxed);
        const std::string detail = "case " + e.id + " seq " + std::to_string(e.seq) + " after seq " + std::to_string(c.seq);
        m_rejectLog.note(reason, "case/" + e.id + "/event", detail);
        return false;
    }
    c.seq = e.seq;
    c.status = e.status;
    c.updatedTs = e.ts;
    if (e.status == CaseStatus::Reported) {
        c.reportedTs = e.ts;
        c.category = e.category;
        c.title = e.title;
        c.priority = e.priority;
        c.deadline = e.deadline;
    }
    if (e.position)
        c.position = e.position;
    if (!e.grid.empty())
        c.grid = e.grid;
    return true;
}

void LiveState::applyOne(const Event &event, Applied &result)
{
    bool applied = true;
    std::visit(
        [&](const auto &e) {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, CaseEvent>)
                applied = applyCase(e);
            else if constexpr (std::is_same_v<T, CameraState>)
                m_cameras[e.id] = e;
            else if constexpr (std::is_same_v<T, CameraEvent>)
                ++m_cameraEvents;
            else if constexpr (std::is_same_v<T, SensorState>)
                m_sensors[e.id].state = e;
            else if constexpr (std::is_same_v<T, SensorReading>)
                m_sensors[e.id].reading = e;
            else if constexpr (std::is_same_v<T, GridState>)
                m_grids[e.code] = e;
            else if constexpr (std::is_same_v<T, WorkerPosition>)
                m_workers[e.id] = e;
            else if constexpr (std::is_same_v<T, UnitPosition>)
                m_units[e.id] = e;
            else if constexpr (std::is_same_v<T, PoiState>)
                m_pois[e.id] = e;
        },
        event);
    (applied ? result.applied : result.rejected)++;
    if (applied)
        ++m_revisions[event.index()];
}

} // namespace gridwall::state
