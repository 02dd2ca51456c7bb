#version 440
layout(location = 0) out vec4 fragColor;

layout(std140, binding = 0) uniform buf {
    mat4 qt_Matrix;
    vec4 color;
    float qt_Opacity;
    float halfWidth;
};

void main()
{
    fragColor = color * qt_Opacity;
}
