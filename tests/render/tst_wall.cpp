// A wall of 2x2 screens with bezels, drawn by one process spanning the
// screens and by four node processes each drawing one screen (--wall 2x2
// --node c,r): the four nodes' frames side by side equal the single
// render, and the bezels really hide their strips of the picture. Real
// processes under X (tests/run starts Xvfb with Mesa).

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

namespace {

// Small cells: the spanning window (2 x 440 by 2 x 250) stays clear of the X pointer in the
// middle of the display, so no window shows a hover card the others lack.
constexpr int kCellW = 440;
constexpr int kCellH = 250;

int colorDistance(QRgb a, QRgb b)
{
    return std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b)) + std::abs(qBlue(a) - qBlue(b));
}

// The header's band of the picture (Theme.headerHeight at the smallest design unit, 0.5): its clock
// changes every second, and the processes take their frames a few milliseconds apart.
constexpr int kClockBand = 40;

// The share of pixels of `a` at `offset` in `whole` that differ visibly, the clock's band left out.
double differing(const QImage &whole, QPoint offset, const QImage &a)
{
    qint64 n = 0, compared = 0;
    for (int y = std::max(0, kClockBand - offset.y()); y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            n += colorDistance(whole.pixel(offset.x() + x, offset.y() + y), a.pixel(x, y)) > 48 ? 1 : 0;
            ++compared;
        }
    }
    return double(n) / double(compared);
}

} // namespace

class TestWall : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // Starts the wall for each set of arguments at once (so that their clocks agree) and returns their frames.
    std::vector<QImage> frames(const std::vector<QStringList> &runs)
    {
        std::vector<std::unique_ptr<QProcess>> processes;
        for (size_t i = 0; i < runs.size(); ++i) {
            auto &p = processes.emplace_back(std::make_unique<QProcess>());
            p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            const QString file = m_dir.filePath(QStringLiteral("frame-%1.png").arg(i));
            QFile::remove(file);
            p->start(QStringLiteral(GRIDWALL_BINARY),
                     QStringList{"--size", QStringLiteral("%1x%2").arg(kCellW).arg(kCellH), "--lang", "en", "--mute", "--data-dir",
                                 m_dir.filePath(QStringLiteral("data-%1").arg(i)), "--screenshot", file, "--quit-after", "4000"}
                         + runs[i]);
        }
        std::vector<QImage> out;
        for (size_t i = 0; i < processes.size(); ++i) {
            if (!processes[i]->waitForFinished(60000) || processes[i]->exitCode() != 0)
                return {};
            out.emplace_back(m_dir.filePath(QStringLiteral("frame-%1.png").arg(i)));
        }
        return out;
    }

private slots:
    void nodesSideBySideEqualTheSpanningRender()
    {
        const QString config = m_dir.filePath(QStringLiteral("wall.json"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"wall\": {\"id\": \"test\", \"columns\": 2, \"rows\": 2, \"bezel\": [40, 30]}}");
        file.close();

        const std::vector<QImage> f = frames({{"--config", config},
                                              {"--config", config, "--node", "0,0"},
                                              {"--config", config, "--node", "1,0"},
                                              {"--config", config, "--node", "0,1"},
                                              {"--config", config, "--node", "1,1"},
                                              // The whole picture in one plain window: 2 x 440 + 40 by 2 x 250 + 30.
                                              {"--size", QStringLiteral("%1x%2").arg(2 * kCellW + 40).arg(2 * kCellH + 30)}});
        QCOMPARE(f.size(), size_t(6));
        const QImage &spanning = f[0];
        QCOMPARE(spanning.size(), QSize(2 * kCellW, 2 * kCellH));
        for (size_t node = 1; node <= 4; ++node) {
            QCOMPARE(f[node].size(), QSize(kCellW, kCellH));
            const QPoint at(int((node - 1) % 2) * kCellW, int((node - 1) / 2) * kCellH);
            const double d = differing(spanning, at, f[node]);
            qInfo("node %zu: %.3f %% of its pixels differ from the single render", node, d * 100);
            QVERIFY2(d < 0.001, qPrintable(QStringLiteral("node %1: %2 % of its pixels differ from the single render").arg(node).arg(d * 100)));
        }
        // Each node draws its own part: the parts differ from one another.
        QVERIFY(differing(f[1], {0, 0}, f[2]) > 0.2);
        QVERIFY(differing(f[1], {0, 0}, f[3]) > 0.2);
        // The bezels hide their strips: the screen right of the first shows the picture from 440 + 40 pixels on, not from 440.
        const QImage &whole = f[5];
        QCOMPARE(whole.size(), QSize(2 * kCellW + 40, 2 * kCellH + 30));
        QVERIFY2(differing(whole, {kCellW + 40, 0}, f[2]) < 0.01, "screen 1,0 is not its part of the picture");
        QVERIFY2(differing(whole, {0, kCellH + 30}, f[3]) < 0.01, "screen 0,1 is not its part of the picture");
        QVERIFY2(differing(whole, {kCellW, 0}, f[2]) > 0.05, "screen 1,0 shows what lies behind the bezel");
    }
};

QTEST_MAIN(TestWall)

#include "tst_wall.moc"
