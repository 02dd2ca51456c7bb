#include "wallprocess.h"

#include "brokerprocess.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <limits>
#include <unistd.h>

namespace {

QByteArray httpGet(quint16 port, const QString &path, int *status)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
    request.setTransferTimeout(3000);
    QNetworkReply *reply = manager.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->error() == QNetworkReply::NoError ? reply->readAll() : QByteArray();
    reply->deleteLater();
    return body;
}

} // namespace

WallProcess::~WallProcess()
{
    if (running()) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(2000);
    }
}

bool WallProcess::start(const QStringList &args, const QString &platform, int readyWithinMs)
{
    if (!launch(args, platform))
        return false;
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < readyWithinMs) {
        if (healthStatus() == 200)
            return true;
        if (!running())
            return false;
        QThread::msleep(50);
    }
    return false;
}

bool WallProcess::launch(const QStringList &args, const QString &platform)
{
    m_metricsPort = freeLoopbackPort();
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    QStringList all{"-platform", platform, "--size", "640x360", "--metrics-port", QString::number(m_metricsPort)};
    const qsizetype named = args.indexOf(QStringLiteral("--data-dir"));
    m_namedDataDir = named >= 0 ? args.value(named + 1) : QString();
    if (named < 0)
        all << QStringLiteral("--data-dir") << m_dataDir.path();
    m_process.start(m_binary, all + args);
    return m_process.waitForStarted(5000);
}

qint64 WallProcess::memoryKb(const char *field) const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid()));
    if (pid() <= 0 || !status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

void WallProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(5000);
}

QHash<QString, double> WallProcess::metrics() const
{
    QHash<QString, double> values;
    const QByteArray body = httpGet(m_metricsPort, QStringLiteral("/metrics"), nullptr);
    for (const QByteArray &line : body.split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype space = line.lastIndexOf(' ');
        values.insert(QString::fromUtf8(line.left(space)), line.mid(space + 1).toDouble());
    }
    return values;
}

int WallProcess::healthStatus() const
{
    int status = 0;
    httpGet(m_metricsPort, QStringLiteral("/health"), &status);
    return status;
}

QJsonObject WallProcess::health() const
{
    return QJsonDocument::fromJson(httpGet(m_metricsPort, QStringLiteral("/health"), nullptr)).object();
}

bool WallProcess::waitFor(const std::function<bool(const QHash<QString, double> &)> &pred, int timeoutMs) const
{
    for (int waited = 0; waited < timeoutMs; waited += 100) {
        if (pred(metrics()))
            return true;
        // With the event loop running: a test's proxy may live in it.
        QEventLoop loop;
        QTimer::singleShot(100, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return false;
}

QString WallProcess::output()
{
    m_output += QString::fromUtf8(m_process.readAll());
    return m_output;
}

double WallProcess::processCpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    // Fields after the command: state is [0]; utime [11], stime [12] (in clock ticks).
    return double(fields.value(11).toLongLong() + fields.value(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

double histogramQuantile(const QHash<QString, double> &before, const QHash<QString, double> &after, const QString &name, double q,
                         const QString &labels)
{
    std::vector<std::pair<double, double>> buckets; // (upper bound, cumulative increase)
    const QString prefix = name + QStringLiteral("_bucket{") + (labels.isEmpty() ? QString() : labels + QLatin1Char(',')) + QStringLiteral("le=\"");
    for (auto it = after.begin(); it != after.end(); ++it) {
        if (!it.key().startsWith(prefix))
            continue;
        const QString le = it.key().mid(prefix.size()).chopped(2);
        buckets.emplace_back(le == QLatin1String("+Inf") ? std::numeric_limits<double>::infinity() : le.toDouble(),
                             it.value() - before.value(it.key()));
    }
    std::sort(buckets.begin(), buckets.end());
    if (buckets.empty() || buckets.back().second <= 0)
        return 0;
    const double rank = q * buckets.back().second;
    double lower = 0, below = 0;
    for (const auto &[le, count] : buckets) {
        if (count >= rank) {
            if (std::isinf(le))
                return lower; // beyond the last bound: the last bound is all that is known
            return lower + (le - lower) * (count > below ? (rank - below) / (count - below) : 1.0);
        }
        lower = le;
        below = count;
    }
    return lower;
}

double seriesSum(const QHash<QString, double> &metrics, QLatin1String prefix)
{
    double n = 0;
    for (auto it = metrics.begin(); it != metrics.end(); ++it) {
        if (it.key().startsWith(prefix))
            n += it.value();
    }
    return n;
}
