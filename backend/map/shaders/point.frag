#version 440
layout(location = 0) in vec2 offset;
layout(location = 0) out vec4 fragColor;

layout(std140, binding = 0) uniform buf {
    mat4 qt_Matrix;
    vec4 color;
    float qt_Opacity;
    float extent;
    float pixelSize;
};

void main()
{
    float r = extent / pixelSize;
    float d = length(offset);
    float coverage = clamp(r + 0.5 - d, 0.0, 1.0);
    // A dark rim keeps markers apart from any fill beneath them.
    float rim = clamp(d - (r - 1.5), 0.0, 1.0);
    vec4 rgb = mix(color, vec4(0.04, 0.07, 0.12, 1.0) * color.a, rim * 0.8);
    fragColor = rgb * (qt_Opacity * coverage);
}
