// The wall as a systemd service, without systemd: the test plays systemd's
// side of sd_notify on a datagram socket of its own (NOTIFY_SOCKET,
// WATCHDOG_USEC) and watches the real wall process. It says READY=1 once
// its first frame is on screen and feeds the watchdog while frames come;
// stopped (SIGSTOP: a frozen wall), it feeds nothing, which is what makes
// systemd restart it; continued, it feeds again. In the process, the
// notifier feeds only while a frame came within the interval: a running
// GUI thread whose render loop stalled feeds nothing either. kiosk/systemd's
// unit passes `systemd-analyze verify` with no complaint. SIGTERM and SIGINT
// (systemd's stop, Ctrl-C) end a process whose event loop answers with a
// clean exit, and one whose main thread never answers at the deadline.

#include "metrics/servicenotifier.h"
#include "metrics/stopsignals.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <thread>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

class TestService : public QObject
{
    Q_OBJECT

    int m_socket = -1;

    // The notifications received within `ms`.
    QStringList receive(int ms)
    {
        QStringList out;
        QElapsedTimer clock;
        clock.start();
        char buffer[4096];
        while (clock.elapsed() < ms) {
            const ssize_t n = recv(m_socket, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n > 0)
                out << QString::fromUtf8(buffer, int(n));
            else
                QTest::qWait(20);
        }
        return out;
    }
    static int count(const QStringList &messages, const QString &what)
    {
        return int(std::count_if(messages.begin(), messages.end(), [&](const QString &m) { return m.split('\n').contains(what); }));
    }

    // systemd's end of sd_notify: a datagram socket at `path`.
    void listen(const QByteArray &path)
    {
        m_socket = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        QVERIFY(m_socket >= 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::strncpy(address.sun_path, path.constData(), sizeof address.sun_path - 1);
        QVERIFY(bind(m_socket, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0);
    }

private slots:
    void readyThenFedWhileRunning()
    {
        QTemporaryDir dir;
        const QByteArray path = dir.filePath(QStringLiteral("notify")).toUtf8();
        listen(path);
        if (QTest::currentTestFailed())
            return;

        QProcess wall;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NOTIFY_SOCKET"), QString::fromUtf8(path));
        env.insert(QStringLiteral("WATCHDOG_USEC"), QStringLiteral("2000000")); // fed every second while a frame came within 2 s
        wall.setProcessEnvironment(env);
        wall.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        wall.start(QStringLiteral(GRIDWALL_BINARY), {"-platform", "offscreen", "--size", "640x360", "--data-dir", dir.filePath("data")});
        QVERIFY(wall.waitForStarted());

        QStringList messages = receive(4000);
        QVERIFY2(count(messages, "READY=1") == 1, qPrintable(messages.join(" | ")));
        messages = receive(3000);
        QVERIFY2(count(messages, "WATCHDOG=1") >= 2, qPrintable(messages.join(" | ")));

        // Frozen: no feed, so systemd would restart it after WatchdogSec.
        ::kill(pid_t(wall.processId()), SIGSTOP);
        receive(300); // what was already on its way
        QCOMPARE(count(receive(2500), "WATCHDOG=1"), 0);
        ::kill(pid_t(wall.processId()), SIGCONT);
        QVERIFY(count(receive(3000), "WATCHDOG=1") >= 2);

        wall.terminate();
        QVERIFY(wall.waitForFinished(10000));
        ::close(m_socket);
    }

    // The feed follows the frames, not the timer: a stalled render loop (no frame for longer than the
    // watchdog's interval) stops it while the GUI thread runs on.
    void fedOnlyWhileFramesCome()
    {
        QTemporaryDir dir;
        const QByteArray path = dir.filePath(QStringLiteral("notify")).toUtf8();
        listen(path);
        if (QTest::currentTestFailed())
            return;
        qputenv("NOTIFY_SOCKET", path);
        qputenv("WATCHDOG_USEC", "400000"); // fed every 200 ms
        std::atomic<double> sinceFrame{0.05};
        gridwall::metrics::ServiceNotifier notifier([&sinceFrame] { return sinceFrame.load(); });
        QCOMPARE(notifier.watchdogMs(), 400);
        QVERIFY(count(receive(1000), "WATCHDOG=1") >= 3);
        sinceFrame = 2.0; // the render loop stalled
        receive(250);     // a feed decided before the stall may still be on its way
        QCOMPARE(count(receive(1000), "WATCHDOG=1"), 0);
        sinceFrame = -1; // no frame yet
        QCOMPARE(count(receive(600), "WATCHDOG=1"), 0);
        sinceFrame = 0.01;
        QVERIFY(count(receive(1000), "WATCHDOG=1") >= 3);
        qunsetenv("NOTIFY_SOCKET");
        qunsetenv("WATCHDOG_USEC");
        ::close(m_socket);
    }

    // This test program run as a child (main below): its stop signals installed with a 500 ms deadline,
    // its main thread in the event loop (`answering`) or held (`blocked`).
    void stopSignalsEndTheProcess_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("signal");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        QTest::newRow("SIGTERM, answered") << "answering" << int(SIGTERM) << 0 << "SIGTERM: stopping";
        QTest::newRow("SIGINT, answered") << "answering" << int(SIGINT) << 0 << "SIGINT: stopping";
        QTest::newRow("SIGTERM, never answered") << "blocked" << int(SIGTERM) << 128 + SIGTERM
                                                 << "SIGTERM: the GUI thread did not answer in time; exiting now";
    }
    void stopSignalsEndTheProcess()
    {
        QFETCH(QString, mode);
        QFETCH(int, signal);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        QProcess child;
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--stop-signals-child"), mode});
        QVERIFY(child.waitForStarted());
        QVERIFY(child.waitForReadyRead(5000)); // its handlers are in place
        QElapsedTimer stopping;
        stopping.start();
        ::kill(pid_t(child.processId()), signal);
        QVERIFY2(child.waitForFinished(3000), "still running 3 s after the signal");
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        QCOMPARE(child.exitCode(), exitCode);
        QVERIFY(stopping.elapsed() < 2000);
        const QString out = QString::fromUtf8(child.readAll());
        QVERIFY2(out.contains(says), qPrintable(out));
    }

    void unitVerifies()
    {
        QProcess verify;
        verify.setProcessChannelMode(QProcess::MergedChannels);
        verify.start(QStringLiteral("systemd-analyze"), {"verify", QStringLiteral(GRIDWALL_KIOSK "/systemd/gridwall.service")});
        QVERIFY(verify.waitForFinished(30000));
        const QString out = QString::fromUtf8(verify.readAll());
        QVERIFY2(verify.exitCode() == 0 && out.trimmed().isEmpty(), qPrintable(out));
    }
};

// `--stop-signals-child answering|blocked`: the child of stopSignalsEndTheProcess.
static int stopSignalsChild(int argc, char *argv[], bool answering)
{
    QCoreApplication app(argc, argv);
    const gridwall::metrics::StopSignals stop(std::chrono::milliseconds(500), std::chrono::seconds(5));
    std::puts("ready");
    std::fflush(stdout);
    if (answering)
        return QCoreApplication::exec();
    std::this_thread::sleep_for(std::chrono::seconds(30)); // a main thread that never comes back
    return 0;
}

int main(int argc, char *argv[])
{
    if (argc == 3 && std::strcmp(argv[1], "--stop-signals-child") == 0)
        return stopSignalsChild(argc, argv, std::strcmp(argv[2], "answering") == 0);
    QCoreApplication app(argc, argv);
    TestService test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_service.moc"
