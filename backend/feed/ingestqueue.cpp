#include "ingestqueue.h"

namespace gridwall::feed {

IngestQueue::IngestQueue(FeedStats &stats, size_t maxEvents, size_t maxEntities, size_t coalesceAbove)
    : m_stats(stats)
    , m_maxEvents(maxEvents)
    , m_maxEntities(maxEntities)
    , m_coalesceAbove(coalesceAbove)
{
}

void IngestQueue::startCoalescing()
{
    // Keep the latest position of each entity, in the slot of its first one.
    std::vector<Event> kept;
    kept.reserve(m_positions.size());
    for (Event &e : m_positions) {
        PositionIndex &index = m_positionIndex[size_t(feedOf(e))];
        const auto [it, inserted] = index.try_emplace(entityId(e), kept.size());
        if (inserted) {
            kept.push_back(std::move(e));
        } else {
            kept[it->second] = std::move(e);
            m_stats.coalesced.fetch_add(1, std::memory_order_relaxed);
        }
    }
    m_positions = std::move(kept);
    m_coalescing = true;
}

bool IngestQueue::push(Event &&event)
{
    const Feed feed = feedOf(event);
    bool wasEmpty = false;
    {
        std::unique_lock lock(m_mutex);
        if (isCoalescable(feed) && !m_coalescing && m_positions.size() < m_coalesceAbove) {
            // Keeping up: every position goes through, with no lookup at all.
            wasEmpty = m_events.empty() && m_positions.empty();
            m_positions.push_back(std::move(event));
        } else if (isCoalescable(feed)) {
            if (!m_coalescing)
                startCoalescing();
            PositionIndex &index = m_positionIndex[size_t(feed)];
            const std::string &id = entityId(event);
            if (auto it = index.find(std::string_view(id)); it != index.end()) {
                m_positions[it->second] = std::move(event);
                m_stats.coalesced.fetch_add(1, std::memory_order_relaxed);
                return true;
            }
            // A flood of distinct ids is bounded too: wait like a full event queue.
            m_drained.wait(lock, [&] { return m_closed || m_positions.size() < m_maxEntities; });
            if (m_closed)
                return false;
            wasEmpty = m_events.empty() && m_positions.empty();
            index.emplace(id, m_positions.size());
            m_positions.push_back(std::move(event));
        } else {
            m_drained.wait(lock, [&] { return m_closed || m_events.size() < m_maxEvents; });
            if (m_closed)
                return false;
            wasEmpty = m_events.empty() && m_positions.empty();
            m_events.push_back(std::move(event));
        }
    }
    // Only after the event is in: a consumer woken now is sure to find it.
    if (wasEmpty && m_wakeUp)
        m_wakeUp();
    return true;
}

Batch IngestQueue::take()
{
    Batch batch;
    {
        std::lock_guard lock(m_mutex);
        batch.events.swap(m_events);
        batch.positions.swap(m_positions);
        // The next frame is likely as busy: grow once, not element by element.
        m_events.reserve(batch.events.size());
        m_positions.reserve(batch.positions.size());
        if (m_coalescing) {
            for (PositionIndex &index : m_positionIndex)
                index.clear();
            m_coalescing = false;
        }
    }
    m_drained.notify_all();
    return batch;
}

void IngestQueue::close()
{
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_drained.notify_all();
}

size_t IngestQueue::depth() const
{
    std::lock_guard lock(m_mutex);
    return m_events.size() + m_positions.size();
}

} // namespace gridwall::feed
