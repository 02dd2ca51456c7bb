#include "secondtick.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>

namespace gridwall::views {

SecondTick &SecondTick::instance()
{
    static QPointer<SecondTick> tick;
    if (!tick)
        tick = new SecondTick(QCoreApplication::instance());
    return *tick;
}

SecondTick::SecondTick(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        schedule();
        emit second();
    });
    schedule();
}

void SecondTick::schedule()
{
    // A few milliseconds past the second, so that the header's clock (qml/HeaderBar.qml) has turned.
    m_timer.start(int(1000 - QDateTime::currentMSecsSinceEpoch() % 1000) + 5);
}

} // namespace gridwall::views
