// What the department plugins cost the wall's GUI thread: the wall as a real
// process with the four bundled plugins and, as the baseline, the
// grid-management widget's tally written in JavaScript (bench/plugins/
// grid-management-js, the form it had before its C++ module). CASES open
// cases are published over a real Mosquitto, then the once-a-second refresh
// of each plugin is timed by the wall itself (gridwall_plugin_refresh_seconds)
// for SECONDS seconds. The bundled plugins run in one wall, the baseline
// alone in a second one, one after the other.
// Usage: bench_plugins [CASES = 20000] [SECONDS = 30]

#include "benchkit.h"
#include "brokerprocess.h"
#include "wallprocess.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QThread>

#include <mqtt/async_client.h>

#include <cstdio>
#include <random>
#include <string>

namespace {

struct Timing
{
    QString plugin;
    double p50 = 0, p99 = 0, mean = 0, count = 0;
    double errors = 0; // script errors and watchdog interruptions since the wall started: then the figures are not its cost
};

// One wall with the plugins of `dirs`, CASES open cases published to it, then each plugin's refresh timed.
std::vector<Timing> measure(const QStringList &dirs, const QStringList &plugins, int cases, int seconds)
{
    BrokerProcess broker;
    if (!broker.start()) {
        std::fprintf(stderr, "mosquitto did not start\n");
        return {};
    }
    QStringList args{"--broker", broker.uri(), "--client-id", "bench-plugins-wall"};
    for (const QString &dir : dirs)
        args << "--plugins-dir" << dir;
    WallProcess wall(QStringLiteral(GRIDWALL_BINARY));
    if (!wall.start(args)) {
        std::fprintf(stderr, "the wall did not start:\n%s\n", qPrintable(wall.output()));
        return {};
    }
    wall.waitFor([](const auto &m) { return m.value("gridwall_mqtt_connected") == 1; });

    // Open cases all over the city, deadlines from an hour ago (overdue) to a day ahead.
    mqtt::async_client publisher(broker.uri().toStdString(), "bench-plugins-publisher",
                                 mqtt::create_options_builder().max_buffered_messages(cases + 1000).finalize());
    publisher.connect(mqtt::connect_options_builder().clean_session(true).max_inflight(1000).finalize())->wait();
    static const char *categories[] = {"dispute", "petition", "safety_hazard", "public_order", "city_environment"};
    std::mt19937 rng(2648);
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < cases; ++i) {
        char payload[400];
        std::snprintf(payload, sizeof payload,
                      "{\"ts\":%lld,\"seq\":1,\"status\":\"reported\",\"category\":\"%s\",\"source\":\"app\",\"priority\":%d,"
                      "\"lon\":%.6f,\"lat\":%.6f,\"deadline\":%lld,\"title\":\"bench case %d\"}",
                      static_cast<long long>(now), categories[rng() % 5], int(1 + rng() % 4), 121.9 + double(rng() % 30000) / 100000.0,
                      40.9 + double(rng() % 40000) / 100000.0, static_cast<long long>(now - 3600000 + int64_t(rng() % 90000000)), i);
        publisher.publish("panjin/case/bench-" + std::to_string(i) + "/event", payload, std::strlen(payload), 1, false);
    }
    if (!wall.waitFor([&](const auto &m) { return m.value("gridwall_live_entities{kind=\"case\"}") >= cases; }, 120000)) {
        std::fprintf(stderr, "the wall did not take the cases in\n");
        return {};
    }
    const QHash<QString, double> before = wall.metrics();
    QThread::sleep(seconds);
    const QHash<QString, double> after = wall.metrics();
    publisher.disconnect()->wait();

    std::vector<Timing> out;
    for (const QString &plugin : plugins) {
        const QString labels = QStringLiteral("plugin=\"%1\"").arg(plugin);
        const QString count = QStringLiteral("gridwall_plugin_refresh_seconds_count{%1}").arg(labels);
        const QString sum = QStringLiteral("gridwall_plugin_refresh_seconds_sum{%1}").arg(labels);
        Timing t{plugin};
        t.p50 = histogramQuantile(before, after, "gridwall_plugin_refresh_seconds", 0.5, labels) * 1000;
        t.p99 = histogramQuantile(before, after, "gridwall_plugin_refresh_seconds", 0.99, labels) * 1000;
        t.count = after.value(count) - before.value(count);
        t.mean = t.count > 0 ? (after.value(sum) - before.value(sum)) / t.count * 1000 : 0;
        t.errors = after.value(QStringLiteral("gridwall_plugin_errors_total{%1}").arg(labels));
        out.push_back(t);
    }
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int cases = args.size() > 1 ? args[1].toInt() : 20000;
    const int seconds = args.size() > 2 ? args[2].toInt() : 30;

    // The bundled plugins in one wall, the baseline alone in another: neither's work weighs on the other.
    std::vector<Timing> timings = measure({GRIDWALL_PLUGINS}, {"grid-management", "public-security", "emergency-safety", "petitions-mediation"},
                                          cases, seconds);
    const std::vector<Timing> baseline = measure({BENCH_PLUGINS}, {"grid-management-js"}, cases, seconds);
    timings.insert(timings.end(), baseline.begin(), baseline.end());
    std::printf("%d open cases, each plugin's refresh timed for %d s (GUI thread, once a second)\n", cases, seconds);
    std::printf("%-22s %10s %10s %10s %8s %8s\n", "plugin", "p50 ms", "p99 ms", "mean ms", "count", "errors");
    for (const Timing &t : timings) {
        std::printf("%-22s %10.2f %10.2f %10.2f %8.0f %8.0f%s\n", qPrintable(t.plugin), t.p50, t.p99, t.mean, t.count, t.errors,
                    t.errors > 0 ? "  (stopped or failing: not its cost)" : "");
        const std::string key = t.plugin.toStdString();
        gridwall::bench::figure(key + ".mean_ms", t.mean, "ms");
        gridwall::bench::figure(key + ".p50_ms", t.p50, "ms");
        gridwall::bench::figure(key + ".p99_ms", t.p99, "ms");
        gridwall::bench::figure(key + ".refreshes", t.count);
        gridwall::bench::figure(key + ".errors", t.errors);
    }
    gridwall::bench::figure("cases", cases);
    gridwall::bench::figure("seconds", seconds, "s");
    if (timings.size() == 5 && timings[0].mean > 0)
        std::printf("grid management, baseline (API 1.0 rows in JavaScript) against its C++ module with API 1.1 counts (mean): x%.1f\n",
                    timings[4].mean / timings[0].mean);
    return 0;
}
