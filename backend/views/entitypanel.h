#pragma once
// The drill-down's last step: the live details of the case, camera, sensor,
// worker or unit the selection holds (views/selection.h). They are read from
// the live state when chosen and once a second after (never per message);
// its history (a case's timeline, a sensor's readings) comes through
// HistoryQueries.

#include "feed/events.h"

#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantMap>

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
    // What the panel shows; keys by kind in docs/usage.md. Every kind has
    // `ts` (its last message, epoch ms), `lat`, `lon` and `path`
    // ([{code, name, level}] from the district down to the grid it is in).
    Q_PROPERTY(QVariantMap details READ details NOTIFY refreshed)

public:
    EntityPanel(const state::LiveState &state, const map::Geography &geography, QObject *parent = nullptr);

    QString kind() const { return m_kind; }
    QString entityId() const { return m_id; }
    bool live() const { return m_live; }
    QVariantMap details() const { return m_details; }

    // Shows an entity (an unknown kind shows nothing): the selection's, set by the wall.
    void select(const QString &kind, const QString &id);
    // Where it is (WGS-84), when it has a position.
    std::optional<feed::GeoPoint> position() const { return m_position; }
    // Reads the live state again (once a second by itself while something is chosen).
    Q_INVOKABLE void refresh();

signals:
    void selectionChanged();
    void refreshed();

private:
    QVariantList pathOf(int region) const;
    std::optional<feed::GeoPoint> positionNow() const;
    QVariantMap caseDetails(bool &found) const;
    QVariantMap cameraDetails(bool &found) const;
    QVariantMap sensorDetails(bool &found) const;
    QVariantMap workerDetails(bool &found) const;
    QVariantMap unitDetails(bool &found) const;

    const state::LiveState &m_state;
    const map::Geography &m_geography;
    QString m_kind;
    QString m_id;
    std::optional<feed::GeoPoint> m_position;
    bool m_live = false;
    QVariantMap m_details;
    QTimer m_timer;
};

} // namespace gridwall::views
