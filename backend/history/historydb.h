#pragma once
// The history database (docs/history.md): DATA_DIR/gridwall.sqlite in WAL
// mode, its schema brought up to date by numbered migrations (PRAGMA
// user_version). One connection per thread; each owner opens its own.

#include <sqlite3.h>

#include <QString>

#include <algorithm>
#include <array>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace gridwall::history {

struct SqliteClose
{
    void operator()(sqlite3 *db) const { sqlite3_close_v2(db); }
};
using Connection = std::unique_ptr<sqlite3, SqliteClose>;

// The schema version this build writes.
inline constexpr int kSchemaVersion = 9;

struct OpenResult
{
    Connection db;      // null on error
    QString path;       // the database file
    QString error;      // one line, set on error: the wall exits 3
    QString movedAside; // a corrupt file found and moved here (never deleted); a fresh database was started
};

// Creates the data dir if needed, opens (or creates) the database, moves a
// corrupt file aside, checks that it can write, and migrates the schema.
OpenResult openHistory(const QString &dataDir);
// Another connection to an open history (for another thread).
Connection connectHistory(const QString &path, QString *error = nullptr);
// Applies the migrations after the database's version, up to `target`.
bool migrate(sqlite3 *db, int target, QString *error);
int schemaVersion(sqlite3 *db);

// Runs `body` in one write transaction (BEGIN IMMEDIATE): committed when it
// returns true, rolled back otherwise, with SQLite's message in `error`.
bool writeTransaction(sqlite3 *db, QString *error, const std::function<bool()> &body);

// Binds text, or NULL when it is empty (the schema stores absent fields as NULL).
inline void bindText(sqlite3_stmt *s, int index, std::string_view text)
{
    if (text.empty())
        sqlite3_bind_null(s, index);
    else
        sqlite3_bind_text(s, index, text.data(), int(text.size()), SQLITE_STATIC);
}
// A text column; empty for NULL.
inline std::string columnText(sqlite3_stmt *s, int column)
{
    const unsigned char *text = sqlite3_column_text(s, column);
    return text ? std::string(reinterpret_cast<const char *>(text), size_t(sqlite3_column_bytes(s, column))) : std::string();
}
// The position of a name in one of the contract's name lists (events.h), or -1.
template<size_t N>
int nameIndex(const std::array<std::string_view, N> &names, std::string_view name)
{
    const auto it = std::find(names.begin(), names.end(), name);
    return it == names.end() ? -1 : int(it - names.begin());
}

// Runs one statement without results; false (and the message) on error.
bool exec(sqlite3 *db, const char *sql, QString *error = nullptr);

// A prepared statement, reset after each use.
class Statement
{
public:
    Statement(sqlite3 *db, const char *sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    explicit operator bool() const { return m_stmt != nullptr; }
    sqlite3_stmt *get() const { return m_stmt; }
    void reset();

private:
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace gridwall::history
