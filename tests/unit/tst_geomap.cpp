// The map item as an operator uses it: wheel zoom about the pointer, drag
// to pan, two-finger pinch, tap to select, fly to a code, level of detail.

#include "map/geomap.h"

#include <QPointingDevice>
#include <QQuickWindow>
#include <QTest>

using namespace gridwall;
using gridwall::geo::Level;

class TestGeoMap : public QObject
{
    Q_OBJECT

    std::unique_ptr<map::Geography> m_geography;
    std::unique_ptr<QQuickWindow> m_window;
    map::GeoMap *m_map = nullptr;
    QPointingDevice *m_touch = nullptr;

    QPointF centreOfRegion(const QString &code) const
    {
        const geo::RegionTree &tree = m_geography->tree();
        const int index = tree.indexOf(code);
        GEOSContextHandle_t h = tree.geosHandle();
        GEOSGeometry *inside = GEOSPointOnSurface_r(h, tree.geometry(index));
        double x = 0, y = 0;
        GEOSGeomGetX_r(h, inside, &x);
        GEOSGeomGetY_r(h, inside, &y);
        GEOSGeom_destroy_r(h, inside);
        return m_map->view().sceneToScreen({x, y});
    }

private slots:
    void initTestCase()
    {
        const map::MapDataLoad loaded = map::loadMapData(QStringLiteral(GRIDWALL_REGIONS));
        QVERIFY2(loaded.data, qPrintable(loaded.error));
        m_geography = std::make_unique<map::Geography>(loaded.data, false);
        m_touch = QTest::createTouchDevice();
    }

    void init()
    {
        m_window = std::make_unique<QQuickWindow>();
        m_window->resize(1280, 720);
        m_map = new map::GeoMap(m_window->contentItem());
        m_map->setSize(QSizeF(1280, 720));
        m_map->setGeography(m_geography.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    void opensOnTheWholeCity()
    {
        const QRectF home = m_geography->tree().homeBounds();
        const QRectF visible = m_map->view().visibleScene();
        QVERIFY(visible.contains(home));
        // ...and not much more: the city fills one side of the screen.
        QVERIFY(home.width() * m_map->view().scale() > 1280 * 0.85 || home.height() * m_map->view().scale() > 720 * 0.85);
        // Grids are too small to outline at city scale; streets are shown.
        QCOMPARE(m_map->detailLevel(), int(Level::Street));
    }

    void wheelZoomsAboutThePointer()
    {
        const QPointF pointer(400, 300);
        const QGeoCoordinate before = m_map->view().screenToGeo(pointer);
        const double scale = m_map->view().scale();
        for (int i = 0; i < 8; ++i) {
            QWheelEvent wheel(pointer, m_window->mapToGlobal(pointer), {}, QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                              Qt::NoScrollPhase, false);
            QCoreApplication::sendEvent(m_window.get(), &wheel);
        }
        QVERIFY(qAbs(m_map->view().scale() / scale - 4.0) < 1e-6); // 8 notches = 2 doublings
        QVERIFY(before.distanceTo(m_map->view().screenToGeo(pointer)) < 1.0);
        // Zoomed in, communities show their borders.
        QVERIFY(m_map->detailLevel() >= int(Level::Community));
    }

    void dragPans()
    {
        const QPointF from(600, 400), to(700, 350);
        const QGeoCoordinate grabbed = m_map->view().screenToGeo(from);
        QTest::mousePress(m_window.get(), Qt::LeftButton, {}, from.toPoint());
        for (int i = 1; i <= 10; ++i)
            QTest::mouseMove(m_window.get(), (from + (to - from) * i / 10.0).toPoint());
        QTest::mouseRelease(m_window.get(), Qt::LeftButton, {}, to.toPoint());
        // The place under the pointer moved with it.
        QVERIFY(grabbed.distanceTo(m_map->view().screenToGeo(to)) < 200);
        QVERIFY(m_map->selectedCode().isEmpty()); // a drag is not a click
    }

    void pinchZooms()
    {
        const double scale = m_map->view().scale();
        QTest::touchEvent(m_window.get(), m_touch).press(0, QPoint(600, 360)).press(1, QPoint(680, 360));
        for (int i = 1; i <= 10; ++i)
            QTest::touchEvent(m_window.get(), m_touch).move(0, QPoint(600 - 8 * i, 360)).move(1, QPoint(680 + 8 * i, 360));
        QTest::touchEvent(m_window.get(), m_touch).release(0, QPoint(520, 360)).release(1, QPoint(760, 360));
        // The fingers moved from 80 to 240 px apart: three times closer.
        QVERIFY2(qAbs(m_map->view().scale() / scale - 3.0) < 0.01, qPrintable(QString::number(m_map->view().scale() / scale)));
    }

    void tapSelectsTheStreetUnderTheFinger()
    {
        const QString street = m_geography->tree().region(m_geography->tree().level(Level::Street).at(3)).code;
        const QPoint at = centreOfRegion(street).toPoint();
        QTest::touchEvent(m_window.get(), m_touch).press(0, at);
        QTest::touchEvent(m_window.get(), m_touch).release(0, at);
        QCOMPARE(m_map->selectedCode(), street);
        QCOMPARE(m_map->selectedPath().size(), 2);
        QCOMPARE(m_map->selectedPath().last().toMap().value("level").toString(), QStringLiteral("street"));
    }

    void clickOutsideTheCityClearsTheSelection()
    {
        m_map->setSelectedCode(QStringLiteral("211103"));
        QCOMPARE(m_map->selectedCode(), QStringLiteral("211103"));
        QTest::mouseClick(m_window.get(), Qt::LeftButton, {}, QPoint(3, 3));
        QVERIFY(m_map->selectedCode().isEmpty());
    }

    void flyToAGridShowsItAndItsNeighbours()
    {
        const QString grid = m_geography->tree().region(m_geography->tree().level(Level::Grid).at(100)).code;
        QVERIFY(m_map->flyTo(grid, 0));
        QCOMPARE(m_map->selectedCode(), grid);
        const QRectF bounds = m_geography->tree().region(m_geography->tree().indexOf(grid)).focusBounds;
        QVERIFY(m_map->view().visibleScene().contains(bounds));
        QCOMPARE(m_map->detailLevel(), int(Level::Grid));
        QVERIFY(!m_map->flyTo(QStringLiteral("no-such-code"), 0));
        QCOMPARE(m_map->selectedCode(), grid);
    }

    void regionsAtNamesEveryLevel()
    {
        const QString grid = m_geography->tree().region(m_geography->tree().level(Level::Grid).at(500)).code;
        m_map->flyTo(grid, 0);
        const QPointF at = centreOfRegion(grid);
        const QVariantList regions = m_map->regionsAt(at.x(), at.y());
        QCOMPARE(regions.size(), 4);
        QCOMPARE(regions.last().toMap().value("code").toString(), grid);
        QVERIFY(grid.startsWith(regions.first().toMap().value("code").toString()));
    }
};

QTEST_MAIN(TestGeoMap)
#include "tst_geomap.moc"
