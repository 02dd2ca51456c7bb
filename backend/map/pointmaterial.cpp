#include "pointmaterial.h"

#include <QSGMaterialShader>

#include <cstring>

namespace gridwall::map {

namespace {

class PointShader : public QSGMaterialShader
{
public:
    PointShader()
    {
        setShaderFileName(VertexStage, QStringLiteral(":/gridwall/shaders/point.vert.qsb"));
        setShaderFileName(FragmentStage, QStringLiteral(":/gridwall/shaders/point.frag.qsb"));
    }

    bool updateUniformData(RenderState &state, QSGMaterial *newMaterial, QSGMaterial *) override
    {
        // std140 layout: mat4 at 0, vec4 at 64, floats at 80, 84 and 88.
        QByteArray *buf = state.uniformData();
        Q_ASSERT(buf->size() >= 92);
        auto *material = static_cast<PointMaterial *>(newMaterial);
        if (state.isMatrixDirty())
            std::memcpy(buf->data(), state.combinedMatrix().constData(), 64);
        const QColor c = material->color();
        const float a = float(c.alphaF());
        const float color[4] = {float(c.redF()) * a, float(c.greenF()) * a, float(c.blueF()) * a, a};
        std::memcpy(buf->data() + 64, color, 16);
        const float values[3] = {state.opacity(), material->radius(), material->pixelSize()};
        std::memcpy(buf->data() + 80, values, 12);
        return true;
    }
};

} // namespace

PointMaterial::PointMaterial()
{
    setFlag(Blending);
    setFlag(RequiresFullMatrix); // the shader extrudes: never pre-transform
}

QSGMaterialType *PointMaterial::type() const
{
    static QSGMaterialType type;
    return &type;
}

QSGMaterialShader *PointMaterial::createShader(QSGRendererInterface::RenderMode) const
{
    return new PointShader;
}

int PointMaterial::compare(const QSGMaterial *other) const
{
    const auto *o = static_cast<const PointMaterial *>(other);
    if (m_color != o->m_color)
        return m_color.rgba() < o->m_color.rgba() ? -1 : 1;
    if (m_radius != o->m_radius)
        return m_radius < o->m_radius ? -1 : 1;
    if (m_pixelSize != o->m_pixelSize)
        return m_pixelSize < o->m_pixelSize ? -1 : 1;
    return 0;
}

} // namespace gridwall::map
