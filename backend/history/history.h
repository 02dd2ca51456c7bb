#pragma once
// The history stage: the database, the case journal the feed writes before
// acknowledging, and a writer thread for everything else, so that the GUI
// thread never waits on the disk.

#include "casejournal.h"
#include "casestate.h"
#include "historydb.h"
#include "telemetry.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace gridwall::history {

class History
{
public:
    // Opens DATA_DIR/gridwall.sqlite (docs/history.md). On failure returns
    // null with a one-line `error` (the wall exits 3).
    static std::unique_ptr<History> open(const QString &dataDir, QString *error);
    ~History();
    History(const History &) = delete;
    History &operator=(const History &) = delete;

    QString path() const { return m_path; }
    // A corrupt file found at start and moved here; empty normally.
    QString movedAside() const { return m_movedAside; }

    // For the feed's thread: commits a case event before its acknowledgement.
    // Sets event.journalId to its row (0 if it was there already, or not yet
    // written). When the database refuses the write (a full disk), the event
    // is held in memory with those after it, in arrival order, and written as
    // soon as the database takes writes again (retried every second): the
    // live picture goes on meanwhile and no accepted event is left out.
    bool recordCase(feed::CaseEvent &event, int64_t receivedAt);
    // What a restart loads: the cases stored (open, or ended since
    // `endedSince`), the journal after the point they reach (arrival
    // order, refused events left out), and the latest readings and
    // positions stored since `telemetrySince`, and the alarms that were active.
    struct Saved
    {
        std::vector<CaseRow> cases;
        std::vector<feed::CaseEvent> journal;
        LatestTelemetry telemetry;
        std::vector<ActiveAlarm> alarms; // active when the last run stopped (taken: the new run records its own)
    };
    Saved readSaved(int64_t endedSince, int64_t telemetrySince = INT64_MAX);
    // Times from the future, stored before the wall refused them (docs/history.md):
    // case events with a ts after `limit` are marked refused (`ts_future`)
    // and their cases rebuilt from the rest of their journal at this start;
    // hourly figures, readings and positions after it are deleted.
    struct Repaired
    {
        int64_t caseEvents = 0;
        int64_t cases = 0;
        int64_t hours = 0;
        int64_t telemetry = 0;
        bool clockBehind = false; // this machine's clock is behind the history's own arrivals: nothing repaired
    };
    Repaired repairFuture(int64_t limit);
    // The whole journal (tests, reports).
    std::vector<feed::CaseEvent> readJournal();
    // Marks case events the live state refused (stale or illegal), so that a
    // restore does not replay them. Any thread; the writer stores them, and
    // keeps them until it could: after a refused write, and for an event
    // still held in memory, until that event is in the journal.
    void refuse(std::vector<Refusal> refusals);
    // Runs `work` on the writer thread, in order.
    void post(std::function<void(sqlite3 *)> work);
    // Waits until everything posted so far has run (tests, shutdown).
    void flush();

    uint64_t persisted() const { return m_persisted.load(std::memory_order_relaxed); }
    uint64_t errors() const { return m_errors.load(std::memory_order_relaxed); }
    void countError() { m_errors.fetch_add(1, std::memory_order_relaxed); }
    // Case events accepted but not yet in the database (held in memory).
    size_t unsaved() const { return m_unsavedCount.load(std::memory_order_relaxed); }
    // Held events beyond this are dropped (counted, logged): a disk full for
    // days must not take the wall's memory with it. About 300 MB.
    static constexpr size_t kMaxUnsaved = 500000;
    uint64_t unsavedDropped() const { return m_unsavedDropped.load(std::memory_order_relaxed); }

private:
    History() = default;
    void run();
    // Writes the held events, oldest first, until one is refused. Under m_journalMutex.
    void writeUnsaved();
    bool isHeld(const Refusal &refusal) const;
    // The writer's part of refuse().
    void writeRefusals(sqlite3 *db);

    QString m_path;
    QString m_movedAside;
    int m_lockFd = -1; // DATA_DIR/gridwall.lock, held (flock) while this wall runs
    Connection m_db; // the writer's, used by readJournal() before the thread starts
    std::unique_ptr<CaseJournal> m_journal;
    struct Unsaved
    {
        feed::CaseEvent event;
        int64_t receivedAt;
    };
    // The journal's connection is the feed thread's; the writer thread takes
    // it only to retry held events.
    std::mutex m_journalMutex;
    std::deque<Unsaved> m_unsaved;
    std::atomic<size_t> m_unsavedCount{0};
    std::atomic<uint64_t> m_unsavedDropped{0};
    std::mutex m_refusalMutex;
    std::vector<Refusal> m_refusals; // not yet stored
    std::atomic<uint64_t> m_persisted{0};
    std::atomic<uint64_t> m_errors{0};

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<std::function<void(sqlite3 *)>> m_work;
    bool m_busy = false;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace gridwall::history
