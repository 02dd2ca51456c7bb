#include "historyqueries.h"

#include "views/logging.h"

#include "history/historydb.h"
#include "history/kpi.h"
#include "history/queries.h"
#include "history/timeline.h"
#include "state/livestate.h"
#include "text.h"

#include <QPointer>
#include <QVariantList>
#include <QVariantMap>

namespace gridwall::views {

namespace {

QVariantMap kpiPoint(const history::KpiPoint &p)
{
    return {{QStringLiteral("start"), double(p.start)},
            {QStringLiteral("reported"), p.reported},
            {QStringLiteral("closed"), p.closed},
            {QStringLiteral("overdue"), p.overdue},
            {QStringLiteral("meanHandlingMs"), double(p.meanHandlingMs)}};
}

QVariantMap onTimeCount(const history::OnTimeCount &c)
{
    return {{QStringLiteral("from"), double(c.from)},
            {QStringLiteral("to"), double(c.to)},
            {QStringLiteral("closed"), c.closed},
            {QStringLiteral("onTime"), c.onTime},
            {QStringLiteral("rate"), c.closed > 0 ? double(c.onTime) / c.closed : 0.0}};
}

QVariantList caseChanges(const std::vector<history::CaseChange> &changes)
{
    QVariantList list;
    list.reserve(qsizetype(changes.size()));
    for (const history::CaseChange &c : changes)
        list.append(QVariantMap{{QStringLiteral("id"), text(c.caseId)},
                                {QStringLiteral("ts"), double(c.ts)},
                                {QStringLiteral("category"), text(c.category)},
                                {QStringLiteral("priority"), c.priority},
                                {QStringLiteral("grid"), text(c.grid)}});
    return list;
}

} // namespace

// The thread and its connection, shared by every client; `home` (GUI thread) hands the answers out.
struct HistoryQueries::Reader
{
    bool available = false;
    std::function<int64_t()> clock;
    std::atomic<uint64_t> answered{0};
    QThread thread;
    QObject *worker = nullptr; // lives on `thread`: questions run in its event loop
    QObject home;              // lives on the GUI thread
    std::shared_ptr<sqlite3> db; // opened and used on `thread` only

    ~Reader()
    {
        QMetaObject::invokeMethod(worker, [this] { db.reset(); }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }
};

HistoryQueries::HistoryQueries(const QString &databasePath, std::function<int64_t()> clock, QObject *parent)
    : QObject(parent)
    , m_reader(std::make_shared<Reader>())
{
    Reader &r = *m_reader;
    r.clock = std::move(clock);
    r.thread.setObjectName(QStringLiteral("history queries"));
    r.worker = new QObject;
    r.worker->moveToThread(&r.thread);
    connect(&r.thread, &QThread::finished, r.worker, &QObject::deleteLater);
    r.thread.start(QThread::LowPriority);
    if (databasePath.isEmpty())
        return;
    // The connection is opened on the thread that uses it, and waited for (a few ms): whether
    // there is a history to ask is known from the start (a panel says "no history kept" otherwise).
    QMetaObject::invokeMethod(r.worker, [reader = &r, databasePath] {
        QString error;
        history::Connection db = history::connectHistory(databasePath, &error);
        if (!db) {
            qCWarning(lcQueries, "cannot open %s for the panels: %s", qPrintable(databasePath), qPrintable(error));
            return;
        }
        history::exec(db.get(), "PRAGMA query_only = 1");
        reader->db = std::shared_ptr<sqlite3>(db.release(), history::SqliteClose());
        reader->available = true;
    }, Qt::BlockingQueuedConnection);
}

HistoryQueries::HistoryQueries(std::shared_ptr<Reader> reader)
    : m_reader(std::move(reader))
{
}

HistoryQueries::~HistoryQueries() = default;

std::unique_ptr<HistoryQueries> HistoryQueries::client() const
{
    return std::unique_ptr<HistoryQueries>(new HistoryQueries(m_reader));
}

bool HistoryQueries::available() const
{
    return m_reader->available;
}

uint64_t HistoryQueries::answeredCount() const
{
    return m_reader->answered.load();
}

void HistoryQueries::ask(QObject *receiver, Question question, std::function<void(const QVariant &)> answer)
{
    Reader *reader = m_reader.get();
    const int64_t now = reader->clock ? reader->clock() : 0;
    QMetaObject::invokeMethod(reader->worker, [reader, now, question = std::move(question), to = QPointer<QObject>(receiver),
                                               answer = std::move(answer)]() mutable {
        QVariant result = reader->db ? question(reader->db.get(), now) : QVariant();
        reader->answered.fetch_add(1);
        // Checked on the GUI thread, where receivers are deleted.
        QMetaObject::invokeMethod(&reader->home, [to, answer = std::move(answer), result = std::move(result)] {
            if (to)
                answer(result);
        }, Qt::QueuedConnection);
    });
}

int HistoryQueries::request(Question question)
{
    const int id = m_nextRequest++;
    ask(this, std::move(question), [this, id](const QVariant &result) { emit answered(id, result); });
    return id;
}

int HistoryQueries::regionSeries(const QString &code, int hours, bool byDay)
{
    return request(regionSeriesQuestion(code, hours, byDay));
}

HistoryQueries::Question HistoryQueries::regionSeriesQuestion(const QString &code, int hours, bool byDay)
{
    return Question([code = code.toStdString(), hours, byDay](sqlite3 *db, int64_t now) {
        const history::KpiStep step = byDay ? history::KpiStep::Day : history::KpiStep::Hour;
        QVariantList points;
        for (const history::KpiPoint &p : history::regionSeries(db, code, now - int64_t(hours) * state::kHourMs, now + 1, step))
            points.append(kpiPoint(p));
        return QVariant(points);
    });
}

int HistoryQueries::weekComparison(const QString &code)
{
    return request(weekComparisonQuestion(code));
}

HistoryQueries::Question HistoryQueries::weekComparisonQuestion(const QString &code)
{
    return Question([code = code.toStdString()](sqlite3 *db, int64_t now) {
        const history::WeekComparison w = history::todayAgainstLastWeek(db, code, now);
        return QVariant(QVariantMap{{QStringLiteral("today"), kpiPoint(w.today)}, {QStringLiteral("lastWeek"), kpiPoint(w.lastWeek)}});
    });
}

int HistoryQueries::caseTimeline(const QString &caseId)
{
    return request(caseTimelineQuestion(caseId));
}

HistoryQueries::Question HistoryQueries::caseTimelineQuestion(const QString &caseId)
{
    return Question([id = caseId.toStdString()](sqlite3 *db, int64_t) {
        QVariantList entries;
        for (const history::TimelineEntry &t : history::caseTimeline(db, id)) {
            const feed::CaseEvent &e = t.event;
            QVariantMap m{{QStringLiteral("seq"), double(e.seq)},
                          {QStringLiteral("status"), QString::fromLatin1(feed::kCaseStatusNames[size_t(e.status)].data(),
                                                                         qsizetype(feed::kCaseStatusNames[size_t(e.status)].size()))},
                          {QStringLiteral("ts"), double(e.ts)},
                          {QStringLiteral("receivedAt"), double(t.receivedAt)},
                          {QStringLiteral("refused"), text(t.refused)},
                          {QStringLiteral("dept"), text(e.dept)},
                          {QStringLiteral("assignee"), text(e.assignee)},
                          {QStringLiteral("note"), text(e.note)},
                          {QStringLiteral("rating"), e.rating}};
            if (e.status == feed::CaseStatus::Reported) {
                m.insert(QStringLiteral("category"), text(e.category));
                m.insert(QStringLiteral("title"), text(e.title));
                m.insert(QStringLiteral("priority"), e.priority);
                m.insert(QStringLiteral("deadline"), double(e.deadline));
                m.insert(QStringLiteral("grid"), text(e.grid));
            }
            entries.append(m);
        }
        return QVariant(entries);
    });
}

int HistoryQueries::sensorSeries(const QString &sensorId, int hours)
{
    return request(sensorSeriesQuestion(sensorId, hours));
}

HistoryQueries::Question HistoryQueries::sensorSeriesQuestion(const QString &sensorId, int hours)
{
    return Question([id = sensorId.toStdString(), hours](sqlite3 *db, int64_t now) {
        QVariantList buckets;
        for (const history::ReadingBucket &b : history::sensorSeries(db, id, now - int64_t(hours) * state::kHourMs, now + 1))
            buckets.append(QVariantMap{{QStringLiteral("start"), double(b.bucket)},
                                       {QStringLiteral("n"), double(b.n)},
                                       {QStringLiteral("min"), b.min},
                                       {QStringLiteral("max"), b.max},
                                       {QStringLiteral("mean"), b.n > 0 ? b.sum / double(b.n) : 0.0},
                                       {QStringLiteral("last"), b.last}});
        return QVariant(buckets);
    });
}

int HistoryQueries::topOverdue(const QString &code, int limit)
{
    return request(topOverdueQuestion(code, limit));
}

HistoryQueries::Question HistoryQueries::topOverdueQuestion(const QString &code, int limit)
{
    return Question([code = code.toStdString(), limit](sqlite3 *db, int64_t now) {
        QVariantList cases;
        for (const history::OverdueCase &c : history::topOverdue(db, code, now, limit))
            cases.append(QVariantMap{{QStringLiteral("id"), text(c.id)},
                                     {QStringLiteral("status"), text(c.status)},
                                     {QStringLiteral("category"), text(c.category)},
                                     {QStringLiteral("title"), text(c.title)},
                                     {QStringLiteral("priority"), c.priority},
                                     {QStringLiteral("deadline"), double(c.deadline)},
                                     {QStringLiteral("overdueMs"), double(now - c.deadline)},
                                     {QStringLiteral("grid"), text(c.grid)},
                                     {QStringLiteral("dept"), text(c.dept)},
                                     {QStringLiteral("assignee"), text(c.assignee)}});
        return QVariant(cases);
    });
}

int HistoryQueries::changesSince(double sinceMs)
{
    return request(changesSinceQuestion(sinceMs));
}

HistoryQueries::Question HistoryQueries::changesSinceQuestion(double sinceMs)
{
    return Question([since = int64_t(sinceMs)](sqlite3 *db, int64_t now) {
        const history::Changes c = history::changesSince(db, since, now);
        QVariantList alarms;
        for (const history::AlarmTransition &a : c.alarmsRaised)
            alarms.append(QVariantMap{{QStringLiteral("at"), double(a.at)},
                                      {QStringLiteral("kind"), text(a.kind)},
                                      {QStringLiteral("severity"), a.severity},
                                      {QStringLiteral("subject"), text(a.subject)},
                                      {QStringLiteral("label"), text(a.label)},
                                      {QStringLiteral("district"), text(a.district)}});
        return QVariant(QVariantMap{{QStringLiteral("reported"), caseChanges(c.reported)},
                                    {QStringLiteral("closed"), caseChanges(c.closed)},
                                    {QStringLiteral("escalated"), caseChanges(c.escalated)},
                                    {QStringLiteral("alarmsRaised"), alarms}});
    });
}

int HistoryQueries::onTimeRate(const QString &code, int hours)
{
    return request(onTimeRateQuestion(code, hours));
}

HistoryQueries::Question HistoryQueries::onTimeRateQuestion(const QString &code, int hours)
{
    return Question([code = code.toStdString(), hours](sqlite3 *db, int64_t now) {
        // Up to now, the moment included (as the series), and the span of the same length before it.
        const int64_t span = int64_t(hours) * state::kHourMs, end = now + 1;
        return QVariant(QVariantMap{{QStringLiteral("current"), onTimeCount(history::onTimeCount(db, code, end - span, end))},
                                    {QStringLiteral("previous"), onTimeCount(history::onTimeCount(db, code, end - 2 * span, end - span))}});
    });
}

} // namespace gridwall::views
