// End to end through a real Mosquitto on loopback: a publisher sends a
// realistic mix at a fixed rate, a plain Paho subscriber and the wall both
// receive it. Reports what the wall dropped, the CPU it used, and its
// publish-to-frame latency against the plain subscriber's publish-to-receive
// latency in the same run. A bare Paho subscriber process (this binary with
// --bare, a callback that only counts) gives the CPU floor of the transport in
// the same run.
// Usage: bench_e2e [RATE msg/s = 10000] [SECONDS = 20]   (a display makes frames real)

#include "benchkit.h"
#include "brokerprocess.h"
#include "wallprocess.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QProcess>
#include <QThread>

#include <mqtt/async_client.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <random>

namespace {

int64_t nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// A realistic mix of ~300-byte payloads: mostly positions and readings.
struct Message
{
    std::string topic;
    std::string payload;
    int qos;
};

Message makeMessage(std::mt19937 &rng, int64_t ts, int &caseNumber)
{
    const int pick = int(rng() % 100);
    const std::string t = std::to_string(ts);
    const double lon = 121.9 + double(rng() % 30000) / 100000.0, lat = 40.9 + double(rng() % 40000) / 100000.0;
    char position[96];
    std::snprintf(position, sizeof position, "\"lon\":%.6f,\"lat\":%.6f", lon, lat);
    if (pick < 40)
        return {"panjin/worker/w-" + std::to_string(rng() % 5000) + "/position",
                "{\"ts\":" + t + "," + position + ",\"status\":\"patrol\",\"name\":\"网格员" + std::to_string(rng() % 5000)
                    + "\",\"grid\":\"211103001001001\",\"speed\":1.2,\"heading\":87,\"battery\":0.82,\"device\":\"PDA-7781\"}",
                0};
    if (pick < 70)
        return {"panjin/sensor/s-" + std::to_string(rng() % 600) + "/reading",
                "{\"ts\":" + t + ",\"value\":" + std::to_string(10 + rng() % 300 / 10.0)
                    + ",\"quality\":\"good\",\"gateway\":\"gw-panjin-xinglongtai-03\",\"firmware\":\"2.4.1\",\"rssi\":-71,\"seq\":"
                    + std::to_string(rng() % 100000) + "}",
                0};
    if (pick < 80)
        return {"panjin/unit/u-" + std::to_string(rng() % 60) + "/position",
                "{\"ts\":" + t + "," + position + ",\"kind\":\"police\",\"status\":\"patrol\",\"plate\":\"辽L·7X211\",\"speed\":11.5,\"heading\":270}",
                0};
    if (pick < 90)
        return {"panjin/case/b-" + std::to_string(++caseNumber) + "/event",
                "{\"ts\":" + t + ",\"seq\":1,\"status\":\"reported\",\"category\":\"市容环境\",\"source\":\"app\",\"priority\":3," + position
                    + ",\"deadline\":" + std::to_string(ts + 86400000) + ",\"title\":\"兴隆大街垃圾堆放未清运，影响通行\",\"note\":\"随手拍上报\"}",
                1};
    if (pick < 95)
        return {"panjin/camera/cam-" + std::to_string(rng() % 6000) + "/event",
                "{\"ts\":" + t + ",\"type\":\"crowd\",\"severity\":2,\"snapshot\":\"http://10.20.0.5/snap/" + std::to_string(rng())
                    + ".jpg\",\"confidence\":0.91}",
                1};
    return {"panjin/camera/cam-" + std::to_string(rng() % 6000) + "/state",
            "{\"ts\":" + t + ",\"online\":true,\"name\":\"兴隆台区路口" + std::to_string(rng() % 999) + "\"," + position
                + ",\"stream\":\"rtsp://10.20.0.5/live\",\"kind\":\"dome\"}",
            1};
}

double percentile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(q * double(v.size())))];
}

// The transport alone: a Paho C++ subscriber like the wall's (persistent
// session, QoS 1 subscription) whose callback only counts. Runs until stdin closes.
int runBareSubscriber(const std::string &uri)
{
    std::atomic<int64_t> received{0};
    mqtt::async_client client(uri, "bench-e2e-bare");
    client.set_message_callback([&](mqtt::const_message_ptr) { received.fetch_add(1, std::memory_order_relaxed); });
    client.connect(mqtt::connect_options_builder().clean_session(false).finalize())->wait();
    client.subscribe("panjin/#", 1)->wait();
    std::printf("subscribed\n");
    std::fflush(stdout);
    char line[64];
    while (std::fgets(line, sizeof line, stdin))
        std::printf("%lld\n", static_cast<long long>(received.load())), std::fflush(stdout);
    client.disconnect()->wait();
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc == 3 && std::string(argv[1]) == "--bare")
        return runBareSubscriber(argv[2]);
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int rate = args.size() > 1 ? args[1].toInt() : 10000;
    const int seconds = args.size() > 2 ? args[2].toInt() : 20;

    BrokerProcess broker;
    if (!broker.start()) {
        std::fprintf(stderr, "mosquitto did not start\n");
        return 1;
    }
    WallProcess wall(QStringLiteral(GRIDWALL_BINARY));
    const QString platform = qEnvironmentVariableIsSet("DISPLAY") ? QStringLiteral("xcb") : QStringLiteral("offscreen");
    if (!wall.start({"--broker", broker.uri(), "--client-id", "bench-e2e-wall"}, platform)) {
        std::fprintf(stderr, "the wall did not start:\n%s\n", qPrintable(wall.output()));
        return 1;
    }
    wall.waitFor([](const auto &m) { return m.value("gridwall_mqtt_connected") == 1; });

    QProcess bare;
    bare.start(app.applicationFilePath(), {"--bare", broker.uri()});
    if (!bare.waitForReadyRead(10000) || !bare.readLine().startsWith("subscribed")) {
        std::fprintf(stderr, "the bare subscriber did not start\n");
        return 1;
    }

    // The plain subscriber: publish-to-receive latency, measured the same way as the wall's (payload ts to now).
    std::mutex latencyMutex;
    std::vector<double> plainLatency;
    plainLatency.reserve(size_t(rate) * size_t(seconds));
    mqtt::async_client subscriber(broker.uri().toStdString(), "bench-e2e-plain");
    subscriber.set_message_callback([&](mqtt::const_message_ptr m) {
        const std::string &p = m->get_payload_str();
        const int64_t ts = std::atoll(p.c_str() + 6); // payloads start with {"ts":
        std::lock_guard lock(latencyMutex);
        plainLatency.push_back(double(nowMs() - ts) / 1000.0);
    });
    subscriber.connect(mqtt::connect_options_builder().clean_session(true).finalize())->wait();
    subscriber.subscribe("panjin/#", 1)->wait();

    // Room for a second of messages in Paho's send queue: publishing never waits.
    mqtt::async_client publisher(broker.uri().toStdString(), "bench-e2e-publisher",
                                 mqtt::create_options_builder().max_buffered_messages(rate * 2).finalize());
    publisher.connect(mqtt::connect_options_builder().clean_session(true).max_inflight(1000).finalize())->wait();

    const QHash<QString, double> before = wall.metrics();
    const double cpuBefore = wall.cpuSeconds();
    const double bareCpuBefore = WallProcess::processCpuSeconds(bare.processId());
    std::mt19937 rng(2648);
    int caseNumber = 0;
    size_t bytes = 0;
    int64_t published = 0;
    const auto start = std::chrono::steady_clock::now();
    const int64_t total = int64_t(rate) * seconds;
    while (published < total) {
        // Pace in 1 ms steps.
        const auto due = start + std::chrono::microseconds(published * 1000000 / rate);
        std::this_thread::sleep_until(due);
        Message m = makeMessage(rng, nowMs(), caseNumber);
        bytes += m.payload.size();
        publisher.publish(m.topic, m.payload.data(), m.payload.size(), m.qos, false);
        ++published;
    }
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cpuAfter = wall.cpuSeconds();
    const double bareCpuAfter = WallProcess::processCpuSeconds(bare.processId());

    // Everything the broker delivered must be counted by the wall.
    const auto handled = [](const QHash<QString, double> &m) {
        double n = 0;
        for (auto it = m.begin(); it != m.end(); ++it) {
            if (it.key().startsWith("gridwall_messages_received_total") || it.key().startsWith("gridwall_messages_rejected_total"))
                n += it.value();
        }
        return n;
    };
    const double handledBefore = handled(before);
    wall.waitFor([&](const auto &m) { return handled(m) - handledBefore >= double(total); }, 30000);
    QThread::msleep(500);
    const QHash<QString, double> after = wall.metrics();
    const double wallHandled = handled(after) - handledBefore;
    size_t plainCount = 0;
    std::vector<double> plain;
    {
        std::lock_guard lock(latencyMutex);
        plainCount = plainLatency.size();
        plain = plainLatency;
    }
    const double plainP99 = percentile(plain, 0.99), plainP50 = percentile(plain, 0.5);
    const double wallP99 = histogramQuantile(before, after, "gridwall_e2e_latency_seconds", 0.99);
    const double wallP50 = histogramQuantile(before, after, "gridwall_e2e_latency_seconds", 0.5);

    std::printf("published %lld messages in %.1f s (%.0f msg/s, mean payload %zu bytes)\n", static_cast<long long>(total), elapsed,
                double(total) / elapsed, bytes / size_t(total));
    std::printf("plain subscriber: received %zu, latency p50 %.1f ms, p99 %.1f ms\n", plainCount, plainP50 * 1000, plainP99 * 1000);
    std::printf("wall: handled %.0f (dropped %.0f), coalesced %.0f, CPU %.1f %% of one core, publish-to-frame p50 %.1f ms, p99 %.1f ms "
                "(interpolated in the histogram's buckets)\n",
                wallHandled, double(total) - wallHandled, after.value("gridwall_messages_coalesced_total") - before.value("gridwall_messages_coalesced_total"),
                100.0 * (cpuAfter - cpuBefore) / elapsed, wallP50 * 1000, wallP99 * 1000);
    std::printf("p99 difference wall - plain: %.1f ms\n", (wallP99 - plainP99) * 1000);
    // The GUI thread's time per frame applying updates (target < 2 ms at 10,000 msg/s).
    const auto applyAt = [&](double q) { return histogramQuantile(before, after, "gridwall_apply_seconds", q) * 1000; };
    std::printf("wall GUI thread applying updates per frame: p50 %.2f ms, p99 %.2f ms (interpolated), %.0f frames\n",
                applyAt(0.5), applyAt(0.99), after.value("gridwall_apply_seconds_count") - before.value("gridwall_apply_seconds_count"));
    bare.write("count\n");
    bare.waitForReadyRead(5000);
    const QByteArray bareReceived = bare.readLine().trimmed();
    std::printf("bare Paho subscriber (transport only): received %s, CPU %.1f %% of one core\n", bareReceived.constData(),
                100.0 * (bareCpuAfter - bareCpuBefore) / elapsed);
    using gridwall::bench::figure;
    figure("published", double(total));
    figure("publish_rate", double(total) / elapsed, "msg/s");
    figure("payload_bytes", double(bytes / size_t(total)), "B");
    figure("plain.received", double(plainCount));
    figure("plain.p50_ms", plainP50 * 1000, "ms");
    figure("plain.p99_ms", plainP99 * 1000, "ms");
    figure("wall.handled", wallHandled);
    figure("wall.dropped", double(total) - wallHandled);
    figure("wall.coalesced", after.value("gridwall_messages_coalesced_total") - before.value("gridwall_messages_coalesced_total"));
    figure("wall.cpu_pct", 100.0 * (cpuAfter - cpuBefore) / elapsed, "%");
    figure("wall.p50_ms", wallP50 * 1000, "ms");
    figure("wall.p99_ms", wallP99 * 1000, "ms");
    figure("wall_minus_plain.p99_ms", (wallP99 - plainP99) * 1000, "ms");
    figure("apply.p50_ms", applyAt(0.5), "ms");
    figure("apply.p99_ms", applyAt(0.99), "ms");
    figure("apply.frames", after.value("gridwall_apply_seconds_count") - before.value("gridwall_apply_seconds_count"));
    figure("bare.received", bareReceived.toDouble());
    figure("bare.cpu_pct", 100.0 * (bareCpuAfter - bareCpuBefore) / elapsed, "%");
    bare.closeWriteChannel();
    bare.waitForFinished(5000);
    subscriber.disconnect()->wait();
    publisher.disconnect()->wait();
    return 0;
}
