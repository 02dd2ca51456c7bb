#pragma once
// The alarm ticker's side in C++: the active alarms in the operator's four
// priority lanes (critical first), newest first, with the names the operator
// knows them by; a flood (five or more of one kind and label in one district
// within five minutes) is one summary instead of a run of the same chip. The
// operator acknowledges a flood at once and can shelve it (or one subject's
// alarms) with a reason until a time: shelved alarms leave the lanes and the
// ticker shows each shelf as one line until it expires or is taken down.
// Read from the alarm book once a second (O(active alarms), never per message).

#include "rowsmodel.h"

#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QStringList>
#include <QVariantList>

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace gridwall::map {
class Geography;
}

namespace gridwall::state {
class LiveState;
struct Alarm;
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
    // Raised or acknowledged now, all lanes, shelved ones included.
    Q_PROPERTY(int active READ active NOTIFY refreshed)
    // The shelves in place, oldest first: rows {shelfId, kind, label, subject, subjectName (empty
    // for a whole group), district, reason, since, until, alarms (active alarms it keeps out)}.
    Q_PROPERTY(gridwall::views::RowsModel *shelves READ shelvesModel CONSTANT)
    // Active alarms the shelves keep out of the lanes.
    Q_PROPERTY(int shelved READ shelved NOTIFY refreshed)
    // The reasons an operator can give for shelving (ids; the wall names them).
    Q_PROPERTY(QStringList shelfReasons READ shelfReasons CONSTANT)

public:
    static constexpr int kItemsPerLane = 12;

    // What the operator's taps change in the live state (the only writes a view makes).
    struct Actions
    {
        std::function<bool(uint64_t alarmId)> acknowledge; // the history logs it
        std::function<uint64_t(uint64_t alarmId, bool wholeGroup, const std::string &reason, int64_t durationMs)> shelve;
        std::function<bool(uint64_t shelfId)> unshelve;
    };
    AlarmTicker(const state::LiveState &state, const map::Geography &geography, Actions actions, QObject *parent = nullptr);

    RowsModel *lanesModel() { return &m_lanes; }
    // The lanes shown, and a lane's items (C++ readers).
    QVariantList lanes() const { return m_lanes.rows(); }
    QVariantList laneItems(int severity) const { return m_items[size_t(severity - 1)].rows(); }
    int criticalUnacknowledged() const { return m_criticalUnacknowledged; }
    int active() const { return m_active; }
    RowsModel *shelvesModel() { return &m_shelves; }
    QVariantList shelves() const { return m_shelves.rows(); }
    int shelved() const { return m_shelved; }
    static QStringList shelfReasons();

    // The operator acknowledges an alarm (raised -> acknowledged, logged in the history).
    Q_INVOKABLE bool acknowledge(double alarmId);
    // A flood's chip: acknowledges every raised alarm of its group (kind, label, district); how many.
    Q_INVOKABLE int acknowledgeGroup(double alarmId);
    // Shelves the alarm's group (a flood's chip) or its subject's alarms in that group for
    // `minutes` (1 to 480) with one of shelfReasons; logged. False when refused: a critical
    // alarm, an unknown reason, a time out of range, no room for another shelf.
    Q_INVOKABLE bool shelve(double alarmId, bool wholeGroup, const QString &reason, int minutes);
    // Takes a shelf down before its time (logged); its alarms, if still active, are back in their lanes.
    Q_INVOKABLE bool unshelve(double shelfId);
    // Reads the alarm book again (once a second by itself).
    Q_INVOKABLE void refresh();

signals:
    void refreshed();

private:
    QString subjectName(const state::Alarm &alarm) const;
    QString districtName(int district) const;

    const state::LiveState &m_state;
    Actions m_actions;
    const map::Geography &m_geography;
    RowsModel m_lanes;
    std::array<RowsModel, 4> m_items; // per severity 1..4: rows change in place, chips stay put
    RowsModel m_shelves;
    std::map<uint64_t, QString> m_shelvesSeen; // id -> how the log named it: one gone by itself expired
    int m_criticalUnacknowledged = 0;
    int m_active = 0;
    int m_shelved = 0;
};

} // namespace gridwall::views
