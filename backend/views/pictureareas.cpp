#include "pictureareas.h"

#include "logging.h"

namespace gridwall::views {

PictureAreas::PictureAreas(std::optional<wall::PictureLayout> chosen, wall::WallLayout screens, QObject *parent)
    : QObject(parent)
    , m_chosen(std::move(chosen))
    , m_screens(std::move(screens))
{
    place(QSizeF(1920, 1080)); // until the window says its picture
}

void PictureAreas::setPicture(QSizeF picture)
{
    // The first picture is told even when it is the placeholder's size (a 1920x1080 window).
    if (picture.isEmpty() || (picture == m_picture && m_told))
        return;
    m_told = true;
    place(picture);
    qCInfo(lcViews, "layout %s for a picture of %gx%g (%g pixels per design unit)", qPrintable(m_layout.name), picture.width(),
           picture.height(), m_unit);
    emit placed();
}

void PictureAreas::place(QSizeF picture)
{
    m_picture = picture;
    m_layout = m_chosen ? *m_chosen : wall::presetFor(picture, m_screens);
    m_unit = m_layout.unitFor(picture);
    m_areas = m_layout.place(picture);
}

QRectF PictureAreas::area(const QString &name) const
{
    const auto it = m_areas.find(name);
    return it != m_areas.end() ? it->second : QRectF();
}

} // namespace gridwall::views
