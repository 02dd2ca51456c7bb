#pragma once
// Counters of the feed stage, written from the MQTT thread and read by the
// metrics endpoint and the UI: lock-free atomics only.

#include "events.h"

#include <array>
#include <atomic>
#include <chrono>
#include <mutex>
#include <string>

namespace gridwall::feed {

// Wall-clock time in Unix epoch milliseconds, the unit of every payload's ts.
inline int64_t epochMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// How far ahead of the wall's clock a producer's `ts` is believed, by
// default: clocks of devices in the field drift by seconds to a few minutes.
// A payload further ahead is refused (`ts_future`), and the city's clock
// never runs further ahead than this (docs/feeds.md, docs/state.md): no
// single producer can move "now" for everyone. A simulator or replay in
// accelerated time is the one reason to raise it (--max-ahead).
inline constexpr int64_t kDefaultMaxAheadMs = 5 * 60'000;

struct FeedStats
{
    std::array<std::atomic<uint64_t>, kFeedCount> received{};  // accepted by the decoder, per feed
    std::array<std::atomic<uint64_t>, kRejectCount> rejected{}; // per reason
    std::atomic<uint64_t> coalesced{}; // positions and readings replaced by a newer one before the GUI took them
    std::atomic<bool> connected{false};
    std::atomic<uint64_t> connects{};  // successful (re)connections
    std::atomic<int64_t> lastMessageMs{}; // wall-clock time of the last message, epoch ms (0: none yet)

    uint64_t totalReceived() const;
    uint64_t totalRejected() const;
};

// Logs rejections without flooding: at most one line per reason per
// interval, saying how many were dropped since the last line.
class RejectLog
{
public:
    explicit RejectLog(std::chrono::milliseconds interval = std::chrono::seconds(10))
        : m_interval(interval)
    {
    }
    // Counts the rejection; returns true when this one was logged.
    bool note(Reject reason, std::string_view topic, std::string_view detail);

private:
    struct PerReason
    {
        std::chrono::steady_clock::time_point lastLogged{};
        uint64_t suppressed = 0;
    };
    std::chrono::milliseconds m_interval;
    std::mutex m_mutex;
    std::array<PerReason, kRejectCount> m_reasons{};
};

} // namespace gridwall::feed
