#include "feedclient.h"

#include "feed/logging.h"

#include "decoder.h"

#include <QUrl>

#include <mqtt/async_client.h>

#include <chrono>

namespace gridwall::feed {

namespace {

// A wall has one broker and nothing better to do than reach it: after a long
// outage it should be back within a few seconds of the network, not 30.
constexpr auto kFirstRetry = std::chrono::seconds(1);
constexpr auto kMaxRetry = std::chrono::seconds(5);
// A dead link (no FIN, no RST: a pulled cable) is noticed after two to three
// intervals (Paho pings after one silent interval and gives up one later).
constexpr auto kKeepAlive = std::chrono::seconds(5);

} // namespace

QString checkBrokerUri(const QString &uri)
{
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("tcp") && url.scheme() != QLatin1String("ssl")) || url.host().isEmpty()
        || url.port() <= 0)
        return QStringLiteral("--broker wants tcp://HOST:PORT or ssl://HOST:PORT, not '%1'").arg(uri);
    return {};
}

FeedClient::FeedClient(FeedOptions options, IngestQueue &queue, FeedStats &stats)
    : m_options(std::move(options))
    , m_queue(queue)
    , m_stats(stats)
    , m_decoder(std::make_unique<Decoder>(m_options.topicRoot.toStdString()))
    , m_result(std::make_unique<DecodeResult>())
    , m_wallPrefix(m_options.topicRoot.toStdString() + "/wall/")
{
    // Paho C records a trace of every call at its default level; that costs
    // more than decoding a message. Keep only errors.
    MQTTAsync_setTraceLevel(MQTTASYNC_TRACE_ERROR);
    // No client-side persistence: the broker keeps the session; what the wall publishes
    // itself (a conductor's view, retained) matters only while it is connected.
    m_client = std::make_unique<mqtt::async_client>(m_options.brokerUri.toStdString(), m_options.clientId.toStdString(),
                                                    mqtt::create_options(MQTTVERSION_3_1_1), nullptr);
    // Callbacks are set once, before the first connect.
    m_client->set_connected_handler([this](const std::string &) { onConnected(); });
    m_client->set_connection_lost_handler([this](const std::string &cause) {
        m_stats.connected = false;
        qCWarning(lcFeed, "connection to %s lost (%s); reconnecting", qPrintable(m_options.brokerUri), cause.c_str());
    });
    m_client->set_message_callback([this](mqtt::const_message_ptr message) {
        onMessage(message->get_topic(), message->get_payload_str());
    });
}

FeedClient::~FeedClient()
{
    stop();
}

void FeedClient::start()
{
    m_connector = std::thread([this] { connectLoop(); });
}

void FeedClient::stop()
{
    m_stopping = true;
    m_queue.close(); // a callback waiting for room must not hold up the disconnect
    m_wake.notify_all();
    if (m_connector.joinable())
        m_connector.join();
    try {
        if (m_client && m_client->is_connected())
            m_client->disconnect(std::chrono::milliseconds(500).count())->wait_for(std::chrono::seconds(2));
    } catch (const mqtt::exception &) {
        // Shutting down anyway.
    }
    m_stats.connected = false;
}

void FeedClient::connectLoop()
{
    auto builder = mqtt::connect_options_builder()
                       .mqtt_version(MQTTVERSION_3_1_1)
                       .clean_session(false) // persistent session: QoS 1 messages wait for us while away
                       .keep_alive_interval(kKeepAlive)
                       .connect_timeout(std::chrono::seconds(10))
                       .automatic_reconnect(kFirstRetry, kMaxRetry);
    if (!m_options.username.isEmpty())
        builder.user_name(m_options.username.toStdString());
    if (!m_options.password.isEmpty())
        builder.password(m_options.password.toStdString());
    if (m_options.brokerUri.startsWith(QLatin1String("ssl://"))) {
        auto ssl = mqtt::ssl_options_builder();
        if (!m_options.caFile.isEmpty())
            ssl.trust_store(m_options.caFile.toStdString());
        if (!m_options.certFile.isEmpty())
            ssl.key_store(m_options.certFile.toStdString());
        if (!m_options.keyFile.isEmpty())
            ssl.private_key(m_options.keyFile.toStdString());
        builder.ssl(ssl.finalize());
    }
    const mqtt::connect_options options = builder.finalize();

    auto retry = std::chrono::milliseconds(kFirstRetry);
    while (!m_stopping) {
        try {
            m_client->connect(options)->wait();
            return; // from here on Paho reconnects by itself
        } catch (const mqtt::exception &e) {
            qCWarning(lcFeed, "cannot connect to %s (%s); retrying in %lld s", qPrintable(m_options.brokerUri), e.what(),
                      static_cast<long long>(std::chrono::duration_cast<std::chrono::seconds>(retry).count()));
        }
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, retry, [this] { return m_stopping.load(); });
        retry = std::min(std::chrono::milliseconds(kMaxRetry), retry * 2);
    }
}

void FeedClient::onConnected()
{
    m_stats.connected = true;
    m_stats.connects.fetch_add(1);
    qCInfo(lcFeed, "connected to %s as %s", qPrintable(m_options.brokerUri), qPrintable(m_options.clientId));
    // Renew the subscription on every connect, even where the session kept it.
    // One subscription at QoS 1: the broker delivers each message at the QoS
    // it was published with, so positions and readings stay QoS 0.
    try {
        m_client->subscribe(m_options.topicRoot.toStdString() + "/#", 1);
    } catch (const mqtt::exception &e) {
        qCWarning(lcFeed, "subscribe failed: %s", e.what());
    }
}

bool FeedClient::publish(const std::string &topic, const std::string &payload, int qos, bool retained)
{
    if (!m_client || !m_client->is_connected())
        return false;
    try {
        m_client->publish(topic, payload.data(), payload.size(), qos, retained);
        return true;
    } catch (const mqtt::exception &e) {
        qCWarning(lcFeed, "publish to %s failed: %s", topic.c_str(), e.what());
        return false;
    }
}

void FeedClient::onMessage(const std::string &topic, const std::string &payload)
{
    // ROOT/wall/... carries the shared view and director commands of a
    // multi-screen wall, not city data: not a feed, and not a rejection.
    if (topic.compare(0, m_wallPrefix.size(), m_wallPrefix) == 0) {
        if (m_wallSink)
            m_wallSink(topic, payload);
        return;
    }
    const int64_t arrived = epochMs();
    m_stats.lastMessageMs.store(arrived, std::memory_order_relaxed);
    DecodeResult &result = *m_result;
    m_decoder->decode(topic, payload, result);
    if (!result.ok) {
        m_stats.rejected[size_t(result.reason)].fetch_add(1, std::memory_order_relaxed);
        m_rejectLog.note(result.reason, topic, result.detail);
        return;
    }
    // Time from producers is evidence, not authority: one far ahead of this
    // machine's clock would move the city's "now" for everyone.
    if (const int64_t ahead = timestampOf(result.event) - arrived; ahead > m_options.maxAheadMs) {
        m_stats.rejected[size_t(Reject::TsFuture)].fetch_add(1, std::memory_order_relaxed);
        m_rejectLog.note(Reject::TsFuture, topic,
                         "field \"ts\": " + std::to_string(ahead / 1000) + " s ahead of this machine's clock (at most "
                             + std::to_string(m_options.maxAheadMs / 1000) + " s)");
        return;
    }
    m_stats.received[size_t(feedOf(result.event))].fetch_add(1, std::memory_order_relaxed);
    // Returning from here acknowledges a QoS 1 message: a case event must be
    // on disk and every event queued first.
    if (m_caseSink)
        if (auto *event = std::get_if<CaseEvent>(&result.event))
            m_caseSink(*event);
    m_queue.push(std::move(result.event));
}

} // namespace gridwall::feed
