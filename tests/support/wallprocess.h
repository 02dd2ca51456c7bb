#pragma once
// The wall as a real process, watched through its /metrics and /health.

#include <QHash>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>

class WallProcess
{
public:
    explicit WallProcess(QString binary)
        : m_binary(std::move(binary))
    {
    }
    ~WallProcess();
    // Starts the wall with a metrics port of its own and, unless the args
    // name one, a data dir of its own that outlives restarts of this process
    // object; `platform` is a Qt platform plugin ("offscreen" needs no display).
    // True once /health says 200 within `readyWithinMs`.
    bool start(const QStringList &args, const QString &platform = QStringLiteral("offscreen"), int readyWithinMs = 10000);
    // The same, without waiting for /health.
    bool launch(const QStringList &args, const QString &platform = QStringLiteral("offscreen"));
    // SIGTERM, as a service manager stops it.
    void terminate() { m_process.terminate(); }
    // True once it has exited, within the time.
    bool waitForExit(int timeoutMs) { return m_process.waitForFinished(timeoutMs); }
    // How it ended: its own exit (code), or killed by a signal (-1).
    int exitCode() const { return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1; }
    // The kernel's figures of /proc/PID/status in kB: "VmRSS" (resident now), "VmHWM" (its peak); -1 when gone.
    qint64 memoryKb(const char *field) const;
    qint64 pid() const { return m_process.processId(); }
    // CPU seconds (user + system) the process has used so far.
    double cpuSeconds() const { return processCpuSeconds(pid()); }
    static double processCpuSeconds(qint64 pid);
    void kill();
    bool running() const { return m_process.state() == QProcess::Running; }
    quint16 metricsPort() const { return m_metricsPort; }
    // The data dir named by the last start's args, else its own.
    QString dataDir() const { return m_namedDataDir.isEmpty() ? m_dataDir.path() : m_namedDataDir; }

    // One scrape: series (name with labels, as exposed) to value; empty on failure.
    QHash<QString, double> metrics() const;
    double metric(const QString &series) const { return metrics().value(series, -1); }
    // HTTP status of /health (0: no answer), and its JSON body (empty: no answer).
    int healthStatus() const;
    QJsonObject health() const;
    // Polls until pred(metrics) holds or the timeout passes.
    bool waitFor(const std::function<bool(const QHash<QString, double> &)> &pred, int timeoutMs = 15000) const;
    QString output();

private:
    QString m_binary;
    QProcess m_process;
    quint16 m_metricsPort = 0;
    QString m_output;
    QTemporaryDir m_dataDir;
    QString m_namedDataDir;
};

// The sum of a family's series whose exposed names start with `prefix` (its labelled series:
// "gridwall_messages_received_total", or "gridwall_cases_open{" for the per-district ones).
double seriesSum(const QHash<QString, double> &metrics, QLatin1String prefix);

// The q-quantile of a histogram's increase between two scrapes, interpolated
// linearly within its bucket (as Prometheus' histogram_quantile does); 0 when
// nothing was observed.
double histogramQuantile(const QHash<QString, double> &before, const QHash<QString, double> &after, const QString &name, double q,
                         const QString &labels = QString());
