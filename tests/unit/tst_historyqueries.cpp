// The panels' questions to the history are answered off the GUI thread, as
// plain QML values equal to the history's own queries.

#include "history/history.h"
#include "history/kpi.h"
#include "history/queries.h"
#include "views/historyqueries.h"
#include "views/historyquestion.h"
#include "views/livefeed.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace gridwall;

class TestHistoryQueries : public QObject
{
    Q_OBJECT

    // Waits for the answer to `request`.
    static QVariant answerTo(views::HistoryQueries &queries, int request)
    {
        QSignalSpy spy(&queries, &views::HistoryQueries::answered);
        for (int tries = 0; tries < 50; ++tries) {
            for (const QList<QVariant> &args : spy)
                if (args.at(0).toInt() == request)
                    return args.at(1);
            spy.wait(100);
        }
        return QVariant(QStringLiteral("no answer"));
    }

private slots:
    void answersMatchTheHistory()
    {
        QTemporaryDir dir;
        QString error;
        std::unique_ptr<history::History> h = history::History::open(dir.path(), &error);
        QVERIFY2(h, qPrintable(error));
        const int64_t now = feed::epochMs();
        {
            views::LiveFeed feed(std::nullopt, nullptr, h.get());
            for (int i = 0; i < 40; ++i) {
                feed::CaseEvent e;
                e.id = "q-" + std::to_string(i);
                e.seq = 1;
                e.status = feed::CaseStatus::Reported;
                e.ts = now - 3 * state::kHourMs + i * 60'000;
                e.category = "市容环境";
                e.priority = 1 + i % 4;
                e.title = "占道经营";
                e.deadline = e.ts + (i % 2 ? state::kHourMs : 6 * state::kHourMs);
                e.grid = "211103001001001";
                e.position = feed::GeoPoint{122.07, 41.12};
                QVERIFY(h->recordCase(e, e.ts + 100)); // journaled before it is applied, as the feed does
                feed.push(std::move(e));
            }
            feed::CaseEvent accepted;
            accepted.id = "q-3";
            accepted.seq = 2;
            accepted.status = feed::CaseStatus::Accepted;
            accepted.ts = now - state::kHourMs;
            QVERIFY(h->recordCase(accepted, accepted.ts + 100));
            feed.push(std::move(accepted));
            feed.push(feed::SensorReading{"gas-1", now - 5 * 60'000, 12.5});
            feed.drain();
        }
        h->flush();
        history::Connection db = history::connectHistory(h->path());

        views::HistoryQueries queries(h->path(), [now] { return now; });
        QVERIFY(queries.available());

        // Region series: the city's 40 reports, by hour.
        const QVariantList series = answerTo(queries, queries.regionSeries(QStringLiteral("city"), 24, false)).toList();
        int reported = 0;
        for (const QVariant &p : series)
            reported += p.toMap().value(QStringLiteral("reported")).toInt();
        QCOMPARE(reported, 40);
        QCOMPARE(series.size(), qsizetype(history::regionSeries(db.get(), "city", now - 24 * state::kHourMs, now + 1,
                                                                history::KpiStep::Hour).size()));

        // A case's timeline, in seq order.
        const QVariantList timeline = answerTo(queries, queries.caseTimeline(QStringLiteral("q-3"))).toList();
        QCOMPARE(timeline.size(), qsizetype(2));
        QCOMPARE(timeline[0].toMap().value(QStringLiteral("title")).toString(), QStringLiteral("占道经营"));
        QCOMPARE(timeline[1].toMap().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));

        // Top overdue in a district: those with a one-hour deadline, most overdue first.
        const QVariantList overdue = answerTo(queries, queries.topOverdue(QStringLiteral("211103"), 5)).toList();
        const std::vector<history::OverdueCase> direct = history::topOverdue(db.get(), "211103", now, 5);
        QCOMPARE(overdue.size(), qsizetype(direct.size()));
        QVERIFY(!direct.empty());
        QCOMPARE(overdue[0].toMap().value(QStringLiteral("id")).toString(), QString::fromStdString(direct[0].id));
        QCOMPARE(overdue[0].toMap().value(QStringLiteral("overdueMs")).toDouble(), double(now - direct[0].deadline));

        // Week comparison and what changed: the same figures.
        const QVariantMap week = answerTo(queries, queries.weekComparison(QStringLiteral("city"))).toMap();
        QCOMPARE(week.value(QStringLiteral("today")).toMap().value(QStringLiteral("reported")).toInt(),
                 history::todayAgainstLastWeek(db.get(), "city", now).today.reported);
        const QVariantMap changes = answerTo(queries, queries.changesSince(double(now - 4 * state::kHourMs))).toMap();
        QCOMPARE(changes.value(QStringLiteral("reported")).toList().size(), qsizetype(40));

        // A sensor's readings (the open bucket was written as the feed closed).
        const QVariantList readings = answerTo(queries, queries.sensorSeries(QStringLiteral("gas-1"), 1)).toList();
        QCOMPARE(readings.size(), qsizetype(1));
        QCOMPARE(readings[0].toMap().value(QStringLiteral("last")).toDouble(), 12.5);
        QCOMPARE(queries.answeredCount(), uint64_t(6));
    }

    // Each question is its own: asked once however many times it is poked in one turn, answered to it
    // alone, its answer cleared when it becomes another question; a plugin's client hears only its own.
    void eachQuestionIsAnsweredToItselfAlone()
    {
        QTemporaryDir dir;
        QString error;
        std::unique_ptr<history::History> h = history::History::open(dir.path(), &error);
        QVERIFY2(h, qPrintable(error));
        const int64_t now = feed::epochMs();
        for (int i = 0; i < 3; ++i) {
            feed::CaseEvent e;
            e.id = "t-" + std::to_string(i);
            e.seq = 1;
            e.status = feed::CaseStatus::Reported;
            e.ts = now - state::kHourMs;
            e.category = "dispute";
            QVERIFY(h->recordCase(e, e.ts + 100));
        }
        feed::CaseEvent accepted;
        accepted.id = "t-0";
        accepted.seq = 2;
        accepted.status = feed::CaseStatus::Accepted;
        accepted.ts = now - 30 * 60'000;
        QVERIFY(h->recordCase(accepted, accepted.ts + 100));
        h->flush();
        views::HistoryQueries queries(h->path(), [now] { return now; });

        views::CaseTimeline timeline;
        timeline.setHistory(&queries);
        timeline.setCaseId(QStringLiteral("t-1"));
        timeline.refresh();
        timeline.refresh(); // a new event and the selection in the same turn: one question
        QTRY_COMPARE(timeline.answerCount(), 1);
        QCOMPARE(timeline.rows().size(), qsizetype(1));
        QCOMPARE(timeline.rows().first().toMap().value(QStringLiteral("status")).toString(), QStringLiteral("reported"));
        QVERIFY(!timeline.loading());
        QTest::qWait(200);
        QCOMPARE(timeline.answerCount(), 1);

        // Another case: the first one's rows are not shown while the second is asked.
        timeline.setCaseId(QStringLiteral("t-2"));
        QVERIFY(timeline.rows().isEmpty());
        QTRY_COMPARE(timeline.answerCount(), 2);
        QCOMPARE(timeline.rows().size(), qsizetype(1));
        // The case changes while its question is out: the first case's answer never shows.
        timeline.setCaseId(QStringLiteral("t-1"));
        QCoreApplication::processEvents(); // asked (its answer may or may not be back: either way t-1 is never shown)
        QStringList shown;
        connect(&timeline, &views::HistoryQuestion::answered, &timeline, [&] {
            for (const QVariant &row : timeline.rows())
                shown.append(row.toMap().value(QStringLiteral("seq")).toString());
        });
        timeline.setCaseId(QStringLiteral("t-0"));
        QTRY_VERIFY(!timeline.loading() && !timeline.rows().isEmpty());
        QCOMPARE(timeline.rows().size(), qsizetype(2)); // t-0's report and its acceptance
        QCOMPARE(shown.size() % 2, 0);                   // only ever t-0's two rows, never t-1's one
        disconnect(&timeline, &views::HistoryQuestion::answered, &timeline, nullptr);
        // No case: nothing asked, nothing shown.
        const int answers = timeline.answerCount();
        timeline.setCaseId(QString());
        QTest::qWait(100);
        QVERIFY(timeline.rows().isEmpty());
        QCOMPARE(timeline.answerCount(), answers);

        // Two plugins' clients: each hears its own answers only.
        std::unique_ptr<views::HistoryQueries> a = queries.client();
        std::unique_ptr<views::HistoryQueries> b = queries.client();
        QSignalSpy heardByB(b.get(), &views::HistoryQueries::answered);
        QCOMPARE(answerTo(*a, a->caseTimeline(QStringLiteral("t-0"))).toList().size(), qsizetype(2));
        QTest::qWait(100);
        QCOMPARE(heardByB.count(), 0);

        // A question gone before its answer: the answer is dropped, nothing else happens.
        {
            views::RegionSeries series;
            series.setHistory(&queries);
            QCoreApplication::processEvents(); // asked
        }
        QTest::qWait(300); // its answer comes back to nobody
    }

    // Each list's answer as a model for QML views: every field of its rows is a
    // declared role (a delegate's `required property` reads it), the model
    // passes Qt's model tester, and it follows the answers as they change.
    void listAnswersAreModelsWithEveryFieldARole()
    {
        QTemporaryDir dir;
        QString error;
        std::unique_ptr<history::History> h = history::History::open(dir.path(), &error);
        QVERIFY2(h, qPrintable(error));
        const int64_t now = feed::epochMs();
        {
            views::LiveFeed feed(std::nullopt, nullptr, h.get());
            for (int i = 0; i < 4; ++i) {
                feed::CaseEvent e;
                e.id = "m-" + std::to_string(i);
                e.seq = 1;
                e.status = feed::CaseStatus::Reported;
                e.ts = now - 3 * state::kHourMs;
                e.deadline = now - (i + 1) * state::kHourMs; // each one overdue, m-3 the most
                e.category = "dispute";
                e.title = "Case " + std::to_string(i);
                e.grid = "211103001001001";
                e.position = feed::GeoPoint{122.07, 41.12};
                QVERIFY(h->recordCase(e, e.ts + 100)); // journaled before it is applied, as the feed does
                feed.push(std::move(e));
            }
            feed::CaseEvent accepted;
            accepted.id = "m-0";
            accepted.seq = 2;
            accepted.status = feed::CaseStatus::Accepted;
            accepted.ts = now - 2 * state::kHourMs;
            accepted.dept = "Urban management";
            accepted.note = "on the way";
            QVERIFY(h->recordCase(accepted, accepted.ts + 100));
            feed.push(std::move(accepted));
            feed.drain();
        }
        h->flush();
        views::HistoryQueries queries(h->path(), [now] { return now; });

        views::CaseTimeline timeline;
        views::OverdueCases overdue;
        views::RegionSeries trend;
        for (views::HistoryQuestion *q : std::initializer_list<views::HistoryQuestion *>{&timeline, &overdue, &trend})
            q->setHistory(&queries);
        QAbstractItemModelTester timelineTester(timeline.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester overdueTester(overdue.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester trendTester(trend.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        timeline.setCaseId(QStringLiteral("m-0"));
        overdue.setLimit(3);
        QTRY_VERIFY(timeline.answerCount() == 1 && overdue.answerCount() == 1 && trend.answerCount() == 1);

        QCOMPARE(timeline.model()->count(), 2);
        QCOMPARE(timeline.model()->undeclaredFields(), QStringList());
        const QModelIndex second = timeline.model()->index(1);
        const auto role = [](views::RowsModel *m, const QByteArray &name) { return m->roleNames().key(name, -1); };
        QCOMPARE(second.data(role(timeline.model(), "status")).toString(), QStringLiteral("accepted"));
        QCOMPARE(second.data(role(timeline.model(), "note")).toString(), QStringLiteral("on the way"));

        // The overdue list's `id` is the role caseId (`id` cannot be a delegate's property).
        QCOMPARE(overdue.model()->count(), 3);
        QCOMPARE(overdue.model()->undeclaredFields(), QStringList());
        QCOMPARE(role(overdue.model(), "id"), -1);
        QCOMPARE(overdue.model()->index(0).data(role(overdue.model(), "caseId")).toString(), QStringLiteral("m-3"));
        QCOMPARE(overdue.model()->index(0).data(role(overdue.model(), "title")).toString(), QStringLiteral("Case 3"));

        QVERIFY(trend.model()->count() > 0);
        QCOMPARE(trend.model()->undeclaredFields(), QStringList());

        // Another case: the model empties at once, then holds the new answer.
        timeline.setCaseId(QStringLiteral("m-2"));
        QCOMPARE(timeline.model()->count(), 0);
        QTRY_COMPARE(timeline.model()->count(), 1);
        overdue.setLimit(1);
        QTRY_COMPARE(overdue.model()->count(), 1);
    }

    // The on-time rate counts the cases closed in the span that had a deadline, on time when their SLA clock
    // stopped by it (resolved, or closed when never resolved; a return restarts the clock), as the live
    // state's "met"; the span before is counted apart. Typed for QML: current.rate, previous.closed.
    void onTimeRateCountsWhatTheLiveStateCallsMet()
    {
        QTemporaryDir dir;
        QString error;
        std::unique_ptr<history::History> h = history::History::open(dir.path(), &error);
        QVERIFY2(h, qPrintable(error));
        const int64_t now = feed::epochMs();
        const int64_t hour = state::kHourMs;
        views::LiveFeed feed(std::nullopt, nullptr, h.get());
        // Each case: its deadline, then (seq, status, ts) after its report at `reported`.
        struct Step
        {
            int64_t seq;
            feed::CaseStatus status;
            int64_t ts;
        };
        const auto play = [&](const std::string &id, int64_t reported, int64_t deadline, std::vector<Step> steps) {
            feed::CaseEvent e;
            e.id = id;
            e.seq = 1;
            e.status = feed::CaseStatus::Reported;
            e.ts = reported;
            e.category = "dispute";
            e.deadline = deadline;
            e.grid = id.rfind("far-", 0) == 0 ? "211102001001001" : "211103001001001";
            e.position = feed::GeoPoint{122.07, 41.12};
            QVERIFY(h->recordCase(e, e.ts + 100));
            feed.push(std::move(e));
            for (const Step &step : steps) {
                feed::CaseEvent next;
                next.id = id;
                next.seq = step.seq;
                next.status = step.status;
                next.ts = step.ts;
                QVERIFY(h->recordCase(next, next.ts + 100));
                feed.push(std::move(next));
            }
        };
        using S = feed::CaseStatus;
        const int64_t r = now - 20 * hour;
        play("in-time", r, r + 6 * hour, {{5, S::Resolved, r + 2 * hour}, {6, S::Closed, r + 3 * hour}});
        // Resolved by the deadline, the reporter's feedback after it: on time (the clock stopped at the resolution).
        play("feedback-late", r, r + 6 * hour, {{5, S::Resolved, r + 5 * hour}, {6, S::Closed, r + 9 * hour}});
        play("late", r, r + 6 * hour, {{5, S::Resolved, r + 7 * hour}, {6, S::Closed, r + 8 * hour}});
        // Resolved in time, returned, resolved again after the deadline: late.
        play("returned", r, r + 6 * hour, {{5, S::Resolved, r + hour}, {6, S::Returned, r + 2 * hour}, {7, S::Dispatched, r + 3 * hour},
                                          {8, S::Handling, r + 4 * hour}, {9, S::Resolved, r + 7 * hour}, {10, S::Closed, r + 8 * hour}});
        // Not counted: no deadline, rejected, still open, closed before the span.
        play("no-deadline", r, 0, {{5, S::Resolved, r + hour}, {6, S::Closed, r + 2 * hour}});
        play("rejected", r, r + 6 * hour, {{2, S::Rejected, r + hour}});
        play("open", r, r + 6 * hour, {{2, S::Accepted, r + hour}});
        // The day before: one on time, in another district.
        const int64_t y = now - 40 * hour;
        play("far-before", y, y + 6 * hour, {{5, S::Resolved, y + hour}, {6, S::Closed, y + 2 * hour}});
        feed.drain();
        h->flush();

        history::Connection db = history::connectHistory(h->path());
        const history::OnTimeCount city = history::onTimeCount(db.get(), "city", now - 24 * hour, now + 1);
        QCOMPARE(city.closed, 4);
        QCOMPARE(city.onTime, 2);
        QCOMPARE(history::onTimeCount(db.get(), "211102", now - 48 * hour, now + 1).closed, 1);
        QCOMPARE(history::onTimeCount(db.get(), "211103", now - 48 * hour, now + 1).closed, 4);
        // The live state agrees case by case.
        for (const auto &[id, late] : std::vector<std::pair<std::string, bool>>{{"in-time", false}, {"feedback-late", false},
                                                                                  {"late", true}, {"returned", true}}) {
            const auto it = feed.state().cases().find(id);
            QVERIFY2(it != feed.state().cases().end(), id.c_str());
            QCOMPARE(feed.state().slaOf(it->second).state, late ? state::SlaState::Missed : state::SlaState::Met);
        }
        // The plan reads the partial index alone.
        history::Statement plan(db.get(), "EXPLAIN QUERY PLAN SELECT count(*) FROM case_state INDEXED BY case_state_closed WHERE "
                                          "status = 'closed' AND deadline > 0 AND closed_ts >= 0 AND closed_ts < 1");
        QVERIFY(sqlite3_step(plan.get()) == SQLITE_ROW);
        QVERIFY2(history::columnText(plan.get(), 3).find("COVERING INDEX case_state_closed") != std::string::npos,
                 history::columnText(plan.get(), 3).c_str());

        views::HistoryQueries queries(h->path(), [now] { return now; });
        views::OnTimeRate rate;
        QSignalSpy figures(&rate, &views::OnTimeRate::figuresChanged);
        rate.setHistory(&queries);
        rate.setHours(24);
        QTRY_COMPARE(rate.answerCount(), 1);
        QCOMPARE(rate.current().closed, 4);
        QCOMPARE(rate.current().onTime, 2);
        QCOMPARE(rate.current().rate, 0.5);
        QCOMPARE(rate.previous().closed, 1);
        QCOMPARE(rate.previous().rate, 1.0);
        QCOMPARE(rate.current().to - rate.current().from, double(24 * hour));
        QVERIFY(figures.count() >= 1);
        // Another region: the figures are that region's.
        rate.setCode(QStringLiteral("211102"));
        QTRY_COMPARE(rate.answerCount(), 2);
        QCOMPARE(rate.current().closed, 0);
        QCOMPARE(rate.previous().closed, 1);
    }

    // Without a history every answer is empty, and still comes.
    void noHistoryAnswersEmpty()
    {
        views::HistoryQueries queries(QString(), [] { return int64_t(0); });
        QVERIFY(!queries.available());
        QVERIFY(!answerTo(queries, queries.topOverdue(QStringLiteral("city"), 5)).isValid());
        // A history that cannot be opened is none either (the panels say no history is kept).
        QTemporaryDir dir;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot open .* for the panels")));
        views::HistoryQueries unreadable(dir.filePath(QStringLiteral("no-such-folder/gridwall.sqlite")), [] { return int64_t(0); });
        QVERIFY(!unreadable.available());
    }
};

QTEST_GUILESS_MAIN(TestHistoryQueries)
#include "tst_historyqueries.moc"
