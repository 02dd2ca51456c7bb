#pragma once
// The map: every region of the four-level tree drawn by the scene graph in
// a few batched nodes (fills with per-vertex colour, borders extruded in the
// vertex shader), with pan, zoom, pinch, hover and selection.

#include "geography.h"
#include "maplabels.h"
#include "mapview.h"

#include <QImage>
#include <QMatrix4x4>
#include <QPointer>
#include <QQuickItem>
#include <QBasicTimer>
#include <QVariantAnimation>

#include <array>
#include <map>
#include <utility>
#include <atomic>
#include <optional>
#include <vector>

namespace gridwall::map {

class GeoMapBase;

class GeoMap : public QQuickItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(gridwall::map::Geography *geography READ geography WRITE setGeography NOTIFY geographyChanged)
    Q_PROPERTY(double designUnit READ designUnit WRITE setDesignUnit NOTIFY designUnitChanged)
    Q_PROPERTY(QString selectedCode READ selectedCode WRITE setSelectedCode NOTIFY selectionChanged)
    Q_PROPERTY(QVariantList selectedPath READ selectedPath NOTIFY selectionChanged)
    Q_PROPERTY(QVariantList hoveredPath READ hoveredPath NOTIFY hoverChanged)
    Q_PROPERTY(double groundMetresPerPixel READ groundMetresPerPixel NOTIFY viewChanged)
    Q_PROPERTY(int detailLevel READ detailLevel NOTIFY viewChanged)
    Q_PROPERTY(QAbstractItemModel *labels READ labels CONSTANT)
    // The part of the map no overlay covers (item pixels; empty: all of it): the whole
    // city and each region flown to are fitted inside it.
    Q_PROPERTY(QRectF clearArea READ clearArea WRITE setClearArea NOTIFY clearAreaChanged)

public:
    explicit GeoMap(QQuickItem *parent = nullptr);

    Geography *geography() const { return m_geography; }
    void setGeography(Geography *geography);
    // Pixels of a 1920x1080 design per real pixel; scales line widths and labels.
    double designUnit() const { return m_designUnit; }
    void setDesignUnit(double unit);
    QString selectedCode() const;
    void setSelectedCode(const QString &code);
    QVariantList selectedPath() const;
    QVariantList hoveredPath() const;
    double groundMetresPerPixel() const { return m_view.groundMetresPerPixel(); }
    // The finest level whose borders are shown at the current zoom (0..3).
    int detailLevel() const;
    QAbstractItemModel *labels() { return &m_labels; }
    QRectF clearArea() const { return m_clearArea; }
    void setClearArea(const QRectF &area);

    const MapView &view() const { return m_view; }
    void setView(QPointF center, double scale);

    // Fly to a region (or, for an empty code, the whole city) and select it.
    Q_INVOKABLE bool flyTo(const QString &code, int durationMs = 900);
    Q_INVOKABLE void zoomBy(double factor, double x, double y);
    // Where a scene point is drawn in this item now (overlays in QML follow viewChanged).
    Q_INVOKABLE QPointF sceneToItem(double x, double y) const { return m_view.sceneToScreen({x, y}); }
    // The regions under an item point, district first ({code, name, level}).
    Q_INVOKABLE QVariantList regionsAt(double x, double y) const;

    // Recolour one level: one colour per region in the level's order. Cheap
    // on the calling (GUI) thread; the vertex colours are written at sync.
    void setFillColors(geo::Level level, std::vector<QRgb> colors);
    // Back to the default look of a level: district tints, finer regions faintly varied so that the tiling reads.
    void resetFillColors(geo::Level level);
    // The default fill of the n-th district (in file order) before any data layer colours it.
    static QRgb districtTint(int n);
    // Markers: discs of one colour and pixel radius per layer, drawn over the
    // regions in layer order. Replacing a layer's points moves its markers in
    // place: one buffer, rewritten at the next sync.
    // A layer that is not `pickable` (sites, the highlight) lets taps through to the markers and regions under it.
    void setMarkers(int layer, const QColor &color, double radiusPx, std::vector<QPointF> scenePoints, bool pickable = true);
    // Rings around sites (response and lockdown circles), drawn over the
    // borders at a fixed pixel width; an empty mesh hides them.
    void setRings(LineMesh rings);
    // Markers a layer hands to the scene graph now (tests).
    size_t markersShown(int layer) const;
    // The topmost marker within a fingertip of an item point: {layer, slot}; layer -1 when none.
    std::pair<int, int> markerAt(QPointF itemPoint) const;
    // A density image (premultiplied ARGB) laid over the regions' fills and
    // under the borders and markers, covering `sceneArea`; a null image hides it.
    void setHeatmap(QImage image, QRectF sceneArea);
    static void writeFillColors(const FillMesh &mesh, const std::vector<QRgb> &colors, void *coloredPoint2DVertices);

signals:
    void geographyChanged();
    void designUnitChanged();
    void clearAreaChanged();
    void selectionChanged();
    void hoverChanged();
    void viewChanged();
    // A tap or click landed on a marker (a tap elsewhere selects the region under it).
    void markerTapped(int layer, int slot);
    // The operator tapped a region (or the sea: "") on the map.
    void regionPicked(const QString &code);
    // Emitted on the render thread right after the first frame with the
    // whole tree was swapped: connect directly to timestamp start-up.
    void firstFrameSwapped();

protected:
    QSGNode *updatePaintNode(QSGNode *old, UpdatePaintNodeData *) override;
    void updatePolish() override;
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void hoverMoveEvent(QHoverEvent *event) override;
    void hoverLeaveEvent(QHoverEvent *event) override;
    void timerEvent(QTimerEvent *event) override;
    void touchEvent(QTouchEvent *event) override;
    void itemChange(ItemChange change, const ItemChangeData &data) override;

private:
    friend class GeoMapBase;
    // The retained part's nodes, synced on the render thread when the base item was updated.
    QSGNode *updateBaseNode(QSGNode *old);
    void updateBase();
    void viewChangedInternally();
    void resetView();
    double levelOpacity(geo::Level level) const;
    void selectIndex(int index);
    void setHoverIndex(int index);
    int regionAtDetail(QPointF itemPoint) const;
    void tapAt(QPointF itemPoint); // a marker if one is there, else the region
    void animateTo(QPointF center, double scale, int durationMs);
    void onFrameSwapped();

    QPointer<Geography> m_geography;
    MapView m_view;
    MapLabels m_labels;
    double m_designUnit = 1;
    QRectF m_clearArea;
    bool m_viewTouched = false; // the operator moved the view: keep it on resize
    GeoMapBase *m_base = nullptr; // a child drawn under this item's markers
    bool m_baseNodesDirty = true;
    bool m_markerNodesDirty = true;
    std::atomic<bool> m_syncedAll = false;
    std::atomic<bool> m_swappedAll = false;

    std::array<std::vector<QRgb>, geo::kLevelCount> m_fillColors;
    std::array<bool, geo::kLevelCount> m_fillDirty{};

    struct MarkerLayer
    {
        QColor color;
        double radiusPx = 4;
        bool pickable = true;
        std::vector<QPointF> points;
        bool dirty = true;
    };
    std::map<int, MarkerLayer> m_markers;
    // Render thread, at sync: the view the marker buffers were built for, and the buffers' scratch.
    const std::vector<QPointF> &discsThatShow(const MarkerLayer &markers);
    QMatrix4x4 m_markersBuiltFor;
    std::vector<std::pair<uint64_t, QPointF>> m_pixelOf;
    std::vector<QPointF> m_drawn;
    LineMesh m_rings;
    bool m_ringsDirty = false;
    QImage m_heatImage;
    QRectF m_heatArea;
    bool m_heatDirty = false;

    int m_selected = -1;
    int m_hovered = -1;
    std::optional<QPointF> m_lastHover; // where the pointer was last seen over the map
    QBasicTimer m_hoverRest;            // the pointer rested: its ring goes
    static constexpr int kHoverRestMs = 8000;
    bool m_selectedDirty = false;
    bool m_hoveredDirty = false;

    // A flight asked for before the item had a size; flown once it has one.
    std::optional<std::pair<QString, int>> m_pendingFlight;

    QHash<int, QPointF> m_touchPositions;
    QPointF m_pressPos;
    QPointF m_lastDragPos;
    bool m_dragging = false;
    QVariantAnimation m_flight;
    QPointF m_flightFrom, m_flightTo;
    double m_flightScaleFrom = 1, m_flightScaleTo = 1;
};

} // namespace gridwall::map
