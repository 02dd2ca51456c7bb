// Map costs that matter on the GUI and render threads: recolouring every
// grid, loading and triangulating the geography, hit-testing a point.

#include "geo/regionloader.h"
#include "map/geomap.h"

#include <QSGGeometry>
#include <QTest>

using namespace gridwall;

class BenchMap : public QObject
{
    Q_OBJECT

    std::shared_ptr<const map::MapData> m_data;
    std::unique_ptr<map::Geography> m_geography;

    std::vector<QRgb> rampColors(int shift) const
    {
        const size_t n = m_data->tree->level(geo::Level::Grid).size();
        std::vector<QRgb> colors(n);
        for (size_t i = 0; i < n; ++i)
            colors[i] = qRgb(int((i + size_t(shift)) % 256), 80, 160);
        return colors;
    }

private slots:
    void initTestCase()
    {
        const map::MapDataLoad loaded = map::loadMapData(QStringLiteral(GRIDWALL_REGIONS));
        QVERIFY2(loaded.data, qPrintable(loaded.error));
        m_data = loaded.data;
        m_geography = std::make_unique<map::Geography>(m_data, false);
    }

    // What a data layer pays on the GUI thread to recolour all 2,648 grids.
    void recolourAllGrids_guiThread()
    {
        map::GeoMap item;
        item.setGeography(m_geography.get());
        int shift = 0;
        QBENCHMARK {
            item.setFillColors(geo::Level::Grid, rampColors(++shift));
        }
    }

    // What the scene-graph sync then pays to write the vertex colours.
    void recolourAllGrids_sync()
    {
        const map::FillMesh &mesh = m_data->meshes.fills[size_t(geo::Level::Grid)];
        QSGGeometry geometry(QSGGeometry::defaultAttributes_ColoredPoint2D(), int(mesh.vertexCount()));
        const std::vector<QRgb> colors = rampColors(3);
        QBENCHMARK {
            map::GeoMap::writeFillColors(mesh, colors, geometry.vertexData());
        }
    }

    void loadAndTriangulate()
    {
        QBENCHMARK {
            const map::MapDataLoad loaded = map::loadMapData(QStringLiteral(GRIDWALL_REGIONS));
            QVERIFY(loaded.data);
        }
    }

    void loadOnly()
    {
        QBENCHMARK {
            const geo::RegionLoadResult loaded = geo::loadRegionFile(QStringLiteral(GRIDWALL_REGIONS));
            QVERIFY(loaded.tree);
        }
    }

    void hitTestAllLevels()
    {
        const geo::RegionTree &tree = *m_data->tree;
        const QPointF centre = tree.sceneFromGeo(122.07, 41.12);
        int n = 0;
        QBENCHMARK {
            const auto hits = tree.hitTestAll(centre + QPointF((n % 50) * 40, (n / 50 % 50) * 40));
            ++n;
            QVERIFY(hits[0] >= -1);
        }
    }
};

QTEST_MAIN(BenchMap)
#include "bench_map.moc"
