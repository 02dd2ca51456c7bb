#pragma once
// The alarm ticker's side in C++: the active alarms in the operator's four
// priority lanes (critical first), newest first, with the names the operator
// knows them by; a flood (five or more of one kind and label in one district
// within five minutes) is one summary instead of a run of the same chip.
// Read from the alarm book once a second (O(active alarms), never per message).

#include "rowsmodel.h"

#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantList>

#include <array>
#include <cstdint>
#include <functional>

namespace gridwall::map {
class Geography;
}

namespace gridwall::state {
class LiveState;
}

namespace gridwall::views {


class AlarmTicker : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("AlarmTicker is created by the application")
    // Rows {severity, count, items} for severity 4 (critical) down to 1,
    // lanes with alarms only; items: a model of rows {alarmId, kind, severity, label, subject,
    // subjectName, district, raisedAt, acknowledged, value, flood}], newest
    // first, at most kItemsPerLane; flood > 0: one chip for a flood of that
    // many alarms (all lanes), in the highest lane it reaches.
    Q_PROPERTY(gridwall::views::RowsModel *lanes READ lanesModel CONSTANT)
    // Critical alarms raised and not yet acknowledged: the lane flashes (and sounds) while > 0.
    Q_PROPERTY(int criticalUnacknowledged READ criticalUnacknowledged NOTIFY refreshed)
    // Raised or acknowledged now, all lanes.
    Q_PROPERTY(int active READ active NOTIFY refreshed)

public:
    static constexpr int kItemsPerLane = 12;

    // `acknowledge` records the operator's acknowledgement (the state changes and the history logs it).
    AlarmTicker(const state::LiveState &state, const map::Geography &geography, std::function<bool(uint64_t alarmId)> acknowledge,
                QObject *parent = nullptr);

    RowsModel *lanesModel() { return &m_lanes; }
    // The lanes shown, and a lane's items (C++ readers).
    QVariantList lanes() const { return m_lanes.rows(); }
    QVariantList laneItems(int severity) const { return m_items[size_t(severity - 1)].rows(); }
    int criticalUnacknowledged() const { return m_criticalUnacknowledged; }
    int active() const { return m_active; }

    // The operator acknowledges an alarm (raised -> acknowledged, logged in the history).
    Q_INVOKABLE bool acknowledge(double alarmId);
    // Reads the alarm book again (once a second by itself).
    Q_INVOKABLE void refresh();

signals:
    void refreshed();

private:
    const state::LiveState &m_state;
    std::function<bool(uint64_t)> m_acknowledge;
    const map::Geography &m_geography;
    RowsModel m_lanes;
    std::array<RowsModel, 4> m_items; // per severity 1..4: rows change in place, chips stay put
    int m_criticalUnacknowledged = 0;
    int m_active = 0;
    QTimer m_timer;
};

} // namespace gridwall::views
