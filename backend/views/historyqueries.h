#pragma once
// Questions to the history (docs/history.md), answered on a thread of their
// own with its own read-only connection, so that the GUI thread never waits
// on the disk. The wall's panels ask through one object per question
// (views/historyquestion.h), each answered alone; a department plugin gets a
// client of its own (client()): each call returns a request number at once,
// and that client's `answered` brings the result back on the GUI thread as
// plain QML values (times in epoch ms) -- to it only.

#include <QObject>
#include <QQmlEngine>
#include <QThread>
#include <QVariant>

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

    // Another client of the same reader thread and connection, with its own requests and `answered`.
    std::unique_ptr<HistoryQueries> client() const;

    bool available() const;

    // A question, run on the reader's thread with its connection and the city's "now" when asked.
    using Question = std::function<QVariant(sqlite3 *, int64_t now)>;
    // Asks; `answer` runs on the GUI thread with the result, unless `receiver` is gone by then.
    void ask(QObject *receiver, Question question, std::function<void(const QVariant &)> answer);
    // The questions, as the invokable calls below ask them.
    static Question regionSeriesQuestion(const QString &code, int hours, bool byDay);
    static Question weekComparisonQuestion(const QString &code);
    static Question caseTimelineQuestion(const QString &caseId);
    static Question sensorSeriesQuestion(const QString &sensorId, int hours);
    static Question topOverdueQuestion(const QString &code, int limit);
    static Question changesSinceQuestion(double sinceMs);
    static Question onTimeRateQuestion(const QString &code, int hours);

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
    // {current: {from, to, closed, onTime, rate}, previous: {...}}: the cases closed in the last `hours` hours
    // of a region (code, or "city") with a deadline, how many by it (docs/history.md), and the same span before.
    Q_INVOKABLE int onTimeRate(const QString &code, int hours);

    // Answers handed out so far by the reader, to every client (tests, metrics).
    uint64_t answeredCount() const;

signals:
    void answered(int request, const QVariant &result);

private:
    struct Reader;
    explicit HistoryQueries(std::shared_ptr<Reader> reader);
    int request(Question question);

    std::shared_ptr<Reader> m_reader; // shared by the clients
    int m_nextRequest = 1;
};

} // namespace gridwall::views
