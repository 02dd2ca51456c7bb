// The bundled Panjin asset keeps the promises of docs/geography.md.

#include "geo/regionloader.h"
#include "map/regionmesh.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace gridwall::geo;

namespace {

double area(GEOSContextHandle_t h, const GEOSGeometry *g)
{
    double a = 0;
    GEOSArea_r(h, g, &a);
    return a;
}

} // namespace

class TestGeography : public QObject
{
    Q_OBJECT

    std::shared_ptr<const RegionTree> m_tree;

private slots:
    void initTestCase()
    {
        const RegionLoadResult loaded = loadRegionFile(QStringLiteral(GRIDWALL_REGIONS));
        QVERIFY2(loaded.tree, qPrintable(loaded.error));
        m_tree = loaded.tree;
    }

    // A grid outline of 200,000 vertices a few centimetres apart (what a
    // careless export from a survey looks like) used to take the wall 15 s and
    // more to triangulate. Its fill is triangulated from the shape a pixel
    // can show at the closest zoom: few triangles, the same area.
    void aDenseOutlineIsFilledFromItsVisibleShape()
    {
        QFile file(QStringLiteral(GRIDWALL_REGIONS));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject collection = QJsonDocument::fromJson(file.readAll()).object();
        QJsonArray features = collection.value("features").toArray();
        int index = -1;
        QString code;
        for (int i = 0; i < features.size() && index < 0; ++i)
            if (features[i].toObject().value("properties").toObject().value("level") == "grid") {
                index = i;
                code = features[i].toObject().value("properties").toObject().value("code").toString();
            }
        QVERIFY(index >= 0);
        const int grid = m_tree->indexOf(code);
        const QGeoCoordinate centre = m_tree->geoFromScene(m_tree->region(grid).bounds.center());
        constexpr int kVertices = 200'000;
        constexpr double kRadiusDegrees = 0.001; // about 100 m
        QJsonArray ring;
        for (int i = 0; i <= kVertices; ++i) {
            const double a = 2 * M_PI * (i % kVertices) / kVertices;
            ring.append(QJsonArray{centre.longitude() + kRadiusDegrees * std::cos(a), centre.latitude() + kRadiusDegrees * std::sin(a)});
        }
        QJsonObject feature = features[index].toObject();
        feature.insert("geometry", QJsonObject{{"type", "Polygon"}, {"coordinates", QJsonArray{ring}}});
        features[index] = feature;
        collection.insert("features", features);
        const RegionLoadResult loaded = loadRegionJson(QJsonDocument(collection).toJson(QJsonDocument::Compact), "dense.geojson");
        QVERIFY2(loaded.tree, qPrintable(loaded.error));

        const gridwall::map::RegionMeshes meshes = gridwall::map::buildRegionMeshes(*loaded.tree);
        const gridwall::map::FillMesh &fills = meshes.fills[size_t(Level::Grid)];
        const int n = int(loaded.tree->level(Level::Grid).indexOf(loaded.tree->indexOf(code)));
        QVERIFY(n >= 0);
        const uint32_t first = fills.first[size_t(n)], end = fills.first[size_t(n) + 1];
        const uint32_t triangles = (end - first) / 3;
        QVERIFY2(triangles > 10 && triangles < 2000, qPrintable(QString::number(triangles)));
        double filled = 0;
        for (uint32_t v = first; v < end; v += 3) {
            const float *p = &fills.positions[size_t(v) * 2];
            filled += std::abs((p[2] - p[0]) * (p[5] - p[1]) - (p[4] - p[0]) * (p[3] - p[1])) / 2;
        }
        GEOSContextHandle_t h = loaded.tree->geosHandle();
        const double outline = area(h, loaded.tree->geometry(loaded.tree->indexOf(code)));
        QVERIFY2(std::abs(filled - outline) < 0.005 * outline, qPrintable(QStringLiteral("%1 against %2").arg(filled).arg(outline)));
    }

    void countsPerLevel()
    {
        QCOMPARE(m_tree->level(Level::District).size(), 4);
        QCOMPARE(m_tree->level(Level::Grid).size(), 2648);
        QVERIFY(m_tree->level(Level::Street).size() >= 4 * 5);
        // 528 villages, each with its mediation point, plus the urban communities.
        QVERIFY(m_tree->level(Level::Community).size() > 528);
        QStringList codes;
        for (int i : m_tree->level(Level::District))
            codes << m_tree->region(i).code;
        codes.sort();
        QCOMPARE(codes, QStringList({"211102", "211103", "211104", "211122"}));
    }

    void parentsAreOneLevelUpAndPrefixCodes()
    {
        QSet<QString> codes;
        for (const Region &r : m_tree->regions()) {
            QVERIFY2(!codes.contains(r.code), qPrintable(r.code));
            codes.insert(r.code);
            if (r.level == Level::District) {
                QCOMPARE(r.parent, -1);
                QCOMPARE(r.code.size(), 6);
                continue;
            }
            QVERIFY2(r.parent >= 0, qPrintable(r.code));
            const Region &parent = m_tree->region(r.parent);
            QCOMPARE(int(parent.level), int(r.level) - 1);
            QVERIFY2(r.code.startsWith(parent.code), qPrintable(r.code + " under " + parent.code));
            QCOMPARE(r.code.size(), parent.code.size() + 3);
            QVERIFY(!r.name.isEmpty());
            QVERIFY(!r.nameEn.isEmpty());
        }
        // Every region but a grid has children.
        for (const Region &r : m_tree->regions())
            QVERIFY2(r.level == Level::Grid || !r.children.isEmpty(), qPrintable(r.code));
    }

    void gridsTileTheirDistrict_data()
    {
        QTest::addColumn<QString>("district");
        for (int i : m_tree->level(Level::District))
            QTest::newRow(qPrintable(m_tree->region(i).code)) << m_tree->region(i).code;
    }

    void gridsTileTheirDistrict()
    {
        QFETCH(QString, district);
        GEOSContextHandle_t h = m_tree->geosHandle();
        const int d = m_tree->indexOf(district);
        const GEOSGeometry *outline = m_tree->geometry(d);
        const double districtArea = area(h, outline);

        std::vector<GEOSGeometry *> grids;
        double sum = 0;
        for (int g : m_tree->level(Level::Grid)) {
            if (m_tree->pathTo(g).first() != d)
                continue;
            const GEOSGeometry *grid = m_tree->geometry(g);
            const double gridArea = area(h, grid);
            sum += gridArea;
            GEOSGeometry *outside = GEOSDifference_r(h, grid, outline);
            QVERIFY2(area(h, outside) < 1e-4 * gridArea, qPrintable(m_tree->region(g).code + " leaves its district"));
            GEOSGeom_destroy_r(h, outside);
            grids.push_back(GEOSGeom_clone_r(h, grid));
        }
        QVERIFY(!grids.empty());
        GEOSGeometry *collection = GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, grids.data(), unsigned(grids.size()));
        GEOSGeometry *united = GEOSUnaryUnion_r(h, collection);
        GEOSGeometry *symDiff = GEOSSymDifference_r(h, united, outline);
        const double coverageError = area(h, symDiff) / districtArea;
        const double overlap = (sum - area(h, united)) / districtArea;
        qInfo("%s: %zu grids, coverage error %.4f %%, overlap %.4f %%", qPrintable(district), grids.size(),
              coverageError * 100, overlap * 100);
        QVERIFY2(coverageError < 0.005, qPrintable(QString::number(coverageError * 100) + " % uncovered or outside"));
        QVERIFY2(overlap < 0.001, qPrintable(QString::number(overlap * 100) + " % overlap"));
        GEOSGeom_destroy_r(h, symDiff);
        GEOSGeom_destroy_r(h, united);
        GEOSGeom_destroy_r(h, collection);
    }

    void urbanGridsAreSmallerThanRuralOnes()
    {
        // Dense town centres get small grids, the countryside large ones.
        std::vector<double> areas;
        for (int g : m_tree->level(Level::Grid))
            areas.push_back(m_tree->region(g).areaKm2);
        std::sort(areas.begin(), areas.end());
        const double p10 = areas[areas.size() / 10], p90 = areas[areas.size() * 9 / 10];
        qInfo("grid area p10 %.2f km², p90 %.2f km²", p10, p90);
        QVERIFY(p10 < 1.0);
        QVERIFY(p90 > 5 * p10);
    }

    void sitesLieInTheirGrids()
    {
        QFile file(QStringLiteral(GRIDWALL_SITES));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray features = QJsonDocument::fromJson(file.readAll()).object().value("features").toArray();
        QHash<QString, int> perKind;
        QSet<QString> ids;
        for (const QJsonValue &v : features) {
            const QJsonObject props = v.toObject().value("properties").toObject();
            const QJsonArray xy = v.toObject().value("geometry").toObject().value("coordinates").toArray();
            const QString id = props.value("id").toString();
            QVERIFY2(!ids.contains(id), qPrintable(id));
            ids.insert(id);
            perKind[props.value("kind").toString()]++;
            const int grid = m_tree->hitTest(m_tree->sceneFromGeo(xy[0].toDouble(), xy[1].toDouble()), Level::Grid);
            QVERIFY2(grid >= 0, qPrintable(id + " is outside every grid"));
            QCOMPARE(m_tree->region(grid).code, props.value("region").toString());

            QList<int> minutes;
            for (const QJsonValue &ring : props.value("rings").toArray()) {
                minutes << ring.toObject().value("minutes").toInt();
                QVERIFY(ring.toObject().value("radius_m").toInt() > 0);
            }
            if (props.value("kind") == QLatin1String("police_station"))
                QCOMPARE(minutes, QList<int>({1, 3, 5}));
            if (props.value("kind") == QLatin1String("checkpoint"))
                QCOMPARE(minutes, QList<int>({10, 20}));
        }
        QCOMPARE(perKind.value("police_station"), 28);
        QCOMPARE(perKind.value("checkpoint"), 47);
        QCOMPARE(perKind.value("mediation_room"), 51);
        QCOMPARE(perKind.value("mediation_point"), 528);
        QCOMPARE(perKind.value("smart_community"), 108);
    }
};

QTEST_GUILESS_MAIN(TestGeography)
#include "tst_geography.moc"
