// Department plugins are contained: the wall as a real process loads a
// folder of deliberately broken plugins beside a good one. A bad manifest, a
// newer API, a QML syntax error, a throwing script and a read of a feed the
// manifest does not declare are each refused or
// contained and counted in gridwall_plugin_errors_total{plugin}; an endless
// loop is interrupted by the watchdog (gridwall_plugin_interruptions_total),
// blamed on its own plugin and that plugin switched off; the good plugin and
// the department plugins have no error, and the wall keeps producing frames.
//
// Hostile plugins (tests/data/plugins/hostile/) cannot stop, freeze or starve
// the wall: plugins that loop as they load (in onCompleted, in a binding, in a
// map layer, in a drill-down section) are stopped and the wall starts without
// them; a plugin that keeps memory is switched off and the memory comes back;
// a file named by a manifest that links out of its folder is refused; SIGTERM
// ends the wall within seconds while a plugin loops.

#include "brokerprocess.h"
#include "wallprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <QTest>

// Under AddressSanitizer freed memory waits in its quarantine: the RSS neither comes back after a
// plugin is switched off nor stays as low (the hog's second round adds to the first).
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

class TestPlugins : public QObject
{
    Q_OBJECT

    static double errors(const QHash<QString, double> &m, const char *plugin)
    {
        return m.value(QStringLiteral("gridwall_plugin_errors_total{plugin=\"%1\"}").arg(QLatin1String(plugin)), 0);
    }

    static double switchedOff(const QHash<QString, double> &m, const char *plugin, const char *reason)
    {
        return m.value(QStringLiteral("gridwall_plugin_switched_off_total{plugin=\"%1\",reason=\"%2\"}").arg(QLatin1String(plugin), QLatin1String(reason)), 0);
    }
    static constexpr const char *kBundled[] = {"public-security", "emergency-safety", "petitions-mediation", "grid-management"};

    // Waits until the wall's output holds `text`.
    static bool waitForOutput(WallProcess &wall, const QString &text, int timeoutMs)
    {
        QElapsedTimer waited;
        waited.start();
        while (!wall.output().contains(text)) {
            if (waited.elapsed() > timeoutMs || !wall.running())
                return false;
            QTest::qWait(20);
        }
        return true;
    }

private slots:
    void brokenPluginsAreContainedAndCounted()
    {
        WallProcess wall(QStringLiteral(GRIDWALL_BINARY));
        // The department plugins first: the watchdog has to find the endless loop behind their engines.
        QVERIFY2(wall.start({"--plugins-dir", QStringLiteral(GRIDWALL_PLUGINS), "--plugins-dir", QStringLiteral(GRIDWALL_TEST_DATA "/plugins"),
                             "--size", "1920x1080"}),
                 qPrintable(wall.output()));
        // The manifests are read before anything loads: two refused, four department plugins and five test plugins accepted.
        QVERIFY(wall.waitFor([](const auto &m) { return m.value("gridwall_plugins_loaded", -1) >= 0; }));
        QHash<QString, double> m = wall.metrics();
        QCOMPARE(m.value("gridwall_plugins_loaded"), 9.0);
        QCOMPARE(errors(m, "bad-manifest"), 1.0);
        QCOMPARE(errors(m, "newer-api"), 1.0);

        // The loaded ones fail as they run: each error lands on its own plugin; the endless loop is
        // interrupted and blamed on its plugin.
        QVERIFY2(wall.waitFor([](const auto &m) {
            return errors(m, "syntax-error") >= 1 && errors(m, "throwing-script") >= 1 && errors(m, "undeclared-feed") >= 1
                   && errors(m, "endless-loop") >= 1 && m.value("gridwall_plugin_interruptions_total") >= 1;
        }, 20000), qPrintable(wall.output()));
        m = wall.metrics();
        for (const char *innocent : {"good-widget", "public-security", "emergency-safety", "petitions-mediation", "grid-management"})
            QVERIFY2(errors(m, innocent) == 0, innocent);
        const QString out = wall.output();
        QVERIFY2(out.contains("plugin") && out.contains("newer-api") && out.contains("needs plugin API 2.0"), qPrintable(out));
        QVERIFY2(out.contains("plugin endless-loop: ") && out.contains("1000"), qPrintable(out));

        // The wall goes on: frames keep coming after the interruption, and the plugin whose script
        // had to be stopped is off (its timer repeats the loop every half second: no second interruption).
        const double frames = m.value("gridwall_frame_time_seconds_count");
        QTRY_VERIFY_WITH_TIMEOUT(wall.metrics().value("gridwall_frame_time_seconds_count") > frames + 1, 10000);
        QTest::qWait(3000);
        m = wall.metrics();
        QCOMPARE(m.value("gridwall_plugin_interruptions_total"), 1.0);
        QCOMPARE(errors(m, "endless-loop"), 1.0);
        QCOMPARE(wall.healthStatus(), 200);
    }

    // The four department plugins in plugins/ load and run against a living city without an error.
    void departmentPluginsRunWithData()
    {
        BrokerProcess broker;
        QVERIFY(broker.start());
        WallProcess wall(QStringLiteral(GRIDWALL_BINARY));
        // The simulator runs an hour a minute, ahead of this machine's clock: the wall believes it that far (docs/feeds.md).
        QVERIFY2(wall.start({"--plugins-dir", QStringLiteral(GRIDWALL_PLUGINS), "--broker", broker.uri(), "--size", "1920x1080",
                             "--max-ahead", "86400"}),
                 qPrintable(wall.output()));
        QProcess sim;
        sim.start(QStringLiteral(GRIDWALL_SIM), {"--broker", broker.uri(), "--speed", "60"});
        QVERIFY(sim.waitForStarted());
        QVERIFY(wall.waitFor([](const auto &m) { return m.value("gridwall_live_entities{kind=\"case\"}") > 0; }, 20000));
        QTest::qWait(3000); // three of the plugins' once-a-second refreshes with cases, sites, units, sensors and grids
        const QHash<QString, double> m = wall.metrics();
        sim.terminate();
        sim.waitForFinished(5000);
        QCOMPARE(m.value("gridwall_plugins_loaded"), 4.0);
        for (const char *plugin : {"public-security", "emergency-safety", "petitions-mediation", "grid-management"})
            QVERIFY2(errors(m, plugin) == 0, qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(plugin), wall.output())));
        QCOMPARE(wall.healthStatus(), 200);
    }

    // A department edits its plugin while the wall runs: the changed file is loaded again at once.
    void aChangedPluginReloads()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("live-edit"));
        QVERIFY(QDir().mkpath(folder));
        QFile::copy(QStringLiteral(GRIDWALL_TEST_DATA "/plugins/good-widget/plugin.json"), folder + QStringLiteral("/plugin.json"));
        QFile manifest(folder + QStringLiteral("/plugin.json"));
        QVERIFY(manifest.open(QIODevice::ReadWrite));
        const QByteArray json = manifest.readAll().replace("good-widget", "live-edit");
        manifest.resize(0);
        manifest.write(json);
        manifest.close();
        const auto writeTile = [&](const QByteArray &body) {
            QFile tile(folder + QStringLiteral("/Tile.qml"));
            QVERIFY(tile.open(QIODevice::WriteOnly | QIODevice::Truncate));
            tile.write("import QtQuick\nItem {\n    property var wall\n" + body + "}\n");
        };
        writeTile("");
        WallProcess wall(QStringLiteral(GRIDWALL_BINARY));
        QVERIFY2(wall.start({"--plugins-dir", dir.path(), "--size", "1280x720"}), qPrintable(wall.output()));
        QVERIFY(wall.waitFor([](const auto &m) { return m.value("gridwall_plugins_loaded") == 1; }));
        QTest::qWait(1000);
        QCOMPARE(errors(wall.metrics(), "live-edit"), 0.0);
        // The new version throws as it starts: it ran, so it was reloaded.
        writeTile("    Component.onCompleted: { throw new Error(\"edited\") }\n");
        QVERIFY2(wall.waitFor([](const auto &m) { return errors(m, "live-edit") >= 1; }, 10000), qPrintable(wall.output()));
        QVERIFY(wall.output().contains("reloading live-edit"));
        QCOMPARE(wall.healthStatus(), 200);
    }

    // Plugins that loop as they load, before the wall's first frame: a widget in onCompleted,
    // a widget in a binding, a map layer and a drill-down section (the panel shows the city at start).
    // Each is stopped at the script budget, blamed and switched off; the wall starts without them.
    void pluginsLoopingAsTheyLoadAreStoppedAndTheWallStarts()
    {
        BrokerProcess broker;
        QVERIFY(broker.start());
        WallProcess wall(QStringLiteral(GRIDWALL_BINARY));
        // Four loops of a second each come before the first frame.
        QVERIFY2(wall.start({"--plugins-dir", QStringLiteral(GRIDWALL_PLUGINS), "--plugins-dir", QStringLiteral(GRIDWALL_TEST_DATA "/plugins/hostile/loading"),
                             "--broker", broker.uri(), "--lang", "en"},
                            QStringLiteral("offscreen"), 30000),
                 qPrintable(wall.output()));
        const QRegularExpressionMatch firstFrame = QRegularExpression(QStringLiteral("first complete frame after (\\d+) ms")).match(wall.output());
        QVERIFY2(firstFrame.hasMatch(), qPrintable(wall.output()));
        qInfo("first frame after %s ms with four plugins looping as they load", qPrintable(firstFrame.captured(1)));

        // Drawing, serving /metrics and /health, on the feed.
        QCOMPARE(wall.healthStatus(), 200);
        QTRY_VERIFY_WITH_TIMEOUT(wall.health().value(QStringLiteral("mqttConnected")).toBool(), 10000);
        const double frames = wall.metric(QStringLiteral("gridwall_frame_time_seconds_count"));
        QTRY_VERIFY_WITH_TIMEOUT(wall.metric(QStringLiteral("gridwall_frame_time_seconds_count")) > frames + 1, 5000);

        QHash<QString, double> m = wall.metrics();
        QCOMPARE(m.value("gridwall_plugins_loaded"), 8.0);
        for (const char *looping : {"loop-oncompleted", "loop-binding", "loop-layer", "loop-section"}) {
            QVERIFY2(errors(m, looping) >= 1, looping);
            QVERIFY2(switchedOff(m, looping, "loading") == 1, looping);
        }
        QCOMPARE(m.value("gridwall_plugin_interruptions_total"), 4.0);
        const QString out = wall.output();
        QVERIFY2(out.contains("plugin loop-oncompleted: Tile.qml: loading ran over 1000 ms and was stopped; the plugin is off until its files change"),
                 qPrintable(out));
        QVERIFY2(out.contains("plugin loop-layer: Layer.qml: loading ran over") && out.contains("plugin loop-section: Section.qml: loading ran over"),
                 qPrintable(out));

        // The department plugins loaded beside them and run: their engines are measured in their refresh turns.
        QVERIFY(wall.waitFor([](const auto &m) {
            return std::all_of(std::begin(kBundled), std::end(kBundled), [&](const char *plugin) {
                return m.value(QStringLiteral("gridwall_plugin_memory_bytes{plugin=\"%1\"}").arg(QLatin1String(plugin))) > 0;
            });
        }, 5000));
        m = wall.metrics();
        for (const char *innocent : kBundled)
            QVERIFY2(errors(m, innocent) == 0, innocent);
        // Switched off: not run again.
        QTest::qWait(1500);
        QCOMPARE(wall.metric(QStringLiteral("gridwall_plugin_interruptions_total")), 4.0);
    }

    // A plugin that keeps 64 MB more every 250 ms: past its memory budget it is switched off, its
    // engine dropped, and the wall's memory (read by the kernel, from outside) comes back down; a new
    // version of its files runs in a fresh engine.
    void aPluginOverItsMemoryBudgetIsSwitchedOff()
    {
        QTemporaryDir dir; // a copy, to be edited
        const QString folder = dir.filePath(QStringLiteral("memory-hog"));
        QVERIFY(QDir().mkpath(folder));
        for (const QString file : {"plugin.json", "Tile.qml"})
            QVERIFY(QFile::copy(QStringLiteral(GRIDWALL_TEST_DATA "/plugins/hostile/memory/memory-hog/") + file, folder + QLatin1Char('/') + file));
        WallProcess wall(QStringLiteral(GRIDWALL_BINARY));
        QVERIFY2(wall.start({"--plugins-dir", QStringLiteral(GRIDWALL_PLUGINS), "--plugins-dir", dir.path(), "--lang", "en"}),
                 qPrintable(wall.output()));
        const qint64 gib = 1024 * 1024;
        QElapsedTimer waited;
        waited.start();
        bool off = false;
        while (!off && waited.elapsed() < 10000 && wall.memoryKb("VmHWM") < gib) {
            off = switchedOff(wall.metrics(), "memory-hog", "memory") == 1;
            QTest::qWait(100);
        }
        const qint64 peakKb = wall.memoryKb("VmHWM");
        qInfo("the wall's peak RSS with the memory hog: %lld MB", peakKb / 1024);
        QVERIFY2(off, qPrintable(QStringLiteral("not switched off; peak RSS %1 MB\n%2").arg(peakKb / 1024).arg(wall.output())));
        const qint64 bound = kSanitized ? gib : gib / 2;
        QVERIFY2(peakKb < bound, qPrintable(QStringLiteral("peak RSS %1 MB").arg(peakKb / 1024)));

        // Blamed, counted, said in one line, shown on its tiles.
        const QHash<QString, double> m = wall.metrics();
        QVERIFY(errors(m, "memory-hog") >= 1);
        const QRegularExpressionMatch said =
            QRegularExpression(QStringLiteral("plugin memory-hog: used (\\d+) MB of its 64 MB budget; the plugin is off until its files change"))
                .match(wall.output());
        QVERIFY2(said.hasMatch(), qPrintable(wall.output()));
        QVERIFY(said.captured(1).toInt() > 64);
        for (const char *innocent : kBundled)
            QVERIFY2(errors(m, innocent) == 0, innocent);

        // Its memory is given back (at least the first 64 MB buffer), and the wall goes on.
        if (!kSanitized)
            QTRY_VERIFY_WITH_TIMEOUT(wall.memoryKb("VmRSS") < peakKb - 48 * 1024, 5000);
        qInfo("RSS after the switch-off: %lld MB", wall.memoryKb("VmRSS") / 1024);
        QCOMPARE(wall.healthStatus(), 200);
        QTest::qWait(1000);
        QCOMPARE(switchedOff(wall.metrics(), "memory-hog", "memory"), 1.0);

        // Off until its files change: the new version runs in a fresh engine (and is stopped again).
        QFile tile(folder + QStringLiteral("/Tile.qml"));
        QVERIFY(tile.open(QIODevice::Append));
        tile.write("// edited\n");
        tile.close();
        QVERIFY2(wall.waitFor([](const auto &m) { return switchedOff(m, "memory-hog", "memory") == 2; }, 10000), qPrintable(wall.output()));
        QVERIFY(wall.output().contains("reloading memory-hog"));
        QVERIFY(wall.memoryKb("VmHWM") < bound);
        QCOMPARE(wall.healthStatus(), 200);
    }

    // A widget's file that is a link to a file outside its plugin's folder: the manifest is refused
    // with one line saying so, and nothing of the plugin loads; the plugin beside it loads.
    void aLinkOutOfThePluginFolderIsRefused()
    {
        QTemporaryDir dir;
        const auto write = [](const QString &path, const QByteArray &text) {
            QDir().mkpath(QFileInfo(path).path());
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(text);
        };
        const auto manifest = [](const char *id) {
            return "{\"id\": \"" + QByteArray(id) + "\", \"name\": \"Test\", \"version\": \"1.0.0\", \"apiVersion\": \"1.0\", "
                   "\"department\": \"other\", \"widgets\": [{\"id\": \"main\", \"name\": \"Test\", \"qml\": \"Tile.qml\"}]}";
        };
        // Outside every plugin folder: a file that says so when it loads.
        const QString outside = dir.filePath(QStringLiteral("elsewhere/Spy.qml"));
        write(outside, "import QtQuick\nItem { property var wall; Component.onCompleted: console.log(\"loaded from outside\") }\n");
        write(dir.filePath(QStringLiteral("plugins/escaping-link/plugin.json")), manifest("escaping-link"));
        QVERIFY(QFile::link(outside, dir.filePath(QStringLiteral("plugins/escaping-link/Tile.qml"))));
        write(dir.filePath(QStringLiteral("plugins/stays-inside/plugin.json")), manifest("stays-inside"));
        write(dir.filePath(QStringLiteral("plugins/stays-inside/Tile.qml")),
              "import QtQuick\nItem { property var wall; Component.onCompleted: console.log(\"loaded from inside\") }\n");

        WallProcess wall(QStringLiteral(GRIDWALL_BINARY));
        QVERIFY2(wall.start({"--plugins-dir", dir.filePath(QStringLiteral("plugins"))}), qPrintable(wall.output()));
        const QHash<QString, double> m = wall.metrics();
        QCOMPARE(m.value("gridwall_plugins_loaded"), 1.0);
        QCOMPARE(errors(m, "escaping-link"), 1.0);
        QVERIFY2(waitForOutput(wall, QStringLiteral("loaded from inside"), 5000), qPrintable(wall.output()));
        const QString out = wall.output();
        QVERIFY2(out.contains(QStringLiteral("refused: widgets[main].qml: Tile.qml is a link to %1, outside the plugin folder")
                                  .arg(QFileInfo(outside).canonicalFilePath())),
                 qPrintable(out));
        QVERIFY2(!out.contains("loaded from outside"), qPrintable(out));
        QCOMPARE(wall.healthStatus(), 200);
    }

    // SIGTERM ends the wall within seconds while a plugin's script holds the GUI thread: once the
    // wall runs (the watchdog frees the thread, the event loop takes the quit: a clean exit, which a
    // plugin looping in its onDestruction does not hold), and while plugins loop as they load, before
    // the event loop runs (ended at the deadline, saying so).
    void sigtermEndsTheWallWhileAPluginLoops()
    {
        {
            WallProcess wall(QStringLiteral(GRIDWALL_BINARY));
            QVERIFY2(wall.start({"--plugins-dir", QStringLiteral(GRIDWALL_TEST_DATA "/plugins/hostile/stop")}), qPrintable(wall.output()));
            QVERIFY2(waitForOutput(wall, QStringLiteral("loop-on-timer: looping now"), 10000), qPrintable(wall.output()));
            QElapsedTimer stopping;
            stopping.start();
            wall.terminate();
            QVERIFY2(wall.waitForExit(5000), "still running 5 s after SIGTERM");
            qInfo("SIGTERM to exit while a plugin's timer loops: %lld ms", qint64(stopping.elapsed()));
            QCOMPARE(wall.exitCode(), 0);
            QVERIFY(stopping.elapsed() < 4000);
            QVERIFY2(wall.output().contains("SIGTERM: stopping"), qPrintable(wall.output()));
        }
        {
            WallProcess wall(QStringLiteral(GRIDWALL_BINARY));
            QVERIFY(wall.launch({"--plugins-dir", QStringLiteral(GRIDWALL_TEST_DATA "/plugins/hostile/loading")}));
            QVERIFY2(waitForOutput(wall, QStringLiteral("plugin loop-section 1.0.0"), 10000), qPrintable(wall.output()));
            QElapsedTimer stopping;
            stopping.start();
            wall.terminate();
            QVERIFY2(wall.waitForExit(8000), "still running 8 s after SIGTERM");
            qInfo("SIGTERM to exit while plugins loop as they load: %lld ms (exit %d)", qint64(stopping.elapsed()), wall.exitCode());
            QVERIFY(stopping.elapsed() < 5000);
            // Its own exit: quit, or the deadline's hard exit (128 + SIGTERM), each said in the log.
            QVERIFY2(wall.exitCode() == 0 || wall.exitCode() == 143, qPrintable(wall.output()));
            QVERIFY2(wall.output().contains("SIGTERM: "), qPrintable(wall.output()));
        }
    }
};

QTEST_GUILESS_MAIN(TestPlugins)
#include "tst_plugins.moc"
