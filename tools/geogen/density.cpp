#include "density.h"

#include <cmath>
#include <stdexcept>

namespace geogen {

namespace {

double peakShape(const Peak &p, Pt x)
{
    return std::exp(-dist2(p.centre, x) / (2.0 * p.sigma * p.sigma));
}

} // namespace

double Density::operator()(Pt p) const
{
    return base + urban(p);
}

double Density::urban(Pt p) const
{
    double u = 0.0;
    for (const Peak &peak : peaks)
        u += peak.amplitude * peakShape(peak, p);
    return u;
}

Density makeDensity(const GEOSGeometry *metricDistrict, std::vector<Peak> peaks, int grids, double urbanShare)
{
    // Peak integrals over the (irregular, multi-part) district by midpoint rule on a lattice.
    // 100 m cells resolve peaks a few km wide to well under a percent.
    const double h = 100.0;
    const Prepared inside = prepare(metricDistrict);
    const Extent e = extent(metricDistrict);
    std::vector<double> integral(peaks.size(), 0.0);
    for (double y = e.miny + h / 2; y < e.maxy; y += h) {
        for (double x = e.minx + h / 2; x < e.maxx; x += h) {
            const Pt p{x, y};
            bool in = false;
            for (std::size_t i = 0; i < peaks.size(); ++i) {
                const double s = peakShape(peaks[i], p);
                if (s < 1e-9)
                    continue;
                if (!in && !contains(inside, p))
                    break;
                in = true;
                integral[i] += s * h * h;
            }
        }
    }

    Density d;
    const double total = static_cast<double>(grids);
    d.baseMass = total * (1.0 - urbanShare);
    d.base = d.baseMass / area(metricDistrict);
    double weighted = 0.0;
    for (std::size_t i = 0; i < peaks.size(); ++i)
        weighted += peaks[i].weight * integral[i];
    if (weighted <= 0.0)
        throw std::runtime_error("urban peak lies outside its district");
    const double scale = total * urbanShare / weighted;
    for (std::size_t i = 0; i < peaks.size(); ++i) {
        peaks[i].amplitude = peaks[i].weight * scale;
        peaks[i].mass = peaks[i].amplitude * integral[i];
    }
    d.peaks = std::move(peaks);
    return d;
}

DensitySampler::DensitySampler(const GEOSGeometry *metricDistrict, const Density &density)
    : density_(density), prepared_(prepare(metricDistrict)), extent_(extent(metricDistrict))
{
}

Pt DensitySampler::sampleUniform(Rng &rng) const
{
    for (;;) {
        const Pt p{rng.uniform(extent_.minx, extent_.maxx), rng.uniform(extent_.miny, extent_.maxy)};
        if (inside(p))
            return p;
    }
}

Pt DensitySampler::sample(Rng &rng) const
{
    double total = density_.baseMass;
    for (const Peak &p : density_.peaks)
        total += p.mass;
    double pick = rng.uniform() * total;
    for (const Peak &peak : density_.peaks) {
        if (pick < peak.mass) {
            // Truncated Gaussian: redraw until the point falls inside the district.
            for (int attempt = 0; attempt < 10000; ++attempt) {
                const Pt p{peak.centre.x + peak.sigma * rng.normal(), peak.centre.y + peak.sigma * rng.normal()};
                if (inside(p))
                    return p;
            }
            break;
        }
        pick -= peak.mass;
    }
    return sampleUniform(rng);
}

} // namespace geogen
