#include "history.h"

#include <QLoggingCategory>

#include <chrono>

Q_LOGGING_CATEGORY(lcHistory, "gridwall.history")

namespace gridwall::history {

std::unique_ptr<History> History::open(const QString &dataDir, QString *error)
{
    OpenResult opened = openHistory(dataDir);
    if (!opened.db) {
        *error = opened.error;
        return nullptr;
    }
    std::unique_ptr<History> history(new History);
    history->m_path = opened.path;
    history->m_movedAside = opened.movedAside;
    history->m_db = std::move(opened.db);
    history->m_journal = std::make_unique<CaseJournal>(opened.path);
    if (!history->m_journal->ok()) {
        *error = QStringLiteral("--data-dir %1: %2").arg(dataDir, history->m_journal->error());
        return nullptr;
    }
    if (!history->m_movedAside.isEmpty())
        qCCritical(lcHistory, "the history database was corrupt: moved it to %s and started a fresh one",
                   qPrintable(history->m_movedAside));
    history->m_thread = std::thread([h = history.get()] { h->run(); });
    return history;
}

History::~History()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

bool History::recordCase(feed::CaseEvent &event, int64_t receivedAt)
{
    if (m_journal->record(event, receivedAt, &event.journalId)) {
        if (event.journalId > 0) // a redelivered copy adds nothing
            m_persisted.fetch_add(1, std::memory_order_relaxed);
        return true;
    }
    countError();
    qCCritical(lcHistory, "case %s seq %lld not stored: %s", event.id.c_str(), static_cast<long long>(event.seq),
               qPrintable(m_journal->error()));
    return false;
}

std::vector<feed::CaseEvent> History::readJournal()
{
    // Holding the lock with the writer idle: it does not touch the connection meanwhile.
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return !m_busy; });
    return readCaseJournal(m_db.get());
}

History::Saved History::readSaved(int64_t endedSince, int64_t telemetrySince)
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return !m_busy; });
    Saved saved;
    exec(m_db.get(), "BEGIN"); // one consistent view of both tables
    saved.cases = readCaseState(m_db.get(), endedSince);
    saved.journal = readCaseJournal(m_db.get(), caseStateJournalId(m_db.get()));
    saved.telemetry = readLatestTelemetry(m_db.get(), telemetrySince);
    saved.alarms = readActiveAlarms(m_db.get());
    // The new run raises again what still holds (carrying the raise times and acknowledgements over) and records it anew.
    exec(m_db.get(), "DELETE FROM alarm_active");
    exec(m_db.get(), "COMMIT");
    return saved;
}

void History::post(std::function<void(sqlite3 *)> work)
{
    {
        std::lock_guard lock(m_mutex);
        m_work.push_back(std::move(work));
    }
    m_wake.notify_one();
}

void History::flush()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_work.empty() && !m_busy; });
}

void History::run()
{
    std::unique_lock lock(m_mutex);
    auto lastCheckpoint = std::chrono::steady_clock::now();
    for (;;) {
        m_wake.wait_for(lock, std::chrono::seconds(1), [this] { return m_stopping || !m_work.empty(); });
        if (std::chrono::steady_clock::now() - lastCheckpoint >= std::chrono::seconds(1)) {
            // The journal's commits pile up in the WAL; fold them into the database
            // here, without waiting for readers (PASSIVE).
            lastCheckpoint = std::chrono::steady_clock::now();
            m_busy = true;
            lock.unlock();
            sqlite3_wal_checkpoint_v2(m_db.get(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
            lock.lock();
            m_busy = false;
            if (m_work.empty())
                m_idle.notify_all();
        }
        if (m_work.empty() && m_stopping)
            break;
        if (m_work.empty())
            continue;
        std::function<void(sqlite3 *)> work = std::move(m_work.front());
        m_work.pop_front();
        m_busy = true;
        lock.unlock();
        work(m_db.get());
        lock.lock();
        m_busy = false;
        if (m_work.empty())
            m_idle.notify_all();
    }
    m_idle.notify_all();
}

} // namespace gridwall::history
