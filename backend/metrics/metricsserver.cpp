#include "metricsserver.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonDocument>

namespace gridwall::metrics {

MetricsServer::MetricsServer(std::function<QString()> metrics, std::function<Health()> health)
    : m_server(std::make_unique<QHttpServer>())
{
    m_server->route(QStringLiteral("/metrics"), [metrics] {
        return QHttpServerResponse(QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"), metrics().toUtf8());
    });
    m_server->route(QStringLiteral("/health"), [health] {
        const Health h = health();
        return QHttpServerResponse(QByteArrayLiteral("application/json"), QJsonDocument(h.body).toJson(QJsonDocument::Compact),
                                   h.ok ? QHttpServerResponse::StatusCode::Ok : QHttpServerResponse::StatusCode::ServiceUnavailable);
    });
}

MetricsServer::~MetricsServer() = default;

bool MetricsServer::listen(quint16 port, QString *error)
{
    if (m_server->listen(QHostAddress::LocalHost, port) == 0) {
        if (error)
            *error = QStringLiteral("cannot listen on 127.0.0.1:%1 (in use?)").arg(port);
        return false;
    }
    return true;
}

} // namespace gridwall::metrics
