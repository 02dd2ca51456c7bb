#include "outbox.h"

namespace gridwall::sim {

Outbox::Outbox(Publisher &publisher, std::string root, double badRate, uint64_t seed, const std::atomic<bool> &stop)
    : m_publisher(publisher), m_root(std::move(root)), m_badRate(badRate), m_rng(streamSeed(seed, 0xbad)), m_stop(stop)
{
}

std::string Outbox::topic(std::string_view kind, std::string_view id, std::string_view leaf) const
{
    std::string t;
    t.reserve(m_root.size() + kind.size() + id.size() + leaf.size() + 3);
    t += m_root;
    t += '/';
    t += kind;
    t += '/';
    t += id;
    t += '/';
    t += leaf;
    return t;
}

Publisher::Outcome Outbox::transmit(const Message &m)
{
    return m_publisher.publish(m.topic, m.payload, m.qos, m.retained, m_stop);
}

void Outbox::send(Message message)
{
    if (m_recordClock) {
        m_recorded.push_back({*m_recordClock, std::move(message)});
        return;
    }
    if (m_badRate > 0 && m_rng.chance(m_badRate)) {
        const Malformed bad = makeMalformed(message, m_root, m_rng);
        // Telemetry is replaced; state and events are never lost, the bad
        // one goes out beside them.
        if (message.qos == 0) {
            sendBad(bad);
            return;
        }
        if (!bad.afterGood)
            sendBad(bad);
        const bool isCase = message.feed == Feed::Case;
        sendGood(std::move(message));
        if (bad.afterGood && isCase)
            sendBad(bad);
        return;
    }
    sendGood(std::move(message));
}

void Outbox::sendGood(Message &&m)
{
    const size_t f = size_t(m.feed);
    const bool holdable = m.qos > 0 && !m.retained;
    if (holdable && (!m_publisher.connected() || !m_held.empty())) {
        // Keep order: while anything is held, new events queue behind it.
        if (m_held.size() >= kMaxHeld) {
            ++m_counters.unsent[size_t(m_held.front().feed)];
            ++m_counters.heldOverflow;
            m_held.pop_front();
        }
        m_held.push_back(std::move(m));
        if (m_publisher.connected())
            flushHeld();
        return;
    }
    switch (transmit(m)) {
    case Publisher::Outcome::Sent: ++m_counters.sent[f]; break;
    case Publisher::Outcome::Dropped: ++m_counters.dropped[f]; break;
    case Publisher::Outcome::Unsent:
        if (holdable && !m_publisher.connected()) // lost just now: keep it for the next connection
            m_held.push_back(std::move(m));
        else
            ++m_counters.unsent[f];
        break;
    }
}

void Outbox::sendBad(const Malformed &bad)
{
    if (transmit(bad.message) == Publisher::Outcome::Sent)
        ++m_counters.bad[size_t(bad.kind)];
    else
        ++m_counters.badUnsent;
}

void Outbox::hold(std::vector<Message> messages)
{
    for (Message &m : messages)
        m_held.push_back(std::move(m));
}

void Outbox::flushHeld()
{
    while (!m_held.empty() && m_publisher.connected() && !m_stop) {
        const Message &m = m_held.front();
        const auto outcome = transmit(m);
        if (outcome == Publisher::Outcome::Sent)
            ++m_counters.sent[size_t(m.feed)];
        else if (!m_publisher.connected())
            return; // lost again: keep it for the next connection
        else
            ++m_counters.unsent[size_t(m.feed)];
        m_held.pop_front();
    }
}

} // namespace gridwall::sim
