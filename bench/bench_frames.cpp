// Frame time of the wall while gridwall-sim publishes a living city through
// a real Mosquitto, at 1x, 10x and 100x the simulator's normal message rate,
// against the same wall with no feed (the empty map). For each phase: a fresh
// broker, wall and simulator; a warm-up; then the render thread's time per
// frame (scene-graph sync, drawing and swap: gridwall_frame_time_seconds), the frames
// drawn per second, the GUI thread's time per frame applying updates
// (gridwall_apply_seconds), the messages per second the wall took in and its
// CPU. Quantiles are interpolated within the histograms' buckets.
// With LAYOUTS (a comma-separated list of --layout names) it compares the
// picture layouts instead: each at the simulator's 1x rate, same size.
// Usage (under a display, e.g. xvfb-run): bench_frames [SECONDS = 20] [WARMUP = 10] [SIZE = 1920x1080] [LAYOUTS]

#include "benchkit.h"
#include "brokerprocess.h"
#include "wallprocess.h"

#include <QCoreApplication>
#include <QProcess>
#include <QThread>

#include <cstdio>
#include <string>
#include <vector>

namespace {

struct Phase
{
    std::string name;
    std::string key; // prefix of its figures
    double rate;     // simulator rate multiplier; 0: no feed at all
    QString layout;  // --layout; empty: the wall's choice for the size
};

double received(const QHash<QString, double> &m)
{
    return seriesSum(m, QLatin1String("gridwall_messages_received_total"));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int seconds = args.size() > 1 ? args[1].toInt() : 20;
    const int warmup = args.size() > 2 ? args[2].toInt() : 10;
    const QString size = args.size() > 3 ? args[3] : QStringLiteral("1920x1080");
    if (!qEnvironmentVariableIsSet("DISPLAY")) {
        std::fprintf(stderr, "bench_frames draws real frames: run it under a display (xvfb-run -a -s \"-screen 0 %sx24\" ...)\n",
                     qPrintable(size));
        return 2;
    }

    std::vector<Phase> phases = {{"empty map (no feed)", "empty", 0, {}},
                                 {"simulator 1x", "sim1x", 1, {}},
                                 {"simulator 10x", "sim10x", 10, {}},
                                 {"simulator 100x", "sim100x", 100, {}}};
    if (args.size() > 4) {
        phases.clear();
        for (const QString &layout : args[4].split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            QString key = layout;
            key.replace(QLatin1Char(':'), QLatin1Char('x'));
            phases.push_back({"layout " + layout.toStdString() + ", sim 1x", "layout_" + key.toStdString(), 1, layout});
        }
    }
    std::printf("%-22s %9s %9s %9s %8s %10s %10s %8s\n", "phase", "msg/s", "frames/s", "frame50", "frame99", "apply50",
                "apply99", "CPU %");
    for (const Phase &phase : phases) {
        BrokerProcess broker;
        if (!broker.start()) {
            std::fprintf(stderr, "mosquitto did not start\n");
            return 1;
        }
        WallProcess wall(QStringLiteral(GRIDWALL_BINARY));
        QStringList wallArgs = {"--size", size, "--mute"};
        if (!phase.layout.isEmpty())
            wallArgs << "--layout" << phase.layout;
        if (phase.rate > 0)
            wallArgs << "--broker" << broker.uri() << "--client-id" << "bench-frames-wall";
        if (!wall.start(wallArgs, QStringLiteral("xcb"))) {
            std::fprintf(stderr, "the wall did not start:\n%s\n", qPrintable(wall.output()));
            return 1;
        }
        QProcess sim;
        if (phase.rate > 0) {
            wall.waitFor([](const auto &m) { return m.value("gridwall_mqtt_connected") == 1; });
            sim.start(QStringLiteral(GRIDWALL_SIM), {"--broker", broker.uri(), "--rate", QString::number(phase.rate), "--seed", "2648"});
            if (!sim.waitForStarted()) {
                std::fprintf(stderr, "gridwall-sim did not start\n");
                return 1;
            }
        }
        QThread::sleep(warmup);
        const QHash<QString, double> before = wall.metrics();
        const double cpuBefore = wall.cpuSeconds();
        QThread::sleep(seconds);
        const QHash<QString, double> after = wall.metrics();
        const double cpu = (wall.cpuSeconds() - cpuBefore) / seconds;
        const auto ms = [&](const char *name, double q) { return histogramQuantile(before, after, QString::fromLatin1(name), q) * 1000; };
        const double frames = after.value("gridwall_frame_time_seconds_count") - before.value("gridwall_frame_time_seconds_count");
        std::printf("%-22s %9.0f %9.1f %8.2f ms %5.2f ms %7.2f ms %7.2f ms %7.1f\n", phase.name.c_str(),
                    (received(after) - received(before)) / seconds, frames / seconds, ms("gridwall_frame_time_seconds", 0.5),
                    ms("gridwall_frame_time_seconds", 0.99), ms("gridwall_apply_seconds", 0.5), ms("gridwall_apply_seconds", 0.99),
                    100 * cpu);
        const std::string key = phase.key;
        using gridwall::bench::figure;
        figure(key + ".msgs", (received(after) - received(before)) / seconds, "msg/s");
        figure(key + ".fps", frames / seconds, "frames/s");
        figure(key + ".frame_p50_ms", ms("gridwall_frame_time_seconds", 0.5), "ms");
        figure(key + ".frame_p99_ms", ms("gridwall_frame_time_seconds", 0.99), "ms");
        figure(key + ".apply_p50_ms", ms("gridwall_apply_seconds", 0.5), "ms");
        figure(key + ".apply_p99_ms", ms("gridwall_apply_seconds", 0.99), "ms");
        figure(key + ".cpu_pct", 100 * cpu, "%");
        std::fflush(stdout);
        if (phase.rate > 0) {
            sim.terminate();
            sim.waitForFinished(5000);
        }
        wall.kill();
    }
    return 0;
}
