#pragma once
// The MQTT side of the feed stage: a Paho async client with a persistent
// session, automatic reconnection and a subscription renewed on every
// connect. Messages are decoded on Paho's thread and handed to the ingest
// queue; the GUI thread never sees a raw message.

#include "feedstats.h"
#include "ingestqueue.h"

#include <QString>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace mqtt {
class async_client;
}

namespace gridwall::feed {

class Decoder;
struct DecodeResult;

struct FeedOptions
{
    QString brokerUri;                  // tcp://host:port or ssl://host:port
    QString topicRoot = QStringLiteral("panjin");
    QString clientId;                   // stable: the broker keeps this session's QoS 1 messages while away
    QString username;
    QString password;
    QString caFile, certFile, keyFile;  // TLS
    int64_t maxAheadMs = kDefaultMaxAheadMs; // payloads whose ts is further ahead of this machine's clock are refused
};

// Checks a broker URI; returns a one-line problem or an empty string.
QString checkBrokerUri(const QString &uri);

class FeedClient
{
public:
    FeedClient(FeedOptions options, IngestQueue &queue, FeedStats &stats);
    ~FeedClient();
    FeedClient(const FeedClient &) = delete;
    FeedClient &operator=(const FeedClient &) = delete;

    // Called on Paho's thread for every decoded case event before the message
    // is acknowledged (the history's journal). Set before start().
    void setCaseSink(std::function<void(CaseEvent &)> sink) { m_caseSink = std::move(sink); }

    // Called on Paho's thread for every message on ROOT/wall/... (a multi-screen
    // wall's shared view and director commands: not city data). Set before start().
    void setWallSink(std::function<void(const std::string &topic, const std::string &payload)> sink) { m_wallSink = std::move(sink); }
    // Publishes without waiting (the wall's own topics); false when not connected.
    bool publish(const std::string &topic, const std::string &payload, int qos, bool retained);

    // Connects in the background, retrying with capped backoff until the
    // first connection; after that Paho reconnects by itself.
    void start();
    void stop();

private:
    void connectLoop();
    void onConnected();
    void onMessage(const std::string &topic, const std::string &payload);

    FeedOptions m_options;
    IngestQueue &m_queue;
    FeedStats &m_stats;
    std::unique_ptr<Decoder> m_decoder; // used on Paho's callback thread only
    std::unique_ptr<DecodeResult> m_result; // reused across messages: no per-message construction
    std::string m_wallPrefix;
    RejectLog m_rejectLog;
    std::function<void(CaseEvent &)> m_caseSink;
    std::function<void(const std::string &, const std::string &)> m_wallSink;
    std::unique_ptr<mqtt::async_client> m_client;
    std::thread m_connector;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::atomic<bool> m_stopping{false};
};

} // namespace gridwall::feed
