#pragma once
// Material for region borders: one colour, a width in pixels that holds at
// every zoom (the vertex shader extrudes by halfWidth scene units), edges
// feathered over one pixel (pixelSize scene units) so that lines look smooth
// without multisampling.

#include <QColor>
#include <QSGMaterial>

namespace gridwall::map {

class LineMaterial : public QSGMaterial
{
public:
    LineMaterial();
    QSGMaterialType *type() const override;
    QSGMaterialShader *createShader(QSGRendererInterface::RenderMode) const override;
    int compare(const QSGMaterial *other) const override;

    QColor color() const { return m_color; }
    void setColor(const QColor &c) { m_color = c; }
    // Half the line width, in scene units (pixels / 2 / view scale).
    float halfWidth() const { return m_halfWidth; }
    void setHalfWidth(float w) { m_halfWidth = w; }
    // One screen pixel, in scene units (1 / view scale).
    float pixelSize() const { return m_pixelSize; }
    void setPixelSize(float s) { m_pixelSize = s; }

private:
    QColor m_color;
    float m_halfWidth = 1;
    float m_pixelSize = 1;
};

} // namespace gridwall::map
