#include "facts.h"

#include "state/rollups.h"

#include <QMetaProperty>

namespace gridwall::views {

Figures Figures::of(const state::RegionFigures &f)
{
    Figures figures;
    figures.open = f.open;
    figures.overdue = f.overdue;
    figures.dueSoon = f.dueSoon;
    figures.newToday = f.newToday;
    figures.closedToday = f.closedToday;
    figures.closureRate = f.closureRate();
    figures.medianHandlingMs = double(f.medianHandlingMs());
    figures.workload = f.workload();
    figures.workersOnDuty = f.workersOnDuty;
    figures.workersTotal = f.workersTotal;
    figures.cameras = f.cameras;
    figures.camerasOnline = f.camerasOnline;
    figures.sensors = f.sensors;
    figures.sensorsWarn = f.sensorsWarn;
    figures.sensorsAlarm = f.sensorsAlarm;
    figures.outsideFive = f.shareOutsideFive();
    return figures;
}

QVariantMap Figures::toMap() const
{
    const QMetaObject &meta = staticMetaObject;
    QVariantMap map;
    for (int i = meta.propertyOffset(); i < meta.propertyCount(); ++i) {
        const QMetaProperty property = meta.property(i);
        map.insert(QString::fromLatin1(property.name()), property.readOnGadget(this));
    }
    return map;
}

} // namespace gridwall::views
