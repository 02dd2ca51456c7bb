// gridwall: the command-center wall. Parses the options, loads the
// geography (in parallel with the window's QML), and runs the wall
// (backend/app/wall.h builds and wires every part).

#include "app/options.h"
#include "app/wall.h"
#include "map/geography.h"
#include "map/geomap.h"
#include "metrics/stopsignals.h"
#include "wall/walllayout.h"

#include <QGuiApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickWindow>
#include <QScreen>
#include <QSurfaceFormat>
#include <QTimer>
#include <QTranslator>
#include <QtConcurrent/QtConcurrentRun>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(Gridwall_BackendPlugin)
Q_IMPORT_QML_PLUGIN(GridwallPlugin)

namespace {

void printLine(FILE *stream, const QString &text)
{
    std::fputs(qPrintable(text.endsWith(QLatin1Char('\n')) ? text : text + QLatin1Char('\n')), stream);
}

} // namespace

int main(int argc, char *argv[])
{
    // The wall shows the city's time (Panjin: China Standard Time) whatever
    // the machine's zone; TZ set in the environment wins.
    if (!qEnvironmentVariableIsSet("TZ"))
        qputenv("TZ", "Asia/Shanghai");

    // Borders smooth their own edges in the shader, so multisampling is off by
    // default (software rendering pays for every sample); GRIDWALL_MSAA_SAMPLES
    // turns it on for smoother polygon edges on a real GPU.
    if (const int samples = qEnvironmentVariableIntValue("GRIDWALL_MSAA_SAMPLES"); samples > 0) {
        QSurfaceFormat format = QSurfaceFormat::defaultFormat();
        format.setSamples(samples);
        QSurfaceFormat::setDefaultFormat(format);
    }

    QGuiApplication app(argc, argv);
    // Text from the glyph cache, one texture lookup a pixel: the wall's text is never scaled by a
    // transform (sizes follow the design unit), and software rendering draws it for less than
    // distance-field text.
    QQuickWindow::setTextRenderType(QQuickWindow::NativeTextRendering);
    QGuiApplication::setApplicationName(QStringLiteral("gridwall"));
    QGuiApplication::setOrganizationName(QStringLiteral("gridwall"));

    const ParsedOptions parsed = parseOptions(QGuiApplication::arguments());
    if (!parsed.options) {
        printLine(parsed.exitCode == 0 ? stdout : stderr, parsed.message);
        return parsed.exitCode;
    }
    const Options &options = *parsed.options;
    // SIGTERM and SIGINT: a graceful quit when the event loop takes it within 3 s, else a hard exit.
    // Installed after the platform plugin, whose own handler (eglfs, linuxfb) waits for the event loop and then _exit(1)s.
    const gridwall::metrics::StopSignals stopSignals(std::chrono::seconds(3), std::chrono::seconds(10));

    const QString geoFile = options.geoFile.isEmpty() ? QStringLiteral(":/gridwall/geo/panjin-regions.geojson") : options.geoFile;
    QFuture<gridwall::map::MapDataLoad> loading = QtConcurrent::run(gridwall::map::loadMapData, geoFile);

    QTranslator translator;
    if (translator.load(QStringLiteral(":/i18n/gridwall_%1.qm").arg(options.language)))
        QGuiApplication::installTranslator(&translator);

    gridwall::app::Wall wall(options);
    QQmlApplicationEngine engine;
    wall.exposeTo(&engine);
    // The wall's modules are compiled in, under qrc:/ (plugin engines import them from there too).
    engine.addImportPath(QStringLiteral("qrc:/"));
    // A wall of several screens: --size (or the screen) is one screen; a node draws its own screen's part
    // of the whole picture, one process drawing every screen spans them all (docs/wall.md).
    const gridwall::wall::WallLayout &layout = options.wall;
    QSize windowSize = options.size;
    QSize cell = options.size;
    if (layout.multiScreen()) {
        if (!cell.isValid()) {
            // A node's screen is its own; one process spans every screen of its display.
            cell = layout.node ? QGuiApplication::primaryScreen()->size()
                             : QSize(QGuiApplication::primaryScreen()->virtualSize().width() / layout.columns,
                                     QGuiApplication::primaryScreen()->virtualSize().height() / layout.rows);
        }
        if (!layout.node && options.size.isValid())
            windowSize = QSize(layout.columns * cell.width(), layout.rows * cell.height());
    }
    engine.setInitialProperties({{QStringLiteral("windowSize"), windowSize},
                                 {QStringLiteral("wallColumns"), layout.columns},
                                 {QStringLiteral("wallRows"), layout.rows},
                                 {QStringLiteral("cellSize"), cell},
                                 {QStringLiteral("bezel"), layout.bezel},
                                 // One window over every screen, bezels between them: each screen shows its part.
                                 {QStringLiteral("throughScreens"), layout.multiScreen() && !layout.node && !layout.bezel.isNull()},
                                 {QStringLiteral("pictureSize"), layout.multiScreen() ? layout.picture(cell) : QSize()},
                                 {QStringLiteral("cellOrigin"), layout.node ? layout.origin(*layout.node, cell) : QPoint()}});
    engine.load(QUrl(QStringLiteral("qrc:/Gridwall/Main.qml")));
    auto *window = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    if (!window || !window->findChild<gridwall::map::GeoMap *>(QStringLiteral("map"))) {
        printLine(stderr, QStringLiteral("gridwall: the user interface failed to load"));
        return 1;
    }

    const gridwall::map::MapDataLoad loaded = loading.result();
    if (!loaded.data) {
        printLine(stderr, QStringLiteral("gridwall: ") + loaded.error);
        return 2;
    }
    if (auto failure = wall.build(loaded.data)) {
        printLine(stderr, QStringLiteral("gridwall: ") + failure->message);
        return failure->exitCode;
    }
    if (auto failure = wall.attach(window)) {
        printLine(stderr, QStringLiteral("gridwall: ") + failure->message);
        return failure->exitCode;
    }
    wall.start();

    if (windowSize.isValid())
        window->show();
    else
        window->showFullScreen();

    if (options.quitAfterMs >= 0) {
        QTimer::singleShot(options.quitAfterMs, window, [window, &options] {
            if (options.screenshotFile.isEmpty()) {
                QGuiApplication::exit(0);
                return;
            }
            const QImage frame = window->grabWindow();
            if (frame.isNull() || !frame.save(options.screenshotFile, "PNG")) {
                printLine(stderr, QStringLiteral("gridwall: cannot write screenshot %1").arg(options.screenshotFile));
                QGuiApplication::exit(1);
                return;
            }
            QGuiApplication::exit(0);
        });
    }
    return QGuiApplication::exec();
}
