#pragma once
// Tells systemd how the wall is (sd_notify): READY=1 once the first complete
// frame is on screen, and WATCHDOG=1 while frames keep coming. The feed is
// sent from a GUI-thread timer and only when a frame was swapped within the
// watchdog interval, so a frozen GUI thread and a stalled render loop both
// stop it and systemd restarts the wall (kiosk/systemd, docs/operations.md).
// Outside systemd (no NOTIFY_SOCKET) it does nothing.

#include <QObject>
#include <QTimer>

#include <functional>

namespace gridwall::metrics {

class ServiceNotifier : public QObject
{
    Q_OBJECT

public:
    // `secondsSinceFrame`: seconds since the last swapped frame, negative before the first.
    explicit ServiceNotifier(std::function<double()> secondsSinceFrame, QObject *parent = nullptr);

    // The first complete frame is on screen: the service is up.
    void ready(const QString &status);
    // The interval systemd expects a feed within (0: no watchdog).
    qint64 watchdogMs() const { return m_watchdogMs; }

private:
    void feed();

    std::function<double()> m_secondsSinceFrame;
    qint64 m_watchdogMs = 0;
    QTimer m_timer;
};

} // namespace gridwall::metrics
