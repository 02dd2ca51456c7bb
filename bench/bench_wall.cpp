// The wall under load at the sizes walls have: a real Mosquitto, the city's
// 2,648 grids and 3,000 open cases, then 20,000 units moving (QoS 0
// unit/ID/position) and grid states (QoS 1 grid/CODE/state) half and half at
// set rates, the density layer on (the wall's default), no plugins. The live
// state keeps the 1,000 units heard last (its bound, docs/state.md): the rest
// churn through it, counted as evicted. For each
// size a fresh wall; for each rate a warm-up, then a window in which it
// reports frames/s, the interval between frames and the render thread's time
// per frame (p50/p99), the GUI thread's time applying a frame's batch
// (p50/p99), publish to pixel (payload ts to the swap of the frame that
// first showed it, p50/p95/p99), what it took in against what was sent, its
// CPU and its proportional set size. Quantiles are interpolated within the
// wall's histogram buckets. Then the idle wall (nothing sent, nothing gliding).
// Usage (under a display as large as the largest size):
//   bench_wall [SECONDS = 20] [WARMUP = 5] [SIZES = 1920x1080,3840x2160,7680x2160] [RATES = 1000,5000,20000] [IDLE SECONDS = 30]

#include "benchkit.h"
#include "brokerprocess.h"
#include "geo/regionloader.h"
#include "geo/regiontree.h"
#include "wallprocess.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include <mqtt/async_client.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

using gridwall::bench::figure;

constexpr int kUnits = 20000;
constexpr int kOpenCases = 3000;
const char *const kUnitKinds[] = {"police", "fire", "ambulance", "enforcement"};

int64_t nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// Proportional set size in MB (shared pages split among their users): /proc/PID/smaps_rollup.
double pssMb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/smaps_rollup").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("Pss:"))
            return line.mid(4).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

double messagesTaken(const QHash<QString, double> &m)
{
    return seriesSum(m, QLatin1String("gridwall_messages_received_total"));
}

// The city the publisher drives: grid codes, and for each unit a place in
// the city and a heading it keeps for a while.
struct City
{
    std::vector<std::string> grids;
    std::vector<std::pair<double, double>> gridPoints; // lon, lat of each grid's label point
    struct Unit
    {
        double lon, lat, dx, dy;
    };
    std::vector<Unit> units;

    bool load(const QString &file)
    {
        const gridwall::geo::RegionLoadResult loaded = gridwall::geo::loadRegionFile(file);
        if (!loaded.tree)
            return false;
        const gridwall::geo::RegionTree &tree = *loaded.tree;
        for (int index : tree.level(gridwall::geo::Level::Grid)) {
            const gridwall::geo::Region &grid = tree.region(index);
            grids.push_back(grid.code.toStdString());
            const QGeoCoordinate at = tree.geoFromScene(grid.labelPoint);
            gridPoints.emplace_back(at.longitude(), at.latitude());
        }
        std::mt19937 rng(20000);
        for (int i = 0; i < kUnits; ++i) {
            const auto &[lon, lat] = gridPoints[rng() % gridPoints.size()];
            const double angle = double(rng() % 6283) / 1000.0;
            // ~10 m a message: a patrol car's step at these rates.
            units.push_back({lon, lat, 0.00012 * std::cos(angle), 0.00009 * std::sin(angle)});
        }
        return !grids.empty();
    }
};

// Publishes the mix at a set rate on a thread of its own, paced in 1 ms steps.
class Publisher
{
public:
    Publisher(const std::string &uri, City &city)
        : m_client(uri, "bench-wall-publisher", mqtt::create_options_builder().max_buffered_messages(200000).finalize())
        , m_city(city)
    {
        m_client.connect(mqtt::connect_options_builder().clean_session(true).max_inflight(2000).finalize())->wait();
    }
    ~Publisher()
    {
        stop();
        m_client.disconnect()->wait();
    }

    void publish(const std::string &topic, const std::string &payload, int qos, bool retained = false)
    {
        m_client.publish(topic, payload.data(), payload.size(), qos, retained);
    }

    void start(int rate)
    {
        stop();
        m_sent = 0;
        m_running = true;
        m_thread = std::thread([this, rate] { run(rate); });
    }
    void stop()
    {
        m_running = false;
        if (m_thread.joinable())
            m_thread.join();
    }
    int64_t sent() const { return m_sent.load(); }

private:
    void run(int rate)
    {
        std::mt19937 rng{uint32_t(rate)};
        const auto start = std::chrono::steady_clock::now();
        int64_t n = 0;
        while (m_running) {
            const auto due = start + std::chrono::microseconds(n * 1000000 / rate);
            std::this_thread::sleep_until(due);
            // Everything due by now, so that the rate holds when a step oversleeps.
            const int64_t dueCount = int64_t(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() * rate) + 1;
            for (; n < dueCount && m_running; ++n) {
                const std::string ts = std::to_string(nowMs());
                if (n % 2 == 0) {
                    const size_t i = rng() % m_city.units.size();
                    City::Unit &u = m_city.units[i];
                    u.lon += u.dx;
                    u.lat += u.dy;
                    if (rng() % 50 == 0) // a turn now and then
                        std::swap(u.dx, u.dy), u.dx = -u.dx;
                    char body[192];
                    std::snprintf(body, sizeof body, "{\"ts\":%s,\"lon\":%.6f,\"lat\":%.6f,\"kind\":\"%s\",\"status\":\"patrol\"}",
                                  ts.c_str(), u.lon, u.lat, kUnitKinds[i % 4]);
                    publish("panjin/unit/u-" + std::to_string(i) + "/position", body, 0);
                } else {
                    const size_t g = rng() % m_city.grids.size();
                    const int total = 2 + int(rng() % 3);
                    const int onDuty = int(rng() % uint32_t(total + 1));
                    publish("panjin/grid/" + m_city.grids[g] + "/state",
                            "{\"ts\":" + ts + ",\"workers_on_duty\":" + std::to_string(onDuty)
                                + ",\"workers_total\":" + std::to_string(total) + "}",
                            1, true);
                }
                ++m_sent;
            }
        }
    }

    mqtt::async_client m_client;
    City &m_city;
    std::thread m_thread;
    std::atomic<bool> m_running{false};
    std::atomic<int64_t> m_sent{0};
};

// The city before the load: every grid's workers and the open cases, sent once.
void seed(Publisher &publisher, const City &city)
{
    const int64_t now = nowMs();
    std::mt19937 rng(2648);
    for (const std::string &grid : city.grids) {
        const int total = 2 + int(rng() % 3);
        publisher.publish("panjin/grid/" + grid + "/state",
                          "{\"ts\":" + std::to_string(now) + ",\"workers_on_duty\":" + std::to_string(1 + int(rng() % uint32_t(total)))
                              + ",\"workers_total\":" + std::to_string(total) + "}",
                          1, true);
    }
    for (int i = 0; i < kOpenCases; ++i) {
        const auto &[lon, lat] = city.gridPoints[rng() % city.gridPoints.size()];
        char body[320];
        std::snprintf(body, sizeof body,
                      "{\"ts\":%lld,\"seq\":1,\"status\":\"reported\",\"category\":\"市容环境\",\"source\":\"app\",\"priority\":3,"
                      "\"lon\":%.6f,\"lat\":%.6f,\"deadline\":%lld,\"title\":\"垃圾堆放未清运\"}",
                      static_cast<long long>(now - int64_t(rng() % 20) * 3600000), lon + double(rng() % 200) / 1e5,
                      lat + double(rng() % 200) / 1e5, static_cast<long long>(now + 86400000));
        publisher.publish("panjin/case/bw-" + std::to_string(i) + "/event", body, 1);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int seconds = args.size() > 1 ? args[1].toInt() : 20;
    const int warmup = args.size() > 2 ? args[2].toInt() : 5;
    const QStringList sizes = (args.size() > 3 ? args[3] : QStringLiteral("1920x1080,3840x2160,7680x2160")).split(QLatin1Char(','));
    QList<int> rates;
    for (const QString &r : (args.size() > 4 ? args[4] : QStringLiteral("1000,5000,20000")).split(QLatin1Char(',')))
        rates.append(r.toInt());
    const int idleSeconds = args.size() > 5 ? args[5].toInt() : 30;
    if (!qEnvironmentVariableIsSet("DISPLAY")) {
        std::fprintf(stderr, "bench_wall draws real frames: run it under a display as large as its largest size "
                             "(xvfb-run -a -s \"-screen 0 7680x2160x24\" ...)\n");
        return 2;
    }
    City city;
    if (!city.load(QStringLiteral(GRIDWALL_REGIONS))) {
        std::fprintf(stderr, "no grids in %s\n", GRIDWALL_REGIONS);
        return 1;
    }
    std::printf("%zu grids, %d open cases, %d units; windows of %d s after %d s warm-up\n", city.grids.size(), kOpenCases, kUnits,
                seconds, warmup);
    std::printf("%-10s %6s %8s %8s %15s %15s %15s %21s %9s %6s %6s\n", "size", "msg/s", "taken", "frames/s", "frame p50/p99",
                "render p50/p99", "apply p50/p99", "pub->pixel p50/95/99", "coalesced", "CPU %", "PSS MB");
    const QTemporaryDir noPlugins;
    for (const QString &size : sizes) {
        const std::string sizeKey = size.toStdString();
        BrokerProcess broker;
        if (!broker.start()) {
            std::fprintf(stderr, "mosquitto did not start\n");
            return 1;
        }
        WallProcess wall(QStringLiteral(GRIDWALL_BINARY));
        if (!wall.start({"--size", size, "--mute", "--plugins-dir", noPlugins.path(), "--broker", broker.uri(), "--client-id",
                         "bench-wall"},
                        QStringLiteral("xcb"), 30000)) {
            std::fprintf(stderr, "the wall did not start:\n%s\n", qPrintable(wall.output()));
            return 1;
        }
        wall.waitFor([](const auto &m) { return m.value("gridwall_mqtt_connected") == 1; });
        Publisher publisher(broker.uri().toStdString(), city);
        seed(publisher, city);
        if (!wall.waitFor([](const auto &m) { return seriesSum(m, QLatin1String("gridwall_cases_open{")) >= kOpenCases; }, 60000)) {
            std::fprintf(stderr, "the wall did not take in the seeded cases:\n%s\n", qPrintable(wall.output()));
            return 1;
        }
        const auto window = [&](const std::string &key, int rate, int windowSeconds) {
            if (rate > 0)
                publisher.start(rate);
            QThread::sleep(unsigned(rate > 0 ? warmup : 5));
            const QHash<QString, double> before = wall.metrics();
            const double cpuBefore = wall.cpuSeconds();
            const int64_t sentBefore = publisher.sent();
            const auto start = std::chrono::steady_clock::now();
            QThread::sleep(unsigned(windowSeconds));
            const int64_t sent = publisher.sent() - sentBefore;
            const double elapsed = gridwall::bench::msSince(start) / 1000;
            const double cpu = 100 * (wall.cpuSeconds() - cpuBefore) / elapsed;
            publisher.stop();
            // What was sent in the window has arrived before the figures are read.
            QThread::msleep(rate > 0 ? 1500 : 0);
            const QHash<QString, double> after = wall.metrics();
            const auto ms = [&](const char *name, double q) { return histogramQuantile(before, after, QString::fromLatin1(name), q) * 1000; };
            const double frames = after.value("gridwall_frame_time_seconds_count") - before.value("gridwall_frame_time_seconds_count");
            const double taken = messagesTaken(after) - messagesTaken(before);
            const double coalesced = after.value("gridwall_messages_coalesced_total") - before.value("gridwall_messages_coalesced_total");
            const double evicted = seriesSum(after, QLatin1String("gridwall_live_evicted_total")) - seriesSum(before, QLatin1String("gridwall_live_evicted_total"));
            const double pss = pssMb(wall.pid());
            std::printf("%-10s %6.0f %8.0f %8.1f %7.1f/%-7.1f %7.1f/%-7.1f %7.2f/%-7.2f %6.0f/%5.0f/%-6.0f %9.0f %6.1f %6.0f\n",
                        sizeKey.c_str(), double(sent) / elapsed, taken, frames / elapsed, ms("gridwall_frame_seconds", 0.5),
                        ms("gridwall_frame_seconds", 0.99), ms("gridwall_frame_time_seconds", 0.5), ms("gridwall_frame_time_seconds", 0.99),
                        ms("gridwall_apply_seconds", 0.5), ms("gridwall_apply_seconds", 0.99), ms("gridwall_e2e_latency_seconds", 0.5),
                        ms("gridwall_e2e_latency_seconds", 0.95), ms("gridwall_e2e_latency_seconds", 0.99), coalesced, cpu, pss);
            std::fflush(stdout);
            figure(key + ".sent_rate", double(sent) / elapsed, "msg/s");
            figure(key + ".sent", double(sent));
            figure(key + ".taken", taken);
            figure(key + ".coalesced", coalesced);
            figure(key + ".evicted", evicted);
            figure(key + ".fps", frames / elapsed, "frames/s");
            figure(key + ".frame_p50_ms", ms("gridwall_frame_seconds", 0.5), "ms");
            figure(key + ".frame_p99_ms", ms("gridwall_frame_seconds", 0.99), "ms");
            figure(key + ".render_p50_ms", ms("gridwall_frame_time_seconds", 0.5), "ms");
            figure(key + ".render_p99_ms", ms("gridwall_frame_time_seconds", 0.99), "ms");
            figure(key + ".apply_p50_ms", ms("gridwall_apply_seconds", 0.5), "ms");
            figure(key + ".apply_p99_ms", ms("gridwall_apply_seconds", 0.99), "ms");
            figure(key + ".pixel_p50_ms", ms("gridwall_e2e_latency_seconds", 0.5), "ms");
            figure(key + ".pixel_p95_ms", ms("gridwall_e2e_latency_seconds", 0.95), "ms");
            figure(key + ".pixel_p99_ms", ms("gridwall_e2e_latency_seconds", 0.99), "ms");
            figure(key + ".cpu_pct", cpu, "%");
            figure(key + ".pss_mb", pss, "MB");
        };
        for (int rate : rates)
            window(sizeKey + ".r" + std::to_string(rate), rate, seconds);
        // Idle: the same wall, nothing sent and the last glides over.
        if (idleSeconds > 0)
            window(sizeKey + ".idle", 0, idleSeconds);
        wall.kill();
    }
    return 0;
}
