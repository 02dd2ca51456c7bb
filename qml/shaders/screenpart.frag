#version 440
// One screen of a window spanning a wall with bezels: its part of the whole
// picture (a rectangle in fractions of it), drawn 1:1.
layout(location = 0) in vec2 qt_TexCoord0;
layout(location = 0) out vec4 fragColor;
layout(std140, binding = 0) uniform buf {
    mat4 qt_Matrix;
    float qt_Opacity;
    vec4 part;
};
layout(binding = 1) uniform sampler2D source;

void main()
{
    fragColor = texture(source, part.xy + qt_TexCoord0 * part.zw) * qt_Opacity;
}
