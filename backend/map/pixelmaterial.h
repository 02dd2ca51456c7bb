#pragma once
// Materials for geometry that the vertex shader extrudes to a size given in
// pixels, so that it looks the same at every zoom without rebuilding:
// region borders (lines of a pixel width, edges feathered over one pixel)
// and markers (discs of a pixel radius with a dark rim). One colour each.

#include <QColor>
#include <QSGMaterial>

namespace gridwall::map {

// Vertex of a marker quad: the marker's scene position and the quad corner (-1..1).
struct PointVertex
{
    float x, y;
    float cx, cy;
};

class PixelMaterial : public QSGMaterial
{
public:
    enum class Shape { Line, Disc };
    explicit PixelMaterial(Shape shape);

    QSGMaterialType *type() const override;
    QSGMaterialShader *createShader(QSGRendererInterface::RenderMode) const override;
    int compare(const QSGMaterial *other) const override;

    Shape shape() const { return m_shape; }
    QColor color() const { return m_color; }
    void setColor(const QColor &c) { m_color = c; }
    // Half a line's width, or a disc's radius, in scene units.
    float extent() const { return m_extent; }
    void setExtent(float e) { m_extent = e; }
    // One screen pixel in scene units (1 / view scale).
    float pixelSize() const { return m_pixelSize; }
    void setPixelSize(float s) { m_pixelSize = s; }

private:
    Shape m_shape;
    QColor m_color;
    float m_extent = 1;
    float m_pixelSize = 1;
};

} // namespace gridwall::map
