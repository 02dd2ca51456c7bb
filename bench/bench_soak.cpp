// Soak: the wall under a display through a whole simulated day. A private
// Mosquitto, the wall as a real process (xcb, so that it renders: under Xvfb
// Mesa's llvmpipe draws every frame on the CPU) and gridwall-sim playing a
// working day from midnight (Asia/Shanghai) at SPEED times real time. Every
// sample (a quarter of a simulated hour by default) it reads the wall's
// resident memory (VmRSS, VmHWM), its CPU, its render-thread frame time over
// the interval (gridwall_frame_time_seconds, interpolated in the buckets),
// the messages it took in and its live entities, writes them to a CSV and,
// at the end, prints the summary: RSS after the warm-up against the end, the
// slope of RSS over the rest of the day and the curves per simulated hour.
//
// Verdict: "no growth after warm-up" when the least-squares slope of RSS
// after the warm-up, carried over the remaining hours, stays under 5 % of the
// RSS at the end of the warm-up. The summary says which leak that bound
// catches (bytes per message and per frame over the run). A first day also
// grows the live state for good (every worker who comes on duty stays known,
// ended cases stay two days), and RSS with it; so when the whole slope
// crosses the bound, the slope of the last quarter is carried over the same
// hours: under the bound, RSS grew with the state and stopped ("flat at the
// end"); over it, RSS still grows at the end.
//
// Usage (under a display, e.g. xvfb-run -a -s "-screen 0 1920x1080x24"):
//   bench_soak [--hours H=24] [--speed S=100] [--every SECONDS] [--warmup HOURS=min(2, H/2)]
//              [--start ISO8601] [--seed N=2648] [--size WxH=1920x1080] [--csv FILE=soak.csv]
// --every defaults to a quarter of a simulated hour (9 s at 100x).

#include "benchkit.h"
#include "brokerprocess.h"
#include "wallprocess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QThread>
#include <QTimeZone>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

using gridwall::bench::figure;

namespace {

constexpr double kGrowthBound = 0.05; // of the RSS after warm-up, over the rest of the run

struct Sample
{
    double wallS = 0;   // real seconds since the simulator's first message
    double simHours = 0;
    double rssMb = 0, hwmMb = 0, anonMb = 0, fileMb = 0; // VmRSS = RssAnon + RssFile + RssShmem
    double cpuPct = 0;  // of one core, over the interval
    double fps = 0;     // frames swapped per second, over the interval
    double frameP50 = 0, frameP99 = 0; // ms, over the interval
    double msgsPerS = 0, messages = 0; // over the interval; received since the start
    double entities = 0, cases = 0, workers = 0;
};

// A process's resident memory in MB from /proc/PID/status (all 0 when it is gone).
struct Resident
{
    double rss = 0, hwm = 0, anon = 0, file = 0;
};

Resident residentMb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    Resident r;
    if (!status.open(QIODevice::ReadOnly))
        return r;
    for (const QByteArray &line : status.readAll().split('\n')) {
        // "VmRSS:	  123456 kB"
        const QList<QByteArray> fields = line.simplified().split(' ');
        const double mb = fields.value(1).toDouble() / 1024.0;
        if (fields.value(0) == "VmRSS:")
            r.rss = mb;
        else if (fields.value(0) == "VmHWM:")
            r.hwm = mb;
        else if (fields.value(0) == "RssAnon:")
            r.anon = mb;
        else if (fields.value(0) == "RssFile:")
            r.file = mb;
    }
    return r;
}

double sumOf(const QHash<QString, double> &m, QLatin1String prefix)
{
    double n = 0;
    for (auto it = m.begin(); it != m.end(); ++it)
        if (it.key().startsWith(prefix))
            n += it.value();
    return n;
}

double received(const QHash<QString, double> &m)
{
    return sumOf(m, QLatin1String("gridwall_messages_received_total"));
}

// The render thread's time per frame between two scrapes, in ms at quantile q, and the frames counted.
double frameMs(const QHash<QString, double> &before, const QHash<QString, double> &after, double q)
{
    return histogramQuantile(before, after, QStringLiteral("gridwall_frame_time_seconds"), q) * 1000;
}

double framesBetween(const QHash<QString, double> &before, const QHash<QString, double> &after)
{
    const QString count = QStringLiteral("gridwall_frame_time_seconds_count");
    return after.value(count) - before.value(count);
}

// The next midnight in Shanghai that begins a working day: the day shift comes on, as most days.
QDateTime nextWorkingMidnight()
{
    const QTimeZone shanghai(8 * 3600);
    QDate day = QDateTime::currentDateTime().toTimeZone(shanghai).date().addDays(1);
    while (day.dayOfWeek() > 5)
        day = day.addDays(1);
    return QDateTime(day, QTime(0, 0), shanghai);
}

// Least-squares slope of y over x.
double slopeOf(const std::vector<double> &x, const std::vector<double> &y)
{
    const double n = double(x.size());
    if (x.size() < 2)
        return 0;
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        sx += x[i];
        sy += y[i];
        sxx += x[i] * x[i];
        sxy += x[i] * y[i];
    }
    const double d = n * sxx - sx * sx;
    return d > 0 ? (n * sxy - sx * sy) / d : 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The wall's memory, CPU and frame time through a simulated day."));
    parser.addHelpOption();
    const auto option = [](const char *name, const char *description, const char *value, const char *byDefault = nullptr) {
        QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(description), QString::fromLatin1(value));
        if (byDefault)
            o.setDefaultValue(QString::fromLatin1(byDefault));
        return o;
    };
    const QCommandLineOption hoursOption = option("hours", "Simulated hours (default 24).", "H", "24");
    const QCommandLineOption speedOption = option("speed", "Simulated seconds per real second (default 100).", "S", "100");
    const QCommandLineOption everyOption =
        option("every", "Real seconds between samples (default: a quarter of a simulated hour).", "SECONDS");
    const QCommandLineOption warmupOption = option("warmup", "Simulated hours of warm-up (default 2, at most half the run).", "H");
    const QCommandLineOption startOption =
        option("start", "Simulated start (default: the next working day's midnight, Shanghai).", "ISO8601");
    const QCommandLineOption seedOption = option("seed", "Simulator seed (default 2648).", "N", "2648");
    const QCommandLineOption sizeOption = option("size", "Wall size (default 1920x1080).", "WxH", "1920x1080");
    const QCommandLineOption csvOption = option("csv", "Samples to FILE (default soak.csv).", "FILE", "soak.csv");
    parser.addOptions({hoursOption, speedOption, everyOption, warmupOption, startOption, seedOption, sizeOption, csvOption});
    parser.process(app);

    const double hours = parser.value(hoursOption).toDouble();
    const double speed = parser.value(speedOption).toDouble();
    const double warmup = parser.isSet(warmupOption) ? parser.value(warmupOption).toDouble() : std::min(2.0, hours / 2);
    const double every = parser.isSet(everyOption) ? parser.value(everyOption).toDouble() : 3600.0 / speed / 4;
    if (!(hours > 0) || !(speed > 0) || !(every > 0) || !(warmup >= 0) || warmup >= hours) {
        std::fprintf(stderr, "bench_soak: need --hours > 0, --speed > 0, --every > 0 and 0 <= --warmup < --hours\n");
        return 2;
    }
    if (!qEnvironmentVariableIsSet("DISPLAY")) {
        std::fprintf(stderr, "bench_soak draws real frames: run it under a display (xvfb-run -a -s \"-screen 0 %sx24\" ...)\n",
                     qPrintable(parser.value(sizeOption)));
        return 2;
    }
    QDateTime start = nextWorkingMidnight();
    if (parser.isSet(startOption)) {
        start = QDateTime::fromString(parser.value(startOption), Qt::ISODate);
        if (!start.isValid()) {
            std::fprintf(stderr, "bench_soak: --start: not an ISO 8601 time\n");
            return 2;
        }
        if (start.timeSpec() == Qt::LocalTime) // as the simulator reads it: Shanghai unless an offset is given
            start = QDateTime(start.date(), start.time(), QTimeZone(8 * 3600));
    }
    const QTimeZone shanghai(8 * 3600);
    const double realSeconds = hours * 3600.0 / speed;

    QFile csv(parser.value(csvOption));
    if (!csv.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        std::fprintf(stderr, "bench_soak: cannot write %s\n", qPrintable(csv.fileName()));
        return 1;
    }
    csv.write("sim_hours,sim_time,wall_s,rss_mb,hwm_mb,anon_mb,file_mb,cpu_pct,frames_per_s,frame_p50_ms,frame_p99_ms,msgs_per_s,messages,"
              "entities,cases,workers\n");
    csv.flush();

    BrokerProcess broker;
    if (!broker.start()) {
        std::fprintf(stderr, "mosquitto did not start\n");
        return 1;
    }
    WallProcess wall(QStringLiteral(GRIDWALL_BINARY));
    // The simulated day runs ahead of the machine's clock on purpose: the wall believes it that far (docs/feeds.md).
    const qint64 simulatedAheadSeconds = std::max<qint64>(0, start.toSecsSinceEpoch() - QDateTime::currentSecsSinceEpoch())
                                         + qint64(hours * 3600) + 3600;
    if (!wall.start({"--size", parser.value(sizeOption), "--mute", "--broker", broker.uri(), "--client-id", "bench-soak-wall",
                     "--max-ahead", QString::number(simulatedAheadSeconds)},
                    QStringLiteral("xcb"))) {
        std::fprintf(stderr, "the wall did not start:\n%s\n", qPrintable(wall.output()));
        return 1;
    }
    if (!wall.waitFor([](const auto &m) { return m.value("gridwall_mqtt_connected") == 1; })) {
        std::fprintf(stderr, "the wall did not connect to the broker\n");
        return 1;
    }

    std::printf("bench_soak: %.4g simulated hours from %s (Shanghai, %s) at %gx: %.0f s; a sample every %.1f s; wall %s, pid %lld; "
                "CSV %s\n",
                hours, qPrintable(start.toTimeZone(shanghai).toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
                qPrintable(QLocale::c().dayName(start.toTimeZone(shanghai).date().dayOfWeek())), speed, realSeconds, every,
                qPrintable(parser.value(sizeOption)), static_cast<long long>(wall.pid()), qPrintable(csv.fileName()));
    std::printf("%7s %6s %8s %8s %8s %6s %7s %8s %8s %8s %9s %8s\n", "sim h", "real s", "RSS MB", "anon MB", "HWM MB", "CPU %",
                "frames/s", "p50 ms", "p99 ms", "msg/s", "entities", "cases");
    std::fflush(stdout);

    QProcess sim;
    sim.setProcessChannelMode(QProcess::MergedChannels);
    sim.start(QStringLiteral(GRIDWALL_SIM),
              {"--broker", broker.uri(), "--speed", QString::number(speed), "--start", start.toString(Qt::ISODate), "--seed",
               parser.value(seedOption), "--duration", QString::number(realSeconds + 2.0, 'f', 1), "--stats"});
    if (!sim.waitForStarted()) {
        std::fprintf(stderr, "gridwall-sim did not start\n");
        return 1;
    }
    // The simulated clock starts when the simulator has loaded its city and connects, which is
    // when its first messages (the retained snapshot) reach the wall: the samples count from there.
    if (!wall.waitFor([](const auto &m) { return received(m) > 0; }, 60000)) {
        std::fprintf(stderr, "no message from gridwall-sim reached the wall:\n%s\n", sim.readAll().constData());
        return 1;
    }
    const auto t0 = std::chrono::steady_clock::now();
    QByteArray simOutput;

    std::vector<Sample> samples;
    QHash<QString, double> previous = wall.metrics();
    double previousCpu = wall.cpuSeconds(), previousS = 0;
    // Per simulated hour: the scrape at its start, so that its quantiles cover exactly that hour.
    struct Hour
    {
        int index;
        double rssMb, anonMb, p50, p99, msgsPerS, cpuPct, fps, entities, cases;
    };
    std::vector<Hour> perHour;
    QHash<QString, double> hourStart = previous;
    double hourStartCpu = previousCpu, hourStartS = 0;
    int nextHour = 1;
    QHash<QString, double> warmMetrics, lastMetrics; // at the end of the warm-up, at the end
    bool warmSeen = false;

    const int count = int(std::floor(realSeconds / every + 1e-9));
    for (int k = 1; k <= count; ++k) {
        using std::chrono::duration;
        std::this_thread::sleep_until(t0 + std::chrono::duration_cast<std::chrono::steady_clock::duration>(duration<double>(k * every)));
        if (!wall.running()) {
            std::fprintf(stderr, "the wall exited:\n%s\n", qPrintable(wall.output().right(4000)));
            return 1;
        }
        const QHash<QString, double> now = wall.metrics();
        const double cpu = wall.cpuSeconds();
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const Resident resident = residentMb(wall.pid());
        Sample x;
        x.wallS = s;
        x.simHours = k * every * speed / 3600.0;
        x.rssMb = resident.rss;
        x.hwmMb = resident.hwm;
        x.anonMb = resident.anon;
        x.fileMb = resident.file;
        x.cpuPct = 100.0 * (cpu - previousCpu) / (s - previousS);
        x.fps = framesBetween(previous, now) / (s - previousS);
        x.frameP50 = frameMs(previous, now, 0.5);
        x.frameP99 = frameMs(previous, now, 0.99);
        x.messages = received(now);
        x.msgsPerS = (x.messages - received(previous)) / (s - previousS);
        x.entities = sumOf(now, QLatin1String("gridwall_live_entities{"));
        x.cases = now.value(QStringLiteral("gridwall_live_entities{kind=\"case\"}"));
        x.workers = now.value(QStringLiteral("gridwall_live_entities{kind=\"worker\"}"));
        samples.push_back(x);
        const QDateTime simTime = start.addMSecs(qint64(x.simHours * 3600e3)).toTimeZone(shanghai);
        csv.write(QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11,%12,%13,%14,%15,%16\n")
                      .arg(x.simHours, 0, 'f', 3)
                      .arg(simTime.toString(QStringLiteral("yyyy-MM-ddTHH:mm")))
                      .arg(x.wallS, 0, 'f', 1)
                      .arg(x.rssMb, 0, 'f', 1)
                      .arg(x.hwmMb, 0, 'f', 1)
                      .arg(x.anonMb, 0, 'f', 1)
                      .arg(x.fileMb, 0, 'f', 1)
                      .arg(x.cpuPct, 0, 'f', 1)
                      .arg(x.fps, 0, 'f', 1)
                      .arg(x.frameP50, 0, 'f', 2)
                      .arg(x.frameP99, 0, 'f', 2)
                      .arg(x.msgsPerS, 0, 'f', 0)
                      .arg(x.messages, 0, 'f', 0)
                      .arg(x.entities, 0, 'f', 0)
                      .arg(x.cases, 0, 'f', 0)
                      .arg(x.workers, 0, 'f', 0)
                      .toUtf8());
        csv.flush();
        std::printf("%7.2f %6.0f %8.1f %8.1f %8.1f %6.1f %8.1f %8.2f %8.2f %8.0f %9.0f %8.0f\n", x.simHours, x.wallS, x.rssMb, x.anonMb,
                    x.hwmMb, x.cpuPct,
                    x.fps, x.frameP50, x.frameP99, x.msgsPerS, x.entities, x.cases);
        std::fflush(stdout);
        // An hour is closed by the first sample at or past its end.
        if (x.simHours + 1e-6 >= nextHour) {
            const double span = s - hourStartS;
            perHour.push_back({nextHour - 1, x.rssMb, x.anonMb, frameMs(hourStart, now, 0.5), frameMs(hourStart, now, 0.99),
                               (x.messages - received(hourStart)) / span, 100.0 * (cpu - hourStartCpu) / span,
                               framesBetween(hourStart, now) / span, x.entities, x.cases});
            hourStart = now;
            hourStartCpu = cpu;
            hourStartS = s;
            nextHour = int(std::floor(x.simHours + 1e-6)) + 1;
        }
        if (!warmSeen && x.simHours + 1e-6 >= warmup) {
            warmMetrics = now;
            warmSeen = true;
        }
        lastMetrics = now;
        previous = now;
        previousCpu = cpu;
        previousS = s;
        simOutput += sim.readAll();
    }
    sim.waitForFinished(15000);
    simOutput += sim.readAll();
    // The simulator's own account of the run (messages sent, cases).
    for (const QByteArray &line : simOutput.split('\n'))
        if (line.startsWith("gridwall-sim:"))
            std::printf("%s\n", line.constData());

    if (samples.size() < 3) {
        std::fprintf(stderr, "bench_soak: too few samples for a summary\n");
        return 1;
    }
    // The warm-up ends with the first sample at or past it.
    const auto warm = std::find_if(samples.begin(), samples.end(), [&](const Sample &x) { return x.simHours + 1e-6 >= warmup; });
    std::vector<double> xs, ys;
    for (auto it = warm; it != samples.end(); ++it) {
        xs.push_back(it->simHours);
        ys.push_back(it->rssMb);
    }
    const Sample &last = samples.back();
    const double remaining = last.simHours - warm->simHours;
    const double bound = kGrowthBound * warm->rssMb;
    const double slope = slopeOf(xs, ys); // MB per simulated hour
    const double projected = slope * remaining;
    const double growth = last.rssMb - warm->rssMb;
    // The last quarter after the warm-up: growth that follows the live state filling up
    // stops when the state does; a leak goes on at the end as well.
    const size_t tailFrom = xs.size() - std::max<size_t>(2, xs.size() / 4);
    const double tailSlope = slopeOf({xs.begin() + ptrdiff_t(tailFrom), xs.end()}, {ys.begin() + ptrdiff_t(tailFrom), ys.end()});
    const double tailHours = xs.back() - xs[tailFrom];
    // 2: no growth after the warm-up; 1: growth early on, none at the end; 0: growth up to the end.
    const int verdict = projected < bound ? 2 : tailSlope * remaining < bound ? 1 : 0;
    static const char *const kVerdicts[] = {"RSS grows after warm-up, still at the end",
                                            "RSS grows after warm-up with the live state, flat at the end",
                                            "no growth after warm-up"};
    const double frameP50 = frameMs(warmMetrics, lastMetrics, 0.5);
    const double frameP99 = frameMs(warmMetrics, lastMetrics, 0.99);
    // What a leak would have to cost to cross the bound within the run: per message, per frame.
    const double messagesAfter = last.messages - warm->messages;
    const double framesAfter = framesBetween(warmMetrics, lastMetrics);

    std::printf("per simulated hour (RSS at its end; frame time quantiles over the hour):\n");
    std::printf("%5s %8s %8s %8s %8s %8s %7s %8s %9s %8s\n", "hour", "RSS MB", "anon MB", "p50 ms", "p99 ms", "msg/s", "CPU %",
                "frames/s", "entities", "cases");
    for (const Hour &h : perHour) {
        const int clock = start.toTimeZone(shanghai).addSecs(3600 * h.index).time().hour();
        std::printf("%02d:00 %8.1f %8.1f %8.2f %8.2f %8.0f %7.1f %8.1f %9.0f %8.0f\n", clock, h.rssMb, h.anonMb, h.p50, h.p99, h.msgsPerS,
                    h.cpuPct, h.fps, h.entities, h.cases);
        const std::string key = "hour." + std::to_string(h.index);
        figure(key + ".clock", clock);
        figure(key + ".rss_mb", h.rssMb, "MB");
        figure(key + ".anon_mb", h.anonMb, "MB");
        figure(key + ".p50_ms", h.p50, "ms");
        figure(key + ".p99_ms", h.p99, "ms");
        figure(key + ".msgs", h.msgsPerS, "msg/s");
        figure(key + ".cpu_pct", h.cpuPct, "%");
        figure(key + ".fps", h.fps, "frames/s");
        figure(key + ".entities", h.entities);
        figure(key + ".cases", h.cases);
    }
    std::printf("RSS after the warm-up (%.2f h) %.1f MB, at the end (%.2f h) %.1f MB: %+.1f MB (%+.1f %%); peak (VmHWM) %.1f MB\n",
                warm->simHours, warm->rssMb, last.simHours, last.rssMb, growth, 100.0 * growth / warm->rssMb, last.hwmMb);
    std::printf("RSS slope after the warm-up %.3f MB per simulated hour: %+.1f MB over the remaining %.1f h (bound %.1f MB, %.0f %%)\n",
                slope, projected, remaining, bound, 100 * kGrowthBound);
    std::printf("RSS slope over the last %.1f h %.3f MB per simulated hour: %+.1f MB if it went on for %.1f h\n", tailHours, tailSlope,
                tailSlope * remaining, remaining);
    std::printf("the bound is a leak of %.0f bytes per message (%.0f taken in after the warm-up) or %.0f bytes per frame (%.0f frames)\n",
                bound * 1048576 / std::max(1.0, messagesAfter), messagesAfter, bound * 1048576 / std::max(1.0, framesAfter), framesAfter);
    std::printf("of which anonymous (heap, stacks) %.1f MB -> %.1f MB, file-backed %.1f MB -> %.1f MB\n", warm->anonMb, last.anonMb,
                warm->fileMb, last.fileMb);
    std::printf("live entities %.0f after the warm-up, %.0f at the end (cases %.0f, %.0f; workers %.0f, %.0f)\n", warm->entities,
                last.entities, warm->cases, last.cases, warm->workers, last.workers);
    std::printf("frame time after the warm-up: p50 %.2f ms, p99 %.2f ms\n", frameP50, frameP99);
    std::printf("verdict: %s\n", kVerdicts[verdict]);

    figure("hours", last.simHours, "h");
    figure("speed", speed, "x");
    figure("every_s", every, "s");
    figure("start_day_of_week", start.toTimeZone(shanghai).date().dayOfWeek());
    figure("warmup_h", warm->simHours, "h");
    figure("rss_warm_mb", warm->rssMb, "MB");
    figure("rss_end_mb", last.rssMb, "MB");
    figure("rss_first_mb", samples.front().rssMb, "MB");
    figure("hwm_end_mb", last.hwmMb, "MB");
    figure("anon_warm_mb", warm->anonMb, "MB");
    figure("anon_end_mb", last.anonMb, "MB");
    figure("file_warm_mb", warm->fileMb, "MB");
    figure("file_end_mb", last.fileMb, "MB");
    figure("growth_mb", growth, "MB");
    figure("growth_pct", 100.0 * growth / warm->rssMb, "%");
    figure("slope_mb_per_h", slope, "MB/h");
    figure("projected_mb", projected, "MB");
    figure("tail_h", tailHours, "h");
    figure("tail_slope_mb_per_h", tailSlope, "MB/h");
    figure("tail_projected_mb", tailSlope * remaining, "MB");
    figure("bound_mb", bound, "MB");
    figure("bound_bytes_per_message", bound * 1048576 / std::max(1.0, messagesAfter), "B");
    figure("bound_bytes_per_frame", bound * 1048576 / std::max(1.0, framesAfter), "B");
    figure("frames_after_warmup", framesAfter);
    figure("verdict", verdict);
    figure("entities_warm", warm->entities);
    figure("entities_end", last.entities);
    figure("cases_warm", warm->cases);
    figure("cases_end", last.cases);
    figure("workers_warm", warm->workers);
    figure("workers_end", last.workers);
    figure("messages", last.messages);
    figure("frame_p50_ms", frameP50, "ms");
    figure("frame_p99_ms", frameP99, "ms");
    wall.kill();
    return 0;
}
