// The case history against a real crash: the wall is killed with -9 while
// the simulator publishes QoS 1 case events, then restarted. Every event the
// broker delivered must be in its database exactly once, and the cases it
// rebuilds must equal those of a wall that never died, with or without a broker.

#include "brokerprocess.h"
#include "caseaudit.h"
#include "wallprocess.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

#include <memory>

namespace {

const QString kCaseReceived = QStringLiteral("gridwall_messages_received_total{feed=\"case\"}");
const QString kCaseEntities = QStringLiteral("gridwall_live_entities{kind=\"case\"}");

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT

    BrokerProcess m_broker;
    std::unique_ptr<TruthSubscriber> m_truth;
    WallProcess m_victim{QStringLiteral(GRIDWALL_BINARY)};
    WallProcess m_witness{QStringLiteral(GRIDWALL_BINARY)};
    QStringList m_victimArgs;

    static bool connected(const QHash<QString, double> &m) { return m.value(QStringLiteral("gridwall_mqtt_connected")) == 1; }

    // Restarts after a kill; the same client id finds its session, the same data dir its history.
    bool restartVictim()
    {
        return m_victim.start(m_victimArgs) && m_victim.waitFor(connected, 30000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_broker.start(), "mosquitto did not start (tests/run installs it)");
        m_truth = std::make_unique<TruthSubscriber>(m_broker.uri(), QStringLiteral("tst-history-truth"));
        QVERIFY2(m_truth->start(), "the test's own subscriber did not connect");
        m_victimArgs = QStringList{"--broker", m_broker.uri(), "--client-id", "tst-history-victim"};
        QVERIFY2(m_victim.start(m_victimArgs), qPrintable(m_victim.output()));
        QVERIFY2(m_witness.start({"--broker", m_broker.uri(), "--client-id", "tst-history-witness"}), qPrintable(m_witness.output()));
        QVERIFY2(m_victim.waitFor(connected, 30000), qPrintable(m_victim.output()));
        QVERIFY2(m_witness.waitFor(connected, 30000), qPrintable(m_witness.output()));
    }

    void aWallKilledMidStreamKeepsEveryEventOnce()
    {
        // A weekday from 09:00 in fast motion: about twenty case events a
        // second, with telemetry thinned so that a small machine keeps up.
        // The start lies in the past so that every deadline has passed and
        // "overdue" does not depend on when each wall looked at the clock.
        QProcess sim;
        sim.setProcessChannelMode(QProcess::MergedChannels);
        sim.start(QStringLiteral(GRIDWALL_SIM), {"--broker", m_broker.uri(), "--speed", "1200", "--rate", "0.4", "--seed", "7",
                                                 "--start", "2024-11-25T09:00", "--duration", "30", "--stats"});
        QVERIFY2(sim.waitForStarted(5000), qPrintable(sim.errorString()));

        // Twice: killed while case events flow, dead for a while (the broker
        // queues for its session), back with the same client id and data dir.
        for (int round = 1; round <= 2; ++round) {
            QVERIFY2(m_victim.waitFor([&](const auto &m) { return m.value(kCaseReceived) >= 40; }, 30000),
                     qPrintable(QStringLiteral("round %1: no case events reached the victim\n%2").arg(round).arg(QString::fromUtf8(sim.readAll()))));
            QVERIFY2(sim.state() == QProcess::Running, "the simulator stopped before the kill: nothing was in flight");
            const double received = m_victim.metric(kCaseReceived);
            m_victim.kill();
            qInfo("kill %d after %g case events in this life", round, received);
            QTest::qWait(2000);
            QVERIFY2(sim.state() == QProcess::Running, "the simulator stopped while the victim was dead");
            QVERIFY2(restartVictim(), qPrintable(m_victim.output()));
        }

        QVERIFY2(sim.waitForFinished(90000), "the simulator did not stop after --duration");
        const QString simOutput = QString::fromUtf8(sim.readAll());
        QVERIFY2(sim.exitStatus() == QProcess::NormalExit && sim.exitCode() == 0, qPrintable(simOutput));

        // The truth settles first (it never died); then both histories catch up with it.
        const CaseKeys truth = m_truth->settle();
        QVERIFY2(truth.size() >= 300, qPrintable(QStringLiteral("only %1 case events published\n%2").arg(truth.size()).arg(simOutput)));
        QVERIFY2(m_truth->unreadable().isEmpty(), qPrintable(m_truth->unreadable().join(QLatin1Char(' '))));

        Journal victim;
        Journal witness;
        QElapsedTimer clock;
        clock.start();
        do {
            victim = readJournal(m_victim.dataDir());
            witness = readJournal(m_witness.dataDir());
            if (victim.error.isEmpty() && witness.error.isEmpty() && victim.keys() == truth && witness.keys() == truth)
                break;
            QTest::qWait(500);
        } while (clock.elapsed() < 90000);
        QVERIFY2(victim.error.isEmpty(), qPrintable(victim.error));
        QVERIFY2(witness.error.isEmpty(), qPrintable(witness.error));
        qInfo("%zu case events delivered (%zu deliveries to the test's subscriber), journalled in %lld ms after the simulator stopped",
              truth.size(), m_truth->deliveries(), static_cast<long long>(clock.elapsed()));

        // Nothing acknowledged was lost, nothing came from nowhere, nothing is there twice.
        const CaseKeys victimKeys = victim.keys();
        QVERIFY2(minus(truth, victimKeys).empty(),
                 qPrintable(QStringLiteral("delivered, not in the victim's history: %1\n%2").arg(describe(minus(truth, victimKeys)), m_victim.output())));
        QVERIFY2(minus(victimKeys, truth).empty(),
                 qPrintable(QStringLiteral("in the victim's history, never delivered: %1").arg(describe(minus(victimKeys, truth)))));
        const CaseKeys twice = victim.twice();
        QVERIFY2(twice.empty(), qPrintable(QStringLiteral("stored more than once: %1").arg(describe(twice))));
        QCOMPARE(witness.keys(), truth);

        // The same events accepted by both (none refused by one and not the other).
        QElapsedTimer accepted;
        accepted.start();
        while ((victim.acceptedRows != witness.acceptedRows) && accepted.elapsed() < 15000) {
            QTest::qWait(250);
            victim = readJournal(m_victim.dataDir());
            witness = readJournal(m_witness.dataDir());
        }
        QCOMPARE(victim.acceptedRows, witness.acceptedRows);
        qInfo("%lld of them accepted into case_events", static_cast<long long>(victim.acceptedRows));
        QCOMPARE(m_victim.metric(QStringLiteral("gridwall_history_errors_total")), 0.0);

        // Rebuilt from the journal plus what came after, the victim shows the witness's cases.
        QString report;
        QVERIFY2(samePicture(m_victim, m_witness, &report), qPrintable(report));
        QVERIFY(m_victim.metric(kCaseEntities) > 100);
    }

    void restartRestoresCasesWithoutABroker()
    {
        const QString dataDir = m_victim.dataDir();
        m_victim.kill();
        WallProcess offline{QStringLiteral(GRIDWALL_BINARY)};
        QVERIFY2(offline.start({"--data-dir", dataDir}), qPrintable(offline.output()));
        QCOMPARE(offline.metric(QStringLiteral("gridwall_mqtt_connected")), 0.0);
        // From disk alone: the same cases as the wall that saw everything live.
        QString report;
        QVERIFY2(samePicture(offline, m_witness, &report), qPrintable(report + offline.output()));
        QCOMPARE(offline.metric(kCaseReceived), 0.0); // restored, not received
    }
};

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
