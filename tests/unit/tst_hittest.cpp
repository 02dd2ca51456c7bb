// Pointing at the map names the region under the pointer at every level.

#include "geo/regionloader.h"

#include <QRandomGenerator>
#include <QTest>

using namespace gridwall::geo;

class TestHitTest : public QObject
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

    void pointInsideAGridNamesItsWholeChain()
    {
        GEOSContextHandle_t h = m_tree->geosHandle();
        for (int g : m_tree->level(Level::Grid)) {
            GEOSGeometry *inside = GEOSPointOnSurface_r(h, m_tree->geometry(g));
            double x = 0, y = 0;
            GEOSGeomGetX_r(h, inside, &x);
            GEOSGeomGetY_r(h, inside, &y);
            GEOSGeom_destroy_r(h, inside);

            const auto hits = m_tree->hitTestAll({x, y});
            const QList<int> expected = m_tree->pathTo(g);
            QCOMPARE(expected.size(), kLevelCount);
            for (int l = 0; l < kLevelCount; ++l)
                QVERIFY2(hits[size_t(l)] == expected[l],
                         qPrintable(QString("grid %1, level %2: got %3").arg(m_tree->region(g).code).arg(l)
                                        .arg(hits[size_t(l)] >= 0 ? m_tree->region(hits[size_t(l)]).code : "none")));
        }
    }

    void agreesWithBruteForceAtRandomPoints()
    {
        GEOSContextHandle_t h = m_tree->geosHandle();
        QRandomGenerator rng(7);
        const QRectF b = m_tree->bounds();
        int inside = 0;
        for (int n = 0; n < 400; ++n) {
            const QPointF p(b.left() + rng.generateDouble() * b.width(), b.top() + rng.generateDouble() * b.height());
            GEOSGeometry *point = GEOSGeom_createPointFromXY_r(h, p.x(), p.y());
            QList<int> containing;
            for (int g : m_tree->level(Level::Grid)) {
                if (GEOSContains_r(h, m_tree->geometry(g), point) == 1)
                    containing << g;
            }
            GEOSGeom_destroy_r(h, point);
            const int hit = m_tree->hitTest(p, Level::Grid);
            if (containing.isEmpty())
                QCOMPARE(hit, -1);
            else
                QVERIFY(containing.contains(hit));
            inside += containing.isEmpty() ? 0 : 1;
        }
        QVERIFY(inside > 50); // the sample really probed the city
    }

    void outsideTheCityIsNothing()
    {
        for (QPointF p : {m_tree->sceneFromGeo(120.0, 39.0), m_tree->sceneFromGeo(121.5, 41.7), QPointF(1e9, 1e9)}) {
            for (int hit : m_tree->hitTestAll(p))
                QCOMPARE(hit, -1);
        }
    }

    void knownPlace()
    {
        // Panjin's city centre lies in Xinglongtai district (兴隆台区).
        const int hit = m_tree->hitTest(m_tree->sceneFromGeo(122.07, 41.12), Level::District);
        QVERIFY(hit >= 0);
        QCOMPARE(m_tree->region(hit).code, QStringLiteral("211103"));
    }
};

QTEST_GUILESS_MAIN(TestHitTest)
#include "tst_hittest.moc"
