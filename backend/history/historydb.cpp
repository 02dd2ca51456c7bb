#include "historydb.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <array>

namespace gridwall::history {

namespace {

// Migration n takes the schema from version n-1 to n. Never edit a released
// one: add the next.
constexpr std::array<const char *, kSchemaVersion> kMigrations = {
    // 1: every case event the wall acknowledged, in arrival order, and the
    // contract's view of the accepted ones (docs/history.md, `case_events`).
    R"sql(
    CREATE TABLE case_log(
        id INTEGER PRIMARY KEY,      -- arrival order
        case_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        status TEXT NOT NULL,
        ts INTEGER NOT NULL,         -- producer time, epoch ms
        received_at INTEGER NOT NULL, -- wall clock at arrival, epoch ms
        category TEXT, source TEXT, priority INTEGER, lon REAL, lat REAL, deadline INTEGER, title TEXT,
        dept TEXT, assignee TEXT, grid TEXT, note TEXT, rating INTEGER,
        refused TEXT                 -- NULL: applied; else why the live state refused it
    );
    CREATE UNIQUE INDEX case_log_key ON case_log(case_id, seq);
    CREATE VIEW case_events AS
        SELECT case_id, seq, status, ts, received_at FROM case_log WHERE refused IS NULL;
    )sql",
    // 2: time-ordered reads (what changed since T, replay to a moment).
    R"sql(
    CREATE INDEX case_log_ts ON case_log(ts);
    )sql",
    // 3: every alarm transition (raised, acknowledged, cleared).
    R"sql(
    CREATE TABLE alarm_log(
        id INTEGER PRIMARY KEY,
        run INTEGER NOT NULL,        -- the wall process's start, epoch ms: alarm ids restart with it
        alarm_id INTEGER NOT NULL,
        phase TEXT NOT NULL,         -- raised, acknowledged, cleared
        at INTEGER NOT NULL,         -- wall clock, epoch ms
        kind TEXT NOT NULL,
        severity INTEGER NOT NULL,   -- 1 low .. 4 critical
        subject TEXT NOT NULL,       -- sensor, camera or case id
        label TEXT,
        district TEXT,               -- district code
        value REAL
    );
    CREATE INDEX alarm_log_at ON alarm_log(at);
    )sql",
    // 4: the current record of every case, kept up to date by the writer, and
    // how far into case_log it reaches: a restart loads these and replays
    // only the journal after that point.
    R"sql(
    CREATE TABLE case_state(
        case_id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        seen_seqs INTEGER NOT NULL,  -- bit s-1 for each seq s <= 64 applied
        status TEXT NOT NULL,
        reported_ts INTEGER, updated_ts INTEGER NOT NULL, status_since INTEGER,
        resolved_ts INTEGER, closed_ts INTEGER, handling_ms INTEGER,
        ms_in_status BLOB,           -- 9 little-endian int64: ms spent in each earlier status
        category TEXT, source TEXT, title TEXT, priority INTEGER, lon REAL, lat REAL, deadline INTEGER,
        grid TEXT, dept TEXT, assignee TEXT,
        illegal INTEGER NOT NULL     -- events refused as illegal transitions
    ) WITHOUT ROWID;
    CREATE INDEX case_state_updated ON case_state(updated_ts);
    CREATE INDEX case_state_open ON case_state(case_id) WHERE status NOT IN ('closed', 'rejected');
    CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER) WITHOUT ROWID;
    )sql",
    // 5: telemetry downsampled into time buckets instead of stored raw.
    R"sql(
    CREATE TABLE reading_bucket(
        sensor_id TEXT NOT NULL,
        bucket INTEGER NOT NULL,     -- start, epoch ms
        n INTEGER NOT NULL, min REAL NOT NULL, max REAL NOT NULL, sum REAL NOT NULL, last REAL NOT NULL,
        PRIMARY KEY (sensor_id, bucket)
    ) WITHOUT ROWID;
    CREATE TABLE position_bucket(
        entity TEXT NOT NULL,        -- worker/ID or unit/ID
        bucket INTEGER NOT NULL,
        n INTEGER NOT NULL,          -- positions seen in the bucket
        lon REAL NOT NULL, lat REAL NOT NULL, status TEXT, -- the last of them
        PRIMARY KEY (entity, bucket)
    ) WITHOUT ROWID;
    CREATE INDEX reading_bucket_time ON reading_bucket(bucket);
    CREATE INDEX position_bucket_time ON position_bucket(bucket);
    )sql",
    // 6: each region's case figures per hour, pre-aggregated for the panels' series.
    R"sql(
    CREATE TABLE region_hour(
        region TEXT NOT NULL,        -- region code at any level, or 'city'
        hour INTEGER NOT NULL,       -- start, epoch ms
        reported INTEGER NOT NULL,   -- cases reported in the hour
        closed INTEGER NOT NULL,     -- cases closed in the hour
        overdue INTEGER NOT NULL,    -- cases that went overdue in the hour
        handling_ms INTEGER NOT NULL, -- sum of reported -> closed of the cases closed (with a known report)
        handled INTEGER NOT NULL,    -- how many that sum covers
        PRIMARY KEY (region, hour)
    ) WITHOUT ROWID;
    )sql",
    // 7: the latest value of each sensor, worker and unit and the active
    // alarms, for a restart; the cases in hand by deadline for the overdue lists.
    R"sql(
    CREATE TABLE telemetry_last(
        entity TEXT PRIMARY KEY,     -- sensor/ID, worker/ID or unit/ID
        ts INTEGER NOT NULL,         -- producer time, epoch ms
        value REAL,                  -- a sensor's reading
        lon REAL, lat REAL, status TEXT,
        detail TEXT                  -- a worker's name, a unit's kind
    ) WITHOUT ROWID;
    CREATE TABLE alarm_active(       -- the alarms raised or acknowledged now
        kind TEXT NOT NULL, subject TEXT NOT NULL, label TEXT NOT NULL,
        phase TEXT NOT NULL, severity INTEGER NOT NULL, district TEXT,
        raised_at INTEGER NOT NULL, acknowledged_at INTEGER,
        PRIMARY KEY (kind, subject, label)
    ) WITHOUT ROWID;
    CREATE INDEX case_state_in_hand ON case_state(deadline, status)
        WHERE status NOT IN ('resolved', 'closed', 'rejected') AND deadline > 0;
    CREATE INDEX case_state_in_hand_grid ON case_state(grid, deadline, status)
        WHERE status NOT IN ('resolved', 'closed', 'rejected') AND deadline > 0;
    )sql",
    // 8: cases whose stored record must be rebuilt from the journal at the
    // next start (events from the future were refused after the fact).
    R"sql(
    CREATE TABLE case_rebuild(case_id TEXT PRIMARY KEY) WITHOUT ROWID;
    )sql",
    // 9: the closed cases with a deadline by closing time, carrying what the
    // on-time rate reads (deadline, resolution, grid; the status, so that the
    // query's repeat of the condition is answered too): a month's rate reads
    // the month's closings from the index alone, whatever the history's length.
    R"sql(
    CREATE INDEX case_state_closed ON case_state(closed_ts, deadline, resolved_ts, grid, status)
        WHERE status = 'closed' AND deadline > 0;
    )sql",
};

QString lastError(sqlite3 *db)
{
    return QString::fromUtf8(sqlite3_errmsg(db));
}

bool isCorruption(int code)
{
    const int primary = code & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

// Opens and reads the schema version; the code of the first failure.
int tryOpen(const QString &path, Connection &out, QString *error)
{
    sqlite3 *raw = nullptr;
    int rc = sqlite3_open_v2(path.toUtf8().constData(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                             nullptr);
    Connection db(raw);
    if (rc != SQLITE_OK) {
        *error = raw ? lastError(raw) : QString::fromUtf8(sqlite3_errstr(rc));
        return rc;
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);
    // Reading the header and the schema finds a file that is not a database.
    rc = sqlite3_exec(raw, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; SELECT count(*) FROM sqlite_schema;", nullptr,
                      nullptr, nullptr);
    if (rc != SQLITE_OK) {
        *error = lastError(raw);
        return rc;
    }
    out = std::move(db);
    return SQLITE_OK;
}

} // namespace

bool exec(sqlite3 *db, const char *sql, QString *error)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    if (error)
        *error = QString::fromUtf8(message ? message : sqlite3_errmsg(db));
    sqlite3_free(message);
    return false;
}

bool writeTransaction(sqlite3 *db, QString *error, const std::function<bool()> &body)
{
    if (!exec(db, "BEGIN IMMEDIATE", error))
        return false;
    const bool ok = body();
    if (!ok && error)
        *error = QString::fromUtf8(sqlite3_errmsg(db));
    return exec(db, ok ? "COMMIT" : "ROLLBACK", error) && ok;
}

int schemaVersion(sqlite3 *db)
{
    Statement s(db, "PRAGMA user_version");
    return s && sqlite3_step(s.get()) == SQLITE_ROW ? sqlite3_column_int(s.get(), 0) : -1;
}

bool migrate(sqlite3 *db, int target, QString *error)
{
    for (int version = schemaVersion(db); version < target; ++version) {
        // Each migration and its version number commit together.
        const std::string sql = std::string("BEGIN IMMEDIATE;") + kMigrations[size_t(version)] +
                                "PRAGMA user_version=" + std::to_string(version + 1) + ";COMMIT;";
        if (!exec(db, sql.c_str(), error)) {
            exec(db, "ROLLBACK");
            if (error)
                *error = QStringLiteral("migration to schema %1: %2").arg(version + 1).arg(*error);
            return false;
        }
    }
    return true;
}

Connection connectHistory(const QString &path, QString *error)
{
    Connection db;
    QString problem;
    if (tryOpen(path, db, &problem) != SQLITE_OK && error)
        *error = problem;
    return db;
}

OpenResult openHistory(const QString &dataDir)
{
    OpenResult result;
    if (!QDir().mkpath(dataDir)) {
        result.error = QStringLiteral("--data-dir %1: cannot create the directory").arg(dataDir);
        return result;
    }
    result.path = QDir(dataDir).filePath(QStringLiteral("gridwall.sqlite"));
    QString problem;
    int rc = tryOpen(result.path, result.db, &problem);
    if (isCorruption(rc)) {
        // Keep the evidence: the file and its WAL move aside, and a fresh history starts.
        const QString aside = result.path + QStringLiteral(".corrupt-") +
                              QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
        bool moved = QFile::rename(result.path, aside);
        for (const char *suffix : {"-wal", "-shm"})
            if (QFile::exists(result.path + QLatin1String(suffix)))
                moved = QFile::rename(result.path + QLatin1String(suffix), aside + QLatin1String(suffix)) && moved;
        if (!moved) {
            result.error = QStringLiteral("%1 is corrupt (%2) and cannot be moved aside").arg(result.path, problem);
            return result;
        }
        result.movedAside = aside;
        rc = tryOpen(result.path, result.db, &problem);
    }
    if (rc != SQLITE_OK) {
        result.db.reset();
        result.error = QStringLiteral("--data-dir %1: cannot open %2: %3").arg(dataDir, result.path, problem);
        return result;
    }
    if (const int version = schemaVersion(result.db.get()); version > kSchemaVersion) {
        result.db.reset();
        result.error = QStringLiteral("--data-dir %1: %2 has schema %3, newer than this build's %4")
                           .arg(dataDir, result.path)
                           .arg(version)
                           .arg(kSchemaVersion);
        return result;
    }
    // Can it write? (A read-only file or directory opens, then fails here.)
    if (!exec(result.db.get(), "BEGIN IMMEDIATE; COMMIT;", &problem) || !migrate(result.db.get(), kSchemaVersion, &problem)) {
        result.db.reset();
        result.error = QStringLiteral("--data-dir %1: cannot write %2: %3").arg(dataDir, result.path, problem);
        return result;
    }
    return result;
}

Statement::Statement(sqlite3 *db, const char *sql)
{
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK)
        m_stmt = nullptr;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

} // namespace gridwall::history
