#include "geomap.h"

#include "pixelmaterial.h"

#include <QQuickWindow>
#include <QSGGeometryNode>
#include <QSGOpacityNode>
#include <QSGSimpleTextureNode>
#include <QSGTexture>
#include <QSGTransformNode>
#include <QSGVertexColorMaterial>

#include <algorithm>
#include <cmath>
#include <memory>

namespace gridwall::map {

namespace {

using geo::Level;

// Border width in design pixels and colour per level: borders grow with level.
// Colours are opaque so that segments overlapping at a joint do not blend twice.
struct BorderStyle
{
    double width;
    QColor color;
};
const std::array<BorderStyle, geo::kLevelCount> kBorders = {{
    {3.0, QColor(242, 246, 250)},
    {1.8, QColor(166, 182, 202)},
    {1.4, QColor(140, 158, 180)},
    {0.8, QColor(92, 110, 132)},
}};
const BorderStyle kSelectedStyle{4.5, QColor(255, 200, 61)};
const BorderStyle kHoveredStyle{2.5, QColor(255, 255, 255)};
// Response and lockdown rings around sites: thin, cool, apart from the borders' greys.
const BorderStyle kRingStyle{1.6, QColor(90, 200, 250)};

// Calm, distinct district tints for the dark theme; the choropleth replaces them.
const std::array<QRgb, 4> kDistrictTints = {qRgb(39, 72, 110), qRgb(31, 90, 95), qRgb(47, 90, 62), qRgb(74, 63, 110)};

// A level's borders fade in between these apparent sizes (design pixels) of its typical region.
constexpr double kFadeStart = 22;
constexpr double kFadeEnd = 44;

const QSGGeometry::AttributeSet &lineAttributes()
{
    static const QSGGeometry::Attribute attributes[] = {
        QSGGeometry::Attribute::createWithAttributeType(0, 2, QSGGeometry::FloatType, QSGGeometry::PositionAttribute),
        QSGGeometry::Attribute::createWithAttributeType(1, 2, QSGGeometry::FloatType, QSGGeometry::UnknownAttribute),
        QSGGeometry::Attribute::createWithAttributeType(2, 1, QSGGeometry::FloatType, QSGGeometry::UnknownAttribute),
    };
    static const QSGGeometry::AttributeSet set = {3, sizeof(LineVertex), attributes};
    return set;
}

QSGGeometryNode *makeLineNode(const LineMesh &mesh, const QColor &color)
{
    auto *geometry = new QSGGeometry(lineAttributes(), int(mesh.vertices.size()));
    geometry->setDrawingMode(QSGGeometry::DrawTriangles);
    std::copy(mesh.vertices.begin(), mesh.vertices.end(), static_cast<LineVertex *>(geometry->vertexData()));
    auto *material = new PixelMaterial(PixelMaterial::Shape::Line);
    material->setColor(color);
    auto *node = new QSGGeometryNode;
    node->setGeometry(geometry);
    node->setMaterial(material);
    node->setFlags(QSGNode::OwnsGeometry | QSGNode::OwnsMaterial);
    return node;
}

void setLineMesh(QSGGeometryNode *node, const LineMesh &mesh)
{
    QSGGeometry *geometry = node->geometry();
    geometry->allocate(int(mesh.vertices.size()));
    std::copy(mesh.vertices.begin(), mesh.vertices.end(), static_cast<LineVertex *>(geometry->vertexData()));
    node->markDirty(QSGNode::DirtyGeometry);
}

void setLineWidth(QSGGeometryNode *node, double widthPx, double pixelSize)
{
    auto *material = static_cast<PixelMaterial *>(node->material());
    const float halfWidth = float(widthPx / 2 * pixelSize);
    if (material->extent() != halfWidth || material->pixelSize() != float(pixelSize)) {
        material->setExtent(halfWidth);
        material->setPixelSize(float(pixelSize));
        node->markDirty(QSGNode::DirtyMaterial);
    }
}

double smoothstep(double edge0, double edge1, double x)
{
    const double t = std::clamp((x - edge0) / (edge1 - edge0), 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

// Sets a transform node's matrix only when it changes: a node marked dirty redraws its retained layer.
void setMatrix(QSGTransformNode *node, const QMatrix4x4 &matrix)
{
    if (node->matrix() != matrix)
        node->setMatrix(matrix);
}

// What changes rarely, under one transform (panning and zooming change only its matrix):
// fills, density, borders, rings and the outlines of the selected and hovered regions.
struct BaseNode : QSGTransformNode
{
    std::array<QSGOpacityNode *, geo::kLevelCount> fillOpacity{};
    std::array<QSGGeometryNode *, geo::kLevelCount> fills{};
    std::array<QSGOpacityNode *, geo::kLevelCount> borderOpacity{};
    std::array<QSGGeometryNode *, geo::kLevelCount> borders{};
    QSGGeometryNode *selected = nullptr;
    QSGGeometryNode *hovered = nullptr;
    QSGGeometryNode *rings = nullptr;
    QSGOpacityNode *heat = nullptr;            // holds the density image once there is one
    QSGSimpleTextureNode *heatImage = nullptr;
    std::unique_ptr<QSGTexture> heatTexture;   // the node's texture, replaced whole

    explicit BaseNode(const RegionMeshes &meshes)
    {
        for (int l = 0; l < geo::kLevelCount; ++l) {
            const FillMesh &mesh = meshes.fills[size_t(l)];
            auto *geometry = new QSGGeometry(QSGGeometry::defaultAttributes_ColoredPoint2D(), int(mesh.vertexCount()));
            geometry->setDrawingMode(QSGGeometry::DrawTriangles);
            geometry->setVertexDataPattern(QSGGeometry::DynamicPattern);
            auto *v = geometry->vertexDataAsColoredPoint2D();
            for (uint32_t i = 0; i < mesh.vertexCount(); ++i)
                v[i].set(mesh.positions[2 * i], mesh.positions[2 * i + 1], 0, 0, 0, 255);
            auto *node = new QSGGeometryNode;
            node->setGeometry(geometry);
            node->setMaterial(new QSGVertexColorMaterial);
            node->setFlags(QSGNode::OwnsGeometry | QSGNode::OwnsMaterial);
            fills[size_t(l)] = node;
            fillOpacity[size_t(l)] = new QSGOpacityNode;
            fillOpacity[size_t(l)]->appendChildNode(node);
            appendChildNode(fillOpacity[size_t(l)]);
        }
        // The density over the fills, under every border and marker.
        heat = new QSGOpacityNode;
        appendChildNode(heat);
        // Finest borders first, so that coarser ones are drawn over them.
        for (int l = geo::kLevelCount - 1; l >= 0; --l) {
            borders[size_t(l)] = makeLineNode(meshes.borders[size_t(l)], kBorders[size_t(l)].color);
            borderOpacity[size_t(l)] = new QSGOpacityNode;
            borderOpacity[size_t(l)]->appendChildNode(borders[size_t(l)]);
            appendChildNode(borderOpacity[size_t(l)]);
        }
        rings = makeLineNode({}, kRingStyle.color);
        appendChildNode(rings);
        hovered = makeLineNode({}, kHoveredStyle.color);
        appendChildNode(hovered);
        selected = makeLineNode({}, kSelectedStyle.color);
        appendChildNode(selected);
    }
};

// The live markers, one node per layer in layer order, under the same transform as the base.
struct MarkerNode : QSGTransformNode
{
    std::map<int, QSGGeometryNode *> markerLayers;

    QSGGeometryNode *markerLayer(int layer)
    {
        if (auto it = markerLayers.find(layer); it != markerLayers.end())
            return it->second;
        static const QSGGeometry::Attribute attributes[] = {
            QSGGeometry::Attribute::createWithAttributeType(0, 2, QSGGeometry::FloatType, QSGGeometry::PositionAttribute),
            QSGGeometry::Attribute::createWithAttributeType(1, 2, QSGGeometry::FloatType, QSGGeometry::UnknownAttribute),
        };
        static const QSGGeometry::AttributeSet set = {2, sizeof(PointVertex), attributes};
        auto *node = new QSGGeometryNode;
        auto *geometry = new QSGGeometry(set, 0);
        geometry->setDrawingMode(QSGGeometry::DrawTriangles);
        geometry->setVertexDataPattern(QSGGeometry::StreamPattern);
        node->setGeometry(geometry);
        node->setMaterial(new PixelMaterial(PixelMaterial::Shape::Disc));
        node->setFlags(QSGNode::OwnsGeometry | QSGNode::OwnsMaterial);
        // Keep layer order: insert before the first layer with a higher number.
        auto next = markerLayers.upper_bound(layer);
        if (next == markerLayers.end())
            appendChildNode(node);
        else
            insertChildNodeBefore(node, next->second);
        markerLayers.emplace(layer, node);
        return node;
    }
};

} // namespace

// The retained part of the map: drawn into a texture of its own (an item layer) that is
// redrawn only when its nodes change, and composed under the markers every frame.
class GeoMapBase : public QQuickItem
{
public:
    explicit GeoMapBase(GeoMap *map)
        : QQuickItem(map)
        , m_map(map)
    {
        setFlag(ItemHasContents);
        setZ(-1); // under the map item's own nodes: the markers
    }

protected:
    QSGNode *updatePaintNode(QSGNode *old, UpdatePaintNodeData *) override { return m_map->updateBaseNode(old); }

private:
    GeoMap *m_map;
};

GeoMap::GeoMap(QQuickItem *parent)
    : QQuickItem(parent)
    , m_base(new GeoMapBase(this))
{
    setFlag(ItemHasContents);
    // An item layer: Qt Quick renders the base into its texture only when its nodes changed
    // (GRIDWALL_RETAINED_LAYERS=0 draws it every frame, to compare pictures and costs).
    const bool retained = qEnvironmentVariable("GRIDWALL_RETAINED_LAYERS") != QLatin1String("0");
    if (QObject *layer = qvariant_cast<QObject *>(m_base->property("layer")); layer && retained)
        layer->setProperty("enabled", true);
    setAcceptedMouseButtons(Qt::LeftButton);
    setAcceptHoverEvents(true);
    setAcceptTouchEvents(true);
    m_flight.setEasingCurve(QEasingCurve::InOutCubic);
    m_flight.setStartValue(0.0);
    m_flight.setEndValue(1.0);
    connect(&m_flight, &QVariantAnimation::valueChanged, this, [this](const QVariant &value) {
        const double t = value.toDouble();
        const QPointF center = m_flightFrom + (m_flightTo - m_flightFrom) * t;
        // Interpolate zoom geometrically so that the flight feels even.
        const double scale = std::exp(std::log(m_flightScaleFrom) + (std::log(m_flightScaleTo) - std::log(m_flightScaleFrom)) * t);
        m_view.setCenter(center);
        m_view.setScale(scale);
        viewChangedInternally();
    });
}

void GeoMap::setGeography(Geography *geography)
{
    if (m_geography == geography)
        return;
    m_geography = geography;
    m_selected = m_hovered = -1;
    m_labels.setGeography(geography);
    m_baseNodesDirty = m_markerNodesDirty = true;
    updateBase();
    if (geography) {
        // Default look until a data layer colours the regions: district tints,
        // with finer regions faintly varied so that the tiling reads.
        const geo::RegionTree &tree = geography->tree();
        for (int l = 0; l < geo::kLevelCount; ++l)
            resetFillColors(Level(l));
        m_view = MapView(tree.originMercator());
        resetView();
    }
    emit geographyChanged();
    emit selectionChanged();
    emit hoverChanged();
}

void GeoMap::setDesignUnit(double unit)
{
    if (qFuzzyCompare(unit, m_designUnit) || unit <= 0)
        return;
    m_designUnit = unit;
    emit designUnitChanged();
    viewChangedInternally();
}

void GeoMap::resetView()
{
    if (!m_geography || width() <= 0 || height() <= 0)
        return;
    m_view.setViewport(size());
    m_view.setScaleLimits(0, 1e9);
    m_view.fit(m_geography->tree().homeBounds(), 0.04, m_clearArea);
    // From half the whole city up to a few metres a pixel.
    m_view.setScaleLimits(m_view.scale() * 0.5, 4.0);
    viewChangedInternally();
    if (m_pendingFlight) {
        const auto [code, durationMs] = *m_pendingFlight;
        m_pendingFlight.reset();
        flyTo(code, durationMs);
    }
}

void GeoMap::setClearArea(const QRectF &area)
{
    if (area == m_clearArea)
        return;
    m_clearArea = area;
    emit clearAreaChanged();
    // Not moved by the operator yet: the home view follows the new clear area.
    if (!m_viewTouched)
        resetView();
}

void GeoMap::setView(QPointF center, double scale)
{
    m_flight.stop();
    m_view.setCenter(center);
    m_view.setScale(scale);
    m_viewTouched = true;
    viewChangedInternally();
}

void GeoMap::viewChangedInternally()
{
    polish();
    update();
    updateBase();
}

void GeoMap::updateBase()
{
    m_base->update();
}

void GeoMap::updatePolish()
{
    m_labels.layout(m_view, m_designUnit);
    emit viewChanged();
}

void GeoMap::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.size() == oldGeometry.size())
        return;
    m_base->setSize(newGeometry.size());
    if (m_viewTouched) {
        m_view.setViewport(newGeometry.size());
        viewChangedInternally();
    } else {
        resetView();
    }
}

double GeoMap::levelOpacity(Level level) const
{
    if (!m_geography || level == Level::District || level == Level::Street)
        return 1;
    const double apparent = m_geography->tree().typicalSize(level) * m_view.scale() / m_designUnit;
    return smoothstep(kFadeStart, kFadeEnd, apparent);
}

int GeoMap::detailLevel() const
{
    int level = int(Level::Street);
    for (int l = int(Level::Community); l < geo::kLevelCount; ++l) {
        if (levelOpacity(Level(l)) >= 0.5)
            level = l;
    }
    return level;
}

void GeoMap::resetFillColors(Level level)
{
    if (!m_geography)
        return;
    const geo::RegionTree &tree = m_geography->tree();
    const QList<int> &districts = tree.level(Level::District);
    std::vector<QRgb> colors;
    for (int index : tree.level(level)) {
        const int district = tree.pathTo(index).first();
        const QColor tint = QColor::fromRgb(districtTint(int(districts.indexOf(district))));
        const int jitter = level == Level::District ? 0 : int(qHash(tree.region(index).code) % 13) - 6;
        colors.push_back(tint.lighter(100 + jitter).rgb());
    }
    setFillColors(level, std::move(colors));
}

void GeoMap::setFillColors(Level level, std::vector<QRgb> colors)
{
    // The colours follow the city once a second; unchanged, they cost no frame.
    if (colors == m_fillColors[size_t(level)])
        return;
    m_fillColors[size_t(level)] = std::move(colors);
    m_fillDirty[size_t(level)] = true;
    updateBase();
}

void GeoMap::setMarkers(int layer, const QColor &color, double radiusPx, std::vector<QPointF> scenePoints, bool pickable)
{
    MarkerLayer &markers = m_markers[layer];
    markers.color = color;
    markers.radiusPx = radiusPx;
    markers.pickable = pickable;
    markers.points = std::move(scenePoints);
    markers.dirty = true;
    update();
}

void GeoMap::setRings(LineMesh rings)
{
    m_rings = std::move(rings);
    m_ringsDirty = true;
    updateBase();
}

size_t GeoMap::markersShown(int layer) const
{
    const auto it = m_markers.find(layer);
    return it == m_markers.end() ? 0 : it->second.points.size();
}

void GeoMap::setHeatmap(QImage image, QRectF sceneArea)
{
    // Recomputed every few seconds; the same density (a few hundred pixels across) costs no frame.
    if (image == m_heatImage && sceneArea == m_heatArea)
        return;
    m_heatImage = std::move(image);
    m_heatArea = sceneArea;
    m_heatDirty = true;
    updateBase();
}

QRgb GeoMap::districtTint(int n)
{
    return kDistrictTints[size_t(n) % kDistrictTints.size()];
}

void GeoMap::writeFillColors(const FillMesh &mesh, const std::vector<QRgb> &colors, void *vertices)
{
    auto *v = static_cast<QSGGeometry::ColoredPoint2D *>(vertices);
    const size_t regions = std::min(colors.size(), mesh.first.size() - 1);
    for (size_t n = 0; n < regions; ++n) {
        const QRgb c = colors[n];
        const uchar a = uchar(qAlpha(c));
        // The vertex colour material expects premultiplied colour.
        const uchar r = uchar(qRed(c) * a / 255), g = uchar(qGreen(c) * a / 255), b = uchar(qBlue(c) * a / 255);
        for (uint32_t i = mesh.first[n]; i < mesh.first[n + 1]; ++i) {
            v[i].r = r;
            v[i].g = g;
            v[i].b = b;
            v[i].a = a;
        }
    }
}

QSGNode *GeoMap::updateBaseNode(QSGNode *old)
{
    auto *root = static_cast<BaseNode *>(old);
    if (!m_geography) {
        delete root;
        return nullptr;
    }
    const RegionMeshes &meshes = m_geography->meshes();
    if (!root || m_baseNodesDirty) {
        delete root;
        root = new BaseNode(meshes);
        m_baseNodesDirty = false;
        m_fillDirty.fill(true);
        m_selectedDirty = m_hoveredDirty = m_heatDirty = m_ringsDirty = true;
    }
    setMatrix(root, m_view.sceneToScreenMatrix());

    const double pixelSize = 1.0 / m_view.scale();
    for (int l = 0; l < geo::kLevelCount; ++l) {
        const double opacity = levelOpacity(Level(l));
        root->fillOpacity[size_t(l)]->setOpacity(opacity);
        root->borderOpacity[size_t(l)]->setOpacity(opacity);
        setLineWidth(root->borders[size_t(l)], kBorders[size_t(l)].width * m_designUnit, pixelSize);
        if (m_fillDirty[size_t(l)]) {
            QSGGeometryNode *fill = root->fills[size_t(l)];
            writeFillColors(meshes.fills[size_t(l)], m_fillColors[size_t(l)], fill->geometry()->vertexData());
            fill->markDirty(QSGNode::DirtyGeometry);
            m_fillDirty[size_t(l)] = false;
        }
    }
    if (m_selectedDirty) {
        setLineMesh(root->selected, buildOutline(m_geography->tree(), m_selected));
        m_selectedDirty = false;
    }
    if (m_hoveredDirty) {
        setLineMesh(root->hovered, buildOutline(m_geography->tree(), m_hovered == m_selected ? -1 : m_hovered));
        m_hoveredDirty = false;
    }
    if (m_heatDirty) {
        if (!m_heatImage.isNull() && window()) {
            std::unique_ptr<QSGTexture> texture(window()->createTextureFromImage(m_heatImage, QQuickWindow::TextureHasAlphaChannel));
            const bool fresh = !root->heatImage;
            if (fresh) {
                root->heatImage = new QSGSimpleTextureNode;
                root->heatImage->setFiltering(QSGTexture::Linear);
            }
            root->heatImage->setTexture(texture.get());
            root->heatImage->setRect(m_heatArea);
            root->heatTexture = std::move(texture);
            if (fresh) // into the tree only with its texture: a renderer may look at it at once
                root->heat->appendChildNode(root->heatImage);
        }
        root->heat->setOpacity(m_heatImage.isNull() ? 0.0 : 1.0);
        m_heatDirty = false;
    }
    if (m_ringsDirty) {
        setLineMesh(root->rings, m_rings);
        m_ringsDirty = false;
    }
    setLineWidth(root->rings, kRingStyle.width * m_designUnit, pixelSize);
    setLineWidth(root->selected, kSelectedStyle.width * m_designUnit, pixelSize);
    setLineWidth(root->hovered, kHoveredStyle.width * m_designUnit, pixelSize);
    m_syncedAll = true;
    return root;
}

QSGNode *GeoMap::updatePaintNode(QSGNode *old, UpdatePaintNodeData *)
{
    auto *root = static_cast<MarkerNode *>(old);
    if (!m_geography) {
        delete root;
        return nullptr;
    }
    if (!root || m_markerNodesDirty) {
        delete root;
        root = new MarkerNode;
        m_markerNodesDirty = false;
        for (auto &[layer, markers] : m_markers)
            markers.dirty = true;
    }
    const QMatrix4x4 matrix = m_view.sceneToScreenMatrix();
    setMatrix(root, matrix);
    // What is on screen, and which discs fall on one pixel, change with the view: every layer is rebuilt for it.
    const bool viewMoved = matrix != m_markersBuiltFor;
    m_markersBuiltFor = matrix;

    const double pixelSize = 1.0 / m_view.scale();
    for (auto &[layer, markers] : m_markers) {
        QSGGeometryNode *node = root->markerLayer(layer);
        auto *material = static_cast<PixelMaterial *>(node->material());
        const float radius = float(markers.radiusPx * m_designUnit * pixelSize);
        if (markers.dirty || material->color() != markers.color || material->extent() != radius
            || material->pixelSize() != float(pixelSize)) {
            material->setColor(markers.color);
            material->setExtent(radius);
            material->setPixelSize(float(pixelSize));
            node->markDirty(QSGNode::DirtyMaterial);
        }
        if (markers.dirty || viewMoved) {
            const std::vector<QPointF> &drawn = discsThatShow(markers);
            QSGGeometry *geometry = node->geometry();
            geometry->allocate(int(drawn.size() * 6));
            auto *v = static_cast<PointVertex *>(geometry->vertexData());
            for (const QPointF &p : drawn) {
                const float x = float(p.x()), y = float(p.y());
                const PointVertex a{x, y, -1, -1}, b{x, y, 1, -1}, c{x, y, -1, 1}, d{x, y, 1, 1};
                *v++ = a;
                *v++ = b;
                *v++ = c;
                *v++ = c;
                *v++ = b;
                *v++ = d;
            }
            node->markDirty(QSGNode::DirtyGeometry);
            markers.dirty = false;
        }
    }
    return root;
}

const std::vector<QPointF> &GeoMap::discsThatShow(const MarkerLayer &markers)
{
    // A disc wholly off the map costs vertices for nothing (zoomed in on a street, nearly all of the
    // city's cameras and workers are off it); discs of one layer (one colour, one size) whose centres
    // fall on the same pixel draw the same picture: the first stands for them.
    const double reach = markers.radiusPx * m_designUnit + 1;
    const double w = width(), h = height();
    m_pixelOf.clear();
    for (const QPointF &p : markers.points) {
        const QPointF at = m_view.sceneToScreen(p);
        if (at.x() < -reach || at.y() < -reach || at.x() > w + reach || at.y() > h + reach)
            continue;
        const auto px = uint64_t(int64_t(std::floor(at.x() + reach))), py = uint64_t(int64_t(std::floor(at.y() + reach)));
        m_pixelOf.push_back({(py << 32) | px, p});
    }
    std::stable_sort(m_pixelOf.begin(), m_pixelOf.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    m_drawn.clear();
    for (size_t i = 0; i < m_pixelOf.size(); ++i) {
        if (i == 0 || m_pixelOf[i].first != m_pixelOf[i - 1].first)
            m_drawn.push_back(m_pixelOf[i].second);
    }
    return m_drawn;
}

void GeoMap::itemChange(ItemChange change, const ItemChangeData &data)
{
    QQuickItem::itemChange(change, data);
    if (change == ItemSceneChange && data.window)
        connect(data.window, &QQuickWindow::frameSwapped, this, &GeoMap::onFrameSwapped, Qt::DirectConnection);
}

void GeoMap::onFrameSwapped()
{
    // Render thread (or GUI thread with the basic render loop).
    if (!m_syncedAll || m_swappedAll.exchange(true))
        return;
    emit firstFrameSwapped();
}

QString GeoMap::selectedCode() const
{
    return m_geography && m_selected >= 0 ? m_geography->tree().region(m_selected).code : QString();
}

void GeoMap::setSelectedCode(const QString &code)
{
    if (!m_geography)
        return;
    selectIndex(m_geography->tree().indexOf(code));
}

void GeoMap::selectIndex(int index)
{
    if (index == m_selected)
        return;
    m_selected = index;
    m_selectedDirty = m_hoveredDirty = true;
    updateBase();
    emit selectionChanged();
}

void GeoMap::setHoverIndex(int index)
{
    if (index == m_hovered)
        return;
    m_hovered = index;
    m_hoveredDirty = true;
    updateBase();
    emit hoverChanged();
}

QVariantList GeoMap::selectedPath() const
{
    return m_geography && m_selected >= 0 ? m_geography->path(selectedCode()) : QVariantList();
}

QVariantList GeoMap::hoveredPath() const
{
    return m_geography && m_hovered >= 0 ? m_geography->path(m_geography->tree().region(m_hovered).code) : QVariantList();
}

QVariantList GeoMap::regionsAt(double x, double y) const
{
    QVariantList out;
    if (!m_geography)
        return out;
    for (int index : m_geography->tree().hitTestAll(m_view.screenToScene({x, y}))) {
        if (index >= 0)
            out.append(m_geography->regionAt(index));
    }
    return out;
}

std::pair<int, int> GeoMap::markerAt(QPointF itemPoint) const
{
    // A fingertip on a kiosk covers ~8 design pixels around the disc; the top layer wins, then the nearest.
    const double slop = 8 * m_designUnit;
    for (auto it = m_markers.rbegin(); it != m_markers.rend(); ++it) {
        const MarkerLayer &markers = it->second;
        if (!markers.pickable)
            continue;
        const double reach = markers.radiusPx * m_designUnit + slop;
        double best = reach * reach;
        int found = -1;
        for (size_t i = 0; i < markers.points.size(); ++i) {
            const QPointF d = m_view.sceneToScreen(markers.points[i]) - itemPoint;
            const double d2 = QPointF::dotProduct(d, d);
            if (d2 <= best) {
                best = d2;
                found = int(i);
            }
        }
        if (found >= 0)
            return {it->first, found};
    }
    return {-1, -1};
}

void GeoMap::tapAt(QPointF itemPoint)
{
    if (const auto [layer, slot] = markerAt(itemPoint); layer >= 0) {
        emit markerTapped(layer, slot);
        return;
    }
    selectIndex(regionAtDetail(itemPoint));
    emit regionPicked(selectedCode());
}

int GeoMap::regionAtDetail(QPointF itemPoint) const
{
    if (!m_geography)
        return -1;
    return m_geography->tree().hitTest(m_view.screenToScene(itemPoint), Level(detailLevel()));
}

bool GeoMap::flyTo(const QString &code, int durationMs)
{
    if (!m_geography)
        return false;
    const geo::RegionTree &tree = m_geography->tree();
    const int index = code.isEmpty() ? -1 : tree.indexOf(code);
    if (!code.isEmpty() && index < 0)
        return false;
    if (width() <= 0 || height() <= 0) {
        m_pendingFlight = std::make_pair(code, durationMs);
        return true;
    }
    MapView target = m_view;
    target.setViewport(size());
    // Leave room around the region so that its neighbours give context.
    target.fit(index >= 0 ? tree.region(index).focusBounds : tree.homeBounds(), index >= 0 ? 0.12 : 0.04, m_clearArea);
    selectIndex(index);
    animateTo(target.center(), target.scale(), durationMs);
    return true;
}

void GeoMap::animateTo(QPointF center, double scale, int durationMs)
{
    m_flight.stop();
    m_viewTouched = true;
    if (durationMs <= 0) {
        m_view.setCenter(center);
        m_view.setScale(scale);
        viewChangedInternally();
        return;
    }
    m_flightFrom = m_view.center();
    m_flightTo = center;
    m_flightScaleFrom = m_view.scale();
    m_flightScaleTo = std::clamp(scale, m_view.minimumScale(), m_view.maximumScale());
    m_flight.setDuration(durationMs);
    m_flight.start();
}

void GeoMap::zoomBy(double factor, double x, double y)
{
    m_flight.stop();
    m_viewTouched = true;
    m_view.zoomAt({x, y}, factor);
    viewChangedInternally();
}

void GeoMap::mousePressEvent(QMouseEvent *event)
{
    m_flight.stop();
    m_pressPos = m_lastDragPos = event->position();
    m_dragging = false;
    event->accept();
}

void GeoMap::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (!m_dragging && (pos - m_pressPos).manhattanLength() < 6)
        return;
    m_dragging = true;
    m_viewTouched = true;
    m_view.panBy(pos - m_lastDragPos);
    m_lastDragPos = pos;
    viewChangedInternally();
}

void GeoMap::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragging)
        tapAt(event->position());
    m_dragging = false;
}

void GeoMap::mouseDoubleClickEvent(QMouseEvent *event)
{
    MapView target = m_view;
    target.zoomAt(event->position(), 2.0);
    animateTo(target.center(), target.scale(), 350);
}

void GeoMap::wheelEvent(QWheelEvent *event)
{
    // One wheel notch (120) zooms by 2^(1/4); touchpads send finer steps.
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomBy(std::pow(2.0, steps / 4), event->position().x(), event->position().y());
    event->accept();
}

void GeoMap::hoverMoveEvent(QHoverEvent *event)
{
    // Only a pointer that moves points at something: one resting where it was left (the wall's screen
    // centre, on a wall nobody touches) rings nothing, and the ring goes when it has rested a while.
    const QPointF at = event->position();
    const bool moved = m_lastHover && (*m_lastHover - at).manhattanLength() >= 2;
    m_lastHover = at;
    if (!moved)
        return;
    setHoverIndex(regionAtDetail(at));
    m_hoverRest.start(kHoverRestMs, this);
}

void GeoMap::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_hoverRest.timerId())
        return QQuickItem::timerEvent(event);
    m_hoverRest.stop();
    setHoverIndex(-1);
}

void GeoMap::hoverLeaveEvent(QHoverEvent *)
{
    m_lastHover.reset();
    m_hoverRest.stop();
    setHoverIndex(-1);
}

void GeoMap::touchEvent(QTouchEvent *event)
{
    m_flight.stop();
    const auto &points = event->points();
    // Previous positions are tracked here: each point's own lastPosition()
    // is not reliably the one this item saw last.
    const auto previous = [this](const QEventPoint &p) { return m_touchPositions.value(p.id(), p.position()); };
    if (points.size() == 1) {
        const QEventPoint &p = points.first();
        if (p.state() == QEventPoint::Pressed) {
            m_pressPos = p.position();
            m_dragging = false;
        } else if (p.state() == QEventPoint::Released) {
            if (!m_dragging)
                tapAt(p.position());
        } else if (m_dragging || (p.position() - m_pressPos).manhattanLength() >= 12) {
            m_dragging = true;
            m_viewTouched = true;
            m_view.panBy(p.position() - previous(p));
            viewChangedInternally();
        }
    } else if (points.size() >= 2) {
        // Pinch: follow the centroid of the first two fingers and the change of their distance.
        const QPointF a = points[0].position(), b = points[1].position();
        const QPointF a0 = previous(points[0]), b0 = previous(points[1]);
        const double d = QLineF(a, b).length(), d0 = QLineF(a0, b0).length();
        m_dragging = true;
        m_viewTouched = true;
        m_view.panBy((a + b) / 2 - (a0 + b0) / 2);
        if (d > 0 && d0 > 0)
            m_view.zoomAt((a + b) / 2, d / d0);
        viewChangedInternally();
    }
    for (const QEventPoint &p : points) {
        if (p.state() == QEventPoint::Released)
            m_touchPositions.remove(p.id());
        else
            m_touchPositions.insert(p.id(), p.position());
    }
    event->accept();
}

} // namespace gridwall::map
