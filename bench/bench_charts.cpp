// The 30-day chart of cases reported and closed, drawn two ways at the size
// it has in the analysis column of a 7680x2160 wall (32:9, two pixels per
// design unit): Qt Charts' ChartView (QML module QtCharts, Debian package
// qml6-module-qtcharts; it needs a QApplication, which both get here) and the
// wall's own TrendChart (a Canvas). Each update hands the chart 30 new days
// of figures as the history's rows arrive in QML; after it, until the frame
// is on screen and the window has been quiet for a moment, the bench sums the
// CPU time of the GUI thread (setting the data, bindings, polish and
// painting), of the scene graph's render thread (sync, render, swap) and of
// the whole process (Mesa's rasterising threads included). Medians over the
// updates, after a warm-up. Both are drawn with the axis text at the wall's
// smallest legible size (16 design px, 32 px here); the bench also says how
// many time labels each draws and whether they fit their slots.
// Usage (under a display): bench_charts [UPDATES = 200] [WIDTH = 1440] [HEIGHT = 416] [--shots DIR]

#include "benchkit.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFont>
#include <QFontMetricsF>
#include <QImage>
#include <QMutex>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

Q_IMPORT_QML_PLUGIN(Gridwall_BackendPlugin)
Q_IMPORT_QML_PLUGIN(GridwallPlugin)

namespace {

using namespace gridwall::bench;

constexpr int kDays = 30;
constexpr double kDayMs = 86400000.0;
constexpr int kFontPx = 32; // Theme.minFontSize (16) at two pixels per design unit

double cpuMs(clockid_t clock)
{
    timespec t{};
    clock_gettime(clock, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

// Each variant is a window holding the chart and a function `show(rows)`.
const char *kQtCharts = R"(
import QtQuick
import QtQuick.Window
import QtCharts
Window {
    id: window
    color: "#111a2b"
    function show(rows) {
        let most = 1
        for (const r of rows)
            most = Math.max(most, r.reported, r.closed)
        axisY.max = most
        axisY.applyNiceNumbers()
        reported.values = rows.map(r => r.reported)
        closed.values = rows.map(r => r.closed)
    }
    property alias categories: axisX.categories
    ChartView {
        anchors.fill: parent
        backgroundColor: "#111a2b"
        antialiasing: true
        animationOptions: ChartView.NoAnimation
        legend.labelColor: "#9fb0c4"
        legend.font.pixelSize: 32
        margins { left: 0; right: 0; top: 0; bottom: 0 }
        BarSeries {
            barWidth: 0.76
            axisX: BarCategoryAxis {
                id: axisX
                labelsFont.pixelSize: 32
                labelsColor: "#8a9bb4"
                gridVisible: false
            }
            axisY: ValueAxis {
                id: axisY
                min: 0
                tickCount: 3
                labelFormat: "%d"
                labelsFont.pixelSize: 32
                labelsColor: "#8a9bb4"
                gridLineColor: "#2e3d55"
            }
            BarSet { id: reported; label: "reported"; color: "#ffc83d"; borderWidth: 0 }
            BarSet { id: closed; label: "closed"; color: "#45d483"; borderWidth: 0 }
        }
    }
}
)";

const char *kTrendChart = R"(
import QtQuick
import QtQuick.Window
import Gridwall
Window {
    color: "#111a2b"
    function show(rows) { chart.points = rows }
    readonly property int labelEvery: chart.labelEvery
    Component.onCompleted: Units.unit = 2
    TrendChart {
        id: chart
        anchors.fill: parent
        slots: 30
        stepMs: 86400000
    }
}
)";

struct Variant
{
    const char *key;
    const char *name;
    const char *qml;
};

struct Costs
{
    std::vector<double> gui, render, process, latency;
    int frames = 0;
};

// The render thread's CPU time, summed over the frames of one update (its slots run on that thread).
struct RenderClock
{
    QMutex mutex;
    QThread *thread = nullptr;
    double startedAt = 0;
    double sum = 0;
    int frames = 0;
};

int runVariant(const Variant &v, int updates, QSize size, const QString &shots, Costs *costs)
{
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.loadData(v.qml, QUrl(QStringLiteral("qrc:/bench/%1.qml").arg(QLatin1String(v.key))));
    if (engine.rootObjects().isEmpty()) {
        std::fprintf(stderr, "%s: the chart did not load (Qt Charts: apt-get install qml6-module-qtcharts)\n", v.name);
        return 1;
    }
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    window->resize(size);
    window->show();

    // Dates of the last 30 days, as the axis shows them.
    const double today = std::floor(double(QDateTime::currentMSecsSinceEpoch()) / kDayMs) * kDayMs;
    QStringList categories;
    for (int i = 0; i < kDays; ++i) {
        const QDate d = QDateTime::fromMSecsSinceEpoch(qint64(today - (kDays - 1 - i) * kDayMs)).date();
        categories << QStringLiteral("%1/%2").arg(d.month()).arg(d.day());
    }
    if (window->property("categories").isValid())
        window->setProperty("categories", categories);

    RenderClock clock;
    QObject::connect(window, &QQuickWindow::beforeSynchronizing, window, [&] {
        QMutexLocker lock(&clock.mutex);
        clock.thread = QThread::currentThread();
        clock.startedAt = cpuMs(CLOCK_THREAD_CPUTIME_ID);
    }, Qt::DirectConnection);
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [&] {
        QMutexLocker lock(&clock.mutex);
        if (clock.thread == QThread::currentThread() && clock.startedAt > 0) {
            clock.sum += cpuMs(CLOCK_THREAD_CPUTIME_ID) - clock.startedAt;
            ++clock.frames;
            clock.startedAt = 0;
        }
    }, Qt::DirectConnection);

    // Waits (idle, in an event loop: waiting costs no CPU) for the next frame on screen, false after 5 s;
    // then until 40 ms pass without another.
    bool swapped = false;
    QEventLoop loop;
    QObject::connect(window, &QQuickWindow::frameSwapped, &loop, [&] {
        swapped = true;
        loop.quit();
    }, Qt::QueuedConnection);
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    const auto settle = [&](double *firstFrameMs) {
        QElapsedTimer t;
        t.start();
        swapped = false;
        timer.start(5000);
        loop.exec();
        if (!swapped)
            return false;
        if (firstFrameMs)
            *firstFrameMs = double(t.nsecsElapsed()) / 1e6;
        while (swapped) {
            swapped = false;
            timer.start(40);
            loop.exec();
        }
        return true;
    };
    settle(nullptr); // the first frame

    QRandomGenerator random(7);
    const int warmup = 20;
    for (int u = 0; u < warmup + updates; ++u) {
        QVariantList rows;
        for (int i = 0; i < kDays; ++i) {
            const int reported = 600 + random.bounded(900);
            rows.append(QVariantMap{{QStringLiteral("start"), today - (kDays - 1 - i) * kDayMs},
                                    {QStringLiteral("reported"), reported},
                                    {QStringLiteral("closed"), reported - 150 + random.bounded(300)},
                                    {QStringLiteral("overdue"), random.bounded(40)},
                                    {QStringLiteral("meanHandlingMs"), 3.6e6}});
        }
        {
            QMutexLocker lock(&clock.mutex);
            clock.sum = 0;
            clock.frames = 0;
        }
        const double gui0 = cpuMs(CLOCK_THREAD_CPUTIME_ID), process0 = cpuMs(CLOCK_PROCESS_CPUTIME_ID);
        QMetaObject::invokeMethod(window, "show", Q_ARG(QVariant, QVariant(rows)));
        double latency = 0;
        if (!settle(&latency)) {
            std::fprintf(stderr, "%s: no frame after an update\n", v.name);
            return 1;
        }
        const double gui = cpuMs(CLOCK_THREAD_CPUTIME_ID) - gui0, process = cpuMs(CLOCK_PROCESS_CPUTIME_ID) - process0;
        QMutexLocker lock(&clock.mutex);
        if (u < warmup)
            continue;
        // One thread doing both (the basic render loop): the GUI thread's own part is the rest.
        const bool oneThread = clock.thread == QThread::currentThread();
        costs->gui.push_back(oneThread ? gui - clock.sum : gui);
        costs->render.push_back(clock.sum);
        costs->process.push_back(process);
        costs->latency.push_back(latency);
        costs->frames += clock.frames;
    }
    if (!shots.isEmpty()) {
        QDir().mkpath(shots);
        window->grabWindow().save(QDir(shots).filePath(QStringLiteral("chart-%1.png").arg(QLatin1String(v.key))));
    }
    if (v.key == std::string("trend"))
        figure("trend.label_every", window->property("labelEvery").toDouble(), "slots");
    window->close();
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv); // Qt Charts draws through QGraphicsScene: widgets are required
    QStringList args = app.arguments();
    QString shots;
    if (const qsizetype at = args.indexOf(QStringLiteral("--shots")); at > 0 && at + 1 < args.size()) {
        shots = args[at + 1];
        args.remove(at, 2);
    }
    const int updates = args.size() > 1 ? args[1].toInt() : 200;
    const QSize size(args.size() > 2 ? args[2].toInt() : 1440, args.size() > 3 ? args[3].toInt() : 416);
    if (!qEnvironmentVariableIsSet("DISPLAY")) {
        std::fprintf(stderr, "bench_charts draws real frames: run it under a display (xvfb-run)\n");
        return 2;
    }

    const Variant variants[] = {{"trend", "TrendChart (Canvas)", kTrendChart}, {"qtcharts", "Qt Charts ChartView", kQtCharts}};
    std::printf("30-day chart, %dx%d px, %d updates after 20; medians, ms per update\n", size.width(), size.height(), updates);
    std::printf("%-22s %10s %10s %10s %12s %8s\n", "chart", "GUI CPU", "render CPU", "process", "to frame", "frames");
    double guiOf[2] = {0, 0};
    for (int i = 0; i < 2; ++i) {
        Costs c;
        if (const int rc = runVariant(variants[i], updates, size, shots, &c); rc != 0)
            return rc;
        const Stats gui = statsOf(c.gui), render = statsOf(c.render), process = statsOf(c.process), latency = statsOf(c.latency);
        std::printf("%-22s %10.2f %10.2f %10.2f %12.1f %8.2f\n", variants[i].name, gui.median, render.median, process.median,
                    latency.median, double(c.frames) / updates);
        const std::string k = variants[i].key;
        figure(k + ".gui_ms", gui.median, "ms");
        figure(k + ".gui_min_ms", gui.min, "ms");
        figure(k + ".gui_max_ms", gui.max, "ms");
        figure(k + ".render_ms", render.median, "ms");
        figure(k + ".process_ms", process.median, "ms");
        figure(k + ".latency_ms", latency.median, "ms");
        figure(k + ".frames_per_update", double(c.frames) / updates);
        guiOf[i] = gui.median;
    }
    figure("updates", updates);
    figure("width", size.width(), "px");
    figure("height", size.height(), "px");
    figure("font_px", kFontPx, "px");
    // Qt Charts names every bar of a category axis: does "12/30" fit one bar's slot? (Ours picks every Nth.)
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPixelSize(kFontPx);
    const double label = QFontMetricsF(font).horizontalAdvance(QStringLiteral("12/30"));
    figure("qtcharts.label_px", label, "px");
    figure("qtcharts.slot_px", double(size.width() - 3 * kFontPx) / kDays, "px");
    std::printf("Qt Charts over TrendChart, GUI thread: x%.2f\n", guiOf[0] > 0 ? guiOf[1] / guiOf[0] : 0.0);
    return 0;
}
