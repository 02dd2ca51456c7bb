// The fault-injection suite: a real Mosquitto, the wall as a process and the
// city simulator publishing QoS 1 case events, while the test breaks what
// real deployments break: the broker is killed and restarted, the network is
// reset and cut like a pulled cable (through a proxy the test holds), the
// data dir's disk fills up, and publishers storm at ten times the load.
// Each time: no case event the broker delivered is lost or stored twice, the
// wall keeps drawing, and it comes back to the picture of a wall that saw
// no fault. (A wall killed with -9 mid-stream: tst_history.)

#include "brokerprocess.h"
#include "caseaudit.h"
#include "tcpproxy.h"
#include "wallprocess.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <unistd.h>

namespace {

const QString kCaseReceived = QStringLiteral("gridwall_messages_received_total{feed=\"case\"}");
const QString kConnected = QStringLiteral("gridwall_mqtt_connected");
const QString kConnects = QStringLiteral("gridwall_mqtt_connects_total");
const QString kUnsaved = QStringLiteral("gridwall_history_unsaved");
const QString kHistoryErrors = QStringLiteral("gridwall_history_errors_total");

bool connected(const QHash<QString, double> &m)
{
    return m.value(kConnected) == 1;
}

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// The simulator's weekday from 09:00 in fast motion (about twenty case events
// a second, telemetry thinned); `rate` multiplies every message rate.
class Simulator
{
public:
    bool start(const QString &uri, int seconds, double rate = 0.4)
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral(GRIDWALL_SIM), {"--broker", uri, "--speed", "1200", "--rate", QString::number(rate), "--seed", "7",
                                                       "--start", "2024-11-25T09:00", "--duration", QString::number(seconds), "--stats"});
        return m_process.waitForStarted(5000);
    }
    bool running() const { return m_process.state() == QProcess::Running; }
    // Waits for the end of --duration; false if it failed.
    bool finish(QString *output)
    {
        QElapsedTimer clock;
        clock.start();
        while (running() && clock.elapsed() < 180000)
            QTest::qWait(200); // the event loop runs: a proxy may live in it
        *output += QString::fromUtf8(m_process.readAll());
        return m_process.state() == QProcess::NotRunning && m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    }
    ~Simulator()
    {
        if (running()) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

private:
    QProcess m_process;
};

// A small filesystem of its own for a data dir, so that it can be filled up.
class SmallDisk
{
public:
    ~SmallDisk()
    {
        if (m_mounted)
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_dir.path()});
    }
    QString mount(int megabytes)
    {
        QProcess mount;
        mount.setProcessChannelMode(QProcess::MergedChannels);
        mount.start(QStringLiteral("mount"), {"-t", "tmpfs", "-o", QStringLiteral("size=%1m").arg(megabytes), "tmpfs", m_dir.path()});
        if (!mount.waitForFinished(10000) || mount.exitCode() != 0)
            return QStringLiteral("mount tmpfs: ") + QString::fromUtf8(mount.readAll());
        m_mounted = true;
        return {};
    }
    QString path() const { return m_dir.path(); }
    // Writes a ballast file until the disk refuses; returns the bytes written.
    qint64 fill()
    {
        QFile ballast(ballastPath());
        if (!ballast.open(QIODevice::WriteOnly))
            return -1;
        const QByteArray block(64 * 1024, 'x');
        qint64 written = 0;
        for (;;) {
            const qint64 n = ballast.write(block);
            if (n <= 0 || !ballast.flush())
                break;
            written += n;
        }
        return written;
    }
    void free() { QFile::remove(ballastPath()); }

private:
    QString ballastPath() const { return m_dir.filePath(QStringLiteral("ballast")); }
    QTemporaryDir m_dir;
    bool m_mounted = false;
};

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

    // Both walls' journals hold exactly the truth, each event once.
    static void checkJournals(const CaseKeys &truth, const QList<const WallProcess *> &walls)
    {
        for (const WallProcess *wall : walls) {
            const Journal journal = waitForJournal(wall->dataDir(), truth);
            QVERIFY2(journal.error.isEmpty(), qPrintable(journal.error));
            const CaseKeys keys = journal.keys();
            QVERIFY2(minus(truth, keys).empty(),
                     qPrintable(QStringLiteral("delivered, not in %1's history: %2").arg(wall->dataDir(), describe(minus(truth, keys)))));
            QVERIFY2(minus(keys, truth).empty(),
                     qPrintable(QStringLiteral("in %1's history, never delivered: %2").arg(wall->dataDir(), describe(minus(keys, truth)))));
            QVERIFY2(journal.twice().empty(), qPrintable(QStringLiteral("stored more than once: %1").arg(describe(journal.twice()))));
        }
    }

private slots:
    // Mosquitto dies with -9 while case events flow and comes back 2 s later
    // from what it had saved (every second). The wall reconnects by itself;
    // only events of the last second before the crash may be gone, and they
    // are gone for every subscriber alike: the broker had them in memory only.
    void brokerKilledAndRestarted()
    {
        BrokerProcess broker;
        QVERIFY2(broker.start(), "mosquitto did not start (tests/run installs it)");
        TruthSubscriber truth(broker.uri(), QStringLiteral("tst-faults-truth"));
        QVERIFY(truth.start());
        WallProcess wall{QStringLiteral(GRIDWALL_BINARY)};
        QVERIFY2(wall.start({"--broker", broker.uri(), "--client-id", "tst-faults-broker"}), qPrintable(wall.output()));
        QVERIFY2(wall.waitFor(connected, 30000), qPrintable(wall.output()));
        QTest::qWait(1500); // the wall's session is in the broker's saved state

        Simulator sim;
        QVERIFY(sim.start(broker.uri(), 30));
        QVERIFY2(wall.waitFor([](const auto &m) { return m.value(kCaseReceived) >= 40; }, 30000), qPrintable(wall.output()));
        const double cameras = wall.metric(QStringLiteral("gridwall_live_entities{kind=\"camera\"}"));
        const qint64 killedAt = now();
        broker.kill();
        QVERIFY2(wall.waitFor([](const auto &m) { return m.value(kConnected) == 0; }, 10000), "the wall did not notice the broker's death");
        QCOMPARE(wall.healthStatus(), 200); // it goes on drawing what it knows
        QTest::qWait(2000);
        QVERIFY2(broker.start(), qPrintable(broker.log()));
        QElapsedTimer back;
        back.start();
        QVERIFY2(wall.waitFor([](const auto &m) { return m.value(kConnected) == 1 && m.value(kConnects) >= 2; }, 15000),
                 qPrintable(wall.output()));
        qInfo("the wall reconnected %lld ms after the broker came back", static_cast<long long>(back.elapsed()));
        const double afterRestart = wall.metric(kCaseReceived);

        QString simOutput;
        QVERIFY2(sim.finish(&simOutput), qPrintable(simOutput));
        const CaseKeys delivered = truth.settle();
        QVERIFY2(delivered.size() >= 300, qPrintable(QStringLiteral("only %1 case events\n%2").arg(delivered.size()).arg(simOutput)));
        QVERIFY2(wall.metric(kCaseReceived) > afterRestart + 100, "few case events reached the wall after the restart");

        // What the wall has and the truth has not, or the other way round, can
        // only be of the crash's last second; nothing is there twice.
        const Journal journal = waitForJournal(wall.dataDir(), delivered, 30000);
        QVERIFY2(journal.error.isEmpty(), qPrintable(journal.error));
        QVERIFY2(journal.twice().empty(), qPrintable(QStringLiteral("stored more than once: %1").arg(describe(journal.twice()))));
        const auto seen = truth.firstSeen();
        auto inCrashWindow = [killedAt](qint64 at) { return at >= killedAt - 1500 && at <= killedAt + 500; };
        CaseKeys outside;
        for (const CaseKey &key : minus(delivered, journal.keys()))
            if (!inCrashWindow(seen.at(key)))
                outside.insert(key);
        for (const CaseKey &key : minus(journal.keys(), delivered))
            if (!inCrashWindow(journal.receivedAt.at(key)))
                outside.insert(key);
        QVERIFY2(outside.empty(), qPrintable(QStringLiteral("differ outside the crash's last second: %1").arg(describe(outside))));
        qInfo("%zu case events; %zu only at the truth, %zu only at the wall (the crash's last second)", delivered.size(),
              minus(delivered, journal.keys()).size(), minus(journal.keys(), delivered).size());
        // The retained states the broker saved are still the wall's.
        QCOMPARE(wall.metric(QStringLiteral("gridwall_live_entities{kind=\"camera\"}")), cameras);
        QCOMPARE(wall.metric(kHistoryErrors), 0.0);
    }

    // The wall reaches its broker through a proxy. First every connection is
    // reset (the wall is back within its first retry); then the cable is
    // pulled for longer than the keep-alive: the wall notices on its own,
    // the broker queues for its session, and once the cable is back every
    // event arrives, exactly once, and the picture matches a wall on a good line.
    void networkResetAndCut()
    {
        BrokerProcess broker;
        QVERIFY2(broker.start(), "mosquitto did not start");
        TcpProxy proxy(broker.port());
        QVERIFY(proxy.start());
        TruthSubscriber truth(broker.uri(), QStringLiteral("tst-faults-truth"));
        QVERIFY(truth.start());
        WallProcess wall{QStringLiteral(GRIDWALL_BINARY)};
        WallProcess witness{QStringLiteral(GRIDWALL_BINARY)};
        QVERIFY2(wall.start({"--broker", proxy.uri(), "--client-id", "tst-faults-cut"}), qPrintable(wall.output()));
        QVERIFY2(witness.start({"--broker", broker.uri(), "--client-id", "tst-faults-witness"}), qPrintable(witness.output()));
        QVERIFY2(wall.waitFor(connected, 30000), qPrintable(wall.output()));
        QVERIFY2(witness.waitFor(connected, 30000), qPrintable(witness.output()));

        Simulator sim;
        QVERIFY(sim.start(broker.uri(), 60));
        QVERIFY2(wall.waitFor([](const auto &m) { return m.value(kCaseReceived) >= 40; }, 30000), qPrintable(wall.output()));

        proxy.resetAll();
        QElapsedTimer clock;
        clock.start();
        QVERIFY2(wall.waitFor([](const auto &m) { return m.value(kConnected) == 1 && m.value(kConnects) >= 2; }, 15000),
                 qPrintable(wall.output()));
        qInfo("after a reset the wall was back in %lld ms", static_cast<long long>(clock.elapsed()));
        QVERIFY2(wall.waitFor([](const auto &m) { return m.value(kCaseReceived) >= 200; }, 30000), qPrintable(wall.output()));

        proxy.cut();
        clock.restart();
        // Keep-alive 5 s: a silent link is noticed within two to three intervals.
        QVERIFY2(wall.waitFor([](const auto &m) { return m.value(kConnected) == 0; }, 30000),
                 qPrintable(QStringLiteral("the wall did not notice that its link went silent\n") + wall.output()));
        qInfo("the cut was noticed after %lld ms", static_cast<long long>(clock.elapsed()));
        QCOMPARE(wall.healthStatus(), 200);
        QVERIFY(wall.health().value(QStringLiteral("mqttConnected")) == false);
        QTest::qWait(3000);
        QVERIFY2(sim.running(), "the simulator stopped during the cut: nothing was queued for the wall");
        proxy.restore();
        clock.restart();
        QVERIFY2(wall.waitFor([](const auto &m) { return m.value(kConnected) == 1 && m.value(kConnects) >= 3; }, 15000),
                 qPrintable(wall.output()));
        qInfo("after the cable was back the wall was back in %lld ms", static_cast<long long>(clock.elapsed()));

        QString simOutput;
        QVERIFY2(sim.finish(&simOutput), qPrintable(simOutput));
        const CaseKeys delivered = truth.settle();
        QVERIFY2(delivered.size() >= 500, qPrintable(QStringLiteral("only %1 case events\n%2").arg(delivered.size()).arg(simOutput)));
        checkJournals(delivered, {&wall, &witness});
        QString report;
        QVERIFY2(samePicture(wall, witness, &report), qPrintable(report));
        qInfo("%zu case events, %d connections through the proxy", delivered.size(), proxy.connectionsAccepted());
    }

    // The data dir's disk fills up while case events flow: the wall holds
    // them in memory, says so (metrics, /health, a red line on screen) and
    // goes on showing the live city; when space is freed, it stores them
    // all in arrival order, and a restart from that database shows the same cases.
    void diskFullThenFreed()
    {
        if (geteuid() != 0)
            QSKIP("mounting a small filesystem needs root (CI runs as root)");
        SmallDisk disk;
        const QString mountError = disk.mount(48);
        if (!mountError.isEmpty())
            QSKIP(qPrintable(mountError));
        const QString dataDir = QDir(disk.path()).filePath(QStringLiteral("data"));

        BrokerProcess broker;
        QVERIFY2(broker.start(), "mosquitto did not start");
        TruthSubscriber truth(broker.uri(), QStringLiteral("tst-faults-truth"));
        QVERIFY(truth.start());
        WallProcess wall{QStringLiteral(GRIDWALL_BINARY)};
        WallProcess witness{QStringLiteral(GRIDWALL_BINARY)};
        const QStringList wallArgs{"--broker", broker.uri(), "--client-id", "tst-faults-disk", "--data-dir", dataDir};
        QVERIFY2(wall.start(wallArgs), qPrintable(wall.output()));
        QVERIFY2(witness.start({"--broker", broker.uri(), "--client-id", "tst-faults-witness"}), qPrintable(witness.output()));
        QVERIFY2(wall.waitFor(connected, 30000), qPrintable(wall.output()));
        QVERIFY2(witness.waitFor(connected, 30000), qPrintable(witness.output()));

        Simulator sim;
        QVERIFY(sim.start(broker.uri(), 45));
        QVERIFY2(wall.waitFor([](const auto &m) { return m.value(QStringLiteral("gridwall_events_persisted_total")) >= 40; }, 30000),
                 qPrintable(wall.output()));
        const qint64 ballast = disk.fill();
        QVERIFY2(ballast > 0, "could not fill the disk");
        QVERIFY2(wall.waitFor([](const auto &m) { return m.value(kUnsaved) > 0; }, 20000),
                 qPrintable(QStringLiteral("the full disk never refused a case event\n") + wall.output()));
        // Full: the wall draws, tells, and shows what the witness shows.
        QVERIFY2(wall.waitFor([](const auto &m) { return m.value(kUnsaved) >= 20; }, 20000), "case events stopped coming");
        QCOMPARE(wall.healthStatus(), 200);
        QVERIFY(wall.health().value(QStringLiteral("historyUnsaved")).toInt() > 0);
        QVERIFY(sim.running());
        QString report;
        QVERIFY2(samePicture(wall, witness, &report), qPrintable(QStringLiteral("while the disk is full:\n") + report));
        const double held = wall.metric(kUnsaved);

        disk.free();
        QElapsedTimer clock;
        clock.start();
        QVERIFY2(wall.waitFor([](const auto &m) { return m.value(kUnsaved) == 0; }, 15000), qPrintable(wall.output()));
        qInfo("%g case events held while %lld bytes of ballast filled the disk; stored %lld ms after it was freed", held,
              static_cast<long long>(ballast), static_cast<long long>(clock.elapsed()));
        QVERIFY(wall.metric(kHistoryErrors) > 0);
        QCOMPARE(wall.metric(QStringLiteral("gridwall_history_unsaved_dropped_total")), 0.0);

        QString simOutput;
        QVERIFY2(sim.finish(&simOutput), qPrintable(simOutput));
        const CaseKeys delivered = truth.settle();
        checkJournals(delivered, {&wall, &witness});
        QVERIFY2(samePicture(wall, witness, &report), qPrintable(report));

        // Restarted from a database that went through a full disk: the same cases.
        wall.kill();
        WallProcess offline{QStringLiteral(GRIDWALL_BINARY)};
        QVERIFY2(offline.start({"--data-dir", dataDir}), qPrintable(offline.output()));
        QVERIFY2(samePicture(offline, witness, &report), qPrintable(QStringLiteral("restored:\n") + report + offline.output()));
    }

    // Ten times the load above (about 200 case events and thousands of
    // positions and readings a second): positions may coalesce, case events
    // may not; the wall keeps drawing and catches up with a witness.
    void messageStormTenTimes()
    {
        BrokerProcess broker;
        QVERIFY2(broker.start(), "mosquitto did not start");
        TruthSubscriber truth(broker.uri(), QStringLiteral("tst-faults-truth"));
        QVERIFY(truth.start());
        WallProcess wall{QStringLiteral(GRIDWALL_BINARY)};
        QVERIFY2(wall.start({"--broker", broker.uri(), "--client-id", "tst-faults-storm"}), qPrintable(wall.output()));
        QVERIFY2(wall.waitFor(connected, 30000), qPrintable(wall.output()));

        Simulator sim;
        QVERIFY(sim.start(broker.uri(), 20, 4.0));
        // Throughout the storm the render loop answers (a stalled one answers 503 or not at all).
        int polls = 0, unhealthy = 0;
        double worstSinceFrame = 0;
        while (sim.running()) {
            const QJsonObject health = wall.health();
            ++polls;
            if (health.value(QStringLiteral("status")).toString() != QLatin1String("ok"))
                ++unhealthy;
            worstSinceFrame = std::max(worstSinceFrame, health.value(QStringLiteral("secondsSinceLastFrame")).toDouble(99));
            QTest::qWait(500);
        }
        QString simOutput;
        QVERIFY2(sim.finish(&simOutput), qPrintable(simOutput));
        qInfo("storm: %d health polls, %d not ok, longest time since a frame %.2f s\n%s", polls, unhealthy, worstSinceFrame,
              qPrintable(simOutput.right(600)));
        QCOMPARE(unhealthy, 0);
        QVERIFY(polls >= 20);

        const CaseKeys delivered = truth.settle();
        QVERIFY2(delivered.size() >= 1000, qPrintable(QStringLiteral("only %1 case events\n%2").arg(delivered.size()).arg(simOutput)));
        checkJournals(delivered, {&wall});
        QVERIFY2(wall.waitFor([](const auto &m) { return m.value(QStringLiteral("gridwall_feed_queue_depth")) == 0; }, 30000),
                 "the wall never caught up");
        // Caught up: its live cases are those a wall rebuilds from the history
        // alone, which holds exactly what was delivered.
        const QMap<QString, double> live = casePicture(wall.metrics());
        QVERIFY(live.value(QStringLiteral("gridwall_live_entities{kind=\"case\"}")) > 100);
        wall.kill();
        WallProcess rebuilt{QStringLiteral(GRIDWALL_BINARY)};
        QVERIFY2(rebuilt.start({"--data-dir", wall.dataDir()}), qPrintable(rebuilt.output()));
        QMap<QString, double> restored;
        QElapsedTimer clock;
        clock.start();
        while ((restored = casePicture(rebuilt.metrics())) != live && clock.elapsed() < 30000)
            QTest::qWait(250);
        QVERIFY2(restored == live, qPrintable(QStringLiteral("series, rebuilt, live:\n") + sideBySide(restored, live)));
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
