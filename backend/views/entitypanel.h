#pragma once
// The drill-down's last step: the live details of the case, camera, sensor,
// worker or unit the selection holds (views/selection.h). They are read from
// the live state when chosen and once a second after (never per message);
// its history (a case's timeline, a sensor's readings) comes through
// HistoryQueries.

#include "facts.h"
#include "feed/events.h"

#include <QObject>
#include <QQmlEngine>
#include <QTimer>

#include <optional>

namespace gridwall::map {
class Geography;
}

namespace gridwall::state {
class LiveState;
}

namespace gridwall::views {


class EntityPanel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("EntityPanel is created by the application")
    // "case", "camera", "sensor", "worker", "unit"; empty: nothing chosen.
    Q_PROPERTY(QString kind READ kind NOTIFY selectionChanged)
    Q_PROPERTY(QString entityId READ entityId NOTIFY selectionChanged)
    // Whether the live state still holds it (an ended case leaves after two days).
    Q_PROPERTY(bool live READ live NOTIFY refreshed)
    // Its last message (epoch ms) and the regions from the district down to the grid it is in.
    Q_PROPERTY(double lastMessage READ lastMessage NOTIFY refreshed)
    Q_PROPERTY(QList<gridwall::views::RegionRef> path READ path NOTIFY refreshed)
    // What the panel shows of its kind (views/facts.h); the other kinds' are empty.
    Q_PROPERTY(gridwall::views::CaseFacts caseFacts READ caseFacts NOTIFY refreshed)
    Q_PROPERTY(gridwall::views::CameraFacts cameraFacts READ cameraFacts NOTIFY refreshed)
    Q_PROPERTY(gridwall::views::SensorFacts sensorFacts READ sensorFacts NOTIFY refreshed)
    Q_PROPERTY(gridwall::views::WorkerFacts workerFacts READ workerFacts NOTIFY refreshed)
    Q_PROPERTY(gridwall::views::UnitFacts unitFacts READ unitFacts NOTIFY refreshed)

public:
    EntityPanel(const state::LiveState &state, const map::Geography &geography, QObject *parent = nullptr);

    QString kind() const { return m_kind; }
    QString entityId() const { return m_id; }
    bool live() const { return m_live; }
    double lastMessage() const { return m_shown.lastMessage; }
    const QList<RegionRef> &path() const { return m_shown.path; }
    const CaseFacts &caseFacts() const { return m_shown.caseFacts; }
    const CameraFacts &cameraFacts() const { return m_shown.cameraFacts; }
    const SensorFacts &sensorFacts() const { return m_shown.sensorFacts; }
    const WorkerFacts &workerFacts() const { return m_shown.workerFacts; }
    const UnitFacts &unitFacts() const { return m_shown.unitFacts; }

    // Shows an entity (an unknown kind shows nothing): the selection's, set by the wall.
    void select(const QString &kind, const QString &id);
    // Where it is (WGS-84), when it has a position.
    std::optional<feed::GeoPoint> position() const { return m_shown.position; }
    // Reads the live state again (once a second by itself while something is chosen).
    Q_INVOKABLE void refresh();

signals:
    void selectionChanged();
    void refreshed();

private:
    // Everything shown of the entity, read at once.
    struct Shown
    {
        double lastMessage = 0;
        QList<RegionRef> path;
        std::optional<feed::GeoPoint> position;
        CaseFacts caseFacts;
        CameraFacts cameraFacts;
        SensorFacts sensorFacts;
        WorkerFacts workerFacts;
        UnitFacts unitFacts;
    };
    QList<RegionRef> pathOf(int region) const;
    // Each kind's reader: false when the live state no longer holds it.
    bool readCase(Shown &shown) const;
    bool readCamera(Shown &shown) const;
    bool readSensor(Shown &shown) const;
    bool readWorker(Shown &shown) const;
    bool readUnit(Shown &shown) const;

    const state::LiveState &m_state;
    const map::Geography &m_geography;
    QString m_kind;
    QString m_id;
    bool m_live = false;
    bool m_seen = false; // read from the live state at least once since chosen
    Shown m_shown;
};

} // namespace gridwall::views
