// Another city's file in the same form loads; a bad one is refused with one
// line that names the problem.

#include "geo/regionloader.h"

#include <QElapsedTimer>
#include <QTest>

using namespace gridwall::geo;

namespace {

QString square(double x, double y, double size)
{
    return QStringLiteral("{\"type\":\"Polygon\",\"coordinates\":[[[%1,%2],[%3,%2],[%3,%4],[%1,%4],[%1,%2]]]}")
        .arg(x).arg(y).arg(x + size).arg(y + size);
}

QString feature(const QString &props, const QString &geometry)
{
    return QStringLiteral("{\"type\":\"Feature\",\"properties\":{%1},\"geometry\":%2}").arg(props, geometry);
}

QByteArray collection(const QStringList &features)
{
    return QStringLiteral("{\"type\":\"FeatureCollection\",\"features\":[%1]}").arg(features.join(',')).toUtf8();
}

// A tiny, valid two-level city: one district, one street, one community, two grids.
QStringList tinyCity()
{
    return {
        feature("\"code\":\"110101\",\"name\":\"东城区\",\"level\":\"district\"", square(116.40, 39.90, 0.02)),
        feature("\"code\":\"110101001\",\"name\":\"东华门街道\",\"level\":\"street\",\"parent\":\"110101\"", square(116.40, 39.90, 0.02)),
        feature("\"code\":\"110101001001\",\"name\":\"多福巷社区\",\"level\":\"community\",\"parent\":\"110101001\"", square(116.40, 39.90, 0.02)),
        feature("\"code\":\"110101001001001\",\"name\":\"网格1\",\"level\":\"grid\",\"parent\":\"110101001001\"", square(116.40, 39.90, 0.01)),
        feature("\"code\":\"110101001001002\",\"name\":\"网格2\",\"level\":\"grid\",\"parent\":\"110101001001\"", square(116.41, 39.90, 0.01)),
    };
}

} // namespace

class TestRegionLoader : public QObject
{
    Q_OBJECT

private slots:
    void anotherCityLoads()
    {
        const RegionLoadResult r = loadRegionJson(collection(tinyCity()), "city.geojson");
        QVERIFY2(r.tree, qPrintable(r.error));
        QCOMPARE(r.tree->regions().size(), size_t(5));
        QCOMPARE(r.tree->level(Level::Grid).size(), 2);
        const int grid = r.tree->hitTest(r.tree->sceneFromGeo(116.415, 39.905), Level::Grid);
        QCOMPARE(r.tree->region(grid).code, QStringLiteral("110101001001002"));
        QCOMPARE(r.tree->region(r.tree->indexOf("110101")).children.size(), 1);
        // About 1.7 km x 2.2 km at 40° N.
        QVERIFY(qAbs(r.tree->region(r.tree->indexOf("110101")).areaKm2 - 3.79) < 0.1);
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");

        const QStringList city = tinyCity();
        auto replaced = [&](int i, const QString &f) {
            QStringList c = city;
            c[i] = f;
            return collection(c);
        };
        QTest::newRow("not json") << QByteArray("{\"type\": \"FeatureCollection\", ") << "not GeoJSON";
        QTest::newRow("empty file") << QByteArray() << "not GeoJSON";
        QTest::newRow("not a collection") << QByteArray("{\"type\":\"Feature\"}") << "not a GeoJSON FeatureCollection";
        QTest::newRow("no regions") << collection({}) << "no regions";
        QTest::newRow("missing code")
            << replaced(1, feature("\"name\":\"x\",\"level\":\"street\",\"parent\":\"110101\"", square(116.4, 39.9, 0.01)))
            << "feature #2: missing property \"code\"";
        QTest::newRow("missing name")
            << replaced(1, feature("\"code\":\"110101001\",\"level\":\"street\",\"parent\":\"110101\"", square(116.4, 39.9, 0.01)))
            << "feature #2: missing property \"name\"";
        QTest::newRow("missing level")
            << replaced(1, feature("\"code\":\"110101001\",\"name\":\"x\",\"parent\":\"110101\"", square(116.4, 39.9, 0.01)))
            << "feature #2: missing property \"level\"";
        QTest::newRow("unknown level")
            << replaced(1, feature("\"code\":\"110101001\",\"name\":\"x\",\"level\":\"town\",\"parent\":\"110101\"", square(116.4, 39.9, 0.01)))
            << "unknown level \"town\"";
        QTest::newRow("unknown level with a newline")
            << replaced(1, feature("\"code\":\"110101001\",\"name\":\"x\",\"level\":\"str\\neet\",\"parent\":\"110101\"", square(116.4, 39.9, 0.01)))
            << "unknown level \"str\\u000aeet\"";
        QTest::newRow("missing parent")
            << replaced(1, feature("\"code\":\"110101001\",\"name\":\"x\",\"level\":\"street\"", square(116.4, 39.9, 0.01)))
            << "region 110101001 (x): missing property \"parent\"";
        QTest::newRow("dangling parent")
            << replaced(2, feature("\"code\":\"110101001001\",\"name\":\"y\",\"level\":\"community\",\"parent\":\"110101009\"", square(116.4, 39.9, 0.01)))
            << "region 110101001001 (y): dangling parent \"110101009\"";
        QTest::newRow("parent two levels up")
            << replaced(2, feature("\"code\":\"110101001001\",\"name\":\"y\",\"level\":\"community\",\"parent\":\"110101\"", square(116.4, 39.9, 0.01)))
            << "parent \"110101\" is a district, but a community needs a street as parent";
        QTest::newRow("duplicate code")
            << replaced(4, feature("\"code\":\"110101001001001\",\"name\":\"z\",\"level\":\"grid\",\"parent\":\"110101001001\"", square(116.41, 39.9, 0.01)))
            << "duplicate code \"110101001001001\"";
        QTest::newRow("self-intersecting polygon")
            << replaced(3, feature("\"code\":\"110101001001001\",\"name\":\"bow\",\"level\":\"grid\",\"parent\":\"110101001001\"",
                                   "{\"type\":\"Polygon\",\"coordinates\":[[[116.40,39.90],[116.41,39.91],[116.41,39.90],[116.40,39.91],[116.40,39.90]]]}"))
            << "region 110101001001001 (bow): invalid polygon: Self-intersection near 116.405000, 39.90";
        QTest::newRow("unclosed ring")
            << replaced(3, feature("\"code\":\"110101001001001\",\"name\":\"open\",\"level\":\"grid\",\"parent\":\"110101001001\"",
                                   "{\"type\":\"Polygon\",\"coordinates\":[[[116.40,39.90],[116.41,39.90],[116.41,39.91],[116.40,39.91]]]}"))
            << "invalid polygon: a ring is not closed";
        QTest::newRow("point geometry")
            << replaced(3, feature("\"code\":\"110101001001001\",\"name\":\"pt\",\"level\":\"grid\",\"parent\":\"110101001001\"",
                                   "{\"type\":\"Point\",\"coordinates\":[116.4,39.9]}"))
            << "geometry must be a Polygon or MultiPolygon, not \"Point\"";
        QTest::newRow("coordinates as strings")
            << replaced(3, feature("\"code\":\"110101001001001\",\"name\":\"s\",\"level\":\"grid\",\"parent\":\"110101001001\"",
                                   "{\"type\":\"Polygon\",\"coordinates\":[[[\"116.4\",\"39.9\"],[116.41,39.9],[116.41,39.91],[116.4,39.9]]]}"))
            << "a position is not a [lon, lat] pair of numbers";
        QTest::newRow("off the world")
            << replaced(3, feature("\"code\":\"110101001001001\",\"name\":\"w\",\"level\":\"grid\",\"parent\":\"110101001001\"", square(116.4, 95, 0.01)))
            << "is outside the world";
    }

    void rejects()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const RegionLoadResult r = loadRegionJson(json, "bad.geojson");
        QVERIFY(!r.tree);
        QVERIFY2(r.error.startsWith("bad.geojson: "), qPrintable(r.error));
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
        QVERIFY2(!r.error.contains('\n'), "the reason must be one line");
    }

    // A sliver (1 km wide, 4,500 km long) once kept the label search busy
    // for many seconds and hundreds of MB; it loads at once, labelled inside.
    void sliversLoadQuickly()
    {
        const QString sliver = feature("\"code\":\"1\",\"name\":\"sliver\",\"level\":\"district\"",
                                       "{\"type\":\"Polygon\",\"coordinates\":[[[122.01,41.1],[122.02,0.10411],[122.01,41.11],[122.01,41.1]]]}");
        QElapsedTimer timer;
        timer.start();
        const RegionLoadResult r = loadRegionJson(collection({sliver}), "sliver.geojson");
        QVERIFY2(r.tree, qPrintable(r.error));
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        const Region &region = r.tree->region(0);
        QCOMPARE(r.tree->hitTest(region.labelPoint, Level::District), 0);
    }

    void missingFileIsNamed()
    {
        const RegionLoadResult r = loadRegionFile("/nonexistent/regions.geojson");
        QVERIFY(!r.tree);
        QVERIFY(r.error.startsWith("/nonexistent/regions.geojson: cannot read"));
    }
};

QTEST_GUILESS_MAIN(TestRegionLoader)
#include "tst_regionloader.moc"
