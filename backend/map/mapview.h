#pragma once
// The one owner of the map's transforms: geo (WGS-84 degrees) <-> scene
// (Web Mercator metres around an origin, y south) <-> screen (item pixels).

#include <QGeoCoordinate>
#include <QMatrix4x4>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

namespace gridwall::map {

class MapView
{
public:
    MapView() = default;
    explicit MapView(QPointF originMercator)
        : m_origin(originMercator)
    {
    }

    QPointF originMercator() const { return m_origin; }
    QSizeF viewport() const { return m_viewport; }
    void setViewport(QSizeF size) { m_viewport = size; }
    QPointF center() const { return m_center; }
    void setCenter(QPointF scene) { m_center = scene; }
    // Screen pixels per scene unit (Mercator metre).
    double scale() const { return m_scale; }
    void setScale(double pixelsPerUnit);
    void setScaleLimits(double minimum, double maximum);
    double minimumScale() const { return m_minScale; }
    double maximumScale() const { return m_maxScale; }

    QPointF geoToScene(const QGeoCoordinate &c) const;
    QGeoCoordinate sceneToGeo(QPointF scene) const;
    QPointF sceneToScreen(QPointF scene) const;
    QPointF screenToScene(QPointF screen) const;
    QPointF geoToScreen(const QGeoCoordinate &c) const { return sceneToScreen(geoToScene(c)); }
    QGeoCoordinate screenToGeo(QPointF screen) const { return sceneToGeo(screenToScene(screen)); }
    QRectF visibleScene() const;
    QMatrix4x4 sceneToScreenMatrix() const;
    // Ground metres covered by one screen pixel at the view's centre.
    double groundMetresPerPixel() const;

    // The centre and scale that show sceneRect whole, with a margin on each side,
    // inside `screenArea` of the viewport (empty: all of it; a part no overlay covers).
    void fit(const QRectF &sceneRect, double marginFraction = 0.04, const QRectF &screenArea = {});
    // Zoom by factor keeping the scene point under `screen` in place.
    void zoomAt(QPointF screen, double factor);
    void panBy(QPointF screenDelta);

private:
    QPointF m_origin;
    QSizeF m_viewport{1, 1};
    QPointF m_center;
    double m_scale = 1e-3;
    double m_minScale = 1e-9;
    double m_maxScale = 1e9;
};

} // namespace gridwall::map
