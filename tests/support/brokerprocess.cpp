#include "brokerprocess.h"

#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <pwd.h>
#include <unistd.h>

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

BrokerProcess::BrokerProcess()
    : m_port(freeLoopbackPort())
{
    // Run as root, Mosquitto would switch to its own user, which cannot write
    // to this private folder: keep it as whoever runs the test.
    const passwd *self = getpwuid(geteuid());
    QFile config(m_dir.filePath("mosquitto.conf"));
    config.open(QIODevice::WriteOnly);
    config.write(QStringLiteral("user %3\n"
                                "listener %1 127.0.0.1\n"
                                "allow_anonymous true\n"
                                "persistence true\n"
                                "persistence_location %2/\n"
                                // Saved every second (kiosk/mosquitto/gridwall.conf: 5 s): a crash loses at most the last second.
                                "autosave_interval 1\n"
                                "log_dest file %2/mosquitto.log\n"
                                "max_queued_messages 100000\n")
                     .arg(m_port)
                     .arg(m_dir.path(), QString::fromLocal8Bit(self ? self->pw_name : "root"))
                     .toUtf8());
}

bool BrokerProcess::requireLogin(const QList<QPair<QString, QString>> &users, const QString &aclFile)
{
    const QString passwords = m_dir.filePath("passwd");
    for (const auto &[user, password] : users) {
        QStringList args{QStringLiteral("-b")};
        if (!QFile::exists(passwords))
            args << QStringLiteral("-c");
        QProcess make;
        make.start(QStringLiteral("mosquitto_passwd"), args << passwords << user << password);
        if (!make.waitForFinished(10000) || make.exitCode() != 0)
            return false;
    }
    QFile config(m_dir.filePath("mosquitto.conf"));
    if (!config.open(QIODevice::ReadOnly))
        return false;
    QByteArray text = config.readAll();
    config.close();
    text.replace("allow_anonymous true\n", QStringLiteral("allow_anonymous false\npassword_file %1\nacl_file %2\n")
                                                .arg(passwords, aclFile)
                                                .toUtf8());
    if (!config.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    config.write(text);
    return true;
}

BrokerProcess::~BrokerProcess()
{
    stop();
}

bool BrokerProcess::start()
{
    m_process.setProgram(QStringLiteral("mosquitto"));
    m_process.setArguments({QStringLiteral("-c"), m_dir.filePath("mosquitto.conf")});
    m_process.start();
    if (!m_process.waitForStarted(5000))
        return false;
    for (int i = 0; i < 100; ++i) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(100))
            return true;
        QThread::msleep(50);
    }
    return false;
}

void BrokerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

void BrokerProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
}

QString BrokerProcess::log() const
{
    QFile file(m_dir.filePath("mosquitto.log"));
    file.open(QIODevice::ReadOnly);
    return QString::fromUtf8(file.readAll());
}
