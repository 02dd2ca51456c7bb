#include "tcpproxy.h"

#include <QTcpSocket>

#include <utility>

namespace {
// Small buffers: while the cable is cut, the senders' own sockets fill up
// and they stop, as they would on a real network.
constexpr qint64 kBuffer = 64 * 1024;
} // namespace

TcpProxy::TcpProxy(quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpProxy::accept);
}

TcpProxy::~TcpProxy()
{
    m_server.close();
    // Out of the list first: aborting a socket signals its link, which must find it gone.
    const QList<Link *> links = std::exchange(m_links, {});
    for (Link *link : links) {
        link->client->abort();
        link->upstream->abort();
        delete link->client;
        delete link->upstream;
        delete link;
    }
}

bool TcpProxy::start()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void TcpProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        ++m_accepted;
        client->setParent(nullptr);
        client->setReadBufferSize(kBuffer);
        auto *link = new Link{client, new QTcpSocket, false, false};
        link->upstream->setReadBufferSize(kBuffer);
        m_links << link;
        connect(client, &QTcpSocket::readyRead, this, [this, link] { pump(link); });
        connect(link->upstream, &QTcpSocket::readyRead, this, [this, link] { pump(link); });
        connect(link->upstream, &QTcpSocket::connected, this, [this, link] { pump(link); });
        // A link may be gone (and freed) before its sockets' last signals: look it up first.
        connect(client, &QTcpSocket::disconnected, this, [this, link] {
            if (m_links.contains(link)) {
                link->clientGone = true;
                pump(link);
            }
        });
        connect(link->upstream, &QTcpSocket::disconnected, this, [this, link] {
            if (m_links.contains(link)) {
                link->upstreamGone = true;
                pump(link);
            }
        });
        connect(link->upstream, &QTcpSocket::errorOccurred, this, [this, link](QAbstractSocket::SocketError) {
            if (m_links.contains(link) && link->upstream->state() != QAbstractSocket::ConnectedState) {
                link->upstreamGone = true;
                pump(link);
            }
        });
        // While cut, the connection attempt is lost on the way: it is made when the cable is back.
        if (!m_cut)
            connectUpstream(link);
    }
}

void TcpProxy::connectUpstream(Link *link)
{
    if (link->upstream->state() == QAbstractSocket::UnconnectedState && !link->upstreamGone)
        link->upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
}

void TcpProxy::pump(Link *link)
{
    if (m_cut || !m_links.contains(link))
        return;
    if (link->upstream->state() == QAbstractSocket::ConnectedState && link->client->bytesAvailable() > 0)
        link->upstream->write(link->client->readAll());
    if (link->client->state() == QAbstractSocket::ConnectedState && link->upstream->bytesAvailable() > 0)
        link->client->write(link->upstream->readAll());
    // One side gone: the other hears of it (after what was on its way).
    if (link->clientGone || link->upstreamGone)
        drop(link);
}

void TcpProxy::drop(Link *link)
{
    m_links.removeOne(link);
    if (link->clientGone) {
        link->upstream->flush();
        link->upstream->disconnectFromHost();
    } else {
        link->client->flush();
        link->client->disconnectFromHost();
    }
    link->client->deleteLater();
    link->upstream->deleteLater();
    delete link;
}

void TcpProxy::cut()
{
    m_cut = true;
}

void TcpProxy::restore()
{
    m_cut = false;
    const QList<Link *> links = m_links;
    for (Link *link : links) {
        if (!link->clientGone && !link->upstreamGone && link->upstream->state() == QAbstractSocket::UnconnectedState) {
            connectUpstream(link);
            continue;
        }
        pump(link);
    }
}

void TcpProxy::resetAll()
{
    const QList<Link *> links = m_links;
    m_links.clear();
    for (Link *link : links) {
        link->client->abort();
        link->upstream->abort();
        link->client->deleteLater();
        link->upstream->deleteLater();
        delete link;
    }
}
