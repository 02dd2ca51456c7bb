// Pixel tests of the real wall under X (tests/run starts Xvfb with Mesa):
// district fills, district borders and the empty sea around the city are
// where the projection says they are, and --view highlights its region.

#include "geo/regionloader.h"
#include "map/geomap.h"
#include "map/mapview.h"

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace gridwall::geo;
using gridwall::map::GeoMap;
using gridwall::map::MapView;

namespace {

constexpr int kWidth = 1600;
constexpr int kHeight = 900;
const double kUnit = std::min(kWidth / 1920.0, kHeight / 1080.0);

int colorDistance(QColor a, QColor b)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
}

} // namespace

class TestRender : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::shared_ptr<const RegionTree> m_tree;
    MapView m_view;
    QImage m_city;
    std::vector<QPointF> m_labelPoints;

    QImage screenshot(const QString &name, const QStringList &extra)
    {
        const QString file = m_dir.filePath(name);
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(QStringLiteral(GRIDWALL_BINARY),
                QStringList{"--size", QString("%1x%2").arg(kWidth).arg(kHeight), "--lang", "en", "--screenshot", file,
                            "--quit-after", "2500"} + extra);
        if (!p.waitForFinished(60000) || p.exitCode() != 0)
            return {};
        return QImage(file);
    }

    // Away from the header, the scale bar and any place a label may be drawn.
    bool clear(QPointF p) const
    {
        if (p.x() < 10 || p.x() > kWidth - 10 || p.y() < (72 + 10) * kUnit || p.y() > kHeight - 10)
            return false;
        if (p.x() < 260 * kUnit && p.y() > kHeight - 100 * kUnit)
            return false;
        for (const QPointF &l : m_labelPoints) {
            if (std::abs(l.x() - p.x()) < 110 * kUnit && std::abs(l.y() - p.y()) < 30 * kUnit)
                return false;
        }
        return true;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DISPLAY"), "run under an X server: tests/run uses xvfb-run");
        const RegionLoadResult loaded = loadRegionFile(QStringLiteral(GRIDWALL_REGIONS));
        QVERIFY2(loaded.tree, qPrintable(loaded.error));
        m_tree = loaded.tree;
        // The wall opens showing the whole city: the same fit GeoMap makes.
        m_view = MapView(m_tree->originMercator());
        m_view.setViewport(QSizeF(kWidth, kHeight));
        m_view.fit(m_tree->homeBounds());
        for (Level l : {Level::District, Level::Street}) {
            for (int i : m_tree->level(l))
                m_labelPoints.push_back(m_view.sceneToScreen(m_tree->region(i).labelPoint));
        }
        m_city = screenshot("city.png", {});
        QVERIFY2(!m_city.isNull(), "gridwall did not produce a screenshot");
        QCOMPARE(m_city.size(), QSize(kWidth, kHeight));
    }

    void districtFillsAtKnownPoints()
    {
        GEOSContextHandle_t h = m_tree->geosHandle();
        const QList<int> &districts = m_tree->level(Level::District);
        for (int d = 0; d < districts.size(); ++d) {
            const QColor tint = QColor::fromRgb(GeoMap::districtTint(d));
            int checked = 0;
            for (int g : m_tree->level(Level::Grid)) {
                if (checked >= 5 || m_tree->pathTo(g).first() != districts[d])
                    continue;
                // The centre of the grid's largest inscribed circle, well away from its borders.
                GEOSGeometry *circle = GEOSMaximumInscribedCircle_r(h, m_tree->geometry(g), 10);
                double x = 0, y = 0, length = 0;
                GEOSCoordSeq_getXY_r(h, GEOSGeom_getCoordSeq_r(h, circle), 0, &x, &y);
                GEOSLength_r(h, circle, &length);
                GEOSGeom_destroy_r(h, circle);
                const QPointF screen = m_view.sceneToScreen({x, y});
                if (length * m_view.scale() < 6 || !clear(screen))
                    continue;
                const QColor pixel = m_city.pixelColor(screen.toPoint());
                QVERIFY2(colorDistance(pixel, tint) < 60,
                         qPrintable(QString("district %1 at %2,%3: %4, expected near %5").arg(m_tree->region(districts[d]).code)
                                        .arg(screen.x()).arg(screen.y()).arg(pixel.name(), tint.name())));
                ++checked;
            }
            QVERIFY2(checked >= 3, "too few clear points to check a district's fill");
        }
    }

    void districtBordersAtKnownPoints()
    {
        GEOSContextHandle_t h = m_tree->geosHandle();
        int sampled = 0, bright = 0;
        for (int d : m_tree->level(Level::District)) {
            const GEOSGeometry *outline = m_tree->geometry(d);
            for (int part = 0; part < GEOSGetNumGeometries_r(h, outline); ++part) {
                const GEOSGeometry *polygon = GEOSGetGeometryN_r(h, outline, part);
                const GEOSCoordSequence *ring = GEOSGeom_getCoordSeq_r(h, GEOSGetExteriorRing_r(h, polygon));
                unsigned int n = 0;
                GEOSCoordSeq_getSize_r(h, ring, &n);
                for (unsigned int i = 1; i < n; i += 3) {
                    double ax, ay, bx, by;
                    GEOSCoordSeq_getXY_r(h, ring, i - 1, &ax, &ay);
                    GEOSCoordSeq_getXY_r(h, ring, i, &bx, &by);
                    const QPointF a = m_view.sceneToScreen({ax, ay}), b = m_view.sceneToScreen({bx, by});
                    const QPointF mid = (a + b) / 2;
                    if (QLineF(a, b).length() < 10 || !clear(mid))
                        continue;
                    ++sampled;
                    const QColor pixel = m_city.pixelColor(mid.toPoint());
                    bright += std::min({pixel.red(), pixel.green(), pixel.blue()}) > 150 ? 1 : 0;
                }
            }
        }
        qInfo("district border: %d of %d sampled points bright", bright, sampled);
        QVERIFY(sampled >= 20);
        QVERIFY(bright >= sampled * 9 / 10);
    }

    void backgroundOutsideTheCity()
    {
        const QColor background("#0b1220");
        int checked = 0;
        for (int y = 100; y < kHeight - 100; y += 40) {
            for (int x = 20; x < kWidth - 20; x += 40) {
                bool nearCity = false;
                for (QPointF d : {QPointF(0, 0), QPointF(15, 0), QPointF(-15, 0), QPointF(0, 15), QPointF(0, -15)}) {
                    nearCity = nearCity || m_tree->hitTest(m_view.screenToScene(QPointF(x, y) + d), Level::District) >= 0;
                }
                if (nearCity || !clear(QPointF(x, y)))
                    continue;
                const QColor pixel = m_city.pixelColor(x, y);
                QVERIFY2(colorDistance(pixel, background) < 12,
                         qPrintable(QString("%1,%2 is %3, not the background").arg(x).arg(y).arg(pixel.name())));
                ++checked;
            }
        }
        QVERIFY(checked >= 10);
    }

    void viewHighlightsTheRegion()
    {
        const QString street = m_tree->region(m_tree->level(Level::Street).first()).code;
        const QImage image = screenshot("view.png", {"--view", street});
        QVERIFY(!image.isNull());
        const QColor amber(255, 200, 61);
        int highlighted = 0, inCity = 0;
        for (int y = 0; y < image.height(); y += 2) {
            for (int x = 0; x < image.width(); x += 2) {
                highlighted += colorDistance(image.pixelColor(x, y), amber) < 40 ? 1 : 0;
                inCity += colorDistance(image.pixelColor(x, y), m_city.pixelColor(x, y)) > 30 ? 1 : 0;
            }
        }
        qInfo("--view %s: %d highlight samples, %d samples differ from the city view", qPrintable(street), highlighted, inCity);
        QVERIFY(highlighted > 100);
        QVERIFY(inCity > image.width() * image.height() / 40); // the view really moved
    }
};

QTEST_MAIN(TestRender)
#include "tst_render.moc"
