// Projection round trips and the view's pan and zoom arithmetic.

#include "geo/mercator.h"
#include "map/mapview.h"

#include <QTest>

using gridwall::map::MapView;

class TestMapView : public QObject
{
    Q_OBJECT

    static MapView panjinView()
    {
        MapView view(gridwall::geo::mercatorFromGeo(122.05, 41.1));
        view.setViewport(QSizeF(3840, 2160));
        view.setCenter(QPointF(1200, -800));
        view.setScale(0.05);
        return view;
    }

private slots:
    void knownMercatorValues()
    {
        using namespace gridwall::geo;
        QVERIFY(QLineF(mercatorFromGeo(0, 0), QPointF(0, 0)).length() < 1e-6);
        QVERIFY(qAbs(mercatorFromGeo(180, 0).x() - 20037508.342789244) < 1e-6);
        // Scene y points south: northern latitudes are negative.
        QVERIFY(qAbs(mercatorFromGeo(0, 45).y() + 5621521.486192066) < 1e-6);
        QVERIFY(qAbs(groundScale(60) - 0.5) < 1e-12);
    }

    void geoSceneScreenRoundTrip_data()
    {
        QTest::addColumn<double>("lon");
        QTest::addColumn<double>("lat");
        QTest::newRow("city centre") << 122.07 << 41.12;
        QTest::newRow("south coast") << 121.8 << 40.7;
        QTest::newRow("north edge") << 122.4 << 41.6;
        QTest::newRow("far away") << -73.98 << 40.75;
    }

    void geoSceneScreenRoundTrip()
    {
        QFETCH(double, lon);
        QFETCH(double, lat);
        for (double scale : {1e-4, 0.05, 3.0}) {
            MapView view = panjinView();
            view.setScale(scale);
            const QGeoCoordinate c(lat, lon);
            const QGeoCoordinate back = view.screenToGeo(view.geoToScreen(c));
            QVERIFY2(qAbs(back.latitude() - lat) < 1e-9 && qAbs(back.longitude() - lon) < 1e-9,
                     qPrintable(QString("%1,%2 came back as %3,%4").arg(lon).arg(lat).arg(back.longitude()).arg(back.latitude())));
        }
    }

    void matrixAgreesWithPointMapping()
    {
        const MapView view = panjinView();
        const QPointF scene(1500, -2200);
        const QPointF viaMatrix = view.sceneToScreenMatrix().map(scene);
        const QPointF direct = view.sceneToScreen(scene);
        QVERIFY(QLineF(viaMatrix, direct).length() < 1e-2);
    }

    void zoomKeepsTheAnchorUnderThePointer()
    {
        MapView view = panjinView();
        const QPointF pointer(900, 400);
        const QGeoCoordinate before = view.screenToGeo(pointer);
        view.zoomAt(pointer, 2.5);
        QCOMPARE(view.scale(), 0.125);
        const QGeoCoordinate after = view.screenToGeo(pointer);
        QVERIFY(before.distanceTo(after) < 0.01);
    }

    void panMovesTheMapWithTheFinger()
    {
        MapView view = panjinView();
        const QPointF scene(1000, 1000);
        const QPointF before = view.sceneToScreen(scene);
        view.panBy(QPointF(120, -40));
        QVERIFY(QLineF(view.sceneToScreen(scene), before + QPointF(120, -40)).length() < 1e-9);
    }

    void fitShowsTheWholeRectWithAMargin()
    {
        MapView view = panjinView();
        const QRectF rect(-50000, -30000, 100000, 40000);
        view.fit(rect, 0.05);
        const QRectF visible = view.visibleScene();
        QVERIFY(visible.contains(rect));
        // Width is the limiting side here: 5 % margin left and right.
        QVERIFY(qAbs(rect.width() * view.scale() - 3840 * 0.9) < 1e-6);
    }

    void scaleLimitsHold()
    {
        MapView view = panjinView();
        view.setScaleLimits(0.01, 1.0);
        view.zoomAt(QPointF(10, 10), 1000);
        QCOMPARE(view.scale(), 1.0);
        view.zoomAt(QPointF(10, 10), 1e-6);
        QCOMPARE(view.scale(), 0.01);
    }

    void groundScaleAtPanjin()
    {
        MapView view = panjinView();
        view.setCenter(view.geoToScene(QGeoCoordinate(41.1, 122.05)));
        view.setScale(1.0);
        // One Mercator metre is cos(41.1°) ground metres there.
        QVERIFY(qAbs(view.groundMetresPerPixel() - std::cos(41.1 * M_PI / 180)) < 1e-6);
    }
};

QTEST_GUILESS_MAIN(TestMapView)
#include "tst_mapview.moc"
