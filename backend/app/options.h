#pragma once
// The wall's command line (docs/usage.md). Qt's own options,
// such as -platform, are consumed by QGuiApplication before this runs.

#include "wall/director.h"
#include "wall/picturelayout.h"
#include "wall/walllayout.h"

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

struct Options
{
    QString geoFile;       // empty: the bundled Panjin asset
    QSize size;            // invalid: full screen
    QString screenshotFile;
    int quitAfterMs = -1;  // -1: run until closed
    QString language;      // "zh_CN" or "en"
    QString viewCode;
    // Feed (empty broker: no feed).
    QString broker;
    QString topicRoot = QStringLiteral("panjin");
    QString clientId;
    QString username;
    QString password; // read from --password-file
    QString caFile, certFile, keyFile;
    int metricsPort = 0; // 0: no metrics endpoint
    QString dataDir;     // history; empty: the platform's app-data location (with a feed), none without one
    bool dataDirSet = false;
    bool mute = false; // the critical-alarm sound starts off
    QStringList pluginDirs; // besides the bundled plugins
    int pluginMemoryLimitMb = 256; // the most heap any plugin's engine may hold (PluginHost::kDefaultMemoryLimitMb)
    int telemetryBucketSeconds = 60; // readings and positions are kept per bucket of this width
    int retentionDays = 400;         // telemetry buckets and alarm transitions older than this are deleted
    qint64 maxAheadSeconds = 300;    // payload and view times further ahead of this machine's clock are refused
    QString configFile;                // --config: the wall layout (docs/wall.md)
    gridwall::wall::WallLayout wall;   // one screen unless --config or --wall say more
    std::optional<gridwall::wall::PictureLayout> layout; // --layout or --config; none: the preset for the picture's shape
    std::vector<gridwall::wall::Scene> scenes; // --config: named views of the wall
    gridwall::wall::Playlist playlist;         // --config: the briefing tour
    int trendDays = 7;                         // --config "charts": the analysis column's period at start (1, 7, 30)
};

struct ParsedOptions
{
    std::optional<Options> options; // empty: exit with `exitCode`, after printing `message`
    int exitCode = 0;
    QString message;
};

ParsedOptions parseOptions(const QStringList &arguments);
