#pragma once
// What a department plugin's widgets see as `wall` (plugin API 1.1): the
// design unit and language, the city's and the selected region's live
// figures, the operator's selection, read-only rows and counts of the live
// feeds (FeedRows), the active alarms, the regions and the history, each
// only when the plugin's manifest declares it. A read the manifest does not declare
// answers nothing and counts as the plugin's error. Everything is read from
// the live state when asked (never per message); `refreshed` says once a
// second that the figures are new. docs/plugins.md is the reference.

#include "manifest.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>
#include <QVariantMap>

#include <memory>

namespace gridwall::map {
class Geography;
class GeoMap;
}
namespace gridwall::views {
class HistoryQueries;
class RegionPanel;
class Selection;
}

namespace gridwall::state {
class LiveState;
}

namespace gridwall::plugins {

class FeedRows;
class PluginHost;

// The wall's parts the plugins read (owned by the application).
struct WallParts
{
    const state::LiveState *state = nullptr;
    const map::Geography *geography = nullptr;
    views::HistoryQueries *history = nullptr;
    views::RegionPanel *region = nullptr; // the drill-down panel's region
    views::Selection *selection = nullptr; // what the wall shows: region and entity
    map::GeoMap *map = nullptr;           // where a plugin's map layer draws
};

class PluginApi : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("PluginApi is given to plugins by the wall")
    Q_PROPERTY(QString pluginId READ pluginId CONSTANT)
    Q_PROPERTY(QString apiVersion READ apiVersion CONSTANT)
    Q_PROPERTY(bool english READ english CONSTANT)
    // Pixels per pixel of the 1920x1080 design: multiply every size by it.
    Q_PROPERTY(double unit READ unit NOTIFY unitChanged)
    // The city clock, epoch ms.
    Q_PROPERTY(double now READ now NOTIFY refreshed)
    // The whole city's live figures, and the selected region's (the city's when none):
    // {open, overdue, dueSoon, newToday, closedToday, closureRate, workload, workersOnDuty, ...}.
    Q_PROPERTY(QVariantMap city READ city NOTIFY refreshed)
    Q_PROPERTY(QVariantMap region READ region NOTIFY refreshed)
    // {code, name, level} of the selected region (code empty: the city), and
    // {kind, id} of the case, camera, sensor, worker or unit open in the panel.
    Q_PROPERTY(QVariantMap selection READ selection NOTIFY selectionChanged)
    // The history's queries (HistoryQueries, the plugin's own client: only its requests are answered to it)
    // when the manifest declares "history", else null.
    // (`selection` above changes with `selectionChanged` as well as once a second.)
    Q_PROPERTY(QObject *history READ history CONSTANT)

public:
    // `rows` serves the feeds' rows and counts (shared by every plugin's API).
    PluginApi(const Manifest &manifest, const WallParts &wall, FeedRows &rows, PluginHost &host, bool english, QObject *parent = nullptr);
    ~PluginApi() override;

    QString pluginId() const { return m_manifest.id; }
    QString apiVersion() const { return kHostApi.toString(); }
    bool english() const { return m_english; }
    double unit() const { return m_unit; }
    void setUnit(double unit);
    double now() const;
    QVariantMap city() const;
    QVariantMap region() const;
    QVariantMap selection() const;
    QObject *history() const;

    // Rows of a declared feed: "case", "camera", "sensor", "worker", "unit", "poi", "grid" (docs/plugins.md),
    // only those matching the filter when one is given: {field: value or [values]} (API 1.1).
    Q_INVOKABLE QVariantList entities(const QString &feed, const QVariantMap &filter = {});
    // How many rows of a declared feed match the filter, and how many per value of one field
    // ({value: n}): counted in the wall, without building the rows (API 1.1).
    Q_INVOKABLE int count(const QString &feed, const QVariantMap &filter = {});
    Q_INVOKABLE QVariantMap countBy(const QString &feed, const QString &field, const QVariantMap &filter = {});
    // The active alarms, newest first, when "alarm" is declared.
    Q_INVOKABLE QVariantList alarms();
    // Where a position (WGS-84 degrees) is drawn in a map layer now, in the layer's pixels; layers
    // re-read it on `viewChanged` (every pan and zoom).
    Q_INVOKABLE QPointF toMap(double lon, double lat) const;
    // Ground metres per pixel of the map now (sizes of circles on the ground).
    Q_INVOKABLE double metresPerPixel() const;

    // The regions of a level ("district", "street", "community", "grid") with their live figures, when "regions" is
    // declared. Options (API 1.1): `under` (a region code: only the regions inside it), `by` (a figure or a list of
    // figures: largest first, those with all of them 0 left out) and `top` (at most so many rows).
    Q_INVOKABLE QVariantList regions(const QString &level, const QVariantMap &options = {});

    // With `selection` declared: the wall shows a region ("" the whole city), flown to, or an entity by id (a case,
    // camera, sensor, worker or unit; one not seen yet is shown when it appears). False: not declared, or no such region.
    Q_INVOKABLE bool selectRegion(const QString &code);
    Q_INVOKABLE bool selectEntity(const QString &id);

    void tick() { emit refreshed(); }

signals:
    void unitChanged();
    void refreshed();
    void viewChanged();
    void selectionChanged();

private:
    bool allowed(const QString &what, bool declared);

    Manifest m_manifest;
    WallParts m_wall;
    FeedRows *m_rows = nullptr;
    PluginHost &m_host;
    bool m_english = false;
    double m_unit = 1;
    std::unique_ptr<views::HistoryQueries> m_history;
};

} // namespace gridwall::plugins
