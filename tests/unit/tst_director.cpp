// Scenes, the briefing tour and the director's commands: the configuration
// is read field by field; the tour shows each scene for its time, a touch
// pauses it and it goes on with the next scene after the idle time; every
// command is validated, a bad one counted by reason and without effect. A
// click or a key on the wall's window is the touch that pauses the tour.
// Names with a quote, a backslash or a line break leave a scrape that parses.

#include "../support/promtext.h"
#include "wall/activityfilter.h"
#include "wall/director.h"

#include <QJsonDocument>
#include <QTest>
#include <QWindow>

using gridwall::wall::Director;
using gridwall::wall::Playlist;
using gridwall::wall::Scene;

class TestDirector : public QObject
{
    Q_OBJECT

    static QJsonObject json(const char *text) { return QJsonDocument::fromJson(text).object(); }

    // Three scenes; the tour shows each for 150 ms and waits 500 ms after a touch.
    struct Rig
    {
        QStringList shown;
        QStringList drilled;
        QStringList opened;
        std::unique_ptr<Director> director;

        Rig()
        {
            std::vector<Scene> scenes;
            Playlist playlist;
            require(gridwall::wall::readScenes(
                json("{\"scenes\": [{\"id\": \"city\"}, {\"id\": \"xlt\", \"region\": \"211103\", \"layers\": {\"heatmap\": false}},"
                     " {\"id\": \"case\", \"entity\": \"PJ-1\"}],"
                     " \"playlist\": {\"scenes\": [\"city\", \"xlt\", \"case\"], \"seconds\": 0.15, \"idleResumeSeconds\": 0.5}}"),
                &scenes, &playlist));
            Director::Actions actions;
            actions.showScene = [this](const Scene &s) { shown << s.id; };
            actions.drill = [this](const QString &code) { drilled << code; };
            actions.open = [this](const QString &id) { opened << id; };
            actions.regionExists = [](const QString &code) { return code == QLatin1String("211103"); };
            director = std::make_unique<Director>(std::move(scenes), std::move(playlist), std::move(actions));
        }
        // QVERIFY returns from the function it is in: a void helper for the constructor.
        static void require(const QString &problem) { QVERIFY2(problem.isEmpty(), qPrintable(problem)); }
    };

private slots:
    void configuration()
    {
        std::vector<Scene> scenes;
        Playlist playlist;
        QCOMPARE(gridwall::wall::readScenes(json("{\"scenes\": [{\"id\": \"a\", \"name\": {\"zh_CN\": \"全市\", \"en\": \"City\"},"
                                                 " \"layers\": {\"workers\": true}}], \"playlist\": {\"scenes\": [\"a\"], \"autostart\": true}}"),
                                            &scenes, &playlist),
                 QString());
        QCOMPARE(scenes.size(), size_t(1));
        QCOMPARE(scenes[0].nameEn, QStringLiteral("City"));
        QCOMPARE(scenes[0].layers.front(), std::make_pair(QStringLiteral("workers"), true));
        QVERIFY(!scenes[0].plugins); // every plugin's tiles
        QCOMPARE(playlist.sceneMs, 30000);
        QVERIFY(playlist.autostart);

        const auto problem = [](const char *text) {
            std::vector<Scene> s;
            Playlist p;
            return gridwall::wall::readScenes(json(text), &s, &p);
        };
        QCOMPARE(problem("{\"scenes\": [{\"id\": \"a\"}, {\"id\": \"a\"}]}"), QStringLiteral("scenes[1].id: \"a\" is taken by another scene"));
        QCOMPARE(problem("{\"scenes\": [{\"id\": \"a\", \"layers\": {\"weather\": true}}]}").left(44),
                 QStringLiteral("scenes[0].layers: \"weather\" is not one of wo"));
        QCOMPARE(problem("{\"scenes\": [{\"id\": \"a\", \"layers\": {\"cases\": 1}}]}"), QStringLiteral("scenes[0].layers.cases wants true or false"));
        QCOMPARE(problem("{\"scenes\": [{\"id\": \"a\"}], \"playlist\": {\"scenes\": [\"b\"]}}"), QStringLiteral("playlist.scenes: \"b\" is not a scene"));
        QCOMPARE(problem("{\"scenes\": [{\"id\": \"a\"}], \"playlist\": {\"scenes\": [\"a\"], \"seconds\": 0}}"),
                 QStringLiteral("playlist.seconds wants seconds from 0.1 to 86400"));
        QCOMPARE(problem("{\"scenes\": [{}]}"), QStringLiteral("scenes[0].id wants 1 to 128 of A-Z, a-z, 0-9, _ . : -"));
        QCOMPARE(problem("{\"scenes\": [{\"id\": \"a\", \"plugins\": \"grid-management\"}]}"), QStringLiteral("scenes[0].plugins wants a list of plugin ids"));
        std::vector<Scene> withPlugins;
        QCOMPARE(gridwall::wall::readScenes(json("{\"scenes\": [{\"id\": \"a\", \"plugins\": [\"public-security\"]}]}"), &withPlugins, &playlist),
                 QString());
        QCOMPARE(*withPlugins[0].plugins, QStringList{"public-security"});
    }

    void tourAdvancesPausesOnTouchAndResumes()
    {
        Rig rig;
        Director &d = *rig.director;
        d.startTour();
        QCOMPARE(d.scene(), QStringLiteral("city"));
        QTRY_COMPARE_WITH_TIMEOUT(d.scene(), QStringLiteral("xlt"), 1000);
        QTRY_COMPARE_WITH_TIMEOUT(d.scene(), QStringLiteral("case"), 1000);
        // An operator touches the wall: the tour holds the scene shown.
        d.touched();
        QVERIFY(d.paused());
        QTest::qWait(300); // two scenes' time
        QCOMPARE(d.scene(), QStringLiteral("case"));
        d.touched(); // still busy: the idle time starts again
        QTest::qWait(300);
        QCOMPARE(d.scene(), QStringLiteral("case"));
        // Left alone for the idle time, the tour goes on with the next scene.
        QTRY_COMPARE_WITH_TIMEOUT(d.scene(), QStringLiteral("city"), 1000);
        QVERIFY(!d.paused());
        QVERIFY(d.touring());
        QCOMPARE(rig.shown.mid(0, 4), (QStringList{"city", "xlt", "case", "city"}));
    }

    void aClickOrKeyOnTheWallPausesTheTour()
    {
        Rig rig;
        Director &d = *rig.director;
        QWindow window;
        window.resize(320, 180);
        window.installEventFilter(new gridwall::wall::ActivityFilter([&d] { d.touched(); }, &window));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        d.startTour();
        QTest::mouseMove(&window, QPoint(10, 10)); // moving is not using
        QTest::qWait(50);
        QVERIFY(!d.paused());
        QTest::mouseClick(&window, Qt::LeftButton, {}, QPoint(100, 80));
        QVERIFY(d.paused());
        QTRY_VERIFY_WITH_TIMEOUT(!d.paused(), 2000); // idle: on again
        QTest::keyClick(&window, Qt::Key_Space);
        QVERIFY(d.paused());
    }

    void commands()
    {
        Rig rig;
        Director &d = *rig.director;
        d.command("{\"command\": \"playlist\", \"action\": \"start\"}");
        QVERIFY(d.touring());
        // The director picks a scene: the tour stops there.
        d.command("{\"command\": \"scene\", \"scene\": \"xlt\"}");
        QCOMPARE(d.scene(), QStringLiteral("xlt"));
        QVERIFY(!d.touring());
        QTest::qWait(300);
        QCOMPARE(d.scene(), QStringLiteral("xlt"));
        d.command("{\"command\": \"drill\", \"region\": \"211103\"}");
        d.command("{\"command\": \"show\", \"entity\": \"PJ-7\"}");
        QCOMPARE(rig.drilled, QStringList{"211103"});
        QCOMPARE(rig.opened, QStringList{"PJ-7"});

        // Bad commands: counted by reason, nothing done.
        const QStringList before = rig.shown;
        d.command("{\"command\": \"scene\"");
        d.command("[1, 2]");
        d.command("{\"command\": \"reboot\"}");
        d.command("{\"command\": \"scene\", \"scene\": \"nowhere\"}");
        d.command("{\"command\": \"drill\", \"region\": \"999999\"}");
        d.command("{\"command\": \"drill\"}");
        d.command("{\"command\": \"show\", \"entity\": \"a b\"}");
        d.command("{\"command\": \"playlist\", \"action\": \"rewind\"}");
        QCOMPARE(rig.shown, before);
        QCOMPARE(rig.drilled.size(), 1);
        QCOMPARE(rig.opened.size(), 1);
        const QString m = d.metricsText();
        for (const char *line : {"gridwall_wall_commands_rejected_total{reason=\"malformed\"} 2",
                                 "gridwall_wall_commands_rejected_total{reason=\"unknown_command\"} 1",
                                 "gridwall_wall_commands_rejected_total{reason=\"unknown_scene\"} 1",
                                 "gridwall_wall_commands_rejected_total{reason=\"unknown_region\"} 1",
                                 "gridwall_wall_commands_rejected_total{reason=\"invalid\"} 3",
                                 "gridwall_wall_commands_total{command=\"scene\"} 1", "gridwall_wall_commands_total{command=\"playlist\"} 1",
                                 "gridwall_wall_commands_total{command=\"drill\"} 1", "gridwall_wall_commands_total{command=\"show\"} 1"})
            QVERIFY2(m.contains(QLatin1String(line)), line);
        QVERIFY2(promtext::parse(m).ok(), qPrintable(promtext::parse(m).error));
    }

    // Scenes named, and commands sent, with a quote, a backslash, a line break and Chinese: the
    // commands are counted and the scrape still parses, one HELP and TYPE per family.
    void namesWithAQuoteLeaveAScrapeThatParses()
    {
        std::vector<Scene> scenes;
        Playlist playlist;
        QCOMPARE(gridwall::wall::readScenes(json("{\"scenes\": [{\"id\": \"night\", \"name\": {\"zh_CN\": \"兴隆台 \\\"夜\\\"\","
                                                 " \"en\": \"Night \\\\ \\\"shift\\\"\\n\"}, \"plugins\": [\"public-security\"]}],"
                                                 " \"playlist\": {\"scenes\": [\"night\"]}}"),
                                            &scenes, &playlist),
                 QString());
        QCOMPARE(scenes[0].nameEn, QStringLiteral("Night \\ \"shift\"\n"));
        QCOMPARE(scenes[0].name, QStringLiteral("兴隆台 \"夜\""));
        QStringList shown;
        Director::Actions actions;
        actions.showScene = [&](const Scene &s) { shown << s.name; };
        actions.regionExists = [](const QString &) { return false; };
        Director d(std::move(scenes), std::move(playlist), std::move(actions));
        d.command("{\"command\": \"scene\", \"scene\": \"night\"}");
        QCOMPARE(shown, QStringList{QStringLiteral("兴隆台 \"夜\"")});
        d.command("{\"command\": \"scene\", \"scene\": \"ni\\\"ght\\\\\\n\"}");
        d.command("{\"command\": \"re\\\"boot\\n\"}");
        d.command("{\"command\": \"drill\", \"region\": \"21\\\"区\"}");
        d.command("{\"command\": \"show\", \"entity\": \"PJ\\\"1\"}");
        d.command("{\"command\": \"scene\", \"scene\": \"night\"");

        const QString text = d.metricsText();
        const promtext::Scrape s = promtext::parse(text);
        QVERIFY2(s.ok(), qPrintable(s.error + QLatin1Char('\n') + text));
        QCOMPARE(s.families.size(), size_t(2));
        for (const promtext::Family &f : s.families) {
            QCOMPARE(f.helpLines, 1);
            QCOMPARE(f.typeLines, 1);
            QCOMPARE(f.type, QStringLiteral("counter"));
        }
        QCOMPARE(*s.family(QStringLiteral("gridwall_wall_commands_total"))->help, QStringLiteral("Director commands carried out, by command."));
        QCOMPARE(s.find("gridwall_wall_commands_total", {{"command", "scene"}})->value, 1.0);
        for (const char *reason : {"malformed", "unknown_command", "unknown_scene", "unknown_region", "invalid"})
            QVERIFY2(s.find("gridwall_wall_commands_rejected_total", {{"reason", reason}})->value == 1.0, reason);
        QCOMPARE(s.samples.size(), size_t(4 + 5));

        // The counters by label write any label value escaped.
        gridwall::wall::LabelCounts counts("name", {"plain", "quo\"ted", "back\\slash", "two\nlines", "兴隆台"});
        for (size_t i = 0; i < 5; ++i)
            for (size_t n = 0; n <= i; ++n)
                counts.add(i);
        gridwall::metrics::Exposition out;
        counts.write(out, u"gridwall_test_total", u"Names \"quoted\".");
        const promtext::Scrape c = promtext::parse(out.text());
        QVERIFY2(c.ok(), qPrintable(c.error + QLatin1Char('\n') + out.text()));
        QCOMPARE(c.find("gridwall_test_total", {{"name", "quo\"ted"}})->value, 2.0);
        QCOMPARE(c.find("gridwall_test_total", {{"name", "back\\slash"}})->value, 3.0);
        QCOMPARE(c.find("gridwall_test_total", {{"name", "two\nlines"}})->value, 4.0);
        QCOMPARE(c.find("gridwall_test_total", {{"name", "兴隆台"}})->value, 5.0);
    }
};

QTEST_MAIN(TestDirector)

#include "tst_director.moc"
