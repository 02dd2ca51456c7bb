// Target grid density g(x) of a district, in grids per square metre, and a sampler for it.
//
// g = rural base + a sum of Gaussian urban peaks. It is normalised so that its integral over the
// district equals the district's grid count, which makes 1/g(x) the expected area of a grid at x.
#pragma once

#include "geos_util.h"
#include "rng.h"

#include <vector>

namespace geogen {

struct Peak
{
    Pt centre;          // metric
    double sigma = 0;   // metres
    double weight = 0;  // relative weight before normalisation
    double amplitude = 0; // grids per m^2 at the centre, after normalisation
    double mass = 0;      // expected number of grids from this peak inside the district
};

struct Density
{
    double base = 0; // grids per m^2 everywhere in the district
    double baseMass = 0;
    std::vector<Peak> peaks;

    double operator()(Pt p) const;
    double urban(Pt p) const; // the peak part only
};

// Normalises base and peak amplitudes over `metricDistrict` so that the integral is `grids`,
// of which `urbanShare` comes from the peaks.
Density makeDensity(const GEOSGeometry *metricDistrict, std::vector<Peak> peaks, int grids, double urbanShare);

// Draws points inside a metric polygon with probability proportional to a density:
// picks a mixture component by its mass, draws from it, and rejects points outside.
class DensitySampler
{
public:
    DensitySampler(const GEOSGeometry *metricDistrict, const Density &density);
    Pt sample(Rng &rng) const;
    Pt sampleUniform(Rng &rng) const;
    bool inside(Pt p) const { return contains(prepared_, p); }

private:
    const Density &density_;
    Prepared prepared_;
    Extent extent_;
};

} // namespace geogen
