#version 440
// Extrudes a border segment to a constant width in pixels at any zoom, one
// pixel wider than the line so that the fragment shader can feather its edges.
layout(location = 0) in vec2 position;
layout(location = 1) in vec2 extrusion; // along the segment and across it, in half widths
layout(location = 2) in float side;     // -1 or +1: which edge of the line this vertex is on

layout(location = 0) out float across;  // pixels from the centre line

layout(std140, binding = 0) uniform buf {
    mat4 qt_Matrix;
    vec4 color;
    float qt_Opacity;
    float extent;    // half the line width, scene units
    float pixelSize; // scene units per pixel
};

void main()
{
    float size = extent + pixelSize;
    across = side * size / pixelSize;
    gl_Position = qt_Matrix * vec4(position + extrusion * size, 0.0, 1.0);
}
