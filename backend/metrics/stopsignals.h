#pragma once
// SIGTERM and SIGINT end the wall: a graceful quit through the event loop
// when it answers (the history writer flushes, the feed disconnects), and a
// hard exit (status 128 + the signal) when it does not answer within a short
// deadline, or when the shutdown after it hangs: the GUI thread may be held
// by a script or a stuck driver, and a service manager's stop must not wait
// on it. A second signal exits at once.

#include <atomic>
#include <chrono>
#include <thread>

namespace gridwall::metrics {

class StopSignals
{
public:
    // Installs the handlers (one instance in a process, made after the
    // application object, gone before it). `answerWithin`: how long the event
    // loop has to take the quit; `shutDownWithin`: how long the shutdown may
    // take after that.
    StopSignals(std::chrono::milliseconds answerWithin, std::chrono::milliseconds shutDownWithin);
    ~StopSignals();
    StopSignals(const StopSignals &) = delete;
    StopSignals &operator=(const StopSignals &) = delete;

private:
    void waitForSignals();
    // Waits up to `within` for another byte: a second signal, or 0 from the destructor.
    int nextByte(std::chrono::milliseconds within);

    std::chrono::milliseconds m_answerWithin;
    std::chrono::milliseconds m_shutDownWithin;
    int m_pipe[2] = {-1, -1}; // the handler writes the signal's number, the waiting thread reads it
    std::atomic<bool> m_answered{false};
    std::thread m_waiter;
};

} // namespace gridwall::metrics
