// The nodes of a 2x2 wall follow their conductor over MQTT: four wall
// processes (--wall 2x2 --node c,r) on a real Mosquitto; the conductor
// (0,0) drills down to a district, and every node shows that district at
// the conductor's centre and scale; drilled to another by the director, the
// conductor flies there and the nodes follow its flight frame by frame. A malformed or invalid view is
// rejected, counted by reason, and changes nothing. A conductor killed and
// started again without --view comes back to the wall's view from the
// retained topic: the restart is invisible. A director's commands steer a
// wall with scenes and a briefing tour from its --config.

#include "brokerprocess.h"
#include "wallprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <mqtt/client.h>

#include <memory>
#include <vector>

class TestWallSync : public QObject
{
    Q_OBJECT

    static QStringList node(const BrokerProcess &broker, const char *cell)
    {
        return {"--broker", broker.uri(), "--client-id", QStringLiteral("wall-node-%1").arg(QLatin1String(cell)), "--wall", "2x2", "--node",
                QLatin1String(cell)};
    }
    // Whether a node shows the same view as the conductor.
    static bool sameView(const QJsonObject &a, const QJsonObject &b)
    {
        const QJsonArray ca = a.value("centre").toArray(), cb = b.value("centre").toArray();
        return !ca.isEmpty() && ca == cb && a.value("scale") == b.value("scale") && a.value("region") == b.value("region");
    }

private slots:
    void nodesFollowTheConductor()
    {
        BrokerProcess broker;
        QVERIFY(broker.start());
        WallProcess conductor(QStringLiteral(GRIDWALL_BINARY));
        QVERIFY2(conductor.start(node(broker, "0,0") << "--view" << "211103"), qPrintable(conductor.output()));
        std::vector<std::unique_ptr<WallProcess>> followers;
        for (const char *cell : {"1,0", "0,1", "1,1"}) {
            auto &w = followers.emplace_back(std::make_unique<WallProcess>(QStringLiteral(GRIDWALL_BINARY)));
            QVERIFY2(w->start(node(broker, cell)), qPrintable(w->output()));
        }
        // The conductor drills down to 兴隆台区 (211103); every node shows it as the conductor does.
        QTRY_VERIFY_WITH_TIMEOUT(conductor.health().value("wall").toObject().value("region") == "211103", 15000);
        for (auto &f : followers) {
            QTRY_VERIFY_WITH_TIMEOUT(sameView(f->health().value("wall").toObject(), conductor.health().value("wall").toObject()), 15000);
            QCOMPARE(f->health().value("wall").toObject().value("conductor").toBool(), false);
            QVERIFY(f->metric("gridwall_wall_view_applied_total") >= 1);
        }
        QVERIFY(conductor.metric("gridwall_wall_view_published_total") >= 1);

        // The director drills the wall down to 大洼区: the conductor flies there and every node follows it frame by frame.
        mqtt::client director(broker.uri().toStdString(), "tst-wallsync-director");
        director.connect(mqtt::connect_options_builder().clean_session(true).finalize());
        std::vector<QHash<QString, double>> before;
        for (auto &f : followers)
            before.push_back(f->metrics());
        const std::string drill = "{\"command\": \"drill\", \"region\": \"211104\"}";
        director.publish("panjin/wall/main/command", drill.data(), drill.size(), 1, false);
        QTRY_VERIFY_WITH_TIMEOUT(conductor.health().value("wall").toObject().value("region") == "211104", 15000);
        // The flight over (the conductor's view still for a moment), every node shows where it ended.
        QJsonObject landed;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
            const QJsonObject now = conductor.health().value("wall").toObject();
            QTest::qWait(300);
            landed = conductor.health().value("wall").toObject();
            return sameView(now, landed);
        }()), 15000);
        for (size_t i = 0; i < followers.size(); ++i) {
            WallProcess &f = *followers[i];
            QTRY_VERIFY2_WITH_TIMEOUT(sameView(f.health().value("wall").toObject(), landed),
                                      qPrintable(QJsonDocument(f.health()).toJson() + QJsonDocument(landed).toJson()), 15000);
            const QHash<QString, double> after = f.metrics();
            const double views = after.value("gridwall_wall_view_lag_seconds_count") - before[i].value("gridwall_wall_view_lag_seconds_count");
            QVERIFY2(views > 10, "the flight reached the follower as a few views, not frame by frame");
            qInfo("follower %zu: %.0f views of the flight, applied %.1f ms (p50) / %.1f ms (p99) after the conductor published them", i + 1,
                  views, histogramQuantile(before[i], after, "gridwall_wall_view_lag_seconds", 0.5) * 1000,
                  histogramQuantile(before[i], after, "gridwall_wall_view_lag_seconds", 0.99) * 1000);
        }
        const QJsonObject shown = conductor.health().value("wall").toObject();

        // Bad views are counted by reason and change nothing.
        const auto send = [&](const std::string &payload) { director.publish("panjin/wall/main/view", payload.data(), payload.size(), 1, false); };
        send("{not json");
        send("{\"ts\": 1, \"seq\": 1, \"centre\": [0], \"scale\": 1, \"region\": \"\", \"entity\": \"\"}");
        send("{\"ts\": 99999999999999, \"seq\": 1, \"centre\": [0, 0], \"scale\": 1, \"region\": \"999999\", \"entity\": \"\"}");
        WallProcess &f = *followers.front();
        QTRY_VERIFY_WITH_TIMEOUT(f.metric("gridwall_wall_messages_rejected_total{reason=\"unknown_region\"}") == 1, 10000);
        QCOMPARE(f.metric("gridwall_wall_messages_rejected_total{reason=\"malformed\"}"), 1.0);
        QCOMPARE(f.metric("gridwall_wall_messages_rejected_total{reason=\"invalid\"}"), 1.0);
        QVERIFY(sameView(f.health().value("wall").toObject(), shown));
        QCOMPARE(f.healthStatus(), 200);
        director.disconnect();

        // The conductor dies and comes back without --view: the retained view brings it back where the wall was.
        conductor.kill();
        QElapsedTimer restart;
        restart.start();
        WallProcess restarted(QStringLiteral(GRIDWALL_BINARY));
        QVERIFY2(restarted.start(node(broker, "0,0")), qPrintable(restarted.output()));
        QTRY_VERIFY_WITH_TIMEOUT(sameView(restarted.health().value("wall").toObject(), shown), 15000);
        qInfo("conductor killed and started again: the wall's view back after %lld ms", static_cast<long long>(restart.elapsed()));
        for (auto &other : followers)
            QVERIFY(sameView(other->health().value("wall").toObject(), shown));
    }

    void directorSteersScenesAndTheTour()
    {
        BrokerProcess broker;
        QVERIFY(broker.start());
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("wall.json"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"wall\": {\"id\": \"hall\"}, \"scenes\": [{\"id\": \"city\", \"region\": \"\"},"
                   " {\"id\": \"dawa\", \"region\": \"211104\", \"layers\": {\"heatmap\": false}}],"
                   " \"playlist\": {\"scenes\": [\"city\", \"dawa\"], \"seconds\": 1, \"autostart\": true}}");
        file.close();
        WallProcess wall(QStringLiteral(GRIDWALL_BINARY));
        QVERIFY2(wall.start({"--broker", broker.uri(), "--client-id", "wall-hall", "--config", config}), qPrintable(wall.output()));
        const auto director = [&] { return wall.health().value("director").toObject(); };
        // The tour shows both scenes in turn.
        QTRY_VERIFY_WITH_TIMEOUT(director().value("scene") == "dawa", 15000);
        QVERIFY(director().value("touring").toBool());
        QTRY_VERIFY_WITH_TIMEOUT(director().value("scene") == "city", 5000);

        mqtt::client director_(broker.uri().toStdString(), "tst-director");
        director_.connect(mqtt::connect_options_builder().clean_session(true).finalize());
        const auto send = [&](const std::string &payload) { director_.publish("panjin/wall/hall/command", payload.data(), payload.size(), 1, false); };
        // The director picks a scene: the tour stops on it.
        send("{\"command\": \"scene\", \"scene\": \"dawa\"}");
        QTRY_VERIFY_WITH_TIMEOUT(director().value("scene") == "dawa" && !director().value("touring").toBool(), 10000);
        QTest::qWait(2500);
        QCOMPARE(director().value("scene").toString(), QStringLiteral("dawa"));
        // Bad commands are counted and change nothing; the wall goes on.
        send("{\"command\": \"scene\", \"scene\": \"nowhere\"}");
        send("not json");
        send("{\"command\": \"shutdown\"}");
        QTRY_COMPARE_WITH_TIMEOUT(wall.metric("gridwall_wall_commands_rejected_total{reason=\"unknown_command\"}"), 1.0, 10000);
        QCOMPARE(wall.metric("gridwall_wall_commands_rejected_total{reason=\"unknown_scene\"}"), 1.0);
        QCOMPARE(wall.metric("gridwall_wall_commands_rejected_total{reason=\"malformed\"}"), 1.0);
        QCOMPARE(wall.metric("gridwall_wall_commands_total{command=\"scene\"}"), 1.0);
        QCOMPARE(director().value("scene").toString(), QStringLiteral("dawa"));
        // And on again.
        send("{\"command\": \"playlist\", \"action\": \"start\"}");
        QTRY_VERIFY_WITH_TIMEOUT(director().value("touring").toBool() && director().value("scene") == "city", 10000);
        QCOMPARE(wall.healthStatus(), 200);
        director_.disconnect();
    }

    // The shipped broker ACL (kiosk/mosquitto/gridwall.acl): a wall's own user cannot command the wall, the director can.
    void onlyTheDirectorCommands()
    {
        BrokerProcess broker;
        QVERIFY(broker.requireLogin({{"wall-main", "wall-secret"}, {"director", "director-secret"}}, QStringLiteral(GRIDWALL_KIOSK "/mosquitto/gridwall.acl")));
        QVERIFY2(broker.start(), qPrintable(broker.log()));
        QTemporaryDir dir;
        QFile password(dir.filePath(QStringLiteral("password")));
        QVERIFY(password.open(QIODevice::WriteOnly));
        password.write("wall-secret\n");
        password.close();
        const QString config = dir.filePath(QStringLiteral("wall.json"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"scenes\": [{\"id\": \"city\"}, {\"id\": \"dawa\", \"region\": \"211104\"}]}");
        file.close();
        WallProcess wall(QStringLiteral(GRIDWALL_BINARY));
        QVERIFY2(wall.start({"--broker", broker.uri(), "--client-id", "wall-main-1", "--username", "wall-main", "--password-file",
                             password.fileName(), "--config", config}),
                 qPrintable(wall.output()));
        QVERIFY(wall.waitFor([](const auto &m) { return m.value("gridwall_mqtt_connected") == 1; }));
        const auto commandAs = [&](const char *user, const char *secret, const char *scene) {
            mqtt::client client(broker.uri().toStdString(), std::string("tst-as-") + user);
            client.connect(mqtt::connect_options_builder().clean_session(true).user_name(user).password(secret).finalize());
            const std::string payload = std::string("{\"command\": \"scene\", \"scene\": \"") + scene + "\"}";
            client.publish("panjin/wall/main/command", payload.data(), payload.size(), 1, false);
            client.disconnect();
        };
        // The director: carried out (which also shows the wall listens to its commands).
        commandAs("director", "director-secret", "dawa");
        QTRY_VERIFY_WITH_TIMEOUT(wall.health().value("director").toObject().value("scene") == "dawa", 10000);
        QCOMPARE(wall.metric("gridwall_wall_commands_total{command=\"scene\"}"), 1.0);
        // The wall's own user: the broker drops the command; the wall never sees it.
        commandAs("wall-main", "wall-secret", "city");
        commandAs("director", "director-secret", "nowhere"); // after it: once this one is counted, the other would have been
        QTRY_COMPARE_WITH_TIMEOUT(wall.metric("gridwall_wall_commands_rejected_total{reason=\"unknown_scene\"}"), 1.0, 10000);
        QCOMPARE(wall.metric("gridwall_wall_commands_total{command=\"scene\"}"), 1.0);
        QCOMPARE(wall.health().value("director").toObject().value("scene").toString(), QStringLiteral("dawa"));
    }
};

QTEST_GUILESS_MAIN(TestWallSync)

#include "tst_wallsync.moc"
