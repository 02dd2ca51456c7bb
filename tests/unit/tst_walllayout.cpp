// The wall's layout: a configuration's "wall" object and --wall/--node read
// field by field with one-line reasons, and where each screen's part lies
// in the whole picture, bezels included.

#include "wall/walllayout.h"

#include <QJsonDocument>
#include <QTest>

using gridwall::wall::WallLayout;

class TestWallLayout : public QObject
{
    Q_OBJECT

    static QJsonObject json(const char *text) { return QJsonDocument::fromJson(text).object(); }

private slots:
    void configurationAndOptions()
    {
        WallLayout w;
        QCOMPARE(gridwall::wall::readWallLayout(json("{\"id\": \"hall-a\", \"columns\": 4, \"rows\": 2, \"bezel\": [24, 18]}"), &w), QString());
        QCOMPARE(w.id, QStringLiteral("hall-a"));
        QCOMPARE(w.columns, 4);
        QCOMPARE(w.rows, 2);
        QCOMPARE(w.bezel, QSize(24, 18));
        QVERIFY(w.conducts());
        // --wall overrides the configuration's screens; --node picks one.
        QCOMPARE(gridwall::wall::applyWallOptions(QStringLiteral("3x3"), QStringLiteral("2,1"), &w), QString());
        QCOMPARE(w.columns, 3);
        QCOMPARE(*w.node, QPoint(2, 1));
        QVERIFY(!w.conducts());
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("wall");
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("problem");
        QTest::newRow("columns 0") << QByteArray("{\"columns\": 0}") << "" << "" << "wall.columns wants a whole number from 1 to 16";
        QTest::newRow("rows text") << QByteArray("{\"rows\": \"2\"}") << "" << "" << "wall.rows wants a whole number from 1 to 16";
        QTest::newRow("bezel one") << QByteArray("{\"bezel\": [3]}") << "" << "" << "wall.bezel wants [across, down] in whole pixels from 0 to 1000";
        QTest::newRow("bezel negative") << QByteArray("{\"bezel\": [3, -1]}") << "" << "" << "wall.bezel wants [across, down] in whole pixels from 0 to 1000";
        QTest::newRow("id topic") << QByteArray("{\"id\": \"a/b\"}") << "" << "" << "wall.id wants 1 to 64 of A-Z, a-z, 0-9, _ and - (it names MQTT topics)";
        QTest::newRow("--wall form") << QByteArray("{}") << "2*2" << "" << "--wall wants COLUMNSxROWS from 1x1 to 16x16, e.g. 2x2, not '2*2'";
        QTest::newRow("--node alone") << QByteArray("{}") << "" << "0,0" << "--node wants a wall of more than one screen (--wall COLUMNSxROWS or the configuration's wall)";
        QTest::newRow("--node outside") << QByteArray("{}") << "2x2" << "2,0" << "--node 2,0 is outside a 2x2 wall (columns and rows count from 0)";
        QTest::newRow("--node form") << QByteArray("{}") << "2x2" << "1;0" << "--node wants COLUMN,ROW counted from 0, e.g. 1,0, not '1;0'";
    }
    void refusals()
    {
        QFETCH(QByteArray, config);
        QFETCH(QString, wall);
        QFETCH(QString, node);
        QFETCH(QString, problem);
        WallLayout w;
        QString why = gridwall::wall::readWallLayout(QJsonDocument::fromJson(config).object(), &w);
        if (why.isEmpty())
            why = gridwall::wall::applyWallOptions(wall, node, &w);
        QCOMPARE(why, problem);
    }

    void partsOfThePicture()
    {
        WallLayout w;
        w.columns = 3;
        w.rows = 2;
        w.bezel = QSize(20, 10);
        const QSize cell(1920, 1080);
        QCOMPARE(w.picture(cell), QSize(3 * 1920 + 2 * 20, 2 * 1080 + 10));
        QCOMPARE(w.origin({0, 0}, cell), QPoint(0, 0));
        QCOMPARE(w.origin({2, 1}, cell), QPoint(2 * 1940, 1090));
    }
};

QTEST_GUILESS_MAIN(TestWallLayout)

#include "tst_walllayout.moc"
