#pragma once
// Case density as an image: a kernel density estimate (Gaussian kernel) of
// points in scene coordinates over a fixed area, coloured on a ramp that is
// transparent where there is nothing, so the regions show through. Pure
// computation, run on a worker thread; the map draws the image as one
// textured quad.

#include <QImage>
#include <QPointF>
#include <QRectF>

#include <vector>

namespace gridwall::map {

struct HeatmapSpec
{
    QRectF area;          // scene rectangle the image covers
    int width = 320;      // image pixels across (height follows the area's aspect)
    double sigma = 0;     // kernel standard deviation, scene units
    // The ramp's top is the densest place, but never less than this many
    // coincident points: a lone case stays faint instead of a hotspot.
    double saturation = 3;
};

// The density image (premultiplied ARGB); a null image when there is nothing to draw.
QImage densityImage(const std::vector<QPointF> &points, const HeatmapSpec &spec);

// The ramp: transparent at 0, through violet and red to pale yellow at 1.
QRgb heatColor(double t);

} // namespace gridwall::map
