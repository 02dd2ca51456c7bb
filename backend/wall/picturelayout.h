#pragma once
// What goes where in the wall's picture: a grid of tracks and the named
// areas on it (the header, the map, the drill-down panel, the analysis
// charts, the department tiles, the alarm ticker), as in a CSS grid:
//
//     {"name": "16:9", "design": [1920, 1080],
//      "columns": ["1fr", 560], "rows": [64, "1fr", 290, 96],
//      "areas": ["header header", "map panel", "map tiles", "ticker tiles"]}
//
// A number is a track of that many design units; "Nfr" a share of what the
// fixed tracks leave. The design unit is the picture's size over `design`
// (the smaller ratio), so text is sized for the wall, and the grid always
// fills the whole picture (no black bands on a wall of another shape).
// Built-in presets are chosen by the picture's shape; `--layout` or the
// configuration's "layout" names one or describes another (docs/wall.md).

#include "walllayout.h"

#include <QJsonValue>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <map>
#include <vector>

namespace gridwall::wall {

struct PictureLayout
{
    // The areas a layout may place; header, map, panel and ticker are required.
    static const QStringList &areaNames();

    struct Track
    {
        double units = 0; // fixed, in design units
        double share = 0; // or a share of the rest ("fr")
    };
    QString name;
    QSizeF design{1920, 1080};
    std::vector<Track> columns;
    std::vector<Track> rows;
    std::map<QString, QRect> areas; // in grid cells: x column, y row, width and height in tracks

    // Picture pixels per design unit.
    double unitFor(QSizeF picture) const;
    // Each area's rectangle in picture pixels.
    std::map<QString, QRectF> place(QSizeF picture) const;
};

// Reads a layout from the configuration's "layout" object; a one-line problem, or empty.
QString readPictureLayout(const QJsonValue &json, PictureLayout *layout);
// The built-in layouts: "16:9", "32:9", "48:9", "3x3", "portrait".
const std::vector<PictureLayout> &presetLayouts();
// A preset by name, or null.
const PictureLayout *presetLayout(const QString &name);
// The preset for a picture's shape: a 3x3 wall of screens gets "3x3"; otherwise by the
// picture's width over its height: portrait below 1, 16:9 below 2.5, 32:9 below 4, then 48:9.
const PictureLayout &presetFor(QSizeF picture, const WallLayout &wall);

} // namespace gridwall::wall
