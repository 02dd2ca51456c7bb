#pragma once
// The layout of a video wall: COLUMNS x ROWS screens of one size, with the
// bezels between them (the screens' frames, in pixels the picture goes on
// behind), and which screen cell this process draws when it draws only one
// (--node). The whole wall is one picture, bezels included, so that a line
// crossing a frame stays straight; each screen shows its part of it.
// From --wall/--node and the "wall" object of --config (docs/wall.md).

#include <QJsonObject>
#include <QPoint>
#include <QSize>
#include <QString>

#include <optional>

namespace gridwall::wall {

struct WallLayout
{
    QString id = QStringLiteral("main"); // ROOT/wall/ID/... topics
    int columns = 1;
    int rows = 1;
    QSize bezel{0, 0};          // hidden pixels between two neighbouring screens: across (width), down (height)
    std::optional<QPoint> node; // the one cell this process draws (column, row), or all of them

    bool multiScreen() const { return columns * rows > 1; }
    // The whole picture for screens of `cell` pixels, bezels included.
    QSize picture(QSize cell) const;
    // Where a cell's part begins in the whole picture.
    QPoint origin(QPoint cell, QSize cellSize) const;
    // The conductor: the node whose view every other node follows (cell 0,0), or a process drawing all cells.
    bool conducts() const { return !node || *node == QPoint(0, 0); }
};

// Reads the "wall" object of a configuration: {"id": "main", "columns": 2, "rows": 2,
// "bezel": [24, 18]} (every field optional). Returns a one-line problem, or empty.
QString readWallLayout(const QJsonObject &wall, WallLayout *layout);
// --wall COLSxROWS and --node COL,ROW on top of a layout; a one-line problem, or empty.
QString applyWallOptions(const QString &wall, const QString &node, WallLayout *layout);

} // namespace gridwall::wall
