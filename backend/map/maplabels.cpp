#include "maplabels.h"

#include "geography.h"

#include <QFont>
#include <QFontMetricsF>

#include <algorithm>

namespace gridwall::map {

namespace {
constexpr double kDistrictPixelSize = 30;
constexpr double kStreetPixelSize = 19;
// A street is named once it spans this many design pixels on screen.
constexpr double kStreetMinExtent = 150;
}

QString MapLabels::fontFamily()
{
    return QStringLiteral("Noto Sans CJK SC");
}

int MapLabels::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_labels.size());
}

QVariant MapLabels::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || size_t(index.row()) >= m_labels.size())
        return {};
    const Label &l = m_labels[size_t(index.row())];
    switch (role) {
    case TextRole: return l.text;
    case XRole: return l.screen.x();
    case YRole: return l.screen.y();
    case PixelSizeRole: return l.pixelSize;
    case LevelRole: return l.level;
    case ShownRole: return l.shown;
    default: return {};
    }
}

QHash<int, QByteArray> MapLabels::roleNames() const
{
    return {{TextRole, "name"}, {XRole, "labelX"}, {YRole, "labelY"},
            {PixelSizeRole, "pixelSize"}, {LevelRole, "level"}, {ShownRole, "shown"}};
}

void MapLabels::setGeography(const Geography *geography)
{
    beginResetModel();
    m_geography = geography;
    m_labels.clear();
    m_measuredUnit = 0;
    if (geography) {
        const geo::RegionTree &tree = geography->tree();
        for (geo::Level level : {geo::Level::District, geo::Level::Street}) {
            QList<int> regions = tree.level(level);
            // Bigger regions claim their space first.
            std::stable_sort(regions.begin(), regions.end(),
                             [&](int a, int b) { return tree.region(a).areaKm2 > tree.region(b).areaKm2; });
            for (int index : regions) {
                m_labels.push_back({index, geography->displayName(index), int(level),
                                    level == geo::Level::District ? kDistrictPixelSize : kStreetPixelSize, {}, 0, {}, false});
            }
        }
    }
    endResetModel();
}

void MapLabels::layout(const MapView &view, double designUnit)
{
    if (!m_geography || m_labels.empty())
        return;
    const geo::RegionTree &tree = m_geography->tree();
    const QRectF screen(QPointF(0, 0), view.viewport());
    std::vector<QRectF> placed;
    placed.reserve(m_labels.size());
    // Text sizes change only with the design unit, not with every pan and zoom.
    const bool remeasure = designUnit != m_measuredUnit;
    m_measuredUnit = designUnit;
    QFont font(fontFamily());
    for (Label &label : m_labels) {
        const geo::Region &region = tree.region(label.region);
        label.pixelSize = label.basePixelSize * designUnit;
        if (remeasure) {
            font.setPixelSize(std::max(1, int(label.pixelSize)));
            font.setBold(label.level == int(geo::Level::District));
            const QFontMetricsF metrics(font);
            label.size = QSizeF(metrics.horizontalAdvance(label.text), metrics.height());
        }
        label.screen = view.sceneToScreen(region.labelPoint);
        const double extent = std::max(region.bounds.width(), region.bounds.height()) * view.scale() / designUnit;
        bool show = label.level == int(geo::Level::District) || extent >= kStreetMinExtent;
        if (show) {
            const QSizeF size = label.size;
            const double pad = 6 * designUnit;
            const QRectF rect(label.screen.x() - size.width() / 2 - pad, label.screen.y() - size.height() / 2 - pad,
                              size.width() + 2 * pad, size.height() + 2 * pad);
            show = screen.contains(rect)
                   && std::none_of(placed.begin(), placed.end(), [&](const QRectF &r) { return r.intersects(rect); });
            if (show)
                placed.push_back(rect);
        }
        label.shown = show;
    }
    emit dataChanged(index(0), index(int(m_labels.size()) - 1), {XRole, YRole, PixelSizeRole, ShownRole});
}

} // namespace gridwall::map
