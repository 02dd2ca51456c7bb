#pragma once
// The drill-down panels' questions to the history (docs/history.md),
// answered on a thread of their own with its own read-only connection, so
// that the GUI thread never waits on the disk. Each call returns a request
// number at once; `answered` brings the result back on the GUI thread as
// plain QML values (times in epoch ms).

#include <QObject>
#include <QQmlEngine>
#include <QThread>
#include <QVariant>

#include <atomic>
#include <functional>
#include <memory>

struct sqlite3;

namespace gridwall::views {

class HistoryQueries : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("HistoryQueries is created by the application")
    Q_PROPERTY(bool available READ available CONSTANT)

public:
    // `databasePath` empty: no history (every answer is empty). `clock`
    // gives "now" (the city's clock) when a question is asked.
    HistoryQueries(const QString &databasePath, std::function<int64_t()> clock, QObject *parent = nullptr);
    ~HistoryQueries() override;

    bool available() const { return m_available; }

    // [{start, reported, closed, overdue, meanHandlingMs}] for the last
    // `hours` hours of a region (code, or "city"), by hour or by Shanghai day.
    Q_INVOKABLE int regionSeries(const QString &code, int hours, bool byDay);
    // {today: {...}, lastWeek: {...}}: today so far against the same span on the same weekday last week.
    Q_INVOKABLE int weekComparison(const QString &code);
    // [{seq, status, ts, receivedAt, refused, dept, assignee, note, rating, ...}] in seq order.
    Q_INVOKABLE int caseTimeline(const QString &caseId);
    // [{start, n, min, max, mean, last}] of the last `hours` hours.
    Q_INVOKABLE int sensorSeries(const QString &sensorId, int hours);
    // [{id, status, category, title, priority, deadline, overdueMs, grid, dept, assignee}], most overdue first.
    Q_INVOKABLE int topOverdue(const QString &code, int limit);
    // {reported: [...], closed: [...], escalated: [...], alarmsRaised: [...]} since `sinceMs`.
    Q_INVOKABLE int changesSince(double sinceMs);

    // Answers handed out so far (tests, metrics).
    uint64_t answeredCount() const { return m_answered.load(); }

signals:
    void answered(int request, const QVariant &result);

private:
    int ask(std::function<QVariant(sqlite3 *, int64_t now)> question);

    bool m_available = false;
    std::function<int64_t()> m_clock;
    int m_nextRequest = 1;
    std::atomic<uint64_t> m_answered{0};
    QThread m_thread;
    QObject *m_worker = nullptr; // lives on m_thread: questions run in its event loop
    std::shared_ptr<sqlite3> m_db;  // opened and used on m_thread only
};

} // namespace gridwall::views
