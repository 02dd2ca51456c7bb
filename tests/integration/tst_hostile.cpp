// The wall against hostile producers and peers, each acting as it would on a
// real broker: a producer with a clock weeks ahead, a history already poisoned
// by one, a follower node fed views from the future or from nowhere, a
// director flooding commands, cases with illegal transitions across a
// restart, grid states for grids that do not exist, a producer inventing
// units without end, payloads a lenient decoder let through, and a second
// wall started on the same data dir. The wall
// is a real process on a real Mosquitto, watched from outside through its
// /metrics and /health (docs/feeds.md, docs/state.md, docs/wall.md,
// docs/operations.md).

#include "brokerprocess.h"
#include "wallprocess.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <mqtt/client.h>
#include <sqlite3.h>

#include <memory>

namespace {

constexpr qint64 kDayMs = 86'400'000;

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

// A producer of our own: publishes and waits for QoS 1 to be acknowledged.
class Producer
{
public:
    Producer(const BrokerProcess &broker, const char *id)
        : m_client(broker.uri().toStdString(), id)
    {
        m_client.connect(mqtt::connect_options_builder().clean_session(true).finalize());
    }
    ~Producer() { m_client.disconnect(); }
    void publish(const QString &topic, const QByteArray &payload, int qos = 1, bool retained = false)
    {
        m_client.publish(topic.toStdString(), payload.constData(), size_t(payload.size()), qos, retained);
    }

private:
    mqtt::client m_client;
};

QByteArray caseEvent(qint64 ts, int seq, const char *status, qint64 deadline = 0)
{
    if (QByteArray(status) == "reported")
        return QStringLiteral("{\"ts\":%1,\"seq\":%2,\"status\":\"reported\",\"category\":\"安全隐患\",\"source\":\"app\",\"priority\":2,"
                              "\"lon\":122.0712,\"lat\":41.1203,\"deadline\":%3,\"title\":\"兴隆大街井盖缺失\"}")
            .arg(ts)
            .arg(seq)
            .arg(deadline > 0 ? deadline : ts + 2 * 3'600'000)
            .toUtf8();
    return QStringLiteral("{\"ts\":%1,\"seq\":%2,\"status\":\"%3\"}").arg(ts).arg(seq).arg(QLatin1String(status)).toUtf8();
}

// The sum of a metric over its label sets (e.g. gridwall_cases_overdue over districts).
double total(const QHash<QString, double> &m, const QString &name)
{
    double sum = 0;
    for (auto it = m.begin(); it != m.end(); ++it)
        if (it.key().startsWith(name + QLatin1Char('{')) || it.key() == name)
            sum += it.value();
    return sum;
}

double rejected(const QHash<QString, double> &m, const char *reason)
{
    return m.value(QStringLiteral("gridwall_messages_rejected_total{reason=\"%1\"}").arg(QLatin1String(reason)), -1);
}

double cityClockAhead(const WallProcess &wall) { return wall.health().value("cityClockAheadSeconds").toDouble(-1e9); }

// One SQL statement against the wall's history (the wall stopped); the first column of its first row.
qint64 sql(const QString &dataDir, const QString &statement)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open((dataDir + QStringLiteral("/gridwall.sqlite")).toUtf8().constData(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        return -1;
    }
    sqlite3_stmt *s = nullptr;
    qint64 value = -1;
    if (sqlite3_prepare_v2(db, statement.toUtf8().constData(), -1, &s, nullptr) == SQLITE_OK) {
        const int rc = sqlite3_step(s);
        value = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : rc == SQLITE_DONE ? sqlite3_changes(db) : -1;
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    return value;
}

} // namespace

class TestHostile : public QObject
{
    Q_OBJECT

private slots:
    // One position 29 days ahead used to move "now" for everyone: every open case
    // overdue, "today" reset, and the wrong clock restored after a restart.
    void aClockFromTheFutureMovesNothing()
    {
        BrokerProcess broker;
        QVERIFY(broker.start());
        WallProcess wall(QStringLiteral(GRIDWALL_BINARY));
        QVERIFY2(wall.start({"--broker", broker.uri(), "--client-id", "hostile-clock"}), qPrintable(wall.output()));
        QVERIFY(wall.waitFor([](const auto &m) { return m.value("gridwall_mqtt_connected") == 1; }));
        Producer producer(broker, "hostile-clock-producer");
        const qint64 now = nowMs();
        producer.publish("panjin/case/HC-1/event", caseEvent(now, 1, "reported"));
        producer.publish("panjin/worker/W-FUTURE/position",
                         QStringLiteral("{\"ts\":%1,\"lon\":122.07,\"lat\":41.12,\"status\":\"patrol\"}").arg(now + 29 * kDayMs).toUtf8(), 0);
        producer.publish("panjin/case/HC-2/event", caseEvent(now + 29 * kDayMs, 1, "reported"));
        // A little ahead (a producer's clock a minute fast) is believed, and moves nothing either.
        producer.publish("panjin/worker/W-FAST/position",
                         QStringLiteral("{\"ts\":%1,\"lon\":122.07,\"lat\":41.12,\"status\":\"patrol\"}").arg(now + 60'000).toUtf8(), 0);
        producer.publish("panjin/case/HC-3/event", caseEvent(nowMs(), 1, "reported"));
        QVERIFY2(wall.waitFor([](const auto &m) {
            return m.value("gridwall_live_entities{kind=\"case\"}") == 2 && m.value("gridwall_live_entities{kind=\"worker\"}") == 1;
        }), qPrintable(wall.output()));
        const QHash<QString, double> m = wall.metrics();
        QCOMPARE(rejected(m, "ts_future"), 2.0);
        QCOMPARE(total(m, "gridwall_cases_overdue"), 0.0); // a case with two hours to go is not overdue
        QCOMPARE(total(m, "gridwall_alarms_active"), 0.0);
        QVERIFY2(cityClockAhead(wall) < 61, qPrintable(QString::number(cityClockAhead(wall))));
        QVERIFY(wall.output().contains("ts_future"));

        // After a restart the clock is the machine's, and the cases are as they were.
        wall.kill();
        QVERIFY2(wall.start({"--broker", broker.uri(), "--client-id", "hostile-clock"}), qPrintable(wall.output()));
        QVERIFY(wall.waitFor([](const auto &m) { return m.value("gridwall_live_entities{kind=\"case\"}") == 2; }));
        QVERIFY2(cityClockAhead(wall) < 61, qPrintable(QString::number(cityClockAhead(wall))));
        QCOMPARE(total(wall.metrics(), "gridwall_cases_overdue"), 0.0);
    }

    // A history written while a producer's clock ran weeks ahead is repaired at start:
    // the events from the future are refused after the fact, their case rebuilt from
    // the rest of its journal, and no hour or reading from the future is left.
    void aPoisonedHistoryIsRepairedAtStart()
    {
        BrokerProcess broker;
        QVERIFY(broker.start());
        QTemporaryDir data;
        WallProcess wall(QStringLiteral(GRIDWALL_BINARY));
        const QStringList args{"--broker", broker.uri(), "--client-id", "hostile-history", "--data-dir", data.path()};
        QVERIFY2(wall.start(args), qPrintable(wall.output()));
        QVERIFY(wall.waitFor([](const auto &m) { return m.value("gridwall_mqtt_connected") == 1; }));
        {
            Producer producer(broker, "hostile-history-producer");
            const qint64 now = nowMs();
            producer.publish("panjin/case/HP-1/event", caseEvent(now, 1, "reported"));
            producer.publish("panjin/case/HP-1/event", caseEvent(now + 1000, 2, "accepted"));
            producer.publish("panjin/case/HP-1/event", caseEvent(now + 2000, 3, "rejected"));
            producer.publish("panjin/case/HP-2/event", caseEvent(now, 1, "reported"));
        }
        QVERIFY(wall.waitFor([](const auto &m) { return m.value("gridwall_events_persisted_total") == 4; }));
        QTest::qWait(1500); // the writer stores the records within a frame
        wall.kill();
        // What an older wall kept from a producer 29 days ahead: HP-1's rejection, an hour, a position.
        const qint64 future = nowMs() + 29 * kDayMs;
        QCOMPARE(sql(data.path(), QStringLiteral("UPDATE case_log SET ts = %1 WHERE case_id = 'HP-1' AND seq = 3").arg(future)), 1);
        QCOMPARE(sql(data.path(), QStringLiteral("INSERT INTO region_hour VALUES ('city', %1, 0, 0, 7, 0, 0)").arg(future / 3'600'000 * 3'600'000)), 1);
        QCOMPARE(sql(data.path(), QStringLiteral("INSERT INTO telemetry_last VALUES ('worker/W-FUTURE', %1, NULL, 122.07, 41.12, 'patrol', NULL)").arg(future)), 1);

        QVERIFY2(wall.start(args), qPrintable(wall.output()));
        // HP-1 was rejected only in the future: rebuilt, it is open again, beside HP-2.
        QVERIFY2(wall.waitFor([](const auto &m) { return total(m, "gridwall_cases_open") == 2; }), qPrintable(wall.output()));
        QVERIFY2(cityClockAhead(wall) < 5, qPrintable(QString::number(cityClockAhead(wall))));
        QCOMPARE(wall.metric("gridwall_live_entities{kind=\"worker\"}"), 0.0);
        QVERIFY(wall.output().contains("repaired times from the future"));
        QTest::qWait(1500);
        wall.kill();
        QCOMPARE(sql(data.path(), "SELECT count(*) FROM case_log WHERE refused = 'ts_future'"), 1);
        QCOMPARE(sql(data.path(), QStringLiteral("SELECT count(*) FROM region_hour WHERE hour > %1").arg(nowMs() + 300'000)), 0);
        QCOMPARE(sql(data.path(), QStringLiteral("SELECT count(*) FROM telemetry_last WHERE ts > %1").arg(nowMs() + 300'000)), 0);
        QCOMPARE(sql(data.path(), "SELECT count(*) FROM case_rebuild"), 0);
        QCOMPARE(sql(data.path(), "SELECT status = 'accepted' FROM case_state WHERE case_id = 'HP-1'"), 1);
    }

    // The other way round: the wall's own clock is behind (a restart before time
    // sync). Its own arrival stamps say so, and nothing real is refused for good.
    void aMachineWhoseClockIsBehindRepairsNothing()
    {
        BrokerProcess broker;
        QVERIFY(broker.start());
        QTemporaryDir data;
        WallProcess wall(QStringLiteral(GRIDWALL_BINARY));
        const QStringList args{"--broker", broker.uri(), "--client-id", "hostile-behind", "--data-dir", data.path()};
        QVERIFY2(wall.start(args), qPrintable(wall.output()));
        QVERIFY(wall.waitFor([](const auto &m) { return m.value("gridwall_mqtt_connected") == 1; }));
        {
            Producer producer(broker, "hostile-behind-producer");
            producer.publish("panjin/case/HB-1/event", caseEvent(nowMs(), 1, "reported"));
        }
        QVERIFY(wall.waitFor([](const auto &m) { return m.value("gridwall_events_persisted_total") == 1; }));
        QTest::qWait(1500);
        wall.kill();
        // As if everything had arrived 29 days from now by this machine's clock: it is this clock that is behind.
        QCOMPARE(sql(data.path(), QStringLiteral("UPDATE case_log SET ts = ts + %1, received_at = received_at + %1").arg(29 * kDayMs)), 1);
        QVERIFY2(wall.start(args), qPrintable(wall.output()));
        QVERIFY(wall.waitFor([](const auto &m) { return m.value("gridwall_live_entities{kind=\"case\"}") == 1; }));
        QVERIFY(wall.output().contains("this machine's clock is behind"));
        wall.kill();
        QCOMPARE(sql(data.path(), "SELECT count(*) FROM case_log WHERE refused IS NOT NULL"), 0);
    }

    // A follower node used to take a view with ts 9e15 and ignore every later one, silently.
    void aFollowerRefusesViewsFromTheFutureAndFromNowhere()
    {
        BrokerProcess broker;
        QVERIFY(broker.start());
        WallProcess conductor(QStringLiteral(GRIDWALL_BINARY));
        WallProcess follower(QStringLiteral(GRIDWALL_BINARY));
        QVERIFY2(conductor.start({"--broker", broker.uri(), "--client-id", "hostile-node-0", "--wall", "2x1", "--node", "0,0", "--view",
                                  "211103"}),
                 qPrintable(conductor.output()));
        QVERIFY2(follower.start({"--broker", broker.uri(), "--client-id", "hostile-node-1", "--wall", "2x1", "--node", "1,0"}),
                 qPrintable(follower.output()));
        QTRY_VERIFY_WITH_TIMEOUT(follower.health().value("wall").toObject().value("region") == "211103", 20000);
        const QJsonObject shown = follower.health().value("wall").toObject();
        const QJsonArray centre = shown.value("centre").toArray();
        const double scale = shown.value("scale").toDouble();

        Producer peer(broker, "hostile-peer");
        const auto view = [&](double ts, double x, double y, double s, const char *region) {
            return QJsonDocument(QJsonObject{{"ts", ts}, {"seq", 1e6}, {"centre", QJsonArray{x, y}}, {"scale", s}, {"region", region}, {"entity", ""}})
                .toJson(QJsonDocument::Compact);
        };
        const double x = centre[0].toDouble(), y = centre[1].toDouble();
        peer.publish("panjin/wall/main/view", view(9e15, x, y, scale, "211104"));
        peer.publish("panjin/wall/main/view", view(double(nowMs()), 1e12, y, scale, "211104"));
        peer.publish("panjin/wall/main/view", view(double(nowMs()), x, y, 1e300, "211104"));
        QTRY_VERIFY_WITH_TIMEOUT(follower.metric("gridwall_wall_messages_rejected_total{reason=\"ts_future\"}") == 1
                                     && follower.metric("gridwall_wall_messages_rejected_total{reason=\"out_of_range\"}") == 2,
                                 10000);
        QCOMPARE(follower.health().value("wall").toObject().value("region").toString(), QStringLiteral("211103"));

        // The director drills the wall down to another district: the follower still follows.
        Producer director(broker, "hostile-director");
        director.publish("panjin/wall/main/command", R"({"command": "drill", "region": "211104"})");
        QTRY_VERIFY_WITH_TIMEOUT(follower.health().value("wall").toObject().value("region") == "211104", 15000);
        QVERIFY(!follower.health().value("wall").toObject().contains("viewStuck"));

        // A view a few minutes ahead is believed; the conductor's next ones are older, and the follower says it is stuck.
        peer.publish("panjin/wall/main/view", view(double(nowMs() + 240'000), x, y, scale, "211103"));
        QTRY_VERIFY_WITH_TIMEOUT(follower.health().value("wall").toObject().value("region") == "211103", 10000);
        director.publish("panjin/wall/main/command", R"({"command": "drill", "region": "211104"})");
        QTRY_VERIFY_WITH_TIMEOUT(follower.health().value("wall").toObject().value("viewStuck").toBool(), 20000);
        QVERIFY(follower.metric("gridwall_wall_messages_rejected_total{reason=\"older\"}") >= 1);
        QCOMPARE(follower.healthStatus(), 200);
    }

    // Every accepted director command used to be logged: 20,000 lines in 10 s at 1,000/s.
    void aFloodOfDirectorCommandsIsCountedNotLogged()
    {
        BrokerProcess broker;
        QVERIFY(broker.start());
        WallProcess wall(QStringLiteral(GRIDWALL_BINARY));
        QVERIFY2(wall.start({"--broker", broker.uri(), "--client-id", "hostile-director-wall"}), qPrintable(wall.output()));
        QVERIFY(wall.waitFor([](const auto &m) { return m.value("gridwall_mqtt_connected") == 1; }));
        Producer director(broker, "hostile-flood");
        for (int i = 0; i < 2000; ++i)
            director.publish("panjin/wall/main/command", i % 2 ? R"({"command": "drill", "region": "211104"})"
                                                              : R"({"command": "drill", "region": "211103"})");
        QVERIFY2(wall.waitFor([](const auto &m) { return m.value("gridwall_wall_commands_total{command=\"drill\"}") == 2000; }, 30000),
                 qPrintable(QString::number(wall.metric("gridwall_wall_commands_total{command=\"drill\"}"))));
        QCOMPARE(wall.healthStatus(), 200);
        const qsizetype lines = wall.output().count(QStringLiteral("command {"));
        QVERIFY2(lines >= 1 && lines <= 4, qPrintable(QString::number(lines)));
    }

    // Cases refused as illegal transitions used to lose their flag on a restart.
    void illegalTransitionsStayFlaggedAcrossARestart()
    {
        BrokerProcess broker;
        QVERIFY(broker.start());
        WallProcess wall(QStringLiteral(GRIDWALL_BINARY));
        QVERIFY2(wall.start({"--broker", broker.uri(), "--client-id", "hostile-flags"}), qPrintable(wall.output()));
        QVERIFY(wall.waitFor([](const auto &m) { return m.value("gridwall_mqtt_connected") == 1; }));
        {
            Producer producer(broker, "hostile-flags-producer");
            const qint64 now = nowMs();
            const QList<QList<const char *>> lives = {{"reported", "closed"}, {"closed", "reported"}, {"rejected", "accepted"},
                                                      {"reported", "accepted", "handling"}};
            for (int c = 0; c < lives.size(); ++c)
                for (int i = 0; i < lives[c].size(); ++i)
                    producer.publish(QStringLiteral("panjin/case/HF-%1/event").arg(c), caseEvent(now + i, i + 1, lives[c][i]));
        }
        QVERIFY2(wall.waitFor([](const auto &m) { return m.value("gridwall_cases_flagged") == 4; }), qPrintable(wall.output()));
        QTest::qWait(1500); // stored within a frame
        wall.kill();
        QVERIFY2(wall.start({"--broker", broker.uri(), "--client-id", "hostile-flags"}), qPrintable(wall.output()));
        QVERIFY(wall.waitFor([](const auto &m) { return m.value("gridwall_live_entities{kind=\"case\"}") == 4; }));
        QCOMPARE(wall.metric("gridwall_cases_flagged"), 4.0);
    }

    // Payloads a lenient decoder let through: the last of two statuses won, a
    // seq that can never be passed, a title cut at a NUL, an invalid escape
    // hidden deep in a field nobody reads, a camera stream that reads local
    // files. Each is refused by its reason, and nothing of it is live.
    void lenientPayloadsAreRefusedByReason()
    {
        BrokerProcess broker;
        QVERIFY(broker.start());
        WallProcess wall(QStringLiteral(GRIDWALL_BINARY));
        QVERIFY2(wall.start({"--broker", broker.uri(), "--client-id", "hostile-payloads"}), qPrintable(wall.output()));
        QVERIFY(wall.waitFor([](const auto &m) { return m.value("gridwall_mqtt_connected") == 1; }));
        Producer producer(broker, "hostile-payloads-producer");
        const QByteArray ts = QByteArray::number(nowMs());
        const QByteArray report = R"("category":"安全隐患","source":"app","priority":2,"lon":122.0712,"lat":41.1203,"deadline":)"
                                  + QByteArray::number(nowMs() + 7'200'000);
        producer.publish("panjin/case/HD-1/event", "{\"ts\":" + ts + R"(,"seq":1,"status":"reported",)" + report
                                                       + R"(,"title":"t","status":"closed"})");
        producer.publish("panjin/case/HD-2/event", "{\"ts\":" + ts + R"(,"seq":9223372036854775807,"status":"reported",)" + report
                                                       + R"(,"title":"t"})");
        producer.publish("panjin/case/HD-3/event", "{\"ts\":" + ts + R"(,"seq":1,"status":"reported",)" + report
                                                       + R"(,"title":"井盖\u0000缺失"})");
        QByteArray deep = "\"\\x\"";
        for (int i = 0; i < 40; ++i)
            deep = "[" + deep + "]";
        producer.publish("panjin/case/HD-4/event", "{\"ts\":" + ts + R"(,"seq":1,"status":"reported",)" + report
                                                       + R"(,"title":"t","extra":)" + deep + "}");
        producer.publish("panjin/camera/HD-CAM/state", "{\"ts\":" + ts
                                                            + R"(,"online":true,"name":"c","lon":122.07,"lat":41.12,"stream":"file:///etc/passwd"})",
                         1, true);
        QVERIFY2(wall.waitFor([](const auto &m) {
            return rejected(m, "bad_json") == 2 && rejected(m, "out_of_range") == 2 && rejected(m, "unknown_value") == 1;
        }), qPrintable(wall.output()));
        const QHash<QString, double> m = wall.metrics();
        QCOMPARE(m.value("gridwall_live_entities{kind=\"case\"}"), 0.0);
        QCOMPARE(m.value("gridwall_live_entities{kind=\"camera\"}"), 0.0);
        QCOMPARE(wall.healthStatus(), 200);
    }

    // A grid state for a code the geography does not have used to become a live grid.
    void gridsThatDoNotExistAreRefused()
    {
        BrokerProcess broker;
        QVERIFY(broker.start());
        WallProcess wall(QStringLiteral(GRIDWALL_BINARY));
        QVERIFY2(wall.start({"--broker", broker.uri(), "--client-id", "hostile-grids"}), qPrintable(wall.output()));
        QVERIFY(wall.waitFor([](const auto &m) { return m.value("gridwall_mqtt_connected") == 1; }));
        Producer producer(broker, "hostile-grids-producer");
        const qint64 now = nowMs();
        for (const char *code : {"999999999999999", "211103", "211103001001001"})
            producer.publish(QStringLiteral("panjin/grid/%1/state").arg(QLatin1String(code)),
                             QStringLiteral("{\"ts\":%1,\"workers_on_duty\":2,\"workers_total\":3}").arg(now).toUtf8());
        // 211103 is a district, not a grid; the last one is a real grid.
        QVERIFY2(wall.waitFor([](const auto &m) { return m.value("gridwall_live_entities{kind=\"grid\"}") == 1; }), qPrintable(wall.output()));
        QTRY_COMPARE_WITH_TIMEOUT(rejected(wall.metrics(), "unknown_region"), 2.0, 5000);
    }

    // A producer inventing ids without end used to grow the wall without bound.
    void aProducerInventingUnitsIsBounded()
    {
        BrokerProcess broker;
        QVERIFY(broker.start());
        WallProcess wall(QStringLiteral(GRIDWALL_BINARY));
        QVERIFY2(wall.start({"--broker", broker.uri(), "--client-id", "hostile-bounds"}), qPrintable(wall.output()));
        QVERIFY(wall.waitFor([](const auto &m) { return m.value("gridwall_mqtt_connected") == 1; }));
        const double limit = wall.metric("gridwall_live_limit{kind=\"unit\"}");
        QCOMPARE(limit, 1000.0);
        Producer producer(broker, "hostile-bounds-producer");
        const int invented = 1500;
        for (int i = 0; i < invented; ++i)
            producer.publish(QStringLiteral("panjin/unit/U-%1/position").arg(i, 5, 10, QLatin1Char('0')),
                             QStringLiteral("{\"ts\":%1,\"lon\":122.07,\"lat\":41.12,\"kind\":\"police\",\"status\":\"patrol\"}")
                                 .arg(nowMs())
                                 .toUtf8());
        QVERIFY2(wall.waitFor([&](const auto &m) {
            return m.value("gridwall_live_entities{kind=\"unit\"}") + m.value("gridwall_live_evicted_total{kind=\"unit\"}") == invented;
        }), qPrintable(wall.output()));
        const QHash<QString, double> m = wall.metrics();
        QVERIFY(m.value("gridwall_live_entities{kind=\"unit\"}") <= limit);
        QVERIFY(m.value("gridwall_live_evicted_total{kind=\"unit\"}") >= invented - limit);
        // The last heard stays: the wall can be drilled to it.
        QCOMPARE(wall.healthStatus(), 200);
        const QHash<QString, double> before = wall.metrics();
        QTest::qWait(2000);
        const QHash<QString, double> after = wall.metrics();
        QVERIFY2(after.value("gridwall_frame_seconds_count") - before.value("gridwall_frame_seconds_count") >= 2,
                 "the wall keeps drawing");
    }

    // Two walls on one data dir used to run side by side, interleaving one journal.
    void aSecondWallOnTheSameDataDirIsRefused()
    {
        QTemporaryDir data;
        WallProcess first(QStringLiteral(GRIDWALL_BINARY));
        QVERIFY2(first.start({"--data-dir", data.path()}), qPrintable(first.output()));
        QProcess second;
        second.start(QStringLiteral(GRIDWALL_BINARY), {"-platform", "offscreen", "--data-dir", data.path()});
        QVERIFY(second.waitForFinished(20000));
        QCOMPARE(second.exitCode(), 3);
        const QString stderrText = QString::fromUtf8(second.readAllStandardError());
        const QStringList said = stderrText.split(QLatin1Char('\n')).filter(QStringLiteral("in use by another gridwall"));
        QVERIFY2(said.size() == 1, qPrintable(stderrText)); // one line, naming the wall that holds it
        QVERIFY2(said.first().contains(QString::number(first.pid())), qPrintable(said.first()));
        QCOMPARE(first.healthStatus(), 200);
        // Once the first is gone (even killed), the data dir is free again.
        first.kill();
        WallProcess third(QStringLiteral(GRIDWALL_BINARY));
        QVERIFY2(third.start({"--data-dir", data.path()}), qPrintable(third.output()));
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
