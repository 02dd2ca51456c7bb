#include "options.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QTimeZone>

#include <cmath>

namespace gridwall::sim {

namespace {

bool parseNumber(const QString &text, double lo, double hi, double *out)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

// Hours a bare --warm-start pre-rolls: the longest deadline (72 h) and a
// day more, so that the backlog of open cases is at its level.
constexpr double kDefaultWarmStartHours = 96;

// --warm-start takes an optional value, which QCommandLineParser cannot
// express: a bare one (last, or followed by another option) gets the default.
QStringList withWarmStartValue(QStringList args)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--"))
            break;
        const bool bare = i + 1 == args.size() || args[i + 1].startsWith(QLatin1Char('-'));
        if (args[i] == QLatin1String("--warm-start") && bare)
            args[i] = QStringLiteral("--warm-start=%1").arg(kDefaultWarmStartHours);
    }
    return args;
}

} // namespace

ParseResult parseOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Publishes a living Panjin on MQTT: grid workers, cameras, safety sensors, units, sites and cases."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    auto valued = [](const char *name, const char *description, const char *value) {
        return QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(description),
                                  QString::fromLatin1(value));
    };
    const QCommandLineOption broker = valued("broker", "Broker URI (default tcp://127.0.0.1:1883).", "URI");
    const QCommandLineOption root = valued("topic-root", "Topic root (default panjin).", "ROOT");
    const QCommandLineOption clientId = valued("client-id", "MQTT client id (default gridwall-sim-<pid>).", "ID");
    const QCommandLineOption username = valued("username", "Broker user name.", "U");
    const QCommandLineOption passwordFile =
        valued("password-file", "File whose first line is the broker password.", "F");
    const QCommandLineOption geo = valued("geo", "Region tree GeoJSON (default: bundled Panjin).", "FILE");
    const QCommandLineOption sites = valued("sites", "Sites GeoJSON (default: bundled Panjin).", "FILE");
    const QCommandLineOption rate = valued("rate", "Multiplier of all message rates (default 1).", "X");
    const QCommandLineOption speed =
        valued("speed", "Time acceleration: simulated seconds per real second (default 1).", "X");
    const QCommandLineOption seed = valued("seed", "Random seed (default 2648).", "N");
    const QCommandLineOption duration =
        valued("duration", "Real seconds to run (default: until SIGINT or SIGTERM).", "S");
    const QCommandLineOption badRate =
        valued("bad-rate", "Fraction in [0,1] of messages replaced by malformed ones (default 0).", "F");
    const QCommandLineOption maxRate = valued("max-rate", "Hard cap on messages per second (default: none).", "N");
    const QCommandLineOption start = valued(
        "start", "Simulated start time, ISO 8601; Asia/Shanghai when no offset is given (default: now).", "TIME");
    const QCommandLineOption warmStart = valued(
        "warm-start",
        "Play the HOURS (default 96) before the start without sending, then publish the city as it is at the start.",
        "[HOURS]");
    const QCommandLineOption stats(QStringLiteral("stats"), QStringLiteral("Print message counts every 10 s."));
    parser.addOptions({broker, root, clientId, username, passwordFile, geo, sites, rate, speed, seed, duration, badRate,
                       maxRate, start, warmStart, stats});

    ParseResult result;
    result.usage = parser.helpText();
    auto fail = [&](const QString &why) {
        result.outcome = ParseResult::Outcome::Error;
        result.message = why;
        return result;
    };

    if (!parser.parse(withWarmStartValue(arguments)))
        return fail(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument: %1").arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(help)) {
        result.outcome = ParseResult::Outcome::Exit;
        result.message = parser.helpText();
        return result;
    }
    if (parser.isSet(version)) {
        result.outcome = ParseResult::Outcome::Exit;
        result.message = QStringLiteral("%1 %2\n").arg(QCoreApplication::applicationName(),
                                                       QCoreApplication::applicationVersion());
        return result;
    }

    Options &o = result.options;
    if (parser.isSet(broker)) {
        o.broker = parser.value(broker);
        static const QStringList schemes = {QStringLiteral("tcp://"), QStringLiteral("ssl://"),
                                            QStringLiteral("mqtt://"), QStringLiteral("mqtts://"),
                                            QStringLiteral("ws://"),  QStringLiteral("wss://")};
        bool known = false;
        for (const QString &s : schemes)
            known = known || (o.broker.startsWith(s) && o.broker.size() > s.size());
        if (!known)
            return fail(
                QStringLiteral("--broker: expected tcp://host:port or ssl://host:port, got \"%1\"").arg(o.broker));
    }
    if (parser.isSet(root)) {
        o.topicRoot = parser.value(root);
        if (o.topicRoot.isEmpty() || o.topicRoot.contains(QLatin1Char('#')) || o.topicRoot.contains(QLatin1Char('+'))
            || o.topicRoot.startsWith(QLatin1Char('/')) || o.topicRoot.endsWith(QLatin1Char('/')))
            return fail(QStringLiteral("--topic-root: not a usable topic prefix: \"%1\"").arg(o.topicRoot));
    }
    if (parser.isSet(clientId)) {
        o.clientId = parser.value(clientId);
        if (o.clientId.isEmpty() || o.clientId.toUtf8().size() > 65535)
            return fail(QStringLiteral("--client-id: must be 1 to 65535 bytes"));
    } else {
        o.clientId = QStringLiteral("gridwall-sim-%1").arg(QCoreApplication::applicationPid());
    }
    if (parser.isSet(username))
        o.username = parser.value(username);
    if (parser.isSet(passwordFile)) {
        QFile f(parser.value(passwordFile));
        if (!f.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("--password-file: cannot read %1: %2").arg(f.fileName(), f.errorString()));
        QByteArray line = f.readLine(4096);
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        o.password = QString::fromUtf8(line);
        o.hasPassword = true;
    }
    if (parser.isSet(geo))
        o.geoFile = parser.value(geo);
    if (parser.isSet(sites))
        o.sitesFile = parser.value(sites);
    if (parser.isSet(rate) && !parseNumber(parser.value(rate), 1e-3, 1e4, &o.rate))
        return fail(
            QStringLiteral("--rate: expected a number from 0.001 to 10000, got \"%1\"").arg(parser.value(rate)));
    if (parser.isSet(speed) && !parseNumber(parser.value(speed), 1e-3, 1e5, &o.speed))
        return fail(
            QStringLiteral("--speed: expected a number from 0.001 to 100000, got \"%1\"").arg(parser.value(speed)));
    if (parser.isSet(seed)) {
        bool ok = false;
        o.seed = parser.value(seed).toULongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("--seed: expected a non-negative integer, got \"%1\"").arg(parser.value(seed)));
    }
    if (parser.isSet(duration)) {
        double d = 0;
        if (!parseNumber(parser.value(duration), 0.001, 1e9, &d))
            return fail(QStringLiteral("--duration: expected seconds > 0, got \"%1\"").arg(parser.value(duration)));
        o.durationS = d;
    }
    if (parser.isSet(badRate) && !parseNumber(parser.value(badRate), 0, 1, &o.badRate))
        return fail(QStringLiteral("--bad-rate: expected a fraction in [0,1], got \"%1\"").arg(parser.value(badRate)));
    if (parser.isSet(maxRate)) {
        double m = 0;
        if (!parseNumber(parser.value(maxRate), 1, 1e7, &m))
            return fail(
                QStringLiteral("--max-rate: expected messages per second >= 1, got \"%1\"").arg(parser.value(maxRate)));
        o.maxRate = m;
    }
    if (parser.isSet(start)) {
        const QString text = parser.value(start);
        QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!t.isValid())
            return fail(
                QStringLiteral("--start: expected an ISO 8601 time such as 2024-11-26T08:00, got \"%1\"").arg(text));
        if (t.timeSpec() == Qt::LocalTime) // no offset given: Shanghai wall time
            t = QDateTime(t.date(), t.time(), QTimeZone(8 * 3600));
        o.startMs = t.toMSecsSinceEpoch();
    }
    if (parser.isSet(warmStart)) {
        double h = 0;
        if (!parseNumber(parser.value(warmStart), 0.001, 240, &h))
            return fail(QStringLiteral("--warm-start: expected hours from 0.001 to 240, got \"%1\"")
                            .arg(parser.value(warmStart)));
        o.warmStartHours = h;
    }
    o.stats = parser.isSet(stats);
    return result;
}

} // namespace gridwall::sim
