#include "history.h"

#include "history/logging.h"

#include <QDir>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <iterator>

namespace gridwall::history {

namespace {

// One wall per data dir: two would interleave their journals and restore each
// other's half. The kernel drops the lock when the process ends, however it ends.
int lockDataDir(const QString &dataDir, QString *error)
{
    if (!QDir().mkpath(dataDir)) {
        *error = QStringLiteral("--data-dir %1: cannot create the directory").arg(dataDir);
        return -1;
    }
    const QByteArray path = QDir(dataDir).filePath(QStringLiteral("gridwall.lock")).toLocal8Bit();
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        *error = QStringLiteral("--data-dir %1: cannot open %2: %3").arg(dataDir, QString::fromLocal8Bit(path),
                                                                         QString::fromLocal8Bit(strerror(errno)));
        return -1;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        char owner[32] = {};
        const ssize_t n = ::pread(fd, owner, sizeof owner - 1, 0);
        *error = QStringLiteral("--data-dir %1: in use by another gridwall (pid %2); one wall per data dir")
                     .arg(dataDir, n > 0 ? QString::fromLatin1(owner).trimmed() : QStringLiteral("unknown"));
        ::close(fd);
        return -1;
    }
    const QByteArray pid = QByteArray::number(qint64(::getpid())) + '\n';
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.constData(), size_t(pid.size()), 0) != pid.size()) {
        // Only the message to a second wall names the owner: the lock itself holds.
    }
    return fd;
}

} // namespace

std::unique_ptr<History> History::open(const QString &dataDir, QString *error)
{
    const int lockFd = lockDataDir(dataDir, error);
    if (lockFd < 0)
        return nullptr;
    OpenResult opened = openHistory(dataDir);
    if (!opened.db) {
        *error = opened.error;
        ::close(lockFd);
        return nullptr;
    }
    std::unique_ptr<History> history(new History);
    history->m_lockFd = lockFd;
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
    m_db.reset();
    m_journal.reset();
    if (m_lockFd >= 0)
        ::close(m_lockFd);
}

bool History::recordCase(feed::CaseEvent &event, int64_t receivedAt)
{
    std::lock_guard lock(m_journalMutex);
    event.journalId = 0;
    // Events held earlier go first: the journal keeps arrival order.
    if (!m_unsaved.empty())
        writeUnsaved();
    if (m_unsaved.empty() && m_journal->record(event, receivedAt, &event.journalId)) {
        if (event.journalId > 0) // a redelivered copy adds nothing
            m_persisted.fetch_add(1, std::memory_order_relaxed);
        return true;
    }
    countError();
    if (m_unsaved.size() >= kMaxUnsaved) {
        // Logged at the first drop and every ten-thousandth after it.
        if (m_unsavedDropped.fetch_add(1, std::memory_order_relaxed) % 10000 == 0)
            qCCritical(lcHistory, "%zu case events already held unwritten; case %s seq %lld is not kept for the history "
                                  "(%llu dropped so far)",
                       m_unsaved.size(), event.id.c_str(), static_cast<long long>(event.seq),
                       static_cast<unsigned long long>(m_unsavedDropped.load()));
        return false;
    }
    if (m_unsaved.empty())
        qCCritical(lcHistory, "case %s seq %lld not stored: %s; holding case events in memory until the database takes "
                              "writes again",
                   event.id.c_str(), static_cast<long long>(event.seq), qPrintable(m_journal->error()));
    m_unsaved.push_back({event, receivedAt});
    m_unsavedCount.store(m_unsaved.size(), std::memory_order_relaxed);
    return false;
}

void History::writeUnsaved()
{
    size_t written = 0;
    while (!m_unsaved.empty()) {
        Unsaved &held = m_unsaved.front();
        int64_t id = 0;
        if (!m_journal->record(held.event, held.receivedAt, &id))
            break;
        if (id > 0)
            m_persisted.fetch_add(1, std::memory_order_relaxed);
        m_unsaved.pop_front();
        ++written;
    }
    m_unsavedCount.store(m_unsaved.size(), std::memory_order_relaxed);
    if (written > 0 && m_unsaved.empty())
        qCInfo(lcHistory, "the database takes writes again: the %zu case events held in memory are stored", written);
}

bool History::isHeld(const Refusal &refusal) const
{
    return std::any_of(m_unsaved.begin(), m_unsaved.end(),
                       [&](const Unsaved &held) { return held.event.seq == refusal.seq && held.event.id == refusal.caseId; });
}

void History::refuse(std::vector<Refusal> refusals)
{
    if (refusals.empty())
        return;
    {
        std::lock_guard lock(m_refusalMutex);
        m_refusals.insert(m_refusals.end(), std::make_move_iterator(refusals.begin()), std::make_move_iterator(refusals.end()));
    }
    post([this](sqlite3 *db) { writeRefusals(db); });
}

void History::writeRefusals(sqlite3 *db)
{
    std::vector<Refusal> pending;
    {
        std::lock_guard lock(m_refusalMutex);
        pending.swap(m_refusals);
    }
    if (pending.empty())
        return;
    // An event still held has no row to mark yet: it waits with the others.
    std::vector<Refusal> now;
    std::vector<Refusal> later;
    {
        std::lock_guard journalLock(m_journalMutex);
        for (Refusal &r : pending)
            (isHeld(r) ? later : now).push_back(std::move(r));
    }
    if (!now.empty() && !markRefused(db, now)) {
        countError();
        later.insert(later.end(), std::make_move_iterator(now.begin()), std::make_move_iterator(now.end()));
    }
    if (!later.empty()) {
        std::lock_guard lock(m_refusalMutex);
        m_refusals.insert(m_refusals.begin(), std::make_move_iterator(later.begin()), std::make_move_iterator(later.end()));
    }
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

History::Repaired History::repairFuture(int64_t limit)
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return !m_busy; });
    Repaired repaired;
    sqlite3 *db = m_db.get();
    const auto run = [db, limit](const char *sql, int64_t *changed) {
        Statement s(db, sql);
        if (!s)
            return false;
        sqlite3_bind_int64(s.get(), 1, limit);
        if (sqlite3_step(s.get()) != SQLITE_DONE)
            return false;
        if (changed)
            *changed += sqlite3_changes(db);
        return true;
    };
    // The limit is this machine's clock: were it behind, real events would be refused for good. The wall's own
    // arrival stamps tell: the newest arrival after the limit means this clock went back, not the producers' ahead.
    {
        Statement newest(db, "SELECT received_at FROM case_log ORDER BY id DESC LIMIT 1");
        if (newest && sqlite3_step(newest.get()) == SQLITE_ROW && sqlite3_column_int64(newest.get(), 0) > limit) {
            qCCritical(lcHistory,
                       "this machine's clock is behind the history's last arrival (%lld s after the limit %lld): nothing "
                       "is repaired until the clock is right (time sync)",
                       static_cast<long long>((sqlite3_column_int64(newest.get(), 0) - limit) / 1000),
                       static_cast<long long>(limit));
            repaired.clockBehind = true;
            return repaired;
        }
    }
    const auto exists = [](sqlite3 *db, const char *sql, int64_t limit) {
        Statement s(db, sql);
        if (!s)
            return true; // unknown: look
        sqlite3_bind_int64(s.get(), 1, limit);
        return sqlite3_step(s.get()) == SQLITE_ROW;
    };
    QString error;
    // Index case_log_ts finds the few rows after the limit; nothing else is read.
    const bool ok = writeTransaction(db, &error, [&] {
        return run("INSERT OR IGNORE INTO case_rebuild(case_id) SELECT DISTINCT case_id FROM case_log "
                   "WHERE ts > ?1 AND refused IS NULL",
                   &repaired.cases)
               && run("DELETE FROM case_state WHERE case_id IN (SELECT case_id FROM case_log WHERE ts > ?1 AND refused IS NULL)",
                      nullptr)
               && run("UPDATE case_log SET refused = 'ts_future' WHERE ts > ?1 AND refused IS NULL", &repaired.caseEvents)
               // Every moment adds to "city" too: its rows (the key's prefix) tell whether the scan is needed at all.
               && (!exists(db, "SELECT 1 FROM region_hour WHERE region = 'city' AND hour > ?1", limit)
                   || run("DELETE FROM region_hour WHERE hour > ?1", &repaired.hours))
               && run("DELETE FROM telemetry_last WHERE ts > ?1", &repaired.telemetry)
               && run("DELETE FROM reading_bucket WHERE bucket > ?1", &repaired.telemetry)
               && run("DELETE FROM position_bucket WHERE bucket > ?1", &repaired.telemetry);
    });
    if (!ok) {
        countError();
        qCWarning(lcHistory, "could not repair times from the future: %s", qPrintable(error));
        return {};
    }
    if (repaired.caseEvents + repaired.hours + repaired.telemetry > 0)
        qCWarning(lcHistory,
                  "repaired times from the future (after %lld): %lld case events refused as ts_future, %lld cases rebuilt "
                  "from the rest of their journal, %lld hourly figures and %lld readings and positions deleted",
                  static_cast<long long>(limit), static_cast<long long>(repaired.caseEvents),
                  static_cast<long long>(repaired.cases), static_cast<long long>(repaired.hours),
                  static_cast<long long>(repaired.telemetry));
    return repaired;
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
            if (m_unsavedCount.load(std::memory_order_relaxed) > 0) {
                // Held case events are retried here too: no new one may come to push them.
                std::lock_guard journalLock(m_journalMutex);
                writeUnsaved();
            }
            writeRefusals(m_db.get()); // and refusals that could not be stored yet
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
