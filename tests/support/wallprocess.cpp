#include "wallprocess.h"

#include "brokerprocess.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>

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

bool WallProcess::start(const QStringList &args, const QString &platform)
{
    m_metricsPort = freeLoopbackPort();
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    QStringList all{"-platform", platform, "--size", "640x360", "--metrics-port", QString::number(m_metricsPort)};
    if (!args.contains(QStringLiteral("--data-dir")))
        all << QStringLiteral("--data-dir") << m_dataDir.path();
    m_process.start(m_binary, all + args);
    if (!m_process.waitForStarted(5000))
        return false;
    for (int i = 0; i < 200; ++i) {
        if (healthStatus() == 200)
            return true;
        if (!running())
            return false;
        QThread::msleep(50);
    }
    return false;
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

bool WallProcess::waitFor(const std::function<bool(const QHash<QString, double> &)> &pred, int timeoutMs) const
{
    for (int waited = 0; waited < timeoutMs; waited += 100) {
        if (pred(metrics()))
            return true;
        QThread::msleep(100);
    }
    return false;
}

QString WallProcess::output()
{
    m_output += QString::fromUtf8(m_process.readAll());
    return m_output;
}
