#pragma once
// District and street names placed on the map without overlap: a fixed list
// of rows whose positions and visibility change with the view.

#include "mapview.h"

#include <QAbstractListModel>
#include <QRectF>
#include <QString>

#include <vector>

namespace gridwall::map {

class Geography;

class MapLabels : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { TextRole = Qt::UserRole + 1, XRole, YRole, PixelSizeRole, LevelRole, ShownRole };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The font family every label uses; QML delegates must match it.
    static QString fontFamily();
    void setGeography(const Geography *geography);
    // Greedy placement: districts first, then streets by size; a label that
    // would overlap one already placed, or leave the screen, is hidden.
    void layout(const MapView &view, double designUnit);

private:
    struct Label
    {
        int region = -1;
        QString text;
        int level = 0;
        double basePixelSize = 0; // in design units
        QPointF screen;
        double pixelSize = 0;
        QSizeF size; // of the text at pixelSize
        bool shown = false;
    };
    double m_measuredUnit = 0; // the design unit the sizes were measured for
    const Geography *m_geography = nullptr;
    std::vector<Label> m_labels;
};

} // namespace gridwall::map
