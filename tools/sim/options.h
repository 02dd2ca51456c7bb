#pragma once
// Command-line options of gridwall-sim (docs/simulator.md).

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace gridwall::sim {

struct Options
{
    QString broker = QStringLiteral("tcp://127.0.0.1:1883");
    QString topicRoot = QStringLiteral("panjin");
    QString clientId; // default gridwall-sim-<pid>
    QString username;
    QString password; // read from --password-file
    bool hasPassword = false;
    QString geoFile = QStringLiteral(":/gridwall/geo/panjin-regions.geojson");
    QString sitesFile = QStringLiteral(":/gridwall/geo/panjin-sites.geojson");
    double rate = 1.0;
    double speed = 1.0;
    uint64_t seed = 2648;
    std::optional<double> durationS;   // real seconds; none: until a signal
    double badRate = 0.0;
    std::optional<double> maxRate;     // messages per second
    std::optional<int64_t> startMs;    // simulated start (epoch ms); none: now
    std::optional<double> warmStartHours; // pre-rolled simulated hours before the start; none: cold start
    bool stats = false;
};

struct ParseResult
{
    enum class Outcome { Run, Exit, Error } outcome = Outcome::Run;
    Options options;
    QString message; // usage/version text for Exit, one line for Error
    QString usage;   // for Error
};

ParseResult parseOptions(const QStringList &arguments);

} // namespace gridwall::sim
