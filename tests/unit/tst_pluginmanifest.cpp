// A plugin's manifest is read and checked before anything of it is loaded:
// every field, the files it names, and the version gate (the host's major
// version up to its minor, and one major version behind).

#include "plugins/manifest.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace gridwall::plugins;

class TestPluginManifest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // A plugin folder with this manifest and the files it names.
    QString plugin(const QString &name, const QByteArray &json, const QStringList &files = {QStringLiteral("Tile.qml"), QStringLiteral("Rings.qml")})
    {
        const QString folder = m_dir.filePath(name);
        QDir().mkpath(folder);
        QFile manifest(folder + QStringLiteral("/plugin.json"));
        manifest.open(QIODevice::WriteOnly);
        manifest.write(json);
        for (const QString &f : files) {
            QDir().mkpath(QFileInfo(folder + QLatin1Char('/') + f).absolutePath());
            QFile file(folder + QLatin1Char('/') + f);
            file.open(QIODevice::WriteOnly);
            file.write("import QtQuick\nItem {}\n");
        }
        return folder;
    }

    // A manifest a department would write (compact JSON), for the bad ones to break one field of.
    static QByteArray good(const QString &api = QStringLiteral("1.0"))
    {
        const QJsonObject manifest{
            {"id", "public-security"},
            {"name", QJsonObject{{"zh_CN", "公安"}, {"en", "Public security"}}},
            {"version", "1.2.0"},
            {"apiVersion", api},
            {"department", "public_security"},
            {"feeds", QJsonArray{"unit", "camera", "poi"}},
            {"data", QJsonArray{"selection"}},
            {"widgets", QJsonArray{QJsonObject{{"id", "rings"},
                                               {"name", QJsonObject{{"zh_CN", "处置圈覆盖"}, {"en", "Ring coverage"}}},
                                               {"qml", "Tile.qml"},
                                               {"size", QJsonArray{2, 1}}}}},
            {"layers", QJsonArray{QJsonObject{{"id", "units"}, {"name", "Units"}, {"qml", "Tile.qml"}}}},
            {"sections", QJsonArray{QJsonObject{{"id", "coverage"}, {"name", QJsonObject{{"zh_CN", "覆盖"}, {"en", "Coverage"}}}, {"qml", "Tile.qml"}},
                                    QJsonObject{{"id", "rings-here"}, {"name", "Rings"}, {"qml", "Rings.qml"}, {"place", "underFigures"},
                                                {"collapsed", true}}}},
            {"futureField", true}, // unknown fields are ignored: a newer SDK may add some
        };
        return QJsonDocument(manifest).toJson(QJsonDocument::Compact);
    }

private slots:
    void aGoodManifestReads()
    {
        const ManifestRead read = readManifest(plugin("good", good()));
        QVERIFY2(read.manifest, qPrintable(read.problems.join('\n')));
        const Manifest &m = *read.manifest;
        QCOMPARE(m.id, QStringLiteral("public-security"));
        QCOMPARE(m.name, QStringLiteral("公安"));
        QCOMPARE(m.nameEn, QStringLiteral("Public security"));
        QCOMPARE(m.department, QStringLiteral("public_security"));
        QCOMPARE(m.widgets.size(), size_t(1));
        QCOMPARE(m.widgets[0].size, QSize(2, 1));
        QCOMPARE(m.widgets[0].nameEn, QStringLiteral("Ring coverage"));
        QCOMPARE(m.layers.size(), size_t(1));
        QCOMPARE(m.sections.size(), size_t(2));
        QCOMPARE(m.sections[0].nameEn, QStringLiteral("Coverage"));
        // Where a section sits and whether it starts folded: after the wall's own content and open unless asked.
        QCOMPARE(m.sections[0].place, Section::Place::End);
        QVERIFY(!m.sections[0].collapsed);
        QCOMPARE(m.sections[1].place, Section::Place::UnderFigures);
        QVERIFY(m.sections[1].collapsed);
        QVERIFY(m.reads("camera"));
        QVERIFY(!m.reads("case")); // not declared: not readable
    }

    void badManifestsSayWhy_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("problem");
        QTest::newRow("not json") << QByteArray("{\"id\": ") << "plugin.json: not JSON";
        QTest::newRow("array") << QByteArray("[]") << "plugin.json: must be a JSON object";
        QTest::newRow("id") << good().replace("\"public-security\"", "\"Public Security!\"") << "id: \"Public Security!\"";
        QTest::newRow("version") << good().replace("\"1.2.0\"", "\"1.2\"") << "version: \"1.2\" must be MAJOR.MINOR.PATCH";
        // The forms match the whole value: a final newline is not let through (and is shown escaped).
        QTest::newRow("id newline") << good().replace("\"public-security\"", "\"public-security\\n\"")
                                    << "id: \"public-security\\u000a\" must be 2 to 63";
        QTest::newRow("version newline") << good().replace("\"1.2.0\"", "\"1.2.0\\n\"")
                                         << "version: \"1.2.0\\u000a\" must be MAJOR.MINOR.PATCH";
        QTest::newRow("api newline") << good(QStringLiteral("1.0\n")) << "apiVersion: \"1.0\\u000a\" must be MAJOR.MINOR";
        QTest::newRow("api form") << good(QStringLiteral("one")) << "apiVersion: \"one\" must be MAJOR.MINOR";
        QTest::newRow("department") << good().replace("\"public_security\"", "\"police\"") << "department: \"police\" is not one of";
        QTest::newRow("feed") << good().replace("\"poi\"", "\"weather\"") << "feeds: \"weather\" is not one of";
        QTest::newRow("missing file") << good().replace("\"qml\":\"Tile.qml\",\"size\"", "\"qml\":\"Missing.qml\",\"size\"")
                                      << "widgets[rings].qml: Missing.qml does not exist";
        QTest::newRow("outside") << good().replace("\"qml\":\"Tile.qml\",\"size\"", "\"qml\":\"../Tile.qml\",\"size\"")
                                 << "must be a path inside the plugin folder";
        QTest::newRow("section file") << good().replace("\"id\":\"coverage\",\"name\":{\"en\":\"Coverage\",\"zh_CN\":\"覆盖\"},\"qml\":\"Tile.qml\"",
                                                        "\"id\":\"coverage\",\"name\":\"Coverage\",\"qml\":\"Gone.qml\"")
                                      << "sections[coverage].qml: Gone.qml does not exist";
        QTest::newRow("section place") << good().replace("\"underFigures\"", "\"top\"")
                                       << "sections[rings-here].place: \"underFigures\" or \"end\"";
        QTest::newRow("section collapsed") << good().replace("\"collapsed\":true", "\"collapsed\":\"yes\"")
                                           << "sections[rings-here].collapsed: true or false";
        QTest::newRow("size") << good().replace("[2,1]", "[5,1]") << "widgets[rings].size: [columns, rows], 1 to 4 each";
        QTest::newRow("no widgets") << good().replace("\"widgets\":[", "\"widgets\":[],\"unused\":[")
                                    << "widgets: at least one widget is required";
        QTest::newRow("memory budget") << good().replace("\"futureField\":true", "\"memoryBudgetMb\":0.5")
                                       << "memoryBudgetMb: a whole number of MB from 1 to 4096";
        QTest::newRow("memory budget text") << good().replace("\"futureField\":true", "\"memoryBudgetMb\":\"lots\"")
                                            << "memoryBudgetMb: a whole number of MB from 1 to 4096";
    }
    void badManifestsSayWhy()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, problem);
        const ManifestRead read = readManifest(plugin(QString::fromLatin1(QTest::currentDataTag()).replace(' ', '-'), json));
        QVERIFY(!read.manifest);
        QVERIFY2(read.problems.join('\n').contains(problem), qPrintable(read.problems.join('\n')));
        for (const QString &line : read.problems)
            QVERIFY2(!line.contains('\n'), "each problem must be one line");
    }

    // A plugin may ask for its own memory budget (the wall caps it at the operator's limit).
    void memoryBudget()
    {
        const ManifestRead asks = readManifest(plugin("asks-memory", good().replace("\"futureField\":true", "\"memoryBudgetMb\":128")));
        QVERIFY2(asks.manifest, qPrintable(asks.problems.join('\n')));
        QCOMPARE(asks.manifest->memoryBudgetMb, 128);
        const ManifestRead plain = readManifest(plugin("plain-memory", good()));
        QVERIFY(plain.manifest);
        QCOMPARE(plain.manifest->memoryBudgetMb, 0); // the wall's default
    }

    // Every file the manifest names stays inside the folder once links are followed: a widget, a
    // layer, a section, the module's qmldir, plugin.json itself. A link inside the folder is fine.
    void linksOutOfTheFolderAreRefused_data()
    {
        QTest::addColumn<QString>("linked"); // the file made a link to a file outside the folder
        QTest::addColumn<QString>("problem");
        QTest::newRow("widget") << "Tile.qml" << "widgets[rings].qml: Tile.qml is a link to %1, outside the plugin folder";
        QTest::newRow("layer") << "Layer.qml" << "layers[units].qml: Layer.qml is a link to %1, outside the plugin folder";
        QTest::newRow("section") << "Section.qml" << "sections[coverage].qml: Section.qml is a link to %1, outside the plugin folder";
        QTest::newRow("module") << "Native/qmldir" << "module: Native/qmldir is a link to %1, outside the plugin folder";
        QTest::newRow("plugin.json") << "plugin.json" << "plugin.json: is a link to %1, outside the plugin folder";
    }
    void linksOutOfTheFolderAreRefused()
    {
        QFETCH(QString, linked);
        QFETCH(QString, problem);
        const QByteArray json = good()
                                    .replace("\"id\":\"coverage\",\"name\":{\"en\":\"Coverage\",\"zh_CN\":\"覆盖\"},\"qml\":\"Tile.qml\"",
                                             "\"id\":\"coverage\",\"name\":\"Coverage\",\"qml\":\"Section.qml\"")
                                    .replace("\"id\":\"units\",\"name\":\"Units\",\"qml\":\"Tile.qml\"",
                                             "\"id\":\"units\",\"name\":\"Units\",\"qml\":\"Layer.qml\"")
                                    .replace("\"futureField\":true", "\"module\":\"Native\"");
        const QStringList files{"Tile.qml", "Rings.qml", "Layer.qml", "Section.qml", "Native/qmldir"};
        const QString name = QStringLiteral("link-") + QString::fromLatin1(QTest::currentDataTag()).replace('.', '-');
        const QString folder = plugin(name, json, files);
        QVERIFY2(readManifest(folder).manifest, "the manifest reads before the link is made");

        // The file is replaced by a link to a copy beside the folder; a link within the folder is allowed.
        const QString outside = m_dir.filePath(name + QStringLiteral("-elsewhere/") + QFileInfo(linked).fileName());
        QDir().mkpath(QFileInfo(outside).path());
        QVERIFY(QFile::copy(folder + QLatin1Char('/') + linked, outside));
        QVERIFY(QFile::remove(folder + QLatin1Char('/') + linked));
        QVERIFY(QFile::link(outside, folder + QLatin1Char('/') + linked));
        QVERIFY(QFile::link(folder + QStringLiteral("/Tile.qml"), folder + QStringLiteral("/Alias.qml")));

        const ManifestRead read = readManifest(folder);
        QVERIFY(!read.manifest);
        QVERIFY2(read.problems.join('\n').contains(problem.arg(QFileInfo(outside).canonicalFilePath())), qPrintable(read.problems.join('\n')));
        QCOMPARE(read.problems.size(), 1);
        QVERIFY(!leadsInside(folder, linked));
    }
    void linksWithinTheFolderRead()
    {
        const QString folder = plugin("inner-link", good().replace("\"qml\":\"Tile.qml\",\"size\"", "\"qml\":\"Alias.qml\",\"size\""),
                                      {"Tile.qml", "Rings.qml", "panels/Real.qml"});
        QVERIFY(QFile::link(folder + QStringLiteral("/panels/Real.qml"), folder + QStringLiteral("/Alias.qml")));
        const ManifestRead read = readManifest(folder);
        QVERIFY2(read.manifest, qPrintable(read.problems.join('\n')));
        QVERIFY(leadsInside(folder, QStringLiteral("Alias.qml")));
        QVERIFY(leadsInside(folder, folder + QStringLiteral("/panels/Real.qml")));
        QVERIFY(!leadsInside(folder, QStringLiteral("../inner-link/Missing.qml")));
    }

    void noManifestAtAll()
    {
        const ManifestRead read = readManifest(m_dir.filePath("nothing-here"));
        QVERIFY(!read.manifest);
        QVERIFY(read.problems.first().startsWith("plugin.json: cannot read it"));
    }

    // The gate: this major up to this minor, and one major behind; newer or older refused in words.
    void versionGate()
    {
        QString why;
        QVERIFY(compatible({1, 0}, {1, 0}, &why));
        QVERIFY(compatible({1, 0}, {1, 3}, &why));  // an older minor: a minor only adds
        QVERIFY(compatible({1, 4}, {2, 1}, &why));  // one major behind still runs
        QVERIFY(!compatible({1, 4}, {1, 3}, &why)); // newer minor
        QCOMPARE(why, QStringLiteral("needs plugin API 1.4, this wall offers 1.3: update the wall"));
        QVERIFY(!compatible({2, 0}, {1, 0}, &why)); // newer major
        QVERIFY(!compatible({1, 0}, {3, 0}, &why)); // two majors behind
        QCOMPARE(why, QStringLiteral("was built for plugin API 1.0, this wall runs 3.0 and 2.x only: rebuild the plugin"));
        // Through a manifest: a plugin for the next API is refused before anything is loaded.
        const ManifestRead newer = readManifest(plugin("newer", good(QStringLiteral("2.0"))));
        QVERIFY(!newer.manifest);
        QVERIFY2(newer.problems.join('\n').contains("apiVersion: needs plugin API 2.0"), qPrintable(newer.problems.join('\n')));
    }
};

QTEST_GUILESS_MAIN(TestPluginManifest)
#include "tst_pluginmanifest.moc"
