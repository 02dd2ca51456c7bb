// A producer inventing ids against the bounds of the live state
// (docs/state.md): the wall, rendering under a display, is measured quiet,
// then flooded through a real Mosquitto with WORKERS distinct worker positions
// (QoS 0) and CASES distinct open cases (QoS 1), far past the bounds of
// 100,000 workers and 160,000 cases, then measured quiet again: resident
// memory, CPU, frames per second and the render thread's time per frame, with
// the live entities and those evicted per kind. The flood is the one that grew
// the wall to 870 MB and 1.6 cores at 2 frames/s before the bounds.
// Usage (under a display, e.g. xvfb-run): bench_bounds [WORKERS = 500000] [CASES = 200000] [SECONDS = 10] [SIZE = 1920x1080]

#include "benchkit.h"
#include "brokerprocess.h"
#include "wallprocess.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QThread>

#include <mqtt/client.h>

#include <cstdio>
#include <random>
#include <string>

namespace {

double rssMb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024;
    return -1;
}

double received(const QHash<QString, double> &m, const char *feed)
{
    return m.value(QStringLiteral("gridwall_messages_received_total{feed=\"%1\"}").arg(QLatin1String(feed)));
}

struct Quiet
{
    double rss, cpuPct, fps, frameP50, frameP99;
};

// The wall left alone for `seconds`.
Quiet measure(const WallProcess &wall, int seconds)
{
    const QHash<QString, double> before = wall.metrics();
    const double cpuBefore = wall.cpuSeconds();
    QThread::sleep(seconds);
    const QHash<QString, double> after = wall.metrics();
    const double frames = after.value("gridwall_frame_time_seconds_count") - before.value("gridwall_frame_time_seconds_count");
    return {rssMb(wall.pid()), 100 * (wall.cpuSeconds() - cpuBefore) / seconds, frames / seconds,
            histogramQuantile(before, after, QStringLiteral("gridwall_frame_time_seconds"), 0.5) * 1000,
            histogramQuantile(before, after, QStringLiteral("gridwall_frame_time_seconds"), 0.99) * 1000};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int workers = args.size() > 1 ? args[1].toInt() : 500'000;
    const int cases = args.size() > 2 ? args[2].toInt() : 200'000;
    const int seconds = args.size() > 3 ? args[3].toInt() : 10;
    const QString size = args.size() > 4 ? args[4] : QStringLiteral("1920x1080");
    if (!qEnvironmentVariableIsSet("DISPLAY")) {
        std::fprintf(stderr, "bench_bounds draws real frames: run it under a display (xvfb-run -a -s \"-screen 0 %sx24\" ...)\n",
                     qPrintable(size));
        return 2;
    }
    BrokerProcess broker;
    if (!broker.start()) {
        std::fprintf(stderr, "mosquitto did not start\n");
        return 1;
    }
    WallProcess wall(QStringLiteral(GRIDWALL_BINARY));
    if (!wall.start({"--size", size, "--mute", "--broker", broker.uri(), "--client-id", "bench-bounds-wall"}, QStringLiteral("xcb"))
        || !wall.waitFor([](const auto &m) { return m.value("gridwall_mqtt_connected") == 1; })) {
        std::fprintf(stderr, "the wall did not start:\n%s\n", qPrintable(wall.output()));
        return 1;
    }
    QThread::sleep(3);
    const Quiet calm = measure(wall, seconds);

    mqtt::client producer(broker.uri().toStdString(), "bench-bounds-producer");
    producer.connect(mqtt::connect_options_builder().clean_session(true).finalize());
    std::mt19937 random(2648);
    std::uniform_real_distribution<double> lon(121.85, 122.25), lat(40.85, 41.30);
    const auto flood = std::chrono::steady_clock::now();
    for (int i = 0; i < workers; ++i) {
        const std::string payload = "{\"ts\":" + std::to_string(QDateTime::currentMSecsSinceEpoch()) + ",\"lon\":" + std::to_string(lon(random))
                                    + ",\"lat\":" + std::to_string(lat(random)) + ",\"status\":\"patrol\"}";
        producer.publish("panjin/worker/FLOOD-" + std::to_string(i) + "/position", payload.data(), payload.size(), 0, false);
    }
    for (int i = 0; i < cases; ++i) {
        const qint64 ts = QDateTime::currentMSecsSinceEpoch();
        const std::string payload = "{\"ts\":" + std::to_string(ts) + ",\"seq\":1,\"status\":\"reported\",\"category\":\"环境卫生\","
                                    "\"source\":\"app\",\"priority\":3,\"lon\":" + std::to_string(lon(random)) + ",\"lat\":"
                                    + std::to_string(lat(random)) + ",\"deadline\":" + std::to_string(ts + 86'400'000)
                                    + ",\"title\":\"flood\"}";
        producer.publish("panjin/case/FLOOD-" + std::to_string(i) + "/event", payload.data(), payload.size(), 1, false);
    }
    // Every case event arrives (QoS 1); the positions that the broker passed on too.
    if (!wall.waitFor([&](const auto &m) { return received(m, "case") >= cases && m.value("gridwall_feed_queue_depth") == 0; },
                      900'000)) {
        std::fprintf(stderr, "bench_bounds: the wall took in %.0f of %d case events within 15 min\n", received(wall.metrics(), "case"),
                     cases);
        return 1;
    }
    const double floodSeconds = gridwall::bench::msSince(flood) / 1000;
    producer.disconnect();
    QThread::sleep(3);
    const Quiet after = measure(wall, seconds);
    const QHash<QString, double> m = wall.metrics();

    using gridwall::bench::figure;
    std::printf("flood: %d workers and %d cases published and taken in %.1f s (%.0f worker positions received)\n", workers, cases,
                floodSeconds, received(m, "worker"));
    std::printf("%-14s %9s %8s %9s %10s %10s\n", "", "RSS MB", "CPU %", "frames/s", "frame p50", "frame p99");
    for (const auto &[name, q] : {std::pair{"before flood", calm}, std::pair{"after flood", after}})
        std::printf("%-14s %9.0f %8.1f %9.1f %7.2f ms %7.2f ms\n", name, q.rss, q.cpuPct, q.fps, q.frameP50, q.frameP99);
    for (const char *kind : {"case", "worker"})
        std::printf("%-7s live %8.0f (limit %6.0f), evicted %8.0f\n", kind,
                    m.value(QStringLiteral("gridwall_live_entities{kind=\"%1\"}").arg(QLatin1String(kind))),
                    m.value(QStringLiteral("gridwall_live_limit{kind=\"%1\"}").arg(QLatin1String(kind))),
                    m.value(QStringLiteral("gridwall_live_evicted_total{kind=\"%1\"}").arg(QLatin1String(kind))));
    figure("workers", workers);
    figure("cases", cases);
    figure("flood_s", floodSeconds, "s");
    for (const auto &[key, q] : {std::pair{std::string("before"), calm}, std::pair{std::string("after"), after}}) {
        figure(key + ".rss_mb", q.rss, "MB");
        figure(key + ".cpu_pct", q.cpuPct, "%");
        figure(key + ".fps", q.fps, "frames/s");
        figure(key + ".frame_p50_ms", q.frameP50, "ms");
        figure(key + ".frame_p99_ms", q.frameP99, "ms");
    }
    for (const char *kind : {"case", "worker"}) {
        figure(std::string("live.") + kind, m.value(QStringLiteral("gridwall_live_entities{kind=\"%1\"}").arg(QLatin1String(kind))));
        figure(std::string("evicted.") + kind, m.value(QStringLiteral("gridwall_live_evicted_total{kind=\"%1\"}").arg(QLatin1String(kind))));
    }
    wall.kill();
    return 0;
}
