#pragma once
// The live layers of the map. Markers for cameras, sensors, workers, open
// cases and units, one marker layer per category and state: each entity
// keeps a slot in its layer; a batch moves only the markers it touches
// (O(batch)), and the map rewrites the changed layers' buffers at the next
// sync. The workload choropleth: every region of every level coloured by
// its workload index's class among the regions of its level (WorkloadClasses:
// fifths of the loaded regions, so that the map shows differences whatever
// the city's overall load), recomputed once a second from the roll-ups
// (never per message). The legend lists the
// layers with their colours and counts, and switches each on and off.

#include "feed/events.h"
#include "geo/regiontree.h"
#include "rowsmodel.h"
#include "selection.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QColor>
#include <QImage>
#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QQmlEngine>
#include <QRgb>
#include <QTimer>
#include <QVariantList>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace gridwall::geo {
class RegionTree;
}
namespace gridwall::map {
class GeoMap;
}
namespace gridwall::state {
class LiveState;
}

namespace gridwall::views {

// The workload map's classes at one level: regions with no open case, then
// five classes of (as near as ties allow) equal size, the quintiles of the
// workload index of the regions with open cases. Relative by design: the
// index's level moves with the hour (few workers on duty at night, many by
// day), and a fixed scale shows one colour most of the day (docs/state.md).
struct WorkloadClasses
{
    static constexpr int kClasses = 5;
    std::array<double, kClasses + 1> edges{}; // class c holds lower edges[c] .. edges[c + 1]
    std::array<int, kClasses> regions{};      // regions in each class
    int idle = 0;                             // regions with no open case
    // The quintiles of `workloads` (the regions with open cases); empty: no class holds a region.
    static WorkloadClasses of(std::vector<double> workloads);
    int classOf(double workload) const;
    bool operator==(const WorkloadClasses &) const = default;
};

class LiveLayers : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("LiveLayers is created by the application")
    // [{key, color, shown, zoomIn, count}] in legend order; keys: workload,
    // heatmap, rings, clusters, overdue, cases, units, sensors, workers, cameras, sites. zoomIn: switched on,
    // but drawn only closer in (workers and cameras, from community zoom).
    Q_PROPERTY(QVariantList legend READ legend NOTIFY legendChanged)
    // The same entries as rows that change in place (for the legend's delegates).
    Q_PROPERTY(gridwall::views::RowsModel *legendModel READ legendModel CONSTANT)
    // With "clusters" switched on (or more case markers than kCrowdedCases), below community zoom: the cases as one disc
    // per street, rows {code (the street; the smallest region holding them where discs that would
    // overlap on screen were merged), sceneX, sceneY (scene: the mean of its cases), count, overdue,
    // diameter (design units)}; the case markers are hidden meanwhile.
    Q_PROPERTY(gridwall::views::RowsModel *clusters READ clustersModel CONSTANT)
    // The workload map's key at the level the map shows: rows {color, lower, upper, regions, idle}:
    // the regions with no open case (idle), then the five classes, lightest the most loaded.
    Q_PROPERTY(gridwall::views::RowsModel *workloadClasses READ workloadClassesModel CONSTANT)

public:
    // The wall connects update() to LiveFeed::applied.
    LiveLayers(const state::LiveState &state, map::GeoMap &map, const geo::RegionTree &tree, QObject *parent = nullptr);
    ~LiveLayers() override;

    // The case-density layer: cases reported within the window, a Gaussian
    // kernel of this width on the ground, recomputed this often.
    static constexpr int64_t kHeatmapWindowMs = 24 * 3'600'000;
    static constexpr double kHeatmapSigmaKm = 0.8;
    static constexpr int kHeatmapEveryMs = 3000;

    // A worker or unit that moves glides to its new position over this long.
    static constexpr double kGlideMs = 800;

    // Moves the markers of the entities the last batch touched (connected to LiveFeed::applied).
    void update();
    // Recolours the regions by workload (once a second, and on demand).
    void recolour();
    // A white halo under the marker of the entity the drill-down panel shows.
    void highlight(double lon, double lat);
    void clearHighlight();
    // Markers currently on a layer, and where an entity's marker is drawn now (for tests).
    size_t markerCount(int layer) const;
    std::optional<QPointF> shownAt(feed::Feed kind, const std::string &id) const;

    QVariantList legend() const;
    RowsModel *legendModel() { return &m_legendModel; }
    RowsModel *clustersModel() { return &m_clusters; }
    QVariantList clusterRows() const { return m_clusters.rows(); }
    // Clusters replace the case markers below this detail level (communities show from 2).
    static constexpr int kClusterBelowDetail = 2;
    // Beyond this many case markers a city view stops telling them apart: a warm-started morning's 500-odd open
    // cases are one blob over the urban core and its district's name (and at 158,400 rasterising the discs took
    // 350 ms a frame under llvmpipe). Then the cases are clustered by street below community zoom whatever the
    // legend says, until fewer remain; from community zoom on each case has its marker.
    static constexpr size_t kCrowdedCases = 300;
    // A cluster's disc across, in design units (its row's `diameter`): grows with the log of its count.
    static double discDiameter(int count) { return 28 + 9 * std::log2(std::max(1, count)); }
    RowsModel *workloadClassesModel() { return &m_workloadKey; }
    // The classes of each level, as last coloured.
    const WorkloadClasses &workloadClasses(geo::Level level) const { return m_classes[size_t(level)]; }
    Q_INVOKABLE void setVisible(const QString &key, bool visible);
    // The colour of a case in hand on the map, or of an overdue one.
    static QColor caseColor(bool overdue);
    // The legend's keys, in order (the keys scenes switch: wall::layerKeys()).
    static QStringList legendKeys();
    // A workload class's colour (0..4, dark to light), and that of the regions with no open case.
    static QRgb workloadClassColor(int workloadClass);
    static QRgb idleColor();

signals:
    void legendChanged();
    // A marker was tapped: the entity's kind and id.
    void entityPicked(gridwall::views::Selection::Kind kind, const QString &id);

private:
    struct Layer
    {
        std::vector<QPointF> points;
        std::vector<std::string> ids; // who owns each slot
        bool dirty = false;
    };
    struct Place
    {
        int layer = -1;
        size_t slot = 0;
    };
    // Puts an entity's marker on `layer` at `point`, or removes it (layer -1).
    void place(feed::Feed kind, const std::string &id, int layer, QPointF point);
    void updateEntity(feed::Feed feed, const std::string &id);
    void flush(); // dirty layers to the map
    bool layerShown(int layer) const;
    bool entryShown(const char *key, int minDetail) const; // switched on, and close enough in
    void followZoom(); // layers that appear closer in
    void refreshHeatmap();
    void redrawRings(); // the sites' response and lockdown rings
    void onMarkerTapped(int layer, int slot);
    void legendMayHaveChanged();
    void glide(); // one step of every glide in progress
    bool clustering() const;
    void recluster(); // once a second, and when the zoom or the choice changes
    bool seenToMove(QPointF from, QPointF to) const; // a pixel or more, and on screen

    const state::LiveState &m_state;
    QPointer<map::GeoMap> m_map;
    const geo::RegionTree &m_tree;
    std::unordered_map<int, Layer> m_layers;
    std::array<std::unordered_map<std::string, Place>, feed::kFeedCount> m_places; // per kind of entity
    std::unordered_map<QString, bool> m_hidden; // legend keys switched off
    bool m_crowded = false; // more case markers than kCrowdedCases, as of the last second
    bool crowded() const;
    std::array<std::vector<QRgb>, 4> m_fills;   // last colours sent, per level
    std::array<WorkloadClasses, 4> m_classes;   // per level
    void updateWorkloadKey();
    int m_detailLevel = 0; // the map's, as last seen
    bool m_ringsDirty = true;
    QTimer m_heatTimer;
    QFutureWatcher<QImage> m_heatWatcher;
    RowsModel m_legendModel;
    RowsModel m_clusters;
    RowsModel m_workloadKey;
    std::vector<int> m_streetOf; // region index -> its street's, built at the first clustering
    struct Glide
    {
        QPointF from, to;
        qint64 startMs;
    };
    std::array<std::unordered_map<std::string, Glide>, feed::kFeedCount> m_glides; // per kind, by id
    QTimer m_glideTimer;
    QElapsedTimer m_sinceStart;
};

} // namespace gridwall::views
