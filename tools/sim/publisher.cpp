#include "publisher.h"

#include <algorithm>
#include <mutex>
#include <thread>

namespace gridwall::sim {

namespace {
std::mutex g_errorMutex; // guards Publisher::m_lastError (written from Paho's thread)
}

// Counts completions of the current connection's publishes. The epoch rides
// in the user context so that late callbacks of a lost connection don't
// disturb the count of the next one.
class Publisher::DeliveryListener : public mqtt::iaction_listener
{
public:
    explicit DeliveryListener(Publisher &p) : m_p(p) {}
    void on_success(const mqtt::token &tok) override { done(tok, false); }
    void on_failure(const mqtt::token &tok) override { done(tok, true); }

private:
    void done(const mqtt::token &tok, bool failed)
    {
        if (failed)
            m_p.m_deliveryFailures.fetch_add(1);
        const auto context = reinterpret_cast<uintptr_t>(tok.get_user_context());
        m_p.settle(uint32_t(context >> 1), (context & 1) != 0);
    }
    Publisher &m_p;
};

class Publisher::ConnectListener : public mqtt::iaction_listener
{
public:
    explicit ConnectListener(Publisher &p) : m_p(p) {}
    void on_success(const mqtt::token &) override
    {
        m_p.m_lastAttemptFailed = false;
        m_p.m_connecting = false;
    }
    void on_failure(const mqtt::token &tok) override
    {
        {
            std::lock_guard lock(g_errorMutex);
            m_p.m_lastError = "connect failed (code " + std::to_string(tok.get_return_code()) + ")";
        }
        m_p.m_lastAttemptFailed = true;
        m_p.m_connecting = false;
    }

private:
    Publisher &m_p;
};

namespace {
// Paho counts every queued publish against maxBufferedMessages (default 100),
// connected or not; the real bound is ours (kMaxOutstanding).
mqtt::create_options createOptions()
{
    mqtt::create_options options(MQTTVERSION_3_1_1);
    options.set_max_buffered_messages(Publisher::kMaxOutstanding + 256);
    options.set_send_while_disconnected(false);
    return options;
}
} // namespace

Publisher::Publisher(PublisherConfig config)
    : m_config(std::move(config)), m_deliveryListener(std::make_unique<DeliveryListener>(*this)),
      m_connectListener(std::make_unique<ConnectListener>(*this)),
      m_client(m_config.uri, m_config.clientId, createOptions())
{
    m_connectOptions.set_clean_session(true);
    m_connectOptions.set_keep_alive_interval(20);
    m_connectOptions.set_connect_timeout(3);
    m_connectOptions.set_automatic_reconnect(false); // maintain() reconnects, with back-off
    m_connectOptions.set_max_inflight(kMaxInflight);
    if (!m_config.username.empty())
        m_connectOptions.set_user_name(m_config.username);
    if (m_config.hasPassword)
        m_connectOptions.set_password(m_config.password);
    const std::string &uri = m_config.uri;
    if (uri.starts_with("ssl://") || uri.starts_with("mqtts://") || uri.starts_with("wss://"))
        m_connectOptions.set_ssl(mqtt::ssl_options());

    // Callbacks are set once, before the first connect.
    m_client.set_connected_handler([this](const std::string &) {
        m_connected = true;
        m_newConnection = true;
    });
    m_client.set_connection_lost_handler([this](const std::string &cause) {
        {
            std::lock_guard lock(g_errorMutex);
            m_lastError = cause.empty() ? std::string("connection lost") : "connection lost: " + cause;
        }
        m_epoch.fetch_add(1);
        m_outstanding = 0;
        m_outstandingQos1 = 0;
        m_connected = false;
        m_connectionsLost.fetch_add(1);
    });
    m_lastRefill = std::chrono::steady_clock::now();
    m_tokens = m_config.maxRate ? std::max(1.0, *m_config.maxRate / 20) : 0;
}

namespace {
void decrementToZero(std::atomic<int> &counter)
{
    int n = counter.load();
    while (n > 0 && !counter.compare_exchange_weak(n, n - 1)) {
    }
}
} // namespace

void Publisher::settle(uint32_t epoch, bool qos1)
{
    if (epoch != m_epoch.load())
        return; // a publish of a connection that is gone
    decrementToZero(m_outstanding);
    if (qos1)
        decrementToZero(m_outstandingQos1);
}

bool Publisher::roomFor(int qos) const
{
    return m_outstanding.load() < kMaxOutstanding && (qos == 0 || m_outstandingQos1.load() < kMaxOutstandingQos1);
}

Publisher::~Publisher()
{
    close();
}

std::string Publisher::lastError() const
{
    std::lock_guard lock(g_errorMutex);
    return m_lastError;
}

void Publisher::maintain()
{
    if (m_closed || m_connected || m_connecting)
        return;
    const auto now = std::chrono::steady_clock::now();
    if (now < m_nextAttempt)
        return;
    m_backoff = m_lastAttemptFailed ? std::min(m_backoff * 2, std::chrono::milliseconds(10000))
                                    : std::chrono::milliseconds(500);
    m_nextAttempt = now + m_backoff;
    m_connecting = true;
    m_epoch.fetch_add(1);
    m_outstanding = 0;
    m_outstandingQos1 = 0;
    try {
        m_client.connect(m_connectOptions, nullptr, *m_connectListener);
    } catch (const mqtt::exception &e) {
        std::lock_guard lock(g_errorMutex);
        m_lastError = e.what();
        m_lastAttemptFailed = true;
        m_connecting = false;
    }
}

bool Publisher::waitConnected(std::chrono::milliseconds timeout, const std::atomic<bool> &stop)
{
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (!m_connected && !stop && std::chrono::steady_clock::now() < until) {
        maintain();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return m_connected;
}

void Publisher::acquireToken(const std::atomic<bool> &stop)
{
    const double rate = *m_config.maxRate;
    const double burst = std::max(1.0, rate / 20);
    for (;;) {
        const auto now = std::chrono::steady_clock::now();
        m_tokens = std::min(burst, m_tokens + std::chrono::duration<double>(now - m_lastRefill).count() * rate);
        m_lastRefill = now;
        if (m_tokens >= 1 || stop) {
            m_tokens -= 1;
            return;
        }
        std::this_thread::sleep_for(std::chrono::duration<double>((1 - m_tokens) / rate));
    }
}

Publisher::Outcome Publisher::publish(const std::string &topic, const std::string &payload, int qos, bool retained,
                                      const std::atomic<bool> &stop)
{
    if (!m_connected || m_closed)
        return Outcome::Unsent;
    if (!roomFor(qos)) {
        if (qos == 0)
            return Outcome::Dropped;
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (!roomFor(qos) && m_connected && !stop && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        if (!roomFor(qos) || !m_connected)
            return Outcome::Unsent;
    }
    if (m_config.maxRate)
        acquireToken(stop);
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    for (;;) {
        const uint32_t epoch = m_epoch.load();
        m_outstanding.fetch_add(1);
        if (qos > 0)
            m_outstandingQos1.fetch_add(1);
        try {
            const auto context = (uintptr_t(epoch) << 1) | (qos > 0 ? 1 : 0);
            m_client.publish(topic, payload.data(), payload.size(), qos, retained, reinterpret_cast<void *>(context),
                             *m_deliveryListener);
            return Outcome::Sent;
        } catch (const mqtt::exception &e) {
            settle(epoch, qos > 0);
            // Paho's in-flight window is full (messages of a lost connection
            // may still occupy it): wait for room, as for our own limit.
            if (e.get_return_code() == MQTTASYNC_MAX_MESSAGES_INFLIGHT && m_connected && !stop
                && std::chrono::steady_clock::now() < until) {
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
                continue;
            }
            std::lock_guard lock(g_errorMutex);
            m_lastError = e.what();
            return Outcome::Unsent;
        }
    }
}

void Publisher::close()
{
    if (m_closed)
        return;
    m_closed = true;
    // A connect still under way must finish before the client goes away.
    const auto connectUntil = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (m_connecting && std::chrono::steady_clock::now() < connectUntil)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    // Give queued QoS 1 messages a moment to be acknowledged.
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (m_connected && m_outstanding.load() > 0 && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    try {
        if (m_client.is_connected())
            m_client.disconnect(1000)->wait_for(std::chrono::seconds(3));
    } catch (const mqtt::exception &) {
        // Leaving anyway.
    }
    m_connected = false;
}

} // namespace gridwall::sim
