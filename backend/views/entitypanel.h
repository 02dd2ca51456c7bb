#pragma once
// The drill-down's last step: one case, camera, sensor, worker or unit the
// operator tapped on the map (or in a list). Its live details are read from
// the live state when chosen and once a second after (never per message);
// its history (a case's timeline, a sensor's readings) comes through
// HistoryQueries.

#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantMap>

namespace gridwall::map {
class Geography;
}

namespace gridwall::views {

class LiveFeed;

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
    EntityPanel(LiveFeed &feed, const map::Geography &geography, QObject *parent = nullptr);

    QString kind() const { return m_kind; }
    QString entityId() const { return m_id; }
    bool live() const { return m_live; }
    QVariantMap details() const { return m_details; }

    // Chooses an entity (an unknown kind clears the choice).
    Q_INVOKABLE void select(const QString &kind, const QString &id);
    Q_INVOKABLE void clear() { select({}, {}); }
    // Chooses an entity by its id alone, whatever its kind; one the live
    // state does not hold yet is chosen when it appears (`--view ID` at start).
    Q_INVOKABLE void show(const QString &id);
    // Reads the live state again (once a second by itself while something is chosen).
    Q_INVOKABLE void refresh();

signals:
    void selectionChanged();
    void refreshed();

private:
    QVariantList pathOf(int region) const;
    QVariantMap caseDetails(bool &found) const;
    QVariantMap cameraDetails(bool &found) const;
    QVariantMap sensorDetails(bool &found) const;
    QVariantMap workerDetails(bool &found) const;
    QVariantMap unitDetails(bool &found) const;

    LiveFeed &m_feed;
    const map::Geography &m_geography;
    QString m_kind;
    QString m_id;
    QString m_pending; // shown when it appears
    bool m_live = false;
    QVariantMap m_details;
    QTimer m_timer;
};

} // namespace gridwall::views
