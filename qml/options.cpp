#include "options.h"

#include <QCommandLineParser>
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
    const QCommandLineOption view(QStringLiteral("view"), QStringLiteral("Open at a region code, e.g. 211103."), QStringLiteral("CODE"));
    parser.addOptions({help, version, geo, size, screenshot, quitAfter, lang, view});

    const auto usageError = [&](const QString &why) {
        return ParsedOptions{std::nullopt, 2, QStringLiteral("gridwall: %1\n\n%2").arg(why, parser.helpText())};
    };
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
            return usageError(QStringLiteral("--size wants WIDTHxHEIGHT between 64 and 16384, e.g. 1920x1080, not '%1'").arg(parser.value(size)));
        options.size = QSize(w, h);
    }
    if (parser.isSet(quitAfter)) {
        bool ok = false;
        options.quitAfterMs = parser.value(quitAfter).toInt(&ok);
        if (!ok || options.quitAfterMs < 0)
            return usageError(QStringLiteral("--quit-after wants milliseconds, not '%1'").arg(parser.value(quitAfter)));
    }
    options.screenshotFile = parser.value(screenshot);
    if (!options.screenshotFile.isEmpty() && options.quitAfterMs < 0)
        options.quitAfterMs = 3000;
    if (parser.isSet(lang)) {
        options.language = parser.value(lang);
        if (options.language != QLatin1String("zh_CN") && options.language != QLatin1String("en"))
            return usageError(QStringLiteral("--lang wants zh_CN or en, not '%1'").arg(options.language));
    } else {
        options.language = QLocale::system().language() == QLocale::English ? QStringLiteral("en") : QStringLiteral("zh_CN");
    }
    options.viewCode = parser.value(view);
    return {std::move(options), 0, {}};
}
