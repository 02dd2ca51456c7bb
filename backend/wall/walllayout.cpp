#include "walllayout.h"

#include "wall/logging.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace gridwall::wall {

QSize WallLayout::picture(QSize cell) const
{
    return {columns * cell.width() + (columns - 1) * bezel.width(), rows * cell.height() + (rows - 1) * bezel.height()};
}

QPoint WallLayout::origin(QPoint cell, QSize cellSize) const
{
    return {cell.x() * (cellSize.width() + bezel.width()), cell.y() * (cellSize.height() + bezel.height())};
}

namespace {

constexpr int kMaxScreens = 16; // per side

QString checkCount(const QJsonValue &value, const char *name, int *out)
{
    if (value.isUndefined())
        return {};
    const double v = value.toDouble(-1);
    if (!value.isDouble() || v != int(v) || v < 1 || v > kMaxScreens)
        return QStringLiteral("wall.%1 wants a whole number from 1 to %2").arg(QLatin1String(name)).arg(kMaxScreens);
    *out = int(v);
    return {};
}

} // namespace

QString readWallLayout(const QJsonObject &wall, WallLayout *layout)
{
    if (wall.contains(QStringLiteral("id"))) {
        static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
        const QString id = wall.value(QStringLiteral("id")).toString();
        if (!idPattern.match(id).hasMatch())
            return QStringLiteral("wall.id wants 1 to 64 of A-Z, a-z, 0-9, _ and - (it names MQTT topics)");
        layout->id = id;
    }
    if (QString p = checkCount(wall.value(QStringLiteral("columns")), "columns", &layout->columns); !p.isEmpty())
        return p;
    if (QString p = checkCount(wall.value(QStringLiteral("rows")), "rows", &layout->rows); !p.isEmpty())
        return p;
    if (wall.contains(QStringLiteral("bezel"))) {
        const QJsonArray bezel = wall.value(QStringLiteral("bezel")).toArray();
        const auto pixels = [](const QJsonValue &v) { return v.isDouble() && v.toDouble() >= 0 && v.toDouble() <= 1000 && v.toDouble() == int(v.toDouble()); };
        if (bezel.size() != 2 || !pixels(bezel[0]) || !pixels(bezel[1]))
            return QStringLiteral("wall.bezel wants [across, down] in whole pixels from 0 to 1000");
        layout->bezel = QSize(bezel[0].toInt(), bezel[1].toInt());
    }
    return {};
}

QString applyWallOptions(const QString &wall, const QString &node, WallLayout *layout)
{
    if (!wall.isEmpty()) {
        static const QRegularExpression pattern(QStringLiteral("^(\\d{1,2})x(\\d{1,2})$"));
        const auto m = pattern.match(wall);
        const int c = m.captured(1).toInt(), r = m.captured(2).toInt();
        if (!m.hasMatch() || c < 1 || r < 1 || c > kMaxScreens || r > kMaxScreens)
            return QStringLiteral("--wall wants COLUMNSxROWS from 1x1 to %1x%1, e.g. 2x2, not '%2'").arg(kMaxScreens).arg(wall);
        layout->columns = c;
        layout->rows = r;
    }
    if (!node.isEmpty()) {
        static const QRegularExpression pattern(QStringLiteral("^(\\d{1,2}),(\\d{1,2})$"));
        const auto m = pattern.match(node);
        if (!m.hasMatch())
            return QStringLiteral("--node wants COLUMN,ROW counted from 0, e.g. 1,0, not '%1'").arg(node);
        const QPoint cell(m.captured(1).toInt(), m.captured(2).toInt());
        if (!layout->multiScreen())
            return QStringLiteral("--node wants a wall of more than one screen (--wall COLUMNSxROWS or the configuration's wall)");
        if (cell.x() >= layout->columns || cell.y() >= layout->rows)
            return QStringLiteral("--node %1 is outside a %2x%3 wall (columns and rows count from 0)").arg(node).arg(layout->columns).arg(layout->rows);
        layout->node = cell;
    }
    return {};
}

} // namespace gridwall::wall
