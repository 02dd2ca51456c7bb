// Start to first complete frame: runs the wall N times and reads the time it
// logs when the first frame with the whole region tree was swapped, plus the
// time this launcher saw until that line (process creation included).
// Usage: bench_startup [RUNS] [extra gridwall args...]   (needs a display)

#include "benchkit.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const int runs = args.isEmpty() ? 10 : std::max(1, args.takeFirst().toInt());
    const QStringList wallArgs = QStringList{"--size", "3840x2160", "--quit-after", "1500"} + args;
    static const QRegularExpression line(QStringLiteral("first complete frame after (\\d+) ms"));

    std::vector<double> internal, external;
    for (int i = 0; i < runs; ++i) {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        QElapsedTimer timer;
        timer.start();
        p.start(QStringLiteral(GRIDWALL_BINARY), wallArgs);
        QByteArray seen;
        double externalMs = -1;
        while (p.state() != QProcess::NotRunning || p.bytesAvailable()) {
            p.waitForReadyRead(20);
            seen += p.readAll();
            const auto match = line.match(QString::fromUtf8(seen));
            if (match.hasMatch() && externalMs < 0) {
                externalMs = double(timer.nsecsElapsed()) / 1e6;
                internal.push_back(match.captured(1).toDouble());
                external.push_back(externalMs);
            }
        }
        if (externalMs < 0) {
            std::fprintf(stderr, "run %d: no first-frame line; output:\n%s\n", i, seen.constData());
            return 1;
        }
    }
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    std::printf("startup to first complete frame (%d runs, %s): median %.0f ms in-process, %.0f ms from process launch; "
                "min %.0f, max %.0f ms\n",
                runs, qPrintable(wallArgs.join(' ')), median(internal), median(external),
                *std::min_element(external.begin(), external.end()), *std::max_element(external.begin(), external.end()));
    using gridwall::bench::figure;
    figure("runs", runs);
    figure("in_process_ms", median(internal), "ms");
    figure("launch_ms", median(external), "ms");
    figure("launch_min_ms", *std::min_element(external.begin(), external.end()), "ms");
    figure("launch_max_ms", *std::max_element(external.begin(), external.end()), "ms");
    return 0;
}
