// Spatial context on one thread: the point index over 20,000 cameras (build,
// nearest 1 and 5, within 1,500 m, moves) and the grid neighbourhood of the
// real region file. Prints one line per figure: the median over the repeats,
// with the fastest and slowest repeat.
//
//   bench_spatial [REPEATS]   (default 11)

#include "benchkit.h"
#include "geo/adjacency.h"
#include "geo/regionloader.h"
#include "state/pointindex.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <limits>
#include <random>
#include <utility>
#include <vector>

using gridwall::bench::Stats;
using gridwall::bench::statsOf;
using gridwall::feed::GeoPoint;
using gridwall::state::PointHit;
using gridwall::state::PointIndex;

namespace {

constexpr uint64_t kSeed = 2648;
constexpr int kCameras = 20000;
constexpr int kQueries = 100000;
constexpr int kMoves = 100000;
constexpr double kRadius = 1500;
constexpr double kLon0 = 121.4, kLon1 = 122.5, kLat0 = 40.6, kLat1 = 41.5;

// Cameras and incidents crowd the urban cores; the rest spread over the
// whole territory. Core centres: Xinglongtai/Shuangtaizi, Dawa, Panshan.
struct Centre
{
    double lon, lat, sigma;
};
constexpr Centre kCentres[] = {{122.06, 41.15, 0.04}, {122.08, 40.99, 0.03}, {121.99, 41.24, 0.025}};

std::vector<GeoPoint> cityPoints(std::mt19937_64 &rng, int count)
{
    std::vector<GeoPoint> points;
    points.reserve(size_t(count));
    std::uniform_real_distribution<double> lon(kLon0, kLon1), lat(kLat0, kLat1), unit(0, 1);
    std::uniform_int_distribution<size_t> centre(0, std::size(kCentres) - 1);
    std::normal_distribution<double> normal;
    for (int i = 0; i < count; ++i) {
        if (unit(rng) < 0.4) {
            const double x = lon(rng);
            points.push_back({x, lat(rng)});
            continue;
        }
        const Centre &c = kCentres[centre(rng)];
        const double x = std::clamp(c.lon + normal(rng) * c.sigma / 0.75, kLon0, kLon1);
        points.push_back({x, std::clamp(c.lat + normal(rng) * c.sigma, kLat0, kLat1)});
    }
    return points;
}

// Runs `body` once per repeat; each run returns its own measure.
Stats measure(int repeats, const std::function<double()> &body)
{
    std::vector<double> samples;
    for (int i = 0; i < repeats; ++i)
        samples.push_back(body());
    return statsOf(std::move(samples));
}

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// `key` names the figure for bench/run (median, min and max).
void report(const char *name, const char *key, const char *unit, Stats s, const char *note = "")
{
    std::printf("%-28s median %9.3f %s  (min %.3f, max %.3f)%s\n", name, s.median, unit, s.min, s.max, note);
    gridwall::bench::figure(std::string(key), s.median, unit);
    gridwall::bench::figure(std::string(key) + ".min", s.min, unit);
    gridwall::bench::figure(std::string(key) + ".max", s.max, unit);
}

} // namespace

int main(int argc, char **argv)
{
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 11;
    std::mt19937_64 rng(kSeed);
    const std::vector<GeoPoint> cameras = cityPoints(rng, kCameras);
    const std::vector<GeoPoint> queries = cityPoints(rng, kQueries);
    std::vector<GeoPoint> moves;
    std::uniform_int_distribution<uint32_t> anyCamera(0, kCameras - 1);
    std::uniform_real_distribution<double> step(-0.0005, 0.0005); // tens of metres: a walker's update
    std::vector<uint32_t> moveKeys;
    for (int i = 0; i < kMoves; ++i)
        moveKeys.push_back(anyCamera(rng));

    std::printf("bench_spatial: %d cameras, %d query points, %d moves, seed %llu, repeats %d\n", kCameras, kQueries,
                kMoves, static_cast<unsigned long long>(kSeed), repeats);
    std::printf("points: 40%% uniform over lon %.1f..%.1f lat %.1f..%.1f, 60%% around %zu urban cores; "
                "queries drawn the same way\n",
                kLon0, kLon1, kLat0, kLat1, std::size(kCentres));

    // Results feed a checksum so no query can be optimised away.
    unsigned long long checksum = 0;

    report("build 20k upserts", "build_upserts_ms", "ms", measure(repeats, [&] {
               const auto start = std::chrono::steady_clock::now();
               PointIndex index;
               for (size_t k = 0; k < cameras.size(); ++k)
                   index.upsert(uint32_t(k), cameras[k]);
               const double s = secondsSince(start);
               checksum += index.size();
               return s * 1e3;
           }));

    PointIndex index;
    for (size_t k = 0; k < cameras.size(); ++k)
        index.upsert(uint32_t(k), cameras[k]);
    std::vector<PointHit> out;
    out.reserve(64);

    const auto perQuery = [&](size_t n) {
        return [&, n] {
            const auto start = std::chrono::steady_clock::now();
            for (const GeoPoint &q : queries) {
                index.nearest(q, n, out);
                checksum += out.front().key;
            }
            return secondsSince(start) * 1e6 / double(queries.size());
        };
    };
    report("nearest n=1", "nearest1_us", "us/query", measure(repeats, perQuery(1)), "  target < 20");
    // Baseline: a linear scan over all cameras with the same metric (a tenth of the queries).
    report("nearest n=1, linear scan", "linear_scan_us", "us/query", measure(repeats, [&] {
               const size_t count = queries.size() / 10;
               const auto start = std::chrono::steady_clock::now();
               for (size_t i = 0; i < count; ++i) {
                   double best = std::numeric_limits<double>::max();
                   uint32_t bestKey = 0;
                   for (size_t k = 0; k < cameras.size(); ++k) {
                       const double d = index.metres(queries[i], cameras[k]);
                       if (d < best) {
                           best = d;
                           bestKey = uint32_t(k);
                       }
                   }
                   checksum += bestKey;
               }
               return secondsSince(start) * 1e6 / double(count);
           }));
    report("nearest n=5", "nearest5_us", "us/query", measure(repeats, perQuery(5)));

    size_t withinHits = 0;
    report("within 1500 m", "within1500_us", "us/query", measure(repeats, [&] {
               withinHits = 0;
               const auto start = std::chrono::steady_clock::now();
               for (const GeoPoint &q : queries) {
                   index.within(q, kRadius, out);
                   withinHits += out.size();
               }
               const double s = secondsSince(start);
               checksum += withinHits;
               return s * 1e6 / double(queries.size());
           }));
    std::printf("%-28s %.1f cameras per query on average\n", "within 1500 m", double(withinHits) / kQueries);
    gridwall::bench::figure("within1500_hits", double(withinHits) / kQueries);

    // Worker-style updates: a short step from where the point is now.
    std::vector<GeoPoint> current = cameras;
    report("move (upsert existing)", "move_us", "us/op", measure(repeats, [&] {
               for (uint32_t k : moveKeys)
                   moves.push_back({current[k].lon + step(rng), current[k].lat + step(rng)});
               const auto start = std::chrono::steady_clock::now();
               for (size_t i = 0; i < moveKeys.size(); ++i)
                   index.upsert(moveKeys[i], moves[i]);
               const double s = secondsSince(start);
               for (size_t i = 0; i < moveKeys.size(); ++i)
                   current[moveKeys[i]] = moves[i];
               moves.clear();
               return s * 1e6 / double(moveKeys.size());
           }));
    report("nearest n=1 after moves", "nearest1_after_moves_us", "us/query", measure(repeats, perQuery(1)));

    const auto loadStart = std::chrono::steady_clock::now();
    const gridwall::geo::RegionLoadResult loaded = gridwall::geo::loadRegionFile(QStringLiteral(GRIDWALL_REGIONS));
    if (!loaded.tree) {
        std::fprintf(stderr, "bench_spatial: %s\n", qPrintable(loaded.error));
        return 1;
    }
    std::printf("%-28s %.1f ms (once, not part of the figures)\n", "load region file", secondsSince(loadStart) * 1e3);
    size_t pairs = 0;
    report("gridNeighbours", "grid_neighbours_ms", "ms", measure(repeats, [&] {
               const auto start = std::chrono::steady_clock::now();
               const std::vector<std::vector<int>> neighbours = gridwall::geo::gridNeighbours(*loaded.tree);
               const double s = secondsSince(start);
               pairs = 0;
               for (const std::vector<int> &list : neighbours)
                   pairs += list.size();
               return s * 1e3;
           }));
    std::printf("%-28s %lld grids, %zu neighbouring pairs\n", "gridNeighbours",
                qlonglong(loaded.tree->level(gridwall::geo::Level::Grid).size()), pairs / 2);
    gridwall::bench::figure("grid_pairs", double(pairs / 2));
    std::printf("checksum %llu\n", checksum);
    return 0;
}
