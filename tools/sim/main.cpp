// gridwall-sim: a real MQTT publisher that plays a living Panjin from the
// same assets as the wall (docs/simulator.md).

#include "city.h"
#include "options.h"
#include "outbox.h"
#include "publisher.h"
#include "simulation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <string>
#include <thread>

using namespace gridwall::sim;

namespace {

std::atomic<bool> g_stop{false};
static_assert(std::atomic<bool>::is_always_lock_free);

void onSignal(int)
{
    g_stop.store(true);
}

void installSignalHandlers()
{
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
}

std::string shanghaiTime(Ms t)
{
    return QDateTime::fromMSecsSinceEpoch(t, QTimeZone(8 * 3600))
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
        .toStdString();
}

std::string feedCounts(const std::array<uint64_t, kFeedCount> &now, const std::array<uint64_t, kFeedCount> &before)
{
    std::string s;
    for (int f = 0; f < kFeedCount; ++f) {
        if (!s.empty())
            s += ' ';
        s += feedName(Feed(f));
        s += ' ';
        s += std::to_string(now[size_t(f)] - before[size_t(f)]);
    }
    return s;
}

uint64_t sum(const std::array<uint64_t, kFeedCount> &a)
{
    uint64_t n = 0;
    for (uint64_t v : a)
        n += v;
    return n;
}

uint64_t badSum(const Counters &c)
{
    uint64_t n = 0;
    for (uint64_t v : c.bad)
        n += v;
    return n;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gridwall-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GRIDWALL_VERSION));

    const ParseResult parsed = parseOptions(QCoreApplication::arguments());
    if (parsed.outcome == ParseResult::Outcome::Error) {
        std::fprintf(stderr, "gridwall-sim: %s\n%s", qPrintable(parsed.message), qPrintable(parsed.usage));
        return 2;
    }
    if (parsed.outcome == ParseResult::Outcome::Exit) {
        std::fputs(qPrintable(parsed.message), stdout);
        return 0;
    }
    const Options &opt = parsed.options;
    installSignalHandlers();

    QString error;
    const auto city = City::load(opt.geoFile, opt.sitesFile, &error);
    if (!city) {
        std::fprintf(stderr, "gridwall-sim: %s\n", qPrintable(error));
        return 2;
    }

    PublisherConfig pc;
    pc.uri = opt.broker.toStdString();
    pc.clientId = opt.clientId.toStdString();
    pc.username = opt.username.toStdString();
    pc.password = opt.password.toStdString();
    pc.hasPassword = opt.hasPassword;
    pc.maxRate = opt.maxRate;
    std::unique_ptr<Publisher> publisher;
    try {
        publisher = std::make_unique<Publisher>(pc);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "gridwall-sim: --broker %s: %s\n", pc.uri.c_str(), e.what());
        return 2;
    }
    Outbox outbox(*publisher, opt.topicRoot.toStdString(), opt.badRate, opt.seed, g_stop);

    SimClock clock;
    Simulation sim(*city, outbox, clock, opt.rate, opt.speed, opt.seed);
    sim.build();
    std::fprintf(stderr,
                 "gridwall-sim: %zu grids, %d grid workers (%d full-time), %d cameras (%d with video analytics), "
                 "%d sensors at %d sites, %d units, %zu fixed sites; seed %llu, rate %g, speed %g\n",
                 city->grids().size(), sim.workers().total(), sim.workers().fullTime(), sim.cameras().count(),
                 sim.cameras().analytics(), sim.sensors().count(), sim.sensors().sites(), sim.units().count(),
                 city->sites().size(), static_cast<unsigned long long>(opt.seed), opt.rate, opt.speed);

    auto setIdPrefix = [&](Ms startMs) {
        sim.cases().setIdPrefix("PJ" + QDateTime::fromMSecsSinceEpoch(startMs, QTimeZone(8 * 3600))
                                           .toString(QStringLiteral("yyMMddHHmmss"))
                                           .toStdString());
    };
    Ms startMs = opt.startMs.value_or(QDateTime::currentMSecsSinceEpoch());
    if (opt.warmStartHours) {
        publisher->maintain(); // connects while the pre-roll runs
        const Ms from = startMs - Ms(*opt.warmStartHours * double(kHour));
        setIdPrefix(startMs);
        const WarmStartSummary w = sim.warmStart(from, startMs);
        std::fprintf(stderr,
                     "gridwall-sim: warm start: played %s to %s in %.2f s of CPU; %d open cases, %d closed or "
                     "rejected since 00:00, workers on duty %d; first out: %zu case events, %zu camera events\n",
                     shanghaiTime(from).c_str(), shanghaiTime(startMs).c_str(), w.cpuSeconds, w.openCases,
                     w.endedCases, sim.workers().onDuty(), w.caseEvents, w.cameraEvents);
    }

    // Give the broker a moment, so the first events are not lost.
    if (!publisher->waitConnected(std::chrono::seconds(5), g_stop))
        std::fprintf(stderr, "gridwall-sim: %s: not connected yet (%s); running and retrying\n", pc.uri.c_str(),
                     publisher->lastError().c_str());

    if (!opt.warmStartHours) {
        startMs = opt.startMs.value_or(QDateTime::currentMSecsSinceEpoch());
        setIdPrefix(startMs);
        sim.start(startMs);
    }
    // Without --start the simulated clock is the real one, also after a pre-roll
    // (what fell due meanwhile runs at once); with it the run starts at --start.
    clock = SimClock(opt.startMs ? startMs : std::max(startMs, Ms(QDateTime::currentMSecsSinceEpoch())), opt.speed);

    using namespace std::chrono;
    const auto realStart = steady_clock::now();
    const auto tick = milliseconds(25);
    const auto statsEvery = seconds(10);
    auto nextStats = realStart + statsEvery;
    Counters lastCounters = outbox.counters();
    bool wasConnected = publisher->connected();
    uint64_t lostSeen = 0;

    while (!g_stop) {
        const auto loopStart = steady_clock::now();
        publisher->maintain();
        if (publisher->connectionsLost() != lostSeen) {
            lostSeen = publisher->connectionsLost();
            std::fprintf(stderr, "gridwall-sim: %s; reconnecting\n", publisher->lastError().c_str());
        }
        if (publisher->takeNewConnection()) {
            if (!wasConnected || lostSeen > 0)
                std::fprintf(stderr, "gridwall-sim: connected to %s\n", pc.uri.c_str());
            wasConnected = true;
            sim.publishSnapshot();
            outbox.flushHeld();
        }
        sim.runUntil(clock.now(), milliseconds(200), g_stop);

        const auto now = steady_clock::now();
        if (opt.stats && now >= nextStats) {
            const Counters &c = outbox.counters();
            const double seconds = duration<double>(now - (nextStats - statsEvery)).count();
            const uint64_t n = sum(c.sent) - sum(lastCounters.sent) + badSum(c) - badSum(lastCounters);
            std::printf("[%s] %s bad %llu | %llu msg in %.1f s (%.1f/s), total %llu, unsent %llu, dropped %llu, "
                        "held %zu, %s, open cases %d, workers on duty %d\n",
                        shanghaiTime(clock.now()).c_str(), feedCounts(c.sent, lastCounters.sent).c_str(),
                        static_cast<unsigned long long>(badSum(c) - badSum(lastCounters)),
                        static_cast<unsigned long long>(n), seconds, double(n) / seconds,
                        static_cast<unsigned long long>(c.totalSent()),
                        static_cast<unsigned long long>(sum(c.unsent) + c.badUnsent),
                        static_cast<unsigned long long>(sum(c.dropped)), outbox.held(),
                        publisher->connected() ? "connected" : "disconnected", sim.cases().open(),
                        sim.workers().onDuty());
            std::fflush(stdout);
            lastCounters = c;
            nextStats += statsEvery;
            if (nextStats < now)
                nextStats = now + statsEvery;
        }
        if (opt.durationS && duration<double>(now - realStart).count() >= *opt.durationS)
            break;
        std::this_thread::sleep_until(loopStart + tick);
    }

    const double ran = duration<double>(steady_clock::now() - realStart).count();
    publisher->close();
    const Counters &c = outbox.counters();
    std::printf("gridwall-sim: ran %.1f s (simulated %s to %s); sent %llu messages (%.1f/s): %s; malformed %llu\n",
                ran, shanghaiTime(clock.start()).c_str(), shanghaiTime(clock.now()).c_str(),
                static_cast<unsigned long long>(c.totalSent()), double(c.totalSent()) / std::max(ran, 1e-3),
                feedCounts(c.sent, Counters().sent).c_str(), static_cast<unsigned long long>(badSum(c)));
    std::printf("gridwall-sim: not sent %llu (broker away or refused; %llu held events overflowed), dropped under "
                "back-pressure %llu, delivery failures %llu, connections lost %llu, still held %zu\n",
                static_cast<unsigned long long>(sum(c.unsent) + c.badUnsent),
                static_cast<unsigned long long>(c.heldOverflow), static_cast<unsigned long long>(sum(c.dropped)),
                static_cast<unsigned long long>(publisher->deliveryFailures()),
                static_cast<unsigned long long>(publisher->connectionsLost()), outbox.held());
    if (sum(c.unsent) + c.badUnsent > 0 && !publisher->lastError().empty())
        std::printf("gridwall-sim: last broker error: %s\n", publisher->lastError().c_str());
    std::printf("gridwall-sim: cases reported %llu, closed %llu, open %d\n",
                static_cast<unsigned long long>(sim.cases().reported()),
                static_cast<unsigned long long>(sim.cases().closed()), sim.cases().open());
    if (opt.badRate > 0) {
        std::string kinds;
        for (int k = 0; k < kBadKindCount; ++k) {
            if (!kinds.empty())
                kinds += ", ";
            kinds += badKindName(BadKind(k));
            kinds += ' ';
            kinds += std::to_string(c.bad[size_t(k)]);
        }
        std::printf("gridwall-sim: malformed messages sent: %s\n", kinds.c_str());
    }
    std::fflush(stdout);
    return 0;
}
