#pragma once
// Where every message goes: --bad-rate substitution, counting per feed, and a
// bounded hold for QoS 1 events (case and camera events) while the broker is
// away. Retained state is not held: the simulation republishes a snapshot of
// it on every (re)connection. QoS 0 telemetry is simply not sent while away.

#include "malformed.h"
#include "message.h"
#include "publisher.h"
#include "rng.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gridwall::sim {

struct Counters
{
    std::array<uint64_t, kFeedCount> sent{};
    std::array<uint64_t, kFeedCount> unsent{};  // broker away, or refused
    std::array<uint64_t, kFeedCount> dropped{}; // QoS 0 dropped under back-pressure
    std::array<uint64_t, kBadKindCount> bad{};  // malformed messages sent
    uint64_t badUnsent = 0;
    uint64_t heldOverflow = 0; // held events dropped because the hold was full

    uint64_t totalSent() const
    {
        uint64_t n = 0;
        for (uint64_t v : sent)
            n += v;
        for (uint64_t v : bad)
            n += v;
        return n;
    }
};

class Outbox
{
public:
    static constexpr size_t kMaxHeld = 50'000;

    Outbox(Publisher &publisher, std::string root, double badRate, uint64_t seed, const std::atomic<bool> &stop);

    const std::string &root() const { return m_root; }
    std::string topic(std::string_view kind, std::string_view id, std::string_view leaf) const;

    void send(Message message);
    // Sends what was held while the broker was away, oldest first.
    void flushHeld();

    // Warm start: while recording, messages are kept with the simulated time
    // `*clock` says they were made at, and not sent.
    struct Recorded
    {
        int64_t at = 0;
        Message message;
    };
    void record(const int64_t *clock) { m_recordClock = clock; }
    std::vector<Recorded> takeRecorded() { return std::exchange(m_recorded, {}); }
    // Events to send first on the next connection, in this order, before
    // anything sent later (as if they had been held while the broker was away).
    void hold(std::vector<Message> messages);

    const Counters &counters() const { return m_counters; }
    size_t held() const { return m_held.size(); }

private:
    Publisher::Outcome transmit(const Message &m);
    void sendGood(Message &&m);
    void sendBad(const Malformed &bad);

    Publisher &m_publisher;
    std::string m_root;
    double m_badRate;
    Rng m_rng;
    const std::atomic<bool> &m_stop;
    Counters m_counters;
    std::deque<Message> m_held;
    const int64_t *m_recordClock = nullptr;
    std::vector<Recorded> m_recorded;
};

} // namespace gridwall::sim
