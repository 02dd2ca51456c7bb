#include "sites.h"

#include "density.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <memory>
#include <numeric>
#include <stdexcept>
#include <tuple>

namespace geogen {

namespace {

struct GridRef
{
    int district = -1;
    int grid = -1;
};

// Finds the grid whose interior contains a point. Points are tested after rounding to the
// written 6 decimals, so the containment holds for what readers of the file see.
class GridLocator
{
public:
    explicit GridLocator(const std::vector<District> &districts) : districts_(districts)
    {
        for (const District &d : districts) {
            std::vector<Entry> entries;
            for (const Grid &g : d.grids)
                entries.push_back({prepare(g.geom.get()), extent(g.geom.get())});
            grids_.push_back(std::move(entries));
        }
    }

    bool find(Pt p, int district, const std::vector<int> *only, GridRef &out) const
    {
        auto test = [&](int di, int gi) {
            const Entry &e = grids_[static_cast<std::size_t>(di)][static_cast<std::size_t>(gi)];
            if (p.x < e.box.minx || p.x > e.box.maxx || p.y < e.box.miny || p.y > e.box.maxy)
                return false;
            if (!contains(e.prepared, p))
                return false;
            out = {di, gi};
            return true;
        };
        if (only) {
            for (int gi : *only)
                if (test(district, gi))
                    return true;
            return false;
        }
        const int n = static_cast<int>(grids_[static_cast<std::size_t>(district)].size());
        for (int gi = 0; gi < n; ++gi)
            if (test(district, gi))
                return true;
        return false;
    }

    // Rounds `raw` (lon/lat) to 6 decimals and finds its grid; a point that rounds onto a grid
    // boundary is nudged by a few 1e-6 steps, which is well below any visible distance.
    bool resolve(Pt raw, int district, const std::vector<int> *only, Pt &rounded, GridRef &out) const
    {
        const Pt base{roundCoord(raw.x), roundCoord(raw.y)};
        for (int r = 0; r <= 3; ++r) {
            for (int dy = -r; dy <= r; ++dy) {
                for (int dx = -r; dx <= r; ++dx) {
                    if (std::max(std::abs(dx), std::abs(dy)) != r)
                        continue;
                    const Pt p{roundCoord(base.x + dx * kGridSize), roundCoord(base.y + dy * kGridSize)};
                    if (find(p, district, only, out)) {
                        rounded = p;
                        return true;
                    }
                }
            }
        }
        return false;
    }

    const Grid &grid(GridRef r) const
    {
        return districts_[static_cast<std::size_t>(r.district)].grids[static_cast<std::size_t>(r.grid)];
    }
    const Community &community(GridRef r) const
    {
        return districts_[static_cast<std::size_t>(r.district)]
            .communities[static_cast<std::size_t>(grid(r).community)];
    }

private:
    struct Entry
    {
        Prepared prepared;
        Extent box;
    };
    const std::vector<District> &districts_;
    std::vector<std::vector<Entry>> grids_;
};

std::string numbered(const char *prefix, int n, int digits)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s-%0*d", prefix, digits, n);
    return buf;
}

// Gives repeated names an ordinal: 曙光社区警务站, 曙光社区第2警务站, ...
class NameCounter
{
public:
    std::pair<std::string, std::string> make(const std::string &zh, const std::string &en, const char *suffixZh,
                                             const char *suffixEn)
    {
        const int n = ++seen_[zh];
        if (n == 1)
            return {zh + suffixZh, en + " " + suffixEn};
        return {zh + "第" + std::to_string(n) + suffixZh, en + " " + suffixEn + " " + std::to_string(n)};
    }

private:
    std::map<std::string, int> seen_;
};

double nearestDist(const std::vector<Pt> &pts, Pt p)
{
    double best = std::numeric_limits<double>::infinity();
    for (const Pt &q : pts)
        best = std::min(best, dist2(p, q));
    return std::sqrt(best);
}

Pt toLonLat(Pt m, const LocalProjection &proj)
{
    proj.toLonLat(m.x, m.y);
    return m;
}

std::string stripSuffix(const std::string &s, const std::string &suffix)
{
    return s.ends_with(suffix) ? s.substr(0, s.size() - suffix.size()) : s;
}

// Sorts sites by the grid they fall in, then numbers them.
void numberSites(std::vector<Site> &sites, const char *prefix, int digits)
{
    std::stable_sort(sites.begin(), sites.end(), [](const Site &a, const Site &b) {
        return std::tie(a.region, a.lonLat.x, a.lonLat.y) < std::tie(b.region, b.lonLat.x, b.lonLat.y);
    });
    for (std::size_t i = 0; i < sites.size(); ++i)
        sites[i].id = numbered(prefix, static_cast<int>(i) + 1, digits);
}

// A site at a point inside `community` (its point on surface; the largest grid's if that fails).
Site siteInCommunity(const GridLocator &locator, int district, const Community &c, const District &d)
{
    Site s;
    GridRef ref;
    if (!locator.resolve(pointOnSurface(c.geom.get()), district, &c.grids, s.lonLat, ref)) {
        int largest = c.grids.front();
        for (int gi : c.grids)
            if (d.grids[static_cast<std::size_t>(gi)].areaM2 > d.grids[static_cast<std::size_t>(largest)].areaM2)
                largest = gi;
        const Pt p = pointOnSurface(d.grids[static_cast<std::size_t>(largest)].geom.get());
        if (!locator.resolve(p, district, &c.grids, s.lonLat, ref))
            throw std::runtime_error("no interior point found in community " + c.code);
    }
    s.region = locator.grid(ref).code;
    return s;
}

int densestCommunity(const District &d, const Street &s, int skip)
{
    int best = -1;
    for (int ci : s.communities) {
        if (ci == skip)
            continue;
        if (best < 0
            || d.communities[static_cast<std::size_t>(ci)].gridsPerKm2()
                > d.communities[static_cast<std::size_t>(best)].gridsPerKm2())
            best = ci;
    }
    return best;
}

} // namespace

std::vector<int> apportion(int total, const std::vector<double> &weights)
{
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    std::vector<int> out(weights.size(), 0);
    std::vector<std::pair<double, std::size_t>> remainders;
    int given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const double exact = total * weights[i] / sum;
        out[i] = static_cast<int>(std::floor(exact));
        given += out[i];
        remainders.push_back({-(exact - out[i]), i});
    }
    std::sort(remainders.begin(), remainders.end());
    for (int i = 0; given < total; ++i, ++given)
        ++out[remainders[static_cast<std::size_t>(i)].second];
    return out;
}

std::vector<Site> placeSites(const std::vector<District> &districts, const LocalProjection &proj, Rng &rng,
                             const SiteCounts &counts)
{
    const GridLocator locator(districts);
    const int nd = static_cast<int>(districts.size());

    // --- Police response points: where cases are likely (drawn from g), kept apart. ---
    std::vector<Site> police;
    {
        std::vector<double> urbanGrids;
        for (const District &d : districts) {
            double n = 0;
            for (const Community &c : d.communities)
                n += c.urban ? static_cast<double>(c.grids.size()) : 0.0;
            urbanGrids.push_back(n);
        }
        const std::vector<int> perDistrict = apportion(counts.police, urbanGrids);
        const double minSpacing = 1500.0;
        // Beyond this distance isolation earns nothing more, so remote exclaves do not win over
        // busy streets just for being far from everything.
        const double spacingCap = 3000.0;
        std::vector<Pt> placed;
        NameCounter names;
        for (int di = 0; di < nd; ++di) {
            const District &d = districts[static_cast<std::size_t>(di)];
            const DensitySampler sampler(d.metric.get(), d.density);
            for (int k = 0; k < perDistrict[static_cast<std::size_t>(di)];) {
                Pt best{};
                double bestScore = -1.0;
                for (int round = 0; round < 40 && bestScore < 0.0; ++round) {
                    for (int c = 0; c < 24; ++c) {
                        const Pt p = sampler.sample(rng);
                        const double dn = nearestDist(placed, p);
                        if (dn < minSpacing && round < 39)
                            continue;
                        const double score = std::min(dn, spacingCap) * std::sqrt(d.density(p));
                        if (score > bestScore) {
                            bestScore = score;
                            best = p;
                        }
                    }
                }
                Site s;
                GridRef ref;
                if (!locator.resolve(toLonLat(best, proj), di, nullptr, s.lonLat, ref))
                    continue; // rounding landed outside every grid; draw again
                placed.push_back(best);
                const Community &c = locator.community(ref);
                s.kind = "police_station";
                s.region = locator.grid(ref).code;
                std::tie(s.name, s.nameEn) = names.make(c.name, c.nameEn, "警务站", "Police Station");
                for (int minutes : {1, 3, 5})
                    s.rings.push_back({minutes, static_cast<int>(minutes * kPoliceMetresPerMinute)});
                police.push_back(std::move(s));
                ++k;
            }
        }
        numberSites(police, "police", 2);
    }

    // --- Lockdown checkpoints: the whole territory, pulled towards district borders and the
    // ring road zone around the urban core. ---
    std::vector<Site> checkpoints;
    {
        std::vector<Pt> core;
        for (const District &d : districts)
            if (d.code == "211102" || d.code == "211103")
                core.push_back(d.label);
        std::vector<Geom> borders;
        std::vector<double> areas;
        for (const District &d : districts) {
            borders.push_back(own(GEOSBoundary_r(ctx(), d.metric.get()), "boundary"));
            areas.push_back(d.areaM2);
        }
        const Geom borderLines = collect(GEOS_GEOMETRYCOLLECTION, std::move(borders));
        const Prepared border = prepare(borderLines.get());
        const double coreRadius = 7000.0;
        auto weight = [&](Pt p) {
            double w = 0.2 + std::exp(-distance(border, p) / 2000.0);
            if (!core.empty()) {
                const double r = nearestDist(core, p);
                w += std::exp(-std::pow((r - coreRadius) / 2500.0, 2));
            }
            return w;
        };
        const double maxWeight = 2.2;
        const double totalArea = std::accumulate(areas.begin(), areas.end(), 0.0);
        std::vector<std::unique_ptr<DensitySampler>> samplers;
        for (const District &d : districts)
            samplers.push_back(std::make_unique<DensitySampler>(d.metric.get(), d.density));

        std::vector<Pt> placed;
        NameCounter names;
        while (static_cast<int>(checkpoints.size()) < counts.checkpoints) {
            Pt best{};
            int bestDistrict = 0;
            double bestScore = -1.0;
            for (int c = 0; c < 16; ++c) {
                // District by area, point uniform in it, kept with probability w / max w.
                double pick = rng.uniform() * totalArea;
                int di = 0;
                while (di + 1 < nd && pick >= areas[static_cast<std::size_t>(di)])
                    pick -= areas[static_cast<std::size_t>(di++)];
                const Pt p = samplers[static_cast<std::size_t>(di)]->sampleUniform(rng);
                const double w = weight(p);
                if (rng.uniform() * maxWeight > w)
                    continue;
                const double score = std::min(nearestDist(placed, p), 1e7) * std::sqrt(w);
                if (score > bestScore) {
                    bestScore = score;
                    best = p;
                    bestDistrict = di;
                }
            }
            if (bestScore < 0.0)
                continue;
            Site s;
            GridRef ref;
            if (!locator.resolve(toLonLat(best, proj), bestDistrict, nullptr, s.lonLat, ref))
                continue;
            placed.push_back(best);
            const Community &c = locator.community(ref);
            s.kind = "checkpoint";
            s.region = locator.grid(ref).code;
            std::tie(s.name, s.nameEn) = names.make(c.name, c.nameEn, "卡口", "Checkpoint");
            for (int minutes : {10, 20})
                s.rings.push_back({minutes, static_cast<int>(minutes * kCheckpointMetresPerMinute)});
            checkpoints.push_back(std::move(s));
        }
        numberSites(checkpoints, "lockdown", 2);
    }

    // --- Township mediation rooms: one per street in its densest community, the rest in the
    // largest streets (second-densest community there). ---
    std::vector<Site> rooms;
    {
        struct StreetRef
        {
            int district, street;
            double area;
            std::string code;
        };
        std::vector<StreetRef> all;
        for (int di = 0; di < nd; ++di) {
            const District &d = districts[static_cast<std::size_t>(di)];
            for (std::size_t si = 0; si < d.streets.size(); ++si)
                all.push_back({di, static_cast<int>(si), d.streets[si].areaM2, d.streets[si].code});
        }
        const int extra = counts.mediationRooms - static_cast<int>(all.size());
        if (extra < 0)
            throw std::runtime_error("fewer mediation rooms than streets");
        std::vector<StreetRef> bySize = all;
        std::stable_sort(bySize.begin(), bySize.end(),
                         [](const StreetRef &a, const StreetRef &b) { return a.area > b.area; });
        std::map<std::string, int> roomsPerStreet;
        for (const StreetRef &r : all)
            roomsPerStreet[r.code] = 1;
        for (int i = 0; i < extra; ++i)
            ++roomsPerStreet[bySize[static_cast<std::size_t>(i) % bySize.size()].code];

        for (const StreetRef &r : all) {
            const District &d = districts[static_cast<std::size_t>(r.district)];
            const Street &st = d.streets[static_cast<std::size_t>(r.street)];
            int skip = -1;
            for (int n = 1; n <= roomsPerStreet[r.code]; ++n) {
                int ci = densestCommunity(d, st, skip);
                if (ci < 0)
                    ci = skip; // a street of one community keeps both rooms there
                const Community &c = d.communities[static_cast<std::size_t>(ci)];
                Site s = siteInCommunity(locator, r.district, c, d);
                s.kind = "mediation_room";
                if (n == 1) {
                    s.name = st.name + "调解室";
                    s.nameEn = st.nameEn + " Mediation Room";
                } else {
                    s.name = st.name + "第" + std::to_string(n) + "调解室";
                    s.nameEn = st.nameEn + " Mediation Room " + std::to_string(n);
                }
                rooms.push_back(std::move(s));
                skip = ci;
            }
        }
        for (std::size_t i = 0; i < rooms.size(); ++i)
            rooms[i].id = numbered("mediation-room", static_cast<int>(i) + 1, 2);
    }

    // --- Village mediation points: one per village. ---
    std::vector<Site> points;
    for (int di = 0; di < nd; ++di) {
        const District &d = districts[static_cast<std::size_t>(di)];
        for (const Community &c : d.communities) {
            if (c.urban)
                continue;
            Site s = siteInCommunity(locator, di, c, d);
            s.kind = "mediation_point";
            s.name = c.name + "调解点";
            s.nameEn = c.nameEn + " Mediation Point";
            s.id = numbered("mediation-point", static_cast<int>(points.size()) + 1, 4);
            points.push_back(std::move(s));
        }
    }

    // --- Smart-security communities: the densest urban communities, shared out between the
    // districts in proportion to their urban communities. ---
    std::vector<Site> smart;
    {
        std::vector<double> urbanCounts;
        for (const District &d : districts)
            urbanCounts.push_back(d.spec->urbanCommunities);
        const std::vector<int> perDistrict = apportion(counts.smartCommunities, urbanCounts);
        for (int di = 0; di < nd; ++di) {
            const District &d = districts[static_cast<std::size_t>(di)];
            std::vector<int> urban;
            for (std::size_t ci = 0; ci < d.communities.size(); ++ci)
                if (d.communities[ci].urban)
                    urban.push_back(static_cast<int>(ci));
            std::stable_sort(urban.begin(), urban.end(), [&d](int a, int b) {
                return d.communities[static_cast<std::size_t>(a)].gridsPerKm2()
                    > d.communities[static_cast<std::size_t>(b)].gridsPerKm2();
            });
            const auto take = std::min<std::size_t>(urban.size(), static_cast<std::size_t>(perDistrict[static_cast<std::size_t>(di)]));
            urban.resize(take);
            std::sort(urban.begin(), urban.end()); // communities are stored in code order
            for (int ci : urban) {
                const Community &c = d.communities[static_cast<std::size_t>(ci)];
                Site s = siteInCommunity(locator, di, c, d);
                s.kind = "smart_community";
                s.name = stripSuffix(c.name, "社区") + "智安社区";
                s.nameEn = stripSuffix(c.nameEn, " Community") + " Smart-Security Community";
                smart.push_back(std::move(s));
            }
        }
        if (static_cast<int>(smart.size()) != counts.smartCommunities)
            throw std::runtime_error("not enough urban communities for the smart-security communities");
        for (std::size_t i = 0; i < smart.size(); ++i)
            smart[i].id = numbered("smart-community", static_cast<int>(i) + 1, 3);
    }

    std::vector<Site> out;
    for (auto *group : {&police, &checkpoints, &rooms, &points, &smart})
        for (Site &s : *group)
            out.push_back(std::move(s));
    return out;
}

} // namespace geogen
