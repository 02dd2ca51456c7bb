#pragma once
// Material for markers: round discs of one colour and a pixel radius that
// holds at every zoom, with a smoothed edge and a dark rim.

#include <QColor>
#include <QSGMaterial>

namespace gridwall::map {

// Vertex of a marker quad: the marker's scene position and the quad corner.
struct PointVertex
{
    float x, y;
    float cx, cy;
};

class PointMaterial : public QSGMaterial
{
public:
    PointMaterial();
    QSGMaterialType *type() const override;
    QSGMaterialShader *createShader(QSGRendererInterface::RenderMode) const override;
    int compare(const QSGMaterial *other) const override;

    QColor color() const { return m_color; }
    void setColor(const QColor &c) { m_color = c; }
    float radius() const { return m_radius; }       // scene units
    void setRadius(float r) { m_radius = r; }
    float pixelSize() const { return m_pixelSize; } // scene units per pixel
    void setPixelSize(float s) { m_pixelSize = s; }

private:
    QColor m_color;
    float m_radius = 1;
    float m_pixelSize = 1;
};

} // namespace gridwall::map
