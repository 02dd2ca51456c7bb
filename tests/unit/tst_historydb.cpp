// The history database on its own: schema migrations, the case journal
// (every field back as written, each (case, seq) once), refusals leaving the
// contract's case_events view, and the writer thread.

#include "history/history.h"

#include <QTemporaryDir>
#include <QTest>

using namespace gridwall;

namespace {

feed::CaseEvent reported(const std::string &id, int64_t ts)
{
    feed::CaseEvent e;
    e.id = id;
    e.ts = ts;
    e.seq = 1;
    e.status = feed::CaseStatus::Reported;
    e.category = "市政设施";
    e.source = feed::CaseSource::Hotline;
    e.priority = 2;
    e.position = feed::GeoPoint{122.0712, 41.1203};
    e.deadline = ts + 86'400'000;
    e.title = "路灯不亮";
    e.grid = "211103001001001";
    return e;
}

int64_t count(sqlite3 *db, const char *sql)
{
    history::Statement s(db, sql);
    return s && sqlite3_step(s.get()) == SQLITE_ROW ? sqlite3_column_int64(s.get(), 0) : -1;
}

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT

private slots:
    void freshDatabaseIsAtTheCurrentSchemaInWal()
    {
        QTemporaryDir dir;
        history::OpenResult opened = history::openHistory(dir.path());
        QVERIFY2(opened.db, qPrintable(opened.error));
        QCOMPARE(history::schemaVersion(opened.db.get()), history::kSchemaVersion);
        history::Statement mode(opened.db.get(), "PRAGMA journal_mode");
        QCOMPARE(sqlite3_step(mode.get()), SQLITE_ROW);
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(mode.get(), 0))), QByteArray("wal"));
        QVERIFY(opened.movedAside.isEmpty());
    }

    // A database written by the first schema gains the later migrations and keeps its rows.
    void migratesFromAnOlderSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("gridwall.sqlite");
        {
            history::Connection db = history::connectHistory(path);
            QVERIFY(db);
            QString error;
            QVERIFY2(history::migrate(db.get(), 1, &error), qPrintable(error));
            QCOMPARE(history::schemaVersion(db.get()), 1);
            QVERIFY(history::exec(db.get(), "INSERT INTO case_log(case_id, seq, status, ts, received_at) "
                                            "VALUES ('old-1', 1, 'reported', 1000, 1001), ('old-1', 2, 'accepted', 2000, 2001)"));
            QCOMPARE(count(db.get(), "SELECT count(*) FROM sqlite_schema WHERE name = 'case_log_ts'"), int64_t(0));
        }
        history::OpenResult opened = history::openHistory(dir.path());
        QVERIFY2(opened.db, qPrintable(opened.error));
        QCOMPARE(history::schemaVersion(opened.db.get()), history::kSchemaVersion);
        QCOMPARE(count(opened.db.get(), "SELECT count(*) FROM sqlite_schema WHERE name = 'case_log_ts'"), int64_t(1));
        QCOMPARE(count(opened.db.get(), "SELECT count(*) FROM case_events WHERE case_id = 'old-1'"), int64_t(2));
        const std::vector<feed::CaseEvent> events = history::readCaseJournal(opened.db.get());
        QCOMPARE(events.size(), size_t(2));
        QCOMPARE(events[1].status, feed::CaseStatus::Accepted);
    }

    void journalKeepsEveryFieldOnce()
    {
        QTemporaryDir dir;
        QString error;
        std::unique_ptr<history::History> h = history::History::open(dir.path(), &error);
        QVERIFY2(h, qPrintable(error));
        feed::CaseEvent first = reported("c-1", 1'796'000'000'000);
        QVERIFY(h->recordCase(first, first.ts + 5));
        QCOMPARE(first.journalId, int64_t(1));
        QVERIFY(h->recordCase(first, first.ts + 9)); // redelivered: kept as it was
        QCOMPARE(first.journalId, int64_t(0));
        feed::CaseEvent closed;
        closed.id = "c-1";
        closed.ts = first.ts + 3'600'000;
        closed.seq = 6;
        closed.status = feed::CaseStatus::Closed;
        closed.note = "已回访";
        closed.rating = 5;
        QVERIFY(h->recordCase(closed, closed.ts + 1));
        QCOMPARE(h->persisted(), uint64_t(3));

        const std::vector<feed::CaseEvent> events = h->readJournal();
        QCOMPARE(events.size(), size_t(2));
        const feed::CaseEvent &r = events[0];
        QCOMPARE(r.id, first.id);
        QCOMPARE(r.seq, int64_t(1));
        QCOMPARE(r.status, feed::CaseStatus::Reported);
        QCOMPARE(r.ts, first.ts);
        QCOMPARE(r.category, first.category);
        QVERIFY(r.source && *r.source == feed::CaseSource::Hotline);
        QCOMPARE(r.priority, 2);
        QVERIFY(r.position && r.position->lon == 122.0712 && r.position->lat == 41.1203);
        QCOMPARE(r.deadline, first.deadline);
        QCOMPARE(r.title, first.title);
        QCOMPARE(r.grid, first.grid);
        QCOMPARE(events[1].note, std::string("已回访"));
        QCOMPARE(events[1].rating, 5);
        QVERIFY(!events[1].position);

        history::Connection db = history::connectHistory(h->path());
        QCOMPARE(count(db.get(), "SELECT received_at FROM case_events WHERE seq = 1"), first.ts + 5);
    }

    // What the live state refused leaves case_events and the replay, on the writer thread.
    void refusalsLeaveTheAcceptedView()
    {
        QTemporaryDir dir;
        QString error;
        std::unique_ptr<history::History> h = history::History::open(dir.path(), &error);
        QVERIFY2(h, qPrintable(error));
        feed::CaseEvent e = reported("c-2", 1'796'000'000'000);
        QVERIFY(h->recordCase(e, e.ts));
        e.seq = 2;
        e.status = feed::CaseStatus::Closed; // reported -> closed: illegal
        QVERIFY(h->recordCase(e, e.ts));
        std::vector<history::Refusal> refusals{{"c-2", 2, feed::Reject::IllegalTransition}};
        bool marked = false;
        h->post([refusals, &marked](sqlite3 *db) { marked = history::markRefused(db, refusals); });
        h->flush();
        QVERIFY(marked);
        history::Connection db = history::connectHistory(h->path());
        QCOMPARE(count(db.get(), "SELECT count(*) FROM case_log WHERE case_id = 'c-2'"), int64_t(2));
        QCOMPARE(count(db.get(), "SELECT count(*) FROM case_events WHERE case_id = 'c-2'"), int64_t(1));
        QCOMPARE(count(db.get(), "SELECT count(*) FROM case_log WHERE refused = 'illegal_transition'"), int64_t(1));
        QCOMPARE(h->readJournal().size(), size_t(1));
    }

    void alarmTransitionsAreKept()
    {
        QTemporaryDir dir;
        history::OpenResult opened = history::openHistory(dir.path());
        QVERIFY2(opened.db, qPrintable(opened.error));
        std::vector<history::AlarmTransition> t = {
            {7, "raised", 1000, "sensor_alarm", 4, "s-1", "smoke", "211104", 82.5},
            {7, "acknowledged", 2000, "sensor_alarm", 4, "s-1", "smoke", "211104", 82.5},
            {7, "cleared", 3000, "sensor_alarm", 4, "s-1", "smoke", "211104", 82.5},
        };
        QVERIFY(history::recordAlarms(opened.db.get(), 555, t));
        QCOMPARE(count(opened.db.get(), "SELECT count(*) FROM alarm_log WHERE run = 555 AND alarm_id = 7"), int64_t(3));
        QCOMPARE(count(opened.db.get(), "SELECT at FROM alarm_log WHERE phase = 'cleared'"), int64_t(3000));
        QCOMPARE(count(opened.db.get(), "SELECT count(*) FROM alarm_log WHERE district = '211104' AND severity = 4"), int64_t(3));
    }
};

QTEST_APPLESS_MAIN(TestHistory)
#include "tst_historydb.moc"
