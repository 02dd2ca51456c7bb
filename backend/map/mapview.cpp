#include "mapview.h"

#include "geo/mercator.h"

#include <algorithm>

namespace gridwall::map {

void MapView::setScale(double pixelsPerUnit)
{
    m_scale = std::clamp(pixelsPerUnit, m_minScale, m_maxScale);
}

void MapView::setScaleLimits(double minimum, double maximum)
{
    m_minScale = minimum;
    m_maxScale = maximum;
    setScale(m_scale);
}

QPointF MapView::geoToScene(const QGeoCoordinate &c) const
{
    return geo::mercatorFromGeo(c.longitude(), c.latitude()) - m_origin;
}

QGeoCoordinate MapView::sceneToGeo(QPointF scene) const
{
    return geo::geoFromMercator(scene + m_origin);
}

QPointF MapView::sceneToScreen(QPointF scene) const
{
    return (scene - m_center) * m_scale + QPointF(m_viewport.width() / 2, m_viewport.height() / 2);
}

QPointF MapView::screenToScene(QPointF screen) const
{
    return (screen - QPointF(m_viewport.width() / 2, m_viewport.height() / 2)) / m_scale + m_center;
}

QRectF MapView::visibleScene() const
{
    return QRectF(screenToScene({0, 0}), screenToScene({m_viewport.width(), m_viewport.height()}));
}

QMatrix4x4 MapView::sceneToScreenMatrix() const
{
    QMatrix4x4 m;
    m.translate(float(m_viewport.width() / 2), float(m_viewport.height() / 2));
    m.scale(float(m_scale));
    m.translate(float(-m_center.x()), float(-m_center.y()));
    return m;
}

double MapView::groundMetresPerPixel() const
{
    return geo::groundScale(sceneToGeo(m_center).latitude()) / m_scale;
}

void MapView::fit(const QRectF &sceneRect, double marginFraction, const QRectF &screenArea)
{
    const QRectF area = screenArea.isEmpty() ? QRectF(QPointF(0, 0), m_viewport) : screenArea;
    const double usableW = area.width() * (1 - 2 * marginFraction);
    const double usableH = area.height() * (1 - 2 * marginFraction);
    if (sceneRect.width() <= 0 || sceneRect.height() <= 0 || usableW <= 0 || usableH <= 0)
        return;
    setScale(std::min(usableW / sceneRect.width(), usableH / sceneRect.height()));
    // The rectangle's centre at the area's centre.
    m_center = sceneRect.center() - (area.center() - QPointF(m_viewport.width() / 2, m_viewport.height() / 2)) / m_scale;
}

void MapView::zoomAt(QPointF screen, double factor)
{
    const QPointF anchor = screenToScene(screen);
    setScale(m_scale * factor);
    // Move the centre so that the anchor stays under the same screen point.
    m_center = anchor - (screen - QPointF(m_viewport.width() / 2, m_viewport.height() / 2)) / m_scale;
}

void MapView::panBy(QPointF screenDelta)
{
    m_center -= screenDelta / m_scale;
}

} // namespace gridwall::map
