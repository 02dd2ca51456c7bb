// The plugin watchdog blames the plugin whose script holds the GUI thread and
// no other: a slow frame of the wall's own (a 7680x2160 picture drawn in
// software takes over a second) while every plugin is idle switches none of
// them off, and a plugin whose timer loops for ever is stopped and blamed
// while the idle ones around it go on.

#include "plugins/pluginhost.h"

#include <QDir>
#include <QFile>
#include <QQmlComponent>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <vector>

using gridwall::plugins::PluginHost;

namespace {

// A plugin folder with one widget whose Tile.qml is `qml`.
void writePlugin(const QString &root, const QString &id, const QByteArray &qml)
{
    QDir(root).mkpath(id);
    QFile manifest(root + '/' + id + "/plugin.json");
    QVERIFY(manifest.open(QIODevice::WriteOnly));
    manifest.write(QStringLiteral(R"({"id": "%1", "name": {"zh_CN": "%1", "en": "%1"}, "version": "1.0.0",
        "apiVersion": "1.0", "department": "other", "feeds": [],
        "widgets": [{"id": "main", "name": {"zh_CN": "%1", "en": "%1"}, "qml": "Tile.qml", "size": [1, 1]}]})")
                       .arg(id)
                       .toUtf8());
    QFile tile(root + '/' + id + "/Tile.qml");
    QVERIFY(tile.open(QIODevice::WriteOnly));
    tile.write(qml);
}

// A widget that does what a department's tile does between messages: a little, often.
const QByteArray kIdleTile = R"(import QtQuick
Item {
    property int ticks: 0
    Timer { interval: 50; running: true; repeat: true; onTriggered: parent.ticks = (parent.ticks + 1) % 1000 }
})";

const QByteArray kLoopingTile = R"(import QtQuick
Item {
    Timer { interval: 300; running: true; repeat: true; onTriggered: { let n = 0; while (true) { n = (n + 1) % 7 } } }
})";

double metric(const PluginHost &host, const QString &name)
{
    const QRegularExpression line(QStringLiteral("^%1 (\\S+)$").arg(QRegularExpression::escape(name)), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = line.match(host.metricsText());
    return m.hasMatch() ? m.captured(1).toDouble() : -1;
}

} // namespace

class TestPluginWatchdog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_folders;
    std::unique_ptr<PluginHost> m_host;
    std::vector<std::unique_ptr<QObject>> m_tiles;

    // Loads each plugin's tile as the wall does (guarded, in its own engine), the wall drawn.
    void startWall(const QStringList &plugins)
    {
        m_host = std::make_unique<PluginHost>(true);
        m_host->scan({m_folders.path()});
        m_host->startWatchdog();
        for (const QString &id : plugins) {
            QQmlEngine *engine = m_host->engineFor(id);
            QVERIFY2(engine, qPrintable(id));
            QQmlComponent component(engine, QUrl::fromLocalFile(m_folders.path() + '/' + id + "/Tile.qml"));
            QObject *tile = nullptr;
            QVERIFY(m_host->guarded(id, PluginHost::Work::Loading, QStringLiteral("Tile.qml"), [&] { tile = component.create(); }));
            QVERIFY2(tile, qPrintable(component.errorString()));
            m_tiles.emplace_back(tile);
        }
        m_host->wallDrawn();
        QTest::qWait(300); // the heartbeat runs
    }

private slots:
    void init()
    {
        QVERIFY(m_folders.isValid());
        for (const char *id : {"cases-board", "patrol-roster", "sensor-trend"})
            writePlugin(m_folders.path(), QLatin1String(id), kIdleTile);
        writePlugin(m_folders.path(), QStringLiteral("runaway"), kLoopingTile);
    }

    void cleanup()
    {
        m_tiles.clear();
        m_host.reset();
    }

    // The wall's own work holds the GUI thread for 1.15 to 1.9 s, past the 1 s budget, while three
    // plugins sit idle: no engine is interrupted, no plugin switched off.
    void slowFrameBlamesNoIdlePlugin()
    {
        const QStringList idle{"cases-board", "patrol-roster", "sensor-trend"};
        startWall(idle);
        for (int stallMs : {1150, 1250, 1350, 1500, 1700, 1900}) {
            QThread::msleep(stallMs); // a slow frame: not a plugin's script
            QTest::qWait(400);
            for (const QString &id : idle)
                QVERIFY2(m_host->engineFor(id), qPrintable(QStringLiteral("%1 switched off after a %2 ms stall").arg(id).arg(stallMs)));
        }
        QCOMPARE(metric(*m_host, QStringLiteral("gridwall_plugin_interruptions_total")), 0.0);
        QVERIFY2(!m_host->metricsText().contains(QStringLiteral("gridwall_plugin_switched_off_total{")), qPrintable(m_host->metricsText()));
    }

    // A timer's endless loop among idle plugins: that plugin, and only it, is stopped, once; the
    // wall's GUI thread runs again within the budget and a try.
    void loopingPluginIsStoppedAndBlamed()
    {
        startWall({"cases-board", "runaway", "patrol-roster", "sensor-trend"});
        QTRY_VERIFY_WITH_TIMEOUT(!m_host->engineFor(QStringLiteral("runaway")), 5000);
        QTest::qWait(1000);
        for (const char *id : {"cases-board", "patrol-roster", "sensor-trend"})
            QVERIFY2(m_host->engineFor(QLatin1String(id)), id);
        QCOMPARE(metric(*m_host, QStringLiteral("gridwall_plugin_interruptions_total")), 1.0);
        QVERIFY(m_host->lastErrors().value(QStringLiteral("runaway")).toString().contains(QStringLiteral("1000 ms")));
    }
};

QTEST_MAIN(TestPluginWatchdog)
#include "tst_pluginwatchdog.moc"
