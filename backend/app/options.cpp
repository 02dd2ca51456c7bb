#include "options.h"

#include "feed/feedclient.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QLocale>
#include <QRegularExpression>

ParsedOptions parseOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("gridwall: the city command-center wall"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help and exit."));
    const QCommandLineOption version(QStringLiteral("version"), QStringLiteral("Show the version and exit."));
    const QCommandLineOption geo(QStringLiteral("geo"), QStringLiteral("Region tree GeoJSON (default: bundled Panjin)."), QStringLiteral("FILE"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size, e.g. 3840x2160 (default: full screen)."), QStringLiteral("WxH"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Save the frame shown at --quit-after as PNG, then exit."), QStringLiteral("FILE"));
    const QCommandLineOption quitAfter(QStringLiteral("quit-after"), QStringLiteral("Exit after MS milliseconds."), QStringLiteral("MS"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("UI language: zh_CN or en (default: system locale, zh_CN first)."), QStringLiteral("LANG"));
    const QCommandLineOption view(QStringLiteral("view"), QStringLiteral("Open at a region code, e.g. 211103, or at a case, camera, sensor, worker or unit id."), QStringLiteral("CODE"));
    const QCommandLineOption broker(QStringLiteral("broker"), QStringLiteral("MQTT broker, tcp://HOST:PORT or ssl://HOST:PORT (default: no feed)."), QStringLiteral("URI"));
    const QCommandLineOption topicRoot(QStringLiteral("topic-root"), QStringLiteral("Topic root (default panjin)."), QStringLiteral("ROOT"));
    const QCommandLineOption clientId(QStringLiteral("client-id"), QStringLiteral("Stable MQTT client id of the persistent session (default gridwall-HOSTNAME)."), QStringLiteral("ID"));
    const QCommandLineOption username(QStringLiteral("username"), QStringLiteral("Broker user name."), QStringLiteral("U"));
    const QCommandLineOption passwordFile(QStringLiteral("password-file"), QStringLiteral("File whose first line is the broker password."), QStringLiteral("F"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"), QStringLiteral("TLS: CA certificates to trust."), QStringLiteral("F"));
    const QCommandLineOption certFile(QStringLiteral("cert-file"), QStringLiteral("TLS: client certificate."), QStringLiteral("F"));
    const QCommandLineOption keyFile(QStringLiteral("key-file"), QStringLiteral("TLS: client private key."), QStringLiteral("F"));
    const QCommandLineOption metricsPort(QStringLiteral("metrics-port"), QStringLiteral("Serve /metrics and /health on 127.0.0.1:N."), QStringLiteral("N"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("History database and snapshots (default: the app-data location)."), QStringLiteral("DIR"));
    const QCommandLineOption telemetryBucket(QStringLiteral("telemetry-bucket"), QStringLiteral("History: sensor readings and positions are kept per bucket of S seconds (default 60)."), QStringLiteral("S"));
    const QCommandLineOption maxAhead(QStringLiteral("max-ahead"),
                                      QStringLiteral("Refuse payloads and views whose ts is more than S seconds ahead of this machine's clock (default 300); "
                                                     "raise it only for a simulator or replay in accelerated time (docs/feeds.md)."),
                                      QStringLiteral("S"));
    const QCommandLineOption retention(QStringLiteral("retention-days"), QStringLiteral("History: telemetry and alarm transitions are kept D days (default 400); case events are kept for good."), QStringLiteral("D"));
    const QCommandLineOption pluginsDir(QStringLiteral("plugins-dir"),
                                        QStringLiteral("Load the department plugins in DIR (repeatable; docs/plugins.md)."), QStringLiteral("DIR"));
    const QCommandLineOption pluginMemory(QStringLiteral("plugin-memory-mb"),
                                          QStringLiteral("The most memory (JS heap) any plugin may use before it is switched off, in MB (default 256; "
                                                         "a plugin gets 64 unless its plugin.json asks for more)."),
                                          QStringLiteral("MB"));
    const QCommandLineOption mute(QStringLiteral("mute"), QStringLiteral("Start with the critical-alarm sound off (the ticker's speaker switches it)."));
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("Wall configuration (JSON: the wall's screens and bezels, scenes, the briefing tour; docs/wall.md)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption wallOption(QStringLiteral("wall"), QStringLiteral("A wall of COLSxROWS screens; --size is then one screen."), QStringLiteral("COLSxROWS"));
    const QCommandLineOption node(QStringLiteral("node"), QStringLiteral("Draw only the wall's screen at COL,ROW (from 0,0), as one of its nodes."),
                                  QStringLiteral("COL,ROW"));
    const QCommandLineOption layout(QStringLiteral("layout"),
                                    QStringLiteral("What goes where in the picture: 16:9, 32:9, 48:9, 3x3 or portrait (default: by the picture's shape; docs/wall.md)."),
                                    QStringLiteral("NAME"));
    parser.addOptions({help, version, geo, size, screenshot, quitAfter, lang, view, broker, topicRoot, clientId, username,
                       passwordFile, caFile, certFile, keyFile, metricsPort, dataDir, telemetryBucket, retention, maxAhead, mute, pluginsDir,
                       pluginMemory, config, wallOption, node, layout});

    // A command line the parser cannot read gets the usage after its reason; a value or a
    // configuration that is wrong gets its one line (docs/usage.md, exit codes).
    const auto usageError = [&](const QString &why) {
        return ParsedOptions{std::nullopt, 2, QStringLiteral("gridwall: %1\n\n%2").arg(why, parser.helpText())};
    };
    const auto valueError = [](const QString &why) { return ParsedOptions{std::nullopt, 2, QStringLiteral("gridwall: %1\n").arg(why)}; };
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(help))
        return {std::nullopt, 0, parser.helpText()};
    if (parser.isSet(version))
        return {std::nullopt, 0, QStringLiteral("gridwall %1").arg(QStringLiteral(GRIDWALL_VERSION))};
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));

    Options options;
    options.geoFile = parser.value(geo);
    if (parser.isSet(size)) {
        static const QRegularExpression pattern(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
        const auto match = pattern.match(parser.value(size));
        const int w = match.captured(1).toInt(), h = match.captured(2).toInt();
        if (!match.hasMatch() || w < 64 || h < 64 || w > 16384 || h > 16384)
            return valueError(QStringLiteral("--size wants WIDTHxHEIGHT between 64 and 16384, e.g. 1920x1080, not '%1'").arg(parser.value(size)));
        options.size = QSize(w, h);
    }
    if (parser.isSet(quitAfter)) {
        bool ok = false;
        options.quitAfterMs = parser.value(quitAfter).toInt(&ok);
        if (!ok || options.quitAfterMs < 0)
            return valueError(QStringLiteral("--quit-after wants milliseconds, not '%1'").arg(parser.value(quitAfter)));
    }
    options.screenshotFile = parser.value(screenshot);
    if (!options.screenshotFile.isEmpty() && options.quitAfterMs < 0)
        options.quitAfterMs = 3000;
    if (parser.isSet(lang)) {
        options.language = parser.value(lang);
        if (options.language != QLatin1String("zh_CN") && options.language != QLatin1String("en"))
            return valueError(QStringLiteral("--lang wants zh_CN or en, not '%1'").arg(options.language));
    } else {
        options.language = QLocale::system().language() == QLocale::English ? QStringLiteral("en") : QStringLiteral("zh_CN");
    }
    options.viewCode = parser.value(view);
    options.mute = parser.isSet(mute);
    options.pluginDirs = parser.values(pluginsDir);
    for (const QString &dir : options.pluginDirs)
        if (!QFileInfo(dir).isDir())
            return valueError(QStringLiteral("--plugins-dir %1: not a folder").arg(dir));
    if (parser.isSet(pluginMemory)) {
        bool ok = false;
        options.pluginMemoryLimitMb = parser.value(pluginMemory).toInt(&ok);
        if (!ok || options.pluginMemoryLimitMb < 1 || options.pluginMemoryLimitMb > 4096)
            return valueError(QStringLiteral("--plugin-memory-mb wants MB from 1 to 4096, not '%1'").arg(parser.value(pluginMemory)));
    }

    if (parser.isSet(broker)) {
        options.broker = parser.value(broker);
        if (const QString problem = gridwall::feed::checkBrokerUri(options.broker); !problem.isEmpty())
            return valueError(problem);
    }
    if (parser.isSet(topicRoot)) {
        options.topicRoot = parser.value(topicRoot);
        static const QRegularExpression rootPattern(QStringLiteral("^[^/+#]+(/[^/+#]+)*$"));
        if (!rootPattern.match(options.topicRoot).hasMatch())
            return valueError(QStringLiteral("--topic-root wants a topic without wildcards or empty levels, not '%1'").arg(options.topicRoot));
    }
    if (parser.isSet(dataDir)) {
        options.dataDir = parser.value(dataDir);
        options.dataDirSet = true;
        if (options.dataDir.isEmpty())
            return valueError(QStringLiteral("--data-dir wants a directory"));
    }
    options.clientId = parser.isSet(clientId) ? parser.value(clientId) : QStringLiteral("gridwall-") + QSysInfo::machineHostName();
    if (options.clientId.isEmpty() || options.clientId.size() > 128)
        return valueError(QStringLiteral("--client-id wants 1 to 128 characters"));
    options.username = parser.value(username);
    if (parser.isSet(passwordFile)) {
        QFile file(parser.value(passwordFile));
        if (!file.open(QIODevice::ReadOnly))
            return valueError(QStringLiteral("--password-file %1: %2").arg(file.fileName(), file.errorString()));
        options.password = QString::fromUtf8(file.readLine()).trimmed();
    }
    for (const auto &[option, target] : {std::pair{&caFile, &options.caFile}, std::pair{&certFile, &options.certFile}, std::pair{&keyFile, &options.keyFile}}) {
        if (!parser.isSet(*option))
            continue;
        *target = parser.value(*option);
        if (!QFileInfo(*target).isReadable())
            return valueError(QStringLiteral("--%1 %2: cannot read the file").arg(option->names().first(), *target));
    }
    if (parser.isSet(metricsPort)) {
        bool ok = false;
        options.metricsPort = parser.value(metricsPort).toInt(&ok);
        if (!ok || options.metricsPort < 1 || options.metricsPort > 65535)
            return valueError(QStringLiteral("--metrics-port wants a port from 1 to 65535, not '%1'").arg(parser.value(metricsPort)));
    }
    if (parser.isSet(telemetryBucket)) {
        bool ok = false;
        options.telemetryBucketSeconds = parser.value(telemetryBucket).toInt(&ok);
        if (!ok || options.telemetryBucketSeconds < 1 || options.telemetryBucketSeconds > 86400)
            return valueError(QStringLiteral("--telemetry-bucket wants seconds from 1 to 86400, not '%1'").arg(parser.value(telemetryBucket)));
    }
    if (parser.isSet(maxAhead)) {
        bool ok = false;
        options.maxAheadSeconds = parser.value(maxAhead).toLongLong(&ok);
        if (!ok || options.maxAheadSeconds < 0 || options.maxAheadSeconds > 400LL * 86400)
            return valueError(QStringLiteral("--max-ahead wants seconds from 0 to 34560000 (400 days), not '%1'").arg(parser.value(maxAhead)));
    }
    if (parser.isSet(retention)) {
        bool ok = false;
        options.retentionDays = parser.value(retention).toInt(&ok);
        if (!ok || options.retentionDays < 1 || options.retentionDays > 36500)
            return valueError(QStringLiteral("--retention-days wants days from 1 to 36500, not '%1'").arg(parser.value(retention)));
    }
    if (parser.isSet(config)) {
        options.configFile = parser.value(config);
        QFile file(options.configFile);
        if (!file.open(QIODevice::ReadOnly))
            return valueError(QStringLiteral("--config %1: %2").arg(options.configFile, file.errorString()));
        if (file.size() > (1 << 20))
            return valueError(QStringLiteral("--config %1: over 1 MiB").arg(options.configFile));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
        if (!doc.isObject())
            return valueError(QStringLiteral("--config %1: %2").arg(options.configFile, error.error != QJsonParseError::NoError
                                                                                           ? error.errorString()
                                                                                           : QStringLiteral("not a JSON object")));
        if (const QString problem = gridwall::wall::readWallLayout(doc.object().value(QStringLiteral("wall")).toObject(), &options.wall);
            !problem.isEmpty())
            return valueError(QStringLiteral("--config %1: %2").arg(options.configFile, problem));
        if (const QString problem = gridwall::wall::readScenes(doc.object(), &options.scenes, &options.playlist); !problem.isEmpty())
            return valueError(QStringLiteral("--config %1: %2").arg(options.configFile, problem));
        if (const QJsonValue layoutValue = doc.object().value(QStringLiteral("layout")); !layoutValue.isUndefined()) {
            gridwall::wall::PictureLayout read;
            if (const QString problem = gridwall::wall::readPictureLayout(layoutValue, &read); !problem.isEmpty())
                return valueError(QStringLiteral("--config %1: %2").arg(options.configFile, problem));
            options.layout = std::move(read);
        }
        if (const QJsonValue charts = doc.object().value(QStringLiteral("charts")); !charts.isUndefined()) {
            static const QHash<QString, int> periods = {{QStringLiteral("24h"), 1}, {QStringLiteral("7d"), 7}, {QStringLiteral("30d"), 30}};
            const int days = periods.value(charts.toObject().value(QStringLiteral("period")).toString(), 0);
            if (days == 0)
                return valueError(QStringLiteral("--config %1: charts.period wants \"24h\", \"7d\" or \"30d\"").arg(options.configFile));
            options.trendDays = days;
        }
    }
    if (parser.isSet(layout)) {
        gridwall::wall::PictureLayout preset;
        if (const QString problem = gridwall::wall::readPictureLayout(QJsonValue(parser.value(layout)), &preset); !problem.isEmpty())
            return valueError(QStringLiteral("--%1").arg(problem));
        options.layout = std::move(preset);
    }
    if (const QString problem = gridwall::wall::applyWallOptions(parser.value(wallOption), parser.value(node), &options.wall); !problem.isEmpty())
        return valueError(problem);
    return {std::move(options), 0, {}};
}
