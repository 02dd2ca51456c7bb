#version 440
// A round marker of constant pixel size: a quad around the point, one pixel
// larger than the disc so that its edge can be smoothed.
layout(location = 0) in vec2 position;
layout(location = 1) in vec2 corner; // (-1..1, -1..1)

layout(location = 0) out vec2 offset; // pixels from the centre

layout(std140, binding = 0) uniform buf {
    mat4 qt_Matrix;
    vec4 color;
    float qt_Opacity;
    float extent;    // the disc radius, scene units
    float pixelSize; // scene units per pixel
};

void main()
{
    float size = extent + pixelSize;
    offset = corner * size / pixelSize;
    gl_Position = qt_Matrix * vec4(position + corner * size, 0.0, 1.0);
}
