#pragma once
// Where each part of the wall is drawn in the picture now: the picture
// layout's areas (wall/picturelayout.h) placed for the picture's size, in
// pixels, and the design unit the parts draw at. Main.qml sets `picture`;
// each part takes its rectangle. An area the layout does not have is an
// empty rectangle (its part is not shown).

#include "wall/picturelayout.h"

#include <QObject>
#include <QQmlEngine>
#include <QRectF>
#include <QSizeF>

#include <optional>

namespace gridwall::views {

class PictureAreas : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("PictureAreas is the wall's: Wall.areas")
    Q_PROPERTY(QSizeF picture READ picture WRITE setPicture NOTIFY placed)
    // The layout in use: a preset's name ("16:9", "32:9", "48:9", "3x3", "portrait") or the configuration's.
    Q_PROPERTY(QString name READ name NOTIFY placed)
    // Picture pixels per design unit (one pixel of the layout's design size).
    Q_PROPERTY(double unit READ unit NOTIFY placed)
    Q_PROPERTY(QRectF header READ header NOTIFY placed)
    Q_PROPERTY(QRectF map READ map NOTIFY placed)
    Q_PROPERTY(QRectF panel READ panel NOTIFY placed)
    Q_PROPERTY(QRectF ticker READ ticker NOTIFY placed)
    Q_PROPERTY(QRectF charts READ charts NOTIFY placed)
    Q_PROPERTY(QRectF tiles READ tiles NOTIFY placed)

public:
    // `chosen`: the layout --layout or the configuration names; none: the preset for the picture's shape.
    PictureAreas(std::optional<wall::PictureLayout> chosen, wall::WallLayout screens, QObject *parent = nullptr);

    QSizeF picture() const { return m_picture; }
    void setPicture(QSizeF picture);
    QString name() const { return m_layout.name; }
    double unit() const { return m_unit; }
    QRectF header() const { return area(QStringLiteral("header")); }
    QRectF map() const { return area(QStringLiteral("map")); }
    QRectF panel() const { return area(QStringLiteral("panel")); }
    QRectF ticker() const { return area(QStringLiteral("ticker")); }
    QRectF charts() const { return area(QStringLiteral("charts")); }
    QRectF tiles() const { return area(QStringLiteral("tiles")); }
    QRectF area(const QString &name) const;

signals:
    void placed();

private:
    void place(QSizeF picture);

    std::optional<wall::PictureLayout> m_chosen;
    wall::WallLayout m_screens;
    wall::PictureLayout m_layout;
    QSizeF m_picture;
    bool m_told = false; // the log has named the layout for a real picture
    double m_unit = 1;
    std::map<QString, QRectF> m_areas;
};

} // namespace gridwall::views
