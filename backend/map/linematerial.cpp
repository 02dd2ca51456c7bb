#include "linematerial.h"

#include <QSGMaterialShader>

#include <cstring>

namespace gridwall::map {

namespace {

class LineShader : public QSGMaterialShader
{
public:
    LineShader()
    {
        setShaderFileName(VertexStage, QStringLiteral(":/gridwall/shaders/line.vert.qsb"));
        setShaderFileName(FragmentStage, QStringLiteral(":/gridwall/shaders/line.frag.qsb"));
    }

    bool updateUniformData(RenderState &state, QSGMaterial *newMaterial, QSGMaterial *) override
    {
        // std140 layout: mat4 at 0, vec4 at 64, floats at 80, 84 and 88.
        QByteArray *buf = state.uniformData();
        Q_ASSERT(buf->size() >= 92);
        auto *material = static_cast<LineMaterial *>(newMaterial);
        if (state.isMatrixDirty())
            std::memcpy(buf->data(), state.combinedMatrix().constData(), 64);
        const QColor c = material->color();
        const float a = float(c.alphaF());
        const float color[4] = {float(c.redF()) * a, float(c.greenF()) * a, float(c.blueF()) * a, a};
        std::memcpy(buf->data() + 64, color, 16);
        const float opacity = state.opacity();
        std::memcpy(buf->data() + 80, &opacity, 4);
        const float halfWidth = material->halfWidth();
        std::memcpy(buf->data() + 84, &halfWidth, 4);
        const float pixelSize = material->pixelSize();
        std::memcpy(buf->data() + 88, &pixelSize, 4);
        return true;
    }
};

} // namespace

LineMaterial::LineMaterial()
{
    setFlag(Blending);
}

QSGMaterialType *LineMaterial::type() const
{
    static QSGMaterialType type;
    return &type;
}

QSGMaterialShader *LineMaterial::createShader(QSGRendererInterface::RenderMode) const
{
    return new LineShader;
}

int LineMaterial::compare(const QSGMaterial *other) const
{
    const auto *o = static_cast<const LineMaterial *>(other);
    if (m_color != o->m_color)
        return m_color.rgba() < o->m_color.rgba() ? -1 : 1;
    if (m_halfWidth != o->m_halfWidth)
        return m_halfWidth < o->m_halfWidth ? -1 : 1;
    if (m_pixelSize != o->m_pixelSize)
        return m_pixelSize < o->m_pixelSize ? -1 : 1;
    return 0;
}

} // namespace gridwall::map
