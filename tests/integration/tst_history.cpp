// The case history against a real crash: the wall is killed with -9 while
// the simulator publishes QoS 1 case events, then restarted. Every event the
// broker delivered must be in its database exactly once, and the cases it
// rebuilds must equal those of a wall that never died, with or without a broker.

#include "brokerprocess.h"
#include "wallprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <mqtt/async_client.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <utility>

namespace {

using Key = std::pair<std::string, qint64>; // case id, seq
using KeySet = std::set<Key>;

const QString kCaseReceived = QStringLiteral("gridwall_messages_received_total{feed=\"case\"}");
const QString kCaseEntities = QStringLiteral("gridwall_live_entities{kind=\"case\"}");

// Every QoS 1 case event the broker hands to a subscriber of its own: what a
// wall should have, whatever happened to it meanwhile.
class TruthSubscriber
{
public:
    explicit TruthSubscriber(const QString &uri)
        : m_client(uri.toStdString(), "tst-history-truth", mqtt::create_options(MQTTVERSION_3_1_1), nullptr)
    {
        m_client.set_message_callback([this](mqtt::const_message_ptr message) { note(message->get_topic(), message->get_payload_str()); });
    }
    ~TruthSubscriber()
    {
        try {
            if (m_client.is_connected())
                m_client.disconnect()->wait_for(std::chrono::seconds(2));
        } catch (const mqtt::exception &) {
            // Going away anyway.
        }
    }

    bool start()
    {
        try {
            m_client.connect(mqtt::connect_options_builder().clean_session(false).finalize())->wait();
            m_client.subscribe("panjin/case/+/event", 1)->wait();
            return true;
        } catch (const mqtt::exception &e) {
            qWarning("truth subscriber: %s", e.what());
            return false;
        }
    }

    KeySet keys() const
    {
        std::lock_guard lock(m_mutex);
        return m_keys;
    }
    size_t deliveries() const
    {
        std::lock_guard lock(m_mutex);
        return m_deliveries;
    }
    QStringList unreadable() const
    {
        std::lock_guard lock(m_mutex);
        return m_unreadable;
    }

private:
    void note(const std::string &topic, const std::string &payload)
    {
        const QStringList levels = QString::fromStdString(topic).split(QLatin1Char('/'));
        const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(payload)).object();
        std::lock_guard lock(m_mutex);
        ++m_deliveries;
        if (levels.size() != 4 || !body.value(QLatin1String("seq")).isDouble()) {
            m_unreadable << QString::fromStdString(topic);
            return;
        }
        m_keys.emplace(levels.at(2).toStdString(), body.value(QLatin1String("seq")).toInteger());
    }

    mqtt::async_client m_client;
    mutable std::mutex m_mutex;
    KeySet m_keys;
    size_t m_deliveries = 0;
    QStringList m_unreadable;
};

// What a wall's history database holds, read with SQLite itself.
struct Journal
{
    QString error;               // empty when read
    std::map<Key, int> rows;     // case_log rows per (case id, seq)
    qint64 acceptedRows = -1;    // rows of the case_events view

    KeySet keys() const
    {
        KeySet out;
        for (const auto &[key, n] : rows)
            out.insert(key);
        return out;
    }
};

Journal readJournal(const QString &dataDir)
{
    Journal journal;
    const QByteArray path = QDir(dataDir).filePath(QStringLiteral("gridwall.sqlite")).toUtf8();
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        journal.error = QStringLiteral("open %1: %2").arg(QString::fromUtf8(path), QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_close(db);
        return journal;
    }
    sqlite3_busy_timeout(db, 5000);
    auto query = [&](const char *sql, const std::function<void(sqlite3_stmt *)> &row) {
        sqlite3_stmt *s = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) {
            journal.error = QString::fromUtf8(sqlite3_errmsg(db));
            return;
        }
        int rc;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW)
            row(s);
        if (rc != SQLITE_DONE)
            journal.error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_finalize(s);
    };
    query("SELECT case_id, seq, count(*) FROM case_log GROUP BY case_id, seq", [&](sqlite3_stmt *s) {
        const auto *id = reinterpret_cast<const char *>(sqlite3_column_text(s, 0));
        journal.rows[{id ? id : "", sqlite3_column_int64(s, 1)}] = sqlite3_column_int(s, 2);
    });
    query("SELECT count(*) FROM case_events", [&](sqlite3_stmt *s) { journal.acceptedRows = sqlite3_column_int64(s, 0); });
    sqlite3_close(db);
    return journal;
}

QString describe(const KeySet &keys, int limit = 20)
{
    QStringList out;
    for (const Key &k : keys) {
        if (out.size() == limit) {
            out << QStringLiteral("… %1 in all").arg(keys.size());
            break;
        }
        out << QStringLiteral("%1#%2").arg(QString::fromStdString(k.first)).arg(k.second);
    }
    return out.join(QLatin1Char(' '));
}

KeySet minus(const KeySet &a, const KeySet &b)
{
    KeySet out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
    return out;
}

// The case picture a user sees in /metrics: how many cases, open and overdue
// per district, flagged.
QMap<QString, double> casePicture(const QHash<QString, double> &metrics)
{
    QMap<QString, double> picture;
    for (auto it = metrics.begin(); it != metrics.end(); ++it) {
        if (it.key() == kCaseEntities || it.key() == QLatin1String("gridwall_cases_flagged")
            || it.key().startsWith(QLatin1String("gridwall_cases_open{")) || it.key().startsWith(QLatin1String("gridwall_cases_overdue{")))
            picture.insert(it.key(), it.value());
    }
    return picture;
}

QString sideBySide(const QMap<QString, double> &a, const QMap<QString, double> &b)
{
    QStringList keys = a.keys() + b.keys();
    keys.removeDuplicates();
    keys.sort();
    QString out;
    for (const QString &k : keys)
        out += QStringLiteral("%1 %2 %3%4\n")
                   .arg(k)
                   .arg(a.value(k, -1))
                   .arg(b.value(k, -1))
                   .arg(a.value(k, -1) == b.value(k, -1) ? QString() : QStringLiteral("   <--"));
    return out;
}

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

    // Polls until the victim's (or another's) case picture equals the witness's.
    bool sameCasePicture(const WallProcess &wall, QString *report, int timeoutMs = 30000)
    {
        QMap<QString, double> mine;
        QMap<QString, double> theirs;
        QElapsedTimer clock;
        clock.start();
        do {
            mine = casePicture(wall.metrics());
            theirs = casePicture(m_witness.metrics());
            if (!mine.isEmpty() && mine == theirs)
                return true;
            QTest::qWait(250);
        } while (clock.elapsed() < timeoutMs);
        *report = QStringLiteral("series, this wall, the witness:\n") + sideBySide(mine, theirs);
        return false;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_broker.start(), "mosquitto did not start (tests/run installs it)");
        m_truth = std::make_unique<TruthSubscriber>(m_broker.uri());
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
        KeySet truth = m_truth->keys();
        for (int quiet = 0; quiet < 10; QTest::qWait(200)) {
            const KeySet now = m_truth->keys();
            quiet = now == truth ? quiet + 1 : 0;
            truth = now;
        }
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
        const KeySet victimKeys = victim.keys();
        QVERIFY2(minus(truth, victimKeys).empty(),
                 qPrintable(QStringLiteral("delivered, not in the victim's history: %1\n%2").arg(describe(minus(truth, victimKeys)), m_victim.output())));
        QVERIFY2(minus(victimKeys, truth).empty(),
                 qPrintable(QStringLiteral("in the victim's history, never delivered: %1").arg(describe(minus(victimKeys, truth)))));
        KeySet twice;
        for (const auto &[key, n] : victim.rows)
            if (n != 1)
                twice.insert(key);
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
        QVERIFY2(sameCasePicture(m_victim, &report), qPrintable(report));
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
        QVERIFY2(sameCasePicture(offline, &report), qPrintable(report + offline.output()));
        QCOMPARE(offline.metric(kCaseReceived), 0.0); // restored, not received
    }
};

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
