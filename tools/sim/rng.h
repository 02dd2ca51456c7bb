#pragma once
// Reproducible random numbers: xoshiro256** seeded through SplitMix64, with
// every deviate derived by hand (the standard distributions differ between
// libraries), so the same seed gives the same city and events with any
// compiler. Small state: every worker, sensor and unit carries its own stream.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <vector>

namespace gridwall::sim {

// Derives an independent stream seed from a seed and any number of salts
// (SplitMix64 finaliser applied after each salt).
inline uint64_t streamSeed(uint64_t seed, uint64_t salt)
{
    uint64_t z = seed ^ (0x9e3779b97f4a7c15ULL + (salt << 6) + (salt >> 2));
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

inline uint64_t streamSeed(uint64_t seed, uint64_t salt1, uint64_t salt2)
{
    return streamSeed(streamSeed(seed, salt1), salt2);
}

class Rng
{
public:
    Rng() : Rng(0) {}
    explicit Rng(uint64_t seed)
    {
        for (uint64_t &word : m_s) {
            seed += 0x9e3779b97f4a7c15ULL;
            uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            word = z ^ (z >> 31);
        }
    }

    uint64_t raw()
    {
        const uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }
    // [0, 1) from the top 53 bits.
    double uniform() { return double(raw() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Integer in [lo, hi], both inclusive.
    int between(int lo, int hi) { return lo + int(below(uint64_t(hi - lo) + 1)); }
    // Integer in [0, n), n > 0, without modulo bias.
    uint64_t below(uint64_t n)
    {
        const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
        uint64_t v = raw();
        while (v >= limit)
            v = raw();
        return v % n;
    }
    bool chance(double p) { return uniform() < p; }
    double normal()
    {
        const double u = 1.0 - uniform(); // (0, 1]
        const double w = uniform();
        return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * w);
    }
    double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }
    // Index drawn with probability proportional to weights[i] (not all zero).
    size_t weighted(const std::vector<double> &weights)
    {
        double total = 0;
        for (double w : weights)
            total += w;
        double x = uniform() * total;
        for (size_t i = 0; i < weights.size(); ++i) {
            x -= weights[i];
            if (x < 0)
                return i;
        }
        return weights.size() - 1;
    }
    template<typename T, size_t N>
    const T &pick(const T (&items)[N])
    {
        return items[below(N)];
    }
    template<typename T>
    const T &pick(const std::vector<T> &items)
    {
        return items[below(items.size())];
    }

private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    uint64_t m_s[4];
};

// Cumulative weights for repeated draws from a large fixed distribution.
class WeightedTable
{
public:
    void assign(const std::vector<double> &weights)
    {
        m_cumulative.resize(weights.size());
        double sum = 0;
        for (size_t i = 0; i < weights.size(); ++i) {
            sum += weights[i];
            m_cumulative[i] = sum;
        }
    }
    bool empty() const { return m_cumulative.empty() || m_cumulative.back() <= 0; }
    size_t draw(Rng &rng) const
    {
        const double x = rng.uniform() * m_cumulative.back();
        size_t lo = 0, hi = m_cumulative.size() - 1;
        while (lo < hi) {
            const size_t mid = (lo + hi) / 2;
            if (m_cumulative[mid] > x)
                hi = mid;
            else
                lo = mid + 1;
        }
        return lo;
    }

private:
    std::vector<double> m_cumulative;
};

} // namespace gridwall::sim
