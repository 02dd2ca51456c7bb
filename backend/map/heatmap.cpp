#include "heatmap.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace gridwall::map {

namespace {

// Inferno (perceptually uniform), from its darkest useful stop; alpha rises with density.
struct Stop
{
    double at;
    int r, g, b, a;
};
constexpr Stop kRamp[] = {{0.0, 40, 11, 84, 0},     {0.15, 87, 16, 110, 40},  {0.35, 151, 39, 104, 95},
                          {0.55, 212, 72, 66, 160}, {0.75, 249, 142, 9, 205}, {1.0, 252, 255, 164, 235}};

// One pass of a 1-D Gaussian along rows (stride 1) or columns (stride = width).
void blur(std::vector<float> &grid, int width, int height, const std::vector<float> &kernel, bool rows)
{
    const int radius = int(kernel.size() / 2);
    const int length = rows ? width : height, lines = rows ? height : width;
    std::vector<float> line(static_cast<size_t>(length)), out(static_cast<size_t>(length));
    for (int l = 0; l < lines; ++l) {
        for (int i = 0; i < length; ++i)
            line[size_t(i)] = grid[size_t(rows ? l * width + i : i * width + l)];
        for (int i = 0; i < length; ++i) {
            float sum = 0;
            for (int k = -radius; k <= radius; ++k) {
                const int j = i + k;
                if (j >= 0 && j < length)
                    sum += line[size_t(j)] * kernel[size_t(k + radius)];
            }
            out[size_t(i)] = sum;
        }
        for (int i = 0; i < length; ++i)
            grid[size_t(rows ? l * width + i : i * width + l)] = out[size_t(i)];
    }
}

} // namespace

QRgb heatColor(double t)
{
    t = std::clamp(t, 0.0, 1.0);
    size_t i = 0;
    while (i + 2 < std::size(kRamp) && t > kRamp[i + 1].at)
        ++i;
    const Stop &a = kRamp[i], &b = kRamp[i + 1];
    const double f = (t - a.at) / (b.at - a.at);
    const auto mix = [f](int x, int y) { return int(std::lround(x + (y - x) * f)); };
    const int alpha = mix(a.a, b.a);
    // Premultiplied, as the scene graph's textures expect.
    return qRgba(mix(a.r, b.r) * alpha / 255, mix(a.g, b.g) * alpha / 255, mix(a.b, b.b) * alpha / 255, alpha);
}

QImage densityImage(const std::vector<QPointF> &points, const HeatmapSpec &spec)
{
    if (points.empty() || spec.area.isEmpty() || spec.width < 2 || spec.sigma <= 0)
        return {}; // nothing to draw
    const int width = spec.width;
    const int height = std::max(2, int(std::lround(width * spec.area.height() / spec.area.width())));
    const double cell = spec.area.width() / width;
    std::vector<float> grid(size_t(width) * size_t(height), 0.f);
    // Each point adds one to the four cells around it (bilinear), so the sum is the number of points.
    for (const QPointF &p : points) {
        const double x = (p.x() - spec.area.left()) / cell - 0.5, y = (p.y() - spec.area.top()) / cell - 0.5;
        const int x0 = int(std::floor(x)), y0 = int(std::floor(y));
        const float fx = float(x - x0), fy = float(y - y0);
        const auto add = [&](int cx, int cy, float w) {
            if (cx >= 0 && cx < width && cy >= 0 && cy < height)
                grid[size_t(cy) * size_t(width) + size_t(cx)] += w;
        };
        add(x0, y0, (1 - fx) * (1 - fy));
        add(x0 + 1, y0, fx * (1 - fy));
        add(x0, y0 + 1, (1 - fx) * fy);
        add(x0 + 1, y0 + 1, fx * fy);
    }
    // Separable Gaussian, normalised so that the grid keeps its sum.
    const double sigmaCells = std::max(0.5, spec.sigma / cell);
    const int radius = int(std::ceil(3 * sigmaCells));
    std::vector<float> kernel(size_t(2 * radius + 1));
    double total = 0;
    for (int k = -radius; k <= radius; ++k)
        total += kernel[size_t(k + radius)] = float(std::exp(-0.5 * k * k / (sigmaCells * sigmaCells)));
    for (float &w : kernel)
        w = float(w / total);
    blur(grid, width, height, kernel, true);
    blur(grid, width, height, kernel, false);
    // One point's peak after the blur is 1 / (2 pi sigma^2) per cell: scale so that `saturation` coincident points reach 1.
    // The hottest place reaches the top of the ramp; a few scattered cases stay faint.
    const double onePeak = 1.0 / (2 * M_PI * sigmaCells * sigmaCells);
    const double full = std::max(spec.saturation * onePeak, double(*std::max_element(grid.begin(), grid.end())));
    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = heatColor(double(grid[size_t(y) * size_t(width) + size_t(x)]) / full);
    }
    return image;
}

} // namespace gridwall::map
