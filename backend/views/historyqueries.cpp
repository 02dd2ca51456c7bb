#include "historyqueries.h"

#include "views/logging.h"

#include "history/historydb.h"
#include "history/kpi.h"
#include "history/queries.h"
#include "history/timeline.h"
#include "state/livestate.h"
#include "text.h"

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

HistoryQueries::HistoryQueries(const QString &databasePath, std::function<int64_t()> clock, QObject *parent)
    : QObject(parent)
    , m_available(!databasePath.isEmpty())
    , m_clock(std::move(clock))
{
    m_thread.setObjectName(QStringLiteral("history queries"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
    if (!m_available)
        return;
    // The connection is opened on the thread that uses it.
    QMetaObject::invokeMethod(m_worker, [this, databasePath] {
        QString error;
        history::Connection db = history::connectHistory(databasePath, &error);
        if (!db) {
            qCWarning(lcQueries, "cannot open %s for the panels: %s", qPrintable(databasePath), qPrintable(error));
            return;
        }
        history::exec(db.get(), "PRAGMA query_only = 1");
        m_db = std::shared_ptr<sqlite3>(db.release(), history::SqliteClose());
    });
}

HistoryQueries::~HistoryQueries()
{
    QMetaObject::invokeMethod(m_worker, [this] { m_db.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

int HistoryQueries::ask(std::function<QVariant(sqlite3 *, int64_t)> question)
{
    const int request = m_nextRequest++;
    const int64_t now = m_clock ? m_clock() : 0;
    QMetaObject::invokeMethod(m_worker, [this, request, now, question = std::move(question)] {
        QVariant result = m_db ? question(m_db.get(), now) : QVariant();
        m_answered.fetch_add(1);
        QMetaObject::invokeMethod(this, [this, request, result = std::move(result)] { emit answered(request, result); },
                                  Qt::QueuedConnection);
    });
    return request;
}

int HistoryQueries::regionSeries(const QString &code, int hours, bool byDay)
{
    return ask([code = code.toStdString(), hours, byDay](sqlite3 *db, int64_t now) {
        const history::KpiStep step = byDay ? history::KpiStep::Day : history::KpiStep::Hour;
        QVariantList points;
        for (const history::KpiPoint &p : history::regionSeries(db, code, now - int64_t(hours) * state::kHourMs, now + 1, step))
            points.append(kpiPoint(p));
        return QVariant(points);
    });
}

int HistoryQueries::weekComparison(const QString &code)
{
    return ask([code = code.toStdString()](sqlite3 *db, int64_t now) {
        const history::WeekComparison w = history::todayAgainstLastWeek(db, code, now);
        return QVariant(QVariantMap{{QStringLiteral("today"), kpiPoint(w.today)}, {QStringLiteral("lastWeek"), kpiPoint(w.lastWeek)}});
    });
}

int HistoryQueries::caseTimeline(const QString &caseId)
{
    return ask([id = caseId.toStdString()](sqlite3 *db, int64_t) {
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
    return ask([id = sensorId.toStdString(), hours](sqlite3 *db, int64_t now) {
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
    return ask([code = code.toStdString(), limit](sqlite3 *db, int64_t now) {
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
    return ask([since = int64_t(sinceMs)](sqlite3 *db, int64_t now) {
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

} // namespace gridwall::views
