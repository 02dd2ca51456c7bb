#pragma once
// The hand-over from the MQTT thread to the GUI thread. Bounded both ways:
// when more positions and readings pile up than a frame normally brings,
// they coalesce per entity (latest wins); everything else
// (case events, alarms, states) queues losslessly, and when that queue is
// full the MQTT thread waits, which holds back QoS 1 acknowledgements and
// so slows the broker down instead of dropping anything.

#include "events.h"
#include "feedstats.h"

#include <array>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gridwall::feed {

struct Batch
{
    std::vector<Event> events;    // lossless, in arrival order
    std::vector<Event> positions; // latest position or reading per entity
    bool empty() const { return events.empty() && positions.empty(); }
    size_t size() const { return events.size() + positions.size(); }
};

class IngestQueue
{
public:
    // coalesceAbove: positions waiting before they start to coalesce (a frame at
    // 10,000 msg/s brings ~170; a stalled GUI thread many more).
    explicit IngestQueue(FeedStats &stats, size_t maxEvents = 100000, size_t maxEntities = 200000, size_t coalesceAbove = 4096);

    // Called (on the producer's thread, outside the lock) after a push into
    // an empty queue: the consumer can take the batch without waiting for
    // its next tick.
    void setWakeUp(std::function<void()> wakeUp) { m_wakeUp = std::move(wakeUp); }

    // MQTT thread. Returns false only if the queue was closed while waiting.
    bool push(Event &&event);
    // GUI thread, once per frame: everything queued since the last call.
    Batch take();
    // Wakes a waiting producer for shutdown; later pushes are refused.
    void close();
    size_t depth() const;

private:
    // Looked up by the event's own id: no key string is built per message.
    struct IdHash
    {
        using is_transparent = void;
        size_t operator()(std::string_view id) const { return std::hash<std::string_view>()(id); }
    };
    using PositionIndex = std::unordered_map<std::string, size_t, IdHash, std::equal_to<>>;

    void startCoalescing();

    FeedStats &m_stats;
    const size_t m_maxEvents;
    const size_t m_maxEntities;
    const size_t m_coalesceAbove;
    bool m_coalescing = false;
    mutable std::mutex m_mutex;
    std::condition_variable m_drained;
    bool m_closed = false;
    std::vector<Event> m_events;
    std::vector<Event> m_positions;
    std::array<PositionIndex, kFeedCount> m_positionIndex; // per feed: id -> slot in m_positions
    std::function<void()> m_wakeUp;
};

} // namespace gridwall::feed
