#include "partition.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>

namespace geogen {

namespace {

Geom toMetric(const GEOSGeometry *g, const LocalProjection &proj)
{
    return transform(g, [&proj](double &x, double &y) { proj.toMetric(x, y); });
}

Geom toLonLat(const GEOSGeometry *g, const LocalProjection &proj)
{
    return transform(g, [&proj](double &x, double &y) { proj.toLonLat(x, y); });
}

double nearestDist2(const std::vector<Pt> &pts, Pt p)
{
    double best = std::numeric_limits<double>::infinity();
    for (const Pt &q : pts)
        best = std::min(best, dist2(p, q));
    return best;
}

// Voronoi cells of `seeds`, returned in seed order. GEOS 3.11 returns the cells in an order of
// its own, so each cell is matched to the one seed it contains.
std::vector<Geom> voronoiCells(const std::vector<Pt> &seeds, const Extent &around)
{
    const Geom sites = makeMultiPoint(seeds);
    const double margin = 0.25 * std::max(around.maxx - around.minx, around.maxy - around.miny);
    const Geom envelope =
        makeRect({around.minx - margin, around.miny - margin, around.maxx + margin, around.maxy + margin});
    Geom diagram = own(GEOSVoronoiDiagram_r(ctx(), sites.get(), envelope.get(), 0.0, 0), "voronoiDiagram");

    std::vector<Geom> cells(seeds.size());
    for (const GEOSGeometry *cell : members(diagram.get())) {
        const Extent e = extent(cell);
        const Prepared prepared = prepare(cell);
        int owner = -1;
        for (std::size_t i = 0; i < seeds.size(); ++i) {
            const Pt &s = seeds[i];
            if (s.x < e.minx || s.x > e.maxx || s.y < e.miny || s.y > e.maxy)
                continue;
            if (contains(prepared, s)) {
                owner = static_cast<int>(i);
                break;
            }
        }
        if (owner < 0 || cells[static_cast<std::size_t>(owner)])
            throw std::runtime_error("Voronoi cell without a unique seed");
        cells[static_cast<std::size_t>(owner)] = clone(cell);
    }
    for (const Geom &c : cells)
        if (!c)
            throw std::runtime_error("seed without a Voronoi cell (duplicate seed?)");
    return cells;
}

// Lloyd's k-means with k-means++ seeding. Ties go to the lower index so the result only
// depends on the input order and the random stream. An empty cluster takes over the point
// that lies farthest from its own centre, which also splits badly fitting clusters.
std::vector<int> kmeans(const std::vector<Pt> &pts, const std::vector<double> &weights, int k, Rng &rng)
{
    const std::size_t n = pts.size();
    const auto kk = static_cast<std::size_t>(k);
    if (kk == 0 || kk > n)
        throw std::runtime_error("k-means: cluster count out of range");

    std::vector<Pt> centres;
    centres.reserve(kk);
    {
        double total = std::accumulate(weights.begin(), weights.end(), 0.0);
        double pick = rng.uniform() * total;
        std::size_t first = 0;
        while (first + 1 < n && pick >= weights[first]) {
            pick -= weights[first];
            ++first;
        }
        centres.push_back(pts[first]);
        std::vector<double> d2(n);
        for (std::size_t i = 0; i < n; ++i)
            d2[i] = dist2(pts[i], centres[0]);
        while (centres.size() < kk) {
            double sum = 0.0;
            for (std::size_t i = 0; i < n; ++i)
                sum += weights[i] * d2[i];
            std::size_t chosen = 0;
            if (sum > 0.0) {
                double r = rng.uniform() * sum;
                while (chosen + 1 < n && r >= weights[chosen] * d2[chosen]) {
                    r -= weights[chosen] * d2[chosen];
                    ++chosen;
                }
            } else {
                chosen = centres.size(); // all remaining points coincide with centres
            }
            centres.push_back(pts[chosen]);
            for (std::size_t i = 0; i < n; ++i)
                d2[i] = std::min(d2[i], dist2(pts[i], pts[chosen]));
        }
    }

    std::vector<int> assign(n, -1);
    for (int iter = 0; iter < 300; ++iter) {
        bool changed = false;
        for (std::size_t i = 0; i < n; ++i) {
            int best = 0;
            double bestD = dist2(pts[i], centres[0]);
            for (std::size_t c = 1; c < kk; ++c) {
                const double dc = dist2(pts[i], centres[c]);
                if (dc < bestD) {
                    bestD = dc;
                    best = static_cast<int>(c);
                }
            }
            if (assign[i] != best) {
                assign[i] = best;
                changed = true;
            }
        }
        std::vector<int> size(kk, 0);
        for (int a : assign)
            ++size[static_cast<std::size_t>(a)];
        for (std::size_t c = 0; c < kk; ++c) {
            if (size[c] > 0)
                continue;
            std::size_t far = n;
            double farD = -1.0;
            for (std::size_t i = 0; i < n; ++i) {
                const auto a = static_cast<std::size_t>(assign[i]);
                if (size[a] < 2)
                    continue;
                const double di = dist2(pts[i], centres[a]);
                if (di > farD) {
                    farD = di;
                    far = i;
                }
            }
            --size[static_cast<std::size_t>(assign[far])];
            assign[far] = static_cast<int>(c);
            size[c] = 1;
            centres[c] = pts[far];
            changed = true;
        }
        std::vector<Pt> sum(kk);
        std::vector<double> wsum(kk, 0.0);
        for (std::size_t i = 0; i < n; ++i) {
            const auto a = static_cast<std::size_t>(assign[i]);
            sum[a].x += weights[i] * pts[i].x;
            sum[a].y += weights[i] * pts[i].y;
            wsum[a] += weights[i];
        }
        for (std::size_t c = 0; c < kk; ++c)
            centres[c] = {sum[c].x / wsum[c], sum[c].y / wsum[c]};
        if (!changed)
            break;
    }
    return assign;
}

// Order of `items` by the given key, ties broken by index; used for all numbering.
template <typename Key>
std::vector<int> orderBy(std::size_t count, Key key)
{
    std::vector<int> order(count);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&key](int a, int b) { return key(a) < key(b); });
    return order;
}

std::string threeDigits(int n)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%03d", n);
    return buf;
}

} // namespace

std::vector<Pt> sampleSeeds(const District &d, Rng &rng)
{
    const DensitySampler sampler(d.metric.get(), d.density);
    const auto target = static_cast<std::size_t>(d.spec->grids);
    std::vector<Pt> seeds;
    seeds.reserve(target);

    // Islands and exclaves large enough for a grid of their own get a seed up front; random
    // sampling alone would often leave them to a cell reaching over from the mainland.
    // Parts expecting several grids are left to the sampler, which finds them reliably.
    for (const GEOSGeometry *part : members(d.metric.get())) {
        const Pt p = pointOnSurface(part);
        const double expected = area(part) * d.density(p);
        if (expected >= 0.5 && expected < 4.0 && seeds.size() < target)
            seeds.push_back(p);
    }

    // Best-candidate sampling: of k candidates drawn from g, keep the one farthest from the
    // existing seeds relative to the local spacing 1/sqrt(g); gives blue noise that follows g.
    const int candidates = 12;
    while (seeds.size() < target) {
        Pt best{};
        double bestScore = -1.0;
        for (int c = 0; c < candidates; ++c) {
            const Pt p = sampler.sample(rng);
            const double score = std::sqrt(nearestDist2(seeds, p) * d.density(p));
            if (score > bestScore) {
                bestScore = score;
                best = p;
            }
        }
        if (bestScore <= 0.0)
            continue; // duplicate of an existing seed; draw again
        seeds.push_back(best);
    }
    return seeds;
}

void relaxSeeds(const District &d, std::vector<Pt> &seeds, int steps, double damping)
{
    const Prepared inside = prepare(d.metric.get());
    const Extent e = extent(d.metric.get());
    for (int step = 0; step < steps; ++step) {
        std::vector<Geom> cells = voronoiCells(seeds, e);
        std::vector<Pt> moved = seeds;
        for (std::size_t i = 0; i < seeds.size(); ++i) {
            const Geom clipped = polygonal(intersection(cells[i].get(), d.metric.get()).get());
            // A cell spread over several exclaves has its centroid in a gap; leave such seeds alone.
            if (polygonCount(clipped.get()) != 1)
                continue;
            const Pt c = centroid(clipped.get());
            const Pt target{seeds[i].x + damping * (c.x - seeds[i].x), seeds[i].y + damping * (c.y - seeds[i].y)};
            if (contains(inside, target))
                moved[i] = target;
        }
        seeds = std::move(moved);
    }
}

void buildGrids(District &d, const std::vector<Pt> &seeds, const LocalProjection &proj)
{
    std::vector<Geom> cells = voronoiCells(seeds, extent(d.metric.get()));
    const InsideClipper clipper(d.geom.get());
    d.grids.clear();
    d.grids.reserve(cells.size());
    for (const Geom &cell : cells) {
        // Cells are snapped before clipping so that neighbouring cells share identical edges.
        const Geom cellLonLat = snapToGrid(toLonLat(cell.get(), proj).get());
        Grid g;
        g.geom = clipper.clip(cellLonLat.get());
        if (isEmpty(g.geom.get()))
            throw std::runtime_error("district " + d.code + ": empty grid cell");
        const Geom m = toMetric(g.geom.get(), proj);
        g.areaM2 = area(m.get());
        g.centre = centroid(m.get());
        d.grids.push_back(std::move(g));
    }
}

void buildCommunities(District &d, Rng &rng, const LocalProjection &proj)
{
    std::vector<Pt> pts;
    for (const Grid &g : d.grids)
        pts.push_back(g.centre);
    const std::vector<double> ones(pts.size(), 1.0);
    const int count = d.spec->urbanCommunities + d.spec->villages;
    const std::vector<int> assign = kmeans(pts, ones, count, rng);

    d.communities.clear();
    d.communities.resize(static_cast<std::size_t>(count));
    for (std::size_t i = 0; i < assign.size(); ++i) {
        d.grids[i].community = assign[i];
        d.communities[static_cast<std::size_t>(assign[i])].grids.push_back(static_cast<int>(i));
    }
    for (Community &c : d.communities) {
        std::vector<const GEOSGeometry *> parts;
        for (int gi : c.grids)
            parts.push_back(d.grids[static_cast<std::size_t>(gi)].geom.get());
        c.geom = unionOnGrid(parts);
        const Geom m = toMetric(c.geom.get(), proj);
        c.areaM2 = area(m.get());
        c.centre = centroid(m.get());
    }
    const std::vector<int> byDensity = orderBy(d.communities.size(), [&d](int i) {
        return -d.communities[static_cast<std::size_t>(i)].gridsPerKm2();
    });
    for (int r = 0; r < d.spec->urbanCommunities; ++r)
        d.communities[static_cast<std::size_t>(byDensity[static_cast<std::size_t>(r)])].urban = true;
}

void buildStreets(District &d, Rng &rng, const LocalProjection &proj)
{
    std::vector<Pt> pts;
    std::vector<double> weights;
    for (const Community &c : d.communities) {
        pts.push_back(c.centre);
        weights.push_back(static_cast<double>(c.grids.size()));
    }
    const std::vector<int> assign = kmeans(pts, weights, d.spec->streets, rng);
    d.streets.clear();
    d.streets.resize(static_cast<std::size_t>(d.spec->streets));
    for (std::size_t i = 0; i < assign.size(); ++i) {
        d.communities[i].street = assign[i];
        d.streets[static_cast<std::size_t>(assign[i])].communities.push_back(static_cast<int>(i));
    }
    for (Street &s : d.streets) {
        std::vector<const GEOSGeometry *> parts;
        int urban = 0;
        for (int ci : s.communities) {
            const Community &c = d.communities[static_cast<std::size_t>(ci)];
            parts.push_back(c.geom.get());
            urban += c.urban ? 1 : 0;
        }
        s.subdistrict = 2 * urban > static_cast<int>(s.communities.size());
        s.geom = unionOnGrid(parts);
        const Geom m = toMetric(s.geom.get(), proj);
        s.areaM2 = area(m.get());
        s.centre = centroid(m.get());
    }
}

void numberRegions(District &d)
{
    // Streets: subdistricts 001-099, then towns 100-199, each by distance from the label point.
    const std::vector<int> streetOrder = orderBy(d.streets.size(), [&d](int i) {
        const Street &s = d.streets[static_cast<std::size_t>(i)];
        return std::make_pair(s.subdistrict ? 0 : 1, dist2(s.centre, d.label));
    });
    int subdistricts = 0, towns = 0;
    for (std::size_t r = 0; r < streetOrder.size(); ++r) {
        Street &s = d.streets[static_cast<std::size_t>(streetOrder[r])];
        const int n = s.subdistrict ? ++subdistricts : 99 + ++towns;
        if (subdistricts > 99 || towns > 100)
            throw std::runtime_error("district " + d.code + ": too many streets of one kind");
        s.code = d.code + threeDigits(n);
    }

    // Communities: urban 001-199, villages 200-399, by distance from the street centre.
    for (Street &s : d.streets) {
        std::vector<int> order = s.communities;
        std::stable_sort(order.begin(), order.end(), [&d, &s](int a, int b) {
            const Community &ca = d.communities[static_cast<std::size_t>(a)];
            const Community &cb = d.communities[static_cast<std::size_t>(b)];
            return std::make_pair(ca.urban ? 0 : 1, dist2(ca.centre, s.centre))
                < std::make_pair(cb.urban ? 0 : 1, dist2(cb.centre, s.centre));
        });
        int urban = 0, villages = 0;
        for (int ci : order) {
            Community &c = d.communities[static_cast<std::size_t>(ci)];
            c.ordinal = c.urban ? ++urban : ++villages;
            if (urban > 199 || villages > 200)
                throw std::runtime_error("street " + s.code + ": too many communities of one kind");
            c.code = s.code + threeDigits(c.urban ? c.ordinal : 199 + c.ordinal);
        }
    }

    // Grids: 001... by distance from the community centre.
    for (Community &c : d.communities) {
        std::vector<int> order = c.grids;
        std::stable_sort(order.begin(), order.end(), [&d, &c](int a, int b) {
            return dist2(d.grids[static_cast<std::size_t>(a)].centre, c.centre)
                < dist2(d.grids[static_cast<std::size_t>(b)].centre, c.centre);
        });
        if (order.size() > 999)
            throw std::runtime_error("community " + c.code + ": too many grids");
        for (std::size_t r = 0; r < order.size(); ++r)
            d.grids[static_cast<std::size_t>(order[r])].code = c.code + threeDigits(static_cast<int>(r) + 1);
    }

    // Reorder every level by code and remap the cross references.
    auto permutation = [](std::size_t n, auto codeOf) {
        std::vector<int> order(n);
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&codeOf](int a, int b) { return codeOf(a) < codeOf(b); });
        std::vector<int> newIndex(n);
        for (std::size_t r = 0; r < n; ++r)
            newIndex[static_cast<std::size_t>(order[r])] = static_cast<int>(r);
        return std::make_pair(order, newIndex);
    };
    const auto [sOrder, sNew] = permutation(d.streets.size(), [&d](int i) { return d.streets[static_cast<std::size_t>(i)].code; });
    const auto [cOrder, cNew] = permutation(d.communities.size(), [&d](int i) { return d.communities[static_cast<std::size_t>(i)].code; });
    const auto [gOrder, gNew] = permutation(d.grids.size(), [&d](int i) { return d.grids[static_cast<std::size_t>(i)].code; });

    std::vector<Street> streets;
    for (int i : sOrder) {
        Street s = std::move(d.streets[static_cast<std::size_t>(i)]);
        for (int &ci : s.communities)
            ci = cNew[static_cast<std::size_t>(ci)];
        std::sort(s.communities.begin(), s.communities.end());
        streets.push_back(std::move(s));
    }
    std::vector<Community> communities;
    for (int i : cOrder) {
        Community c = std::move(d.communities[static_cast<std::size_t>(i)]);
        c.street = sNew[static_cast<std::size_t>(c.street)];
        for (int &gi : c.grids)
            gi = gNew[static_cast<std::size_t>(gi)];
        std::sort(c.grids.begin(), c.grids.end());
        communities.push_back(std::move(c));
    }
    std::vector<Grid> grids;
    for (int i : gOrder) {
        Grid g = std::move(d.grids[static_cast<std::size_t>(i)]);
        g.community = cNew[static_cast<std::size_t>(g.community)];
        grids.push_back(std::move(g));
    }
    d.streets = std::move(streets);
    d.communities = std::move(communities);
    d.grids = std::move(grids);
}

} // namespace geogen

