#include "stopsignals.h"

#include "metrics/logging.h"

#include <QCoreApplication>
#include <QMetaObject>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace gridwall::metrics {

namespace {

std::atomic<int> g_writeEnd{-1};
static_assert(std::atomic<int>::is_always_lock_free); // read in the signal handler

void onStopSignal(int signal)
{
    const int saved = errno;
    const auto number = static_cast<unsigned char>(signal);
    // write() is async-signal-safe; when the pipe is full a stop is already on its way.
    [[maybe_unused]] const ssize_t written = write(g_writeEnd.load(), &number, 1);
    errno = saved;
}

const char *signalName(int signal)
{
    return signal == SIGTERM ? "SIGTERM" : signal == SIGINT ? "SIGINT" : "a signal";
}

[[noreturn]] void exitNow(int signal, const char *why)
{
    std::fprintf(stderr, "gridwall: %s: %s; exiting now\n", signalName(signal), why);
    std::fflush(stderr);
    _exit(128 + signal);
}

} // namespace

StopSignals::StopSignals(std::chrono::milliseconds answerWithin, std::chrono::milliseconds shutDownWithin)
    : m_answerWithin(answerWithin)
    , m_shutDownWithin(shutDownWithin)
{
    if (pipe2(m_pipe, O_CLOEXEC) != 0) {
        qCWarning(lcStop, "no pipe for SIGTERM and SIGINT (%s): they end the wall at once", std::strerror(errno));
        return;
    }
    fcntl(m_pipe[1], F_SETFL, O_NONBLOCK);
    g_writeEnd.store(m_pipe[1]);
    // The waiting thread takes no signal itself: a blocked poll() is woken by the pipe, not by EINTR.
    sigset_t stops;
    sigemptyset(&stops);
    sigaddset(&stops, SIGTERM);
    sigaddset(&stops, SIGINT);
    sigset_t before;
    pthread_sigmask(SIG_BLOCK, &stops, &before);
    m_waiter = std::thread([this] { waitForSignals(); });
    pthread_sigmask(SIG_SETMASK, &before, nullptr);

    struct sigaction action = {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

StopSignals::~StopSignals()
{
    if (!m_waiter.joinable())
        return;
    // From here on a signal ends the process at once, as with no handler.
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGINT, SIG_DFL);
    const unsigned char done = 0;
    [[maybe_unused]] const ssize_t written = write(m_pipe[1], &done, 1);
    m_waiter.join();
    g_writeEnd.store(-1);
    close(m_pipe[0]);
    close(m_pipe[1]);
}

int StopSignals::nextByte(std::chrono::milliseconds within)
{
    pollfd readable{m_pipe[0], POLLIN, 0};
    const int timeout = within.count() < 0 ? -1 : int(within.count());
    int ready;
    do
        ready = poll(&readable, 1, timeout);
    while (ready < 0 && errno == EINTR);
    unsigned char byte = 0;
    if (ready <= 0 || read(m_pipe[0], &byte, 1) != 1)
        return -1;
    return byte;
}

void StopSignals::waitForSignals()
{
    const int signal = nextByte(std::chrono::milliseconds(-1));
    if (signal <= 0)
        return; // the wall ends without a signal
    qCInfo(lcStop, "%s: stopping", signalName(signal));
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [this] {
            m_answered.store(true);
            QCoreApplication::exit(0);
        },
        Qt::QueuedConnection);
    int next = nextByte(m_answerWithin);
    if (next == 0)
        return; // shut down in time
    if (next > 0)
        exitNow(signal, "signalled again");
    if (!m_answered.load())
        exitNow(signal, "the GUI thread did not answer in time");
    next = nextByte(m_shutDownWithin);
    if (next == 0)
        return;
    exitNow(signal, next > 0 ? "signalled again" : "the shutdown did not finish in time");
}

} // namespace gridwall::metrics
