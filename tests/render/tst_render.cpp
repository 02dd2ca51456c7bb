// Pixel tests of the real wall under X (tests/run starts Xvfb with Mesa):
// district fills, district borders and the empty sea around the city are
// where the projection says they are, and --view highlights its region;
// the map kept in a retained layer draws the same picture as drawn directly.

#include "geo/regionloader.h"
#include "history/history.h"
#include "map/geomap.h"
#include "map/mapview.h"
#include "wall/picturelayout.h"
#include "views/livefeed.h"

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace gridwall::geo;
using gridwall::map::GeoMap;
using gridwall::map::MapView;

namespace {

constexpr int kWidth = 1600;
constexpr int kHeight = 900;
// The 16:9 layout's map area (wall/picturelayout.h), and the part of it beside the legend where the city is fitted.
const gridwall::wall::PictureLayout &kLayout = *gridwall::wall::presetLayout(QStringLiteral("16:9"));
const double kUnit = kLayout.unitFor(QSizeF(kWidth, kHeight));
const QRectF kMap = kLayout.place(QSizeF(kWidth, kHeight)).at(QStringLiteral("map"));
const double kMapTop = kMap.top();
const double kMargin = 20 * kUnit;                                  // Theme.margin
const double kLegendRight = kMargin + 300 * kUnit + kMargin;       // MapLegend's width, with the margins around it
const double kScaleBarTop = kMap.bottom() - kMargin - 44 * kUnit;  // ScaleBar's height

int colorDistance(QColor a, QColor b)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
}

} // namespace

class TestRender : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::shared_ptr<const RegionTree> m_tree;
    MapView m_view;
    QImage m_city;
    std::vector<QRectF> m_labelRects; // where the wall draws names

    QImage screenshot(const QString &name, const QStringList &extra, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        const QString file = m_dir.filePath(name);
        // A wall that has not drawn within a minute is stuck: its threads' stacks go to the log
        // (where gdb is installed), and it gets one more start before the test fails.
        for (int attempt = 1; attempt <= 2; ++attempt) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            p.start(QStringLiteral(GRIDWALL_BINARY),
                    QStringList{"--size", QString("%1x%2").arg(kWidth).arg(kHeight), "--lang", "en", "--screenshot", file,
                                "--quit-after", "2500"} + extra);
            if (p.waitForFinished(60000))
                return p.exitCode() == 0 ? QImage(file) : QImage();
            qWarning("gridwall %s: no screenshot after 60 s (start %d of 2)", qPrintable(extra.join(' ')), attempt);
            QProcess gdb;
            gdb.start(QStringLiteral("gdb"), {"-p", QString::number(p.processId()), "-batch", "-ex", "thread apply all bt 30"});
            if (gdb.waitForFinished(60000))
                qWarning("%s", gdb.readAllStandardOutput().constData());
            p.kill();
            p.waitForFinished(5000);
        }
        return {};
    }

    // Open cases reported two hours ago at the label points of these grids, one
    // each (overdue: its deadline an hour past), in a history the wall starts from.
    bool recordCases(const QString &dataDir, const std::vector<std::pair<int, bool>> &cases, const std::string &idPrefix) const
    {
        QString error;
        std::unique_ptr<gridwall::history::History> h = gridwall::history::History::open(dataDir, &error);
        if (!h) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        gridwall::views::LiveFeed feed(std::nullopt, m_tree.get(), h.get());
        const int64_t now = gridwall::feed::epochMs();
        int n = 0;
        for (const auto &[grid, overdue] : cases) {
            const QGeoCoordinate at = m_tree->geoFromScene(m_tree->region(grid).labelPoint);
            gridwall::feed::CaseEvent e;
            e.id = idPrefix + std::to_string(n++);
            e.seq = 1;
            e.status = gridwall::feed::CaseStatus::Reported;
            e.ts = now - 7'200'000;
            e.position = gridwall::feed::GeoPoint{at.longitude(), at.latitude()};
            e.grid = m_tree->region(grid).code.toStdString();
            e.deadline = overdue ? now - 3'600'000 : now + 86'400'000;
            if (!h->recordCase(e, e.ts))
                return false;
            feed.push(std::move(e));
        }
        feed.drain();
        h->flush();
        return true;
    }

    // Window coordinates of a scene point, and back.
    QPointF toWindow(QPointF scene) const { return m_view.sceneToScreen(scene) + QPointF(0, kMapTop); }
    QPointF toScene(QPointF window) const { return m_view.screenToScene(window - QPointF(0, kMapTop)); }

    // Away from the header, the scale bar and any place a label may be drawn.
    bool clear(QPointF p) const
    {
        if (!kMap.adjusted(10, 10, -10, -10).contains(p))
            return false;
        if (p.x() < kLegendRight && p.y() < kMapTop + 600 * kUnit)
            return false; // legend
        if (p.x() < 260 * kUnit && p.y() > kScaleBarTop - 20 * kUnit)
            return false; // scale bar
        if (p.x() > kMap.right() - 500 * kUnit && p.y() > kMap.bottom() - 260 * kUnit)
            return false; // region card: Xvfb's pointer rests over the map and hovers a region
        return std::none_of(m_labelRects.begin(), m_labelRects.end(), [&](const QRectF &r) { return r.contains(p); });
    }

    // Distance in pixels from a window point to a region's outline.
    double pixelsToBoundary(int region, QPointF window) const
    {
        GEOSContextHandle_t h = m_tree->geosHandle();
        const QPointF scene = toScene(window);
        GEOSGeometry *point = GEOSGeom_createPointFromXY_r(h, scene.x(), scene.y());
        GEOSGeometry *boundary = GEOSBoundary_r(h, m_tree->geometry(region));
        double distance = 0;
        GEOSDistance_r(h, boundary, point, &distance);
        GEOSGeom_destroy_r(h, boundary);
        GEOSGeom_destroy_r(h, point);
        return distance * m_view.scale();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DISPLAY"), "run under an X server: tests/run uses xvfb-run");
        const RegionLoadResult loaded = loadRegionFile(QStringLiteral(GRIDWALL_REGIONS));
        QVERIFY2(loaded.tree, qPrintable(loaded.error));
        m_tree = loaded.tree;
        // The wall opens showing the whole city: the same fit GeoMap makes.
        m_view = MapView(m_tree->originMercator());
        m_view.setViewport(kMap.size());
        m_view.fit(m_tree->homeBounds(), 0.04, QRectF(kLegendRight, 0, kMap.width() - kLegendRight, kScaleBarTop - kMargin - kMapTop));
        // The same label placement as the wall's, with a generous box around each name.
        const gridwall::map::MapDataLoad data = gridwall::map::loadMapData(QStringLiteral(GRIDWALL_REGIONS));
        gridwall::map::Geography geography(data.data, true);
        gridwall::map::MapLabels labels;
        labels.setGeography(&geography);
        labels.layout(m_view, kUnit);
        for (int row = 0; row < labels.rowCount(); ++row) {
            const QModelIndex i = labels.index(row);
            if (!i.data(gridwall::map::MapLabels::ShownRole).toBool())
                continue;
            const double size = i.data(gridwall::map::MapLabels::PixelSizeRole).toDouble();
            const double halfWidth = i.data(gridwall::map::MapLabels::TextRole).toString().size() * size * 0.6 + 8;
            const QPointF at = QPointF(i.data(gridwall::map::MapLabels::XRole).toDouble(), i.data(gridwall::map::MapLabels::YRole).toDouble() + kMapTop);
            m_labelRects.push_back(QRectF(at.x() - halfWidth, at.y() - size, 2 * halfWidth, 2 * size));
        }
        QVERIFY(m_labelRects.size() >= 4);
        m_city = screenshot("city.png", {});
        QVERIFY2(!m_city.isNull(), "gridwall did not produce a screenshot");
        QCOMPARE(m_city.size(), QSize(kWidth, kHeight));
    }

    void districtFillsAtKnownPoints()
    {
        // Lattice points well inside one district show that district's tint;
        // a few may fall on a street border or a label's halo.
        const QList<int> &districts = m_tree->level(Level::District);
        QHash<int, int> sampled, matching;
        for (int y = 0; y < kHeight; y += 3) {
            for (int x = 0; x < kWidth; x += 3) {
                const QPointF p(x, y);
                const int d = m_tree->hitTest(toScene(p), Level::District);
                const int street = m_tree->hitTest(toScene(p), Level::Street);
                const int community = m_tree->hitTest(toScene(p), Level::Community);
                // Clear of the borders drawn there (communities' fade in at this zoom) and their feathered edges.
                if (d < 0 || street < 0 || community < 0 || !clear(p) || pixelsToBoundary(street, p) < 5
                    || pixelsToBoundary(community, p) < 2.5)
                    continue;
                const QColor tint = QColor::fromRgb(GeoMap::districtTint(int(districts.indexOf(d))));
                ++sampled[d];
                matching[d] += colorDistance(m_city.pixelColor(x, y), tint) < 60 ? 1 : 0;
            }
        }
        for (int d : districts) {
            qInfo("district %s: %d of %d points show its fill", qPrintable(m_tree->region(d).code), matching[d], sampled[d]);
            QVERIFY2(sampled[d] >= 5, "too few clear points to check a district's fill"); // the smallest, dense with borders, has few
            QVERIFY(matching[d] >= sampled[d] * 8 / 10);
        }
    }

    void districtBordersAtKnownPoints()
    {
        GEOSContextHandle_t h = m_tree->geosHandle();
        int sampled = 0, bright = 0;
        for (int d : m_tree->level(Level::District)) {
            const GEOSGeometry *outline = m_tree->geometry(d);
            for (int part = 0; part < GEOSGetNumGeometries_r(h, outline); ++part) {
                const GEOSGeometry *polygon = GEOSGetGeometryN_r(h, outline, part);
                const GEOSCoordSequence *ring = GEOSGeom_getCoordSeq_r(h, GEOSGetExteriorRing_r(h, polygon));
                unsigned int n = 0;
                GEOSCoordSeq_getSize_r(h, ring, &n);
                for (unsigned int i = 1; i < n; ++i) {
                    double ax, ay, bx, by;
                    GEOSCoordSeq_getXY_r(h, ring, i - 1, &ax, &ay);
                    GEOSCoordSeq_getXY_r(h, ring, i, &bx, &by);
                    const QPointF a = toWindow({ax, ay}), b = toWindow({bx, by});
                    const QPointF mid = (a + b) / 2;
                    if (QLineF(a, b).length() < 6 || !clear(mid))
                        continue;
                    ++sampled;
                    const QColor pixel = m_city.pixelColor(mid.toPoint());
                    bright += std::min({pixel.red(), pixel.green(), pixel.blue()}) > 150 ? 1 : 0;
                }
            }
        }
        qInfo("district border: %d of %d sampled points bright", bright, sampled);
        QVERIFY(sampled >= 20);
        QVERIFY(bright >= sampled * 9 / 10);
    }

    void backgroundOutsideTheCity()
    {
        const QColor background("#0b1220");
        int checked = 0;
        for (int y = 100; y < kHeight - 100; y += 40) {
            for (int x = 20; x < kWidth - 20; x += 40) {
                const QPointF p(x, y);
                const auto &districts = m_tree->level(Level::District);
                const bool nearCity = std::any_of(districts.begin(), districts.end(), [&](int d) {
                    return m_tree->hitTest(toScene(p), Level::District) >= 0 || pixelsToBoundary(d, p) < 8;
                });
                if (nearCity || !clear(p))
                    continue;
                const QColor pixel = m_city.pixelColor(x, y);
                QVERIFY2(colorDistance(pixel, background) < 12,
                         qPrintable(QString("%1,%2 is %3, not the background").arg(x).arg(y).arg(pixel.name())));
                ++checked;
            }
        }
        QVERIFY(checked >= 10);
    }

    // Cases gathered at one place (restored from a history) make the density
    // layer glow warm around them; far from them the map is as it was.
    void heatmapShowsWhereCasesGather()
    {
        const int grid = m_tree->level(Level::Grid).at(m_tree->level(Level::Grid).size() / 2);
        const QPointF place = m_tree->region(grid).labelPoint;
        const QPointF onScreen = toWindow(place);
        QVERIFY(clear(onScreen));
        QTemporaryDir data;
        {
            QString error;
            std::unique_ptr<gridwall::history::History> h = gridwall::history::History::open(data.path(), &error);
            QVERIFY2(h, qPrintable(error));
            gridwall::views::LiveFeed feed(std::nullopt, m_tree.get(), h.get());
            const QGeoCoordinate at = m_tree->geoFromScene(place);
            const int64_t now = gridwall::feed::epochMs();
            for (int i = 0; i < 40; ++i) {
                gridwall::feed::CaseEvent e;
                e.id = "heat-" + std::to_string(i);
                e.seq = 1;
                e.status = gridwall::feed::CaseStatus::Reported;
                e.ts = now - 3'600'000 + i * 1000;
                e.position = gridwall::feed::GeoPoint{at.longitude(), at.latitude()};
                e.grid = m_tree->region(grid).code.toStdString();
                e.deadline = now + 86'400'000;
                QVERIFY(h->recordCase(e, e.ts));
                feed.push(std::move(e));
            }
            feed.drain();
            h->flush();
        }
        const QImage image = screenshot("heat.png", {"--data-dir", data.path()});
        QVERIFY(!image.isNull());
        // Beside the markers (a disc of about 4 pixels here), within one kernel width (0.8 km: about 6 pixels at this zoom).
        int warm = 0, sampled = 0;
        for (const QPointF offset : {QPointF(5, 0), QPointF(-5, 0), QPointF(0, 5), QPointF(0, -5), QPointF(4, 4), QPointF(-4, 4),
                                     QPointF(4, -4), QPointF(-4, -4)}) {
            const QPoint p = (onScreen + offset).toPoint();
            const QColor heat = image.pixelColor(p), before = m_city.pixelColor(p);
            ++sampled;
            warm += heat.red() > heat.blue() && colorDistance(heat, before) > 50 ? 1 : 0; // a border line may cross one
        }
        qInfo("density: %d of %d points around the cases glow", warm, sampled);
        QVERIFY(warm >= 6);
        // Far from them (a quarter of the map away), the map is unchanged.
        int same = 0, far = 0;
        for (int y = 0; y < kHeight; y += 37) {
            for (int x = 0; x < kWidth; x += 37) {
                const QPointF p(x, y);
                if (!clear(p) || QLineF(p, onScreen).length() < kWidth / 4.0)
                    continue;
                ++far;
                same += colorDistance(image.pixelColor(p.toPoint()), m_city.pixelColor(p.toPoint())) < 30 ? 1 : 0;
            }
        }
        QVERIFY(far > 100);
        QVERIFY2(same >= far * 95 / 100, qPrintable(QStringLiteral("%1 of %2").arg(same).arg(far)));
    }

    // Case markers drawn where the cases are, in their state's colour: a case
    // past its deadline pink, one in time yellow; elsewhere the map unchanged.
    void casesAreDrawnInTheirStatesColour()
    {
        const QList<int> &grids = m_tree->level(Level::Grid);
        std::vector<std::pair<int, bool>> cases; // grid, overdue
        for (int i = grids.size() / 3; i < grids.size() && cases.size() < 2; i += 7) {
            const QPointF at = toWindow(m_tree->region(grids.at(i)).labelPoint);
            if (clear(at) && (cases.empty() || QLineF(at, toWindow(m_tree->region(cases.front().first).labelPoint)).length() > 80))
                cases.emplace_back(grids.at(i), cases.empty());
        }
        QCOMPARE(cases.size(), size_t(2));
        QTemporaryDir data;
        QVERIFY(recordCases(data.path(), cases, "pixel-"));
        const QImage image = screenshot("cases.png", {"--data-dir", data.path()});
        QVERIFY(!image.isNull());
        const QColor pink(255, 64, 129), yellow(255, 209, 102);
        for (const auto &[grid, overdue] : cases) {
            const QPoint at = toWindow(m_tree->region(grid).labelPoint).toPoint();
            const QColor seen = image.pixelColor(at);
            QVERIFY2(colorDistance(seen, overdue ? pink : yellow) < 40,
                     qPrintable(QStringLiteral("%1 case at %2,%3 is %4").arg(overdue ? "overdue" : "open").arg(at.x()).arg(at.y()).arg(seen.name())));
        }
    }

    void viewHighlightsTheRegion()
    {
        const QString street = m_tree->region(m_tree->level(Level::Street).first()).code;
        const QImage image = screenshot("view.png", {"--view", street});
        QVERIFY(!image.isNull());
        const QColor amber(255, 200, 61);
        int highlighted = 0, inCity = 0;
        for (int y = 0; y < image.height(); y += 2) {
            for (int x = 0; x < image.width(); x += 2) {
                highlighted += colorDistance(image.pixelColor(x, y), amber) < 40 ? 1 : 0;
                inCity += colorDistance(image.pixelColor(x, y), m_city.pixelColor(x, y)) > 30 ? 1 : 0;
            }
        }
        qInfo("--view %s: %d highlight samples, %d samples differ from the city view", qPrintable(street), highlighted, inCity);
        QVERIFY(highlighted > 100);
        QVERIFY(inCity > image.width() * image.height() / 40); // the view really moved
    }
    // The retained base (fills, density, borders, rings, outlines in a texture redrawn only when
    // they change) composes the same picture as drawing everything every frame, at two views.
    void retainedLayersDrawTheSamePicture()
    {
        QTemporaryDir data;
        std::vector<std::pair<int, bool>> cases; // grid, overdue
        const QList<int> &grids = m_tree->level(Level::Grid);
        for (int i = 0; i < 120; ++i)
            cases.emplace_back(grids.at((i * 37) % grids.size()), i % 4 == 0);
        QVERIFY(recordCases(data.path(), cases, "same-"));
        QProcessEnvironment direct = QProcessEnvironment::systemEnvironment();
        direct.insert(QStringLiteral("GRIDWALL_RETAINED_LAYERS"), QStringLiteral("0"));
        const QString district = m_tree->region(m_tree->level(Level::District).at(1)).code;
        for (const QStringList &view : {QStringList{}, QStringList{"--view", district}}) {
            const QStringList args = QStringList{"--data-dir", data.path()} + view;
            const QImage retained = screenshot("retained.png", args);
            const QImage drawn = screenshot("direct.png", args, direct);
            QVERIFY(!retained.isNull() && !drawn.isNull());
            // The map's area; the header's clock ticks between the two pictures.
            const QRect area = kMap.toAlignedRect().intersected(retained.rect());
            int differ = 0, changed = 0, worst = 0;
            for (int y = area.top(); y <= area.bottom(); ++y) {
                for (int x = area.left(); x <= area.right(); ++x) {
                    const int d = colorDistance(retained.pixelColor(x, y), drawn.pixelColor(x, y));
                    worst = std::max(worst, d);
                    differ += d > 12 ? 1 : 0; // 8-bit rounding in the layer's texture, under text's anti-aliasing too
                    changed += colorDistance(drawn.pixelColor(x, y), m_city.pixelColor(x, y)) > 30 ? 1 : 0;
                }
            }
            qInfo("%s: %d of %d pixels differ by more than rounding (worst %d), %d differ from the empty city",
                  view.isEmpty() ? "city view" : qPrintable("--view " + district), differ, int(area.width() * area.height()), worst, changed);
            QVERIFY(changed > 2000); // the cases, their density and the workload colours are there to compare
            // A triangle edge through a pixel's centre may fall either way when rasterised into the texture.
            QVERIFY2(differ <= area.width() * area.height() / 20000, "the retained layer's picture is not the direct one");
        }
    }
};


QTEST_MAIN(TestRender)
#include "tst_render.moc"
