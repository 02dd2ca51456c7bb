#include "picturelayout.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace gridwall::wall {

namespace {

// The presets, as a configuration would write them (docs/wall.md shows each).
// Each keeps the map the largest area: at least 55 % of a 16:9 picture and
// 60 % of a wider one, the panels beside it rather than over it.
constexpr const char *kPresets = R"([
  {"name": "16:9", "design": [1920, 1080],
   "columns": ["1fr", 560], "rows": [64, "1fr", 260, 96],
   "areas": ["header header",
             "map    panel",
             "map    tiles",
             "ticker tiles"]},
  {"name": "32:9", "design": [3840, 1080],
   "columns": [760, "1fr", 620], "rows": [64, "1fr", 400, 120],
   "areas": ["header header header",
             "charts map    panel",
             "tiles  map    panel",
             "tiles  map    ticker"]},
  {"name": "48:9", "design": [5760, 1080],
   "columns": [1000, "1fr", 560, 440], "rows": [64, "1fr", 120],
   "areas": ["header header header header",
             "charts map    panel  tiles",
             "charts map    panel  ticker"]},
  {"name": "3x3", "design": [1920, 1080],
   "columns": ["2fr", "1fr"], "rows": [64, 296, 360, 264, 96],
   "areas": ["header header",
             "map    charts",
             "map    panel",
             "map    tiles",
             "ticker tiles"]},
  {"name": "portrait", "design": [1080, 1920],
   "columns": ["1fr", "1fr"], "rows": [64, "1fr", 96, 700],
   "areas": ["header header",
             "map    map",
             "ticker ticker",
             "panel  tiles"]}
])";

QString readTracks(const QJsonValue &value, const char *what, std::vector<PictureLayout::Track> *tracks)
{
    static const QRegularExpression share(QStringLiteral("^(\\d+(?:\\.\\d+)?)fr$"));
    const QString problem = QStringLiteral("layout.%1 wants a list of design units (numbers) and shares (\"1fr\")").arg(QLatin1String(what));
    if (!value.isArray() || value.toArray().isEmpty() || value.toArray().size() > 12)
        return problem;
    tracks->clear();
    for (const QJsonValue &v : value.toArray()) {
        PictureLayout::Track track;
        if (v.isDouble() && v.toDouble() >= 0 && v.toDouble() <= 20000) {
            track.units = v.toDouble();
        } else if (const auto m = share.match(v.toString()); m.hasMatch() && m.captured(1).toDouble() > 0) {
            track.share = m.captured(1).toDouble();
        } else {
            return problem;
        }
        tracks->push_back(track);
    }
    return {};
}

// Offsets of each track's start, and the end, for `length` pixels at `unit`.
std::vector<double> trackEdges(const std::vector<PictureLayout::Track> &tracks, double length, double unit)
{
    double fixed = 0, shares = 0;
    for (const auto &t : tracks) {
        fixed += t.units * unit;
        shares += t.share;
    }
    const double rest = std::max(0.0, length - fixed);
    std::vector<double> edges{0};
    for (const auto &t : tracks)
        edges.push_back(edges.back() + (t.share > 0 ? rest * t.share / shares : t.units * unit));
    // Only fixed tracks: they stretch to the picture together.
    if (shares == 0 && edges.back() > 0)
        for (double &e : edges)
            e *= length / edges.back();
    return edges;
}

std::vector<PictureLayout> readPresets()
{
    std::vector<PictureLayout> presets;
    for (const QJsonValue &v : QJsonDocument::fromJson(kPresets).array()) {
        PictureLayout layout;
        const QString problem = readPictureLayout(v, &layout);
        Q_ASSERT_X(problem.isEmpty(), "presetLayouts", qPrintable(problem));
        presets.push_back(std::move(layout));
    }
    return presets;
}

} // namespace

const QStringList &PictureLayout::areaNames()
{
    static const QStringList names = {QStringLiteral("header"), QStringLiteral("map"),   QStringLiteral("panel"),
                                      QStringLiteral("ticker"), QStringLiteral("charts"), QStringLiteral("tiles")};
    return names;
}

double PictureLayout::unitFor(QSizeF picture) const
{
    return std::min(picture.width() / design.width(), picture.height() / design.height());
}

std::map<QString, QRectF> PictureLayout::place(QSizeF picture) const
{
    const double unit = unitFor(picture);
    std::vector<double> x = trackEdges(columns, picture.width(), unit);
    std::vector<double> y = trackEdges(rows, picture.height(), unit);
    // On whole pixels: the map's retained layer is drawn back 1:1 and the areas' edges stay crisp.
    for (std::vector<double> *edges : {&x, &y})
        std::transform(edges->begin(), edges->end(), edges->begin(), [](double e) { return std::round(e); });
    std::map<QString, QRectF> placed;
    for (const auto &[name, cells] : areas) {
        const size_t left = size_t(cells.x()), top = size_t(cells.y());
        const size_t right = left + size_t(cells.width()), bottom = top + size_t(cells.height());
        placed[name] = QRectF(QPointF(x[left], y[top]), QPointF(x[right], y[bottom]));
    }
    return placed;
}

QString readPictureLayout(const QJsonValue &json, PictureLayout *layout)
{
    if (json.isString()) {
        if (const PictureLayout *preset = presetLayout(json.toString())) {
            *layout = *preset;
            return {};
        }
        QStringList names;
        for (const PictureLayout &p : presetLayouts())
            names << p.name;
        return QStringLiteral("layout \"%1\" is none of %2").arg(json.toString(), names.join(QStringLiteral(", ")));
    }
    if (!json.isObject())
        return QStringLiteral("layout wants a preset's name or {\"columns\", \"rows\", \"areas\"}");
    const QJsonObject o = json.toObject();
    PictureLayout read;
    read.name = o.value(QStringLiteral("name")).toString(QStringLiteral("custom"));
    if (o.contains(QStringLiteral("design"))) {
        const QJsonArray d = o.value(QStringLiteral("design")).toArray();
        if (d.size() != 2 || d[0].toDouble() < 320 || d[1].toDouble() < 320 || d[0].toDouble() > 20000 || d[1].toDouble() > 20000)
            return QStringLiteral("layout.design wants [width, height] in design units from 320 to 20000");
        read.design = QSizeF(d[0].toDouble(), d[1].toDouble());
    }
    if (QString p = readTracks(o.value(QStringLiteral("columns")), "columns", &read.columns); !p.isEmpty())
        return p;
    if (QString p = readTracks(o.value(QStringLiteral("rows")), "rows", &read.rows); !p.isEmpty())
        return p;
    const QJsonArray rows = o.value(QStringLiteral("areas")).toArray();
    if (size_t(rows.size()) != read.rows.size())
        return QStringLiteral("layout.areas wants one string per row (%1), naming an area per column").arg(read.rows.size());
    // Each name's cells, then each must fill its bounding rectangle.
    std::map<QString, std::vector<QPoint>> cells;
    for (int r = 0; r < rows.size(); ++r) {
        const QStringList names = rows[r].toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (size_t(names.size()) != read.columns.size())
            return QStringLiteral("layout.areas row %1 names %2 areas for %3 columns").arg(r + 1).arg(names.size()).arg(read.columns.size());
        for (int c = 0; c < names.size(); ++c) {
            if (names[c] == QLatin1String("."))
                continue; // an empty cell
            if (!PictureLayout::areaNames().contains(names[c]))
                return QStringLiteral("layout.areas: \"%1\" is none of %2 (or \".\" for an empty cell)")
                    .arg(names[c], PictureLayout::areaNames().join(QStringLiteral(", ")));
            cells[names[c]].push_back(QPoint(c, r));
        }
    }
    for (const auto &[name, points] : cells) {
        QRect box(points.front(), QSize(1, 1));
        for (const QPoint &p : points)
            box = box.united(QRect(p, QSize(1, 1)));
        if (size_t(box.width() * box.height()) != points.size())
            return QStringLiteral("layout.areas: \"%1\" is not a rectangle of cells").arg(name);
        read.areas[name] = box;
    }
    for (const char *required : {"header", "map", "panel", "ticker"})
        if (!read.areas.count(QLatin1String(required)))
            return QStringLiteral("layout.areas has no \"%1\"").arg(QLatin1String(required));
    // The map is the wall's hero: at the design size no other area may be larger.
    const std::map<QString, QRectF> placed = read.place(read.design);
    const QRectF map = placed.at(QStringLiteral("map"));
    for (const auto &[name, rect] : placed)
        if (rect.width() * rect.height() > map.width() * map.height())
            return QStringLiteral("layout: \"%1\" (%2x%3 design units) is larger than the map (%4x%5): the map must be the largest area")
                .arg(name)
                .arg(rect.width())
                .arg(rect.height())
                .arg(map.width())
                .arg(map.height());
    *layout = std::move(read);
    return {};
}

const std::vector<PictureLayout> &presetLayouts()
{
    static const std::vector<PictureLayout> presets = readPresets();
    return presets;
}

const PictureLayout *presetLayout(const QString &name)
{
    for (const PictureLayout &p : presetLayouts())
        if (p.name == name)
            return &p;
    return nullptr;
}

const PictureLayout &presetFor(QSizeF picture, const WallLayout &wall)
{
    if (wall.columns == 3 && wall.rows == 3)
        return *presetLayout(QStringLiteral("3x3"));
    const double aspect = picture.height() > 0 ? picture.width() / picture.height() : 16.0 / 9;
    return *presetLayout(aspect < 1 ? QStringLiteral("portrait")
                         : aspect < 2.5 ? QStringLiteral("16:9")
                         : aspect < 4 ? QStringLiteral("32:9")
                                      : QStringLiteral("48:9"));
}

} // namespace gridwall::wall
