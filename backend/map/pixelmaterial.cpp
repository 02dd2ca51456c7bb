#include "pixelmaterial.h"

#include <QSGMaterialShader>

#include <cstring>

namespace gridwall::map {

namespace {

class PixelShader : public QSGMaterialShader
{
public:
    explicit PixelShader(PixelMaterial::Shape shape)
    {
        const QString name = shape == PixelMaterial::Shape::Line ? QStringLiteral("line") : QStringLiteral("point");
        setShaderFileName(VertexStage, QStringLiteral(":/gridwall/shaders/%1.vert.qsb").arg(name));
        setShaderFileName(FragmentStage, QStringLiteral(":/gridwall/shaders/%1.frag.qsb").arg(name));
    }

    bool updateUniformData(RenderState &state, QSGMaterial *newMaterial, QSGMaterial *) override
    {
        // Both shaders share one std140 block: mat4 at 0, vec4 colour at 64,
        // then opacity, extent and pixel size at 80, 84 and 88.
        QByteArray *buf = state.uniformData();
        Q_ASSERT(buf->size() >= 92);
        auto *material = static_cast<PixelMaterial *>(newMaterial);
        if (state.isMatrixDirty())
            std::memcpy(buf->data(), state.combinedMatrix().constData(), 64);
        const QColor c = material->color();
        const float a = float(c.alphaF());
        const float color[4] = {float(c.redF()) * a, float(c.greenF()) * a, float(c.blueF()) * a, a};
        std::memcpy(buf->data() + 64, color, 16);
        const float values[3] = {state.opacity(), material->extent(), material->pixelSize()};
        std::memcpy(buf->data() + 80, values, 12);
        return true;
    }
};

} // namespace

PixelMaterial::PixelMaterial(Shape shape)
    : m_shape(shape)
{
    setFlag(Blending);
    setFlag(RequiresFullMatrix); // the shader extrudes: never pre-transform
}

QSGMaterialType *PixelMaterial::type() const
{
    static QSGMaterialType line, disc;
    return m_shape == Shape::Line ? &line : &disc;
}

QSGMaterialShader *PixelMaterial::createShader(QSGRendererInterface::RenderMode) const
{
    return new PixelShader(m_shape);
}

int PixelMaterial::compare(const QSGMaterial *other) const
{
    const auto *o = static_cast<const PixelMaterial *>(other);
    if (m_color != o->m_color)
        return m_color.rgba() < o->m_color.rgba() ? -1 : 1;
    if (m_extent != o->m_extent)
        return m_extent < o->m_extent ? -1 : 1;
    if (m_pixelSize != o->m_pixelSize)
        return m_pixelSize < o->m_pixelSize ? -1 : 1;
    return 0;
}

} // namespace gridwall::map
