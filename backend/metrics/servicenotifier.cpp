#include "servicenotifier.h"

#include "metrics/logging.h"

#include <systemd/sd-daemon.h>

namespace gridwall::metrics {

ServiceNotifier::ServiceNotifier(std::function<double()> secondsSinceFrame, QObject *parent)
    : QObject(parent)
    , m_secondsSinceFrame(std::move(secondsSinceFrame))
{
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
        m_watchdogMs = qint64(usec / 1000);
        // Twice per interval, as systemd advises: one late timer does not cost a restart.
        m_timer.setInterval(int(std::max<qint64>(100, m_watchdogMs / 2)));
        connect(&m_timer, &QTimer::timeout, this, &ServiceNotifier::feed);
        m_timer.start();
        qCInfo(lcService, "systemd watchdog: fed every %d ms while frames come (interval %lld ms)", m_timer.interval(),
               static_cast<long long>(m_watchdogMs));
    }
}

void ServiceNotifier::ready(const QString &status)
{
    sd_notifyf(0, "READY=1\nSTATUS=%s", qPrintable(status));
}

void ServiceNotifier::feed()
{
    const double since = m_secondsSinceFrame();
    if (since >= 0 && since * 1000 < double(m_watchdogMs))
        sd_notify(0, "WATCHDOG=1");
}

} // namespace gridwall::metrics
