// The wall against a real Mosquitto: every feed accepted and applied, every
// malformed input rejected with its reason while the wall stays up, and QoS 1
// case events published while the wall was cut off delivered once it is back.

#include "brokerprocess.h"
#include "wallprocess.h"

#include <QDateTime>
#include <QTest>

#include <mqtt/client.h>
#include <sqlite3.h>

namespace {

QString received(const char *feed)
{
    return QStringLiteral("gridwall_messages_received_total{feed=\"%1\"}").arg(QLatin1String(feed));
}
QString rejected(const QString &reason)
{
    return QStringLiteral("gridwall_messages_rejected_total{reason=\"%1\"}").arg(reason);
}
QString entities(const char *kind)
{
    return QStringLiteral("gridwall_live_entities{kind=\"%1\"}").arg(QLatin1String(kind));
}
QByteArray now()
{
    return QByteArray::number(QDateTime::currentMSecsSinceEpoch());
}
QByteArray reported(int seq)
{
    return "{\"ts\":" + now() + ",\"seq\":" + QByteArray::number(seq)
           + ",\"status\":\"reported\",\"category\":\"安全隐患\",\"source\":\"app\",\"priority\":2,"
             "\"lon\":122.07,\"lat\":41.12,\"deadline\":" + QByteArray::number(QDateTime::currentMSecsSinceEpoch() + 7200000)
           + ",\"title\":\"井盖缺失\"}";
}

} // namespace

class TestFeed : public QObject
{
    Q_OBJECT

    BrokerProcess m_broker;
    WallProcess m_wall{QStringLiteral(GRIDWALL_BINARY)};
    std::unique_ptr<mqtt::client> m_publisher;

    void publish(const QString &topic, const QByteArray &payload, int qos = 1, bool retained = false)
    {
        m_publisher->publish(topic.toStdString(), payload.constData(), size_t(payload.size()), qos, retained);
    }

    void connectPublisher()
    {
        m_publisher = std::make_unique<mqtt::client>(m_broker.uri().toStdString(), "tst-feed-publisher");
        auto options = mqtt::connect_options_builder().clean_session(true).finalize();
        m_publisher->connect(options);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_broker.start(), "mosquitto did not start (tests/run installs it)");
        connectPublisher();
        QVERIFY2(m_wall.start({"--broker", m_broker.uri(), "--client-id", "tst-feed-wall"}), qPrintable(m_wall.output()));
        QVERIFY(m_wall.waitFor([](const auto &m) { return m.value("gridwall_mqtt_connected") == 1; }));
    }

    void everyFeedIsAcceptedAndApplied()
    {
        const QByteArray ts = now();
        publish("panjin/case/c-1/event", reported(1));
        publish("panjin/camera/cam-1/state", "{\"ts\":" + ts + ",\"online\":true,\"name\":\"兴隆大街东口\",\"lon\":122.07,\"lat\":41.12,\"stream\":\"rtsp://cam/1\"}", 1, true);
        publish("panjin/camera/cam-1/event", "{\"ts\":" + ts + ",\"type\":\"crowd\",\"severity\":2}");
        publish("panjin/sensor/s-1/state", "{\"ts\":" + ts + ",\"kind\":\"gas\",\"unit\":\"%LEL\",\"lon\":122.06,\"lat\":41.11,\"warn\":20,\"alarm\":50,\"site\":\"加油站\",\"sector\":\"crowded_places\"}", 1, true);
        publish("panjin/sensor/s-1/reading", "{\"ts\":" + ts + ",\"value\":12.5}", 0);
        publish("panjin/grid/211103001001001/state", "{\"ts\":" + ts + ",\"workers_on_duty\":2,\"workers_total\":3}", 1, true);
        publish("panjin/worker/w-1/position", "{\"ts\":" + ts + ",\"lon\":122.071,\"lat\":41.121,\"status\":\"patrol\",\"name\":\"王芳\"}", 0);
        publish("panjin/unit/u-1/position", "{\"ts\":" + ts + ",\"lon\":122.05,\"lat\":41.10,\"kind\":\"police\",\"status\":\"responding\"}", 0);
        publish("panjin/poi/police-01/state", "{\"ts\":" + ts + ",\"kind\":\"police_station\",\"name\":\"兴隆台派出所\",\"lon\":122.07,\"lat\":41.12,\"rings\":[{\"minutes\":1,\"radius_m\":500},{\"minutes\":3,\"radius_m\":1500}]}", 1, true);

        const bool all = m_wall.waitFor([](const QHash<QString, double> &m) {
            for (const char *feed : {"case", "camera_state", "camera_event", "sensor_state", "sensor_reading", "grid", "worker", "unit", "poi"}) {
                if (m.value(received(feed)) < 1)
                    return false;
            }
            for (const char *kind : {"case", "camera", "sensor", "grid", "worker", "unit", "poi"}) {
                if (m.value(entities(kind)) < 1)
                    return false;
            }
            return true;
        });
        QVERIFY2(all, qPrintable(m_wall.output()));
        QCOMPARE(m_wall.metric(received("case")), 1.0);
        QCOMPARE(m_wall.metric(entities("worker")), 1.0);
    }

    void aWallStartedLaterSeesTheRetainedState()
    {
        const QByteArray ts = now();
        publish("panjin/camera/cam-late/state", "{\"ts\":" + ts + ",\"online\":false,\"name\":\"渤海路\",\"lon\":122.0,\"lat\":41.0}", 1, true);
        publish("panjin/grid/211103001001002/state", "{\"ts\":" + ts + ",\"workers_on_duty\":1,\"workers_total\":2}", 1, true);
        WallProcess late{QStringLiteral(GRIDWALL_BINARY)};
        QVERIFY(late.start({"--broker", m_broker.uri(), "--client-id", "tst-feed-late-wall"}));
        // Everything retained so far: the cameras, sensor, grids and site published before.
        QVERIFY2(late.waitFor([](const auto &m) {
                     return m.value(entities("camera")) >= 2 && m.value(entities("grid")) >= 2 && m.value(entities("poi")) >= 1
                            && m.value(entities("sensor")) >= 1;
                 }),
                 qPrintable(late.output()));
        QCOMPARE(late.metric(received("case")), 0.0); // events are not retained
    }

    void malformedInputIsRejectedWithItsReason_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("reason");
        const QByteArray ts = now();
        QTest::newRow("bad json") << "panjin/worker/w-2/position" << QByteArray("{\"ts\":") << "bad_json";
        QTest::newRow("not an object") << "panjin/worker/w-2/position" << QByteArray("[1,2,3]") << "not_object";
        QTest::newRow("wrong type") << "panjin/worker/w-2/position" << QByteArray("{\"ts\":" + ts + ",\"lon\":\"122\",\"lat\":41.1,\"status\":\"idle\"}") << "wrong_type";
        QTest::newRow("missing field") << "panjin/sensor/s-2/reading" << QByteArray("{\"ts\":" + ts + "}") << "missing_field";
        QTest::newRow("unknown status") << "panjin/case/c-2/event" << QByteArray("{\"ts\":" + ts + ",\"seq\":1,\"status\":\"lost\"}") << "unknown_value";
        QTest::newRow("NaN") << "panjin/sensor/s-2/reading" << QByteArray("{\"ts\":" + ts + ",\"value\":NaN}") << "bad_json";
        QTest::newRow("infinity") << "panjin/sensor/s-2/reading" << QByteArray("{\"ts\":" + ts + ",\"value\":1e999}") << "not_finite";
        QTest::newRow("lon out of range") << "panjin/worker/w-2/position" << QByteArray("{\"ts\":" + ts + ",\"lon\":222.0,\"lat\":41.1,\"status\":\"idle\"}") << "out_of_range";
        QTest::newRow("lat out of range") << "panjin/unit/u-2/position" << QByteArray("{\"ts\":" + ts + ",\"lon\":122.0,\"lat\":-91,\"kind\":\"fire\",\"status\":\"x\"}") << "out_of_range";
        QTest::newRow("1 MiB payload") << "panjin/camera/cam-2/event" << QByteArray("{\"ts\":" + ts + ",\"type\":\"crowd\",\"severity\":1,\"pad\":\"" + QByteArray(1 << 20, 'x') + "\"}") << "oversize";
        QTest::newRow("unknown topic") << "panjin/weather/w-1/state" << QByteArray("{\"ts\":" + ts + "}") << "unknown_topic";
        QTest::newRow("invalid utf-8") << "panjin/camera/cam-3/state" << QByteArray("{\"ts\":" + ts + ",\"online\":true,\"name\":\"\xff\xfe\",\"lon\":122.0,\"lat\":41.0}") << "bad_utf8";
        QTest::newRow("duplicate seq") << "panjin/case/c-1/event" << reported(1) << "duplicate_seq";
    }

    void malformedInputIsRejectedWithItsReason()
    {
        QFETCH(QString, topic);
        QFETCH(QByteArray, payload);
        QFETCH(QString, reason);
        const QHash<QString, double> before = m_wall.metrics();
        publish(topic, payload);
        QVERIFY2(m_wall.waitFor([&](const QHash<QString, double> &m) { return m.value(rejected(reason)) == before.value(rejected(reason)) + 1; }),
                 qPrintable(QStringLiteral("no %1 rejection counted").arg(reason)));
        // Nothing else was counted for it, and the wall is still up.
        const QHash<QString, double> after = m_wall.metrics();
        double otherRejections = 0;
        for (auto it = after.begin(); it != after.end(); ++it) {
            if (it.key().startsWith("gridwall_messages_rejected_total") && it.key() != rejected(reason))
                otherRejections += it.value() - before.value(it.key());
        }
        QCOMPARE(otherRejections, 0.0);
        QCOMPARE(m_wall.healthStatus(), 200);
    }

    void wallTopicsAreNotFeedsNorRejections()
    {
        const QHash<QString, double> before = m_wall.metrics();
        publish("panjin/wall/main/view", "{\"ts\":" + now() + ",\"center\":[122.07,41.12],\"zoom\":11}", 1, false);
        publish("panjin/worker/w-7/position", "{\"ts\":" + now() + ",\"lon\":122.07,\"lat\":41.12,\"status\":\"idle\"}", 0);
        QVERIFY(m_wall.waitFor([&](const auto &m) { return m.value(received("worker")) == before.value(received("worker")) + 1; }));
        QCOMPARE(m_wall.metric(rejected("unknown_topic")), before.value(rejected("unknown_topic")));
    }

    void olderSeqNeverRollsACaseBack()
    {
        publish("panjin/case/c-9/event", reported(1));
        publish("panjin/case/c-9/event", "{\"ts\":" + now() + ",\"seq\":3,\"status\":\"dispatched\",\"dept\":\"城管局\"}");
        QVERIFY(m_wall.waitFor([](const auto &m) { return m.value(received("case")) >= 4; }));
        const double stale = m_wall.metric(rejected("stale_seq"));
        publish("panjin/case/c-9/event", "{\"ts\":" + now() + ",\"seq\":2,\"status\":\"accepted\"}");
        QVERIFY(m_wall.waitFor([&](const auto &m) { return m.value(rejected("stale_seq")) == stale + 1; }));
    }

    // A late case and an illegal step show in the case and alarm metrics.
    void casesAndAlarmsShowInMetrics()
    {
        const QString overdue = QStringLiteral("gridwall_cases_overdue{district=\"211103\",name=\"兴隆台区\"}");
        const QString alarms = QStringLiteral("gridwall_alarms_active{severity=\"2\"}");
        const QHash<QString, double> before = m_wall.metrics();
        QVERIFY(before.contains(overdue));
        const QByteArray past = QByteArray::number(QDateTime::currentMSecsSinceEpoch() - 3600000);
        publish("panjin/case/late-1/event", "{\"ts\":" + now() + ",\"seq\":1,\"status\":\"reported\",\"category\":\"市政设施\","
                                           "\"source\":\"hotline\",\"priority\":2,\"lon\":122.07,\"lat\":41.12,\"deadline\":" + past
                                           + ",\"title\":\"路灯不亮\"}");
        publish("panjin/case/late-1/event", "{\"ts\":" + now() + ",\"seq\":2,\"status\":\"closed\"}");
        QVERIFY2(m_wall.waitFor([&](const auto &m) {
                     return m.value(overdue) == before.value(overdue) + 1 && m.value(alarms) == before.value(alarms) + 1
                            && m.value(rejected("illegal_transition")) == before.value(rejected("illegal_transition")) + 1;
                 }),
                 qPrintable(m_wall.output()));
        QCOMPARE(m_wall.metric("gridwall_cases_flagged"), before.value("gridwall_cases_flagged") + 1);

        // The history keeps the alarm's raise, and the refused step out of case_events.
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open_v2(qPrintable(m_wall.dataDir() + "/gridwall.sqlite"), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
        sqlite3_busy_timeout(db, 5000);
        const auto count = [db](const char *sql) {
            sqlite3_stmt *s = nullptr;
            sqlite3_prepare_v2(db, sql, -1, &s, nullptr);
            const int n = s && sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
            sqlite3_finalize(s);
            return n;
        };
        QTRY_COMPARE(count("SELECT count(*) FROM alarm_log WHERE subject = 'late-1' AND kind = 'case_overdue' AND phase = 'raised' "
                           "AND severity = 2 AND district = '211103'"),
                     1);
        QTRY_COMPARE(count("SELECT count(*) FROM case_log WHERE case_id = 'late-1' AND refused = 'illegal_transition'"), 1);
        QCOMPARE(count("SELECT count(*) FROM case_events WHERE case_id = 'late-1'"), 1);
        sqlite3_close(db);
    }

    void aFloodOfBadInputIsLoggedBriefly()
    {
        const QHash<QString, double> before = m_wall.metrics();
        m_wall.output(); // forget what was logged so far
        for (int i = 0; i < 2000; ++i)
            publish("panjin/worker/w-3/position", "{broken", 0);
        QVERIFY(m_wall.waitFor([&](const auto &m) { return m.value(rejected("bad_json")) >= before.value(rejected("bad_json")) + 2000; }));
        QTest::qWait(300);
        const int lines = int(m_wall.output().count("rejected (bad_json)"));
        QVERIFY2(lines <= 2, qPrintable(QString::number(lines) + " log lines for one flood"));
        QCOMPARE(m_wall.healthStatus(), 200);
    }

    void qos1EventsSentWhileTheBrokerWasDownArriveOnceAfterwards()
    {
        const double casesBefore = m_wall.metric(entities("case"));
        for (int i = 0; i < 100; ++i)
            publish(QStringLiteral("panjin/case/r-%1/event").arg(i), reported(1));
        QVERIFY(m_wall.waitFor([&](const auto &m) { return m.value(entities("case")) == casesBefore + 100; }));

        // The broker goes away (and keeps the wall's persistent session on disk).
        m_publisher->disconnect();
        m_broker.stop();
        QVERIFY(m_wall.waitFor([](const auto &m) { return m.value("gridwall_mqtt_connected") == 0; }));
        QVERIFY(m_broker.start());
        connectPublisher();
        // Published before the wall is back: queued by the broker for the wall's session.
        for (int i = 100; i < 200; ++i)
            publish(QStringLiteral("panjin/case/r-%1/event").arg(i), reported(1));
        // (The wall may already be reconnecting here; its persistent session holds them either way.
        // The next test proves that without any race.)
        const double duplicatesBefore = m_wall.metric(rejected("duplicate_seq"));
        QVERIFY2(m_wall.waitFor([&](const auto &m) { return m.value(entities("case")) == casesBefore + 200; }, 30000),
                 qPrintable(QStringLiteral("cases: %1, connected %2\n%3\n%4").arg(m_wall.metric(entities("case"))).arg(m_wall.metric("gridwall_mqtt_connected")).arg(m_wall.output(), m_broker.log())));
        QCOMPARE(m_wall.metric("gridwall_mqtt_connected"), 1.0);
        // Redelivered duplicates, if any, were recognised and not applied twice.
        QVERIFY(m_wall.metric(rejected("duplicate_seq")) >= duplicatesBefore);
        QCOMPARE(m_wall.metric(entities("case")), casesBefore + 200);
    }

    void qos1EventsSentWhileTheWallWasDeadArriveWhenItRestarts()
    {
        const double casesBefore = m_wall.metric(entities("case"));
        QVERIFY(casesBefore > 0);
        m_wall.kill(); // -9: no goodbye to the broker
        for (int i = 0; i < 100; ++i)
            publish(QStringLiteral("panjin/case/k-%1/event").arg(i), reported(1));
        // Same client id: the broker kept the session and queued the events;
        // same data dir: the cases known before come back from the history.
        QVERIFY(m_wall.start({"--broker", m_broker.uri(), "--client-id", "tst-feed-wall"}));
        QVERIFY2(m_wall.waitFor([&](const auto &m) { return m.value(entities("case")) == casesBefore + 100; }, 30000),
                 qPrintable(QStringLiteral("cases: %1").arg(m_wall.metric(entities("case")))));
        QTest::qWait(300);
        QCOMPARE(m_wall.metric(entities("case")), casesBefore + 100);
        // At least once: the broker may also resend events the killed wall had
        // not yet acknowledged; each is stored and applied once.
        QCOMPARE(m_wall.metric("gridwall_events_persisted_total"), 100.0);
        QCOMPARE(m_wall.metric(received("case")) - m_wall.metric(rejected("duplicate_seq")), 100.0);
    }
};

QTEST_GUILESS_MAIN(TestFeed)
#include "tst_feed.moc"
