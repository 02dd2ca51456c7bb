// gridwall-geogen: command line, input/output and the overall run.
//
//   gridwall-geogen --districts IN.geojson --regions-out OUT.geojson --sites-out SITES.geojson [--seed N]
//   gridwall-geogen --check --districts IN.geojson --regions-out OUT.geojson --sites-out SITES.geojson
//
// The same inputs and seed always give byte-identical files.

#include "geojson.h"
#include "model.h"
#include "naming.h"
#include "partition.h"
#include "projection.h"
#include "rng.h"
#include "sites.h"
#include "verify.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

using namespace geogen;

namespace {

constexpr std::uint64_t kDefaultSeed = 2648;

struct Options
{
    QString districts, regionsOut, sitesOut;
    std::uint64_t seed = kDefaultSeed;
    bool checkOnly = false;
};

const char *kUsage = "usage: gridwall-geogen --districts IN.geojson --regions-out OUT.geojson "
                     "--sites-out SITES.geojson [--seed N] [--check]";

Options parseArgs(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> QString {
            if (i + 1 >= argc)
                throw std::runtime_error("missing value for " + arg + "; " + kUsage);
            return QString::fromLocal8Bit(argv[++i]);
        };
        if (arg == "--districts") {
            o.districts = value();
        } else if (arg == "--regions-out") {
            o.regionsOut = value();
        } else if (arg == "--sites-out") {
            o.sitesOut = value();
        } else if (arg == "--seed") {
            const QString v = value();
            bool ok = false;
            o.seed = v.toULongLong(&ok);
            if (!ok)
                throw std::runtime_error("--seed needs a non-negative integer, got '" + v.toStdString() + "'");
        } else if (arg == "--check") {
            o.checkOnly = true;
        } else if (arg == "--help" || arg == "-h") {
            std::printf("%s\n", kUsage);
            std::exit(0);
        } else {
            throw std::runtime_error("unknown argument '" + arg + "'; " + kUsage);
        }
    }
    if (o.districts.isEmpty() || o.regionsOut.isEmpty() || o.sitesOut.isEmpty())
        throw std::runtime_error(kUsage);
    return o;
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

// Reads the four district outlines, makes them valid and snaps them to the output grid.
std::vector<District> loadDistricts(const QString &path)
{
    const QJsonArray features = readJsonObject(path).value(QStringLiteral("features")).toArray();
    std::vector<District> out;
    for (const DistrictSpec &spec : districtSpecs()) {
        std::optional<QJsonObject> found;
        for (const QJsonValue &v : features) {
            const QJsonValue id = v.toObject().value(QStringLiteral("id"));
            const std::string code = id.isString() ? id.toString().toStdString() : std::to_string(id.toInteger());
            if (code == spec.code) {
                found = v.toObject();
                break;
            }
        }
        if (!found)
            throw std::runtime_error(path.toStdString() + ": district " + spec.code + " not found");
        const QJsonObject &f = *found;
        const QJsonObject props = f.value(QStringLiteral("properties")).toObject();
        const QJsonArray cp = props.value(QStringLiteral("cp")).toArray();
        if (cp.size() < 2)
            throw std::runtime_error(std::string("district ") + spec.code + " has no label point 'cp'");

        District d;
        d.spec = &spec;
        d.code = spec.code;
        d.name = props.value(QStringLiteral("name")).toString().toStdString();
        d.nameEn = spec.nameEn;
        d.labelLonLat = {cp.at(0).toDouble(), cp.at(1).toDouble()};
        const Geom raw = geometryFromJson(f.value(QStringLiteral("geometry")).toObject());
        d.geom = snapToGrid(polygonal(makeValid(raw.get()).get()).get());
        if (isEmpty(d.geom.get()))
            throw std::runtime_error(std::string("district ") + spec.code + " has an empty outline");
        out.push_back(std::move(d));
    }
    return out;
}

LocalProjection cityProjection(const std::vector<District> &districts)
{
    Extent box{1e9, 1e9, -1e9, -1e9};
    for (const District &d : districts) {
        const Extent e = extent(d.geom.get());
        box = {std::min(box.minx, e.minx), std::min(box.miny, e.miny), std::max(box.maxx, e.maxx),
               std::max(box.maxy, e.maxy)};
    }
    return LocalProjection::around((box.minx + box.maxx) / 2, (box.miny + box.maxy) / 2);
}

void generateDistrict(District &d, const std::vector<District> &all, const LocalProjection &proj,
                      std::uint64_t seed)
{
    d.metric = transform(d.geom.get(), [&proj](double &x, double &y) { proj.toMetric(x, y); });
    d.areaM2 = area(d.metric.get());
    d.label = d.labelLonLat;
    proj.toMetric(d.label.x, d.label.y);

    std::vector<Peak> peaks{{d.label, d.spec->sigmaKm * 1000.0, 1.0, 0.0, 0.0}};
    if (d.spec->sharedCore) {
        for (const District &other : all) {
            if (other.code != d.spec->sharedCore)
                continue;
            Pt c = other.labelLonLat;
            proj.toMetric(c.x, c.y);
            peaks.push_back({c, d.spec->sigmaKm * 1000.0, 0.5, 0.0, 0.0});
        }
    }
    d.density = makeDensity(d.metric.get(), std::move(peaks), d.spec->grids, d.spec->urbanShare);

    Rng rng(mixSeed(seed, std::stoull(d.code)));
    std::vector<Pt> seeds = sampleSeeds(d, rng);
    relaxSeeds(d, seeds, 2, 0.5);
    buildGrids(d, seeds, proj);
    if (static_cast<int>(d.grids.size()) != d.spec->grids)
        throw std::runtime_error("district " + d.code + ": wrong number of grids");
    buildCommunities(d, rng, proj);
    buildStreets(d, rng, proj);
    numberRegions(d);
    assignNames(d, rng);
}

QJsonObject regionProperties(const std::string &code, const std::string &name, const std::string &nameEn,
                             const char *level, const std::string &parent)
{
    QJsonObject p{{QStringLiteral("code"), q(code)},
                  {QStringLiteral("name"), q(name)},
                  {QStringLiteral("name_en"), q(nameEn)},
                  {QStringLiteral("level"), QLatin1String(level)}};
    if (!parent.empty())
        p.insert(QStringLiteral("parent"), q(parent));
    return p;
}

qint64 writeRegions(const QString &path, const std::vector<District> &districts)
{
    std::vector<QByteArray> lines;
    for (const District &d : districts)
        lines.push_back(featureLine(regionProperties(d.code, d.name, d.nameEn, "district", {}), geometryToJson(d.geom.get())));
    for (const District &d : districts)
        for (const Street &s : d.streets)
            lines.push_back(featureLine(regionProperties(s.code, s.name, s.nameEn, "street", d.code),
                                        geometryToJson(s.geom.get())));
    for (const District &d : districts)
        for (const Community &c : d.communities)
            lines.push_back(featureLine(regionProperties(c.code, c.name, c.nameEn, "community",
                                                         d.streets[static_cast<std::size_t>(c.street)].code),
                                        geometryToJson(c.geom.get())));
    for (const District &d : districts)
        for (const Grid &g : d.grids)
            lines.push_back(featureLine(regionProperties(g.code, g.name, g.nameEn, "grid",
                                                         d.communities[static_cast<std::size_t>(g.community)].code),
                                        geometryToJson(g.geom.get())));
    return writeFeatureCollection(path, lines);
}

qint64 writeSites(const QString &path, const std::vector<Site> &sites)
{
    std::vector<QByteArray> lines;
    for (const Site &s : sites) {
        QJsonObject p{{QStringLiteral("id"), q(s.id)},
                      {QStringLiteral("kind"), q(s.kind)},
                      {QStringLiteral("name"), q(s.name)},
                      {QStringLiteral("name_en"), q(s.nameEn)},
                      {QStringLiteral("region"), q(s.region)}};
        if (!s.rings.empty()) {
            QJsonArray rings;
            for (const Ring &r : s.rings)
                rings.append(QJsonObject{{QStringLiteral("minutes"), r.minutes}, {QStringLiteral("radius_m"), r.radiusM}});
            p.insert(QStringLiteral("rings"), rings);
        }
        const QJsonObject geometry{{QStringLiteral("type"), QStringLiteral("Point")},
                                   {QStringLiteral("coordinates"), QJsonArray{s.lonLat.x, s.lonLat.y}}};
        lines.push_back(featureLine(p, geometry));
    }
    return writeFeatureCollection(path, lines);
}

double medianKm2(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2] / 1e6;
}

void printSummary(const District &d)
{
    int subdistricts = 0, urban = 0;
    for (const Street &s : d.streets)
        subdistricts += s.subdistrict ? 1 : 0;
    for (const Community &c : d.communities)
        urban += c.urban ? 1 : 0;
    std::vector<double> urbanAreas, ruralAreas;
    for (const Grid &g : d.grids)
        (d.communities[static_cast<std::size_t>(g.community)].urban ? urbanAreas : ruralAreas).push_back(g.areaM2);
    std::printf("%s %s (%s): %.1f km2, streets %zu (subdistricts %d, towns %zu), communities %zu (urban %d, "
                "villages %zu), grids %zu (median area urban %.3f km2, rural %.2f km2)\n",
                d.code.c_str(), d.name.c_str(), d.nameEn.c_str(), d.areaM2 / 1e6, d.streets.size(), subdistricts,
                d.streets.size() - static_cast<std::size_t>(subdistricts), d.communities.size(), urban,
                d.communities.size() - static_cast<std::size_t>(urban), d.grids.size(), medianKm2(urbanAreas),
                medianKm2(ruralAreas));
}

int run(const Options &o)
{
    const auto start = std::chrono::steady_clock::now();
    if (!o.checkOnly) {
        std::vector<District> districts = loadDistricts(o.districts);
        const LocalProjection proj = cityProjection(districts);
        for (District &d : districts) {
            generateDistrict(d, districts, proj, o.seed);
            printSummary(d);
        }
        Rng siteRng(mixSeed(o.seed, 0x5173));
        const std::vector<Site> sites = placeSites(districts, proj, siteRng);
        writeRegions(o.regionsOut, districts);
        writeSites(o.sitesOut, sites);
    }
    const int failures = verifyOutputs(o.districts, o.regionsOut, o.sitesOut);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("done in %.1f s\n", seconds);
    if (failures > 0) {
        std::fprintf(stderr, "gridwall-geogen: %d invariant(s) violated, see the report above\n", failures);
        return 2;
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    try {
        return run(parseArgs(argc, argv));
    } catch (const std::exception &e) {
        std::fflush(stdout);
        std::fprintf(stderr, "gridwall-geogen: %s\n", e.what());
        return 2;
    }
}
