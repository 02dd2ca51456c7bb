#include "verify.h"

#include "geojson.h"
#include "model.h"
#include "projection.h"

#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace geogen {

namespace {

struct Feature
{
    std::string code, name, nameEn, level, parent;
    Geom lonLat;
    Geom metric;
    double area = 0;
};

const std::vector<std::string> kLevels = {"district", "street", "community", "grid"};

int levelIndex(const std::string &level)
{
    const auto it = std::find(kLevels.begin(), kLevels.end(), level);
    return it == kLevels.end() ? -1 : static_cast<int>(it - kLevels.begin());
}

class Checker
{
public:
    void require(bool ok, const std::string &what)
    {
        if (!ok && failures_ < 20)
            std::printf("  FAIL: %s\n", what.c_str());
        failures_ += ok ? 0 : 1;
    }
    int failures() const { return failures_; }

private:
    int failures_ = 0;
};

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

bool onSixDecimals(double v)
{
    return v == roundCoord(v);
}

bool coordinatesRounded(const QJsonArray &a)
{
    for (const QJsonValue &v : a) {
        if (v.isArray()) {
            if (!coordinatesRounded(v.toArray()))
                return false;
        } else if (!onSixDecimals(v.toDouble())) {
            return false;
        }
    }
    return true;
}

std::string str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString().toStdString();
}

} // namespace

int verifyOutputs(const QString &districtsPath, const QString &regionsPath, const QString &sitesPath)
{
    Checker check;
    std::printf("Invariants (%s, %s):\n", qPrintable(regionsPath), qPrintable(sitesPath));

    // --- Read the regions back. ---
    const QJsonArray features = readJsonObject(regionsPath).value(QStringLiteral("features")).toArray();
    std::vector<Feature> all;
    bool rounded = true;
    for (const QJsonValue &v : features) {
        const QJsonObject f = v.toObject();
        const QJsonObject p = f.value(QStringLiteral("properties")).toObject();
        const QJsonObject g = f.value(QStringLiteral("geometry")).toObject();
        rounded = rounded && coordinatesRounded(g.value(QStringLiteral("coordinates")).toArray());
        Feature feat{str(p, "code"), str(p, "name"), str(p, "name_en"), str(p, "level"), str(p, "parent"),
                     geometryFromJson(g), nullptr, 0.0};
        all.push_back(std::move(feat));
    }

    Extent box{1e9, 1e9, -1e9, -1e9};
    for (const Feature &f : all) {
        if (f.level != "district")
            continue;
        const Extent e = extent(f.lonLat.get());
        box = {std::min(box.minx, e.minx), std::min(box.miny, e.miny), std::max(box.maxx, e.maxx),
               std::max(box.maxy, e.maxy)};
    }
    const LocalProjection proj = LocalProjection::around((box.minx + box.maxx) / 2, (box.miny + box.maxy) / 2);
    for (Feature &f : all) {
        f.metric = transform(f.lonLat.get(), [&proj](double &x, double &y) { proj.toMetric(x, y); });
        f.area = area(f.metric.get());
    }

    // --- Counts, codes and the parent chain. ---
    std::map<std::string, std::size_t> byCode;
    std::array<int, 4> perLevel{};
    int invalid = 0, badOrder = 0, badParent = 0, badName = 0;
    int urbanCommunities = 0, villages = 0, subdistricts = 0, towns = 0;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Feature &f = all[i];
        const int level = levelIndex(f.level);
        check.require(level >= 0, "unknown level '" + f.level + "' of " + f.code);
        if (level < 0)
            continue;
        ++perLevel[static_cast<std::size_t>(level)];
        check.require(byCode.emplace(f.code, i).second, "duplicate code " + f.code);
        check.require(f.code.size() == static_cast<std::size_t>(6 + 3 * level)
                          && std::all_of(f.code.begin(), f.code.end(), [](char c) { return c >= '0' && c <= '9'; }),
                      "malformed code " + f.code);
        if (!isValid(f.lonLat.get()))
            ++invalid;
        if (i > 0) {
            const Feature &prev = all[i - 1];
            const int prevLevel = levelIndex(prev.level);
            if (prevLevel > level || (prevLevel == level && !(prev.code < f.code)))
                ++badOrder;
        }
        if (f.name.empty() || f.nameEn.empty())
            ++badName;
        if (level == 1) {
            const int n = std::stoi(f.code.substr(6));
            const bool sub = f.name.ends_with("街道");
            (sub ? subdistricts : towns) += 1;
            if (!(sub ? (n >= 1 && n <= 99) : (n >= 100 && n <= 199 && f.name.ends_with("镇"))))
                ++badName;
        } else if (level == 2) {
            const int n = std::stoi(f.code.substr(9));
            const bool urban = f.name.ends_with("社区");
            (urban ? urbanCommunities : villages) += 1;
            if (!(urban ? (n >= 1 && n <= 199) : (n >= 200 && n <= 399 && f.name.ends_with("村"))))
                ++badName;
        }
    }
    for (const Feature &f : all) {
        const int level = levelIndex(f.level);
        if (level <= 0) {
            if (level == 0 && !f.parent.empty())
                ++badParent;
            continue;
        }
        const auto it = byCode.find(f.parent);
        if (it == byCode.end() || levelIndex(all[it->second].level) != level - 1 || !f.code.starts_with(f.parent))
            ++badParent;
    }
    std::printf("  features: districts %d, streets %d (subdistricts %d, towns %d), communities %d (urban %d, "
                "villages %d), grids %d\n",
                perLevel[0], perLevel[1], subdistricts, towns, perLevel[2], urbanCommunities, villages, perLevel[3]);
    check.require(perLevel[3] == totalGrids(), "grid count is not " + std::to_string(totalGrids()));
    int streetsWanted = 0, communitiesWanted = 0, urbanWanted = 0;
    for (const DistrictSpec &s : districtSpecs()) {
        streetsWanted += s.streets;
        communitiesWanted += s.urbanCommunities + s.villages;
        urbanWanted += s.urbanCommunities;
    }
    check.require(perLevel[0] == static_cast<int>(districtSpecs().size()), "district count");
    check.require(perLevel[1] == streetsWanted, "street count");
    check.require(perLevel[2] == communitiesWanted && urbanCommunities == urbanWanted, "community counts");
    std::printf("  codes unique, parents one level up and code prefixes: %s; level order and code order: %s\n",
                badParent == 0 ? "ok" : "FAILED", badOrder == 0 ? "ok" : "FAILED");
    check.require(badParent == 0, std::to_string(badParent) + " features with a bad parent");
    check.require(badOrder == 0, std::to_string(badOrder) + " features out of order");
    check.require(badName == 0, std::to_string(badName) + " names that do not match their code range");
    std::printf("  geometries valid: %s (%d invalid); coordinates on 6 decimals: %s\n", invalid == 0 ? "ok" : "FAILED",
                invalid, rounded ? "ok" : "FAILED");
    check.require(invalid == 0, "invalid geometries");
    check.require(rounded, "coordinates with more than 6 decimals");

    // --- The source outlines: the district features must be those, made valid. ---
    {
        const QJsonArray src = readJsonObject(districtsPath).value(QStringLiteral("features")).toArray();
        for (const QJsonValue &v : src) {
            const QJsonObject f = v.toObject();
            const QJsonValue idValue = f.value(QStringLiteral("id"));
            const std::string code = idValue.isString() ? idValue.toString().toStdString()
                                                        : std::to_string(idValue.toInteger());
            const auto it = byCode.find(code);
            check.require(it != byCode.end(), "district " + code + " missing from the regions");
            if (it == byCode.end())
                continue;
            const Geom raw = polygonal(makeValid(geometryFromJson(f.value(QStringLiteral("geometry")).toObject()).get()).get());
            const Geom diff = symDifference(raw.get(), all[it->second].lonLat.get());
            const double rel = area(diff.get()) / area(raw.get());
            check.require(rel < 1e-6, "district " + code + " outline differs from the source");
        }
    }

    // --- Tiling and nesting, in the metric projection. ---
    std::map<std::string, std::vector<std::size_t>> children;
    for (std::size_t i = 0; i < all.size(); ++i)
        if (!all[i].parent.empty())
            children[all[i].parent].push_back(i);
    std::vector<std::size_t> gridIdx;
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i].level == "grid")
            gridIdx.push_back(i);

    auto unionOf = [&all](const std::vector<std::size_t> &idx) {
        std::vector<const GEOSGeometry *> parts;
        for (std::size_t i : idx)
            parts.push_back(all[i].metric.get());
        return unaryUnion(parts);
    };
    auto gridsOf = [&](const std::string &prefix) {
        std::vector<std::size_t> out;
        for (std::size_t i : gridIdx)
            if (all[i].code.starts_with(prefix))
                out.push_back(i);
        return out;
    };

    for (const Feature &d : all) {
        if (d.level != "district")
            continue;
        const std::vector<std::size_t> grids = gridsOf(d.code);
        const Geom u = unionOf(grids);
        double sum = 0.0, worstOutside = 0.0;
        const Prepared district = prepare(d.metric.get());
        for (std::size_t i : grids) {
            sum += all[i].area;
            if (GEOSPreparedCovers_r(ctx(), district.get(), all[i].metric.get()) == 1)
                continue;
            const Geom outside = difference(all[i].metric.get(), d.metric.get());
            worstOutside = std::max(worstOutside, area(outside.get()) / all[i].area);
        }
        const double coverage = area(symDifference(u.get(), d.metric.get()).get()) / d.area;
        const double overlap = (sum - area(u.get())) / d.area;
        std::printf("  %s %s: %zu grids, area %.1f km2, coverage error %.5f %%, overlap %.5f %%, largest part of a "
                    "grid outside the district %.1e %% of the grid\n",
                    d.code.c_str(), d.name.c_str(), grids.size(), d.area / 1e6, 100 * coverage, std::max(0.0, 100 * overlap),
                    100 * worstOutside);
        check.require(coverage < 0.005, d.code + ": grids do not cover the district");
        check.require(overlap < 0.001, d.code + ": grids overlap");
        check.require(worstOutside < 1e-4, d.code + ": a grid reaches outside the district");
    }

    double worstCommunity = 0.0, worstStreet = 0.0;
    for (const Feature &f : all) {
        if (f.level != "community" && f.level != "street")
            continue;
        const auto kids = children.find(f.code);
        check.require(kids != children.end(), f.code + " has no children");
        if (kids == children.end())
            continue;
        const Geom u = unionOf(kids->second);
        const double rel = area(symDifference(u.get(), f.metric.get()).get()) / f.area;
        (f.level == "community" ? worstCommunity : worstStreet) =
            std::max(f.level == "community" ? worstCommunity : worstStreet, rel);
    }
    std::printf("  nesting: community vs union of its grids max %.2e, street vs union of its communities max %.2e "
                "(relative symmetric difference)\n",
                worstCommunity, worstStreet);
    check.require(worstCommunity < 1e-4 && worstStreet < 1e-4, "nesting is not exact");

    std::vector<double> urbanAreas, ruralAreas;
    double minArea = 1e300, maxArea = 0.0;
    std::string minCode, maxCode;
    for (std::size_t i : gridIdx) {
        const Feature &g = all[i];
        const bool urban = std::stoi(g.code.substr(9, 3)) < 200;
        (urban ? urbanAreas : ruralAreas).push_back(g.area / 1e6);
        if (g.area < minArea) {
            minArea = g.area;
            minCode = g.code;
        }
        if (g.area > maxArea) {
            maxArea = g.area;
            maxCode = g.code;
        }
    }
    std::printf("  grid area: min %.4f km2 (%s), max %.2f km2 (%s); median urban %.3f km2 (%zu grids), median "
                "rural %.3f km2 (%zu grids)\n",
                minArea / 1e6, minCode.c_str(), maxArea / 1e6, maxCode.c_str(), median(urbanAreas), urbanAreas.size(),
                median(ruralAreas), ruralAreas.size());

    // --- Sites. ---
    const QJsonArray sites = readJsonObject(sitesPath).value(QStringLiteral("features")).toArray();
    std::map<std::string, int> perKind;
    std::set<std::string> ids;
    int outside = 0, badSite = 0;
    for (const QJsonValue &v : sites) {
        const QJsonObject f = v.toObject();
        const QJsonObject p = f.value(QStringLiteral("properties")).toObject();
        const std::string id = str(p, "id"), kind = str(p, "kind"), region = str(p, "region");
        ++perKind[kind];
        if (!ids.insert(id).second || str(p, "name").empty() || str(p, "name_en").empty())
            ++badSite;
        const QJsonArray c = f.value(QStringLiteral("geometry")).toObject().value(QStringLiteral("coordinates")).toArray();
        if (!coordinatesRounded(c))
            ++badSite;
        const Geom pt = geometryFromJson(f.value(QStringLiteral("geometry")).toObject());
        const auto it = byCode.find(region);
        if (it == byCode.end() || all[it->second].level != "grid"
            || GEOSContains_r(ctx(), all[it->second].lonLat.get(), pt.get()) != 1)
            ++outside;
        const bool needsRings = kind == "police_station" || kind == "checkpoint";
        if (needsRings != p.contains(QStringLiteral("rings")))
            ++badSite;
    }
    const std::map<std::string, int> wanted = {{"police_station", 28}, {"checkpoint", 47}, {"mediation_room", 51},
                                               {"mediation_point", 528}, {"smart_community", 108}};
    std::printf("  sites: %lld total;", static_cast<long long>(sites.size()));
    for (const auto &[kind, n] : wanted) {
        std::printf(" %s %d", kind.c_str(), perKind[kind]);
        check.require(perKind[kind] == n, "site count of kind " + kind);
    }
    std::printf("; inside their region grid: %s (%d outside); ids unique: %s\n", outside == 0 ? "ok" : "FAILED",
                outside, badSite == 0 ? "ok" : "FAILED");
    check.require(static_cast<int>(sites.size()) == 762, "site total");
    check.require(outside == 0, "sites outside their region grid");
    check.require(badSite == 0, "sites with bad ids, names, coordinates or rings");

    std::printf("  file sizes: %s %.2f MB, %s %.2f MB\n", qPrintable(regionsPath),
                static_cast<double>(QFileInfo(regionsPath).size()) / 1e6, qPrintable(sitesPath),
                static_cast<double>(QFileInfo(sitesPath).size()) / 1e6);
    std::printf("  result: %s\n", check.failures() == 0 ? "all invariants hold" : "INVARIANTS VIOLATED");
    return check.failures();
}

} // namespace geogen
