#version 440
layout(location = 0) in float across;
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
    // Coverage of this pixel by the line: smooth edges without multisampling.
    float coverage = clamp(extent / pixelSize + 0.5 - abs(across), 0.0, 1.0);
    fragColor = color * (qt_Opacity * coverage);
}
