#pragma once
// A TCP proxy on loopback that a test puts between a wall and its broker,
// to cut the network the way a pulled cable does and to restore it.

#include <QList>
#include <QObject>
#include <QTcpServer>

class QTcpSocket;

class TcpProxy : public QObject
{
public:
    explicit TcpProxy(quint16 targetPort, QObject *parent = nullptr);
    ~TcpProxy() override;
    // Listens on a free loopback port.
    bool start();
    quint16 port() const { return m_server.serverPort(); }
    QString uri() const { return QStringLiteral("tcp://127.0.0.1:%1").arg(port()); }

    // A pulled cable: nothing crosses any more. Bytes sent meanwhile wait in
    // the sockets (TCP would retransmit them), new connections get no answer
    // from the far side, and a side that gives up is not heard by the other.
    void cut();
    // The cable back: what waited is delivered, and a side that gave up
    // meanwhile is now seen to be gone (its peer's connection is reset).
    void restore();
    // A reset: every connection is aborted at once on both sides; new ones connect.
    void resetAll();
    bool isCut() const { return m_cut; }
    int connectionsAccepted() const { return m_accepted; }

private:
    struct Link
    {
        QTcpSocket *client = nullptr;
        QTcpSocket *upstream = nullptr;
        bool clientGone = false;
        bool upstreamGone = false;
    };
    void accept();
    void connectUpstream(Link *link);
    void pump(Link *link);
    void drop(Link *link);

    QTcpServer m_server;
    quint16 m_targetPort;
    QList<Link *> m_links;
    bool m_cut = false;
    int m_accepted = 0;
};
