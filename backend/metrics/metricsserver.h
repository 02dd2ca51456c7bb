#pragma once
// /metrics (Prometheus text format) and /health (JSON) on 127.0.0.1, served
// by Qt HTTP Server on the GUI thread: if that thread hangs, so does /health.

#include <QJsonObject>
#include <QString>

#include <functional>
#include <memory>

class QHttpServer;

namespace gridwall::metrics {

class MetricsServer
{
public:
    struct Health
    {
        bool ok = true;
        QJsonObject body;
    };
    MetricsServer(std::function<QString()> metrics, std::function<Health()> health);
    ~MetricsServer();
    // Listens on 127.0.0.1:port; returns false (and a reason) when it cannot.
    bool listen(quint16 port, QString *error);

private:
    std::unique_ptr<QHttpServer> m_server;
};

} // namespace gridwall::metrics
