// The wall as a process: bad options and bad files end with exit code 2 and
// one clear line, never a crash.

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

class TestCli : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode;
        QString stdErr;
        QString stdOut;
    };

    static Run run(const QStringList &args)
    {
        QProcess p;
        // Every case here ends before the first frame: no display needed.
        p.start(QStringLiteral(GRIDWALL_BINARY), QStringList{"-platform", "offscreen"} + args);
        if (!p.waitForFinished(60000)) {
            p.kill();
            return {-1, "timeout", {}};
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, QString::fromUtf8(p.readAllStandardError()),
                QString::fromUtf8(p.readAllStandardOutput())};
    }

    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(content);
        return path;
    }

    static QStringList errorLines(const QString &stdErr)
    {
        // Qt may add its own warnings (e.g. about the platform); ours start with "gridwall:".
        QStringList lines;
        for (const QString &line : stdErr.split('\n', Qt::SkipEmptyParts)) {
            if (line.startsWith("gridwall:"))
                lines << line;
        }
        return lines;
    }

private slots:
    void unknownOptionShowsUsage()
    {
        const Run r = run({"--no-such-option"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.stdErr.contains("Unknown option 'no-such-option'"), qPrintable(r.stdErr));
        QVERIFY2(r.stdErr.contains("--screenshot <FILE>"), "usage follows the reason");
    }

    void badOptionValues_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("size") << QStringList{"--size", "huge"} << "--size wants WIDTHxHEIGHT";
        QTest::newRow("quit-after") << QStringList{"--quit-after", "-5"} << "--quit-after wants milliseconds";
        QTest::newRow("lang") << QStringList{"--lang", "fr"} << "--lang wants zh_CN or en";
        QTest::newRow("positional") << QStringList{"extra"} << "unexpected argument 'extra'";
        QTest::newRow("plugin-memory-mb") << QStringList{"--plugin-memory-mb", "0"} << "--plugin-memory-mb wants MB from 1 to 4096";
    }

    void badOptionValues()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.stdErr.contains(expected), qPrintable(r.stdErr));
        // A wrong value is one line; the usage follows only what the parser cannot read.
        if (!args.contains(QStringLiteral("extra"))) {
            QCOMPARE(errorLines(r.stdErr).size(), 1);
            QVERIFY2(!r.stdErr.contains("--screenshot <FILE>"), qPrintable(r.stdErr));
        }
    }

    void helpAndVersion()
    {
        const Run help = run({"--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.stdOut.contains("--view <CODE>"));
        const Run version = run({"--version"});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.stdOut.startsWith("gridwall "));
    }

    void badGeoFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not geojson") << QByteArray("<html></html>") << "not GeoJSON";
        QTest::newRow("missing properties")
            << QByteArray(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"1"},"geometry":null}]})")
            << "feature #1: missing property \"name\"";
        QTest::newRow("dangling parent")
            << QByteArray(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"1","name":"a","level":"street","parent":"9"},"geometry":{"type":"Polygon","coordinates":[[[1,1],[2,1],[2,2],[1,1]]]}}]})")
            << "dangling parent \"9\"";
        QTest::newRow("invalid polygon")
            << QByteArray(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"1","name":"a","level":"district"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}}]})")
            << "invalid polygon: Self-intersection";
    }

    void badGeoFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const QString path = writeFile(QString(QTest::currentDataTag()).replace(' ', '-') + ".geojson", content);
        const Run r = run({"--geo", path});
        QCOMPARE(r.exitCode, 2);
        const QStringList lines = errorLines(r.stdErr);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().contains(path + ": "), qPrintable(lines.first()));
        QVERIFY2(lines.first().contains(expected), qPrintable(lines.first()));
    }

    void anotherCityRuns()
    {
        // Two districts of another city in the same form, with one street, community and grid each.
        const auto square = [](double x, double y, double size) {
            return QStringLiteral("{\"type\":\"Polygon\",\"coordinates\":[[[%1,%2],[%3,%2],[%3,%4],[%1,%4],[%1,%2]]]}")
                .arg(x).arg(y).arg(x + size).arg(y + size);
        };
        QStringList features;
        const auto feature = [](const QString &code, const QString &name, const char *level, const QString &parent,
                                const QString &geometry) {
            const QString parentProperty = parent.isEmpty() ? QString() : QStringLiteral(",\"parent\":\"") + parent + '"';
            return QStringLiteral("{\"type\":\"Feature\",\"properties\":{\"code\":\"") + code + QStringLiteral("\",\"name\":\"") + name
                   + QStringLiteral("\",\"level\":\"") + QLatin1String(level) + '"' + parentProperty + QStringLiteral("},\"geometry\":")
                   + geometry + '}';
        };
        for (int d = 0; d < 2; ++d) {
            const QString district = QStringLiteral("11010") + QString::number(d + 1);
            const QString street = district + "001", community = street + "001", grid = community + "001";
            const QString geometry = square(116.40 + d * 0.02, 39.90, 0.02);
            features << feature(district, "区", "district", {}, geometry) << feature(street, "街", "street", district, geometry)
                     << feature(community, "社区", "community", street, geometry) << feature(grid, "网格", "grid", community, geometry);
        }
        const QString path = writeFile("another-city.geojson",
                                       QStringLiteral("{\"type\":\"FeatureCollection\",\"features\":[%1]}").arg(features.join(',')).toUtf8());
        const Run r = run({"--geo", path, "--view", "110102001", "--size", "640x360", "--quit-after", "300"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.stdErr));
        QVERIFY2(r.stdErr.contains("geography loaded") && r.stdErr.contains("8 regions"), qPrintable(r.stdErr));
    }

    void missingGeoFile()
    {
        const Run r = run({"--geo", "/nonexistent/city.geojson"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.stdErr.contains("gridwall: /nonexistent/city.geojson: cannot read"), qPrintable(r.stdErr));
    }

    void unknownViewCode()
    {
        const Run r = run({"--view", "999999"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.stdErr.contains("--view 999999: no region with that code"), qPrintable(r.stdErr));
    }

    // docs/usage.md (exit codes): exit 3 when the data dir cannot be used, with one line saying why.
    void unusableDataDirExits3()
    {
        const QString file = writeFile("not-a-dir", "x");
        const Run r = run({"--data-dir", file + "/history"});
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(errorLines(r.stdErr).size(), 1);
        QVERIFY2(r.stdErr.contains("gridwall: --data-dir " + file + "/history: cannot create the directory"), qPrintable(r.stdErr));
    }

    void newerSchemaExits3()
    {
        QTemporaryDir dir;
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(qPrintable(dir.filePath("gridwall.sqlite")), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
        const Run r = run({"--data-dir", dir.path()});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.stdErr.contains("has schema 99, newer than this build's"), qPrintable(r.stdErr));
    }

    // A corrupt database is moved aside (kept), a fresh one started, and the log says so.
    void corruptDatabaseIsMovedAside()
    {
        QTemporaryDir dir;
        const QByteArray garbage(8192, '\x5a');
        {
            QFile f(dir.filePath("gridwall.sqlite"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(garbage);
        }
        const Run r = run({"--data-dir", dir.path(), "--quit-after", "1500"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.stdErr.contains("the history database was corrupt: moved it to"), qPrintable(r.stdErr));
        const QStringList aside = QDir(dir.path()).entryList({"gridwall.sqlite.corrupt-*"});
        QCOMPARE(aside.size(), 1);
        QFile kept(dir.filePath(aside.first()));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), garbage);
        // The fresh one is a database at the current schema.
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(qPrintable(dir.filePath("gridwall.sqlite")), &db), SQLITE_OK);
        sqlite3_stmt *s = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, "SELECT count(*) FROM case_events", -1, &s, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_step(s), SQLITE_ROW);
        sqlite3_finalize(s);
        sqlite3_close(db);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
