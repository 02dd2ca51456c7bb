// The nodes of a 2x2 wall follow their conductor over MQTT: four wall
// processes (--wall 2x2 --node c,r) on a real Mosquitto; the conductor
// (0,0) drills down to a district, and every node shows that district at
// the conductor's centre and scale. A malformed or invalid view is
// rejected, counted by reason, and changes nothing. A conductor killed and
// started again without --view comes back to the wall's view from the
// retained topic: the restart is invisible.

#include "brokerprocess.h"
#include "wallprocess.h"

#include <QJsonArray>
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
        const QJsonObject shown = conductor.health().value("wall").toObject();

        // Bad views are counted by reason and change nothing.
        mqtt::client director(broker.uri().toStdString(), "tst-wallsync-director");
        director.connect(mqtt::connect_options_builder().clean_session(true).finalize());
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
        WallProcess restarted(QStringLiteral(GRIDWALL_BINARY));
        QVERIFY2(restarted.start(node(broker, "0,0")), qPrintable(restarted.output()));
        QTRY_VERIFY_WITH_TIMEOUT(sameView(restarted.health().value("wall").toObject(), shown), 15000);
        for (auto &other : followers)
            QVERIFY(sameView(other->health().value("wall").toObject(), shown));
    }
};

QTEST_GUILESS_MAIN(TestWallSync)

#include "tst_wallsync.moc"
