#version 440
// Extrudes a border segment to a constant width in pixels at any zoom.
layout(location = 0) in vec2 position;
layout(location = 1) in vec2 extrusion;

layout(std140, binding = 0) uniform buf {
    mat4 qt_Matrix;
    vec4 color;
    float qt_Opacity;
    float halfWidth; // scene units per half line width
};

void main()
{
    gl_Position = qt_Matrix * vec4(position + extrusion * halfWidth, 0.0, 1.0);
}
