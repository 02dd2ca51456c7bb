// Deterministic random numbers for the generator.
//
// std::uniform_real_distribution and friends are implementation-defined, so two standard
// libraries may turn the same engine state into different numbers. Everything here is derived
// from the raw 64-bit output of std::mt19937_64, whose sequence the standard fixes exactly.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <random>

namespace geogen {

// SplitMix64 finaliser: derives independent sub-seeds (per district, per purpose) from one seed.
inline std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t salt)
{
    std::uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (salt + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

class Rng
{
public:
    explicit Rng(std::uint64_t seed) : engine_(seed) { }

    // Uniform in [0, 1): the top 53 bits of one draw, scaled exactly.
    double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

    // Uniform integer in [0, n) without modulo bias (rejection on the raw draw).
    std::size_t index(std::size_t n)
    {
        const std::uint64_t range = static_cast<std::uint64_t>(n);
        const std::uint64_t limit = UINT64_MAX - UINT64_MAX % range;
        std::uint64_t v;
        do {
            v = engine_();
        } while (v >= limit);
        return static_cast<std::size_t>(v % range);
    }

    // Standard normal deviate (Box-Muller; the second value is discarded to keep the stream simple).
    double normal()
    {
        const double u1 = 1.0 - uniform(); // (0, 1], keeps log() finite
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }

private:
    std::mt19937_64 engine_;
};

} // namespace geogen
