#pragma once
// A private Mosquitto for one test: its own config and data dir under a
// temporary folder, a free loopback port, stopped and restarted on demand.

#include <QList>
#include <QPair>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

class BrokerProcess
{
public:
    BrokerProcess();
    ~BrokerProcess();
    // From the next start on: no anonymous clients, these users (name, password) only, each kept to
    // its topics by the ACL file (Mosquitto's format). False if the password file could not be made.
    bool requireLogin(const QList<QPair<QString, QString>> &users, const QString &aclFile);
    // Starts (or restarts on the same port and data dir); false if it did not come up.
    bool start();
    // SIGTERM: Mosquitto writes its persistence file and exits.
    void stop();
    // SIGKILL: a crash; whatever Mosquitto held only in memory is gone.
    void kill();
    bool running() const { return m_process.state() == QProcess::Running; }
    quint16 port() const { return m_port; }
    QString uri() const { return QStringLiteral("tcp://127.0.0.1:%1").arg(m_port); }
    QString log() const;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

// A loopback TCP port nobody listens on right now.
quint16 freeLoopbackPort();
