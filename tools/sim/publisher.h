#pragma once
// The MQTT side: one Paho async client, used from the simulation thread only.
// Paho's callbacks touch nothing but atomics. Work handed to Paho is bounded:
// at most kMaxOutstanding publishes may await completion, of which at most
// kMaxOutstandingQos1 QoS 1 ones (below Paho's in-flight window, which Paho
// enforces by refusing the publish); beyond that QoS 0 messages are dropped
// and QoS 1 messages wait. Nothing is buffered offline inside Paho; the
// connection is re-established by polling maintain().

#include <mqtt/async_client.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace gridwall::sim {

struct PublisherConfig
{
    std::string uri;
    std::string clientId;
    std::string username;
    std::string password;
    bool hasPassword = false;
    std::optional<double> maxRate; // messages per second
};

class Publisher
{
public:
    static constexpr int kMaxOutstanding = 4096;
    static constexpr int kMaxOutstandingQos1 = 512;
    static constexpr int kMaxInflight = 1024;

    enum class Outcome { Sent, Unsent, Dropped };

    explicit Publisher(PublisherConfig config);
    ~Publisher();
    Publisher(const Publisher &) = delete;
    Publisher &operator=(const Publisher &) = delete;

    // Starts a connection attempt when none is up or under way (with back-off).
    void maintain();
    bool connected() const { return m_connected.load(); }
    // True once after each successful (re)connection.
    bool takeNewConnection() { return m_newConnection.exchange(false); }
    // Waits up to `timeout` for the connection (polling maintain()).
    bool waitConnected(std::chrono::milliseconds timeout, const std::atomic<bool> &stop);

    // Hands one message to Paho. Blocks only for --max-rate and, for QoS 1,
    // while too much is outstanding (or until `stop` is set).
    Outcome publish(const std::string &topic, const std::string &payload, int qos, bool retained,
                    const std::atomic<bool> &stop);

    // Disconnects, waiting a little for outstanding deliveries.
    void close();

    uint64_t deliveryFailures() const { return m_deliveryFailures.load(); }
    uint64_t connectionsLost() const { return m_connectionsLost.load(); }
    int outstanding() const { return m_outstanding.load(); }
    std::string lastError() const;

private:
    class DeliveryListener;
    class ConnectListener;
    void acquireToken(const std::atomic<bool> &stop);
    bool roomFor(int qos) const;
    void settle(uint32_t epoch, bool qos1);

    PublisherConfig m_config;
    // The listeners outlive the client: Paho may call them until it is destroyed.
    std::unique_ptr<DeliveryListener> m_deliveryListener;
    std::unique_ptr<ConnectListener> m_connectListener;
    mqtt::async_client m_client;
    mqtt::connect_options m_connectOptions;

    std::atomic<bool> m_connected{false};
    std::atomic<bool> m_connecting{false};
    std::atomic<bool> m_newConnection{false};
    std::atomic<bool> m_lastAttemptFailed{false};
    std::atomic<uint32_t> m_epoch{0};
    std::atomic<int> m_outstanding{0};
    std::atomic<int> m_outstandingQos1{0};
    std::atomic<uint64_t> m_deliveryFailures{0};
    std::atomic<uint64_t> m_connectionsLost{0};
    std::chrono::steady_clock::time_point m_nextAttempt{};
    std::chrono::milliseconds m_backoff{500};
    bool m_closed = false;
    std::string m_lastError;

    // Token bucket for maxRate.
    double m_tokens = 0;
    std::chrono::steady_clock::time_point m_lastRefill{};
};

} // namespace gridwall::sim
